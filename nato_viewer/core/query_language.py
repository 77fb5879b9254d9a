"""The query language: what the user typed, read by our own tokenizer and parser into a safe FTS5
expression, and a regex that finds the same words in raw text for highlighting.

Nothing the user types reaches SQLite unquoted: every word becomes a quoted FTS5 string, and the
operators are written back only where they are well formed. What had to be repaired (an unclosed
quotation mark, a lone AND, a "*" inside a word) is said in `ParsedQuery.messages`.

Syntax: words (all must match), "a phrase", AND, OR, NOT, -word, (groups), prefix*. Case and accents
do not matter (FTS5's unicode61 tokenizer with remove_diacritics 2). Cheap French/English word forms:
each word is matched by its stem as a prefix ("drones" -> drone*, "pledging" -> pledg*).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from nato_viewer.core.i18n import _

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 8


@dataclass
class Term:
    text: str  # the words as typed (a phrase, or one word that may hold punctuation: "l'OTAN")
    phrase: bool = False
    prefix: bool = False  # the user wrote "word*"


@dataclass
class Node:
    op: str  # "AND" | "OR"
    children: list


@dataclass
class Negated:
    child: object


@dataclass
class ParsedQuery:
    """What the user's text means: `match` must match (None: every event), `exclude` must not."""

    match: str | None = None
    exclude: str | None = None
    messages: list[str] = field(default_factory=list)
    forms: list = field(default_factory=list)  # what to highlight: (folded words, last is a prefix)

    @property
    def empty(self) -> bool:
        return self.match is None and self.exclude is None


_OPERATORS = ("AND", "OR", "NOT")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"})
_TOKEN = re.compile(r'"|\(|\)|[^\s"()]+')


def fold(text: str) -> str:
    """Lower case without accents, as the FTS5 tokenizer and the person filter see text."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words_of(text: str) -> list[str]:
    """The tokens FTS5's unicode61 tokenizer would read (letters, digits, private-use characters)."""
    out, cur = [], []
    for ch in fold(text):
        if ch.isalnum() or unicodedata.category(ch) == "Co":
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def stem(word: str) -> str:
    """A cheap French/English stem of a folded word: the prefix its inflected forms share.

    "drones" -> "drone", "pledging" -> "pledg", "renforcées" -> "renforc", "ukraine" -> "ukrain".
    Words of four letters or less are kept whole, so short words never turn into broad prefixes.
    """
    if len(word) <= 4 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) - 3 >= 4:
        return w[:-3]
    if w.endswith("aux") and len(w) - 2 >= 4:
        w = w[:-2]
    elif w.endswith(("s", "x")) and not w.endswith("ss"):
        w = w[:-1]
    for suffix, keep in (("ing", 4), ("ees", 4), ("ee", 4), ("ed", 5), ("er", 5), ("e", 5)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            return w[: -len(suffix)]
    return w


def _fts_string(words: list[str]) -> str:
    # The words come from words_of(): no double quote can be inside.
    return '"' + " ".join(words) + '"'


Form = tuple[tuple[str, ...], bool]  # folded words, last one a prefix


def _term_forms(term: Term) -> list[Form]:
    """The word sequences a term matches: each FTS5 string of the term and whether it ends in a prefix."""
    words = tuple(words_of(term.text))
    if not words:
        return []
    if term.phrase:
        return [(words, False)]
    last = words[-1]
    if term.prefix:
        return [(words, len(last) >= 2)]
    if len(last) < 3 or last.isdigit():
        return [(words, False)]
    # Word forms: the stem as a prefix ("drone" finds "drones", "defense" finds "défenses"). A stem
    # under four letters would be a prefix of too many words: then the word and its stem, exactly.
    root = stem(last)
    if len(root) >= 4:
        return [(words[:-1] + (root,), True)]
    forms = [(words, False)]
    if root != last:
        forms.append((words[:-1] + (root,), False))
    return forms


def _term_fts(term: Term) -> str | None:
    forms = _term_forms(term)
    parts = [_fts_string(list(words)) + ("*" if prefix else "") for words, prefix in forms]
    return _join(parts, "OR")


class _Parser:
    """Recursive descent over the tokens with repair: what cannot be read is dropped and reported."""

    def __init__(self, text: str):
        self.messages: list[str] = []
        self.tokens = self._lex(text)
        self.pos = 0
        self.terms = 0
        self.depth = 0

    def _note(self, message: str) -> None:
        if message not in self.messages:
            self.messages.append(message)

    def _lex(self, text: str) -> list[tuple[str, str]]:
        if len(text) > MAX_QUERY_CHARS:
            text = text[:MAX_QUERY_CHARS]
            self._note(_("The query was too long: only its first {n} characters were used.").format(
                n=MAX_QUERY_CHARS))
        text = text.translate(_QUOTES)
        tokens: list[tuple[str, str]] = []
        raw = _TOKEN.findall(text)
        i = 0
        while i < len(raw):
            tok = raw[i]
            if tok == '"':
                j = i + 1
                while j < len(raw) and raw[j] != '"':
                    j += 1
                if j >= len(raw):
                    self._note(_("A quotation mark was not closed: it was closed at the end of the query."))
                # Parentheses inside a phrase are just characters.
                tokens.append(("PHRASE", " ".join(raw[i + 1:j])))
                i = j + 1
                continue
            if tok in ("(", ")") or tok in _OPERATORS:
                tokens.append((tok, tok))
            else:
                tokens.append(("WORD", tok))
            i += 1
        return tokens

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse(self):
        node = self.or_expr()
        while self.pos < len(self.tokens):  # a stray ")" ends or_expr early: skip it and go on
            self.pos += 1
            self._note(_("A closing parenthesis had no opening one: it was ignored."))
            more = self.or_expr()
            node = _and(node, more)
        return node

    def or_expr(self):
        parts = []
        pending_or = False
        while True:
            kind = self.peek()
            if kind is None or kind == ")":
                break
            if kind == "OR":
                self.pos += 1
                if not parts or pending_or:
                    self._note(_("“OR” needs a word on each side: it was ignored."))
                pending_or = True
                continue
            part = self.and_expr()
            if part is None:
                continue
            parts.append(part)
            pending_or = False
        if pending_or and parts:
            self._note(_("“OR” needs a word on each side: it was ignored."))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Node("OR", parts)

    def and_expr(self):
        parts = []
        while True:
            kind = self.peek()
            if kind in (None, ")", "OR"):
                break
            if kind == "AND":
                self.pos += 1
                nxt = self.peek()
                if not parts or nxt in (None, ")", "OR", "AND"):
                    self._note(_("“AND” needs a word on each side: it was ignored."))
                continue
            part = self.unary()
            if part is not None:
                parts.append(part)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Node("AND", parts)

    def unary(self):
        # Iterative so that "NOT NOT NOT ..." cannot exhaust the stack; NOT NOT x is x.
        negations = 0
        while self.peek() == "NOT":
            self.pos += 1
            negations += 1
        if negations and self.peek() in (None, ")", "OR", "AND"):
            self._note(_("“NOT” needs a word after it: it was ignored."))
            return None
        child = self.primary()
        if child is None or negations % 2 == 0:
            return child
        return Negated(child)

    def primary(self):
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "(" and self.depth >= MAX_DEPTH:
            self._note(_("The query is nested too deeply: the innermost parentheses were ignored."))
            return None
        if kind == "(":
            self.depth += 1
            node = self.or_expr()
            self.depth -= 1
            if self.peek() == ")":
                self.pos += 1
            else:
                self._note(_("A parenthesis was not closed: it was closed at the end of the query."))
            return node
        if kind == "PHRASE":
            return self._term(Term(value, phrase=True))
        # WORD: "-word" excludes, "word*" is a prefix; "*" elsewhere is not a wildcard.
        negate = value.startswith("-") and len(value) > 1 and value[1] != "-"
        if negate:
            value = value[1:]
        prefix = value.endswith("*")
        if "*" in value.rstrip("*") or (prefix and not value.rstrip("*")):
            self._note(_("“*” only works at the end of a word (“drone*”): elsewhere it was ignored."))
        value = value.replace("*", " ").strip()
        term = self._term(Term(value, prefix=prefix))
        return Negated(term) if negate and term is not None else term

    def _term(self, term: Term):
        if not words_of(term.text):
            return None
        if self.terms >= MAX_TERMS:
            self._note(_("The query has too many words: only the first {n} were used.").format(n=MAX_TERMS))
            return None
        self.terms += 1
        return term


def _and(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return Node("AND", [a, b])


def parse_query(text: str) -> ParsedQuery:
    """Translate any string into a safe FTS5 expression (see the module docstring)."""
    parser = _Parser(text or "")
    tree = parser.parse()
    out = ParsedQuery(messages=parser.messages)
    if tree is None:
        return out
    positive, negative = _compile(tree, out.messages, out.forms)
    if positive is None and negative is None:
        return out
    out.match = positive
    if positive is None:
        out.exclude = negative
    elif negative is not None:
        out.match = f"({positive} NOT {negative})"
    return out


def _compile(node, messages: list[str], forms: list[Form]) -> tuple[str | None, str | None]:
    """(positive, negative) FTS5 expressions: the node matches `positive NOT negative`.

    A node made only of exclusions has positive None; FTS5 cannot run such a query on its own,
    so its exclusions are carried up to the nearest AND that has something to exclude them from.
    The forms of the terms that must match are added to `forms` (for highlighting).
    """
    if isinstance(node, Term):
        forms.extend(_term_forms(node))
        return _term_fts(node), None
    if isinstance(node, Negated):
        pos, neg = _compile(node.child, messages, [])
        # NOT (a NOT b) is read as NOT a: excluding an exclusion is rarely what was meant.
        return None, pos
    pos_parts: list[str] = []
    neg_parts: list[str] = []
    for child in node.children:
        pos, neg = _compile(child, messages, forms)
        if node.op == "AND":
            if pos:
                pos_parts.append(pos)
            if neg:
                neg_parts.append(neg)
        else:
            if pos is None:
                note = _("An OR branch only excluded words (“NOT …”): it was ignored.")
                if note not in messages:
                    messages.append(note)
                continue
            pos_parts.append(f"({pos} NOT {neg})" if neg else pos)
    positive = _join(pos_parts, node.op)
    negative = _join(neg_parts, "OR")
    return positive, negative


def _join(parts: list[str], op: str) -> str | None:
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return "(" + f" {op} ".join(parts) + ")"


def _lower_variants() -> dict[str, str]:
    """Unaccented letter -> a regex class of it and its lower-case accented forms ("e" -> "[eèéêë...]")."""
    table: dict[str, list[str]] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = fold(ch)
        if ch.islower() and len(base) == 1 and base != ch:
            table.setdefault(base, [base]).append(ch)
    return {k: "[" + "".join(v) + "]" for k, v in table.items()}


_LOWER_VARIANTS = _lower_variants()


def _letters(word: str) -> list[str]:
    return [_LOWER_VARIANTS.get(ch) or re.escape(ch) for ch in word]


def highlight_pattern(parsed: ParsedQuery) -> re.Pattern | None:
    """A regex over lower-cased text finding the words the query matched, with or without accents."""
    alternatives = []
    for words, prefix in parsed.forms:
        first = _letters(words[0])
        # The word-boundary check comes after the first letter, so the engine can scan for that letter.
        body = first[0] + f"(?<![^\\W_]{first[0]})" + "".join(first[1:])
        for word in words[1:]:
            body += r"[\W_]+" + "".join(_letters(word))
        alternatives.append(body + (r"[^\W_]*" if prefix else r"(?![^\W_])"))
    if not alternatives:
        return None
    return re.compile("|".join(sorted(set(alternatives), key=len, reverse=True)))
