"""Who acts: countries, demonyms ("Ukrainian drones" belong to Ukraine), armed forces,
ministries, agencies and officials, each with an ISO3 country and a PLOVER sector.

`actor_of(tokens)` reads a noun phrase (a list of spaCy tokens) and returns an `ActorRef`, or
None when the phrase names no one eventwire can place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.geocode import country_iso3, country_location

# Nouns that give a phrase its sector: "Ukraine's armed forces" -> MIL.
SECTOR_NOUNS: dict[str, str] = {}
for _sector, _words in {
    "MIL": "forces force army military troops troop soldiers soldier airforce navy marines defence defense "
           "defences defenses"
           "artillery battalion brigade regiment command commander general staff servicemen units unit "
           "paratroopers fleet airmen military's",
    "GOV": "ministry minister government officials official president administration governor mayor "
           "authorities authority kremlin cabinet parliament premier chancellor spokesman spokeswoman "
           "spokesperson envoy diplomats diplomat ambassador state leader leaders negotiators negotiator "
           "office head prosecutor prosecutors council senator lawmakers",
    "COP": "police policemen policeman cops constabulary gendarmerie guards",
    "REB": "rebels rebel militants militant insurgents insurgent separatists separatist jihadists "
           "gunmen guerrillas fighters militia militias terrorists",
    "CVL": "civilians residents protesters demonstrators villagers people workers students farmers",
    "JRN": "media journalists journalist agency agencies newspaper telegram",
    "BUS": "company operator firm utility corporation",
    "MED": "doctors hospital medics",
}.items():
    for _w in _words.split():
        SECTOR_NOUNS[_w] = _sector

# Named organisations, agencies and officials: name -> (ISO3 | None, sector).
KNOWN: dict[str, tuple[str | None, str | None]] = {
    "ukrenergo": ("UKR", "BUS"), "naftogaz": ("UKR", "BUS"), "energoatom": ("UKR", "BUS"),
    "dtek": ("UKR", "BUS"), "gazprom": ("RUS", "BUS"), "rosneft": ("RUS", "BUS"),
    "ukrinform": ("UKR", "JRN"), "tass": ("RUS", "JRN"), "ria novosti": ("RUS", "JRN"),
    "interfax": ("RUS", "JRN"), "kremlin": ("RUS", "GOV"), "pentagon": ("USA", "MIL"),
    "white house": ("USA", "GOV"), "downing street": ("GBR", "GOV"), "sbu": ("UKR", "GOV"),
    "fsb": ("RUS", "GOV"), "gur": ("UKR", "MIL"), "idf": ("ISR", "MIL"), "hamas": ("PSE", "REB"),
    "hezbollah": ("LBN", "REB"), "houthis": ("YEM", "REB"), "houthi": ("YEM", "REB"),
    "taliban": ("AFG", "REB"), "wagner": ("RUS", "MIL"), "rosgvardia": ("RUS", "COP"),
    "putin": ("RUS", "GOV"), "vladimir putin": ("RUS", "GOV"), "lavrov": ("RUS", "GOV"),
    "peskov": ("RUS", "GOV"), "shoigu": ("RUS", "GOV"), "belousov": ("RUS", "GOV"),
    "zakharova": ("RUS", "GOV"), "medvedev": ("RUS", "GOV"), "gerasimov": ("RUS", "MIL"),
    "zelensky": ("UKR", "GOV"), "zelenskyy": ("UKR", "GOV"), "volodymyr zelensky": ("UKR", "GOV"),
    "zaluzhnyi": ("UKR", "MIL"), "syrskyi": ("UKR", "MIL"), "klitschko": ("UKR", "GOV"),
    "sybiha": ("UKR", "GOV"), "kuleba": ("UKR", "GOV"), "shmyhal": ("UKR", "GOV"),
    "svyrydenko": ("UKR", "GOV"), "yermak": ("UKR", "GOV"), "umerov": ("UKR", "GOV"),
    "budanov": ("UKR", "MIL"), "ihnat": ("UKR", "MIL"), "tymoshenko": ("UKR", "GOV"),
    "trump": ("USA", "GOV"), "donald trump": ("USA", "GOV"), "biden": ("USA", "GOV"),
    "vance": ("USA", "GOV"), "jd vance": ("USA", "GOV"), "rubio": ("USA", "GOV"),
    "witkoff": ("USA", "GOV"), "steve witkoff": ("USA", "GOV"), "kushner": ("USA", None),
    "jared kushner": ("USA", None), "hegseth": ("USA", "GOV"), "blinken": ("USA", "GOV"),
    "macron": ("FRA", "GOV"), "starmer": ("GBR", "GOV"), "merz": ("DEU", "GOV"), "scholz": ("DEU", "GOV"),
    "erdogan": ("TUR", "GOV"), "netanyahu": ("ISR", "GOV"), "lukashenko": ("BLR", "GOV"),
    "tusk": ("POL", "GOV"), "nawrocki": ("POL", "GOV"), "duda": ("POL", "GOV"), "orban": ("HUN", "GOV"),
    "xi jinping": ("CHN", "GOV"), "modi": ("IND", "GOV"), "khamenei": ("IRN", "GOV"),
    "kallas": (None, "GOV"), "kaja kallas": (None, "GOV"), "von der leyen": (None, "GOV"),
    "rutte": (None, "GOV"), "guterres": (None, "GOV"), "nato": (None, "MIL"), "eu": (None, "GOV"),
    "european union": (None, "GOV"), "un": (None, "GOV"), "united nations": (None, "GOV"),
    "iaea": (None, "GOV"), "osce": (None, "GOV"), "red cross": (None, "MED"), "icrc": (None, "MED"),
    "reuters": (None, "JRN"), "ap": (None, "JRN"), "afp": (None, "JRN"), "nbc": ("USA", "JRN"),
    "cnn": ("USA", "JRN"), "bbc": ("GBR", "JRN"),
}

PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class ActorRef:
    """An actor as found in text: its words, a display name, ISO3 country and sector."""

    text: str
    name: str
    country: str | None
    sector: str | None
    start: int  # character offsets in the document
    end: int


def _norm(s: str) -> str:
    return _POSSESSIVE.sub("", s.strip()).lower().replace("’", "'")


def known_actor(text: str) -> tuple[str | None, str | None] | None:
    """(country, sector) of a named organisation, agency or official; None if unknown."""
    return KNOWN.get(_norm(text))


def actor_of(tokens) -> ActorRef | None:
    """The actor a noun phrase names ("Russia's defence ministry", "Ukrainian forces",
    "Vladimir Putin", "air defence"); None if it names none."""
    tokens = [t for t in tokens if not t.is_punct or t.text in "-'’"]
    if not tokens:
        return None
    text = tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text
    country = None
    sector = None
    known = known_actor(text)
    if known:
        country, sector = known
    for t in tokens:
        low = t.lower_
        if country is None and (t.pos_ in ("PROPN", "ADJ", "NOUN") or t.ent_type_ in ("GPE", "NORP")) \
                and t.text[:1].isupper():
            country = country_iso3(t.text)
        if country is None and t.text[:1].isupper() and low not in SECTOR_NOUNS:
            k = known_actor(t.text)
            if k:
                country, sector = k[0], sector or k[1]
        if sector is None and low in SECTOR_NOUNS:
            sector = SECTOR_NOUNS[low]
    # multi-word names: "White House", "Vladimir Putin"
    if country is None and sector is None:
        for i in range(len(tokens) - 1):
            pair = f"{tokens[i].text} {tokens[i + 1].text}"
            k = known_actor(pair)
            if k:
                country, sector = k
                break
    if country is None and sector is None:
        return None
    root = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[-1])
    if root.pos_ == "NOUN" and root.lower_ not in SECTOR_NOUNS and not known:
        sector = None  # "Mariupol police station" is a building: "police" does not make it an actor
        if country is None:
            return None
    name = _display_name(tokens, country)
    return ActorRef(text=text, name=name, country=country, sector=sector,
                    start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text))


def _display_name(tokens, country: str | None) -> str:
    """A short name for the actor: "Russia's defence ministry", "Ukrainian forces", "Russia"
    (not the whole headline the parser may have glued to it)."""
    doc = tokens[0].doc

    def span(a, b):
        return doc[a.i:b.i + 1].text

    if any(t.ent_type_ == "PERSON" for t in tokens) and len(tokens) <= 8:
        return _POSSESSIVE.sub("", span(tokens[0], tokens[-1]))
    sector_idx = [i for i, t in enumerate(tokens) if t.lower_ in SECTOR_NOUNS]
    country_idx = [i for i, t in enumerate(tokens) if t.text[:1].isupper() and country_iso3(t.text)]
    if sector_idx:
        first = country_idx[0] if country_idx and country_idx[0] < sector_idx[-1] else 0
        while first < sector_idx[-1] and tokens[first].pos_ in ("DET",):
            first += 1
        return span(tokens[first], tokens[sector_idx[-1]])
    if country_idx:  # a state named by its name or demonym: "Russia", "Ukrainian drones"
        loc = country_location(country) if country else None
        return loc.name if loc is not None and loc.name else _POSSESSIVE.sub("", tokens[country_idx[0]].text)
    k = next((t for t in tokens if known_actor(t.text)), None)
    if k is not None:
        return _POSSESSIVE.sub("", k.text)
    return _POSSESSIVE.sub("", span(tokens[0], tokens[-1]))
