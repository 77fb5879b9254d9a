"""The library: the parser's output in an embedded SQLite database that the app and the command line share.

- One transaction per document: an interrupted run leaves every document complete or absent.
- WAL journal: the app reads while `nato-viewer index` writes.
- A damaged or foreign file is moved aside at open (never deleted) and the library is rebuilt from the
  folders it was built from, listed in a small JSON file next to the database.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nato_viewer.core import schema
from nato_viewer.core.batch import parse_many
from nato_viewer.core.i18n import _, ngettext
from nato_viewer.core.loader import iter_files
from nato_viewer.core.model import (
    EVENT_KINDS,
    Document,
    ParseError,
)
from nato_viewer.core.parsing.version import parser_version
from nato_viewer.core.search import (
    ORDERS,
    EventRow,
    Query,
    SearchResult,
    TimelineArrays,
    parse_query,
    snippets_for,
)
from nato_viewer.core.search import run as run_search
from nato_viewer.core.search_index import EventColumns
from nato_viewer.core.store_rows import event_period, read_document, write_document

__all__ = ["Library", "LibraryError", "IndexReport", "EventRow", "TimelineArrays", "default_path",
           "event_period"]

DB_NAME = "library.sqlite3"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def default_path() -> Path:
    """library.sqlite3 in the user's data folder (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("nato_viewer", appauthor=False)) / DB_NAME


class LibraryError(Exception):
    """The library cannot be used; str() is a clear message for the user."""


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[ParseError] = field(default_factory=list)
    seconds: float = 0.0
    stopped: bool = False  # should_stop() ended the run early; what was written is complete


# --------------------------------------------------------------------------- the library

class Library:
    """The library database. Thread-safe: reads share one connection behind a lock; `index` writes through
    its own connection, so a window can keep searching while a worker thread indexes."""

    def __init__(self, path: str | os.PathLike | None = None, rebuild: bool = True,
                 workers: int | None = None):
        """Open (or create) the library at `path` (default: default_path()).

        A damaged or foreign file is moved aside with a message in `notices`. With rebuild=True it is
        rebuilt at once from the folders it held; with rebuild=False those folders are left in
        `pending_rebuild` for the caller to index in the background (`library.index(library.pending_rebuild)`).
        """
        self.path = Path(path).expanduser().absolute() if path is not None else default_path()
        self.notices: list[str] = []
        self.pending_rebuild: list[str] = []
        self._lock = threading.RLock()
        self._writes = 0
        self._columns = EventColumns()
        self._conn: sqlite3.Connection | None = None
        self._conn = self._open()
        if self.pending_rebuild and rebuild:
            roots, self.pending_rebuild = self.pending_rebuild, []
            report = self.index(roots, workers=workers)
            self.notices.append(ngettext(
                "The library was rebuilt: {n} document indexed.",
                "The library was rebuilt: {n} documents indexed.", report.added).format(n=report.added))

    # ---------------------------------------------------------------- opening, damage, roots

    @property
    def roots_path(self) -> Path:
        """The side file listing the indexed folders and files (survives a damaged database)."""
        return self.path.with_suffix(".roots.json") if self.path.suffix else \
            self.path.with_name(self.path.name + ".roots.json")

    def roots(self) -> list[str]:
        try:
            data = json.loads(self.roots_path.read_text(encoding="utf-8"))
            roots = data.get("roots", []) if isinstance(data, dict) else []
            return [r for r in roots if isinstance(r, str)]
        except (OSError, ValueError):
            return []

    def _save_roots(self, add: Iterable[str] = (), drop: Iterable[str] = ()) -> None:
        dropped = set(drop)
        roots = [r for r in self.roots() if r not in dropped]
        present = set(roots)
        for root in add:
            if root not in present and root not in dropped:
                roots.append(root)
                present.add(root)
        payload = {
            "about": "Folders and files indexed into this nato_viewer library; "
                     "used to rebuild it if the database is damaged.",
            "database": self.path.name,
            "roots": roots,
        }
        tmp = self.roots_path.with_name(self.roots_path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.roots_path)
        except OSError:
            pass  # only needed to rebuild after damage; indexing itself must not fail on it

    def _open(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise LibraryError(_("{path} is a folder, not a library file.").format(path=self.path))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(_("Cannot create the library folder {path}: {reason}").format(
                path=self.path.parent, reason=exc.strerror or exc)) from None
        problem = self._file_problem()
        if problem is None and self._damage_marker.exists():
            problem = _("it was found damaged while in use")
        if problem is None:
            conn = None
            try:
                conn = self._connect()
                problem = self._schema_problem(conn)
            except sqlite3.DatabaseError as exc:
                problem = _reason(exc)
            if problem is None:
                return conn
            if conn is not None:
                conn.close()
        self._move_aside(problem)
        conn = self._connect()
        schema.create(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.OperationalError as exc:
            raise LibraryError(_("Cannot open the library {path}: {reason}").format(
                path=self.path, reason=exc)) from None
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA cache_size = -32768")
            conn.execute("PRAGMA mmap_size = 268435456")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _file_problem(self) -> str | None:
        """Damage seen without SQLite: not a database at all, or cut short."""
        try:
            size = self.path.stat().st_size
            with open(self.path, "rb") as f:
                head = f.read(100)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryError(_("Cannot read the library {path}: {reason}").format(
                path=self.path, reason=exc.strerror or exc)) from None
        wal = Path(str(self.path) + "-wal")
        has_wal = wal.exists() and wal.stat().st_size > 0
        if size == 0:
            return None
        if not head.startswith(_SQLITE_MAGIC[: len(head)]) or (len(head) >= 16 and head[:16] != _SQLITE_MAGIC):
            return _("it is not a database file")
        if len(head) < 100:
            return None if has_wal else _("the file is cut short")
        page_size = int.from_bytes(head[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(head[28:32], "big")
        header_count_valid = head[24:28] == head[92:96]
        if header_count_valid and pages and size < pages * page_size and not has_wal:
            return _("the file is cut short")
        return None

    def _schema_problem(self, conn: sqlite3.Connection) -> str | None:
        """None when the database is ours and usable (created or migrated if needed), else the reason."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if app_id != schema.APPLICATION_ID:
            if not tables:
                schema.create(conn)
                return None
            return _("it is another program's database, not a nato_viewer library")
        if "meta" not in tables:
            return _("its tables are missing")
        current = schema.version(conn)
        if current is not None and current > schema.SCHEMA_VERSION:
            raise LibraryError(_(
                "The library {path} was written by a newer version of nato_viewer (format {found}; this "
                "version reads format {supported}). Update nato_viewer, or use --db to choose another library."
            ).format(path=self.path, found=current, supported=schema.SCHEMA_VERSION))
        try:
            upgraded = schema.migrate(conn)
        except schema.SchemaError as exc:
            return str(exc)
        if upgraded:
            self.notices.append(_("The library was upgraded to format {n}.").format(n=schema.SCHEMA_VERSION))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if any(t not in tables for t in schema.REQUIRED_TABLES):
            return _("its tables are missing")
        # Touch the main b-trees so that a damaged file fails here, not in the middle of a search.
        conn.execute("SELECT count(*) FROM documents").fetchone()
        conn.execute("SELECT count(*) FROM events").fetchone()
        conn.execute("SELECT * FROM events_fts WHERE events_fts MATCH 'nato' LIMIT 1").fetchall()
        return None

    @property
    def _damage_marker(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    def _failed(self, exc: sqlite3.DatabaseError, message: str) -> LibraryError:
        """The LibraryError for a failure while in use; a damaged file is marked so that the next
        open moves it aside and rebuilds the library (this process may be holding it open)."""
        reason = _reason(exc)
        text = message.format(path=self.path, reason=reason)
        if _is_damage(exc):
            try:
                self._damage_marker.write_text(str(exc), encoding="utf-8")
            except OSError:
                pass
            text += " " + _("It will be set aside and rebuilt from your files the next time it is opened.")
        return LibraryError(text)

    def _move_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        try:
            os.replace(self.path, target)
            for suffix in ("-wal", "-shm"):
                side = Path(str(self.path) + suffix)
                if side.exists():
                    os.replace(side, Path(str(target) + suffix))
        except OSError as exc:
            raise LibraryError(_(
                "The library {path} cannot be read ({reason}) and cannot be moved aside: {error}. "
                "Move or delete it, or use --db to choose another library.").format(
                path=self.path, reason=reason, error=exc.strerror or exc)) from None
        self._damage_marker.unlink(missing_ok=True)
        self.pending_rebuild = [r for r in self.roots() if os.path.exists(r)]
        message = _("The library {path} could not be read ({reason}). It was moved to {target}; "
                    "nothing in it is lost.").format(path=self.path, reason=reason, target=target)
        if self.pending_rebuild:
            message += " " + _("A new library is built from the folders it held.")
        self.notices.append(message)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LibraryError(_("The library is closed."))
        return self._conn

    def _generation(self) -> tuple[int, int]:
        """Changes whenever this or another connection wrote: the key of the caches."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self._writes

    # ---------------------------------------------------------------- writing

    def index(self, paths: Iterable[str | os.PathLike], workers: int | None = None,
              progress: Callable[[int, int], None] | None = None,
              should_stop: Callable[[], bool] | None = None) -> IndexReport:
        """Add files and folders: parse the new and changed files, drop the ones gone from disk.

        A file is unchanged when its size and mtime are the stored ones, or when only its mtime
        changed and its SHA-256 is the stored one. Files are parsed in worker processes; each
        document is written here in its own transaction.
        """
        started = time.perf_counter()
        report = IndexReport()
        roots = [os.path.abspath(os.fspath(p)) for p in paths]
        missing: list[tuple[str, str]] = []
        files: list[str] = []
        seen: set[str] = set()
        for p in iter_files(roots, missing):
            s = str(p)
            if s not in seen:
                seen.add(s)
                files.append(s)
        conn = self._connect()
        try:
            known = _known_under(conn, roots)
            # documents read by an older parser are parsed again, changed on disk or not
            version = parser_version()
            row = conn.execute("SELECT value FROM meta WHERE key = 'parser_version'").fetchone()
            stale_parser = row is None or row[0] != version
            if stale_parser and conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0:
                # an empty library is read by this parser from its first document on
                with schema.transaction(conn):
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('parser_version', ?)", (version,))
                stale_parser = False
            to_parse: list[str] = []
            for path in files:
                old = known.get(path)
                if old is None:
                    to_parse.append(path)
                elif not stale_parser and _unchanged(conn, path, old):
                    report.unchanged += 1
                else:
                    to_parse.append(path)
            gone = [path for path in known if path not in seen]
            with schema.transaction(conn):
                for path in gone:
                    conn.execute("DELETE FROM documents WHERE id = ?", (known[path][0],))
                for root in roots:
                    for (path,) in conn.execute(
                            "SELECT path FROM errors WHERE path = ? OR (path >= ? AND path < ?)",
                            (root, *_prefix_range(root))).fetchall():
                        if path not in seen:
                            conn.execute("DELETE FROM errors WHERE path = ?", (path,))
            report.removed = len(gone)
            for path, message in missing:
                if not any(g == path or g.startswith(path.rstrip(os.sep) + os.sep) for g in gone):
                    report.errors.append(ParseError(path, message))
            missing_roots = {p for p, _m in missing}
            self._save_roots(add=[r for r in roots if r not in missing_roots], drop=missing_roots)
            if progress and not to_parse:
                progress(0, 0)
            for result in parse_many(to_parse, workers=workers, progress=progress, should_stop=should_stop):
                if should_stop and should_stop():
                    # parse_many cancels the queued work at its next check; what is left is not written.
                    continue
                if isinstance(result, ParseError):
                    report.errors.append(result)
                    report.removed += self._record_error(conn, result, known)
                    continue
                try:
                    with schema.transaction(conn):
                        write_document(conn, result)
                except (UnicodeEncodeError, ValueError, OverflowError) as exc:
                    error = ParseError(result.path, _("could not be stored ({reason})").format(reason=exc))
                    report.errors.append(error)
                    self._record_error(conn, error, known)
                    continue
                if result.path in known:
                    report.updated += 1
                else:
                    report.added += 1
            report.stopped = bool(should_stop and should_stop())
            total = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            if stale_parser and not report.stopped and total == len(_known_under(conn, roots)):
                # every document in the library has now been read by this parser
                with schema.transaction(conn):
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('parser_version', ?)", (version,))
        except sqlite3.DatabaseError as exc:
            raise self._failed(exc, _("Indexing into {path} failed: {reason}")) from None
        finally:
            conn.close()
            self._writes += 1
        report.seconds = time.perf_counter() - started
        return report

    def _record_error(self, conn: sqlite3.Connection, error: ParseError, known: dict) -> int:
        """Store a failed file; a document that used to be there and no longer parses is dropped."""
        with schema.transaction(conn):
            dropped = conn.execute("DELETE FROM documents WHERE path = ?", (error.path,)).rowcount
            conn.execute("INSERT OR REPLACE INTO errors(path, message, at) VALUES (?, ?, ?)",
                         (error.path, error.message, time.time()))
        return max(dropped, 0)

    def add_document(self, doc: Document) -> int:
        """Store one parsed document (replacing the one with the same path) in one transaction."""
        with self._lock:
            try:
                with schema.transaction(self.conn):
                    doc_id = write_document(self.conn, doc)
            except sqlite3.DatabaseError as exc:
                raise LibraryError(_("Cannot store {path}: {reason}").format(
                    path=doc.path, reason=_reason(exc))) from None
            self._writes += 1
            return doc_id

    def remove(self, paths: Iterable[str | os.PathLike]) -> int:
        """Drop the documents of these files or folders from the library (the files are not touched)."""
        roots = [os.path.abspath(os.fspath(p)) for p in paths]
        with self._lock:
            known = _known_under(self.conn, roots)
            with schema.transaction(self.conn):
                for doc_id, *_rest in known.values():
                    self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            self._writes += 1
        self._save_roots(drop=roots)
        return len(known)

    # ---------------------------------------------------------------- reading

    def columns(self) -> EventColumns:
        """The in-memory columns of every event, brought up to date with the database."""
        with self._lock:
            self._columns.refresh(self.conn, self._generation())
            return self._columns

    def search(self, query: Query) -> SearchResult:
        with self._lock:
            try:
                return run_search(self.conn, query, self.columns())
            except sqlite3.DatabaseError as exc:
                raise self._failed(exc, _("The search failed: {reason}")) from None

    def snippets(self, query: Query, ids: list[int]) -> dict[int, str]:
        """Snippets for more result rows than SearchResult.snippets holds (e.g. rows scrolled into view)."""
        with self._lock:
            return snippets_for(self.conn, parse_query(query.text), list(ids))

    def all_event_ids(self, order: str = "date", descending: bool = False) -> list[int]:
        order = order if order in ORDERS and order != "rank" else "date"
        with self._lock:
            columns = self.columns()
            everything = np.arange(len(columns))
            return columns.ids[columns.sort(self.conn, everything, order, descending)].tolist()

    def event_rows(self, ids: list[int]) -> list[EventRow]:
        """The rows of these events, in the order of `ids` (unknown ids are left out)."""
        rows: dict[int, EventRow] = {}
        with self._lock:
            for chunk in _chunks(list(ids)):
                marks = ",".join("?" * len(chunk))
                roles: dict[int, list[tuple[str, str]]] = {}
                for event_id, code, role in self.conn.execute(
                        f"SELECT event_id, code, role FROM event_countries WHERE event_id IN ({marks})", chunk):
                    roles.setdefault(event_id, []).append((code, role))
                for r in self.conn.execute(
                        "SELECT e.id, e.document_id, d.path, d.name, d.title, d.date, e.language, e.kind, "
                        "e.start_date, e.end_date, e.precision, e.title, e.summary, e.main, e.date_text, "
                        "e.span_start, e.span_end, e.country_codes, e.n_quotes, e.n_figures, e.start_ts, e.end_ts "
                        f"FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id IN ({marks})", chunk):
                    codes = list(dict.fromkeys(json.loads(r[17]) + [c for c, _r in roles.get(r[0], [])]))
                    rows[r[0]] = EventRow(
                        id=r[0], doc_id=r[1], doc_path=r[2], doc_name=r[3], doc_title=r[4], doc_date=r[5],
                        language=r[6], kind=r[7], start=r[8], end=r[9], precision=r[10], title=r[11],
                        summary=r[12], main=bool(r[13]), date_text=r[14], span=(r[15], r[16]),
                        countries=codes,
                        pledging=sorted({c for c, role in roles.get(r[0], []) if role == "pledging"}),
                        n_quotes=r[18], n_figures=r[19],
                        start_ts=math.nan if r[20] is None else r[20],
                        end_ts=math.nan if r[21] is None else r[21],
                    )
        return [rows[i] for i in ids if i in rows]

    def event_document_id(self, event_id: int) -> int:
        with self._lock:
            row = self.conn.execute("SELECT document_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        return row[0]

    def event_db_id(self, doc_id: int, local_id: str) -> int:
        """The database id of the event the parser called `local_id` ("e3") in document `doc_id`."""
        with self._lock:
            row = self.conn.execute("SELECT id FROM events WHERE document_id = ? AND local_id = ?",
                                    (doc_id, local_id)).fetchone()
        if row is None:
            raise KeyError((doc_id, local_id))
        return row[0]

    def document_ids(self) -> list[int]:
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM documents ORDER BY date IS NULL, date, path")]

    def document_id(self, path: str | os.PathLike) -> int | None:
        with self._lock:
            row = self.conn.execute("SELECT id FROM documents WHERE path = ?",
                                    (os.path.abspath(os.fspath(path)),)).fetchone()
        return row[0] if row else None

    def event_ids_under(self, paths: Iterable[str | os.PathLike]) -> list[int]:
        """Ids of the events of the documents at or under these files and folders (ascending)."""
        roots = [os.path.abspath(os.fspath(p)) for p in paths]
        with self._lock:
            doc_ids = [v[0] for v in _known_under(self.conn, roots).values()]
            columns = self.columns()
            return columns.ids[columns.events_of_documents(doc_ids)].tolist()

    def document(self, doc_id: int) -> Document:
        """The whole Document as the parser gave it. Each Event also gets `db_id`, its database id."""
        with self._lock:
            return read_document(self.conn, doc_id)

    def timeline(self, ids: list[int] | None = None) -> TimelineArrays:
        with self._lock:
            columns = self.columns()
            keep = np.arange(len(columns)) if ids is None else np.unique(columns.indexes_of(list(ids)))
            keep = columns.sort(self.conn, keep, "date", False)
            lanes = np.asarray([EVENT_KINDS.index(k) if k in EVENT_KINDS else EVENT_KINDS.index("other")
                                for k in columns.kinds.values], dtype=np.int8)
            return TimelineArrays(columns.ids[keep], columns.start[keep], columns.end[keep],
                                  lanes[columns.kind[keep]], columns.precision[keep])

    def errors(self) -> list[ParseError]:
        with self._lock:
            return [ParseError(p, m) for p, m in self.conn.execute("SELECT path, message FROM errors ORDER BY path")]

    def stats(self) -> dict:
        with self._lock:
            c = self.conn
            out = {name: c.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                   for name in ("documents", "events", "quotes", "figures", "countries", "people", "errors")}
            out["text_bytes"] = c.execute("SELECT coalesce(sum(size), 0) FROM documents").fetchone()[0]
        size = 0
        for suffix in ("", "-wal"):
            try:
                size += os.path.getsize(str(self.path) + suffix)
            except OSError:
                pass
        out["size_bytes"] = size
        out["path"] = str(self.path)
        out["schema_version"] = schema.SCHEMA_VERSION
        return out


# --------------------------------------------------------------------------- helpers

def _reason(exc: sqlite3.DatabaseError) -> str:
    """A short plain reason for a database failure (no SQL in it)."""
    text = str(exc).lower()
    if "not a database" in text or "file is encrypted" in text:
        return _("it is not a database file")
    if "malformed" in text or "corrupt" in text:
        return _("the file is damaged")
    if "locked" in text or "busy" in text:
        return _("another program is writing to it; try again in a moment")
    if "full" in text:
        return _("the disk is full")
    if "readonly" in text or "read-only" in text:
        return _("the file is read-only")
    return _("database error ({kind})").format(kind=type(exc).__name__)


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("malformed", "corrupt", "not a database"))


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _known_under(conn: sqlite3.Connection, roots: list[str]) -> dict[str, tuple[int, int, float, str]]:
    """path -> (id, size, mtime, sha256) of the stored documents at or under these paths."""
    out: dict[str, tuple[int, int, float, str]] = {}
    for root in roots:
        for doc_id, path, size, mtime, sha in conn.execute(
                "SELECT id, path, size, mtime, sha256 FROM documents WHERE path = ? OR (path >= ? AND path < ?)",
                (root, *_prefix_range(root))):
            out[path] = (doc_id, size, mtime, sha)
    return out


def _prefix_range(root: str) -> tuple[str, str]:
    """[low, high) of the paths under the folder `root`, as a range the path index can answer."""
    prefix = root.rstrip(os.sep) + os.sep
    return prefix, prefix[:-1] + chr(ord(os.sep) + 1)


def _unchanged(conn: sqlite3.Connection, path: str, old: tuple[int, int, float, str]) -> bool:
    doc_id, size, mtime, sha = old
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_size != size:
        return False
    if st.st_mtime == mtime:
        return True
    # Touched but maybe not edited (copied, synced): the content hash decides.
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return False
    if digest != sha:
        return False
    with schema.transaction(conn):
        conn.execute("UPDATE documents SET mtime = ? WHERE id = ?", (st.st_mtime, doc_id))
    return True
