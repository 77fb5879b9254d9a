"""Events read off short French and English texts written for these tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.model import EVENT_KINDS, PRECISIONS
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.dates import find_dates
from nato_viewer.core.parsing.events import find_events
from nato_viewer.core.parsing.pipeline import parse_text


def events_of(text: str, lang: str = "fr"):
    ctx = ParseContext(text=text, scan=text, language=lang, doc_date=dt.date(2024, 2, 15))
    return find_events(ctx, find_dates(ctx), "")

FR = """---
date: 2024-03-14
lang: fr
---
Les ministres de la Défense se réunissent à Oslo

Les ministres de la Défense des pays alliés se sont réunis jeudi 14 mars 2024 à Oslo pour parler du soutien à la Géorgie.
Les ministres ont décidé de créer un nouveau centre de formation en Lituanie.
Au cours des derniers mois, l'agence a conclu des contrats d'une valeur de 2 milliards d'euros.
D'ici la fin de 2026, les Alliés auront doublé leurs stocks de munitions, a-t-il ajouté.
L'exercice Nordic Shield, actuellement en cours, réunit 9 000 soldats.
Le prochain sommet de l'Alliance est prévu les 9 et 10 juillet à Oslo.
"""

EN = """Statement on the Oslo Summit

OSLO, Norway (March 14, 2024) - Allied leaders met today in Oslo to discuss the defence of the Arctic.
Leaders agreed to establish a new maritime command in Bergen.
The United States will deploy two additional destroyers to the region by 2026.
Twelve Allies are expected to spend 2% of GDP on defence this year.
"""


def kinds_and_dates(doc):
    return [(e.kind, e.start, e.precision) for e in doc.events]


def test_french_meeting_and_what_it_decided():
    doc = parse_text(FR, path="fr.txt")
    got = kinds_and_dates(doc)
    main = doc.events[0]
    assert main.main and main.kind == "meeting" and main.start == "2024-03-14"
    assert main.date_text == "jeudi 14 mars 2024"
    assert ("decision", "2024-03-14", "day") in got
    assert ("contract", "2024-03-14", "before") in got
    assert ("projection", "2026-12-31", "year_end") in got
    assert ("exercise", "2024-03-14", "ongoing") in got
    assert ("meeting", "2024-07-09", "range") in got
    assert sum(e.main for e in doc.events) == 1


def test_event_fields_point_into_the_text():
    doc = parse_text(FR, path="fr.txt")
    for event in doc.events:
        s, e = event.span
        assert doc.text[s:e] == event.summary
        assert len(event.title) <= 100 and "\n" not in event.title
        if event.date_span:
            ds, de = event.date_span
            assert s <= ds < de <= e and doc.text[ds:de] == event.date_text
    projection = next(e for e in doc.events if e.kind == "projection")
    assert projection.date_text == "D'ici la fin de 2026"


def test_english_statement_title_adds_a_statement_event():
    doc = parse_text(EN, path="nato_2024-03-14_en_oslo.txt")
    assert doc.date == "2024-03-14"
    got = kinds_and_dates(doc)
    assert doc.events[0].kind == "meeting"
    assert ("statement", "2024-03-14", "day") in got
    assert ("decision", "2024-03-14", "day") in got
    assert ("pledge", "2026", "year") in got or ("projection", "2026", "year") in got
    assert ("projection", "2024", "year") in got


def test_quoted_speech_alone_makes_no_pledge():
    text = ("Title line here\n\nThe Secretary General met the Prime Minister on Monday (4 March 2024).\n"
            "“We will always provide support to our friends and we stand with them,” he said.\n")
    doc = parse_text(text, path="q_2024-03-04.txt")
    assert [e.kind for e in doc.events if not e.main and e.kind != "statement"] == []


def test_empty_text_still_has_a_main_event():
    events = events_of("")
    assert len(events) >= 1 and events[0].main and events[0].start == "2024-02-15"


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_find_events_never_raises_on_random_text(text):
    for event in events_of(text):
        assert event.kind in EVENT_KINDS and event.precision in PRECISIONS
        assert 0 <= event.span[0] <= event.span[1] <= len(text)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([
    "Les ministres", "ont décidé", "de livrer", "des drones", "le 3 mars", "d'ici 2030", "summit", "met",
    "will provide", "in July", "«", "»", ".", "\n", "exercise Cold Shield", "actuellement en cours", "hier",
]), max_size=30))
def test_event_word_soup(words):
    events = events_of(" ".join(words))
    assert sum(e.main for e in events) == 1
    for event in events:
        if event.start:
            assert len(event.start) in (4, 7, 10)


BACKGROUND = """Readout of the Secretary General's meeting with the Defence Minister of Norway

The Secretary General met today with the Defence Minister of Norway, Ola Berg, in Brussels.
The Defence Minister announced that Norway will send two frigates to the Baltic Sea in 2025.
The meeting, held at the request of Norway, also covered support for Ukraine.
The agency, which provides fuel to Allied aircraft, is based in Luxembourg.
Allies must provide more air defence systems to Ukraine.
If Allies agree on the new plan, the command will open next year.
Ministers discussed new ways to train pilots in order to deliver more aircraft faster.
"""


def test_background_clauses_make_no_event():
    doc = parse_text(BACKGROUND, path="nato_2024-05-06_en_readout.txt")
    got = kinds_and_dates(doc)
    assert doc.events[0].main and doc.events[0].kind == "meeting" and doc.events[0].start == "2024-05-06"
    # the dated pledge is reported once, as what the minister announced
    assert [k for k, _, _ in got].count("meeting") == 1, got  # "The meeting, held ..." names the same meeting
    summaries = " ".join(e.summary for e in doc.events)
    assert "which provides fuel" not in summaries  # a relative clause describing the agency
    assert "must provide" not in summaries  # a wish, not an act
    assert "If Allies agree" not in summaries  # a condition
    assert "in order to deliver" not in summaries  # a purpose
    assert any(e.kind in ("pledge", "projection") and (e.start or "").startswith("2025") for e in doc.events)


def test_a_second_gathering_on_the_same_day_is_kept():
    text = ("Statement by the Press Secretary\n\nThe President met today with NATO leaders in Brussels for the summit.\n"
            "Immediately after the summit, the President spoke with the Prime Minister of Finland.\n")
    doc = parse_text(text, path="wh_2024-07-10_statement.txt")
    meetings = [e for e in doc.events if e.kind == "meeting"]
    assert len(meetings) == 2 and {e.start for e in meetings} == {"2024-07-10"}


def test_speech_anecdotes_are_not_events_but_its_news_is():
    text = ("Remarks by the President on Steel Workers\n\n"
            "Today I am announcing new funding of $2 billion for American shipyards.\n"
            "Years ago, the steelworkers endorsed me when nobody else did.\n"
            "I signed the law on a cold morning and my father cried.\n")
    doc = parse_text(text, path="wh_2024-04-17_remarks.txt")
    summaries = [e.summary for e in doc.events]
    assert doc.events[0].kind == "statement" and doc.events[0].title.startswith("Remarks by the President")
    assert any(e.kind == "pledge" and "announcing new funding" in e.summary for e in doc.events)
    assert not any("endorsed me" in s or "I signed the law" in s for s in summaries)


def test_titles_read_as_one_clean_line():
    text = ("---\ntitle: \"Statement by White\\_House Press Secretary on the\\\n---\n"
            "The Department of Defense [announced](https://example.org/x) today **new funding** of $300 million "
            "to help Ukraine buy artillery shells.\n"
            "Through years of careful work with partners across three continents and many local communities, "
            "the agency, as it said on Monday, signed a new contract with a Polish shipyard for four ships.\n")
    doc = parse_text(text, path="wh_2024-03-01_statement.txt")
    assert doc.events[0].title == "Statement by White House Press Secretary on the"
    pledge = next(e for e in doc.events if e.kind == "pledge")
    assert pledge.title.startswith("The Department of Defense announced today new funding of $300 million")
    contract = next(e for e in doc.events if e.kind == "contract")
    assert "contract" in contract.title and len(contract.title) <= 100
    for event in doc.events:
        assert not any(mark in event.title for mark in ("**", "](", "\\", "<"))
        assert not event.title.lower().startswith(("and ", "but ", "et ", "which "))


def test_french_background_and_repeated_meeting():
    text = ("Le Conseil OTAN-Ukraine s'est réuni\n\n"
            "Le Conseil OTAN-Ukraine s'est réuni ce jeudi (14 mars 2024) à Bruxelles.\n"
            "La réunion, organisée à la demande de Kiev, a porté sur la défense aérienne.\n"
            "Les Alliés ont décidé de créer un nouveau centre de formation en Pologne.\n"
            "Nous devons continuer de fournir à l'Ukraine les munitions dont elle a besoin.\n")
    doc = parse_text(text, path="nato_2024-03-14_fr_conseil.txt")
    got = kinds_and_dates(doc)
    assert [k for k, _, _ in got].count("meeting") == 1, got
    assert ("decision", "2024-03-14", "day") in got
    assert not any("Nous devons" in e.summary for e in doc.events)


def test_press_briefing_keeps_only_dated_or_new_acts():
    text = ("Press Briefing by the Press Secretary\n\n"
            "MS. SMITH: Good afternoon. Today, the President signed an order to send 500 engineers to Poland.\n\n"
            "Q Will the President meet the Chancellor next week, and will he send more troops?\n"
            "Will he provide more aid?\n\n"
            "MS. SMITH: We provide a lot of support to our partners and we always will.\n"
            "The Secretary met the Polish minister yesterday in Warsaw.\n")
    doc = parse_text(text, path="wh_2024-05-02_briefing.txt")
    assert doc.events[0].main and doc.events[0].kind == "statement"
    summaries = [e.summary for e in doc.events[1:]]
    assert any("Today, the President signed" in s for s in summaries)
    assert ("meeting", "2024-05-01", "day") in kinds_and_dates(doc)
    assert not any(s.startswith(("Q ", "Will he")) or "We provide a lot" in s for s in summaries)


def _pledges(text: str, lang: str = "en") -> list[str]:
    return [e.summary for e in events_of(text, lang) if e.kind == "pledge"]


def test_words_feelings_and_signals_are_no_pledge():
    """Sending or offering condolences, thanks or a message, being "a committed" person, a text that
    "provides for" a rule, providing an update, engaging "with" partners, a "surge in" crime or doubling
    down pledge nothing."""
    for sentence in [
        "Jill and I send our deepest condolences to the families of the victims.",
        "The Allies sent a strong signal to Moscow on Tuesday.",
        "The Secretary General offered his sincere thanks to the Norwegian people.",
        "She is a committed public servant with long experience.",
        "Section 202(d) of the Act provides for the automatic termination of a national emergency.",
        "The ministers will engage with partners in the region.",
        "Officials warned of a surge in cyberattacks across Europe.",
        "The programme continues to deliver for the people of the region.",
        "The spokesperson will provide an update on the talks tomorrow.",
        "Moscow doubled down on its demands.",
    ]:
        assert _pledges(sentence) == [], sentence
    for sentence in ["La France envoie un signal fort à Moscou.", "Le président envoie ses condoléances au peuple turc."]:
        assert _pledges(sentence, "fr") == [], sentence


def test_sending_and_offering_support_is_still_a_pledge():
    for sentence in [
        "Germany will send two air defence systems to Ukraine.",
        "Norway offered additional support to Ukraine on Tuesday.",
        "Canada committed 500 million dollars to the fund.",
        "The United States will provide 300 million dollars in security assistance to Ukraine.",
    ]:
        assert len(_pledges(sentence)) == 1, sentence
    assert len(_pledges("La France envoie des chars Leclerc à l'Ukraine.", "fr")) == 1


def _kinds(text: str, lang: str = "en") -> list[str]:
    """The kinds of all the events of `text`, the main one (read off its first sentence) included."""
    return [e.kind for e in events_of(text, lang)]


def test_figures_of_speech_are_no_meeting_or_operation():
    """Calling upon citizens, "what we call", "meet the moment", "visit our website", "he talks about",
    a company's "mission to", the Border Patrol, carbon capture, killing fields and attacks on freedoms
    are no meeting or operation."""
    for sentence in [
        "I call upon all Americans to observe this week with appropriate ceremonies.",
        "That is what we call an opportunity economy.",
        "The Alliance must meet the challenges of today and tomorrow.",
        "To learn more, visit our website or visit cdc.gov/cancer.",
        "He talks about the war every day.",
        "We are proud to work with you in your mission.",
        "The Border Patrol chief asked for more people.",
        "The plan funds carbon capture projects.",
        "Schools have become killing fields.",
        "These laws are an attack on fundamental freedoms.",
    ]:
        assert not {"meeting", "operation"} & set(_kinds(sentence)), sentence


def test_calls_visits_and_missions_are_still_events():
    assert "meeting" in _kinds("The President held a phone call with Chancellor Scholz on Tuesday.")
    assert "meeting" in _kinds("During the call, the leaders discussed Ukraine.")
    assert "meeting" in _kinds("The Secretary General will visit Poland next week.")
    assert "meeting" in _kinds("The ministers met with their Ukrainian counterpart on Tuesday.")
    assert "operation" in _kinds("Allies support the NATO mission in Iraq.")
    assert "operation" in _kinds("The Security Council backed a multinational security support mission to Haiti.")


def test_addressing_a_problem_or_agreeing_in_talk_is_no_event():
    """"Address the pandemic" is no speech ("address the nation" is); "we all agree" no decision."""
    for sentence in ["The leaders discussed efforts to address the COVID-19 pandemic.",
                     "We are working to address the scourge of gun violence.",
                     "And above all, we all agree.", "Experts agree that tobacco harms health."]:
        # (the main event of a text with no trigger is a statement by default: only the others count here)
        assert not {"statement", "decision"} & {e.kind for e in events_of(sentence, "en") if not e.main}, sentence
    assert "statement" in _kinds("On Tuesday the President addressed the Ukrainian parliament in Kyiv.")
    assert "decision" in _kinds("On Tuesday the Allies agreed to deploy four battlegroups.")
