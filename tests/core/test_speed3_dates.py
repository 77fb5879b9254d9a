"""Third round of speed work on dates and language: each shortcut gives what the plain form gives."""

from __future__ import annotations

import re
import sys
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import date_lexicon, language
from nato_viewer.core.parsing import dates as d
from nato_viewer.core.parsing.text import fold

# Dates and near-dates, glued or apart: years before range words, dotted and slashed numbers, day
# numbers before and after month names, the words of year-end deadlines.
_TOKENS = st.sampled_from([
    "15", "1er", "3", "31", "2024", "1999", "2100", "20", "24-25", "15/02/2024", "2.3.2024", "2024-02-15",
    "2024/25", "2020-2024", "june", "juin", "sept.", "may", "mars", "thursday", "jeudi", "today", "today1",
    "by the end of", "end of", "fin de", "d'ici la fin de", "through", "year-end", "this year", "the year",
    "l'annee", "to", "and", "a", "et", "-", "/", ".", "between", "de", "of", "the", "mid", "midjuly", "x", "_",
    "$", "é", "«", "since", "within six months", "next week", "so far",
])
_TEXT = st.lists(st.tuples(_TOKENS, st.sampled_from(["", " ", " ", "\t", "\n", ", ", "-", "/", "."])),
                 max_size=40).map(lambda parts: "".join(t + s for t, s in parts))


@settings(max_examples=800, deadline=None)
@given(_TEXT, st.integers(0, 8), st.integers(0, 8))
def test_a_pattern_skipped_in_a_window_finds_nothing_there(text, lo, cut):
    """`_windows` marks with finer sorts the windows where a seldom-matching pattern may match, and
    `_scan_window` skips it elsewhere: wherever it is skipped, its scan of the window finds nothing."""
    folded = fold(text)
    lo = min(lo, len(folded))
    hi = max(lo, len(folded) - cut)
    for wlo, whi, sorts in d._windows(folded, lo, hi):
        def finds(rx, wlo=wlo, whi=whi):
            return rx.search(folded, wlo, whi) is not None

        if "pair" not in sorts:
            assert not finds(d._ISO) and not finds(d._YEAR_RANGE)
        if "dotted" not in sorts:
            assert not finds(d._NUMERIC)
        if "month" in sorts and "day_month" not in sorts:
            assert not finds(d._DMY)
        if all(folded.find(word, wlo, whi) < 0 for word in ("end", "fin", "through")):
            assert not finds(d._YEAR_END)


def _plain_language(text: str, sample: int = 6000) -> str:
    counts = Counter(language._WORD.findall(text[:sample].lower()))
    fr = sum(n for word, n in counts.items() if word in language._FR)
    en = sum(n for word, n in counts.items() if word in language._EN)
    return "fr" if fr > en else "en"


def test_only_the_listed_characters_outside_latin1_lower_case_into_a_word_letter():
    found = {ch for ch in map(chr, range(256, sys.maxunicode + 1))
             if language._WORD.search(ch.lower()) and ch != "œ"}
    assert found == set(language._LOWER_INTO_WORD)
    # and "oe", which stands for œ, is in no function word
    assert not [w for w in language._FR | language._EN if "oe" in w or "œ" in w]


_WORDS = st.sampled_from(sorted(language._FR | language._EN) + [
    "cœur", "lœ", "Œuvre", "quİ", "İl", "LE", "Été", "ÊTRE", "thé", "Ÿ", "\u212a", "K", "ß", "ø", "á", "naïve", "x", "1"])
_SEPARATORS = st.sampled_from([" ", "", "'", "’", "-", "\n", ", ", "œ", "İ", "\u212a", "—", "\u00a0", "é", "?", "ı"])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=40).map(lambda parts: "".join(w + s for w, s in parts)),
       st.integers(1, 200))
def test_language_counts_the_words_the_regex_finds(text, sample):
    assert language.detect_language(text, sample) == _plain_language(text, sample)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.integers(1, 100))
def test_language_on_any_text(text, sample):
    assert language.detect_language(text, sample) == _plain_language(text, sample)


def test_language_word_bytes_table_follows_the_word_pattern():
    for b in range(256):
        ch = chr(b).lower()
        kept = language._LATIN1_WORDS[b] != ord(" ")
        assert kept == bool(re.fullmatch(language._WORD, ch)), hex(b)


def _plain_alternation(words) -> str:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        piece = re.escape(word)
        if word not in date_lexicon.FULL_MONTHS and word not in date_lexicon.WEEKDAYS and len(word) <= 5:
            piece += r"\.?"
        parts.append(piece)
    return "(?:" + "|".join(parts) + ")"


_NAMES = sorted(date_lexicon.MONTHS) + sorted(date_lexicon.WEEKDAYS)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAMES + [".", " ", "-", "x", "s", "e", "3"]), max_size=20).map("".join))
def test_month_and_weekday_names_grouped_by_first_letter_match_as_the_plain_list(text):
    for grouped, words in ((date_lexicon.MONTH_RE, date_lexicon.MONTHS), (date_lexicon.WEEKDAY_RE, date_lexicon.WEEKDAYS),
                           (date_lexicon.FULL_MONTH_RE, date_lexicon.FULL_MONTHS)):
        for tail in ("", r"(?![\w-])", r"[ \t]*3"):
            fast, plain = re.compile(grouped + tail), re.compile(_plain_alternation(words) + tail)
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
