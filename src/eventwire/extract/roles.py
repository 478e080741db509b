"""Initiator and target of a mention from the dependency parse, passive voice included.

"Russia fired 51 missiles at Ukraine" -> Russia initiator, Ukraine target;
"drones were shot down by air defences" -> air defences initiator;
"Russia's defence ministry claimed it had shot down 116 Ukrainian drones" -> the ministry
(through "it") initiator, Ukraine (the drones' owner) target.
"""

from __future__ import annotations

import re

from eventwire.extract.actors import PRONOUNS, ActorRef, actor_of
from eventwire.extract.clauses import SPEECH_LEMMAS
from eventwire.extract.mentions import Mention
from eventwire.geocode import country_iso3, country_location

TARGET_PREPS = {"on", "at", "against", "upon", "into", "toward", "towards"}
_DEMONYM_BEFORE = re.compile(r"([A-Z][\w-]+)\s+(?:[\w-]+\s+){0,2}$")


def np_tokens(tok) -> list:
    """The noun phrase a token heads, without relative clauses, appositions and trailing
    prepositional phrases."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("relcl", "acl", "appos", "prep", "punct", "cc", "advcl", "conj") and child.i > tok.i:
            continue
        out.extend(child.subtree)
    return sorted(set(out), key=lambda t: t.i)


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    return None


def _agent(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _resolve_pronoun(tok, prev: ActorRef | None) -> ActorRef | None:
    """ "it" in "the ministry claimed it had shot down": the speaker; else the last actor."""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            subj = _subject(anc)
            if subj is not None and subj.lower_ not in PRONOUNS:
                return actor_of(np_tokens(subj))
    return prev


def _actor(tok, prev: ActorRef | None) -> ActorRef | None:
    if tok is None:
        return None
    if tok.lower_ in PRONOUNS:
        return _resolve_pronoun(tok, prev)
    return actor_of(np_tokens(tok))


def _governing_subject(verb):
    """The subject of a verb, or of the verb a participle/infinitive clause hangs on."""
    cur = verb
    for _ in range(4):
        subj = _subject(cur)
        if subj is not None:
            return subj
        if cur.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp", "relcl") and cur.head is not cur:
            if cur.dep_ == "relcl":
                return None
            cur = cur.head
            continue
        return None
    return None


def weapons_owner(sent_text: str, m: Mention) -> str | None:
    """ "116 Ukrainian drones" -> UKR: the country named right before a weapon noun."""
    for w in m.weapons:
        m2 = _DEMONYM_BEFORE.search(sent_text[:w.start])
        if m2:
            c = country_iso3(m2.group(1))
            if c:
                return c
        c = country_iso3(w.text.split()[0]) if w.text else None
        if c:
            return c
    return None


def assign_roles(m: Mention, sent, prev: ActorRef | None) -> None:
    """Fill `m.initiator`, `m.target` and `m.participants`."""
    doc = sent.doc
    trig = doc[m.trigger_i]
    anchor = doc[m.anchor_i]
    initiator = target = None
    # noun triggers: "Russian strikes", "Russia's attack", "US-Ukrainian peace talks"
    if trig.pos_ in ("NOUN", "PROPN"):
        for child in trig.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < trig.i:
                a = actor_of(np_tokens(child)) if child.lower_ not in PRONOUNS else None
                if a is not None and a.country:
                    if m.family == "DIPLO":
                        continue  # countries of a modifier are added one by one below
                    elif initiator is None:
                        initiator = a
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        target = target or _actor(obj, prev)
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        initiator = initiator or _actor(obj, prev)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in anchor.children)
    if passive:
        initiator = initiator or _actor(_agent(anchor), prev)
        if m.family not in ("DISR_WEAP",):
            for c in anchor.children:
                if c.dep_ == "nsubjpass":
                    target = target or _actor(c, prev)
    else:
        subj = _governing_subject(anchor)
        if subj is not None and (subj.i < trig.i or trig.pos_ in ("VERB", "AUX") or anchor is not trig):
            a = _actor(subj, prev)
            if a is not None and not (m.family == "DIPLO" and not a.country and not a.sector):
                initiator = initiator or a
        for c in anchor.children:
            if c.dep_ == "dobj" and c.i != trig.i:
                target = target or _actor(c, prev)
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        target = target or _actor(obj, prev)
            if c.dep_ == "dobj" and c.i == trig.i:
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ in TARGET_PREPS:
                        for obj in cc.children:
                            if obj.dep_ == "pobj":
                                target = target or _actor(obj, prev)
    if m.family == "DISR_WEAP":
        owner = weapons_owner(sent.text, m)
        if owner:
            state = country_location(owner)
            target = ActorRef(text=owner, name=state.name if state else owner, country=owner, sector="MIL",
                              start=sent.start_char, end=sent.start_char)
    if m.family == "DIPLO":
        modifiers = [t for c in trig.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") for t in c.subtree]
        for t in modifiers:  # "US-Ukrainian peace talks": each country takes part
            if t.text[:1].isupper():
                c = country_iso3(t.text)
                if c:
                    loc = country_location(c)
                    m.participants.append(ActorRef(text=t.text, name=loc.name if loc else t.text, country=c,
                                                   sector=None, start=t.idx, end=t.idx + len(t.text)))
        for t in sent:
            if t.i in m.scope and t.dep_ == "pobj" and t.head.lower_ == "with":
                a = _actor(t, prev)
                if a is not None:
                    m.participants.append(a)
        if initiator is not None:
            m.participants.insert(0, initiator)
            initiator = None
        seen = set()
        m.participants = [a for a in m.participants if not (a.name in seen or seen.add(a.name))]
    if target is not None and initiator is not None and target.country and target.country == initiator.country \
            and m.family != "DIPLO":
        target = None
    m.initiator = initiator
    m.target = target
