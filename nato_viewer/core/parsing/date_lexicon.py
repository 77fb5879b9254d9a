"""Month and weekday names (French and English, from babel) and the regex pieces built from them.

Everything is folded (lower case, no accents, straight apostrophes) so the
patterns run on `ParseContext.folded`; built once at import.
"""

from __future__ import annotations

import re

from babel import Locale

from nato_viewer.core.parsing.text import WordSetScan, by_first_letter, fold_word, trie_regex


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for lang in ("fr", "en"):
        loc = Locale(lang)
        for table in (loc.months["format"]["wide"], loc.months["format"]["abbreviated"]):
            for number, name in table.items():
                names[fold_word(name).rstrip(".")] = number
    # Press abbreviations babel does not list ("Sept.", "févr", "juil").
    names.update({"sept": 9, "fevr": 2, "janv": 1, "juil": 7, "avr": 4, "dec": 12, "decem": 12})
    return names


def _weekday_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for lang in ("fr", "en"):
        for number, name in Locale(lang).days["format"]["wide"].items():
            names[fold_word(name)] = number  # Monday = 0, as datetime.weekday()
    return names


MONTHS: dict[str, int] = _month_names()
WEEKDAYS: dict[str, int] = _weekday_names()
# Full month names only: "mar", "may", "jun" alone are too often other words.
FULL_MONTHS: dict[str, int] = {}
for _lang in ("fr", "en"):
    for _n, _name in Locale(_lang).months["format"]["wide"].items():
        FULL_MONTHS[fold_word(_name)] = _n


def _alternation(words) -> str:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        piece = re.escape(word)
        if word not in FULL_MONTHS and word not in WEEKDAYS and len(word) <= 5:
            piece += r"\.?"  # abbreviations may carry their period
        parts.append(piece)
    # grouped by first letter: the regex engine tries one branch per letter, not every name in turn
    return by_first_letter("|".join(parts))


MONTH_RE = _alternation(MONTHS)
FULL_MONTH_RE = _alternation(FULL_MONTHS)
WEEKDAY_RE = _alternation(WEEKDAYS)
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR_RE = r"(?:1[89]\d\d|20\d\d|2100)"


def month_number(word: str) -> int | None:
    return MONTHS.get(word.strip().rstrip(".").strip())


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.strip())


# Words that may stand right before a bare year without making it part of a name.
YEAR_LEAD_WORDS = frozenset(
    ["in", "en", "by", "of", "the", "from", "since", "until", "till", "through", "to", "for", "before", "after", "around", "during", "early", "late", "mid", "de", "du", "des", "d", "l", "la", "le", "les", "au", "aux", "a", "depuis", "avant", "apres", "jusqu'en", "jusqu'a", "vers", "fin", "debut", "annee", "l'annee", "year", "years", "this", "that", "its", "spring", "summer", "fall", "autumn", "winter", "printemps", "ete", "automne", "hiver", "between", "entre", "and", "et", "or", "ou", "fy", "fiscal", "calendar", "beyond", "au-dela", "d'ici", "est", "was", "is", "were", "sommet", "summit", "cette", "ce"]
)

# Sentence cues that a bare weekday or month lies ahead of the document date.
FUTURE_CUES_RE = re.compile(
    r"\b(?:will|shall|is to|are to|to be held|is due|are due|due to|scheduled|expected|plans? to|"
    r"going to|upcoming|next|prochaine?s?|prevue?s?|doit|doivent|devra|devront|look(?:s|ed|ing)? forward|"
    r"ahead of|in the run-up|se rejoui\w*|dans la perspective|en vue d[eu]|"
    r"\w{3,}(?:era|eront|ira|iront|ra|ront)|aura|auront|sera|seront|ira|iront|va|vont|a venir)\b"
)


# Words near which a date expression may stand: the date patterns only run in windows around these
# and around digits, which keeps the scan of long texts cheap. Every date pattern's match holds one
# of them; common words ("an", "under", "ahead") only as part of a phrase, or they open a window
# in most sentences of an English text.
ANCHOR_WORDS = frozenset(
    list(MONTHS) + list(WEEKDAYS) + ["aujourd'hui", "today", "tonight", "hier", "yesterday", "veille", "demain", "tomorrow", "avant-hier", "apres-demain", "semaine", "week", "weeks", "mois", "month", "months", "annee", "annees", "year", "years", "year's", "l'an", "l'annee", "un an", "days", "jours", "recent", "recente", "recentes", "recents", "recemment", "recently", "lately", "far", "jusqu'a", "jusqu'ici", "date", "actuellement", "cours", "currently", "underway", "under way", "ongoing", "present", "summer", "spring", "fall", "autumn", "winter", "ete", "printemps", "automne", "hiver", "decade", "matin", "soir", "morning", "afternoon", "evening", "ago", "earlier", "within", "d'ici"]
)
ANCHOR_RE = re.compile(r"\b(?:\d|" + trie_regex(ANCHOR_WORDS) + r"(?![\w-]))")
# The same matches, found fast (see WordSetScan).
ANCHOR_SCAN = WordSetScan(ANCHOR_RE, ANCHOR_WORDS, digits=True)
