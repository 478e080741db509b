"""What the roles of a clause say about an event's kind: who was attacked (not who attacked),
what was captured, found or set up, what an accusation is about, which clause frames another.

Readers of a spaCy parse, for `mentions.sentence_mentions`: the words give the family of an
event ("captured", "set up", "attacked"), the clause decides its kind ("captured a commander" is
an arrest, "captured the town" a capture; "set up a base" is HQ_ESTABLISHED, "set up a new wing"
a change to a group)."""

from __future__ import annotations

import re

AFTER_WORDS = {"after", "following"}


def phrase(tok, limit: int | None = None) -> str:
    """The words of the phrase `tok` heads, cut to `limit` characters."""
    return " ".join(t.text for t in tok.subtree)[:limit]

# What one side signs alone is no agreement ("signed a decree", "the law was signed"): the rules'
# "sign" reads all of these; the classifier's AGREEMENT is ruled out by the laws among them.
LAWS = {"decree", "law", "bill", "legislation", "ordinance", "budget", "amendment"}
ONE_SIDED_ACTS = LAWS | {"order", "petition", "letter", "resolution", "statement", "declaration", "appeal",
                         "autograph", "contract"}


def victims_text(sent, trigger) -> str:
    """The part of the sentence that names who was attacked, without the attackers: what
    follows the trigger ("gunmen attacked a college"), or in the passive what precedes it
    ("five soldiers were attacked by gunmen"); a closing "..., police said" is no victim."""
    passive = any(child.dep_ in ("nsubjpass", "auxpass") for tok in (trigger, trigger.head) for child in tok.children)
    doc = sent.doc
    text = doc[sent.start:trigger.i].text if passive else doc[trigger.i + 1:sent.end].text
    return REPORTED_BY.sub("", text)


REPORTED_BY = re.compile(r"[,;]\s*(?:[\w'-]+\s+){0,6}(?:said|says|reported|reports|told|added|according)\b.*$", re.I)


ATTACK_NOUNS = re.compile(r"\b(?:attacks?|strikes?|airstrikes?|bombings?|bombs|blasts?|explosions?|shootings?|"
                          r"killings?|massacres?|assassinations?|ambush(?:es)?|raids?|shelling|bombardments?|"
                          r"kidnappings?|abductions?|murders?|beheadings?|hijackings?)\b", re.I)
ATTACK_ACTS = re.compile(r"\b(?:fir(?:e|ed|es|ing)|shell(?:ed|ing|s)?|bomb(?:ed|ing|s)?|attack(?:ed|ing|s)?|"
                         r"strik(?:e|es|ing)|struck|hit(?:ting)?|kill(?:ed|ing)?|launch(?:ed|ing)?|carr(?:y|ied|ying)\s+out|"
                         r"target(?:ed|ing)|shoot(?:ing)?|shot|involvement|responsib\w*)\b", re.I)


def denies_or_claims_an_attack(tok) -> bool:
    """"denied firing the rocket", "denied that its troops shelled the town", "claimed the
    hijacking": a denial or a claim is an attribution when what it governs is an attack ("denied
    the report", "claimed to have downed 116 drones" are not)."""
    comps = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "pcomp")]
    if tok.lemma_.lower() == "claim":  # a claim's object is the attack itself
        return any(c.dep_ == "dobj" and ATTACK_NOUNS.search(phrase(c, 80)) for c in comps)
    return any(ATTACK_NOUNS.search(text) or ATTACK_ACTS.search(text) for text in (phrase(c, 100) for c in comps))


# A group's word that it did the attack is a claim of responsibility: "JNIM said its fighters
# carried out the attack", "IS said one of its men was behind the bombing".
OWN_CLAIM = re.compile(r"\b(?:said|says|announced|stated|declared|confirmed|boasted)\s+(?:that\s+)?"
                       r"(?:it|they|its|their|one\s+of\s+(?:its|their))\b(?:\s+[\w-]+){0,3}?\s+(?:had\s+)?"
                       r"(?:carried\s+out|conducted|perpetrated|staged|(?:was|were)\s+behind)\b", re.I)


def claims_its_own_attack(tok) -> bool:
    """"carried out" is a claim when its doer says it did it (see OWN_CLAIM)."""
    return bool(OWN_CLAIM.search(tok.sent.text))


def of_an_attack(tok) -> bool:
    """"behind the blasts", "responsible for the air strikes", "accused of shelling": the word
    names who did an attack only when an attack is what it governs ("a man accused of collecting
    money" is no attribution)."""
    objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")] + \
        [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "over")
         for g in c.children if g.dep_ in ("pobj", "pcomp")]
    # "accused Ukraine of striking the plant": a gerund names the act itself
    return any(ATTACK_NOUNS.search(phrase(o, 80)) or o.dep_ == "pcomp" and ATTACK_ACTS.fullmatch(o.text)
               for o in objs)



RETURNEES = {"resident", "refugee", "displaced", "family", "civilian", "villager", "people", "idp", "inhabitant",
             "evacuee", "residents", "refugees", "families", "civilians", "villagers", "idps", "inhabitants"}
FOUND_OTHER = {"tunnel", "grave", "tunnels", "graves"}  # found, and no weapon: ACLED's "other"
BASE_NOUNS = {"base", "camp", "post", "checkpoint", "headquarters", "hq", "outpost", "position", "point", "station",
              "garrison", "airbase", "barracks", "depot", "fortification", "trench", "command", "centre", "center"}
GROUP_NOUNS = {"group", "entity", "unit", "brigade", "battalion", "militia", "force", "forces", "council", "committee",
               "alliance", "coalition", "party", "wing", "branch", "front", "movement", "army", "division", "corps",
               "regiment", "organisation", "organization", "faction", "cell", "network", "government", "administration"}


def finds_no_weapon(tok) -> bool:
    """A find whose object is a tunnel or a grave, not arms ("found a network of tunnels")."""
    if tok.lemma_.lower() not in ("find", "discover", "uncover", "unearth", "detect", "locate"):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]
    return any({o.lemma_.lower(), o.lower_} & FOUND_OTHER for o in objs)


BUILT_BASES = {"base", "camp", "barracks", "outpost", "headquarters", "hq", "garrison", "airbase", "checkpoint",
               "fortification", "trench", "bunker"}
_NOT_ARMED_CAMPS = {"refugee", "displacement", "idp", "transit", "relief", "displaced", "holiday", "summer"}


def builds_a_base(tok) -> bool:
    """A building verb whose object is a base, a camp or fortifications of armed men, not a camp
    for the displaced."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in BUILT_BASES and not any({m.lower_, m.lemma_.lower()} & _NOT_ARMED_CAMPS
                                                           for m in o.subtree)
               for o in objs)


def what_was_set_up(tok) -> str | None:
    """What "established" / "set up" made: a base (HQ_ESTABLISHED), a group (CHANGE_TO_GROUP_ACT),
    or something else ("set up a fund"): no event."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]  # "a total of 156 points"
    for o in objs:
        forms = {o.lemma_.lower(), o.lower_, o.lower_.removesuffix("s")}  # "bases": lemma "basis"
        if forms & BASE_NOUNS:
            return "HQ_ESTABLISHED"
        if forms & GROUP_NOUNS:
            return "CHANGE_TO_GROUP_ACT"
    return None


PERSON_NOUNS = {"alias", "commander", "leader", "militant", "fighter", "member", "suspect", "man", "woman", "people",
                "soldier", "officer", "chief", "head", "spokesman", "terrorist", "insurgent", "rebel", "gunman",
                "kingpin", "emir", "figure", "official", "journalist", "civilian", "child", "person", "operative",
                "jihadist", "lieutenant", "deputy", "mastermind", "ringleader", "bomber", "smuggler", "trafficker",
                "policeman", "guard", "worker", "activist", "student", "hostage", "wife", "son", "daughter",
                "national", "citizen", "foreigner", "tourist", "ruler", "king", "father", "mother", "brother",
                "sister", "husband", "relative", "priest", "pastor", "bishop", "imam", "missionary", "engineer",
                "doctor", "nurse", "teacher", "pupil", "schoolgirl", "schoolboy", "girl", "boy", "farmer", "trader",
                "passenger", "villager", "mayor", "lawyer", "employee", "staff", "crew", "family", "resident",
                "contractor", "businessman", "chairman", "lawmaker", "politician", "candidate", "blogger"}


def takes_a_person(tok) -> bool:
    """A capture whose object is a person ("captured a senior commander", "militants were
    seized"), not ground or arms."""
    if tok.lemma_.lower() not in ("capture", "seize", "catch", "nab", "grab"):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "dozens of university students": the people are the object of "of"
    objs += [g for o in objs if o.like_num or o.lemma_.lower() in QUANTITY_NOUNS
             for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    objs += [a for o in objs for a in o.children if a.dep_ == "appos"]  # "alias Pescado, the ELN's finance chief"
    return any(o.lemma_.lower() in PERSON_NOUNS or o.ent_type_ in ("PERSON", "NORP") for o in objs)


def people_return(tok) -> bool:
    """The subject of a return is displaced people or residents ("residents returned to Dabiq",
    "hundreds of thousands of displaced Palestinians began returning"), not troops."""
    verb = tok.head if tok.dep_ == "xcomp" else tok
    words, todo = [], [c for c in verb.children if c.dep_ == "nsubj"]
    while todo:  # the subject's phrase without its relative clauses ("the rebels who attacked residents")
        t = todo.pop()
        words.append(t)
        todo += [c for c in t.children if c.dep_ not in ("relcl", "acl")]
    return any({t.lower_, t.lemma_.lower()} & RETURNEES for t in words)


QUANTITY_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "scores", "score", "group", "number", "several", "some",
                  "many", "thousands", "thousand"}


def agent_text(tok) -> str:
    """The words of who did the act of `tok`: its subject, or the agent of a passive, whole
    ("armed men", not "men"); for a verb that shares its subject, that of the verb it follows
    ("villagers attacked and killed a woman", "crowds attacked shops, setting them on fire")."""
    for _ in range(4):
        doer = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
        if doer is not None:
            return phrase(doer)
        if not (tok.dep_ == "conj" or tok.dep_ == "advcl" and tok.tag_ == "VBG") or tok.head is tok:
            return ""
        tok = tok.head
    return ""


# Armed people and their posts: as victims they can fight back (an attack on them is a clash);
# as doers they are no crowd of civilians and no accident.
ARMED_VICTIMS = re.compile(r"\b(?:soldiers?|troops?|servicem[ae]n|militants?|fighters?|rebels?|insurgents?|"
                           r"police(?:men)?|officers?|security\s+(?:forces|personnel)|army|guards?|jihadists?|"
                           r"militiam[ae]n|terrorists?|combatants?|gendarmes?|gendarmerie|peacekeepers?|"
                           r"military|forces|patrols?|checkpoints?|barracks|outposts?|bases?|positions?|"
                           r"gunmen|bandits|militias?)\b", re.I)


def _armed(doer: str) -> bool:
    return bool(ARMED_VICTIMS.search(doer) or re.search(r"\barmed\b", doer, re.I))


# Civilians acting as a crowd: their violence is a mob's ("villagers beat a suspected thief to
# death", "hundreds of people rampaged through the town"); armed ones, and settlers, are a
# militia to ACLED.
CROWD = re.compile(r"\b(?:mobs?|crowds?|villagers|residents|inhabitants|locals|youths|students|vigilantes|"
                   r"(?:the\s+)?population|"
                   r"(?:hundreds|thousands|dozens|scores|groups?)\s+of\s+(?:angry\s+)?(?:[\w-]+\s+)?"
                   r"(?:people|men|residents|inhabitants|villagers|youths|locals|students|supporters|muslims|"
                   r"christians|hindus|buddhists))\b", re.I)


def by_a_crowd(tok) -> bool:
    """The act of `tok` was done by a crowd of civilians (see CROWD)."""
    doer = agent_text(tok)
    return bool(CROWD.search(doer)) and not _armed(doer)


# What killed, when it is no one: a vehicle or structure that failed, or nature ("two trains
# collided, killing 57", "the roof caved in, killing six", "the ground shook, killing 800").
_FAILED_THINGS = re.compile(r"\b(?:trains?|bus(?:es)?|minibus(?:es)?|coach|lorry|lorries|trucks?|tankers?|boats?|"
                            r"ferry|ferries|ships?|vessels?|canoe|roofs?|ceilings?|canopy|buildings?|bridges?|walls?|"
                            r"dams?|structure|stands?|balcony|cranes?|scaffold\w*|stampede|crush)\b", re.I)
_NATURE = re.compile(r"\b(?:ground|earth|quake|earthquake|tremors?|volcano|eruption|rivers?|floods?|floodwaters?|"
                     r"rains?|downpours?|storms?|landslides?|mudslides?|avalanches?|lightning|waves?|tsunami|"
                     r"cyclone|hurricane|typhoon|heat\s*wave|heat)\b", re.I)
_HOSTILE_ACTS = {"explode", "detonate", "blow", "hit", "strike", "attack", "fire", "shell", "bomb", "ram", "open",
                 "shoot", "target", "drop", "launch"}


_AIRCRAFT = re.compile(r"\b(?:planes?|airplanes?|aeroplanes?|jets?|airliners?|aircraft|helicopters?|choppers?)\b", re.I)
_CRASHES = {"crash", "collide", "plunge", "plummet", "fall", "smash", "skid", "overshoot", "ditch", "break"}


def disaster_kills(tok) -> str | None:
    """The disaster kind when what killed (`tok`: "killing", "killed") was a thing that failed or
    nature, not a person: MAN_MADE_DISASTER or NATURAL_DISASTER; None otherwise. A vehicle that
    exploded or rammed is an attack."""
    verb = tok.head if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" else tok
    if verb.lemma_.lower() in _HOSTILE_ACTS:
        return None
    doer = agent_text(tok)
    if _NATURE.search(doer):
        return "NATURAL_DISASTER"
    if _FAILED_THINGS.search(doer) and not _armed(doer):
        return "MAN_MADE_DISASTER"
    if _AIRCRAFT.search(doer) and verb.lemma_.lower() in _CRASHES:
        return "MAN_MADE_DISASTER"  # "a jet collided with a helicopter, killing 67": aircraft are weapons only when they strike
    return None


def names_the_weapon(tok) -> bool:
    """`tok` only says which weapons another clause is about: it sits in a clause or word that
    modifies a noun ("the 60 drones Russia launched", "rockets fired from Gaza", "attack
    drones"), not in a clause of its own."""
    if tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].dep_ == "appos" and not any(
            c.dep_.startswith("nsubj") for c in tok.children):
        return True  # "48 of the 60 drones Russia launched": the small model's parse of a relative clause
    t = tok
    for _ in range(8):
        if t.dep_ in ("relcl", "acl", "compound", "amod"):
            return True
        if t.head is t or t.dep_ in ("ROOT", "conj", "ccomp", "advcl"):
            return False
        t = t.head
    return False




KILLING = re.compile(r"\b(?:kill\w*|dead|died|death|deaths|murder\w*|shot\s+dead|lifeless)\b", re.I)


def after_clause_of(tok, verb) -> bool:
    """`tok` sits in an "after"/"following" clause or phrase that depends on `verb`."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.head.i == verb.i:
            return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in AFTER_WORDS for c in t.children) \
                or t.dep_ == "prep" and t.lower_ in AFTER_WORDS
        t = t.head
    return False


# An explosive thrown by hand is a grenade, whatever the text calls it ("hurled a hand bomb",
# "an explosive device was lobbed over the wall"); a petrol or smoke bomb is not.
_THROW = r"(?:threw|thrown|throws?|throwing|hurl(?:s|ed|ing)?|lob(?:s|bed|bing)?|toss(?:es|ed|ing)?|flung|flings?|flinging)"
_EXPLOSIVE = r"(?:bombs?|explosives?|(?:explosive\s+)?devices?|IEDs?)"
THROWN_EXPLOSIVE = re.compile(rf"\bhand[- ]?thrown\b|\b{_THROW}\b(?:\s+[\w'-]+){{0,5}}?\s+{_EXPLOSIVE}\b|"
                              rf"\b{_EXPLOSIVE}\s+(?:(?:was|were|had\s+been|being)\s+)?{_THROW}\b", re.I)
_NOT_A_GRENADE = re.compile(r"\b(?:petrol|molotov|fire|gasoline|smoke|stun|sound|paint|acid|stink|tear\s*gas)\b", re.I)


def thrown_explosive(text: str) -> bool:
    """The text throws an explosive by hand (see THROWN_EXPLOSIVE)."""
    return any(not _NOT_A_GRENADE.search(m.group(0)) for m in THROWN_EXPLOSIVE.finditer(text))


# A bomb whose bearer died by it, or a bomb vehicle rammed into its target, is a suicide bombing,
# whatever the text calls it ("detonated explosives strapped to her body", "rammed an
# explosives-laden truck into the gate ... killing himself").
_LADEN = r"(?:explosives?-(?:laden|packed|filled|loaded)|(?:laden|packed|filled|loaded)\s+with\s+explosives)"
SUICIDE_SIGNS = re.compile(
    r"\bkill(?:ing|ed)\s+(?:him|her|them)sel(?:f|ves)\b|\band\s+(?:him|her|them)sel(?:f|ves)\b|"
    r"\bdying\s+in\s+the\s+(?:blast|explosion)|\b(?:strapped|hidden|wrapped)\s+(?:to|on|around)\s+(?:his|her|their)\s+"
    r"(?:own\s+)?(?:bod(?:y|ies)|waist|chest)|\bdetonated\s+(?:his|her|their)\s+(?:own\s+)?(?:vests?|belts?)\b|"
    rf"\bramm(?:ed|ing)\b(?:\s+[\w'-]+){{0,6}}?\s+{_LADEN}|{_LADEN}\s+(?:[\w'-]+\s+){{0,6}}?(?:was\s+)?ramm(?:ed|ing)\b",
    re.I)


LEADER_ROLES = re.compile(r"\b(?:leader|chief|head|commander|secretary(?:\s*-\s*|\s+)general|president|chairman|"
                          r"emir|successor|spokesman|commander-in-chief|chief\s+of\s+staff|governor|"
                          r"prime\s+minister|minister|deputy)\b", re.I)


def new_leader(tok) -> bool:
    """A group or a government names, chooses or elects someone as its leader, or someone
    replaces or succeeds one ("named Naim Qassem as its new secretary-general", "chose Yahya
    Sinwar to replace Ismail Haniyeh"); not "a man named Ali" or "replaced the roof"."""
    if tok.pos_ != "VERB":
        return False
    role = " ".join(t.text for c in tok.children if c.dep_ in ("prep", "oprd", "xcomp", "attr", "advcl")
                    for t in c.subtree)
    if tok.lemma_.lower() in ("replace", "succeed"):
        return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children) \
            and LEADER_ROLES.search(tok.sent.text) is not None
    return any(c.dep_ == "dobj" for c in tok.children) and LEADER_ROLES.search(role) is not None


# Speech verbs: what they report is told in their tense ("police said gunmen had stormed the
# village" is news of the storming, in the past perfect of reported speech).
SPEECH_LEMMAS = {"say", "claim", "report", "tell", "state", "announce", "confirm", "add", "suggest", "insist",
                 "write", "post", "deny", "allege", "accuse"}
_TIMES = r"(?:day|night|morning|afternoon|evening|week|weekend|month|year)"
# Times told relative to another event, not to the report ("last week" dates the news itself)
_EARLIER = re.compile(rf"^(?:previously|beforehand)$|\b(?:previous|preceding|prior)\s+{_TIMES}\b|"
                      r"\b(?:days?|nights?|weeks?|months?|years?)\s+(?:before|earlier)\b", re.I)
_LATER = re.compile(r"^(?:later|afterwards?|subsequently|meanwhile)$|"
                    rf"\b(?:following|next|same)\s+{_TIMES}\b|"
                    r"\b(?:hours?|days?|nights?|weeks?|months?)\s+later\b", re.I)


def _clause_verb(tok):
    """The verb of the clause a trigger sits in: the trigger itself, or the first verb above it
    ("fighting had flared": flared; "killed in an ambush": killed)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def told_aside(tok) -> str | None:
    """Whether the trigger's clause tells what came "before" the news, or what came "after" it,
    rather than the news: the past perfect outside reported speech ("fighting had flared"), or a
    time that places it before or after the report's event ("days earlier", "the previous week";
    "troops sent to the area exchanged fire the following day", "meanwhile")."""
    verb = _clause_verb(tok)
    if verb is None:
        return None
    verbs = [verb]  # with the verbs it depends on for its time ("blocked the road to protest", "and set",
    # "had intercepted a minibus carrying gang members")
    while verbs[-1].head is not verbs[-1] and (verbs[-1].dep_ in ("conj", "xcomp")
                                               or verbs[-1].dep_ in ("advcl", "acl") and verbs[-1].tag_ in ("VB", "VBG")):
        up = verbs[-1].head if verbs[-1].dep_ != "acl" else _clause_verb(verbs[-1].head)
        if up is None or up in verbs:
            break
        verbs.append(up)
    reported = any(a.pos_ == "VERB" and a.lemma_.lower() in SPEECH_LEMMAS or a.lower_ == "according"
                   for v in verbs for a in [*v.ancestors, *v.children])  # "said", not "the hilltop post"
    if not reported and any(v.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_ == "aux" for c in v.children)
                            for v in verbs):
        return "before"
    times = [phrase(c) for v in verbs for c in v.children if c.dep_ in ("advmod", "npadvmod", "prep")]
    if any(_EARLIER.search(t) for t in times):
        return "before"
    if any(_LATER.search(t) for t in times):
        return "after"
    return None
