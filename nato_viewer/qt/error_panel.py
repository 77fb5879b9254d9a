"""Files that could not be read, listed in a dock instead of one dialog per file."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nato_viewer.core.i18n import _, ngettext
from nato_viewer.qt.rich_text import plain_tooltip


class ErrorModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._errors: list = []  # ParseError(path, message)

    def set_errors(self, errors: list) -> None:
        self.beginResetModel()
        # one line per file: the latest message wins
        by_path = {e.path: e for e in errors}
        self._errors = sorted(by_path.values(), key=lambda e: e.path)
        self.endResetModel()

    def errors(self) -> list:
        return list(self._errors)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._errors)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section in (0, 1):
            return (_("File"), _("Problem"))[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._errors):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._errors)) or index.column() not in (0, 1):
            return None
        error = self._errors[index.row()]
        text = error.path if index.column() == 0 else error.message
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        return None


class ErrorPanel(QDockWidget):
    count_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(_("Files not read"), parent)
        self.setObjectName("errorPanel")
        self.model = ErrorModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton(_("Clear"))
        self.clear_button.clicked.connect(lambda: self.set_errors([]))
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.clear_button)
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(row)
        box.addWidget(self.view, 1)
        self.setWidget(body)

    def set_errors(self, errors: list) -> None:
        self.model.set_errors(errors)
        n = self.model.rowCount()
        self.summary.setText(
            ngettext("{n} file could not be read.", "{n} files could not be read.", n).format(n=n)
        )
        self.view.resizeColumnToContents(0)
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), 480))
        self.count_changed.emit(n)
