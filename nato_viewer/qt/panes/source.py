"""Source pane: the document's text, shown as plain text, with every fact the parser read highlighted.

The text goes in with setPlainText only: a document holding HTML or a script is shown
literally and nothing is ever fetched. Highlights are ExtraSelections over spans given
as Python string indices, which this pane maps to Qt's UTF-16 positions.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nato_viewer.core.i18n import _

# fact kind -> background colour; chosen to stay readable under black text
HIGHLIGHTS = {
    "event": "#fff3c4",
    "quote": "#d7ecff",
    "figure": "#d9f2d0",
    "country": "#f6dcf0",
    "person": "#e8e2ff",
    "date": "#ffe2c6",
}
FOCUS = "#ffb300"


def _legend_names() -> dict[str, str]:
    return {
        "event": _("selected event"),
        "quote": _("quote"),
        "figure": _("figure"),
        "country": _("country"),
        "person": _("person"),
        "date": _("date"),
    }


def qt_text_and_offsets(text: str) -> tuple[str, np.ndarray]:
    """The text as Qt will hold it, and for each Python index its position in the QTextDocument.

    Qt counts UTF-16 units (a character beyond the BMP takes two) and turns "\\r\\n" into one
    block separator, so spans computed on the Python string must be shifted.
    """
    if text.isascii() and "\r" not in text:
        return text, np.arange(len(text) + 1, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    units = np.where(codes > 0xFFFF, 2, 1).astype(np.int64)
    crlf = np.zeros(codes.size, dtype=bool)
    if codes.size > 1:
        crlf[:-1] = (codes[:-1] == 0x0D) & (codes[1:] == 0x0A)
    units[crlf] = 0
    offsets = np.zeros(codes.size + 1, dtype=np.int64)
    np.cumsum(units, out=offsets[1:])
    return text.replace("\r\n", "\n").replace("\r", "\n"), offsets


class SourcePane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setUndoRedoEnabled(False)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setObjectName("sourceText")
        self.path_label = QLabel(self)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setObjectName("sourcePath")
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        legend = QHBoxLayout()
        legend.setContentsMargins(0, 0, 0, 0)
        legend.setSpacing(4)
        for kind, name in _legend_names().items():
            chip = QLabel(name, self)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setStyleSheet(f"background:{HIGHLIGHTS[kind]}; color:#222; padding:1px 5px; border-radius:3px;")
            legend.addWidget(chip)
        legend.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        box.addWidget(self.path_label)
        box.addLayout(legend)
        box.addWidget(self.editor, 1)
        self._doc = None
        self._offsets = np.arange(1, dtype=np.int64)
        self._fact_selections: list[QTextEdit.ExtraSelection] = []
        self._focus_selections: list[QTextEdit.ExtraSelection] = []
        self.highlighted: dict[str, list[tuple[int, int]]] = {}  # fact kind -> spans (Python indices)
        self.focused: list[tuple[int, int]] = []

    # ---- content ---------------------------------------------------------------
    def show_document(self, doc, event=None) -> None:
        if doc is None:
            self._doc = None
            self.editor.clear()
            self.path_label.clear()
            self.highlighted = {}
            self.focused = []
            self._apply([], [])
            return
        if doc is not self._doc:
            qt_text, self._offsets = qt_text_and_offsets(doc.text)
            self.editor.setPlainText(qt_text)
            self._doc = doc
        self.path_label.setText(doc.path)
        self.highlighted = self._fact_spans(doc, event)
        self._fact_selections = [
            self._selection(span, HIGHLIGHTS[kind], bold=(kind == "event"))
            for kind, spans in self.highlighted.items()
            for span in spans
        ]
        self.focused = []
        self._apply(self._fact_selections, [])
        if event is not None:
            self._scroll_to(tuple(event.span))

    def _fact_spans(self, doc, event) -> dict[str, list[tuple[int, int]]]:
        spans: dict[str, list[tuple[int, int]]] = {
            "event": [tuple(event.span)] if event is not None else [],
            "date": [tuple(d.span) for d in doc.dates],
            "person": [tuple(m.span) for p in doc.people for m in p.mentions],
            "country": [tuple(m.span) for c in doc.countries for m in c.mentions],
            "figure": [tuple(f.span) for f in doc.figures],
            "quote": [tuple(q.span) for q in doc.quotes],
        }
        return spans

    def focus_spans(self, spans: list[tuple[int, int]]) -> None:
        """Emphasise these spans (a clicked quote, figure or country) and scroll to the first."""
        self.focused = [tuple(s) for s in spans]
        self._focus_selections = [self._selection(span, FOCUS, bold=True) for span in self.focused]
        self._apply(self._fact_selections, self._focus_selections)
        if self.focused:
            self._scroll_to(self.focused[0], select=True)

    # ---- helpers ---------------------------------------------------------------
    def _qt_pos(self, index: int) -> int:
        index = max(0, min(int(index), self._offsets.size - 1))
        return int(self._offsets[index])

    def _cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._qt_pos(span[0]))
        cursor.setPosition(self._qt_pos(span[1]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, span, colour: str, bold: bool = False) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        fmt.setForeground(QColor("#111111"))
        if bold:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = fmt
        selection.cursor = self._cursor(span)
        return selection

    def _apply(self, facts, focus) -> None:
        self.editor.setExtraSelections(list(facts) + list(focus))

    def _scroll_to(self, span: tuple[int, int], select: bool = False) -> None:
        cursor = self._cursor(span)
        if not select:
            cursor.setPosition(cursor.selectionStart())
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def selected_text(self) -> str:
        return self.editor.textCursor().selectedText()

    def text_of_span(self, span: tuple[int, int]) -> str:
        return self._cursor(span).selectedText()
