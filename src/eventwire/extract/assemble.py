"""From mentions to events: one record per real event of a document.

Mentions of the same event ("Russia fired 650 drones ..." and "the strikes targeted ...") merge;
a mention that ties an outcome to another place ("three injuries in the Kyiv region") becomes
an event of its own that inherits the attack's kind, initiator and date, as ACLED codes it.
Different places, days, initiators or modalities never merge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from eventwire.extract import classifier
from eventwire.extract.kinds import kind_info
from eventwire.extract.mentions import (ATTACK_KINDS, CLAIM, SANCTIONS, Mention, protest_kind, side_named,
                                       strike_subkind, territory_side, weapon_kind)
from eventwire.extract.weapons import WeaponMention
from eventwire.geocode import country_location
from eventwire.records import Actor, Casualties, Count, DateSpan, Event, Location, Span, Weapon

UNKNOWN_DATE = DateSpan(None, None, "unknown")
DIPLO_GROUP = {"talks": "talks", "meeting": "talks", "statement": "statement", "sanction": "sanction", "aid": "aid"}
HISTORICAL_DAYS = 7


PROTEST_KINDS = ["PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR", "FORCE_AGAINST_PROTEST"]  # mildest first
# Outcomes an attack or a protest already accounts for: "several buildings were damaged",
# "27 people were arrested" read after the event are part of it, not events of their own.
OUTCOME_KINDS = {"attack": {"PROPERTY_DISTRUCT", "MAN_MADE_DISASTER", "ATTACK"},
                 "protest": {"ARREST", "ATTACK", "PROPERTY_DISTRUCT", "MAN_MADE_DISASTER", "ARMED_CLASH"}}


def group_of(kind: str) -> str:
    if kind in ATTACK_KINDS:
        return "attack"
    if kind in PROTEST_KINDS:
        return "protest"
    return kind


class _Draft:
    """An event being assembled from mentions."""

    def __init__(self, m: Mention):
        self.mentions = [m]
        self.kind = m.kind
        self.subkind = m.subkind
        self.initiator = m.initiator
        self.target = m.target
        self.participants = list(m.participants)
        self.weapons: list[Weapon] = []
        self.casualties = Casualties()
        self.targets: list[str] = []
        self.location: Location | None = m.place.location if m.place else None
        self.date = m.date
        self.attribution = m.attribution
        self.modality = m.modality
        self.strength = m.strength
        self.confidence: float | None = None  # set by `_retype`
        self.add_fields(m)

    @property
    def group(self) -> str:
        return group_of(self.kind)

    @property
    def initiator_country(self) -> str | None:
        return self.initiator.country if self.initiator else None

    @property
    def target_country(self) -> str | None:
        if self.target and self.target.country:
            return self.target.country
        m = self.mentions[0]
        return m.target_place.location.country if m.target_place else None

    def add_fields(self, m: Mention) -> None:
        for w in m.weapons:
            add_weapon(self.weapons, w)
        for field, q in m.casualties:
            cur = getattr(self.casualties, field)
            if cur is None or _more_precise(q.count, cur):
                setattr(self.casualties, field, q.count)
        for t in m.targets:
            if t not in self.targets:
                self.targets.append(t)
        for a in m.participants:
            if all(a.name != p.name for p in self.participants):
                self.participants.append(a)

    def accepts(self, m: Mention) -> bool:
        """May mention `m` describe this same event?"""
        if m.modality != self.modality:
            return False
        if self.group in ("protest", *TERRITORY_KINDS) and m.background != all(x.background for x in self.mentions):
            # "police had fired tear gas at a rally last year", "rebels had seized the airstrip
            # last week; troops retook it on Sunday": another event than the news
            return False
        if m.kind == "DIPLO" or self.kind == "DIPLO":
            return self._accepts_diplo(m)
        if m.kind in OUTCOME_KINDS.get(self.group, ()) and (m.initiator is None or m.passive):
            return m.place is None or self.location is None or m.place.location.country == self.location.country
        if group_of(m.kind) != self.group:
            if not (m.kind == "DISR_WEAP" and self.group == "attack"):
                return False
            owner = m.target.country if m.target else None
            if owner and self.initiator_country and owner != self.initiator_country:
                return False
            if m.initiator and m.initiator.country and self.target_country and m.initiator.country != self.target_country:
                return False
        if m.initiator and m.initiator.country and self.initiator_country and m.initiator.country != self.initiator_country:
            return False
        if m.date and self.date and m.date.start and self.date.start and m.date.start != self.date.start:
            return False
        if m.place is not None:
            loc = m.place.location
            if self.location is None:
                return m.kind != "DIPLO" and loc.precision == "country"
            if loc.precision == "country":
                return loc.country in (self.location.country, self.target_country)
            return (loc.name, loc.country) == (self.location.name, self.location.country)
        return True

    def _accepts_diplo(self, m: Mention) -> bool:
        """Diplomacy merges only with the same kind of act at the same named place."""
        if m.kind != self.kind or DIPLO_GROUP.get(m.subkind or "") != DIPLO_GROUP.get(self.subkind or ""):
            return False
        if m.place is None:
            return m.headline
        return self.location is not None and (m.place.location.name, m.place.location.country) == \
            (self.location.name, self.location.country)

    def merge(self, m: Mention) -> None:
        self.mentions.append(m)
        if self.group == "protest" and m.kind in PROTEST_KINDS and \
                PROTEST_KINDS.index(m.kind) > PROTEST_KINDS.index(self.kind):
            self.kind = m.kind  # the protest escalated: tear gas later in the text makes it forceful
        elif self.group == "protest" and m.kind == "ARREST" and self.kind == "PEACE_PROTEST":
            self.kind = "PROTEST_WITH_INTER"
        if self.initiator is None and m.initiator is not None and m.kind != "DISR_WEAP":
            self.initiator = m.initiator
        if self.target is None and m.target is not None and m.kind != "DISR_WEAP":
            self.target = m.target
        if self.date is None and m.date is not None:
            self.date = m.date
        if self.attribution is None and m.attribution is not None:
            self.attribution = m.attribution
        elif self.attribution is not None and m.attribution is not None and m.attribution.status == "confirmed" \
                and self.attribution.status == "reported":
            self.attribution = replace(self.attribution, status="confirmed")
        if self.location is None and m.place is not None:
            self.location = m.place.location
        self.strength = max(self.strength, m.strength)
        self.add_fields(m)


def _more_precise(new: Count, cur: Count) -> bool:
    """ "dozens injured" then "the 64 wounded": the exact figure within the vague one's bounds wins."""
    if new.value is None or new.qualifier != "exact" or cur.qualifier == "exact":
        return False
    if cur.value is None:
        return True
    low = cur.low if cur.low is not None else float("-inf")
    high = cur.high if cur.high is not None else float("inf")
    return low <= new.value <= high and cur.qualifier in ("vague", "at_least", "more_than", "about") \
        and re.fullmatch(r"(?:dozens|hundreds|thousands|scores|several|many|a few)(?:\s+of)?", (cur.text or "").lower()) is not None


def add_weapon(weapons: list[Weapon], w: WeaponMention) -> None:
    """Add a weapon mention, merging it with the same class and model already there."""
    launched, destroyed = w.launched, w.destroyed
    for cur in weapons:
        same_model = cur.model == w.model or cur.model is None or w.model is None
        if cur.cls == w.cls and same_model:
            if launched is not None and cur.launched is None and (destroyed is None or cur.destroyed is None):
                cur.launched = launched
                cur.model = cur.model or w.model
                launched = None
            if destroyed is not None and cur.destroyed is None:
                cur.destroyed = destroyed
                cur.model = cur.model or w.model
                destroyed = None
            if launched is None and destroyed is None:
                break
    if launched is not None or destroyed is not None or not any(c.cls == w.cls for c in weapons):
        weapons.append(Weapon(w.cls, w.model, launched, destroyed))
    if w.extra:
        # regional sub-counts ("six over Odesa and nine over Mykolaiv"): keep the sum as well
        parts = [c for _, c in w.extra]
        first = w.destroyed if w.destroyed is not None else w.launched
        if first is not None and first.value is not None and all(p.value is not None for p in parts):
            total = first.value + sum(p.value for p in parts)
            role = "destroyed" if w.destroyed is not None else "launched"
            text = " + ".join(c.text or "" for c in [first, *parts])
            summed = Count(total, "exact", total, total, text)
            weapons.append(Weapon(w.cls, w.model, summed if role == "launched" else None,
                                  summed if role == "destroyed" else None))


def assemble(doc_id: str, mentions: list[Mention], published: dt.date | None,
             context: list[str], text: str = "") -> list[Event]:
    """The events of a document, from its mentions in text order. With the document's `text`,
    the kind classifier weighs in on each event's kind and confidence (`_retype`)."""
    drafts: list[_Draft] = []
    # a headline restates the story: its mentions join the body's events where they can
    for m in sorted(mentions, key=lambda m: m.headline):
        if m.kind == "DIPLO" and m.place is None and not any(
                a.country or a.sector == "GOV" for a in (m.initiator, m.target, *m.participants) if a is not None):
            continue  # "officials say the two sides remain far apart": nobody, nowhere
        _historical(m, published)
        home = _home(drafts, m)
        if home is not None and not (m.place is not None and m.place.location.precision != "country"
                                     and home.location is not None and home.location.precision != "country"
                                     and m.place.location.name != home.location.name):
            home.merge(m)
            continue
        d = _Draft(m)
        main = _main_of(drafts, d)
        if main is not None:
            _inherit(d, main)
        drafts.append(d)
    if any(d.subkind != "military_movement" and d.modality == "asserted" for d in drafts):
        drafts = [d for d in drafts if d.subkind != "military_movement"]  # presence is news only alone
    main_date = next((d.date for d in drafts if d.date is not None and d.date.precision != "unknown"), None)
    for d in drafts:
        if d.date is None and main_date is not None and d.modality == "asserted":
            d.date = main_date
        _fallback_location(d)
        _retype(d, text)
    drafts = _one_per_kind_and_sentence(drafts)
    _background_below_news(drafts)
    return [_event(doc_id, d) for d in drafts]


def _one_per_kind_and_sentence(drafts: list[_Draft]) -> list[_Draft]:
    """Mentions merge by family before the classifier re-types them, so one sentence can end up
    with two events of one kind ("militants ambushed a convoy, killing three officers": the
    killing re-typed to the ambush's ARMED_CLASH). An event told only in sentences that tell
    another, surer event of the same kind and modality is that event, and where that names no
    place, it happened at the place of the other ("claiming an attack on Svatove")."""
    kept: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: -(d.confidence or 0.0)):
        sents = {m.sent_i for m in d.mentions}
        same = next((k for k in kept if k.kind == d.kind and k.modality == d.modality
                     and sents <= {m.sent_i for m in k.mentions}
                     and (d.location is None or k.location is None or d.location.name == k.location.name)), None)
        if same is not None:
            same.location = same.location or d.location
            continue
        kept.append(d)
    return [d for d in drafts if d in kept]


BACKGROUND_RANK = 0.9


def _background_below_news(drafts: list[_Draft]) -> None:
    """An event told only as background ("despite a bombing campaign", "fighting had flared days
    earlier") or as what followed ("troops sent to the area exchanged fire the following day") is
    seldom the one the report is about, and the main event must carry the highest confidence:
    what followed ranks below the best asserted event told as news, and background below both.
    An air-raid alert ranks with what followed: the strike it warned of, if told, is the news."""
    def tier(d: _Draft) -> int:
        return 0 if all(m.background for m in d.mentions) else \
            1 if all(m.background or m.later for m in d.mentions) or d.subkind == "air_alert" else 2

    tiers = [tier(d) for d in drafts]
    for low in (1, 0):
        asserted = [(t, d.confidence) for t, d in zip(tiers, drafts)
                    if d.modality == "asserted" and d.confidence is not None]
        above = [c for t, c in asserted if t == low + 1] or [c for t, c in asserted if t > low]
        if not above:
            continue
        cap = round(max(above) * BACKGROUND_RANK, 4)
        for t, d in zip(tiers, drafts):
            if d.confidence is not None and t == low:
                d.confidence = min(d.confidence, cap)


DIPLO_SUBKINDS = {"talks", "meeting", "statement", "sanction", "aid", "threat", "condemnation"}


# Kinds a trigger names outright ("abducting", "raped", "a grenade", "suicide bomber", "defused",
# "apprehended", "curfew", "sanctions", "traded gunfire"): the word decides, as the weapons counted do
NAMED_KINDS = {**{k: classifier.EVIDENCE[k] for k in ("ABDUCT_DISSAP", "SEX_VIOL", "GRENADE", "SUIC_BOMB")},
               "DISR_WEAP": re.compile(r"defus|\bsafe|bomb\s+(?:disposal|squad)|deactivat|controlled", re.I),
               "ARREST": re.compile(r"\b(?:arrested|apprehended|detained|handcuffed)\b|custody", re.I),
               "CHANGE_TO_GROUP_ACT": re.compile(r"curfew|martial\s+law|state\s+of\s+emergency|mobili[sz]|disband|"
                                                 r"dissolv|appoint|\bnamed\b|\bchose|\belected\b|replac|succeed|alliance",
                                                 re.I),
               "DIPLO": SANCTIONS,
               "ARMED_CLASH": re.compile(r"\b(?:exchang|trad)\w*\s+(?:of\s+)?(?:[\w-]+\s+)?(?:fire|gunfire|shots?)\b",
                                         re.I)}
TERRITORY_KINDS = ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER")


def _territory_side(d: _Draft, words_side: str) -> str:
    """Which side took ground decides the territory kind: the initiator of the capture, where
    the parse names one, outweighs the words of the sentence (`words_side`, see
    `mentions.territory_side`), since any armed group may be named elsewhere in it ("troops
    retook the town from the militants")."""
    a = d.initiator
    if a is not None:
        return _side_of(a) or words_side
    # "the militants were pushed back from the hills": without an agent, the subject lost ground
    lost = _side_of(d.target) if d.mentions[0].passive and d.target is not None else None
    if lost is None:
        return words_side
    return TERRITORY_KINDS[1 - TERRITORY_KINDS.index(lost)]


def _side_of(a: Actor) -> str | None:
    named = side_named(a.text or a.name or "")
    if named == "NON_STATE_ACTOR_OVERTAKES_TER" or a.sector in ("REB", "INS", "UAF"):
        return "NON_STATE_ACTOR_OVERTAKES_TER"
    if named == "GOV_REGAINS_TERIT" or a.sector in ("MIL", "GOV", "COP"):
        return "GOV_REGAINS_TERIT"
    return None


def _side_of_capture(d: _Draft, snippet: str) -> str:
    """The side that took ground in a capture the classifier may read into an event whose rules'
    kind is another ("after days of fighting"): the capture word of the snippet and what
    follows it, as for a capture trigger."""
    taking = classifier.TAKING.search(snippet)
    words = taking.group(0) if taking else d.mentions[0].trigger_text
    return _territory_side(d, territory_side(words, snippet, snippet[taking.end():] if taking else None))


def _by_roles(d: _Draft, probs: dict[str, float], snippet: str) -> dict[str, float]:
    """The classifier's territory and protest probabilities, each group pooled into the side
    the rules read (see `_pool`); a group the classifier gives nothing is left alone."""
    if any(probs.get(k) for k in TERRITORY_KINDS):
        probs = _pool(probs, TERRITORY_KINDS, d.kind if d.kind in TERRITORY_KINDS else _side_of_capture(d, snippet))
    if any(probs.get(k) for k in PROTEST_KINDS):
        probs = _pool(probs, PROTEST_KINDS, d.kind if d.kind in PROTEST_KINDS else protest_kind(snippet))
    return probs


def _pool(probs: dict[str, float], kinds: Sequence[str], into: str) -> dict[str, float]:
    """The classifier reads topic, not roles: it can tell that ground was taken, not by whom, or
    that people protested, not who used force. Its probabilities of `kinds` are pooled into the
    one the rules read from the roles."""
    pooled = dict(probs)
    pooled[into] = sum(pooled.get(k, 0.0) for k in kinds)
    for k in kinds:
        if k != into and k in pooled:
            pooled[k] = 0.0
    return pooled


def _retype(d: _Draft, text: str) -> None:
    """The classifier reads the sentences the event was read from and, with the rules' kind,
    decides the final kind and a calibrated confidence (`classifier.decide`). Where the weapons
    named and counted decide the kind (the seed's drone and missile barrages), the rules' kind
    stands; only the confidence is recalibrated."""
    spans = sorted({m.evidence for m in d.mentions})
    snippet = " ".join(text[a:b] for a, b in spans).strip() if text else ""
    if d.kind in TERRITORY_KINDS:
        d.kind = _territory_side(d, d.kind)
    rule_conf = _confidence(d)
    if not snippet:
        d.confidence = rule_conf
        return
    # locked: the weapons named and counted decide the kind, or the event is an outcome of
    # another ("three injured in the Kyiv region") whose kind it inherits: its own sentence
    # does not say what caused it
    locked = any(w.launched or w.destroyed for w in d.weapons) and d.kind in ATTACK_KINDS | {"DISR_WEAP"} \
        or d.mentions[0].inherited \
        or d.kind in ATTACK_KINDS and any(m.by_platform for m in d.mentions) \
        or d.kind == "ATTRIB" and any(CLAIM.search(m.trigger_text) for m in d.mentions) \
        or d.mentions[0].by_roles and (d.kind == d.mentions[0].kind
                                       or {d.kind, d.mentions[0].kind} <= set(TERRITORY_KINDS)) \
        or d.kind in NAMED_KINDS and NAMED_KINDS[d.kind].search(d.mentions[0].trigger_text) is not None \
        and not (d.kind == "ARREST" and classifier.EVIDENCE["PEACE_PROTEST"].search(snippet))
    # ("warplanes destroyed depots" is an air strike; "IS took credit for the bombing" is a claim;
    # people detained where people gathered may be a protest stopped, for the classifier to weigh)
    probs = classifier.with_evidence(classifier.probabilities(snippet), snippet, d.kind)
    if not locked:  # a locked kind stands, and pooling inside a group leaves its support as it is
        probs = _by_roles(d, probs, snippet)
    kind, conf = classifier.decide(d.kind, rule_conf, probs, locked, d.modality)
    if d.modality != "asserted":
        conf = max(0.05, conf - 0.15)
    d.confidence = max(0.01, min(0.99, conf))
    if kind == d.kind:
        return
    d.kind = kind
    if kind in ("AIR_STRIKE", "ART_MISS_ATTACK"):
        weapons = [w for m in d.mentions for w in m.weapons]
        d.subkind = strike_subkind(kind, weapons) if weapon_kind(weapons) == kind else None
    elif kind == "AGREEMENT":
        d.subkind = "agreement"
    elif kind == "DIPLO":
        d.subkind = d.subkind if d.subkind in DIPLO_SUBKINDS else "statement"
    else:
        d.subkind = None


def _home(drafts: list[_Draft], m: Mention) -> _Draft | None:
    """The event a mention belongs to. A mention that names no place of its own ("the strikes
    targeted ...") or a headline belongs to the main event of its group, not to a sub-event
    placed elsewhere; otherwise the most recent event that accepts it."""
    accepting = [d for d in drafts if d.accepts(m)]
    if not accepting:
        return None
    unplaced = m.place is None or m.place.location.precision == "country"
    if m.headline or unplaced:
        broad = [d for d in accepting if d.location is None or d.location.precision == "country"]
        return (broad or accepting)[0]
    return accepting[-1]


def _historical(m: Mention, published: dt.date | None) -> None:
    if published is None or m.date is None or m.date.end is None or m.modality != "asserted":
        return
    end = dt.date.fromisoformat(m.date.end)
    if (published - end).days > HISTORICAL_DAYS:
        m.modality = "historical"


def _main_of(drafts: list[_Draft], d: _Draft) -> _Draft | None:
    """The earlier event a new one may inherit from: the first of its group."""
    for prev in drafts:
        if prev.group == d.group and prev.modality == d.modality:
            return prev
    return None


def _inherit(d: _Draft, main: _Draft) -> None:
    """A sub-event ("three injuries in the Kyiv region") takes the attack's initiator and
    date when its own text does not name them."""
    if d.group != "attack" and d.kind != "DISR_WEAP":
        return
    loc_country = d.location.country if d.location else None
    if d.initiator is None and main.initiator is not None and loc_country is not None \
            and loc_country in (main.target_country, main.location.country if main.location else None) \
            and loc_country != main.initiator_country:
        d.initiator = main.initiator
    if d.date is None:
        d.date = main.date


def _fallback_location(d: _Draft) -> None:
    if d.location is not None:
        return
    if d.kind == "DISR_WEAP" and d.initiator_country:
        d.location = country_location(d.initiator_country)
    elif d.group == "attack" and d.target_country:
        d.location = country_location(d.target_country)


def _actors(d: _Draft) -> list[Actor]:
    out = []
    if d.initiator is not None:
        a = d.initiator
        out.append(Actor(a.name, a.country, "initiator", a.text, a.sector))
    if d.target is not None:
        a = d.target
        out.append(Actor(a.name, a.country, "target", a.text, a.sector))
    elif d.group == "attack" and d.location is not None and d.location.country \
            and d.location.country != d.initiator_country and d.initiator is not None:
        state = country_location(d.location.country)
        out.append(Actor(state.name if state else d.location.country, d.location.country, "target", None, None))
    for a in d.participants:
        if all(a.name != o.name for o in out):
            out.append(Actor(a.name, a.country, "participant", a.text, a.sector))
    return out


def _confidence(d: _Draft) -> float:
    c = d.strength
    first = d.mentions[0]
    if any(w.launched or w.destroyed for w in d.weapons):
        c += 0.08
    if d.location is not None and d.location.precision != "country":
        c += 0.04
    if d.initiator is not None:
        c += 0.04
    if d.attribution is not None:
        c += 0.03
    if first.sent_i <= 1:
        c += 0.06
    c += min(0.06, 0.02 * (len(d.mentions) - 1))
    if first.inherited:
        c -= 0.1
    if d.modality != "asserted":
        c -= 0.15
    return max(0.05, min(0.97, c))


def _event(doc_id: str, d: _Draft) -> Event:
    first = d.mentions[0]
    info = kind_info(d.kind, d.subkind)
    key = f"{doc_id}|{d.kind}|{first.evidence[0]}|{first.trigger_i}"
    eid = "ew-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    spans: list[Span] = []
    for m in d.mentions:
        s = Span(*m.evidence)
        if s not in spans:
            spans.append(s)
    return Event(
        id=eid, doc_id=doc_id, kind=d.kind, subkind=d.subkind, acled=info.acled, plover=info.plover,
        actors=_actors(d), targets=d.targets, weapons=d.weapons, casualties=d.casualties,
        location=d.location, date=d.date or UNKNOWN_DATE, attribution=d.attribution, modality=d.modality,
        evidence=spans, confidence=d.confidence if d.confidence is not None else _confidence(d),
        trigger=first.trigger_text,
    )


CAPTION_MIN_WORDS = 3  # a place name alone ("US") reports nothing
CAPTION_MAX_WORDS = 40
UNREAD_MIN_WORDS = 6  # the classifier types a text of a clause at least: who did what
UNREAD_MAX_WORDS = 120  # a wire brief or a lead paragraph
CAPTION_CONFIDENCE = 0.2


def caption_event(doc_id: str, text: str, places: list, n_words: int) -> Event | None:
    """The one event of a short report in which the rules found no act. Where the classifier is
    sure enough of a kind the text has a word for, and outweighs the rules' "other" as it must
    to re-type any event (`classifier.decide`), the event has that kind ("Two attackers with
    explosive belts blew themselves up at the checkpoint", told in words no trigger knows).
    Otherwise a caption that names a place ("Footage of the damaged bridge near Izium", a map
    caption, a headline alone) is kind OTHER at its scene, with a low confidence that says how
    little was read. Either way there is no trigger. None for longer texts or a bare name, and
    for an OTHER without a place that is a scene (not a modifier such as "Kyiv officials")."""
    if not CAPTION_MIN_WORDS <= n_words <= UNREAD_MAX_WORDS:
        return None
    probs = classifier.with_evidence(classifier.probabilities(text), text, "OTHER") \
        if n_words >= UNREAD_MIN_WORDS else {}
    kind, confidence = classifier.decide("OTHER", CAPTION_CONFIDENCE, probs, False) if probs \
        else ("OTHER", CAPTION_CONFIDENCE)
    scenes = [p for p in places if not p.modifier]
    if kind == "OTHER":
        if not scenes or n_words > CAPTION_MAX_WORDS:
            return None
        confidence = CAPTION_CONFIDENCE
    place = min(scenes, key=lambda p: (p.is_country, p.start)) if scenes else None
    info = kind_info(kind, None)
    span = Span(0, len(text.rstrip()))
    eid = "ew-" + hashlib.sha1(f"{doc_id}|{kind}|caption|{place.start if place else -1}".encode("utf-8")).hexdigest()[:16]
    return Event(id=eid, doc_id=doc_id, kind=kind, subkind=None, acled=info.acled,
                 plover=info.plover, location=place.location if place else None, date=UNKNOWN_DATE,
                 evidence=[span], confidence=confidence, trigger=None)
