"""Figures: money, percentages and counts with their qualifiers.

Every number of the text (see numbers.py) is read with its surroundings: a currency
before or after makes it money, a percent sign or word a percentage, and a counted noun
an analyst tracks (troops, insurgents, drones, Allies, battalions...) a count.  Dates,
years, times, ordinals, durations and numbers inside names and codes never reach a
figure.  Bare numbers then borrow their unit from a neighbour when the text leaves it out:
ranges ("20 - 30 fighters", "2 à 3 milliards d'euros"), ellipses ("301 voix pour et
48 contre") and "the number of destroyers ... from three to five".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from nato_viewer.core.loader import front_matter
from nato_viewer.core.model import Figure
from nato_viewer.core.parsing.context import ParseContext
from nato_viewer.core.parsing.numbers import (
    NUMBER_WORDS,
    PERCENT,
    QUALIFIER_LAST_WORDS,
    Currency,
    Number,
    as_number,
    currency_after,
    currency_before,
    find_numbers,
    maybe_currency_before,
    qualifier_after,
    qualifier_before,
    trie,
    word_bytes,
)
from nato_viewer.core.parsing.text import document_words, fold, fold_word

# ---------------------------------------------------------------- what can be counted


def _words(block: str) -> list[str]:
    return block.split()


# Folded forms (lower case, no accents), singular and plural.  General vocabulary of
# defence news: people, forces, equipment, units, states.
_PEOPLE = """
troop troops soldier soldiers servicemember servicemembers personnel fighter fighters insurgent insurgents
militant militants terrorist terrorists combatant combatants rebel rebels extremist extremists jihadist
jihadists gunman gunmen attacker attackers civilian civilians casualty casualties people person persons
man men woman women child children boy boys girl girls refugee refugees migrant migrants evacuee evacuees
detainee detainees prisoner prisoners hostage hostages captive captives victim victims death deaths
fatality fatalities dead wounded injured survivor survivors citizen citizens inhabitant inhabitants
resident residents individual individuals family families employee employees staff staffer staffers
official officials officer officers commander commanders leader leaders minister ministers ambassador
ambassadors diplomat diplomats delegate delegates delegation delegations envoy envoys adviser advisers
advisor advisors trainer trainers instructor instructors expert experts observer observers inspector
inspectors peacekeeper peacekeepers police policeman policemen guard guards guardsmen recruit recruits
volunteer volunteers veteran veterans reservist reservists conscript conscripts sailor sailors marine
marines airman airmen pilot pilots crew crews crewmembers paratroopers commandos mercenaries mercenary
contractor contractors journalist journalists senator senators lawmaker lawmakers legislator legislators
parliamentarians vote votes member members signatories participant participants forces taliban killed
worker workers dose doses city cities town towns village villages mps deputies seekers pows household
households home homes building buildings region regions oblast oblasts province provinces district
districts
soldat soldats militaire militaires troupes homme hommes femme femmes enfant enfants civil civils
personne personnes habitant habitants citoyen citoyens refugie refugies deplace deplaces victime victimes
mort morts tue tues blesse blesses prisonnier prisonniers otage otages detenu detenus combattant
combattants insurge insurges terroriste terroristes rebelle rebelles djihadiste djihadistes jihadiste
jihadistes policier policiers gendarme gendarmes officier officiers instructeur instructeurs formateur
formateurs conseiller conseillers observateur observateurs diplomate diplomates collaborateur
collaborateurs employe employes salarie salaries agent agents fonctionnaire fonctionnaires membre membres
ministre ministres ambassadeur ambassadeurs dirigeant dirigeants delegue delegues depute deputes
senateur senateurs parlementaires elus voix pilote pilotes marin marins aviateur aviateurs reserviste
reservistes conscrit conscrits volontaire volontaires mercenaires journaliste journalistes experts
travailleur travailleurs ville villes village villages localite localites demandeurs deces disparus recrues
fantassins parachutistes legionnaires eurodeputes menages maison maisons immeuble immeubles batiment
batiments oblasts provinces districts
"""
_STATES = """
ally allies allied-nations nation nations country countries state states partner partners government
governments pays allie allies etat etats partenaire partenaires gouvernement gouvernements
"""
_EQUIPMENT = """
weapon weapons rifle rifles gun guns firearm firearms pistol pistols missile missiles rocket rockets shell
shells munition munitions bomb bombs mine mines landmines grenade grenades mortar mortars howitzer
howitzers launcher launchers interceptor interceptors system systems battery batteries drone drones uav
uavs tank tanks vehicle vehicles apc apcs truck trucks motorcycle motorcycles car cars helicopter
helicopters aircraft jet jets plane planes airplane airplanes bomber bombers warplane warplanes ship ships
vessel vessels warship warships destroyer destroyers frigate frigates submarine submarines boat boats
carrier carriers corvette corvettes minehunters satellite satellites radar radars ied ieds cache caches
bunker bunkers warhead warheads awacs
arme armes fusil fusils roquette roquettes obus bombe bombes mortier mortiers canon canons lanceur
lanceurs intercepteur intercepteurs systeme systemes batterie batteries char chars blinde blindes
vehicule vehicules camion camions moto motos avion avions chasseur chasseurs bombardier bombardiers
helicoptere helicopteres appareil appareils aeronef aeronefs navire navires fregate fregates sous-marin
sous-marins porte-avions vedette vedettes bateau bateaux engin engins patrouilleur patrouilleurs obusier
obusiers lance-roquettes cartouches ogive ogives
"""
_EQUIPMENT_NAMES = """
rafale rafales mirage mirages leopard leopards abrams challenger challengers bradley bradleys marder
marders patriot patriots himars nasams iris-t f-16 f-16s f-35 f-35s typhoon typhoons eurofighter
eurofighters gripen gripens caesar caesars stryker strykers apache apaches tomahawk tomahawks atacms
javelin javelins stinger stingers harpoon harpoons bayraktar bayraktars shahed shaheds iskander iskanders
"""
_UNITS = """
battalion battalions brigade brigades division divisions regiment regiments company companies squadron
squadrons battlegroup battlegroups group groups unit units team teams headquarters command commands corps
base bases site sites outpost outposts checkpoint checkpoints camp camps hospital hospitals facility
facilities center centers centre centres compound compounds project projects programme programmes
contract contracts mission missions sortie sorties patrol patrols raid raids strike strikes airstrike
airstrikes attack attacks exercise exercises organization organizations organisation organisations
interception interceptions cyberattack cyberattacks cyber-attacks incident incidents violation violations
bataillon bataillons regiment regiments compagnie compagnies escadron escadrons escadrille escadrilles
escadre escadres unite unites groupement groupements groupe groupes equipe equipes etat-major
etats-majors hopital hopitaux centre centres projet projets programme programmes contrat contrats
frappe frappes attaque attaques exercice exercices organisation organisations interception interceptions
cyberattaque cyberattaques violations
"""
# Several words naming one thing: "heads of state", "quartiers généraux", "chefs d'État".
_MULTI = """
heads of state|chefs d'etat|chefs d'etat et de gouvernement|quartiers generaux|quartier general|
service members|police officers|battle groups|task forces|fighter jets|field hospitals|member states|
member countries|pays membres|etats membres|casques bleus|avions de chasse|pays partenaires|pays allies|
nations partenaires|nations membres|etats allies|soldats allies|forces alliees
"""

COUNT_NOUNS = frozenset(_words(_PEOPLE + _STATES + _EQUIPMENT + _EQUIPMENT_NAMES + _UNITS))
_NAMES = frozenset(_words(_EQUIPMENT_NAMES))
MULTI_NOUNS = frozenset(x.strip() for x in _MULTI.replace("\n", "").split("|") if x.strip())
_MULTI_FIRST = frozenset(m.split(" ", 1)[0] for m in MULTI_NOUNS)
# Units that name what they hold: "three squadrons of F-16 aircraft".
_CONTAINERS = frozenset(_words("squadron squadrons battalion battalions brigade brigades company companies "
                               "group groups unit units team teams batteries battery"))

# "One" with these is rhetoric ("no one nation", "one country cannot"), and "two" with these is
# the bilateral frame of a meeting ("the two leaders", "two countries together").
_RHETORICAL_ONE = frozenset(_words(_STATES))
_BILATERAL = frozenset(_words("leaders leader countries nations governments presidents sides democracies "
                              "dirigeants pays gouvernements presidents chefs democraties"))

# Nouns whose singular is their plural.
_INVARIANT = frozenset(_words("aircraft personnel police staff people headquarters corps crew dead wounded injured "
                              "killed taliban obus voix pays children men women gunmen policemen airmen "
                              "guardsmen paratroopers"))

# Words that end a noun phrase: a counted noun must come before any of them.
_STOP = frozenset(_words("""
the a an of and or but in on at to for by with from as into onto than then that this these those which who
whom whose is are was were be been being has have had will would can could should may might must do does
did not no nor so such per its their our his her my your we they he she it i you them us me there here
about over under after before between against during through within without across among around via
all any each every both more most less than just only also very
year years day days week weeks month months hour hours minute minutes second seconds decade decades
century centuries time times percent kilometres kilometers km miles metres meters tons tonnes kg ago
le la les l' un une des de du d' et ou mais en dans sur sous par pour avec sans a au aux ce ces cet cette
qui que qu' dont est sont etait ont sera ne pas se sa son ses leur leurs nos notre vos votre il elle ils
elles on nous vous y an ans annee annees jour jours semaine semaines mois heure heures siecle siecles
fois cent kilometres tonnes kilos entre contre vers chez selon depuis pendant apres avant tous toutes
plus moins tres aussi
"""))

_STOP = _STOP | NUMBER_WORDS

# Words before a number that make it part of a name or a reference ("Article 5", "numéro 2").
_CODE_WORDS = (
    "article|articles|resolution|resolutions|section|sections|paragraph|paragraphs|paragraphe|paragraphes|"
    "chapter|chapitre|annex|annexe|page|pages|p\\.|pp\\.|no\\.|n°|nos\\.|numero|number|phase|level|niveau|"
    "step|etape|title|titre|point|item|rule|regle|protocol|protocole|model|modele|type|block|version|class|"
    "classe|category|categorie|mk|mark|tier|line|ligne|route|highway|flight|vol|room|building|gate|zone|"
    "sector|secteur|covid|windows|iphone|top|rang|rank|ranked|figure|table|tableau|"
    "chart|slide|verse|clause|amendment|amendement"
)
_CODE_WORDS_SET = frozenset(w.replace("\\", "") for w in _CODE_WORDS.split("|"))

_DETERMINERS = frozenset(
    _words("the these those our their its his her my your both les ces nos leurs ses mes vos des aux")
)
# "one" is rarely the number after these: "an attack on one Ally", "one of the", "no one".
_ONE_BLOCKERS = frozenset(
    _words("the a an on against to for of in with by from any no not every each this that at than as into upon")
)
# Capitalised words before a number that do not make it a name ("All 32 Allies", "Over 40,000").
_FUNCTION_CAPITALS = frozenset(_words("""
the all only some over about around nearly almost approximately roughly more less fewer up at just another
and but some with including these those les plus environ pres presque quelque au moins jusqu'a tous toutes
ces des leurs nos et mais avec dont soit selon parmi
"""))


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Month and weekday names, full and abbreviated, folded (babel, French and English)."""
    words: set[str] = {"sept", "janv", "fevr", "juil"}
    for locale in ("en", "fr"):
        for width in ("wide", "abbreviated"):
            words.update(fold_word(m).rstrip(".") for m in get_month_names(width, locale=locale).values())
            words.update(fold_word(d).rstrip(".") for d in get_day_names(width, locale=locale).values())
    return frozenset(words)


@lru_cache(maxsize=1)
def _date_after() -> re.Pattern:
    """A month or weekday name right after a day number: "15 février", "24-25 June", "11 et 12 juillet"."""
    alt = trie(_date_words())
    return re.compile(
        r"(?:[ ]?(?:-|et|and|au|to|a|through)[ ]?\d{1,2})?(?:er|st|nd|rd|th)?[ ]?,?[ ]+(?:de[ ]+|of[ ]+)?"
        r"(?:" + alt + r")(?![a-z])"
    )


# Units that may be hyphenated to a number: "a 50-percent rise", "a 10-million-dollar contract".
_HYPHEN_UNITS = ("-percent", "-per-cent", "-pour-cent", "-dollar", "-euro")
_RATIO_BEFORE = re.compile(r"(?<![\w])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|un|une|deux|trois"
                           r"|quatre|cinq)[ ]$")
_DIGITS_BEFORE = re.compile(r"\d+$")
_TIME_AFTER = re.compile(r"[ ]?(?::\d{2}|h\d{2}|h(?![a-z])|[ap]\.?m\.?(?![a-z]))")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;\n\"«“(—–-]|\d\)?)[ ]*$")
_NP_TOKEN = re.compile(r"[ ]{0,24}((?:[a-z]\.){2,}|[a-z0-9]+(?:['/-][a-z0-9]+)*)")
_PARTITIVE = re.compile(r"[ ]of[ ](?:the|these|those|its|their|[a-z]+'s?)(?=[ ])|[ ]des(?=[ ])")
_OF = re.compile(r"[ ]{0,24}(?:de[ ]|d'|of[ ])")
_PERCENT_OF = re.compile(
    r"[ ](?:of|du|de|d')[ ]?(?:(?:their|its|the|leur|son|sa|la)[ ])?(?:gdp|pib|gross domestic product|"
    r"produit interieur brut)(?![a-z])"
)
_RANGE_GAP = re.compile(r"[ ]?(?:-|to|a|through|or|ou|and|et)[ ]?")
_RANGE_OPEN = re.compile(r"(?<![\w])(?P<w>between|entre|from|de|d')[ ]?$")
_ELLIPSIS_GAP = re.compile(r"(?:[ ]+[a-z']+){0,2}[ ]*(?:,|et|and|ou|or|versus|vs\.?|contre|against)[ ]*")
_PARTITIVE_NUMBER = re.compile(r"[ ]+(?:des|of|of the|out of|sur|parmi les|among the)[ ]+")
_ELLIPSIS_NEXT = re.compile(
    r"[ ]*(?:[.,;:)!?]|$|\n|(?:contre|against|opposed|more|others|autres|de plus|were|was|have|had|are|ont|sont"
    r"|ont ete|sont)(?![a-z]))"
)
_NUMBER_OF = re.compile(r"(?<![\w])(?:number|nombre)[ ](?:of|de|d')[ ]?(?:(?:the|les)[ ])?")
_TO_NUMBER = re.compile(r"(?<![\w])(?:from|to|at|de|d'|a|is|was|now|reached|atteint|passe de|est de|of)[ ]?$")
_THAT_NUMBER = re.compile(
    r"(?<![\w])(?:that|this|the|ce|le|leur|their)[ ](?:number|nombre|chiffre|total|tally)(?:[ ][a-z']+){0,4}[ ]$"
)
_AU_NOMBRE = re.compile(r"(?P<noun>[a-z][a-z'-]*)[ ]?,?[ ]au[ ]nombre[ ](?:de[ ]|d')$")
# What may follow a number that stands for a count named elsewhere ("from three to five.",
# "is now 23, up from", "au nombre d'un milliard,"): not a noun of its own ("three times that").
_ENDS_A_CLAUSE = re.compile(
    r"[ ]?(?:[.,;:)!?\n\"»”]|$|-|(?:and|et|or|ou|to|a|in|en|by|par|since|depuis|today|now|this|last|at|on|as)"
    r"(?![\w]))"
)
# A sentence ends at ". " unless the period closes an initial or "U.S.".
_SENTENCE_BREAK = re.compile(r"(?<!\.[a-z])(?<![ ][a-z])[.!?][ \n\"»”]|\n")


@dataclass(slots=True)
class _Reading:
    """One number with what the text around it says."""

    num: Number
    start: int
    end: int
    kind: str | None = None
    value: float = 0.0
    unit: str | None = None
    counted: tuple[int, int] | None = None
    qualifier: str | None = None
    text_span: tuple[int, int] | None = None  # when a range shares one text


def unwrap(folded: str) -> str:
    """Soft line breaks (Markdown wraps paragraphs) as spaces, so "$290\nbillion" reads as one
    figure; blank lines, hard breaks (trailing spaces) and list items stay breaks.  Same length
    as `folded`."""
    if "\n" not in folded:
        return folded
    return _SOFT_BREAK.sub(" ", folded)


# A line break after a non-space, before a line (its indent aside) that opens no list item. The pattern
# starts with the line break itself so the regex engine skips from one line break to the next.
_SOFT_BREAK = re.compile(r"\n(?<=\S\n)(?= *(?![-*•#|>]|\d+[.)][ ])\S)")


def find_figures(ctx: ParseContext) -> list[Figure]:
    """Figures in text order; ids are set by the pipeline."""
    folded, scan, start = ctx.folded, ctx.scan, ctx.body_start
    # The words of the text, split once for all extractors by document_words
    words = document_words(folded)[1]
    if start:
        # A title kept in the front matter is read too: a sum in the title and again in the
        # body is two mentions.  The rest of the front matter (dates, URLs) stays blank.
        spans = ctx.front_matter_spans
        if spans is None:
            spans = front_matter(ctx.text)[1]
        ts, te = spans.get("title", (0, 0))
        if 0 <= ts < te <= start:
            title = fold(ctx.text[ts:te])
            scan = scan[:ts] + ctx.text[ts:te] + scan[te:]
            folded = folded[:ts] + title + folded[te:]
            start = ts
            words = words | word_bytes(title)  # blank in ctx.folded
    folded = unwrap(folded)
    lang = ctx.language if ctx.language in ("fr", "en") else "en"
    readings: list[_Reading] = []
    for num in find_numbers(folded, lang, start, words=words):
        reading = _read(folded, scan, lang, num)
        if reading is not None:
            readings.append(reading)
    _fill_ranges(folded, scan, readings)
    _fill_ellipses(folded, readings)
    _fill_number_of(folded, scan, readings)
    figures = []
    for r in readings:
        if r.kind is None:
            continue
        s, e = r.text_span or (r.start, r.end)
        counted = " ".join(ctx.text[r.counted[0]:r.counted[1]].split()) if r.counted else None
        figures.append(Figure(id="", kind=r.kind, value=as_number(r.value), text=ctx.text[s:e], span=(s, e),
                              unit=r.unit, counted=counted, qualifier=r.qualifier))
    return figures


# ---------------------------------------------------------------- one number


def _read(folded: str, scan: str, lang: str, num: Number) -> _Reading | None:
    """What one number is, or None when it cannot be a figure at all (date, code, ordinal...)."""
    prev, prev_start = _prev_word(folded, num.start)
    if _not_a_quantity(folded, scan, lang, num, prev, prev_start):
        return None
    # The reading is built at the end, once its fields are known: a third of the numbers read end as None.
    qualifier = "about" if num.approx else None

    cur = currency_before(folded, scan, num.start) if maybe_currency_before(folded, scan, num.start) else None
    left = cur.start if cur else num.start
    if cur:
        prev, _ = _prev_word(folded, left)
    qual = qualifier_before(folded, left) if prev in QUALIFIER_LAST_WORDS else None
    if qual:
        qualifier, start = qual
    else:
        start = left

    pos = num.end
    after: Currency | None = None  # not looked for yet
    if num.year_like and not cur and not qual:
        # "in 2024", "the 2022 Summit": a year, unless a currency follows ("2000 euros")
        after = currency_after(folded, scan, pos)
        if after is None or after.scale_only:
            return None
    nxt = folded[pos:pos + 26].lstrip(" -")[:1]
    pm = PERCENT.match(folded, pos) if nxt in ("%", "p") else None
    if pm and not num.scaled:
        end = pm.end()
        of = _PERCENT_OF.match(folded, end)
        if of:
            end = of.end()
        return _Reading(num, start, end, "percent", num.value, qualifier=qualifier)

    if after is None:
        after = currency_after(folded, scan, pos)
    if after and after.scale_only and not num.scaled:
        after = None
    if cur or after:
        end = after.end if after else pos
        qa = qualifier_after(folded, end)
        if qa:
            qualifier = qualifier or qa[0]
            end = qa[1]
        return _Reading(num, start, end, "money", num.value, (cur or after).code, qualifier=qualifier)
    if num.abbrev_scale or _in_a_name(folded, scan, num, prev, prev_start):
        return None  # "5m", "3k" without a currency: metres, thousands of something unsaid

    np = _counted_after(folded, scan, num, lang)
    if np is not None and prev in ("in", "sur") and _RATIO_BEFORE.search(folded, max(0, prev_start - 14), prev_start):
        np = None  # "one in three women", "7 in 10 Americans", "un sur cinq": a ratio
    if np is not None:
        head = folded[np[0]:np[1]].rsplit(" ", 1)[-1]
        if not _countable(folded, lang, num, prev, head, qualifier is not None):
            return None
        end = np[1]
        if not qual and prev == "all":
            start = prev_start
        qa = qualifier_after(folded, end)
        if qa:
            qualifier = qualifier or qa[0]
            end = qa[1]
        return _Reading(num, start, end, "count", num.value, counted=(np[0], np[1]), qualifier=qualifier)
    # bare: a range, an ellipsis or "the number of" may still give it a unit
    return _Reading(num, start, num.end, None, num.value, qualifier=qualifier)


# Read on the reversed text before a number: up to 24 spaces, then up to 24 characters of a word.
_PREV_WORD_REVERSED = re.compile(r"([ ]{0,24})([\w'.°-]{0,24})")


def _prev_word(folded: str, pos: int) -> tuple[str, int]:
    """The word right before pos (across at most 24 spaces) and where it starts: its letters and
    digits (str.isalnum) and "'.°-", at most 24 of them."""
    # one regex match on the reversed window instead of a loop over characters; \w is isalnum and "_"
    m = _PREV_WORD_REVERSED.match(folded[max(0, pos - 48):pos][::-1])
    i = pos - m.end(1)
    j = i - (m.end(2) - m.end(1))
    word = folded[j:i]
    if "_" in word:  # not part of the word: it starts after the last one
        word = word[word.rfind("_") + 1:]
        j = i - len(word)
    return word, j


def _not_a_quantity(folded: str, scan: str, lang: str, num: Number, prev: str, prev_start: int) -> bool:
    """Dates, times, ordinals, codes, compounds ("six-day"), names ("Bucharest Nine")."""
    end = num.end
    n = len(folded)
    if end < n:
        c = folded[end]
        if c.isalpha() or (c in "-'" and end + 1 < n and folded[end + 1].isalpha() and not (
                num.spelled and c == "'") and not folded.startswith(_HYPHEN_UNITS, end)):
            return True  # "31e", "75th", "six-day", "25-year-old", "A400M"; not "a 50-percent rise"
        if not num.spelled and _TIME_AFTER.match(folded, num.digits_end or end):
            return True
    if prev in _CODE_WORDS_SET or prev.rstrip(".,") in _date_words():
        return True  # "Article 5", "no. 3", "June 14", "Oct. 4"
    if (not num.spelled or num.value <= 31) and _date_after().match(folded, num.digits_end or end):
        return True
    if num.start >= 2 and folded[num.start - 1] == "-" and folded[num.start - 2].isdigit():
        # the right side of "787-9" or "2010-09" is a model or a code; of "30-40", a range
        left = _DIGITS_BEFORE.search(folded, max(0, num.start - 12), num.start - 1)
        return left is None or float(left.group(0)) >= num.value
    # a spelled number after a hyphenated name: "Bucharest-Nine"
    return num.start >= 2 and folded[num.start - 1] == "-" and folded[num.start - 2].isalpha()


def _in_a_name(folded: str, scan: str, num: Number, prev: str, prev_start: int) -> bool:
    """A number right after a capitalised word inside a sentence names something ("Steadfast
    Defender 24", "the Bucharest Nine", "World War Two"), and so does a capitalised spelled number
    inside a sentence ("the Group of Seven").  Only counts are judged so: a currency or a percent
    sign makes "EUR 40 million" or "la Commission 1,5 milliard d'euros" a sum all the same."""
    # sentence starts are read on the unwrapped folded text: a soft line break is no start
    if num.spelled and scan[num.start:num.start + 1].isupper() and not _SENTENCE_START_BEFORE.search(
        folded, max(0, num.start - 6), num.start
    ):
        return True
    if prev and scan[prev_start].isupper() and prev[0].isalpha() and not prev.endswith(("'s", "s'")):
        return not (prev.endswith(".") or prev in _FUNCTION_CAPITALS or _SENTENCE_START_BEFORE.search(
            folded, max(0, prev_start - 6), prev_start))
    return False


def _countable(folded: str, lang: str, num: Number, before: str, head: str, qualified: bool) -> bool:
    """Counts need more than a number and a noun: no years, no articles, no rhetorical "the two"."""
    if num.value <= 0:
        return False
    if num.year_like and not qualified:
        return False
    word = folded[num.start:num.end]
    if num.value == 1 and num.spelled and not num.scaled:
        if lang == "fr" or word not in ("one",):
            return False  # "un soldat", "une mission": the article
        if before in _ONE_BLOCKERS or head in _RHETORICAL_ONE:
            return False  # "one nation cannot", "under one single government"
    # "the two leaders", "nos deux pays", "ses deux principaux quartiers généraux", "two countries together"
    return not (num.value == 2 and (before in _DETERMINERS or head in _BILATERAL))


# ---------------------------------------------------------------- counted nouns


def _tokens(folded: str, pos: int, limit: int = 8) -> list[tuple[str, int, int]]:
    out = []
    for _ in range(limit):
        m = _NP_TOKEN.match(folded, pos)
        if not m:
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return out


# Plural demonyms name people: "70,000 Americans", "deux millions d'Ukrainiens", "three Afghans".
_DEMONYM = re.compile(r"(?:d')?[a-z]{2,}(?:ians|ans|ese|is|iens|ains|ais|ois|ens|ols|ards|ns|ques)")


# "Rounds" and "pieces" are counted only as ammunition and guns: "2 million rounds of 155mm
# artillery ammunition", "12 pièces d'artillerie", not "three rounds of talks".
_AMMUNITION_NOUNS = frozenset(_words("round rounds piece pieces"))
_AMMUNITION_CUES = frozenset(_words("artillery ammunition munitions 155mm 105mm 152mm 120mm mortar tank small-arms "
                                    "d'artillerie artillerie munitions"))
# What `_noun_at` may find at a token: any other word is a noun only as a capitalised demonym.
_MAY_BE_NOUN = COUNT_NOUNS | _MULTI_FIRST | _AMMUNITION_NOUNS
# Function words that look like demonyms ("Depuis", "These" capitalised): `_noun_at` judges them.
_STOP_DEMONYMS = frozenset(w for w in _STOP if _DEMONYM.fullmatch(w))


def _is_ammunition(tokens: list[tuple[str, int, int]], i: int) -> bool:
    near = [t[0] for t in tokens[max(0, i - 2):i]] + [t[0] for t in tokens[i + 1:i + 4]]
    return any(w in _AMMUNITION_CUES for w in near)


def _noun_at(tokens: list[tuple[str, int, int]], i: int, scan: str = "") -> int:
    """How many tokens from i name a countable thing (0 if none)."""
    w, s, _e = tokens[i]
    if w in _MULTI_FIRST:
        for n in (4, 3, 2):
            if i + n <= len(tokens) and " ".join(t[0] for t in tokens[i:i + n]) in MULTI_NOUNS:
                return n
    if w in COUNT_NOUNS:
        return 1
    if w in _AMMUNITION_NOUNS and _is_ammunition(tokens, i):
        return 1
    if scan and _DEMONYM.fullmatch(w) and scan[s + 2 if w.startswith("d'") else s].isupper():
        return 1
    return 0


def _noun_phrase(folded: str, scan: str, pos: int, max_mods: int = 4, plural: bool = False
                 ) -> tuple[int, int] | None:
    """(start, end) of "[modifiers] NOUN" right after pos, the noun being countable.

    With `plural` (an English number above one), a singular head that no later noun takes over
    from is a modifier of something uncounted: "three New York City airports", "500,000 electric
    vehicle charging stations"."""
    if _no_noun_after(folded, scan, pos):
        return None
    return _noun_phrase_tokens(folded, scan, pos, max_mods, plural)


def _no_noun_after(folded: str, scan: str, pos: int) -> bool:
    """True when the first token after pos already ends `_noun_phrase_tokens` with None.

    Most numbers are followed by punctuation, a function word or another number: the first token
    says so before the whole window is tokenised (the loop there would stop at its first turn)."""
    first = _NP_TOKEN.match(folded, pos)
    if first is None:
        return True
    w = first.group(1)
    if w in _MAY_BE_NOUN:
        return False
    if w[0].isdigit():
        return w.isdigit() or "-" not in w  # not a model number ("787-9 aircraft")
    # a function word, not an acronym ("US soldiers") nor a capitalised demonym look-alike
    return w in _STOP and w not in _STOP_DEMONYMS and not (len(w) > 1 and scan[first.start(1):first.end(1)].isupper())


def _noun_phrase_tokens(folded: str, scan: str, pos: int, max_mods: int, plural: bool) -> tuple[int, int] | None:
    """`_noun_phrase` read token by token."""
    tokens = _tokens(folded, pos, max_mods + 1)
    for i, (w, s, e) in enumerate(tokens):
        n = _noun_at(tokens, i, scan)
        if n and len(tokens) == max_mods + 1:
            tokens = _tokens(folded, pos, i + 8)  # room for "Brigade Combat Teams", "of F-35 aircraft"
            n = _noun_at(tokens, i, scan)
        if n:
            head = i + n - 1
            k = head + 1
            # "Brigade Combat Teams", "Multi-National Division Headquarters", "pays membres"
            while k < len(tokens) and k <= head + 3:
                nk = _noun_at(tokens, k, scan)
                # a plural common noun ends the phrase ("7,000 people building"); a singular or a
                # name goes on: "Brigade Combat Teams", "United States senators", "Patriot systems"
                if nk and (_singular(tokens[head][0], "") or scan[tokens[head][1]].isupper()
                           or scan[tokens[k][1]].isupper()):
                    head = k + nk - 1
                    k = head + 1
                elif scan[tokens[k][1]].isupper() and tokens[k][0] not in _STOP:
                    k += 1
                else:
                    break
            # A singular noun after a plural number modifies the noun that follows:
            # "two Patriot missile defense systems", "five hospital workers".
            if _singular(tokens[head][0], scan[tokens[head][1]]):
                for k in range(head + 1, min(head + 3, len(tokens))):
                    if tokens[k][0] in _STOP:
                        break
                    nk = _noun_at(tokens, k, scan)
                    if nk:
                        head = k + nk - 1
                        break
                else:
                    if plural:
                        return None
            end = tokens[head][2]
            if tokens[head][0] in _CONTAINERS:
                of = re.compile(r"[ ]of(?=[ ])").match(folded, end)
                if of:
                    inner = _noun_phrase(folded, scan, of.end(), max_mods=2)
                    if inner:
                        end = inner[1]
            return tokens[0][1], end
        acronym = len(w) > 1 and scan[s:e].isupper()  # "US soldiers", "UN observers"
        model = w[0].isdigit() and not w.isdigit() and "-" in w  # "787-9 aircraft"
        if (w in _STOP and not acronym) or (w[0].isdigit() and not model) or i >= max_mods:
            return None
    return None


def _singular(word: str, first_char: str) -> bool:
    """An English-looking singular common noun ("city", "vehicle"; not "troops", "aircraft", "Rafale")."""
    return not (word.endswith(("s", "x")) or word in _INVARIANT or word in _NAMES)


def _counted_after(folded: str, scan: str, num: Number, lang: str = "en") -> tuple[int, int] | None:
    pos = num.end
    plural = lang == "en" and num.value > 1
    if num.scaled or num.approx:
        of = _OF.match(folded, pos)
        if of:
            pos = of.end()
        elif num.approx and not folded[num.start:num.end].endswith("dozen"):
            return None  # "une cinquantaine" needs "de pays"
    np = _noun_phrase(folded, scan, pos, plural=plural)
    # every partitive starts " of " or " des ": most numbers are not followed by one
    if (np is None and not num.scaled and not num.approx and num.value > 1
            and folded.startswith((" of ", " des "), pos)):
        pm = _PARTITIVE.match(folded, pos)
        if pm and not folded.startswith(" of our", pos) and not folded.startswith(" of us", pos):
            np = _noun_phrase(folded, scan, pm.end(), max_mods=2, plural=plural)
    return np


# ---------------------------------------------------------------- bare numbers


def _gap(folded: str, a: int, b: int) -> str:
    return folded[a:b] if 0 <= a <= b else "\x00"


def _fill_ranges(folded: str, scan: str, readings: list[_Reading]) -> None:
    """"20 - 30 fighters", "between 2 and 3 percent", "2 à 3 milliards d'euros", "$2-3 billion"."""
    for r1, r2 in zip(readings, readings[1:]):
        if r1.num.year_like or r2.num.year_like:
            continue
        gap = _gap(folded, r1.num.end, r2.num.start if r2.start > r1.num.end else r2.start)
        if not _RANGE_GAP.fullmatch(_gap(folded, r1.num.end, r2.start)) and not _RANGE_GAP.fullmatch(gap):
            continue
        if "—" in scan[r1.num.end:r2.start] or "―" in scan[r1.num.end:r2.start]:
            continue  # an em dash breaks the sentence ("20 — 2,000 agents" corrects itself)
        opener = _RANGE_OPEN.search(folded, max(0, r1.start - 10), r1.start)
        word = gap.strip()
        if word in ("and", "et") and not (opener and opener.group("w") in ("between", "entre")):
            continue
        if word == "-" and r1.num.value >= r2.num.value:
            if gap == "-":
                r1.kind = r2.kind = None  # "a 9-4 vote", "a 3-1 win": a score, not two figures
            continue
        scale_r1 = r2.num.scaled and not r1.num.scaled and not r2.num.spelled
        if r1.kind is None and r2.kind is not None:
            r1.kind, r1.unit, r1.counted = r2.kind, r2.unit, r2.counted
        elif r1.kind == "money" and r2.kind in (None, "money") and scale_r1:
            r2.kind, r2.unit = "money", r2.unit or r1.unit  # "$2-3 billion"
        else:
            continue
        if scale_r1 and r1.kind != "percent":
            base = _base_value(folded, r2.num)
            if base:
                r1.value = r1.num.value * (r2.num.value / base)
        if not (opener and opener.group("w") in ("from", "de", "d'")):
            r1.qualifier = r1.qualifier or "at_least"
            r2.qualifier = r2.qualifier or "up_to"
        start = opener.start() if opener and opener.group("w") in ("between", "entre") else r1.start
        r1.text_span = r2.text_span = (min(start, r1.start), max(r1.end, r2.end))


def _base_value(folded: str, num: Number) -> float | None:
    from nato_viewer.core.parsing.numbers import DIGITS, digits_value

    m = DIGITS.match(folded, num.start)
    if not m:
        return None
    return digits_value(m, has_scale=True, lang="fr" if "," in m.group(0) else "en")


def _fill_ellipses(folded: str, readings: list[_Reading]) -> None:
    """"301 voix pour et 48 contre", "killed five insurgents and wounded three."."""
    for r1, r2 in zip(readings, readings[1:]):
        if r2.kind is not None or r1.kind != "count" or r2.num.year_like or r2.num.value <= 1:
            continue
        gap = _gap(folded, r1.end, r2.start)
        if len(gap) > 30 or not _ELLIPSIS_GAP.fullmatch(gap):
            continue
        if not _ELLIPSIS_NEXT.match(folded, r2.num.end):
            continue
        r2.kind, r2.counted = "count", r1.counted
    for r1, r2 in zip(readings, readings[1:]):
        # "61 milliards de dollars, dont 13,8 milliards pour...", "$5 billion, including 2 billion in..."
        if (r1.kind == "money" and r2.kind is None and r2.num.scaled and not r2.num.spelled
                and 0 <= r2.start - r1.end <= 60 and not _SENTENCE_BREAK.search(folded, r1.end, r2.start)):
            r2.kind, r2.unit = "money", r1.unit
        # "31 des 32 Alliés", "23 of the 32 Allies", "three out of 32 nations"
        elif r1.kind is None and r2.kind == "count" and _PARTITIVE_NUMBER.fullmatch(_gap(folded, r1.num.end, r2.start)):
            r1.kind, r1.counted = "count", r2.counted


def _fill_number_of(folded: str, scan: str, readings: list[_Reading]) -> None:
    """"the number of U.S. destroyers ... from three to five", "that number is now 17",
    "leurs citoyens, au nombre d'un milliard"."""
    last_count: _Reading | None = None
    for r in readings:
        if (r.kind is None and not r.num.year_like and r.num.value > 1
                and _ENDS_A_CLAUSE.match(folded, r.num.end)):
            if _TO_NUMBER.search(folded, max(0, r.start - 12), r.start):
                # "the number of" is looked for back to the start of the sentence, at most 160 characters
                window_start = max(0, r.start - 160)
                cut = 0
                for sb in _SENTENCE_BREAK.finditer(folded[window_start:r.start]):
                    cut = sb.end()
                nb = None
                for found in _NUMBER_OF.finditer(folded, window_start + cut, r.start):
                    nb = found
                if nb:
                    np = _noun_phrase(folded, scan, nb.end())
                    if np:
                        r.kind, r.counted = "count", np
            if r.kind is None and last_count and last_count.counted and _THAT_NUMBER.search(
                folded, max(0, r.start - 60), r.start
            ):
                r.kind, r.counted = "count", last_count.counted
            if r.kind is None:
                au = _AU_NOMBRE.search(folded, max(0, r.start - 60), r.start)
                if au and au.group("noun") in COUNT_NOUNS:
                    r.kind, r.counted = "count", (au.start("noun"), au.end("noun"))
        if r.kind == "count":
            last_count = r
