"""The composition root: the one place that builds the application's objects and wires them.

`run(args)` is called by nato_viewer.cli with the parsed arguments (.paths, .lang, .db,
.reset_settings). Nothing else creates a Library, a Selection or the settings store.
"""

from __future__ import annotations

import sys

from nato_viewer.core import i18n
from nato_viewer.core.resources import resource_path, seeds_path
from nato_viewer.core.selection import Selection


def _stylesheet() -> str:
    path = resource_path("styles", "app.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def choose_language(cli_lang: str | None, settings) -> str:
    """--lang, else the language chosen in the menu last time, else the system's."""
    return cli_lang or settings.language() or i18n.system_language()


def compose(library, settings, lang: str):
    """Build the window and everything it works with; returns the MainWindow (not shown)."""
    from nato_viewer.qt.event_model import EventTableModel
    from nato_viewer.qt.main_window import MainWindow
    from nato_viewer.qt.print_actions import BriefingPrinter
    from nato_viewer.qt.workers import IndexWorker

    worker = IndexWorker(library)
    selection = Selection()
    model = EventTableModel(library.event_rows, lang)
    window = MainWindow(library, selection, model, worker, settings, lang, printing=BriefingPrinter(library))
    worker.setParent(window)
    model.setParent(window)
    return window


def run(args) -> int:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from nato_viewer.core.store import Library
    from nato_viewer.qt.settings_store import SettingsStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("nato_viewer")
    app.setOrganizationName("nato_viewer")
    app.setStyle("Fusion")
    pg.setConfigOptions(antialias=True)

    settings = SettingsStore(getattr(args, "settings", None))
    if getattr(args, "reset_settings", False):
        settings.reset()
    lang = i18n.install(choose_language(getattr(args, "lang", None), settings))
    app.setStyleSheet(_stylesheet())

    try:
        library = Library(getattr(args, "db", None), rebuild=False)
    except Exception as error:  # an unusable library path: one clear line, no traceback
        print(f"nato-viewer: cannot open the library: {error}", file=sys.stderr)
        return 2

    window = compose(library, settings, lang)
    window.show()
    window.start_after_first_paint()
    paths = list(getattr(args, "paths", None) or [])
    if library.pending_rebuild:  # the file was damaged and moved aside: rebuild in the background
        window.open_paths(list(library.pending_rebuild), restrict=False)
    if paths:
        window.open_paths(paths)
    elif int(library.stats().get("documents", 0)) == 0:
        seeds = seeds_path()
        if seeds.is_dir():
            window.open_paths([str(seeds)], restrict=False)
    try:
        return int(app.exec())
    finally:
        if window.worker.is_running():
            window.worker.cancel()
            window.worker.wait(10)
        library.close()
