"""`nato-viewer parse PATH... [--format json|table]`."""

from __future__ import annotations

import argparse
import json
import sys

from nato_viewer.core.batch import default_workers, parse_many
from nato_viewer.core.export import export
from nato_viewer.core.loader import iter_files
from nato_viewer.core.model import Document, ParseError
from nato_viewer.core.parsing.text import shorten


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt, .md) or folders")
    parser.add_argument("--format", choices=["json", "table"], default="table")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress line")


class Progress:
    """A one-line progress counter on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        pct = done * 100 // max(total, 1)
        if pct != self.last or done == total:
            self.last = pct
            sys.stderr.write(f"\rparsing {done}/{total} ({pct}%)")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    missing: list[tuple[str, str]] = []
    files = [str(p) for p in iter_files(args.paths, missing)]
    errors = [ParseError(p, m) for p, m in missing]
    docs: list[Document] = []
    jobs = args.jobs or default_workers()
    for result in parse_many(files, workers=jobs, progress=Progress(not args.quiet)):
        if isinstance(result, ParseError):
            errors.append(result)
        else:
            docs.append(result)
    for err in errors:
        print(f"nato-viewer: {err}", file=sys.stderr)
    if args.format == "json":
        json.dump(export(docs, errors), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_table(docs)
    if not files and not errors:
        print("nato-viewer: no .txt or .md files found", file=sys.stderr)
        return 1
    return 1 if errors else 0


def print_table(docs: list[Document]) -> None:
    out = sys.stdout
    for doc in docs:
        out.write(f"{doc.name}  [{doc.language}] {doc.date or '?'}  {shorten(doc.title, 80)}\n")
        for e in doc.events:
            when = e.start or "?"
            if e.end:
                when += f"..{e.end}"
            out.write(f"  {e.id:<4} {e.kind:<11} {when:<22} {e.precision:<8} {shorten(e.title, 70)}\n")
        for q in doc.quotes:
            out.write(f"  {q.id:<4} quote       {shorten(q.speaker or '?', 22):<22} «{shorten(q.text, 60)}»\n")
        for f in doc.figures:
            unit = f.unit or f.counted or ("%" if f.kind == "percent" else "")
            out.write(f"  {f.id:<4} {f.kind:<11} {f.value:<22g} {unit:<8} {shorten(f.text, 50)}\n")
        if doc.countries:
            out.write("  countries  " + ", ".join(f"{c.code}({'/'.join(c.roles)})" for c in doc.countries) + "\n")
        if doc.people:
            out.write("  people     " + ", ".join(p.name for p in doc.people) + "\n")
        out.write("\n")
