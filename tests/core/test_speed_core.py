"""The C-level forms of the pipeline's look-ups give what their plain definitions give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.model import Event
from nato_viewer.core.parsing import prose
from nato_viewer.core.parsing import text as text_mod
from nato_viewer.core.parsing.pipeline import _EventFinder
from nato_viewer.core.parsing.text import sentence_at

# Sorted, disjoint spans (as split_sentences gives) built from gaps and lengths.
_SPANS = st.lists(st.tuples(st.integers(0, 4), st.integers(1, 6)), max_size=12).map(
    lambda parts: [(sum(g + n for g, n in parts[:i]) + g, sum(g + n for g, n in parts[:i]) + g + n)
                   for i, (g, n) in enumerate(parts)])


def _plain_sentence_at(spans, offset):
    return next((i for i, (s, e) in enumerate(spans) if s <= offset < e), -1)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(-2, 130))
def test_sentence_at_is_the_span_holding_the_offset(spans, offset):
    assert sentence_at(spans, offset) == _plain_sentence_at(spans, offset)


def _event(span, main=False, name="e"):
    return Event(id=name, kind="statement", start=None, end=None, precision="day", title=name,
                 summary="", span=span, main=main)


def _plain_event_for(offset, events, sentences, main):
    """The rule as written in the parser's documentation, one event at a time."""
    holding = [ev for ev in events if not ev.main and ev.span[0] <= offset < ev.span[1]]
    if holding:
        return min(holding, key=lambda ev: ev.span[1] - ev.span[0])  # min keeps the first of equals
    idx = _plain_sentence_at(sentences, offset)
    if idx >= 0:
        s, e = sentences[idx]
        same = [ev for ev in events if not ev.main and s <= ev.span[0] < e]
        if same:
            return same[-1]
    return main


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=6),
       st.lists(st.integers(-1, 70), max_size=20))
def test_event_finder_follows_the_plain_rule(sentences, spans, offsets):
    main = _event((0, 1), main=True, name="main")
    events = [main] + [_event((s, s + n), name=f"e{i}") for i, (s, n) in enumerate(spans)]
    find = _EventFinder(events, sentences, main)
    for offset in offsets + offsets:  # asked twice: the cached answer is the same
        assert find(offset) is _plain_event_for(offset, events, sentences, main)


_LINES = st.lists(st.sampled_from(["", "   ", "Short line.", "x" * 39, "s" * 40, "r" * 39 + ".", "y" * 40 + ".",
                                   "z" * 45, "w" * 60 + " ",
                                   "v" * 120, "- item", "u" * 70 + ":", "t" * 50 + "»"]), max_size=30)


def _plain_prose_wrapped(scan):
    lines = scan.split("\n")
    filled = [bool(line.strip()) for line in lines]
    n_body = sum(filled)
    if n_body < 4:
        return False
    if sum(1 for line, f in zip(lines, filled) if f and len(line) > 110) > 0.1 * n_body:
        return False
    joined = sum(1 for i, line in enumerate(lines)
                 if filled[i] and i + 1 < len(lines) and filled[i + 1] and len(line) >= 40)
    return joined >= 0.3 * n_body


def _plain_text_wrapped(text):
    lines = [line.rstrip() for line in text.split("\n", 400)[:400]]
    long = sorted(len(line) for line in lines if len(line) >= 40)
    if len(long) < 2 or long[int(len(long) * 0.75)] > 100:
        return False
    open_ended = sum(1 for line in lines if len(line) >= 40 and not line.endswith(text_mod._SENTENCE_CLOSERS))
    return open_ended >= 0.5 * len(long)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_hard_wrap_tests_count_lines_as_their_plain_forms(lines):
    scan = "\n".join(lines)
    assert prose.is_hard_wrapped(scan) == _plain_prose_wrapped(scan)
    assert text_mod.is_hard_wrapped(scan) == _plain_text_wrapped(scan)


def test_hard_wrap_tests_on_a_wrapped_and_an_unwrapped_text():
    wrapped = "\n".join(["The Secretary General met the ministers of the Alliance in"] * 8)
    one_line_paragraphs = "\n".join(["The Secretary General met the ministers of the Alliance today."] * 8)
    assert prose.is_hard_wrapped(wrapped) and text_mod.is_hard_wrapped(wrapped)
    assert not text_mod.is_hard_wrapped(one_line_paragraphs)
