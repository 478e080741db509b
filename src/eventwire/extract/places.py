"""Place mentions: where in a document places are named, and which place they are.

Candidates are the model's GPE/LOC/FAC/ORG entities plus runs of capitalised words (the small
model misses many towns: "the Kyiv region", "Tokmak"), widened to "X region"/"X oblast" and
"eastern X". Each candidate goes to the `Geocoder`, steered by the countries the document is
about. A place that only modifies a noun ("Kyiv officials", "Russia's defence ministry",
"US-Ukrainian talks") is kept but marked, so it is never taken for where an event happened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from eventwire.extract.actors import SECTOR_NOUNS, known_actor
from eventwire.geocode import Geocoder, country_iso3, default_geocoder, is_big_city
from eventwire.geocode.countries import place_country_iso3
from eventwire.geocode.normalize import key as name_key
from eventwire.geocode.normalize import skeleton
from eventwire.geocode.sites import first_words as site_first_words
from eventwire.geocode.sites import longest_name as site_longest_name
from eventwire.geocode.sites import site
from eventwire.records import Location

log = logging.getLogger(__name__)

ADMIN_WORDS = {"region", "oblast", "province", "district", "raion", "governorate", "county", "state",
               "territory", "republic", "krai", "area", "regions", "oblasts", "provinces"}
DIRECTIONS = re.compile(r"^(?:(?:the\s+)?far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|"
                        r"south-?west|central|centre|center)(?:ern)?$", re.I)
FEATURE_WORDS = {"street", "st", "avenue", "ave", "lane", "ln", "road", "rd", "boulevard", "blvd", "square",
                 "highway", "river", "reservoir", "lake", "sea", "bay", "canal", "prospekt", "prospect",
                 "embankment", "alley", "drive", "ln.", "st."}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "over", "across", "around", "inside", "into", "on", "onto",
                  "toward", "towards", "throughout", "within", "from", "off", "against", "above", "by"}
NOT_PLACES = {"the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "i", "air", "force", "forces",
              "ministry", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "president", "reuters", "telegram", "meanwhile", "according",
              "former", "earlier", "speaking", "despite", "national", "unconfirmed", "peace", "talks"}
# nouns a place may modify without being the scene: "Kyiv officials", "Russia's ministry",
# "US-Ukrainian talks"; any other head ("Kharkiv School", "Balakliya city center") is in the place
ACTOR_HEADS = set(SECTOR_NOUNS) | {"talks", "negotiations", "negotiators", "tone", "position", "side", "sides",
                                  "leader", "leaders", "allies", "ally", "partners", "counterpart", "counterparts",
                                  "delegation", "envoy", "citizens", "nationals", "national", "war",
                                  "invasion", "border", "economy", "energy", "territory", "airspace", "sanctions",
                                  "embassy", "media", "state", "people", "president", "victory", "campaign"}


@dataclass
class PlaceMention:
    """A resolved place in a document (character and token offsets)."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    location: Location
    modifier: bool  # names an actor or a quality, not a scene ("Kyiv officials")

    @property
    def is_country(self) -> bool:
        return self.location.precision == "country"


NAME_WORD = re.compile(r"^[A-Z][^\W\d_]*(?:['’ʼ`-][^\W\d_]+)*['’ʼ]?$")  # Shakhtars'k, Kryvyi, Mykil's'ke


def _name_word(tok) -> bool:
    return bool(NAME_WORD.match(tok.text)) and tok.lower_ not in NOT_PLACES


TITLES = {"president", "minister", "governor", "mayor", "spokesman", "spokeswoman", "commander", "general",
          "mr", "mrs", "ms", "dr", "chief", "head", "leader", "envoy", "secretary", "chairman", "official"}


def _titled(doc, i: int) -> bool:
    """ "President Zelensky", "Governor Kim": a title right before a name."""
    return i > 0 and doc[i - 1].lower_.rstrip(".") in TITLES


def _candidates(doc) -> list[tuple[int, int]]:
    """Token spans (start, end) that may name places, longest first per position: runs of
    capitalised name words (apostrophes and hyphens inside names allowed) and the model's
    entities trimmed to such words."""
    spans: set[tuple[int, int]] = set()
    person = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "NORP"):
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if start < ent.end and all(_name_word(t) or t.text == "-" for t in doc[start:ent.end]):
                spans.add((start, ent.end))
        elif ent.label_ == "PERSON" and not _after_locative(doc, ent.start) \
                and not _place_then_noun(doc, ent) and not _dateline(doc, ent) and \
                (len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent)
                 or ent.root.dep_ in ("nsubj", "nsubjpass", "poss") or _titled(doc, ent.start)):
            if len(ent) > 1 and not _titled(doc, ent.start) and ent.root.dep_ not in ("nsubj", "poss"):
                spans.add((ent.start, ent.end))  # whole "Kryvyi Rih" may be a town; never "Ihnat" alone
            # the small model calls many Ukrainian towns persons: a lone name that is nobody's
            # subject, or a "name" with common words in it ("Shelled Kharkiv School"), stays a
            # candidate; "Vladimir Putin" does not
            person.update(range(ent.start, ent.end))
    i = 0
    n = len(doc)
    while i < n:
        if _name_word(doc[i]) and i not in person:
            j = i + 1
            while j < n and j - i < 4 and (_name_word(doc[j]) or doc[j].text == "-" and j + 1 < n
                                          and doc[j + 1].text[:1].isupper()):
                j += 1
            for a in range(i, j):  # every sub-span: "Shelled Kharkiv School" holds "Kharkiv"
                for k in range(j, a, -1):
                    spans.add((a, k))
            i = j
        else:
            if _lower_name(doc, i):
                spans.add((i, i + 1))
            i += 1
    return sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))


def _place_then_noun(doc, ent) -> bool:
    """ "Mariupol Drama (theatre)", "Kharkiv School": a "person" whose later words are English
    common nouns is a place naming a building, not someone's name."""
    words = english_words()
    return len(ent) > 1 and not _titled(doc, ent.start) and all(
        t.lower_ in words and t.lower_ not in _GIVEN_NAME_WORDS for t in ent[1:])


# English words that are also common surnames or given names ("Tom Cook", "Kim Young")
_GIVEN_NAME_WORDS = {"cook", "young", "smith", "baker", "miller", "brown", "white", "black",
                     "green", "king", "wood", "hill", "carter", "walker", "turner", "hunter",
                     "price", "rice", "rose", "may", "will", "mark", "bush", "pence", "graham",
                     "lee", "long", "bell", "ward", "mason", "fisher", "gray", "grey", "day",
                     "moon", "stone", "fox", "wolf", "hope", "joy", "page", "bishop", "judge"}


def _dateline(doc, ent) -> bool:
    """ "Kherson, the Russian army opened fire ...": one name opening a sentence, then a comma,
    is where the report is set, not a person (the small model often says person)."""
    return len(ent) == 1 and ent[0].is_sent_start and ent.end < len(doc) \
        and doc[ent.end].text == "," and not _titled(doc, ent.start)


def _lower_name(doc, i: int) -> bool:
    """ "in kramatorsk": a lower-case word after a locative preposition that is no English word,
    or one the model takes for a name ("in kharkov", "in paris": WordNet lists both)."""
    if i == 0 or doc[i - 1].lower_ not in LOCATIVE_PREPS:
        return False
    tok = doc[i]
    return tok.is_lower and tok.is_alpha and len(tok) >= 4 and not DIRECTIONS.match(tok.text)


def _lower_word_is_place(tok, text: str, loc: Location) -> bool:
    """A lower-case word resolved to `loc` names it: any word that is no English word ("in
    kramatorsk"); an English word only when the model takes it for a name ("in paris"), or when
    it is a city of half a million people ("in donetsk": WordNet lists it; "in reading" stays a word)."""
    if not (loc.precision in ("city", "admin1", "country") and _own_name(text, loc)):
        return False
    return tok.lower_ not in english_words() or tok.pos_ == "PROPN" \
        or tok.ent_type_ in ("GPE", "LOC") or loc.precision == "city" and is_big_city(loc)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English words (WordNet's index, ~83,000 lower-case lemmas, from the spaCy model's
    lemmatizer tables): a lower-case or misspelt word in this list is never looked up as a place.
    Empty when the tables cannot be read (then no such word is looked up either; see callers)."""
    try:
        from pathlib import Path

        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        from eventwire.extract.pipeline import MODEL

        root = get_package_path(MODEL)
        path = next(root.glob("*/lemmatizer/lookups"), None) or next(root.glob("lemmatizer/lookups"))
        table = Lookups().from_disk(Path(path)).get_table("lemma_index")
        words: set[str] = set()
        for lemmas in table.values():
            words.update(lemmas)
        return frozenset(words)
    except Exception as exc:  # noqa: BLE001 - without the list, lower-case and fuzzy lookups are off
        log.warning("no English word list for place lookups (%s: %s)", type(exc).__name__, exc)
        return frozenset()


ATTACK_VERBS = {"hit", "strike", "attack", "shell", "bomb", "target", "pound", "bombard", "raid", "capture",
                "seize", "liberate", "recapture", "retake", "enter", "storm", "encircle", "besiege"}


def _after_locative(doc, i: int) -> bool:
    """ "in Mykolaiv", "near the Engels airfield", "missiles hit Nikolaev": a locative
    preposition right before, or the object of a verb of attack or conquest."""
    tok = doc[i]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ATTACK_VERBS:
        return True
    j = i - 1
    # over the place's own adjectives: "in Russia-occupied Mariupol", "in besieged Mariupol"
    amods = [c for c in tok.lefts if c.dep_ == "amod"]
    while amods and j >= 0 and amods[-1].i >= j:
        j = amods.pop().left_edge.i - 1
    while j >= 0 and doc[j].lower_ in ("the", "city", "town", "village", "of"):
        j -= 1
    return j >= 0 and (doc[j].lower_ in LOCATIVE_PREPS
                       or doc[j].lower_ in ("to", "into") and tok.dep_ == "pobj" and tok.head.i == j)


def _widen(doc, start: int, end: int) -> tuple[int, int]:
    """ "Kyiv" -> "Kyiv region"; "Poland" -> "eastern Poland"."""
    if end < len(doc) and doc[end].lower_ in ADMIN_WORDS:
        end += 1
    if start > 0 and DIRECTIONS.match(doc[start - 1].text):
        start -= 1
        if start > 0 and doc[start - 1].lower_ == "far":
            start -= 1
    return start, end


def _is_modifier(doc, start: int, end: int) -> bool:
    last = doc[end - 1]
    if last.lower_ in ADMIN_WORDS:
        return False
    head = last.head
    if last.dep_ in ("poss", "compound", "amod", "nmod") and head.i >= end:
        while head.dep_ in ("compound", "amod") and head.head.i > head.i:  # "Mariupol police station"
            head = head.head
        return head.lower_ in ACTOR_HEADS
    if end < len(doc) and doc[end].text in ("'s", "’s", "'", "’"):
        return doc[end].head.lower_ in ACTOR_HEADS or head.lower_ in ACTOR_HEADS
    # "US-Ukrainian talks": part of a hyphenated modifier
    if end < len(doc) and doc[end].text == "-":
        return True
    if start > 0 and doc[start - 1].text == "-":
        return True
    return False


_geocoder: Geocoder | None = None


@contextmanager
def use_geocoder(geocoder: Geocoder) -> Iterator[None]:
    """Resolve places with `geocoder` inside the block (tests, benchmarks, other gazetteers)."""
    global _geocoder
    previous, _geocoder = _geocoder, geocoder
    try:
        yield
    finally:
        _geocoder = previous


class NullGeocoder:
    """A `Geocoder` that knows no place: extraction without geocoding."""

    def resolve(self, text: str, context: Sequence[str] = (), on: dt.date | None = None) \
            -> Location | None:
        return None


def document_countries(doc) -> list[str]:
    """ISO3 codes of the countries a document names, most named first."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            c = country_iso3(ent.text)
            if c:
                counts[c] += 1
    return [c for c, _ in counts.most_common()]


def find_places(doc, context: list[str], on: dt.date | None = None) -> list[PlaceMention]:
    """Resolved place mentions of a document, in text order, without overlaps.

    Two passes. The countries the document names ("Ukraine", not "Russian": a demonym names an
    actor more often than the scene) steer the first; the countries of the places it resolved by
    their own names (cities and regions) steer the second, then the rest of `context`, so
    "Druzhba" next to "Lysychansk" stays in Ukraine and "Russian truck in Donetsk" is the city in
    Ukraine. A name many villages share, spread over several oblasts (which the geocoder answers
    with their country), is then looked for in the oblasts of the document's other places. `on`,
    the publication date, is passed to the geocoder (which favours villages on that day's front)."""
    memo: dict = {}
    cands = _candidates(doc)
    by_name = _countries_named(doc)
    named_ctx = [c for c in context if c in by_name]
    found = _find_places(doc, named_ctx, memo, cands, on)
    named = Counter(p.location.country for p in found if _confident(p))
    ctx2 = list(dict.fromkeys([*named_ctx, *(c for c, _ in named.most_common()), *context]))
    if ctx2 != named_ctx:
        found = _find_places(doc, ctx2, memo, cands, on)
        named = Counter(p.location.country for p in found if _confident(p))
    if named or context:
        # a lone capitalised word that is a town abroad ("University", "Metro") while the text's
        # places are in another country is a name, not a scene; so is a town abroad found by an
        # alternate or former name ("Kilo" for Kiel, "Ilyich" for Atakent) in a document whose
        # own places are elsewhere
        home = set(context) | ({named.most_common(1)[0][0]} if named else set())
        found = [p for p in found if _at_home(doc, p, home, bool(named))]
    _steer_by_neighbours(doc, found, ctx2, on)
    return found


def _at_home(doc, p: PlaceMention, home: set[str], others_named: bool) -> bool:
    if p.location.country in home or p.location.precision == "country":
        return True
    if others_named and not _own_name(p.text, p.location):
        return False
    return p.tok_end - p.tok_start > 1 or doc[p.tok_start].ent_type_ == "GPE" \
        or _after_locative(doc, p.tok_start)


def _countries_named(doc) -> set[str]:
    """ISO3 codes of the countries a document names by name ("Ukraine", "the U.S."), not by a
    demonym alone ("Russian")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            c = place_country_iso3(name_key(text), text)
            if c:
                out.add(c)
    return out


def _own_name(text: str, loc: Location) -> bool:
    """`text` is the place's own name or a spelling of it (not an alternate or former name)."""
    if loc.precision in ("country", "admin1", "region"):
        return True
    k, n = name_key(text), name_key(loc.name)
    return k == n or skeleton(k) == skeleton(n) or f" {n}" in f" {k}"  # "Central Kharkiv"


def _confident(p: PlaceMention) -> bool:
    """A place that may steer the others: a town or region, matched by its own name."""
    return bool(p.location.country) and p.location.precision in ("city", "admin1", "admin2") \
        and _own_name(p.text, p.location)


def _steer_by_neighbours(doc, found: list[PlaceMention], context: list[str],
                         on: dt.date | None) -> None:
    """A name shared by villages in several oblasts (resolved to the country only) is the one in
    the oblast of another place of the document, when exactly one such village is there."""
    admins = Counter(p.location.admin1 for p in found
                     if _confident(p) and p.location.precision != "admin1" and p.location.admin1)
    if not admins:
        return
    geocoder = _geocoder or default_geocoder()
    for p in found:
        loc = p.location
        if loc.precision != "country" or place_country_iso3(name_key(p.text), p.text):
            continue
        for admin1, _ in admins.most_common():
            hit = geocoder.resolve(f"{p.text}, {admin1}", context, on)
            if hit is not None and hit.admin1 == admin1 and hit.precision in ("city", "admin2") \
                    and hit.country == loc.country:
                hit.text = p.text
                p.location = hit
                break


def _find_places(doc, context: list[str], memo: dict, candidates: list[tuple[int, int]],
                 on: dt.date | None = None) -> list[PlaceMention]:
    geocoder = _geocoder or default_geocoder()
    ctx = tuple(context)

    def resolve(text: str, c: tuple[str, ...], fuzzy: bool = False) -> Location | None:
        k = (text, c, fuzzy)  # every sub-span is tried in both passes: once per document
        if k not in memo:
            fn = getattr(geocoder, "resolve_fuzzy", None) if fuzzy else None
            memo[k] = fn(text, c, on) if fn else geocoder.resolve(text, c, on)
        loc = memo[k]
        return None if loc is None else dataclasses.replace(loc)

    taken: set[int] = set()
    out: list[PlaceMention] = []
    for start, end in candidates:
        if any(i in taken for i in range(start, end)):
            continue
        span = doc[start:end]
        if span.root.ent_type_ == "NORP" and country_iso3(span.text):
            continue  # "Ukrainian": a demonym names an actor, not a place
        if end < len(doc) and doc[end].lower_ in FEATURE_WORDS:
            continue  # "Leningradskaya Street", "Lugan River": a feature named after a place
        if doc[end - 1].lower_ in FEATURE_WORDS and start > 0 and _name_word(doc[start - 1]):
            continue  # ... and "Street" of it is not the town of Street
        if end - start == 1 and start > 0 and end < len(doc) and doc[start - 1].text in QUOTES \
                and doc[end].text in QUOTES:
            continue  # "queues at 'Metro' in Mariupol": a quoted word names a shop, a ship, ...
        if _city_follows(doc, end if doc[end - 1].lower_ in ("district", "raion") else end + 1
                         if end < len(doc) and doc[end].lower_ in ("district", "raion") else None,
                         resolve, ctx):
            continue  # "Kyiv District, Donetsk": a district of the city named next, not a raion
        lower = doc[start].is_lower
        site_end = _site_end(doc, start, end)
        if site_end is not None:  # "the Zaporizhzhia nuclear power plant": the site, not the city
            end = site_end
        wstart, wend = _widen(doc, start, end)
        qualifier, q_end = _admin_qualifier(doc, _run_end(doc, wend))
        q_loc = resolve(qualifier, ctx) if qualifier else None
        loc = None
        used_q = False
        for fuzzy in (False, True):
            if fuzzy and not _typo_candidate(doc, start, end, qualifier):
                break
            for s, e in ((wstart, wend), (start, wend), (start, end)):
                text = doc[s:e].text
                if qualifier and doc[e - 1].lower_ not in ADMIN_WORDS:
                    # "Oleksandrivka, Kherson oblast"; a span that adds nothing to its
                    # qualifier ("Lyman Train Station Skyway, Donetsk Oblast") is no place
                    loc = resolve(f"{text}, {qualifier}", ctx, fuzzy)
                    used_q = loc is not None and (not _same_place(loc, q_loc)
                                                  or resolve(text, ctx, fuzzy) is not None)
                    loc = loc if used_q else None
                loc = loc or resolve(text, ctx, fuzzy)
                if loc is None and ctx:
                    # the countries named are often the attacker's ("Russian troops in Vorzel"):
                    # a name unknown there may still be a unique place elsewhere
                    loc = resolve(text, (), fuzzy)
                if loc is not None:
                    start2, end2 = s, e
                    break
            if loc is not None:
                break
        if loc is None:
            continue
        if doc[start2:end2].text.lower() in NOT_PLACES or known_actor(doc[start2:end2].text):
            continue
        if lower and not _lower_word_is_place(doc[start], span.text, loc):
            continue  # a lower-case word must be the name of a town ("in kramatorsk")
        if end2 - start2 == 1 and doc[start2].pos_ != "PROPN" and not doc[start2].ent_type_ \
                and not _after_locative(doc, start2) and doc[start2].is_sent_start:
            continue  # a sentence-initial capitalised word ("Speaking", "Despite") is not a town
        taken.update(range(start2, end2))
        if used_q:
            taken.update(range(end2, q_end))  # "Svatove, Luhansk Oblast" is one place
        sp = doc[start2:end2]
        loc.text = sp.text
        out.append(PlaceMention(sp.start_char, sp.end_char, start2, end2, sp.text, loc,
                                _is_modifier(doc, start2, end2)))
    out.sort(key=lambda p: p.start)
    return out


QUOTES = {"'", '"', "‘", "’", "“", "”", "«", "»", "``", "''"}


def _site_end(doc, start: int, end: int) -> int | None:
    """Where a named site that starts at `start` ends, if it is longer than the candidate
    ("Zaporizhzhia nuclear power plant", "Snake Island")."""
    if name_key(doc[start].text) not in site_first_words():
        return None
    for e in range(min(len(doc), start + site_longest_name()), end, -1):
        if site(name_key(doc[start:e].text)) is not None:
            return e
    return None


def _city_follows(doc, i: int | None, resolve, ctx: tuple[str, ...]) -> bool:
    """A comma at `i`, then a town (the run of name words from `i + 1`)."""
    if i is None or i >= len(doc) or doc[i].text != ",":
        return False
    j = _run_end(doc, i + 1)
    if j == i + 1 or j < len(doc) and doc[j].lower_ in ADMIN_WORDS:  # ", Donetsk Oblast"
        return False
    loc = resolve(doc[i + 1:j].text, ctx)
    return loc is not None and loc.precision == "city"


def _same_place(a: Location, b: Location | None) -> bool:
    return b is not None and (a.name, a.precision, a.lat, a.lon) == (b.name, b.precision, b.lat, b.lon)


def _run_end(doc, end: int) -> int:
    """The end of the run of capitalised name words a span ends in ("Lyman" in "Lyman Train
    Station, Donetsk Oblast"), where its qualifier may follow."""
    while end < len(doc) and _name_word(doc[end]) and doc[end].lower_ not in ADMIN_WORDS:
        end += 1
    return end


def _typo_candidate(doc, start: int, end: int, qualifier: str | None) -> bool:
    """May this one-word span be a misspelt place name ("Popsana", "Slovgyansk")? A capitalised
    word of 6+ letters that is no English word, nobody's name, and stands where places stand:
    after "in"/"near"/..., tagged a place by the model, or followed by its oblast."""
    if end - start != 1:
        return False
    tok = doc[start]
    words = english_words()
    if not words or not tok.is_alpha or len(tok) < 6 or not tok.text[:1].isupper() \
            or tok.lower_ in words or tok.lower_ in NOT_PLACES or tok.ent_type_ in ("PERSON", "NORP") \
            or _titled(doc, start):
        return False
    return bool(qualifier) or tok.ent_type_ in ("GPE", "LOC", "FAC") or _after_locative(doc, start)


def _admin_qualifier(doc, end: int) -> tuple[str | None, int]:
    """The region named right after a place: "X, Kherson oblast", "X (Donetsk region)",
    "X village, Sumy oblast", "X in the Luhansk Oblast"; and the token where it ends."""
    i = end
    if i < len(doc) and doc[i].lower_ in ("village", "town", "city", "settlement"):
        i += 1
    if i < len(doc) and doc[i].text in (",", "("):
        i += 1
    elif i + 1 < len(doc) and doc[i].lower_ == "in":
        i += 2 if doc[i + 1].lower_ == "the" else 1
    j = i
    while j < len(doc) and j - i < 3 and doc[j].text[:1].isupper() and doc[j].lower_ not in ADMIN_WORDS:
        j += 1
    if j > i and j < len(doc) and doc[j].lower_ in ("oblast", "region", "province", "raion", "district"):
        return doc[i:j + 1].text, j + 1
    return None, end


def is_compound_modifier(doc, place: PlaceMention) -> bool:
    """ "the Druzhba theatre": the place word names something else, it is not the place itself."""
    tok = doc[place.tok_end - 1]
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i >= place.tok_end \
        and tok.head.lower_ not in ADMIN_WORDS and tok.head.lower_ not in ("city", "town", "village")


def locative_prep(doc, place: PlaceMention) -> str | None:
    """The preposition that attaches a place to its clause ("in" Miami, "to" Mariupol), if any."""
    tok = doc[place.tok_end - 1]
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and (tok.head.lower_ in LOCATIVE_PREPS or tok.head.lower_ in ("to", "into")):
        return tok.head.lower_
    if tok.dep_ == "appos" and tok.head.dep_ == "pobj":
        return tok.head.head.lower_
    return None
