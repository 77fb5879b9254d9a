"""Qt test setup: offscreen platform before any Qt import, and a real library built from the seed."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from nato_viewer.core import i18n  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# a few real texts of the shared corpus, in both languages, beside the seed
CORPUS_SAMPLE = (
    "nato_2015-06-18_fr_nato-sg-exercice-noble-jump-pologne-partial.txt",
    "nato_2015-12-03_en_montenegro-gov-stoltenberg-honour-to-invite-montenegro.txt",
    "nato_2014-04-07_fr_nato-mesures-suspension-cooperation-russie-partial.txt",
    "nato_2010-10-25_en_isaf-insurgents-killed-helmand.txt",
)


# The offscreen platform warns that it cannot propagate size hints whenever a window is
# shown; that says nothing about our code, every other Qt warning still fails the test.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/qt/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


APP_TEST_MODULES = {"test_app.py", "test_main_window.py", "test_models.py", "test_timeline.py"}


@pytest.fixture(autouse=True)
def english(request):
    """The app's tests read English labels; other modules' language state is left as they set it."""
    if Path(str(request.node.fspath)).name not in APP_TEST_MODULES:
        yield
        return
    previous = i18n.current_language()
    i18n.install("en")
    yield
    i18n.install(previous)


@pytest.fixture(scope="session")
def library_files(tmp_path_factory) -> Path:
    """A folder with the seed and, when ../shared is there, a few corpus texts."""
    folder = tmp_path_factory.mktemp("texts")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    for name in CORPUS_SAMPLE:
        if (SHARED_CORPUS / name).is_file():
            shutil.copy(SHARED_CORPUS / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def library_db(tmp_path_factory, library_files) -> Path:
    """A library database indexed once per session; tests copy it so each starts clean."""
    from nato_viewer.core.store import Library

    path = tmp_path_factory.mktemp("db") / "library.sqlite3"
    library = Library(path)
    try:
        report = library.index([str(library_files)], workers=1)
        assert report.added >= 1, report
    finally:
        library.close()
    return path


@pytest.fixture
def library(tmp_path, library_db):
    from nato_viewer.core.store import Library

    path = tmp_path / "library.sqlite3"
    shutil.copy(library_db, path)
    lib = Library(path)
    yield lib
    lib.close()


@pytest.fixture
def settings(tmp_path):
    from nato_viewer.qt.settings_store import SettingsStore

    return SettingsStore(str(tmp_path / "settings.ini"))


@pytest.fixture
def make_window(qtbot, settings):
    """Factory: the real MainWindow composed over a library, like the app does."""
    from nato_viewer.qt.app import compose

    windows = []

    def make(library, lang: str = "en"):
        i18n.install(lang)
        window = compose(library, settings, lang)
        qtbot.addWidget(window)
        window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.worker.is_running():
            window.worker.cancel()
            window.worker.wait(10)
