"""Language detection (French or English) by counting function words."""

from __future__ import annotations

import re

_FR = frozenset(
    ["le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "sont", "au", "aux", "dans", "pour", "par", "sur", "avec", "qui", "que", "ne", "pas", "cette", "ces", "il", "elle", "ils", "nous", "vous", "leur", "leurs", "été", "être", "a", "ont", "lors", "également", "ainsi", "selon", "entre", "d", "l", "qu"]
)
_EN = frozenset(
    ["the", "of", "and", "to", "in", "is", "are", "was", "were", "for", "on", "with", "by", "that", "this", "these", "it", "its", "be", "been", "has", "have", "will", "would", "from", "at", "as", "an", "which", "their", "our", "we", "said", "also"]
)
# A word: a run of these letters in the lower-cased text.
_WORD = re.compile(r"[a-zA-Zàâäçéèêëîïôöùûüÿœ]+")

# The words are counted on Latin-1 bytes, without a regex or a str object per word: one byte table
# lower-cases the letters of _WORD and blanks every other byte ("?" too, which stands for a character
# outside Latin-1). Outside Latin-1 only œ is such a letter, and only these characters lower-case to
# one (tests/core/test_speed3_dates.py checks every code point): a sample holding one is lower-cased
# first. œ then becomes "oe", which keeps its word one word, and no function word holds "oe".
_LOWER_INTO_WORD = "\u0152\u0178\u0130\u212a"  # Œ Ÿ İ and the kelvin sign
_LATIN1_WORDS = bytes(
    ord(chr(b).lower()) if _WORD.fullmatch(chr(b).lower()) else ord(" ") for b in range(256))
_FR_BYTES = frozenset(word.encode("latin-1") for word in _FR)
_EN_BYTES = frozenset(word.encode("latin-1") for word in _EN)


def detect_language(text: str, sample: int = 6000) -> str:
    """"fr" or "en" for the text (English when undecided); the first `sample` characters hold some
    hundred function words, plenty to tell the two apart."""
    part = text[:sample]
    if not part.isascii():
        if any(ch in part for ch in _LOWER_INTO_WORD):
            part = part.lower()
        if "œ" in part:
            part = part.replace("œ", "oe")
    words = part.encode("latin-1", "replace").translate(_LATIN1_WORDS).split()
    fr = sum(map(_FR_BYTES.__contains__, words))
    en = sum(map(_EN_BYTES.__contains__, words))
    return "fr" if fr > en else "en"
