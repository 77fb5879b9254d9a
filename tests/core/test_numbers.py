"""The grammar of numbers: digits, spelled-out numbers, scales, currencies and qualifiers (FR and EN)."""

from __future__ import annotations

import pytest

from nato_viewer.core.parsing.numbers import (
    as_number,
    currency_after,
    currency_before,
    find_numbers,
    qualifier_after,
    qualifier_before,
)
from nato_viewer.core.parsing.text import fold


def numbers(text: str, lang: str) -> list[tuple[str, float]]:
    folded = fold(text)
    return [(text[n.start:n.end], as_number(n.value)) for n in find_numbers(folded, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("40\u00a0000 soldats", "fr", 40000),  # no-break space
        ("40\u202f000 soldats", "fr", 40000),  # narrow no-break space
        ("40\u2009000 soldats", "fr", 40000),  # thin space
        ("40 000 soldats", "fr", 40000),
        ("300.000 soldats", "fr", 300000),
        ("40,000 troops", "en", 40000),
        ("1,250,000 people", "en", 1250000),
        ("3.5 percent", "en", 3.5),
        ("3,5 %", "fr", 3.5),
        ("1 234 567,5 euros", "fr", 1234567.5),
        ("12,345.75 dollars", "en", 12345.75),
    ],
)
def test_digits_with_french_and_english_separators(text, lang, expected):
    assert numbers(text, lang)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("dix-huit", "fr", 18),
        ("vingt et un", "fr", 21),
        ("soixante et onze", "fr", 71),
        ("soixante-dix-neuf", "fr", 79),
        ("quatre-vingts", "fr", 80),
        ("quatre-vingt-dix-sept", "fr", 97),
        ("deux cents", "fr", 200),
        ("deux cent trois", "fr", 203),
        ("trois mille cinq cents", "fr", 3500),
        ("vingt-deux mille", "fr", 22000),
        ("twenty-five", "en", 25),
        ("one hundred and fifty", "en", 150),
        ("two thousand", "en", 2000),
        ("ninety-nine", "en", 99),
    ],
)
def test_spelled_out_numbers(text, lang, expected):
    assert numbers(text, lang) == [(text, expected)]


def test_a_run_of_number_words_can_hold_several_numbers():
    assert numbers("five and six", "en") == [("five", 5), ("six", 6)]
    assert numbers("deux dix", "fr") == [("deux", 2), ("dix", 10)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("600 milliards de dollars", "fr", 600e9),
        ("1,5 milliard d'euros", "fr", 1.5e9),
        ("un million de drones", "fr", 1e6),
        ("$6.3 billion", "en", 6.3e9),
        ("one billion people", "en", 1e9),
        ("a million people", "en", 1e6),
        ("2 billions d'euros", "fr", 2e12),  # the French billion is a million million
        ("4 trillion", "en", 4e12),
    ],
)
def test_scale_words(text, lang, expected):
    found = numbers(text, lang)
    assert found[0][1] == expected


def test_abbreviated_scales_are_flagged_for_the_currency_check():
    folded = fold("£2bn et 3 Md€")
    found = find_numbers(folded, "fr")
    assert [as_number(n.value) for n in found] == [2e9, 3e9]
    assert all(n.abbrev_scale for n in found)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("une cinquantaine de pays", "fr", 50),
        ("une dizaine d'avions", "fr", 10),
        ("un millier de soldats", "fr", 1000),
        ("a dozen leaders", "en", 12),
        ("three dozen insurgents", "en", 36),
        ("half a dozen ships", "en", 6),
    ],
)
def test_approximate_amounts(text, lang, expected):
    folded = fold(text)
    found = find_numbers(folded, lang)
    assert found[0].approx
    assert as_number(found[0].value) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("one and a half million refugees", "en", 1.5e6),
        ("half a million people", "en", 5e5),
        ("a quarter billion dollars", "en", 2.5e8),
        ("un million et demi de réfugiés", "fr", 1.5e6),
        ("deux milliards et demi", "fr", 2.5e9),
    ],
)
def test_fractions_of_a_scale(text, lang, expected):
    assert numbers(text, lang)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("des millions de personnes", "fr"),
        ("millions of rounds", "en"),
        ("several hundred troops", "en"),
        ("deux pour cent", "fr"),  # "cent" here is part of "pour cent"
    ],
)
def test_rough_amounts_are_not_numbers(text, lang):
    values = [v for _t, v in numbers(text, lang)]
    assert 100 not in values and 1e6 not in values


def test_numbers_glued_to_codes_are_not_read():
    assert numbers("F-16 COVID-19 A400M v1.2", "en") == []


def test_year_like_numbers_are_marked():
    folded = fold("in 2024 and 1,000")
    found = find_numbers(folded, "en")
    assert [n.year_like for n in found] == [True, False]


@pytest.mark.parametrize(
    ("before", "code"),
    [("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("EUR ", "EUR"), ("USD ", "USD"), ("C$", "CAD")],
)
def test_currency_before_a_number(before, code):
    text = f"a {before}40 contract"
    folded = fold(text)
    pos = folded.index("40")
    cur = currency_before(folded, text, pos)
    assert cur is not None and cur.code == code
    assert text[cur.start:cur.end].strip() == before.strip()


def test_iso_codes_must_be_upper_case():
    text = "the eur 40 line"
    folded = fold(text)
    assert currency_before(folded, text, folded.index("40")) is None


@pytest.mark.parametrize(
    ("after", "code"),
    [
        (" dollars", "USD"),
        (" de dollars", "USD"),
        (" d'euros", "EUR"),
        (" d’euros", "EUR"),
        (" euros", "EUR"),
        (" livres sterling", "GBP"),
        (" dollars canadiens", "CAD"),  # babel's French name
        (" Canadian dollars", "CAD"),  # babel's English name
        (" extra U.S. dollars", "USD"),
        (" €", "EUR"),
        (" USD", "USD"),
        (" couronnes suédoises", "SEK"),
    ],
)
def test_currency_after_a_number(after, code):
    text = "40 milliards" + after + " pour l'Ukraine"
    folded = fold(text)
    cur = currency_after(folded, text, len("40 milliards"))
    assert cur is not None and cur.code == code


def test_pounds_of_something_are_a_weight():
    text = "half a million pounds of food"
    folded = fold(text)
    assert currency_after(folded, text, len("half a million")) is None


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("plus de ", "more_than"),
        ("plus d'", "more_than"),
        ("près de ", "less_than"),  # "nearly", as in the gold
        ("environ ", "about"),
        ("au moins ", "at_least"),
        ("jusqu'à ", "up_to"),
        ("moins de ", "less_than"),
        ("more than ", "more_than"),
        ("over ", "more_than"),
        ("nearly ", "less_than"),
        ("approximately ", "about"),
        ("up to ", "up_to"),
        ("at least ", "at_least"),
        ("fewer than ", "less_than"),
    ],
)
def test_qualifiers_before(text, qualifier):
    folded = fold(text + "40")
    found = qualifier_before(folded, len(text))
    assert found == (qualifier, 0)


def test_qualifier_after():
    folded = fold("40 milliards d'euros au moins")
    assert qualifier_after(folded, len("40 milliards d'euros")) == ("at_least", len(folded))
    assert qualifier_after(folded, 2) is None


def test_values_lose_binary_noise():
    assert as_number(6.3 * 10**9) == 6300000000
    assert as_number(3.5) == 3.5
