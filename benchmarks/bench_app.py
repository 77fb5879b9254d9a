"""Benchmark of the desktop app on an existing library (not a test: it prints figures).

    .venv/bin/python benchmarks/bench_app.py --db /tmp/large.sqlite3

Measures, against the targets of the issue:
- launch: from starting the process to the window's first paint (target < 2 s);
- search: from a keystroke in the search box to the list and timeline updated and repainted,
  without the 150 ms debounce that waits for the user to stop typing (target < 100 ms);
- zoom: redrawing the timeline after a zoom (target < 50 ms);
- memory: resident set size after the searches (target < 1 GB).

Runs offscreen unless a display is set (QT_QPA_PLATFORM decides). The library is built with
`nato-viewer index FOLDER --db PATH` beforehand (the 14,000 texts of ../shared/corpus-large).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

QUERIES = ["nato", "ukraine", "drones", "tariffs", "china trade", "president", "\"national security\"", "climate",
           "russia OR ukraine", "biden NOT harris", ""]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_launch(db: str) -> None:
    """Launch as nato_viewer.qt.app.run does; print the wall-clock times of the window's first paint
    and of the first paint showing the library's events, with the process's CPU time at each."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from nato_viewer.core import i18n
    from nato_viewer.core.store import Library
    from nato_viewer.qt.app import compose
    from nato_viewer.qt.settings_store import SettingsStore

    app = QApplication(sys.argv[:1])
    i18n.install("en")

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and obj is window.timeline.graphics.viewport():
                stamp = f"{time.time():.6f} CPU {time.process_time():.3f} RSS {rss_mb():.1f}"
                if not self.painted:
                    self.painted = True
                    print(f"PAINTED {stamp}", flush=True)
                if window.controller.result is not None:
                    print(f"FILLED {stamp}", flush=True)
                    app.quit()
            return False

    library = Library(db)
    window = compose(library, SettingsStore(db + ".bench.ini"), "en")
    paints = Paints()
    paints.painted = False
    window.timeline.graphics.viewport().installEventFilter(paints)
    window.resize(1600, 1000)
    window.show()
    window.start_after_first_paint()
    app.exec()
    library.close()


def measure_launch(db: str, runs: int) -> list[tuple[float, float, float, float]]:
    """(first paint, events painted) wall seconds from the process's start, and the CPU seconds at each."""
    times = []
    for _run in range(runs):
        started = time.time()
        out = subprocess.run([sys.executable, __file__, "--child-launch", "--db", db], capture_output=True,
                             text=True, timeout=300, env=dict(os.environ))
        lines = {x.split()[0]: x.split() for x in out.stdout.splitlines() if x.startswith(("PAINTED", "FILLED"))}
        if "PAINTED" not in lines or "FILLED" not in lines:
            raise SystemExit(f"launch failed: {out.stderr.strip()[-500:]}")
        times.append((float(lines["PAINTED"][1]) - started, float(lines["FILLED"][1]) - started,
                      float(lines["PAINTED"][3]), float(lines["FILLED"][3])))
    return times


def measure_in_process(db: str) -> dict:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from nato_viewer.core import i18n
    from nato_viewer.core.store import Library
    from nato_viewer.qt.app import compose
    from nato_viewer.qt.settings_store import SettingsStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install("en")
    library = Library(db)
    stats = library.stats()
    window = compose(library, SettingsStore(db + ".bench.ini"), "en")
    window.resize(1600, 1000)
    window.start()
    window.show()
    app.processEvents()  # benchmark only: let the first paint happen before measuring

    def repaint_views() -> None:
        window.table.viewport().repaint()
        window.timeline.graphics.viewport().repaint()

    search_ms, search_cpu_ms, core_ms, counts = [], [], [], []
    edit = window.search_bar.text_edit
    for query in QUERIES * 2:
        edit.clear()
        window.search_bar.flush()
        app.processEvents()
        edit.setText(query[:-1] if query else "")
        window.search_bar._timer.stop()
        started, cpu_started = time.perf_counter(), time.process_time()
        if query:
            QTest.keyClick(edit, query[-1])  # the last keystroke
        window.search_bar.flush()  # what the debounce timer does 150 ms later
        repaint_views()
        search_ms.append((time.perf_counter() - started) * 1000)
        search_cpu_ms.append((time.process_time() - cpu_started) * 1000)
        core_ms.append(window.controller.last_search_ms)
        counts.append(window.event_model.rowCount())

    # zoom: from the whole corpus to a quarter, a month, then back out
    edit.clear()
    window.search_bar.flush()
    repaint_views()
    lo, hi = window.timeline.time_range()
    spans = [(lo, hi), (lo + (hi - lo) * 0.5, lo + (hi - lo) * 0.75), (hi - 40 * 86400, hi - 10 * 86400),
             (lo + (hi - lo) * 0.2, lo + (hi - lo) * 0.9)]
    zoom_ms = []
    for _round in range(3):
        for a, b in spans:
            started = time.perf_counter()
            window.timeline.set_time_range(a, b)
            window.timeline.graphics.viewport().repaint()
            zoom_ms.append((time.perf_counter() - started) * 1000)
    # wheel zoom as the user does it
    viewport = window.timeline.graphics.viewport()
    wheel_ms = []
    for _step in range(6):
        started = time.perf_counter()
        window.timeline.plot.getViewBox().scaleBy(x=0.7, y=1)
        viewport.repaint()
        wheel_ms.append((time.perf_counter() - started) * 1000)

    result = {
        "documents": stats.get("documents"),
        "events": stats.get("events"),
        "search_ms": search_ms,
        "search_cpu_ms": search_cpu_ms,
        "core_ms": core_ms,
        "counts": counts,
        "zoom_ms": zoom_ms + wheel_ms,
        "rss_mb": rss_mb(),
        "dense": window.timeline.dense,
    }
    window.close()
    library.close()
    return result


def _fmt(values: list[float]) -> str:
    return (f"median {statistics.median(values):.1f} ms, p90 {sorted(values)[int(len(values) * 0.9) - 1]:.1f} ms, "
            f"max {max(values):.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an indexed library (nato-viewer index FOLDER --db PATH)")
    parser.add_argument("--launch-runs", type=int, default=3)
    parser.add_argument("--child-launch", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child_launch:
        child_launch(args.db)
        return 0
    if not os.path.exists(args.db):
        print(f"no library at {args.db}: build it with nato-viewer index FOLDER --db {args.db}", file=sys.stderr)
        return 2
    launch = measure_launch(args.db, args.launch_runs)
    figures = measure_in_process(args.db)
    print(f"library: {figures['documents']} documents, {figures['events']} events ({args.db})")
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM')}, {os.cpu_count()} cores")
    painted, filled = [t[0] for t in launch], [t[1] for t in launch]
    print(f"launch to painted window: {', '.join(f'{t:.2f} s' for t in painted)} "
          f"(median {statistics.median(painted):.2f} s, CPU {statistics.median(t[2] for t in launch):.2f} s; "
          "target < 2 s)")
    print(f"launch to the library's events painted: {', '.join(f'{t:.2f} s' for t in filled)} "
          f"(median {statistics.median(filled):.2f} s, CPU {statistics.median(t[3] for t in launch):.2f} s)")
    print(f"keystroke to list + timeline repainted: {_fmt(figures['search_ms'])} (target < 100 ms; "
          f"core search alone {_fmt(figures['core_ms'])})")
    print(f"    CPU time of the same: {_fmt(figures['search_cpu_ms'])} (the machine's load inflates wall time)")
    second = slice(len(QUERIES), None)
    for query, ms, cpu, n in zip(QUERIES, figures["search_ms"][second], figures["search_cpu_ms"][second],
                                 figures["counts"][second], strict=True):
        print(f"    {query or '(everything)':<24} {n:>7} events  {ms:7.1f} ms  (CPU {cpu:6.1f} ms)")
    print(f"timeline redraw after zoom: {_fmt(figures['zoom_ms'])} (target < 50 ms)")
    print(f"resident memory after the searches: {figures['rss_mb']:.0f} MB (target < 1024 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
