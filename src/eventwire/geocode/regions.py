"""Directional parts of a country ("eastern Poland", "the far west of Ukraine", "Russia's south")
and a few named regions that are not admin units (Donbas).

A direction is placed from the population-weighted distribution of the country's towns: "eastern"
takes the 90th percentile of their longitudes (weighted by population) and the weighted median
latitude; "far" moves to the 96th percentile; "north-east" combines both axes; "central" is the
weighted median of both. Weighting by population lands the point where the country's people (and
most reported events) are, which matters for countries that are mostly empty: "southern Russia"
comes out in the North Caucasus/Rostov area rather than on the Mongolian border.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.geocode.normalize import key as norm_key

_DIR_WORDS: dict[str, str] = {
    "north": "N", "northern": "N", "south": "S", "southern": "S", "east": "E", "eastern": "E",
    "west": "W", "western": "W", "northeast": "NE", "northeastern": "NE", "northwest": "NW",
    "northwestern": "NW", "southeast": "SE", "southeastern": "SE", "southwest": "SW",
    "southwestern": "SW", "central": "C", "centre": "C", "center": "C", "middle": "C",
}
_ADJ = {"N": "northern", "S": "southern", "E": "eastern", "W": "western", "NE": "north-eastern",
        "NW": "north-western", "SE": "south-eastern", "SW": "south-western", "C": "central"}
_DIR_RE = "(?:north|south)(?: ?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|centre|center|middle"
# "[the] [far] eastern [part of] [the] <place>" / "the far west of <place>" / "far east <place>"
_LEADING = re.compile(
    rf"^(?:the )?(?P<far>far |extreme )?(?P<dir>{_DIR_RE})(?: parts?| regions?| areas?)?"
    rf"(?: of)?(?: the)?(?: (?P<place>.+))?$")
# "<place>'s [far] east" (the key form drops the apostrophe: "ukraines east")
_TRAILING_RAW = re.compile(
    rf"^(?P<place>.+?)['’]s (?P<far>far |extreme )?(?P<dir>{_DIR_RE})$", re.IGNORECASE)

Q_NEAR = 0.10  # percentile for a plain direction
Q_FAR = 0.04  # percentile for "far"/"extreme"


@dataclass(frozen=True, slots=True)
class Direction:
    code: str  # N, S, E, W, NE, NW, SE, SW, C
    far: bool
    place: str  # the raw place text ("" when not named: "the far west")

    @property
    def label(self) -> str:
        return ("far " if self.far else "") + _ADJ[self.code]


def parse_direction(text: str) -> Direction | None:
    """Split a directional mention; ``None`` when the text is not one."""
    m = _TRAILING_RAW.match(text.strip())
    if m:
        code = _code(m.group("dir"))
        return Direction(code, bool(m.group("far")), m.group("place")) if code else None
    k = norm_key(text)
    m = _LEADING.match(k)
    if not m:
        return None
    code = _code(m.group("dir"))
    if code is None:
        return None
    place = m.group("place") or ""
    if place in ("country", "the country"):
        place = ""
    if not place and not (m.group("far") or k.startswith("the ")):
        return None  # a bare "East" or "Middle" is not a region; "the east", "far west" are
    return Direction(code, bool(m.group("far")), place)


def _code(word: str) -> str | None:
    return _DIR_WORDS.get(word.lower().replace(" ", "").replace("-", ""))


def direction_point(stats, d: Direction) -> tuple[float, float]:
    """Coordinates for a direction from a :class:`~eventwire.geocode.gazetteer.CountryStats`."""
    q = Q_FAR if d.far else Q_NEAR
    lat = stats.lat_q(0.5)
    lon = stats.lon_q(0.5)
    if "N" in d.code:
        lat = stats.lat_q(1 - q)
    if "S" in d.code:
        lat = stats.lat_q(q)
    if "E" in d.code:
        lon = stats.lon_q(1 - q)
    if "W" in d.code:
        lon = stats.lon_q(q)
    return round(lat, 4), round(lon, 4)


# Named regions that are not GeoNames admin1 units: key -> (ISO3, display name, lat, lon).
# Coordinates: a point between the region's main towns.
NAMED_REGIONS: dict[str, tuple[str, str, float, float]] = {
    "donbas": ("UKR", "Donbas", 48.3, 38.5),  # between Donetsk and Luhansk
    "donbass": ("UKR", "Donbas", 48.3, 38.5),
    "transnistria": ("MDA", "Transnistria", 47.25, 29.45),  # near Tiraspol/Dubasari
    "nagorno karabakh": ("AZE", "Nagorno-Karabakh", 39.82, 46.75),  # Stepanakert/Khankendi
    "abkhazia": ("GEO", "Abkhazia", 43.0, 41.02),  # Sukhumi
    "south ossetia": ("GEO", "South Ossetia", 42.23, 43.97),  # Tskhinvali
}
