"""Figures pane: each amount, share or count formatted for the interface language."""

from __future__ import annotations

from nato_viewer.core.formatting import format_money, format_number, format_percent, qualifier_label
from nato_viewer.core.i18n import _
from nato_viewer.qt.panes.fact_model import FactPane, FactRow


def _what(figure) -> str:
    if figure.counted:
        return figure.counted
    if figure.kind == "money":
        return _("amount")
    if figure.kind == "percent":
        return _("share")
    return _("count")


def _value(figure, lang: str) -> str:
    if figure.kind == "money":
        return format_money(figure.value, figure.unit, lang)
    if figure.kind == "percent":
        return format_percent(figure.value, lang)
    return format_number(figure.value, lang)


def figure_rows(doc, event, lang: str) -> list[FactRow]:
    linked = set(event.figure_ids) if event is not None else set()
    rows = [
        FactRow(
            cells=[_value(figure, lang), _what(figure),
                   qualifier_label(figure.qualifier), figure.text],
            spans=[tuple(figure.span)],
            emphasised=figure.id in linked,
        )
        for figure in doc.figures
    ]
    rows.sort(key=lambda r: not r.emphasised)
    return rows


class FiguresPane(FactPane):
    def __init__(self, lang: str, parent=None):
        super().__init__([_("Value"), _("What"), _("Qualifier"), _("As written")], 3,
                         _("No figures in this document."), parent)
        self.lang = lang

    def show_facts(self, doc, event=None) -> None:
        self.set_rows(figure_rows(doc, event, self.lang) if doc is not None else [], shown_document=doc is not None)
