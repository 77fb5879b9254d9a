"""DIGIT_TRIGGER, the test that drops most numbers from the trigger hits, keeps every place where a
trigger may match, whatever the end of the clause it is matched in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.event_lexicon import DIGIT_TRIGGER, TRIGGERS

_PIECES = st.one_of(
    st.sampled_from(["1", "21", "3", "٣", "st", "nd", "rd", "th", "e", " ", "ally", "member", "membre", "pays",
                     "allie", "x", "-", "_", "s", ".", ","]),
    st.sampled_from(list(" _-'’«»?.,;\n\u00a0éß٣²9")),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.data())
def test_a_trigger_at_a_digit_passes_digit_trigger(text, data):
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=pos, max_value=len(text)))
    if any(rx.match(text, pos, end) for rx in TRIGGERS.values()) and text[pos:pos + 1].isdigit():
        assert DIGIT_TRIGGER.match(text, pos)


def test_ordinals_are_kept_and_plain_numbers_dropped():
    assert DIGIT_TRIGGER.match("the 32nd ally", 4) and DIGIT_TRIGGER.match("le 32e membre", 3)
    assert not DIGIT_TRIGGER.match("in 2024 the ally", 3)
