"""Date expressions and the document date, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.model import PRECISIONS
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.dates import document_date, find_dates


def ctx_for(text: str, lang: str = "fr", doc: dt.date | None = dt.date(2024, 2, 15)) -> ParseContext:
    return ParseContext(text=text, scan=text, language=lang, doc_date=doc)


def dates_of(text: str, **kw):
    ctx = ctx_for(text, **kw)
    found = find_dates(ctx)
    for d in found:
        assert text[d.span[0]:d.span[1]] == d.text
    return found


def one(text: str, **kw):
    found = dates_of(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_french_day_with_weekday():
    d = one("Les ministres se retrouveront mardi 12 mars 2024 à Bruxelles.")
    assert (d.text, d.start, d.precision, d.anchor) == ("mardi 12 mars 2024", "2024-03-12", "day", None)


def test_english_range_with_year():
    d = one("The summit will be held July 9-11, 2024, in Washington.", lang="en")
    assert (d.start, d.end, d.precision) == ("2024-07-09", "2024-07-11", "range")


def test_french_range_du_au():
    d = one("La conférence se tiendra du 9 au 11 juillet 2025 à Rome.")
    assert (d.start, d.end, d.precision) == ("2025-07-09", "2025-07-11", "range")


def test_les_14_et_15_without_year_takes_the_nearest_year():
    d = one("Les ministres de la Défense se réuniront les 14 et 15 février.")
    assert (d.start, d.end) == ("2024-02-14", "2024-02-15")


def test_abbreviated_months():
    assert one("Signed in Oslo (Sept. 3, 2023) by both sides.", lang="en").start == "2023-09-03"
    assert one("Accord conclu le 3 févr. 2023 à Oslo.").start == "2023-02-03"


def test_month_and_year():
    d = one("Le traité a été signé en février 2022 par les deux pays.")
    assert (d.start, d.precision) == ("2022-02", "month")


def test_deadline_end_of_year():
    d = one("D'ici la fin de 2025, chaque pays aura doublé ses stocks.")
    assert (d.start, d.precision) == ("2025-12-31", "year_end")
    d = one("By the end of 2026 the depot will be complete.", lang="en")
    assert (d.start, d.precision) == ("2026-12-31", "year_end")


def test_by_year_is_a_year():
    d = one("The fleet should reach full strength by 2035.", lang="en")
    assert (d.start, d.precision) == ("2035", "year")


def test_relative_expressions_are_anchored():
    found = dates_of("Hier, le ministre a parlé de cette année et de l'année prochaine.")
    got = [(d.text, d.start, d.precision, d.anchor) for d in found]
    assert got == [
        ("Hier", "2024-02-14", "day", "2024-02-15"),
        ("cette année", "2024", "year", "2024-02-15"),
        ("l'année prochaine", "2025", "year", "2024-02-15"),
    ]


def test_weekday_resolves_to_the_last_such_day_or_the_next_in_future_tense():
    # 2024-02-15 is a Thursday.
    assert one("The ministers met on Tuesday in Oslo.", lang="en").start == "2024-02-13"
    assert one("The ministers will meet on Tuesday in Oslo.", lang="en").start == "2024-02-20"


def test_vague_past_and_present():
    before = one("Au cours des derniers mois, l'agence a signé plusieurs accords.")
    assert (before.precision, before.start) == ("before", "2024-02-15")
    ongoing = one("The drill, currently under way, involves twelve ships.", lang="en")
    assert (ongoing.precision, ongoing.start, ongoing.anchor) == ("ongoing", "2024-02-15", "2024-02-15")


def test_last_week_and_next_week_are_week_ranges():
    last = one("Talks were held last week in Geneva.", lang="en")
    assert (last.start, last.end, last.precision) == ("2024-02-05", "2024-02-11", "range")


def test_year_range():
    d = one("Le budget 2023-2025 prévoit une hausse.")
    assert (d.start, d.end, d.precision) == ("2023-01-01", "2025-12-31", "range")


def test_numbers_in_names_are_not_dates():
    assert dates_of("The exercise Steadfast Defender 24 and the Vision 2030 plan drew 2024 troops.", lang="en") == []
    assert dates_of("Il a cité la Résolution 2231 et 1999 soldats.") == []


def test_no_relative_dates_without_a_document_date():
    assert dates_of("Hier, les ministres ont parlé.", doc=None) == []


def test_document_date_dateline_with_year_from_file_name():
    text = "Headline\n\nOSLO, Norway (Sept. 4) - Troops arrived in the north on Monday.\n"
    ctx = ctx_for(text, lang="en", doc=None)
    day, source, span = document_date(ctx, None, dt.date(2023, 9, 4))
    assert (day, source) == (dt.date(2023, 9, 4), "text")
    assert text[span[0]:span[1]] == "Sept. 4"


def test_document_date_lead_sentence_wins_over_file_name():
    text = "Titre\n\nLes ministres se sont réunis ce mardi (12 mars 2024) à Oslo.\n"
    day, source, _ = document_date(ctx_for(text, doc=None), None, dt.date(2024, 3, 14))
    assert (day, source) == (dt.date(2024, 3, 12), "text")


def test_document_date_ignores_a_past_event_in_the_lead():
    text = "Titre\n\nLe 2 mars, les ministres avaient décidé de suspendre les échanges.\n"
    day, source, _ = document_date(ctx_for(text, doc=None), None, dt.date(2024, 3, 14))
    assert (day, source) == (dt.date(2024, 3, 14), "file_name")


def test_document_date_ignores_an_announced_future_day():
    text = "Titre\n\nWASHINGTON, March 20, 2024 - The President will travel to Ohio.\n"
    day, source, _ = document_date(ctx_for(text, lang="en", doc=None), dt.date(2024, 3, 14), None)
    assert (day, source) == (dt.date(2024, 3, 14), "front_matter")


def test_tomorrow_as_an_adjective_is_not_a_date():
    assert dates_of("They invest in the technology of tomorrow.", lang="en") == []
    assert one("The ministers will meet tomorrow.", lang="en").start == "2024-02-16"


def test_month_alone_takes_the_nearest_year_unless_told_next():
    assert one("The decision was taken in November by the council.", lang="en").start == "2023-11"
    assert one("Les ministres se réuniront en juillet prochain.").start == "2024-07"


def test_document_date_falls_back_to_front_matter_then_none():
    ctx = ctx_for("Rien de daté ici.", doc=None)
    assert document_date(ctx, dt.date(2020, 1, 2), dt.date(2021, 1, 1))[:2] == (dt.date(2020, 1, 2), "front_matter")
    assert document_date(ctx, None, None) == (None, "none", None)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       st.sampled_from(["fr", "en"]))
def test_find_dates_never_raises_and_spans_are_valid(text, lang):
    ctx = ctx_for(text, lang=lang)
    for d in find_dates(ctx):
        assert 0 <= d.span[0] < d.span[1] <= len(text)
        assert d.precision in PRECISIONS
        for iso in (d.start, d.end):
            if iso:
                dt.date.fromisoformat(iso if len(iso) == 10 else (iso + "-01-01")[:10])
    document_date(ctx, None, None)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["le", "15", "février", "2024", "July", "9-11,", "hier", "jeudi", "en", "cours",
                                 "by", "the", "end", "of", "d'ici", "(", ")", "-", ",", "\n", "Sept.", "recently"]),
                max_size=40))
def test_date_like_word_soup(words):
    text = " ".join(words)
    ctx = ctx_for(text)
    for d in find_dates(ctx):
        assert text[d.span[0]:d.span[1]] == d.text


SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is absent")
def test_document_dates_match_the_gold():
    from nato_viewer.core.parsing.pipeline import parse_file

    total = right = 0
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for folder in ("seeds", "corpus"):
            path = SHARED / folder / gold["document"]
            if path.exists():
                total += 1
                right += parse_file(path).date == gold["date"]
    assert total and right / total >= 0.95


def test_a_weekday_at_the_end_of_a_wrapped_line_leads_the_date_on_the_next():
    text = "The White House will reopen its doors for public tours on Tuesday,\nDecember 2, 2025, with a new route."
    got = [(d.text, d.start, d.precision) for d in find_dates(ctx_for(text, "en", dt.date(2025, 10, 31)))]
    assert got == [("on Tuesday,\nDecember 2, 2025", "2025-12-02", "day")]
    fr = "Les ministres se réuniront le jeudi\n15 février 2024 à Bruxelles."
    assert [(d.start, d.precision) for d in find_dates(ctx_for(fr))] == [("2024-02-15", "day")]


def test_a_month_named_alone_follows_the_tense_of_its_clause():
    """Without "next" or "last", a month named alone is the nearest one, unless its clause says otherwise."""
    november = dt.date(2025, 11, 19)

    def month(text: str, lang: str = "en") -> str:
        (found,) = find_dates(ctx_for(text, lang, november))
        return found.start

    assert month("In April, the agency released its report.") == "2025-04"  # nearest would be 2026-04
    assert month("En avril, le ministre a annoncé un plan.", "fr") == "2025-04"
    assert month("The Allies will meet at the summit in July.") == "2026-07"  # nearest would be 2025-07
    assert month("En juillet, le ministre annoncera un plan.", "fr") == "2026-07"
    assert month("Allies are preparing for the summit in February.") == "2026-02"  # no tense: the nearest
    assert month("Enlistment has risen since December.") == "2024-12"  # "since": the last one
    assert month("Spain assumes the Presidency of the Council this December, as was agreed.") == "2025-12"
