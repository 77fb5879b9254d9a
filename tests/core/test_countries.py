"""Countries and their roles: the gazetteer, the role rules, robustness and the gold figures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.countries import find_countries
from nato_viewer.core.parsing.country_lexicon import LEXICON


def _countries(text: str, lang: str = "en"):
    ctx = ParseContext(text=text, scan=text, language=lang, doc_date=None)
    return {c.code: c for c in find_countries(ctx)}


def _roles(text: str, lang: str = "en") -> dict[str, list[str]]:
    return {code: c.roles for code, c in _countries(text, lang).items()}


# --- gazetteer --------------------------------------------------------------------------------------


def test_french_names_with_articles_and_elisions():
    text = ("La délégation de la Finlande a rencontré des représentants d'Ukraine, des États-Unis, "
            "du Canada et des Pays-Bas avant de rentrer en Pologne.")
    found = _countries(text, "fr")
    assert set(found) == {"FI", "UA", "US", "CA", "NL", "PL"}
    ukraine = found["UA"].mentions[0]
    assert text[ukraine.span[0]:ukraine.span[1]] == ukraine.text == "Ukraine"


def test_variants_not_in_cldr():
    text = ("Britain, the U.S., Türkiye, Czechia, North Macedonia, the Russian Federation and the "
            "Republic of Korea signed; so did the Etats-Unis d'Amérique.")
    assert set(_countries(text)) == {"GB", "US", "TR", "CZ", "MK", "RU", "KR"}


def test_adjectives_and_demonyms_in_both_languages():
    assert set(_countries("Le ministre ukrainien a reçu les ambassadrices américaines et des soldats russes.",
                          "fr")) == {"UA", "US", "RU"}
    assert set(_countries("Polish and Finnish officers briefed the Norwegians and a Dutch general.")) == {
        "PL", "FI", "NO", "NL"}


def test_capitals_stand_for_governments():
    found = _countries("Moscou a réagi tandis que Kyiv et Pékin se taisaient.", "fr")
    assert set(found) == {"RU", "UA", "CN"}
    assert found["RU"].roles == ["mentioned"]


def test_acronyms_need_their_capitals():
    assert set(_countries("The US and the UK agreed.")) == {"US", "GB"}
    assert _countries("Let us see what the uk press thinks.") == {}
    assert _countries("LET US WIN THIS ONE") == {}


def test_blockers_and_regions_are_not_states():
    text = ("Article 5 of the Washington Treaty binds Europe and North America; the Paris Agreement "
            "is another matter, and so are the EU, NATO and the Allies.")
    assert _countries(text) == {}
    assert _countries("L'Amérique du Nord et l'Amérique latine ne sont pas des États.", "fr") == {}


def test_place_names_used_as_peoples_names():
    assert "JO" not in _countries("Rep. Jim Jordan said the bill was good.")
    assert "JO" not in _countries("Le président du RN, Jordan Bardella, a répondu.", "fr")
    assert "US" not in _countries("A statue of George Washington stands there.")
    assert "JO" in _countries("The King of Jordan met the delegation.")


def test_american_homonyms_and_titles():
    assert _countries("She grew up in Rome, Georgia, near Atlanta.") == {}
    assert _countries("Rep. French Hill chaired the hearing.") == {}
    assert _countries("Lower Turkey Prices Bring Thanksgiving Savings.") == {}
    assert set(_countries("Egypt, Qatar, and Turkey helped broker the deal.")) == {"EG", "QA", "TR"}
    assert _countries("FEMA is hiring more staff from Indian Country.") == {}


def test_us_state_georgia_is_not_the_caucasus_state():
    assert "GE" not in _countries("Hardworking Georgians in Atlanta will see lower prices.")
    assert "GE" in _countries("NATO reaffirmed that Georgia will become a member of the Alliance.")


def test_lexicon_keys_are_folded():
    assert LEXICON["etats-unis"].code == "US"
    assert LEXICON["ukrainiennes"].code == "UA"
    assert LEXICON["amerique du nord"].code is None


# --- roles ------------------------------------------------------------------------------------------


def test_pledging_from_de_la_part_de_with_a_list():
    text = ("Le secrétaire général a salué les récentes annonces de soutien de la part de la Suède, "
            "de l'Italie et du Danemark, qui livreront des munitions à l'Ukraine.")
    roles = _roles(text, "fr")
    assert roles["SE"] == roles["IT"] == roles["DK"] == ["pledging"]
    assert roles["UA"] == ["recipient"]


def test_subject_of_a_pledge_verb():
    roles = _roles("Germany will provide two more air defence systems to Ukraine.")
    assert roles == {"DE": ["pledging"], "UA": ["recipient"]}
    country = _countries("Germany will provide two more air defence systems to Ukraine.")["DE"]
    assert country.pledged and country.pledged[0].startswith("provide two more air defence systems")
    roles = _roles("La Belgique va prochainement envoyer des F-16 à l'Ukraine.", "fr")
    assert roles == {"BE": ["pledging"], "UA": ["recipient"]}


def test_plural_demonyms_receive():
    roles = _roles("The United States is providing $15 million in humanitarian assistance for vulnerable Palestinians.")
    assert roles == {"US": ["pledging"], "PS": ["recipient"]}


def test_possessive_and_adjective_on_a_pledge_noun():
    assert _roles("Canada's contribution to the mission in Latvia was praised.")["CA"] == ["pledging"]
    assert _roles("L'initiative tchèque permettra de livrer des obus à l'Ukraine.", "fr")["CZ"] == ["pledging"]


def test_what_is_not_a_pledge():
    # Taking part in an exercise, joining NATO, political reaffirmations, aggression.
    assert "pledging" not in _roles("Sweden sent 3,000 troops to the exercise in Norway.")["SE"]
    assert "pledging" not in _roles("The United States reaffirmed its support for Ukraine.")["US"]
    assert "pledging" not in _roles("Russia deployed more troops and launched attacks on Ukraine.")["RU"]
    assert "pledging" not in _roles("Finland submitted its application for NATO membership.")["FI"]


def test_host_from_venue_and_dateline():
    assert _roles("Leaders met at the Vilnius Summit.")["LT"] == ["host"]
    assert _roles("Les ministres se sont réunis à Bruxelles.", "fr")["BE"] == ["host"]
    assert _roles("VARSOVIE (AFP) - Les ministres ont débattu.", "fr")["PL"] == ["host"]
    assert _roles("NATO will station a new battlegroup in Slovakia.")["SK"] == ["host"]


def test_war_in_a_country_is_not_hosting():
    assert _roles("The war in Ukraine continues.")["UA"] == ["mentioned"]


def test_joint_statement_signatories_pledge():
    text = ("Today, the Leaders of Canada, the European Council, Japan and Spain released the following "
            "statement:\n\nWe will provide additional military assistance to Moldova.")
    roles = _roles(text)
    assert roles["CA"] == roles["JP"] == roles["ES"] == ["pledging"]
    assert roles["MD"] == ["recipient"]


def test_signatory_table_after_an_endorsement_line():
    text = ("We intend to provide military assistance to Ukraine.\n\nEndorsed at Washington by the leaders of:\n\n"
            "Belgium          Latvia\n\nThe European Union          Ukraine\n\nSlovenia\n")
    roles = _roles(text)
    assert roles["BE"] == roles["LV"] == roles["SI"] == ["pledging"]
    assert "pledging" not in roles["UA"]


def test_readout_where_each_leader_pledged():
    text = ("President Biden met today with President Yoon of the Republic of Korea and Prime Minister Kishida "
            "of Japan. The leaders condemned the war, and each pledged to continue to support Ukraine.")
    roles = _roles(text)
    assert roles["KR"] == roles["JP"] == ["pledging"]
    # A single guest "of X" at a meeting is not a signatory of anything.
    solo = _roles("The Vice President met President Akufo-Addo of Ghana. We will provide vaccines to partners.")
    assert solo["GH"] == ["mentioned"]


def test_agent_after_by_needs_a_gift():
    assert _roles("The air defence systems provided by Norway arrived in Ukraine.")["NO"] == ["pledging"]
    assert "pledging" not in _roles("NATO is fulfilling the security assistance requests by Ukraine.")["UA"]


def test_supplying_an_aggressor_is_not_pledging():
    text = "Russia's war goes on. Iran continues to supply drones to Russia for its attacks on Ukraine."
    assert "pledging" not in _roles(text)["IR"]


def test_pledged_phrase_is_short_and_follows_the_agent():
    text = ("Il a salué les annonces de soutien – notamment de la part de la Suède – couvrant la défense "
            "aérienne, ainsi que les munitions.")
    sweden = _countries(text, "fr")["SE"]
    assert sweden.roles == ["pledging"]
    assert sweden.pledged == ["annonces de soutien couvrant la défense aérienne"]


def test_mentions_in_text_order_with_valid_spans():
    text = "Ukraine asked, and Kyiv repeated: Ukrainian forces need help from Poland and Ukraine's partners."
    country = _countries(text)["UA"]
    starts = [m.span[0] for m in country.mentions]
    assert starts == sorted(starts) and len(starts) == 4
    for m in country.mentions:
        assert text[m.span[0]:m.span[1]] == m.text


def test_one_country_per_code_with_meaningful_roles():
    found = _countries("France will deploy fighter jets to Poland. France is a founding member.")
    assert list(found["FR"].roles) == ["pledging"]


# --- robustness -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["Ukraine", "l'", "U.S.", "US", "à", "to", "will provide", "de la part du",
                                   "Canada", ",", " ", "\n", "Vilnius", "Summit", "Jordan", "Georgia", "«",
                                   "ukrainiennes", "Bruxelles", "(", ")", "—", "we", "leaders of", ":"]),
                  max_size=60).map("".join))
def test_never_raises_and_spans_are_inside(text):
    for lang in ("fr", "en"):
        ctx = ParseContext(text=text, scan=text, language=lang, doc_date=None)
        for country in find_countries(ctx):
            assert country.roles
            for m in country.mentions:
                assert 0 <= m.span[0] < m.span[1] <= len(text)
                assert text[m.span[0]:m.span[1]] == m.text


def test_long_line_costs_grow_linearly():
    # A guard against quadratic blow-ups on one long line, not a benchmark: four times the text may cost
    # about four times the CPU time, where a quadratic scan costs sixteen (a ratio, so the machine's
    # load does not decide it).
    import time

    sentence = "The United States will provide support to Ukraine, and Moscou a réagi à Vilnius. "

    def cost(repeats: int) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            found = _countries(sentence * repeats)
            best = min(best, time.process_time() - start)
        assert {"US", "UA", "RU", "LT"} <= set(found)
        return best

    assert cost(2400) < 9 * max(cost(600), 1e-3)


# --- gold -------------------------------------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is not available")
def test_gold_countries_and_pledging_f1():
    from nato_viewer.core.loader import load
    from nato_viewer.core.parsing.language import detect_language

    tally = {"countries": [0, 0, 0], "pledging": [0, 0, 0]}
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = SHARED / "seeds" / gold["document"]
        if not doc.exists():
            doc = SHARED / "corpus" / gold["document"]
        raw = load(doc)
        ctx = ParseContext(text=raw.text, scan=raw.scan, language=detect_language(raw.scan[raw.body_start:]),
                           doc_date=None, body_start=raw.body_start, file_name=os.path.basename(doc))
        found = find_countries(ctx)
        for key, role in (("countries", None), ("pledging", "pledging")):
            g = {c["code"] for c in gold["countries"]
                 if role is None or role in (c.get("roles") or [c.get("role")])}
            p = {c.code for c in found if role is None or role in c.roles}
            tally[key][0] += len(g & p)
            tally[key][1] += len(p - g)
            tally[key][2] += len(g - p)

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    assert f1(*tally["countries"]) >= 0.90
    assert f1(*tally["pledging"]) >= 0.80


def test_an_embassy_in_a_capital_does_not_make_its_country_a_host():
    text = ("The President spoke with President Zelenskyy. The U.S. Embassy in Kyiv remains open and "
            "fully operational.")
    assert "host" not in _roles(text).get("UA", [])
    assert "host" not in _roles("L'ambassade de France à Kyiv reste ouverte et opérationnelle.", "fr").get("UA", [])
    # the same place after an event stays its host
    assert "host" in _roles("The defence ministers met in Kyiv on Tuesday.").get("UA", [])


def test_a_state_right_after_a_giving_verb_receives_what_follows():
    assert _roles("Anduril will provide Poland with Barracuda-500 missiles.")["PL"] == ["recipient"]
    assert _roles("Germany sent Ukraine two air defence systems.") == {"DE": ["pledging"], "UA": ["recipient"]}
    # a name that qualifies the noun after it receives nothing: "send U.S. fighter jets", "given Indonesia's role"
    assert "recipient" not in _roles("Is the President prepared to send U.S. fighter jets to Ukraine?")["US"]
    assert _roles("This matters, given Indonesia's leading role in ASEAN.")["ID"] == ["mentioned"]
