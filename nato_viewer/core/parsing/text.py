"""Text helpers shared by the extractors: folding, sentence splitting, word boundaries.

Every helper here keeps string lengths, so offsets found on a folded or masked
copy of the text are offsets into the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from operator import and_, methodcaller

from nato_viewer.core.model import Span

APOSTROPHES = "'’ʼ‘`´"
QUOTE_CHARS = "«»“”„‟\"‹›"
DASHES = "-‐‑‒–—―"
SPACES = " \u00a0\u202f\u2009\u2007\u2002\u2003\u200a\t"


def norm_apostrophes(text: str) -> str:
    """Straight apostrophes everywhere (same length)."""
    return text.translate(_APOS_TABLE)


_APOS_TABLE = str.maketrans({c: "'" for c in APOSTROPHES})


def _fold_char(ch: str) -> str:
    if ch in APOSTROPHES:
        return "'"
    if ch in SPACES:
        return " "
    if ch in DASHES:
        return "-"
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


class _FoldTable(dict):
    """str.translate table filled on demand: one character in, exactly one out."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_RUN_CACHE: dict[str, str] = {}


def _fold_run(m: re.Match) -> str:
    run = m.group(0)
    folded = _RUN_CACHE.get(run)
    if folded is None:
        folded = run.translate(_FOLD_TABLE)
        if len(_RUN_CACHE) < 8192:
            _RUN_CACHE[run] = folded
    return folded


_ASCII_BYTES = bytes(range(128))


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, plain spaces and dashes: same length as `text`."""
    if text.isascii():
        return text.lower()
    # str.lower() is C speed; only the non-ASCII runs need the table. Folding a lowered
    # character gives the same result as folding the original (checked over all of Unicode),
    # except where lower() changes the length ("İ"), hence the fallback.
    low = text.lower().replace("`", "'").replace("\t", " ")
    if len(low) != len(text):
        return text.translate(_FOLD_TABLE)
    # A text holds a few distinct characters outside ASCII (curly quotes, accents), each many times:
    # find them in C (the UTF-8 bytes of the text without its ASCII bytes, decoded: those characters
    # alone) and replace each with one str.replace, all in C.
    found = set(low.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    changes = {ch: _FOLD_TABLE[ord(ch)] for ch in found}
    changes = {ch: folded for ch, folded in changes.items() if folded != ch}
    if not changes.keys().isdisjoint(changes.values()):
        return _NON_ASCII_RUN.sub(_fold_run, low)  # one replacement would feed another: character by character
    for ch, folded in changes.items():
        low = low.replace(ch, folded)
    return low


def fold_word(text: str) -> str:
    """Fold for dictionary look-ups (may change length: not for offsets)."""
    if text.isascii():
        return text.replace("`", "'").lower()
    return _fold_word(text)


@lru_cache(maxsize=16384)
def _fold_word(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", norm_apostrophes(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "dr", "mr", "mrs", "ms", "st", "ste", "gen", "gén", "lt", "col",
    "sgt", "capt", "cpt", "maj", "adm", "prof", "sen", "rep", "gov", "jr", "sr", "no", "nos", "vol",
    "art", "etc", "cf", "p", "pp", "env", "av", "apr", "jan", "feb", "fév", "févr", "mar", "aug",
    "sept", "sep", "oct", "nov", "dec", "déc", "janv", "juil", "u.s", "u.k", "e.g", "i.e", "vs",
    "inc", "ltd", "co", "corp", "dept", "min", "mt", "ft", "hon", "rt", "pres", "amb", "ambs",
})

# A period after this many letters ends no abbreviation: the word before it need not be looked at.
_ABBREVIATION_REACH = max(map(len, ABBREVIATIONS)) + 1
# Characters the first word of a sentence may open with, before its first letter
_OPENERS = "\"«“(["

# A sentence end: final punctuation (and closing quotes) before a space, a blank line, or a line break.
# Each pattern opens with one character set, then tells the cases apart by looking back at it: a
# pattern that starts with a set lets the regex engine skip to the next candidate character fast.
_SENT_END = re.compile(r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"»”’')\]]*(?=\s)|(?<=\n)\s*\n|(?<=\n))")
# In hard-wrapped text a single line break is only a space, except before a list item or a heading.
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#|>|\|)")


# The last character that is not part of a word or an abbreviation: what follows it up to a
# period is the word before that period.
_LAST_STOP = re.compile(r"(?s:.*)[^\w.]")


def is_hard_wrapped(text: str, start: int = 0, end: int | None = None) -> bool:
    """True for text wrapped at a fixed width (Markdown exports), where one line is not one paragraph:
    its long lines are all short of ~100 characters and most of them stop mid-sentence."""
    lines = list(map(str.rstrip, text[start:end].split("\n", 400)[:400]))
    long = sorted(filter((39).__lt__, map(len, lines)))  # map/filter with C callables: no Python frame a line
    if len(long) < 2 or long[int(len(long) * 0.75)] > 100:
        return False
    # C callables again: the long lines that do end a sentence, counted without a Python frame a line
    closed = sum(map(and_, map((39).__lt__, map(len, lines)),
                     map(methodcaller("endswith", _SENTENCE_CLOSERS), lines)))
    open_ended = len(long) - closed
    return open_ended >= 0.5 * len(long)


_SENTENCE_CLOSERS = (".", "!", "?", ":", ";", "»", '"', "”", "…", ")")


def split_sentences(text: str, start: int = 0, end: int | None = None, wrapped: bool | None = None) -> list[Span]:
    """Sentence spans over text[start:end], trimmed of white space.

    A line break ends a sentence (press texts put one paragraph a line) unless the
    text is hard-wrapped, where only a blank line, a list item or a heading does;
    a period ends one unless it follows a known abbreviation or an initial, or
    the next word starts in lower case.
    """
    end = len(text) if end is None else end
    if wrapped is None:
        wrapped = is_hard_wrapped(text, start, end)
    if end != len(text) or (start and _WORD_OR_DOT.match(text, start - 1)):
        # the sentence regex looks past `end` and before `start`: only the loop over candidates bounds both
        return _split_at_candidates(text, start, end, wrapped)
    # One match a sentence: the regex walks over the sentence and decides most of its candidate ends
    # itself; the few it cannot decide (group "q") are decided here, as the candidate loop does.
    spans: list[Span] = []
    append = spans.append
    pending = -1  # start of a sentence that runs on over an undecided candidate that was no end
    for m in (_SENTENCE_WRAPPED if wrapped else _SENTENCE).finditer(text, start):
        kind = m.lastgroup
        if kind is None and pending < 0:
            append(m.span())  # (most sentences)
            continue
        s = m.start() if pending < 0 else pending
        e = m.end()
        if kind == "q":
            if not _ends_sentence(text, start, m.start("q"), e):
                pending = s
                continue
        elif kind == "t":
            while text[e - 1].isspace():  # the sentence ends before a line break or the end: trailing blanks
                e -= 1
        append((s, e))
        pending = -1
    return spans


def _ends_sentence(text: str, start: int, m_start: int, stop: int) -> bool:
    """Whether the candidate end text[m_start:stop] (final punctuation and closing quotes before a blank)
    ends the sentence that starts at or after `start`: not after an abbreviation or an initial, nor before
    a lower-case word, nor between the digits of a number."""
    piece = text[m_start:stop]
    if m_start - _ABBREVIATION_REACH >= start and text[m_start - _ABBREVIATION_REACH:m_start].isalpha():
        token = ""
    else:
        lo = max(start, m_start - 24)
        cut = _LAST_STOP.match(text, lo, m_start)
        token = text[cut.end() if cut else lo:m_start].lower()
        if piece[0] == "." and token and (
                token.rstrip(".") in ABBREVIATIONS or (len(token) == 1 and token.isalpha())):
            return False
    nxt = _NEXT_CHAR.match(text, stop, stop + 8)
    first = nxt.group(2) if nxt else ""
    if first:
        if first.islower() or first in ",;:":
            return False
        if piece == "." and first.isdigit() and token.replace(".", "").isdigit():
            return False
    return True


def _split_at_candidates(text: str, start: int, end: int, wrapped: bool) -> list[Span]:
    """`split_sentences` one candidate end at a time (the plain form of the sentence regex)."""
    # The look-ahead pattern skips wrapped line breaks inside the regex engine; it may only
    # be used when the look-ahead can see past `end` as freely as a match on the whole text.
    pattern = _SENT_END_WRAPPED if wrapped and end == len(text) else _SENT_END
    check_block = wrapped and pattern is _SENT_END
    spans: list[Span] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        stop = m.end()
        if "\n" in m.group(0):
            if check_block and m.group(0) == "\n" and not _BLOCK_START.match(text, stop):
                continue
        elif not _ends_sentence(text, pos, m.start(), stop):
            continue
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = stop
    _add_span(text, pos, end, spans)
    return spans


_SENT_END_WRAPPED = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"»”’')\]]*(?=\s)|(?<=\n)\s*\n"
    r"|(?<=\n)(?=[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#|>|\|)))")
_NEXT_CHAR = re.compile(r"\s*([\"«“(\[]?\s*)(\S)")


def _sentence_regex(wrapped: bool) -> re.Pattern:
    """One sentence of `split_sentences` a match, from its first visible character to its end.

    A candidate end is what the candidate loop looks at: final punctuation and closing quotes before a
    blank. Inside the regex, one that surely ends no sentence (after an abbreviation or an initial, or
    before a lower-case word) is walked over; one that surely does ends the match, as does a line break
    that ends a paragraph (with `t` when blanks lie before it) or the end of the text; any other ends it
    in group `q`, and the caller decides. "Surely" is read with ASCII classes and abbreviations only:
    other tokens and next characters go to the caller.
    """
    closers = r"[\"»”’')\]]"
    rest = rf"[.!?…]*+{closers}*+"  # the rest of a candidate after its first character
    marker = r"[ \t]*+(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#|>|\|)"  # a list item or a heading opens the line
    # the blanks from here hold a line break that ends a paragraph, or run to the end of the text
    split_after = (rf"[^\S\n]*+\n(?:[^\S\n]*+\n|{marker})" if wrapped else r"[^\S\n]*+\n") + r"|\s*+\Z"
    # the word before a period (up to the last character that is neither a word character nor a period)
    longest = _ABBREVIATION_REACH - 1
    by_length: dict[int, list[str]] = {}
    for word in sorted(ABBREVIATIONS):
        if word.isascii() and len(word) > 1:
            by_length.setdefault(len(word), []).append(
                "".join(rf"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch) for ch in word))
    abbreviation = "|".join([r"(?<=(?<![\w.])[A-Za-z])"] + [
        rf"(?<=(?<![\w.])(?:{'|'.join(words)}))" for n, words in sorted(by_length.items())])
    not_abbreviation = "|".join([r"(?<![\w.])", rf"(?<=[\w.]{{{longest + 1}}})", r"(?<=(?<![\w.])[0-9_])"] + [
        rf"(?<=(?<![\w.])[A-Za-z0-9_.]{{{n}}})" + (f"(?<!{'|'.join(by_length[n])})" if n in by_length else "")
        for n in range(2, longest + 1)])
    # the next character `_NEXT_CHAR` reads (within 8 characters, after an opening quote or bracket)
    openers = r"[\"«“(\[]"
    sure = r"[!#-'*+\-./<-@A-Z\\\]-`{-~À-ÖØ-Þ’‘”»–—…•€£§°]"  # neither lower case, a digit, nor ",;:"
    next_ok = rf"\s{{1,7}}+(?:{sure}|{openers}\s*+(?:{sure}|{openers}))|\s{{8}}|\s++\Z"
    next_lower = r"\s{1,7}+[a-z,;:ß-öø-ÿ]"
    body = "|".join([
        r"[^\n.!?…]++",
        *([rf"\n(?![^\S\n]*+\n|{marker}|\s*+\Z)"] if wrapped else []),  # a line break inside a paragraph
        rf"[.!?…](?!{rest}\s)",  # no candidate: followed by no blank
        rf"(?:{abbreviation})\.{rest}(?=\s)|[.!?…]{rest}(?={next_lower})",  # a candidate that ends nothing
    ])
    ends = "|".join([
        rf"(?:[!?…]|(?:{not_abbreviation})\.){rest}(?={next_ok})",
        rf"[.!?…]{rest}(?={split_after})",  # ends a sentence or not, the paragraph ends here
        rf"(?P<q>[.!?…]{rest})",
        r"(?<=\S)(?=\n)|(?<=\S)\Z",
        r"(?=\n|\Z)(?P<t>)",
    ])
    return re.compile(rf"(?=\S)(?:{body})*+(?:{ends})")


_SENTENCE = _sentence_regex(False)
_SENTENCE_WRAPPED = _sentence_regex(True)
_WORD_OR_DOT = re.compile(r"[\w.]")


def _add_span(text: str, s: int, e: int, spans: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-empty lines (paragraphs) of text[start:end]."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for m in re.finditer(r"\n", text[start:end]):
        _add_span(text, pos, start + m.start(), spans)
        pos = start + m.end()
    _add_span(text, pos, end, spans)
    return spans


def sentence_at(sentences: list[Span], offset: int) -> int:
    """Index of the sentence holding `offset` (sentences sorted and disjoint), or -1."""
    # (offset, inf) sorts after every span that starts at or before offset: bisect finds the last of
    # them in C, the only one that can hold offset.
    i = bisect_right(sentences, (offset, _INF)) - 1
    return i if i >= 0 and offset < sentences[i][1] else -1


_INF = float("inf")


def shorten(text: str, limit: int = 140) -> str:
    """One line of at most `limit` characters, cut at a word."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def regex_structure(pattern: str):
    """(index, character, depth) for each character of a regex outside escapes and character classes;
    the depth of a "(" counts it, the depth of a ")" no longer does."""
    depth, cls, esc = 0, False, False
    for i, ch in enumerate(pattern):
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        else:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            yield i, ch, depth


def split_alternatives(alternatives: str) -> list[str]:
    """The top-level alternatives of a regex `a|b(?:c|d)|[|]` (groups and classes kept whole)."""
    bars = [i for i, ch, depth in regex_structure(alternatives) if ch == "|" and depth == 0]
    return [alternatives[s + 1:e] for s, e in zip([-1] + bars, bars + [len(alternatives)])]


def by_first_letter(alternatives: str) -> str:
    """`a1|b1|a2` as `(?:a(?:1|2)|b(?:1))`: at a word start the engine tries one branch per first letter,
    not every alternative. Alternatives with different first letters never match at the same place, so
    only the order within a letter matters, and it is kept: every match is the same."""
    by_letter: dict[str, list[str]] = {}
    for alt in split_alternatives(alternatives):
        if not (alt[:1].isalpha() and alt[:1].isascii()):
            raise ValueError(f"alternative {alt!r} does not start with a letter")
        by_letter.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{k}(?:{'|'.join(rest)})" for k, rest in by_letter.items()) + ")"


def boundary_words(alternatives: str) -> str:
    r"""`\b(?:a|b|...)` for alternatives that each start with a letter, written so a search skips fast.

    The regex engine jumps straight to candidate characters only when a pattern opens with literal
    characters; a leading `\b` defeats that.  Here the boundary is tested right after each
    alternative's first letter, `x(?<!\wx)`, which means the same thing, and the order of the
    alternatives is kept, so every match is the same.
    """
    parts = split_alternatives(alternatives)
    out = []
    for alt in parts:
        first = alt[:1]
        if not (first.isalpha() and first.isascii()):
            raise ValueError(f"alternative {alt!r} does not start with a letter")
        out.append(f"{first}(?<!\\w{first}){alt[1:]}")
    return "(?:" + "|".join(out) + ")"


def at_word_start(alternatives: list[str], not_after: str = r"\w", names: list[str] | None = None,
                  look_behind_once: bool = False) -> str:
    r"""`(?<!not_after)(?:alternatives)` for alternatives that open with a letter or digit (a leading
    group spelt out first, see dates._spelt_out), grouped by that first character, which the engine
    tests first; the look-behind comes after it, `x(?<!not_after x)`, as in boundary_words. Alternatives
    with different first characters never match at the same place and the order within one is kept, so
    every match is the same. `names` ends each alternative with an empty named group, which `lastgroup`
    reports: a group around the alternative would hide its literal first character from the engine.

    `look_behind_once`: the look-behind is tested once in front of the branches, after a look-ahead on
    the first characters. For a long list whose first characters are most letters, the default form
    sends the engine into the branches at nearly every character of a word; this one stops at the
    look-behind."""
    by_first: dict[str, list[str]] = {}
    for i, alt in enumerate(alternatives):
        if not (alt[:1].isascii() and alt[:1].isalnum()):
            raise ValueError(f"alternative {alt!r} does not open with a letter or digit")
        rest = alt[1:] if names is None else f"{alt[1:]}(?P<{names[i]}>)"
        by_first.setdefault(alt[0], []).append(rest)
    if look_behind_once:
        return (f"(?=[{''.join(by_first)}])(?<!{not_after})(?:"
                + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items()) + ")")
    return "(?:" + "|".join(
        f"{first}(?<!{not_after}{first})(?:{'|'.join(rests)})" for first, rests in by_first.items()) + ")"


def trie_regex(words, space: str | None = None) -> str:
    r"""A regex alternation of literal words arranged as a trie: the engine follows one branch per
    letter instead of trying every word of a long list at every position (several times faster).
    `space`, if given, is the pattern a space in a word stands for (e.g. r"\s+")."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (space if space is not None and ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


def ascii_forms(folded: str) -> tuple[bytes, bytes]:
    """`folded` as ASCII bytes (one byte a character, "?" for any other) and as word-start bytes (a-z and
    0-9 kept, the rest spaces). Several scanners read the same document in turn: it is encoded once.

    The last two texts are kept: the extractors alternate between a document and its prose view
    (`prose.prose`), which is another string.
    """
    global _LAST_ASCII
    last = _LAST_ASCII  # one read: another thread may replace it meanwhile
    for entry in last:
        if entry[0] is folded:
            return entry[1], entry[2]
    raw = folded.encode("ascii", "replace")
    entry = (folded, raw, raw.translate(_WORD_START_SEPARATORS))
    _LAST_ASCII = (entry, last[0])
    return entry[1], entry[2]


_LAST_ASCII: tuple = ((None, b"", b""), (None, b"", b""))
_WORD_START_SEPARATORS = bytes(b if (0x61 <= b <= 0x7A or 0x30 <= b <= 0x39) else 0x20 for b in range(256))


_SCANNED_WORDS: set[bytes] = set()  # the words `document_words` reports: see watch_words


def watch_words(words) -> None:
    """Have `document_words` report which of `words` (folded ASCII words, as bytes) a text holds."""
    _SCANNED_WORDS.update(words)
_LAST_WORDS: tuple = ((None, 0, b"", frozenset()), (None, 0, b"", frozenset()))


def document_words(folded: str) -> tuple[bytes, frozenset[bytes]]:
    """The word-start bytes of `folded` (`ascii_forms`) with a space after, and the words of the text
    that some `WordSetScan` looks for.

    Dates, title phrases and organisations are looked for in turn in the same document: it is split once.
    The prose view of a document (`prose.prose`) is another string but mostly has the same words (its
    joined line breaks are spaces in the word-start bytes too): equal bytes are not split again.
    """
    global _LAST_WORDS
    last = _LAST_WORDS  # one read: another thread may replace it meanwhile
    scanned = len(_SCANNED_WORDS)
    for entry in last:
        if entry[0] is folded and entry[1] == scanned:
            return entry[2], entry[3]
    data = ascii_forms(folded)[1] + b" "
    present = next((e[3] for e in last if e[1] == scanned and e[2] == data), None)
    if present is None:
        present = frozenset(_SCANNED_WORDS.intersection(data.split()))
    _LAST_WORDS = ((folded, scanned, data, present), last[0])
    return data, present


_DIGIT_START = re.compile(rb" [0-9]")


class WordSetScan:
    """The matches `pattern.finditer(text, lo, hi)` gives, for a pattern that only matches at a word start
    (after no letter or digit) where the first word, its run of a-z and 0-9 in `folded`, is a first word
    of `words`, or, with `digits`, where a digit stands.

    A regex attempt at every word start of the text costs more than one split of the text into words and
    a set intersection: the few words of the set that the text holds are then found each by `bytes.find`,
    and `pattern` is tried there, in order and without overlaps, as finditer does. `text` is `folded` or
    a text that folds to it (same length, so the same offsets).
    """

    def __init__(self, pattern: re.Pattern, words, digits: bool = False):
        self.pattern = pattern
        self.digits = digits
        self.firsts = frozenset(re.split(r"[^a-z0-9]", w)[0].encode("ascii") for w in words)
        if not all(self.firsts):
            raise ValueError("words must be folded ASCII and start with a letter or digit")
        watch_words(self.firsts)

    def starts(self, folded: str, lo: int = 0, hi: int | None = None) -> list[int]:
        """`lo` and the word starts in [lo, hi) where a first word of the set (or a digit) may stand, in order."""
        data, present = document_words(folded)
        end = len(folded) if hi is None else hi
        begin = max(lo - 1, 0)
        starts = [lo]
        if end < len(folded):
            # the word cut by `end`: the pattern sees only its head, which may be another word
            starts.append(data.rfind(b" ", begin, end) + 1)
        # a word may end the text: its closing space is the one `document_words` adds
        find_end = len(data) if end >= len(folded) else end
        for word in self.firsts & present:
            needle = b" " + word + b" "
            at = data.find(needle, begin, find_end)
            while at >= 0:
                starts.append(at + 1)
                at = data.find(needle, at + 1, find_end)
        if self.digits:
            starts += [m.end() - 1 for m in _DIGIT_START.finditer(data, begin, end)]
            raw = ascii_forms(folded)[0]
            at = raw.find(b"?", lo, end)
            while at >= 0:  # a digit outside ASCII ("٣") is a digit to `pattern`
                if folded[at].isdigit():
                    starts.append(at)
                at = raw.find(b"?", at + 1, end)
        starts.sort()
        return starts

    def finditer(self, folded: str, lo: int = 0, hi: int | None = None, text: str | None = None):
        text = folded if text is None else text
        end = len(text) if hi is None else hi
        match = self.pattern.match
        last = lo
        for pos in self.starts(folded, lo, hi):
            if pos < last or pos >= end:
                continue
            m = match(text, pos, end)
            if m:
                yield m
                last = m.end() if m.end() > pos else pos + 1
