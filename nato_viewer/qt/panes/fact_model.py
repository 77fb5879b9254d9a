"""One small table model for the detail panes: rows of display strings, each tied to spans of the text."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStackedLayout, QTableView, QWidget

from nato_viewer.core.i18n import _
from nato_viewer.qt.rich_text import plain_tooltip

SpansRole = Qt.ItemDataRole.UserRole + 1


@dataclass
class FactRow:
    cells: list[str]
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the fact is in the document text
    emphasised: bool = False  # the fact belongs to the selected event
    tooltip: str | None = None  # plain text


class FactModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[FactRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[FactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FactRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._headers)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()] if index.column() < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            # plain text only: a tooltip that looks like HTML would be rendered, so escape by wrapping
            text = row.tooltip or (row.cells[index.column()] if index.column() < len(row.cells) else "")
            return plain_tooltip(text) if text else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row.emphasised else None
        if role == SpansRole:
            return list(row.spans)
        return None


class FactPane(QWidget):
    """A table of facts; activating a row asks the source pane to show its spans."""

    spans_activated = Signal(list)

    def __init__(self, headers: list[str], stretch_column: int, empty_text: str, parent=None):
        super().__init__(parent)
        self.model = FactModel(headers, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self._stretch = stretch_column
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self._empty_text = empty_text
        self.empty = QLabel(self._no_document_text(), self)  # until an event is shown
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyPane")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.view)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)

    def set_rows(self, rows: list[FactRow], shown_document: bool = True) -> None:
        """Show `rows`; with none, say why: the document has no such facts, or no document is shown."""
        self.model.set_rows(rows)
        self.empty.setText(self._empty_text if shown_document else self._no_document_text())
        self._stack.setCurrentWidget(self.view if rows else self.empty)
        for column in range(self.model.columnCount()):
            if column != self._stretch:
                self.view.resizeColumnToContents(column)
                self.view.setColumnWidth(column, min(self.view.columnWidth(column), 260))
        self.view.resizeRowsToContents()  # a handful of rows: affordable, and quotes wrap

    @staticmethod
    def _no_document_text() -> str:
        return _("Select an event to see its document's facts.")

    def _activated(self, index) -> None:
        spans = index.data(SpansRole)
        if spans:
            self.spans_activated.emit(spans)

    def activate_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self._activated(index)
