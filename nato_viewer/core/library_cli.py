"""`nato-viewer index PATH... [--db PATH] [--jobs N]`: add files and folders to the library."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from nato_viewer.core.i18n import _, ngettext
from nato_viewer.core.parse_cli import Progress
from nato_viewer.core.store import Library, LibraryError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files (.txt, .md, .html) or folders; none: re-index the folders already in the library")
    parser.add_argument("--db", metavar="PATH", help="library database (default: in the user's data folder)")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--remove", action="store_true",
                        help="drop these files or folders from the library instead (the files are not touched)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress line")


class _StopFlag:
    """Ctrl+C asks the run to stop after the document being written: the library stays consistent."""

    def __init__(self):
        self.stop = False
        self.pid = os.getpid()

    def __call__(self) -> bool:
        return self.stop

    def handler(self, signum, frame) -> None:
        if os.getpid() != self.pid:  # a forked parse worker: the parent decides
            return
        if self.stop:  # a second Ctrl+C: stop now
            raise KeyboardInterrupt
        self.stop = True


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        print("nato-viewer: " + _("--jobs must be at least 1"), file=sys.stderr)
        return 2
    try:
        library = Library(args.db, workers=args.jobs)
    except LibraryError as exc:
        print(f"nato-viewer: {exc}", file=sys.stderr)
        return 1
    with library:
        for notice in library.notices:
            print(f"nato-viewer: {notice}", file=sys.stderr)
        if args.remove:
            n = library.remove(args.paths)
            print(ngettext("{n} document removed from {db}", "{n} documents removed from {db}", n).format(
                n=n, db=library.path))
            return 0
        paths = args.paths or library.roots()
        if not paths:
            print("nato-viewer: " + _("nothing to index: give files or folders (nato-viewer index PATH...)"),
                  file=sys.stderr)
            return 2
        stop = _StopFlag()
        # Set before the worker processes fork, so they inherit it and ignore Ctrl+C too: the parent
        # decides when to stop, and no worker dies with a traceback.
        previous = signal.signal(signal.SIGINT, stop.handler)
        try:
            report = library.index(paths, workers=args.jobs, progress=Progress(not args.quiet),
                                   should_stop=stop)
        except LibraryError as exc:
            print(f"nato-viewer: {exc}", file=sys.stderr)
            return 1
        finally:
            signal.signal(signal.SIGINT, previous)
        for error in report.errors:
            print(f"nato-viewer: {error}", file=sys.stderr)
        stats = library.stats()
        print(_("{added} added, {updated} updated, {unchanged} unchanged, {removed} removed, {errors} failed "
                "in {seconds:.1f} s; the library {db} holds {docs} documents and {events} events.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged, removed=report.removed,
            errors=len(report.errors), seconds=report.seconds, db=library.path, docs=stats["documents"],
            events=stats["events"]))
        if report.stopped:
            print("nato-viewer: " + _("interrupted: the documents written so far are complete; "
                                      "run the same command again to finish."), file=sys.stderr)
            return 130
        return 1 if report.errors else 0
