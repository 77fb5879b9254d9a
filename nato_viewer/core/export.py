"""The JSON export of parsed documents (the contract in ../shared/gold/README.md, plus our own fields)."""

from __future__ import annotations

from typing import Any

from nato_viewer.core.model import Document, ParseError


def document_to_json(doc: Document, include_text: bool = False) -> dict[str, Any]:
    """One document as the scorer reads it; every span a [start, end) list into the decoded file."""
    out: dict[str, Any] = {
        "path": doc.path,
        "name": doc.name,
        "language": doc.language,
        "date": doc.date,
        "date_source": doc.date_source,
        "date_span": _span(doc.date_span),
        "title": doc.title,
        "title_span": _span(doc.title_span),
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "start": e.start,
                "end": e.end,
                "precision": e.precision,
                "title": e.title,
                "summary": e.summary,
                "main": e.main,
                "span": _span(e.span),
                "date_text": e.date_text,
                "date_span": _span(e.date_span),
                "anchor": e.anchor,
                "quotes": e.quote_ids,
                "figures": e.figure_ids,
                "countries": e.country_codes,
                "people": e.people,
            }
            for e in doc.events
        ],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_role": q.speaker_role,
                "speaker_span": _span(q.speaker_span),
                "verb": q.verb,
                "span": _span(q.span),
                "event": q.event_id,
            }
            for q in doc.quotes
        ],
        "figures": [
            {
                "id": f.id,
                "kind": f.kind,
                "value": _num(f.value),
                "unit": f.unit,
                "counted": f.counted,
                "qualifier": f.qualifier,
                "text": f.text,
                "span": _span(f.span),
                "event": f.event_id,
            }
            for f in doc.figures
        ],
        "countries": [
            {
                "code": c.code,
                "roles": c.roles,
                "pledged": c.pledged,
                "events": c.event_ids,
                "mentions": [
                    {"text": m.text, "span": _span(m.span), "role": m.role, "event": m.event_id}
                    for m in c.mentions
                ],
            }
            for c in doc.countries
        ],
        "people": [
            {
                "name": p.name,
                "role": p.role,
                "organisation": p.organisation,
                "country": p.country,
                "mentions": [{"text": m.text, "span": _span(m.span)} for m in p.mentions],
            }
            for p in doc.people
        ],
        "organisations": [
            {"name": o.name, "mentions": [{"text": m.text, "span": _span(m.span)} for m in o.mentions]}
            for o in doc.organisations
        ],
        "dates": [
            {"text": d.text, "span": _span(d.span), "start": d.start, "end": d.end,
             "precision": d.precision, "anchor": d.anchor}
            for d in doc.dates
        ],
        "warnings": doc.warnings,
    }
    if include_text:
        out["text"] = doc.text
    return out


def export(docs: list[Document], errors: list[ParseError]) -> dict[str, Any]:
    return {
        "documents": [document_to_json(d) for d in docs],
        "errors": [{"path": e.path, "message": e.message} for e in errors],
    }


def _span(span) -> list[int] | None:
    return [int(span[0]), int(span[1])] if span else None


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**63 else value
