"""The fast scans of the figures extractor give exactly what the plain regexes give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.numbers import _SPELLED, spelled_matches

# Number words whole, glued to other words ("often", "someone", "famille"), joined and split
# by every joiner, next to letters outside ASCII, digits, underscores and line breaks.
_PIECES = st.sampled_from([
    "one", "two", "ten", "twenty", "hundred", "thousand", "million", "millions", "eleven", "nine",
    "un", "une", "deux", "dix", "sept", "vingt", "vingts", "cent", "mille", "milliards", "quatre",
    "of", "som", "oft", "fami", "ll", "lune", "e", "s", "x", "é", "ï", "_", "3", "٣",
    " ", " ", "  ", "-", "-et-", " et ", " and ", "\n", ",", ".", "'",
])
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.sampled_from(["en", "fr"]), st.integers(0, 6), st.integers(0, 6))
def test_spelled_matches_are_the_finditer_matches(text, lang, lo, cut):
    raw = text.encode("ascii", "replace")
    start, end = min(lo, len(text)), max(min(lo, len(text)), len(text) - cut)
    fast = [m.span() for m in spelled_matches(text, raw, lang, start, end)]
    assert fast == [m.span() for m in _SPELLED[lang].finditer(text, start, end)]


def test_spelled_matches_keep_words_swallowed_after_a_word_ending_in_a_number():
    # "often two": "ten two" matches inside "often" and takes "two" with it, as finditer does
    text = "often two soldiers and one hundred and five tanks"
    raw = text.encode("ascii")
    spans = [m.span() for m in spelled_matches(text, raw, "en", 0, len(text))]
    assert spans == [m.span() for m in _SPELLED["en"].finditer(text)]
    assert (2, 9) in spans
