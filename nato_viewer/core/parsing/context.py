"""What every extractor receives: the text, a same-length folded copy, the language and the document date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from nato_viewer.core.model import Span
from nato_viewer.core.parsing.text import fold, split_sentences


@dataclass
class ParseContext:
    """Shared state for one document.

    `scan` is `text` with everything that is not prose (front matter, HTML tags)
    blanked to spaces, so extractors read `scan` and their offsets stay valid in `text`.
    `folded` is `fold(scan)`: lower case, no accents, straight apostrophes, same length.
    """

    text: str
    scan: str
    language: str  # "fr" or "en"
    doc_date: dt.date | None
    body_start: int = 0
    file_name: str = ""
    # where the loader found each front matter field; None: not read yet (a context built by hand)
    front_matter_spans: dict[str, Span] | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def folded(self) -> str:
        return fold(self.scan)

    @cached_property
    def sentences(self) -> list[Span]:
        return split_sentences(self.scan, self.body_start)

    def sentence_text(self, span: Span) -> str:
        return self.text[span[0]:span[1]]

    @property
    def doc_date_iso(self) -> str | None:
        return self.doc_date.isoformat() if self.doc_date else None
