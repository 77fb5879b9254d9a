"""The briefing's content model and its HTML, without Qt."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core import formatting as fmt
from nato_viewer.core.briefing import briefing_from_documents
from nato_viewer.core.briefing_html import render_html, render_standalone_html
from nato_viewer.core.i18n import current_language, use_language
from nato_viewer.core.model import Country, CountryMention, Document, Event, Figure, Person, Quote

TODAY = dt.date(2026, 3, 2)
ROOT = Path(__file__).resolve().parents[2]
SEEDS = next((d for d in (ROOT / "seeds", ROOT.parent / "shared" / "seeds") if any(d.glob("*.txt"))),
             ROOT / "seeds")


def _event(id_, kind, start, precision, title, summary="", end=None, main=False, pos=0):
    return Event(id=id_, kind=kind, start=start, end=end, precision=precision, title=title,
                 summary=summary or title + ".", span=(pos, pos + 10), main=main)


def ministers_meeting() -> Document:
    """A French dispatch: a meeting, a spending projection and pledges, with quotes and figures."""
    doc = Document(path="/data/2024-02-15-reunion.txt", text="(texte)", language="fr", date="2024-02-15",
                   title="Réunion des ministres de la Défense")
    doc.events = [
        _event("e1", "meeting", "2024-02-15", "day", "Les ministres de la Défense se réunissent à Bruxelles",
               main=True, pos=0),
        _event("e2", "projection", "2024-12-31", "year_end", "Les Alliés auront ajouté 600 milliards de dollars",
               pos=100),
        _event("e3", "pledge", "2024-02-15", "before", "Annonces de soutien de la Finlande et de la Norvège",
               pos=200),
    ]
    doc.people = [Person(name="Jens Stoltenberg", role="secrétaire général de l’OTAN")]
    doc.quotes = [
        Quote(id="q1", text="Nous avons accompli des progrès historiques", span=(20, 60),
              speaker="Jens Stoltenberg", event_id="e1"),
        # linked to no event: it belongs with the document's main event
        Quote(id="q2", text="Nous resterons aux côtés de nos partenaires", span=(300, 340),
              speaker="Jens Stoltenberg", speaker_role="secrétaire général"),
    ]
    doc.figures = [
        Figure(id="f1", kind="money", value=600e9, text="600 milliards de dollars", span=(120, 144),
               unit="USD", event_id="e2"),
        Figure(id="f2", kind="percent", value=2, text="2 % de leur PIB", span=(150, 165)),
    ]
    doc.events[0].quote_ids = ["q1"]
    doc.events[1].figure_ids = ["f1"]
    doc.countries = [
        Country(code="FI", roles=["pledging"], pledged=["des pièces de rechange pour F-16"],
                mentions=[CountryMention("FI", "Finlande", (210, 218), "pledging", "e3")], event_ids=["e3"]),
        Country(code="NO", roles=["pledging"],
                mentions=[CountryMention("NO", "Norvège", (225, 232), "pledging", "e3")], event_ids=["e3"]),
        Country(code="BE", roles=["host"],
                mentions=[CountryMention("BE", "Bruxelles", (40, 49), "host", "e1")], event_ids=["e1"]),
        # pledges in one event, merely named in another
        Country(code="CA", roles=["pledging", "mentioned"], pledged=["des munitions"],
                mentions=[CountryMention("CA", "Canada", (110, 116), "mentioned", "e2"),
                          CountryMention("CA", "Canada", (235, 241), "pledging", "e3")], event_ids=["e2", "e3"]),
    ]
    return doc


def summit() -> Document:
    """An English dispatch, earlier than the first, whose text holds markup."""
    doc = Document(path="/data/summit.md", text="(text)", language="en", date="2023-07-12",
                   title="Summit <b>communiqué</b> & declarations")
    doc.events = [_event("e1", "meeting", "2023-07-11", "range", "Leaders meet in Vilnius", end="2023-07-12",
                         main=True)]
    doc.quotes = [Quote(id="q1", text="<script>alert('x')</script> we stand together", span=(5, 40),
                        speaker="A & B", event_id="e1")]
    return doc


@pytest.fixture(params=["fr", "en"])
def lang(request):
    return request.param


def test_events_are_in_date_order_with_dates_written_for_their_precision():
    fr = briefing_from_documents([ministers_meeting(), summit()], "fr", today=TODAY)
    assert [e.kind for e in fr.events] == ["meeting", "meeting", "pledge", "projection"]
    assert [e.start for e in fr.events] == ["2023-07-11", "2024-02-15", "2024-02-15", "2024-12-31"]
    assert fr.events[0].date_text == "11–12 juillet 2023"
    assert fr.events[1].date_text == "15 février 2024"
    en = briefing_from_documents([ministers_meeting(), summit()], "en", today=TODAY)
    assert en.events[0].date_text == "July 11–12, 2023"
    assert en.events[1].date_text == "February 15, 2024"
    # coarse precisions are written by formatting, never as a plain day
    for b, lang in ((fr, "fr"), (en, "en")):
        with use_language(lang):
            assert b.events[2].date_text == fmt.format_event_date("2024-02-15", None, "before", lang)
            assert b.events[3].date_text == fmt.format_event_date("2024-12-31", None, "year_end", lang)
            assert b.events[3].date_text != fmt.format_date("2024-12-31", lang)


def test_figures_are_formatted_for_the_briefing_language():
    fr = briefing_from_documents([ministers_meeting()], "fr", today=TODAY)
    en = briefing_from_documents([ministers_meeting()], "en", today=TODAY)
    fr_projection = next(e for e in fr.events if e.kind == "projection")
    en_projection = next(e for e in en.events if e.kind == "projection")
    assert [f.value_text for f in fr_projection.figures] == ["600 milliards de dollars"]
    assert [f.value_text for f in en_projection.figures] == ["$600 billion"]
    assert fr_projection.figures[0].as_written == "600 milliards de dollars"  # the source's words, untouched
    # the percentage linked to no event lands on the main event
    fr_main = next(e for e in fr.events if e.main)
    assert [f.value_text for f in fr_main.figures] == ["2\xa0%"]
    assert [f.value_text for f in next(e for e in en.events if e.main).figures] == ["2%"]


def test_pledging_countries_and_other_countries_are_named_in_the_language():
    fr = briefing_from_documents([ministers_meeting()], "fr", today=TODAY)
    en = briefing_from_documents([ministers_meeting()], "en", today=TODAY)
    fr_pledge = next(e for e in fr.events if e.kind == "pledge")
    en_pledge = next(e for e in en.events if e.kind == "pledge")
    assert [(p.code, p.country) for p in fr_pledge.pledges] == [("FI", "Finlande"), ("NO", "Norvège"),
                                                               ("CA", "Canada")]
    assert [p.country for p in en_pledge.pledges] == ["Finland", "Norway", "Canada"]
    projection = next(e for e in en.events if e.kind == "projection")
    assert not projection.pledges
    assert [(c.country, c.roles) for c in projection.countries] == [("Canada", [fmt.role_label("mentioned")])]
    assert fr_pledge.pledges[0].pledged == ["des pièces de rechange pour F-16"]
    assert fr_pledge.pledges[1].pledged == []
    fr_main = next(e for e in fr.events if e.main)
    with use_language("fr"):
        assert [(c.country, c.roles) for c in fr_main.countries] == [("Belgique", [fmt.role_label("host")])]
    assert not fr_main.pledges


def test_quotes_carry_speaker_and_role():
    b = briefing_from_documents([ministers_meeting()], "en", today=TODAY)
    main = next(e for e in b.events if e.main)
    assert [(q.speaker, q.role) for q in main.quotes] == [
        ("Jens Stoltenberg", "secrétaire général de l’OTAN"),  # from the person named in the text
        ("Jens Stoltenberg", "secrétaire général"),  # as the attribution gave it
    ]
    assert all(not e.quotes for e in b.events if not e.main)


def test_header_sources_and_period(lang):
    b = briefing_from_documents([ministers_meeting(), summit()], lang, title="  ", query="drones", today=TODAY)
    assert b.n_sources == 2
    # numbered in the order the events cite them: the 2023 summit first
    assert [(s.number, s.file_name) for s in b.sources] == [(1, "summit.md"), (2, "2024-02-15-reunion.txt")]
    assert [e.source for e in b.events] == [1, 2, 2, 2]
    assert b.sources[1].date_text == fmt.format_date("2024-02-15", lang)
    assert b.period_start == "2023-07-11" and b.period_end == "2024-12-31"
    assert b.period_text == fmt.format_range("2023-07-11", "2024-12-31", lang)
    assert b.printed_text == ("2 mars 2026" if lang == "fr" else "March 2, 2026")
    assert b.query_text == "drones"
    assert b.title  # a default title, never blank
    assert b.lang == lang


def test_keep_filters_events_and_empty_selection_is_a_briefing_without_events():
    only_pledges = briefing_from_documents([ministers_meeting()], "en", keep=lambda d, e: e.kind == "pledge",
                                           today=TODAY)
    assert [e.kind for e in only_pledges.events] == ["pledge"]
    assert only_pledges.n_sources == 1
    empty = briefing_from_documents([ministers_meeting()], "en", keep=lambda d, e: False, today=TODAY)
    assert empty.events == [] and empty.sources == []
    html = render_html(empty)
    assert "No event matches this selection." in html


def test_building_in_one_language_leaves_the_interface_language_alone():
    before = current_language()
    briefing_from_documents([ministers_meeting()], "fr" if before == "en" else "en", today=TODAY)
    assert current_language() == before
    with use_language("fr"):
        assert current_language() == "fr"
    assert current_language() == before


def test_html_escapes_document_text():
    b = briefing_from_documents([summit()], "en", title="<i>Mine</i>", query="a<b", today=TODAY)
    html = render_html(b)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>communiqué</b>" not in html and "Summit &lt;b&gt;communiqué&lt;/b&gt; &amp; declarations" in html
    assert "&lt;i&gt;Mine&lt;/i&gt;" in html and "a&lt;b" in html
    assert "A &amp; B" in html
    assert "July 11–12, 2023" in html


def test_html_holds_every_fact(lang):
    b = briefing_from_documents([ministers_meeting()], lang, today=TODAY)
    html = render_html(b)
    for fact in ("Jens Stoltenberg", "secrétaire général de l’OTAN",
                 "600 milliards de dollars" if lang == "fr" else "$600 billion",
                 "Finlande" if lang == "fr" else "Finland",
                 "15 février 2024" if lang == "fr" else "February 15, 2024",
                 "des pièces de rechange pour F-16", "2024-02-15-reunion.txt"):
        assert fact in html, fact
    assert f'lang="{lang}"' in html


def test_standalone_html_inlines_the_figure():
    b = briefing_from_documents([ministers_meeting()], "en", today=TODAY)
    page = render_standalone_html(b, b"\x89PNG fake")
    assert 'src="data:image/png;base64,iVBORyBmYWtl"' in page
    assert "@page" in page
    assert "<img" not in render_standalone_html(b, None)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text.append(data)


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "span", "table",
                "thead", "tr", "th", "td", "br", "hr", "img"}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=30))
def test_no_document_text_becomes_markup(title, quote, speaker):
    doc = summit()
    doc.title = title
    doc.events[0].title = title
    doc.quotes[0].text = quote
    doc.quotes[0].speaker = speaker
    b = briefing_from_documents([doc], "en", title=speaker, today=TODAY)
    parser = _Tags()
    parser.feed(render_html(b))
    assert parser.tags <= ALLOWED_TAGS
    text = "".join(parser.text)
    for value in (" ".join(title.split()), " ".join(quote.split())):
        assert value in text


@pytest.mark.skipif(not any(SEEDS.glob("*.txt")), reason="no seed documents")
def test_seed_briefing_holds_the_seed_facts(lang):
    from nato_viewer.core.parsing.pipeline import parse_file

    docs = [parse_file(p) for p in sorted(SEEDS.glob("*.txt"))]
    b = briefing_from_documents(docs, lang, today=TODAY)
    assert b.events and b.n_sources == len(docs)
    n_events = sum(len(d.events) for d in docs)
    assert len(b.events) == n_events
    # nothing the parser found is lost: every quote and figure is in the briefing once
    assert sum(len(e.quotes) for e in b.events) == len({q.text.strip() for d in docs for q in d.quotes})
    assert sum(len(e.figures) for e in b.events) == sum(len(d.figures) for d in docs)
    starts = [e.start for e in b.events if e.start]
    assert starts == sorted(starts, key=lambda s: (s + "-00-00")[:10])


iso_like = st.one_of(st.none(), st.from_regex(r"\A(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d))?)?\Z"),
                     st.text(max_size=12))
precisions = st.sampled_from(["day", "month", "year", "year_end", "before", "ongoing", "range", "bogus"])
amounts = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10**15, 10**15).map(float)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(iso_like, iso_like, precisions, st.text(max_size=20)), min_size=1, max_size=6),
    st.lists(st.tuples(st.sampled_from(["money", "percent", "count", "other"]), amounts,
                       st.sampled_from([None, "USD", "EUR", "XYZ", ""]),
                       st.sampled_from([None, "more_than", "about", "odd"]),
                       st.sampled_from([None, "e1", "e2", "e99"])), max_size=5),
    st.lists(st.tuples(st.text(min_size=1, max_size=3), st.sampled_from(["pledging", "host", "weird"]),
                       st.sampled_from([[], ["e1"], ["e42"]])), max_size=4),
    st.sampled_from(["fr", "en", "de"]),
)
def test_any_parsed_facts_make_a_briefing(events, figures, countries, lang):
    """Odd dates, unknown precisions, infinite amounts, unknown country codes: still a briefing, never a crash."""
    doc = Document(path="x.txt", text="", date=events[0][0])
    doc.events = [Event(id=f"e{i}", kind="other", start=s, end=e, precision=p, title=t, summary=t, span=(i, i + 1),
                        main=i == 1) for i, (s, e, p, t) in enumerate(events, 1)]
    doc.figures = [Figure(id=f"f{i}", kind=k, value=v, text="x", span=(0, 1), unit=u, qualifier=q, event_id=ev)
                   for i, (k, v, u, q, ev) in enumerate(figures)]
    doc.countries = [Country(code=c, roles=[r], event_ids=ids) for c, r, ids in countries]
    b = briefing_from_documents([doc], lang, today=TODAY)
    assert len(b.events) == len(events)
    assert sum(len(e.figures) for e in b.events) == len(figures)  # nothing lost, even unlinked facts
    render_html(b)
