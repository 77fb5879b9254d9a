"""People with their titles, and named organisations. (stub)"""

from __future__ import annotations

from nato_viewer.core.model import Organisation, Person
from nato_viewer.core.parsing.context import ParseContext


def find_people(ctx: ParseContext) -> tuple[list[Person], list[Organisation]]:
    return [], []
