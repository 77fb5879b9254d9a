"""Speech verbs and attribution phrases, French and English, matched on folded text.

French verbs are matched by stem so that every tense and the inverted forms
("a-t-il déclaré", "avait-elle annoncé", "ajoute-t-il") are covered.
"""

from __future__ import annotations

import re

_FR_STEMS = (
    r"declar\w*|soulign\w*|ajout\w*|estim\w*|affirm\w*|indiqu\w*|conclu\w*|precis\w*|poursuivi\w*|poursuit"
    r"|annonc\w*|expliqu\w*|observ\w*|dit|dire|disait|disent|insist\w*|rappel\w*|assur\w*|reagi\w*"
    r"|ecrit\w*|ecrivait|note|notait|lance|lancait|confi[ea]\w*|repondu|repond\w*|martel\w*|averti\w*|prevenu"
    r"|previent|juge|jugeait|reconnu|reconnai\w*|comment\w*|resum\w*|plaid\w*|felicit\w*|deplor\w*|denonc\w*"
    r"|qualifi\w*|confirm\w*|repet\w*|promis|promet|releve|souhait\w*|exhort\w*|appel\w*|demand\w*|salu\w*"
    r"|reaffirm\w*|temoign\w*|tranch\w*|lach\w*|glisse|glissait|ironis\w*|regrett\w*|avertit|prevenait"
    r"|cite|citee|selon|d'apres|enchain\w*|admis|admet|clame|clamait|proclam\w*|assen\w*|argu\w*|concede"
    r"|martele|souffle|rassur\w*|critiqu\w*|fustig\w*|accus\w*|mis en garde|met en garde"
)

_EN_WORDS = (
    r"said|says|say|saying|added|adds|adding|told|tells|stressed|stresses|noted|notes|stated|declared"
    r"|explained|explains|warned|warns|argued|argues|insisted|insists|emphasi[sz]ed|emphasi[sz]es|underlined"
    r"|underscored|underscores|announced|announces|remarked|wrote|writes|tweeted|posted|commented|continued"
    r"|concluded|observed|affirmed|asserted|believes|welcomed|called|calls|described|urged|pointed out"
    r"|recalled|confirmed|acknowledged|replied|responded|answered|reiterated|highlighted|praised|hailed"
    r"|according to|quoted|cautioned|predicted|promised|pledged|vowed|admitted|claimed|suggested|thanked"
    r"|described|labeled|labelled|dubbed|denounced|condemned|reaffirmed|recalls|putting it"
)

SPEECH_VERB_RE = re.compile(r"(?<![\w-])(?:" + _FR_STEMS + "|" + _EN_WORDS + r")(?![\w])")

# French inverted subject pronoun: "a-t-il déclaré", "ajoute-t-elle", "avait-il annoncé", "dit-il".
FR_INVERTED_RE = re.compile(
    r"(?:-t-|-)(il|elle|ils|elles)\b"
)

# Phrases after which a quotation or a name is attributed ("selon X", "d'après X", "according to X").
ATTRIBUTION_PREP_RE = re.compile(r"\b(?:selon|d'apres|according to|cite par|citee par|quoted by|par)\s*$")

# A quoted term introduced by one of these words is a name or a label, not speech.
LABEL_CUE_RE = re.compile(
    r"(?:(?<!\sa\s)(?<!ont\s)(?<!ait\s)\bdits?\s*$"
    r"|\b(?:surnomme|surnommee|baptise|baptisee|appele|appelee|nomme|nommee|intitule|intitulee|dite|dites"
    r"|so-called|called|named|dubbed|nicknamed|entitled|titled|known as|label|format|operation|exercice|exercise"
    r"|plan d'action|plan|mission|programme|program|initiative|statut|status|projet|project|rapport|report"
    r"|document|doctrine|strategie|strategy|concept|groupe|group|force|forces|hashtag|slogan|mot|word|term|terme"
    r"|theme|motto|devise|campagne|campaign|ceremonie de|ceremony|principles? of|principes?|mantra|maxime?|formula|"
    r"formule|phrase|expression|watchword|mot d'ordre|notion of|notion|idea of|idee)\s*(?:d'|de |du |des |la |le |l'|the )?\s*$"
    r"|\b(?:entitled|titled|intitule|intitulee|named|nomme|nommee|baptise|baptisee)\s*[,:]\s*$)"
)


def has_speech_verb(folded: str) -> bool:
    return SPEECH_VERB_RE.search(folded) is not None
