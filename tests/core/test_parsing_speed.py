"""The fast forms of the shared text helpers give exactly what their plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.figures import unwrap
from nato_viewer.core.parsing.text import _fold_char, boundary_words, fold, fold_word, split_sentences

# Characters that exercise every branch: accents, ligatures, apostrophes, odd spaces, dashes, "İ" (its
# lower case is two characters long), line breaks, list markers and sentence ends.
_ALPHABET = st.sampled_from(list("aZéÉèÀçœŒßİıﬁ’‘`'\u00a0\u202f\t -–—\n.!?…»«\"()*#>|1234 ") + ["\n\n", "M. ", "Dr. ", "- "])
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fold_is_the_character_by_character_fold(text):
    folded = fold(text)
    assert len(folded) == len(text)
    if text.isascii():
        assert folded == text.lower()
    else:
        assert folded == "".join(_fold_char(c) for c in text)


def test_fold_of_french_and_english_words():
    assert fold("Défense l’OTAN à Vilnius — Élysée") == "defense l'otan a vilnius - elysee"
    assert fold("İstanbul et Ankara") == "istanbul et ankara"  # "İ".lower() has two characters
    assert fold_word("États-Unis") == "etats-unis"
    assert fold_word("l`OTAN") == "l'otan"


def _slow_unwrap(folded: str) -> str:
    """The line-by-line definition of a soft line break."""
    lines = folded.split("\n")
    out = []
    for prev, nxt in zip(lines, lines[1:]):
        out.append(prev)
        body = nxt.lstrip(" ")
        soft = prev and not prev[-1].isspace() and body and not body[0].isspace() \
            and not re.match(r"(?:[-*•#|>]|\d+[.)][ ])", body)
        out.append(" " if soft else "\n")
    out.append(lines[-1])
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_unwrap_joins_exactly_the_soft_line_breaks(text):
    assert unwrap(text) == _slow_unwrap(text)


def test_unwrap_keeps_list_items_and_blank_lines():
    text = "a sum of $290\nbillion\n\n- one item\n- another\n1. first"
    assert unwrap(text) == "a sum of $290 billion\n\n- one item\n- another\n1. first"


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.booleans())
def test_sentences_lie_inside_the_text_and_do_not_overlap(text, wrapped):
    spans = split_sentences(text, 0, None, wrapped)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_sentences_split_at_ends_but_not_after_abbreviations():
    text = "M. Rutte a parlé. Le sommet suit.\nDr. Smith arrived! Then left"
    got = [text[s:e] for s, e in split_sentences(text, wrapped=False)]
    assert got == ["M. Rutte a parlé.", "Le sommet suit.", "Dr. Smith arrived!", "Then left"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("warguex -_1.")), max_size=30).map("".join))
def test_boundary_words_matches_like_a_leading_word_boundary(text):
    alternatives = r"war|guerre|wa\w*|ex-\w+"
    slow = re.compile(r"\b(?:" + alternatives + r")\b")
    fast = re.compile(boundary_words(alternatives) + r"\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


# Date words and phrases, numbers and fillers, joined by the separators of running text.
_DATE_TOKENS = st.sampled_from([
    "15", "1er", "3", "2024", "1999", "2030", "24-25", "15/02/2024", "2024-02-15", "june", "juin", "sept.", "may",
    "mai", "thursday", "jeudi", "today", "aujourd'hui", "by the end of", "end of", "this year", "the year",
    "year's", "fin de", "d'ici la fin de", "l'annee", "cette annee", "the decade", "next week", "last month",
    "il y a un an", "l'an prochain", "within six months", "d'ici", "in recent years", "so far", "under way",
    "currently", "in the years ahead", "the coming days", "and", "to", "from", "le", "du", "au", "on", "early",
    "mid", "since", "depuis", "et", "nato", "summit", "said", "the", "of", "a",
])
_DATE_TEXT = st.lists(st.tuples(_DATE_TOKENS, st.sampled_from([" ", " ", ", ", "\n", " - ", ". "])),
                      max_size=40).map(lambda parts: "".join(t + sep for t, sep in parts))


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT)
def test_every_date_match_lies_in_a_window_holding_the_anchor_it_needs(text):
    """The date finder runs each pattern only in the windows whose anchors it needs: that gives every
    match a scan of the whole text gives only if each such match lies in a window of the right sort."""
    from nato_viewer.core.parsing import dates as d

    needs = {
        d._MDY: {"month"}, d._DMY: {"month"}, d._ISO: {"year"}, d._NUMERIC: {"year"}, d._YEAR_RANGE: {"year"},
        d._YEAR: {"year"}, d._MONTH_YEAR: {"month"}, d._YEAR_END: {"year", "year_word"},
        d._RELATIVE_RE: {"word", "year_word"}, d._WITHIN: {"word", "year_word", "year", "digit"},
        d._MONTH_ALONE: {"month"}, d._WEEKDAY: {"weekday"},
    }
    windows = d._windows(text, 0, len(text))
    for pattern, sorts in needs.items():
        for m in pattern.finditer(text):
            assert any(lo <= m.start() and m.end() <= hi and sorts & kinds for lo, hi, kinds in windows), (
                pattern.pattern[:40], m.group(0))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["june", "l'an", "d'ici", "aujourd'hui", "year's", "2024", "٣", "3", "_", "'", "-",
                                 "«", "»", "?", " ", "\n", "é", "ø", "x", "today", "avant-hier", "un an", "january",
                                 "mars", "mardi", "years", "weekend"]),
                max_size=40).map("".join), st.integers(0, 5), st.integers(0, 12))
def test_fast_date_anchors_are_the_anchor_pattern_matches(text, lo, cut):
    from nato_viewer.core.parsing.date_lexicon import ANCHOR_RE, ANCHOR_SCAN

    folded = fold(text)
    lo = min(lo, len(folded))
    hi = max(lo, len(folded) - cut)  # an end inside a word: the pattern sees only the word's head
    for end in (len(folded), hi):
        slow = [m.span() for m in ANCHOR_RE.finditer(folded, lo, end)]
        assert [m.span() for m in ANCHOR_SCAN.finditer(folded, lo, end)] == slow


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["nato", "otan", "l'otan", "un", "eu", "g7", "b9", "conseil de l'atlantique nord",
                                 "north atlantic council", "nato-ukraine council", "senate", "_", "'", "-", "«",
                                 " ", "\n", "é", "x", "2"]), max_size=30).map("".join))
def test_fast_organisation_scan_is_the_pattern_matches(text):
    from nato_viewer.core.parsing.organisations import _KNOWN_RE, _KNOWN_SCAN

    folded = fold(text)
    assert [m.span() for m in _KNOWN_SCAN.finditer(folded)] == [m.span() for m in _KNOWN_RE.finditer(folded)]
