"""The grammar of numbers in French and English press text.

Digits with either convention of separators ("40 000", "40,000", "300.000", "1,5", "3.5"),
spelled-out numbers ("dix-huit", "quatre-vingt-dix", "twenty-five", "one hundred and fifty"),
scale words ("600 milliards", "$3 billion", "3 Md€", "£2bn"), approximate nouns
("une cinquantaine", "three dozen"), currencies (babel names and symbols plus common
short forms) and the qualifiers that bound a figure ("plus de", "at least", "up to").

Everything here reads the *folded* text of a ParseContext (lower case, no accents, straight
apostrophes, one plain space for every kind of space), so offsets stay valid in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from nato_viewer.core.parsing.text import fold_word, watch_words
from nato_viewer.core.parsing.text import trie_regex as trie

# ---------------------------------------------------------------- spelled-out numbers

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_FR_UNITS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}
# Multipliers: "hundred" and "cent" multiply what precedes; the others close a group.
_EN_MULT = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FR_MULT = {"cent": 100, "cents": 100, "mille": 1000, "million": 10**6, "millions": 10**6,
            "milliard": 10**9, "milliards": 10**9, "billion": 10**12, "billions": 10**12}
_EN_MULT.update({w + "s": v for w, v in list(_EN_MULT.items()) if w != "hundred" and w != "thousand"})

# Every spelled number word of both languages ("two", "deux", "hundred", "mille"...).
NUMBER_WORDS = frozenset(list(_EN_UNITS) + list(_EN_MULT) + list(_FR_UNITS) + list(_FR_MULT))

# Scale words after digits ("600 milliards", "1.5 million"); abbreviations only count next to a currency.
SCALE_WORDS = {
    "en": {"thousand": 10**3, "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9,
           "trillion": 10**12, "trillions": 10**12, "milliard": 10**9, "milliards": 10**9},
    "fr": {"mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
           "billion": 10**12, "billions": 10**12, "trillion": 10**18, "trillions": 10**18},
}
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9,
                       "b": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9, "tn": 10**12}

# "une trentaine de navires", "a dozen", "three dozen": approximate amounts.
APPROX_NOUNS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}


def _word_tables(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    return (_FR_UNITS, _FR_MULT) if lang == "fr" else (_EN_UNITS, _EN_MULT)


# What may join two words of one spelled number, in the order the regex tries them.
_JOINERS = {"fr": ("-et-", "-", " et ", " and ", "  ", " "), "en": ("-", " and ", "  ", " ")}


def _spelled_regex(lang: str) -> re.Pattern:
    units, mult = _word_tables(lang)
    word = r"(?:" + trie(list(units) + list(mult)) + r")"
    joiner = r"(?:" + "|".join(map(re.escape, _JOINERS[lang])) + r")"
    # No leading \b: it would cost the fast first-letter skip; the start is checked in code.
    return re.compile(word + r"(?:" + joiner + word + r")*(?![\w])")


_SPELLED = {lang: _spelled_regex(lang) for lang in ("fr", "en")}


# A-Z, a-z and 0-9 kept, every other byte a space: split, the text gives its runs of letters and digits.
_WORD_BYTES = bytes(b if (0x30 <= b <= 0x39 or 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A) else 0x20
                    for b in range(256))


# The number words as bytes; `document_words` tells which ones a text holds.
_NUMBER_WORD_BYTES = {lang: frozenset(w.encode("ascii") for t in _word_tables(lang) for w in t) for lang in ("fr", "en")}
_NUMBER_WORD_ENDS = {lang: tuple(words) for lang, words in _NUMBER_WORD_BYTES.items()}
watch_words(word for words in _NUMBER_WORD_BYTES.values() for word in words)


def word_bytes(folded: str) -> frozenset[bytes]:
    """The words of `folded` (its runs of a-z, A-Z and 0-9) as ASCII bytes."""
    return frozenset(folded.encode("ascii", "replace").translate(_WORD_BYTES).split())


def spelled_word_matches(folded: str, raw: bytes, lang: str, start: int, end: int,
                         words: frozenset[bytes] | None = None) -> list[re.Match]:
    """The matches of `_SPELLED[lang].finditer(folded, start, end)` that do not start right after an ASCII
    letter or digit (inside a word, "someone", "often": no number); `raw` is `folded` encoded to ASCII
    ("?" for any other character).  `words` holds (at least) the number words that stand whole in
    `folded[start:end]` as bytes (`word_bytes`), when the caller knows them already.

    Instead of a scan of the whole text, the number words that stand whole are found each with
    `bytes.find`.  A match inside a word is left out but still takes what it runs over: "often two" is
    "ten two" to finditer, and "two" is no match of its own.  Such a match runs over a number word only
    when the word inside which it starts comes right before that number word and a joiner, so that word
    is tried before each number word found."""
    data = b" " + raw[start:end].translate(_WORD_BYTES) + b" "  # data[i + 1] is folded[start + i]
    numbers = _NUMBER_WORD_BYTES[lang]
    if words is None:
        words = frozenset(data.split())
    # the words cut by `start` and `end` stand whole in data
    cut = {data[1:data.find(b" ", 1)], data[data.rfind(b" ", 0, -1) + 1:-1]}
    places = []
    for word in numbers.intersection(words) | numbers.intersection(cut):
        needle = b" " + word + b" "
        at = data.find(needle)
        while at >= 0:
            places.append(start + at)
            at = data.find(needle, at + 1)
    places.sort()
    match = _SPELLED[lang].match
    found = []
    last = start
    for q in places:
        if q < last:
            continue
        for p in _inside_word_before(folded, data, lang, start, q):
            if p >= last:
                m = match(folded, p, end)
                if m:
                    last = m.end()
        if q < last:
            continue
        m = match(folded, q, end)
        if m:
            found.append(m)
            last = m.end()
    return found


def _inside_word_before(folded: str, data: bytes, lang: str, start: int, q: int) -> list[int]:
    """Where number words end the word before the joiner before `q` without being the whole word, in
    order ("ten" in "often two")."""
    out = []
    for joiner in _JOINERS[lang]:
        r_end = q - len(joiner)  # where that word would end
        if r_end <= start or data[r_end - start] == 0x20 or not folded.startswith(joiner, r_end):
            continue
        head = data[data.rfind(b" ", 0, r_end - start) + 1:r_end - start + 1]
        if head.endswith(_NUMBER_WORD_ENDS[lang]):
            out.extend(r_end - len(w) for w in _NUMBER_WORD_BYTES[lang] if len(w) < len(head) and head.endswith(w))
    out.sort()
    return out


_SPELLED_TOKEN = re.compile(r"[a-z]+")


def spelled_groups(tokens: list[tuple[str, int, int]], lang: str) -> list[tuple[int, int, int]]:
    """Split a run of number words into numbers: [(value, start, end)].

    A run such as "deux trois" or "five and six" holds two numbers; "vingt et un",
    "quatre-vingt-dix-sept", "one hundred and fifty" and "trois mille" hold one.
    """
    units, mult = _word_tables(lang)
    groups: list[tuple[int, int, int]] = []
    total = current = 0
    last_kind = ""  # "unit", "ten", "teen", "hundred", "big"
    g_start = g_end = -1
    last_word = ""

    def close() -> None:
        nonlocal total, current, last_kind, g_start
        if g_start >= 0:
            groups.append((total + current, g_start, g_end))
        total = current = 0
        last_kind = ""
        g_start = -1

    for word, s, e in tokens:
        prev_word, last_word = last_word, word
        if word in units:
            v = units[word]
            kind = "ten" if v >= 20 else ("teen" if v >= 10 else "unit")
            fits = (
                last_kind in ("", "hundred", "big")
                or (last_kind == "ten" and kind == "unit")
                # French 70-99: "soixante-dix", "soixante et onze", "quatre-vingt-dix"
                or (lang == "fr" and last_kind == "ten" and kind == "teen" and current % 100 in (60, 80))
                # "dix-sept", "soixante-dix-huit", "quatre-vingt-dix-neuf"
                or (lang == "fr" and prev_word == "dix" and v in (7, 8, 9))
            )
            if lang == "fr" and last_kind == "unit" and current % 100 == 4 and word in ("vingt", "vingts"):
                current += 80 - 4  # "quatre-vingt(s)"
                last_kind, g_end = "ten", e
                continue
            if not fits:
                close()
            if g_start < 0:
                g_start = s
            current += v
            last_kind, g_end = kind, e
        else:
            v = mult[word]
            if v == 100:
                if last_kind in ("hundred",) or (current % 1000) >= 100:
                    close()
                if g_start < 0:
                    g_start = s
                current = (current or 1) * 100
                last_kind = "hundred"
            else:
                if last_kind == "big" and current == 0:
                    close()
                if g_start < 0:
                    g_start = s
                total += (current or 1) * v
                current = 0
                last_kind = "big"
            g_end = e
    close()
    return groups


# ---------------------------------------------------------------- digits

# "40 000", "40,000", "300.000", "1 234 567,5", "3.5", "2024": group separators are a
# space (any space folds to " "), a comma, a period or an apostrophe; groups have three digits.
DIGITS = re.compile(
    r"(?P<int>\d{1,3}(?P<sep>[ ,.'])\d{3}(?:(?P=sep)\d{3})*(?!\d)|\d+)"
    r"(?:(?P<dsep>[.,])(?P<dec>\d+))?"
    r"(?![\d])"
)
# What may not stand right before a number: it would be part of a code or a longer token
# ("A400M", "2010-09", "v1.2", "12:30", "#5"); a letter and a dash make a name ("F-16",
# "COVID-19"), while a dash after a digit is a range ("30-40").  Checked in code rather
# than in a look-behind so that the scan keeps the regex engine's fast first-character skip.
_NOT_BEFORE_DIGITS = frozenset(".,/:#@_%=&?+\\")


def _glued_before(folded: str, pos: int) -> bool:
    if pos == 0:
        return False
    c = folded[pos - 1]
    if c.isalnum() or c in _NOT_BEFORE_DIGITS:
        return True
    return c == "-" and pos >= 2 and folded[pos - 2].isalpha()
_ONE_DIGIT = re.compile(r"\d")
_DIGIT_MARKS = bytes(0x30 if (0x30 <= b <= 0x39 or b == 0x3F) else 0x20 for b in range(256))


def digits_value(m: re.Match, has_scale: bool, lang: str = "en") -> float | None:
    """The value of a DIGITS match.

    A single separator followed by three digits is a thousands separator ("1,500",
    "300.000"), except when it is the language's decimal mark before a scale word
    ("1,250 milliard" reads 1.25 in French, "1.250 billion" 1.25 in English).
    """
    whole, sep, dsep, dec = m.group("int"), m.group("sep"), m.group("dsep"), m.group("dec")
    if sep:
        groups = whole.split(sep)
        if has_scale and len(groups) == 2 and sep == (",", ".")[lang != "fr"] and not dsep:
            return float(groups[0] + "." + groups[1])
        if dsep == sep:
            return None
        return float("".join(groups) + ("." + dec if dsep else ""))
    if dsep:
        return float(whole + "." + dec)
    return float(whole)


# ---------------------------------------------------------------- number matches


@dataclass(slots=True)
class Number:
    """A number read off the folded text: [start, end) covers the number with its scale word."""

    start: int
    end: int
    value: float
    spelled: bool = False
    scaled: bool = False  # a scale word or multiplier is part of the number ("600 milliards")
    abbrev_scale: bool = False  # the scale is an abbreviation ("$5bn", "3 Md"), valid with a currency only
    approx: bool = False  # "une cinquantaine", "a dozen"
    year_like: bool = False  # four plain digits between 1800 and 2100
    digits_end: int = 0  # end of the digits/words before any scale word


def _scale_regex(lang: str) -> re.Pattern:
    return re.compile(
        r"(?:(?:[ ]{0,24}|-)(?P<word>" + trie(SCALE_WORDS[lang]) + r")|[ ]?(?P<abbr>"
        + trie(SCALE_ABBREVIATIONS) + r"))(?![a-z0-9])"
    )


_SCALE = {lang: _scale_regex(lang) for lang in ("fr", "en")}
_APPROX = re.compile(
    r"(?<![\w])(?:(?:une?|d'une?)[ ](?P<fr>" + trie(APPROX_NOUNS) + r")"
    r"|(?:(?P<half>half[ ]a)|an?|(?P<n>" + trie(_EN_UNITS) + r"|\d{1,3}))[ ](?P<dozen>dozen))(?![\w])"
)
_A_MULT = re.compile(r"(?<![\w])(?:an?|one)[ ]$")
# Fractions of a scale: "one and a half million", "half a million", "a quarter billion",
# "un million et demi", "1,5 million" being read by the digits.
_FRACTION = re.compile(
    r"(?<![\w])(?:(?P<whole>" + trie(_EN_UNITS) + r"|\d{1,3})[ ]and[ ]a[ ]half|(?P<half>(?:a[ ])?half[ ]a|a[ ]half)"
    r"|(?P<quarter>a[ ]quarter(?:[ ]of[ ]a)?)|(?P<three>three[ ]quarters[ ]of[ ]a))[ ](?P<scale>million|billion|trillion|thousand)"
    r"(?![\w])"
    r"|(?<![\w])(?P<frwhole>un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,3})[ ](?P<frscale>millions?|milliards?)"
    r"[ ]et[ ]demi(?![\w])"
)


# The rare approximate and fractional amounts are read only around these words, found with
# str.find, instead of scanning the whole text with their (slow to scan) patterns.
_APPROX_HINTS = {"en": ("dozen",), "fr": tuple(APPROX_NOUNS)}
_FRACTION_HINTS = {"en": ("half", "quarter"), "fr": ("et demi",)}


def _around(pattern: re.Pattern, folded: str, needles: tuple[str, ...], start: int, end: int) -> list[re.Match]:
    """Matches of `pattern` in small windows around each occurrence of the needles."""
    seen: dict[int, re.Match] = {}
    for needle in needles:
        at = folded.find(needle, start, end)
        while at >= 0:
            for m in pattern.finditer(folded, max(start, at - 30), min(end, at + len(needle) + 40)):
                seen.setdefault(m.start(), m)
            at = folded.find(needle, at + len(needle), end)
    return [seen[k] for k in sorted(seen)]


def find_numbers(folded: str, lang: str, start: int = 0, end: int | None = None,
                 words: frozenset[bytes] | None = None) -> list[Number]:
    """Every number in folded[start:end], in text order, with its scale word.  `words`: see
    `spelled_word_matches`."""
    end = len(folded) if end is None else end
    lang = "fr" if lang == "fr" else "en"
    scale_re = _SCALE[lang]
    found: list[Number] = []
    taken: list[tuple[int, int]] = []

    for m in _around(_APPROX, folded, _APPROX_HINTS[lang], start, end):
        if m.group("fr"):
            value = APPROX_NOUNS[m.group("fr")]
        elif m.group("half"):
            value = 6
        elif m.group("n"):
            n = m.group("n")
            value = 12 * (int(n) if n.isdigit() else _EN_UNITS[n])
        else:
            value = 12
        found.append(Number(m.start(), m.end(), float(value), spelled=True, approx=True, digits_end=m.end()))
        taken.append((m.start(), m.end()))

    for m in _around(_FRACTION, folded, _FRACTION_HINTS[lang], start, end):
        if m.group("frscale"):
            w = m.group("frwhole")
            whole = int(w) if w.isdigit() else _FR_UNITS[w]
            value = (whole + 0.5) * _FR_MULT[m.group("frscale")]
        else:
            if m.group("whole"):
                w = m.group("whole")
                fraction = (int(w) if w.isdigit() else _EN_UNITS[w]) + 0.5
            else:
                fraction = 0.5 if m.group("half") else 0.25 if m.group("quarter") else 0.75
            value = fraction * SCALE_WORDS["en"][m.group("scale")]
        found.append(Number(m.start(), m.end(), value, spelled=True, scaled=True, digits_end=m.end()))
        taken.append((m.start(), m.end()))

    # Digits are found in a bytes copy where every ASCII digit and every character outside ASCII (which
    # may be a digit: "٣") is "0" and the rest a space: a search for one byte is the fastest scan there is.
    raw = folded.encode("ascii", "replace")
    marks = raw.translate(_DIGIT_MARKS)
    pos = start
    while True:
        at = marks.find(b"0", pos, end)
        if at < 0:
            break
        if not _ONE_DIGIT.match(folded, at):
            pos = at + 1
            continue
        m = DIGITS.match(folded, at, end)
        pos = m.end()
        if _glued_before(folded, m.start()) or (taken and any(s <= m.start() < e for s, e in taken)):
            continue
        sm = scale_re.match(folded, m.end(), end)
        value = digits_value(m, has_scale=bool(sm), lang=lang)
        if value is None:
            continue
        stop, scaled, abbrev = m.end(), False, False
        if sm:
            factor = SCALE_WORDS[lang][sm.group("word")] if sm.group("word") else SCALE_ABBREVIATIONS[sm.group("abbr")]
            value *= factor
            stop, scaled, abbrev = sm.end(), True, bool(sm.group("abbr"))
        plain = m.group("int")
        year_like = plain.isdigit() and len(plain) == 4 and 1800 <= int(plain) <= 2100 and not m.group("dsep")
        found.append(Number(m.start(), stop, value, scaled=scaled, abbrev_scale=abbrev,
                            year_like=year_like and not scaled, digits_end=m.end()))

    units, mult = _word_tables(lang)
    for m in spelled_word_matches(folded, raw, lang, start, end, words):
        ms = m.start()
        if (ms and (folded[ms - 1].isalnum() or folded[ms - 1] in "-_")) or (
            taken and any(s <= ms < e or ms <= s < m.end() for s, e in taken)
        ):
            continue
        tokens = [(t.group(0), m.start() + t.start(), m.start() + t.end())
                  for t in _SPELLED_TOKEN.finditer(m.group(0)) if t.group(0) in units or t.group(0) in mult]
        for value, s, e in spelled_groups(tokens, lang):
            if not value:
                continue
            spelled = _SPELLED_TOKEN.findall(folded, s, e)
            if len(spelled) == 1 and spelled[0] in mult and (
                spelled[0].endswith("s") or folded[max(0, s - 5):s] in ("pour ", "per ")
            ):
                continue  # "des millions de", "millions of", "pour cent": no number
            first = spelled[0]
            if first in mult:
                # "a million", "a hundred": the article is the number one; without it the
                # word is a rough amount ("several hundred", "a few thousand") in English, and
                # French says "cent" and "mille" but "un million".
                am = _A_MULT.search(folded, max(start, s - 4), s)
                if am:
                    s = am.start()
                elif lang == "en" or mult[first] >= 10**6:
                    continue
            scaled = any(w in mult and mult[w] >= 1000 for w in spelled)
            found.append(Number(s, e, float(value), spelled=True, scaled=scaled, digits_end=e))

    found.sort(key=lambda n: (n.start, -n.end))
    result: list[Number] = []
    for n in found:
        if result and n.start < result[-1].end:
            continue
        result.append(n)
    return result


def as_number(value: float) -> float:
    """The value for the model, cleared of binary noise: 6.3 * 10**9 is 6300000000, not 6300000000.000001."""
    whole = round(value)
    if abs(value - whole) <= 1e-9 * max(1.0, abs(value)):
        return float(whole)
    return float(f"{value:.12g}")


# ---------------------------------------------------------------- qualifiers

QUALIFIER_WORDS = {
    "more_than": [
        "more than", "over", "upwards of", "in excess of", "above", "just over", "well over", "greater than",
        "plus de", "plus d'", "au-dela de", "au-dela d'", "un peu plus de", "bien plus de", "plus de quelque",
        "superieur a", "superieure a",
    ],
    "less_than": [
        "less than", "fewer than", "under", "below", "nearly", "almost", "just under", "not quite",
        "moins de", "moins d'", "un peu moins de", "presque", "quasiment", "pres de", "pres d'",
        "inferieur a", "inferieure a",
    ],
    "about": [
        "about", "around", "approximately", "roughly", "some", "an estimated", "an approximate", "close to",
        "environ", "quelque", "autour de", "a peu pres", "approximativement", "de l'ordre de", "de l'ordre d'",
        "aux alentours de", "une estimation de",
    ],
    "up_to": [
        "up to", "as many as", "at most", "no more than", "a maximum of", "jusqu'a", "au maximum",
        "au plus", "tout au plus",
    ],
    "at_least": [
        "at least", "no fewer than", "no less than", "a minimum of", "not less than", "au moins", "d'au moins",
        "pas moins de", "pas moins d'", "au minimum", "un minimum de", "minimum",
    ],
}
_QUALIFIER_OF = {w: q for q, words in QUALIFIER_WORDS.items() for w in words}
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w'])(?P<q>" + trie(_QUALIFIER_OF) + r")(?:(?<=')|[ ]{1,24})$"
)
_QUALIFIER_AFTER = re.compile(r"[ ,]{1,2}(?P<q>au moins|au minimum|au maximum|at least|at most|or more|ou plus)(?![\w])")
_QUALIFIER_AFTER_OF = {"au moins": "at_least", "au minimum": "at_least", "at least": "at_least", "or more": "at_least",
                       "ou plus": "at_least", "au maximum": "up_to", "at most": "up_to"}


# The last word of every qualifier: a cheap test before the regex ("than", "least", "d'", "environ").
QUALIFIER_LAST_WORDS = frozenset(w.rsplit(" ", 1)[-1] for w in _QUALIFIER_OF)


def qualifier_before(folded: str, pos: int) -> tuple[str, int] | None:
    """(qualifier, start) when a qualifier ends right before `pos`."""
    m = _QUALIFIER_BEFORE.search(folded, max(0, pos - 50), pos)
    if not m:
        return None
    return _QUALIFIER_OF[m.group("q")], m.start()


def qualifier_after(folded: str, pos: int) -> tuple[str, int] | None:
    """(qualifier, end) for "40 milliards d'euros au moins", "10 countries or more"."""
    m = _QUALIFIER_AFTER.match(folded, pos)
    if not m:
        return None
    return _QUALIFIER_AFTER_OF[m.group("q")], m.end()


# ---------------------------------------------------------------- currencies

# Short forms babel does not list; "$" alone is the US dollar in NATO and US texts.
_HAND_CURRENCY_NAMES = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "us dollar": "USD",
    "u.s. dollar": "USD", "american dollars": "USD", "dollars americains": "USD", "dollars us": "USD",
    "dollar americain": "USD", "euro": "EUR", "euros": "EUR", "livres sterling": "GBP", "livre sterling": "GBP",
    "pounds sterling": "GBP", "pound sterling": "GBP", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH",
    "hryvnya": "UAH", "roubles": "RUB", "rubles": "RUB", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "zlotys": "PLN", "zloty": "PLN", "zlotych": "PLN",
}
# Words that are currencies only next to a scale word ("3 billion pounds", not "300 pounds of explosives").
SCALE_ONLY_CURRENCY_NAMES = {"pounds": "GBP", "livres": "GBP"}
_HAND_SYMBOLS = {
    "$": "USD", "us$": "USD", "$us": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "c$": "CAD", "ca$": "CAD",
    "$ca": "CAD", "can$": "CAD", "a$": "AUD", "au$": "AUD", "$au": "AUD", "¥": "JPY", "₴": "UAH",
    "₽": "RUB", "₹": "INR", "₩": "KRW", "£gb": "GBP", "zl": "PLN",
}
_CODES_THAT_ARE_WORDS = {"ALL", "TOP", "CUP", "MAD", "BOB", "SOS", "GEL", "MOP", "PEN", "LAK", "AMD", "DOP", "BAM"}
# Symbols made of letters only are ISO codes or too ambiguous ("R", "kr"): codes are matched upper case.
_SYMBOL_CHARS = re.compile(r"[^a-z.]")


@lru_cache(maxsize=1)
def currency_tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(folded names -> code, folded symbols -> code, ISO codes), built once from babel and hand aliases."""
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    codes = set()
    for code in sorted(list_currencies()):
        if code.startswith("X") or code in _CODES_THAT_ARE_WORDS:
            continue  # metals, drawing rights and test codes; "ALL", "TOP"...
        codes.add(code)
        for locale in ("en", "fr"):
            for count in (1, 2):
                name = fold_word(get_currency_name(code, count, locale))
                if " " in name and "(" not in name and name not in names:
                    names[name] = code
            symbol = fold_word(get_currency_symbol(code, locale))
            if symbol and _SYMBOL_CHARS.search(symbol) and symbol not in symbols:
                symbols[symbol] = code
    names.update(_HAND_CURRENCY_NAMES)
    symbols.update(_HAND_SYMBOLS)
    return names, symbols, frozenset(codes)


def _currency_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    names, symbols, codes = currency_tables()
    sym = trie(symbols)
    code = trie(c.lower() for c in codes)
    before = re.compile(r"(?:(?<![\w$€£¥])(?P<code>" + code + r")[ ]?|(?P<sym>" + sym + r")[ ]?)$")
    after_words = trie(list(names) + list(SCALE_ONLY_CURRENCY_NAMES))
    after = re.compile(
        r"(?:[ ]{0,24}|-)(?:(?P<sym>" + sym + r")|(?:(?:de[ ]|d'|of[ ])?(?:(?P<adj>" + trie(CURRENCY_ADJECTIVES)
        + r")[ ]){0,2}(?:(?P<name>" + after_words + r")|(?P<code>" + code + r"))))(?![a-z])"
    )
    return before, after, re.compile(sym)


# Words that may stand between a sum and its currency: "120 billion extra U.S. dollars".
CURRENCY_ADJECTIVES = ["extra", "additional", "new", "more", "fresh", "u.s.", "us", "american", "supplementaires",
                       "supplementaire", "nouveaux", "additionnels", "de plus"]

_CURRENCY_RE: list = []


def _currency_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    if not _CURRENCY_RE:
        _CURRENCY_RE.extend(_currency_regexes())
    return _CURRENCY_RE[0], _CURRENCY_RE[1], _CURRENCY_RE[2]


@dataclass(frozen=True)
class Currency:
    code: str
    start: int
    end: int
    scale_only: bool = False  # "pounds" / "livres": a currency only after a scale word


@lru_cache(maxsize=1)
def _symbol_last_chars() -> frozenset[str]:
    _names, symbols, _codes = currency_tables()
    return frozenset(sym[-1] for sym in symbols)


def maybe_currency_before(folded: str, scan: str, pos: int) -> bool:
    """Cheap test: could a currency symbol or an upper-case ISO code end right before pos?"""
    i = pos - 1
    if i >= 0 and folded[i] == " ":
        i -= 1
    if i < 0:
        return False
    c = folded[i]
    if c.isalpha():
        return scan[i].isupper() or (c in _symbol_last_chars() and not folded[i - 1:i].isalpha())
    return c in _symbol_last_chars()


def currency_before(folded: str, scan: str, pos: int) -> Currency | None:
    """A symbol or ISO code right before a number: "$600", "US$ 5", "EUR 40", "€40"."""
    before, _after, _sym = _currency_res()
    m = before.search(folded, max(0, pos - 6), pos)
    if not m:
        return None
    names, symbols, _codes = currency_tables()
    if m.group("code"):
        if not scan[m.start("code"):m.end("code")].isupper():
            return None
        return Currency(m.group("code").upper(), m.start(), m.end("code"))
    return Currency(symbols[m.group("sym")], m.start(), m.end("sym"))


def currency_after(folded: str, scan: str, pos: int) -> Currency | None:
    """A currency right after a number or its scale: "dollars", "d'euros", "billion extra U.S. dollars", "€"."""
    _before, after, _sym = _currency_res()
    m = after.match(folded, pos)
    if not m:
        return None
    names, symbols, _codes = currency_tables()
    if m.group("sym"):
        return Currency(symbols[m.group("sym")], pos, m.end())
    if m.group("code"):
        if not scan[m.start("code"):m.end("code")].isupper():
            return None
        return Currency(m.group("code").upper(), pos, m.end())
    name = m.group("name")
    if name in SCALE_ONLY_CURRENCY_NAMES:
        if folded.startswith(" of ", m.end()):
            return None  # "a million pounds of food" is a weight
        return Currency(SCALE_ONLY_CURRENCY_NAMES[name], pos, m.end(), scale_only=True)
    return Currency(names[name], pos, m.end())


# ---------------------------------------------------------------- percentages

PERCENT = re.compile(
    r"(?:[ ]{0,24}|-)(?:%|per[ -]?cent(?![a-z])|pour[ ]?cent(?![a-z])|pct(?![a-z])|percentage points?(?![a-z])"
    r"|points? de pourcentage(?![a-z]))"
)
