"""Direct quotations and their speakers. (stub)"""

from __future__ import annotations

from nato_viewer.core.model import Person, Quote
from nato_viewer.core.parsing.context import ParseContext


def find_quotes(ctx: ParseContext, people: list[Person]) -> list[Quote]:
    """Quotes in text order; ids are set by the pipeline."""
    return []
