"""The gettext catalogs: every shipped language loads, is compiled from its .po, and translates."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from nato_viewer.core import i18n
from nato_viewer.core.resources import locale_dir


def test_french_catalog_translates():
    try:
        i18n.install("fr")
        assert i18n.current_language() == "fr"
        assert i18n._("pledge") == "engagement"
        assert i18n._("end of {year}").format(year=2024) == "fin 2024"
    finally:
        i18n.install("en")
    assert i18n._("pledge") == "pledge"


def test_compiled_catalog_matches_po():
    po_path = locale_dir() / "fr" / "LC_MESSAGES" / "nato_viewer.po"
    mo_path = po_path.with_suffix(".mo")
    with po_path.open("rb") as f:
        po = read_po(f)
    with mo_path.open("rb") as f:
        mo = read_mo(f)
    def key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    po_messages = {key(m.id): key(m.string) for m in po if m.id and m.string and not m.fuzzy}
    mo_messages = {key(m.id): key(m.string) for m in mo if m.id}
    assert po_messages == mo_messages, "run: pybabel compile -d resources/locale -D nato_viewer"


def test_every_marked_string_is_in_the_catalog(tmp_path):
    """The .po is up to date with the code: nothing marked with _() is missing a French translation."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_", "-k", "N_",
         "-k", "ngettext:1,2", "-o", str(pot), "nato_viewer"],
        check=True, capture_output=True, cwd=locale_dir().parents[1],
    )
    with pot.open("rb") as f:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    with (locale_dir() / "fr" / "LC_MESSAGES" / "nato_viewer.po").open("rb") as f:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id and m.string and not m.fuzzy}
    missing = sorted(wanted - have)
    assert not missing, f"untranslated strings (pybabel update, then translate): {missing[:20]}"
