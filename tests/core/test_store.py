"""The library on real SQLite files in temporary folders: indexing, re-indexing only what changed,
removal, round trips, interrupted runs (SIGKILL), damaged and foreign files, schema versions, the CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nato_viewer.cli import main as cli_main
from nato_viewer.core import schema, store
from nato_viewer.core.model import (
    EVENT_KINDS,
    Country,
    CountryMention,
    Document,
    Event,
    Figure,
    Mention,
    Person,
    Quote,
)
from nato_viewer.core.parsing.pipeline import parse_file
from nato_viewer.core.search import Query
from nato_viewer.core.store import IndexReport, Library, LibraryError, event_period

SHARED = Path(__file__).resolve().parents[3] / "shared"


def write_corpus(folder: Path, n: int, repeat: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        day = i % 28 + 1
        body = (f"Le {day} février 2024, la Pologne a annoncé l'achat de {i + 3} drones pour sa défense "
                f"aérienne. Le ministre polonais a déclaré : « Nous renforçons notre défense. »\n\n"
                f"Canada pledged {i + 10} million dollars to Ukraine on February {day}, 2024.\n\n") * repeat
        text = f"---\ntitle: Communiqué {i}\ndate: 2024-02-{day:02d}\n---\n{body}"
        path = folder / f"doc{i:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def count(db: Path, sql: str, params=()) -> int:
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "texts", 6)


def index(lib: Library, paths) -> IndexReport:
    return lib.index([str(p) for p in paths], workers=1)


# ------------------------------------------------------------------ indexing and re-indexing

def test_a_new_parser_reparses_unchanged_files(tmp_path, corpus, monkeypatch):
    folder = corpus[0].parent
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert index(lib, [folder]).added == 6
        assert index(lib, [folder]).unchanged == 6
        monkeypatch.setattr(store, "parser_version", lambda: "a-newer-parser")
        r = index(lib, [folder])
        assert (r.updated, r.unchanged) == (6, 0)
        assert index(lib, [folder]).unchanged == 6  # recorded once every document was read again


def test_index_then_reindex_parses_only_new_or_changed_files(tmp_path, corpus, monkeypatch):
    parsed: list[str] = []
    real = store.parse_many

    def spy(paths, **kw):
        paths = list(paths)
        parsed.extend(paths)
        return real(paths, **kw)

    monkeypatch.setattr(store, "parse_many", spy)
    folder = corpus[0].parent
    with Library(tmp_path / "lib.sqlite3") as lib:
        r = index(lib, [folder])
        assert (r.added, r.updated, r.unchanged, r.removed, r.errors) == (6, 0, 0, 0, [])
        assert len(parsed) == 6
        assert lib.stats()["documents"] == 6

        parsed.clear()
        r = index(lib, [folder])
        assert (r.added, r.updated, r.unchanged, r.removed) == (0, 0, 6, 0)
        assert parsed == []

        # Edited: parsed again. Touched with the same content: only the hash is read.
        corpus[1].write_text(corpus[1].read_text(encoding="utf-8").replace("Pologne", "Finlande"), encoding="utf-8")
        st = corpus[2].stat()
        os.utime(corpus[2], (st.st_atime, st.st_mtime + 100))
        new = folder / "sub" / "new.txt"
        new.parent.mkdir()
        new.write_text("Le 3 mars 2024, la Norvège a signé un contrat pour des drones.", encoding="utf-8")
        corpus[3].unlink()
        r = index(lib, [folder])
        assert (r.added, r.updated, r.unchanged, r.removed) == (1, 1, 4, 1)
        assert sorted(parsed) == sorted([str(corpus[1]), str(new)])
        assert lib.document_id(corpus[3]) is None
        assert lib.stats()["documents"] == 6
        doc = lib.document(lib.document_id(corpus[1]))
        assert "Finlande" in doc.text and "Pologne" not in doc.text
        # The touched file's new mtime is stored: next time it is not even hashed.
        assert lib.document(lib.document_id(corpus[2])).mtime == corpus[2].stat().st_mtime
        names = {r.doc_name for r in lib.event_rows(lib.search(Query("norvege")).event_ids)}
        assert names == {"new.txt"}


def test_deleted_folder_and_explicit_removal(tmp_path):
    a = write_corpus(tmp_path / "a", 3)
    b = write_corpus(tmp_path / "b", 2)
    with Library(tmp_path / "lib.sqlite3") as lib:
        index(lib, [a[0].parent, b[0].parent])
        assert lib.stats()["documents"] == 5
        for p in b:
            p.unlink()
        b[0].parent.rmdir()
        r = index(lib, [a[0].parent, b[0].parent])
        assert r.removed == 2 and r.errors == []
        assert lib.stats()["documents"] == 3
        assert str(b[0].parent) not in lib.roots()
        under_a = lib.event_ids_under([a[0].parent])
        assert sorted(under_a) == sorted(lib.all_event_ids()) and under_a
        first = lib.event_ids_under([a[0]])
        assert first and set(first) < set(under_a)
        assert {lib.event_document_id(i) for i in first} == {lib.document_id(a[0])}
        assert lib.remove([a[0]]) == 1
        assert lib.document_id(a[0]) is None and lib.stats()["documents"] == 2


def test_unreadable_files_are_recorded_and_cleared(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    good = write_corpus(folder, 1)[0]
    with Library(tmp_path / "lib.sqlite3") as lib:
        r = index(lib, [folder, tmp_path / "missing"])
        assert r.added == 1
        assert {Path(e.path).name: e.message for e in r.errors} == {
            "binary.txt": "binary file, not text", "empty.txt": "empty file", "missing": "no such file or folder"}
        assert {Path(e.path).name for e in lib.errors()} == {"binary.txt", "empty.txt"}
        (folder / "empty.txt").write_text("Le 3 mars 2024, la Norvège a signé un contrat.", encoding="utf-8")
        (folder / "binary.txt").unlink()
        r = index(lib, [folder])
        assert r.added == 1 and r.errors == []
        assert lib.errors() == []
        # A document that stops parsing (emptied) leaves the library with an error, not stale facts.
        good.write_text("", encoding="utf-8")
        r = index(lib, [folder])
        assert r.removed == 1 and lib.document_id(good) is None
        assert [Path(e.path).name for e in lib.errors()] == [good.name]


def test_progress_and_stop(tmp_path):
    paths = write_corpus(tmp_path / "texts", 10)
    seen = []
    with Library(tmp_path / "lib.sqlite3") as lib:
        r = lib.index([paths[0].parent], workers=1, progress=lambda d, n: seen.append((d, n)),
                      should_stop=lambda: len(seen) >= 4)
        assert r.stopped and 1 <= r.added <= 5
        assert seen[:2] == [(1, 10), (2, 10)]
        r = index(lib, [paths[0].parent])
        assert r.added + r.unchanged == 10 and not r.stopped


# ------------------------------------------------------------------ round trip and rows

def hand_document(path: str) -> Document:
    text = "Title\n\nLe 15 février 2024, la Pologne a promis 2 % du PIB. « Nous tiendrons parole », a dit Duda.\n"
    return Document(
        path=path, text=text, language="fr", date="2024-02-15", date_source="front_matter", title="Title",
        title_span=(0, 5), body_start=0,
        events=[Event(id="e1", kind="pledge", start="2024-02-15", end=None, precision="day", title="Promesse",
                      summary=text[7:52], span=(7, 52), main=True, date_text="15 février 2024", date_span=(10, 25),
                      quote_ids=["q1"], figure_ids=["f1"], country_codes=["PL"], people=["Andrzej Duda"]),
                Event(id="e2", kind="projection", start="2024", end=None, precision="year_end", title="Fin",
                      summary="fin", span=(53, 90))],
        quotes=[Quote(id="q1", text="Nous tiendrons parole", span=(55, 76), speaker="Andrzej Duda",
                      speaker_span=(88, 92), verb="a dit", event_id="e1")],
        figures=[Figure(id="f1", kind="percent", value=2.0, text="2 %", span=(42, 45), event_id="e1")],
        countries=[Country(code="PL", roles=["pledging", "mentioned"],
                           mentions=[CountryMention("PL", "Pologne", (31, 38), "pledging", "e1")],
                           pledged=["2 % du PIB"], event_ids=["e1"])],
        people=[Person(name="Andrzej Duda", role="président", mentions=[Mention("Duda", (88, 92))], country="PL")],
        warnings=["HTML markup was ignored"], sha256="ab" * 32, size=len(text.encode()), mtime=1700000000.5,
    )


def test_document_round_trip_and_event_ids(tmp_path):
    original = hand_document(str(tmp_path / "hand.txt"))
    with Library(tmp_path / "lib.sqlite3") as lib:
        doc_id = lib.add_document(original)
        back = lib.document(doc_id)
        e1 = lib.event_db_id(doc_id, "e1")
        assert back.events[0].db_id == e1 and lib.event_document_id(e1) == doc_id
        assert all(isinstance(e.db_id, int) for e in back.events)
        for event in back.events:  # the library's own ids are the one thing the parser did not give
            event.db_id = None
        assert back == original  # every field, spans and nested lists included
        row = lib.event_rows([e1])[0]
        assert (row.countries, row.pledging, row.n_quotes, row.n_figures, row.main) == (["PL"], ["PL"], 1, 1, True)
        assert row.span == (7, 52) and row.doc_name == "hand.txt"
        # Storing it again replaces it: no duplicate events.
        lib.add_document(original)
        assert lib.stats()["events"] == 2 and lib.stats()["documents"] == 1
        with pytest.raises(KeyError):
            lib.document(doc_id)


def test_search_follows_writes_and_odd_values(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.add_document(hand_document(str(tmp_path / "a.txt")))
        assert lib.search(Query("")).total == 2
        odd = hand_document(str(tmp_path / "b.txt"))
        odd.events[0].kind, odd.events[0].precision, odd.language = "rumour", "someday", "de"
        lib.add_document(odd)  # appended: read incrementally
        result = lib.search(Query(""))
        assert result.total == 4
        assert {f.key: f.count for f in result.facets.kinds} == {"pledge": 1, "projection": 2, "rumour": 1}
        assert {f.key: f.count for f in result.facets.languages} == {"fr": 2, "de": 2}
        assert lib.search(Query("", lang="de")).total == 2
        rumour = lib.event_db_id(lib.document_id(tmp_path / "b.txt"), "e1")
        t = lib.timeline([rumour])
        assert t.lane[0] == EVENT_KINDS.index("other") and t.precision[0] == 0
        assert lib.remove([tmp_path / "a.txt"]) == 1  # a deletion: read again from scratch
        assert lib.search(Query("")).total == 2
        assert lib.search(Query("", kind="pledge")).total == 0


def test_event_periods():
    day = 86400
    s, e = event_period("2024-02-15", None, "day", None)
    assert e - s == day
    s, e = event_period("2024-02", None, "month", None)
    assert (e - s) / day == 29
    s, e = event_period("2024", None, "year", None)
    assert (e - s) / day == 366
    s, e = event_period("2024", None, "year_end", None)
    assert (e - s) / day == 92  # October to December
    s, e = event_period("2024-02-15", None, "before", "2024-02-15")
    assert (e - s) / day == 366  # the year before the document date, up to that day
    s, e = event_period(None, None, "ongoing", "2024-02-15")
    assert e - s == day and s == event_period("2024-02-15", None, "day", None)[0]
    s, e = event_period("2024-07-09", "2024-07-11", "range", None)
    assert (e - s) / day == 3
    assert event_period(None, None, "day", None) == (None, None)
    assert event_period("not a date", None, "day", "2024-01-01")[0] == event_period("2024-01-01", None, "day", None)[0]


def test_timeline_arrays_sorted_and_subset(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        doc_id = lib.add_document(hand_document(str(tmp_path / "hand.txt")))
        t = lib.timeline()
        assert list(t.start) == sorted(t.start) and len(t) == 2
        assert t.ids.dtype.name == "int64" and t.lane.dtype.name == "int8"
        e2 = lib.event_db_id(doc_id, "e2")
        sub = lib.timeline([e2])
        assert list(sub.ids) == [e2] and sub.lane[0] == 4 and sub.precision[0] == 3  # projection, year_end
        assert lib.all_event_ids() == list(t.ids)


# ------------------------------------------------------------------ interrupted runs

# Indexes with a pause in the middle of each document's transaction (events written, quotes not yet),
# so that a kill lands inside a transaction most of the time, not between two.
INDEX_SCRIPT = """
import sys, time
from nato_viewer.core import store

class PausingConnection:
    def __init__(self, conn):
        self.conn = conn
    def execute(self, sql, *args):
        return self.conn.execute(sql, *args)
    def executemany(self, sql, rows):
        if sql.lstrip().startswith("INSERT INTO quotes"):
            time.sleep(0.03)
        return self.conn.executemany(sql, rows)

write = store.write_document
store.write_document = lambda conn, doc: write(PausingConnection(conn), doc)
store.Library(sys.argv[1]).index([sys.argv[2]], workers=1)
"""


_EXPECTED: dict[str, list[int]] = {}


def expected_counts(path: str) -> list[int]:
    if path not in _EXPECTED:
        doc = parse_file(path)
        _EXPECTED[path] = [len(doc.events), len(doc.quotes), len(doc.figures), len(doc.countries), len(doc.people)]
    return _EXPECTED[path]


def assert_consistent(db: Path) -> None:
    """Every stored document has all its rows and its full-text entry: complete, or absent."""
    conn = sqlite3.connect(str(db))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        docs = conn.execute("SELECT id, path FROM documents").fetchall()
        for doc_id, path in docs:
            stored = [conn.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?", (doc_id,)).fetchone()[0]
                      for table in ("events", "quotes", "figures", "countries", "people")]
            assert stored == expected_counts(path), path
            fts = conn.execute("SELECT count(*) FROM documents_fts WHERE rowid = ?", (doc_id,)).fetchone()[0]
            assert fts == 1
    finally:
        conn.close()


def test_killed_indexing_leaves_every_document_complete_or_absent(tmp_path):
    paths = write_corpus(tmp_path / "texts", 200)
    db = tmp_path / "lib.sqlite3"
    Library(db).close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    stored = 0
    for _round in range(3):
        proc = subprocess.Popen([sys.executable, "-c", INDEX_SCRIPT, str(db), str(paths[0].parent)], env=env)
        deadline = time.monotonic() + 120
        target = stored + 10
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if count(db, "SELECT count(*) FROM documents") >= target:
                    break
            except sqlite3.OperationalError:  # busy: try again
                pass
            time.sleep(0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the run ended before it could be interrupted"
        assert_consistent(db)
        stored = count(db, "SELECT count(*) FROM documents")
        assert 0 < stored < 200
    with Library(db) as lib:
        r = index(lib, [paths[0].parent])
        assert r.added == 200 - stored and r.unchanged == stored
        assert lib.stats()["documents"] == 200
    assert_consistent(db)


# ------------------------------------------------------------------ damaged and foreign files

@pytest.fixture
def built(tmp_path):
    paths = write_corpus(tmp_path / "texts", 4)
    db = tmp_path / "lib.sqlite3"
    with Library(db) as lib:
        index(lib, [paths[0].parent])
        events = lib.stats()["events"]
    conn = sqlite3.connect(str(db))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db, events


def moved_aside(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".damaged-*"))


def reopen_rebuilds(db: Path, events: int, damaged: bytes) -> Library:
    lib = Library(db, workers=1)
    aside = [p for p in moved_aside(db) if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept exactly as it was
    assert any(str(aside[0]) in n for n in lib.notices)
    assert lib.stats()["documents"] == 4 and lib.stats()["events"] == events
    assert lib.search(Query("pologne")).total > 0
    return lib


def test_garbage_file_is_moved_aside_and_rebuilt(built):
    db, events = built
    garbage = os.urandom(50_000)
    db.write_bytes(garbage)
    with reopen_rebuilds(db, events, garbage) as lib:
        assert "not a database" in lib.notices[0]


def test_truncated_file_is_moved_aside_and_rebuilt(built):
    db, events = built
    data = db.read_bytes()
    cut = data[: len(data) // 2]
    db.write_bytes(cut)
    with reopen_rebuilds(db, events, cut) as lib:
        assert "cut short" in lib.notices[0]


def test_damaged_pages_are_moved_aside_and_rebuilt(built):
    db, events = built
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # keep the header page, wreck every other page's header
        data[start:start + 12] = b"\xff" * 12
    db.write_bytes(bytes(data))
    with reopen_rebuilds(db, events, bytes(data)) as lib:
        assert "damaged" in lib.notices[0] or "not a database" in lib.notices[0]


def test_damage_found_while_in_use_is_repaired_at_next_open(built, monkeypatch):
    db, events = built
    lib = Library(db)

    def damaged(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(store, "run_search", damaged)
    with pytest.raises(LibraryError, match="rebuilt from your files the next time"):
        lib.search(Query("pologne"))
    lib.close()
    monkeypatch.undo()
    with Library(db, workers=1) as again:
        assert "found damaged" in again.notices[0]
        assert again.stats()["events"] == events and len(moved_aside(db)) >= 1
    with Library(db) as third:  # repaired: no notice any more
        assert third.notices == []


def test_foreign_database_is_kept_and_a_new_library_made(tmp_path):
    db = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(str(db))
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('far breton')")
    conn.commit()
    conn.close()
    with Library(db) as lib:
        assert "another program" in lib.notices[0]
        assert lib.stats()["documents"] == 0
    aside = moved_aside(db)[0]
    conn = sqlite3.connect(str(aside))
    assert conn.execute("SELECT name FROM recipes").fetchall() == [("far breton",)]
    conn.close()


def test_newer_library_is_refused_and_left_alone(built):
    db, _events = built
    conn = sqlite3.connect(str(db))
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        Library(db)
    assert moved_aside(db) == [] and db.read_bytes() == before


def test_migrations_run_in_order_and_record_the_version(tmp_path):
    db = tmp_path / "lib.sqlite3"
    Library(db).close()
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    steps = {0: "ALTER TABLE documents ADD COLUMN note TEXT", 1: lambda c: c.execute("CREATE TABLE extra (x)")}
    assert schema.migrate(conn, target=2, migrations=steps) == [0, 1]
    assert schema.version(conn) == 2 and conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    # A failing step leaves the database at its version.
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn, target=2, migrations={0: "ALTER TABLE nowhere ADD COLUMN y", 1: "SELECT 1"})
    assert schema.version(conn) == 0
    conn.close()


def test_library_without_an_upgrade_path_is_rebuilt(built):
    db, events = built
    conn = sqlite3.connect(str(db))
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with reopen_rebuilds(db, events, db.read_bytes()) as lib:
        assert "format 0" in lib.notices[0]


def test_rebuild_can_be_left_to_the_caller(built):
    db, events = built
    db.write_bytes(b"garbage" * 100)
    with Library(db, rebuild=False) as lib:
        assert lib.stats()["documents"] == 0 and len(lib.pending_rebuild) == 1
        lib.index(lib.pending_rebuild, workers=1)
        assert lib.stats()["events"] == events


def test_app_reads_while_indexing_writes(built):
    db, _events = built
    with Library(db) as reader:
        assert reader.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        before = reader.search(Query("pologne")).total
        writer = sqlite3.connect(str(db), isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM documents")
        # The writer holds its transaction open: the reader is neither blocked nor sees half of it.
        started = time.monotonic()
        assert reader.search(Query("pologne")).total == before
        assert time.monotonic() - started < 1
        writer.execute("ROLLBACK")
        writer.close()


def test_roots_file_lists_indexed_folders(built):
    db, _events = built
    data = json.loads(db.with_suffix(".roots.json").read_text(encoding="utf-8"))
    assert data["roots"] == [str(db.parent / "texts")]


# ------------------------------------------------------------------ command line

def test_cli_index_and_search(tmp_path, capsys):
    paths = write_corpus(tmp_path / "texts", 3)
    db = str(tmp_path / "lib.sqlite3")
    assert cli_main(["index", str(paths[0].parent), "--db", db, "--jobs", "1", "-q"]) == 0
    out = capsys.readouterr().out
    assert "3 added" in out
    assert cli_main(["search", "pologne", "--db", db, "--format", "json", "--limit", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] > 0 and len(data["results"]) == data["total"]
    assert all("\x02" in (r["snippet"] or "\x02") for r in data["results"])
    assert {f["key"] for f in data["facets"]["languages"]} == {"fr"}
    assert cli_main(["search", '"unbalanced AND', "--db", db]) == 0
    err = capsys.readouterr().err
    assert "quotation mark" in err and "Traceback" not in err
    assert cli_main(["search", "x", "--from", "2024-13", "--db", db]) == 2
    assert cli_main(["search", "x", "--db", str(tmp_path / "none.sqlite3")]) == 1
    assert "no library" in capsys.readouterr().err
    # No paths: the folders already indexed.
    assert cli_main(["index", "--db", db, "--jobs", "1", "-q"]) == 0
    assert "3 unchanged" in capsys.readouterr().out


def test_cli_reports_a_damaged_library(tmp_path, capsys):
    paths = write_corpus(tmp_path / "texts", 2)
    db = tmp_path / "lib.sqlite3"
    assert cli_main(["index", str(paths[0].parent), "--db", str(db), "--jobs", "1", "-q"]) == 0
    db.write_bytes(b"\x13" * 10000)
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    assert cli_main(["search", "pologne", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert "moved to" in captured.err and "Traceback" not in captured.err
    assert "2 events" in captured.out or "events" in captured.out


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is absent")
def test_real_corpus_round_trips(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        r = lib.index([SHARED / "corpus"], workers=1)
        assert r.errors == [] and r.added >= 60
        for doc_id in lib.document_ids()[:10]:
            doc = lib.document(doc_id)
            for event in doc.events:
                event.db_id = None
            again = parse_file(doc.path)
            assert doc == again
        assert lib.search(Query("Stoltenberg")).total > 0
        assert lib.search(Query("pologne", lang="fr")).total > 0
