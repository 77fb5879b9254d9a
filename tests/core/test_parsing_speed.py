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
