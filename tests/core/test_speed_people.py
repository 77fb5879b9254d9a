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
# Every assigned character: the planes past the third hold only tags, selectors and private use.
_CODE_POINTS = [*range(0x30000), *range(0xE0000, 0xE1000)]
assert _CODE_POINTS[0x80] == 0x80 and sys.maxunicode < 0x110000
_TEXTS = st.tuples(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.integers(0, 6))


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_word_set_scans_are_the_pattern_matches(case):
    text, lo = case
    folded = fold(text)
    lo = min(lo, len(folded))
    for scan, pattern in ((TITLE_HEAD_SCAN, TITLE_HEAD_RE), (_KNOWN_SCAN, _KNOWN_RE)):
        assert [m.span() for m in scan.finditer(folded, lo)] == [m.span() for m in pattern.finditer(folded, lo)]
    generic = [m.span() for m in _GENERIC_SCAN.finditer(folded, lo, text=text)]
    assert generic == [m.span() for m in _GENERIC_RE.finditer(text, lo)]


def test_no_character_outside_words_folds_to_a_letter_or_digit():
    # the generic organisation heads are found in the folded words: a head that starts after no word
    # character in the text starts after no ASCII letter or digit in its folded form
    others = "".join(re.findall(r"\W", "".join(map(chr, _CODE_POINTS))))
    folded = fold(others)  # character by character (see test_parsing_speed)
    found = re.search(r"[a-z0-9]", folded)
    assert found is None, hex(ord(others[found.start()]))


def test_name_key_of_ascii_words_needs_no_extra_fold():
    assert all(not k.isascii() for k in map(chr, _EXTRA_FOLD))
    for word in ["Łukasz", "Øster", "Straße", "Jean-Luc", "D'Artagnan", "Erdoğan", "ASCII"]:
        assert name_key(word) == fold_word(word).translate(_EXTRA_FOLD)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "avait", "ont", "aura", "la", "o", " ", "\n", "-", "'", "é", "_", "2", "t"]),
                max_size=30).map("".join))
def test_french_auxiliary_search_is_the_plain_pattern(text):
    plain = re.compile(r"\b(?:a|avait|ont|aura)\s")
    assert [m.span() for m in people._FR_AUX_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _plain_speech_subject(ctx, start, end, s0):
    before = ctx.folded[s0:start]
    if not ((people._EN_SPEECH_AFTER_RE.match(ctx.folded, end) and before.strip()) or (
            re.search(r"\b(?:a|avait|ont|aura)\s", before) and people._FR_INVERTED_SUBJECT_RE.search(before))):
        return False
    return not people._ARTICLE_END_RE.search(before, max(0, len(before.rstrip()) - 3))


_SPEECH_PIECES = ["a déclaré ", "a ", "avait ", "ont ", "aussi ", "le ", "the ", "Tamm", "Kremlin", " said", " has said",
                  ". ", "; ", "\n", "« ", " ", "quota ", "président ", "minister ", "que ", "x" * 30, "l'"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SPEECH_PIECES), max_size=25).map("".join))
def test_speech_subject_and_title_tests_skip_only_what_the_plain_tests_reject(text):
    from nato_viewer.core.parsing.context import ParseContext

    ctx = ParseContext(text=text, scan=text, language="fr", doc_date=None)
    titles = people._TitleIndex(ctx)
    for m in re.finditer(r"Tamm|Kremlin", text):
        start, end = m.span()
        s110 = people._sentence_start(text, start, 110)
        s80 = people._sentence_start(text, start, 80)
        assert people._speech_subject(ctx, start, end, None) == _plain_speech_subject(ctx, start, end, s80)
        assert people._speech_subject(ctx, start, end, s110) == _plain_speech_subject(ctx, start, end, s80)
        if titles.last_between(max(0, start - 110), start) is None:
            assert people._title_before(ctx, titles, start, s110) is None
