"""People with their titles, and named organisations.

A person is a run of capitalised words with evidence that it names someone:
a title or honorific before it ("le président polonais Andrzej Duda", "M. Stoltenberg",
"Sen. Ted Cruz"), a known given name ("Jens Stoltenberg"), a title in apposition
("Frank Bakke-Jensen, ministre norvégien"), a copula ("Zubair was a Taliban leader"),
a speech verb ("a déclaré Blinken"), a speaker label ("SECRETARY GENERAL STOLTENBERG:")
or a coordination with such a name. Later mentions of a surname join the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nato_viewer.core.model import Mention, Organisation, Person
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.prose import prose
from nato_viewer.core.parsing.name_lexicon import FIRST_NAMES, NAME_PARTICLES, NOT_NAME_WORDS, is_not_name
from nato_viewer.core.parsing.speech_verbs import SPEECH_VERB_RE
from nato_viewer.core.parsing.text import fold_word
from nato_viewer.core.parsing.titles import (
    HONORIFIC_ABBREVIATIONS,
    TITLE_HEAD_RE,
    TITLE_WORDS,
    WEAK_TITLE_WORDS,
    gap_allows_title,
)
from nato_viewer.core.parsing.organisations import find_organisations

_TOKEN_RE = re.compile(r"[^\W\d_](?:\w|[-‑'’.](?=[^\W\d_]))*\.?")
_ELISION_RE = re.compile(r"(?:[dDlLjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=[^\W\d_])")
_SENT_STOP = ".!?\n;:«»“”\"()[]"
_WORD_RE = re.compile(r"[\w'’-]+")
_BYLINE_RE = re.compile(
    r"^\s*(?:by|par|photo\w*|credits?|©|\(?reporting by|\(?writing by|\(?editing by|\(?edited by|redige par"
    r"|edite par|propos recueillis par|avec)\b"
)
_COPULA_RE = re.compile(r"\s*,?\s+(?:was|is|est|etait|fut|a ete)\s+(?:a|an|the|un|une|le|la|l')\s*"
                        r"((?:[\w'-]+\s+){0,4}?)(?:leader|commander|chef|commandant|member|membre|governor)\b")
_COORD_RE = re.compile(r"\s+(?:et|and|&)\s+(?:[a-z\u00e0-\u00ff-]+\s+)?$")
_FR_INVERTED_SUBJECT_RE = re.compile(
    r"(?:\ba|\bavait|\bont|\baura)\s+(?:[\w'-]+\s+){0,2}?(?:" + SPEECH_VERB_RE.pattern + r")\s+"
    r"(?:(?!que\b|qu'|l'|d')[\w'-]+\s+){0,2}$"
)
_EN_SPEECH_AFTER_RE = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|told|added|wrote|tweeted|stressed|noted)\b")


@dataclass
class _Token:
    start: int
    end: int
    text: str
    key: str  # folded, no final period
    cap: bool
    allcaps: bool
    elided: bool = False
    possessive: bool = False


@dataclass
class _Candidate:
    tokens: list[_Token]
    evidence: str | None = None
    role: str | None = None

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@dataclass
class _Entity:
    name_tokens: list[str]
    role: str | None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {fold_word(t).rstrip(".") for t in self.name_tokens if len(t.rstrip(".")) > 1}

    @property
    def surname(self) -> str:
        return fold_word(self.name_tokens[-1]).rstrip(".")


def _tokens(scan: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN_RE.finditer(scan):
        s, e = m.start(), m.end()
        text = m.group(0)
        elided = False
        el = _ELISION_RE.match(text)
        if el and text[el.end():el.end() + 1].isupper():
            s += el.end()
            text = text[el.end():]
            elided = True
        possessive = False
        if text.endswith(("’s", "'s")) and len(text) > 2:
            text = text[:-2]
            e -= 2
            possessive = True
        if text.endswith("."):
            core = text[:-1]
            if not (len(core) == 1 or "." in core or fold_word(core) in HONORIFIC_ABBREVIATIONS or core == "Jr"):
                text = core
                e -= 1
        core = text.rstrip(".")
        if not core:
            continue
        letters = [c for c in core if c.isalpha()]
        out.append(_Token(s, e, text, fold_word(core), core[0].isupper(),
                          len(letters) > 1 and all(c.isupper() for c in letters), elided, possessive))
    return out


def _is_initial(tok: _Token) -> bool:
    return len(tok.text) == 2 and tok.text.endswith(".") and tok.text[0].isupper()


def _adjacent(scan: str, a: _Token, b: _Token) -> bool:
    gap = scan[a.end:b.start]
    return gap in (" ", "\u00a0", "\u202f") and not a.possessive


def _groups(scan: str, toks: list[_Token]) -> list[list[_Token]]:
    """Maximal sequences of capitalised words (with name particles between them) one space apart."""
    groups: list[list[_Token]] = []
    cur: list[_Token] = []
    for i, t in enumerate(toks):
        if t.cap:
            if cur and (not _adjacent(scan, cur[-1], t) or t.elided):
                groups.append(cur)
                cur = []
            cur.append(t)
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (cur and t.key in NAME_PARTICLES and nxt is not None and nxt.cap and _adjacent(scan, cur[-1], t)
                and _adjacent(scan, t, nxt)):
            cur.append(t)
            continue
        if cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _is_title(tok: _Token) -> bool:
    return tok.key in TITLE_WORDS and (tok.key not in FIRST_NAMES or tok.key in ("major", "king", "prince"))


def _runs(group: list[_Token]) -> list[tuple[int, int]]:
    """(start, end) indexes of the name runs inside a group: words that are not titles, institutions or places."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(group)
    while i < n:
        t = group[i]
        if not t.cap or t.allcaps or _is_title(t) or (is_not_name(t.text) and t.key not in NAME_PARTICLES):
            i += 1
            continue
        if t.key in NAME_PARTICLES:  # "Le", "De" start no name
            i += 1
            continue
        j = i + 1
        while j < n:
            u = group[j]
            if u.key in NAME_PARTICLES and j + 1 < n and group[j + 1].cap and not _is_title(group[j + 1]):
                j += 1
                continue
            if not u.cap or u.allcaps or _is_title(u):
                break
            if is_not_name(u.text):
                # a surname that is also a place ("Jim Jordan") after a given name
                if not (u.key not in NOT_NAME_WORDS and group[j - 1].key in FIRST_NAMES):
                    break
            j += 1
        while j > i and group[j - 1].key in NAME_PARTICLES:
            j -= 1
        # "Transportation Pete Buttigieg": the name starts at the given name
        k = next((k for k in range(i + 1, j - 1) if group[k].key in FIRST_NAMES), None)
        if k is not None and group[i].key not in FIRST_NAMES:
            i = k
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _sentence_start(scan: str, pos: int, limit: int = 160) -> int:
    lo = max(0, pos - limit)
    for k in range(pos - 1, lo - 1, -1):
        if scan[k] in _SENT_STOP:
            return k + 1
    return lo


def _sentence_end(scan: str, pos: int, limit: int = 160) -> int:
    hi = min(len(scan), pos + limit)
    for k in range(pos, hi):
        if scan[k] in ".!?\n;«»“”\"":
            return k
    return hi


def _title_before(ctx: ParseContext, start: int, n_tokens: int = 2) -> str | None:
    """The title phrase (as written) that introduces the name starting at `start`, if any.

    "the governor of Helmand" names a place: a one-word name after "of"/"de" needs a comma before it.
    """
    s0 = _sentence_start(ctx.scan, start, 110)
    window = ctx.folded[s0:start]
    last = None
    for m in TITLE_HEAD_RE.finditer(window):
        last = m
    if last is None:
        return None
    gap_text = ctx.scan[s0 + last.end():start]
    if gap_text.startswith(("’s", "'s")):
        return None  # "the President's American Rescue Plan"
    if re.search(r"(?:\b(?:the|le|la|les|a|an|un|une|du|des)\s+|\bl['’]\s*)$", ctx.folded[s0 + last.end():start]):
        return None  # "the chief of the Civil Division": a name takes no article
    words = _WORD_RE.findall(gap_text)
    for w in words:
        if w[0].isupper() and not is_not_name(w) and not is_not_name(w.split("’")[-1].split("'")[-1]):
            return None
    folded_words = [fold_word(w) for w in words]
    if not gap_allows_title(folded_words):
        return None
    if n_tokens == 1 and not gap_text.rstrip().endswith(",") and any(
            w in ("of", "de", "des", "du") or w.startswith(("d'", "l'")) for w in folded_words):
        return None
    head_words = last.group(0).split()
    if all(w in WEAK_TITLE_WORDS for w in head_words[-1:]) and fold_word(ctx.scan[start:start + 30].split(" ")[0]) \
            not in FIRST_NAMES:
        return None
    return ctx.text[s0 + last.start():start].strip(" ,\u00a0")


def _title_after(ctx: ParseContext, end: int) -> str | None:
    """A title in apposition after the name: "Jens Stoltenberg, secrétaire général de l'OTAN"."""
    after = ctx.folded[end:end + 140]
    m = re.match(r"\s*,\s*", after)
    if not m:
        return None
    stop = len(after)
    for ch in ",.;:()\n":
        k = after.find(ch, m.end())
        if k != -1:
            stop = min(stop, k)
    phrase = after[m.end():stop]
    words = _WORD_RE.findall(phrase)
    originals = _WORD_RE.findall(ctx.scan[end + m.end():end + stop])
    for i, w in enumerate(words[:12]):
        if w in TITLE_WORDS and w not in ("m", "mr", "mme", "ms", "mrs", "dr"):
            nxt = originals[i + 1] if i + 1 < len(originals) else ""
            if nxt[:1].isupper() and not is_not_name(nxt) and fold_word(nxt) not in TITLE_WORDS:
                return None  # a vocative or another name: "Bravo, President Trump"
            if gap_allows_title(words[:i]):
                return ctx.text[end + m.end():end + stop].strip()
            return None
    return None


def _title_case_line(ctx: ParseContext, pos: int) -> bool:
    """A headline written in Title Case, where capitals say nothing about names."""
    line_start = ctx.scan.rfind("\n", 0, pos) + 1
    line_end = ctx.scan.find("\n", pos)
    line = ctx.scan[line_start:len(ctx.scan) if line_end == -1 else line_end]
    words = [w for w in _WORD_RE.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _is_byline(ctx: ParseContext, start: int) -> bool:
    line_start = ctx.scan.rfind("\n", 0, start) + 1
    line_end = ctx.scan.find("\n", start)
    line_end = len(ctx.scan) if line_end == -1 else line_end
    if line_end - line_start > 120:
        return False
    return _BYLINE_RE.match(ctx.folded[line_start:start]) is not None


def _speaker_label(ctx: ParseContext, group: list[_Token]) -> _Candidate | None:
    """An all-caps label at a paragraph start, "PRESIDENT BIDEN:" -> the name words, with the title as role."""
    first, last = group[0], group[-1]
    line_start = ctx.scan.rfind("\n", 0, first.start) + 1
    if ctx.scan[line_start:first.start].strip() or not ctx.scan[last.end:last.end + 2].lstrip(" ").startswith(":"):
        return None
    if not all(t.allcaps or _is_initial(t) or t.key in HONORIFIC_ABBREVIATIONS for t in group):
        return None
    titles = [t for t in group if _is_title(t) or t.key in HONORIFIC_ABBREVIATIONS]
    names = [t for t in group if t not in titles and not is_not_name(t.text)]
    if not names or not titles:
        return None
    role = " ".join(t.text.title() for t in titles)
    return _Candidate(names, "label", role)


def _candidates(ctx: ParseContext) -> list[_Candidate]:
    scan = ctx.scan
    toks = _tokens(scan)
    cands: list[_Candidate] = []
    for group in _groups(scan, toks):
        if group[0].start < ctx.body_start:
            continue
        if len(group) > 1 and all(t.allcaps or _is_initial(t) or t.key in NAME_PARTICLES for t in group):
            label = _speaker_label(ctx, group)
            if label:
                cands.append(label)
            continue
        for i, j in _runs(group):
            run = group[i:j]
            if len(run) > 5:
                continue
            cand = _Candidate(run)
            prefix = group[:i]
            if prefix and prefix[-1].key in HONORIFIC_ABBREVIATIONS or (
                    prefix and _is_title(prefix[-1]) and (len(run) > 1 or not _title_case_line(ctx, run[0].start))
                    and (prefix[-1].key not in WEAK_TITLE_WORDS or run[0].key in FIRST_NAMES)):
                k = i
                while k > 0 and (_is_title(group[k - 1]) or is_not_name(group[k - 1].text)
                                 or group[k - 1].key in HONORIFIC_ABBREVIATIONS):
                    k -= 1
                cand.evidence = "title"
                role = scan[group[k].start:group[i - 1].end]
                if fold_word(role).rstrip(".") not in HONORIFIC_ABBREVIATIONS | {"monsieur", "madame"}:
                    cand.role = role
            elif all(is_not_name(t.text) for t in prefix):
                role = _title_before(ctx, run[0].start, len(run))
                if role:
                    cand.evidence, cand.role = "title", role
            if cand.evidence is None and len(run) >= 2 and run[0].key in FIRST_NAMES:
                cand.evidence = "first_name"
            if cand.role is None:
                after = _title_after(ctx, run[-1].end)
                if after:
                    cand.role = after
                    cand.evidence = cand.evidence or "apposition"
            if cand.evidence is None and _COPULA_RE.match(ctx.folded, run[-1].end):
                cand.evidence = "copula"
            if cand.evidence is None and len(run) <= 2 and i == 0:
                s0 = _sentence_start(scan, run[0].start, 80)
                before = ctx.folded[s0:run[0].start]
                if re.search(r"\b(?:le|la|les|l'|the|du|des|de|d'|a|an|un|une)\s*$", before):
                    pass
                elif _FR_INVERTED_SUBJECT_RE.search(before) or _EN_SPEECH_AFTER_RE.match(ctx.folded, run[-1].end):
                    cand.evidence = "speech"
            cands.append(cand)
    # coordination: "ses homologues finlandais Niinisto et suédoise Andersson", "Senators Menendez and Risch"
    for a, b in zip(cands, cands[1:]):
        if a.evidence in ("title", "coord") and b.evidence is None and b.start - a.end < 40:
            if _COORD_RE.search(ctx.folded[a.end:b.start]) and "\n" not in scan[a.end:b.start]:
                b.evidence = "coord"
    return [c for c in cands if not _is_byline(ctx, c.start)]


def _name_words(cand: _Candidate) -> list[str]:
    words = [t.text for t in cand.tokens]
    if cand.evidence == "label":
        words = [w.title() for w in words]
    return words


def _merge(entities: list[_Entity], cand: _Candidate, ctx: ParseContext, create: bool) -> None:
    words = _name_words(cand)
    keys = {fold_word(w).rstrip(".") for w in words if len(w.rstrip(".")) > 1}
    surname = fold_word(words[-1]).rstrip(".")
    mention = Mention(ctx.text[cand.start:cand.end], (cand.start, cand.end))
    target = None
    for ent in reversed(entities):  # the most recent person with that surname
        if surname == ent.surname or (len(words) == 1 and surname in ent.keys - {fold_word(ent.name_tokens[0])}):
            target = ent
            break
        if len(words) > 1 and ent.surname in keys and len(ent.name_tokens) == 1:
            target = ent
            break
    if target is None:
        if not create:
            return
        entities.append(_Entity(words, cand.role, [mention]))
        return
    target.mentions.append(mention)
    if len(words) > len(target.name_tokens) and cand.evidence != "label":
        target.name_tokens = words
    if not target.role and cand.role:
        target.role = cand.role


def find_people(ctx: ParseContext) -> tuple[list[Person], list[Organisation]]:
    ctx = prose(ctx)
    cands = _candidates(ctx)
    entities: list[_Entity] = []
    for cand in cands:
        if cand.evidence:
            _merge(entities, cand, ctx, create=True)
    for cand in cands:
        if not cand.evidence:
            _merge(entities, cand, ctx, create=False)
    people = []
    for ent in entities:
        ent.mentions.sort(key=lambda m: m.span)
        people.append(Person(name=" ".join(ent.name_tokens), role=_clean_role(ent.role), mentions=ent.mentions))
    return people, find_organisations(ctx)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = " ".join(role.split()).strip(" ,;:")
    role = re.sub(r"^(?:le|la|l'|l’|les|the|a|an|un|une)\s+", "", role, flags=re.I)
    return role or None
