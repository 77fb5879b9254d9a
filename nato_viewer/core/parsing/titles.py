"""Titles and functions (French and English) that introduce or describe a person.

All entries are folded (lower case, no accents, straight apostrophes) so they
can be matched against `ctx.folded` or `fold_word(token)`.
"""

from __future__ import annotations

import re

from nato_viewer.core.parsing.text import WordSetScan
from nato_viewer.core.parsing.text import trie_regex as trie_pattern


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Single words that are (part of) a title or function. Matching a word of this set right
# before a capitalised name is strong evidence that the name is a person's.
TITLE_WORDS = _words("""
president presidents presidente president-elect vice-president vice-presidente vice
prime premier premiere ministre ministres minister ministers secretary secretaire secretaries
secretary-general secretaire-general general generale generals generaux deputy adjoint adjointe delegue deleguee
chancellor chancelier chanceliere king queen roi reine prince princess princesse emperor empereur pope pape
sultan emir sheikh cheikh ambassador ambassadors ambassadeur ambassadrice envoy envoye envoyee emissary emissaire
senator senators senateur senatrice sen rep reps representative representatives representant representante
congressman congresswoman congressmember depute deputee deputes speaker leader leaders chair chairman chairwoman
chairperson chairs governor gouverneur gouverneure mayor maire commander commanders commandant commandante
admiral amiral colonel col gen lt lieutenant major maj captain capitaine capt sergeant sgt sergent
brigadier marshal marechal corporal caporal officer officier spokesperson spokesman spokeswoman porte-parole
director directeur directrice chief chef cheffe head adviser advisor conseiller conseillere counsellor counselor
commissioner commissaire homologue homologues counterpart counterparts justice judge juge attorney procureur
mr mrs ms dr prof pr sir dame lord lady m mme mmes mlle monsieur madame
mullah mollah mawlawi maulvi qari haji imam ayatollah cardinal archbishop bishop
analyst analyste correspondent correspondant ceo pdg founder fondateur patron dirigeant dirigeante
responsable mp mep eurodepute coordinator coordinateur coordinatrice saceur
""".lower())

# Title words that also head the names of offices, courts and programmes ("Chief of the Civil Division",
# "Justice Act Panel"): after one of these, a name needs more evidence (a known given name).
WEAK_TITLE_WORDS = _words("""
chief chef cheffe head director directeur directrice justice judge juge attorney officer officier chair chairs
deputy adjoint adjointe delegue deleguee leaders responsable patron dirigeant dirigeante analyst analyste
correspondent correspondant founder fondateur ceo pdg coordinator coordinateur coordinatrice counsellor counselor
conseiller conseillere adviser advisor commander commanders commandant commandante major head vice high haut haute
""")

# Abbreviated titles and honorifics written with a final period ("M.", "Sen.", "Col.").
HONORIFIC_ABBREVIATIONS = _words("m mm mme mmes mlle mr mrs ms dr pr prof sen rep gen col lt maj capt cpt sgt adm gov amb hon rt gal cdt")

# Words that may stand between a title word and the name it introduces
# ("le ministre norvégien de la Défense, Frank ..."); anything else (a verb, "que", "who")
# means the title belongs to someone else.
_GAP_BREAKERS = _words("""
a ont avait avaient est sont etait sera fut has have had is was were are be been will would said says
que qui dont quand lorsque alors mais car that who whom which when while but because after before
with avec sans pour par apres avant pendant selon in dans en au aux to from on sur sous for and et
""")


def gap_allows_title(gap_words: list[str]) -> bool:
    """True when the words between a title and a name do not break the link (see _GAP_BREAKERS)."""
    return len(gap_words) <= 7 and not any(w in _GAP_BREAKERS for w in gap_words)


_TITLE_PREFIXES = sorted(_words("""vice deputy former ex acting incoming outgoing next new nouveau nouvelle futur future ancien ancienne
premier first haut haute high supreme chief""")) + ["supreme allied"]
_TITLE_HEADS = sorted(_words("""president presidente president-elect ministre minister secretaire secretary secretary-general
chancelier chanceliere chancellor roi reine king queen ambassadeur ambassadrice ambassador envoye envoy senateur
senatrice senator depute deputee representative speaker leader chair chairman chairwoman chairperson gouverneur
governor maire mayor commandant commander amiral admiral general colonel lieutenant porte-parole spokesperson
spokesman spokeswoman directeur directrice director chef chief head conseiller conseillere adviser advisor
commissaire commissioner homologue homologues counterpart counterparts representant representante responsable
dirigeant dirigeante analyst analyste""")) + [
    "prime minister", "premier ministre", "premiere ministre", "secretaire general", "secretaire generale",
    "secretaire general adjoint", "secretaire generale adjointe", "secretaire general delegue",
    "secretaire generale deleguee", "secretary general", "secretaire d'etat", "high representative",
]

# A title phrase as written before or after a name ("secrétaire général", "Prime Minister"). Folded text.
TITLE_HEAD_RE = re.compile(
    r"\b(?:" + trie_pattern(_TITLE_PREFIXES) + r"[ -])*" + trie_pattern(_TITLE_HEADS) + r"\b"
)
# The same matches, found fast (see WordSetScan).
TITLE_HEAD_SCAN = WordSetScan(TITLE_HEAD_RE, _TITLE_PREFIXES + _TITLE_HEADS)

TITLE_HEAD_MIN_LEN = min(len(h) for h in _TITLE_HEADS)
