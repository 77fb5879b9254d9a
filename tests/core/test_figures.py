"""Figures read off French and English defence news: money, percentages and counts.

The sentences are written for these tests; the gold check at the end reads ../shared when present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_viewer.core.model import FIGURE_KINDS, QUALIFIERS
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.figures import find_figures, unwrap
from nato_viewer.core.parsing.text import fold


def figures(text: str, lang: str):
    ctx = ParseContext(text=text, scan=text, language=lang, doc_date=None)
    found = find_figures(ctx)
    for f in found:
        assert text[f.span[0]:f.span[1]] == f.text
    return found


def summary(text: str, lang: str) -> list[tuple]:
    return [(f.kind, f.value, f.unit or f.counted, f.qualifier) for f in figures(text, lang)]


# ---------------------------------------------------------------- money


def test_french_money_with_scale_currency_and_qualifier():
    text = "Les Alliés ont dépensé plus de 350 milliards de dollars et la Commission 1,5 milliard d’euros."
    found = figures(text, "fr")
    assert [(f.kind, f.value, f.unit, f.qualifier) for f in found] == [
        ("money", 350e9, "USD", "more_than"),
        ("money", 1.5e9, "EUR", None),
    ]
    assert found[0].text == "plus de 350 milliards de dollars"
    assert found[1].text == "1,5 milliard d’euros"


def test_english_money_with_symbols_codes_and_abbreviations():
    text = ("The package adds $2.5 billion, nearly €800 million from the EU, £1.2bn from London, "
            "EUR 40 million in loans and 300 million Canadian dollars.")
    assert summary(text, "en") == [
        ("money", 2.5e9, "USD", None),
        ("money", 800e6, "EUR", "less_than"),
        ("money", 1.2e9, "GBP", None),
        ("money", 40e6, "EUR", None),
        ("money", 300e6, "CAD", None),
    ]


def test_money_qualifier_after_and_spelled_amounts():
    text = "L'Allemagne versera deux milliards d'euros, et l'UE 40 milliards d’euros au moins."
    found = figures(text, "fr")
    assert [(f.value, f.unit, f.qualifier) for f in found] == [(2e9, "EUR", None), (40e9, "EUR", "at_least")]
    assert found[1].text.endswith("au moins")


def test_french_symbol_after_the_amount():
    assert summary("Un contrat de 3 Md€ et une rallonge de 250 000 €.", "fr") == [
        ("money", 3e9, "EUR", None),
        ("money", 250000, "EUR", None),
    ]


def test_money_range_shares_the_scale():
    found = figures("Officials expect $2-3 billion in new aid.", "en")
    assert [(f.value, f.unit, f.qualifier) for f in found] == [(2e9, "USD", "at_least"), (3e9, "USD", "up_to")]


# ---------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Les Alliés consacreront 2 % de leur PIB à la défense.", "fr", 2),
        ("Ils visent 3,5 pour cent du PIB.", "fr", 3.5),
        ("Elle atteindra deux pour cent cette année.", "fr", 2),
        ("Allies agreed to spend 5% of GDP by 2035.", "en", 5),
        ("Spending grew 8.3 per cent in real terms.", "en", 8.3),
        ("Every Ally should reach two percent.", "en", 2),
    ],
)
def test_percentages(text, lang, value):
    assert summary(text, lang) == [("percent", value, None, None)]


def test_percent_text_keeps_what_it_is_a_share_of():
    found = figures("Canada will spend at least 2 percent of its GDP on defence.", "en")
    assert found[0].text == "at least 2 percent of its GDP"
    assert found[0].qualifier == "at_least"


def test_hyphenated_units():
    text = "A 50-percent rise follows a $10-billion package and a 10-million-dollar contract."
    assert summary(text, "en") == [
        ("percent", 50, None, None),
        ("money", 10e9, "USD", None),
        ("money", 10e6, "USD", None),
    ]


def test_percent_range():
    assert summary("Growth of 2-3% is expected.", "en") == [
        ("percent", 2, None, "at_least"),
        ("percent", 3, None, "up_to"),
    ]


# ---------------------------------------------------------------- counts


def test_french_counts_of_troops_countries_and_equipment():
    text = ("Environ 4 000 soldats et quatre nouveaux bataillons seront déployés ; 23 Alliés "
            "fourniront un million d’obus et trois Rafale rejoindront une cinquantaine de pays partenaires.")
    assert summary(text, "fr") == [
        ("count", 4000, "soldats", "about"),
        ("count", 4, "nouveaux bataillons", None),
        ("count", 23, "Alliés", None),
        ("count", 1e6, "obus", None),
        ("count", 3, "Rafale", None),
        ("count", 50, "pays partenaires", "about"),
    ]


def test_english_counts_with_modifiers_and_qualifiers():
    text = ("More than 2,000 additional U.S. troops, five Brigade Combat Teams, two squadrons of F-35 "
            "aircraft and 11 heavily-armed insurgents were reported; one civilian was wounded.")
    found = figures(text, "en")
    assert [(f.value, f.counted, f.qualifier) for f in found] == [
        (2000, "additional U.S. troops", "more_than"),
        (5, "Brigade Combat Teams", None),
        (2, "squadrons of F-35 aircraft", None),
        (11, "heavily-armed insurgents", None),
        (1, "civilian", None),
    ]
    assert found[0].text == "More than 2,000 additional U.S. troops"


def test_counts_spelled_out_and_partitive():
    text = "Twenty-three Allies met the target, and three of NATO's member countries did so in 2014."
    assert summary(text, "en") == [("count", 23, "Allies", None), ("count", 3, "member countries", None)]


def test_count_range_and_approximations():
    text = "Almost three dozen suspected insurgents were detained; 30 - 40 fighters fled."
    assert summary(text, "en") == [
        ("count", 36, "suspected insurgents", "less_than"),
        ("count", 30, "fighters", "at_least"),
        ("count", 40, "fighters", "up_to"),
    ]


def test_elliptic_count_borrows_the_noun():
    assert summary("Le texte a été adopté par 310 voix pour et 42 contre.", "fr") == [
        ("count", 310, "voix", None),
        ("count", 42, "voix", None),
    ]


def test_the_number_of_things_from_one_to_another():
    text = "The plan raises the number of U.S. destroyers based in Rota from four to six."
    assert summary(text, "en") == [("count", 4, "U.S. destroyers", None), ("count", 6, "U.S. destroyers", None)]


def test_that_number_refers_back_to_the_last_count():
    text = "In 2014, only three Allies met the guideline. Today that number is 23."
    assert summary(text, "en") == [("count", 3, "Allies", None), ("count", 23, "Allies", None)]


def test_au_nombre_de():
    assert summary("Ils protègent leurs citoyens, au nombre d'un milliard.", "fr") == [
        ("count", 1e9, "citoyens", None)
    ]


def test_plural_demonyms_count_people():
    assert summary("Some 70,000 Americans live in the region.", "en") == [("count", 70000, "Americans", "about")]


def test_partitive_number_borrows_the_noun():
    assert summary("Au total, 31 des 32 Alliés ont répondu.", "fr") == [
        ("count", 31, "Alliés", None),
        ("count", 32, "Alliés", None),
    ]


def test_elided_currency_after_a_sum():
    text = "L'aide atteint 61 milliards de dollars, dont 13,8 milliards pour l'achat d'armes."
    assert summary(text, "fr") == [("money", 61e9, "USD", None), ("money", 13.8e9, "USD", None)]


def test_casualty_counts_with_an_elided_noun():
    text = "At least 20 civilians were killed and 56 were injured."
    assert summary(text, "en") == [("count", 20, "civilians", "at_least"), ("count", 56, "civilians", None)]


def test_ammunition_rounds_but_not_rounds_of_talks():
    text = "After three rounds of talks, they sent 300,000 artillery rounds and 12 pièces d'artillerie."
    assert [(f.value, f.counted) for f in figures(text, "en")] == [
        (300000, "artillery rounds"), (12, "pièces")
    ]


def test_model_numbers_are_not_counts():
    assert summary("The airline bought six Boeing 787-9 aircraft.", "en") == [
        ("count", 6, "Boeing 787-9 aircraft", None)
    ]


def test_a_singular_noun_after_a_plural_number_is_a_modifier():
    assert summary("Delays hit the three New York City airports.", "en") == []
    assert summary("Two Patriot missile defense systems arrived.", "en") == [
        ("count", 2, "Patriot missile defense systems", None)
    ]


def test_french_demonyms():
    assert summary("Près de 800 Britanniques et 1 200 Américains sont arrivés.", "fr") == [
        ("count", 800, "Britanniques", "less_than"),
        ("count", 1200, "Américains", None),
    ]


# ---------------------------------------------------------------- what is not a figure


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The summit opens on 9 July 2024 at 10:30 in Washington.", "en"),
        ("Les ministres se réuniront le 15 février 2024, puis les 11 et 12 juillet.", "fr"),
        ("Sweden became the 32nd Ally on March 7, 75 years after 1949.", "en"),
        ("La Suède est devenue le 32e allié, le 1er mars.", "fr"),
        ("A two-day meeting of the 25-year-old alliance lasted two days.", "en"),
        ("Une réunion de deux jours a eu lieu, il y a dix ans.", "fr"),
        ("Ukraine will receive F-16 jets; the G7 and Article 5 were discussed.", "en"),
        ("Steadfast Defender 24 involved the Bucharest Nine and the B9 format.", "en"),
        ("The two leaders discussed our two democracies.", "en"),
        ("Les deux dirigeants ont salué ses deux principaux quartiers généraux.", "fr"),
        ("An attack on one Ally is an attack on all.", "en"),
        ("Un soldat a salué une mission et un pays.", "fr"),
        ("Reference 2010-09-CA-005, page 4, paragraph 12.", "en"),
        ("Dozens of soldiers and thousands of troops, millions of rounds.", "en"),
        ("Call +32 2 707 50 41 for details.", "en"),
        ("The resolution passed by a 9-4 vote.", "en"),
        ("It weighed half a million pounds of food.", "en"),
        ("Two of our close partners joined.", "en"),
        ("One in three women agree, and 7 in 10 Americans too.", "en"),
        ("The 32-nation Alliance marked its 75-year history in the 1990s' style.", "en"),
        ("Rendez-vous à 20 h 30, puis à 21h15, avec 3 000 km de frontière.", "fr"),
    ],
)
def test_not_figures(text, lang):
    assert figures(text, lang) == []


def test_a_figure_inside_a_quote_is_a_figure():
    text = "« Nous enverrons 5 000 soldats », a déclaré le ministre."
    assert summary(text, "fr") == [("count", 5000, "soldats", None)]


def test_soft_line_breaks_do_not_split_a_figure():
    text = "Medicare will save about $290\nbillion, and\n\n12 troops\n- 300 ships"
    found = figures(text, "en")
    assert [(f.value, f.unit) for f in found[:1]] == [(290e9, "USD")]
    assert len(unwrap(fold(text))) == len(text)
    assert unwrap(fold(text)).count("\n") == 3  # the blank line and the list item stay breaks


def test_indented_continuation_lines_are_joined():
    text = "-   Parsons won 30 projects worth up to $97\n         billion over ten years."
    assert summary(text, "en") == [("count", 30, "projects", None), ("money", 97e9, "USD", "up_to")]


def test_the_title_in_a_front_matter_is_read():
    text = '---\ntitle: "FACT SHEET: $1 Billion for 300 Troops"\ndate: 2024-07-10\n---\nThe U.S. gives $1 billion.\n'
    body_start = text.index("The U.S.")
    scan = " " * body_start + text[body_start:]
    ctx = ParseContext(text=text, scan=scan, language="en", doc_date=None, body_start=body_start)
    found = find_figures(ctx)
    assert [(f.kind, f.value, f.text) for f in found] == [
        ("money", 1e9, "$1 Billion"), ("count", 300, "300 Troops"), ("money", 1e9, "$1 billion")
    ]
    assert all(text[f.span[0]:f.span[1]] == f.text for f in found)


def test_front_matter_offsets_are_kept():
    body = "NATO will deploy 300 troops."
    text = "---\ntitle: x\n---\n" + body
    scan = " " * 17 + body
    ctx = ParseContext(text=text, scan=scan, language="en", doc_date=None, body_start=17)
    (fig,) = find_figures(ctx)
    assert text[fig.span[0]:fig.span[1]] == "300 troops"


# ---------------------------------------------------------------- robustness

_PIECES = st.sampled_from([
    " ", "  ", "\n", "\u00a0", "\u202f", "-", " - ", ",", ".", "%", "$", "€", "£", "'", "’", "(", ")",
    "plus de", "more than", "about", "up to", "au moins", "0", "7", "12", "1,5", "40 000", "300.000", "2024",
    "1.234.567,89", "milliard", "billion", "million", "bn", "m", "de", "d'", "of", "dollars", "euros",
    "soldats", "troops", "Allies", "pays", "two", "deux", "vingt-et-un", "one hundred and", "dozen",
    "une cinquantaine", "a half", "half a", "from", "to", "entre", "et", "and", "number of", "nombre d'",
    "au nombre d'", "contre", "F-", "Article", "June", "juillet", "percent", "pour cent", "É", "ﬁ", "İ",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40), st.text(max_size=40), st.sampled_from(["fr", "en", "de"]))
def test_never_raises_and_spans_point_at_their_text(pieces, noise, lang):
    text = "".join(pieces) + noise
    ctx = ParseContext(text=text, scan=text, language=lang, doc_date=None)
    for f in find_figures(ctx):
        s, e = f.span
        assert 0 <= s < e <= len(text)
        assert text[s:e] == f.text
        assert f.kind in FIGURE_KINDS
        assert f.qualifier is None or f.qualifier in QUALIFIERS
        assert f.value == f.value  # not NaN
        assert (f.unit is not None) == (f.kind == "money")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_raises(text):
    ctx = ParseContext(text=text, scan=text, language="en", doc_date=None)
    for f in find_figures(ctx):
        assert text[f.span[0]:f.span[1]] == f.text


def test_long_line_of_digits_is_handled():
    text = "1 " * 20000 + "9" * 5000
    ctx = ParseContext(text=text, scan=text, language="en", doc_date=None)
    assert find_figures(ctx) == []


# ---------------------------------------------------------------- the hand-annotated corpus


def test_figures_f1_on_gold(shared):
    """Figures F1 over ../shared/gold, matched as the scorer does (kind, value within 0.5 %, currency)."""
    from nato_viewer.core.parsing.pipeline import parse_file

    tp = fp = fn = 0
    for gold_path in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = next((p for p in (shared / "seeds" / gold["document"], shared / "corpus" / gold["document"])
                         if Path(p).exists()), None)
        if doc_path is None:
            continue
        found = parse_file(doc_path).figures
        free = list(found)
        for g in gold["figures"]:
            hit = next((p for p in free if p.kind == g["kind"]
                        and abs(p.value - g["value"]) <= 0.005 * abs(g["value"])
                        and (g["kind"] != "money" or p.unit == g.get("unit"))), None)
            if hit is None:
                fn += 1
            else:
                tp += 1
                free.remove(hit)
        fp += len(free)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.9, (precision, recall)
