"""The fast scans of the quotes and figures extractors give exactly what the plain regexes give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.numbers import _SPELLED, spelled_word_matches, word_bytes
from nato_viewer.core.parsing.quotes import _MARK_RE, _TURN_RE, mark_positions, turn_labels

# Labels, colons and line breaks; every quotation mark, apostrophes and letters around them.
_QUOTE_PIECES = st.sampled_from([
    "PRESIDENT", "Q", "MR. DOE", "O’NEILL", "A-B", "said", "x", " ", "  ", "\t", ":", "\n", "\n\n",
    "«", "»", "“", "”", "„", '"', "‘", "’", "'", "é",
])
_QUOTE_TEXT = st.lists(_QUOTE_PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_QUOTE_TEXT, st.integers(0, 12))
def test_turn_labels_are_the_finditer_matches(text, start):
    start = min(start, len(text))
    assert [m.span() for m in turn_labels(text, start)] == [m.span() for m in _TURN_RE.finditer(text, start)]


@settings(max_examples=500, deadline=None)
@given(_QUOTE_TEXT, st.integers(0, 12))
def test_mark_positions_are_the_regex_marks(text, start):
    start = min(start, len(text))
    assert mark_positions(text, start) == [m.start() for m in _MARK_RE.finditer(text, start)]


# Number words whole, glued to other words ("often", "someone", "famille"), joined and split by every
# joiner ("and" in French too), next to letters outside ASCII, digits, underscores and line breaks.
_NUMBER_PIECES = st.sampled_from([
    "one", "two", "ten", "twenty", "hundred", "thousand", "million", "millions", "eleven", "nine",
    "un", "une", "deux", "dix", "sept", "vingt", "vingts", "cent", "mille", "milliards", "quatre",
    "of", "som", "oft", "fami", "ll", "lune", "and", "et", "e", "s", "x", "é", "ï", "_", "3", "٣",
    " ", " ", "  ", "-", "-et-", " et ", " and ", "\n", ",", ".", "'",
])
_NUMBER_TEXT = st.lists(_NUMBER_PIECES, max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_NUMBER_TEXT, st.sampled_from(["en", "fr"]), st.integers(0, 6), st.integers(0, 6), st.booleans())
def test_spelled_word_matches_are_the_finditer_matches_at_word_starts(text, lang, lo, cut, known):
    raw = text.encode("ascii", "replace")
    start, end = min(lo, len(text)), max(min(lo, len(text)), len(text) - cut)
    fast = spelled_word_matches(text, raw, lang, start, end, word_bytes(text) if known else None)
    plain = [m.span() for m in _SPELLED[lang].finditer(text, start, end)
             if not (m.start() > start and text[m.start() - 1].isascii() and text[m.start() - 1].isalnum())]
    assert [m.span() for m in fast] == plain


def test_a_match_inside_a_word_still_takes_the_words_it_runs_over():
    # "often two": "ten two" matches inside "often", so "two" is no number of its own
    text = "often two soldiers and one hundred and five tanks"
    spans = [m.span() for m in spelled_word_matches(text, text.encode("ascii"), "en", 0, len(text))]
    assert spans == [(23, 43)]
