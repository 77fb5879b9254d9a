"""The document as running prose: hard-wrapped paragraphs joined back, same length as the text.

Some sources (Markdown exports of press releases) wrap paragraphs at ~70
columns, so a line break is not a paragraph break there. Quotes and names
that run over a wrapped line must still read as one piece; the extractors of
this package that care about paragraphs read `prose(ctx)` instead of `ctx.scan`.
"""

from __future__ import annotations

import re

from nato_viewer.core.parsing.context import ParseContext

_LINE_RE = re.compile(r"[^\n]*\n?")
_SOFT_BREAK_RE = re.compile(r"(?<=[^\n])\n(?=[ \t]*[^\s\-–—•*#>|\d])")


def is_hard_wrapped(scan: str, start: int = 0) -> bool:
    """Most paragraph lines are 40-100 characters long and followed by another line of the same paragraph."""
    lines = [ln for ln in scan[start:].split("\n")]
    body = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(body) < 4:
        return False
    if max(len(lines[i]) for i in body) > 110:
        return False
    joined = sum(1 for i in body if i + 1 < len(lines) and lines[i + 1].strip() and len(lines[i]) >= 40)
    return joined >= 0.3 * len(body)


def prose(ctx: ParseContext) -> ParseContext:
    """`ctx` itself, or for a hard-wrapped document a copy whose scan and folded text have the soft line
    breaks turned into spaces (same length, so offsets hold in `ctx.text`)."""
    cached = ctx._cache.get("prose")
    if cached is not None:
        return cached
    view = ctx
    scan = ctx.scan
    if is_hard_wrapped(scan, ctx.body_start):
        soft = []
        for m in _SOFT_BREAK_RE.finditer(scan, ctx.body_start):
            k = m.start()
            line_start = scan.rfind("\n", 0, k) + 1
            line = scan[line_start:k]
            if len(line.strip()) >= 40 and not line.rstrip().endswith(":"):
                soft.append(k)
        if soft:
            scan_chars, folded_chars = list(scan), list(ctx.folded)
            for k in soft:
                scan_chars[k] = folded_chars[k] = " "
            view = ParseContext(text=ctx.text, scan="".join(scan_chars), language=ctx.language,
                                doc_date=ctx.doc_date, body_start=ctx.body_start, file_name=ctx.file_name)
            view.__dict__["folded"] = "".join(folded_chars)
    ctx._cache["prose"] = view
    return view
