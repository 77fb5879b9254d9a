"""`nato-viewer brief`: a briefing sheet (PDF or HTML) on files, a search, or the library, without a display.

With PATHs the files are indexed into a temporary library (or into --db) and the briefing covers
their events; without PATHs it covers the library, or the seed documents when the library is empty.
Qt is needed for the PDF and the timeline figure: with no display it runs on the offscreen platform.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

from nato_viewer.core.briefing import quotation
from nato_viewer.core.formatting import country_name, format_date, kind_label, parse_iso
from nato_viewer.core.i18n import _, current_language, install, ngettext, system_language
from nato_viewer.core.model import EVENT_KINDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders to brief on (default: the library, or the seeds when it is empty)")
    parser.add_argument("--query", "-q", default="", metavar="Q", help='full-text query: words, "phrases", AND/OR/NOT')
    parser.add_argument("--country", metavar="CODE", help="only events involving this country (ISO code: FI, PL...)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="from this date (2024, 2024-02, 2024-02-15)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date, inclusive")
    parser.add_argument("--kind", choices=EVENT_KINDS, help="only events of this kind")
    parser.add_argument("--lang", choices=["fr", "en"], help="language of the briefing (default: the system's); "
                        "French prints on A4, English on US Letter")
    parser.add_argument("--title", default="", metavar="T", help="title printed on the briefing")
    parser.add_argument("--db", metavar="PATH", help="library database (default: in the user's data folder)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write (briefing.pdf)")
    parser.add_argument("--format", choices=["pdf", "html"],
                        help="pdf or html (default: from the output's extension, else pdf)")


class UsageError(Exception):
    """A mistake in the command line, reported in one line (exit status 2)."""


class BriefFailed(Exception):
    """The briefing could not be made or written, reported in one line (exit status 1)."""


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    lang = install(args.lang or system_language())
    from nato_viewer.core.store import LibraryError

    with tempfile.TemporaryDirectory(prefix="nato-viewer-brief-") as tmp:
        try:
            output, briefing, pages = _brief(args, lang, Path(tmp))
        except UsageError as exc:
            print(f"nato-viewer brief: {exc}", file=sys.stderr)
            return 2
        except (BriefFailed, LibraryError, OSError) as exc:
            print(f"nato-viewer brief: {exc}", file=sys.stderr)
            return 1
    pages_text = ngettext("{n} page", "{n} pages", pages).format(n=pages) + ", " if pages else ""
    print(
        _("wrote {path} ({pages}{counts}) in {seconds:.1f} s").format(
            path=output, pages=pages_text, counts=briefing.counts_text(), seconds=time.perf_counter() - started
        )
    )
    return 0


def _brief(args: argparse.Namespace, lang: str, tmp: Path):
    """Index, select, build and write; returns (output path, briefing, pages written or 0 for HTML)."""
    output, out_format = _check(args)
    db_path, to_index, scope = _plan(args, tmp)
    # Parsing runs in another process while this one loads Qt and the plot: on two free cores the
    # briefing of a few files is ready in about the time the slower of the two takes.
    job = _Indexing(db_path, to_index) if to_index else None
    try:
        app = _start_qt()  # noqa: F841  (kept alive until the briefing is written)
    except BaseException:
        if job is not None:
            job.close()
        raise
    from nato_viewer.core.briefing import BriefingRequest, briefing_from_library
    from nato_viewer.core.briefing_html import render_standalone_html
    from nato_viewer.core.store import Library
    from nato_viewer.qt.printing import PrintError, timeline_png, timeline_size_px, write_pdf

    if job is not None:
        for message in job.messages():
            print(f"nato-viewer brief: {message}", file=sys.stderr)
    library = Library(db_path)
    try:
        ids, message = _select(library, args)
        if message:
            print(f"nato-viewer brief: {message}", file=sys.stderr)
        if not ids:
            raise BriefFailed(_("no event matches; nothing was written."))
        request = BriefingRequest(event_ids=ids, title=args.title or "", query=_describe(args, scope, lang),
                                  lang=lang)
        briefing = briefing_from_library(library, request)
        png = timeline_png(library, ids, lang)
        if out_format == "html":
            output.write_text(render_standalone_html(briefing, png, timeline_size_px(lang)), encoding="utf-8")
            return output, briefing, 0
        try:
            return output, briefing, write_pdf(briefing, output, timeline_png=png)
        except PrintError as exc:
            raise BriefFailed(str(exc)) from None
    finally:
        library.close()


def _plan(args: argparse.Namespace, tmp: Path) -> tuple[Path | None, list[str], str]:
    """Which library to read, what to index into it first, and what it holds ("paths", "library", "seeds")."""
    from nato_viewer.core.resources import seeds_path

    if args.paths:
        return (Path(args.db) if args.db else tmp / "brief.sqlite3"), list(args.paths), "paths"
    from nato_viewer.core.store import Library

    library = Library(args.db)
    try:
        for notice in library.notices:
            print(f"nato-viewer brief: {notice}", file=sys.stderr)
        if library.all_event_ids():
            return library.path, [], "library"
    finally:
        library.close()
    seeds = seeds_path()
    if not seeds.is_dir():
        raise UsageError(_("the library is empty; give files or folders to brief on"))
    return tmp / "seeds.sqlite3", [str(seeds)], "seeds"


def _index_job(db_path: str, paths: list[str], lang: str) -> list[str]:
    """Index `paths` into the library at `db_path`; the messages for the user."""
    from nato_viewer.core.store import Library

    install(lang)
    library = Library(db_path)
    try:
        report = library.index(paths)  # many files: on every core; a few: right here
        return list(library.notices) + [str(e) for e in report.errors]
    finally:
        library.close()


class _Indexing:
    """`_index_job` running in a child process (or here, when Qt already runs in this process)."""

    def __init__(self, db_path: Path, paths: list[str]):
        self._args = (str(db_path), paths, current_language())
        self._pool = None
        self._future = None
        if not _qt_running():
            from concurrent.futures import ProcessPoolExecutor

            # fork before Qt starts any thread (on Linux); the platform's default elsewhere
            context = mp.get_context("fork") if sys.platform.startswith("linux") else None
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            self._future = self._pool.submit(_index_job, *self._args)

    def messages(self) -> list[str]:
        if self._future is None:
            return _index_job(*self._args)
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._future.result()
        except BrokenProcessPool:  # the child was killed: parse here instead
            return _index_job(*self._args)
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _qt_running() -> bool:
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets is not None and widgets.QApplication.instance() is not None


def _start_qt():
    from nato_viewer.cli import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["nato-viewer"])  # not a QGuiApplication: the plot is a widget
    import nato_viewer.qt.timeline  # noqa: F401  (loaded here, while the child process parses)

    return app


def _check(args: argparse.Namespace) -> tuple[Path, str]:
    output = Path(args.output)
    out_format = args.format or ("html" if output.suffix.lower() in (".html", ".htm") else "pdf")
    if not output.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist").format(folder=output.parent))
    if output.is_dir():
        raise UsageError(_("{path} is a folder; give a file name").format(path=output))
    for name, value in (("--from", args.date_from), ("--to", args.date_to)):
        if value is not None and parse_iso(value) is None:
            raise UsageError(
                _("{option} {value!r} is not a date; write 2024, 2024-02 or 2024-02-15").format(option=name, value=value)
            )
    if args.date_from and args.date_to and _padded(args.date_from) > _padded(args.date_to, end=True):
        raise UsageError(_("--from is after --to"))
    if args.country is not None:
        code = args.country.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise UsageError(_("--country takes a two-letter ISO code, such as FI or PL"))
        args.country = code
    for path in args.paths:
        if not Path(path).exists():
            raise UsageError(_("no such file or folder: {path}").format(path=path))
    return output, out_format


def _padded(iso: str, end: bool = False) -> str:
    return (iso + ("-99-99" if end else "-00-00"))[:10]


def _select(library, args: argparse.Namespace) -> tuple[list[int], str | None]:
    """Event ids in date order: the search when one is asked for, else everything in scope."""
    from nato_viewer.core.search import Query

    filtered = any((args.query, args.country, args.date_from, args.date_to, args.kind))
    if filtered:
        result = library.search(Query(text=args.query or "", country=args.country, kind=args.kind,
                                      date_from=args.date_from, date_to=args.date_to, order="date"))
        ids, message = list(result.event_ids), result.message
    else:
        ids, message = library.all_event_ids(order="date"), None
    if args.paths and args.db:
        # A shared library holds more than the files named: keep their events only.
        roots = [Path(p).resolve() for p in args.paths]
        rows = library.event_rows(ids)
        ids = [r.id for r in rows if _under(Path(r.doc_path).resolve(), roots)]
    return ids, message


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _describe(args: argparse.Namespace, scope: str, lang: str) -> str:
    """The search or selection, as printed in the briefing's header."""
    parts = []
    if args.query:
        parts.append(_("search: {query}").format(query=quotation(args.query, lang)))
    if args.country:
        parts.append(_("country: {country}").format(country=country_name(args.country, lang)))
    if args.kind:
        parts.append(_("kind: {kind}").format(kind=kind_label(args.kind)))
    if args.date_from and args.date_to:
        parts.append(_("from {start} to {end}").format(start=format_date(args.date_from, lang),
                                                       end=format_date(args.date_to, lang)))
    elif args.date_from:
        parts.append(_("from {start}").format(start=format_date(args.date_from, lang)))
    elif args.date_to:
        parts.append(_("up to {end}").format(end=format_date(args.date_to, lang)))
    if not parts:
        if scope == "paths":
            n = len(args.paths)
            parts.append(ngettext("all events of {n} file or folder", "all events of {n} files or folders", n).format(n=n))
        elif scope == "seeds":
            parts.append(_("all events of the seed documents"))
        else:
            parts.append(_("all events in the library"))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]
