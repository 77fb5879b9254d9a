"""Countries named by the text: one Country per ISO code, its mentions in text order, roles aggregated.

Mentions come from the gazetteer (country_lexicon) matched on the folded text, then filtered for the
ways a place name is not the state ("Jordan Bardella", "Rome, Georgia", "x.com/Jim_Jordan", "in
French"). Roles are read by country_roles.
"""

from __future__ import annotations

import re
from operator import attrgetter

from nato_viewer.core.model import COUNTRY_ROLES, Country, CountryMention
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.country_lexicon import (
    ACRONYM_RE,
    ACRONYMS,
    ADJ,
    CAPITAL_RE,
    CAPITALS,
    CITY,
    FIRST_WORDS,
    LEXICON,
    LOWER_RE,
    NAME,
    NAME_RE,
    PERSON_LIKE,
    PREFIX_RE,
    PREFIXES,
    SEAT,
    US_STATES,
)
from nato_viewer.core.parsing.country_roles import Hit, assign_roles
from nato_viewer.core.parsing.text import WordSetScan, fold_word


def find_countries(ctx: ParseContext) -> list[Country]:
    """One Country per ISO code, its mentions in text order, roles aggregated."""
    hits = _mentions(ctx)
    if not hits:
        return []
    assign_roles(ctx, hits)
    return _aggregate(ctx, hits)


# --- mentions -------------------------------------------------------------------------------------


def _mentions(ctx: ParseContext) -> list[Hit]:
    text, folded, scan = ctx.text, ctx.folded, ctx.scan
    hits: list[Hit] = []
    for start, end, key in _candidates(ctx):
        entry = LEXICON.get(key)
        if entry is None or entry.code is None:
            continue
        if _in_url(text, start):
            continue
        if entry.code == "GE" and not key.startswith("georgie") \
                and not _GEORGIA_CONTEXT_RE.search(folded, max(0, start - 400), end + 400):
            continue
        if entry.kind in (CITY, SEAT) and _US_STATE_AFTER_RE.match(folded, end) \
                and _US_STATE_AFTER_RE.match(folded, end).group(1) in US_STATES:
            continue
        if key in ("turkey", "turkeys") and _TURKEY_FOOD_RE.search(folded, max(0, start - 120), end + 120):
            continue
        if entry.caps and not text[start].isupper():
            continue
        if key in PERSON_LIKE and _looks_like_person(text, start, end):
            continue
        # The windows must hold "." or "form" for these patterns to match: cheap tests first.
        lo = start - 8 if start > 8 else 0
        if text.find(".", lo, start) >= 0 and _TITLE_ABBREV_RE.search(text, lo, start):  # "Rep. French Hill"
            continue
        if entry.kind == ADJ and _is_language(folded, start):
            continue
        lo = start - 30 if start > 30 else 0
        if folded.find("form", lo, start) >= 0 and _LABEL_BEFORE_RE.search(folded[lo:start]):
            continue
        hits.append(Hit(entry.code, start, end, entry.kind))
    for m in ACRONYM_RE.finditer(scan):
        before = scan[m.start() - 1] if m.start() else " "
        if before.isalnum() or before in "._" or _in_caps_run(scan, m.start(), m.end()):
            continue
        hits.append(Hit(ACRONYMS[m.group(0)], m.start(), m.end(), NAME))
    for m in PREFIX_RE.finditer(folded):
        word = _WORD_BEFORE_RE.search(folded, max(0, m.start() - 12), m.start() + 1)
        if word and word.group(1) in PREFIXES:
            start = word.start(1)
            before = folded[start - 1] if start else " "
            if not (before.isalnum() or before in "_-"):
                hits.append(Hit(PREFIXES[word.group(1)], start, m.end() - 1, ADJ))
    hits.sort(key=_START)
    return hits


_START = attrgetter("start")


_SPACES_RE = re.compile(r"\s+")
_WORD_BEFORE_RE = re.compile(r"([a-z]+)$")
# English "Georgia" is also a US state: the state of the Caucasus only where the text has its context.
_GEORGIA_CONTEXT_RE = re.compile(
    r"\b(?:nato|otan|tbilis\w*|caucas\w*|abkhaz\w*|ossetia|black sea|moldova|ukrain\w*|armenia|azerbaijan|"
    r"kremlin|russia|eastern partnership)\b")
_US_STATE_AFTER_RE = re.compile(r",\s*([a-z]+(?: [a-z]+)?)\b")
_TURKEY_FOOD_RE = re.compile(r"\b(?:thanksgiving|dinner|prices?|meat|poultry|birds?|feast|roast\w*|pardon\w*|food)\b")
_TITLE_ABBREV_RE = re.compile(r"\b(?:Rep|Sen|Mr|Mrs|Ms|Dr|Gov|Lt|Gen|Col|Adm)\.\s+$")
_URL_TOKEN_RE = re.compile(r"(?:://|www\.|\.(?:com|gov|org|net|int|fr|eu)\b|/uploads?/|@)")


def _in_url(text: str, start: int) -> bool:
    """Inside a link, a file name or a handle ("x.com/Jim_Jordan", "uploads/Jordan-Meza.jpg")."""
    if not start or text[start - 1] in " \n(":  # no token at all: the usual case, a name after a space
        return False
    lo = max(0, start - 300)
    token_start = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("(", lo, start), lo - 1) + 1
    # Every link mark holds ".", "/" or "@": most tokens (none at all after a space) hold none.
    token = text[token_start:start]
    return ("." in token or "/" in token or "@" in token) and _URL_TOKEN_RE.search(token) is not None


# A place name used as the label of a format or document: "format dit « Ramstein »".
_LABEL_BEFORE_RE = re.compile(r"\b(?:format|formule)\s+(?:dit\s+|called\s+|de\s+)?[\"«“']?\s*$")


def _candidates(ctx: ParseContext) -> list[tuple[int, int, str]]:
    """Gazetteer matches (start, end, folded key), longest first and without overlaps."""
    folded, scan = ctx.folded, ctx.scan
    found: list[tuple[int, int, str]] = []
    last = 0
    match, capital = NAME_RE.match, CAPITAL_RE.match
    if not folded:
        return found
    for pos in _FIRST_WORD_SCAN.starts(folded):
        # The candidate starts of CAPITAL_RE.finditer(scan) whose word folds to a first word.
        if pos < last or scan[pos] not in CAPITALS:
            continue
        cap = capital(scan, pos)
        if cap is None or folded[pos:cap.end()] not in FIRST_WORDS:
            continue
        m = match(folded, pos)
        if m:
            key = m.group(0)
            found.append((pos, m.end(), key if key.isalpha() else _SPACES_RE.sub(" ", key)))
            last = m.end()
    if ctx.language == "fr":
        for m in LOWER_RE.finditer(" " + folded):
            found.append((m.start(1) - 1, m.end(1) - 1, _SPACES_RE.sub(" ", m.group(1))))
        found.sort(key=lambda f: (f[0], -f[1]))
        kept: list[tuple[int, int, str]] = []
        for f in found:
            if not kept or f[0] >= kept[-1][1]:
                kept.append(f)
        found = kept
    return found


# A key opens with a first word (its letters) then ends or goes on with no letter, digit or "_": the first
# words the text holds are found in its word-start bytes (WordSetScan.starts). Nine capitalised words in
# ten open no key ("The" aside: "NATO", "President", names): trying every capital in Python costs more.
_FIRST_WORD_SCAN = WordSetScan(NAME_RE, FIRST_WORDS)


def _looks_like_person(text: str, start: int, end: int) -> bool:
    """"Jordan Bardella", "George Washington", "Rep. Jordan": a place name used as a person's name."""
    if re.match(r"-[A-ZÀ-Ý]", text[end:end + 2]):  # "Salvador-Casimiro"
        return True
    nxt = _NEXT_CAP_RE.match(text[end:end + 40])
    if nxt and nxt.group(1).lower().rstrip(".,") not in _NAME_FOLLOWERS and fold_word(nxt.group(1)) not in LEXICON:
        return True
    before = text[max(0, start - 40):start]
    if _PERSON_PREV_RE.search(before.lower()):
        return True
    prev = _CAP_WORD_RE.search(before)
    if prev and prev.group(1).lower() not in _FUNCTION_CAPS:
        # A capitalised word right before, not at a sentence start: part of a name.
        pre = before[:prev.start()].rstrip()
        if pre and pre[-1] == "." and _PERSON_PREV_RE.search(pre.lower() + " "):
            return True
        return bool(pre) and pre[-1] not in ".!?:\n«\"“(—–-"
    return False


def _is_language(folded: str, start: int) -> bool:
    """"en français", "in French", "version française": the language, not the state."""
    before = folded[max(0, start - 20):start]
    return bool(_LANGUAGE_BEFORE_RE.search(before))


_LANGUAGE_BEFORE_RE = re.compile(
    r"(?:\ben|\bin|\bparle\w*|\bspeak\w*|\btranslated into|\btraduit en|\bversion)\s+$")


def _in_caps_run(scan: str, start: int, end: int) -> bool:
    """An acronym inside an all-capitals headline ("LET US WIN") is a word, not a state."""
    before = scan[max(0, start - 30):start].split()
    after = scan[end:end + 30].split()
    words = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
    return bool(words) and all(w.isupper() and len(re.sub(r"\W", "", w)) > 1 for w in words)


_PERSON_PREV_RE = re.compile(r"(?:\b(?:mr|mrs|ms|dr|rep|sen|gov|gen|m|mme|president|senator|chairman)\.?\s+)$")
_CAP_WORD_RE = re.compile(r"([A-ZÀ-Ý][\w'-]*)\s+$")
_NEXT_CAP_RE = re.compile(r"^[ \t\u00a0]*\n?[ \t\u00a0]*(?<=\s)([A-ZÀ-Ý][\w'-]*)")
_NAME_FOLLOWERS = {"summit", "sommet", "conference", "talks", "d.c.", "dc", "declaration", "meeting", "agreement"}
_FUNCTION_CAPS = {
    "in", "at", "to", "from", "and", "the", "of", "for", "with", "by", "on", "as", "en", "à", "a", "au", "aux",
    "le", "la", "les", "de", "du", "des", "et", "pour", "avec", "par", "sur", "dans", "since", "depuis", "vers",
    "both", "like", "including", "between", "entre", "than", "que", "ou", "or", "new", "l", "d", "is", "was",
}


# --- aggregation -----------------------------------------------------------------------------------


def _aggregate(ctx: ParseContext, hits: list[Hit]) -> list[Country]:
    by_code: dict[str, Country] = {}
    for h in hits:
        country = by_code.get(h.code)
        if country is None:
            country = by_code[h.code] = Country(code=h.code, roles=[])
        country.mentions.append(CountryMention(code=h.code, text=ctx.text[h.start:h.end], span=(h.start, h.end),
                                               role=h.role))
        if h.pledged and h.role == "pledging" and h.pledged not in country.pledged:
            country.pledged.append(h.pledged)
    for country in by_code.values():
        seen = {m.role for m in country.mentions}
        roles = [r for r in COUNTRY_ROLES if r in seen]
        if len(roles) > 1 and "mentioned" in roles:
            roles.remove("mentioned")
        country.roles = roles
    return list(by_code.values())
