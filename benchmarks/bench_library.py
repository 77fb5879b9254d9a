"""Library speed and size on the 14,000 real texts of ../shared/corpus-large.

    .venv/bin/python benchmarks/bench_library.py [FOLDER] [--db PATH] [--jobs N] [--queries 200]
                                                 [--skip-index] [--parse-baseline] [--limit N]

FOLDER is the unpacked corpus (e.g. /tmp/whb); without it the archive is unpacked to a temporary
folder first (not timed). Measures, against the targets of the library issue:
- indexing from scratch (parse in worker processes, write in the parent), with the CPU both cores spent;
  --parse-baseline also times parsing alone with the same workers, for comparison;
- re-indexing the unchanged folder, and re-opening the library in a new process (target < 2 s);
- 200 realistic searches with facets and snippets: p50 / p95 / max (target p95 < 50 ms);
- the database's size against the text's (target <= 3x).
Prints figures only; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_parse import MemorySampler, corpus_files, cpu_seconds  # noqa: E402

from nato_viewer.core.batch import default_workers, parse_many  # noqa: E402
from nato_viewer.core.search import Query  # noqa: E402
from nato_viewer.core.store import Library  # noqa: E402

WORDS = [
    "drones", "Pologne", "défense", "defense", "Ukraine", "NATO", "OTAN", "sanctions", "tariffs", "climate",
    "Stoltenberg", "Biden", "China", "Russia", "missiles", "infrastructure", "semiconductors", "vaccine",
    "border", "inflation", "Israel", "Gaza", "hurricane", "jobs", "Taiwan", "Iran", "cyber", "ammunition",
    "F-16", "Patriot", "summit", "Vilnius", "Finland", "Sweden", "accession", "Zelenskyy", "Putin", "Kyiv",
    "Moscou", "Allemagne", "Canada", "GDP", "troops", "nuclear", "energy", "oil", "refugees", "immigration",
    "trade", "economy", "budget", "Medicare", "education", "fentanyl", "pledged", "alliés", "sécurité",
    "Japan", "Korea", "Mexico", "wildfires", "veterans", "elections", "students", "broadband",
]
PHRASES = [
    '"air defense"', '"climate change"', '"Article 5"', '"Washington summit"', '"defense spending"',
    '"artificial intelligence"', '"health care"', '"national security"', '"Prime Minister"', '"2 percent"',
    '"supply chains"', '"clean energy"', '"human rights"', '"Middle East"', '"Indo-Pacific"',
]
PEOPLE = ["Biden", "Harris", "Stoltenberg", "Zelenskyy", "Trump", "Blinken", "Sullivan", "Kirby", "Rutte", "Putin"]
COUNTRIES = ["US", "UA", "CA", "PL", "CN", "RU", "IL", "FR", "DE", "GB", "JP", "MX"]
KINDS = ["pledge", "meeting", "statement", "decision", "contract", "projection"]
ROLES = [None, None, "pledging", "recipient", "host", "mentioned"]


def realistic_queries(lib: Library, n: int, seed: int = 2024) -> list[tuple[str, Query]]:
    """A fixed mix of what people type: words and phrases, AND/OR/NOT, vocabulary of the corpus at
    several frequencies, and filters alone or with words. Half in date order (the app's list), half
    ranked with 20 results (the command line)."""
    rnd = random.Random(seed)
    vocab = []
    conn = lib.conn
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, events_fts, row)")
    terms = [t for t, d in conn.execute("SELECT term, doc FROM temp.bench_vocab ORDER BY doc DESC")
             if t.isalpha() and len(t) >= 4]
    if terms:
        frequent, middle = terms[:1500], terms[1500:15000] or terms
        vocab = rnd.sample(frequent, min(25, len(frequent))) + rnd.sample(middle, min(25, len(middle)))
    out: list[tuple[str, Query]] = []
    words = WORDS + PHRASES
    for w in words:
        out.append(("word/phrase", Query(w)))
    for w in vocab:
        out.append(("corpus vocabulary", Query(w)))
    for _ in range(30):
        a, b = rnd.sample(WORDS, 2)
        op = rnd.choice(["AND", "OR", "NOT", "", "-"])
        text = f"{a} -{b}" if op == "-" else f"{a} {op} {b}".replace("  ", " ")
        out.append(("boolean", Query(text)))
    while len(out) < n:
        q = Query(
            text=rnd.choice(["", "", *WORDS[:30]]),
            kind=rnd.choice([None, None, *KINDS]),
            country=rnd.choice([None, *COUNTRIES]),
            person=rnd.choice([None, None, None, *PEOPLE]),
            lang=rnd.choice([None, None, None, "en", "fr"]),
        )
        if q.country:
            q.role = rnd.choice(ROLES)
        if rnd.random() < 0.5:
            year = rnd.randint(2021, 2025)
            q.date_from, q.date_to = str(year), rnd.choice([str(year), f"{year}-06", None])
        out.append(("filters", q))
    out = out[:n]
    rnd.shuffle(out)
    for i, (_label, q) in enumerate(out):
        if q.text and i % 2:
            q.order, q.limit = "rank", 20
    return out


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


REOPEN = """
import sys, time
t0 = time.perf_counter()
from nato_viewer.core.store import Library
from nato_viewer.core.search import Query
t1 = time.perf_counter()
lib = Library(sys.argv[1])
t2 = time.perf_counter()
lib.search(Query(""))
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", help="the unpacked corpus (default: unpack the archive to a temp folder)")
    ap.add_argument("--db", help="library file (default: a temporary one)")
    ap.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: every core)")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--skip-index", action="store_true", help="use the library in --db as it is")
    ap.add_argument("--resume", action="store_true",
                    help="index into the library in --db without emptying it first (an interrupted run goes on)")
    ap.add_argument("--grow-to", type=int, default=0, metavar="N",
                    help="before the searches, copy the library's documents under new paths until it holds N "
                         "(search figures at full size when the whole corpus could not be parsed in time)")
    ap.add_argument("--parse-baseline", action="store_true", help="also time parsing alone")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    args = ap.parse_args()
    jobs = args.jobs or default_workers()
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        files = corpus_files(args.folder, Path(tmp)) if not args.skip_index else []
        if args.limit:
            files = files[: args.limit]
        db = Path(args.db) if args.db else Path(tmp) / "library.sqlite3"
        text_bytes = sum(os.path.getsize(f) for f in files)
        # The folder itself, as a user would give it (a --limit run lists its files instead).
        paths = files if args.limit else ([os.path.commonpath(files)] if files else [])
        if files:
            print(f"corpus: {len(files)} files, {text_bytes / 1e6:.1f} MB; {jobs} worker processes", flush=True)
        if args.parse_baseline and files:
            started, cpu0 = time.perf_counter(), cpu_seconds()
            for _doc in parse_many(files, workers=jobs):
                pass
            seconds = time.perf_counter() - started
            print(f"parse only:    {seconds:.1f} s, {len(files) / seconds:.0f} documents/s, "
                  f"{(cpu_seconds() - cpu0) / seconds:.2f} cores busy", flush=True)
        if not args.skip_index:
            if not args.resume:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(db) + suffix).unlink(missing_ok=True)
                db.with_suffix(".roots.json").unlink(missing_ok=True)
            index_from_scratch(db, paths, len(files), jobs, text_bytes)
        with Library(db) as lib:
            # With --skip-index the library may hold part of the corpus: re-index the files it holds.
            again = paths if not args.skip_index else [
                r[0] for r in lib.conn.execute("SELECT path FROM documents WHERE path NOT LIKE '/copy-%'")]
            if again:
                report = lib.index(again, workers=jobs)
                print(f"re-index, nothing changed: {report.seconds:.2f} s ({report.unchanged} unchanged, "
                      f"{report.added + report.updated} parsed)")
        if args.grow_to:
            grow(db, args.grow_to)
        reopen(db)
        search_latency(db, args.queries)
        conn = sqlite3.connect(str(db))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        with Library(db) as lib:
            stats = lib.stats()
        size = os.path.getsize(db)
        print(f"size:          {size / 1e6:.0f} MB database for {stats['text_bytes'] / 1e6:.0f} MB of text = "
              f"{size / max(stats['text_bytes'], 1):.2f}x (target <= 3x); {stats['documents']} documents, "
              f"{stats['events']} events, {stats['quotes']} quotes, {stats['figures']} figures")


def index_from_scratch(db: Path, paths: list[str], n_files: int, jobs: int, text_bytes: int) -> None:
    last = [0.0]
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 30 or done == total:
            last[0] = time.perf_counter()
            print(f"  {done}/{total} after {last[0] - started:.0f} s", flush=True)

    t_self0 = os.times()
    cpu0 = cpu_seconds()
    with MemorySampler() as memory, Library(db) as lib:
        report = lib.index(paths, workers=jobs, progress=progress)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu0 - memory.cpu
    t_self1 = os.times()
    parent = (t_self1.user + t_self1.system) - (t_self0.user + t_self0.system) - memory.cpu
    print(f"index: {seconds:.1f} s, {report.added} of {n_files} documents added ({report.unchanged} already "
          f"there, {len(report.errors)} errors), {report.added / seconds:.1f} documents/s, "
          f"{text_bytes / 1e6 / seconds * report.added / max(n_files, 1):.2f} MB/s")
    print(f"  CPU {cpu:.1f} s = {cpu / seconds:.2f} cores busy; parent (receiving results, writing SQLite) "
          f"{parent:.1f} s, workers (parsing) {cpu - parent:.1f} s; peak memory {memory.peak / 1e6:.0f} MB "
          f"parent + workers (memory sampling's own {memory.cpu:.1f} s of CPU left out)")


def grow(db: Path, target: int) -> None:
    """Copy stored documents (under /copy-N/...) until the library holds `target` documents."""
    started = time.perf_counter()
    with Library(db) as lib:
        ids = lib.document_ids()
        have = len(ids)
        for k in range(max(0, target - have)):
            doc = lib.document(ids[k % have])
            doc.path = f"/copy-{k // have + 1}{doc.path}"
            lib.add_document(doc)
        stats = lib.stats()
    print(f"grown from {have} to {stats['documents']} documents ({stats['events']} events) by copying, "
          f"in {time.perf_counter() - started:.0f} s", flush=True)


def reopen(db: Path) -> None:
    runs = []
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", REOPEN, str(db)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        if done.returncode:
            print("re-open failed:", done.stderr.strip()[-500:])
            return
        runs.append([float(x) for x in done.stdout.split()])
    imports, opening, first = (statistics.median(col) for col in zip(*runs))
    print(f"re-open (new process, median of 3): import {imports:.2f} s, open {opening:.3f} s, first search "
          f"with facets (loads the event columns) {first:.2f} s; total {imports + opening + first:.2f} s "
          f"(target < 2 s)")


def search_latency(db: Path, n: int) -> None:
    with Library(db) as lib:
        queries = realistic_queries(lib, n)
        lib.search(Query(""))  # the event columns are loaded once per session
        wall: list[float] = []
        cpu: list[float] = []
        by_label: dict[str, list[float]] = {}
        totals = []
        for label, q in queries:
            c0, t0 = time.process_time(), time.perf_counter()
            result = lib.search(q)
            elapsed = (time.perf_counter() - t0) * 1000
            wall.append(elapsed)
            cpu.append((time.process_time() - c0) * 1000)
            by_label.setdefault(label, []).append(elapsed)
            totals.append(result.total)
    print(f"search ({len(queries)} queries with facets and snippets, median {statistics.median(totals):.0f} "
          f"matching events): wall p50 {percentile(wall, 0.5):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms, "
          f"max {max(wall):.1f} ms (target p95 < 50 ms); CPU p50 {percentile(cpu, 0.5):.1f} ms, "
          f"p95 {percentile(cpu, 0.95):.1f} ms")
    for label, values in sorted(by_label.items()):
        print(f"  {label:<18} {len(values):>3} queries: p50 {percentile(values, 0.5):.1f} ms, "
              f"p95 {percentile(values, 0.95):.1f} ms")
    load = os.getloadavg()[0]
    print(f"  (load average {load:.1f} on {os.cpu_count()} cores during the run)")


if __name__ == "__main__":
    main()
