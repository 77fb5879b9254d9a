"""Quotes pane: who said what, the selected event's quotes first."""

from __future__ import annotations

from nato_viewer.core.i18n import _
from nato_viewer.qt.panes.fact_model import FactPane, FactRow


def quote_rows(doc, event=None) -> list[FactRow]:
    linked = set(event.quote_ids) if event is not None else set()
    rows = []
    for quote in doc.quotes:
        spans = [tuple(quote.span)]
        if quote.speaker_span:
            spans.append(tuple(quote.speaker_span))
        rows.append(
            FactRow(
                cells=[quote.speaker or _("unattributed"), quote.speaker_role or "", quote.text],
                spans=spans,
                emphasised=quote.id in linked,
                tooltip=quote.text,
            )
        )
    rows.sort(key=lambda r: not r.emphasised)
    return rows


class QuotesPane(FactPane):
    def __init__(self, parent=None):
        super().__init__([_("Speaker"), _("Role"), _("Quote")], 2, _("No quotes in this document."), parent)

    def show_facts(self, doc, event=None) -> None:
        self.set_rows(quote_rows(doc, event) if doc is not None else [], shown_document=doc is not None)
