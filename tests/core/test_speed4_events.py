"""TRIGGER_SCAN_SPACED tests the first character after a space before the trie: it finds the same
places, with the same head, as the scan without that test."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.event_lexicon import _FIRST_HEADS, TRIGGER_SCAN_SPACED
from nato_viewer.core.parsing.text import trie_regex

_PLAIN_SCAN = re.compile(rb" (?=(" + trie_regex(sorted(_FIRST_HEADS)).encode() + rb")|[0-9])")
_WORDS = sorted({w for h in _FIRST_HEADS for w in h.split(" ")} | {"the", "q", "u", "x", "y", "z", "1", "2024"})
_PIECES = st.one_of(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "e", "s", "ed", "9"]))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=16).map(lambda parts: " ".join(parts).encode()), st.integers(0, 3))
def test_scan_matches_the_plain_scan(data, start):
    found = [(m.end(), m.group(1)) for m in TRIGGER_SCAN_SPACED.finditer(b" " + data, start)]
    assert found == [(m.end(), m.group(1)) for m in _PLAIN_SCAN.finditer(b" " + data, start)]
