"""One translation system for the whole program: gettext catalogs managed with babel.

Catalogs: resources/locale/<lang>/LC_MESSAGES/nato_viewer.po (edited) and .mo (compiled
with `pybabel compile`). `install(lang)` is called once by the composition root (or a CLI
verb); `_` and `ngettext` then translate into that language. English is the source language.
"""

from __future__ import annotations

import gettext as _gettext
import locale as _locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from nato_viewer.core.resources import locale_dir

DOMAIN = "nato_viewer"
LANGUAGES = ("en", "fr")

_state: dict[str, object] = {"lang": "en", "translations": _gettext.NullTranslations()}


def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog for `lang` (a NullTranslations for English or a missing catalog)."""
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[lang], fallback=True)


@lru_cache(maxsize=4)
def gettext_in(lang: str):
    """`_` for one language, whatever language is installed (dates and labels of a briefing in French
    while the interface is in English)."""
    return translations(lang if lang in LANGUAGES else "en").gettext


def install(lang: str) -> str:
    """Make `lang` ("fr" or "en") the language of `_`; returns the language installed."""
    lang = lang if lang in LANGUAGES else "en"
    _state["lang"] = lang
    _state["translations"] = translations(lang)
    return lang


@contextmanager
def use_language(lang: str) -> Iterator[str]:
    """Translate with `lang` inside the block (a briefing's language may differ from the interface's)."""
    previous = current_language()
    installed = install(lang)
    try:
        yield installed
    finally:
        install(previous)


def current_language() -> str:
    return str(_state["lang"])


def system_language() -> str:
    """"fr" when the user's environment asks for French, else "en"."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        loc = _locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "fr" if loc.lower().startswith("fr") else "en"


def _(message: str) -> str:
    return _state["translations"].gettext(message)  # type: ignore[union-attr]


def ngettext(singular: str, plural: str, n: int) -> str:
    return _state["translations"].ngettext(singular, plural, n)  # type: ignore[union-attr]


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (translated later with `_`)."""
    return message
