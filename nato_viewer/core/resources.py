"""Where the plain resource files (icons, styles, catalogs) and the seed corpus are.

In a checkout they are the top-level `resources/` and `seeds/` folders; in an
installed wheel they are the packages `nato_viewer.resources` and `nato_viewer.seeds`
(pyproject maps the folders onto them). Both are found the same way here.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


@cache
def _package_dir(package: str, folder: str) -> Path:
    checkout = _CHECKOUT / folder
    if checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return checkout
    try:
        spec = importlib.util.find_spec(package)
    except (ModuleNotFoundError, ValueError):
        spec = None
    if spec and spec.submodule_search_locations:
        # a plain folder in site-packages (the seeds are a namespace package: no __init__.py)
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (it may not exist: callers check)."""
    return _package_dir("nato_viewer.resources", "resources").joinpath(*parts)


def seeds_path() -> Path:
    """The folder of seed documents the app opens when given none."""
    return _package_dir("nato_viewer.seeds", "seeds")


def locale_dir() -> Path:
    return resource_path("locale")
