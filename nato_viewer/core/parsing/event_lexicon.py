"""Trigger words of each event kind, French and English, as regexes on folded text.

Stems rather than word lists: "decid" covers decide, decided, décidé, décident.
Built once at import.
"""

from __future__ import annotations

import re

from nato_viewer.core.parsing.text import at_word_start, trie_regex

_PARTS: dict[int, tuple[str, ...]] = {}


def _rx(*parts: str) -> re.Pattern:
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")")
    _PARTS[id(rx)] = parts
    return rx


# What is sent or offered without being support: words, feelings and signals ("send our deepest condolences",
# "sends a strong signal to Moscow", "offered his thanks"). A look-ahead after the verb.
_NOT_GIVEN = (
    r"(?!\s+(?:(?:a|an|the|our|my|his|her|their|its|this|that)\s+)?(?:(?:clear|strong|powerful|unmistakable|"
    r"unambiguous|important|deepest|deep|heartfelt|sincere|sincerest|warmest|warm|best|profound|special|personal)\s+)"
    r"{0,2}(?:messages?|signals?|letters?|notes?|condolences|prayers|thoughts|sympath\w*|gratitude|thanks|"
    r"congratulations|wishes|greetings|love|regards|appreciation|advice|apolog\w*|remarks|comments?|"
    r"invitations?)\b)"
)
# What is provided without being support: words ("provide an update", "provided more details").
_NOT_SUPPORT = (
    r"(?!\s+(?:(?:an?|the|more|some|any|further|additional|regular|new|(?:you|them|us|me) with)\s+){0,2}"
    r"(?:updates?|details?|information|guidance|clarity|answers?|context|comments?|readouts?|overview|insights?|"
    r"previews?|feedback|recommendations?)\b)"
)
# What is met without a meeting: needs, challenges, demands ("meet the moment", "met the needs of").
_NOT_MET = (
    r"(?!\s+(?:(?:the|our|their|its|these|those|this|that)\s+)?(?:[\w.'-]+\s+){0,2}?(?:moment|needs?|challenges?|"
    r"demands?|requirements?|standards?|expectations?|deliverables|deadlines?|criteria|obligations?|scourge|"
    r"goals?|targets?)\b)"
)
# A call that is no conversation but an appeal: "a call to action", "his call to reject", "the call for peace".
_NOT_A_CALL = r"(?! (?:on|upon|for|to)\b)"
_CALL_DETERMINERS = ("a", "the", "this", "that", "their", "his", "her", "our", "its", "your")
# _NOT_GIVEN in French ("envoie un signal fort", "envoie ses condoléances").
_PAS_DONNE = (
    r"(?!\s+(?:(?:un|une|le|la|les|des|ce|cet|cette|ces|ses|son|sa|leurs?|nos|notre|mes|mon|ma)\s+)?"
    r"(?:(?:\w+)\s+)?(?:messages?|signal|signaux|lettres?|condoleances|pensees|voeux|felicitations|"
    r"remerciements|salutations|invitations?)\b)"
)


# Order matters: the first kind whose trigger a sentence holds wins (see events.py).
TRIGGERS: dict[str, re.Pattern] = {
    "accession": _rx(
        r"join(?:s|ed|ing)? (?:nato|the (?:nato )?alliance)", r"(?:become|becomes|became|will become) "
        r"(?:nato's |a |the )?(?:\w+ )?(?:member|ally)\b", r"(?:welcome|welcoming|welcomes|welcomed) \w+ (?:to nato|as nato's|"
        r"as the newest|as (?:a|the) new)", r"\d+(?:st|nd|rd|th) (?:ally|member)\b", r"added to the alliance",
        r"(?:rejoint|rejoindra|a rejoint) (?:l'otan|l'alliance|l'organisation)",
        r"(?:devient|deviendra|devenu|devenue|est devenue?) (?:officiellement )?membre", r"\d+e (?:membre|pays membre|allie)\b",
        r"formal addition", r"instrument (?:of|d') ?accession",
    ),
    "appointment": _rx(
        r"appoint(?:s|ed|ment)?", r"nomm(?:e|ee|es|ent|er|ation)\b", r"design(?:e|ee|ation) (?:comme|a la tete)",
        r"named (?:as )?(?:the )?(?:new|next)", r"selected as (?:the )?next", r"selection of", r"take office",
        r"prendra ses fonctions", r"entrer(?:a)? en fonction", r"(?:new|next|nouveau|prochain) secr[ea]\w+ g[ea]n[ea]ra",
        r"as the new secretary general",
    ),
    "contract": _rx(r"contra(?:ct|t)s?\b", r"procurement deal", r"commande(?:s)? (?:de|d')", r"purchase agreement"),
    "exercise": _rx(r"exercis(?:e|es)\b(?! (?:of|their|its|restraint|activity|program))", r"exercices?\b(?! (?:de|d'))",
                    r"drills?\b", r"manoeuvres?\b", r"maneuvers?\b"),
    "projection": _rx(
        r"expected to", r"expects?\b", r"projected", r"forecast", r"on track to", r"plans? to (?:meet|reach|spend)",
        r"(?:will|to) (?:meet|reach|exceed|spend|invest|have (?:added|spent|invested))", r"target(?:s|ed)? (?:of|for)",
        r"s'attend", r"devrai(?:t|ent)", r"prevoi(?:t|ent)", r"prevu(?:e|es|s)? (?:pour|en|le|d'ici)",
        r"atteindr(?:e|a|ont)", r"consacrer(?:a|ont)", r"objectif", r"scheduled (?:for|to)", r"planned for",
        r"to (?:arrive|take effect|be operational|become operational)", r"takes? effect", r"prendra effet",
        r"operationnel(?:le)? (?:en|d'ici|des|a partir)",
    ),
    "decision": _rx(
        r"decid(?:e|es|ed|ing)", r"decision (?:to|de|d')", r"decid(?:e|es|er|ent|erent)\b", r"ont decide",
        r"(?<!\bi )(?<!\ball )(?<!\bexperts )(?<!\bwould )(?<!\bdo )(?<!\bdon't )agree(?:s|d)?\b(?! with)", r"convenu", r"(?:se sont|s'est) (?:mis|accordes?) d'accord",
        r"(?:se sont )?accordes? sur", r"adopt(?:s|ed|e|ee|es|ent|er|ion)?\b", r"approv(?:e|es|ed|al)\b",
        r"approuv(?:e|ee|es|ent|er)\b", r"endors(?:e|es|ed|ement)\b", r"enterin(?:e|er|ent)",
        r"launch(?:es|ed)?\b(?! (?:his|its|their|a|an|the)? ?(?:\w+ ){0,3}(?:war|invasion|attack|offensive))", r"lanc(?:e|ee|es|ent|er)\b", r"establish(?:es|ed|ment)?\b", r"etabli(?:r|t|ssent)\b",
        r"creat(?:e|es|ed|ion) (?:of )?(?:a|an|the|new|four|two|three)", r"cre(?:er|e|ee|ation) (?:un|une|de|d'|du|le|la)",
        r"activat(?:e|ed|es)\b", r"activ(?:e|er|ent) (?:ses|les|le)", r"ratif(?:y|ied|ies|ication|ie|iee|ier|ient)",
        r"sign(?:s|ed)\b", r"sign(?:e|ee|ent|er|ature)\b", r"invit(?:e|es|ed|ation) (?:\w+ )?(?:to join|a rejoindre|a adherer)",
        r"suspen(?:d|ds|ded|sion|dre|du)\b", r"withdr(?:aw|ew|awn|aws)", r"retir(?:e|er|ent) (?:de|du)",
        r"(?:set|sets) forth", r"commit(?:s|ted)? to (?:implement|enhance|ensur)", r"resolved to",
        r"lev(?:e|ent|er) (?:ses|son|leurs) (?:objections|reserves|veto)", r"mis fin a ses reserves",
    ),
    "pledge": _rx(
        r"pledg(?:e|es|ed|ing)", r"(?<!\ba )(?<!\ban )commit(?:s|ted)?\b(?! (?:against|by|on|crimes?|atrocit|abuses?|violations?|suicide))", r"(?:new|concrete|additional|firm) commitments?\b",
        r"engag(?:e|ent|er)\b(?! (?:in|with|on)\b)", r"(?:nouvel|nouveaux|nouvelle|nouvelles) engagements?",
        r"s'engag", r"provid(?:e|es|ed|ing)\b(?! for\b)" + _NOT_SUPPORT, r"fourni(?:r|t|ssent|ra|ront)\b", r"deliver(?:s|ed|ing)?\b(?! for\b)",
        r"livr(?:er|e|ent|era|eront|aison|aisons)\b", r"send(?:s|ing)?\b" + _NOT_GIVEN, r"sent\b" + _NOT_GIVEN, r"envo(?:yer|ie|ient|ie|iera|ieront)\b" + _PAS_DONNE,
        r"donat(?:e|ed|ion|ions)", r"contribut(?:e|es|ed|ion|ions)\b", r"contribu(?:er|e|ent|tion|tions)\b",
        r"announc(?:e|es|ed|ement|ements) (?:of )?(?:\w+ )?(?:support|aid|assistance|funding|package|new|additional|\$)",
        r"annonc(?:e|es|er|ent) (?:de |d')?(?:\w+ )?(?:soutien|aide|assistance|nouve)", r"promesses?",
r"(?:continue|continuer|continuera|continueront|continuerons) "
        r"(?:to |a |d')?(?:provide|support|fournir|soutenir|apporter|aider|help)",
        r"deploy(?:s|ed|ment|ments)?\b", r"deploi(?:e|ent|ement|ements)\b", r"deploy(?:er|e|es)\b", r"station(?:ed|ing)\b", r"stations? (?:\w+ )?(?:troops|forces|soldiers|aircraft|jets|ships|destroyers|missiles|units)",
        r"coalition (?:de|of|to|for|pour)\b", r"fund(?:s|ed|ing)\b", r"financ(?:e|er|ement)\b", r"stand (?:with|by)", r"aux cotes de",
        r"offer(?:s|ed)?\b" + _NOT_GIVEN, r"maintain(?:s|ed|ing)? (?:an? |its |their |the )?(?:\w+ )?(?:presence|forces?|troops|rotational)",
        r"increase (?:its|their) (?:presence|troops)", r"(?<!\ba )surged?\b(?! in\b)", r"doubl(?:ed|e)\b(?! down\b)",
        r"renforcer? (?:sa|leur) presence", r"augmenter? (?:sa|leur) presence",
    ),
    "operation": _rx(
        r"operations?\b(?! (?:of|des) )", r"killed\b", r"kill(?:s|ing)\b(?! fields?\b)", r"tues?\b", r"detain(?:ed|s)?\b",
        r"(?<!\bcarbon )captur(?:e|ed)\b(?!\s+(?:(?:the|this|that|these|those|our|their|its)\s+)?"
        r"(?:moments?|imagination|spirit|attention|essence|jobs?|markets?|value|benefits?|opportunit\w*|data|emissions))", r"air ?strikes?", r"strikes? (?:on|against)", r"frappes?\b", r"attaques? (?:de|contre|menees|russes?|aeriennes?)",
        r"attacks? (?:on|against) (?!one\b|all\b|any\b)(?!(?:\S+\s+){0,3}(?:rights|freedoms?|liberties|democracy)\b)", r"attacked\b", r"missile attacks?", r"bombard", r"(?<!\byour )(?<!\bour )(?<!\bmy )(?<!\bhis )(?<!\bher )(?<!\btrade )missions?\b(?! (?:is|was|statement)\b)", r"air policing",
        r"police du ciel", r"(?<!\bborder )patrol(?! (?:aircraft|vessels?|boats?|ships?|planes?|cutters?)\b)", r"intrusion", r"incursion", r"military build-?up", r"renforcement (?:du dispositif|militaire)",
        r"engagements?\b(?= with| in)", r"security force\b",
    ),
    "meeting": _rx(
        r"(?<!be )(?<!been )(?<!was )(?<!were )(?<!is )met\b(?! (?:or|the (?:target|goal|threshold|commitment)))" + _NOT_MET,
        r"meet(?:s|ing|ings)?\b(?! (?:or exceed|the (?:target|goal|threshold|commitment|benchmark)|their|its|our))" + _NOT_MET, r"summit\b", r"sommets?\b", r"mini-sommet", r"reunion\b", r"reuni(?:s|es)?\b",
        r"se reuni(?:ssent|ront|ra)", r"ministerial\b", r"ministerielle\b",
        # "call" the noun, not the verb ("what we call", "who call it home"): after a determiner or before "with"
        r"(?:phone |telephone |video |conference |zoom |virtual )call\b" + _NOT_A_CALL, r"(?:" + "|".join(rf"(?<=\b{w} )" for w in _CALL_DETERMINERS) + r"|(?<='s ))call\b" + _NOT_A_CALL,
        r"call(?= (?:with|between)\b)",
        r"spoke (?:with|to|today)", r"speaks? with", r"s'est entretenu", r"se sont entretenus", r"entretien\b",
        r"(?<!\bplease )visit(?:s|ed|ing)?\b(?! (?:(?:our|the|this|their|its) )?(?:website|web site|site|page|webpage)\b)"
        r"(?!\s+\S+\.(?:gov|com|org|net|int|eu|fr)\b)", r"visite\b", r"rencontr(?:e|er|ent|era)\b", r"(?<!\bhe )(?<!\bshe )(?<!\bit )talks\b(?! about\b)", r"pourparlers",
        r"hosted\b", r"will host\b", r"to host\b", r"(?:a|ont|avait|va|sera|seront) accueilli(?:r)? (?:le|la|les|un|une|des|ses|son|sa|leurs?)\b", r"greet(?:ed|s|ing)?\b",
        r"convene(?:s|d)?\b", r"conven(?:ed|ing)\b", r"gathered\b", r"conseil otan-ukraine",
        r"nato-ukraine (?:council|commission)", r"contact group", r"groupe de contact", r"dinner\b", r"diner\b",
        r"working lunch", r"dejeuner de travail",
        r"welcom(?:e|es|ed|ing) (?:\w+ ){1,8}to (?:the white house|washington|camp david|the elysee)",
        r"accueill(?:e|era|ait|ir) (?:\w+ ){1,8}(?:a la maison blanche|a l'elysee|a washington)",
    ),
    "statement": _rx(
        r"condemn(?:s|ed)?\b", r"condamn(?:e|ent|er|ation)\b", r"denounc(?:e|es|ed)\b", r"denonc(?:e|ent|er)\b",
        r"joint statement", r"declaration commune", r"press conference", r"conference de presse", r"a reagi",
        r"reacted", r"(?:said|wrote|posted|a ecrit|a declare) (?:on|sur) (?:x|twitter)", r"sur (?:x|twitter)",
        r"on (?:x|twitter)\b", r"communique\b", r"issued? a statement", r"statement (?:issued|released)",
        r"refus(?:ed|e) to", r"a refuse de", r"warn(?:s|ed)\b", r"met en garde", r"address(?:ed)? (?:the|a) (?:[\w.-]+ ){0,3}?(?:nation|country|parliament|congress|assembly|conference|summit|"
        r"meeting|council|session|crowd|audience|students|graduates|troops|media|press|people|senate|bundestag|"
        r"knesset|rada|convention|forum|rally|delegates|ministers|leaders|allies|club|chamber|academy|university|"
        r"commission|committee|caucus|union)\b",
        r"s'adressera", r"s'adresser aux",
    ),
}

# What the document mainly reports, read off its title and first sentence.
MAIN_TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("accession", TRIGGERS["accession"]),
    ("appointment", _rx(r"nomm(?:e|ee)\b", r"appoint(?:s|ed)\b", r"welcom\w* \w+ \w+ as (?:the )?new",
                        r"new secretary general")),
    ("meeting", TRIGGERS["meeting"]),
    ("exercise", _rx(r"exercis(?:e|es)\b", r"exercices?\b")),
    ("operation", _rx(r"killed\b", r"kills\b", r"detain(?:ed|s)?\b", r"air ?strikes?", r"operations?\b",
                      r"deploy(?:ed|es)\b", r"deploye?s\b")),
]
# Titles of a written statement, speech or fact sheet: the statement is its own event.
STATEMENT_TITLE = _rx(
    r"statement", r"remarks", r"fact sheet", r"declaration", r"press release", r"readout", r"communique",
    r"discours", r"allocution", r"conference de presse", r"press conference", r"joint statement",
)
# A transcript of spoken words: its undated past tenses are anecdotes and reminders, not news.
TRANSCRIPT_TITLE = _rx(
    r"remarks", r"press conference", r"conference de presse", r"discours", r"allocution", r"interview",
    r"entretien (?:avec|accorde)", r"press briefing", r"press gaggle", r"transcript", r"speech",
)
# Questions and answers: a briefing's undated sentences are talk, not events.
BRIEFING_TITLE = _rx(
    r"press briefing", r"press gaggle", r"gaggle", r"press conference", r"conference de presse", r"interview",
    r"press call", r"point de presse", r"q ?& ?a\b", r"questions and answers",
)
# A readout reports a call or meeting; it is not itself a statement.
READOUT_TITLE = _rx(r"readout", r"compte rendu")
# A named exercise ("exercise Steadfast Defender 24", "l'exercice « Noble Jump »"), read on the unfolded text.
NAMED_EXERCISE = re.compile(r"(?i:exercis(?:e|es)|exercices?|drills?|manoeuvres?)\s+(?:[«\"“]\s*)?[A-Z]")
# Meeting nouns that a date may be attached to ("the summit in July", "le sommet des 11 et 12 juillet").
# (the look-behind after the first letter: a search skips to the letters s, m and r)
MEETING_NOUN = re.compile(
    at_word_start(["summit", "sommet", "ministerial", "ministerielle", "reunion", "meeting"], r"[\w-]") + r"s?\b"
)
# Cues of the tense of a clause, for the precision of an undated event.
ONGOING_CUES = _rx(
    r"continu(?:e|es|ed|ing|er|ent|era|eront)\b", r"(?:is|are) (?:\w+ )?(?:providing|helping|supporting|preparing|"
    r"training|leading|opening)", r"remain(?:s)?\b", r"demeure", r"reste(?:nt)?\b", r"poursui(?:t|vent|vre)",
    r"maintain(?:s|ed)?\b", r"maint(?:ient|iennent|enir)\b", r"currently", r"actuellement", r"en cours", r"ongoing",
    r"under ?way", r"toujours", r"still", r"regulierement", r"regularly",
)
BEFORE_CUES = _rx(
    r"(?:has|have|had) (?:\w+ )?(?:already |now |also |significantly |recently )?(?:\w+ed|\w+en|made|sent|built|taken|"
    r"given|met|won|brought|done|begun|put|set|led|paid|sold|spent|held)\b", r"already", r"deja", r"recent\w*",
    r"since the start", r"depuis le debut", r"immediately after", r"earlier",
)
FUTURE_CUES = _rx(
    r"will\b", r"shall\b", r"(?:is|are) (?:expected |set |due |scheduled )?to (?!date)", r"plans? to", r"intends? to",
    r"upcoming", r"prochaine?s?\b", r"prevue?s?\b", r"\w{3,}(?:era|eront|ira|iront)\b", r"sera\b", r"seront\b",
    r"aura\b", r"auront\b", r"va\b", r"vont\b", r"doi(?:t|vent) ", r"devr(?:a|ont|ait|aient)\b", r"a venir",
)


def _split_top(body: str) -> list[str]:
    """The top-level alternatives of a regex group body."""
    alts, depth, cur, i = [], 0, "", 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            cur += body[i:i + 2]
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
            i += 1
            continue
        cur += ch
        i += 1
    alts.append(cur)
    return alts


def _close(p: str, start: int) -> int:
    depth, i = 0, start
    while i < len(p):
        if p[i] == "\\":
            i += 2
            continue
        if p[i] == "(":
            depth += 1
        elif p[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(p) - 1


def literal_heads(part: str) -> set[str]:
    """Literal text every match of `part` starts with ("" when there is none to find)."""
    while part.startswith(("(?<!", "(?<=")):  # a lookbehind consumes nothing: the literal follows it
        part = part[_close(part, 0) + 1:]
    if part.startswith("(?:"):
        j = _close(part, 0)
        heads = {h for alt in _split_top(part[3:j]) for h in literal_heads(alt)}
        if part[j + 1:j + 2] in ("?", "*"):
            heads |= literal_heads(part[j + 2:])
        return heads
    lit, i = "", 0
    while i < len(part):
        ch = part[i]
        if ch == "\\":
            nxt = part[i + 1:i + 2]
            if nxt in ("b", "w", "d", "s", "W", "D", "S") or not nxt:
                break
            lit += nxt
            i += 2
            continue
        if part.startswith("(?:", i) and lit:
            return {lit + h for h in literal_heads(part[i:])}
        if ch in "()[]{}|.^$?*+":
            if ch in "?*{" and lit:
                lit = lit[:-1]
            break
        lit += ch
        i += 1
    return {lit}


def head_kinds(named: dict[str, re.Pattern]) -> dict[str, frozenset[str]]:
    """What a prefilter match may start: each literal head -> the kinds whose triggers begin with it
    or with a shorter head it extends; digits -> the kinds of digit-led triggers."""
    own: dict[str, set[str]] = {}
    for kind, rx in named.items():
        for part in _PARTS[id(rx)]:
            for head in literal_heads(part):
                own.setdefault(head, set()).add(kind)
    digit_kinds = own.pop("", set())
    out: dict[str, frozenset[str]] = {}
    for head in own:
        kinds: set[str] = set()
        for k in range(1, len(head) + 1):
            kinds |= own.get(head[:k], set())
        out[head] = frozenset(kinds)
    for digit in "0123456789":
        out[digit] = frozenset(digit_kinds)
    return out


def prefilter(patterns: list[re.Pattern]) -> re.Pattern:
    """One regex that finds every place where one of `patterns` may start: a trie of their literal heads
    (and digits when a pattern starts with one). Scanning a text once with it and then matching each
    pattern only at its hits is much cheaper than searching with every pattern."""
    heads: set[str] = set()
    digit = False
    for rx in patterns:
        for part in _PARTS[id(rx)]:
            for head in literal_heads(part):
                if not head:
                    digit = True  # starts with a class or a digit: let digits through
                heads.add(head) if head else None
    alternatives = [trie_regex(sorted(h for h in heads if h))]
    if digit:
        alternatives.append(r"\d")
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


TRIGGER_HEADS = head_kinds(TRIGGERS)


_MAX_HEADS = 64


def _item_end(p: str, i: int) -> int:
    """Where the regex item starting at `i` ends (a character, an escape, a class or a group)."""
    if p[i] == "\\":
        return i + 2
    if p[i] == "[":
        j = i + 1
        while p[j] != "]" or j == i + 1:
            j += 2 if p[j] == "\\" else 1
        return j + 1
    if p[i] == "(":
        return _close(p, i) + 1
    return i + 1


def _quantifier(p: str, i: int) -> tuple[str, int]:
    """The quantifier at `i` ("?", "*", "+", "{...}" or "") and where it ends (a lazy "?" included)."""
    if i < len(p) and p[i] in "?*+":
        q, i = p[i], i + 1
    elif i < len(p) and p[i] == "{":
        j = p.index("}", i)
        q, i = p[i:j + 1], j + 1
    else:
        return "", i
    if i < len(p) and p[i] == "?":
        i += 1
    return q, i


def full_heads(part: str) -> set[tuple[str, bool]]:
    """Literal texts every match of `part` starts with, each with whether it is the whole match (so the
    text after `part` follows it). Finer than `literal_heads`: "(?:a|ont) accueilli" gives "a accueilli"
    and "ont accueilli", not "a" and "ont". Lookarounds and \\b only narrow a match: they are skipped."""
    alts = _split_top(part)
    if len(alts) > 1:
        return {h for alt in alts for h in full_heads(alt)}
    heads = {("", True)}
    i = 0
    while i < len(part) and any(done for _, done in heads):
        j = _item_end(part, i)
        item = part[i:j]
        q, i = _quantifier(part, j)
        if item.startswith(("(?=", "(?!", "(?<=", "(?<!")) or item in ("\\b", "^", "$"):
            continue  # zero width
        if item.startswith("(?:"):
            inner = {h for alt in _split_top(item[3:-1]) for h in full_heads(alt)}
        elif item.startswith("(") or item.startswith("[") or item == "." or (
                item.startswith("\\") and item[1:].isalnum()):
            inner = {("", False)}  # a class, a flag group or a capture: no literal to add
        else:
            inner = {(item[-1], True)}
        if q == "?":
            inner |= {("", True)}
        elif q in ("*",) or q.startswith("{"):
            inner = {("", False)}
        elif q == "+":
            inner = {(h, False) for h, _ in inner}
        heads = {(h + x, done) if whole else (h, False)
                 for h, whole in heads for x, done in (inner if whole else [("", False)])}
        if len(heads) > _MAX_HEADS:
            heads = {(h, False) for h, _ in heads}
    return heads


def scan_table(named: dict[str, re.Pattern], old_heads: dict[str, frozenset[str]]
               ) -> dict[str, tuple[frozenset[str], bool]]:
    """The heads of a scan for the places a trigger may start (`scan_regex`), finer than `prefilter`,
    and what each tells: the kinds that may start there and whether the prefilter's own match there
    spans several words. The prefilter stops at "a" in "a accueilli", so every word in "a" would be a possible
    meeting; the scan stops at "a accueilli". The prefilter consumed its matches: a word inside one
    that spans several ("a declare") was never a hit, and the caller skips it too, so the hits
    are the prefilter's, less those where no trigger can start."""
    own: dict[str, set[str]] = {}
    for kind, rx in named.items():
        for part in _PARTS[id(rx)]:
            olds = literal_heads(part)
            for head, _ in full_heads(part):
                # every finer head lengthens one of the prefilter's: its hits are a subset of the old ones
                assert any(head.startswith(old) for old in olds), (part, head)
                if head:
                    own.setdefault(head, set()).add(kind)
    spanning = {h for h in old_heads if re.search(r"\W\w", h)}
    table: dict[str, tuple[frozenset[str], bool]] = {}
    spanning_starts = tuple(spanning)  # one startswith call tries them all
    for head in set(own) | spanning:
        assert re.match(r"[a-z]", head), head
        kinds = {k for n in range(1, len(head) + 1) for k in own.get(head[:n], ())}
        table[head] = (frozenset(kinds), head.startswith(spanning_starts))
    for digit in "0123456789":
        table[digit] = (old_heads[digit], False)
    return table


def scan_regex(table: dict[str, tuple[frozenset[str], bool]]) -> re.Pattern:
    """The scan as a regex: group 1 is the longest head of `table` at a word start, or a digit."""
    return re.compile(r"\b(?=(" + trie_regex(sorted(h for h in table if not h.isdigit())) + r"|\d))")


TRIGGER_SCAN_HEADS = scan_table(TRIGGERS, TRIGGER_HEADS)
assert all(h.isascii() for h in TRIGGER_SCAN_HEADS)


def _first_heads(table: dict[str, tuple[frozenset[str], bool]]) -> dict[str, list[int]]:
    """The heads spelt on word-start bytes (every character other than a-z and 0-9 a space) that hold no
    shorter one, each with the lengths, longest first, of the heads of `table` it begins."""
    spelt: dict[str, set[int]] = {}
    for head in table:
        if not head.isdigit():
            spelt.setdefault(re.sub(r"[^a-z0-9]", " ", head), set()).add(len(head))
    first: dict[str, set[int]] = {}
    for word, lengths in spelt.items():
        shortest = next(word[:n] for n in range(1, len(word) + 1) if word[:n] in spelt)
        first.setdefault(shortest, set()).update(lengths)
    return {word: sorted(lengths, reverse=True) for word, lengths in first.items()}


_FIRST_HEADS = _first_heads(TRIGGER_SCAN_HEADS)
_LENGTHS_AFTER = {word.encode(): lengths for word, lengths in _FIRST_HEADS.items()}
# The scan on the word-start bytes of the text (text.ascii_forms): at a space, the head that holds no
# shorter one, or a digit. (Stepping over the words inside one match, "(?:[a-z0-9]++ ++)*?", was
# dearer: the trie tried at each word is most of the cost.)
# The look-ahead on the first characters first: a space before a space (punctuation, blanked markup) or
# before a letter no head starts with fails there, without entering the trie (-6 % of the scan).
_FIRST_CHARS = "".join(sorted({h[0] for h in _FIRST_HEADS} | set("0123456789")))
TRIGGER_SCAN_SPACED = re.compile(
    rb" (?=[" + _FIRST_CHARS.encode() + rb"])(?=(" + trie_regex(sorted(_FIRST_HEADS)).encode() + rb")|[0-9])"
)
_PREFILTER_HEADS = frozenset(h for h in TRIGGER_HEADS if not h.isdigit())
_PREFILTER_LENGTHS = sorted({len(h) for h in _PREFILTER_HEADS}, reverse=True)


def _relaxed(part: str) -> str:
    """`part` without its word boundaries and negative lookaheads: a pattern that matches wherever `part`
    matches a text cut short at any end (`match(text, pos, end)`), since only those read what follows."""
    out, i = "", 0
    while i < len(part):
        if part.startswith("(?!", i):
            i = _close(part, i) + 1
        elif part.startswith("\\b", i):
            i += 2
        else:
            n = 2 if part[i] == "\\" else 1
            out += part[i:i + n]
            i += n
    return out


# What a trigger that starts with a digit needs in the text, however the clause around it ends: most
# numbers ("2024", "5 million") start none, and need not be tried again in each clause.
DIGIT_TRIGGER = re.compile(r"(?<![\w-])(?:" + "|".join(
    _relaxed(part) for rx in TRIGGERS.values() for part in _PARTS[id(rx)] if "" in literal_heads(part)) + ")")


def scan_head(folded: str, pos: int, first: bytes) -> tuple[frozenset[str], bool] | None:
    """The entry of the longest head of TRIGGER_SCAN_HEADS at `pos`, where TRIGGER_SCAN_SPACED captured
    `first`: every head there begins with it, spelt on word-start bytes."""
    return next((TRIGGER_SCAN_HEADS[folded[pos:pos + n]] for n in _LENGTHS_AFTER[first]
                 if folded[pos:pos + n] in TRIGGER_SCAN_HEADS), None)


def prefilter_end(folded: str, pos: int) -> int:
    """Where `prefilter`'s match at `pos` ends, at a head that spans several words."""
    return pos + next(n for n in _PREFILTER_LENGTHS if folded[pos:pos + n] in _PREFILTER_HEADS)
