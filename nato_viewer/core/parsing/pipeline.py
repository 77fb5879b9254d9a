"""The parser: one document in, a Document with events, quotes, figures, countries and people out.

The extractors each read the shared ParseContext; this module runs them in
order and ties every quote, figure and country mention to the event it belongs to.
"""

from __future__ import annotations

import os
import re

from nato_viewer.core.loader import RawDocument, date_in_name, load, load_bytes, parse_iso_date
from nato_viewer.core.model import Document, Event, Span
from nato_viewer.core.parsing import countries, dates, events, figures, people, quotes
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.language import detect_language
from nato_viewer.core.parsing.text import paragraphs, sentence_at, shorten


def parse_file(path: str | os.PathLike) -> Document:
    """Parse one file; raises loader.LoadError (one-line reason) when it cannot be read."""
    return parse_raw(load(path))


def parse_text(text: str, path: str = "<text>") -> Document:
    """Parse a string as if it were a UTF-8 file (for tests and the hypothesis suite)."""
    return parse_raw(load_bytes(path, text.encode("utf-8", errors="surrogatepass")))


def parse_raw(raw: RawDocument) -> Document:
    text = raw.text
    lang = (raw.front_matter.get("lang") or raw.front_matter.get("language") or "").lower()[:2]
    if lang not in ("fr", "en"):
        lang = detect_language(raw.scan[raw.body_start:])
    ctx = ParseContext(text=text, scan=raw.scan, language=lang, doc_date=None,
                       body_start=raw.body_start, file_name=os.path.basename(raw.path),
                       front_matter_spans=raw.front_matter_spans)
    doc = Document(path=raw.path, text=text, language=lang, body_start=raw.body_start,
                   sha256=raw.sha256, size=raw.size, mtime=raw.mtime)
    if raw.is_html:
        doc.warnings.append("HTML markup was ignored")

    doc.title, doc.title_span = _title(raw, ctx)
    fm_date = parse_iso_date(raw.front_matter.get("date") or raw.front_matter.get("published_time"))
    when, source, span = dates.document_date(ctx, fm_date, date_in_name(raw.path))
    ctx.doc_date = when
    doc.date, doc.date_source, doc.date_span = (when.isoformat() if when else None), source, span

    doc.dates = dates.find_dates(ctx)
    doc.people, doc.organisations = people.find_people(ctx)
    doc.quotes = quotes.find_quotes(ctx, doc.people)
    doc.figures = figures.find_figures(ctx)
    doc.countries = countries.find_countries(ctx)
    doc.events = events.find_events(ctx, doc.dates, doc.title)
    _number(doc)
    _link(doc, ctx)
    return doc


def _title(raw: RawDocument, ctx: ParseContext) -> tuple[str, Span | None]:
    title = raw.front_matter.get("title")
    if title:
        return title, raw.front_matter_spans.get("title")
    paras = paragraphs(raw.scan, raw.body_start)
    if not paras:
        return "", None
    s, e = paras[0]
    first = raw.text[s:e].strip().lstrip("#").strip()
    # A short first line with no final period reads as a headline.
    if len(first) <= 160 and not re.search(r"[.!?»”\"]$", first):
        return first, (s, e)
    sent = ctx.sentences[0] if ctx.sentences else (s, e)
    return shorten(raw.text[sent[0]:sent[1]], 120), sent


def _number(doc: Document) -> None:
    for i, event in enumerate(doc.events, 1):
        event.id = f"e{i}"
    for i, quote in enumerate(doc.quotes, 1):
        quote.id = f"q{i}"
    for i, figure in enumerate(doc.figures, 1):
        figure.id = f"f{i}"


class _EventFinder:
    """Which event a fact at an offset belongs to: the smallest event (not the main one) whose span holds
    it; else the last such event that starts in the same sentence before it; else the main event.
    A document has a few events and many facts: the per-sentence answer is worked out once."""

    def __init__(self, events_: list[Event], sentences: list[Span], main: Event | None):
        self.events = [(ev.span[0], ev.span[1], ev) for ev in events_ if not ev.main]
        self.sentences = sentences
        self.main = main
        self._by_sentence: dict[int, Event | None] = {}

    def __call__(self, offset: int) -> Event | None:
        best, size = None, 0
        for s, e, event in self.events:
            if s <= offset < e and (best is None or e - s < size):
                best, size = event, e - s
        if best:
            return best
        idx = sentence_at(self.sentences, offset)
        if idx < 0:
            return self.main
        last = self._by_sentence.get(idx, _UNSET)
        if last is _UNSET:
            s, e = self.sentences[idx]
            same = [event for start, _end, event in self.events if s <= start < e]
            last = self._by_sentence[idx] = same[-1] if same else None
        return last or self.main


_UNSET = object()


def _link(doc: Document, ctx: ParseContext) -> None:
    event_for = _EventFinder(doc.events, ctx.sentences, doc.main_event())
    for quote in doc.quotes:
        ev = event_for(quote.span[0])
        if ev:
            quote.event_id = ev.id
            ev.quote_ids.append(quote.id)
    for figure in doc.figures:
        ev = event_for(figure.span[0])
        if ev:
            figure.event_id = ev.id
            ev.figure_ids.append(figure.id)
    for country in doc.countries:
        for mention in country.mentions:
            ev = event_for(mention.span[0])
            if ev:
                mention.event_id = ev.id
                if ev.id not in country.event_ids:
                    country.event_ids.append(ev.id)
                if country.code not in ev.country_codes:
                    ev.country_codes.append(country.code)
    for person in doc.people:
        for mention in person.mentions:
            ev = event_for(mention.span[0])
            if ev and person.name not in ev.people:
                ev.people.append(person.name)
