"""The event list: a table over event ids, rows fetched lazily from the library and cached.

The model holds only ids. Filtering and sorting happen in the core (a new search gives a
new id list); clicking a header asks for that (sort_requested) instead of sorting here.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from nato_viewer.core.formatting import country_name, format_event_date, kind_label
from nato_viewer.core.i18n import _
from nato_viewer.qt.rich_text import snippet_html
from nato_viewer.qt.timeline import kind_colour

IdRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("date", "kind", "title", "countries", "document")
# the core order each column sorts by (None: not sortable)
SORT_KEYS = {"date": "date", "kind": "kind", "title": "title", "countries": None, "document": "document"}
FETCH_BLOCK = 200  # rows fetched at once on a cache miss, so scrolling costs one query per screenful
MAX_CACHED_ROWS = 20_000  # rows kept from one list to the next (a few MB)

_SHOWN_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                           Qt.ItemDataRole.DecorationRole))
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _headers() -> dict[str, str]:
    return {
        "date": _("Date"),
        "kind": _("Kind"),
        "title": _("Event"),
        "countries": _("Countries"),
        "document": _("Document"),
    }


class EventTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # core order key, descending

    def __init__(self, fetch_rows: Callable[[list[int]], list], lang: str, parent=None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self.lang = lang
        self._ids = np.empty(0, dtype=np.int64)
        self._by_id: tuple[np.ndarray, np.ndarray] | None = None  # (ids sorted, their rows), made on demand
        self._cache: dict[int, object] = {}
        self._snippets: dict[int, str] = {}
        self._icons: dict[str, QIcon] = {}
        self._headers = _headers()

    # ---- content ---------------------------------------------------------------
    def set_ids(self, ids, snippets: dict[int, str] | None = None, keep_rows: bool = False) -> None:
        """Show these events (a list or an int64 array).

        keep_rows keeps the rows already fetched (the library did not change, only the query):
        the next keystroke usually lists many of the same events.
        """
        self.beginResetModel()
        self._ids = np.array(ids, dtype=np.int64)  # a copy: the caller's list or array may change
        self._by_id = None
        if not keep_rows or len(self._cache) > MAX_CACHED_ROWS:
            self._cache.clear()
        self._snippets = dict(snippets or {})
        self.endResetModel()

    def clear_rows(self) -> None:
        """Forget the fetched rows (the library changed); the next paint fetches them again."""
        self._cache.clear()

    def ids(self) -> list[int]:
        return self._ids.tolist()

    def id_at(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, event_id: int) -> int | None:
        if not self._ids.size:
            return None
        if self._by_id is None:
            # sorted once per list, when a selection first needs rows: no dict of 100,000 ids per keystroke
            order = np.argsort(self._ids, kind="stable")
            self._by_id = (self._ids[order], order)
        sorted_ids, rows = self._by_id
        at = int(np.searchsorted(sorted_ids, int(event_id)))
        if at < sorted_ids.size and sorted_ids[at] == int(event_id):
            return int(rows[at])
        return None

    def row_data(self, event_id: int):
        """The EventRow of an event in the list (fetched if needed)."""
        row = self.row_of(event_id)
        return None if row is None else self._row(row)

    def _row(self, row: int):
        event_id = int(self._ids[row])
        cached = self._cache.get(event_id)
        if cached is None:
            first = max(0, row - FETCH_BLOCK // 4)
            block = [i for i in self._ids[first : first + FETCH_BLOCK].tolist() if i not in self._cache]
            for fetched in self._fetch_rows(block):
                self._cache[fetched.id] = fetched
            cached = self._cache.get(event_id)
        return cached

    # ---- Qt model --------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[COLUMNS[section]]
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(
            self._ids
        ):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        if role == IdRole:
            return int(self._ids[index.row()])
        if role not in _SHOWN_ROLES:  # the view asks for a dozen roles per cell and paint
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._kind_icon(row.kind) if column == "kind" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == "date":
            return format_event_date(row.start, row.end, row.precision, self.lang)
        if column == "kind":
            return kind_label(row.kind)
        if column == "title":
            return row.title
        if column == "countries":
            return ", ".join(row.countries)
        return row.doc_title or row.doc_name

    def _tooltip(self, row, column: str) -> str:
        if column == "countries":
            return html.escape(", ".join(country_name(c, self.lang) for c in row.countries))
        if column == "document":
            return html.escape(row.doc_path)
        snippet = self._snippets.get(row.id)
        text = snippet_html(snippet) if snippet else html.escape(row.summary)
        if row.date_text:
            text += "<br/><i>" + html.escape(_("Date as written: {text}").format(text=row.date_text)) + "</i>"
        return text

    def _kind_icon(self, kind: str) -> QIcon:
        icon = self._icons.get(kind)
        if icon is None:
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(kind_colour(kind)))
            icon = self._icons[kind] = QIcon(pixmap)
        return icon

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            key = SORT_KEYS[COLUMNS[column]]
            if key:
                self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    @staticmethod
    def column_of(order_key: str) -> int:
        for column, name in enumerate(COLUMNS):
            if SORT_KEYS[name] == order_key:
                return column
        return -1
