"""The whole parser on any text: never raises, every span inside the text and pointing at its own fact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_viewer.core.export import document_to_json
from nato_viewer.core.parsing.pipeline import parse_file, parse_text

WORDS = st.sampled_from(
    ["«", "»", "“", "”", '"', "'", "’", "-", "–", "2", "%", "600", "milliards", "de", "dollars", "$1.5", "billion", "€40bn", "18", "Alliés", "un", "million", "drones", "jeudi", "15", "février", "2024", "July", "9-11,", "2024", "fin", "d'ici", "la", "of", "M.", "Stoltenberg", "a", "déclaré", "he", "said", "Canada", "Finlande", "Ukraine", "ukrainien", "Moscou", "Washington", ".", ",", ";", ":", "\n", "\n\n", "---", "title:", "date:", "<p>", "</p>", "&", "the", "le", "la"]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))


def check_spans(doc) -> None:
    n = len(doc.text)
    for q in doc.quotes:
        assert 0 <= q.span[0] < q.span[1] <= n and doc.text[q.span[0]:q.span[1]] == q.text
    for f in doc.figures:
        assert 0 <= f.span[0] < f.span[1] <= n and doc.text[f.span[0]:f.span[1]] == f.text
    for c in doc.countries:
        for m in c.mentions:
            assert 0 <= m.span[0] < m.span[1] <= n and doc.text[m.span[0]:m.span[1]] == m.text
    for p in doc.people:
        for m in p.mentions:
            assert 0 <= m.span[0] < m.span[1] <= n
    for d in doc.dates:
        assert 0 <= d.span[0] < d.span[1] <= n
    for e in doc.events:
        assert 0 <= e.span[0] <= e.span[1] <= n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_parses_with_valid_spans(text):
    if not text.strip():
        return
    try:
        doc = parse_text(text)
    except Exception as exc:  # only the loader's clean refusals are allowed
        from nato_viewer.core.loader import LoadError

        assert isinstance(exc, LoadError), exc
        return
    check_spans(doc)
    document_to_json(doc)


def test_seed_facts_are_linked_to_events(seed_file):
    doc = parse_file(seed_file)
    check_spans(doc)
    ids = {e.id for e in doc.events}
    assert doc.language == "fr" and doc.date == "2024-02-15"
    assert sum(e.main for e in doc.events) == 1
    assert all(q.event_id in ids for q in doc.quotes)
    assert all(f.event_id in ids for f in doc.figures)
    for event in doc.events:
        for qid in event.quote_ids:
            assert next(q for q in doc.quotes if q.id == qid).event_id == event.id


def test_corpus_spans_are_valid(shared):
    for path in sorted((shared / "corpus").glob("*.txt")):
        check_spans(parse_file(path))
