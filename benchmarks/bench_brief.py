"""Briefing speed: the seed's briefing from the command line, and 200 events of the large corpus.

    .venv/bin/python benchmarks/bench_brief.py [--events 200] [--runs 3]

Targets (issue "briefing sheet"): the seed's briefing in under 2 s from the command line (whole
process: start, parse, figure, PDF); 200 events of the large corpus in under 10 s (building the
content, drawing the figure and writing the PDF from an indexed library). Prints figures only;
nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LARGE = SHARED / "corpus-large" / "wh-briefings-2021-2026.tar.xz"


def seeds() -> list[Path]:
    for folder in (ROOT / "seeds", SHARED / "seeds"):
        files = sorted(folder.glob("*.txt"))
        if files:
            return files
    return []


def bench_cli(runs: int, tmp: Path) -> None:
    files = seeds()
    if not files:
        print("seed: no seed documents, skipped")
        return
    exe = Path(sys.executable).with_name("nato-viewer")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "nato_viewer"]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    for lang in ("fr", "en"):
        times, cpu = [], []
        for _ in range(runs):
            out = tmp / f"seed-{lang}.pdf"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run([*command, "brief", *map(str, files), "--lang", lang, "-o", str(out)],
                                  env=env, capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode != 0:
                print(f"seed {lang}: failed: {done.stderr.strip()}")
                return
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"seed briefing ({lang}), whole command, no display, load {load:.1f}: median {statistics.median(times):.2f} s "
              f"(min {min(times):.2f}, max {max(times):.2f}, {runs} runs; target < 2 s); "
              f"CPU of the command and its parsing process {statistics.median(cpu):.2f} s "
              f"-> {done.stdout.strip()}")


def unpack_nato_files(dest: Path, wanted: int) -> list[Path]:
    """The first `wanted` files of the large corpus that mention NATO, unpacked into `dest`."""
    out: list[Path] = []
    with tarfile.open(LARGE, "r:xz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".md"):
                continue
            data = tar.extractfile(member).read()
            if b"NATO" not in data:
                continue
            path = dest / Path(member.name).name
            path.write_bytes(data)
            out.append(path)
            if len(out) >= wanted:
                break
    return out


def bench_large(n_events: int, tmp: Path) -> None:
    if not LARGE.exists():
        print("large corpus: ../shared/corpus-large is not there, skipped")
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841

    from nato_viewer.core.briefing import BriefingRequest, briefing_from_library
    from nato_viewer.core.store import Library
    from nato_viewer.qt.printing import build_document, paginate, timeline_png, write_pdf

    started = time.perf_counter()
    folder = tmp / "large"
    folder.mkdir()
    files = unpack_nato_files(folder, 80)
    unpacked = time.perf_counter() - started
    library = Library(tmp / "large.sqlite3")
    started = time.perf_counter()
    report = library.index([folder])
    indexed = time.perf_counter() - started
    ids = library.all_event_ids(order="date")[:n_events]
    print(f"large corpus: {len(files)} NATO files unpacked in {unpacked:.1f} s, indexed in {indexed:.1f} s "
          f"({report.added} documents, {len(library.all_event_ids())} events); briefing on {len(ids)} events")

    for lang in ("fr", "en"):
        t0 = time.perf_counter()
        briefing = briefing_from_library(library, BriefingRequest(ids, title="NATO", query="bench", lang=lang))
        t1 = time.perf_counter()
        png = timeline_png(library, ids, lang)
        t2 = time.perf_counter()
        pages = write_pdf(briefing, tmp / f"large-{lang}.pdf", timeline_png=png)
        t3 = time.perf_counter()
        print(f"  {lang}: content {t1 - t0:.2f} s, figure {t2 - t1:.2f} s, PDF {t3 - t2:.2f} s "
              f"({pages} pages, {briefing.n_sources} sources) = {t3 - t0:.2f} s (target < 10 s)")
    # where the PDF time goes: layout and pagination versus painting
    t0 = time.perf_counter()
    doc = build_document(briefing, png)
    doc.size()
    t1 = time.perf_counter()
    pages = paginate(doc, 900)
    t2 = time.perf_counter()
    print(f"  layout {t1 - t0:.2f} s, pagination {t2 - t1:.3f} s ({len(pages)} slices)")
    library.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed-only", action="store_true", help="skip the large corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-brief-") as tmp:
        bench_cli(args.runs, Path(tmp))
        if not args.seed_only:
            bench_large(args.events, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
