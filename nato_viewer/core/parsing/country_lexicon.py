"""The gazetteer: every way a French or English text names a state, mapped to its ISO 3166-1 alpha-2 code.

Built once at import from babel's CLDR territory names (French and English) plus
the variants, adjectives, demonyms, capitals and venue cities CLDR does not hold.
Keys are folded (lower case, no accents, straight apostrophes, plain dashes) so they
match `ParseContext.folded`. A key mapped to `None` is a blocker: a longer name
that contains a country word but does not refer to the state ("Washington Treaty",
"North America", "Papua New Guinea" is a state but "American Samoa" is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale

from nato_viewer.core.parsing.text import fold_word, trie_regex

# Sovereign states (UN members, observers and the three the guidelines name) with a CLDR name.
_STATES = set(
    ["AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA", "PE", "PG", "PH", "PK", "PL", "PS", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "US", "UY", "UZ", "VA", "VC", "VE", "VN", "VU", "WS", "XK", "YE", "ZA", "ZM", "ZW"]
)

# Kinds of entry: how a mention names the state, which decides capitalisation checks and roles.
NAME, ADJ, CITY, SEAT = "name", "adj", "city", "seat"


@dataclass(frozen=True)
class Entry:
    code: str | None  # None: a blocker
    kind: str = NAME
    caps: bool = True  # the original text must start with a capital letter


# Names CLDR does not give, or gives in a form texts rarely use.
_EXTRA_NAMES = {
    "US": "United States of America, the States, America, U.S.A., U.S., Etats-Unis, Etats-Unis d'Amerique, "
          "Amerique",
    "GB": "UK, U.K., Britain, Great Britain, Grande-Bretagne, United Kingdom of Great Britain and Northern Ireland, "
          "England, Angleterre, Scotland, Ecosse, Wales, pays de Galles, Northern Ireland, Irlande du Nord",
    "TR": "Turkey, Turkiye, Turquie, Republic of Turkiye, Republique de Turquie",
    "CZ": "Czech Republic, Republique tcheque, Czechia, Tchequie",
    "MK": "North Macedonia, Macedonia, Macedoine, Republic of North Macedonia, Republique de Macedoine du Nord, "
          "ex-Republique yougoslave de Macedoine, Former Yugoslav Republic of Macedonia",
    "RU": "Russian Federation, Federation de Russie",
    "KR": "Republic of Korea, Korea, Republique de Coree, Coree du Sud",
    "KP": "Democratic People's Republic of Korea, Republique populaire democratique de Coree",
    "CN": "People's Republic of China, Republique populaire de Chine, Mainland China",
    "MD": "Republic of Moldova, Republique de Moldavie, Moldova",
    "BY": "Belarus, Byelorussia, Belarus, Bielorussie",
    "BA": "Bosnia, Bosnia and Herzegovina, Bosnie, Bosnie-Herzegovine",
    "CD": "Democratic Republic of the Congo, Democratic Republic of Congo, Republique democratique du Congo, "
          "Congo-Kinshasa, Congo",
    "CG": "Republic of the Congo, Republique du Congo, Congo-Brazzaville",
    "CI": "Ivory Coast, Cote d'Ivoire",
    "MM": "Myanmar, Burma, Birmanie",
    "SZ": "Swaziland, Eswatini",
    "CV": "Cabo Verde, Cape Verde, Cap-Vert",
    "TL": "East Timor, Timor oriental, Timor-Leste",
    "VA": "Vatican, Holy See, Saint-Siege, Vatican City, Cite du Vatican",
    "PS": "Palestine, State of Palestine, Etat de Palestine, Palestinian Authority, Autorite palestinienne, "
          "Gaza, Gaza Strip, bande de Gaza, West Bank, Cisjordanie",
    "IR": "Islamic Republic of Iran, Republique islamique d'Iran",
    "SY": "Syrian Arab Republic",
    "LA": "Laos",
    "VN": "Viet Nam, Vietnam",
    "KG": "Kirghizistan, Kyrgyz Republic",
    "AE": "Emirates, Emirats, Emirats arabes unis, United Arab Emirates",
    "SA": "Kingdom of Saudi Arabia, Royaume d'Arabie saoudite",
    "NL": "Netherlands, Pays-Bas",
    "FM": "Federated States of Micronesia",
    "SV": "El Salvador",
    "ST": "Sao Tome and Principe",
    "XK": "Kosovo",
    "TW": "Taiwan, Taiwan, Republic of China",
    "UA": "Ukraine",
}

# Acronyms: matched only when written exactly so (not "us", not "Us").
_ACRONYMS = {
    "US": "US USA", "GB": "UK", "KR": "ROK", "KP": "DPRK", "CN": "PRC", "AE": "UAE", "CD": "DRC RDC",
}

# Adjectives and demonyms. English: "adjective, plural demonym, ...". French: the masculine singular
# forms, from which the feminine and plural forms are generated.
_ADJ_EN = {
    "UA": "Ukrainian, Ukrainians", "RU": "Russian, Russians", "US": "American, Americans",
    "GB": "British, Briton, Britons, Brits", "FR": "French, Frenchman, Frenchmen, Frenchwoman",
    "DE": "German, Germans", "PL": "Polish, Poles", "FI": "Finnish, Finns",
    "SE": "Swedish, Swede, Swedes", "NO": "Norwegian, Norwegians", "DK": "Danish, Danes",
    "NL": "Dutch, Dutchman, Dutchmen", "BE": "Belgian, Belgians", "LU": "Luxembourgish, Luxembourger, Luxembourgers",
    "IT": "Italian, Italians", "ES": "Spanish, Spaniard, Spaniards", "PT": "Portuguese",
    "GR": "Greek, Greeks", "TR": "Turkish, Turk, Turks", "CA": "Canadian, Canadians",
    "EE": "Estonian, Estonians", "LV": "Latvian, Latvians", "LT": "Lithuanian, Lithuanians",
    "RO": "Romanian, Romanians", "BG": "Bulgarian, Bulgarians", "HU": "Hungarian, Hungarians",
    "CZ": "Czech, Czechs", "SK": "Slovak, Slovakian, Slovaks", "SI": "Slovenian, Slovene, Slovenians, Slovenes",
    "HR": "Croatian, Croat, Croats, Croatians", "AL": "Albanian, Albanians", "ME": "Montenegrin, Montenegrins",
    "MK": "North Macedonian, Macedonian, Macedonians", "IS": "Icelandic, Icelander, Icelanders",
    "GE": "Georgian, Georgians", "MD": "Moldovan, Moldovans", "BA": "Bosnian, Bosnians",
    "RS": "Serbian, Serb, Serbs, Serbians", "XK": "Kosovar, Kosovan, Kosovars", "AT": "Austrian, Austrians",
    "CH": "Swiss", "IE": "Irish", "MT": "Maltese", "CY": "Cypriot, Cypriots", "CN": "Chinese",
    "JP": "Japanese", "KR": "South Korean, South Koreans", "KP": "North Korean, North Koreans",
    "AU": "Australian, Australians", "NZ": "New Zealander, New Zealanders", "IN": "Indian, Indians",
    "PK": "Pakistani, Pakistanis", "AF": "Afghan, Afghans, Afghani", "IQ": "Iraqi, Iraqis",
    "IR": "Iranian, Iranians", "SY": "Syrian, Syrians", "IL": "Israeli, Israelis",
    "PS": "Palestinian, Palestinians", "LB": "Lebanese", "JO": "Jordanian, Jordanians",
    "EG": "Egyptian, Egyptians", "SA": "Saudi, Saudis", "QA": "Qatari, Qataris", "AE": "Emirati, Emiratis",
    "LY": "Libyan, Libyans", "TN": "Tunisian, Tunisians", "DZ": "Algerian, Algerians",
    "MA": "Moroccan, Moroccans", "BY": "Belarusian, Belarusians, Belarussian", "KZ": "Kazakh, Kazakhstani",
    "AM": "Armenian, Armenians", "AZ": "Azerbaijani, Azerbaijanis, Azeri", "MX": "Mexican, Mexicans",
    "BR": "Brazilian, Brazilians", "ID": "Indonesian, Indonesians", "TW": "Taiwanese",
    "VN": "Vietnamese", "PH": "Filipino, Filipinos, Philippine", "TH": "Thai", "ML": "Malian, Malians",
    "NG": "Nigerian, Nigerians", "ZA": "South African, South Africans", "YE": "Yemeni, Yemenis",
    "SD": "Sudanese", "SO": "Somali, Somalis", "ET": "Ethiopian, Ethiopians", "VE": "Venezuelan, Venezuelans",
    "CU": "Cuban, Cubans", "AR": "Argentine, Argentinian, Argentinians", "CL": "Chilean, Chileans",
    "CO": "Colombian, Colombians", "KE": "Kenyan, Kenyans", "BH": "Bahraini", "KW": "Kuwaiti",
    "OM": "Omani", "MN": "Mongolian", "SG": "Singaporean", "MY": "Malaysian", "BD": "Bangladeshi",
    "UZ": "Uzbek", "TM": "Turkmen", "TJ": "Tajik", "KG": "Kyrgyz", "HT": "Haitian", "NE": "Nigerien",
    "TD": "Chadian", "BF": "Burkinabe", "SN": "Senegalese", "LK": "Sri Lankan", "NP": "Nepalese",
}
_ADJ_FR = {
    "UA": "ukrainien", "RU": "russe", "US": "americain, etats-unien", "GB": "britannique",
    "FR": "francais", "DE": "allemand", "PL": "polonais", "FI": "finlandais", "SE": "suedois",
    "NO": "norvegien", "DK": "danois", "NL": "neerlandais, hollandais", "BE": "belge",
    "LU": "luxembourgeois", "IT": "italien", "ES": "espagnol", "PT": "portugais", "GR": "grec",
    "TR": "turc", "CA": "canadien", "EE": "estonien", "LV": "letton", "LT": "lituanien",
    "RO": "roumain", "BG": "bulgare", "HU": "hongrois", "CZ": "tcheque", "SK": "slovaque",
    "SI": "slovene", "HR": "croate", "AL": "albanais", "ME": "montenegrin", "MK": "macedonien, nord-macedonien",
    "IS": "islandais", "GE": "georgien", "MD": "moldave", "BA": "bosnien, bosniaque", "RS": "serbe",
    "XK": "kosovar", "AT": "autrichien", "CH": "suisse", "IE": "irlandais", "MT": "maltais",
    "CY": "chypriote", "CN": "chinois", "JP": "japonais", "KR": "sud-coreen", "KP": "nord-coreen",
    "AU": "australien", "NZ": "neo-zelandais", "IN": "indien", "PK": "pakistanais", "AF": "afghan",
    "IQ": "irakien", "IR": "iranien", "SY": "syrien", "IL": "israelien", "PS": "palestinien",
    "LB": "libanais", "JO": "jordanien", "EG": "egyptien", "SA": "saoudien", "QA": "qatari, qatarien",
    "AE": "emirati", "LY": "libyen", "TN": "tunisien", "DZ": "algerien", "MA": "marocain",
    "BY": "bielorusse", "KZ": "kazakh", "AM": "armenien", "AZ": "azerbaidjanais, azeri", "MX": "mexicain",
    "BR": "bresilien", "ID": "indonesien", "TW": "taiwanais", "VN": "vietnamien", "PH": "philippin",
    "TH": "thailandais", "ML": "malien", "NG": "nigerian", "ZA": "sud-africain", "YE": "yemenite",
    "SD": "soudanais", "SO": "somalien", "ET": "ethiopien", "VE": "venezuelien", "CU": "cubain",
    "AR": "argentin", "CL": "chilien", "CO": "colombien", "KE": "kenyan", "NE": "nigerien",
    "TD": "tchadien", "SN": "senegalais", "BF": "burkinabe", "UZ": "ouzbek", "MN": "mongol",
}
# Demonyms of capitals standing for their state ("le siège bruxellois", "les autorités moscovites").
_CITY_ADJ_FR = {
    "BE": "bruxellois", "RU": "moscovite", "GB": "londonien", "FR": "parisien", "DE": "berlinois",
    "PL": "varsovien", "UA": "kievien",
}
# "franco-allemand", "russo-ukrainien", "Sino-American": the first half of a compound adjective.
PREFIXES = {
    "franco": "FR", "germano": "DE", "russo": "RU", "sino": "CN", "turco": "TR", "israelo": "IL",
    "americano": "US", "italo": "IT", "greco": "GR", "polono": "PL", "nippo": "JP", "syro": "SY",
    "irano": "IR", "irako": "IQ", "ukraino": "UA", "belgo": "BE", "helveto": "CH", "hispano": "ES",
    "lituano": "LT", "romano": "RO", "austro": "AT", "hungaro": "HU", "serbo": "RS",
}

# Seats of government (a capital standing for its government) and other cities that place an event
# in a state: summit venues, NATO commands and bases, datelines.
_CITIES = {
    "RU": "Moscow, Moscou, Kremlin, St. Petersburg, Saint-Petersbourg, Kaliningrad, Sochi, Sotchi, Kursk, Belgorod",
    "UA": "Kyiv, Kiev, Kyiv, Kiyv, Kharkiv, Kharkov, Odesa, Odessa, Mariupol, Marioupol, Kherson, Zaporizhzhia, "
          "Zaporijia, Lviv, Dnipro, Donbas, Donbass, Luhansk, Louhansk, Donetsk, Crimea, Crimee, Bakhmut, "
          "Avdiivka, Avdiivka",
    "US": "Washington, Washington D.C., Washington, D.C., White House, Maison Blanche, Pentagon, Pentagone, "
          "New York, Norfolk, Chicago, Camp David",
    "CN": "Beijing, Pekin", "GB": "London, Londres, Downing Street, Newport, Cardiff, Edinburgh, Edimbourg",
    "FR": "Paris, Elysee, Quai d'Orsay, Strasbourg", "DE": "Berlin, Munich, Munchen, Ramstein, Wiesbaden, Bonn, Ulm",
    "PL": "Warsaw, Varsovie, Bydgoszcz, Rzeszow, Redzikowo, Szczecin, Krakow, Cracovie",
    "TR": "Ankara, Istanbul, Izmir, Incirlik", "IR": "Tehran, Teheran", "KP": "Pyongyang",
    "KR": "Seoul, Seoul", "JP": "Tokyo", "AU": "Canberra", "CA": "Ottawa, Halifax", "IT": "Rome, Naples, Aviano",
    "ES": "Madrid, Rota", "PT": "Lisbon, Lisbonne", "GR": "Athens, Athenes", "BE": "Brussels, Bruxelles, Mons, "
          "Casteau, Evere, Anvers, Antwerp", "NL": "The Hague, La Haye, Amsterdam, Brunssum, Rotterdam",
    "LT": "Vilnius", "LV": "Riga", "EE": "Tallinn", "FI": "Helsinki", "SE": "Stockholm", "NO": "Oslo, Trondheim, "
          "Stavanger", "DK": "Copenhagen, Copenhague", "IS": "Reykjavik", "RO": "Bucharest, Bucarest, Constanta, "
          "Deveselu", "BG": "Sofia", "HU": "Budapest", "CZ": "Prague", "SK": "Bratislava",
    "SI": "Ljubljana", "HR": "Zagreb", "AL": "Tirana", "ME": "Podgorica", "MK": "Skopje", "RS": "Belgrade",
    "BA": "Sarajevo", "XK": "Pristina", "MD": "Chisinau", "GE": "Tbilisi, Tbilissi", "BY": "Minsk",
    "AM": "Yerevan, Erevan", "AZ": "Baku, Bakou", "AT": "Vienna", "CH": "Bern, Berne, Geneva, Geneve",
    "IE": "Dublin", "MT": "Valletta, La Valette", "CY": "Nicosia, Nicosie", "AF": "Kabul, Kaboul, Kandahar, "
          "Helmand, Logar, Wardak, Faryab, Kunduz, Herat, Mazar-e-Sharif",
    "IQ": "Baghdad, Bagdad, Erbil", "SY": "Damascus, Damas", "LB": "Beirut, Beyrouth", "IL": "Tel Aviv, Jerusalem",
    "SA": "Riyadh, Riyad, Jeddah, Djeddah", "QA": "Doha", "AE": "Abu Dhabi, Abou Dhabi, Dubai, Dubai",
    "EG": "Cairo, Le Caire", "PK": "Islamabad", "IN": "New Delhi", "TW": "Taipei", "ID": "Jakarta, Bali",
    "LU": "Luxembourg", "JO": "Amman", "KZ": "Astana", "TN": "Tunis", "DZ": "Alger, Algiers", "MA": "Rabat",
}
# Cities that name a government rather than a venue ("Moscou a réagi"): role mentioned unless an
# event is said to take place there.
_SEATS = {"moscow", "moscou", "kremlin", "pyongyang", "beijing", "pekin", "tehran", "teheran", "white house",
          "maison blanche", "pentagon", "pentagone", "elysee", "quai d'orsay", "downing street", "damascus",
          "damas"}

# Longer names holding a country word that do not refer to the state.
_BLOCKERS = (
    "Washington Treaty, Treaty of Washington, traite de Washington, Washington Post, Washington Times, "
    "George Washington, Washington Consensus, Paris Agreement, accord de Paris, accords de Paris, "
    "Minsk agreements, Minsk Agreement, accords de Minsk, Minsk II, Helsinki Final Act, Acte final d'Helsinki, "
    "Bucharest Nine, Bucarest 9, Neuf de Bucarest, format de Bucarest, Ramstein format, format Ramstein, "
    "German Marshall Fund of the United States, German Marshall Fund, Wales Pledge, "
    "Wales Defense Investment Pledge, Wales Defence Investment Pledge, engagement du pays de Galles, Voice of America, Bank of America, Radio Free Europe, "
    "North America, South America, Latin America, Central America, the Americas, Amerique du Nord, "
    "Amerique du Sud, Amerique latine, Amerique centrale, les Ameriques, North American, South American, "
    "Latin American, Central American, nord-americain, sud-americain, latino-americain, "
    "American Samoa, Samoa americaines, New Mexico, Nouveau-Mexique, New Jersey, New Guinea, "
    "Korean Peninsula, peninsule coreenne, Indian Ocean, ocean Indien, Indian Ocean Territory, "
    "South Georgia, Georgie du Sud, Turkish Stream, TurkStream, Nord Stream, Istanbul Convention, "
    "Anglo-Saxon, Anglo-Saxons, Anglo-saxon, French Guiana, Guyane francaise, Polynesie francaise, "
    "French Polynesia, Channel Islands, British Virgin Islands, British Indian Ocean Territory, "
    "Outre-Manche, Russia Today, Pays de la Loire, Paris Saint-Germain, Real Madrid, Soviet Union, "
    "Union sovietique, Yugoslavia, Yougoslavie, Czechoslovakia, Tchecoslovaquie, North Pole, South Pole, "
    "Prince of Wales, Princess of Wales, prince de Galles, princesse de Galles, New England, Paris Match, "
    "New York Times, New York Post, New York Daily News, Indian Country, Indian Affairs, Indian Health Service, "
    "American Indian, American Indians, Indian Tribes, Indian tribes, Indian tribal, "
    "New South Wales, Nouvelle-Galles du Sud, Bank of England, Banque d'Angleterre"
)

# US states: "Rome, Georgia" and "Paris, Texas" are American towns, not the capitals.
US_STATES = frozenset(re.split(r",\s*",
    "alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, georgia, hawaii, "
    "idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan, "
    "minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey, new mexico, "
    "new york, north carolina, north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, "
    "south carolina, south dakota, tennessee, texas, utah, vermont, virginia, washington, west virginia, "
    "wisconsin, wyoming"
))

# Names that are also people's names: refused next to another capitalised name word.
PERSON_LIKE = {"jordan", "chad", "georgia", "israel", "india", "paris", "sofia", "washington", "kenya",
               "norfolk", "halifax", "newport", "rota", "mons", "alger", "amman", "herat", "cuba", "salvador",
               "georgian", "georgians"}


def _fold(s: str) -> str:
    return fold_word(s).replace("\u2011", "-").replace("\u2010", "-")


def _fr_forms(masc: str) -> list[str]:
    """Masculine singular -> the four forms ("ukrainien" -> ukrainienne, ukrainiens, ukrainiennes)."""
    if masc.endswith("e"):
        return [masc, masc + "s"]
    if masc.endswith("ien") or masc.endswith("en"):
        fem = masc + "ne"
    elif masc.endswith("c"):  # grec, turc
        fem = masc[:-1] + ("cque" if masc.endswith("ec") else "que")
    elif masc.endswith("s"):
        return [masc, masc + "e", masc + "es"]
    else:
        fem = masc + "e"
    return [masc, masc + "s", fem, fem + "s"]


def _clean_cldr(name: str) -> list[str]:
    name = name.replace("’", "'").replace("&", "and")
    out = [name]
    base = re.sub(r"\s*\(.*?\)", "", name).strip()
    if base != name:
        out.append(base)
        inner = re.findall(r"\((.*?)\)", name)
        out.extend(inner)
    if name.startswith("St. "):
        out.append("Saint " + name[4:])
    return out


def _build() -> tuple[dict[str, Entry], dict[str, str]]:
    table: dict[str, Entry] = {}
    acronyms: dict[str, str] = {}

    def put(key: str, entry: Entry, override: bool = False) -> None:
        k = _fold(key).strip()
        if not k:
            return
        if override or k not in table:
            table[k] = entry

    for lang in ("en", "fr"):
        territories = Locale(lang).territories
        for code, name in territories.items():
            if not (len(code) == 2 and code.isalpha()):
                continue
            for variant in _clean_cldr(name):
                put(variant, Entry(code if code in _STATES else None))
    for code, names in _EXTRA_NAMES.items():
        for name in names.split(","):
            name = name.strip()
            put(name, Entry(code, caps=name[:1].isupper()), override=True)
    for code, words in _ADJ_EN.items():
        for word in words.split(","):
            put(word.strip(), Entry(code, ADJ, caps=True))
    for code, words in list(_ADJ_FR.items()) + list(_CITY_ADJ_FR.items()):
        for word in words.split(","):
            for form in _fr_forms(_fold(word.strip())):
                put(form, Entry(code, ADJ, caps=False))
    for code, cities in _CITIES.items():
        for city in cities.split(","):
            c = city.strip()
            put(c, Entry(code, SEAT if _fold(c) in _SEATS else CITY), override=_fold(c) not in table)
    for blocker in _BLOCKERS.split(","):
        put(blocker.strip(), Entry(None), override=True)
    for code, words in _ACRONYMS.items():
        for word in words.split():
            acronyms[word] = code
    # "the States" is too loose on its own; "America" is a name of the state (its regions are blockers).
    table.pop("the states", None)
    # Regions and groupings CLDR lists with two-letter codes are already blockers (code None).
    return table, acronyms


LEXICON, ACRONYMS = _build()


# Keys are matched greedily (the trie regex prefers the longest continuation) between non-word limits.
# A final "." of "U.S." is part of the key, so the right limit only refuses a following letter or digit.
# Every key, matched at a candidate start (an upper-case letter opening a word): names, cities and English
# adjectives are written with a capital, so the text is not scanned position by position.
NAME_RE = re.compile(trie_regex(sorted(LEXICON), space=r"\s+") + r"(?!\w)")
# Keys that may be written in lower case (French adjectives, "pays de Galles"), scanned over the whole
# folded text of French documents. The leading non-word character is consumed, not looked behind, so
# the regex engine skips letters quickly: match against " " + text and read group(1).
LOWER_RE = re.compile(r"[^\w.](" + trie_regex(sorted(k for k, e in LEXICON.items() if e and not e.caps), space=r"\s+") + r")(?!\w)")
# A capitalised word (its letters): candidate starts, kept when the word can open a key.
# The look-behind comes after the capital (same test: the character before it is no word character and no
# period) so the regex engine can skip to the next capital with its fast character-set scan.
CAPITAL_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w.].)[^\W\d_]*")
CAPITALS = frozenset(c for c in map(chr, range(0x180)) if CAPITAL_RE.match(c))  # its first characters
FIRST_WORDS = frozenset(m.group(0) for m in (re.match(r"[^\W\d_]+", k) for k in LEXICON) if m)

# A literal alternation with no look-behind is scanned fast; the left boundary is checked by the caller.
ACRONYM_RE = re.compile(r"(?:" + "|".join(sorted(ACRONYMS, key=len, reverse=True)) + r")(?!\w)")
PREFIX_RE = re.compile(r"o-(?=\w)")  # every prefix ends in "o-": found literally, read back by the caller
