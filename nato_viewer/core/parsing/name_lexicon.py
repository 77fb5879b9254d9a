"""Word lists for telling person names from other capitalised words.

FIRST_NAMES is a general list of common given names (English, French, German,
Nordic, Baltic, Slavic, Romance, Turkish, Arabic, East Asian...), folded. It is
evidence, not a requirement: titles and honorifics find names it lacks.
NOT_NAME_WORDS are capitalised words that are never part of a person's name
(articles and pronouns at a sentence start, institutions, places, calendar words).
"""

from __future__ import annotations

from functools import lru_cache

from nato_viewer.core.parsing.text import fold_word


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES = _words("""
aaron abdul abdullah abdel abel abraham adam adel adrian adriana adrien agnes agnieszka ahmad ahmed aidan ailsa
alain alan alar albert alberto aleksander aleksandr aleksandra aleksei alessandro alex alexander alexandra
alexandre alexei alexey alexis alfred alfredo ali alice alicia alina alison amanda amelie amy ana anatoliy anders
andre andrea andreas andrei andrej andres andrew andrey andrii andriy andrii andrzej angela angelika angelina angus
anita ann anna anne annalena annegret annette annie anthony antoine anton antonio antony antonin antti anu ariel
armin arnaud arnold arthur arvid asa ashley astrid audrey aurelien axel baiba barack barbara barry bart bartosz
basil beata beatrice ben benedikt benjamin benoit bernard bernd bernadette bertrand beth bill bjorn blaise bob bogdan
boris borge boyko brad bradley brendan brett brian bridget bruno bruce bryan camille carl carla carlo carlos carmen
carol caroline catherine cecile cedric celine charles charlie charlotte chloe chris christian christina christine
christoph christophe christopher chrystia claire clara clare claude claudia clement colin connor constantin cristian
cyril cyrille dag dalia damian damien dan daniel daniela daniele danielle danny dario darius dave david dean
delphine denis dennis derek diana diane didier diego dimitri dimitris dmitri dmitry dmytro dominic dominik dominique
donald donna doris dorota douglas duncan dusko dusan eamonn ed eddie edgar edgars edith edmund eduard eduardo edward
edouard egils elena eli elias elina elisabeth elizabeth ellen elsa emil emile emilia emily emma emmanuel emmanuelle
enrico eric erik erika ernest ernst esther ethan etienne eugene eva evan evangelos evelyne fabian fabien fabrice
federica felipe felix ferdinand fernando filip florence florian francesca francesco francis francisco franck
francois francoise frank franz fred frederic frederik frederick friedrich gabriel gabriele gabrielius gary gaston
gavin geert geoffrey george georges georgi georgios gerald gerard gerhard gert gilbert gilles gina giorgia
giorgos giovanni gitanas giuseppe glenn gordon grace graham grant greg gregor gregory guido guillaume gunnar gustav
guy hakan hakon hans harald harold harriet harry heather hector heidi heinz helen helena helene helga henri henrik
henry herbert hubert hugh hugo hussein ian igor ilham imran ingrid irene iris isaac isabel isabella isabelle
ivan ivana ivo jack jacek jacob jacques jake jakob james jan jane janet janez janos jaroslaw jasmine jason javier
jay jean jean-claude jean-louis jean-luc jean-marc jean-marie jean-michel jean-noel jean-paul jean-pierre
jean-yves jeanne jeff jeffrey jennifer jens jeremy jerome jerzy jessica jim jimmy jo joachim joan joanna joao
jocelyn joe joel johan johann johannes john johnny jon jonas jonathan jordan jorge jose josef joseph josep josh
joshua josip juan judith jules julia julian julie julien juliette julius jurgen justin jussi kaja kamala karel
karen karin karl karol kasia katalin katarina katarzyna kate katharina katherine kathleen kathryn katie katrin
kay keir keith kelly ken kenneth kevin kim kira kirsten klaus kristen kristian kristina kristjan krzysztof kurt
kyle lance larry lars laura laurence laurent lea leo leon leonid liam lilian linda lindsey lisa liz lloyd lois
lorenzo louis louise luc luca lucas lucia lucie ludovic luis luiz luke lukas lukasz lydia magdalena mahmoud
maia malcolm manfred manon manuel marc marcel marco marcus margaret margarita margrethe maria marian marianne marie
marina mario marion marius mark marko markus marta martha martin mary mateusz mathias mathieu matteo matthew
matthias matti maurice max maxim maxime maximilian megan mehmet melania melanie melissa mette michael michal michel
michele michelle miguel mihai mika mikael mike mikhail milan milo miloš milos mircea miriam mitch mitt mohamed
mohammad mohammed monica monika morgan muhammad nadia nancy naftali natalia natalie nathalie nathan neal neil
nicholas nick nicola nicolas nicolae nicole nigel nikita niklas nikola nikolai nikolaos nils nina noah noel norbert
oleg oleksandr oleksii oleksiy olaf olga oliver olivia olivier olof omar oscar otto pablo paolo pascal pat patricia
patrick paul paula pauline pavel pawel pedro pekka per peter petr petra petro petteri phil philip philippe
pierre piotr pita pol rachel radek radoslaw rafael rafal ralph ramon randy raphael rasmus raymond rebecca reinhard
remi renata rene richard rick rishi rob robert roberta roberto robin rodrigo roger roland roman romain ron ronald
rosa rose ross roustem ruben rudolf rumen rupert russell rustem ruth ryan sabine sadiq salome sally sam samantha
samuel sandra sanna sara sarah sauli scott sean sebastian sebastien serge sergei sergey sergio sergiy serhiy
sigmar silvio simon simone sofia sophie stefan stefano stephane stephanie stephen steve steven stuart susan
suzanne sven svetlana sylvie tamara tanja tatiana ted teresa theo theodore theresa thierry thom thomas tiago tim
timothy tina tobias todd tom tomas tomasz tommy toni tony tove ulf ulrich ulrike ursula urmas valdis valentin
valerie valery vanessa vasyl veronika viktor viktoria vincent virginie vitali vitaliy vladimir vladislav
volodymyr walter wayne werner wesley william willy wim witold wojciech wolfgang xavier yann yannick yves yvonne
zbigniew zoltan zuzana zygmunt kristalina recep tayyip erdal emine mevlut hakan hulusi ilir edi bujar
dritan viktor peter petteri jyrki juha sanna alexander ulf magnus stefan sten kersti kaja jüri juri
toomas mart tarmo indrek evika arturs krisjanis ingrida gabrielius vaidotas
joseph bill hillary kamala lloyd antony jake tulsi pete marco jd
""")

# Capitalised words that never belong to a person's name.
NOT_NAME_WORDS = _words("""
the a an in on at of for to from by with and or but as this that these those there here we our us i it its he
she his her they their them you your my me who what when where why how if so then today yesterday tomorrow
tonight now also however meanwhile moreover thus while during after before since until under over between among
le la les l un une des du de d au aux ce cet cette ces il elle ils elles nous vous on je son sa ses leur leurs
notre nos votre vos dans en pour par avec sans selon apres avant lors depuis pendant mais et ou donc or ni car
quand lorsque si tous tout toute toutes plus moins tres deja encore aussi ainsi cependant toutefois enfin
ensuite puis aujourd'hui hier demain jeudi lundi mardi mercredi vendredi samedi dimanche monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
nato otan alliance allies allied allie allies alliee alliees ally union nations nation united unies unis
european europeenne europeen europe council conseil committee comite commission summit sommet ministry ministere
department departement office bureau house maison blanche white kremlin pentagon government gouvernement
parliament parlement assembly assemblee senate senat congress congres state states etat etats affairs affaires
foreign etrangeres defence defense armees security securite national nationale international internationale
force forces army armee navy marine air command commandement joint operations operation center centre
headquarters quartier agency agence group groupe partnership partenariat plan treaty traite organization
organisation declaration statement communique fact sheet readout remarks press conference release source
details quote republic republique kingdom royaume federation federal federale north nord south sud east est
west ouest eastern western northern southern atlantic atlantique pacific pacifique indo-pacific indo-pacifique
arctic arctique baltic baltique balkans black mer sea middle moyen orient africa afrique asia asie america
amerique americas world monde global russian russe ukrainian ukrainien ukrainienne american americain americaine
french francais francaise british britannique german allemand allemande polish polonais polonaise finnish
finlandais finlandaise swedish suedois suedoise turkish turc turque norwegian norvegien norvegienne
canadian canadien canadienne italian italien italienne spanish espagnol espagnole dutch neerlandais chinese
chinois chinoise taliban talibans afghan afghans afghane isaf kfor eu ue un onu g7 g20 osce ocde oecd
minister ministre president presidente secretary secretaire general generale prime premier chancellor
chancelier leader chief head chair speaker senator sen rep representative ambassador commander admiral
colonel col gen lt spokesperson spokesman porte-parole director directeur deputy adjoint vice high haut haute
supreme supreme allied transformation mission missions exercise exercice initiative programme program
strategic strategique concept compact fund fonds facility facilite coalition contact ramstein
twitter x facebook telegram instagram linkedin youtube afp reuters ap belga associated press
day week month year jour semaine mois annee anniversary anniversaire christmas noel easter paques
covid covid-19 coronavirus internet web online en-ligne brussels bruxelles washington paris london londres
moscow moscou kyiv kiev kyiv warsaw varsovie vilnius madrid berlin rome ankara the-hague la-haye
province provinces district districts region village villages city ville town
direction oui non yes no bravo merci thanks thank hello bonjour mission
one two three four five six seven eight nine ten eleven twelve dozen hundred thousand million billion
un deux trois quatre cinq sept huit neuf dix onze douze vingt trente cent mille
killed detained captured named appointed elected welcomed arrested wounded injured
administration act acts law laws county counties tribe tribes tribal program programs network networks
partners foundation institute university college school hospital company corporation inc llc bank court
division panel task unit board trust association society museum library church airport base station port
bridge river lake mount island islands park memorial cemetery center centers fellowship award awards prize
medal commission commissions caucus party democrats republicans democratic republican
senior special counsel executive assistant acting former channel english participants members officials
presidential library garden moonshot americans europeans canadians ukrainians russians
electric motors dynamics atomics extraordinary plenipotentiary
capitol hill street avenue square place road route building palace palais hall
service services accord accords agreement agreements pact
honorable honourable excellency leadership border patrol guard coast
""")

# Words that make the following capitalised words a place: "San Carlos", "Fort Bragg", "Lake Placid".
PLACE_PREFIXES = _words("san santa santo sao saint sainte st ste fort port lake mount mont new nouvelle nouveau")

# Head nouns of institutions: capitalised words before one of these name the institution, not a person
# ("Senate Agriculture Committee", "Environment and Public Works Committee").
ORG_HEADS = _words("""
committee committees commission council caucus ministry ministere department departement agency agence office
bureau board authority administration service services force forces army navy command corps union party group
court tribunal institute institution foundation fund association council university college school hospital
company corporation bank centre center network coalition alliance league federation assembly parliament senate
congress house cabinet secretariat directorate division unit program programme project initiative act plan
""")

NAME_PARTICLES = _words("de du des da di dos das do del della van von der den ter ten le la bin ibn al el y")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Folded words of country and region names (babel, English and French)."""
    words: set[str] = set()
    try:
        from babel import Locale

        for lang in ("en", "fr"):
            for code, name in Locale(lang).territories.items():
                if code.isdigit():
                    continue
                for w in name.split() + name.replace("-", " ").split():
                    w = fold_word(w).strip("(),.")
                    if len(w) > 2:
                        words.add(w)
    except Exception:  # babel data missing: the lists above still work
        pass
    return frozenset(words)


_EXTRA_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d",
                             "þ": "th"})


def name_key(word: str) -> str:
    """Folded form of a word for the name lists (also folds the letters NFD leaves alone: ł, ø, đ...)."""
    folded = fold_word(word)
    # str.translate with a dict looks every character up (a KeyError each): ASCII words have none to fold
    return folded if folded.isascii() else folded.translate(_EXTRA_FOLD)


def is_gerund(word: str) -> bool:
    """An English -ing form, as capitalised in headlines ("Welcoming", "Marking")."""
    w = name_key(word)
    return len(w) >= 7 and w.endswith("ing") and w[-4] not in "pjy" and w not in FIRST_NAMES


@lru_cache(maxsize=65536)
def is_not_name(word: str) -> bool:
    w = name_key(word).strip(".")
    return w in NOT_NAME_WORDS or (w in place_words() and w not in FIRST_NAMES)
