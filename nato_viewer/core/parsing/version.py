"""A fingerprint of the parser's code: the library re-parses its files when the parser changes."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_CORE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def parser_version() -> str:
    digest = hashlib.sha256()
    files = sorted((_CORE / "parsing").glob("*.py")) + [_CORE / "loader.py", _CORE / "model.py"]
    for path in files:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:  # a file missing from an odd install: the version just differs
            continue
    return digest.hexdigest()[:16]
