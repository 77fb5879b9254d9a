"""Files that could not be read, listed in a dock instead of one dialog per file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from nato_viewer.qt.panes.fact_model import FactModel, FactRow


class ErrorModel(FactModel):
    """One row per file that could not be read: its path and the reason."""

    def __init__(self, parent=None):
        super().__init__([_("File"), _("Problem")], parent)
        self._errors: list = []  # ParseError(path, message)

    def set_errors(self, errors: list) -> None:
        # one line per file: the latest message wins
        by_path = {e.path: e for e in errors}
        self._errors = sorted(by_path.values(), key=lambda e: e.path)
        self.set_rows([FactRow(cells=[e.path, e.message]) for e in self._errors])

    def errors(self) -> list:
        return list(self._errors)


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
