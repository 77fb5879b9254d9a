"""Dates: absolute, relative and vague expressions resolved against the document date. (stub)"""

from __future__ import annotations

import datetime as dt

from nato_viewer.core.model import DateExpr, Span
from nato_viewer.core.parsing.context import ParseContext


def document_date(
    ctx: ParseContext, front_matter_date: dt.date | None, file_name_date: dt.date | None
) -> tuple[dt.date | None, str, Span | None]:
    """The document's date and where it came from: ("text" | "front_matter" | "file_name" | "none")."""
    if front_matter_date:
        return front_matter_date, "front_matter", None
    if file_name_date:
        return file_name_date, "file_name", None
    return None, "none", None


def find_dates(ctx: ParseContext) -> list[DateExpr]:
    return []
