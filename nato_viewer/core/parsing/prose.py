"""The document as running prose: hard-wrapped paragraphs joined back, same length as the text.

Some sources (Markdown exports of press releases) wrap paragraphs at ~70
columns, so a line break is not a paragraph break there. Quotes and names
that run over a wrapped line must still read as one piece; the extractors of
this package that care about paragraphs read `prose(ctx)` instead of `ctx.scan`.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import and_

from nato_viewer.core.parsing.context import ParseContext

_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,2000}>|<!--.{0,2000}?-->", re.S)
_NOT_NEWLINE_RE = re.compile(r"[^\n]")
_START, _SPAN = re.Match.start, re.Match.span
# a line break inside a paragraph: the next line is not blank and opens no list item, heading or table row
# (a line of 40 characters or more, not ending with a colon: short lines are headings and list items)
_SOFT_BREAK_RE = re.compile(r"\n(?<=[^\n]{39}[^\n:]\n)(?=[ \t]*(?![-–—•*+#>|][ \t]|\d+[.)][ \t]|\|)\S)")

# A line break inside the label of a Markdown link, "[Rep. Harriet\nHageman](https://…)": the label is one
# phrase however the text is wrapped (a link's long address often pushes the end of its label to the next
# line, after a line too short to count as wrapped).
_LINK_LABEL_BREAK_RE = re.compile(r"\[[^\[\]\n]{0,200}(\n)[ \t]*[^\[\]\n\s][^\[\]\n]{0,200}\]\(")


def is_hard_wrapped(scan: str, start: int = 0) -> bool:
    """Most paragraph lines are 40-100 characters long and followed by another line of the same paragraph."""
    # map/filter/compress with C callables: no Python frame for each line of a long text
    lines = scan[start:].split("\n")
    filled = list(map(bool, map(str.strip, lines)))
    n_body = sum(filled)
    if n_body < 4:
        return False
    lengths = list(map(len, lines))
    if sum(1 for _ in filter((110).__lt__, compress(lengths, filled))) > 0.1 * n_body:
        return False  # a long line here and there is a link or a table, most lines are short when wrapped
    # lines of 40 characters or more between two filled lines (this one and the next)
    joined = sum(compress(map((39).__lt__, lengths), map(and_, filled, filled[1:])))
    return joined >= 0.3 * n_body


LINE_REACH = 2000  # characters looked at around a position to find its line: bounds the cost of huge lines


def line_start(scan: str, pos: int, reach: int = LINE_REACH) -> int:
    """Start of the line holding `pos`, or `pos - reach` inside a very long line."""
    lo = max(0, pos - reach)
    k = scan.rfind("\n", lo, pos)
    return k + 1 if k != -1 else lo


def line_end(scan: str, pos: int, reach: int = LINE_REACH) -> int:
    """End of the line holding `pos` (its line break), or `pos + reach` inside a very long line."""
    hi = min(len(scan), pos + reach)
    k = scan.find("\n", pos, hi)
    return k if k != -1 else hi


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` turned into spaces, line breaks kept."""
    parts, pos = [], 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(_NOT_NEWLINE_RE.sub(" ", text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _spaces_at(text: str, cuts: list[slice]) -> str:
    """`text` with a space between the pieces `cuts` (see `_cuts`): one join over C calls, no Python loop."""
    return " ".join(map(text.__getitem__, cuts))


def _cuts(positions: list[int], length: int) -> list[slice]:
    """The pieces of a text of `length` characters around the (ascending) positions, as slices."""
    starts = [0]
    starts += map((1).__add__, positions)
    return list(map(slice, starts, [*positions, length]))


def prose(ctx: ParseContext) -> ParseContext:
    """`ctx` itself, or a copy whose scan and folded text have the soft line breaks of a hard-wrapped
    document turned into spaces and stray HTML tags blanked (same length, so offsets hold in `ctx.text`)."""
    cached = ctx._cache.get("prose")
    if cached is not None:
        return cached
    view = ctx
    scan = ctx.scan
    soft: list[int] = []
    tags: list[tuple[int, int]] = []
    if "<" in scan:
        # HTML left inside a Markdown or text file (figures, links): its attribute values are not quotes
        tags = list(map(_SPAN, _TAG_RE.finditer(scan, ctx.body_start)))
    if is_hard_wrapped(scan, ctx.body_start):
        soft = list(map(_START, _SOFT_BREAK_RE.finditer(scan, ctx.body_start)))  # C calls: no frame a match
    if "](" in scan:
        labels = [m.start(1) for m in _LINK_LABEL_BREAK_RE.finditer(scan, ctx.body_start)]
        if labels:
            soft = sorted(set(soft).union(labels))
    if soft or tags:
        new_scan, new_folded = scan, ctx.folded
        if soft:
            cuts = _cuts(soft, len(scan))
            new_scan, new_folded = _spaces_at(new_scan, cuts), _spaces_at(new_folded, cuts)
        if tags:
            new_scan, new_folded = _blank(new_scan, tags), _blank(new_folded, tags)
        view = ParseContext(text=ctx.text, scan=new_scan, language=ctx.language,
                            doc_date=ctx.doc_date, body_start=ctx.body_start, file_name=ctx.file_name,
                            front_matter_spans=ctx.front_matter_spans)
        view.__dict__["folded"] = new_folded
    ctx._cache["prose"] = view
    return view
