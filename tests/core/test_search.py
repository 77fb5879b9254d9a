"""Search over a real SQLite library in a temporary folder: words, accents, word forms, phrases,
AND/OR/NOT, filters, facets, ordering, snippets, and query strings meant to break it."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_viewer.core.model import Country, CountryMention, Document, Event, Person, Quote
from nato_viewer.core.search import HIGHLIGHT_END, HIGHLIGHT_START, Query, parse_query, stem
from nato_viewer.core.store import Library

# (path, language, date, [(kind, start, precision, sentence, countries {code: role}, people)], quotes)
DOCS = [
    ("pl.txt", "fr", "2024-02-15", [
        ("pledge", "2024-02-15", "day", "La Pologne renforce sa défense aérienne avec des drones.",
         {"PL": "pledging"}, ["Andrzej Duda"]),
        ("meeting", "2024-03", "month", "Les ministres se réuniront à Varsovie en mars.", {"PL": "host"}, []),
    ], []),
    ("ca.txt", "en", "2024-06-10", [
        ("pledge", "2024-06-10", "day", "Canada pledged 500 million dollars of air defence for Ukraine.",
         {"CA": "pledging", "UA": "recipient"}, ["Justin Trudeau"]),
        ("projection", "2024", "year_end", "Spending will reach 2 % of GDP by the end of the year.",
         {"CA": "mentioned"}, []),
    ], [("We will reach two percent", "Jens Stoltenberg", 1)]),
    ("sg.txt", "en", "2023-07-11", [
        ("statement", "2023-07-11", "day", "Stoltenberg said Allies must invest 2 % in defense.",
         {"LT": "host"}, ["Jens Stoltenberg"]),
        ("exercise", "2023-09", "month", "A drone exercise took place in the Baltic sea.", {"EE": "host"}, []),
    ], []),
    ("old.txt", "en", "2021-01-05", [
        ("decision", "2021-01-05", "day", "The defence of the air was discussed without result.", {}, []),
    ], []),
]


def build(path: str, language: str, date: str, events, quotes) -> Document:
    evs, countries, people = [], {}, {}
    title = f"Title of {path}"
    text = title + "\n\n"
    for i, (kind, start, precision, sentence, roles, names) in enumerate(events, 1):
        span = (len(text), len(text) + len(sentence))
        text += sentence + "\n"
        evs.append(Event(id=f"e{i}", kind=kind, start=start, end=None, precision=precision,
                         title=sentence[:40], summary=sentence, span=span, main=(i == 1),
                         country_codes=list(roles), people=list(names)))
        for code, role in roles.items():
            c = countries.setdefault(code, Country(code=code, roles=[]))
            if role not in c.roles:
                c.roles.append(role)
            c.mentions.append(CountryMention(code, code, span, role, f"e{i}"))
            c.event_ids.append(f"e{i}")
        for name in names:
            people.setdefault(name, Person(name=name))
    qs = []
    for j, (words, speaker, event_no) in enumerate(quotes, 1):
        start = len(text) + 1
        text += f"«{words}»\n"
        qs.append(Quote(id=f"q{j}", text=words, span=(start, start + len(words)), speaker=speaker,
                        event_id=f"e{event_no}"))
        people.setdefault(speaker, Person(name=speaker))
    return Document(path=path, text=text, language=language, date=date, title=title, events=evs, quotes=qs,
                    countries=list(countries.values()), people=list(people.values()))


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    lib = Library(folder / "library.sqlite3")
    for spec in DOCS:
        doc = build(str(folder / spec[0]), *spec[1:])
        lib.add_document(doc)
    yield lib
    lib.close()


def summaries(lib: Library, query: Query) -> set[str]:
    result = lib.search(query)
    return {r.summary for r in lib.event_rows(result.event_ids)}


def doc_names(lib: Library, text: str, **filters) -> set[str]:
    result = lib.search(Query(text, **filters))
    return {r.doc_name for r in lib.event_rows(result.event_ids)}


def test_case_and_accents_do_not_matter(library):
    assert doc_names(library, "pologne") == {"pl.txt"}
    assert doc_names(library, "POLOGNE") == {"pl.txt"}
    # "defense" finds "défense" (pl.txt) and "defense" (sg.txt), "DÉFENSE" the same.
    assert doc_names(library, "defense") == {"pl.txt", "sg.txt"}
    assert doc_names(library, "DÉFENSE") == {"pl.txt", "sg.txt"}
    assert doc_names(library, "aerienne") == {"pl.txt"}


def test_word_forms(library):
    assert doc_names(library, "drone") == {"pl.txt", "sg.txt"}  # "drones" and "drone"
    assert doc_names(library, "drones") == {"pl.txt", "sg.txt"}
    assert doc_names(library, "pledging") == {"ca.txt"}  # "pledged"
    assert doc_names(library, "ministre") == {"pl.txt"}  # "ministres"
    assert stem("renforcees") == "renforc"
    assert stem("pays") == "pays"  # short words stay whole


def test_phrases(library):
    assert doc_names(library, '"air defence"') == {"ca.txt"}
    # The same words not side by side: only found without the quotes.
    assert doc_names(library, "air defence") == {"ca.txt", "old.txt"}
    assert doc_names(library, "«défense aérienne»") == {"pl.txt"}


def test_and_or_not(library):
    assert doc_names(library, "drones AND pologne") == {"pl.txt"}
    assert doc_names(library, "drones pologne") == {"pl.txt"}  # AND is implied
    assert doc_names(library, "pologne OR canada") == {"pl.txt", "ca.txt"}
    assert doc_names(library, "drones NOT pologne") == {"sg.txt"}
    assert doc_names(library, "drones -pologne") == {"sg.txt"}
    assert doc_names(library, "(pologne OR canada) AND pledged") == {"ca.txt"}
    # A query that only excludes: every event but those.
    assert doc_names(library, "NOT drone") == {"ca.txt", "old.txt"}


def test_event_level_matches_rank_first_and_are_highlighted(library):
    result = library.search(Query("drones", order="rank"))
    rows = library.event_rows(result.event_ids)
    # Both events that say "drone(s)" come before the other events of their documents.
    assert {r.summary for r in rows[:2]} == {
        "La Pologne renforce sa défense aérienne avec des drones.",
        "A drone exercise took place in the Baltic sea."}
    assert result.total == 4  # plus the two other events of those documents
    snippet = result.snippets[rows[0].id]
    assert f"{HIGHLIGHT_START}drone" in snippet and HIGHLIGHT_END in snippet
    # A page that the events' own matches fill, and one they do not: same order, same total.
    for limit in (2, 3):
        page = library.search(Query("drones", order="rank", limit=limit))
        assert page.event_ids == result.event_ids[:limit] and page.total == 4


@pytest.mark.parametrize("order", ["date", "rank"])
def test_quotes_are_searched(library, order):
    result = library.search(Query("percent", order=order))
    assert result.message is None
    rows = library.event_rows(result.event_ids)
    # The event the quote belongs to comes first, with the quote as its snippet.
    assert rows[0].summary.startswith("Canada")
    assert result.snippets[rows[0].id] == f"We will reach two {HIGHLIGHT_START}percent{HIGHLIGHT_END}"
    # The document's other event matches through the document's text only.
    assert result.total == 2


@pytest.mark.parametrize("text", ["drones", '"air defence"', "drones OR percent", "canada -drones", "stoltenberg"])
@pytest.mark.parametrize("order", ["date", "rank", "kind", "title", "document"])
def test_well_formed_queries_need_no_repair(library, text, order):
    result = library.search(Query(text, order=order))
    assert result.message is None and result.total > 0


def test_filters(library):
    assert summaries(library, Query(kind="pledge", country="CA", date_from="2024", date_to="2024")) == {
        "Canada pledged 500 million dollars of air defence for Ukraine."}
    assert summaries(library, Query(country="pl", role="host")) == {"Les ministres se réuniront à Varsovie en mars."}
    assert summaries(library, Query(country="UA", role="recipient")) == {
        "Canada pledged 500 million dollars of air defence for Ukraine."}
    assert doc_names(library, "", lang="fr") == {"pl.txt"}
    # Part of a name, any case or accent; a quoted speaker counts for the event quoted.
    assert summaries(library, Query(person="stoltenberg")) == {
        "Stoltenberg said Allies must invest 2 % in defense.",
        "Canada pledged 500 million dollars of air defence for Ukraine."}
    assert summaries(library, Query(person="andrzej DUDA")) == {
        "La Pologne renforce sa défense aérienne avec des drones."}
    # Everything Stoltenberg said about 2 %.
    assert summaries(library, Query("2 %", person="Stoltenberg")) == {
        "Stoltenberg said Allies must invest 2 % in defense.",
        "Canada pledged 500 million dollars of air defence for Ukraine."}


def test_date_filter_uses_the_whole_period(library):
    # "by the end of 2024" covers October-December 2024; "March 2024" the whole month.
    assert "Spending will reach 2 % of GDP by the end of the year." in summaries(
        library, Query(date_from="2024-11-20", date_to="2024-11-20"))
    assert summaries(library, Query(date_from="2024-03-31", date_to="2024-03-31")) == {
        "Les ministres se réuniront à Varsovie en mars."}
    result = library.search(Query(date_from="2024-02-31"))
    assert result.message and "2024-02-31" in result.message
    assert result.total == 7  # the bad date is ignored, not fatal


def test_facets(library):
    f = library.search(Query("")).facets
    assert {(c.key, c.role): c.count for c in f.countries} == {
        ("PL", "pledging"): 1, ("PL", "host"): 1, ("CA", "pledging"): 1, ("UA", "recipient"): 1,
        ("CA", "mentioned"): 1, ("LT", "host"): 1, ("EE", "host"): 1}
    assert {c.key: c.count for c in f.kinds} == {
        "pledge": 2, "meeting": 1, "projection": 1, "statement": 1, "exercise": 1, "decision": 1}
    assert {c.key: c.count for c in f.years} == {"2021": 1, "2023": 2, "2024": 4}
    assert {c.key: c.count for c in f.languages} == {"en": 5, "fr": 2}
    assert {c.key: c.count for c in f.people} == {"Andrzej Duda": 1, "Justin Trudeau": 1, "Jens Stoltenberg": 2}
    # Facets follow the query.
    f = library.search(Query("drones")).facets
    assert {c.key: c.count for c in f.languages} == {"fr": 2, "en": 2}
    assert {c.key: c.count for c in f.kinds} == {"pledge": 1, "meeting": 1, "statement": 1, "exercise": 1}


def test_order_and_limit(library):
    result = library.search(Query("", order="date", limit=3))
    assert result.total == 7 and len(result.event_ids) == 3
    starts = [r.start_ts for r in library.event_rows(result.event_ids)]
    assert starts == sorted(starts)
    desc = library.search(Query("", order="date", descending=True))
    assert desc.event_ids[0] == library.search(Query("", order="date")).event_ids[-1]
    titles = [r.title.lower() for r in library.event_rows(library.search(Query("", order="title")).event_ids)]
    assert titles == sorted(titles)


HOSTILE = [
    '"unbalanced', 'AND', 'OR', 'NOT', 'AND OR NOT', '*', '**', 'drone**', '*drone', 'NEAR(', 'NEAR(a b, 3)',
    "'; DROP TABLE events; --", "1' OR '1'='1", 'SELECT * FROM documents', '(', ')', '((((((((((((((((x',
    '))))(', '"', '""', '" "', 'title:drones', 'drones:', '^drones', '{drones}', '[x]', '\\', '\x00', '\ufffd',
    'a' * 5000, 'drones ' * 200, 'NOT NOT NOT', '-', '--', '-"', '+', 'é', '%', '_', 'x OR', 'OR x', 'x AND AND y',
    '"drones" AND ("pologne" OR', 'NEAR("drones" "pologne")', 'drones NOT', 'NOT -drones', '🚀 drones',
    'ﬁ', 'İstanbul', 'COLUMN', 'rank', 'rowid = 1', 'MATCH', '"a""b"',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_give_a_result_or_a_clear_message(library, text):
    result = library.search(Query(text, order="rank"))
    assert result.total == len(result.event_ids)
    if result.message:
        low = result.message.lower()
        assert "fts5" not in low and "sqlite" not in low and "syntax error" not in low
    # A query with no readable words says so rather than returning nothing silently.
    if not parse_query(text).match and not parse_query(text).exclude and text.strip():
        assert result.message


def test_hostile_queries_keep_their_readable_words(library):
    assert doc_names(library, '"drones AND (pologne') == set()  # one unclosed phrase: no such phrase
    assert doc_names(library, 'drones AND (pologne') == {"pl.txt"}
    assert doc_names(library, 'NEAR(drones') == set()  # "near" is a word like any other
    assert doc_names(library, 'pologne)))') == {"pl.txt"}
    assert doc_names(library, "pologne'; DROP TABLE events; --") == set()  # all words must match
    assert library.stats()["events"] == 7


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "*", "-", "drones", "pologne", "NEAR",
                              "x*", ":", "^", "'", "é", " "]), max_size=20).map(" ".join),
))
def test_any_string_is_a_valid_fts5_expression(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('drones en Pologne')")
    parsed = parse_query(text)
    for expr in (parsed.match, parsed.exclude):
        if expr is not None:
            conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_string_searches_without_error(library, text):
    result = library.search(Query(text))
    assert result.total >= 0
