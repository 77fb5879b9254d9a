"""Fourth round of speed work on dates: each shortcut gives what the plain form gives."""

from __future__ import annotations

import re
from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import dates as d
from nato_viewer.core.parsing.date_lexicon import ANCHOR_SCAN, MONTHS, WEEKDAYS
from nato_viewer.core.parsing.text import fold

# Dates, near-dates and numbers glued or apart: digits of every kind (a year opens with 1 or 2),
# month and weekday names, the words of relative dates, leads of "within six months".
_TOKENS = st.sampled_from([
    "15", "1er", "3", "31", "2024", "1999", "2100", "20", "24-25", "15/02/2024", "2.3.2024", "2024-02-15",
    "2024/25", "2020-2024", "٣", "7", "9", "0", "june", "juin", "sept.", "may", "thursday", "jeudi", "today",
    "by the end of", "this year", "the year", "l'annee", "year's", "next week", "last month", "so far",
    "within six months", "within 3 weeks", "dans les", "d'ici", "to", "and", "-", "/", ".", "x", "_", "$",
    "é", "words", "of text", "a long stretch of plain words without any date in it",
])
_TEXT = st.lists(st.tuples(_TOKENS, st.sampled_from(["", " ", " ", "\t", "\n", ", ", "-", "/", "."])),
                 max_size=40).map(lambda parts: "".join(t + s for t, s in parts))


class _PlainTaken:
    """The claimed spans as they were kept before: sorted, with a binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, span) -> bool:
        s, e = span
        i = bisect_left(self.starts, e)
        return i == 0 or self.ends[i - 1] <= s

    def take(self, span) -> None:
        i = bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


_SPAN = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN, max_size=12))
def test_claimed_spans_in_a_list_answer_as_the_sorted_form(spans):
    plain, taken, found, kept = _PlainTaken(), [], [], []
    for span in spans:
        assert d._free(taken, span) == plain.free(span)
        if plain.free(span):
            plain.take(span)
            kept.append(span)
        d._keep(taken, found, d._Found(span, None, None, "day"))
    assert [f.span for f in found] == kept


def _plain_windows(folded: str, lo: int, hi: int):
    out: list[list] = []
    for m in ANCHOR_SCAN.finditer(folded, lo, hi):
        start = m.start()
        word = m.group(0)
        a, b = max(lo, start - 34), min(hi, start + 30)
        if out and a <= out[-1][1] + 8:
            last = out[-1]
            if b > last[1]:
                last[1] = b
            sorts = last[2]
        else:
            sorts = set()
            out.append([a, b, sorts])
        if word[:1].isdigit():
            year = d._YEAR_AT(folded, start)
            if year is None:
                sorts.add("digit")
                continue
            sorts.add("year")
            if year.end() > start + 4:
                sorts.add("pair")
            if folded[start - 1:start] in ("/", "."):
                sorts.add("dotted")
        elif word in MONTHS:
            sorts.add("month")
            if d._DIGIT.search(folded, out[-1][0], start):
                sorts.add("day_month")
        elif word in WEEKDAYS:
            sorts.add("weekday")
        else:
            sorts.add("year_word" if word in d._YEAR_WORDS else "word")
    return [(a, b, sorts) for a, b, sorts in out]


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(0, 8), st.integers(0, 8))
def test_windows_built_in_locals_are_the_plain_windows(text, lo, cut):
    folded = fold(text)
    lo = min(lo, len(folded))
    hi = max(lo, len(folded) - cut)
    assert d._windows(folded, lo, hi) == _plain_windows(folded, lo, hi)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_a_year_opens_with_1_or_2(text):
    """`_windows` tries `_YEAR_AT` only on a "1" or a "2": on any other digit it never matches."""
    folded = fold(text)
    for i, ch in enumerate(folded):
        if ch.isdigit() and ch not in "12":
            assert d._YEAR_AT(folded, i) is None


class _Ctx:
    def __init__(self, text: str, ref) -> None:
        self.text = self.scan = text
        self.folded = fold(text)
        self.language = "en"
        self.sentences = [(0, len(text))]
        self.doc_date = ref
        self.body_start = 0


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from([None, d.dt.date(2024, 3, 14)]))
def test_windows_of_numbers_alone_skipped_find_what_the_scan_of_every_window_finds(text, ref):
    ctx = _Ctx(text, ref)
    hi = len(ctx.folded)
    plain: list = []
    leads = d._places(ctx.folded, d._WITHIN_LEADS, 0, hi) if ref is not None else []
    for wlo, whi, sorts in d._windows(ctx.folded, 0, hi):
        i = bisect_left(leads, wlo)
        d._scan_window(ctx, wlo, whi, ref, plain, sorts, i < len(leads) and leads[i] < whi)
    plain.sort(key=lambda f: f.span)
    assert d._scan_dates(ctx, 0, hi, ref) == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\u2028.!?ab", max_size=12))
def test_sentence_end_test_is_the_regex(text):
    assert text.strip().endswith(d._SENTENCE_ENDS) == bool(re.search(r"[.!?]$", text.strip()))
