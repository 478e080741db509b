"""Named sites that are no settlement and no administrative unit, but that news about the war
names as the place of events: islands, spits, dams, power plants, bridges, air bases, steel works.

GeoNames' populated places (what the gazetteer holds) lack them, so "Snake Island" would
otherwise be a town in the USA and "the Zaporizhzhia nuclear power plant" the city 50 km away.
Coordinates are public facts (the site itself, to about a kilometre), written by hand; each site
is listed under its usual English names, looked up by :func:`site` with the spelling folding of
the gazetteer (:func:`eventwire.geocode.normalize.skeleton`), so "Zaporizhia NPP" and
"Zaporizhzhia NPP" are one key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.geocode.normalize import key, skeleton
from eventwire.records import Location


@dataclass(frozen=True)
class Site:
    name: str
    country: str  # ISO3
    admin1: str | None
    lat: float
    lon: float
    names: tuple[str, ...]  # other names it goes by (the display name is one too)


SITES: tuple[Site, ...] = (
    Site("Snake Island", "UKR", "Odesa Oblast", 45.2550, 30.2040,
         ("Zmiinyi Island", "Zmiinyi", "Zmiiny Island", "Zmeiny Island", "Serpent Island",
          "Serpents Island")),
    Site("Zaporizhzhia Nuclear Power Plant", "UKR", "Zaporizhzhia Oblast", 47.5120, 34.5860,
         ("Zaporizhzhia NPP", "ZNPP", "Zaporizhzhia nuclear plant", "Zaporizhzhia power plant",
          "Zaporizhzhia atomic power plant", "Zaporizhzhia nuclear power station")),
    Site("Chornobyl Nuclear Power Plant", "UKR", "Kyiv Oblast", 51.3890, 30.0990,
         ("Chornobyl NPP", "Chernobyl NPP", "Chernobyl nuclear power plant",
          "Chornobyl nuclear plant", "Chernobyl nuclear plant", "Chernobyl Exclusion Zone",
          "Chornobyl Exclusion Zone", "Chornobyl zone", "Chernobyl zone")),
    Site("Kakhovka Dam", "UKR", "Kherson Oblast", 46.7770, 33.3700,
         ("Kakhovka dam", "Nova Kakhovka dam", "Kakhovka hydroelectric power plant",
          "Kakhovka HPP", "Kakhovka hydroelectric dam", "Kakhovka power plant")),
    Site("Kakhovka Reservoir", "UKR", "Zaporizhzhia Oblast", 47.3500, 34.2000, ()),
    Site("Antonivskyi Bridge", "UKR", "Kherson Oblast", 46.6700, 32.7150,
         ("Antonivsky Bridge", "Antonovsky Bridge", "Antonivka Bridge", "Antonivka road bridge")),
    Site("Crimean Bridge", "UKR", "Crimea", 45.3080, 36.5100,
         ("Kerch Bridge", "Kerch Strait Bridge", "Crimea Bridge")),
    Site("Kinburn Spit", "UKR", "Mykolaiv Oblast", 46.5600, 31.5500, ("Kinburn Peninsula",)),
    Site("Azovstal", "UKR", "Donetsk Oblast", 47.0980, 37.6050,
         ("Azovstal steel plant", "Azovstal plant", "Azovstal steel works",
          "Azovstal iron and steel works", "Azovstal steelworks")),
    Site("Antonov Airport", "UKR", "Kyiv Oblast", 50.6040, 30.1920,
         ("Hostomel Airport", "Hostomel airfield", "Antonov airfield", "Gostomel airport")),
    Site("Zmiiv thermal power plant", "UKR", "Kharkiv Oblast", 49.5860, 36.5260,
         ("Zmiiv TPP", "Zmiivska TPP", "Zmiiv power plant")),
    Site("Engels Air Base", "RUS", "Saratov Oblast", 51.4810, 46.2100,
         ("Engels airfield", "Engels-2", "Engels air base", "Engels airbase")),
    Site("Saky Air Base", "UKR", "Crimea", 45.0930, 33.5950,
         ("Saky airfield", "Saki air base", "Saki airfield", "Novofedorivka air base")),
    Site("Belbek Air Base", "UKR", "Sevastopol", 44.6890, 33.5740,
         ("Belbek airfield", "Belbek airport", "Belbek airbase")),
    Site("Kursk Nuclear Power Plant", "RUS", "Kursk Oblast", 51.6750, 35.6070,
         ("Kursk NPP", "Kursk nuclear plant")),
)


@lru_cache(maxsize=1)
def _index() -> dict[str, Site]:
    return {skeleton(key(n)): s for s in SITES for n in (s.name, *s.names)}


@lru_cache(maxsize=1)
def longest_name() -> int:
    """Words in the longest name of a site (how far a caller should look ahead)."""
    return max(len(n.split()) for s in SITES for n in (s.name, *s.names))


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The lookup keys of the first words of the sites' names ("snake", "zaporizhzhia")."""
    return frozenset(key(n).split()[0] for s in SITES for n in (s.name, *s.names))


def site(k: str) -> Location | None:
    """The site a lookup key (:func:`key`) names, at ``point`` precision; None if no site."""
    s = _index().get(skeleton(k))
    if s is None:
        return None
    return Location(name=s.name, country=s.country, lat=s.lat, lon=s.lon, precision="point",
                    admin1=s.admin1)
