"""People with their titles, and named organisations.

A person is a run of capitalised words with evidence that it names someone:
a title or honorific before it ("le président estonien Karl Tamm", "M. Dupont",
"Sen. Jane Roe"), a known given name ("Anna Lindqvist"), a title in apposition
("Frank Bakke-Jensen, ministre norvégien"), a copula ("Haqqani was a Taliban leader"),
a speech verb ("a déclaré Kowalski"), a speaker label ("SECRETARY GENERAL LINDQVIST:")
or a coordination with such a name. Later mentions of a surname join the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from nato_viewer.core.model import Mention, Organisation, Person
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.name_lexicon import (
    FIRST_NAMES,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_HEADS,
    PLACE_PREFIXES,
    is_gerund,
    is_not_name,
    name_key,
)
from nato_viewer.core.parsing.organisations import find_organisations
from nato_viewer.core.parsing.prose import line_end, line_start, prose
from nato_viewer.core.parsing.speech_verbs import SPEECH_VERB_RE
from nato_viewer.core.parsing.text import boundary_words, fold_word, split_alternatives
from nato_viewer.core.parsing.titles import (
    HONORIFIC_ABBREVIATIONS,
    TITLE_HEAD_MIN_LEN,
    TITLE_HEAD_SCAN,
    TITLE_WORDS,
    WEAK_TITLE_WORDS,
    gap_allows_title,
)

# Only the words that can make up a name: those starting with a capital (Latin, Greek, Cyrillic);
# the particles between them are picked up after each match. Other words only matter as gaps.
_CAP = r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0391-\u03a9\u0400-\u042f][\w'’.‑-]*"
_PARTICLE = r"(?:de|du|des|da|di|dos|das|do|del|della|van|von|der|den|ter|ten|le|la|bin|ibn|al|el|y)"
_GROUP_RE = re.compile(_CAP + r"(?:[ \u00a0\u202f](?:" + _PARTICLE + r"[ \u00a0\u202f]){0,3}" + _CAP + r")*")
_WORD_RE = re.compile(r"[\w'’-]+")
_LONG_WORD_INITIAL_RE = re.compile(r"([\w'’-])[\w'’-]{3,}")
# The last stop before a position: a greedy run then one stop, matched once (a search with a look-ahead
# to the end would test the rest of the window again at every stop).
_LAST_STOP_RE = re.compile(r"(?s:.*)[.!?\n;:«»“”\"()\[\]]")
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
_ARTICLE_END_RE = re.compile(r"\b(?:le|la|les|l'|the|du|des|de|d'|a|an|un|une)\s*$")
# `\b(?:a|avait|ont|aura)\s` written to open with its first letters: the search skips to an "a" or an "o"
_FR_AUX_RE = re.compile(boundary_words("a|avait|ont|aura") + r"\s")
_EN_SPEECH_AFTER_RE = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|told|added|wrote|tweeted|stressed|noted)\b")

# The speech verbs of `_FR_INVERTED_SUBJECT_RE`: the first three letters of each (all are written out, not
# patterns, that far) and the most words one has ("mis en garde").
_SPEECH_VERBS = split_alternatives(SPEECH_VERB_RE.pattern.partition("(?:")[2].rpartition(r")(?![\w])")[0])
assert all(re.fullmatch(r"[a-z']{3}", v[:3]) for v in _SPEECH_VERBS)
_SPEECH_VERB_HEADS = frozenset(v[:3] for v in _SPEECH_VERBS)
# the inverted subject is at most two words: the verb opens one of the last words before the name
_SPEECH_VERB_REACH = 2 + max(v.count(" ") + 1 for v in _SPEECH_VERBS)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    key: str  # folded, no final period
    cap: bool
    allcaps: bool
    possessive: bool
    title: bool  # a title word ("President", "Gen.")
    not_name: bool  # a word that is no part of a name ("The", "NATO", "I’m")
    initial: bool  # "J."


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    tokens: tuple[_Token, ...] | list[_Token]  # only their text and key are read (offsets may be relative)
    words: tuple[str, ...]  # the name as written
    surname: str
    evidence: str | None = None
    role: str | None = None


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return name_key(word).rstrip(".")


# the same words come back in run after run
_is_gerund = lru_cache(maxsize=65536)(is_gerund)


@dataclass
class _Entity:
    name_tokens: list[str]
    role: str | None
    mentions: list[Mention] = field(default_factory=list)
    order: int = 0
    keys: set[str] = field(default_factory=set)
    surname: str = ""

    def __post_init__(self) -> None:
        self.rename(self.name_tokens)

    def rename(self, words: Sequence[str]) -> None:
        self.name_tokens = words
        self.keys = {_key(t) for t in words if len(t.rstrip(".")) > 1}
        self.surname = _surname(words)


_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _surname(words: Sequence[str]) -> str:
    for w in reversed(words):
        k = _key(w)
        if k not in _SUFFIXES and len(k) > 1:
            return k
    return _key(words[-1])


def _word_groups(word: str, first_inside_word: bool) -> list[list[_Token]]:
    """The groups of one run of capitalised words (a `_GROUP_RE` match), offsets relative to it.

    A run is grouped on its own: the last word of one run is never one space before the first of
    the next (the run would go on), so no group spans two runs, and the particles the tokenizer
    picks up after a run's last word never join a group (no capitalised word follows them).
    `first_inside_word`: the run starts inside a word ("iPhone"), its first word is no name.
    """
    return _groups(word, _tokens(word, first_inside_word))


@lru_cache(maxsize=65536)
def _lone_word_skipped(word: str) -> bool:
    core = word.rstrip("-‑'’.")
    if core.endswith(("’s", "'s")):
        core = core[:-2]
    if not core:
        return True
    key = _key(core)
    allcaps = len(core) > 1 and core.isupper() and sum(c.isalpha() for c in core) > 1
    is_title = key in TITLE_WORDS and (key not in FIRST_NAMES or key in ("major", "king", "prince"))
    return allcaps or is_title or (not _CONTRACTION_RE.search(core) and is_not_name(core)) or bool(
        _CONTRACTION_RE.search(core))


_SEPARATOR_RE = re.compile(r"([ \u00a0\u202f])")
_PARTICLE_WORDS = frozenset(_PARTICLE[3:-1].split("|"))


def _tokens(word: str, first_inside_word: bool = False) -> list[_Token]:
    """The tokens of a run of capitalised words: each capitalised word, and the name particles after it.

    The run is its words one space apart, with at most three particles between two of them
    ("Jean de la Fontaine"): it is split at the spaces. Particles count after a plain word
    ("Jean", not "Jean-" or "Doe's"), each between two plain spaces.
    """
    if "\u00a0" in word or "\u202f" in word:
        parts = _SEPARATOR_RE.split(word)
        pieces, seps = parts[0::2], parts[1::2]
    else:
        pieces = word.split(" ")
        seps = None  # all spaces
    out: list[_Token] = []
    n = len(pieces)
    s = -1
    k = 0
    for idx, piece in enumerate(pieces):
        s += 1  # the separator before
        info = None
        if idx >= k and not (idx == 0 and first_inside_word) and piece not in _PARTICLE_WORDS:
            info = _word_info(piece)
        if info is None:  # a particle (picked up after the word before it, or not a token), a capital in a word
            s += len(piece)
            continue
        text, key, allcaps, possessive, title, not_name, initial = info
        out.append(_Token(s, s + len(text), text, key, True, allcaps, possessive, title, not_name, initial))
        s += len(piece)
        k = idx + 1
        if not possessive and len(text) == len(piece) and text[-1] != ".":
            # the particles after it, each followed by a space (so never the last piece)
            p = s
            while k < n - 1 and pieces[k] in _PARTICLE_WORDS and (seps is None or seps[k - 1] == seps[k] == " "):
                w = pieces[k]
                out.append(_Token(p + 1, p + 1 + len(w), w, w, False, False, False, *_flags(w, w)))
                p += 1 + len(w)
                k += 1
    return out


@lru_cache(maxsize=65536)
def _word_info(piece: str) -> tuple[str, str, bool, bool, bool, bool, bool] | None:
    """A capitalised word as a token: (text, key, all caps, possessive, title, not a name, initial), or None."""
    if not piece[0].isupper():
        return None
    text, possessive = piece, False
    if text[-1].isalnum() and "'" not in text and "’" not in text:
        core = text  # the common case: a plain word
    else:
        text = text.rstrip("-‑'’")
        if text.endswith(".."):
            text = text.rstrip(".")
        if text.endswith(("’s", "'s")) and len(text) > 2:
            text = text[:-2]
            possessive = True
        if text.endswith("."):
            core = text[:-1]
            if not (len(core) == 1 or "." in core or _key(core) in HONORIFIC_ABBREVIATIONS or core == "Jr"):
                text = core
        core = text.rstrip(".")
        if not core:
            return None
    key = _key(core)
    allcaps = len(core) > 1 and core.isupper() and sum(c.isalpha() for c in core) > 1
    return (text, key, allcaps, possessive, *_flags(text, key))


@lru_cache(maxsize=65536)
def _flags(text: str, key: str) -> tuple[bool, bool, bool]:
    """(title word, not a name, initial) of a token."""
    initial = len(text) == 2 and text.endswith(".") and text[0].isupper()
    title = key in TITLE_WORDS and (key not in FIRST_NAMES or key in ("major", "king", "prince"))
    not_name = not initial and (_CONTRACTION_RE.search(text) is not None or is_not_name(text))  # I’m, We’re
    return title, not_name, initial


def _adjacent(scan: str, a: _Token, b: _Token) -> bool:
    gap = scan[a.end:b.start]
    return gap in (" ", "\u00a0", "\u202f") and not a.possessive


def _groups(scan: str, toks: list[_Token]) -> list[list[_Token]]:
    """Maximal sequences of capitalised words (with name particles between them) one space apart."""
    groups: list[list[_Token]] = []
    cur: list[_Token] = []
    for i, t in enumerate(toks):
        if t.cap:
            if cur and not _adjacent(scan, cur[-1], t):
                groups.append(cur)
                cur = []
            cur.append(t)
            continue
        if cur and t.key in NAME_PARTICLES and _adjacent(scan, cur[-1], t):
            # "van der", "de la": particles between two capitalised words of a name
            k = i + 1
            while k < len(toks) and toks[k].key in NAME_PARTICLES and not toks[k].cap and k - i < 3:
                k += 1
            if k < len(toks) and toks[k].cap and all(_adjacent(scan, toks[x], toks[x + 1]) for x in range(i, k)):
                cur.append(t)
                continue
        if cur:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


_POSSESSIVES = frozenset(["his", "her", "their", "its", "our", "son", "sa", "ses", "leur", "leurs", "notre", "nos"])
# "M.", "Mrs." say nothing of a function: they are not kept as a role
_CIVIL_HONORIFICS = frozenset(["m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "monsieur", "madame", "dr"])
_ROLE_OPENERS = frozenset(["when", "and", "but", "the", "as", "if", "then", "so", "while", "after", "le", "la", "les",
                           "l'", "et", "mais", "quand", "lorsque", "a", "an", "un", "une", "with", "avec", "by", "par",
                           "selon", "according", "to", "d'apres"])
_CONTRACTION_RE = re.compile(r"['’][a-z]")


def _runs(group: list[_Token], headline: bool = False) -> list[tuple[int, int]]:
    """(start, end) indexes of the name runs inside a group: words that are not titles, institutions or places."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(group)
    while i < n:
        t = group[i]
        if not t.cap or t.allcaps or t.title or (t.not_name and t.key not in NAME_PARTICLES):
            i += 1
            continue
        if t.key in NAME_PARTICLES:  # "Le", "De" start no name
            i += 1
            continue
        j = i + 1
        while j < n:
            u = group[j]
            if u.key in NAME_PARTICLES and j + 1 < n and (group[j + 1].cap or group[j + 1].key in NAME_PARTICLES) \
                    and not group[j + 1].title:
                j += 1
                continue
            if not u.cap or u.allcaps or (u.title and not _middle_initial(group, j)):
                break
            # a surname that is also a place ("Tom Jordan") may follow a given name
            if u.not_name and not (u.key not in NOT_NAME_WORDS and group[j - 1].key in FIRST_NAMES):
                break
            if headline and _is_gerund(u.text):  # "President John Doe Welcoming Estonia"
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


def _middle_initial(group: list[_Token], j: int) -> bool:
    """"M." in "Karla M. Campbell": an initial that is also an honorific ("M. Dupont") is a middle initial
    between a given name and another capitalised word."""
    u = group[j]
    if not u.initial or j + 1 >= len(group) or not group[j + 1].cap:
        return False
    before = group[j - 1]
    return before.cap and not (before.title or before.allcaps or before.initial or before.not_name)


def _sentence_start(scan: str, pos: int, limit: int = 160) -> int:
    # the start with a shorter limit is max(start, pos - shorter limit)
    m = _LAST_STOP_RE.match(scan, max(0, pos - limit), pos)
    return m.end() if m else max(0, pos - limit)


class _TitleIndex:
    """The title phrases of the document (`TITLE_HEAD_RE` from the body start), looked up near a name.

    They are found in one pass (`TITLE_HEAD_SCAN`) when a name first needs them, then looked up by
    bisection on their ends.
    """

    def __init__(self, ctx: ParseContext):
        self.ctx = ctx
        self.found: list[re.Match] | None = None
        self.starts: list[int] = []
        self.ends: list[int] = []

    def _find(self) -> list[re.Match]:
        found = self.found = list(TITLE_HEAD_SCAN.finditer(self.ctx.folded, self.ctx.body_start))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        return found

    def _last_index(self, lo: int, hi: int) -> int:
        """The index of the last phrase ending by `hi` if it starts at or after `lo`, else -1."""
        if hi - lo < TITLE_HEAD_MIN_LEN:
            return -1
        if self.found is None:
            self._find()
        i = bisect_right(self.ends, hi) - 1
        return i if i >= 0 and self.starts[i] >= lo else -1

    def last_between(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """The last phrase ending by `hi`, if it starts at or after `lo`."""
        i = self._last_index(lo, hi)
        if i < 0:
            return None
        last = self.found[i]
        return last.start(), last.end(), last.group(0)

    def any_between(self, lo: int, hi: int) -> bool:
        """Whether `last_between(lo, hi)` finds a phrase (the test made for most names: no tuple built)."""
        return self._last_index(lo, hi) >= 0


def _title_before(ctx: ParseContext, titles: _TitleIndex, start: int, s0: int, n_tokens: int = 2) -> str | None:
    """The title phrase (as written) that introduces the name starting at `start`, if any, in its sentence
    (from `s0`, at most 110 characters back).

    "the governor of Helmand" names a place: a one-word name after "of"/"de" needs a comma before it.
    """
    found = titles.last_between(s0, start)
    if found is None:
        return None
    last_start, last_end, last_text = found
    gap_text = ctx.scan[last_end:start]
    if gap_text.startswith(("’s", "'s")):
        return None  # "the President's American Rescue Plan"
    if re.search(r"(?:\b(?:the|le|la|les|a|an|un|une|du|des)\s+|\bl['’]\s*)$", ctx.folded[last_end:start]):
        return None  # "the chief of the Civil Division": a name takes no article
    words = _WORD_RE.findall(gap_text)
    for w in words:
        if w[0].isupper() and not is_not_name(w) and not is_not_name(w.split("’")[-1].split("'")[-1]):
            return None
    folded_words = [fold_word(w) for w in words]
    if not gap_allows_title(folded_words):
        return None
    lower = [w for w in words if not w[0].isupper()]
    if len(lower) > 4 or any(w in _POSSESSIVES for w in folded_words):
        return None  # "President released his National COVID-19 Preparedness": a clause, not a title
    first = _key(ctx.scan[start:start + 30].split(" ")[0])
    if not gap_text.rstrip().endswith(",") and first not in FIRST_NAMES and any(
            w in ("the", "le", "la", "les") or w.startswith("l'") for w in folded_words):
        return None  # "Supreme Commander of the Allies English Channel"
    if (n_tokens == 1 or first not in FIRST_NAMES) and not gap_text.rstrip().endswith(",") and any(
            w in ("of", "de", "des", "du") or w.startswith(("d'", "l'")) for w in folded_words):
        return None
    head_words = last_text.split()
    if all(w in WEAK_TITLE_WORDS for w in head_words[-1:]) and _key(ctx.scan[start:start + 30].split(" ")[0]) \
            not in FIRST_NAMES:
        return None
    return ctx.text[last_start:start].strip(" ,\u00a0")


def _title_after(ctx: ParseContext, end: int) -> str | None:
    """A title in apposition after the name: "Anna Lindqvist, secrétaire général de l'OTAN"."""
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
                return None  # a vocative or another name: "Bravo, President Doe"
            if gap_allows_title(words[:i]):
                return ctx.text[end + m.end():end + stop].strip()
            return None
    return None


def _title_case_line(ctx: ParseContext, pos: int) -> bool:
    """A headline written in Title Case, where capitals say nothing about names."""
    start = line_start(ctx.scan, pos)
    cache = ctx._cache.setdefault("title_case_lines", {})
    if start not in cache:
        cache[start] = _is_title_case(ctx, start, pos)
    return cache[start]


def _is_title_case(ctx: ParseContext, start: int, pos: int) -> bool:
    # the first letters of the words of more than three characters (the `_LONG_WORD_INITIAL_RE` runs)
    words = _case_shape(ctx.scan[start:line_end(ctx.scan, pos)]).split()
    initials = [w[0] for w in words if len(w) > 3]
    return len(initials) >= 3 and initials.count(65) >= 0.8 * len(initials)


def _char_shape(ch: str) -> str:
    """"A" for a capital that `_LONG_WORD_INITIAL_RE` takes in a word, "a" for its other word characters, else " "."""
    if not _LONG_WORD_INITIAL_RE.fullmatch(ch * 4):
        return " "
    return "A" if ch.isupper() else "a"


_ASCII_SHAPE = bytes(ord(_char_shape(chr(b))) for b in range(128)) + b" " * 128


def _case_shape(line: str) -> bytes:
    """`line` as ASCII bytes, each character its `_char_shape` (a regex pass over a long line is slow)."""
    if not line.isascii():
        for ch in set(line):
            if not ch.isascii():
                line = line.replace(ch, _char_shape(ch))
    return line.encode("ascii").translate(_ASCII_SHAPE)


def _is_byline(ctx: ParseContext, start: int) -> bool:
    ls, le = line_start(ctx.scan, start), line_end(ctx.scan, start)
    if le - ls > 120:
        return False
    return _BYLINE_RE.match(ctx.folded[ls:start]) is not None


def _speaker_label(ctx: ParseContext, base: int, group: list[_Token]) -> _Candidate | None:
    """An all-caps label at a paragraph start, "PRESIDENT BIDEN:" -> the name words, with the title as role."""
    start, end = base + group[0].start, base + group[-1].end
    if ctx.scan[line_start(ctx.scan, start):start].strip() or not ctx.scan[end:end + 2].lstrip(" ").startswith(":"):
        return None
    if not all(t.allcaps or t.initial or t.key in HONORIFIC_ABBREVIATIONS for t in group):
        return None
    titles = [t for t in group if t.title or t.key in HONORIFIC_ABBREVIATIONS]
    names = [t for t in group if t not in titles and not is_not_name(t.text)]
    if not names or not titles:
        return None
    role = " ".join(t.text.title() for t in titles)
    words = tuple(t.text.title() for t in names)
    return _Candidate(base + names[0].start, base + names[-1].end, names, words, _surname(words), "label", role)


@dataclass(slots=True)
class _RunPlan:
    """What the words of a name run say by themselves; the checks that read around it are left to do."""

    start: int  # offsets relative to the capitalised run
    end: int
    tokens: tuple[_Token, ...]
    title: int  # 1: a title or honorific right before it; 2: the same unless the line is a Title Case headline
    title_role: str | None
    title_before: bool  # no name word before it in its group: look for a title further back
    first_name: bool
    multi: bool
    speech: bool  # a short run opening its group: may be the subject of a speech verb
    words: tuple[str, ...]
    surname: str


class _GroupPlan:
    """A group of capitalised words and its name runs (with and without the headline rule)."""

    __slots__ = ("word", "tokens", "label", "headline_rule", "plain_runs", "_headline_runs")

    def __init__(self, word: str, tokens: list[_Token], plain_runs: list[_RunPlan] | None = None):
        self.word = word
        self.tokens = tokens
        self.label = len(tokens) > 1 and all(t.allcaps or t.initial or t.key in NAME_PARTICLES for t in tokens)
        # the headline rule (see `_runs`) applies to groups of more than two words and can only change
        # their runs with a gerund after the first word: the others need no look at their line
        self.headline_rule = len(tokens) > 2 and any(_is_gerund(t.text) for t in tokens[1:])
        # a speaker label is read as a label, never as runs
        if plain_runs is None:
            plain_runs = [] if self.label else self._plan_runs(False)
        self.plain_runs = plain_runs
        self._headline_runs: list[_RunPlan] | None = None

    def runs(self, headline: bool) -> list[_RunPlan]:
        if not headline:
            return self.plain_runs
        plans = self._headline_runs
        if plans is None:
            plans = self._headline_runs = self._plan_runs(True)
        return plans

    @property
    def useful(self) -> bool:
        """Whether the group can give a candidate anywhere: a label, or a name run on some line."""
        return self.label or self.headline_rule or bool(self.plain_runs)

    def _plan_runs(self, headline: bool) -> list[_RunPlan]:
        group = self.tokens
        plans = []
        for i, j in _runs(group, headline):
            run = group[i:j]
            if len(run) > 5:
                continue
            if j < len(group) and (group[j].title or group[j].key in ORG_HEADS):
                continue  # inside a title or an institution: "Chief Medical Officer", "Senate Budget Committee"
            prefix = group[:i]
            if prefix and prefix[-1].key in PLACE_PREFIXES:
                continue
            title, title_role = 0, None
            if prefix and prefix[-1].key in HONORIFIC_ABBREVIATIONS:
                title = 1
            elif prefix and prefix[-1].title and (prefix[-1].key not in WEAK_TITLE_WORDS
                                                       or run[0].key in FIRST_NAMES):
                title = 1 if len(run) > 1 else 2
            if title:
                k = i
                while k > 0 and (group[k - 1].title or is_not_name(group[k - 1].text)
                                 or group[k - 1].key in HONORIFIC_ABBREVIATIONS):
                    k -= 1
                role = self.word[group[k].start:group[i - 1].end]
                if fold_word(role).rstrip(".") not in _CIVIL_HONORIFICS:
                    title_role = role
            words = tuple(t.text for t in run)
            plans.append(_RunPlan(
                run[0].start, run[-1].end, tuple(run), title, title_role,
                all(is_not_name(t.text) for t in prefix), _given_name_evidence(run),
                len(run) > 1, len(run) <= 2 and i == 0, words, _surname(words)))
        return plans


def _given_name_evidence(run: Sequence[_Token]) -> bool:
    """A known given name opens the run ("Anna Lindqvist"), or a middle initial stands between two of its
    words ("Karla M. Campbell", "Harry S. Truman"): how personal names are written."""
    if len(run) < 2:
        return False
    if run[0].key in FIRST_NAMES:
        return True
    return len(run) == 3 and not run[0].initial and run[1].initial and not run[2].initial


@lru_cache(maxsize=65536)
def _word_plan(word: str, first_inside_word: bool = False) -> tuple[_GroupPlan, ...]:
    """The groups of a run of capitalised words that may hold a name, offsets relative to the run.

    Most runs are a lone word that cannot be a name ("The", "NATO", "President"): they are dropped at
    once, and the same runs come back again and again, so each is looked at once.
    """
    if " " not in word and "\u00a0" not in word and "\u202f" not in word:
        return _lone_word_plan(word, first_inside_word)
    # a group with no name run ("The President", "White House") is dropped here once, not skipped at
    # every one of its many occurrences
    plans = (_GroupPlan(word, g) for g in _word_groups(word, first_inside_word)
             if not (len(g) == 1 and (g[0].allcaps or g[0].title or g[0].not_name)))
    return tuple(gp for gp in plans if gp.useful)


def _lone_word_plan(word: str, first_inside_word: bool) -> tuple[_GroupPlan, ...]:
    """`_word_plan` of a lone word, in short: one token at most, a group of it, a run of it."""
    if first_inside_word:
        return ()
    # the token's flags first: they are shared with the runs of several words, and reject most lone words
    info = _word_info(word)
    if info is None:
        return ()
    text, key, allcaps, possessive, title, not_name, initial = info
    if allcaps or title or not_name or key in NAME_PARTICLES or _lone_word_skipped(word):  # "Le", "De" start no name
        return ()
    tok = _Token(0, len(text), text, key, True, allcaps, possessive, title, not_name, initial)
    words = (text,)
    run = _RunPlan(0, len(text), (tok,), 0, None, True, False, False, True, words, _surname(words))
    return (_GroupPlan(word, [tok], [run]),)


def _candidates(ctx: ParseContext) -> list[_Candidate]:
    scan, folded = ctx.scan, ctx.folded
    titles = _TitleIndex(ctx)
    cands: list[_Candidate] = []
    for base, stop in map(re.Match.span, _GROUP_RE.finditer(scan, ctx.body_start)):
        word = scan[base:stop]
        plan = _word_plan(word)
        if plan and base and (scan[base - 1].isalnum() or scan[base - 1] == "_"):
            plan = _word_plan(word, True)
        for gp in plan:
            group = gp.tokens
            if gp.label:
                label = _speaker_label(ctx, base, group)
                if label:
                    cands.append(label)
                continue
            runs = gp.plain_runs
            if gp.headline_rule and _title_case_line(ctx, base + group[0].start):
                runs = gp.runs(True)
            for rp in runs:
                start, end = base + rp.start, base + rp.end
                evidence = role = s0 = None
                if rp.title == 1 or (rp.title == 2 and not _title_case_line(ctx, start)):
                    evidence, role = "title", rp.title_role
                elif rp.title_before and titles.any_between(max(0, start - 110), start):
                    # (no title phrase in the 110 characters before: none in the sentence, whose start is not
                    # needed then)
                    s0 = _sentence_start(scan, start, 110)
                    role = _title_before(ctx, titles, start, s0, len(rp.tokens)) or None
                    if role:
                        evidence = "title"
                if evidence is None and rp.first_name:
                    evidence = "first_name"
                if role is None and (rp.multi or evidence):
                    after = _title_after(ctx, end)
                    if after:
                        role = after
                        evidence = evidence or "apposition"
                if evidence is None and _COPULA_RE.match(folded, end):
                    evidence = "copula"
                if evidence is None and rp.speech and _speech_subject(ctx, start, end, s0):
                    evidence = "speech"
                cands.append(_Candidate(start, end, rp.tokens, rp.words, rp.surname, evidence, role))
    # coordination: "ses homologues estonien Tamm et lettone Ozola", "Senators Roe and Smith"
    for a, b in zip(cands, cands[1:]):
        if (a.evidence in ("title", "coord") and b.evidence is None and b.start - a.end < 40
                and _COORD_RE.search(ctx.folded[a.end:b.start]) and "\n" not in scan[a.end:b.start]
                and (_plural_title(a.role) or b.tokens[0].key in FIRST_NAMES)):
            b.evidence = "coord"
            # "homologues estonien Tamm et lettone Ozola": the shared head, b's own adjective
            adjective = scan[a.end:b.start].split()[1:]
            b.role = " ".join(((a.role or "").split()[:1]) + adjective) or None
    return cands


def _speech_subject(ctx: ParseContext, start: int, end: int, s0: int | None) -> bool:
    """The name after a French inverted speech verb ("a déclaré Kowalski") or before an English one,
    in its sentence, at most 80 characters back (`s0`: the start of the sentence at most 110 characters
    back, None if not known yet)."""
    folded = ctx.folded
    lo = max(0, start - 80)
    english = _EN_SPEECH_AFTER_RE.match(folded, end) is not None
    if not english:
        window = folded[lo:start]
        # `_FR_INVERTED_SUBJECT_RE` ends with words between spaces, its verb opening one of the last ones:
        # a look at a few words, where the auxiliary is looked for in all 80 characters
        words = window.rsplit(None, _SPEECH_VERB_REACH)[-_SPEECH_VERB_REACH:]
        if not any(w[:3] in _SPEECH_VERB_HEADS for w in words) or not _FR_AUX_RE.search(window):
            # no auxiliary in the 80 characters before, so none in the sentence: its start is not needed
            # (the sentence starts after a character that is no part of a word, as a slice starts)
            return False
    s0 = _sentence_start(ctx.scan, start, 80) if s0 is None else max(s0, lo)
    before = folded[s0:start]
    if not ((english and before.strip()) or (_FR_AUX_RE.search(before) and _FR_INVERTED_SUBJECT_RE.search(before))):
        return False
    # an article right before: "the Kremlin said" (the article is at most 3 letters before the spaces)
    return not _ARTICLE_END_RE.search(before, max(0, len(before.rstrip()) - 3))


def _plural_title(role: str | None) -> bool:
    """A title shared by several names: "Senators", "ses homologues", "Presidents"."""
    for w in _WORD_RE.findall(fold_word(role or "")):
        if w.endswith(("s", "x")) and (w[:-1] in TITLE_WORDS or w[:-2] in TITLE_WORDS) and w not in ("ms", "mrs"):
            return True
    return False


class _People:
    """The people found so far, indexed by the words of their names."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self.by_key: dict[str, list[_Entity]] = {}

    def _index(self, ent: _Entity) -> None:
        for k in ent.keys:
            bucket = self.by_key.setdefault(k, [])
            if ent not in bucket:
                bucket.append(ent)

    def merge(self, cand: _Candidate, ctx: ParseContext, create: bool) -> None:
        words, surname = cand.words, cand.surname
        if not create and surname not in self.by_key:
            return  # the usual unproven run: no person of that name
        keys = {_key(w) for w in words if len(w.rstrip(".")) > 1}
        mention = Mention(ctx.text[cand.start:cand.end], (cand.start, cand.end))
        if not create and len(words) > 1:
            # an unproven run joins a person only when every word of it is a word of that person's name
            for ent in reversed(self.by_key.get(surname, ())):
                if keys and keys <= ent.keys:
                    ent.mentions.append(mention)
            return
        found = [ent for ent in self.by_key.get(surname, ())
                 if surname == ent.surname or (len(words) == 1 and surname != _key(ent.name_tokens[0]))]
        if len(words) > 1:  # "John Doe" after "President Doe"
            for k in keys:
                found.extend(ent for ent in self.by_key.get(k, ()) if len(ent.name_tokens) == 1 and ent.surname == k)
        if not found:
            if create:
                ent = _Entity(words, cand.role, [mention], order=len(self.entities))
                self.entities.append(ent)
                self._index(ent)
            return
        target = max(found, key=lambda ent: ent.order)  # the most recent person with that name
        target.mentions.append(mention)
        if len(words) > len(target.name_tokens) and cand.evidence != "label":
            target.rename(words)
            self._index(target)
        if not target.role and cand.role:
            target.role = cand.role


def find_people(ctx: ParseContext) -> tuple[list[Person], list[Organisation]]:
    ctx = prose(ctx)
    cands = _candidates(ctx)
    found = _People()
    # a byline ("Par Jean Dupont") names no one in the news; the test is only made for the runs that count
    for cand in cands:
        if cand.evidence and not _is_byline(ctx, cand.start):
            found.merge(cand, ctx, create=True)
    for cand in cands:
        # the usual unproven run: no person of that name
        if not cand.evidence and cand.surname in found.by_key and not _is_byline(ctx, cand.start):
            found.merge(cand, ctx, create=False)
    people = []
    for ent in found.entities:
        ent.mentions.sort(key=lambda m: m.span)
        people.append(Person(name=" ".join(ent.name_tokens), role=_clean_role(ent.role), mentions=ent.mentions))
    return people, find_organisations(ctx)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    words = role.split()
    # "When President", "And Ms.": the sentence words before the title are not part of it
    while len(words) > 1 and _key(words[0]) in _ROLE_OPENERS:
        words.pop(0)
    role = " ".join(words).strip(" ,;:*")
    if fold_word(role).rstrip(".") in _CIVIL_HONORIFICS:
        return None  # "M.", "Mr." say nothing of a function (see _CIVIL_HONORIFICS)
    return role or None
