"""Direct quotations and their speakers, on French and English sentences written for these tests."""

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
from nato_viewer.core.parsing.quotes import find_quotes


def _ctx(text: str, lang: str = "fr") -> ParseContext:
    return ParseContext(text=text, scan=text, language=lang, doc_date=None)


def _quotes(text: str, lang: str = "fr"):
    ctx = _ctx(text, lang)
    people, _ = find_people(ctx)
    return find_quotes(ctx, people)


def _check_spans(text, quotes):
    for q in quotes:
        s, e = q.span
        assert 0 <= s < e <= len(text)
        assert text[s:e] == q.text


def test_french_guillemets_with_inverted_attribution():
    text = ("La secrétaire générale adjointe de l'OTAN, Sophie Martin, s'est rendue à Riga mardi. "
            "« Nos forces sont prêtes à défendre chaque centimètre du territoire allié », a déclaré Mme Martin.")
    quotes = _quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "Nos forces sont prêtes à défendre chaque centimètre du territoire allié"
    assert q.speaker == "Sophie Martin"
    assert q.verb == "déclaré"
    _check_spans(text, quotes)


def test_interrupted_quote_is_two_quotes_and_pronoun_keeps_the_speaker():
    text = ("Le ministre estonien de la Défense, Karl Tamm, a reçu ses homologues à Tallinn. "
            "« Nous augmenterons nos dépenses », a-t-il dit, « et nous achèterons des systèmes de défense aérienne ».")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == [
        "Nous augmenterons nos dépenses",
        "et nous achèterons des systèmes de défense aérienne",
    ]
    assert {q.speaker for q in quotes} == {"Karl Tamm"}
    _check_spans(text, quotes)


def test_title_resolves_to_the_person_named_with_it():
    text = ("Le secrétaire général de l'OTAN, Anders Lindqvist, a ouvert la réunion des ministres.\n"
            "Le secrétaire général a déclaré : « Les Alliés doivent produire davantage de munitions. »")
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Anders Lindqvist"
    assert quotes[0].text == "Les Alliés doivent produire davantage de munitions."


def test_english_said_after_the_quote_and_continuation():
    text = ('"We will keep supporting our partners for as long as it takes," said Defence Secretary '
            'Helen Price. "This package includes air defence interceptors."\n\n'
            '"Deterrence works when it is credible," she added.')
    quotes = _quotes(text, "en")
    assert [q.speaker for q in quotes] == ["Helen Price"] * 3
    assert quotes[0].text == "We will keep supporting our partners for as long as it takes,"
    assert quotes[2].verb == "added"
    _check_spans(text, quotes)


def test_label_lines_give_the_speaker():
    text = ("Leaders welcomed the agreement.\n\n"
            "Latvian Prime Minister Ilze Berzina: “This is a strong day for the Baltic region.”\n\n"
            "The Daily Courier: “A summit that delivered.”")
    quotes = _quotes(text, "en")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ilze Berzina", "This is a strong day for the Baltic region."),
        ("The Daily Courier", "A summit that delivered."),
    ]


def test_scare_quotes_names_and_labels_are_not_quotes():
    text = ("Les ministres ont examiné le plan d'action « réactivité » et l'exercice « Bouclier de glace ». "
            "Le pays a obtenu le statut d'« invité » lors de la réunion du format dit « Ramstein ».")
    assert _quotes(text) == []


def test_short_quoted_phrase_next_to_a_speech_verb_is_a_quote():
    text = "La ministre Claire Dubois a salué des « avancées concrètes » pour la défense européenne."
    quotes = _quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("avancées concrètes", "Claire Dubois")]


def test_selon_gives_the_speaker_after_the_quote():
    text = "Cette décision marque « un tournant pour la sécurité du flanc est » selon la présidente Eva Novak."
    quotes = _quotes(text)
    assert quotes[0].speaker == "Eva Novak"
    assert quotes[0].text == "un tournant pour la sécurité du flanc est"


def test_multi_paragraph_quote_reopened_at_each_paragraph():
    text = ("Le général Paul Renaud a détaillé le dispositif.\n"
            "« Nous déployons trois bataillons supplémentaires sur le flanc est.\n"
            "« Ces unités resteront aussi longtemps que nécessaire », a-t-il précisé.")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == [
        "Nous déployons trois bataillons supplémentaires sur le flanc est.",
        "Ces unités resteront aussi longtemps que nécessaire",
    ]
    assert {q.speaker for q in quotes} == {"Paul Renaud"}
    _check_spans(text, quotes)


def test_nested_and_unbalanced_marks_do_not_break_anything():
    text = ("« Le traité dit clairement “une attaque contre l'un est une attaque contre tous” et nous "
            "le respecterons », a affirmé la ministre Anna Berg. Un guillemet perdu « ici, sans fin.\n"
            'A stray " mark and another « here.')
    quotes = _quotes(text)
    assert quotes[0].text.startswith("Le traité dit clairement “une attaque")
    assert quotes[0].speaker == "Anna Berg"
    _check_spans(text, quotes)


def test_hard_wrapped_paragraphs_keep_quotes_whole():
    text = ("The Secretary of State, Daniel Hart, spoke to reporters after the\n"
            "meeting in Brussels. “Our Alliance has never been stronger and we will\n"
            "keep it that way,” Secretary Hart said at the press conference today.\n\n"
            "He also thanked the hosts of the meeting for their warm welcome today.\n")
    quotes = _quotes(text, "en")
    assert len(quotes) == 1
    assert quotes[0].speaker == "Daniel Hart"
    assert "never been stronger" in quotes[0].text
    _check_spans(text, quotes)


def test_unnamed_speaker_keeps_the_body_as_written():
    text = "Une intégration qui a provoqué la colère de Moscou qui dénonce une « provocation »."
    quotes = _quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("provocation", "Moscou")]


def test_anonymous_sources_and_bodies_keep_the_wording():
    text = ("Interrogé par l'AFP, un diplomate européen a jugé cette réunion « décisive pour la suite ». "
            "Le Kremlin a pour sa part dénoncé une « escalade dangereuse ».\n"
            'According to a senior NATO official, the new plans are "the most detailed since the Cold War."')
    quotes = _quotes(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("un diplomate européen", "décisive pour la suite"),
        ("Le Kremlin", "escalade dangereuse"),
        ("a senior NATO official", "the most detailed since the Cold War."),
    ]


def test_a_dit_is_speech_but_format_dit_is_a_label():
    text = ("Le ministre Paul Garnier a dit « nous tiendrons parole » devant les députés, "
            "lors d'une réunion au format dit « Weimar ».")
    quotes = _quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("nous tiendrons parole", "Paul Garnier")]


def test_united_states_is_not_a_speech_verb():
    text = ('Defence Secretary Alan Brooks said the United States would "stand with its Allies for as long '
            'as it takes."')
    quotes = _quotes(text, "en")
    assert quotes[0].speaker == "Alan Brooks"
    assert quotes[0].verb == "said"


def test_transcript_quote_belongs_to_the_speaker_whose_turn_it_is():
    text = ("Remarks by President Walker and Prime Minister Lund\n\n"
            "PRESIDENT WALKER:  Thank you all for coming today to the White House.\n\n"
            "PRIME MINISTER LUND:  When I called my team, I said, “We are ready to sign tomorrow.”\n\n"
            "PRESIDENT WALKER:  Good.\n")
    quotes = _quotes(text, "en")
    assert [(q.speaker, q.text) for q in quotes] == [("Lund", "We are ready to sign tomorrow.")]


def test_html_attributes_are_not_quotes():
    text = ('<figure><img src="https://example.org/chart.png" sizes="(max-width: 739px) 100vw"></figure>\n'
            'The Secretary of State, Daniel Hart, said: "The numbers speak for themselves."')
    quotes = _quotes(text, "en")
    assert [(q.speaker, q.text) for q in quotes] == [("Daniel Hart", "The numbers speak for themselves.")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("«»“”„\"‘’' \n.,:;-–AaÉéMm. Ilsaiddéclaré")), max_size=300)
       | st.text(max_size=200))
def test_random_text_never_raises_and_spans_hold(text):
    quotes = _quotes(text)
    _check_spans(text, quotes)


SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold().replace("’", "'"))


def _f1(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="shared gold corpus not available")
def test_gold_corpus_quotes_and_speakers():
    """Quotes found and attributed right over the hand-annotated corpus (F1 as the scorer counts it)."""
    tp = fp = fn = right = 0
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = next((p for p in (SHARED / "seeds" / gold["document"], SHARED / "corpus" / gold["document"])
                         if p.exists()), None)
        if doc_path is None:
            continue
        raw = load(doc_path)
        ctx = ParseContext(text=raw.text, scan=raw.scan, language=gold["language"], doc_date=None,
                           body_start=raw.body_start)
        found = find_quotes(ctx, find_people(ctx)[0])
        _check_spans(raw.text, found)
        used = set()
        for g in gold["quotes"]:
            best = max(((_f1(g["text"], q.text), i) for i, q in enumerate(found) if i not in used),
                       default=(0.0, -1))
            if best[0] >= 0.6:
                used.add(best[1])
                tp += 1
                keys = {t for t in _tokens(g["speaker"]) if len(t) > 2}
                right += bool(keys & set(_tokens(found[best[1]].speaker or "")))
            else:
                fn += 1
        fp += len(found) - len(used)
    f1 = 2 * tp / (2 * tp + fp + fn)
    speakers = 2 * right / (2 * tp + fp + fn)
    assert f1 >= 0.9, (tp, fp, fn)
    assert speakers >= 0.9, (right, tp)


def test_a_quoted_principle_or_phrase_is_no_speech():
    text = ("President Biden spoke with President Zelenskyy. “We stand with Ukraine,” he said. The leaders "
            "discussed European security, underscoring the principle of “nothing about Ukraine without Ukraine.”")
    assert [q.text for q in _quotes(text, "en")] == ["We stand with Ukraine,"]
    fr = ("« Nous sommes unis », a déclaré le ministre. Les Alliés restent fidèles au principe « entrer ensemble, "
          "sortir ensemble ».")
    assert [q.text for q in _quotes(fr)] == ["Nous sommes unis"]
