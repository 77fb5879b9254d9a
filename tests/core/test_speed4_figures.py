"""The shortcuts of the figures extractor give exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.figures import (
    _PARTITIVE,
    _no_noun_after,
    _noun_phrase_tokens,
    _prev_word,
)


def _prev_word_plain(folded: str, pos: int) -> tuple[str, int]:
    """`_prev_word` as it was: a loop over characters."""
    i = pos
    while i > 0 and pos - i < 24 and folded[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and i - j < 24 and (folded[j - 1].isalnum() or folded[j - 1] in "'.°-"):
        j -= 1
    return folded[j:i], j


# Words, digits and every character the word before a number may hold or stop at: spaces (runs of
# more than 24 too), "'.°-", underscores, letters and digits outside ASCII.
_BEFORE_PIECES = st.sampled_from([
    "article", "june", "no.", "in", "all", "d'", "x", "Ab", "é", "ß", "٣", "3", "_", "'", ".", "°", "-",
    ",", " ", "  ", " " * 30, "\n", "$", "abcdefghijklmnopqrstuvwxyz",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_BEFORE_PIECES, max_size=30).map("".join), st.integers(0, 400))
def test_prev_word_is_the_character_loop(text, pos):
    pos = min(pos, len(text))
    assert _prev_word(text, pos) == _prev_word_plain(text, pos)


# What may follow a number: counted nouns, function words (some of them demonym look-alikes), acronyms,
# capitalised demonyms, model numbers, multi-word nouns, ammunition and its cues, punctuation.
_AFTER_PIECES = st.sampled_from([
    "troops", "soldiers", "the", "The", "of", "US", "us", "Depuis", "depuis", "these", "These", "Americans",
    "americans", "d'Ukrainiens", "787-9", "12", "3rd", "f-16", "heads", "state", "rounds", "artillery",
    "pieces", "talks", "new", "Brigade", "Combat", "Teams", "squadrons", "aircraft", "x", "a.b.", "Mois",
    " ", "  ", ",", ".", "-", "'", "\n", "é",
])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_AFTER_PIECES, max_size=14), st.sampled_from([2, 4]), st.booleans())
def test_no_noun_after_only_when_the_tokens_find_none(pieces, max_mods, plural):
    scan = " " + "".join(pieces)
    folded = scan.lower()
    if _no_noun_after(folded, scan, 0):
        assert _noun_phrase_tokens(folded, scan, 0, max_mods, plural) is None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "of", "des", "the", "our", "us", "x's", "s'", "its", "d"]), max_size=8))
def test_partitives_start_with_of_or_des(pieces):
    text = "".join(pieces)
    for pos in range(len(text)):
        if _PARTITIVE.match(text, pos):
            assert text.startswith((" of ", " des "), pos)
