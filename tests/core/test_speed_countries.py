"""The fast paths of the countries extractor give what the plain regexes give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import country_roles as R
from nato_viewer.core.parsing.context import ParseContext

_WORDS = [
    "to", "for", "a", "au", "aux", "en", "in", "at", "the", "la", "l'", "of", "de", "d'", "pour", "near",
    "provides", "provided", "deliver", "aid", "aide militaire", "aid militaire", "support", "soutien", "help",
    "sent", "send", "sends", "transferred", "dons", "don", "annonces de soutien", "mise a disposition",
    "summit", "sommet", "security", "people", "exercise", "gdp", "own defence", "arm", "army", "equip",
    "coalition", "contact group", "x", "said", "ukraine", "é", "_", "1", ".", ",", "\n", "  ", "-", "'",
]
_texts = st.lists(st.sampled_from(_WORDS), max_size=30).map(lambda ws: " ".join(ws))
_glued = st.lists(st.sampled_from(_WORDS + ["", " "]), max_size=30).map("".join)


def _plain(pattern: str) -> str:
    return r"\b(?:" + pattern + r")"


@given(st.one_of(_texts, _glued))
@settings(max_examples=400, deadline=None)
def test_word_start_patterns_match_like_leading_boundary(text):
    cases = [
        (R._TO_RE, _plain(r"to|for|towards|a|au|aux|pour|envers|en faveur d[eu']?|au profit d[eu']?|aupres d[eu']?")
         + r"\s*(?:the |la |le |les |l')?$"),
        (R._IN_RE, r"(?:\b(?:in|at|a|au|aux|en|near|pres d[e'u]|hosted by|accueilli\w* par)\s*"
                   r"(?:the |la |le |les |l')?)$"),
        (R._OBJECT_RE, _plain(R._OBJECT_VERBS) + r"\s+(?:the |la |le |les |l')?$"),
        (R._HOST_BEFORE_RE, _plain(r"sommet|summit|reunion|conference|ministerielle|rencontre")
         + r"\s*(?:de l'otan |of nato |de l'alliance )?(?:de |d'|du |des |in |at |a |en |au |aux )"
           r"(?:la |le |les |l'|the )?$"),
        (R._SECURITY_OF_RE, _plain(r"securite|security|defen[cs]e|souverainete|sovereignty|people|peuple|"
                                   r"population|needs|besoins|capabilities|capacites|resilience|reforms|reformes")
         + r"\s+(?:of|de|du|des|d')\s*(?:the |la |le |les |l')?$"),
        (R._NOT_PLEDGE_RE, _plain(
            r"exercis\w*|exercice\w*|manoeuvres?|own defen[cs]e|propre defense|reaffirm\w*|reaffirme\w*|"
            r"reitere\w*|reiterat\w*|accession|adhesion|ratif\w*|membership|applications?|candidature|candidacy|"
            r"defen[cs]e spending|depenses de defense|gdp|pib|oppos\w*|refus\w*|withh[eo]ld\w*") + r"\b"),
    ]
    for fast, plain in cases:
        for start in range(0, len(text) + 1, 7):
            got = fast.search(text, start)
            want = re.compile(plain).search(text, start)
            assert (got and (got.span(), got.group())) == (want and (want.span(), want.group())), (fast.pattern, text)


def _plain_triggers(flat: str, s: int, e: int) -> list[tuple[int, int, bool]]:
    return [(m.start() + s, m.end() + s, R._STRONG_RE.fullmatch(m.group()) is not None)
            for m in R._TRIGGER_RE.finditer(flat[s:e])]


@given(st.one_of(_texts, _glued), st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=400, deadline=None)
def test_triggers_are_the_finditer_matches(text, cut_left, cut_right):
    ctx = ParseContext(text=text, scan=text, language="en", doc_date=None)
    flat = R._flat(ctx)
    s = min(cut_left, len(text))
    e = max(s, len(text) - cut_right)
    assert R._triggers(ctx, s, e) == _plain_triggers(flat, s, e)


def test_literal_prefix():
    assert R._literal_prefix(r"suppl(?:y|ie[sd]|ying)") == "suppl"
    assert R._literal_prefix(r"transferr?\w*") == "transfer"
    assert R._literal_prefix(r"annonces? de soutien") == "annonce"
    assert R._literal_prefix(r"mis(?:e|es)? a disposition") == "mis"
    assert R._literal_prefix(r"aide militaire") == "aide militaire"
