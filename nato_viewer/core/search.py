"""Searching the library: the query and result classes, the safe translation of what the user typed
into an FTS5 expression, and the SQL that finds matching events and counts the facets.

Nothing the user types reaches SQLite unquoted: the query is read by our own small tokenizer and
parser, every word becomes a quoted FTS5 string, and the operators are written back only where
they are well formed. A query that needed fixing still gives a result, with `message` saying how it
was read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from nato_viewer.core.i18n import _
from nato_viewer.core.model import COUNTRY_ROLES, EVENT_KINDS

ORDERS = ("date", "rank", "kind", "title", "document")
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 8
PEOPLE_FACET_LIMIT = 100
SNIPPET_LIMIT = 100  # snippets computed with the result; more with Library.snippets()


@dataclass
class Query:
    text: str = ""
    country: str | None = None
    role: str | None = None
    person: str | None = None
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lang: str | None = None
    order: str = "date"
    descending: bool = False
    limit: int | None = None


@dataclass
class FacetCount:
    key: str
    count: int
    role: str | None = None


@dataclass
class Facets:
    countries: list[FacetCount] = field(default_factory=list)
    people: list[FacetCount] = field(default_factory=list)
    kinds: list[FacetCount] = field(default_factory=list)
    years: list[FacetCount] = field(default_factory=list)
    languages: list[FacetCount] = field(default_factory=list)


@dataclass
class SearchResult:
    event_ids: list[int]
    total: int
    facets: Facets
    snippets: dict[int, str]
    message: str | None = None
    elapsed_ms: float = 0.0


@dataclass
class EventRow:
    """One row of the event list or timeline: everything the list shows, without loading the document."""

    id: int
    doc_id: int
    doc_path: str
    doc_name: str
    doc_title: str
    doc_date: str | None
    language: str
    kind: str
    start: str | None
    end: str | None
    precision: str
    title: str
    summary: str
    main: bool
    date_text: str | None
    span: tuple[int, int]
    countries: list[str]
    pledging: list[str]
    n_quotes: int
    n_figures: int
    start_ts: float  # POSIX seconds UTC; NaN when neither the event nor its document has a date
    end_ts: float


@dataclass
class TimelineArrays:
    """One row per event, sorted by start (events without a date last, with NaN times)."""

    ids: np.ndarray  # int64 event ids
    start: np.ndarray  # float64 POSIX seconds
    end: np.ndarray  # float64, exclusive end of the covered period
    lane: np.ndarray  # int8 index in EVENT_KINDS
    precision: np.ndarray  # int8 index in PRECISIONS

    def __len__(self) -> int:
        return len(self.ids)


# --------------------------------------------------------------------------- the query language

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


def _words(text: str) -> list[str]:
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
    # The words come from _words(): no double quote can be inside.
    return '"' + " ".join(words) + '"'


def _term_fts(term: Term) -> str | None:
    words = _words(term.text)
    if not words:
        return None
    if term.phrase:
        return _fts_string(words)
    last = words[-1]
    if term.prefix:
        return _fts_string(words) + ("*" if len(last) >= 2 else "")
    # Word forms: match the stem as a prefix ("drone" finds "drones", "defense" finds "défenses").
    if len(last) >= 3 and not last.isdigit():
        return _fts_string(words[:-1] + [stem(last)]) + "*"
    return _fts_string(words)


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
        if not _words(term.text):
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
    positive, negative = _compile(tree, out.messages, depth=0)
    if positive is None and negative is None:
        return out
    out.match = positive
    if positive is None:
        out.exclude = negative
    elif negative is not None:
        out.match = f"({positive} NOT {negative})"
    return out


def _compile(node, messages: list[str], depth: int) -> tuple[str | None, str | None]:
    """(positive, negative) FTS5 expressions: the node matches `positive NOT negative`.

    A node made only of exclusions has positive None; FTS5 cannot run such a query on its own,
    so its exclusions are carried up to the nearest AND that has something to exclude them from.
    """
    if isinstance(node, Term):
        return _term_fts(node), None
    if isinstance(node, Negated):
        pos, neg = _compile(node.child, messages, depth + 1)
        # NOT (a NOT b) is read as NOT a: excluding an exclusion is rarely what was meant.
        return None, pos
    pos_parts: list[str] = []
    neg_parts: list[str] = []
    for child in node.children:
        pos, neg = _compile(child, messages, depth + 1)
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


# --------------------------------------------------------------------------- dates

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def iso_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """[first day, day after the last day) of "2024", "2024-02" or "2024-02-15"; None if not a date."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            first = dt.date(year, int(m.group(2)), int(m.group(3)))
            return first, first + dt.timedelta(days=1)
        if m.group(2):
            first = dt.date(year, int(m.group(2)), 1)
            return first, _add_months(first, 1)
        first = dt.date(year, 1, 1)
        return first, _add_years(first, 1)
    except (ValueError, OverflowError):
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def timestamp(day: dt.date) -> float:
    return float(calendar.timegm(day.timetuple()))


# --------------------------------------------------------------------------- running a search

_TEMP_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS search_docs (id INTEGER PRIMARY KEY, score REAL)",
    "CREATE TEMP TABLE IF NOT EXISTS search_events (id INTEGER PRIMARY KEY, score REAL)",
    "CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY, score REAL)",
)

_ORDER_SQL = {
    "date": "e.start_ts IS NULL, e.start_ts {dir}, e.id {dir}",
    "rank": "h.score {dir}, e.start_ts DESC, e.id",
    "kind": "e.kind {dir}, e.start_ts, e.id",
    "title": "e.title COLLATE NOCASE {dir}, e.start_ts, e.id",
    "document": "e.document_id {dir}, e.seq",
}


def order_sql(order: str, descending: bool) -> str:
    return _ORDER_SQL.get(order, _ORDER_SQL["date"]).format(dir="DESC" if descending else "ASC")


def _filters(query: Query, messages: list[str]) -> tuple[list[str], list]:
    """SQL conditions on `events e` for the query's filters, and their parameters."""
    where: list[str] = []
    params: list = []
    if query.kind:
        if query.kind in EVENT_KINDS:
            where.append("e.kind = ?")
            params.append(query.kind)
        else:
            messages.append(_("Unknown event kind “{kind}”: it was ignored.").format(kind=query.kind))
    if query.lang:
        where.append("e.language = ?")
        params.append(query.lang.lower()[:2])
    for value, is_from in ((query.date_from, True), (query.date_to, False)):
        if not value:
            continue
        bounds = iso_bounds(value)
        if bounds is None:
            messages.append(_("“{date}” is not a date (use 2024, 2024-02 or 2024-02-15): it was ignored.")
                            .format(date=value))
            continue
        # An event is in the range when the period it covers overlaps it.
        if is_from:
            where.append("e.end_ts > ?")
            params.append(timestamp(bounds[0]))
        else:
            where.append("e.start_ts < ?")
            params.append(timestamp(bounds[1]))
    role = query.role if query.role in COUNTRY_ROLES else None
    if query.role and role is None:
        messages.append(_("Unknown country role “{role}”: it was ignored.").format(role=query.role))
    if query.country or role:
        cond, cparams = [], []
        if query.country:
            cond.append("code = ?")
            cparams.append(query.country.strip().upper())
        if role:
            cond.append("role = ?")
            cparams.append(role)
        where.append(f"e.id IN (SELECT event_id FROM event_countries WHERE {' AND '.join(cond)})")
        params.extend(cparams)
    if query.person and query.person.strip():
        pattern = "%" + _like_escape(" ".join(fold(query.person).split())) + "%"
        where.append("e.id IN (SELECT event_id FROM event_people WHERE norm LIKE ? ESCAPE '\\')")
        params.append(pattern)
    return where, params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def run(conn: sqlite3.Connection, query: Query, snippet_limit: int = SNIPPET_LIMIT) -> SearchResult:
    """Find the events matching `query` on an open library connection, with facets and snippets."""
    started = time.perf_counter()
    parsed = parse_query(query.text)
    messages = list(parsed.messages)
    where, params = _filters(query, messages)
    for statement in _TEMP_TABLES:
        conn.execute(statement)
    conn.execute("DELETE FROM temp.search_hits")
    rank = query.order == "rank"
    if parsed.empty and query.text.strip():
        messages.append(_("Nothing to search for: the query has no words."))
        return SearchResult([], 0, Facets(), {}, " ".join(messages),
                            (time.perf_counter() - started) * 1000)
    try:
        _collect(conn, parsed, where, params, rank)
    except sqlite3.OperationalError:
        # The translation should make this impossible; if FTS5 still refuses, search the bare words.
        messages.append(_("The query could not be read as written: its words were searched instead."))
        words = " ".join(_words(query.text)[:MAX_TERMS])
        parsed = parse_query(words)
        conn.execute("DELETE FROM temp.search_hits")
        try:
            _collect(conn, parsed, where, params, rank)
        except sqlite3.OperationalError:
            conn.execute("DELETE FROM temp.search_hits")
    total = conn.execute("SELECT count(*) FROM temp.search_hits").fetchone()[0]
    limit = query.limit if query.limit and query.limit > 0 else -1
    order = query.order if query.order in ORDERS else "date"
    event_ids = [r[0] for r in conn.execute(
        f"SELECT h.id FROM temp.search_hits h JOIN events e ON e.id = h.id "
        f"ORDER BY {order_sql(order, query.descending)} LIMIT ?", (limit,))]
    facets = compute_facets(conn)
    snippets = (snippets_for(conn, parsed, event_ids[:snippet_limit]) if parsed.match else {})
    return SearchResult(
        event_ids=event_ids,
        total=total,
        facets=facets,
        snippets=snippets,
        message=" ".join(messages) or None,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _collect(conn: sqlite3.Connection, parsed: ParsedQuery, where: list[str], params: list, rank: bool) -> None:
    """Fill temp.search_hits with (event id, score): lower scores rank higher."""
    cond = (" AND " + " AND ".join(where)) if where else ""
    if parsed.match is None:
        conn.execute(f"INSERT INTO temp.search_hits SELECT e.id, 0 FROM events e WHERE 1{cond}", params)
        if parsed.exclude is not None:
            _match_into(conn, parsed.exclude, rank=False)
            conn.execute("DELETE FROM temp.search_hits WHERE id IN (SELECT id FROM temp.search_events) "
                         "OR id IN (SELECT e.id FROM temp.search_docs d JOIN events e ON e.document_id = d.id)")
        return
    _match_into(conn, parsed.match, rank)
    # Events whose own words match come first; then the other events of documents that match.
    conn.execute(
        "INSERT OR IGNORE INTO temp.search_hits "
        "SELECT e.id, m.score - 1000 + coalesce(d.score, 0) * 0.25 FROM temp.search_events m "
        f"JOIN events e ON e.id = m.id LEFT JOIN temp.search_docs d ON d.id = e.document_id WHERE 1{cond}",
        params)
    conn.execute(
        "INSERT OR IGNORE INTO temp.search_hits "
        f"SELECT e.id, d.score FROM temp.search_docs d JOIN events e ON e.document_id = d.id WHERE 1{cond}",
        params)


def _match_into(conn: sqlite3.Connection, expr: str, rank: bool) -> None:
    conn.execute("DELETE FROM temp.search_docs")
    conn.execute("DELETE FROM temp.search_events")
    doc_score = "bm25(documents_fts, 4.0, 1.0)" if rank else "0"
    event_score = "bm25(events_fts, 3.0, 1.0, 1.0)" if rank else "0"
    conn.execute(f"INSERT INTO temp.search_docs SELECT rowid, {doc_score} FROM documents_fts "
                 "WHERE documents_fts MATCH ?", (expr,))
    conn.execute(f"INSERT INTO temp.search_events SELECT rowid, {event_score} FROM events_fts "
                 "WHERE events_fts MATCH ?", (expr,))


def compute_facets(conn: sqlite3.Connection) -> Facets:
    """Counts over the events in temp.search_hits."""
    kinds: dict[str, int] = {}
    years: dict[str, int] = {}
    languages: dict[str, int] = {}
    for kind, year, lang, count in conn.execute(
            "SELECT e.kind, e.year, e.language, count(*) FROM temp.search_hits h JOIN events e ON e.id = h.id "
            "GROUP BY 1, 2, 3"):
        kinds[kind] = kinds.get(kind, 0) + count
        key = str(year) if year is not None else ""
        years[key] = years.get(key, 0) + count
        languages[lang] = languages.get(lang, 0) + count
    countries = [FacetCount(code, n, role) for code, role, n in conn.execute(
        "SELECT c.code, c.role, count(*) FROM temp.search_hits h JOIN event_countries c ON c.event_id = h.id "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2")]
    people = [FacetCount(name, n) for name, n in conn.execute(
        "SELECT p.name, count(*) FROM temp.search_hits h JOIN event_people p ON p.event_id = h.id "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", (PEOPLE_FACET_LIMIT,))]
    return Facets(
        countries=countries,
        people=people,
        kinds=_counts(kinds, order=lambda k: EVENT_KINDS.index(k) if k in EVENT_KINDS else len(EVENT_KINDS)),
        years=_counts(years, order=lambda k: k or "9999"),
        languages=_counts(languages),
    )


def _counts(counts: dict[str, int], order=None) -> list[FacetCount]:
    keys = sorted(counts, key=order or (lambda k: (-counts[k], k)))
    return [FacetCount(k, counts[k]) for k in keys]


def snippets_for(conn: sqlite3.Connection, parsed: ParsedQuery, event_ids: list[int]) -> dict[int, str]:
    """Event id -> the matching words in context, wrapped in HIGHLIGHT_START/END."""
    out: dict[int, str] = {}
    if not parsed.match or not event_ids:
        return out
    by_doc: dict[int, str | None] = {}
    try:
        for event_id in event_ids:
            row = conn.execute(
                f"SELECT snippet(events_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 24) "
                "FROM events_fts WHERE events_fts MATCH ? AND rowid = ?", (parsed.match, event_id)).fetchone()
            if row and row[0]:
                out[event_id] = row[0]
                continue
            doc = conn.execute("SELECT document_id FROM events WHERE id = ?", (event_id,)).fetchone()
            if doc is None:
                continue
            if doc[0] not in by_doc:
                row = conn.execute(
                    f"SELECT snippet(documents_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 24) "
                    "FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?",
                    (parsed.match, doc[0])).fetchone()
                by_doc[doc[0]] = " ".join(row[0].split()) if row and row[0] else None
            if by_doc[doc[0]]:
                out[event_id] = by_doc[doc[0]]
    except sqlite3.OperationalError:
        pass  # snippets are a nicety: a query FTS5 refuses still gets its results
    return out
