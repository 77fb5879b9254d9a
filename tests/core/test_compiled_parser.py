"""The parser compiled by Cython (setup.py) gives exactly what its Python source gives, and runs only while
that source is unchanged."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nato_viewer.core.parsing as parsing
from nato_viewer.core.parsing import pipeline

PACKAGE_ROOT = Path(parsing.__file__).resolve().parents[3]

PROBE = """
import json, sys
import nato_viewer.core.parsing as parsing
from nato_viewer.core.parsing import people, pipeline
print(json.dumps({"compiled": parsing.compiled_modules(), "people": people.__file__}))
"""


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "NATO_VIEWER_PURE_PYTHON"}
    return {**env, **extra}


def _run_probe(tree: Path, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE], env=_env(PYTHONPATH=str(tree), **extra),
                          capture_output=True, text=True, cwd=tree)


def _probe(tree: Path, **extra) -> dict:
    done = _run_probe(tree, **extra)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _copy_package(tmp_path: Path) -> Path:
    """A copy of the installed nato_viewer package (with any compiled modules) that a test may edit."""
    tree = tmp_path / "tree"
    shutil.copytree(PACKAGE_ROOT / "nato_viewer", tree / "nato_viewer",
                    ignore=shutil.ignore_patterns("__pycache__", "qt"))
    return tree


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_compiled_module_not_built_from_its_current_source_is_never_loaded(tmp_path):
    # A file that is no valid extension: Python fails if it tries to load it, so the import succeeding
    # proves the source was used. This runs in a pure-Python install too.
    tree = _copy_package(tmp_path)
    folder = tree / "nato_viewer" / "core" / "parsing"
    for built in folder.glob("people.*"):
        if built.suffix != ".py":
            built.unlink()
    broken = folder / f"people{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    broken.write_bytes(b"not a shared object")
    manifest = folder / parsing.MANIFEST
    kept = [line for line in (manifest.read_text().splitlines() if manifest.exists() else [])
            if not line.endswith("  people.py")]

    # no digest recorded for people.py
    manifest.write_text("".join(f"{line}\n" for line in kept))
    result = _probe(tree)
    assert result["people"].endswith("people.py") and "people" not in result["compiled"]

    # a digest of another source: the checkout was edited after the build
    manifest.write_text("".join(f"{line}\n" for line in kept) + f"{'0' * 64}  people.py\n")
    result = _probe(tree)
    assert result["people"].endswith("people.py") and "people" not in result["compiled"]

    # the right digest: Python is let load the (broken) compiled module, and says so
    manifest.write_text(f"{_digest(folder / 'people.py')}  people.py\n")
    done = _run_probe(tree)
    assert done.returncode != 0 and "ImportError" in done.stderr

    # ...unless pure Python is asked for
    result = _probe(tree, NATO_VIEWER_PURE_PYTHON="1")
    assert result["people"].endswith("people.py") and result["compiled"] == []


needs_compiled = pytest.mark.skipif(
    not parsing.compiled_modules(),
    reason="the parser is not compiled in this install (no C compiler or NATO_VIEWER_NO_COMPILE set)",
)


@needs_compiled
def test_compiled_modules_are_the_ones_imported():
    assert "people" in parsing.compiled_modules() and "pipeline" in parsing.compiled_modules()
    for name in parsing.compiled_modules():
        module = sys.modules.get(f"{parsing.__name__}.{name}")
        if module is not None:
            assert not module.__file__.endswith(".py"), name
    assert not pipeline.__file__.endswith(".py")


@needs_compiled
def test_an_edited_source_runs_as_python_and_the_rest_stays_compiled(tmp_path):
    tree = _copy_package(tmp_path)
    people = tree / "nato_viewer" / "core" / "parsing" / "people.py"
    people.write_text(people.read_text(encoding="utf-8") + "\n# edited after the build\n", encoding="utf-8")
    result = _probe(tree)
    assert result["people"].endswith("people.py")
    assert "people" not in result["compiled"] and "pipeline" in result["compiled"]


@needs_compiled
def test_compiled_and_pure_parsers_give_the_same_output(shared, seed_file):
    files = [seed_file, *sorted((shared / "corpus").glob("*.txt"))]
    args = [sys.executable, "-m", "nato_viewer", "parse", *map(str, files), "--format", "json", "-q"]
    outputs = []
    for env in (_env(), _env(NATO_VIEWER_PURE_PYTHON="1")):
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
        outputs.append(json.loads(done.stdout))
    compiled, pure = outputs
    assert len(compiled["documents"]) == len(files)
    assert compiled == pure
