"""The fast paths of the events extractor give exactly what their plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import events
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.event_lexicon import (
    DIGIT_TRIGGER,
    MEETING_NOUN,
    TRIGGER_SCAN_HEADS,
    TRIGGERS,
    prefilter,
    scan_regex,
)
from nato_viewer.core.parsing.text import fold

# Pieces of trigger heads (whole, cut short, of several words, with an apostrophe or a hyphen), the
# characters that may stand around a word (a word character "_", letters and digits outside ASCII,
# quotes, "?"), digits, and plain words.
_HEADS = sorted(TRIGGER_SCAN_HEADS)
# The plain definitions: the regexes the lexicon no longer compiles at import.
TRIGGER_SCAN = scan_regex(TRIGGER_SCAN_HEADS)
TRIGGER_PREFILTER = prefilter(list(TRIGGERS.values()))
_PIECES = st.one_of(
    st.sampled_from(_HEADS),
    st.sampled_from(_HEADS).map(lambda h: h[:len(h) // 2 + 1]),
    st.sampled_from(["the ", "to ", "a ", "on ", "l'", "s'", "mini-", "ed", "s ", "ing", "12", "3rd ", "5e "]),
    st.sampled_from(list(" _-'’“”«»?.,;\n\t\u00a0éœß٣²Жx9")),
)
_TEXT = st.lists(_PIECES, max_size=25).map("".join)


def _plain_hits(folded: str, start: int) -> tuple[list[int], list[frozenset[str]]]:
    """TRIGGER_SCAN tried at every position from `start` on, skipping the words inside a head that
    spans several words and the numbers DIGIT_TRIGGER rejects."""
    positions, kinds = [], []
    consumed = 0
    for pos in range(start, len(folded)):
        m = TRIGGER_SCAN.match(folded, pos)
        if m is None or pos < consumed:
            continue
        if m.group(1).isdigit() and not DIGIT_TRIGGER.match(folded, pos):
            continue  # a number that starts no trigger
        found, spanning = TRIGGER_SCAN_HEADS.get(m.group(1), (frozenset(), False))
        if spanning:
            consumed = TRIGGER_PREFILTER.match(folded, pos).end()
        if found:
            positions.append(pos)
            kinds.append(found)
    return positions, kinds


def _hits(text: str, start: int) -> tuple[list[int], list[frozenset[str]]]:
    ctx = ParseContext(text=text, scan=text, language="en", doc_date=None, body_start=start)
    events._find_hits(ctx)
    return ctx._cache["trigger_hits"]


@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=12))
def test_trigger_hits_are_the_scan_at_every_position(text, start):
    start = min(start, len(text))
    assert _hits(text, start) == _plain_hits(fold(text), start)


def test_trigger_hits_of_a_sentence():
    text = "Le ministre a déclaré sur X que l’OTAN a décidé d’envoyer des troupes, and_sent none."
    positions, kinds = _hits(text, 0)
    assert (positions, kinds) == _plain_hits(fold(text), 0)
    assert [fold(text)[p:p + 6] for p in positions] == ["a decl", "sur x ", "decide", "envoye"]


_MEETING_PLAIN = re.compile(r"(?<![\w-])(?:summit|sommet|ministerial|ministerielle|reunion|meeting)s?\b")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["summit", "sommet", "ministerial", "ministerielle", "reunion", "meeting", "s",
                                 "m", "r", "-", "_", "é", " ", ",", "x"]), max_size=12).map("".join))
def test_meeting_noun_is_its_plain_pattern(text):
    assert [m.span() for m in MEETING_NOUN.finditer(text)] == [m.span() for m in _MEETING_PLAIN.finditer(text)]
