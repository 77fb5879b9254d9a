"""Countries pane: every state named, in the interface language, pledging countries first."""

from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QLocale

from nato_viewer.core.formatting import country_name, role_label
from nato_viewer.core.i18n import _
from nato_viewer.qt.panes.fact_model import FactPane, FactRow


def country_rows(doc, event, lang: str) -> list[FactRow]:
    linked = set(event.country_codes) if event is not None else set()
    collator = QCollator(QLocale(lang))
    by_name = cmp_to_key(collator.compare)
    rows = []
    for country in doc.countries:
        pledging = "pledging" in country.roles
        rows.append(
            (
                (not pledging, country.code not in linked, by_name(country_name(country.code, lang))),
                FactRow(
                    cells=[country_name(country.code, lang), country.code,
                           ", ".join(role_label(r) for r in country.roles), "; ".join(country.pledged)],
                    spans=[tuple(m.span) for m in country.mentions],
                    emphasised=country.code in linked,
                ),
            )
        )
    rows.sort(key=lambda pair: pair[0])
    return [row for _key, row in rows]


class CountriesPane(FactPane):
    def __init__(self, lang: str, parent=None):
        super().__init__([_("Country"), _("Code"), _("Role"), _("Pledged")], 3,
                         _("No countries in this document."), parent)
        self.lang = lang

    def show_facts(self, doc, event=None) -> None:
        self.set_rows(country_rows(doc, event, self.lang) if doc is not None else [], shown_document=doc is not None)
