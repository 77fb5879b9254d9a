"""Roles of the states a text names: pledging, recipient, host or mentioned.

Rules over French and English wording, read in the sentence around each mention:
- pledging: the state is the agent of a pledge verb or noun ("le Canada livrera", "X will provide",
  "annonces de soutien de la part de X", "X's contributions", "U.S. assistance"), leads a giving group
  ("sous la direction des États-Unis"), or signs a joint statement whose "we" pledges;
- recipient: the state receives that support ("à l'Ukraine", "to Ukraine", "support for Ukraine");
- host: an event takes place there ("à Vilnius", "Vilnius Summit", a dateline, forces "in Poland");
- mentioned: anything else.
Coordinated mentions ("du Canada, de la Finlande et de la Norvège") share the role of their list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.country_lexicon import ADJ, CITY, NAME, SEAT
from nato_viewer.core.parsing.text import (
    ascii_forms,
    at_word_start,
    boundary_words,
    by_first_letter,
    sentence_at,
    shorten,
    split_alternatives,
    trie_regex,
)


@dataclass
class Hit:
    """One gazetteer match and the role read at it."""

    code: str
    start: int
    end: int
    kind: str
    role: str = "mentioned"
    pledged: str | None = None


# --- vocabulary (folded: lower case, no accents) -------------------------------------------------


def _at_word_start(alternatives: str) -> str:
    r"""`\b(?:alternatives)` written so a search skips to the first letters (see text.at_word_start)."""
    return at_word_start(split_alternatives(alternatives))


# Verbs and nouns by which a state gives support. Strong ones make a pledge on their own.
_STRONG = (
    r"provid\w*|deliver\w*|pledg\w*|donat\w*|contribut\w*|suppl(?:y|ie[sd]|ying)|send(?:s|ing)?|sent|"
    r"fund(?:s|ed|ing)?|financ\w*|deploy\w*|dispatch\w*|transferr?\w*|allocat\w*|gave|give[sn]?|giving|"
    r"offer(?:s|ed|ing)?|station(?:s|ed|ing)|packages?|assistance|aid|"
    r"fourni\w*|livr(?:e|er|ee?s?|ent|era|erai|eront|ait|aient|ant|aison|aisons)|contribu\w*|"
    r"promet\w*|promis|promesses?|debloqu\w*|deploi\w*|deploy\w*|envo[iy]\w*|enverr\w*|offr\w*|offert\w*|"
    r"dons?|octroi\w*|octroy\w*|mis(?:e|es)? a disposition|mettr\w* a disposition|"
    r"enveloppe|annonces? de soutien|aide militaire|aide financiere|assistance militaire"
)
# Support words that make a pledge only with a named receiver.
_WEAK = (
    r"support(?:s|ed|ing)?|soutien\w*|soutenir|soutient|soutiendr\w*|appui\w*|help(?:s|ed|ing)?|"
    r"aid(?:e|er|es|ent|era)|commit(?:s|ted|ting|ment|ments)?|engag\w*|initiative|assist(?:s|ed|ing)?"
)


# Strong words first, as one alternation: a match is strong exactly when a strong alternative matches its
# text (the first alternative that fits is taken), which _triggers reads back once per word.
_TRIGGER_RE = re.compile(r"\b" + by_first_letter(_STRONG + "|" + _WEAK) + r"\b")
_STRONG_RE = re.compile(_STRONG)


def _literal_prefix(alternative: str) -> str:
    """The characters every match of a regex alternative opens with: "suppl" for "suppl(?:y|ie[sd])"."""
    out: list[str] = []
    for ch in alternative:
        if ch in "\\[(.^$|+":
            break
        if ch in "?*{":  # the character before is optional or repeated
            out.pop()
            break
        out.append(ch)
    if not out:
        raise ValueError(f"alternative {alternative!r} opens with no literal")
    return "".join(out)


# Where a pledge word can start in the word-start bytes of the folded text (see ascii_forms): after a
# space, the opening of an alternative with its characters other than a-z and 0-9 made spaces.
_TRIGGER_STARTS = re.compile(rb" (?=" + trie_regex(sorted(
    {re.sub(r"[^a-z0-9]", " ", _literal_prefix(alt)) for alt in split_alternatives(_STRONG + "|" + _WEAK)}
)).encode() + rb")")
_STRONG_WORDS: dict[str, bool] = {}

# Wording that turns a sentence away from a pledge: exercises, one's own defence spending, accession,
# purely political reaffirmations, hostile acts.
_NOT_PLEDGE_RE = re.compile(_at_word_start(
    r"exercis\w*|exercice\w*|manoeuvres?|own defen[cs]e|propre defense|reaffirm\w*|reaffirme\w*|"
    r"reitere\w*|reiterat\w*|accession|adhesion|ratif\w*|membership|"
    r"applications?|candidature|candidacy|defen[cs]e spending|depenses de defense|gdp|pib|oppos\w*|refus\w*|"
    r"withh[eo]ld\w*") + r"\b"
)
# Hostile acts: near the state, they make it an aggressor, not a giver ("Russian deployments", "arms
# transfers from the DPRK to Russia").
_HOSTILE_RE = re.compile(
    r"\b(?:aggression|agression|invasion|attack\w*|attaqu\w*|frappes?|strikes?|war|guerre|machine de guerre|"
    r"threat\w*|menace\w*|arms transfers|condamn\w*|condemn\w*|denonc\w*|illegal\w*|illegitim\w*|unlawful|"
    r"terror\w*|proxy|proxies|militias?|milices?|regime|compensation|reparation\w*|sanction\w*|accountab\w*)\b"
)

# Prepositions that make the following state a receiver of support.
_TO_RE = re.compile(
    _at_word_start(r"to|for|towards|a|au|aux|pour|envers|en faveur d[eu']?|au profit d[eu']?|aupres d[eu']?") + r"\s*"
    r"(?:the |la |le |les |l')?$"
)
_SECURITY_OF_RE = re.compile(
    _at_word_start(r"securite|security|defen[cs]e|souverainete|sovereignty|people|peuple|population|needs|besoins|"
                r"capabilities|capacites|resilience|reforms|reformes") + r"\s+(?:of|de|du|des|d')\s*"
    r"(?:the |la |le |les |l')?$"
)
# Immediately before a state that receives: "support Ukraine", "soutenir l'Ukraine", "aider les forces armées".
_OBJECT_VERBS = (
    r"support(?:s|ed|ing)?|help(?:s|ed|ing)?|assist(?:s|ed|ing)?|arm(?:s|ed|ing)?|equip(?:s|ped|ping)?|"
    r"train(?:s|ed|ing)?|soutenir|soutient|soutiennent|soutiendr\w*|aider|aident|aidera\w*|armer|equiper|former"
)
_OBJECT_RE = re.compile(_at_word_start(_OBJECT_VERBS) + r"\s+(?:the |la |le |les |l')?$")
# Verbs whose first object, a state's name right after them, receives what follows: "provide Poland with".
# (Not after an adjective: "send French troops" gives nothing to France.)
_FIRST_OBJECT_RE = re.compile(
    _at_word_start(r"provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|give[sn]?|gave|giving|send(?:s|ing)?|sent|"
                   r"offer(?:s|ed|ing)?|grant(?:s|ed|ing)?") + r"\s+(?:the )?$"
)
# What follows such a receiver: "with", or the thing given (not a noun the name qualifies: "send U.S. jets").
_SECOND_OBJECT_RE = re.compile(
    r"\s*(?:with|what|everything|more|additional|further|new|a|an|the|some|its|their|up to|over|about|several|many|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens|hundreds|thousands|millions|billions)\b"
    r"|\s*[$€£\d]")
_OBJECT_ADJ_RE = re.compile(r"\b(?:" + _OBJECT_VERBS + r")\s+(?:the |la |le |les |l'|des )?(?:\w+\s+){0,2}$")
# Words that make the next state the agent of a pledge word before it ("de la part du Canada", "by Norway").
_AGENT_BEFORE_RE = re.compile(
    r"(?:\b(?:by|from|de la part d[eu']?|par)\s*(?:the |la |le |les |l')?)$"
)
# "from X" names a giver only after what is given ("support from Norway"), not after a verb ("shipments
# delivered from the DRC").
_GIFT_NOUN_RE = re.compile(r"contributions?|pledges?|donations?|aid|assistance|funding|packages?|dons?|promesses?")
def _agent_follows_gift(agent: str, before: str, trigger: str) -> bool:
    """"support from Norway", "the aid provided by Canada", "de la part du Canada"; not "requests by Ukraine"."""
    word = agent.split()[0] if agent.split() else ""
    if word == "from":
        return bool(_GIFT_NOUN_RE.fullmatch(trigger))
    if word in ("by", "par"):
        prev = before.split()[-1] if before.split() else ""
        participle = r"\w+(?:ed|en|wn|ght|ent)" if word == "by" else r"\w+(?:e|es|ee|ees|i|is|ie|ies|ert|erts|ait|aits)"
        return bool(_GIFT_NOUN_RE.fullmatch(prev) or re.fullmatch(participle, prev))
    return True


# Leadership of a giving group: "sous la direction des États-Unis", "led by the United States".
_LEAD_BEFORE_RE = re.compile(
    r"(?:\b(?:sous la direction d[eu']?s?|sous l'egide d[eu']?s?|led by|under the leadership of|"
    r"a l'initiative d[eu']?s?|at the initiative of|pilote par|dirige par)\s*(?:the |la |le |les |l')?)$"
)


def _has_lead_words(lw: str) -> bool:
    """Whether `lw` holds words without which _LEAD_BEFORE_RE cannot match (cheaper than the search)."""
    return ("led by" in lw or "direction d" in lw or "egide d" in lw or "leadership of" in lw
            or "initiative" in lw or "pilote par" in lw or "dirige par" in lw)


_GIVING_GROUP_RE = re.compile(boundary_words(r"contact group|groupe de contact|coalition") + r"\b")
# Prepositions that place an event in a country or city.
_IN_RE = re.compile(
    _at_word_start(r"in|at|a|au|aux|en|near|pres d[e'u]|hosted by|accueilli\w* par") + r"\s*(?:the |la |le |les |l')?$")
_HOST_AFTER_RE = re.compile(
    r"^(?:'s)?\s*(?:summit|sommet|ministerial|(?:[^.;:!?\n]{0,45}?\b)?(?:will host|hosts|hosted|is hosting|"
    r"accueille|accueillera|accueillent|a accueilli|host country|host nation|pays hote))\b")
_HOST_BEFORE_RE = re.compile(
    _at_word_start(r"sommet|summit|reunion|conference|ministerielle|rencontre") + r"\s*(?:de l'otan |of nato |de l'alliance )?"
    r"(?:de |d'|du |des |in |at |a |en |au |aux )(?:la |le |les |l'|the )?$"
)


def _has_meeting_noun(lw: str) -> bool:
    """Whether `lw` holds a noun without which _HOST_BEFORE_RE cannot match (cheaper than the search)."""
    return ("sommet" in lw or "summit" in lw or "reunion" in lw or "conference" in lw or "ministerielle" in lw
            or "rencontre" in lw)


# "NATO Leaders' Meeting London 2019": an event name followed by its city.
_EVENT_CITY_RE = re.compile(r"\b(?:summit|meeting|conference|ministerial|sommet|reunion|conference)\s+$")
# Event or stationing words that make "in X" / "en X" a host rather than a passing place.
_PLACE_EVENT_RE = re.compile(r"\b" + by_first_letter(
    r"summit|sommet|meeting|reunion|conference|visit\w*|visite|talks|held|tenu\w*|se tiendra|se tient|"
    r"gathered|reunis|reunies|forces?|troops|troupes|soldats|soldiers|battle ?groups?|groupements?|"
    r"deploy\w*|deploi\w*|station\w*|based|bases?|centre|center|mission|headquarters|quartier\w*|"
    r"hosting|host|accueill\w*|ceremony|ceremonie|operation\w*|presence|rotation\w*|destroyers?|"
    r"exercis\w*|exercice\w*|command\w*|airbase|air base|signed|signe|signature|squadrons?|escadrons?|"
    r"met|meet|attendu\w*|expected|arriv\w*|travel\w*|se rend\w*|tournee|tour|trip|deplacement|gather\w*"
) + r"\b")
# A diplomatic post names where it stands, not where something happens: "the U.S. Embassy in Kyiv",
# "l'ambassade de France à Kyiv".
_POST_IN_RE = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?|ambassades?|consulats?|ambassadors?|ambassadeur|ambassadrice)\s+"
    r"(?:[\w'.-]+\s+){0,3}?(?:in|at|to|a|en|au|aux)\s*(?:the |la |le |les |l')?$"
)
_WAR_BEFORE_RE = re.compile(
    r"\b(?:war|guerre|invasion|aggression|agression|conflict|conflit|attack|attaque|crisis|crise|violence)\s+"
    r"(?:\w+\s+){0,2}$"
)
_GAP_RE = re.compile(
    r"^\s*(?:(?:,|;|/|\band\b|\bet\b|\bor\b|\bou\b|&|\bas well as\b|\bainsi que\b)\s*)+"
    r"(?:the |la |le |les |l'|du |de la |de l'|des |d'|de |a l'|a la |au |aux |a |to |in |en )?$"
)
# Between a subject and its pledge verb: auxiliaries, adverbs, "and our Allies", a short apposition.
_AUX = (
    r"will|would|shall|can|could|must|has|have|had|is|are|was|were|be|been|also|further|already|today|now|"
    r"jointly|together|continue[sd]?|continuing|to|plans?|planned|intends?|intended|agreed|decided|announced|"
    r"pledged|committed|remains?|stand|stands|ready|officially|formally|recently|just|newly|each|both|"
    r"a|ont|avait|avaient|va|vont|sont|est|s'est|se|sont|aussi|egalement|deja|continue|continuera|continuent|"
    r"continueront|de|d'|a decide|decide|annonce|a annonce|ont annonce|prevoit|compte|entend|pret|prete|"
    r"encore|ainsi|notamment|bien|recemment|lui-meme|elle-meme|that|qu'il|qu'elle|would|has been|is to|"
    r"soon|prochainement|bientot|vient de|viennent de|d'ores et deja|\w+ment|\w+ly|apport\w*|extend\w*"
)
_SUBJECT_GAP_RE = re.compile(
    r"^(?:'s?\s+(?:government|gouvernement|president|prime minister|leaders?)\s*)?"
    r"(?:\s*,[^,;:.()]{0,80},)?\s*"
    r"(?:(?:and|et|,)\s+(?:our |its |other |the |les |ses |d'autres |leurs )?(?:nato )?(?:allies|partners|"
    r"partenaires)(?: and partners| et partenaires)?\s+)?"
    r"(?:(?:" + _AUX + r")\s+)*"
    r"(?:(?:the|a|an|un|une|des|du|de|le|la|les|new|additional|nouvel\w*|supplementaire\w*|further|more|"
    r"its|their|son|sa|ses|leur|leurs)\s+|l'|d')*$"
)
_CLAUSE_BREAK_RE = re.compile(r"[;:!?]|\.\s|\b(?:which|who|whose|while|whereas|qui|dont|tandis que|alors que)\b")
_PLEDGE_NOUN_AFTER_RE = re.compile(
    r"^(?:'s?)?\s*(?:\w+\s+)?(?:contributions?|pledges?|donations?|assistance|aid|funding|deliveries|"
    r"package|initiative|security assistance|military aid)\b"
)
_PLEDGE_NOUN_BEFORE_RE = re.compile(
    r"\b(?:contributions?|initiative|aide|dons?|livraisons?|promesses?|annonces?|financement|enveloppe|offre|"
    r"assistance|envoi|deploiement|sending|deployment)\s+(?:[\w.,']+\s+){0,3}$"
)
_ADJECTIVAL_NAMES = {"U.S.", "US", "U.K.", "UK", "USA", "EU"}
# "We encourage China to support ...": the state is asked, it does not give.
_ASKED_RE = re.compile(
    r"\b(?:encourag\w*|urg\w*|call(?:s|ed)? (?:on|upon)|ask\w*|invit\w*|press\w*|appel\w* |exhort\w*|"
    r"demand\w* a|incit\w*|enjoin\w*)\s*(?:the |la |le |les |l')?$")
# A state named at the head of its clause ("Outre le fait que les Pays-Bas ont signé ...").
_CLAUSE_HEAD_RE = re.compile(r"(?:^|[,;:(]|\b(?:que|qu'|that|and|et|but|mais|while|alors que))\s*(?:the |la |le |les |l')?$")
# Verbs by which a state takes on a pledge named by a noun ("ont signé un accord ... d'assistance militaire").
_AGREE_VERB_RE = re.compile(
    r"\b(?:sign(?:s|ed)?|signe\w*|announc(?:es|ed)|annonc[ee]\w*|approv(?:es|ed)|unveil(?:s|ed)|devoil\w*|"
    r"adopt(?:s|ed|e|ee|ent)|agreed|conclu|conclu[et]\w*|launch(?:es|ed)|lanc[ee]\w*|made|fait|took|"
    r"mobilis[ee]\w*|mobiliz(?:es|ed)|provid(?:es|ed)|fourni[st]?|engag[ee]\w*|commit(?:s|ted)|"
    r"decid(?:es|ed)|decid[ee]\w*|promis|promet\w*|pledg(?:es|ed))\b")
# Government words that make a demonym the agent ("le gouvernement néerlandais", "the Dutch government").
_GOV_BEFORE_RE = re.compile(
    r"\b(?:gouvernement|executif|autorites|president|premier ministre|chancelier|ministre(?: de la defense| des "
    r"affaires etrangeres| des armees)?)\s*$")
_GOV_AFTER_RE = re.compile(r"^\s*(?:government|authorities|administration|president|prime minister|chancellor|"
                           r"defen[cs]e minister|foreign minister|leaders?)\b")
_THANK_RE = re.compile(boundary_words(
    r"thank\w*|remerci\w*|salu\w*|commend\w*|prais\w*|felicit\w*|grateful|reconnaissant\w*|"
    r"hommage"
) + r"\b")
# Participants of a joint statement or meeting: "the Leaders of Canada, ..., and the United States".
_PARTICIPANTS_BEFORE_RE = re.compile(
    r"(?:^|[.;:]|\b(?:today|we|nous|aujourd'hui|ce \w+)\b)\s*,?\s*(?:the |les )?"
    r"(?:leaders|heads of state and government|dirigeants|chefs d'etat et de gouvernement|signatories|"
    r"signataires)\s+(?:of|de|des|du)\s*:?\s*(?:the |la |le |les |l')?$"
)
# The sentence naming the participants says they speak together.
_JOINT_RE = re.compile(r"\b(?:we|nous|statement|declaration|released|issued|signed|endorsed|publie\w*|sign\w*|adopt\w*)\b")
_TITLE_OF_RE = re.compile(
    r"\b(?:president|prime minister|chancellor|king|defen[cs]e minister|foreign minister|minister)\s+[\w .'-]{0,60}?"
    r"\bof\s+(?:the )?$"
)
# "\b(?:leaders|dirigeants|signed|...)": the word boundary is tested after the first letter, so the
# pattern starts with literals and the regex engine skips fast to their first letters.
_TABLE_CUE_RE = re.compile(
    r"(?:l(?<!\wl)eaders|d(?<!\wd)irigeants|s(?<!\ws)(?:igned|igne|ignataires|ignatories)|e(?<!\we)ndorsed)\b"
    r"[^\n]{0,60}:[ \t]*$", re.M)
_EVENT_AGENT_WORDS = re.compile(boundary_words(r"met|meet|meeting|reunion|rencontre|call|appel|statement|declaration") + r"\b")
# First person plural of a joint statement or a readout ("We offer our full support", "each pledged").
_STRONG_VERBS = (
    r"provid\w*|deliver\w*|pledg\w*|donat\w*|contribut\w*|suppl(?:y|ie[sd]|ying)|send|sent|fund\w*|"
    r"deploy\w*|offer\w*|commit\w* to (?:provid\w*|support\w*|send\w*|deliver\w*)|gave|give|"
    r"(?:intend|continue|will|pledged|agreed) to support|fourni\w*|livr\w*|promet\w*|promis|envoy\w*|"
    r"enverr\w*|offr\w*|deploy\w*|deploi\w*|debloqu\w*|contribu\w*|(?:entend|entendons|continuer\w*) (?:a )?soutenir"
)
_WE_PLEDGE_RE = re.compile(  # \b(?:we|they|the leaders|...)\b, the boundary tested after the first letter
    r"(?:w(?<!\ww)e|t(?<!\wt)(?:hey|he leaders)|l(?<!\wl)(?:eaders|es dirigeants)|e(?<!\we)ach|n(?<!\wn)ous|"
    r"i(?<!\wi)ls|c(?<!\wc)hacun)\b"
    r"[^.;:\n]{0,50}?\b(?:" + _STRONG_VERBS + r")\b"
)


# --- roles ----------------------------------------------------------------------------------------


class _Group:
    """Coordinated mentions, the sentence around them and a window of flat text either side."""

    __slots__ = ("hits", "s", "e", "left", "right", "start", "end", "kinds", "triggers")

    def __init__(self, hits: list[Hit], s: int, e: int, left: str, right: str) -> None:
        self.hits = hits
        self.s, self.e = s, e  # sentence bounds
        self.left, self.right = left, right
        self.start, self.end = hits[0].start, hits[-1].end
        self.kinds = {hits[0].kind} if len(hits) == 1 else {h.kind for h in hits}
        self.triggers: list[tuple[int, int, bool]] | None = None  # see _group_triggers


_WINDOW = 240
_SPAN = 600


def _flat(ctx: ParseContext) -> str:
    """The folded text with line breaks as spaces: rules read across the wrapped lines of a paragraph."""
    flat = ctx._cache.get("country_flat")
    if flat is None:
        flat = ctx._cache["country_flat"] = ctx.folded.replace("\n", " ")
    return flat


def _groups(ctx: ParseContext, hits: list[Hit]) -> list[_Group]:
    """Coordinated mentions: "Canada, Finland and Norway", "du Canada, de la Finlande et de la Norvège"."""
    folded, sentences, flat = ctx.folded, ctx.sentences, _flat(ctx)
    runs: list[list[Hit]] = []
    for h in hits:
        if runs:
            last = runs[-1][-1]
            if last.end <= h.start <= last.end + 40 and _GAP_RE.match(folded[last.end:h.start]) \
                    and "\n" not in folded[last.end:h.start]:
                runs[-1].append(h)
                continue
        runs.append([h])
    groups = []
    for run in runs:
        start, end = run[0].start, run[-1].end
        idx = sentence_at(sentences, start)
        if idx >= 0:
            s, e = sentences[idx]
            # A run-on "sentence" (a table, a list without periods) is read only near the mention.
            s, e = max(s, start - _SPAN), min(max(e, end), end + _SPAN)
        else:
            s, e = max(0, start - 200), min(len(folded), end + 200)
        # Rules read a few words either side: bounded windows keep long paragraphs cheap.
        left = flat[s if s > start - _WINDOW else start - _WINDOW:start]
        right = flat[end:e if e < end + _WINDOW else end + _WINDOW]
        groups.append(_Group(run, s, e, left, right))
    return groups


def assign_roles(ctx: ParseContext, hits: list[Hit]) -> None:
    groups = _groups(ctx, hits)
    roles: list[tuple[str, str | None] | None] = [None] * len(groups)
    for i, g in enumerate(groups):
        if _is_host(ctx, g):
            roles[i] = ("host", None)
        elif _is_recipient(ctx, g):
            roles[i] = ("recipient", None)
    receivers = [g.start for g, r in zip(groups, roles) if r and r[0] == "recipient"]
    for i, g in enumerate(groups):
        if roles[i] is None:
            roles[i] = _pledging(ctx, g, receivers, hits) or _place(g) or ("mentioned", None)
    _participants(ctx, groups, roles)
    for g, (role, pledged) in zip(groups, roles):
        for h in g.hits:
            h.role, h.pledged = role, pledged


def _is_host(ctx: ParseContext, g: _Group) -> bool:
    folded = ctx.folded
    # Dateline: "BRUXELLES (Belga) –", "KABUL, Afghanistan (Oct. 6, 2010) -" at a paragraph start.
    line_start = folded.rfind("\n", max(0, g.start - 12), g.start) + 1
    kinds = g.kinds
    placed = CITY in kinds or SEAT in kinds
    if placed and (line_start or g.start < 12) and not folded[line_start:g.start].strip(" #*_>") \
            and _dateline_tail(folded, g.end):
        return True
    lw = g.left[-80:]
    # A place line: "Brussels, Belgium" alone on its line, or closing a title ("... | Vilnius, Lithuania").
    if placed:
        line_end = folded.find("\n", g.end, g.end + 80)
        tail = folded[g.end:line_end if line_end >= 0 else min(len(folded), g.end + 80)]
        head = folded[max(line_start, g.start - 200):g.start] if line_start else folded[max(0, g.start - 200):g.start]
        if not tail.strip(" .") and (not head.strip(" #*_>") or head.rstrip().endswith(("|", "-", "—"))):
            return True
        if CITY in kinds and _EVENT_CITY_RE.search(lw):
            return True
    # Venue: "sommet de Vilnius", "Vilnius Summit", "the United States is hosting". The meeting nouns
    # first: every match holds one, and most windows none.
    if _has_meeting_noun(lw) and _HOST_BEFORE_RE.search(lw):
        return True
    right = g.right[:80]
    # Every word _HOST_AFTER_RE can end on holds one of these: a cheap test first.
    return ("host" in right or "summit" in right or "sommet" in right or "ministerial" in right
            or "accueill" in right or "pays hote" in right) and _HOST_AFTER_RE.match(right) is not None


def _place(g: _Group) -> tuple[str, None] | None:
    """"à Vilnius", "in Brussels"; "en Pologne" / "in Poland" when the sentence places forces or an event there."""
    lw = g.left[-80:]
    if not _IN_RE.search(lw) or _WAR_BEFORE_RE.search(lw) or _POST_IN_RE.search(lw):
        return None
    sentence = g.left + g.right
    if CITY in g.kinds or (SEAT in g.kinds and _PLACE_EVENT_RE.search(sentence)):
        return ("host", None)
    if NAME in g.kinds and _PLACE_EVENT_RE.search(sentence):
        return ("host", None)
    return None


def _dateline_tail(folded: str, end: int) -> bool:
    """A dateline is short: the place, an agency or a date, then a dash or the text."""
    tail = folded[end:end + 80]
    return bool(re.match(r"^\s*(?:,\s*[\w .'-]{2,40})?\s*(?:\([^)\n]{0,40}\))?\s*[-–—:,]", tail)) or bool(
        re.match(r"^\s*\([^)\n]{0,40}\)", tail)
    )


def _triggers(ctx: ParseContext, s: int, e: int) -> list[tuple[int, int, bool]]:
    """The matches of _TRIGGER_RE.finditer(flat[s:e]) as (start, end, strong), offsets in the text.

    A search tries the pattern at every character; it can only match at the start of the slice or at
    a word start that opens like one of its words, and the word-start bytes of the document give those
    places in one literal-led scan. The pattern is then tried there, in order and without overlaps, as
    finditer does. (A character that is no word character is no a-z or 0-9 either, so a word start of
    the slice is a space in the bytes, and the flat text differs from the folded one only by line breaks,
    which are spaces there too.)
    """
    sentence = _flat(ctx)[s:e]
    data = ascii_forms(ctx.folded)[1]
    match = _TRIGGER_RE.match
    found = []
    last = 0
    for pos in [0, *(m.end() - s for m in _TRIGGER_STARTS.finditer(data, s, e))]:
        if pos < last:
            continue
        m = match(sentence, pos)
        if m is None:
            continue
        word = m.group()
        strong = _STRONG_WORDS.get(word)
        if strong is None:
            strong = _STRONG_WORDS[word] = _STRONG_RE.fullmatch(word) is not None
        found.append((m.start() + s, m.end() + s, strong))
        last = m.end()
    return found


def _sentence_triggers(ctx: ParseContext, s: int, e: int) -> list[tuple[int, int, bool]]:
    """Pledge words of one sentence, found once however many states it names."""
    cache = ctx._cache.setdefault("country_triggers", {})
    key = (s, e)
    if key not in cache:
        cache[key] = _triggers(ctx, s, e)
    return cache[key]


def _group_triggers(ctx: ParseContext, g: _Group) -> list[tuple[int, int, bool]]:
    """The pledge words of the group's sentence, kept on the group: several rules read them."""
    triggers = g.triggers
    if triggers is None:
        triggers = g.triggers = _sentence_triggers(ctx, g.s, g.e)
    return triggers


def _sentence_has(ctx: ParseContext, pattern: re.Pattern, s: int, e: int) -> bool:
    """Whether `pattern` occurs in the flat text [s, e): read once per sentence, however many groups it holds."""
    cache = ctx._cache.setdefault("country_sentence_has", {})
    key = (pattern, s, e)
    found = cache.get(key)
    if found is None:
        found = cache[key] = pattern.search(_flat(ctx)[s:e]) is not None
    return found


def _is_recipient(ctx: ParseContext, g: _Group) -> bool:
    """"livrer des drones à l'Ukraine", "support for Ukraine", "aider l'Ukraine", "the security of Sweden"."""
    lw = g.left[-60:]
    first = g.hits[0]
    if _OBJECT_RE.search(lw) or (first.kind == ADJ and _OBJECT_ADJ_RE.search(lw)):
        return True
    if first.kind == NAME and _FIRST_OBJECT_RE.search(lw) and _SECOND_OBJECT_RE.match(g.right):
        return True  # "provide Poland with missiles", "sent Ukraine $2 billion", "give Ukraine the support"
    # Otherwise a pledge word must come before it in the sentence: most groups have none, and the
    # sentence's pledge words are read once for all its groups (the pledging rules read them too).
    before = [t for t in _group_triggers(ctx, g) if t[1] <= g.start]
    if not before:
        return False
    if first.kind == ADJ:
        # "to Ukrainian forces", "à l'armée ukrainienne", "for vulnerable Palestinians": a demonym receives
        # through its people or forces, or as a plural noun for the people.
        noun_before = _BODY_NOUN_BEFORE_RE.search(lw)
        plural = ctx.text[g.hits[-1].end - 1:g.hits[-1].end] == "s"
        if not (noun_before or plural or _BODY_NOUN_AFTER_RE.match(g.right)):
            return False
        if noun_before:
            lw = lw[:noun_before.start()]
        # Up to two adjectives between the preposition and the people: "for vulnerable Palestinians".
        lw = _LEADING_ADJECTIVES_RE.sub(r"\1", lw)
    if not (_TO_RE.search(lw) or _SECURITY_OF_RE.search(lw)):
        return False
    gap = _flat(ctx)[before[-1][1]:g.start]
    return len(gap.split()) <= 14 and not _CLAUSE_BREAK_RE.search(gap)


_LEADING_ADJECTIVES_RE = re.compile(
    r"(\b(?:to|for|a|au|aux|pour) )(?:the |la |le |les |l')?(?:[a-z-]+ ){1,2}$")
_BODY_NOUNS = (
    r"(?:\b(?:armed forces|forces armees|forces|army|armee|people|peuple|population|government|gouvernement|"
    r"military|soldiers|soldats|pilots|pilotes|troops|troupes|defenders|authorities|autorites|partners?|"
    r"partenaires?|navy|marine|air force|armee de l'air)\b)"
)
_BODY_NOUN_BEFORE_RE = re.compile(_BODY_NOUNS + r"\s*$")
_BODY_NOUN_AFTER_RE = re.compile(r"^\s*" + _BODY_NOUNS)


def _has_receiver(ctx: ParseContext, start: int, end: int, receivers: list[int]) -> bool:
    if any(start <= r < end for r in receivers):
        return True
    return bool(_RECEIVER_RE.search(_flat(ctx)[start:end]))


_RECEIVER_RE = re.compile(
    r"\b(?:to|for|a|au|aux|pour|en faveur d[eu']?|au profit d[eu']?|with)\s*(?:the |la |le |les |l')?"
    r"(?:ukrain\w*|kyiv|kiev|security of|securite d\w*|partners?|partenaires?|allies|missions?|operations?|"
    r"people of|peuple)"
    r"|\b(?:support\w*|soutenir|soutien|help\w*|aider)\s+(?:the |la |le |les |l')?(?:ukrain\w*|kyiv|kiev)"
)


# What a pledge gives, in the security domain the guidelines read: forces, arms, aid, money for a partner.
_AID_CONTEXT_RE = re.compile(r"\b" + by_first_letter(
    r"military|militaire\w*|defen[cs]e|security|securite|troops|troupes|forces?|soldiers|soldats|weapons?|"
    r"armes?|arms|ammunition|munitions?|obus|shells|equipment|equipements?|missiles?|aircraft|avions?|jets?|"
    r"f-16s?|f-35s?|rafale|caesar|tanks?|chars|drones?|aid|aide|assistance|humanitarian|humanitaire|"
    r"reconstruction|missions?|operations?|battalions?|bataillons?|battle ?groups?|brigades?|"
    r"ships|navires|destroyers?|frigates?|fregates?|squadrons?|escadrons?|demining|deminage|training|"
    r"formation|air policing|police du ciel|"
    r"ukrain\w*|kyiv|kiev|partners?|partenaires?|allies|allies|alliance|nato|otan|coalition|"
    r"air defen[cs]e|defense aerienne|deterrence|dissuasion|flanc|flank"
) + r"\b")


def _aggressors(ctx: ParseContext, hits: list[Hit]) -> set[str]:
    """States the text casts as waging war ("Russia's war", "l'invasion russe", "guerre menée par la Russie")."""
    cached = ctx._cache.get("country_aggressors")
    if cached is None:
        flat = _flat(ctx)
        cached = {h.code for h in hits
                  if _AGGRESSOR_AFTER_RE.match(flat, h.end) or _AGGRESSOR_BEFORE_RE.search(flat[max(0, h.start - 50):h.start])}
        ctx._cache["country_aggressors"] = cached
    return cached


_AGGRESSOR_AFTER_RE = re.compile(
    r"(?:'s?)?\s+(?:(?:illegal|brutal|unprovoked|full-scale|ongoing|continued|illegitimate|premeditated|"
    r"military|missile|drone)\s+){0,2}(?:war|aggression|invasion|attacks?|strikes?|war machine)\b")
_AGGRESSOR_BEFORE_RE = re.compile(
    r"\b(?:guerre|invasion|agression|attaques?|frappes?|war|aggression)\s+(?:\w+\s+){0,3}?"
    r"(?:de la |par la |par l'|de l'|by |of )?$")
_GIVE_TO_RE = re.compile(
    r"\b(?:provid\w*|suppl\w*|deliver\w*|send\w*|sent|transfer\w*|to|fourni\w*|livr\w*|a|au|aux)\s*"
    r"(?:the |la |le |les |l')?$")


def _pledging(ctx: ParseContext, g: _Group, receivers: list[int], hits: list[Hit]) -> tuple[str, str] | None:
    found = _pledging_rules(ctx, g, receivers)
    if found is None:
        return None
    # Supplying a state at war is not the support the guidelines count ("China provides Russia with ...").
    own = {h.code for h in g.hits}
    flat = _flat(ctx)
    starts = ctx._cache.get("country_starts")
    if starts is None:
        starts = ctx._cache["country_starts"] = [h.start for h in hits]
    for h in hits[bisect.bisect_left(starts, g.end):]:
        if h.start >= g.e:
            break
        if h.code not in own:
            if h.code in _aggressors(ctx, hits) and _GIVE_TO_RE.search(flat[max(g.s, h.start - 30):h.start]):
                return None
            break
    # The pledge must be support in the security domain, not a domestic promise ("give it back to parents").
    if _sentence_has(ctx, _AID_CONTEXT_RE, g.s, g.e) or any(g.s <= r < g.e for r in receivers):
        return found
    return None


def _pledging_rules(ctx: ParseContext, g: _Group, receivers: list[int]) -> tuple[str, str] | None:
    folded = _flat(ctx)
    triggers = _group_triggers(ctx, g)
    lw = g.left[-70:]
    # "sous la direction des États-Unis, la fourniture d'aide militaire à Kiev", "the Contact Group led by".
    # The window test first: a few words every match holds rule out nearly every group without a regex.
    if _has_lead_words(lw) and _LEAD_BEFORE_RE.search(lw) \
            and (any(t[2] for t in triggers) or _sentence_has(ctx, _GIVING_GROUP_RE, g.s, g.e)):
        anchor = _GIVING_GROUP_RE.search(folded[g.s:g.e])
        strong = [t for t in triggers if t[2]]
        start = strong[0][0] if strong else (g.s + anchor.start() if anchor else g.s)
        return "pledging", _pledged_phrase(ctx, start, g.e)
    if not triggers:
        return None
    first = g.hits[0]
    before = [t for t in triggers if t[1] <= g.start]
    after = [t for t in triggers if t[0] >= g.end]

    if _sentence_has(ctx, _NOT_PLEDGE_RE, g.s, g.e):
        return None
    # "annonces de soutien de la part du Canada", "the support offered by Norway".
    agent = _AGENT_BEFORE_RE.search(lw)
    if agent and before and before[-1][2] and _agent_follows_gift(agent.group(0), lw[:agent.start()],
                                                                  folded[before[-1][0]:before[-1][1]]):
        gap = folded[before[-1][1]:g.start]
        if len(gap.split()) <= 8 and not _HOSTILE_RE.search(folded[max(g.s, before[-1][0] - 40):g.e]):
            # "annonces de soutien – de la part du Canada – couvrant ...": the pledge word and what follows.
            head = ctx.text[before[-1][0]:before[-1][1]]
            tail = _pledged_phrase(ctx, g.end, g.e)
            return "pledging", shorten(f"{head} {tail}" if tail else head, 90)
    # "U.S. contributions", "Canada's pledge", "contributions américaines", "l'initiative tchèque".
    # A bare name before the noun names the receiver ("Ukraine aid", "the Ukraine Security Assistance
    # Initiative"); a demonym, "U.S." or a possessive names the giver ("U.S. assistance", "Canada's pledge").
    last_hit = g.hits[-1]
    adjectival = last_hit.kind == ADJ or ctx.text[last_hit.start:last_hit.end] in _ADJECTIVAL_NAMES \
        or g.right.startswith("'s")
    # Each window test is read once (they are pure).
    to_before = _TO_RE.search(lw) is not None
    thanked = _THANK_RE.search(lw) is not None
    possessed = (adjectival and _PLEDGE_NOUN_AFTER_RE.match(g.right[:50])) or (
        first.kind == ADJ and _PLEDGE_NOUN_BEFORE_RE.search(lw) and not to_before)
    if (possessed and (not to_before or thanked) and not _HOSTILE_RE.search(g.right[:60])
            and (any(t[2] for t in triggers) or _has_receiver(ctx, g.s, g.e, receivers))):
        return "pledging", _pledged_phrase(ctx, g.end, g.e)
    # Thanked for its contributions: "remercie la Belgique pour ses contributions".
    if thanked and after and any(
            re.match(r"(?:contribut\w*|pledg\w*|donat\w*)", folded[t0:t1]) for t0, t1, _s in after):
        return "pledging", _pledged_phrase(ctx, after[0][0], g.e)
    # Subject of a pledge verb: "Canada will provide", "the United States and our Allies will continue
    # supporting the people of Afghanistan", "la France a déployé".
    if to_before or _IN_RE.search(lw) or _PREP_BEFORE_RE.search(lw):
        return None
    if first.kind == ADJ and not (_GOV_BEFORE_RE.search(lw) or _GOV_AFTER_RE.match(g.right)):
        return None
    if _ASKED_RE.search(lw):
        return None
    head = _CLAUSE_HEAD_RE.search(lw) is not None
    for t0, t1, strong in after:
        gap = folded[g.end:t0]
        if _HOSTILE_RE.search(folded[g.end:min(g.e, t1 + 40)]):
            break
        if _SUBJECT_GAP_RE.match(gap) or _GOV_AFTER_RE.match(gap) and _SUBJECT_GAP_RE.match(
                gap[_GOV_AFTER_RE.match(gap).end():]):
            if strong or _has_receiver(ctx, t1, g.e, receivers):
                return "pledging", _pledged_phrase(ctx, t0, g.e)
            continue
        # A clause-head subject with a strong pledge word later in its clause.
        if head and strong and _AGREE_VERB_RE.search(gap) and len(gap.split()) <= 15 \
                and not _CLAUSE_BREAK_RE.search(gap) and "," not in gap \
                and not re.search(r"\b(?:to|for|a|au|aux|pour|of)\s+(?:the |la |le |les |l')?$", gap):
            return "pledging", _pledged_phrase(ctx, t0, g.e)
        if _CLAUSE_BREAK_RE.search(gap) or len(gap.split()) > 15:
            break
    return None


_PREP_BEFORE_RE = re.compile(
    r"\b(?:of|de|du|des|d'|against|contre|with|avec|between|entre|on|sur|from|by|par)\s+(?:the |la |le |les |l')?$")


def _participants(ctx: ParseContext, groups: list[_Group], roles: list) -> None:
    """States whose leaders speak as "we" in a joint statement or are "each" said to pledge in a readout."""
    folded, flat = ctx.folded, _flat(ctx)
    table = _table_lines(ctx, groups)
    # A readout naming two or more leaders "of X" met together ("President Yoon of Korea, Prime Minister ...").
    titled: dict[int, int] = {}
    title_of = [_has_title_of(g.left[-120:]) for g in groups]
    for g, has_title in zip(groups, title_of):
        if has_title:
            key = sentence_at(ctx.sentences, g.start)
            titled[key] = titled.get(key, 0) + 1
    named: list[int] = []
    listed = -1  # end of the last participant group, to carry a list over "the European Council, ..."
    for i, g in enumerate(groups):
        lw = g.left[-120:]
        is_named = ((_has_participant_word(lw) and _PARTICIPANTS_BEFORE_RE.search(lw)
                     and _JOINT_RE.search(flat[g.s:g.e]))
                    or (title_of[i] and _EVENT_AGENT_WORDS.search(flat[g.s:g.e])
                        and titled.get(sentence_at(ctx.sentences, g.start), 0) >= 2)
                    or i in table
                    or (listed >= g.s and _LIST_CONTINUES_RE.match(ctx.text[listed:g.start])))
        listed = g.end if is_named else -1
        if is_named:
            named.append(i)
    if not named:
        return
    body = folded[ctx.body_start:]
    if not any(_AID_CONTEXT_RE.search(body[max(0, m.start() - 100):m.end() + 150]) for m in _WE_PLEDGE_RE.finditer(body)):
        return
    receivers = {h.code for g, r in zip(groups, roles) if r and r[0] == "recipient" for h in g.hits}
    for i in named:
        if roles[i][0] == "recipient":
            continue
        if all(h.code not in receivers for h in groups[i].hits):
            roles[i] = ("pledging", roles[i][1])


# Words either pattern cannot match without: a cheap test first, the regex only where one occurs.
def _has_participant_word(lw: str) -> bool:
    return ("leaders" in lw or "heads of state and government" in lw or "dirigeants" in lw
            or "chefs d'etat et de gouvernement" in lw or "signatories" in lw or "signataires" in lw)


def _has_title_of(lw: str) -> bool:
    return ("president" in lw or "minister" in lw or "chancellor" in lw or "king" in lw) \
        and _TITLE_OF_RE.search(lw) is not None


# Between two participants of a list: commas, "and", organisations' capitalised names.
_LIST_CONTINUES_RE = re.compile(r"^(?:[\s,]|and\b|et\b|the\b|of\b|de\b|la\b|le\b|du\b|des\b|[A-ZÉ][\w'’-]*)*$")
_TABLE_FILLER_RE = re.compile(r"^(?:\s|the|and|et|,|european union|union europeenne|european commission|eu|ue|la|le|les|l')*$")


def _table_lines(ctx: ParseContext, groups: list[_Group]) -> set[int]:
    """Groups on the lines of a signatory table ("Endorsed ... by the leaders of:" then one name per cell)."""
    folded = ctx.folded
    found: set[int] = set()
    for cue in _table_cues(folded, ctx.body_start):
        pos = cue.end()
        while pos < len(folded):
            nl = folded.find("\n", pos + 1)
            nl = len(folded) if nl < 0 else nl
            line_s, line_e = pos, nl
            line = folded[line_s:line_e]
            pos = nl
            if not line.strip():
                continue
            inside = [i for i, g in enumerate(groups) if line_s <= g.start and g.end <= line_e]
            rest = line
            for i in sorted(inside, key=lambda k: -groups[k].start):
                for h in groups[i].hits:
                    a, b = h.start - line_s, h.end - line_s
                    rest = rest[:a] + " " * (b - a) + rest[b:]
            if not inside or not _TABLE_FILLER_RE.match(rest):
                break
            found.update(inside)
    return found


def _table_cues(folded: str, start: int) -> list[re.Match]:
    """_TABLE_CUE_RE.finditer(folded, start), read only on the lines that end with a colon.

    A cue runs to the end of its line, so a line holds at most one: the first match searched on it.
    """
    cues = []
    for colon in _LINE_END_COLON_RE.finditer(folded, start):
        line_end = colon.end()
        line_start = max(start, folded.rfind("\n", 0, colon.start()) + 1)
        cue = _TABLE_CUE_RE.search(folded, line_start, line_end)
        if cue:
            cues.append(cue)
    return cues


_LINE_END_COLON_RE = re.compile(r":[ \t]*$", re.M)


def _pledged_phrase(ctx: ParseContext, start: int, end: int) -> str:
    """A short phrase saying what is pledged: from the pledge wording to the end of its clause."""
    piece = ctx.text[start:min(end, start + 400)].lstrip(" ,–—-")
    cut = re.search(r"[;:«»“”\"]|(?<=[a-zà-ÿ0-9)]{2})\.\s|\s[–—]\s", piece)
    if cut:
        piece = piece[:cut.start()]
    # Past a few words, a comma closes the clause ("... forces to Europe, and there are ...").
    comma = re.search(r"^(?:\S+\s+){3,}?\S*?,(?=\s)", piece)
    if comma:
        piece = piece[:comma.end() - 1]
    return shorten(piece.strip(" ,.'’"), 90)
