"""The wheel ships every Python package of the project, and the resources and seeds beside them."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = None


def test_every_package_is_listed_in_pyproject():
    if tomllib is None:
        return
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "nato_viewer").rglob("__init__.py")
    }
    missing = sorted(on_disk - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    mapped = config["tool"]["setuptools"]["package-dir"]
    assert mapped == {"nato_viewer.resources": "resources", "nato_viewer.seeds": "seeds"}
    assert any((ROOT / "seeds").glob("*.txt")) and (ROOT / "resources" / "locale").is_dir()
