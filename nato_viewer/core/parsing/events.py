"""Events: the main event of a document and each decision, pledge, projection... it reports. (stub)"""

from __future__ import annotations

from nato_viewer.core.model import DateExpr, Event
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.text import shorten


def find_events(ctx: ParseContext, dates: list[DateExpr], title: str) -> list[Event]:
    """Events in text order, the main event first and marked main=True; ids are set by the pipeline."""
    start = ctx.doc_date_iso
    span = ctx.sentences[0] if ctx.sentences else (ctx.body_start, ctx.body_start)
    return [
        Event(id="", kind="statement", start=start, end=None, precision="day", title=shorten(title or ctx.text[span[0]:span[1]], 120),
              summary=ctx.text[span[0]:span[1]], span=span, main=True)
    ]
