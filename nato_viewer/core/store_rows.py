"""Documents to table rows and back: what the library writes for one parsed Document, in one transaction,
and how it rebuilds the Document from the rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import time

from nato_viewer.core.model import (
    Country,
    CountryMention,
    DateExpr,
    Document,
    Event,
    Figure,
    Mention,
    Organisation,
    Person,
    Quote,
)
from nato_viewer.core.search import fold, iso_bounds, timestamp


def event_period(start: str | None, end: str | None, precision: str,
                 doc_date: str | None) -> tuple[float | None, float | None]:
    """[start, end) in POSIX seconds of the period an event covers, from its dates and precision.

    A year covers the whole year, a month the whole month, "year_end" the last quarter, "before" the
    year up to its anchor (the document date), "ongoing" the anchor day, a range start..end inclusive.
    An event without a date takes its document's day; (None, None) when there is neither.
    """
    own = iso_bounds(start)
    anchor = iso_bounds(doc_date)
    if precision == "before":
        ref = own or anchor
        if ref is None:
            return None, None
        last = ref[0]
        return timestamp(_years_before(last)), timestamp(last + dt.timedelta(days=1))
    bounds = own or anchor
    if bounds is None:
        return None, None
    first, after = bounds
    if precision == "year_end":
        first = max(first, dt.date(first.year, 10, 1))
        after = max(after, dt.date(first.year + 1, 1, 1)) if first.year < 9999 else after
    until = iso_bounds(end)
    if until is not None and until[1] > after:
        after = until[1]
    return timestamp(first), timestamp(after)


def _years_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28) if day.year > 1 else day


def _utc_year(ts: float | None) -> int | None:
    if ts is None:
        return None
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=ts)).year


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _span(span) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def write_document(conn: sqlite3.Connection, doc: Document) -> int:
    """Insert one document and everything read from it, replacing any document with the same path.

    Runs inside the caller's transaction.
    """
    path = os.path.abspath(doc.path) if doc.path and not doc.path.startswith("<") else doc.path
    conn.execute("DELETE FROM documents WHERE path = ?", (path,))
    conn.execute("DELETE FROM errors WHERE path = ?", (path,))
    doc_bounds = iso_bounds(doc.date)
    cur = conn.execute(
        "INSERT INTO documents (path, name, size, mtime, sha256, language, date, year, date_source, "
        "date_span_start, date_span_end, title, title_span_start, title_span_end, body_start, "
        "organisations, dates, warnings, indexed_at, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (path, doc.name, doc.size, doc.mtime, doc.sha256, doc.language, doc.date,
         doc_bounds[0].year if doc_bounds else None, doc.date_source, *_span(doc.date_span),
         doc.title or "", *_span(doc.title_span), doc.body_start,
         _dumps([dataclasses.asdict(o) for o in doc.organisations]),
         _dumps([dataclasses.asdict(d) for d in doc.dates]),
         _dumps(list(doc.warnings)), time.time(), doc.text))
    doc_id = cur.lastrowid
    quotes_of: dict[str, list[Quote]] = {}
    for q in doc.quotes:
        if q.event_id:
            quotes_of.setdefault(q.event_id, []).append(q)
    figures_of: dict[str, int] = {}
    for f in doc.figures:
        if f.event_id:
            figures_of[f.event_id] = figures_of.get(f.event_id, 0) + 1
    event_ids: dict[str, int] = {}
    for seq, e in enumerate(doc.events):
        start_ts, end_ts = event_period(e.start, e.end, e.precision, doc.date)
        year = _utc_year(start_ts) if start_ts is not None else (doc_bounds[0].year if doc_bounds else None)
        quotes = quotes_of.get(e.id, [])
        cur = conn.execute(
            "INSERT INTO events (document_id, local_id, seq, kind, start_date, end_date, precision, start_ts, "
            "end_ts, year, language, title, summary, span_start, span_end, main, date_text, "
            "date_span_start, date_span_end, anchor, n_quotes, n_figures, quote_ids, figure_ids, country_codes, "
            "people) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, e.id, seq, e.kind, e.start, e.end, e.precision, start_ts, end_ts, year, doc.language,
             e.title or "", e.summary or "", e.span[0], e.span[1],
             int(bool(e.main)), e.date_text, *_span(e.date_span), e.anchor,
             max(len(e.quote_ids), len(quotes)), max(len(e.figure_ids), figures_of.get(e.id, 0)),
             _dumps(list(e.quote_ids)), _dumps(list(e.figure_ids)), _dumps(list(e.country_codes)),
             _dumps(list(e.people))))
        event_ids[e.id] = cur.lastrowid
    conn.executemany(
        "INSERT INTO quotes (document_id, event_id, local_id, event_local_id, text, span_start, span_end, "
        "speaker, speaker_role, speaker_span_start, speaker_span_end, verb) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, event_ids.get(q.event_id or ""), q.id, q.event_id, q.text, q.span[0], q.span[1], q.speaker,
          q.speaker_role, *_span(q.speaker_span), q.verb) for q in doc.quotes])
    conn.executemany(
        "INSERT INTO figures (document_id, event_id, local_id, event_local_id, kind, value, text, span_start, "
        "span_end, unit, counted, qualifier) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, event_ids.get(f.event_id or ""), f.id, f.event_id, f.kind, float(f.value), f.text, f.span[0],
          f.span[1], f.unit, f.counted, f.qualifier) for f in doc.figures])
    for c in doc.countries:
        cur = conn.execute(
            "INSERT INTO countries (document_id, code, roles, pledged, event_ids) VALUES (?,?,?,?,?)",
            (doc_id, c.code, _dumps(list(c.roles)), _dumps(list(c.pledged)), _dumps(list(c.event_ids))))
        conn.executemany(
            "INSERT INTO country_mentions (document_id, country_id, code, text, span_start, span_end, role, "
            "event_local_id) VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, cur.lastrowid, m.code or c.code, m.text, m.span[0], m.span[1], m.role, m.event_id)
             for m in c.mentions])
    for p in doc.people:
        cur = conn.execute(
            "INSERT INTO people (document_id, name, norm, role, organisation, country) VALUES (?,?,?,?,?,?)",
            (doc_id, p.name, _norm(p.name), p.role, p.organisation, p.country))
        conn.executemany(
            "INSERT INTO person_mentions (person_id, document_id, text, span_start, span_end) VALUES (?,?,?,?,?)",
            [(cur.lastrowid, doc_id, m.text, m.span[0], m.span[1]) for m in p.mentions])
    conn.executemany("INSERT OR IGNORE INTO event_countries (event_id, code, role) VALUES (?,?,?)",
                     _event_countries(doc, event_ids))
    conn.executemany("INSERT OR IGNORE INTO event_people (event_id, name, norm) VALUES (?,?,?)",
                     _event_people(doc, event_ids))
    return doc_id


def _norm(name: str) -> str:
    return " ".join(fold(name).split())


def _event_countries(doc: Document, event_ids: dict[str, int]) -> list[tuple[int, str, str]]:
    """(event db id, code, role): roles read at the event's own mentions, else the document's roles."""
    at_event: dict[tuple[str, str], set[str]] = {}
    doc_roles: dict[str, list[str]] = {}
    linked: dict[str, list[str]] = {}
    for c in doc.countries:
        doc_roles[c.code] = list(c.roles)
        for m in c.mentions:
            if m.event_id:
                at_event.setdefault((m.event_id, m.code or c.code), set()).add(m.role)
        for eid in c.event_ids:
            linked.setdefault(eid, []).append(c.code)
    rows = []
    for e in doc.events:
        db_id = event_ids[e.id]
        codes = list(e.country_codes) + linked.get(e.id, []) + [code for (eid, code) in at_event if eid == e.id]
        for code in dict.fromkeys(codes):
            roles = at_event.get((e.id, code)) or doc_roles.get(code) or ["mentioned"]
            rows.extend((db_id, code, role) for role in sorted(roles))
    return rows


def _event_people(doc: Document, event_ids: dict[str, int]) -> list[tuple[int, str, str]]:
    """(event db id, name, folded name): the people an event names and the speakers quoted in it,
    under the fullest name the document gives them."""
    full = {_norm(p.name): p.name for p in doc.people}

    def fullest(name: str) -> str | None:
        key = _norm(name)
        if key in full:
            return full[key]
        for k, v in full.items():
            if key and (k.endswith(" " + key) or k.startswith(key + " ")):
                return v
        return None

    speakers: dict[str, list[str]] = {}
    for q in doc.quotes:
        if q.event_id and q.speaker:
            speakers.setdefault(q.event_id, []).append(q.speaker)
    rows = []
    for e in doc.events:
        db_id = event_ids[e.id]
        names = [fullest(n) or n for n in e.people]
        # A quoted speaker counts only when the document names them as a person (not "the ministry").
        names += [n for n in (fullest(s) for s in speakers.get(e.id, [])) if n]
        for name in dict.fromkeys(n for n in names if n and n.strip()):
            rows.append((db_id, name, _norm(name)))
    return rows


def read_document(conn: sqlite3.Connection, doc_id: int) -> Document:
    row = conn.execute(
        "SELECT path, text, language, date, date_source, date_span_start, date_span_end, title, "
        "title_span_start, title_span_end, body_start, organisations, dates, warnings, sha256, size, mtime "
        "FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise KeyError(doc_id)
    doc = Document(
        path=row[0], text=row[1], language=row[2], date=row[3], date_source=row[4],
        date_span=_pair(row[5], row[6]), title=row[7], title_span=_pair(row[8], row[9]), body_start=row[10],
        organisations=[Organisation(o["name"], [Mention(m["text"], tuple(m["span"])) for m in o["mentions"]])
                       for o in json.loads(row[11])],
        dates=[DateExpr(**{**d, "span": tuple(d["span"])}) for d in json.loads(row[12])],
        warnings=json.loads(row[13]), sha256=row[14], size=row[15], mtime=row[16],
    )
    for r in conn.execute(
            "SELECT id, local_id, kind, start_date, end_date, precision, title, summary, span_start, span_end, "
            "main, date_text, date_span_start, date_span_end, anchor, quote_ids, figure_ids, country_codes, people "
            "FROM events WHERE document_id = ? ORDER BY seq", (doc_id,)):
        event = Event(
            id=r[1], kind=r[2], start=r[3], end=r[4], precision=r[5], title=r[6], summary=r[7],
            span=(r[8], r[9]), main=bool(r[10]), date_text=r[11], date_span=_pair(r[12], r[13]), anchor=r[14],
            quote_ids=json.loads(r[15]), figure_ids=json.loads(r[16]), country_codes=json.loads(r[17]),
            people=json.loads(r[18]))
        event.db_id = r[0]  # type: ignore[attr-defined]  # lets the app map a parser id to the database id
        doc.events.append(event)
    doc.quotes = [
        Quote(id=r[0], text=r[1], span=(r[2], r[3]), speaker=r[4], speaker_role=r[5], speaker_span=_pair(r[6], r[7]),
              verb=r[8], event_id=r[9])
        for r in conn.execute(
            "SELECT local_id, text, span_start, span_end, speaker, speaker_role, speaker_span_start, "
            "speaker_span_end, verb, event_local_id FROM quotes WHERE document_id = ? ORDER BY id", (doc_id,))]
    doc.figures = [
        Figure(id=r[0], kind=r[1], value=r[2], text=r[3], span=(r[4], r[5]), unit=r[6], counted=r[7],
               qualifier=r[8], event_id=r[9])
        for r in conn.execute(
            "SELECT local_id, kind, value, text, span_start, span_end, unit, counted, qualifier, event_local_id "
            "FROM figures WHERE document_id = ? ORDER BY id", (doc_id,))]
    mentions: dict[int, list[CountryMention]] = {}
    for r in conn.execute(
            "SELECT country_id, code, text, span_start, span_end, role, event_local_id FROM country_mentions "
            "WHERE document_id = ? ORDER BY id", (doc_id,)):
        mentions.setdefault(r[0], []).append(CountryMention(r[1], r[2], (r[3], r[4]), r[5], r[6]))
    doc.countries = [
        Country(code=r[1], roles=json.loads(r[2]), mentions=mentions.get(r[0], []), pledged=json.loads(r[3]),
                event_ids=json.loads(r[4]))
        for r in conn.execute(
            "SELECT id, code, roles, pledged, event_ids FROM countries WHERE document_id = ? ORDER BY id", (doc_id,))]
    person_mentions: dict[int, list[Mention]] = {}
    for r in conn.execute("SELECT person_id, text, span_start, span_end FROM person_mentions "
                          "WHERE document_id = ? ORDER BY id", (doc_id,)):
        person_mentions.setdefault(r[0], []).append(Mention(r[1], (r[2], r[3])))
    doc.people = [
        Person(name=r[1], role=r[2], mentions=person_mentions.get(r[0], []), organisation=r[3], country=r[4])
        for r in conn.execute("SELECT id, name, role, organisation, country FROM people WHERE document_id = ? "
                              "ORDER BY id", (doc_id,))]
    return doc


def _pair(a, b) -> tuple[int, int] | None:
    return None if a is None or b is None else (a, b)
