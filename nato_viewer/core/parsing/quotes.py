"""Direct quotations and their speakers.

Quotation marks are paired first (« », “ ”, „ “, " ", ‘ ’), paragraph by
paragraph, with the press convention for quotes running over several
paragraphs (each new paragraph reopens the quote). A pair is a quote when its
words read as speech: long enough, or a short phrase next to a speech verb or
a speaker label; names of documents, operations and nicknames are left out.

The speaker is read from the attribution after the quote (« … », a-t-il
déclaré / a déclaré M. Dupont / " said Col. Torres), from the sentence
that opens it (Le secrétaire général a déclaré : « … »), from a label line
(Sen. Jane Roe: “…”), else the previous quote's speaker carries on. Names,
titles and pronouns are resolved to the people found in the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from nato_viewer.core.model import Person, Quote, Span
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.name_lexicon import is_not_name
from nato_viewer.core.parsing.prose import line_end, line_start, prose
from nato_viewer.core.parsing.speech_verbs import LABEL_CUE_RE, SPEECH_VERB_RE
from nato_viewer.core.parsing.text import ABBREVIATIONS, fold_word
from nato_viewer.core.parsing.titles import TITLE_HEAD_RE, TITLE_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MARKS = "«“„\"‘"
_MARK_RE = re.compile("[" + _MARKS + "]")
_SPACE = " \t\u00a0\u202f\u2009\u2007\u200a"
_MAX_QUOTE = 4000  # characters: a longer "quote" is a stray mark
_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")

_PRONOUN_RE = re.compile(r"(?:-t-|-)?\b(il|elle|he|she)\b")
_LATTER_RE = re.compile(r"\b(?:ce dernier|cette derniere|the latter|le texte|le communique|la declaration"
                        r"|the statement|the text|the declaration)\b")
_AGENT_RE = re.compile(r"[\s,.;:)\]]*(?:selon|d'apres|according to|par|by|cite par|citee par|quoted by)\s")
_ANONYMOUS_RE = re.compile(
    r"(?<![\w'])(?:un|une|a|an|the|le|la|les|ce|cet|cette|ces|des|one|two|several|plusieurs|deux)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:diplomates?|diplomats?|officials?|sources?|experts?|fonctionnaires?|officiers?|officers?"
    r"|analystes?|analysts?)\b(?:\s+(?!(?:a|has|had|said|says|told|who|qui|que|that|sous|de|du|des|of|from|at|in|au"
    r"|aux|with|avec|par|by|on|sur|pour|for|to|lors|during|after|apres|when|quand)\b)[\w'-]+){0,2}"
)
_CLAUSE_CUT_RE = re.compile(r"[.!?;](?=\s)|\n")
_GENERIC_LABELS = _words("quote citation source details detail note update photo video read extrait extract "
                            "text texte transcript context contexte background")
_DETERMINERS = _words("le la les the l' un une des a an ce cet cette ces this these several plusieurs some certains")
_AUX_RE = re.compile(r"\s(?:a|ont|avait|avaient|aura|has|have|had|is|was|were|est|sont|etait)\s", re.I)
_PRONOUNS = _words("i we you they it nous vous ils elles on je")
_AUTHOR_RE = re.compile(
    r"(?i:remarks|statement|message|letter|address|op-ed|excerpts|speech|declaration|d[ée]claration|discours"
    r"|allocution|intervention|tribune|remarques)(?:\s+as\s+prepared\s+for\s+delivery)?\s+(?:by|from|of|de|du)\s+"
    r"([^,:|\n]{3,80}?)(?=\s+(?:on|at|in|to|during|before|after|about|regarding|and|sur|à|lors|au|en|et)\s|[,:|\n]|$)"
)
_TURN_RE = re.compile(r"^[ \t]*([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,5})[ \t]*:", re.M)
_LABEL_AFTER_RE = re.compile(
    r"[\s,]{0,3}(?:initiative|program|programme|report|rapport|act|plan|strategy|strategie|operation|exercise"
    r"|exercice|campaign|campagne|summit|declaration|document|agenda|policy|series|framework|format|communique"
    r"|conference|forum|award|prize|law|bill|doctrine|treaty|traite|mission|project|projet|package|fund|fonds"
    r"|coalition|group|groupe|partnership|statut|status|label|hashtag)\b"
)
_CHAIN_RE = re.compile(r"^[\s,]*(?:et|and|ou|or|puis|then)?[\s,]*$")
_DASH_LINE_RE = re.compile(r"\s*\n\s*[–—-]\s*")


@dataclass
class _Segment:
    open_pos: int  # the opening mark
    close_pos: int  # the closing mark (or the paragraph end for an open multi-paragraph quote)
    start: int  # the words inside, trimmed
    end: int


@dataclass
class _Speaker:
    name: str
    span: Span | None = None
    role: str | None = None
    verb: str | None = None


# --------------------------------------------------------------------------- pairing marks

def _find_close(scan: str, o: int, opener: str, limit: int) -> int:
    """Index of the mark that closes the one at `o`, or -1."""
    if opener == "«":
        k = scan.find("»", o + 1, limit)
        if k == -1 or scan.find("«", o + 1, k) == -1:
            return k  # the usual case, and no scan at all when nothing closes
        depth = 0
        for m in re.finditer(r"[«»]", scan[o + 1:limit]):
            if m.group(0) == "«":
                depth += 1
            elif depth:
                depth -= 1
            else:
                return o + 1 + m.start()
        return -1
    if opener in "“„":
        k = scan.find("”", o + 1, limit)
        if opener == "„":
            k2 = scan.find("“", o + 1, limit)
            k = k2 if k == -1 or (k2 != -1 and k2 < k) else k
        eol = scan.find("\n", o, limit)
        if eol != -1 and (k == -1 or k > eol):
            # a broken closer on the same line ("...’‘" or a straight quote)
            m = re.search(r"[’‘\"](?!\w)", scan[o + 1:eol])
            if m:
                return o + 1 + m.start()
        return k
    if opener == "‘":
        for m in re.finditer(r"’(?!\w)", scan[o + 1:limit]):
            return o + 1 + m.start()
        return -1
    return scan.find('"', o + 1, limit)


def mark_positions(scan: str, begin: int) -> list[int]:
    """Where the opening marks stand from `begin` on, in order: what `_MARK_RE` finds at each step.

    `str.find` skips to each mark at C speed (and at once past a mark a text cannot hold), where the
    regex would try its character class at every character of the text."""
    found = []
    for ch in _MARKS:
        at = scan.find(ch, begin)
        while at >= 0:
            found.append(at)
            at = scan.find(ch, at + 1)
    found.sort()
    return found


def _pair_marks(scan: str, begin: int) -> list[_Segment]:
    segments: list[_Segment] = []
    n = len(scan)
    pos = begin
    marks = mark_positions(scan, begin)
    i = 0
    while True:
        i = bisect.bisect_left(marks, pos, i)
        if i == len(marks):
            break
        o = marks[i]
        ch = scan[o]
        prev = scan[o - 1] if o > 0 else " "
        if ch in "\"‘" and (prev.isalnum() or prev in "’'"):
            pos = o + 1  # inch marks, apostrophes, closing marks of a stray pair
            continue
        nxt = scan[o + 1] if o + 1 < n else ""
        if ch == '"' and (not nxt or nxt in "\n" or (nxt in _SPACE and prev not in "\n")):
            pos = o + 1  # a closing straight mark with no opener
            continue
        limit = min(n, o + _MAX_QUOTE)
        eol = scan.find("\n", o, limit)
        eol = limit if eol == -1 else eol
        c = _find_close(scan, o, ch, limit)
        if c == -1 or c > eol:
            nxt_par = _next_paragraph(scan, eol) if scan.startswith("\n", eol) else None
            if nxt_par is not None and scan[nxt_par] == ch and _opens_paragraph(scan, o):
                # press convention: the quote goes on in the next paragraph, which reopens it
                _add_segment(scan, segments, o, eol)
                pos = eol
                continue
            if c != -1 and ch not in "\"‘" and scan.find(ch, o + 1, c) == -1 and _opens_paragraph(scan, o):
                _add_segment(scan, segments, o, c)  # one quote over several paragraphs
                pos = c + 1
                continue
            pos = o + 1
            continue
        _add_segment(scan, segments, o, c)
        pos = c + 1
    return segments


def _opens_paragraph(scan: str, o: int) -> bool:
    return not scan[line_start(scan, o, 400):o].strip(_SPACE + "-–—•·*>")


def _next_paragraph(scan: str, eol: int) -> int | None:
    k = eol
    n = len(scan)
    while k < n and (scan[k] == "\n" or scan[k] in _SPACE):
        k += 1
    return k if k < n else None


def _add_segment(scan: str, out: list[_Segment], o: int, c: int) -> None:
    s, e = o + 1, c
    while s < e and (scan[s].isspace() or scan[s] in _SPACE):
        s += 1
    while e > s and (scan[e - 1].isspace() or scan[e - 1] in _SPACE):
        e -= 1
    if e > s and any(ch.isalpha() for ch in scan[s:e]):
        out.append(_Segment(o, c, s, e))


# --------------------------------------------------------------------------- speech or label?

def _line_bounds(scan: str, pos: int) -> tuple[int, int]:
    # what matters around a quote is its own line's head and tail: 400 characters either side is plenty
    return line_start(scan, pos, 400), line_end(scan, pos, 400)


def _label_before(ctx: ParseContext, seg: _Segment) -> tuple[int, int] | None:
    """"Sen. Jane Roe: “…”" / "Kowalski: Ukraine-NATO Council is "…"": the label span at the line start."""
    ls, _ = _line_bounds(ctx.scan, seg.open_pos)
    head = ctx.scan[ls:seg.open_pos]
    k = head.find(":")
    if k <= 0:
        return None
    label = head[:k]
    between = ctx.folded[ls + k + 1:seg.open_pos]
    if len(between) > 80 or SPEECH_VERB_RE.search(between):
        return None  # "THE VICE PRESIDENT:  So, then the President said, “…”": the verb names the speaker
    words = re.findall(r"[\w@][\w'’.-]*", label)
    if not words or len(words) > 12 or SPEECH_VERB_RE.search(ctx.folded[ls:ls + k]):
        return None
    long_words = [w for w in words if len(w) > 2]
    if long_words and sum(w[0].isupper() for w in long_words) * 2 < len(long_words):
        return None  # a sentence with a colon, not a name or a title
    s = ls + len(label) - len(label.lstrip())
    return (s, ls + len(label.rstrip()))


def _is_speech(ctx: ParseContext, seg: _Segment) -> bool:
    scan, folded = ctx.scan, ctx.folded
    inner = scan[seg.start:seg.end]
    words = _WORD_RE.findall(inner)
    if not words:
        return False
    before = folded[max(0, seg.open_pos - 60):seg.open_pos]
    if LABEL_CUE_RE.search(before) or _LABEL_AFTER_RE.match(folded, seg.close_pos + 1):
        return False  # « Noble Jump » exercise, the "Internet for All" initiative, the "..." report
    ls, le = _line_bounds(scan, seg.open_pos)
    alone = not scan[ls:seg.open_pos].strip(_SPACE + "-–—•*#") and not scan[seg.close_pos + 1:le].strip(
        _SPACE + ".,;:!?")
    labelled = _label_before(ctx, seg) is not None
    capitalised = all(w[0].isupper() or not w[0].isalpha() for w in words if len(w) > 3)
    if len(words) >= 4:
        # a quoted title ("Readiness Action Plan", « Déclaration du sommet de Madrid ») is not speech
        return not (capitalised and len(words) <= 8 and not labelled and not _speech_near(ctx, seg, 40))
    if alone:
        # a headline that is only a quotation ("« Une journée décisive »") is speech; a nickname is not
        return len(words) >= 2 and not capitalised
    if labelled and not _speech_near(ctx, seg, 40):
        return True
    if capitalised and any(w[0].isupper() for w in words):
        return False  # a quoted name: « Ramstein », « Teflon Mark »
    return _speech_near(ctx, seg, 45)


def _speech_near(ctx: ParseContext, seg: _Segment, reach: int) -> bool:
    folded = ctx.folded
    ls, le = _line_bounds(ctx.scan, seg.open_pos)
    before = folded[max(ls, seg.open_pos - reach):seg.open_pos]
    after = folded[seg.close_pos + 1:min(le, seg.close_pos + 1 + reach)]
    return bool(SPEECH_VERB_RE.search(before) or SPEECH_VERB_RE.search(after))


# --------------------------------------------------------------------------- speakers

_SAME_BODY = {"alliance": "nato", "otan": "nato", "atlantic": "nato", "atlantique": "nato"}


@lru_cache(maxsize=4096)
def _role_words(title: str) -> frozenset[str]:
    # cached: a transcript matches each of its speaker labels against every role of the document
    words = re.findall(r"\w+", fold_word(title))
    return frozenset({_SAME_BODY.get(w, w) for w in words if len(w) > 2} - {"the", "les", "des", "del", "and", "for"})


class _Resolver:
    """Maps a span, a title or a pronoun in the text to one of the people found."""

    def __init__(self, ctx: ParseContext, people: list[Person]):
        self.ctx = ctx
        self.people = people
        items = []
        for p in people:
            for m in p.mentions:
                items.append((m.span[0], m.span[1], p))
        items.sort(key=lambda x: (x[0], x[1]))
        self.mentions = items
        self.starts = [x[0] for x in items]

    def mentions_in(self, s: int, e: int) -> list[tuple[int, int, Person]]:
        i = bisect.bisect_left(self.starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < e:
            if self.mentions[i][1] <= e:
                out.append(self.mentions[i])
            i += 1
        return out

    def last_before(self, pos: int) -> tuple[int, int, Person] | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.mentions[i] if i >= 0 else None

    def _recency(self, p: Person, pos: int) -> int:
        before = [m.span[0] for m in p.mentions if m.span[0] < pos]
        if before:
            return max(before)
        after = [m.span[0] for m in p.mentions]
        return -min(after) if after else -(10 ** 9)

    def by_title(self, title: str, pos: int, named_only: bool = False) -> Person | None:
        """The person the title stands for.

        A role holding every word of the title wins ("secrétaire général" -> "secrétaire général de l'OTAN"),
        then one sharing a distinctive word ("président finlandais" -> "homologue finlandais"), then a
        person the text gives no role (the title is how the text names them); ties go to the one named
        last before `pos`.
        """
        want = _role_words(title)
        if not want:
            return None
        full, partial, roleless = [], [], []
        for p in self.people:
            if not p.role:
                roleless.append(p)
                continue
            have = _role_words(p.role)
            common = want & have
            if common == want:
                full.append(p)
            elif common - TITLE_WORDS:
                partial.append(p)
        for group in (full, partial) if named_only else (full, partial, roleless):
            if group:
                return max(group, key=lambda p: self._recency(p, pos))
        return None

    def first_after(self, pos: int, limit: int) -> tuple[int, int, Person] | None:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i][0] < limit:
            return self.mentions[i]
        return None

    def speaker_for(self, p: Person, span: Span | None, verb: str | None) -> _Speaker:
        return _Speaker(p.name, span, p.role, verb)


def _subject_near(ctx: ParseContext, res: _Resolver, s: int, e: int, anchor: int, after: bool,
                  previous: _Speaker | None, verb: str | None, quote: tuple[int, int] | None = None
                  ) -> _Speaker | None:
    """The speaker named in text[s:e]: the candidate nearest to `anchor` (the verb); first after it if `after`."""
    folded = ctx.folded
    cands: list[tuple[int, int, str, object]] = []
    for ms, me, p in res.mentions_in(s, e):
        cands.append((ms, me, "person", p))
    for m in TITLE_HEAD_RE.finditer(folded, s, e):
        if any(ms - 40 <= m.start() and m.end() <= me + 3 or (me <= m.start() <= me + 3)
               for ms, me, kind, _ in cands if kind == "person"):
            continue
        # "le secrétaire général Anna Lindqvist": the name is the subject, not the title
        if any(kind == "person" and 0 <= ms - m.end() <= 45 and "," not in folded[m.end():ms].strip(" ,")
               for ms, me, kind, _ in cands):
            continue
        cands.append((m.start(), m.end(), "title", None))
    for m in _PRONOUN_RE.finditer(folded, s, e):
        cands.append((m.start(1), m.end(1), "pronoun", None))
    for m in _LATTER_RE.finditer(folded, s, e):
        cands.append((m.start(), m.end(), "latter", None))
    for m in _ANONYMOUS_RE.finditer(folded, s, e):
        head = folded[max(0, m.start() - 14):m.start()]
        if ctx.text[m.start()] == "à" or (re.search(r"(?:\b(?:de|of|to|par|by|avec|with|pour|for)|\bd'|\bl')\s*$", head)
                                          and not re.search(r"(?:according to|cite par|quoted by)\s*$", head)):
            continue  # a complement ("à envoyer des experts", "par des sources"), not the subject
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, kind, _ in cands if kind == "person"):
            cands = [c for c in cands if not (c[2] == "title" and m.start() <= c[0] < m.end())]
            cands.append((m.start(), m.end(), "anonymous", None))
    if not cands:
        return None
    if after:
        chosen = min((c for c in cands if c[0] >= anchor), key=lambda c: c[0], default=None)
    else:
        chosen = max((c for c in cands if c[1] <= anchor), key=lambda c: c[1], default=None)
    if chosen is None:
        return None
    cs, ce, kind, obj = chosen
    if kind == "person":
        return res.speaker_for(obj, (cs, ce), verb)
    if kind == "title":
        phrase = _title_phrase(ctx, cs, e)
        p = res.by_title(phrase, cs)
        if p:
            return _Speaker(p.name, (cs, cs + len(phrase)), p.role, verb)
        return _Speaker(_article(ctx, cs) + phrase, (cs, cs + len(phrase)), phrase, verb)
    if kind == "anonymous":  # "a senior NATO official", "un diplomate européen": the body as written
        return _Speaker(ctx.text[cs:ce], (cs, ce), None, verb)
    if kind == "latter" and folded[cs:ce] in ("ce dernier", "cette derniere", "the latter"):
        last = res.last_before(cs)
        if last:
            return res.speaker_for(last[2], (cs, ce), verb)
    pos, floor = quote if quote else (cs, max(ctx.body_start, cs - 400))
    return _pronoun(ctx, res, min(pos, cs), floor, previous, verb)


def _article(ctx: ParseContext, pos: int) -> str:
    m = re.search(r"(?:\b(?:le|la|les|the|a|an|un|une)\s+|\bl')$", ctx.folded[max(0, pos - 5):pos])
    return ctx.text[pos - len(m.group(0)):pos] if m else ""


def _title_phrase(ctx: ParseContext, s: int, limit: int) -> str:
    """The title as written from `s`: the head and its complements ("secrétaire général de l'OTAN")."""
    m = re.compile(r"[^,;:.!?()«»“”\"\n]{0,60}").match(ctx.scan, s, limit)
    phrase = m.group(0) if m else ""
    cut = re.search(r"\s(?:a|avait|ont|est|has|had|is|was|said|says|told|qui|who|que|that|lors|during|after"
                    r"|apres|avant|before|en|in|sur|on)\b", fold_word(phrase))
    if cut:
        phrase = phrase[:cut.start()]
    return phrase.strip()


def _np_before_verb(ctx: ParseContext, s: int, v: int) -> _Speaker | None:
    """A body or group as subject: "Les chefs d'État ... ont qualifié", "Moscou qui dénonce", "la Russie"."""
    text = ctx.text[s:v]
    rel = re.search(r"([A-ZÉÈÀ][\w’'-]+(?:\s+[A-ZÉÈÀ][\w’'-]+)*)\s+qui\s+$", text)
    if rel:
        return _Speaker(rel.group(1), (s + rel.start(1), s + rel.end(1)))
    chunks = [c.strip() for c in text.split(",") if c.strip()]
    # the subject opens the clause ("Les chefs d'État ..., réunis à Londres, ont qualifié"), unless the clause
    # opens with a participle or a complement ("Interrogé par l'AFP, un diplomate européen a jugé")
    for chunk in (chunks[:1] + chunks[-1:]) if chunks else []:
        chunk = _AUX_RE.split(chunk)[0].strip()
        words = chunk.split()
        if not words or len(words) > 10 or "\n" in chunk:
            continue
        first = fold_word(words[0])
        if first in _DETERMINERS:
            pass
        elif not words[0][:1].isupper() or is_not_name(words[0]) or first in _PRONOUNS \
                or re.search(r"(?:e|ee|es|ees|ed|ing|ant)$", first):
            continue  # "And they're ...", "Interrogé par l'AFP": not a named body
        if SPEECH_VERB_RE.search(fold_word(chunk)):
            continue
        k = ctx.text.find(chunk, s)
        return _Speaker(chunk, (k, k + len(chunk)) if k >= 0 else None)
    return None


def _agent_after(ctx: ParseContext, res: _Resolver, pos: int, end: int, previous: _Speaker | None,
                 verb: str | None, quote: tuple[int, int]) -> _Speaker | None:
    """The speaker named after "selon", "par", "according to" at `pos`."""
    sp = _subject_near(ctx, res, pos, end, pos, True, previous, verb, quote)
    if sp:
        return sp
    m = re.match(r"\s*((?:(?:le|la|les|l'|the)\s+)?[A-ZÉÈÀ][\w’'-]+(?:\s+[A-ZÉÈÀ][\w’'-]+)*)", ctx.text[pos:end])
    if m:  # a body named after "selon": "selon la Russie", "according to Reuters"
        return _Speaker(m.group(1).strip(), (pos + m.start(1), pos + m.end(1)), None, verb)
    return None


def _clause_end(scan: str, pos: int, limit: int) -> int:
    """End of the clause that follows a quote: a sentence end (not after "M." or "U.S."), a new quote."""
    stop = min(len(scan), pos + limit)
    end = stop
    for m in _CLAUSE_CUT_RE.finditer(scan, pos, stop):
        if scan[m.start()] == ".":
            word = re.search(r"([\w.]+)$", scan[max(pos, m.start() - 12):m.start()])
            token = word.group(1).lower() if word else ""
            if len(token) == 1 or "." in token or token in ABBREVIATIONS:
                continue
        end = m.start()
        break
    q = _MARK_RE.search(scan, min(pos + 2, end), end)
    return q.start() if q else end


def _clause_start(scan: str, pos: int, floor: int, limit: int = 260) -> int:
    lo = max(floor, pos - limit)
    best = lo
    for m in re.finditer(r"[.!?;](?=\s)|\n|[»”\"]", scan[lo:pos]):
        best = lo + m.end()
    return best


def _attribute(ctx: ParseContext, res: _Resolver, seg: _Segment, floor: int,
               previous: _Speaker | None, chain_close: int) -> _Speaker | None:
    scan, folded = ctx.scan, ctx.folded
    # 1. after the quote: « … », a-t-il déclaré / a déclaré M. X / " said X / ” the Prime Minister noted / » selon X
    # ("« A » et « B » selon X": A takes the attribution after B)
    a0 = chain_close + 1
    a1 = _clause_end(scan, a0, 220)
    agent = _AGENT_RE.match(folded, a0, a1)
    if agent:
        sp = _agent_after(ctx, res, agent.end(), a1, previous, folded[agent.start():agent.end()].strip(" ,.;:"),
                          (seg.open_pos, floor))
        if sp:
            return sp
    v = SPEECH_VERB_RE.search(folded, a0, min(a1, a0 + 70))
    if v and not re.search(r"[.!?]", scan[a0:v.start()]):
        verb = ctx.text[v.start():v.end()]
        inv = re.match(r"(?:-t-|-)(il|elle|ils|elles)\b", folded[v.end():v.end() + 8])
        if inv:
            sp = _pronoun(ctx, res, seg.open_pos, floor, previous, verb)
            if sp:
                return sp
        sp = _subject_near(ctx, res, a0, v.start(), v.start(), False, previous, verb, (seg.open_pos, floor))
        if sp is None:
            sp = _subject_near(ctx, res, v.end(), a1, v.end(), True, previous, verb, (seg.open_pos, floor))
        if sp:
            return sp
    # a signature line: "“…”\n\n– President Doe, February 19, 2021"
    dash = _DASH_LINE_RE.match(scan, seg.close_pos + 1)
    if dash and not scan[seg.close_pos + 1:dash.start()].strip():
        sp = _subject_near(ctx, res, dash.end(), line_end(scan, dash.end()), dash.end(), True, None, None)
        if sp:
            return sp
    # 2. a label line: "Sen. Jane Roe: “…”"
    label = _label_before(ctx, seg)
    if label:
        ls, le = label
        found = res.mentions_in(ls, le)
        if found:
            return res.speaker_for(found[0][2], (found[0][0], found[0][1]), None)
        name = _clean_label(ctx.text[ls:le])
        if name and fold_word(name) not in _GENERIC_LABELS:
            return _Speaker(name, (ls, le))
        if name and previous:
            return _Speaker(previous.name, previous.span, previous.role)
    # 3. the sentence that opens the quote: Le secrétaire général a déclaré : « … »
    b0 = _clause_start(scan, seg.open_pos, max(floor, ctx.body_start))
    verbs = list(SPEECH_VERB_RE.finditer(folded, b0, seg.open_pos))
    if verbs:
        v = verbs[-1]
        verb = ctx.text[v.start():v.end()]
        if folded[v.start():v.end()] in ("selon", "d'apres", "according to"):
            sp = _agent_after(ctx, res, v.end(), seg.open_pos, previous, verb, (seg.open_pos, floor))
            if sp:
                return sp
        sp = _subject_near(ctx, res, b0, v.start(), v.start(), False, previous, verb, (seg.open_pos, floor))
        if sp is None and folded[v.start():v.end()].startswith("ajout") and previous:
            return _Speaker(previous.name, previous.span, previous.role, verb)  # "Et d'ajouter : « … »"
        if sp is None:
            sp = _subject_near(ctx, res, v.end(), seg.open_pos, v.end(), True, previous, verb, (seg.open_pos, floor))
        if sp is None:
            sp = _np_before_verb(ctx, b0, v.start())
            if sp:
                sp.verb = verb
        if sp:
            return sp
    # 4. a person or title named in the opening sentence ("Le secrétaire général rend hommage à la France, « … »")
    return _subject_near(ctx, res, b0, seg.open_pos, seg.open_pos, False, None, None, (seg.open_pos, floor))


def _pronoun(ctx: ParseContext, res: _Resolver, pos: int, floor: int, previous: _Speaker | None,
             verb: str | None) -> _Speaker | None:
    """"il", "he": the person or title named since the previous quote, else the previous speaker."""
    lo = max(floor, pos - 400)
    people = res.mentions_in(lo, pos)
    cands: list[tuple[int, int, object]] = list(people)
    subjects = [c for c in people if _starts_sentence(ctx, c[0])]
    for m in TITLE_HEAD_RE.finditer(ctx.folded, lo, pos):
        named = [c for c in people if c[0] - 40 <= m.start() <= c[1] + 3]
        if named:
            # "Le ministre estonien de la Défense, Karl Tamm, a reçu ...": the named person is the subject
            if _starts_sentence(ctx, m.start()) and named[0] not in subjects:
                subjects.append(named[0])
            continue
        if re.search(r"\b(?:ses|son|sa|leurs?|his|her|their|its|avec|with|par|by|de|du|des|of|to|a|au|aux)\s+$",
                     ctx.folded[max(0, m.start() - 12):m.start()]):
            continue  # an object or a complement ("ses homologues"), not who speaks
        cands.append((m.start(), m.end(), None))
        if _starts_sentence(ctx, m.start()):
            subjects.append((m.start(), m.end(), None))
    cands.sort(key=lambda c: c[0])
    subjects.sort(key=lambda c: c[0])
    chosen = subjects[-1] if subjects else (cands[-1] if cands else None)
    if chosen is not None:
        cs, ce, p = chosen
        if p is None:
            phrase = _title_phrase(ctx, cs, pos)
            p = res.by_title(phrase, cs)
            if p is None:
                return _Speaker(_article(ctx, cs) + phrase, (cs, cs + len(phrase)), phrase, verb)
        return res.speaker_for(p, (cs, ce), verb)
    if previous is not None:
        return _Speaker(previous.name, previous.span, previous.role, verb)
    last = res.last_before(pos)
    if last:
        return res.speaker_for(last[2], (last[0], last[1]), verb)
    return None


def _author(ctx: ParseContext, res: _Resolver) -> _Speaker | None:
    """Who speaks in the whole document, from a headline like "Remarks by President Doe on ..."."""
    head_end = ctx.text.find("\n", ctx.body_start)
    head_end = len(ctx.text) if head_end == -1 else head_end
    for s, e in ((ctx.body_start, head_end), (0, ctx.body_start)):
        m = _AUTHOR_RE.search(ctx.text, s, e)
        if not m:
            continue
        phrase = m.group(1)
        found = res.mentions_in(m.start(1), m.end(1))
        if found:
            return res.speaker_for(found[0][2], (found[0][0], found[0][1]), None)
        words = {w for w in re.findall(r"\w+", fold_word(phrase)) if len(w) > 2}
        for p in res.people:
            if words & {w for w in re.findall(r"\w+", fold_word(p.name)) if len(w) > 2}:
                return res.speaker_for(p, None, None)
        if any(w[:1].isupper() and fold_word(w) not in TITLE_WORDS and not is_not_name(w) for w in phrase.split()):
            return _Speaker(phrase.strip(), (m.start(1), m.end(1)))
    return None


def turn_labels(scan: str, start: int) -> list[re.Match]:
    """`list(_TURN_RE.finditer(scan, start))`, tried only on the lines that hold a colon.

    A label ends at the first colon of its line (no colon inside it), so the line of each such colon is
    tried once from its start: the regex alone would be tried at every character of the text."""
    out = []
    at = scan.find(":", start)
    while at >= 0:
        ls = scan.rfind("\n", 0, at) + 1
        if ls >= start:  # a line cut by `start` is no line to `^`
            m = _TURN_RE.match(scan, ls)
            if m:
                out.append(m)
        nl = scan.find("\n", at)
        if nl < 0:
            break
        at = scan.find(":", nl)
    return out


def _turns(ctx: ParseContext, res: _Resolver) -> list[tuple[int, _Speaker]]:
    """Speaker labels of a transcript ("PRESIDENT BIDEN:", "SECRETARY GENERAL LINDQVIST:"), in order."""
    out: list[tuple[int, _Speaker]] = []
    for m in turn_labels(ctx.scan, ctx.body_start):
        s, e = m.start(1), m.end(1)
        label = m.group(1)
        if len(label) < 3 or fold_word(label) in _GENERIC_LABELS:
            continue  # "Q:", "NOTE:"
        found = res.mentions_in(s, e)
        if found:
            out.append((s, res.speaker_for(found[0][2], (found[0][0], found[0][1]), None)))
            continue
        p = res.by_title(label, s, named_only=True) if TITLE_HEAD_RE.search(fold_word(label)) else None
        if p:
            out.append((s, _Speaker(p.name, (s, e), p.role)))
        else:
            out.append((s, _Speaker(label.title(), (s, e))))
    return out if len(out) >= 2 else []


def _starts_sentence(ctx: ParseContext, pos: int) -> bool:
    """Is the word at `pos` the subject at the head of its sentence ("Le secrétaire général a salué ...")?"""
    lo = max(ctx.body_start, pos - 120)
    s = lo
    for m in re.finditer(r"[.!?;](?=\s)|\n", ctx.scan[lo:pos]):
        s = lo + m.end()
    head = ctx.folded[s:pos]
    if any(ch in head for ch in "»”\""):
        return False
    words = _WORD_RE.findall(head)
    return len(words) <= 3 and not re.search(r"\b(?:par|by|avec|with|de|du|of|a|to|et|and)\s*$", head)


def _clean_label(label: str) -> str:
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.sub(r"^.*?[’']s\s+", "", label)  # "CNN's Jane Roe" -> the people, not the outlet
    return " ".join(label.split()).strip(" -–—•*")


# --------------------------------------------------------------------------- entry point

def find_quotes(ctx: ParseContext, people: list[Person]) -> list[Quote]:
    """Quotes in text order; ids are set by the pipeline."""
    ctx = prose(ctx)
    scan = ctx.scan
    segments = [s for s in _pair_marks(scan, ctx.body_start) if _is_speech(ctx, s)]
    res = _Resolver(ctx, people)
    quotes: list[Quote] = []
    seen: set[tuple[str, str | None]] = set()
    previous: _Speaker | None = None
    prev_end = -1
    chain = [seg.close_pos for seg in segments]
    for i in range(len(segments) - 2, -1, -1):
        between = ctx.folded[segments[i].close_pos + 1:segments[i + 1].open_pos]
        if _CHAIN_RE.match(between):
            chain[i] = chain[i + 1]
    turns = _turns(ctx, res) if segments else []
    author = _author(ctx, res) if segments else None
    turn_starts = [t[0] for t in turns]
    for seg, chain_close in zip(segments, chain):
        floor = prev_end if prev_end > 0 else ctx.body_start
        turn = None
        if turns:
            k = bisect.bisect_right(turn_starts, seg.open_pos) - 1
            if k >= 0:
                turn = turns[k][1]
                if turns[k][0] > floor:
                    previous = None  # a new speaker has the floor in a transcript
        sp = _attribute(ctx, res, seg, floor, previous, chain_close)
        if sp is None and turn is not None:
            sp = _Speaker(turn.name, None, turn.role, None)  # "I said, “…”" inside a speaker's turn
        if sp is None and previous is not None and seg.open_pos - prev_end < 1500:
            sp = _Speaker(previous.name, None, previous.role, None)
        if sp is None and author is not None:
            sp = _Speaker(author.name, None, author.role, None)  # remarks or a statement by one person
        if sp is None:
            last = res.last_before(seg.open_pos)
            if last:
                sp = res.speaker_for(last[2], None, None)
        text = ctx.text[seg.start:seg.end]
        key = (" ".join(text.split()).casefold(), sp.name if sp else None)
        prev_end = seg.close_pos + 1
        if sp is not None:
            previous = sp
        if key in seen:
            continue
        seen.add(key)
        quotes.append(Quote(
            id="", text=text, span=(seg.start, seg.end),
            speaker=sp.name if sp else None,
            speaker_role=sp.role if sp else None,
            speaker_span=sp.span if sp else None,
            verb=sp.verb if sp else None,
        ))
    # a quote with no speaker before any attribution (a headline, a lead) takes the next quote's speaker
    for i in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[i], quotes[i + 1]
        if q.speaker is None and nxt.speaker is not None:
            q.speaker, q.speaker_role = nxt.speaker, nxt.speaker_role
    return quotes
