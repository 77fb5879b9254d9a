"""`nato-viewer search QUERY [--country CODE] [--role ROLE] [--person NAME] [--kind KIND] [--from DATE]
[--to DATE] [--lang fr|en] [--format table|json] [--limit N] [--db PATH]`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from nato_viewer.core.i18n import _, ngettext
from nato_viewer.core.model import COUNTRY_ROLES, EVENT_KINDS
from nato_viewer.core.parsing.text import shorten
from nato_viewer.core.search import HIGHLIGHT_END, HIGHLIGHT_START, ORDERS, Query, iso_bounds
from nato_viewer.core.store import Library, LibraryError, default_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", default="", metavar="QUERY",
                        help='words, "a phrase", AND / OR / NOT, -word, prefix*; accents and case do not matter')
    parser.add_argument("--country", metavar="CODE", help="ISO country code, e.g. PL")
    parser.add_argument("--role", choices=COUNTRY_ROLES, help="the country's role (with --country)")
    parser.add_argument("--person", metavar="NAME", help="a person named or quoted (part of the name is enough)")
    parser.add_argument("--kind", choices=EVENT_KINDS, help="event kind")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="from this date: 2024, 2024-02 or 2024-02-15")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date (inclusive)")
    parser.add_argument("--lang", choices=["fr", "en"], help="documents in this language")
    parser.add_argument("--order", choices=ORDERS, default=None,
                        help="result order (default: rank with a query, date without)")
    parser.add_argument("--desc", action="store_true", help="reverse the order")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--limit", type=int, default=20, help="results to print (0: all; default 20)")
    parser.add_argument("--db", metavar="PATH", help="library database (default: in the user's data folder)")


def run(args: argparse.Namespace) -> int:
    for value in (args.date_from, args.date_to):
        if value and iso_bounds(value) is None:
            print("nato-viewer: " + _("“{date}” is not a date: use 2024, 2024-02 or 2024-02-15").format(date=value),
                  file=sys.stderr)
            return 2
    if args.limit < 0:
        print("nato-viewer: " + _("--limit must be 0 (all) or more"), file=sys.stderr)
        return 2
    if args.country and not (len(args.country.strip()) == 2 and args.country.strip().isalpha()):
        print("nato-viewer: " + _("--country takes a two-letter ISO code, e.g. PL or FR"), file=sys.stderr)
        return 2
    path = Path(args.db).expanduser() if args.db else default_path()
    if not path.exists():
        print("nato-viewer: " + _("no library at {path} yet: add documents with nato-viewer index PATH").format(
            path=path), file=sys.stderr)
        return 1
    query = Query(
        text=args.query, country=args.country, role=args.role, person=args.person, kind=args.kind,
        date_from=args.date_from, date_to=args.date_to, lang=args.lang,
        order=args.order or ("rank" if args.query.strip() else "date"), descending=args.desc,
        limit=args.limit or None,
    )
    try:
        with Library(path) as library:
            for notice in library.notices:
                print(f"nato-viewer: {notice}", file=sys.stderr)
            result = library.search(query)
            rows = library.event_rows(result.event_ids)
    except LibraryError as exc:
        print(f"nato-viewer: {exc}", file=sys.stderr)
        return 1
    if result.message:
        print(f"nato-viewer: {result.message}", file=sys.stderr)
    if args.format == "json":
        _print_json(query, result, rows)
    else:
        _print_table(result, rows, sys.stdout.isatty())
    return 0


def _print_json(query: Query, result, rows) -> None:
    out = {
        "query": asdict(query),
        "total": result.total,
        "message": result.message,
        "elapsed_ms": round(result.elapsed_ms, 1),
        "results": [
            {**{k: v for k, v in asdict(r).items() if k not in ("start_ts", "end_ts")},
             "span": list(r.span), "snippet": result.snippets.get(r.id)}
            for r in rows
        ],
        "facets": asdict(result.facets),
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _highlight(snippet: str, tty: bool) -> str:
    start, end = ("\x1b[1m", "\x1b[0m") if tty else ("[", "]")
    return snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def _print_table(result, rows, tty: bool) -> None:
    out = sys.stdout
    out.write(ngettext("{n} event", "{n} events", result.total).format(n=result.total)
              + f"  ({result.elapsed_ms:.0f} ms)\n")
    for r in rows:
        when = r.start or r.doc_date or "?"
        if r.end:
            when += f"..{r.end}"
        countries = ",".join(r.countries[:4]) + ("…" if len(r.countries) > 4 else "")
        out.write(f"{when:<22} {r.kind:<11} {r.language} {countries:<14} {shorten(r.title, 70)}\n")
        snippet = result.snippets.get(r.id)
        if snippet:
            out.write("    " + _highlight(shorten(snippet, 160), tty) + "\n")
        out.write(f"    {r.doc_name}\n")
    if result.total > len(rows):
        out.write(_("… {n} more (use --limit 0 to see them all)").format(n=result.total - len(rows)) + "\n")
    f = result.facets
    if result.total:
        out.write("\n")
        _facet_line(out, _("countries"), [f"{c.key}/{c.role} {c.count}" for c in f.countries[:10]])
        _facet_line(out, _("people"), [f"{c.key} {c.count}" for c in f.people[:8]])
        _facet_line(out, _("kinds"), [f"{c.key} {c.count}" for c in f.kinds])
        _facet_line(out, _("years"), [f"{c.key or '?'} {c.count}" for c in f.years])
        _facet_line(out, _("languages"), [f"{c.key} {c.count}" for c in f.languages])


def _facet_line(out, label: str, items: list[str]) -> None:
    if items:
        out.write(f"{label + ':':<11} " + ", ".join(items) + "\n")
