"""Figures: money, percentages and counts with their qualifiers. (stub)"""

from __future__ import annotations

from nato_viewer.core.model import Figure
from nato_viewer.core.parsing.context import ParseContext


def find_figures(ctx: ParseContext) -> list[Figure]:
    """Figures in text order; ids are set by the pipeline."""
    return []
