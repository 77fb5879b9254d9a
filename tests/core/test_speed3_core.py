"""The shortcuts of the sentence splitter and the shared word caches give what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import text as text_mod
from nato_viewer.core.parsing.text import ascii_forms, document_words, fold, split_sentences

# Pieces of press text around sentence ends: abbreviations, initials, numbers, quotes, line breaks.
_WORDS = st.sampled_from([
    "The", "minister", "said", "Mr", "Dr", "Mrs", "Gen", "U.S", "e.g", "No", "Alliance", "aujourd'hui", "Élysée",
    "é", "J", "1", "2.5", "2024", "a", "x" * 5, "abcdefgh", "Ukraine", "«", "»", "“", "”", '"', "(", ")", "[",
    "’", "#", "-", "",
])
_STOPS = st.sampled_from(["", "", ".", ".", "?", "!", "…", "...", ".»", ".”", ",", ";", ":"])
_SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\n- ", "\n1. ", "\t", "\u00a0", ""])
_TEXTS = st.lists(st.tuples(_WORDS, _STOPS, _SPACES).map("".join), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.booleans(), st.integers(0, 6))
def test_the_long_word_shortcut_splits_as_the_plain_rule(text, wrapped, start):
    fast = split_sentences(text, min(start, len(text)), wrapped=wrapped)
    reach = text_mod._ABBREVIATION_REACH
    text_mod._ABBREVIATION_REACH = 10**9  # every period's word looked at, as before the shortcut
    try:
        plain = split_sentences(text, min(start, len(text)), wrapped=wrapped)
    finally:
        text_mod._ABBREVIATION_REACH = reach
    assert fast == plain


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(0, 40))
def test_the_one_space_shortcut_reads_the_same_next_character(text, stop):
    """Where the splitter reads the next character off `text[stop:stop + 2]`, the plain match agrees."""
    pair = text[stop:stop + 2]
    if len(pair) == 2 and pair[0] == " " and not pair[1].isspace() and pair[1] not in text_mod._OPENERS:
        m = text_mod._NEXT_CHAR.match(text, stop, stop + 8)
        assert m is not None and m.group(2) == pair[1]


def test_abbreviations_and_initials_end_no_sentence_but_long_words_do():
    text = "Mr. Doe met Gen. Roe and J. Smith in the U.S. capital. The talks ended. Next came lunch."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Doe met Gen. Roe and J. Smith in the U.S. capital.", "The talks ended.", "Next came lunch."]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, _TEXTS)
def test_word_caches_answer_for_the_text_asked_about(a, b):
    """Two texts read in turn (a document and its prose view) each get their own forms."""
    fa, fb = fold(a), fold(b) + " "  # another string even when `a` and `b` are equal
    for folded in (fa, fb, fa, fb):
        raw = folded.encode("ascii", "replace")
        assert ascii_forms(folded) == (raw, raw.translate(text_mod._WORD_START_SEPARATORS))
        data, present = document_words(folded)
        assert data == raw.translate(text_mod._WORD_START_SEPARATORS) + b" "
        assert present == frozenset(text_mod._SCANNED_WORDS.intersection(data.split()))
