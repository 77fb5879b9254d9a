"""Search box and filters; emits a core Query, debounced while typing, and shows the facet counts."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nato_viewer.core.formatting import country_name, format_number, kind_label, role_label
from nato_viewer.core.i18n import _, ngettext
from nato_viewer.core.model import COUNTRY_ROLES, EVENT_KINDS
from nato_viewer.core.search import Query
from nato_viewer.qt.rich_text import plain_tooltip

DEBOUNCE_MS = 150
_ISO_PARTIAL = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")


def _language_name(code: str, lang: str) -> str:
    from babel import Locale

    from nato_viewer.core.formatting import babel_locale

    name = Locale.parse(babel_locale(lang)).languages.get(code, code)
    return name[:1].upper() + name[1:]


class FacetCombo(QComboBox):
    """A filter choice: "All …" then the facet values with their counts; keeps its choice across updates."""

    def __init__(self, all_text: str, label_of, parent=None, editable: bool = False):
        super().__init__(parent)
        # an editable combo (free text, e.g. a person) shows "All …" as a placeholder, not as text
        self._all_text = "" if editable else all_text
        self._label_of = label_of
        self.setEditable(editable)
        if editable:
            self.lineEdit().setPlaceholderText(all_text)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.addItem(self._all_text, None)

    def value(self) -> str | None:
        if self.isEditable():
            index = self.currentIndex()
            text = self.currentText().strip()
            if index > 0 and self.itemText(index) == text:
                return self.itemData(index)
            return text or None
        return self.currentData()

    def set_value(self, key: str | None) -> None:
        self.blockSignals(True)
        try:
            index = self.findData(key) if key is not None else 0
            if index < 0 and key is not None:
                self.addItem(self._label_of(key), key)
                index = self.count() - 1
            self.setCurrentIndex(max(index, 0))
            if self.isEditable() and key is None:
                self.setEditText("")
        finally:
            self.blockSignals(False)

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        current = self.value()
        items = [(self._all_text, None)] + [(f"{self._label_of(key)} ({count})", key) for key, count in counts]
        index = 0
        if current is not None:
            index = next((i for i, (_text, key) in enumerate(items) if key == current), -1)
            if index < 0:
                items.append((self._label_of(current), current))
                index = len(items) - 1
        self.blockSignals(True)
        try:
            # items changed in place, not cleared and added again: each keystroke changes the counts,
            # and clearing resets the combo's model and view, which costs more than a few new texts
            for i, (text, key) in enumerate(items):
                if i >= self.count():
                    self.addItem(text, key)
                    continue
                if self.itemText(i) != text:
                    self.setItemText(i, text)
                if self.itemData(i) != key:
                    self.setItemData(i, key)
            while self.count() > len(items):
                self.removeItem(self.count() - 1)
            self.setCurrentIndex(index)
            if self.isEditable():
                self.setEditText("" if current is None else self.itemText(index))
        finally:
            self.blockSignals(False)


class SearchBar(QWidget):
    query_changed = Signal(object)  # a nato_viewer.core.search.Query

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.order = "date"
        self.descending = True  # newest first: what a reader of the news looks for

        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("searchText")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setPlaceholderText(_("Search events and documents (Ctrl+F): words, \"phrases\", OR, NOT, prefix*"))
        self.country = FacetCombo(_("All countries"), lambda c: f"{country_name(c, lang)} ({c})", self)
        self.role = FacetCombo(_("Any role"), role_label, self)
        for role in COUNTRY_ROLES:
            self.role.addItem(role_label(role), role)
        self.person = FacetCombo(_("Anyone"), lambda p: p, self, editable=True)
        self.kind = FacetCombo(_("All kinds"), kind_label, self)
        for kind in EVENT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.language = FacetCombo(_("All languages"), lambda c: _language_name(c, lang), self)
        for code in ("fr", "en"):
            self.language.addItem(_language_name(code, lang), code)
        validator = QRegularExpressionValidator(_ISO_PARTIAL, self)
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        for edit, placeholder in ((self.date_from, _("from (YYYY-MM-DD)")), (self.date_to, _("to (YYYY-MM-DD)"))):
            edit.setValidator(validator)
            edit.setPlaceholderText(placeholder)
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(150)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(_("Clear filters"))
        self.info = QLabel(self)
        self.info.setObjectName("searchInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.facet_line = QLabel(self)
        self.facet_line.setObjectName("facetLine")
        self.facet_line.setTextFormat(Qt.TextFormat.PlainText)
        self.facet_line.setWordWrap(False)
        # a long facet line is cut at the window's edge; it must never widen the window
        self.facet_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setMinimumWidth(120)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.text_edit, 3)
        top.addWidget(self.info, 1)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.country, self.role, self.person, self.kind, self.language, self.date_from, self.date_to):
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 2)
        box.setSpacing(4)
        box.addLayout(top)
        box.addLayout(filters)
        box.addWidget(self.facet_line)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.text_edit.textChanged.connect(self._timer.start)
        for combo in (self.country, self.role, self.kind, self.language):
            combo.currentIndexChanged.connect(self._emit_now)
        self.person.activated.connect(self._emit_now)
        self.person.lineEdit().editingFinished.connect(self._emit_now)
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self._emit_now)
            edit.textChanged.connect(self._date_edited)
        self.clear_button.clicked.connect(self.clear_filters)
        self._last: Query | None = None

    # ---- query -----------------------------------------------------------------
    def query(self) -> Query:
        return Query(
            text=self.text_edit.text().strip(),
            country=self.country.value(),
            role=self.role.value() if self.country.value() else None,
            person=self.person.value(),
            kind=self.kind.value(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            lang=self.language.value(),
            order=self.order,
            descending=self.descending,
        )

    @staticmethod
    def _date(edit: QLineEdit) -> str | None:
        text = edit.text().strip().rstrip("-")
        # only whole years, months or days: "2024", "2024-02", "2024-02-15"
        return text if len(text) in (4, 7, 10) else None

    def set_order(self, order: str, descending: bool) -> None:
        self.order, self.descending = order, descending
        self._emit_now()

    def _date_edited(self) -> None:
        if all(self._date(e) is not None or not e.text() for e in (self.date_from, self.date_to)):
            self._timer.start()

    def _emit_now(self, *_args) -> None:
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        query = self.query()
        if query == self._last:
            return
        self._last = query
        self.query_changed.emit(query)

    def flush(self) -> None:
        """Emit now if a debounced query is pending (Enter in the search box, tests)."""
        if self._timer.isActive():
            self._emit_now()

    def refresh(self) -> None:
        """Emit the current query even if unchanged (the library changed under it)."""
        self._last = None
        self._emit_now()

    def clear_filters(self) -> None:
        for combo in (self.country, self.role, self.person, self.kind, self.language):
            combo.set_value(None)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self._emit_now()

    def focus_search(self) -> None:
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_edit.selectAll()

    # ---- results ---------------------------------------------------------------
    def set_facets(self, facets) -> None:
        countries: dict[str, int] = {}
        for facet in facets.countries:
            # one count per country: the largest over its roles (an event may hold it in several)
            countries[facet.key] = max(countries.get(facet.key, 0), facet.count)
        self.country.set_counts(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:80])
        self.person.set_counts([(f.key, f.count) for f in facets.people[:80]])
        self.kind.set_counts([(f.key, f.count) for f in facets.kinds])
        self.language.set_counts([(f.key, f.count) for f in facets.languages])
        parts = []
        if facets.years:
            years = sorted(facets.years, key=lambda f: f.key)
            parts.append(_("Years: {years}").format(years=", ".join(f"{f.key} ({f.count})" for f in years[-12:])))
        if facets.countries:
            top = sorted(countries.items(), key=lambda kv: -kv[1])[:6]
            parts.append(_("Countries: {items}").format(
                items=", ".join(f"{country_name(c, self.lang)} ({n})" for c, n in top)))
        if facets.people:
            parts.append(_("People: {items}").format(
                items=", ".join(f"{f.key} ({f.count})" for f in facets.people[:4])))
        self.facet_line.setText("   \u00b7   ".join(parts))

    def set_result_info(self, total: int, elapsed_ms: float, message: str | None = None) -> None:
        text = ngettext("{n} event", "{n} events", total).format(n=format_number(total, self.lang))
        text += " \u2014 " + _("{ms} ms").format(ms=format_number(round(elapsed_ms), self.lang))
        if message:
            text = f"{text} \u2014 {message}"
        self.info.setText(text)
        self.info.setToolTip(plain_tooltip(message or ""))
