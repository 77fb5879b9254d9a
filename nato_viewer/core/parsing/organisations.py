"""Named organisations: NATO bodies and commands, the EU and UN and their organs, ministries, groups.

Known bodies come from a lexicon of canonical names with their French and
English forms and acronyms; other bodies are found by their head noun
("Ministry of ...", "Conseil ...", "... Committee").
"""

from __future__ import annotations

import re

from nato_viewer.core.model import Mention, Organisation
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.text import WordSetScan
from nato_viewer.core.parsing.titles import trie_pattern

# canonical name -> folded surface forms (longest forms are tried first)
_KNOWN: dict[str, tuple[str, ...]] = {
    "North Atlantic Council": ("north atlantic council", "conseil de l'atlantique nord", "nac"),
    "NATO-Ukraine Council": ("nato-ukraine council", "conseil otan-ukraine", "ukraine-nato council"),
    "NATO-Ukraine Commission": ("nato-ukraine commission", "commission otan-ukraine"),
    "NATO-Russia Council": ("nato-russia council", "conseil otan-russie"),
    "NATO Military Committee": ("military committee", "comite militaire"),
    "Nuclear Planning Group": ("nuclear planning group", "groupe des plans nucleaires"),
    "SHAPE": ("shape", "supreme headquarters allied powers europe", "grand quartier general des puissances alliees en europe"),
    "Allied Command Operations": ("allied command operations", "commandement allie operations"),
    "Allied Command Transformation": ("allied command transformation", "commandement allie transformation"),
    "NATO Parliamentary Assembly": ("nato parliamentary assembly", "assemblee parlementaire de l'otan"),
    "NATO Response Force": ("nato response force", "force de reaction de l'otan", "nrf"),
    "ISAF": ("international security assistance force", "force internationale d'assistance a la securite", "isaf", "fias"),
    "KFOR": ("kfor",),
    "NATO": ("north atlantic treaty organization", "north atlantic treaty organisation",
             "organisation du traite de l'atlantique nord", "nato", "otan"),
    "European Union": ("european union", "union europeenne", "eu", "ue"),
    "European Commission": ("european commission", "commission europeenne"),
    "European Council": ("european council", "conseil europeen"),
    "European Parliament": ("european parliament", "parlement europeen"),
    "United Nations": ("united nations", "nations unies", "onu", "un"),
    "UN Security Council": ("security council", "conseil de securite"),
    "OSCE": ("osce", "organization for security and co-operation in europe",
             "organisation pour la securite et la cooperation en europe"),
    "G7": ("g7", "group of seven", "groupe des sept"),
    "G20": ("g20",),
    "Bucharest Nine": ("bucharest nine", "b9", "neuf de bucarest"),
    "Ukraine Defense Contact Group": ("ukraine defense contact group", "ukraine defence contact group",
                                      "groupe de contact pour la defense de l'ukraine"),
    "White House": ("white house", "maison blanche", "maison-blanche"),
    "Pentagon": ("pentagon", "pentagone"),
    "Kremlin": ("kremlin",),
    "US Department of Defense": ("department of defense", "departement de la defense"),
    "US Department of State": ("state department", "department of state", "departement d'etat"),
    "US Senate": ("senate", "senat americain"),
    "US Congress": ("congress",),
    "Taliban": ("taliban", "talibans"),
    "Afghan National Security Forces": ("afghan national security forces",),
    "Afghan National Army": ("afghan national army",),
    "Afghan National Police": ("afghan national police",),
    "AFP": ("afp",),
    "Reuters": ("reuters",),
}

# Acronyms that are only organisations when written in capitals.
_CASE_SENSITIVE = {"un", "eu", "ue", "shape", "nac", "nrf", "b9"}

_FORMS = sorted(((form, name) for name, forms in _KNOWN.items() for form in forms), key=lambda x: -len(x[0]))
_KNOWN_RE = re.compile(r"\b(?<!-)" + trie_pattern([f for f, _ in _FORMS]) + r"(?![\w-])")
_FORM_TO_NAME = {f: n for f, n in _FORMS}
_KNOWN_SCAN = WordSetScan(_KNOWN_RE, _FORM_TO_NAME)

# The word boundary is tested after each head's capital, "M(?<!\wM)inistry" for "\bMinistry": a pattern that
# opens with these few capitals lets the regex engine skip straight to them.
_GENERIC_RE = re.compile(
    r"(?:M(?<!\wM)inistry|M(?<!\wM)inist[eè]re|D(?<!\wD)epartment|D(?<!\wD)[ée]partement|A(?<!\wA)gency"
    r"|A(?<!\wA)gence|O(?<!\wO)ffice|C(?<!\wC)ommission|C(?<!\wC)ommittee|C(?<!\wC)omit[ée]|C(?<!\wC)ouncil"
    r"|C(?<!\wC)onseil)(?: (?:of|for|de|des|du|de la|de l'|d')\s?[A-ZÉÈ][\w'’-]*(?: (?:and|et|of|de|des|du)?\s?"
    r"[A-ZÉÈ][\w'’-]*){0,4})"
)
# Its matches start at one of these words (folded): found from the words of the text (see WordSetScan).
_GENERIC_SCAN = WordSetScan(_GENERIC_RE, ["ministry", "ministere", "department", "departement", "agency", "agence",
                                          "office", "commission", "committee", "comite", "council", "conseil"])


def find_organisations(ctx: ParseContext) -> list[Organisation]:
    found: dict[str, Organisation] = {}
    scan, folded, text = ctx.scan, ctx.folded, ctx.text
    taken: list[tuple[int, int]] = []
    for m in _KNOWN_SCAN.finditer(folded, ctx.body_start):
        form = m.group(0)
        s, e = m.start(), m.end()
        if form in _CASE_SENSITIVE and not scan[s:e].isupper():
            continue
        name = _FORM_TO_NAME[form]
        org = found.setdefault(name, Organisation(name))
        org.mentions.append(Mention(text[s:e], (s, e)))
        taken.append((s, e))
    for m in _GENERIC_SCAN.finditer(folded, ctx.body_start, text=scan):
        s, e = m.start(), m.end()
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        name = " ".join(text[s:e].split())
        org = found.setdefault(name, Organisation(name))
        org.mentions.append(Mention(text[s:e], (s, e)))
    return list(found.values())
