"""Resolve a place mention to a :class:`~eventwire.records.Location`.

Order of attempts for ``resolve(text, context)``:

1. a country name or short form ("Ukraine", "the U.S.") -> precision ``country``; a country name
   always beats a town of the same name (Ukraine is never the Spanish village, Jordan the country);
2. a named region that is not an admin unit ("Donbas") -> ``region``;
3. the exact name of a city or admin1 unit ("Kharkiv", "Crimea", "Odesa Oblast"); when both
   match, the city wins if it lies in that unit or is large (>= 500k), else the unit
   ("Texas", "Florida");
4. a direction in a country ("eastern Poland", "the far west" with the country from `context`)
   -> ``region``;
5. "<name> oblast/region/province/state/krai..." -> ``admin1``, also through the city the unit is
   named after ("Zaporizhia Oblast" -> Zaporizhzhia -> Zaporizhzhia Oblast), or one typo away
   from a unit's name ("Luhanks Oblast"); "<town> district" -> ``admin2`` at the town;
6. a transliteration variant of a post-Soviet city name ("Zaporizhia", "Lysychansk").

Ukraine's villages (see :mod:`eventwire.geocode.ukraine`) are in the same index. A settlement
GeoNames lacks is placed at its hromada or raion centre and comes back with precision ``admin2``
and ``admin2`` = its raion ("Pokrovsk Raion"); Ukrainian places carry their raion in ``admin2``.
Same-named villages (there are dozens of Novoselivkas) are chosen by, in order:

a. the oblast or raion named after a comma: "Novoselivka, Donetsk Oblast",
   "Novoselivka, Pokrovsk Raion" (only candidates inside it are considered, when there are any);
   and the official name of registered settlements beats another place's alternate or former
   name in the same country ("Novooleksandrivka" is one of the villages, not a former name of
   Melitopol), unless that name is a spelling of the place's own ("Brovari" for Brovary);
b. size: a cities5000 town wins as before; a smaller place must have at least
   :data:`SMALL_DOMINANCE` times the population of each namesake in its country (a settlement
   GeoNames lacks counts as :data:`UNKNOWN_SMALL_POP` people);
c. else no pick: the raion or oblast all the namesakes lie in (precision ``admin2`` / ``admin1``),
   or, when they are spread over several oblasts, their country (precision ``country``: sure, if
   coarse; the caller may narrow it down with the document's other places, see
   :func:`eventwire.extract.places.find_places`). With an oblast after a comma and no namesake in
   it, the oblast.

:meth:`GazetteerGeocoder.resolve_fuzzy` adds a last step for callers that already believe a word
names a place (a capitalised non-English word after "in"): 7. a settlement one typo away
(:meth:`_Resolution._fuzzy`).

Ambiguous names prefer the `context` countries (ISO3, most relevant first), then population:
a candidate scores ``log10(population)``, ``+2.5`` in the first context country (``+2.0`` in the
others), ``+0.75`` when the mention is its main name (not an alternate or former name), ``+1`` for a
national capital, ``+2`` in a unit with ground fighting on the document's date `on` (see
:mod:`eventwire.geocode.front`; namesakes off that front then no longer make a name
ambiguous). So a context town beats an outside one unless the outside one is about 300 times
larger, and world capitals stay robust ("Moscow" with context USA is still Russia's; "Odessa"
with context USA is Odessa, Texas). With a context, towns outside it under 15,000 people (under
100,000 when matched by an alternate name) are ignored: more likely a misread name than the place
meant.

Results are cached per (text, context); each call returns a fresh :class:`Location`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

from eventwire.geocode.countries import countries, place_country_iso3
from eventwire.geocode.front import FRONT_BONUS, front_units, raion_key
from eventwire.geocode.gazetteer import (
    ADMIN_TYPE_WORDS,
    KIND_APPROX,
    KIND_CITY,
    NOT_PLACES,
    SMALL_PLACE_STOP_KEYS,
    STOP_KEYS,
    Admin1,
    Gazetteer,
    Raion,
    admin_stem,
    gazetteer,
)
from eventwire.geocode.normalize import key as norm_key
from eventwire.geocode.normalize import skeleton
from eventwire.geocode.regions import NAMED_REGIONS, Direction, direction_point, parse_direction
from eventwire.geocode.sites import site
from eventwire.records import Location

log = logging.getLogger(__name__)

# Coordinates for countries whose town-based centre would mislead, and for Ukraine the value the
# output contract shows. These are GeoNames' own country points (the "country" feature's
# coordinates): the geographic middle, not a population centre (Russia's is in Siberia, not
# Moscow), because "Russia" as an event location means the country as a whole.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "UKR": (49.0, 32.0),
    "RUS": (60.0, 100.0),
    "USA": (39.76, -98.5),
    "CAN": (60.10867, -113.64258),
    "CHN": (35.0, 105.0),
    "BRA": (-10.0, -55.0),
    "AUS": (-25.0, 135.0),
    "IND": (22.0, 79.0),
    "KAZ": (48.0, 68.0),
    "IDN": (-5.0, 120.0),
    "ARG": (-34.0, -64.0),
    "DZA": (28.0, 3.0),
    "SAU": (25.0, 45.0),
    "MEX": (23.0, -102.0),
    "COD": (-2.5, 23.5),
    "GRL": (72.0, -40.0),
    "CHL": (-30.0, -71.0),
    "FRA": (46.0, 2.0),
    "NOR": (62.0, 10.0),
}

OUTSIDE_CONTEXT_MIN_POP = 15_000  # smaller towns outside the context countries are ignored
OUTSIDE_CONTEXT_ALT_MIN_POP = 100_000  # ... and smaller ones matched by an alternate name
BIG_CITY = 500_000  # a bare name of a city this large beats a same-named admin unit elsewhere
CTX_FIRST, CTX_OTHER, MAIN_NAME, CAPITAL, IN_ADMIN = 2.5, 2.0, 0.75, 1.0, 5.0
FUZZY_MIN_SKELETON = 6  # shorter names have too many neighbours one typo away
SMALL_DOMINANCE = 2.0  # a village beats its namesakes only when this many times larger
UNKNOWN_SMALL_POP = 500  # assumed size of a settlement GeoNames lacks (cities500 has the others)
_RAION_WORDS = ("raion", "rayon", "district")
_UNIT_SUFFIXES = ("oblast", "oblasti", "region", "province", "governorate", "krai", "kray")

# Suffix words of admin mentions, and the precision a town-fallback gets for them.
_ADMIN_SUFFIXES = ("oblast", "oblasti", "region", "province", "governorate", "krai", "kray", "state",
                   "voivodeship", "voivodship", "republic", "okrug", "prefecture", "county",
                   "department", "district", "raion", "rayon", "area", "municipality")
_TOWN_FALLBACK = {"district": "admin2", "raion": "admin2", "rayon": "admin2", "county": "admin2",
                  "municipality": "admin2", "region": "region", "area": "region"}
_PREFIXES = ("region of ", "province of ", "state of ", "governorate of ", "republic of ",
             "oblast of ", "city of ", "town of ", "village of ", "outskirts of ")


@runtime_checkable
class Geocoder(Protocol):
    """Anything that turns a place mention into a Location."""

    def resolve(self, text: str, context: Sequence[str] = (), on: dt.date | None = None) \
            -> Location | None: ...


class GazetteerGeocoder:
    """The default offline geocoder over GeoNames data (see :mod:`eventwire.geocode`).

    Constructing it is cheap; the gazetteer loads once per process on the first `resolve`.
    """

    def __init__(self, cache_size: int = 100_000) -> None:
        self._cache: dict[tuple[str, tuple[str, ...]], Location | None] = {}
        self._cache_size = cache_size

    # -- public --------------------------------------------------------------------------------

    def resolve(self, text: str, context: Sequence[str] = (), on: dt.date | None = None) \
            -> Location | None:
        """The Location of a place mention, or ``None`` when unknown. Never raises. `on`, the
        document's date, favours villages where the ground war was that day (:mod:`.front`)."""
        ctx = tuple(context) if context else ()
        front = front_units(on)
        ck = (text, ctx, front)
        try:
            hit = self._cache[ck]
        except KeyError:
            hit = self._compute(text, ctx, front)
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[ck] = hit
        except TypeError:  # unhashable junk
            return None
        return None if hit is None else dataclasses.replace(hit, text=text)

    def resolve_fuzzy(self, text: str, context: Sequence[str] = (), on: dt.date | None = None) \
            -> Location | None:
        """:meth:`resolve`, and when that finds nothing, a settlement one typo away (see
        :meth:`_Resolution._fuzzy`). For names the caller already believes to be places (a
        capitalised word after "in" that is no English word); ordinary words must not come here."""
        loc = self.resolve(text, context, on)
        if loc is not None:
            return loc
        ctx = tuple(context) if context else ()
        front = front_units(on)
        ck = ("\x00fuzzy\x00" + text, ctx, front) if isinstance(text, str) else None
        if ck is None:
            return None
        if ck not in self._cache:
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[ck] = self._compute(text, ctx, front, fuzzy=True)
        hit = self._cache[ck]
        return None if hit is None else dataclasses.replace(hit, text=text)

    # -- internals -----------------------------------------------------------------------------

    def _compute(self, text: str, ctx: tuple[str, ...], front: frozenset[str] = frozenset(),
                 fuzzy: bool = False) -> Location | None:
        try:
            if not isinstance(text, str):
                return None
            raw = text.strip().strip("\"“”()[]{}.,;:!?").strip()
            if len(raw) < 2:
                return None
            r = _Resolution(gazetteer(), ctx, front)
            r.fuzzy = fuzzy
            return r.run(raw)
        except Exception:  # noqa: BLE001 - the contract is "never raise"
            log.exception("geocoder failed on %r", text)
            return None


class _Resolution:
    """One resolve call's working state."""

    def __init__(self, gaz: Gazetteer, ctx: tuple[str, ...],
                 front: frozenset[str] = frozenset()) -> None:
        self.g = gaz
        self.ctx = ctx
        self.front = front  # units (admin1 codes, raion keys) on the front on the document's date
        table = countries()
        self.ctx_cc = [table.by_iso3[c].iso2 for c in ctx if c in table.by_iso3]
        self.admin_filter: str | None = None
        self.raion_filter: int | None = None
        self.stop = False  # an ambiguous name: answer None rather than try weaker matches
        self.fuzzy = False  # step 7 (typos), for resolve_fuzzy only

    def run(self, raw: str) -> Location | None:
        if "," in raw:
            return self._with_qualifiers(raw)
        return self._one(raw)

    def _with_qualifiers(self, raw: str) -> Location | None:
        """"Melitopol, Zaporizhia Oblast, Ukraine": later parts steer the first."""
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        if not parts:
            return None
        for p in reversed(parts[1:]):
            k = _strip_the(norm_key(p))
            iso3 = place_country_iso3(k, p)
            if iso3:
                self.ctx = (iso3, *self.ctx)
                self.ctx_cc.insert(0, countries().by_iso3[iso3].iso2)
                continue
            ri = self._raion_of(k)
            if ri is not None:
                self.raion_filter = ri
                self.admin_filter = self.g.raions[ri].a1
                continue
            sub = _Resolution(self.g, self.ctx, self.front)._one(p)
            if sub is not None and sub.precision == "admin1":
                aid = self._admin_id_of(sub)
                if aid:
                    self.admin_filter = aid
        loc = self._one(parts[0])
        # a name unknown in the qualifier's unit, or one shared all over the country: the unit
        if (loc is None or loc.precision == "country" and self.admin_filter is not None) \
                and len(parts) > 1:
            return _Resolution(self.g, self.ctx, self.front).run(", ".join(parts[1:]))
        return loc

    def _admin_id_of(self, loc: Location) -> str | None:
        for aid, a in self.g.admin1.items():
            if a.geonameid == loc.geonameid and a.name == loc.admin1:
                return aid
        return None

    def _one(self, raw: str) -> Location | None:
        k_full = norm_key(raw)
        k = _strip_the(k_full)
        if not k or k in NOT_PLACES or len(k) < 2:
            return None
        if k in STOP_KEYS:  # "the east" is a direction; "East", "The" are nothing
            d = parse_direction(raw)
            return self._direction(d) if d is not None else None
        # 1. country
        iso3 = place_country_iso3(k, raw)
        if iso3:
            return country_location(iso3)
        if len(k) < 3:
            return None
        # 2. named non-admin region, or a named site (an island, a power plant, a bridge)
        named = NAMED_REGIONS.get(k)
        if named:
            return Location(name=named[1], country=named[0], lat=named[2], lon=named[3],
                            precision="region")
        named_site = site(k)
        if named_site is not None:
            return named_site
        # 3. exact city / admin name ("St John's" keeps its 's in the index)
        for kk in dict.fromkeys((k, _strip_the(norm_key(raw, possessive=False)))):
            loc = self._bare(kk)
            if loc is not None or self.stop:
                return loc
        # 4. direction
        d = parse_direction(raw)
        if d is not None:
            loc = self._direction(d)
            if loc is not None:
                return loc
        # 5. admin suffix / prefix
        loc = self._admin_mention(k)
        if loc is not None or self.stop:
            return loc
        # 6. transliteration variants
        loc = self._skeleton(k)
        if loc is not None or self.stop or not self.fuzzy:
            return loc
        # 7. only when asked (resolve_fuzzy): one typo away from a settlement's name
        return self._fuzzy(k)

    # -- candidates ----------------------------------------------------------------------------

    def _ctx_bonus(self, cc: str) -> float:
        if not self.ctx_cc:
            return 0.0
        if cc == self.ctx_cc[0]:
            return CTX_FIRST
        return CTX_OTHER if cc in self.ctx_cc else 0.0

    def _city_score(self, i: int, k: str | None) -> float:
        g = self.g
        s = math.log10(g.pop[i] + 10) + self._ctx_bonus(g.cc[i])
        if k is not None and _own(g, i, k):
            s += MAIN_NAME
        if i in g.capitals:
            s += CAPITAL
        if self.admin_filter is not None and g.a1[i] == self.admin_filter:
            s += IN_ADMIN
        if self.front and self._on_front(i):
            s += FRONT_BONUS
        return s

    def _on_front(self, i: int) -> bool:
        g = self.g
        return g.a1[i] in self.front or g.a2[i] >= 0 and _raion_keys(g)[g.a2[i]] in self.front

    def _best_city(self, idxs: Sequence[int], k: str | None) -> int | None:
        best, best_s = None, -math.inf
        for i in idxs:
            s = self._city_score(i, k)
            if s > best_s:
                best, best_s = i, s
        return best

    def _pick(self, idxs: Sequence[int], k: str | None) -> int | _Ambiguous | None:
        """The candidate meant by a name (a row index), or :class:`_Ambiguous` when it is one of
        several similar small places (see the module docstring, a-c)."""
        g = self.g
        if self.admin_filter is not None:
            inside = [i for i in idxs if g.a1[i] == self.admin_filter]
            if inside:
                idxs = inside
                if self.raion_filter is not None:
                    idxs = [i for i in idxs if g.a2[i] == self.raion_filter] or idxs
        if k is not None and len(idxs) > 1:
            # the official name of a registered settlement (a KATOTTG row: main key, with a raion)
            # outranks other places' alternate or former names in its country
            own = {g.cc[i] for i in idxs if g.kind[i] != KIND_CITY and g.main_key[i] == k}
            if own:
                sk = skeleton(k)
                idxs = [i for i in idxs if g.cc[i] not in own or _own(g, i, k)
                        or skeleton(g.main_key[i]) == sk]  # a spelling of its name: kept
        best = self._best_city(idxs, k)
        if best is None or g.kind[best] == KIND_CITY or len(idxs) == 1:
            return best
        cc = g.cc[best]
        rivals = [i for i in idxs if i != best and g.cc[i] == cc and self._plausible(i, k)
                  and (not self.front or self._on_front(i) or not self._on_front(best))]
        size = _size(g, best)
        if all(size >= SMALL_DOMINANCE * _size(g, i) for i in rivals):
            return best
        group = [best, *rivals]
        ri = g.a2[best]
        if ri >= 0 and all(g.a2[i] == ri for i in group):
            return _Ambiguous(raion_location(g, g.raions[ri]))
        aid = g.a1[best]
        a = g.admin1.get(aid)
        if a is not None and all(g.a1[i] == aid for i in group):
            return _Ambiguous(admin_location(a))
        c = countries().by_iso2.get(cc)  # the rivals are all in `cc`: the country is sure
        return _Ambiguous(country_location(c.iso3) if c else None, shared_country=True)

    def _settle(self, pick: int | _Ambiguous | None) -> Location | None:
        """The Location of a :meth:`_pick` result; an ambiguous one stops the resolution."""
        if pick is None:
            return None
        if isinstance(pick, _Ambiguous):
            self.stop = pick.loc is None
            return pick.loc
        return self._city(pick)

    def _best_admin(self, aids: Sequence[str], prefer_region: bool) -> str | None:
        g = self.g
        best, best_s = None, -math.inf
        for aid in aids:
            a = g.admin1[aid]
            s = math.log10(a.population + 10) + self._ctx_bonus(a.cc)
            if prefer_region and a.is_city:
                s -= 10.0  # "Kyiv region" is the oblast, not Kyiv City
            if s > best_s:
                best, best_s = aid, s
        return best

    def _bare(self, k: str) -> Location | None:
        g = self.g
        cities = g.ids(g.by_key, k)
        admins = list(dict.fromkeys([*g.admin_by_key.get(k, ()), *g.admin_by_stem.get(k, ())]))
        pick = self._pick(cities, k) if cities else None
        ai = self._best_admin(admins, prefer_region=False) if admins else None
        if isinstance(pick, _Ambiguous):
            if ai is None:
                return self._settle(pick)
            pick = None
        ci = pick
        if ci is not None and not self._plausible(ci, k):
            ci = None
        if ai is None:
            return self._city(ci) if ci is not None else None
        a = g.admin1[ai]
        if ci is None:
            return self._admin(ai)
        city_score = self._city_score(ci, k)
        admin_score = math.log10(a.population + 10) + self._ctx_bonus(a.cc)
        city_ok = (g.a1[ci] == ai or a.seat == ci or a.is_city or g.pop[ci] >= BIG_CITY
                   or city_score >= admin_score)
        return self._city(ci) if city_ok else self._admin(ai)

    def _plausible(self, i: int, k: str) -> bool:
        """With a context, a small town outside the context countries is more likely a
        misread name ("Wagner", "Nato") than the place meant; so is a match on an alternate or
        former name of a mid-sized one ("Kilo" for Kiel)."""
        g = self.g
        if not self.ctx_cc or g.cc[i] in self.ctx_cc:
            return True
        floor = OUTSIDE_CONTEXT_MIN_POP if _own(g, i, k) else OUTSIDE_CONTEXT_ALT_MIN_POP
        return g.pop[i] >= floor

    def _direction(self, d: Direction) -> Location | None:
        if d.place:
            k = _strip_the(norm_key(d.place))
            iso3 = place_country_iso3(k, d.place)
            if iso3 is None:
                # "northern Kharkiv region" -> the unit itself; "East Jerusalem" -> the city
                return _Resolution(self.g, self.ctx, self.front)._one(d.place)
        elif self.ctx:
            iso3 = self.ctx[0]
        else:
            return None
        c = countries().by_iso3.get(iso3)
        if c is None:
            return None
        st = self.g.stats(c.iso2)
        if st is None:
            return None
        lat, lon = direction_point(st, d)
        return Location(name=f"{d.label} {c.name}", country=iso3, lat=lat, lon=lon,
                        precision="region")

    def _admin_mention(self, k: str) -> Location | None:
        g = self.g
        words = k.split()
        stem = None
        suffix = None
        for pre in _PREFIXES:
            if k.startswith(pre):
                stem, suffix = k[len(pre):], pre.split()[0]
                break
        if stem is None and len(words) >= 2 and words[-1] in _ADMIN_SUFFIXES:
            suffix = words[-1]
            stem = admin_stem(k) or " ".join(words[:-1])
        if not stem:
            return None
        if suffix in ("city", "town", "village", "outskirts"):
            return self._town(stem)
        if suffix in ("raion", "rayon"):
            loc = self._raion(k)
            if loc is not None:
                return loc
        aids = list(dict.fromkeys([*g.admin_by_key.get(k, ()), *g.admin_by_stem.get(stem, ())]))
        if aids:
            ai = self._best_admin(aids, prefer_region=True)
            return self._admin(ai, as_city=False) if ai else None
        if suffix == "district":
            loc = self._raion(k)
            if loc is not None:
                return loc
        # Through the namesake town: "Zaporizhia Oblast", "Kiev region", "Kharkov province".
        ci = self._find_town(stem)
        if ci is not None:
            seats = [aid for aid in g.seats.get(ci, ()) if not g.admin1[aid].is_city]
            if seats and suffix not in ("district", "raion", "rayon", "county", "area"):
                return self._admin(seats[0], as_city=False)
            prec = _TOWN_FALLBACK.get(suffix or "")
            if prec:
                loc = self._city(ci)
                name = f"{loc.name} {suffix}" if prec == "admin2" else loc.name
                return dataclasses.replace(loc, precision=prec, name=name,
                                           admin2=name if prec == "admin2" else None,
                                           geonameid=None)
        if ci is None and suffix in _UNIT_SUFFIXES:
            aid = self._admin_typo(stem)
            if aid is not None:
                return self._admin(aid, as_city=False)
        return None

    def _admin_typo(self, stem: str) -> str | None:
        """The first-level unit whose name is one typo from `stem` ("Luhanks Oblast", "Donestk
        region"), in the context countries (else anywhere), when exactly one is."""
        sk = skeleton(stem)
        if len(sk) < FUZZY_MIN_SKELETON or not sk.isalpha():
            return None
        index = _admin_skeletons(self.g)
        near = {v for v in _edits1(sk) if v[0] == sk[0]}
        near.update(skeleton(v) for v in _edits1(stem) if v[:1] == stem[0])  # "Donestk": ts/st
        near.discard(sk)
        aids = {aid for v in near for aid in index.get(v, ())}
        if self.ctx_cc:
            aids = {aid for aid in aids if self.g.admin1[aid].cc in self.ctx_cc} or aids
        return next(iter(aids)) if len(aids) == 1 else None

    def _find_town(self, k: str) -> int | None:
        """The town of a unit's or district's name ("Zaporizhia" Oblast, "Pokrovsk" district):
        cities5000 places only (a unit is not named after a village GeoNames lacks)."""
        g = self.g
        idxs = [i for i in g.ids(g.by_key, k) if g.kind[i] == KIND_CITY]
        if idxs:
            return self._best_city(idxs, k)
        if len(k) >= 5:
            idxs = [i for i in g.ids(g.by_skeleton, skeleton(k)) if g.kind[i] == KIND_CITY]
            if idxs:
                return self._best_city(idxs, None)
        return None

    def _town(self, k: str) -> Location | None:
        """ "Tyahynka village", "the town of Kupiansk": any settlement."""
        g = self.g
        idxs = g.ids(g.by_key, k)
        if idxs:
            return self._settle(self._pick(idxs, k))
        if len(k) >= 5:
            idxs = self._spelling_ids(k)
            if idxs:
                return self._settle(self._pick(idxs, None))
        return None

    def _spelling_ids(self, k: str) -> list[int]:
        """Places whose name is a spelling variant of `k`: the same skeleton, else (a Russian
        spelling of a Ukrainian name: "Novoselovka", "Buzovaya", "Zolochev") the Ukrainian places
        of the Ukrainian form."""
        g = self.g
        return g.ids(g.by_skeleton, skeleton(k)) or [
            i for v in russian_to_ukrainian(k) for i in g.ids(g.by_skeleton, skeleton(v))
            if g.cc[i] == "UA"]

    def _raion_of(self, k: str) -> int | None:
        """The Ukrainian raion a key names ("pokrovsk raion", "pokrovskyi district"), if one."""
        words = k.split()
        if len(words) < 2 or words[-1] not in _RAION_WORDS:
            return None
        if self.ctx_cc and "UA" not in self.ctx_cc:
            return None
        stem = admin_stem(k) or " ".join(words[:-1])
        ris = self.g.raion_by_key.get(stem) or self.g.raion_by_skeleton.get(skeleton(stem), ())
        if self.admin_filter is not None:
            ris = [r for r in ris if self.g.raions[r].a1 == self.admin_filter] or ris
        return ris[0] if len(ris) == 1 else None

    def _raion(self, k: str) -> Location | None:
        ri = self._raion_of(k)
        return raion_location(self.g, self.g.raions[ri]) if ri is not None else None

    def _skeleton(self, k: str) -> Location | None:
        """Spelling-variant fallback; with a context, only towns in the context countries. Words
        kept out of the index as common words ("Marine") stay out."""
        if len(k) < 5 or k in SMALL_PLACE_STOP_KEYS or any(w in ADMIN_TYPE_WORDS for w in k.split()):
            return None
        idxs = self._spelling_ids(k)
        if not idxs:
            return None
        if self.ctx_cc:
            idxs = [i for i in idxs if self.g.cc[i] in self.ctx_cc]
        else:
            idxs = [i for i in idxs if self.g.pop[i] >= OUTSIDE_CONTEXT_MIN_POP]
        return self._settle(self._pick(idxs, None)) if idxs else None

    def _fuzzy(self, k: str) -> Location | None:
        """A settlement whose name's skeleton is one edit (a letter dropped, added, changed, or two
        swapped) from the mention's: "Popsana" (Popasna), "Slovgyansk" (Sloviansk). Only names of
        :data:`FUZZY_MIN_SKELETON`+ letters with the same first letter, in the context countries
        (without a context: cities5000 towns only); the places matched must all bear one name, or
        else the cities5000 towns among them (a town is named in news more often than a hamlet).
        A name that is itself a known spelling is no typo."""
        g = self.g
        sk = skeleton(k)
        if len(sk) < FUZZY_MIN_SKELETON or not sk.isalpha() or k in SMALL_PLACE_STOP_KEYS \
                or any(w in ADMIN_TYPE_WORDS for w in k.split()):
            return None
        if g.ids(g.by_skeleton, sk):
            return None  # a known spelling, only not of a place here: no typo
        near = {v for v in _edits1(sk) if v[0] == sk[0]}
        hits: dict[int, None] = {}
        for v in near:
            hits.update(dict.fromkeys(g.ids(g.by_skeleton, v)))
        # places near by their own name, not by an alternate or former one, when there are any;
        # without a context, only those ("Hermon" is one letter from "Herson", an old Kherson)
        own = [i for i in hits if skeleton(g.main_key[i]) in near
               or skeleton(g.own_key.get(i, "")) in near]
        hits = dict.fromkeys(own or (hits if self.ctx_cc else ()))
        if self.ctx_cc:
            idxs = [i for i in hits if g.cc[i] in self.ctx_cc]
        else:
            idxs = [i for i in hits if g.kind[i] == KIND_CITY]
        if self.admin_filter is not None:
            idxs = [i for i in idxs if g.a1[i] == self.admin_filter] or idxs
        names = {skeleton(g.main_key[i]) for i in idxs}
        if len(names) > 1:  # several names one typo away: a town (cities5000) over villages
            idxs = [i for i in idxs if g.kind[i] == KIND_CITY]
            names = {skeleton(g.main_key[i]) for i in idxs}
        if len(names) != 1:  # nothing, or two towns one typo away: no guess
            return None
        return self._settle(self._pick(idxs, None))

    # -- Location builders ---------------------------------------------------------------------

    def _city(self, i: int) -> Location:
        return city_location(self.g, i)

    def _admin(self, aid: str, as_city: bool = True) -> Location | None:
        g = self.g
        a = g.admin1[aid]
        if as_city and a.is_city and a.seat is not None:
            return self._city(a.seat)  # "Kyiv City" is the city
        return admin_location(a)


class _Ambiguous:
    """A name several similar places share: `loc` is the unit they all lie in, or None;
    `shared_country` when that unit is only their country (several oblasts)."""

    __slots__ = ("loc", "shared_country")

    def __init__(self, loc: Location | None, shared_country: bool = False) -> None:
        self.loc = loc
        self.shared_country = shared_country


# Russian name endings and their Ukrainian counterparts (ending of the lookup key).
_RU_UK_ENDINGS = (("ovka", "ivka"), ("evka", "ivka"), ("ievka", "ivka"), ("yevka", "ivka"),
                  ("aya", "a"), ("oye", "e"), ("oe", "e"), ("skiy", "skyi"), ("skij", "skyi"),
                  ("ov", "iv"), ("ev", "iv"), ("yev", "iv"), ("ovo", "ove"), ("evo", "eve"))


def russian_to_ukrainian(k: str) -> list[str]:
    """Ukrainian forms of a key that may be a Russian spelling: Russian "-ovka"/"-evka" are
    Ukrainian "-ivka", "-aya" "-a", "-oye" "-e", a final "-ov"/"-ev" "-iv" (Kharkov, Zolochev),
    and Russian "e"/"i" often Ukrainian "y"/"i" (folded by :func:`skeleton` already)."""
    out = []
    for ru, uk in _RU_UK_ENDINGS:
        if k.endswith(ru) and len(k) > len(ru) + 2:
            out.append(k[: -len(ru)] + uk)
    return out


def _own(g: Gazetteer, i: int, k: str) -> bool:
    """`k` is row `i`'s own name (main or official), not an alternate or former one."""
    return g.main_key[i] == k or g.own_key.get(i) == k


_DERIVED: dict[tuple[int, str], Any] = {}


def _derived(g: Gazetteer, name: str, build: Callable[[Gazetteer], Any]) -> Any:
    """The table `name` derived from gazetteer `g` by `build`, built once per gazetteer."""
    key = (id(g), name)
    try:
        return _DERIVED[key]
    except KeyError:
        if any(k[0] != id(g) for k in _DERIVED):
            _DERIVED.clear()  # another gazetteer was loaded: its tables go
        value = _DERIVED[key] = build(g)
        return value


def _raion_keys(g: Gazetteer) -> list[str]:
    """:func:`eventwire.geocode.front.raion_key` of each raion of `g`."""
    return _derived(g, "raion_keys", lambda g: [raion_key(r.a1, r.name) for r in g.raions])


def _admin_skeletons(g: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Skeletons of first-level unit names ("luhansk" of Luhansk Oblast) -> unit ids."""
    def build(g: Gazetteer) -> dict[str, tuple[str, ...]]:
        acc: dict[str, set[str]] = {}
        for stem, aids in g.admin_by_stem.items():
            acc.setdefault(skeleton(stem), set()).update(aids)
        return {k: tuple(sorted(v)) for k, v in acc.items()}
    return _derived(g, "admin_skeletons", build)


def _size(g: Gazetteer, i: int) -> int:
    """Population for ranking namesakes; settlements GeoNames lacks count as UNKNOWN_SMALL_POP."""
    return UNKNOWN_SMALL_POP if g.kind[i] == KIND_APPROX else g.pop[i]


_EDIT_LETTERS = "abcdefghiklmnopqrstuvxz"  # the letters of skeletons (j, w, y are folded away)


def _edits1(s: str) -> set[str]:
    """Strings one deletion, transposition, substitution or insertion away from `s`."""
    splits = [(s[:i], s[i:]) for i in range(len(s) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _EDIT_LETTERS)
    out.update(a + c + b for a, b in splits for c in _EDIT_LETTERS)
    out.discard(s)
    return out


def _strip_the(k: str) -> str:
    return k[4:] if k.startswith("the ") else k


def is_big_city(loc: Location) -> bool:
    """`loc` is a city of :data:`BIG_CITY`+ people (by its GeoNames id)."""
    big = _derived(gazetteer(), "big_cities",
                   lambda g: frozenset(gid for gid, pop in zip(g.gid, g.pop) if pop >= BIG_CITY))
    return loc.geonameid in big


def city_location(g: Gazetteer, i: int) -> Location:
    """Location of gazetteer row `i`: precision ``city``, or ``admin2`` for a settlement placed
    at its hromada or raion centre (see :mod:`eventwire.geocode.ukraine`)."""
    cc = g.cc[i]
    c = countries().by_iso2.get(cc)
    a = g.admin1.get(g.a1[i])
    ri = g.a2[i]
    return Location(name=g.name[i], country=c.iso3 if c else None, lat=g.lat[i], lon=g.lon[i],
                    precision="admin2" if g.kind[i] == KIND_APPROX else "city",
                    admin1=a.name if a else None, admin2=g.raions[ri].name if ri >= 0 else None,
                    geonameid=g.gid[i])


def raion_location(g: Gazetteer, r: Raion) -> Location | None:
    """Admin2-precision Location of a raion, at its centre."""
    if r.lat is None or r.lon is None:
        return None
    c = countries().by_iso2.get(r.a1[:2])
    a = g.admin1.get(r.a1)
    return Location(name=r.name, country=c.iso3 if c else None, lat=r.lat, lon=r.lon,
                    precision="admin2", admin1=a.name if a else None, admin2=r.name)


def admin_location(a: Admin1) -> Location | None:
    """Admin1-precision Location; coordinates are those of its seat (see :mod:`gazetteer`)."""
    if a.lat is None or a.lon is None:
        return None
    c = countries().by_iso2.get(a.cc)
    return Location(name=a.name, country=c.iso3 if c else None, lat=a.lat, lon=a.lon,
                    precision="admin1", admin1=a.name, geonameid=a.geonameid)


_COUNTRY_LOCS: dict[str, Location | None] = {}


def country_location(iso3: str) -> Location | None:
    """Country-precision Location of an ISO3 code, ``None`` when unknown.

    Coordinates: :data:`COUNTRY_POINTS` for Ukraine and the very large or spread-out countries
    (GeoNames' country points, e.g. Russia 60.0, 100.0); elsewhere the centre of the country's
    towns (midpoint of their 2nd-98th percentile latitude and longitude ranges).
    """
    if iso3 in _COUNTRY_LOCS:
        loc = _COUNTRY_LOCS[iso3]
        return None if loc is None else dataclasses.replace(loc)
    c = countries().by_iso3.get(iso3) if isinstance(iso3, str) else None
    loc = None
    if c is not None:
        pt = COUNTRY_POINTS.get(iso3) or gazetteer().centre(c.iso2)
        if pt is not None:
            loc = Location(name=c.name, country=iso3, lat=pt[0], lon=pt[1], precision="country",
                           geonameid=c.geonameid)
    with _LOCK:
        _COUNTRY_LOCS[iso3] = loc
    return None if loc is None else dataclasses.replace(loc)


_DEFAULT: GazetteerGeocoder | None = None
_LOCK = threading.Lock()


def default_geocoder() -> GazetteerGeocoder:
    """The process-wide :class:`GazetteerGeocoder`."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = GazetteerGeocoder()
    return _DEFAULT
