"""Every date, number, amount of money and country name the user sees, formatted with babel.

All functions take the language ("fr" or "en") explicitly; labels of kinds, roles and
qualifiers go through gettext (`_`) in the installed language.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_interval, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_currency_name, get_currency_symbol
from babel.numbers import format_percent as _babel_percent

from nato_viewer.core.i18n import N_, _, gettext_in

BABEL_LOCALES = {"fr": "fr_FR", "en": "en_US"}

KIND_LABELS = {
    "meeting": N_("meeting"),
    "statement": N_("statement"),
    "decision": N_("decision"),
    "pledge": N_("pledge"),
    "projection": N_("projection"),
    "contract": N_("contract"),
    "exercise": N_("exercise"),
    "operation": N_("operation"),
    "accession": N_("accession"),
    "appointment": N_("appointment"),
    "other": N_("other"),
}
ROLE_LABELS = {
    "pledging": N_("pledging"),
    "recipient": N_("recipient"),
    "host": N_("host"),
    "mentioned": N_("mentioned"),
}
QUALIFIER_LABELS = {
    "more_than": N_("more than"),
    "less_than": N_("less than"),
    "about": N_("about"),
    "up_to": N_("up to"),
    "at_least": N_("at least"),
}
PRECISION_LABELS = {
    "day": N_("day"),
    "month": N_("month"),
    "year": N_("year"),
    "year_end": N_("end of year"),
    "before": N_("recent past"),
    "ongoing": N_("ongoing"),
    "range": N_("period"),
}
# Short currency words for running text; babel's names ("dollars des États-Unis") are too formal here.
_FR_CURRENCY_WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "livres sterling", "CAD": "dollars canadiens",
                      "AUD": "dollars australiens", "JPY": "yens", "CHF": "francs suisses", "UAH": "hryvnias",
                      "RUB": "roubles", "PLN": "zlotys", "NOK": "couronnes norvégiennes",
                      "SEK": "couronnes suédoises", "DKK": "couronnes danoises"}


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, "en_US")


def parse_iso(value: str | None) -> tuple[dt.date, str] | None:
    """A date and its natural precision ("day", "month", "year") from "2024-02-15", "2024-02" or "2024"."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        if len(parts) >= 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1), "month"
        return dt.date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None


def format_date(iso: str | None, lang: str, precision: str = "day") -> str:
    """"15 février 2024" / "February 15, 2024"; coarser for month and year precision."""
    parsed = parse_iso(iso)
    if not parsed:
        return iso or ""
    day, natural = parsed
    loc = babel_locale(lang)
    if precision == "year" or natural == "year":
        return str(day.year)
    if precision == "month" or natural == "month":
        return format_skeleton("yMMMM", day, locale=loc)
    return _babel_date(day, "long", locale=loc)


def format_short_date(iso: str | None, lang: str) -> str:
    """Compact numeric-free date for tables: "15 févr. 2024" / "Feb 15, 2024"."""
    parsed = parse_iso(iso)
    if not parsed:
        return iso or ""
    day, natural = parsed
    loc = babel_locale(lang)
    if natural == "year":
        return str(day.year)
    if natural == "month":
        return format_skeleton("yMMM", day, locale=loc)
    return _babel_date(day, "medium", locale=loc)


def format_event_date(start: str | None, end: str | None, precision: str, lang: str, anchor: str | None = None) -> str:
    """A date written for its precision: "15 février 2024", "fin 2024", "depuis quelques mois", "9–11 juillet 2024"."""
    _ = gettext_in(lang)  # noqa: F811 - these words belong to `lang`, not to the interface's language
    parsed = parse_iso(start)
    if precision == "year_end":
        year = parsed[0].year if parsed else (parse_iso(end)[0].year if parse_iso(end) else None)
        return _("end of {year}").format(year=year) if year else ""
    if precision == "before":
        text = _("in recent months")
        if anchor or start:
            text = _("{period} (to {date})").format(period=text, date=format_date(anchor or start, lang))
        return text
    if precision == "ongoing":
        return _("ongoing at {date}").format(date=format_date(anchor or start, lang)) if (anchor or start) else _("ongoing")
    if precision == "range" and end:
        return format_range(start, end, lang)
    return format_date(start, lang, precision)


def format_range(start: str | None, end: str | None, lang: str) -> str:
    a, b = parse_iso(start), parse_iso(end)
    if not a or not b:
        return format_date(start or end, lang)
    d1, p1 = a
    d2, p2 = b
    loc = babel_locale(lang)
    if p1 == "day" and p2 == "day":
        if d1 == d2:
            return format_date(start, lang)
        if (d1.year, d1.month) == (d2.year, d2.month):
            if lang == "fr":
                return f"{d1.day}–{_babel_date(d2, 'long', locale=loc)}"
            return f"{format_skeleton('MMMMd', d1, locale=loc)}–{d2.day}, {d2.year}"
        return format_interval(d1, d2, "yMMMd", locale=loc)
    if p1 == "year" and p2 == "year":
        return f"{d1.year}–{d2.year}"
    return f"{format_date(start, lang, p1)} – {format_date(end, lang, p2)}"


def format_number(value: float, lang: str) -> str:
    try:
        return format_decimal(value, locale=babel_locale(lang), decimal_quantization=False)
    except ArithmeticError:  # values beyond babel's decimal context: no real figure is that large
        return f"{value:.6g}"


def format_percent(value: float, lang: str) -> str:
    """2 -> "2 %" (fr) / "2%" (en)."""
    try:
        return _babel_percent(value / 100.0, locale=babel_locale(lang), decimal_quantization=False)
    except ArithmeticError:
        return f"{value:.6g} %"


def _compact(value: float, lang: str) -> str:
    """600e9 -> "600 milliards" / "600 billion"; small values in full."""
    if 1_000_000 <= abs(value) < 1e15:
        return format_compact_decimal(value, format_type="long", locale=babel_locale(lang), fraction_digits=2)
    return format_number(value, lang)


def format_money(value: float, currency: str | None, lang: str) -> str:
    """"600 milliards de dollars" / "$600 billion"."""
    currency = (currency or "").upper()
    amount = _compact(value, lang)
    if lang == "fr":
        word = _FR_CURRENCY_WORDS.get(currency) or (
            get_currency_name(currency, count=2, locale="fr") if currency else ""
        )
        if not word:
            return amount
        big = abs(value) >= 1_000_000
        if big:
            return f"{amount} d’{word}" if word[0] in "aeiouyéh" else f"{amount} de {word}"
        return f"{amount} {word}"
    if not currency:
        return amount
    symbol = get_currency_symbol(currency, locale="en_US")
    if len(symbol) == 1:
        return f"{symbol}{amount}"
    return f"{amount} {get_currency_name(currency, count=2, locale='en_US')}"


def format_figure(figure, lang: str, with_qualifier: bool = True) -> str:
    """A figure (anything with kind, value, unit, counted, qualifier) as one phrase in `lang`."""
    kind = getattr(figure, "kind", "")
    value = float(getattr(figure, "value", 0) or 0)
    if kind == "money":
        text = format_money(value, getattr(figure, "unit", None), lang)
    elif kind == "percent":
        text = format_percent(value, lang)
    else:
        text = format_number(value, lang)
        counted = getattr(figure, "counted", None)
        if counted:
            text = f"{text} {counted}"
    qualifier = getattr(figure, "qualifier", None)
    if with_qualifier and qualifier in QUALIFIER_LABELS:
        text = f"{gettext_in(lang)(QUALIFIER_LABELS[qualifier])} {text}"
    return text


@lru_cache(maxsize=8)
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(babel_locale(lang)).territories)


def country_name(code: str, lang: str) -> str:
    """"Finlande" / "Finland" for "FI"; the code itself when babel does not know it."""
    return _territories(lang).get((code or "").upper(), code)


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


def qualifier_label(qualifier: str | None) -> str:
    return _(QUALIFIER_LABELS[qualifier]) if qualifier in QUALIFIER_LABELS else ""


def precision_label(precision: str) -> str:
    return _(PRECISION_LABELS.get(precision, precision))
