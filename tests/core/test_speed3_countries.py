"""The cheap tests put before the countries extractor's regexes never refuse a text the regex matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import countries as C
from nato_viewer.core.parsing import country_roles as R

_WORDS = [
    "led by", "led", "by", "sous la direction de", "sous la direction des", "direction", "sous l'egide du",
    "egide", "under the leadership of", "leadership", "a l'initiative d'", "at the initiative of", "initiative",
    "pilote par", "dirige par", "pilote", "dirige", "par", "of", "the", "la", "l'", "les", "de", "d'", "du",
    "sommet", "summit", "reunion", "conference", "ministerielle", "rencontre", "de l'otan", "of nato", "in", "at",
    "a", "en", "au", "aux", "x", "é", "_", "1", ".", ",", "\n", "  ", "-", "'",
]
_texts = st.lists(st.sampled_from(_WORDS), max_size=20).map(lambda ws: " ".join(ws))
_glued = st.lists(st.sampled_from(_WORDS + ["", " "]), max_size=20).map("".join)


@given(st.one_of(_texts, _glued))
@settings(max_examples=600, deadline=None)
def test_window_word_tests_hold_for_every_match(text):
    for cut in range(len(text) + 1):
        window = text[:cut]
        if R._LEAD_BEFORE_RE.search(window):
            assert R._has_lead_words(window), window
        if R._HOST_BEFORE_RE.search(window):
            assert R._has_meeting_noun(window), window


_URL_PIECES = ["x.com/", "Jim_Jordan", "www.", "nato.int", "uploads/", "upload/", "@", "://", "http", ".fr",
               ".com", "a", "(", " ", "\n", ".", "/", "Jordan", "é", "-", ".eu", "net", "gov"]


@given(st.lists(st.sampled_from(_URL_PIECES), max_size=12).map("".join))
@settings(max_examples=600, deadline=None)
def test_in_url_as_the_plain_search(text):
    for start in range(len(text) + 1):
        lo = max(0, start - 300)
        token_start = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("(", lo, start),
                          lo - 1) + 1
        assert C._in_url(text, start) == bool(C._URL_TOKEN_RE.search(text, token_start, start)), (text, start)
