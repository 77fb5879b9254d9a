"""Dates: the document's own date, and every date expression of the text resolved to ISO dates.

Absolute dates ("jeudi 15 février 2024", "July 9-11, 2024", "du 9 au 11 juillet"), months, years,
deadlines ("by the end of 2024", "d'ici 2030"), relative ones resolved against the document date
("hier", "last week", "cette année", "on Thursday") and the vague past and present
("récemment", "in recent months", "actuellement en cours"), with the precisions of the model.
All patterns run on the folded text, so spans are offsets into the original.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from nato_viewer.core.model import DateExpr, Span
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.date_lexicon import (
    ANCHOR_SCAN,
    DAY_RE,
    FULL_MONTH_RE,
    FUTURE_CUES_RE,
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_LEAD_WORDS,
    YEAR_RE,
    month_number,
    weekday_number,
)
from nato_viewer.core.parsing.text import (
    at_word_start,
    fold_word,
    regex_structure,
    sentence_at,
    split_alternatives,
)

# ---------------------------------------------------------------- patterns

# Most date patterns would open with `\b` or a look-behind: the regex engine then tries a match at every
# position of a window. Written to open with their possible first characters (see text.at_word_start),
# they let the engine jump from candidate to candidate, and match exactly as before.


def _group_end(pattern: str) -> int:
    """Index of the parenthesis that closes the group `pattern` opens with."""
    for i, ch, depth in regex_structure(pattern):
        if ch == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced {pattern!r}")


def _spelt_out(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`, a leading group spelt out until each opens with a letter or
    a digit: `(?:a|b)c` gives `ac`, `bc`; `(?:a|b)?c` gives `ac`, `bc`, `c`. The engine tries them in the
    order it tries the branches of the original, so their first match is its first match."""
    out: list[str] = []
    for alt in split_alternatives(pattern):
        if alt.startswith("(?:"):
            end = _group_end(alt)
            rest = alt[end + 1:]
            optional = rest.startswith("?")
            if optional:
                rest = rest[1:]
            if rest[:1] in ("?", "*", "+", "{"):
                raise ValueError(f"cannot spell out {alt!r}")
            for inner in split_alternatives(alt[3:end]):
                out += _spelt_out(inner + rest)
            if optional:  # greedy: the group first, then without it
                out += _spelt_out(rest)
        elif alt[:1].isascii() and alt[:1].isalnum() and alt[1:2] not in ("?", "*", "+", "{"):
            out.append(alt)
        else:
            raise ValueError(f"cannot spell out {alt!r}")
    return out


_ORD = r"(?:st|nd|rd|th|er)?"
_DAY_PREFIX = (
    r"(?:(?P<wd>" + WEEKDAY_RE + r")|(?:today|aujourd'hui|ce jour))"
)
# "(on|ce|this) Thursday (", "today (", "jeudi " before a full date, maybe at the end of a wrapped line
_LEAD = r"(?:(?:(?:on|ce|this|le)[ \t]+)?" + _DAY_PREFIX + r"[ \t]*,?(?:[ \t]*\n)?[ \t]*(?P<paren>\()?[ \t]*)?"

# Joins inside a date may break a line: hard-wrapped Markdown puts "December" and "2021" on two lines.
_SP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
# "July 9, 2024", "June 29-30, 2022", "Sept. 1", "Thursday, July 9 to July 11, 2024"
_MDY = re.compile(
    r"\b" + _LEAD
    + r"(?P<m>" + MONTH_RE + r")" + _SP + r"(?P<d1>" + DAY_RE + r")" + _ORD
    + r"(?:[ \t]*(?:-|to|through|until)[ \t]*(?:(?P<m2>" + MONTH_RE + r")" + _SP + r")?(?P<d2>" + DAY_RE + r")" + _ORD
    + r"|" + _SP + r"and" + _SP + r"(?P<d3>" + DAY_RE + r")" + _ORD + r")?"
    + r"(?:[ \t]*,?" + _SP + r"(?P<y>" + YEAR_RE + r"))?(?![\w-])"
)
# "15 février 2024", "du 9 au 11 juillet 2024", "les 14 et 15 février", "24-25 June", "1er avril"
_DMY = re.compile(
    r"\b" + _LEAD
    + r"(?:(?:le|du|les|the|on|from)" + _SP + r")?(?P<d1>" + DAY_RE + r")" + _ORD
    + r"(?:" + _SP + r"(?P<m1>" + MONTH_RE + r")(?:" + _SP + r"(?P<y1>" + YEAR_RE + r"))?)?"
    + r"(?:[ \t]*(?:-|au|et|and|to|through)[ \t]*(?:le" + _SP + r")?(?P<d2>" + DAY_RE + r")" + _ORD + r")?"
    + _SP + r"(?:of" + _SP + r")?(?P<m>" + MONTH_RE + r")(?:[ \t]*,?" + _SP + r"(?P<y>" + YEAR_RE + r"))?(?![\w-])"
)
_DIGIT = re.compile(r"[0-9]")
_YEARS = _spelt_out(YEAR_RE)
_ISO = re.compile(
    r"(?P<y>" + at_word_start(_YEARS, r"[\w-]") + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?![\w-])")
# `\d{1,2}` not after [\w/.], written to open with the digit (see text.at_word_start)
_NUMERIC = re.compile(r"(?P<a>\d(?<![\w/.]\d)\d?)[/.](?P<b>\d{1,2})[/.](?P<y>" + YEAR_RE + r")(?![\w/])")
_MONTH_YEAR = re.compile(
    r"\b(?:(?P<edge>debut|fin|mi|early|mid|late|end of|the end of|beginning of)[ \t]*-?[ \t]*)?"
    r"(?P<m>" + MONTH_RE + r")[ \t]*,?" + _SP + r"(?:de" + _SP + r"|of" + _SP + r")?(?P<y>" + YEAR_RE + r")(?![\w-])"
)
_YEAR_END_LEAD = (
    r"(?:d'ici|jusqu'a|avant)[ \t]+(?:a[ \t]+)?la[ \t]+fin[ \t]+(?:de[ \t]+|d')?(?:l'annee[ \t]+)?|"
    r"(?:a[ \t]+la[ \t]+|a[ \t]+|en[ \t]+)?fin[ \t]+(?:de[ \t]+|d')?(?:l'annee[ \t]+)?|"
    r"(?:by|at|before|until|through|till|to)[ \t]+(?:the[ \t]+)?end[ \t]+of[ \t]+(?:the[ \t]+year[ \t]+)?|"
    r"(?:the[ \t]+)?end[ \t]+of[ \t]+(?:the[ \t]+year[ \t]+)?|through[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?|by[ \t]+year-end[ \t]+"
)
_YEAR_END = re.compile(
    at_word_start(_spelt_out(_YEAR_END_LEAD)) + r"(?P<y>" + YEAR_RE + r"|this year|the year|l'annee|cette annee|l'annee en cours|the decade)(?![\w-])"
)
_YEAR_RANGE = re.compile(
    r"(?<![\w$€£-])(?:(?:between|entre|from|de)[ \t]+)?(?P<y1>" + YEAR_RE + r")[ \t]*(?:-|/|to|and|a|et|through)[ \t]*"
    r"(?P<y2>" + YEAR_RE + r"|\d\d)(?![\w%-])"
)
_YEAR = re.compile(r"(?P<y>" + at_word_start(_YEARS, r"[\w$€£.,/-]") + r")(?![\w%-]|[.,]\d)")
_MONTH_LEAD = (
    r"in|en|this|next|last|early|late|mid|since|depuis|by|until|d'ici|au mois de|le mois de|"
    r"mois de|debut|fin|mi|the|de|of|during|pendant|ce|cet|ces|from|des"
)
_MONTH_ALONE = re.compile(
    r"(?P<lead>" + at_word_start(_spelt_out(_MONTH_LEAD), look_behind_once=True) + r")[ \t]*-?[ \t]*(?P<m>" + FULL_MONTH_RE + r")"
    r"(?:[ \t]+(?P<tail>prochain|dernier|passe))?(?![\w-])"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<lead>on|ce|this|last|next|since|depuis|from|des)[ \t]+)?(?P<wd>" + WEEKDAY_RE + r")"
    r"(?:[ \t]+(?:soir|matin|apres-midi|evening|morning|afternoon|night))?"
    r"(?:[ \t]+(?P<tail>prochain|dernier|passe))?(?![\w-])"
)
# (pattern, kind): each kind has its resolver below.
_RELATIVE = [
    (r"avant-hier|the day before yesterday", "day-2"),
    (r"aujourd'hui|today|tonight|ce jour|ce matin|ce soir|cet apres-midi|this morning|this afternoon|"
     r"this evening|earlier today|plus tot dans la journee", "day0"),
    (r"hier(?: soir| matin)?|yesterday|la veille", "day-1"),
    (r"apres-demain|the day after tomorrow", "day+2"),
    (r"demain|tomorrow", "day+1"),
    (r"(?:la|this|cette|the)[ \t]+(?:semaine[ \t]+)?(?:prochaine|next week|coming week)|next week|"
     r"la semaine prochaine|in the week ahead", "week+1"),
    (r"la semaine (?:derniere|passee)|last week|the previous week|the past week|a week (?:ago|earlier)|"
     r"une semaine plus tot|il y a une semaine", "week-1"),
    (r"cette semaine|this week|earlier this week", "week0"),
    (r"le mois prochain|next month|the coming month|dans le mois qui vient", "month+1"),
    (r"le mois (?:dernier|passe)|last month|the previous month|the past month|a month ago|il y a un mois", "month-1"),
    (r"ce mois-ci|ce mois|this month|earlier this month|plus tot ce mois-ci", "month0"),
    (r"l'annee prochaine|l'an prochain|next year|the coming year|l'annee a venir|within the next year|"
     r"over the next year|over the coming year|au cours de l'annee a venir|dans l'annee qui vient", "year+1"),
    (r"l'annee (?:derniere|passee)|l'an (?:dernier|passe)|last year|the previous year|the past year|"
     r"a year ago|il y a un an", "year-1"),
    (r"cette annee|this year|this year's|l'annee en cours|the current year|cette annee-ci|"
     r"(?:this|cet|ce|cette)[ \t]+(?:summer|spring|fall|autumn|winter|ete|printemps|automne|hiver)|"
     r"later this year|plus tard cette annee|earlier this year", "year0"),
    (r"(?:within|in|over)[ \t]+(?:the[ \t]+)?(?:next|coming)[ \t]+(?:few[ \t]+)?days|in the coming days|"
     r"dans les (?:prochains|jours a venir)(?: jours)?|dans les jours qui viennent|over the next days", "next_days"),
    (r"(?:within|in|over)[ \t]+(?:the[ \t]+)?(?:next|coming)[ \t]+(?:few[ \t]+)?weeks|"
     r"dans les (?:prochaines semaines|semaines a venir|semaines qui viennent)", "next_weeks"),
    (r"(?:within|in|over)[ \t]+(?:the[ \t]+)?(?:next|coming)[ \t]+(?:few[ \t]+)?months|"
     r"dans les (?:prochains mois|mois a venir|mois qui viennent)|au cours des (?:prochains mois|mois a venir)",
     "next_months"),
    (r"(?:in|over)[ \t]+(?:the[ \t]+)?(?:months and years ahead|years ahead|coming years|next (?:few )?years)|"
     r"dans les (?:annees a venir|prochaines annees)|au cours des (?:prochaines annees|annees a venir)",
     "next_years"),
    (r"(?:in|over|during)[ \t]+(?:the[ \t]+)?(?:recent|past|last)[ \t]+(?:few[ \t]+|two[ \t]+|three[ \t]+|several[ \t]+)?"
     r"(?:days|weeks|months|years)|in recent (?:days|weeks|months|years)|"
     r"(?:au cours des|ces|depuis|pendant les|durant les)[ \t]+(?:derniers|dernieres|deux derniers|"
     r"deux dernieres|trois derniers|dernieres)[ \t]+(?:jours|semaines|mois|annees)|"
     r"(?:ces|les)[ \t]+(?:derniers|dernieres)[ \t]+(?:jours|semaines|mois|annees)|"
     r"recemment|recently|lately|recent(?:e|es|s)?|so far|jusqu'a present|jusqu'ici|to date", "before"),
    (r"actuellement(?: en cours)?|en cours|currently(?: under ?way)?|under ?way|ongoing|at present|"
     r"a l'heure actuelle|a present|toujours en cours|as of today", "ongoing"),
]
# Each phrase not after [\w'-], ending with its own empty group rN; _RELATIVE_KIND gives its kind.
_RELATIVE_PHRASES = [(phrase, kind) for pattern, kind in _RELATIVE for phrase in _spelt_out(pattern)]
_RELATIVE_RE = re.compile(
    at_word_start([p for p, _ in _RELATIVE_PHRASES], r"[\w'-]", [f"r{i}" for i in range(len(_RELATIVE_PHRASES))],
                  look_behind_once=True)
    + r"(?![\w-])"
)
_RELATIVE_KIND = {f"r{i}": kind for i, (_, kind) in enumerate(_RELATIVE_PHRASES)}
# "by 2035", "d'ici 2030", "within six months"
_WITHIN_LEADS = ("within", "in the next", "dans les", "d'ici", "au cours des")
_WITHIN = re.compile(
    r"\b(?:" + "|".join(_WITHIN_LEADS) + r")[ \t]+(?P<n>\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twelve|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze)[ \t]+"
    r"(?:prochains?[ \t]+|prochaines[ \t]+)?(?P<u>days?|weeks?|months?|years?|jours|semaines|mois|ans|annees)(?![\w-])"
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "douze": 12,
}
# What follows a number that is a count or an amount, not a year.
_NOT_AFTER_YEAR = re.compile(
    r"\s*(?:%|percent|pour|per ?cent|\d|[-/]\d|(?:troops|soldiers|soldats|militaires|personnes|people|hommes|men|"
    r"units|unites|euros?|dollars?|km|tonnes|tons)\b)"
)
_PREV_WORD = re.compile(r"([\w'$€£-]+)\W*$")


@dataclass
class _Found:
    span: Span
    start: dt.date
    end: dt.date | None
    precision: str
    relative: bool = False
    lead: bool = False  # weekday / "today" / parenthesis before it: a dateline-like date


# ---------------------------------------------------------------- small date arithmetic

def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_year(m: int, d: int, ref: dt.date | None) -> dt.date | None:
    """A day and month without a year: the year that puts it nearest the reference date."""
    if ref is None:
        return None
    best = None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        cand = _safe_date(y, m, d)
        if cand and (best is None or abs((cand - ref).days) < abs((best - ref).days)):
            best = cand
    return best


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    y, m = divmod(total, 12)
    last = calendar.monthrange(y, m + 1)[1]
    return dt.date(y, m + 1, min(day.day, last))


def _iso(day: dt.date, precision: str) -> str:
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "year":
        return f"{day.year:04d}"
    return day.isoformat()


# ---------------------------------------------------------------- absolute dates

def _day_dates(m: re.Match, ref: dt.date | None) -> tuple[dt.date, dt.date | None] | None:
    g = m.groupdict()
    month = month_number(g["m"])
    if month is None:
        return None
    year = int(g["y"]) if g.get("y") else None
    d1 = int(g["d1"])
    d2 = g.get("d2") or g.get("d3")
    m1 = month_number(g["m1"]) if g.get("m1") else None
    m2 = month_number(g["m2"]) if g.get("m2") else None
    first_month, last_month = (m1, month) if m1 else (month, m2 or month)
    if year is None and g.get("y1"):
        year = int(g["y1"])
    if year is None:
        start = _nearest_year(first_month, d1, ref)
        if start is None:
            return None
        year = start.year
    start = _safe_date(year, first_month, d1)
    if start is None:
        return None
    end = None
    if d2:
        end_year = year + (1 if last_month < first_month else 0)
        end = _safe_date(end_year, last_month, int(d2))
        if end is None or end <= start or (end - start).days > 62:
            end = None
    return start, end


def _absolute(folded: str, windows: list[tuple[int, int, set[str]]], ref: dt.date | None) -> Iterator[_Found]:
    """Full dates in the windows of `_windows`, pattern by pattern, each where the window's anchors
    allow it (see `_windows`): the day-month patterns where it holds a month name, the numeric ones
    where it holds a year."""
    # A day-month date holds a day number (ASCII digits, see DAY_RE): a quick search for one spares
    # the patterns most windows with only a month name.
    days = [(lo, hi, sorts) for lo, hi, sorts in windows if "month" in sorts and _DIGIT.search(folded, lo, hi)]
    for rx in (_MDY, _DMY):
        for lo, hi, sorts in days:
            if rx is _DMY and "day_month" not in sorts:
                continue
            for m in rx.finditer(folded, lo, hi):
                got = _day_dates(m, ref)
                if got is None:
                    continue
                start, end = got
                lead = bool(m.group("wd") or m.group("paren") or "today" in m.group(0)[:12]
                            or "aujourd'hui" in m.group(0)[:14] or "ce jour" in m.group(0)[:10])
                yield _Found(_trim(folded, m.span()), start, end, "range" if end else "day", lead=lead)
    for lo, hi, sorts in windows:
        if "pair" in sorts:
            for m in _ISO.finditer(folded, lo, hi):
                day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
                if day:
                    yield _Found(m.span(), day, None, "day")
    for lo, hi, sorts in windows:
        if "dotted" in sorts:
            for m in _NUMERIC.finditer(folded, lo, hi):
                a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
                day = _safe_date(y, b, a) or _safe_date(y, a, b)
                if day:
                    yield _Found(m.span(), day, None, "day")


def _trim(folded: str, span: Span) -> Span:
    s, e = span
    while e > s and folded[e - 1] in " ,(":
        e -= 1
    return s, e


# ---------------------------------------------------------------- the finder

def _free(taken: list[Span], span: Span) -> bool:
    """Whether `span` overlaps none of the spans a more specific pattern already claimed in its window
    (a window claims a few at most: a look at each beats a sorted structure)."""
    s, e = span
    for ts, te in taken:  # noqa: SIM110 - a loop, not a generator: most windows claim nothing
        if ts < e and te > s:
            return False
    return True


def _keep(taken: list[Span], found: list[_Found], item: _Found) -> None:
    if _free(taken, item.span):
        taken.append(item.span)
        found.append(item)


def _year_ok(scan: str, folded: str, s: int, e: int) -> bool:
    """A bare four-digit number reads as a year unless it sits in a name, a code or an amount."""
    before = folded[max(0, s - 30):s]
    after = folded[e:e + 12]
    if _NOT_AFTER_YEAR.match(after):
        return False
    if re.search(r"[$€£]\s*$|\d[\s,.]*$", before):
        return False
    head = scan[max(0, s - 30):s]
    pm = _PREV_WORD.search(head)
    if pm and head.endswith(" "):
        word = pm.group(1)
        if word[:1].isupper() and fold_word(word) not in YEAR_LEAD_WORDS and month_number(fold_word(word)) is None:
            # "Vision 2030", "NATO 2030", "Resolution 2231": a capitalised word before it names it.
            return False
    return True


def _near(cues: re.Pattern, folded: str, sentence: Span | None, at: int, reach: int) -> bool:
    """Whether one of `cues` stands in the sentence around `at`, at most `reach` characters away."""
    if sentence is None:
        return False
    return bool(cues.search(folded, max(sentence[0], at - reach), min(sentence[1], at + reach)))


def _future(folded: str, sentence: Span | None, at: int) -> bool:
    """Whether the sentence around `at` speaks of the future (looked for near `at` only)."""
    return _near(FUTURE_CUES_RE, folded, sentence, at, 160)


# The tense of a month named alone is read in its clause: a tense elsewhere in a long sentence may speak
# of something else.
_TENSE_REACH = 60
# Past tenses: English simple pasts (common irregular ones by name) and pluperfects, "earlier", "back in",
# French passé composé and imparfait of the auxiliaries. Words in "-ed" that are no verbs or name what is
# planned, and passives after "be", are left out.
_PAST_CUES_RE = re.compile(
    r"\b(?:was|were|had|did|ago|earlier|previously|back in|said|told|took|made|came|went|gave|met|saw|held|spoke|"
    r"wrote|began|brought|sent|left|found|thought|knew|became|got|won|lost|ran|paid|built|kept|felt|stood|heard|"
    r"chose|fell|grew|sold|fought|bought|spent|struck)\b"
    r"|(?<!\bbe )\b(?!(?:united|hundred|indeed|proceed|succeed|exceed|embed|breed|speed|greed|projected|expected|"
    r"scheduled|planned)\b)[a-z]{3,}ed\b"
    r"|\b(?:a|ont|avait|avaient)\s+(?:deja\s+|ete\s+)?[a-z]+(?:e|ee|es|ees|i|is|it|u|us)\b"
    r"|\b(?:etait|etaient|fut|furent)\b"
)
# What may come, besides FUTURE_CUES_RE: conditionals and projections.
_CONDITIONAL_RE = re.compile(r"\b(?:would|could|might|projected|projecting|projections?)\b")
# A deadline ("by May") is told ahead of time more often than after it: its past tense does not count.
_DEADLINE_LEADS = frozenset(["by", "until", "d'ici"])


def _weekday_date(wd: int, ref: dt.date, lead: str | None, tail: str | None, future: bool) -> dt.date:
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if lead in ("last",) or tail in ("dernier", "passe"):
        return ref - dt.timedelta(days=back or 7)
    if lead == "next" or tail == "prochain":
        return ref + dt.timedelta(days=fwd or 7)
    if back == 0:
        return ref
    if lead in ("since", "depuis", "from", "des"):
        return ref - dt.timedelta(days=back)
    if future:
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


def _relative(kind: str, ref: dt.date) -> tuple[dt.date, dt.date | None, str]:
    if kind.startswith("day"):
        return ref + dt.timedelta(days=int(kind[3:])), None, "day"
    if kind.startswith("week"):
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * int(kind[4:]))
        return monday, monday + dt.timedelta(days=6), "range"
    if kind.startswith("month"):
        first = _add_months(ref.replace(day=1), int(kind[5:]))
        return first, None, "month"
    if kind.startswith("year"):
        return dt.date(ref.year + int(kind[4:]), 1, 1), None, "year"
    spans = {"next_days": 14, "next_weeks": 56}
    if kind in spans:
        return ref, ref + dt.timedelta(days=spans[kind]), "range"
    if kind == "next_months":
        return ref, _add_months(ref, 6), "range"
    if kind == "next_years":
        return ref, _add_months(ref, 36), "range"
    return ref, None, kind  # before | ongoing


# A year, and what may follow the first year of a range (_YEAR_RANGE, _ISO): `_windows` reads both at once.
_YEAR_AT = re.compile(YEAR_RE + r"(?:[ \t]*(?:-|/|to|and|a|et|through)[ \t]*\d)?").match
# The words by which a deadline names a year without digits ("by the end of this year", "fin de l'année").
_YEAR_WORDS = frozenset(["year", "year's", "annee", "l'annee", "decade"])


def _windows(folded: str, lo: int, hi: int) -> list[tuple[int, int, set[str]]]:
    """Stretches of text around digits and date words, with the sorts of anchor each holds
    ("year", "digit", "month", "weekday", "word"); the date patterns only run there, and only
    those the anchors call for: a match holds its own anchor, so it lies in that anchor's window.

    Finer sorts spare the patterns that seldom match: "pair", a year followed by what starts a range
    or an ISO date; "dotted", a year after "/" or "." (a numeric date ends so); "day_month", a month
    name after a digit of its window (day before month)."""
    out: list[tuple[int, int, set[str]]] = []
    # The window being built, [wa, wb) with its sorts (None before the first anchor): kept in locals,
    # it is closed when an anchor opens the next one.
    wa = wb = 0
    sorts: set[str] | None = None
    for m in ANCHOR_SCAN.finditer(folded, lo, hi):
        start = m.start()
        a = start - 34 if start - 34 > lo else lo
        b = start + 30 if start + 30 < hi else hi
        if sorts is not None and a <= wb + 8:
            if b > wb:
                wb = b
        else:
            if sorts is not None:
                out.append((wa, wb, sorts))
            wa, wb, sorts = a, b, set()
        word = m[0]
        if word.isdigit():  # the pattern's `\d`: one digit, while its words hold letters
            # a year opens with "1" or "2" (YEAR_RE): other digits spare the pattern
            year = _YEAR_AT(folded, start) if word == "1" or word == "2" else None
            if year is None:
                sorts.add("digit")
                continue
            sorts.add("year")
            if year.end() > start + 4:
                sorts.add("pair")
            if folded[start - 1:start] in ("/", "."):
                sorts.add("dotted")
        elif word in MONTHS:
            sorts.add("month")
            if _DIGIT.search(folded, wa, start):
                sorts.add("day_month")
        elif word in WEEKDAYS:
            sorts.add("weekday")
        else:
            sorts.add("year_word" if word in _YEAR_WORDS else "word")
    if sorts is not None:
        out.append((wa, wb, sorts))
    return out


_DIGITS_ONLY = {"digit"}


def _scan_dates(ctx: ParseContext, lo: int, hi: int, ref: dt.date | None) -> list[_Found]:
    found: list[_Found] = []
    # _WITHIN opens with one of a few words, rare in a text: found once with str.find, they tell the
    # windows where it may match (the others are spared the pattern).
    leads = _places(ctx.folded, _WITHIN_LEADS, lo, hi) if ref is not None else []
    for wlo, whi, sorts in _windows(ctx.folded, lo, hi):
        i = bisect_left(leads, wlo)
        within = i < len(leads) and leads[i] < whi
        # A window around numbers alone holds no date but a "within six months": most windows of a
        # text with figures are such, and no other pattern of `_scan_window` runs there.
        if within or sorts != _DIGITS_ONLY:
            _scan_window(ctx, wlo, whi, ref, found, sorts, within)
    found.sort(key=lambda f: f.span)
    return found


def _places(folded: str, words: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Where each of `words` starts in folded[lo:hi], in order."""
    out = []
    for word in words:
        at = folded.find(word, lo, hi)
        while at >= 0:
            out.append(at)
            at = folded.find(word, at + 1, hi)
    out.sort()
    return out


def _scan_window(ctx: ParseContext, lo: int, hi: int, ref: dt.date | None, found: list[_Found],
                 sorts: set[str], within: bool) -> None:
    """The dates of one window; `within`: whether a lead word of _WITHIN starts in it."""
    folded, scan = ctx.folded, ctx.scan
    taken: list[Span] = []
    years = "year" in sorts
    months = "month" in sorts
    year_words = "year_word" in sorts
    words = year_words or "word" in sorts
    if months or years:
        for item in _absolute(folded, [(lo, hi, sorts)], ref):
            _keep(taken, found, item)
    # Every lead of _YEAR_END holds one of these words.
    year_end = (years or year_words) and (
        folded.find("end", lo, hi) >= 0 or folded.find("fin", lo, hi) >= 0 or folded.find("through", lo, hi) >= 0)
    for m in _YEAR_END.finditer(folded, lo, hi) if year_end else ():
        y = m["y"]
        if y[0].isdigit():
            year = int(y)
        elif ref is not None:
            year = ref.year
        else:
            continue
        _keep(taken, found, _Found(m.span(), dt.date(year, 12, 31), None, "year_end", relative=not y[0].isdigit()))
    for m in _MONTH_YEAR.finditer(folded, lo, hi) if months and years else ():
        month = month_number(m["m"])
        if month:
            _keep(taken, found, _Found(m.span(), dt.date(int(m["y"]), month, 1), None, "month"))
    for m in _YEAR_RANGE.finditer(folded, lo, hi) if "pair" in sorts else ():
        y1, y2 = int(m["y1"]), m["y2"]
        y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y1 < y2i <= y1 + 30 and _year_ok(scan, folded, m.start("y1"), m.end()):
            _keep(taken, found, _Found(m.span(), dt.date(y1, 1, 1), dt.date(y2i, 12, 31), "range"))
    if ref is not None:
        for m in _WITHIN.finditer(folded, lo, hi) if within and (words or years or "digit" in sorts) else ():
            n = m["n"]
            count = int(n) if n.isdigit() else _NUMBER_WORDS.get(n, 0)
            if not 0 < count <= 100:
                continue
            unit = m["u"]
            if unit.startswith(("day", "jour")):
                end = ref + dt.timedelta(days=count)
            elif unit.startswith(("week", "semaine")):
                end = ref + dt.timedelta(weeks=count)
            elif unit.startswith(("month", "mois")):
                end = _add_months(ref, count)
            else:
                end = _add_months(ref, 12 * count)
            _keep(taken, found, _Found(m.span(), ref, end, "range", relative=True))
        for m in _RELATIVE_RE.finditer(folded, lo, hi) if words else ():
            kind = _RELATIVE_KIND[m.lastgroup]
            if kind.startswith("day") and re.search(r"(?:\bof|\bde|d'|\bfor|\bpour) $", folded[max(0, m.start() - 5):m.start()]):
                continue  # "the technology of tomorrow", "l'Europe de demain": not a day
            start, end, precision = _relative(kind, ref)
            _keep(taken, found, _Found(m.span(), start, end, precision, relative=True))
        for m in _MONTH_ALONE.finditer(folded, lo, hi) if "month" in sorts else ():
            span = (m.start("m"), m.end()) if m["lead"] in ("the", "de", "of", "ce", "cet", "ces") else m.span()
            if not _free(taken, span):
                continue
            if ctx.language == "en" and not scan[m.start("m")].isupper():
                continue
            if m["lead"] in ("the", "of", "de") and not re.match(
                    r"\s+(?:nato\b|summit|sommet|meeting|reunion|ministerial|deadline)", folded[m.end():m.end() + 14]
            ) and not re.search(r"(?:sommet|summit|reunion|mois)\s+$", folded[max(0, m.start() - 12):m.start()]):
                continue
            month = month_number(m["m"]) or 1
            # The nearest such month, unless the text says "next" or "last".
            year = min((ref.year - 1, ref.year, ref.year + 1),
                       key=lambda y: (abs((y - ref.year) * 12 + month - ref.month), abs(y - ref.year)))
            if m["lead"] == "next" or m["tail"] == "prochain":
                year = ref.year + (1 if month <= ref.month else 0)
            elif m["lead"] == "last" or m["tail"] in ("dernier", "passe"):
                year = ref.year - (1 if month >= ref.month else 0)
            elif m["lead"] in ("since", "depuis", "des"):  # "since January": the last one
                year = ref.year - (1 if month > ref.month else 0)
            elif m["lead"] not in ("this", "ce", "cet", "ces") and (year, month) != (ref.year, ref.month):
                # the nearest month, unless the tense says otherwise: "In April, ABC News peddled ..." in
                # November is the April before; "the Allies will meet in July" in November the July after
                idx = sentence_at(ctx.sentences, m.start())
                sentence = ctx.sentences[idx] if idx >= 0 else None
                at = m.start()
                past = m["lead"] not in _DEADLINE_LEADS and _near(_PAST_CUES_RE, folded, sentence, at, _TENSE_REACH)
                future = (_near(FUTURE_CUES_RE, folded, sentence, at, _TENSE_REACH)
                          or _near(_CONDITIONAL_RE, folded, sentence, at, _TENSE_REACH))
                ahead = (year, month) > (ref.year, ref.month)
                if ahead and past and not future:
                    year -= 1
                elif not ahead and future and not past:
                    year += 1
            _keep(taken, found, _Found(span, dt.date(year, month, 1), None, "month", relative=True))
        for m in _WEEKDAY.finditer(folded, lo, hi) if "weekday" in sorts else ():
            wd = weekday_number(m["wd"])
            if wd is None:
                continue
            if ctx.language == "en" and not scan[m.start("wd")].isupper():
                continue
            idx = sentence_at(ctx.sentences, m.start())
            future = _future(folded, ctx.sentences[idx] if idx >= 0 else None, m.start())
            day = _weekday_date(wd, ref, m["lead"], m["tail"], future)
            _keep(taken, found, _Found(m.span(), day, None, "day", relative=True))
    for m in _YEAR.finditer(folded, lo, hi) if years else ():
        if _free(taken, m.span()) and _year_ok(scan, folded, m.start(), m.end()):
            _keep(taken, found, _Found(m.span(), dt.date(int(m["y"]), 1, 1), None, "year"))


def find_dates(ctx: ParseContext) -> list[DateExpr]:
    """Every date expression of the body, in text order, resolved against the document date."""
    ref = ctx.doc_date
    anchor = ctx.doc_date_iso
    out: list[DateExpr] = []
    for f in _scan_dates(ctx, ctx.body_start, len(ctx.text), ref):
        s, e = f.span
        out.append(DateExpr(
            text=ctx.text[s:e], span=(s, e), start=_iso(f.start, f.precision),
            end=_iso(f.end, "day") if f.end else None, precision=f.precision,
            anchor=anchor if f.relative else None,
        ))
    return out


# ---------------------------------------------------------------- the document's date

_DATELINE_LEAD = re.compile(r"^[\s\w.'’,()/-]{0,60}$")
# Leading words that make a date the lead's own: "Le 11 septembre 2025, ...", "On 3 May, ..."
_SENTENCE_START_DATE = re.compile(r"^\W*(?:le|on|ce|this|en ce|today|aujourd'hui)?\s*$")


def document_date(
    ctx: ParseContext, front_matter_date: dt.date | None, file_name_date: dt.date | None
) -> tuple[dt.date | None, str, Span | None]:
    """The document's date and where it came from: ("text" | "front_matter" | "file_name" | "none").

    The text wins only with a dateline ("KABUL, Afghanistan (Sept. 1) -", "WASHINGTON, July 9, 2024 —")
    or a lead that dates itself ("jeudi 15 février 2024", "today (29 June 2017)", "Le 11 septembre 2025,");
    a first date that names a past event does not count. When the file name or front matter also gives a
    date, the text's must lie within the ten days before it.
    """
    ref = front_matter_date or file_name_date
    try:
        found = _text_date(ctx, ref)
    except Exception:  # noqa: BLE001 - a date we cannot read is never worth losing the document
        found = None
    if found is not None:
        day, span = found
        # A dateline or lead date is the day of the document or of what it reports, a few days before
        # the publication at most; a later one announces a coming event ("will travel on Monday, July 15").
        if ref is None or 0 <= (ref - day).days <= 10:
            return day, "text", span
    if front_matter_date:
        return front_matter_date, "front_matter", None
    if file_name_date:
        return file_name_date, "file_name", None
    return None, "none", None


def _text_date(ctx: ParseContext, ref: dt.date | None) -> tuple[dt.date, Span] | None:
    lo = ctx.body_start
    hi = min(len(ctx.text), lo + 1500)
    sentences = ctx.sentences[:bisect_left(ctx.sentences, (hi,))]
    lead_sentences = _lead_sentences(ctx, sentences)
    for f in _absolute(ctx.folded, _windows(ctx.folded, lo, hi), ref):
        if f.end is not None:
            continue
        s = f.span[0]
        idx = sentence_at(sentences, s)
        if idx < 0:
            continue
        sent_start = sentences[idx][0]
        head = ctx.folded[sent_start:s]
        after = ctx.folded[f.span[1]:f.span[1] + 4]
        dateline = (len(head) <= 60 and "," in head and _DATELINE_LEAD.match(ctx.scan[sent_start:s])
                    and re.match(r"\s*(?:\)|[-,]|\(reuters|\(afp|\(ap)", after))
        # A bare "Le 1er avril, ..." often recalls an earlier step; a lead's own date carries its year.
        has_year = bool(re.search(r"\d{4}", ctx.folded[f.span[0]:f.span[1]]))
        own = idx in lead_sentences and (f.lead or (has_year and _SENTENCE_START_DATE.match(head)))
        if dateline or own:
            return f.start, f.span
    return None


# What ends a prose sentence (the stripped text has no final newline for `$` to stand before).
_SENTENCE_ENDS = (".", "!", "?")


def _lead_sentences(ctx: ParseContext, sentences: list[Span]) -> set[int]:
    """The first two prose sentences (a short headline line does not count)."""
    chosen: set[int] = set()
    for i, (s, e) in enumerate(sentences):
        text = ctx.scan[s:e]
        if len(text) < 60 and not text.strip().endswith(_SENTENCE_ENDS):
            continue
        chosen.add(i)
        if len(chosen) == 2:
            break
    return chosen
