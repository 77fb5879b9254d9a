"""The library's SQLite schema: tables a person can query with the sqlite3 shell, FTS5 indexes, migrations.

Every list-valued field the parser gives (roles, pledged phrases, ids) is stored as a JSON array, so
`json_each()` works on it in the shell. Spans are two integer columns, `*_start` and `*_end`, [start, end)
character offsets into `documents.text`. `*_ts` columns are POSIX seconds (UTC) of the period an event covers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SCHEMA_VERSION = 1
# "NVLB" (nato_viewer library): tells our files from other SQLite databases at open.
APPLICATION_ID = 0x4E564C42

# Case- and accent-insensitive for French and English ("Pologne" = "pologne", "défense" = "defense").
TOKENIZE = "unicode61 remove_diacritics 2"

TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- AUTOINCREMENT: an id is never given to another document or event later, so ids the app holds
-- across a re-index never point at something else.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,          -- absolute path of the source file
    name TEXT NOT NULL,
    size INTEGER NOT NULL,              -- bytes, mtime and sha256 decide whether a re-index parses again
    mtime REAL NOT NULL,
    sha256 TEXT NOT NULL,
    language TEXT NOT NULL,
    date TEXT,                          -- ISO date of the document
    year INTEGER,
    date_source TEXT,
    date_span_start INTEGER,
    date_span_end INTEGER,
    title TEXT NOT NULL,
    title_span_start INTEGER,
    title_span_end INTEGER,
    body_start INTEGER NOT NULL,
    organisations TEXT NOT NULL DEFAULT '[]',   -- JSON [{name, mentions: [{text, span}]}]
    dates TEXT NOT NULL DEFAULT '[]',           -- JSON list of the date expressions found
    warnings TEXT NOT NULL DEFAULT '[]',        -- JSON list of strings
    indexed_at REAL NOT NULL,
    -- Last, so that reading the other columns never touches the text's overflow pages.
    text TEXT NOT NULL                  -- the whole decoded file; every span points into it
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,             -- the parser's id inside its document ("e1")
    seq INTEGER NOT NULL,               -- position in the document's event list
    kind TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    precision TEXT NOT NULL,
    start_ts REAL,                      -- start of the covered period, POSIX seconds UTC
    end_ts REAL,                        -- end of the covered period (exclusive)
    year INTEGER,                       -- year of start_ts (or of the document date)
    language TEXT NOT NULL,             -- the document's, copied here so filters need no join
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    main INTEGER NOT NULL DEFAULT 0,
    date_text TEXT,
    date_span_start INTEGER,
    date_span_end INTEGER,
    anchor TEXT,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    n_figures INTEGER NOT NULL DEFAULT 0,
    quote_ids TEXT NOT NULL DEFAULT '[]',       -- JSON, parser ids
    figure_ids TEXT NOT NULL DEFAULT '[]',
    country_codes TEXT NOT NULL DEFAULT '[]',
    people TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_document ON events(document_id, seq);
CREATE INDEX events_start ON events(start_ts);
CREATE INDEX events_kind ON events(kind, start_ts);
-- Covers what search_index.py loads into memory, so loading reads this narrow index, not the wide rows.
CREATE INDEX events_columns ON events(id, document_id, seq, kind, precision, year, language, start_ts, end_ts);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    local_id TEXT NOT NULL,
    event_local_id TEXT,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    speaker TEXT,
    speaker_role TEXT,
    speaker_span_start INTEGER,
    speaker_span_end INTEGER,
    verb TEXT
);
CREATE INDEX quotes_document ON quotes(document_id);
CREATE INDEX quotes_event ON quotes(event_id);

CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    local_id TEXT NOT NULL,
    event_local_id TEXT,
    kind TEXT NOT NULL,
    value REAL NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    unit TEXT,
    counted TEXT,
    qualifier TEXT
);
CREATE INDEX figures_document ON figures(document_id);
CREATE INDEX figures_event ON figures(event_id);

CREATE TABLE countries (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code TEXT NOT NULL,                 -- ISO 3166-1 alpha-2
    roles TEXT NOT NULL,                -- JSON ["pledging", "host", ...]
    pledged TEXT NOT NULL DEFAULT '[]', -- JSON list of short phrases
    event_ids TEXT NOT NULL DEFAULT '[]'    -- JSON, parser ids
);
CREATE INDEX countries_document ON countries(document_id);
CREATE INDEX countries_code ON countries(code);

CREATE TABLE country_mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    country_id INTEGER NOT NULL,        -- countries.id (deleted with the document, hence no index of its own)
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    role TEXT NOT NULL,
    event_local_id TEXT
);
CREATE INDEX country_mentions_document ON country_mentions(document_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,                 -- lower case, no accents: what --person matches against
    role TEXT,
    organisation TEXT,
    country TEXT
);
CREATE INDEX people_document ON people(document_id);

CREATE TABLE person_mentions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL,         -- people.id (deleted with the document)
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX person_mentions_document ON person_mentions(document_id);

-- Which countries each event involves and in which role: the country filter and facet.
CREATE TABLE event_countries (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, code, role)
) WITHOUT ROWID;
CREATE INDEX event_countries_code ON event_countries(code, role);

-- Who each event involves (named in it or quoted in it): the person filter and facet.
CREATE TABLE event_people (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (event_id, name)
) WITHOUT ROWID;

-- Files that could not be parsed in the last runs, with the reason.
CREATE TABLE errors (
    path TEXT PRIMARY KEY,
    message TEXT NOT NULL,
    at REAL NOT NULL
);
"""

FTS = f"""
-- Full text of the events (title, summary), the quotes and the documents (title, text). Each reads its
-- content from the table above it (external content), so every text is stored once.
CREATE VIRTUAL TABLE events_fts USING fts5(
    title, summary, content='events', content_rowid='id', tokenize='{TOKENIZE}'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='{TOKENIZE}'
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id', tokenize='{TOKENIZE}'
);

CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
END;
CREATE TRIGGER events_au AFTER UPDATE OF title, summary ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
    INSERT INTO events_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
END;
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

# Tables the library needs; a database of ours missing one of them is damaged.
REQUIRED_TABLES = (
    "meta", "documents", "events", "quotes", "figures", "countries", "country_mentions",
    "people", "person_mentions", "event_countries", "event_people", "errors",
    "events_fts", "quotes_fts", "documents_fts",
)

# MIGRATIONS[n] upgrades a database at schema version n to n + 1, inside the caller's transaction.
# A step is SQL (run with executescript semantics, statement by statement) or a function of the connection.
Migration = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, Migration] = {}


class SchemaError(Exception):
    """The database cannot be brought to this program's schema; str() is the reason for the user."""


def create(conn: sqlite3.Connection) -> None:
    """Create every table of the current version in an empty database (one transaction)."""
    with transaction(conn):
        _run_script(conn, TABLES)
        _run_script(conn, FTS)
        conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def version(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return None


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION,
            migrations: dict[int, Migration] | None = None) -> list[int]:
    """Bring the database up to `target`, one step per version, all in one transaction.

    Returns the versions that were upgraded from. Raises SchemaError for a newer database
    (written by a newer program) or when a step is missing.
    """
    steps = MIGRATIONS if migrations is None else migrations
    current = version(conn)
    if current is None:
        raise SchemaError("no schema version")
    if current > target:
        raise SchemaError(f"written by a newer version of nato_viewer (library format {current}, "
                          f"this program reads up to {target})")
    done: list[int] = []
    if current == target:
        return done
    with transaction(conn):
        while current < target:
            step = steps.get(current)
            if step is None:
                raise SchemaError(f"no upgrade from library format {current}")
            if callable(step):
                step(conn)
            else:
                _run_script(conn, step)
            done.append(current)
            current += 1
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(current),))
            conn.execute(f"PRAGMA user_version = {current}")
    return done


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (the connection is in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a DDL script inside the current transaction (executescript would commit first)."""
    for statement in _statements(script):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
