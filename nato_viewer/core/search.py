"""Searching the library: the query and result classes, and running a query.

An event matches when its title or summary, one of its quotes, or its document's title or text
matches the words (query_language.py turns any string into a safe FTS5 expression); events whose own
words match rank first. Filters, facets and orderings run on in-memory columns (search_index.py).
A query that needed fixing still gives a result, with `message` saying how it was read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nato_viewer.core.i18n import _
from nato_viewer.core.model import COUNTRY_ROLES, EVENT_KINDS
from nato_viewer.core.query_language import (  # noqa: F401  (fold, stem: part of this module's API)
    MAX_TERMS,
    ParsedQuery,
    fold,
    highlight_pattern,
    parse_query,
    stem,
    words_of,
)
from nato_viewer.core.search_index import EventColumns

ORDERS = ("date", "rank", "kind", "title", "document")
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
PEOPLE_FACET_LIMIT = 100
SNIPPET_LIMIT = 30  # snippets computed with the result (a screenful); more with Library.snippets()
SNIPPET_WIDTH = 160  # characters of context around the first match


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

def run(conn: sqlite3.Connection, query: Query, columns: EventColumns,
        snippet_limit: int = SNIPPET_LIMIT) -> SearchResult:
    """Find the events matching `query`: the words in FTS5, filters, facets and order on `columns`
    (already refreshed for this connection)."""
    started = time.perf_counter()
    parsed = parse_query(query.text)
    messages = list(parsed.messages)
    if parsed.empty and query.text.strip():
        messages.append(_("Nothing to search for: the query has no words."))
        return SearchResult([], 0, Facets(), {}, " ".join(messages), (time.perf_counter() - started) * 1000)
    rank = query.order == "rank" and parsed.match is not None
    try:
        mask, scores = _text_mask(conn, parsed, columns, rank)
    except sqlite3.OperationalError:
        # The translation should make this impossible; if FTS5 still refuses, search the bare words.
        messages.append(_("The query could not be read as written: its words were searched instead."))
        parsed = parse_query(" ".join(words_of(query.text)[:MAX_TERMS]))
        try:
            mask, scores = _text_mask(conn, parsed, columns, rank)
        except sqlite3.OperationalError:
            mask, scores = np.zeros(len(columns), dtype=bool), None
    mask &= _filter_mask(query, columns, messages)
    hits = np.flatnonzero(mask)
    if rank and scores is not None:
        score = scores(hits, query.limit if query.limit and query.limit > 0 and not query.descending else None)
        ordered = hits[np.lexsort((np.where(np.isnan(columns.start[hits]), 0, -columns.start[hits]),
                                   score[hits]))]
        if query.descending:
            ordered = ordered[::-1]
    else:
        order = query.order if query.order in ORDERS and query.order != "rank" else "date"
        ordered = columns.sort(conn, hits, order, query.descending)
    if query.limit and query.limit > 0:
        ordered = ordered[: query.limit]
    event_ids = columns.ids[ordered].tolist()
    facets = compute_facets(columns, hits)
    snippets = snippets_for(conn, parsed, event_ids[:snippet_limit]) if parsed.match else {}
    return SearchResult(
        event_ids=event_ids,
        total=int(len(hits)),
        facets=facets,
        snippets=snippets,
        message=" ".join(messages) or None,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _fts(conn: sqlite3.Connection, table: str, expr: str, score: str | None) -> tuple[np.ndarray, np.ndarray]:
    if score:
        rows = conn.execute(f"SELECT rowid, {score} FROM {table} WHERE {table} MATCH ?", (expr,)).fetchall()
        ids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
        return ids, np.fromiter((r[1] for r in rows), np.float64, len(rows))
    rows = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expr,)).fetchall()
    return np.fromiter((r[0] for r in rows), np.int64, len(rows)), np.empty(0)


def _event_matches(conn: sqlite3.Connection, expr: str, rank: bool) -> tuple[np.ndarray, np.ndarray]:
    """Events whose title or summary match, or one of whose quotes does (sorted ids, best score each)."""
    ids, scores = _fts(conn, "events_fts", expr, "bm25(events_fts, 3.0, 1.0)" if rank else None)
    # bm25() cannot run inside an aggregate: the best score of each event is taken below.
    score = "bm25(quotes_fts)" if rank else "0"
    quoted = conn.execute(
        f"SELECT q.event_id, {score} FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        "WHERE quotes_fts MATCH ? AND q.event_id IS NOT NULL", (expr,)).fetchall()
    if not quoted:
        return ids, scores
    q_ids = np.fromiter((r[0] for r in quoted), np.int64, len(quoted))
    all_ids = np.concatenate([ids, q_ids])
    if not rank:
        return np.unique(all_ids), np.empty(0)
    all_scores = np.concatenate([scores, np.fromiter((r[1] for r in quoted), np.float64, len(quoted))])
    order = np.lexsort((all_scores, all_ids))  # by id, best score first
    all_ids, all_scores = all_ids[order], all_scores[order]
    first = np.ones(len(all_ids), dtype=bool)
    first[1:] = all_ids[1:] != all_ids[:-1]
    return all_ids[first], all_scores[first]


def _text_mask(conn: sqlite3.Connection, parsed: ParsedQuery, columns: EventColumns,
               rank: bool) -> tuple[np.ndarray, Callable[[np.ndarray, int | None], np.ndarray] | None]:
    """Events matched by the words (all events when there are none) and, with rank=True, a function
    giving a score per event (lower is better): events whose own words match come first, by their own
    bm25, then the other events of the documents that match, by the document's."""
    n = len(columns)
    expr = parsed.match if parsed.match is not None else parsed.exclude
    if expr is None:
        return np.ones(n, dtype=bool), None
    doc_ids, _none = _fts(conn, "documents_fts", expr, None)
    event_ids, _none = _event_matches(conn, expr, False)
    positions, owner = columns.positions_of_documents(doc_ids)
    mask = np.zeros(n, dtype=bool)
    mask[positions] = True
    own = columns.indexes_of(event_ids)
    mask[own] = True
    if parsed.match is None:  # only exclusions: every event but those
        return ~mask, None
    if not rank:
        return mask, None

    def scores(hits: np.ndarray, limit: int | None) -> np.ndarray:
        out = np.zeros(n)
        own_hits = np.count_nonzero(np.isin(own, hits, assume_unique=True))
        # bm25 over thousands of documents is the slow part: skip it when the events that match on
        # their own words already fill the page asked for.
        if limit is None or own_hits < limit:
            ranked_docs, doc_scores = _fts(conn, "documents_fts", expr, "bm25(documents_fts, 4.0, 1.0)")
            if len(ranked_docs) == len(doc_ids):
                out[positions] = doc_scores[owner]
        ranked_events, event_scores = _event_matches(conn, expr, True)
        known = np.isin(ranked_events, columns.ids)
        idx = columns.indexes_of(ranked_events)
        out[idx] = event_scores[known] - 1000 + 0.25 * out[idx]
        return out

    return mask, scores


def _filter_mask(query: Query, columns: EventColumns, messages: list[str]) -> np.ndarray:
    mask = np.ones(len(columns), dtype=bool)
    if query.kind:
        if query.kind in EVENT_KINDS:
            code = columns.kinds.get(query.kind)
            mask &= columns.kind == (-1 if code is None else code)
        else:
            messages.append(_("Unknown event kind “{kind}”: it was ignored.").format(kind=query.kind))
    if query.lang:
        code = columns.langs.get(query.lang.lower()[:2])
        mask &= columns.lang == (-1 if code is None else code)
    for value, is_from in ((query.date_from, True), (query.date_to, False)):
        if not value:
            continue
        bounds = iso_bounds(value)
        if bounds is None:
            messages.append(_("“{date}” is not a date (use 2024, 2024-02 or 2024-02-15): it was ignored.")
                            .format(date=value))
            continue
        # An event is in the range when the period it covers overlaps it (undated events never are).
        if is_from:
            mask &= columns.end > timestamp(bounds[0])
        else:
            mask &= columns.start < timestamp(bounds[1])
    role = query.role if query.role in COUNTRY_ROLES else None
    if query.role and role is None:
        messages.append(_("Unknown country role “{role}”: it was ignored.").format(role=query.role))
    if query.country or role:
        mask &= columns.with_country(query.country.strip().upper() if query.country else None, role)
    if query.person and query.person.strip():
        mask &= columns.with_person(" ".join(fold(query.person).split()))
    return mask


def compute_facets(columns: EventColumns, hits: np.ndarray) -> Facets:
    """Counts by country and role, person, kind, year and language over the events at positions `hits`."""
    if not len(hits):
        return Facets()
    selected = np.zeros(len(columns), dtype=bool)
    selected[hits] = True

    kinds = np.bincount(columns.kind[hits], minlength=len(columns.kinds.values))
    langs = np.bincount(columns.lang[hits], minlength=len(columns.langs.values))
    years, year_counts = np.unique(columns.year[hits], return_counts=True)

    in_hits = selected[columns.ec_event]
    n_roles = max(len(columns.roles.values), 1)
    pair = columns.ec_code[in_hits].astype(np.int64) * n_roles + columns.ec_role[in_hits]
    pairs, pair_counts = np.unique(pair, return_counts=True)
    by_count = np.lexsort((pairs, -pair_counts))
    countries = [FacetCount(columns.codes.values[int(pairs[i]) // n_roles], int(pair_counts[i]),
                            columns.roles.values[int(pairs[i]) % n_roles]) for i in by_count]

    names = np.bincount(columns.ep_name[selected[columns.ep_event]], minlength=len(columns.names.values))
    top = np.flatnonzero(names)
    top = top[np.lexsort((top, -names[top]))][:PEOPLE_FACET_LIMIT]
    people = sorted((FacetCount(columns.names.values[i], int(names[i])) for i in top),
                    key=lambda f: (-f.count, f.key))

    return Facets(
        countries=countries,
        people=people,
        kinds=[FacetCount(columns.kinds.values[i], int(c)) for i, c in enumerate(kinds) if c],
        years=sorted((FacetCount("" if y < 0 else str(int(y)), int(c)) for y, c in zip(years, year_counts)),
                     key=lambda f: f.key or "9999"),
        languages=sorted((FacetCount(columns.langs.values[i], int(c)) for i, c in enumerate(langs) if c),
                         key=lambda f: (-f.count, f.key)),
    )


def make_snippet(text: str, pattern: re.Pattern, width: int = SNIPPET_WIDTH) -> str | None:
    """The first match of `pattern` in `text` with some context, every match in it between
    HIGHLIGHT_START and HIGHLIGHT_END; None when nothing matches."""
    # Lower-case and scan a piece at a time: the first match is usually early in a long document.
    step = 8192
    for offset in range(0, len(text), step):
        lo = max(0, offset - width)
        piece = _lower(text[lo:offset + step + width])
        m = pattern.search(piece, offset - lo)
        if m is not None and m.start() + lo < offset + step:
            return _window(text[lo:offset + step + width], piece, m, pattern, width, lo > 0,
                           offset + step + width < len(text))
    return None


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ"): one by one
        lowered = "".join(c.lower()[:1] or c for c in text)
    return lowered


def _window(text: str, folded: str, m: re.Match, pattern: re.Pattern, width: int,
            more_before: bool, more_after: bool) -> str:
    start = max(0, m.start() - width // 3)
    end = min(len(text), max(start + width, m.end()))
    if start > 0:  # cut at a word boundary
        space = text.find(" ", start, m.start())
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", m.end(), end)
        end = space if space > 0 else end
    out, pos = [], start
    for hit in pattern.finditer(folded, start, end):
        out += [text[pos:hit.start()], HIGHLIGHT_START, text[hit.start():hit.end()], HIGHLIGHT_END]
        pos = hit.end()
    out.append(text[pos:end])
    snippet = " ".join("".join(out).split())
    before = "…" if start > 0 or more_before else ""
    after = "…" if end < len(text) or more_after else ""
    return before + snippet + after


def snippets_for(conn: sqlite3.Connection, parsed: ParsedQuery, event_ids: list[int]) -> dict[int, str]:
    """Event id -> the matching words in context, wrapped in HIGHLIGHT_START/END: from the event's
    summary, quotes or title when they match, else from its document's text."""
    pattern = highlight_pattern(parsed)
    out: dict[int, str] = {}
    if pattern is None or not event_ids:
        return out
    need_doc: dict[int, list[int]] = {}
    for chunk in _chunks(event_ids, 500):
        marks = ",".join("?" * len(chunk))
        quotes: dict[int, list[str]] = {}
        for event_id, text in conn.execute(
                f"SELECT event_id, text FROM quotes WHERE event_id IN ({marks}) ORDER BY id", chunk):
            quotes.setdefault(event_id, []).append(text)
        for event_id, doc_id, summary, title in conn.execute(
                f"SELECT id, document_id, summary, title FROM events WHERE id IN ({marks})", chunk):
            for text in (summary, *quotes.get(event_id, []), title):
                snippet = make_snippet(text, pattern) if text else None
                if snippet:
                    out[event_id] = snippet
                    break
            else:
                need_doc.setdefault(doc_id, []).append(event_id)
    doc_ids = list(need_doc)
    for chunk in _chunks(doc_ids, 500):
        marks = ",".join("?" * len(chunk))
        for doc_id, text in conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk):
            snippet = make_snippet(text, pattern)
            if snippet:
                for event_id in need_doc[doc_id]:
                    out[event_id] = snippet
    return out


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
