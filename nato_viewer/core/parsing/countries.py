"""Countries named by the text, with their roles. (stub)"""

from __future__ import annotations

from nato_viewer.core.model import Country
from nato_viewer.core.parsing.context import ParseContext


def find_countries(ctx: ParseContext) -> list[Country]:
    """One Country per ISO code, its mentions in text order, roles aggregated."""
    return []
