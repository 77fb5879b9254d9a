"""The composition root, the settings store, the background worker and the source pane's offsets."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from nato_viewer.core.store import Library
from nato_viewer.qt import app as app_module
from nato_viewer.qt.panes.source import qt_text_and_offsets
from nato_viewer.qt.settings_store import SettingsStore
from nato_viewer.qt.workers import IndexWorker

# run() ends with app.exec(); after that Qt refuses to start event loops in this process, so the
# launch is tested in a child process, like a user starting the program.
LAUNCH = """
import sys
from argparse import Namespace
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from nato_viewer.qt import app as app_module
from nato_viewer.qt.main_window import MainWindow
seen = {}
def poll():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    if window is not None and not window.worker.is_running() and window.event_model.rowCount():
        print("ROWS", window.event_model.rowCount(), "LANG", window.lang, "VISIBLE", window.isVisible(),
              "TITLE", window.windowTitle())
        window.close()
        app.quit()
    else:
        QTimer.singleShot(100, poll)
QTimer.singleShot(100, poll)
args = Namespace(paths=sys.argv[3:], lang=sys.argv[2] or None, db=sys.argv[1], reset_settings=False,
                 settings=sys.argv[1] + ".ini")
sys.exit(app_module.run(args))
"""


def _launch(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=tmp_path)


def test_first_run_indexes_the_seeds_and_honours_lang(tmp_path):
    db = tmp_path / "first.sqlite3"
    result = _launch(tmp_path, str(db), "fr")
    assert result.returncode == 0, result.stderr
    assert "LANG fr VISIBLE True" in result.stdout
    assert int(result.stdout.split("ROWS ")[1].split()[0]) >= 1
    library = Library(db)
    try:
        assert library.stats()["documents"] >= 1
        assert all("seeds" in row.doc_path for row in library.event_rows(library.all_event_ids()))
    finally:
        library.close()


def test_paths_on_the_command_line_are_indexed_and_shown(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text("Le 3 mars 2024, les ministres de l'OTAN se sont réunis à Bruxelles.\n",
                                    encoding="utf-8")
    db = tmp_path / "paths.sqlite3"
    result = _launch(tmp_path, str(db), "en", str(folder / "one.txt"))
    assert result.returncode == 0, result.stderr
    assert "LANG en" in result.stdout
    library = Library(db)
    try:
        paths = {row.doc_path for row in library.event_rows(library.all_event_ids())}
        assert str((folder / "one.txt").resolve()) in paths
    finally:
        library.close()


def test_language_choice_order(tmp_path):
    settings = SettingsStore(str(tmp_path / "s.ini"))
    assert app_module.choose_language("en", settings) == "en"
    settings.set_language("fr")
    assert app_module.choose_language(None, settings) == "fr"
    assert app_module.choose_language("en", settings) == "en"


def test_settings_round_trip_and_reset(tmp_path):
    path = str(tmp_path / "s.ini")
    settings = SettingsStore(path)
    settings.set_language("fr")
    settings.set_geometry(b"\x00\x01geometry")
    settings.set_splitter("main", [300, 600])
    settings.set_last_folder("/data/news")
    settings.sync()
    again = SettingsStore(path)
    assert again.language() == "fr"
    assert again.geometry() == b"\x00\x01geometry"
    assert again.splitter("main") == [300, 600]
    assert again.last_folder() == "/data/news"
    again.reset_state()
    assert again.geometry() is None and again.language() == "fr"
    again.reset()
    assert again.language() is None


def test_settings_ignore_garbage(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[settings]\nlanguage=klingon\n[state]\nsplitters\\main=a,b\ngeometry=%%%\n")
    settings = SettingsStore(str(path))
    assert settings.language() is None and settings.splitter("main") is None and settings.geometry() is None


def test_worker_reports_failure_without_raising(qtbot):
    class Broken:
        def index(self, paths, progress=None, should_stop=None):
            raise OSError("disk full")

    worker = IndexWorker(Broken())
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        assert worker.start(["/x"])
    assert blocker.args == ["disk full"]
    assert worker.wait(5)


def test_worker_throttles_progress_and_can_be_cancelled(qtbot):
    class Slow:
        def index(self, paths, progress=None, should_stop=None):
            done = 0
            for done in range(1, 100001):
                progress(done, 100000)
                if should_stop():
                    break
            return done

    worker = IndexWorker(Slow())
    received = []
    worker.progress.connect(lambda d, t: received.append(d))
    with qtbot.waitSignal(worker.finished, timeout=10000) as blocker:
        worker.start(["/x"])
        assert not worker.start(["/y"])  # one run at a time
    assert blocker.args[0] == 100000
    assert received[-1] == 100000 and len(received) < 1000  # throttled, and the last one always sent
    with qtbot.waitSignal(worker.finished, timeout=10000) as blocker:
        worker.start(["/x"])
        worker.cancel()
    assert worker.cancelled and blocker.args[0] < 100000


@pytest.mark.parametrize("text", ["plain ascii", "emoji 😀 then text", "crlf\r\nline\r\nend", "mixé 𝔘 \r\n ok"])
def test_source_offsets_follow_qt_positions(qtbot, text):
    from nato_viewer.qt.panes.source import SourcePane

    qt_text, offsets = qt_text_and_offsets(text)
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.editor.setPlainText(qt_text)
    pane._offsets = offsets
    for word in ("text", "line", "end", "ok", "ascii"):
        at = text.find(word)
        if at >= 0:
            assert pane.text_of_span((at, at + len(word))) == word
