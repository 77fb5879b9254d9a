"""Rule-based extraction of events, quotes, figures, countries and people (French and English).

The modules are plain Python. An install may also hold them compiled by Cython (setup.py), which Python
would import in preference to the source; they are used only while the source they were compiled from
is unchanged (its digest in `compiled-sources.txt`) and NATO_VIEWER_PURE_PYTHON is not set. Any other
module of this package is imported from its source, so an edited checkout never runs stale code.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
MANIFEST = "compiled-sources.txt"  # written by setup.py's build


def _extension_modules() -> frozenset[str]:
    """Names of the modules that have a compiled form in this folder, fresh or not."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    try:
        return frozenset(p.name.partition(".")[0] for p in _HERE.iterdir() if p.name.endswith(suffixes))
    except OSError:
        return frozenset()


def _fresh(built: frozenset[str]) -> frozenset[str]:
    """Those of `built` whose source still has the digest it was compiled from."""
    if not built or os.environ.get("NATO_VIEWER_PURE_PYTHON"):
        return frozenset()
    try:
        lines = (_HERE / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    fresh = set()
    for line in lines:
        digest, _, file_name = line.partition("  ")
        name = file_name.removesuffix(".py")
        try:
            if name in built and hashlib.sha256((_HERE / file_name).read_bytes()).hexdigest() == digest:
                fresh.add(name)
        except OSError:
            continue
    return frozenset(fresh)


class _SourceUnlessCompiled(importlib.abc.MetaPathFinder):
    """Imports this package's modules from their .py source, except those compiled from that very source."""

    def __init__(self, compiled: frozenset[str]):
        self.compiled = compiled

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != __name__ or name in self.compiled:
            return None
        source = _HERE / f"{name}.py"
        if not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


_BUILT = _extension_modules()
_COMPILED = _fresh(_BUILT)
if _BUILT - _COMPILED:  # only then could Python pick a compiled module that must not run
    sys.meta_path.insert(0, _SourceUnlessCompiled(_COMPILED))


def compiled_modules() -> list[str]:
    """The modules of this package that run compiled (none in a pure-Python install)."""
    return sorted(_COMPILED)
