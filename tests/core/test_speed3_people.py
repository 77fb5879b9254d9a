"""The third round of people speed work gives exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import people
from nato_viewer.core.parsing.context import ParseContext


def _plain_speech_subject(ctx: ParseContext, start: int, end: int, s0: int | None) -> bool:
    """`people._speech_subject` before its test of the last words."""
    folded = ctx.folded
    lo = max(0, start - 80)
    english = people._EN_SPEECH_AFTER_RE.match(folded, end) is not None
    if not english and not people._FR_AUX_RE.search(folded[lo:start]):
        return False
    s0 = people._sentence_start(ctx.scan, start, 80) if s0 is None else max(s0, lo)
    before = folded[s0:start]
    if not ((english and before.strip()) or (people._FR_AUX_RE.search(before)
                                             and people._FR_INVERTED_SUBJECT_RE.search(before))):
        return False
    return not people._ARTICLE_END_RE.search(before, max(0, len(before.rstrip()) - 3))


_SPEECH_PIECES = ["a", "avait", "ont", "aura", "a-t-il", "déclaré", "declare", "dit", "mis en garde", "met",
                  "en", "garde", "selon", "d'après", "said", "according to", "pointed out", "has said", "told",
                  "que", "qu'il", "l'", "le", "the", "ministre", "hier", "Kowalski", "Tamm", "Anna", "Doe", "x",
                  "declarations", "saidx", "é", "Жa", "_a", "-", ",", ".", ";", "«", " ", " ", " ", "  ", "\n",
                  "\u00a0", "\t"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SPEECH_PIECES), max_size=40), st.one_of(st.none(), st.integers(0, 200)))
def test_speech_subject_is_the_plain_test(pieces, s0):
    text = "".join(pieces)
    ctx = ParseContext(text=text, scan=text, language="fr", doc_date=None)
    for k in range(len(text) + 1):
        if k == len(text) or text[k].isupper() or k % 7 == 0:
            for end in (k, min(len(text), k + 5)):
                s0k = None if s0 is None else min(s0, k)
                assert people._speech_subject(ctx, k, end, s0k) == _plain_speech_subject(ctx, k, end, s0k)


def test_speech_subject_finds_the_inverted_subject():
    # the verb of the most words, then the most words before the name
    text = "Le ministre a ensuite mis en garde hier soir Kowalski. Puis, a déclaré hier Tamm, rien."
    ctx = ParseContext(text=text, scan=text, language="fr", doc_date=None)
    for name in ("Kowalski", "Tamm"):
        start = text.index(name)
        assert people._speech_subject(ctx, start, start + len(name), None)
        assert _plain_speech_subject(ctx, start, start + len(name), None)
