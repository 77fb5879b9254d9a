"""The shortcuts of the fourth speed round in the countries extractor give the plain forms' answers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import countries as C
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.country_lexicon import CAPITAL_RE, FIRST_WORDS, LEXICON, NAME_RE
from nato_viewer.core.parsing.text import fold


def _plain_candidates(ctx: ParseContext) -> list[tuple[int, int, str]]:
    """_candidates as it was: every capitalised word of the text, looked up in Python."""
    folded = ctx.folded
    found: list[tuple[int, int, str]] = []
    last = 0
    for cap in CAPITAL_RE.finditer(ctx.scan):
        pos = cap.start()
        if pos < last or folded[pos:cap.end()] not in FIRST_WORDS:
            continue
        m = NAME_RE.match(folded, pos)
        if m:
            key = m.group(0)
            found.append((pos, m.end(), key if key.isalpha() else re.sub(r"\s+", " ", key)))
            last = m.end()
    return found


_PIECES = [
    "The", "the", "THE", "Hague", "hague", "United", "UNITED", "States", "states", "Kingdom", "U.S.", "U.S",
    "U", "u", "S", "Ukraine", "UKRAINE", "ukraine", "Ukrainian", "Russia", "Russian", "New", "new", "York",
    "Zealand", "Georgia", "Paris", "Côte", "d'Ivoire", "d’Ivoire", "D", "d", "États", "Etats", "Unis", "Türkiye",
    "Turkey", "Émirats", "Ļ", "ł", "Łódź", "ʼs", "’s", "'s", "x", "É", "é", "2", "_", "-", ".", ",", "(", "«",
    "“", " ", "  ", "\n", "\u00a0", "\u0301", "people", "People", "America", "Americans", "Saint", "St.", "Lucia",
    "Sri", "Lanka", "Bosnia", "and", "Herzegovina", "Bucharest", "9", "Nine", "Minsk", "II", "İ", "K",
]


def _ctx(text: str) -> ParseContext:
    return ParseContext(text=text, scan=text, language="en", doc_date=None)


@given(st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join),
    st.lists(st.sampled_from(_PIECES + [" ", " ", "\n"]), max_size=25).map("".join),
))
@settings(max_examples=1500, deadline=None)
def test_candidates_as_the_scan_of_every_capital(text):
    ctx = _ctx(text)
    assert C._candidates(ctx) == _plain_candidates(ctx), text


def test_keys_go_on_after_their_first_word_with_no_word_character():
    # _FIRST_WORD_SCAN looks for a first word between spaces of the word-start bytes: a key whose
    # first word were followed by a digit or "_" would not be found.
    for key in LEXICON:
        m = re.match(r"[^\W\d_]+", key)
        if m:
            assert not re.match(r"[\d_]", key[m.end():m.end() + 1]), key


def test_no_character_outside_words_folds_to_a_letter_or_digit():
    # Checked once over all of Unicode; the Basic Multilingual Plane here, fast enough for every run.
    chars = "".join(c for c in map(chr, range(0x10000)) if re.match(r"[^\w.]", c) and not 0xD800 <= ord(c) < 0xE000)
    for folded in (fold(chars), fold("İ" + chars)[1:]):  # both ways fold takes (see text.fold)
        assert not re.search(r"[a-z0-9]", folded)
