"""Parsing speed and memory on the 14,000 real texts of ../shared/corpus-large.

    .venv/bin/python benchmarks/bench_parse.py [FOLDER] [--jobs N] [--limit N]

FOLDER is the unpacked corpus (e.g. /tmp/whb); without it the archive is unpacked to a temporary
folder first (not timed). Parses every file with nato_viewer.core.batch.parse_many on every core and
prints documents/s, MB/s (total and per core) and the peak memory of the parent plus its workers.
Targets (parser issue): at least 1 MB/s per core, the whole archive in under 90 s on 2 cores, under
500 MB of memory. Prints figures only; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nato_viewer.core.batch import default_workers, parse_many  # noqa: E402
from nato_viewer.core.loader import iter_files  # noqa: E402
from nato_viewer.core.model import ParseError  # noqa: E402

ARCHIVE = ROOT.parent / "shared" / "corpus-large" / "wh-briefings-2021-2026.tar.xz"


def corpus_files(folder: str | None, tmp: Path) -> list[str]:
    """The corpus's document files; unpacks the archive into `tmp` when no folder is given."""
    if folder is None:
        if not ARCHIVE.exists():
            sys.exit(f"no folder given and {ARCHIVE} is absent")
        print(f"unpacking {ARCHIVE.name} to {tmp} ...", flush=True)
        with tarfile.open(ARCHIVE) as tar:
            tar.extractall(tmp, filter="data")
        folder = str(tmp)
    return [str(p) for p in iter_files([folder])]


class MemorySampler:
    """Peak of the summed resident memory of this process and all its descendants, read from /proc."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.peak = 0
        self.cpu = 0.0  # CPU seconds the sampling itself used (to subtract from the parent's)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        started = time.thread_time()
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(os.getpid()))
            self.cpu = time.thread_time() - started
            self._stop.wait(self.interval)


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and its descendants (0 where /proc is not readable)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as f:
                rss[int(entry)] = int(f.read().split()[1]) * page
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", help="the unpacked corpus (default: unpack the archive to a temp folder)")
    ap.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: every core)")
    ap.add_argument("--limit", type=int, default=0, help="parse only the first N files (0: all)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        files = corpus_files(args.folder, Path(tmp))
        if args.limit:
            files = files[: args.limit]
        size = sum(os.path.getsize(f) for f in files)
        jobs = args.jobs or default_workers()
        print(f"{len(files)} files, {size / 1e6:.1f} MB, {jobs} worker processes", flush=True)
        docs = errors = events = quotes = figures = 0
        cpu0 = cpu_seconds()
        started = time.perf_counter()
        with MemorySampler() as memory:
            for result in parse_many(files, workers=jobs):
                if isinstance(result, ParseError):
                    errors += 1
                    continue
                docs += 1
                events += len(result.events)
                quotes += len(result.quotes)
                figures += len(result.figures)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds() - cpu0 - memory.cpu
    maxrss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    maxrss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    mb = size / 1e6
    print(f"parsed {docs} documents ({errors} errors): {events} events, {quotes} quotes, {figures} figures")
    print(f"time          {seconds:.1f} s  (target: whole archive < 90 s)")
    print(f"documents/s   {len(files) / seconds:.0f}")
    print(f"MB/s          {mb / seconds:.2f} total, {mb / seconds / jobs:.2f} per core (target >= 1 MB/s per core)")
    print(f"CPU           {cpu:.1f} s over {seconds:.1f} s wall = {cpu / seconds:.2f} cores busy; "
          f"{mb / max(cpu, 1e-9):.2f} MB per CPU-second")
    print(f"peak memory   {memory.peak / 1e6:.0f} MB parent + workers (sampled /proc); ru_maxrss parent "
          f"{maxrss_self / 1e6:.0f} MB, largest worker {maxrss_child / 1e6:.0f} MB (target < 500 MB)")


if __name__ == "__main__":
    main()
