"""People with their titles and named organisations, on sentences written for these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_viewer.core.loader import load
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.people import find_people


def _people(text: str, lang: str = "fr"):
    return find_people(ParseContext(text=text, scan=text, language=lang, doc_date=None))


def _by_name(people):
    return {p.name: p for p in people}


def test_titles_before_names_french():
    text = ("Le président polonais Tomasz Zielinski a reçu à Varsovie le ministre norvégien de la Défense, "
            "Erik Haugland. M. Zielinski a ensuite rencontré Mme Lefebvre.")
    people, _ = _people(text)
    found = _by_name(people)
    assert set(found) == {"Tomasz Zielinski", "Erik Haugland", "Lefebvre"}
    assert found["Tomasz Zielinski"].role == "président polonais"
    assert found["Erik Haugland"].role == "ministre norvégien de la Défense"
    # the later surname mention joins the full name, with its own span
    spans = [m.span for m in found["Tomasz Zielinski"].mentions]
    assert len(spans) == 2
    assert all(text[s:e] in ("Tomasz Zielinski", "Zielinski") for s, e in spans)


def test_titles_and_honorifics_english():
    text = ("NATO Secretary General Ingrid Solberg met Sen. Tom Harlan and Rep. Maria Ortiz in Washington. "
            "President Keller thanked Ms. Ortiz for her work.")
    people, _ = _people(text, "en")
    found = _by_name(people)
    assert set(found) == {"Ingrid Solberg", "Tom Harlan", "Maria Ortiz", "Keller"}
    assert found["Ingrid Solberg"].role == "NATO Secretary General"
    assert found["Tom Harlan"].role == "Sen."
    assert len(found["Maria Ortiz"].mentions) == 2


def test_hyphenated_names_particles_and_initials():
    text = ("Le ministre Jean-Yves Le Gall a accueilli Ursula van der Berg. "
            "President Joseph T. Walker, Jr. spoke with Chancellor Karl-Heinz von Stein.")
    people, _ = _people(text)
    names = {p.name for p in people}
    assert "Jean-Yves Le Gall" in names
    assert "Ursula van der Berg" in names
    assert "Joseph T. Walker" in names or "Joseph T. Walker, Jr." in names
    assert "Karl-Heinz von Stein" in names


def test_speaker_labels_of_a_transcript():
    text = ("SECRETARY GENERAL ANDERSEN:  Welcome to our headquarters.\n\n"
            "PRESIDENT MORALES:  Thank you very much.\n")
    people, _ = _people(text, "en")
    found = _by_name(people)
    assert set(found) == {"Andersen", "Morales"}
    assert found["Morales"].role == "President"


def test_countries_places_organisations_and_months_are_not_people():
    text = ("Le Premier ministre des Pays-Bas s'est rendu en Finlande en juillet. "
            "The President of Finland met the leaders of the Bucharest Nine in Vilnius. "
            "The governor of Helmand welcomed the Chief of the Civil Division. "
            "Le Conseil de l'Atlantique Nord et l'Union européenne se sont réunis lundi.")
    people, orgs = _people(text)
    assert people == []
    org_names = {o.name for o in orgs}
    assert {"North Atlantic Council", "European Union"} <= org_names


def test_bylines_are_not_people():
    text = "Par Julien Moreau\n\nLe ministre des Armées, Paul Garnier, a annoncé un nouveau contrat."
    people, _ = _people(text)
    assert {p.name for p in people} == {"Paul Garnier"}


def test_coordination_and_copula():
    text = ("Le président turc a reçu ses homologues finlandais Virtanen et suédoise Lindgren. "
            "Karim was a Taliban commander who led attacks in the district.")
    people, _ = _people(text)
    assert {p.name for p in people} == {"Virtanen", "Lindgren", "Karim"}


def test_organisation_mentions_have_spans():
    text = "NATO and the European Union met; l'OTAN et l'UE ont salué le Conseil OTAN-Ukraine."
    _, orgs = _people(text)
    by = {o.name: o for o in orgs}
    assert len(by["NATO"].mentions) == 2
    assert len(by["European Union"].mentions) == 2
    assert "NATO-Ukraine Council" in by
    for org in orgs:
        for m in org.mentions:
            assert text[m.span[0]:m.span[1]] == m.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("AaBbMmÉé.-’' \n:,LeDuvanJrPRESIDENT")), max_size=300)
       | st.text(max_size=200))
def test_random_text_never_raises_and_mentions_hold(text):
    people, orgs = _people(text)
    for item in list(people) + list(orgs):
        for m in item.mentions:
            s, e = m.span
            assert 0 <= s < e <= len(text)
            assert text[s:e] == m.text


SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _keys(name: str) -> set[str]:
    noise = {"jr", "sr", "mme", "mrs", "president", "président", "the"}
    return {t for t in re.findall(r"\w+", name.casefold()) if len(t) > 2 and t not in noise}


def _people_of_file(path):
    raw = load(path)
    ctx = ParseContext(text=raw.text, scan=raw.scan, language="en", doc_date=None, body_start=raw.body_start)
    return find_people(ctx)[0]


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="shared gold corpus not available")
def test_gold_corpus_people():
    """People found over the hand-annotated corpus, matched one to one by a shared name word."""
    tp = fp = fn = 0
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = next((p for p in (SHARED / "seeds" / gold["document"], SHARED / "corpus" / gold["document"])
                         if p.exists()), None)
        if doc_path is None:
            continue
        found = [p.name for p in _people_of_file(doc_path)]
        used = set()
        for g in gold["people"]:
            hit = next((i for i, name in enumerate(found) if i not in used and _keys(g["name"]) & _keys(name)), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(found) - len(used)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9, (tp, fp, fn)


def test_a_middle_initial_is_no_honorific_and_marks_a_name():
    """"M." is "Monsieur" before a name but a middle initial inside one ("Karla M. Campbell")."""
    people = _by_name(_people("Karla M. Campbell, of Tennessee, to be Circuit Judge. Campbell thanked the "
                              "Senate. The board thanked Harry S. Truman.", "en")[0])
    assert set(people) == {"Karla M. Campbell", "Harry S. Truman"}
    assert [m.text for m in people["Karla M. Campbell"].mentions] == ["Karla M. Campbell", "Campbell"]
    french = _by_name(_people("Le ministre a reçu M. Dupont. Selon M. Dupont, la réunion fut utile.")[0])
    assert list(french) == ["Dupont"] and french["Dupont"].role is None  # "M." says nothing of a function


def test_a_name_wrapped_inside_a_link_label_is_one_name():
    from nato_viewer.core.parsing.pipeline import parse_text

    text = ("Statement\n\nThe bill passed the House on Tuesday with a large majority of its members.\n\n"
            "[Rep. Harriet\nHageman](https://x.com/example/status/1): “Great news for Wyoming.”\n")
    assert [(p.name, p.role) for p in parse_text(text).people] == [("Harriet Hageman", "Rep.")]


def test_institutions_and_agreements_are_no_people():
    names = set(_by_name(_people("The Administrator of General Services met the Secret Service. He secured the "
                                 "Camp David Accords and thanked the Coast Guard and Border Patrol.", "en")[0]))
    assert names == set()
