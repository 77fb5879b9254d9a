"""The briefing sheet's content: which events, in what order, with which facts, formatted for one language.

Plain data, no Qt and no HTML: `briefing_html` renders a Briefing, `qt.printing` prints it.
Every date, amount and country name is formatted here (with babel, through `formatting`),
so the renderers only lay out strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nato_viewer.core import formatting as fmt
from nato_viewer.core.i18n import _, ngettext, use_language
from nato_viewer.core.model import PRECISIONS, Country, Document, Event, Figure, Quote

LANGS = ("fr", "en")


@dataclass
class BriefingRequest:
    """What the app or the command line asks a briefing for."""

    event_ids: list[int]
    title: str = ""
    query: str = ""  # the search or selection the events came from, as the user would read it
    lang: str = "en"


@dataclass
class SourceRef:
    number: int  # the [n] the events refer to
    file_name: str
    path: str
    date: str | None  # ISO date of the document
    date_text: str
    title: str
    language: str


@dataclass
class KeyFigure:
    value_text: str  # formatted for the briefing's locale: "600 milliards de dollars" / "$600 billion"
    as_written: str  # the words of the source
    kind: str
    value: float
    unit: str | None = None


@dataclass
class QuoteLine:
    text: str
    speaker: str = ""  # empty when the source does not say who spoke
    role: str = ""


@dataclass
class Pledge:
    code: str
    country: str  # name in the briefing's language
    pledged: list[str] = field(default_factory=list)  # phrases of the source


@dataclass
class CountryLine:
    code: str
    country: str
    roles: list[str]  # role labels in the briefing's language


@dataclass
class BriefingEvent:
    key: int | str  # library event id, or "<doc index>:<event id>" when built from documents
    start: str | None
    end: str | None
    precision: str
    date_text: str  # written for its precision: "15 février 2024", "fin 2024", "ces derniers mois"
    kind: str
    kind_text: str
    headline: str  # the one-line summary
    summary: str  # the sentence it was read from, when it says more than the headline
    source: int  # SourceRef.number
    main: bool = False
    figures: list[KeyFigure] = field(default_factory=list)
    quotes: list[QuoteLine] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)
    countries: list[CountryLine] = field(default_factory=list)  # the others named in the event


@dataclass
class Briefing:
    title: str
    lang: str
    query_text: str
    period_text: str
    period_start: str | None
    period_end: str | None
    printed_on: str  # ISO date of printing
    printed_text: str
    events: list[BriefingEvent] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    def counts_text(self) -> str:
        """"11 events from 1 source", in the briefing's language."""
        n, s = len(self.events), len(self.sources)
        with use_language(self.lang):
            return _("{events} from {sources}").format(
                events=ngettext("{n} event", "{n} events", n).format(n=n),
                sources=ngettext("{n} source", "{n} sources", s).format(n=s),
            )


def quotation(text: str, lang: str) -> str:
    """Text between the quotation marks of the language: « … » in French, “…” in English."""
    if lang == "fr":
        return f"«\u00a0{text}\u00a0»"
    return f"“{text}”"


# ---------------------------------------------------------------------------------------------------------
# Building

Selection = list[tuple[Document, list[tuple[int | str, Event]]]]


def briefing_from_documents(
    docs: Iterable[Document],
    lang: str,
    title: str = "",
    query: str = "",
    keep: Callable[[Document, Event], bool] | None = None,
    today: dt.date | None = None,
) -> Briefing:
    """A briefing on the events of parsed documents (all of them, or those `keep` accepts)."""
    selection: Selection = []
    for i, doc in enumerate(docs):
        events = [(f"{i}:{e.id}", e) for e in doc.events if keep is None or keep(doc, e)]
        if events:
            selection.append((doc, events))
    return build_briefing(selection, lang, title=title, query=query, today=today)


def briefing_from_library(library, request: BriefingRequest, today: dt.date | None = None) -> Briefing:
    """A briefing on library events (ids as the Library gives them), each with its document's facts."""
    by_doc: dict[int, set[int]] = {}
    for event_id in dict.fromkeys(request.event_ids):
        try:
            doc_id = library.event_document_id(event_id)
        except KeyError:  # gone since it was selected (its file was re-indexed or removed): leave it out
            continue
        by_doc.setdefault(doc_id, set()).add(event_id)
    selection: Selection = []
    for doc_id, wanted in by_doc.items():
        doc = library.document(doc_id)
        events = []
        for event in doc.events:
            db_id = getattr(event, "db_id", None)  # Library.document() records it on each event
            if db_id is None:
                db_id = library.event_db_id(doc_id, event.id)
            if db_id in wanted:
                events.append((db_id, event))
        if events:
            selection.append((doc, events))
    return build_briefing(selection, request.lang, title=request.title, query=request.query, today=today)


def build_briefing(
    selection: Selection, lang: str, title: str = "", query: str = "", today: dt.date | None = None
) -> Briefing:
    lang = lang if lang in LANGS else "en"
    today = today or dt.date.today()
    with use_language(lang):
        flat = [(doc, key, event) for doc, events in selection for key, event in events]
        flat.sort(key=lambda item: _date_order(item[0], item[2]))
        sources: dict[int, SourceRef] = {}
        events: list[BriefingEvent] = []
        for doc, key, event in flat:
            ref = sources.get(id(doc))
            if ref is None:
                ref = sources[id(doc)] = _source(doc, len(sources) + 1, lang)
            events.append(_event(doc, key, event, ref.number, lang))
        start, end = _period(flat)
        return Briefing(
            title=title.strip() or _("Situation briefing"),
            lang=lang,
            query_text=query.strip() or _("Selected events"),
            period_text=_period_text(start, end, lang),
            period_start=start,
            period_end=end,
            printed_on=today.isoformat(),
            printed_text=fmt.format_date(today.isoformat(), lang),
            events=events,
            sources=list(sources.values()),
        )


def _date_order(doc: Document, event: Event) -> tuple:
    # Undated events go last; on one date, the main event first, then in the order of the text.
    start = event.start or ""
    precision = PRECISIONS.index(event.precision) if event.precision in PRECISIONS else len(PRECISIONS)
    return (start == "", _pad(start), precision, not event.main, doc.date or "", doc.path, event.span[0])


def _pad(iso: str) -> str:
    # "2024" sorts before "2024-02-15" but after "2023-12-31"; padding keeps years and months in place.
    return (iso + "-00-00")[:10] if iso else ""


def _source(doc: Document, number: int, lang: str) -> SourceRef:
    return SourceRef(
        number=number,
        file_name=doc.name,
        path=doc.path,
        date=doc.date,
        date_text=fmt.format_date(doc.date, lang) if doc.date else _("undated"),
        title=_one_line(doc.title),
        language=doc.language,
    )


def _event(doc: Document, key: int | str, event: Event, source: int, lang: str) -> BriefingEvent:
    headline, summary = _headline(event)
    quotes, figures, countries = _facts(doc, event)
    pledges: list[Pledge] = []
    others: list[CountryLine] = []
    for country, roles in countries:
        name = fmt.country_name(country.code, lang)
        if "pledging" in roles:
            pledges.append(Pledge(country.code, name, [_one_line(p) for p in country.pledged if p.strip()]))
        else:
            others.append(CountryLine(country.code, name, [fmt.role_label(r) for r in roles]))
    date_text = (
        fmt.format_event_date(event.start, event.end, event.precision, lang, event.anchor)
        if event.start or event.end
        else ""
    )
    return BriefingEvent(
        key=key,
        start=event.start,
        end=event.end,
        precision=event.precision,
        date_text=date_text or _("undated"),
        kind=event.kind,
        kind_text=fmt.kind_label(event.kind),
        headline=headline,
        summary=summary,
        source=source,
        main=event.main,
        figures=[_figure(f, lang) for f in figures],
        quotes=[_quote(doc, q) for q in quotes],
        pledges=pledges,
        countries=others,
    )


def _headline(event: Event) -> tuple[str, str]:
    """The event's one-line title, and its sentence when the sentence adds to it."""
    title, summary = _one_line(event.title), _one_line(event.summary)
    if not title:
        return summary, ""
    stem = title.rstrip("…").rstrip(". ").strip()
    if title.endswith("…") and summary.startswith(stem):
        return summary, ""  # the title is the sentence cut short: the whole sentence reads better
    if not summary or summary.rstrip(". ") == stem:
        return title, ""
    return title, summary


def _facts(doc: Document, event: Event) -> tuple[list[Quote], list[Figure], list[tuple[Country, list[str]]]]:
    """The quotes, figures and countries linked to `event`; facts linked to no event go to the main event."""
    known = {e.id for e in doc.events}
    main = doc.main_event()
    orphan_home = main is not None and main.id == event.id

    def linked(fact_event: str | None, listed: bool) -> bool:
        if listed or fact_event == event.id:
            return True
        return orphan_home and fact_event not in known

    quote_ids, figure_ids = set(event.quote_ids), set(event.figure_ids)
    quotes, seen = [], set()
    for q in doc.quotes:
        if linked(q.event_id, q.id in quote_ids) and q.text.strip() and q.text.strip() not in seen:
            seen.add(q.text.strip())
            quotes.append(q)
    figures = [f for f in doc.figures if linked(f.event_id, f.id in figure_ids)]
    countries = []
    for c in doc.countries:
        mentions = [m for m in c.mentions if m.event_id == event.id]
        if not (mentions or event.id in c.event_ids or c.code in event.country_codes
                or (orphan_home and not c.event_ids and not any(m.event_id in known for m in c.mentions))):
            continue
        # The roles read where this event names the country ("Canada" may pledge in one event and be
        # merely named in another); the document-wide roles when the event links it without a mention.
        roles = list(dict.fromkeys(m.role for m in mentions)) or list(c.roles) or ["mentioned"]
        if len(roles) > 1 and "mentioned" in roles:
            roles.remove("mentioned")
        countries.append((c, roles))
    return quotes, figures, countries


def _figure(figure: Figure, lang: str) -> KeyFigure:
    try:
        value_text = fmt.format_figure(figure, lang)
    except (ArithmeticError, ValueError):  # babel gives up on absurd values (1e38, inf): print the source's words
        value_text = _one_line(figure.text)
    return KeyFigure(
        value_text=value_text,
        as_written=_one_line(figure.text),
        kind=figure.kind,
        value=figure.value,
        unit=figure.unit,
    )


def _quote(doc: Document, quote: Quote) -> QuoteLine:
    speaker = _one_line(quote.speaker or "")
    role = _one_line(quote.speaker_role or "")
    if speaker and not role:
        for person in doc.people:
            if person.name == speaker and person.role:
                role = _one_line(person.role)
                break
    return QuoteLine(text=_one_line(quote.text), speaker=speaker, role=role)


def _period(flat: list[tuple[Document, int | str, Event]]) -> tuple[str | None, str | None]:
    starts = [_pad(e.start) for _d, _k, e in flat if e.start]
    ends = [_pad(e.end or e.start) for _d, _k, e in flat if e.end or e.start]
    if not starts:
        return None, None
    return min(starts).replace("-00", ""), max(ends).replace("-00", "")


def _period_text(start: str | None, end: str | None, lang: str) -> str:
    if not start:
        return _("undated")
    if not end or end.startswith(start):
        # "2024" to "2024-12-31" is the year 2024; "2024-02" to "2024-02-15" is February 2024
        return fmt.format_date(start, lang)
    return fmt.format_range(start, end, lang)


def _one_line(text: str) -> str:
    return " ".join((text or "").split())
