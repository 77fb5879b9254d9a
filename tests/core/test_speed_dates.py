"""The date patterns written to skip fast match exactly as their plain forms (a leading `\\b` or look-behind)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import dates as d
from nato_viewer.core.parsing.date_lexicon import FULL_MONTH_RE, YEAR_RE

_PLAIN = {
    "relative": re.compile(
        r"(?<![\w'-])(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(d._RELATIVE)) + r")(?![\w-])"),
    "year_end": re.compile(r"\b(?:" + d._YEAR_END_LEAD + ")" + d._YEAR_END.pattern[d._YEAR_END.pattern.index("(?P<y>"):]),
    "year": re.compile(r"(?<![\w$€£.,/-])(?P<y>" + YEAR_RE + r")(?![\w%-]|[.,]\d)"),
    "iso": re.compile(r"(?<![\w-])(?P<y>" + YEAR_RE + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?![\w-])"),
    "numeric": re.compile(r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>" + YEAR_RE + r")(?![\w/])"),
    "month_alone": re.compile(r"\b(?P<lead>" + d._MONTH_LEAD + r")[ \t]*-?[ \t]*(?P<m>" + FULL_MONTH_RE + r")"
                              + d._MONTH_ALONE.pattern[d._MONTH_ALONE.pattern.index("(?:[ \\t]+(?P<tail>"):]),
}
_FAST = {"relative": d._RELATIVE_RE, "year_end": d._YEAR_END, "year": d._YEAR, "iso": d._ISO,
         "numeric": d._NUMERIC, "month_alone": d._MONTH_ALONE}
_PLAIN_KIND = {f"r{i}": kind for i, (_, kind) in enumerate(d._RELATIVE)}

_TOKENS = st.sampled_from([
    "today", "hier soir", "la veille", "the day before yesterday", "next week", "la semaine prochaine",
    "this summer", "cet ete", "in the next few days", "over the coming weeks", "dans les prochains mois",
    "in recent years", "au cours des derniers mois", "so far", "under way", "underway", "currently under way",
    "a l'heure actuelle", "il y a un an", "by the end of", "the end of", "fin de", "d'ici la fin de", "a la fin",
    "through", "by year-end", "this year", "l'annee", "2024", "1999", "2100", "24", "3", "15/02/2024",
    "2024-02-15", "in", "the", "mid", "early", "de", "le mois de", "june", "juin", "september", "x", "y2024",
    "$", "€", ".", ",", "/", "-", "'", "_", "é",
])
_TEXT = st.lists(st.tuples(_TOKENS, st.sampled_from(["", " ", " ", "  ", "\t", "\n", ", ", "-", "'"])),
                 max_size=30).map(lambda parts: "".join(t + s for t, s in parts))


def _matches(name, pattern, text, lo):
    kinds = _PLAIN_KIND if pattern is _PLAIN["relative"] else d._RELATIVE_KIND
    out = []
    for m in pattern.finditer(text, lo):
        groups = kinds[m.lastgroup] if name == "relative" else m.groupdict()
        out.append((m.span(), groups))
    return out


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.integers(0, 6))
def test_fast_date_patterns_match_as_their_plain_forms(text, lo):
    lo = min(lo, len(text))
    for name, plain in _PLAIN.items():
        assert _matches(name, _FAST[name], text, lo) == _matches(name, plain, text, lo), name


def test_spelt_out_alternatives_keep_their_order():
    assert d._spelt_out(r"(?:a|b)?c|d(?:e)") == ["ac", "bc", "c", "d(?:e)"]
    assert d._spelt_out(r"(?:x|(?:y|z)w)v") == ["xv", "ywv", "zwv"]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_within_leads_are_found_wherever_the_pattern_matches(text):
    places = d._places(text, d._WITHIN_LEADS, 0, len(text))
    for m in d._WITHIN.finditer(text):
        assert m.start() in places
