"""The core must stay importable and usable without Qt (napari/Anki style split)."""

import subprocess
import sys

CODE = r"""
import sys, importlib, pkgutil
import nato_viewer.core as core
for mod in pkgutil.walk_packages(core.__path__, "nato_viewer.core."):
    importlib.import_module(mod.name)
from nato_viewer.core.parsing.pipeline import parse_text
parse_text("Les ministres se sont réunis jeudi 15 février 2024 à Bruxelles.")
bad = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph"}
             or m.startswith("nato_viewer.qt"))
print("LOADED:" + ",".join(bad))
"""


def test_importing_and_using_the_core_loads_no_qt():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout
    loaded = out.strip().rsplit("LOADED:", 1)[1]
    assert loaded == "", f"core pulled in Qt modules: {loaded}"


def test_parse_verb_loads_no_qt(tmp_path):
    (tmp_path / "a.txt").write_text("NATO Defence Ministers met on 15 February 2024 in Brussels.", encoding="utf-8")
    code = (
        "import sys; from nato_viewer.cli import main; rc = main(['parse', '-q', sys.argv[1]]);"
        "print('QT' if any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules) else 'NOQT')"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("NOQT")
