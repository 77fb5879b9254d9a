"""The main window: search bar, timeline, event list and detail panes, laid out and wired.

Everything it works with (library, selection, model, worker, settings) is built by the
composition root (qt/app.py) and handed in; the window only arranges and connects.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nato_viewer.core.formatting import format_event_date, format_number, kind_label
from nato_viewer.core.i18n import _, ngettext
from nato_viewer.core.resources import resource_path
from nato_viewer.qt.error_panel import ErrorPanel
from nato_viewer.qt.panes.countries import CountriesPane
from nato_viewer.qt.panes.figures import FiguresPane
from nato_viewer.qt.panes.quotes import QuotesPane
from nato_viewer.qt.panes.source import SourcePane
from nato_viewer.qt.search_bar import SearchBar
from nato_viewer.qt.timeline import TimelinePlot
from nato_viewer.qt.view_controller import ViewController

ROW_HEIGHT = 24
REFRESH_WHILE_INDEXING_MS = 2000  # show newly indexed documents every so often, not per file
BRIEFING_MAX_EVENTS = 200
FIRST_PAINT_WAIT_MS = 500


def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


class DetailHeader(QWidget):
    """Title and one line of facts about the selected event (all plain text)."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.meta = QLabel(self)
        self.meta.setObjectName("detailMeta")
        for label in (self.title, self.meta):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addWidget(self.meta)
        self.show_event(None, None)

    def show_event(self, doc, event) -> None:
        if doc is None:
            self.title.setText(_("No event selected"))
            self.meta.setText(_("Select an event in the list or on the timeline."))
            return
        if event is None:
            self.title.setText(doc.title or doc.name)
            self.meta.setText(doc.path)
            return
        self.title.setText(event.title)
        parts = [
            format_event_date(event.start, event.end, event.precision, self.lang, event.anchor),
            kind_label(event.kind),
        ]
        if event.date_text:
            parts.append(_("date as written: \u201c{text}\u201d").format(text=event.date_text))
        parts.append(doc.title or doc.name)
        self.meta.setText("  \u00b7  ".join(p for p in parts if p))


class _AfterFirstPaint(QObject):
    """Calls `then` once, on the event loop's turn after `widget` first paints, or after
    FIRST_PAINT_WAIT_MS if it does not paint (a window started minimised)."""

    def __init__(self, widget: QWidget, then, parent=None):
        super().__init__(parent)
        self._widget = widget
        self._then = then
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._widget.removeEventFilter(self)
            self._then()


class MainWindow(QMainWindow):
    def __init__(self, library, selection, event_model, index_worker, settings, lang: str, printing=None):
        super().__init__()
        self.library = library
        self.selection = selection
        self.event_model = event_model
        self.worker = index_worker
        self.settings = settings
        self.lang = lang
        self.printing = printing
        self._pending_paths: list[list[str]] = []
        self._restrict_after_index: list[str] | None = None
        self._reading_text: str | None = None
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setWindowIcon(icon("app"))

        # ---- widgets ----
        self.search_bar = SearchBar(lang, self)
        self.timeline = TimelinePlot(lang, self)
        self.timeline.setObjectName("timeline")
        self.timeline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table = QTableView(self)
        self.table.setObjectName("eventTable")
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        self.controller = ViewController(library, selection, event_model, self.table, self.timeline, self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 190), (1, 100), (3, 90), (4, 160)):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)

        self.detail_header = DetailHeader(lang, self)
        self.quotes = QuotesPane(self)
        self.figures = FiguresPane(lang, self)
        self.countries = CountriesPane(lang, self)
        self.source = SourcePane(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.quotes, _("Quotes"))
        self.tabs.addTab(self.figures, _("Figures"))
        self.tabs.addTab(self.countries, _("Countries"))

        self.detail_splitter = QSplitter(Qt.Orientation.Vertical)
        detail_top = QWidget()
        top_box = QVBoxLayout(detail_top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.setSpacing(0)
        top_box.addWidget(self.detail_header)
        top_box.addWidget(self.tabs, 1)
        self.detail_splitter.addWidget(detail_top)
        self.detail_splitter.addWidget(self.source)
        self.detail_splitter.setSizes([300, 300])

        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_splitter.addWidget(self.table)
        self.bottom_splitter.addWidget(self.detail_splitter)
        self.bottom_splitter.setSizes([800, 600])  # the list, whose event column takes what is left, gets more
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(self.timeline)
        self.main_splitter.addWidget(self.bottom_splitter)
        self.main_splitter.setSizes([330, 600])
        for splitter in (self.main_splitter, self.bottom_splitter, self.detail_splitter):
            splitter.setChildrenCollapsible(False)

        self.restriction_bar = QWidget(self)
        restriction_box = QHBoxLayout(self.restriction_bar)
        restriction_box.setContentsMargins(6, 0, 6, 0)
        self.restriction_label = QLabel(self.restriction_bar)
        self.restriction_label.setTextFormat(Qt.TextFormat.PlainText)
        self.restriction_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.show_all_button = QPushButton(_("Show the whole library"), self.restriction_bar)
        restriction_box.addWidget(self.restriction_label, 1)
        restriction_box.addWidget(self.show_all_button)
        self.restriction_bar.hide()

        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.search_bar)
        box.addWidget(self.restriction_bar)
        box.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.error_panel = ErrorPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.error_panel)
        self.error_panel.hide()

        self._build_status_bar()
        self._build_actions()
        self._connect()
        self._restore_state()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_WHILE_INDEXING_MS)
        self._refresh_timer.timeout.connect(self._refresh_during_index)
        self._indexed_since_refresh = False

    # ---- construction ---------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.errors_button = QToolButton(self)
        self.errors_button.setAutoRaise(True)
        self.errors_button.hide()
        self.errors_button.clicked.connect(lambda: self.error_panel.setVisible(not self.error_panel.isVisible()))
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.errors_button)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_files_action = self._action(_("&Open files\u2026"), self.open_files_dialog,
                                              QKeySequence.StandardKey.Open, "open")
        self.open_folder_action = self._action(_("Open &folder\u2026"), self.open_folder_dialog, "Ctrl+Shift+O",
                                               "folder")
        self.print_action = self._action(_("&Print briefing\u2026"), self.print_briefing,
                                         QKeySequence.StandardKey.Print, "print")
        self.export_action = self._action(_("&Export briefing as PDF\u2026"), self.export_briefing_pdf,
                                          "Ctrl+Shift+E", "pdf")
        self.quit_action = self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.find_action = self._action(_("&Search"), self.search_bar.focus_search, QKeySequence.StandardKey.Find,
                                        "search")
        self.show_all_action = self._action(_("Show the &whole library"), self.show_whole_library)
        self.reset_zoom_action = self._action(_("&Fit the timeline"), self.fit_timeline, "Ctrl+0")
        self.errors_action = self.error_panel.toggleViewAction()
        self.errors_action.setText(_("Files &not read"))

        file_menu = self.menuBar().addMenu(_("&File"))
        for action in (self.open_files_action, self.open_folder_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(_("&View"))
        for action in (self.find_action, self.show_all_action, self.reset_zoom_action, self.errors_action):
            view_menu.addAction(action)
        language_menu = self.menuBar().addMenu(_("&Language"))
        self.language_actions = {}
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            language_menu.addAction(action)
            self.language_actions[code] = action

        toolbar = self.addToolBar(_("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.open_files_action, self.open_folder_action, self.print_action, self.export_action):
            toolbar.addAction(action)

        # arrows move through the events wherever the focus is on the timeline
        for key, step in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Down, 1), (Qt.Key.Key_Left, -1), (Qt.Key.Key_Up, -1)):
            shortcut = QShortcut(QKeySequence(key), self.timeline)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.controller.select_relative(s))

    def _connect(self) -> None:
        self.search_bar.query_changed.connect(self.controller.apply_query)
        self.event_model.sort_requested.connect(self.search_bar.set_order)
        self.controller.searched.connect(self._searched)
        self.controller.detail_changed.connect(self._show_detail)
        for pane in (self.quotes, self.figures, self.countries):
            pane.spans_activated.connect(self.source.focus_spans)
        self.worker.progress.connect(self._index_progress)
        self.worker.finished.connect(self._index_finished)
        self.worker.failed.connect(self._index_failed)
        self.cancel_button.clicked.connect(self.worker.cancel)
        self.show_all_button.clicked.connect(self.show_whole_library)
        self.error_panel.count_changed.connect(self._error_count)

    # ---- state ---------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            # a first start: roomy, but never larger than the screen it opens on (a laptop, a projector)
            room = self.screen().availableGeometry()
            self.resize(min(1500, room.width()), min(950, room.height()))
        state = self.settings.window_state()
        if state:
            self.restoreState(QByteArray(state))
        for name, splitter in self._splitters().items():
            sizes = self.settings.splitter(name)
            if sizes and len(sizes) == splitter.count():
                splitter.setSizes(sizes)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_splitter, "bottom": self.bottom_splitter, "detail": self.detail_splitter}

    def save_state(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        for name, splitter in self._splitters().items():
            self.settings.set_splitter(name, splitter.sizes())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        if self.worker.is_running():
            self.worker.cancel()
            self.worker.wait(10)
        super().closeEvent(event)

    # ---- searching ---------------------------------------------------------------------
    def start_after_first_paint(self) -> None:
        """start() once the window has painted itself (the app's launch).

        Reading a large library's columns and laying out its first timeline takes about a second;
        done before show(), the user would stare at nothing. The window appears at once, says it is
        reading, and fills in on the next turn of the event loop.
        """
        self._reading_text = _("Reading the library\u2026")
        self.status_label.setText(self._reading_text)
        self._first_paint = _AfterFirstPaint(self.timeline.graphics.viewport(), self.start, self)

    def start(self) -> None:
        """First view: every event of the library."""
        if self._reading_text is not None and self.status_label.text() == self._reading_text:
            self.status_label.clear()  # not a message set since (indexing started meanwhile)
        self.controller.load_overview()
        self.controller.run_query(self.search_bar.query())
        self._update_title()
        self.error_panel.set_errors(self.library.errors())
        for notice in getattr(self.library, "notices", []):
            self.status_label.setText(notice)

    def _searched(self, result) -> None:
        self.search_bar.set_facets(result.facets)
        shown = self.event_model.rowCount()
        self.search_bar.set_result_info(shown, self.controller.last_search_ms, result.message)
        column = self.event_model.column_of(self.controller.query.order)
        header = self.table.horizontalHeader()
        if column >= 0:
            header.blockSignals(True)
            header.setSortIndicator(
                column, Qt.SortOrder.DescendingOrder if self.controller.query.descending else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(False)

    def _update_title(self) -> None:
        stats = self.library.stats()
        documents = int(stats.get("documents", 0))
        self.setWindowTitle(
            _("NATO Viewer \u2014 {documents}").format(
                documents=ngettext("{n} document", "{n} documents", documents).format(
                    n=format_number(documents, self.lang)
                )
            )
        )

    def show_whole_library(self) -> None:
        self.controller.clear_restriction()
        self.restriction_bar.hide()
        self.controller.run_query(self.search_bar.query())

    def fit_timeline(self) -> None:
        self.controller.run_query(self.search_bar.query(), fit_timeline=True)

    def _show_detail(self, doc, event) -> None:
        self.detail_header.show_event(doc, event)
        self.quotes.show_facts(doc, event)
        self.figures.show_facts(doc, event)
        self.countries.show_facts(doc, event)
        self.source.show_document(doc, event)
        for index, pane in enumerate((self.quotes, self.figures, self.countries)):
            count = pane.model.rowCount()
            base = (_("Quotes"), _("Figures"), _("Countries"))[index]
            self.tabs.setTabText(index, f"{base} ({count})" if doc is not None else base)

    def choose_language(self, lang: str) -> None:
        self.settings.set_language(lang)
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)
        if lang != self.lang:
            self.status_label.setText(_("The new language will be used the next time the viewer starts."))

    # ---- opening -------------------------------------------------------------------------
    def open_files_dialog(self) -> None:
        start = self.settings.last_folder() or str(Path.home())
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Open files"), start, _("Texts (*.txt *.md *.text);;All files (*)")
        )
        if paths:
            self.settings.set_last_folder(str(Path(paths[0]).parent))
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        start = self.settings.last_folder() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, _("Open folder"), start)
        if folder:
            self.settings.set_last_folder(folder)
            self.open_paths([folder])

    def open_paths(self, paths: list[str], restrict: bool = True) -> None:
        """Index these files or folders in the background, then show only their events."""
        paths = [str(p) for p in paths]
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            from nato_viewer.core.model import ParseError

            self.error_panel.set_errors(
                self.error_panel.model.errors() + [ParseError(p, _("no such file or folder")) for p in missing]
            )
            self.error_panel.show()
        paths = [p for p in paths if Path(p).exists()]
        if not paths:
            return
        if self.worker.is_running():
            self._pending_paths.append(paths)
            self.status_label.setText(_("Queued after the current indexing."))
            return
        self._start_index(paths, restrict)

    def _start_index(self, paths: list[str], restrict: bool) -> None:
        self._restrict_after_index = paths if restrict else None
        self.worker.start(paths)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status_label.setText(_("Indexing\u2026"))
        self._refresh_timer.start()

    def _index_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(_("{done} / {total} files").format(
            done=format_number(done, self.lang), total=format_number(total, self.lang)))
        self._indexed_since_refresh = True

    def _refresh_during_index(self) -> None:
        if self._indexed_since_refresh:
            self._indexed_since_refresh = False
            self.controller.refresh()
            self._update_title()

    def _index_done(self) -> None:
        self._refresh_timer.stop()
        self.progress.hide()
        self.cancel_button.hide()

    def _index_finished(self, report) -> None:
        self._index_done()
        if self._restrict_after_index:
            self.controller.restrict_to_paths(self._restrict_after_index)
            names = ", ".join(Path(p).name for p in self._restrict_after_index[:3])
            if len(self._restrict_after_index) > 3:
                names += ", \u2026"
            self.restriction_label.setText(_("Showing only the documents opened: {names}").format(names=names))
            self.restriction_bar.show()
        self.controller.refresh(fit_timeline=True)
        self._update_title()
        errors = list(report.errors)
        self.error_panel.set_errors(self.error_panel.model.errors() + errors)
        if errors:
            self.error_panel.show()
        done = _("Indexing cancelled") if self.worker.cancelled else _("Indexing done")
        self.status_label.setText(
            _("{done}: {added} added, {updated} updated, {unchanged} unchanged, {failed} not read ({seconds} s).").format(
                done=done, added=report.added, updated=report.updated, unchanged=report.unchanged,
                failed=len(errors), seconds=format_number(round(report.seconds, 1), self.lang),
            )
        )
        if self._pending_paths:
            self._start_index(self._pending_paths.pop(0), True)

    def _index_failed(self, message: str) -> None:
        self._index_done()
        self.status_label.setText(_("Indexing failed: {message}").format(message=message))
        self.controller.refresh()

    def _error_count(self, n: int) -> None:
        self.errors_button.setVisible(n > 0)
        self.errors_button.setText(ngettext("{n} file not read", "{n} files not read", n).format(n=n))

    # ---- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # ---- briefing ------------------------------------------------------------------------
    def briefing_request(self):
        """The selected events, or the listed ones (the first BRIEFING_MAX_EVENTS) when none is selected."""
        from nato_viewer.core.briefing import BriefingRequest

        ids = list(self.selection.ids) or self.event_model.ids()[:BRIEFING_MAX_EVENTS]
        query = self.search_bar.query()
        described = query.text or ""
        title = _("Briefing: {query}").format(query=described) if described else _("Briefing")
        return BriefingRequest(event_ids=ids, title=title, query=described, lang=self.lang)

    def print_briefing(self) -> None:
        if self.printing is not None:
            self.printing.print_preview(self, self.briefing_request())

    def export_briefing_pdf(self) -> None:
        if self.printing is not None:
            path = self.printing.export_pdf(self, self.briefing_request())
            if path:
                self.status_label.setText(_("Briefing written to {path}").format(path=path))
