"""The fast forms of the people and organisation finders give exactly what their plain patterns give."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import people
from nato_viewer.core.parsing.name_lexicon import _EXTRA_FOLD, name_key
from nato_viewer.core.parsing.organisations import _GENERIC_RE, _GENERIC_SCAN, _KNOWN_RE, _KNOWN_SCAN
from nato_viewer.core.parsing.text import fold, fold_word
from nato_viewer.core.parsing.titles import TITLE_HEAD_RE, TITLE_HEAD_SCAN

_PIECES = ["president", "President", "vice-president", "prime minister", "Premier ministre", "secretaire d'etat",
           "secretary-general", "supreme allied commander", "ex ", "head", "ahead", "presidential", "chief",
           "Ministry of Defence", "Ministère des Armées", "Département d'État", "Comité Militaire", "Office for Peace",
           "Council of Europe", "Conseil de l'Europe", "Commission", "nato", "NATO", "l'otan", "UN", "g7",
           "nato-ukraine council", "north atlantic council", "_", "'", "’", "-", "«", " ", "  ", "\n", "é", "ø",
           "x", "2", "İ", "of ", "the ", ","]
_TEXTS = st.tuples(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.integers(0, 6))


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_word_set_scans_are_the_pattern_matches(case):
    text, lo = case
    folded = fold(text)
    lo = min(lo, len(folded))
    for scan, pattern in ((TITLE_HEAD_SCAN, TITLE_HEAD_RE), (_KNOWN_SCAN, _KNOWN_RE)):
        assert [m.span() for m in scan.finditer(folded, lo)] == [m.span() for m in pattern.finditer(folded, lo)]
    generic = [m.span() for m in _GENERIC_SCAN.finditer(folded, lo, text)]
    assert generic == [m.span() for m in _GENERIC_RE.finditer(text, lo)]


def test_no_character_outside_words_folds_to_a_letter_or_digit():
    # the generic organisation heads are found in the folded words: a head that starts after no word
    # character in the text starts after no ASCII letter or digit in its folded form
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if not re.match(r"\w", ch) and not 0xD800 <= code < 0xE000:
            assert not re.fullmatch(r"[a-z0-9]", fold(ch)), hex(code)


_NAME_ALPHABET = st.sampled_from(list("AZaézÉŁΔЖΣ\u03a2ﬁ’‘'`.‑-_ \u00a0\u202f\u2009\t\n!?;:«»“”\"()[]—…,12")
                                 + ["de ", "van der ", "la ", "Jean ", "J. ", "y "])


@settings(max_examples=500, deadline=None)
@given(st.lists(_NAME_ALPHABET, max_size=50).map("".join), st.integers(0, 5))
def test_ascii_shapes_give_the_runs_and_sentence_starts_of_the_plain_patterns(text, lo):
    shapes = people._ascii_shapes(text)
    if shapes is None:
        assert "\u03a2" in text  # a capital that is no word character: the plain patterns are used
        return
    shape, stops = shapes
    assert len(shape) == len(stops) == len(text)
    fast = [m.span() for m in people._SHAPE_GROUP_RE.finditer(shape, lo)]
    assert fast == [m.span() for m in people._GROUP_RE.finditer(text, lo)]
    for pos in range(len(text) + 1):
        for limit in (80, 110, 160):
            assert people._fast_sentence_start(stops, pos, limit) == people._sentence_start(text, pos, limit)


def test_every_stand_in_plays_the_part_of_its_character():
    cap = people._CAP_START_RE
    parts = [lambda c: cap.match(c) is not None, lambda c: re.match(r"\w", c) is not None,
             lambda c: c in "'’.‑-", lambda c: c in " \u00a0\u202f", lambda c: c in '.!?\n;:«»“”"()[]']
    for code in range(0x80, sys.maxunicode + 1):
        ch = chr(code)
        rep = people._stand_in.__wrapped__(ch)
        if rep is None:
            assert cap.match(ch) and not re.match(r"\w", ch)
            continue
        assert rep.isascii() and not rep.islower()
        assert [part(rep) for part in parts] == [part(ch) for part in parts], hex(code)


def test_name_key_of_ascii_words_needs_no_extra_fold():
    assert all(not k.isascii() for k in map(chr, _EXTRA_FOLD))
    for word in ["Łukasz", "Øster", "Straße", "Jean-Luc", "D'Artagnan", "Erdoğan", "ASCII"]:
        assert name_key(word) == fold_word(word).translate(_EXTRA_FOLD)
