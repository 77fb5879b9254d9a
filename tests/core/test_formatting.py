"""Dates, money, percentages and country names come out of babel in the chosen language."""

from __future__ import annotations

import pytest

from nato_viewer.core import i18n
from nato_viewer.core.formatting import (
    country_name,
    format_event_date,
    format_figure,
    format_money,
    format_percent,
)
from nato_viewer.core.model import Figure


@pytest.fixture(params=["fr", "en"])
def lang(request):
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def test_event_dates_follow_their_precision(lang):
    day = format_event_date("2024-02-15", None, "day", lang)
    assert day == {"fr": "15 février 2024", "en": "February 15, 2024"}[lang]
    assert format_event_date("2024-02", None, "month", lang) == {"fr": "février 2024", "en": "February 2024"}[lang]
    assert format_event_date("2024", None, "year", lang) == "2024"
    assert format_event_date("2024-12-31", None, "year_end", lang) == {"fr": "fin 2024", "en": "end of 2024"}[lang]
    assert format_event_date("2024-07-09", "2024-07-11", "range", lang) == {
        "fr": "9–11 juillet 2024", "en": "July 9–11, 2024"}[lang]
    recent = format_event_date("2024-02-15", None, "before", lang)
    assert recent.startswith({"fr": "depuis quelques mois", "en": "in recent months"}[lang])


def test_money_and_percent(lang):
    assert format_money(600e9, "USD", lang) == {"fr": "600 milliards de dollars", "en": "$600 billion"}[lang]
    assert format_money(1.5e9, "EUR", lang) == {"fr": "1,5 milliard d’euros", "en": "€1.5 billion"}[lang]
    assert format_percent(2, lang).replace("\u00a0", " ").replace("\u202f", " ") == {"fr": "2 %", "en": "2%"}[lang]


def test_figures_with_qualifiers(lang):
    fig = Figure(id="f1", kind="money", value=6e11, unit="USD", text="", span=(0, 1), qualifier="more_than")
    assert format_figure(fig, lang) == {"fr": "plus de 600 milliards de dollars", "en": "more than $600 billion"}[lang]
    count = Figure(id="f2", kind="count", value=1_000_000, counted="drones", text="", span=(0, 1))
    assert format_figure(count, lang).replace("\u202f", " ").replace("\u00a0", " ") == {
        "fr": "1 000 000 drones", "en": "1,000,000 drones"}[lang]


def test_country_names(lang):
    assert country_name("FI", lang) == {"fr": "Finlande", "en": "Finland"}[lang]
    assert country_name("XX", lang) == "XX"


@pytest.mark.parametrize("value", [1e38, 1e20, float("inf"), float("nan"), -5e9, 0.0])
def test_extreme_values_never_raise(lang, value):
    for text in (format_money(value, "USD", lang), format_percent(value, lang),
                 format_figure(Figure(id="f", kind="count", value=value, text="", span=(0, 1)), lang)):
        assert isinstance(text, str) and text
