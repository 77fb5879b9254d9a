"""Shared fixtures: where ../shared is (beside the checkout, as in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (corpus and gold) is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_file() -> Path:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    assert files, "seeds/ must hold the seed press release"
    return files[0]


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English and leaves the language as it found it (i18n state is process-wide)."""
    from nato_viewer.core import i18n

    previous = i18n.current_language()
    i18n.install("en")
    yield
    i18n.install(previous)
