"""Keeps the views in step: a query runs in the core and feeds the list and the timeline together;
the one Selection is mirrored into the table, the timeline and the detail panes.

Searches run on the main thread: the library answers from SQLite FTS5 in milliseconds (see
benchmarks/bench_app.py), well under the 150 ms debounce, so a worker would only add latency.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from nato_viewer.core.search import Query
from nato_viewer.core.selection import Selection, SelectionChange
from nato_viewer.core.timeline_layout import TimelineSubsets


class ViewController(QObject):
    searched = Signal(object)  # SearchResult, after the list and the timeline show it
    detail_changed = Signal(object, object)  # Document | None, Event | None

    def __init__(self, library, selection: Selection, model, table: QTableView, timeline, parent=None):
        super().__init__(parent)
        self.library = library
        self.selection = selection
        self.model = model
        self.table = table
        self.timeline = timeline
        self.query = Query()
        self.result = None
        self.last_search_ms = 0.0
        self.last_update_ms = 0.0
        self._restricted: np.ndarray | None = None  # event ids of the documents opened on the command line
        self._restricted_paths: list[str] = []
        self._given_paths: list[str] = []
        self._subsets: TimelineSubsets | None = None
        self._updating_table = False
        self._doc_cache: tuple[int, object] | None = None

        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        table.selectionModel().currentRowChanged.connect(self._table_current_changed)
        model.modelReset.connect(self._reselect_after_reset)
        timeline.events_clicked.connect(self._timeline_clicked)
        timeline.set_row_source(self._rows_for_tooltip)
        selection.subscribe(self._selection_changed)

    # ---- searching ---------------------------------------------------------------
    def run_query(self, query: Query, fit_timeline: bool = True) -> None:
        started = time.perf_counter()
        self.query = query
        result = self.library.search(query)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        # one int64 array shared by the list, the timeline and the selection: no per-id Python work
        ids = np.asarray(result.event_ids, dtype=np.int64)
        if self._restricted is not None:
            ids = ids[np.isin(ids, self._restricted)]
        self.result = result
        self.model.set_ids(ids, result.snippets, keep_rows=True)
        self.timeline.set_data(self._timeline_subsets().of(ids), keep_range=not fit_timeline)
        self.selection.retain(ids, source=self)
        self._push_selection_to_views(scroll=False)
        self.last_update_ms = (time.perf_counter() - started) * 1000
        self.searched.emit(result)

    def refresh(self, fit_timeline: bool = False) -> None:
        """The library changed (indexing): rerun the current query and redraw the corpus overview."""
        self._doc_cache = None
        self.model.clear_rows()
        if self._restricted_paths:
            self._restricted = self._event_ids_under(self._restricted_paths)
        self.load_overview()
        self.run_query(self.query, fit_timeline=fit_timeline)

    def load_overview(self) -> None:
        """Read the whole library's timeline arrays again: the overview strip and the source of every result's."""
        self._subsets = None
        self.timeline.set_overview(self._timeline_subsets().everything)

    def _timeline_subsets(self) -> TimelineSubsets:
        if self._subsets is None:
            self._subsets = TimelineSubsets(self.library.timeline(None))
        return self._subsets

    def apply_query(self, query: Query) -> None:
        """A query from the search bar: refit the timeline unless only the order changed."""
        old = self.query
        only_order = (old.text, old.country, old.role, old.person, old.kind, old.date_from, old.date_to,
                      old.lang) == (query.text, query.country, query.role, query.person, query.kind,
                                    query.date_from, query.date_to, query.lang)
        self.run_query(query, fit_timeline=not only_order or self.result is None)

    # ---- documents opened on the command line --------------------------------------
    def restrict_to_paths(self, paths: Iterable[str]) -> None:
        self._given_paths = [str(p) for p in paths]
        self._restricted_paths = [str(Path(p).resolve()) for p in self._given_paths]
        self._restricted = self._event_ids_under(self._restricted_paths)

    def clear_restriction(self) -> None:
        self._restricted_paths = []
        self._given_paths = []
        self._restricted = None

    @property
    def restricted(self) -> bool:
        return self._restricted is not None

    def _event_ids_under(self, paths: list[str]) -> np.ndarray:
        # the library keeps the paths as given (absolute), the restriction resolved ones: ask for both
        asked = list(dict.fromkeys([*paths, *(os.path.abspath(p) for p in self._given_paths)]))
        return np.asarray(self.library.event_ids_under(asked), dtype=np.int64)

    # ---- selection: views -> core ----------------------------------------------------
    def _table_selection_changed(self, *_args) -> None:
        if self._updating_table:
            return
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.id_at(r) for r in rows]
        current_index = self.table.selectionModel().currentIndex()
        current = self.model.id_at(current_index.row()) if current_index.isValid() else None
        if current not in ids:
            current = ids[0] if ids else None
        self.selection.replace(ids, current=current, source=self.table)

    def _table_current_changed(self, current, _previous) -> None:
        if self._updating_table or not current.isValid():
            return
        event_id = self.model.id_at(current.row())
        if event_id in self.selection and event_id != self.selection.current:
            self.selection.replace(self.selection.ids, current=event_id, source=self.table)

    def _timeline_clicked(self, ids: list[int]) -> None:
        self.selection.replace(ids, source=self.timeline)

    def select_relative(self, step: int) -> None:
        """Move the selection to the next (+1) or previous (-1) event of the list."""
        n = self.model.rowCount()
        if not n:
            return
        current = self.selection.current
        row = self.model.row_of(current) if current is not None else None
        row = (0 if step > 0 else n - 1) if row is None else max(0, min(n - 1, row + step))
        self.selection.select(self.model.id_at(row), source=self)

    # ---- selection: core -> views ------------------------------------------------------
    def _selection_changed(self, change: SelectionChange) -> None:
        scroll = change.source is not self.table
        if change.source is not self.table:
            self._push_selection_to_table(scroll)
        self.timeline.set_selection(self.selection.ids)
        if change.source is not self.timeline and change.current is not None:
            self.timeline.scroll_to(change.current)
        if change.current != change.previous:
            self._show_detail(change.current)

    def _push_selection_to_views(self, scroll: bool) -> None:
        self._push_selection_to_table(scroll)
        self.timeline.set_selection(self.selection.ids)

    def _push_selection_to_table(self, scroll: bool) -> None:
        rows = sorted(r for r in (self.model.row_of(i) for i in self.selection.ids) if r is not None)
        item_selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        start = prev = None
        for row in rows + [None]:
            if start is not None and (row is None or row != prev + 1):
                item_selection.select(self.model.index(start, 0), self.model.index(prev, last_column))
                start = None
            if row is not None and start is None:
                start = row
            prev = row
        selection_model = self.table.selectionModel()
        self._updating_table = True
        try:
            selection_model.select(item_selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            current = self.selection.current
            row = self.model.row_of(current) if current is not None else None
            if row is not None:
                index = self.model.index(row, 0)
                selection_model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                if scroll:
                    self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._updating_table = False

    def _reselect_after_reset(self) -> None:
        self._push_selection_to_table(scroll=False)

    # ---- detail ---------------------------------------------------------------------
    def _show_detail(self, event_id: int | None) -> None:
        if event_id is None:
            self.detail_changed.emit(None, None)
            return
        doc_id = self.library.event_document_id(event_id)
        if self._doc_cache is not None and self._doc_cache[0] == doc_id:
            doc = self._doc_cache[1]
        else:
            doc = self.library.document(doc_id)
            self._doc_cache = (doc_id, doc)
        event = next((e for e in doc.events if getattr(e, "db_id", None) == event_id), None)
        self.detail_changed.emit(doc, event)

    def current_row(self):
        current = self.selection.current
        if current is None:
            return None
        row = self.model.row_data(current)
        if row is None:
            rows = self.library.event_rows([current])
            row = rows[0] if rows else None
        return row

    def _rows_for_tooltip(self, ids: list[int]) -> list:
        return self.library.event_rows(ids)
