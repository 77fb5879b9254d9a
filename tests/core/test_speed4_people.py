"""The fourth round of people speed work gives exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nato_viewer.core.parsing import people
from nato_viewer.core.parsing.context import ParseContext

_WORDS = ["The", "President", "John", "Doe", "White", "House", "Mr.", "de", "la", "Anna", "Welcoming", "NATO",
          "Sen.", "Secretary", "General", "Kowalski", "Jean", "van", "I’m", "Doe's", "J.", "Office", "Chief",
          "Press", "Jen", "Psaki", "Le", "Prime", "Minister"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join))
def test_dropped_groups_have_no_run_on_any_line(word):
    kept = people._word_plan(word)
    for group in people._word_groups(word, False):
        plan = people._GroupPlan(word, group)
        if not plan.useful:
            # no candidate from it, headline or not: the headline rule is off for it
            assert not plan.label and not plan.headline_rule
            assert plan.runs(False) == [] and plan._plan_runs(True) == []
        elif not (len(group) == 1 and (group[0].allcaps or group[0].title or group[0].not_name)):
            assert any(gp.tokens == group for gp in kept)


_TITLE_PIECES = ["le ministre ", "President ", "secretary general ", "the ", "Doe", " ", ", ", ". ", "x" * 40,
                 "prime minister ", "chef ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=20).map("".join), st.integers(0, 400))
def test_any_title_between_is_the_last_title_test(text, width):
    ctx = ParseContext(text=text, scan=text, language="en", doc_date=None)
    titles = people._TitleIndex(ctx)
    for hi in range(len(text) + 1):
        lo = max(0, hi - width)
        assert titles.any_between(lo, hi) == (titles.last_between(lo, hi) is not None)
