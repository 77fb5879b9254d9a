"""Events: the main event of a document and each decision, pledge, projection... it reports.

The main event comes from the lead sentence (what met, joined, was appointed, was struck) or, failing
that, the title; the release or article itself is a statement event too (readouts aside). Further
events come one per clause whose words trigger a kind (event_lexicon.TRIGGERS, FR and EN), dated by
the date expression of that clause (the one nearest the trigger), else by the event a preview
announces, else at the document date with the precision its tense suggests (before, ongoing, day).
A summit named with its own date ("the summit in July") is a meeting of its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from nato_viewer.core.model import DateExpr, Event, Span
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.event_lexicon import (
    BEFORE_CUES,
    BRIEFING_TITLE,
    DIGIT_TRIGGER,
    FUTURE_CUES,
    MAIN_TRIGGERS,
    MEETING_NOUN,
    NAMED_EXERCISE,
    ONGOING_CUES,
    READOUT_TITLE,
    STATEMENT_TITLE,
    TRANSCRIPT_TITLE,
    TRIGGER_SCAN_HEADS,
    TRIGGER_SCAN_SPACED,
    TRIGGERS,
    prefilter_end,
    scan_head,
)
from nato_viewer.core.parsing.text import ascii_forms, fold, shorten

TITLE_LIMIT = 100
# The lead sentence describes the main event; only these kinds read off it make further events.
_LEAD_EXTRA_KINDS = frozenset({"exercise", "accession", "appointment", "decision", "contract", "meeting"})
# Where one clause ends and the next begins: "; ", ": ", " – ", ", and (that) ...", ", while ...",
# ", ajoutant que ..." (a second reported statement).
# Every alternative opens with a literal character, so the search skips to those: the dash of " - " is
# found first and the space before it looked back at; _clauses puts the break at that space.
_CLAUSE_BREAK = re.compile(
    r";|:\s|-(?<=\s-)\s|–(?<=\s–)\s|—(?<=\s—)\s|,\s+(?:et|and|while|alors que|tandis que)\s+(?:que\s+|qu.)?|"
    r",\s+(?:ajoutant|adding|soulignant|stressing|noting|notant|pr[ée]cisant)\s"
)
# A date that bounds or anchors another moment ("since 2014", "weeks before Oct. 7", "until June") is not
# the date of the event the clause reports.
_SINCE_ANY = re.compile(
    r"(?<![\w-])(?:since|depuis|ever since|until|jusqu'(?:au|a|en)|prior to|(?:days|weeks|months|years|"
    r"jours|semaines|mois|ans) (?:before|after|avant|apres))(?![\w-])"
)
# Meeting words that name a gathering, not an act of meeting a target or a requirement.
_NAMED_MEETING = re.compile(
    r"(?:reunion|meeting|summit|sommet|ministerial|ministerielle|conseil otan-ukraine|nato-ukraine council|"
    r"contact group|groupe de contact|dinner|diner|working lunch|dejeuner de travail)\b"
)
_ANAPHORA = re.compile(r"(?<![\w-])(?:this|these|those|cette|ce|ces|cet|such) $")
# "KABUL, Afghanistan (Sept. 1) - ", "HELSINKI, 3 avril (Reuters) - ": the dateline before the story.
_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},[^\n]{0,40}?\d[^\n]{0,20}?\)?\s+[-–—]\s+")
_OPENER = re.compile(
    r"^(?:[-•*·]\s+|\(\d+\)\s+|(?:and|but|or|so|also|then|thus|however|finally|in addition|moreover|meanwhile|"
    r"furthermore|et|mais|ou|puis|ainsi|or|donc|enfin|par ailleurs|en outre|de plus|de son cote|de son côté)"
    r"\s*,?\s+)",
    re.IGNORECASE,
)
_MEETS = re.compile(r"\b(?:met|meet|meeting|summit|spoke|call|visit|reunis|sommet|entretenu)\b")
_HOST_GATHERING = re.compile(
    r"(?:on the (?:margins|sidelines) of|en marge d[eu]|at the|lors d[eu]|during the|au cours d[eu]|ahead of the|"
    r"avant le|in the framework of|dans le cadre d[eu])\s+(?:la |l'|the )?(?:\w+ ){0,3}"
    r"(?:summit|sommet|ministerial|ministerielle|council|conseil|meeting|reunion)\b"
)
# Trigger forms that do not report an act of their own: an infinitive of purpose ("to provide", "pour
# fournir"), a relative clause describing someone ("a leader who provided"), a modal or a wish ("must
# commit", "nous devons fournir"), a gerund ("including providing").
_PURPOSE_BEFORE = re.compile(r"(?:(?<![\w-])to|(?<![\w-])pour|afin d[e']|in order to|so as to)\s$")
# "committed to", "agreed to", "continue to", "will work to": the infinitive carries the commitment.
_GOVERNED_TO = re.compile(
    r"(?<![\w-])(?:commit\w*|commitments?|pledg\w*|agree\w*|decid\w*|decision|continu\w*|plans?|planned|intends?|"
    r"intended|ready|prepared|determined|resolved|vow\w*|promis\w*|aims?|seeks?|sought|going|set|expected|"
    r"due|able|wants?|work(?:s|ed|ing)?|moved?|moving|announc\w*|offer\w*|propos\w*|undertak\w*|"
    r"steps|efforts?|measures|actions|initiative|agreements?|deals?)\s+to\s$"
)
_RELATIVE_BEFORE = re.compile(r"(?<![\w-])(?:who|which|that|qui)\s$")
_MODAL_BEFORE = re.compile(
    r"(?<![\w-])(?:must|should|could|would|might|may|can|cannot|can't|need to|needs to|have to|has to|"
    r"doi[st]|doivent|devons|devez|faut|pourrai(?:t|ent)|pourr(?:a|ont))(?:\s*,[^,;]{1,40},)?(?:\s+(?:not|also|still|now|pas|aussi|"
    r"continuer?|continue to|\w+ly|\w+ment)){0,2}\s+(?:(?:to|a|de|d')\s*)?$"
)
_PLEDGE_NOUN = re.compile(r"funding|contributions?|commitments?|deployments?|donations?|financement|deploiements?|"
                          r"livraisons?|engagements?|promesses?")
_DEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:the|la|le|l'|les|its|their|our|his|her|sa|son|ses|leur|leurs|nos|notre)\s*$")
_NOUN_COMPLEMENT = re.compile(r"\s+(?:of|to|for|from|de|du|des|d'|a|aux|pour|en faveur)\b")
# What may stand before an "-ing" trigger that still reports an act or names a pledge: a progressive
# ("is providing", "currently deploying") or a noun phrase ("new funding", "$5 million in funding").
_VERB_ING_CONTEXT = re.compile(
    r"(?<![\w-])(?:is|are|was|were|be|been|am|'s|'re|currently|now|still|actively|the|a|an|new|additional|more|"
    r"further|its|their|our|this|that|these|such|in|of|with|federal|total|emergency|military|security|"
    r"humanitarian|financial|\w+ly)\s+$"
)
_ADVERBIAL_BEFORE = re.compile(
    r"(?<![\w-])(?:by|including|through|while|after|before|without|when|via|for|of|from|upon|besides|despite|"
    r"as well as|in addition to|instead of)\s+(?:\w+ly\s+)?$"
)
# "X provides", "USAID delivers", "l'Alliance fournit": what a body habitually does, not a dated act.
_HABITUAL = re.compile(r"(?:provides|delivers|funds|supports|contributes|offers|sends|stations|fournit|livre|finance)$")
_NOW_CUES = re.compile(r"(?<![\w-])(?:today|tonight|this (?:week|month|morning|afternoon)|now|aujourd'hui|ce jour|"
                       r"cette semaine|ce mois|desormais|newly|new)(?![\w-])")
_CONDITION_START = re.compile(r"(?:if|unless|when|whenever|whether|si|lorsqu|quand)\b")
# "the meeting", "la réunion", "this week's summit", "following the call": a gathering named again.
_MEETING_REFERENCE = re.compile(
    r"(?<![\w-])(?:the|this|that|its|their|la|le|l'|cette|ce|cet|du|au|sa|son|leur)\s*(?:[\w'-]+\s+){0,3}"
    r"(?:meeting|reunion|summit|sommet|call|entretien|visit|visite|talks|ministerial|ministerielle|discussions?|"
    r"dinner|diner|conversation)\b"
)
_OWN_NAME_AFTER = re.compile(r"s?\s+(?:of|with|between|du|des|de la|de l'|avec|entre)\s")
# Markup left in a clause of a Markdown file: links, emphasis, inline tags, escapes, enumerators.
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)")
_MARKUP = re.compile(r"\]\([^()\s]{0,500}\)|\]\(\S*$|</?[A-Za-z][^<>]{0,200}>|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|"
                     r"\\(?=[#_*\[\]\\])|\[(?=\w)|^\s*(?:\d{1,2}|[a-z])\)\s+")
# Two patterns: one whose alternatives all open with a character skips fast to those characters.
_MARKUP_CHARS = re.compile(r"[\[\]<>*_\\]")
_ENUMERATOR = re.compile(r"\s*\w\)")
_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|.)")
_PAST_FORM = re.compile(r"(?:ed|met|sent|spoke|took|gave|made|held|led)$")
# What a main clause may open with after a comma: a name or a subject pronoun, not "which", "in", "to".
_CLAUSE_SUBJECT = re.compile(
    r"(?!(?:Which|Who|Where|When|While|Including|In|On|At|To|For|With|By|From|As|And|But|Or|Qui|Que|Dont|Où|En|"
    r"Dans|Pour|Par|Avec|Et|Mais|Ou|Lors|Après|Avant)\b)[A-ZÀ-Ý]|(?:the|we|i|they|he|she|it|our|its|their|this|these|"
    r"allies|leaders|ministers|les|la|le|l'|nous|il|elle|ils|elles|on)\b"
)
_QUESTION_OPENING = re.compile(r"\s*(?:\*\*)?Q(?:\*\*)?[.:]?\s")
_WORD_REST = re.compile(r"\w*")
_QUOTED = re.compile(r"«[^»]*»?|“[^”]*”?|\"[^\"]*\"?")
_WORD_BYTE_OR_OTHER = frozenset(b"_?")  # "?": a character outside ASCII in the ASCII bytes
_NOISE_LINE = re.compile(r"^[\W\d_]*$|^(?:for immediate release|download pdf|source:|photo|credit)", re.I)


def find_events(ctx: ParseContext, dates: list[DateExpr], title: str) -> list[Event]:
    """Events in text order, the main event first and marked main=True; ids are set by the pipeline."""
    ctx._cache.pop("doc_iso", None)
    ctx._cache["transcript"] = bool(TRANSCRIPT_TITLE.search(fold(title or "")))
    ctx._cache["briefing"] = bool(BRIEFING_TITLE.search(fold(title or "")))
    _find_hits(ctx)
    lead, sentences = _lead(ctx, dates, title)
    main = _main_event(ctx, dates, title, lead)
    events = [main]
    if _release_is_statement(main, fold(title or "")):
        events.append(_statement_event(ctx, main, title or ""))
    seen = {_key(ctx, main, main.span)}
    host = _host_gathering(ctx, lead, main) if lead is not None and main.kind == "meeting" else None
    if host is not None:
        seen.add(_key(ctx, host, host.span))
        events.append(host)
    transcript = ctx._cache["transcript"] or ctx._cache["briefing"]
    for sent in sentences:
        if transcript and _asked(ctx, sent):
            continue  # a reporter's question reports nothing
        for clause in _clauses(ctx, sent):
            for event in _clause_events(ctx, dates, clause, main):
                if sent == lead and main.kind != "statement" and (event.kind not in _LEAD_EXTRA_KINDS or (
                        event.kind == main.kind and (
                        event.start == main.start or event.precision == "year"))):
                    continue
                key = _key(ctx, event, clause)
                if key in seen:
                    continue
                if event.kind == "meeting" and _names_known_meeting(ctx, clause, event, events):
                    continue
                seen.add(key)
                events.append(event)
    return events


def _lead(ctx: ParseContext, dates: list[DateExpr], title: str) -> tuple[Span | None, Iterator[Span]]:
    """The lead sentence, and the prose sentences after the headline that hold a trigger or a date
    (the others report nothing: most sentences of a long text are not even read)."""
    sents = ctx.sentences
    prose: list[Span] = []
    k = 0
    while k < len(sents) and len(prose) < 2:
        k += 1
        if _is_prose(ctx, sents[k - 1], title):
            prose.append(sents[k - 1])
    if _headline(ctx, prose) is not None:
        del prose[0]
    lead = next((s for s in prose if not _is_pure_quote(ctx, s)), None)
    while lead is None and k < len(sents):
        k += 1
        if _is_prose(ctx, sents[k - 1], title):
            prose.append(sents[k - 1])
            lead = None if _is_pure_quote(ctx, sents[k - 1]) else sents[k - 1]
    marks = sorted(ctx._cache["trigger_hits"][0] + _date_starts(ctx, dates))
    end = len(marks)

    def news(spans: Iterable[Span], known: bool) -> Iterator[Span]:
        for sent in spans:
            i = bisect_left(marks, sent[0])
            if i < end and marks[i] < sent[1] and (known or _is_prose(ctx, sent, title)):
                yield sent

    return lead, itertools.chain(news(prose, True), news(sents[k:], False))


def _asked(ctx: ParseContext, sent: Span) -> bool:
    """Whether the sentence belongs to a paragraph that opens with "Q" (a question in a transcript)."""
    text, pos, floor = ctx.text, sent[0], max(ctx.body_start, sent[0] - 3000)  # bounded: no quadratic scan
    for _ in range(30):  # back to the paragraph's first line, a few lines at most
        start = text.rfind("\n", floor, pos) + 1
        if start == 0:
            return bool(_QUESTION_OPENING.match(text, sent[0]))
        if _QUESTION_OPENING.match(text, start):
            return True
        prev = text.rfind("\n", floor, start - 1) + 1
        if prev == 0 or not text[prev:start].strip():
            return False  # a blank line above: the paragraph starts here
        pos = start - 1
    return False


def _release_is_statement(main: Event, folded_title: str) -> bool:
    """Whether the release is a statement event of its own besides its main event (a readout is not)."""
    return main.kind not in ("statement", "operation") and not READOUT_TITLE.search(folded_title)


def _names_known_meeting(ctx: ParseContext, clause: Span, event: Event, events: list[Event]) -> bool:
    """A meeting on the day of one already found, named with a definite article or a demonstrative
    ("La réunion, organisée à la demande de...", "Following the meeting, ..."): the same meeting."""
    if not any(e.kind == "meeting" and e.start == event.start for e in events):
        return False
    matches = _all_triggers(ctx, clause, "meeting")
    return bool(matches) and all(_refers_back(ctx, clause, m) for m in matches)


def _refers_back(ctx: ParseContext, clause: Span, m: re.Match) -> bool:
    ref = _MEETING_REFERENCE.search(ctx.folded, max(clause[0], m.start() - 40), min(clause[1], m.end() + 12))
    if ref is None or ref.end() < m.end():
        return False
    # "the meeting of the Contact Group", "la réunion du Conseil OTAN-Russie": a gathering with its own name.
    return not _OWN_NAME_AFTER.match(ctx.folded, ref.end())


def _all_triggers(ctx: ParseContext, span: Span, kind: str) -> list[re.Match]:
    """Every trigger of `kind` in `span`, at the prefilter's hits."""
    positions, kinds = ctx._cache["trigger_hits"]
    out = []
    rx = TRIGGERS[kind]
    for i in range(bisect_left(positions, span[0]), len(positions)):
        if positions[i] >= span[1]:
            break
        if kind in kinds[i]:
            m = rx.match(ctx.folded, positions[i], span[1])
            if m:
                out.append(m)
    return out


def _doc_iso(ctx: ParseContext) -> str | None:
    if "doc_iso" not in ctx._cache:
        ctx._cache["doc_iso"] = ctx.doc_date.isoformat() if ctx.doc_date else None
    return ctx._cache["doc_iso"]


def _key(ctx: ParseContext, event: Event, span: Span) -> tuple:
    """Two events with this key are one. Meetings, statements, accessions and appointments are named
    again and again ("the summit"): one per kind, date and trigger word. Decisions and pledges are
    listed one a line, often with the same verb: each clause is its own."""
    if event.kind in ("accession", "appointment"):
        return event.kind, event.start
    if event.kind in ("meeting", "statement", "exercise"):
        return event.kind, event.start, _first_trigger(ctx, span, event.kind)
    m = _trigger(ctx, span, event.kind)
    if m is None:
        return event.kind, event.start, span
    after = ctx.folded[m.end():min(span[1], m.end() + 40)].split()[:2]
    return event.kind, event.start, m.group(0), tuple(after)


# ---------------------------------------------------------------- main event

def _main_event(ctx: ParseContext, dates: list[DateExpr], title: str, lead: Span | None) -> Event:
    folded_title = fold(title or "")
    kind = None
    if lead is not None:
        lead_text = ctx.folded[lead[0]:lead[1]]
        kind = next((k for k, rx in MAIN_TRIGGERS if rx.search(lead_text)), None)
    if kind is None:
        kind = next((k for k, rx in MAIN_TRIGGERS if rx.search(folded_title)), None)
    if kind is None or ctx._cache.get("briefing") or (
            kind == "meeting" and STATEMENT_TITLE.search(folded_title) and not _meets(ctx, lead)):
        kind = "statement"
    span = lead if lead is not None else (ctx.body_start, ctx.body_start)
    # A statement or fact sheet is dated by its publication; the lead's date is what it talks about.
    date = _lead_date(ctx, dates, lead) if kind != "statement" else None
    event = _event(ctx, kind, span, date, main=True)
    if title and kind == "statement":
        event.title = _title_of_document(title)
    return event


def _host_gathering(ctx: ParseContext, lead: Span, main: Event) -> Event | None:
    """The gathering on whose margins or at which the lead's meeting takes place ("met on the margins of
    the G20 Summit", "s'est entretenu avec lui lors du sommet"): an event of its own, at the same date."""
    m = _HOST_GATHERING.search(ctx.folded, lead[0], lead[1])
    if m is None:
        return None
    event = _event(ctx, "meeting", lead, _as_date(main), main=False)
    return event


def _meets(ctx: ParseContext, lead: Span | None) -> bool:
    if lead is None:
        return False
    return bool(_MEETS.search(ctx.folded, lead[0], lead[1]))


def _lead_date(ctx: ParseContext, dates: list[DateExpr], lead: Span | None) -> DateExpr | None:
    """The lead's own date: a span of days holding the document date, else a day near it
    other than the dateline's ("KABUL (Sept. 1) - ... detained insurgents Tuesday")."""
    if lead is None:
        return None
    near = [d for d in _dates_in(ctx, dates, lead) if d.precision in ("day", "range") and _near_doc(ctx, d)]
    doc = _doc_iso(ctx)
    for d in near:
        if d.precision == "range" and doc and d.start <= doc <= (d.end or d.start):
            return d
    other = [d for d in near if d.start != doc]
    return other[0] if other else (near[0] if near else None)


def _near_doc(ctx: ParseContext, d: DateExpr) -> bool:
    if ctx.doc_date is None:
        return True
    doc = ctx.doc_date.isoformat()
    end = d.end or d.start
    return abs(_days(d.start, doc)) <= 7 or (d.start <= doc <= end)


def _days(a: str, b: str) -> int:
    try:
        return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days
    except ValueError:
        return 10_000


def _statement_event(ctx: ParseContext, main: Event, title: str) -> Event:
    """The release, statement or article itself, dated by its publication."""
    event = _event(ctx, "statement", main.span, None, main=False)
    if title.strip():
        event.title = _title_of_document(title)
    return event


# ---------------------------------------------------------------- further events

def _clause_events(ctx: ParseContext, dates: list[DateExpr], clause: Span, main: Event) -> list[Event]:
    in_clause = _dates_in(ctx, dates, clause)
    found = None
    if not in_clause:
        if not _has_hit(ctx, clause):
            return []  # no date and no trigger word: nothing to report (most clauses of a long text)
        found = _triggers(ctx, clause, _reports_act)
        if not found:
            return []  # undated: only a trigger reporting an act makes an event, and there is none
    text = ctx.folded[clause[0]:clause[1]]
    if not in_clause and ctx._cache.get("briefing") and not _NOW_CUES.search(text):
        return []  # questions and answers: only what the speakers date or call new is news
    in_clause = [d for d in in_clause if not _after_since(ctx, clause, d)]
    out: list[Event] = []
    raw = ctx.text[clause[0]:clause[1]]
    summit = _dated_meeting(ctx, clause, in_clause)
    if summit is not None:
        out.append(_event(ctx, "meeting", clause, summit, main=False, text=text))
        in_clause = [d for d in in_clause if d is not summit]
    if any(q in raw for q in "«“\"") and _quoted_share(raw) > 0.5:
        # Quoted speech reports few facts of its own: only a dated summit or forecast counts.
        future_date = _future_date(ctx, in_clause)
        if future_date is not None and FUTURE_CUES.search(text):
            out.append(_event(ctx, "projection", clause, future_date, main=False, text=text))
        return out
    if _CONDITION_START.match(text) or text.rstrip(" »”\"'").endswith("?"):
        return out  # a condition or a question reports no act
    future_date = _future_date(ctx, in_clause)
    future = bool((future_date is not None or in_clause or _after_doc(ctx, main)) and FUTURE_CUES.search(text))
    if future and future_date is not None and future_date.precision in ("year", "year_end", "month") \
            and not TRIGGERS["accession"].search(text) and not TRIGGERS["appointment"].search(text):
        # "D'ici la fin de 2026, les Alliés auront doublé...": a dated forecast or target; "nine Allies
        # will meet it this year, 19 by 2024": one for each date.
        starts = set()
        for d in [future_date] + [x for x in in_clause if x is not future_date]:
            if d.precision in ("year", "year_end", "month") and _is_future(ctx, d) and d.start[:4] not in starts:
                starts.add(d.start[:4])
                out.append(_event(ctx, "projection", clause, d, main=False, text=text))
        return out
    candidates: list[tuple[str, re.Match]] = []
    if found is None:
        found = _triggers(ctx, clause, _reports_act)
    for kind in TRIGGERS:
        m = found.get(kind)
        if not m:
            continue
        if kind == "projection" and not (future_date or (future and in_clause)):
            continue
        if kind == "exercise" and not (NAMED_EXERCISE.search(ctx.scan, clause[0], clause[1])
                                       or re.search(r"(?:largest|biggest|plus grand|premier|first) exercis", text)):
            continue
        if kind == "meeting" and summit is not None:
            continue
        if _ANAPHORA.search(ctx.folded, max(clause[0], m.start() - 8), m.start()):
            continue  # "this decision", "cet engagement": the text names again an event it reported
        candidates.append((kind, m))
    if candidates:
        kind, m = candidates[0]
        meeting = next((mm for k, mm in candidates if k == "meeting"), None)
        if kind != "meeting" and meeting is not None and _NAMED_MEETING.match(ctx.folded, meeting.start()):
            # "S'exprimant à l'issue de la réunion du Conseil OTAN-Ukraine, il a salué les promesses...":
            # the meeting it names is an event of its own.
            out.append(_event(ctx, "meeting", clause, _pick_date(in_clause, meeting.start(), None), main=False,
                              text=text))
        dated = [d for d in in_clause if d.precision in ("day", "range") and d.start != _doc_iso(ctx)]
        if len(candidates) > 1 and dated:
            # An explicit date belongs to the event word nearest before it ("l'intrusion de drones
            # dans la nuit du 9 au 10 septembre").
            at = dated[0].span[0]
            before = [(at - mm.start(), k, mm) for k, mm in candidates if mm.start() < at]
            if before:
                _, kind, m = min(before, key=lambda t: t[0])
        date = _pick_date(in_clause, m.start(), future_date if kind == "projection" else None)
        if date is None and kind == main.kind == "operation":
            return out  # an undated step of the operation the release reports is part of it
        if date is None and kind == "statement" and main.kind == "meeting" and main.start == _doc_iso(ctx):
            return out  # "he also warned ...", "they condemned ...": said at the meeting the text reports
        if date is None and ctx._cache.get("transcript") and _PAST_FORM.search(_whole_word(ctx, m)) \
                and not (future or _NOW_CUES.search(text)):
            return out  # a speech's undated past ("I signed", "we decided", "they endorsed me") is anecdote
        if date is None and future and _after_doc(ctx, main):
            date = _as_date(main)  # a preview ("Leaders will endorse...") happens at the event it previews
        out.append(_event(ctx, kind, clause, date, main=False, text=text, at=m.start() - clause[0]))
        return out
    if future and future_date is not None:
        out.append(_event(ctx, "projection", clause, future_date, main=False, text=text))
    return out


def _after_since(ctx: ParseContext, clause: Span, d: DateExpr) -> bool:
    """"since 2014", "depuis le déclenchement de l'invasion en février 2022": a start point, not the event's date."""
    head = ctx.folded[max(clause[0], d.span[0] - 70):d.span[0]]
    m = _SINCE_ANY.search(head)
    return bool(m and not re.search(r"[,;]", head[m.end():]))


def _quoted_share(text: str) -> float:
    inside = 0
    for m in _QUOTED.finditer(text):
        inside += m.end() - m.start()
    return inside / max(1, len(text))


def _dated_meeting(ctx: ParseContext, clause: Span, in_clause: list[DateExpr]) -> DateExpr | None:
    """A summit or ministerial named with its own date, other than the document's: "the summit in July",
    "the July 11-12, 2023 NATO Summit", "le sommet qui se tiendra l'année prochaine à Madrid"."""
    if not in_clause:
        return None
    doc = _doc_iso(ctx) or ""
    for m in MEETING_NOUN.finditer(ctx.folded, clause[0], clause[1]):
        for d in in_clause:
            if d.precision in ("before", "ongoing") or d.start == doc or (
                    d.precision == "year" and d.start == doc[:4]):
                continue  # the document's own meeting, or a date too vague to tell another one
            if d.span[0] >= m.end():
                between = ctx.folded[m.end():d.span[0]]
                limit = 45
            else:
                between = ctx.folded[d.span[1]:m.start()]
                limit = 24
            if len(between) <= limit and not re.search(r"[,;:]", between):
                return d
    return None


def _after_doc(ctx: ParseContext, event: Event) -> bool:
    return bool(_doc_iso(ctx) and event.start and event.start > _doc_iso(ctx))


def _as_date(event: Event) -> DateExpr:
    return DateExpr(text=event.date_text or "", span=event.date_span or event.span, start=event.start or "",
                    end=event.end, precision=event.precision, anchor=event.anchor)


def _future_date(ctx: ParseContext, in_clause: list[DateExpr]) -> DateExpr | None:
    if ctx.doc_date is None:
        return None
    doc = ctx.doc_date.isoformat()
    for d in in_clause:
        if d.precision in ("before", "ongoing"):
            continue
        if re.match(r"\s*(?:and beyond|et au-dela)", ctx.folded[d.span[1]:d.span[1] + 16]):
            continue  # "through 2030 and beyond": a horizon, not when it happens
        if d.precision in ("year", "year_end"):
            if d.start[:4] >= doc[:4]:
                return d
        elif (d.end or d.start) > doc[:len(d.start)] or d.start[:7] > doc[:7]:
            return d
    return None


def _is_future(ctx: ParseContext, d: DateExpr) -> bool:
    return _future_date(ctx, [d]) is d


def _pick_date(in_clause: list[DateExpr], at: int, prefer: DateExpr | None) -> DateExpr | None:
    if prefer is not None:
        return prefer
    best, best_dist = None, None
    for d in in_clause:
        dist = abs(d.span[0] - at)
        if best_dist is None or dist < best_dist:
            best, best_dist = d, dist
    return best


def _dates_in(ctx: ParseContext, dates: list[DateExpr], span: Span) -> list[DateExpr]:
    """The date expressions inside `span` (dates are in text order: a binary search, not a scan)."""
    starts = _date_starts(ctx, dates)
    out = []
    for i in range(bisect_left(starts, span[0]), len(dates)):
        d = dates[i]
        if d.span[0] >= span[1]:
            break
        if d.span[1] <= span[1]:
            out.append(d)
    return out


def _date_starts(ctx: ParseContext, dates: list[DateExpr]) -> list[int]:
    cached = ctx._cache.get("date_starts")
    if cached is None or cached[0] is not dates:
        cached = (dates, [d.span[0] for d in dates])
        ctx._cache["date_starts"] = cached
    return cached[1]


def _event(ctx: ParseContext, kind: str, span: Span, date: DateExpr | None, main: bool,
           text: str | None = None, at: int = 0) -> Event:
    summary = ctx.text[span[0]:span[1]]
    if date is not None:
        start, end, precision = date.start, date.end, date.precision
        date_text, date_span, anchor = date.text, date.span, date.anchor
        if not date_text:  # a date taken over from the main event, which the text did not print here
            date_text = date_span = None
    else:
        start, end, precision = _doc_iso(ctx), None, "day"
        date_text = date_span = anchor = None
        if not main and text is not None:
            if ONGOING_CUES.search(text):
                precision = "ongoing"
            elif BEFORE_CUES.search(text):
                precision = "before"
        if precision in ("before", "ongoing"):
            anchor = start
    if precision == "range" and end is None:
        precision = "day"
    return Event(
        id="", kind=kind, start=start, end=end, precision=precision,
        title=_title_line(summary, at), summary=summary, span=span, main=main,
        date_text=date_text, date_span=date_span, anchor=anchor,
    )


def _title_line(summary: str, at: int = 0) -> str:
    """One line for a timeline: the clause without its markup, dateline, bullet or opening connective;
    when the word that carries the event (at `at` in `summary`) lies beyond the limit, the line starts
    at the phrase that holds it."""
    if at > TITLE_LIMIT - 30:
        cut = at
        while True:
            cut = max(summary.rfind(", ", 0, cut), summary.rfind("; ", 0, cut))
            if cut <= 0 or at - cut >= TITLE_LIMIT - 30:
                break
            if _CLAUSE_SUBJECT.match(summary, cut + 2):
                summary = summary[cut + 2:]
                break
    line = _plain(summary)
    # anchored patterns: a match at the start, not a search of the whole line
    m = _DATELINE_PREFIX.match(line)
    if m:
        line = line[m.end():]
    for _ in range(2):
        m = _OPENER.match(line)
        if m:
            line = line[m.end():]
    line = line.strip(" \"«»“”-–—*_,;:")
    if line[:1].islower():
        line = line[0].upper() + line[1:]
    return shorten(line or " ".join(summary.split()), TITLE_LIMIT)


def _plain(text: str) -> str:
    """Text without Markdown or HTML markup, on one line: "[new plan](https://...)" -> "new plan"."""
    if _MARKUP_CHARS.search(text) or _ENUMERATOR.match(text):
        text = _MD_LINK.sub(r"\1", text)
        text = _MARKUP.sub("", text)
    return " ".join(text.split())


def _title_of_document(title: str) -> str:
    """The document's title as a line; a YAML quoted title the front matter left unparsed loses its
    quotes, escapes and line-continuation backslash."""
    if title[:1] in "\"'":
        title = _YAML_ESCAPE.sub(_yaml_char, title.strip("\"' \\"))
    return shorten(_plain(title), TITLE_LIMIT)


def _yaml_char(m: re.Match) -> str:
    code = m.group(1)
    if code[0] in "xu":
        try:
            return chr(int(code[1:], 16))
        except ValueError:
            return " "
    return " " if code == "_" else code


# ---------------------------------------------------------------- sentences and clauses

def _is_prose(ctx: ParseContext, span: Span, title: str) -> bool:
    text = ctx.text[span[0]:span[1]].strip()
    if len(text) < 25 or _NOISE_LINE.match(text) or len(text.split(None, 5)) < 6:
        return False
    if title and text.strip("# ") == title.strip() and not re.search(r"[.!?»”\"]$", text):
        return False  # the headline line
    # ten lower-case letters in the first 160 characters; most sentences have them in the first 40
    return sum(map(str.islower, text[:40])) >= 10 or sum(map(str.islower, text[:160])) >= 10


def _is_pure_quote(ctx: ParseContext, span: Span) -> bool:
    """An epigraph: a paragraph that is all quotation, or the attribution line under one."""
    line_start = ctx.text.rfind("\n", 0, span[0]) + 1
    line_end = ctx.text.find("\n", span[1])
    line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)].strip()
    return bool(re.match(r"^[«“\"]", line) and re.search(r"[»”\"][.…]?$", line)) or bool(re.match(r"^[–—-]\s", line))


def _headline(ctx: ParseContext, sentences: list[Span]) -> Span | None:
    """A short first paragraph set apart by a blank line is the headline, even with a final period."""
    if not sentences:
        return None
    s, e = sentences[0]
    if ctx.scan[ctx.body_start:s].strip():
        return None  # a title line came before: this is the body
    line_end = ctx.text.find("\n", s)
    if line_end < 0 or line_end - s > 200 or e > line_end:
        return None
    if ctx.text[line_end:line_end + 3].strip(" \t\r") == "" or ctx.text.startswith("\n\n", line_end):
        return sentences[0] if len(sentences) > 1 else None
    return None


def _clauses(ctx: ParseContext, sent: Span) -> list[Span]:
    s, e = sent
    cuts = []
    floor = s  # where the last break ended: breaks do not overlap
    for m in _CLAUSE_BREAK.finditer(ctx.scan, s, e):
        cut = m.start()
        if ctx.scan[cut] in "-–—":
            cut -= 1  # " - ": the break starts at the space, which must not belong to the last one
            if cut < floor:
                continue
        floor = m.end()
        if not _closes_series(ctx, m):
            cuts.append(cut)
    spans: list[Span] = []
    pos = s
    for cut in cuts:
        if cut - pos >= 20 and e - cut >= 20:
            spans.append((pos, cut))
            pos = cut + 1
    spans.append((pos, e))
    return [_strip(ctx, sp) for sp in spans]


def _closes_series(ctx: ParseContext, m: re.Match) -> bool:
    """", and" after "A, B": the last item of a series ("the earthquake, tsunami, and nuclear accident"),
    not a new clause."""
    if not m.group(0).startswith(","):
        return False
    head = ctx.scan[max(0, m.start() - 60):m.start()]
    parts = head.split(",")
    # at least two short items before: "A, B, and C"
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 and not re.search(r"[;:.]", p) for p in parts[-2:])


def _strip(ctx: ParseContext, span: Span) -> Span:
    s, e = span
    while s < e and not ctx.text[s].isalnum() and ctx.text[s] not in "«“\"(":
        s += 1
    while e > s and ctx.text[e - 1].isspace():
        e -= 1
    return s, e


def _find_hits(ctx: ParseContext) -> None:
    """Every place a trigger may start, with the kinds it may belong to: where the trigger scan
    (event_lexicon.scan_regex) matches from the body on, less the words inside a head of several words
    ("a declare").

    The scan runs on the word-start bytes of the text (TRIGGER_SCAN_SPACED), where every character other
    than a-z and 0-9 is a space; the heads that begin with what it captures are then looked up in the
    text's own characters ("a declare", not "a-declare"). A word after "_" or a character outside ASCII
    is no start when that character is a word character."""
    positions: list[int] = []
    kinds: list[frozenset[str]] = []
    folded = ctx.folded
    raw, data = ascii_forms(folded)
    padded = b" " + data  # a word at the very start is found after a space too
    consumed = 0
    for m in TRIGGER_SCAN_SPACED.finditer(padded, ctx.body_start):  # padded[i] is data[i - 1]
        pos = m.end() - 1
        head = m.group(1)  # None: a digit 0-9
        if head is None:
            if not DIGIT_TRIGGER.match(folded, pos):
                continue
            entry = TRIGGER_SCAN_HEADS[folded[pos]]
        else:
            entry = scan_head(folded, pos, head)
        if entry is None or pos < consumed:
            continue
        if pos and raw[pos - 1] in _WORD_BYTE_OR_OTHER and (folded[pos - 1].isalnum() or folded[pos - 1] == "_"):
            continue  # the scan's \b fails
        found, spanning = entry
        if spanning:
            consumed = prefilter_end(folded, pos)
        if found:
            positions.append(pos)
            kinds.append(found)
    ctx._cache["trigger_hits"] = (positions, kinds)


_SUBORDINATE_KINDS = frozenset({"pledge", "decision", "operation", "appointment", "contract", "statement"})


def _reports_act(ctx: ParseContext, kind: str, m: re.Match, clause: Span) -> bool:
    """Whether the trigger `m` reports an act rather than a purpose, a wish, a description or a habit."""
    if kind not in _SUBORDINATE_KINDS and kind != "meeting":
        return True
    folded = ctx.folded
    before = folded[max(clause[0], m.start() - 40):m.start()]
    # a match of these ends the text: a search of its last characters finds it
    if _PURPOSE_BEFORE.search(before, max(0, len(before) - 13)) and not _GOVERNED_TO.search(before):
        return False
    if _MODAL_BEFORE.search(before):
        return False
    if kind in ("operation", "meeting", "statement"):
        return True  # "an attack that killed four soldiers", "Moscou qui dénonce": a relative may report an act
    if _RELATIVE_BEFORE.search(before, max(0, len(before) - 7)):
        return False
    word = _whole_word(ctx, m)
    if _PLEDGE_NOUN.fullmatch(word) and _DEFINITE_BEFORE.search(before) \
            and not _NOUN_COMPLEMENT.match(folded, m.end(), clause[1]):
        return False  # "the funding will help...": the text names again what it reported
    if word.endswith("ing") and before.strip() and (
            _ADVERBIAL_BEFORE.search(before) or not _VERB_ING_CONTEXT.search(before)):
        return False  # "including providing", "help providing"; not "is providing", "new funding", a list item
    if kind != "pledge" or not _HABITUAL.search(word):
        return True
    return bool(_NOW_CUES.search(folded, clause[0], clause[1]) or ONGOING_CUES.search(folded, clause[0], clause[1]))


def _whole_word(ctx: ParseContext, m: re.Match) -> str:
    """The trigger's text up to the end of its last word ("decide" matched in "decided")."""
    return m.group(0) + _WORD_REST.match(ctx.folded, m.end()).group(0)


def _has_hit(ctx: ParseContext, span: Span) -> bool:
    positions = ctx._cache["trigger_hits"][0]
    i = bisect_left(positions, span[0])
    return i < len(positions) and positions[i] < span[1]


def _triggers(ctx: ParseContext, span: Span, keep=None) -> dict[str, re.Match]:
    """The first trigger of each kind in `span`, matched only where the prefilter found a possible start
    (and, with `keep`, the first that `keep(ctx, kind, match, span)` accepts)."""
    if "trigger_hits" not in ctx._cache:
        _find_hits(ctx)
    positions, kinds = ctx._cache["trigger_hits"]
    found: dict[str, re.Match] = {}
    folded, end = ctx.folded, span[1]
    for i in range(bisect_left(positions, span[0]), len(positions)):
        pos = positions[i]
        if pos >= end:
            break
        for kind in kinds[i]:
            if kind not in found:
                m = TRIGGERS[kind].match(folded, pos, end)
                if m and (keep is None or keep(ctx, kind, m, span)):
                    found[kind] = m
    return found


def _trigger(ctx: ParseContext, span: Span, kind: str) -> re.Match | None:
    if kind not in TRIGGERS:
        return None
    return _triggers(ctx, span).get(kind)


def _first_trigger(ctx: ParseContext, span: Span, kind: str) -> str:
    m = _trigger(ctx, span, kind)
    return m.group(0) if m else ""
