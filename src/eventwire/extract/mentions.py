"""Event mentions: the triggers of one sentence, grouped by family, each given a kind.

A `Mention` is what one sentence says about one event: its trigger, kind and subkind, and the
fields the later components fill (roles, weapons, place, date, attribution, modality). The
document-level step (`extract.assemble`) merges mentions of the same real event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.extract.actors import ActorRef
from eventwire.extract.clauses import (AFTER_WORDS, ARMED_VICTIMS, KILLING, ONE_SIDED_ACTS, PERSON_NOUNS, RETURNEES, SUICIDE_SIGNS,
                                       after_clause_of, agent_text, builds_a_base, by_a_crowd, claims_its_own_attack,
                                       denies_or_claims_an_attack, disaster_kills, finds_no_weapon, names_the_weapon,
                                       new_leader, of_an_attack, people_return, phrase, takes_a_person, thrown_explosive,
                                       told_aside, victims_text, what_was_set_up)
from eventwire.extract.kinds import REMOTE, TRIGGERS
from eventwire.extract.modality import foiled, modality_of
from eventwire.extract.numbers import Quantity
from eventwire.extract.places import PlaceMention
from eventwire.extract.weapons import WeaponMention
from eventwire.records import Attribution, DateSpan

ATTACK_KINDS = {"AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "CHEM_WEAP", "SUIC_BOMB", "GRENADE"}
ATTACK_FAMILIES = {REMOTE} | ATTACK_KINDS
MAX_PHRASE = 4  # "remote - controlled bomb": spaCy splits a hyphenated word in three
FIRST_WORDS = {w for key in TRIGGERS for w in (key.split()[0], key.split()[0].split("-")[0])}  # "tos-1", "sit"

AIR_CLASSES = {"drone", "aircraft", "guided_bomb"}
HEAVY_CLASSES = {"missile", "ballistic_missile", "cruise_missile", "rocket", "artillery"}

LABOUR_STRIKE = re.compile(r"\b(?:on|general|hunger|labou?r|workers'?|nationwide|teachers'?|doctors'?|"
                           r"indefinite|token|transport)\s+strikes?\b|\bstrikes?\s+(?:by|of)\s+(?:workers|"
                           r"employees|teachers|doctors|unions?|drivers|farmers)", re.I)
POLICE_FORCE = re.compile(r"\b(?:tear\s*gas|teargas|rubber\s+bullets?|live\s+(?:ammunition|rounds|bullets)|"
                          r"water\s+cannons?|baton|lathi|lathicharge|pellet|opened\s+fire|fired\s+(?:on|at|into)|"
                          r"shot\s+(?:dead|at)|beat|beaten|killed|injured|wounded|cracked\s+down|crackdown|"
                          r"charged|stun\s+grenades?)\b", re.I)
_NOT_LETHAL = r"(?!(?:tear|teargas|rubber|water|stun|pepper|warning|smoke|blank)\b)"  # "fired tear gas at"
LETHAL_FORCE = re.compile(r"\b(?:killed|killing|shot\s+dead|shooting\s+dead|live\s+(?:ammunition|rounds|bullets|fire)|opened\s+fire|"
                          rf"fired\s+{_NOT_LETHAL}(?:[\w-]+\s+){{0,2}}(?:on|at|into|upon)|"
                          rf"firing\s+{_NOT_LETHAL}(?:[\w-]+\s+){{0,2}}(?:on|at|into|upon)|"
                          rf"fires?\s+{_NOT_LETHAL}(?:[\w-]+\s+){{0,2}}(?:on|into|upon)|lose\s+(?:the|their)\s+li(?:fe|ves)|"
                          r"blinded|blinding|birdshot|(?<!rubber )bullets?|shot\s+(?:and|at|in)|injured|injuring|wounded|wounding|"
                          r"beat|beaten|beating|brutal\w*|tortured|died|"
                          r"lost\s+their\s+lives|hospitali[sz]ed|violently|excessive\s+force|heavy-handed)\b", re.I)
POLICE = re.compile(r"\b(?:police|policemen|cops?|security\s+(?:forces|personnel|agents)|troops|soldiers|riot\s+police|"
                    r"officers|authorities|army|military|gendarmes?|gendarmerie|forces|paramilitar\w*|rangers|"
                    r"guards|junta|regime)\b", re.I)
INTERVENTION = re.compile(r"\b(?:arrest\w*|detain(?!ees?\b)\w*|dispers\w*|disrupt\w*|round(?:ed)?\s+up|prevent\w*|"
                          r"stopp?ed|removed|evicted|custody|suppress\w*|pepper[- ]spray\w*|"
                          r"tear\s*gas|water\s+cannons?|rubber\s+bullets?|kettl\w*|cordon\w*|dragg?\w*|"
                          r"forcibly|carried\s+(?:away|off|out)|carrying\s+(?:away|off|out)|pushed\s+back|scuffle\w*|"
                          r"manhandl\w*|shov\w*|br(?:oke|oken|eak\w*)\s+up|blocked\s+by|cleared|haul\w*|"
                          r"bundl\w*|confiscat\w*|summon\w*|took\s+\w+\s+(?:\w+\s+)?into\s+custody|"
                          r"(?:block|halt)(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:march\w*|rall(?:y|ies)|protest\w*|procession)|"
                          r"block(?:ed|ing)\s+(?:[\w-]+\s+){1,4}?from\s+(?:reaching|marching|entering|approaching|getting)|"
                          r"push(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:back|away|off)|turn(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?back|"
                          r"seal(?:ed|ing)\s+off|scatter\w*|took\s+them\s+away|driven\s+away)\b", re.I)
PROTESTER_VIOLENCE = re.compile(r"\b(?:clash\w*|(?:threw|throws?|throwing|hurl\w*)\s+(?:[\w-]+\s+){0,3}(?:stones|"
                                r"rocks|bottles|bricks|projectiles|petrol|molotov|fireworks|firecrackers|objects|"
                                r"missiles|debris|eggs|chairs|at\s+(?:the\s+)?(?:police|officers|security|troops)|"
                                r"(?:[\w-]+\s+){0,3}into\s+(?:a|the)\s+(?:fire|blaze|bonfire))|"
                                r"stone-throwing|pelt\w*|stones?|rocks|"
                                r"torch\w*|set\s+(?:fire|ablaze)|confront\w*|fireworks|aggressive|"
                                r"vandali[sz]\w*|burn\w*|smash\w*|attack(?:ed|ing)\s+(?:a\s+|the\s+)?(?:police|officers|security)|"
                                r"looted|riot(?!\s+(?:police|gear|squad|control|officers))\w*|violent|ransack\w*|damag\w*|petrol\s+bombs?|"
                                r"molotov|broke\s+into|break(?:ing)?\s+into|storm(?:s|ed|ing)?|set\s+(?:[\w-]+\s+){1,4}?on\s+fire)\b", re.I)
PROTESTERS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|marchers?|activists|students|supporters|"
                        r"workers|crowd|agitat\w*|strikers)\b", re.I)
AIR_CONTEXT = re.compile(r"\b(?:air|aerial|aircraft|jets?|planes?|warplanes?|bombers?|helicopters?|choppers?|"
                         r"drones?|air\s*force|sorties?|airstrikes?)\b", re.I)
ACCIDENT = re.compile(r"\b(?:gas\s+(?:cylinder|container|leak\w*|explosion|pipeline|tanker|station)|cylinders?|"
                      r"containers?|boilers?|furnace|factory|plant|refinery|fireworks|propane|leak\w*|"
                      r"accident\w*|tanker|short\s+circuit|chemical\s+(?:plant|hazard|spill)|warehouse|mine\s+shaft)\b",
                      re.I)
HOSTILE = re.compile(r"\b(?:bomb(?:er|ing)?s?|IEDs?|militants?|terror\w*|attack\w*|insurgents?|suicide|"
                     r"explosive\s+devices?|detonat\w*|planted|shell\w*|missiles?|rockets?|drones?|"
                     r"airstrikes?|gunmen|rebels?|jihadists?|army|troops)\b", re.I)
ARMS = re.compile(r"\b(?:weapons?|arms|ammunition|ammo|munitions?|rifles?|guns?|pistols?|revolvers?|"
                  r"explosives?|grenades?|mines|landmines?|IEDs?|rockets?|missiles?|mortars?|cartridges?|"
                  r"rounds|bullets|Kalashnikovs?|AK-47s?|RPGs?|detonators?|projectiles?|shells|arsenal|"
                  r"caches?|stash|bombs?)\b", re.I)
PROTEST_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march\w*|sit-in|picket\w*)\b", re.I)



# Non-state armed groups whose names sound like a state's ("Rapid Support Forces", "Arakan
# Army") or carry no group word at all ("M23", "Fano"): named, as ACLED's actor list names them.
NAMED_GROUPS = (r"Rapid\s+Support\s+Forces|RSF|Syrian\s+Democratic\s+Forces|SDF|Allied\s+Democratic\s+Forces|ADF|"
                r"FDLR|Tigray(?:an)?\s+(?:Defen[cs]e\s+)?[Ff]orces|TDF|TPLF|People's\s+Defen[cs]e\s+Forces?|PDF|"
                r"Arakan\s+Army|Kachin\s+Independence\s+Army|Ta'ang\s+National\s+Liberation\s+Army|TNLA|"
                r"Karen\s+National\s+(?:Union|Liberation\s+Army)|KNU|KNLA|MNDAA|Free\s+Syrian\s+Army|FSA|"
                r"Syrian\s+National\s+Army|New\s+People's\s+Army|NPA|Lord's\s+Resistance\s+Army|LRA|"
                r"Irish\s+Republican\s+Army|IRA|Oromo\s+Liberation\s+Army|OLA|Fano|"
                r"(?:Baloch|National)\s+Liberation\s+(?:Army|Front)|BLA|ELN|FARC|PKK|YPG|M23|Mai[- ]Mai|"
                r"CODECO|ISWAP|AQAP|al-Qa[e']?ida|Hayat\s+Tahrir\s+al-Sham|al-Nusra|Abu\s+Sayyaf|TTP|"
                r"Tehreek-e-Taliban|Lashkar-e-\w+|Jaish-e-\w+|Janjaweed|anti-Balaka|S[eé]l[eé]ka|Polisario|"
                r"Shining\s+Path|Naxal(?:ite)?s?|ULFA|Ambazonian?\s+(?:separatists|fighters|forces)|"
                r"Islamic\s+Jihad|Kata'ib\s+Hezbollah|Haqqani\s+network|cartels?|gangs?|gang\s+members")
NON_STATE = re.compile(r"\b(?:rebels?|militants?|insurgents?|jihadists?|separatists?|al-Shabaab|Shabaab|"
                       r"Taliban|Houthis?|Islamic\s+State|IS|ISIS|ISIL|Boko\s+Haram|gunmen|fighters|"
                       r"militias?|guerrillas?|terrorists?|Maoists?|armed\s+(?:groups?|factions?|organi[sz]ations?|men)|"
                       r"factions?|Hamas|Hezbollah|HTS|JNIM|" + NAMED_GROUPS + r")\b")
def names_armed_group(text: str) -> bool:
    """NON_STATE is case-sensitive so that "IS" is not "is"; a capitalised "Rebels" or
    "Militants" is found in the lower-cased text."""
    return bool(NON_STATE.search(text) or NON_STATE.search(text.lower()))


STATE_FORCES = re.compile(r"\b(?:army|government\s+forces|troops|military|soldiers|armed\s+forces|security\s+forces|"
                          r"forces|police|regime)\b", re.I)


WITHOUT_FIGHT = re.compile(r"\b(?:without\s+(?:a\s+|any\s+)?(?:\w+\s+){0,4}(?:fight\w*|battle|resistance|"
                           r"clash\w*|confrontation|bloodshed|a\s+shot|shots?\s+(?:being\s+)?fired|violence)|"
                           r"unopposed|uncontested|peacefully)\b", re.I)


LOSER = re.compile(r"^\W*(?:[\w-]+\s+){0,6}?(?:from|held\s+by|controlled\s+by)\s+((?:the\s+)?[^,.;]{1,40})|"
                   r"^\W*(?:the\s+)?([\w-]+(?:\s+[\w-]+)?)'s\b", re.I)


def side_named(words: str) -> str | None:
    """The side words name; an armed group's "Forces" are its own ("the Rapid Support Forces")."""
    if names_armed_group(words):
        return "NON_STATE_ACTOR_OVERTAKES_TER"
    return "GOV_REGAINS_TERIT" if STATE_FORCES.search(words) else None


def _side_named_last(words: str) -> str | None:
    """The side named last in `words`; where a state word ends a group's name ("Syrian
    Democratic Forces"), the group."""
    ends = [(m.end(), "GOV_REGAINS_TERIT") for m in STATE_FORCES.finditer(words)] + \
        [(m.end() + 0.5, "NON_STATE_ACTOR_OVERTAKES_TER") for text in (words, words.lower())
         for m in NON_STATE.finditer(text)]
    return max(ends)[1] if ends else None


BY_AGENT = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?by\s+((?:the\s+)?[^,.;]{1,60})", re.I)


def territory_side(trigger: str, sent_text: str, after: str | None = None) -> str:
    """Which side took ground, from the words of the sentence alone (the initiator, where the
    parse finds one and it has a side, decides first): taking back ("recaptured", "liberated") is
    the state's unless only armed groups are named; otherwise the side named after the trigger
    (`after`: "seized the army's headquarters", "from al-Shabaab") lost the ground; failing that,
    the taker is the side named as the agent of a passive or named last before the capture word;
    failing that, a capture is an armed group's if one is named."""
    low = trigger.lower()
    if low.startswith(("recapture", "retake", "retook", "regain", "liberat", "took back", "take back")):
        return ("NON_STATE_ACTOR_OVERTAKES_TER" if NON_STATE.search(sent_text) and not STATE_FORCES.search(sent_text)
                else "GOV_REGAINS_TERIT")
    loser = LOSER.search(after) if after else None
    if loser:  # "from the army", "the junta's headquarters", "held by al-Shabaab"
        words = loser.group(1) or loser.group(2)
        state, armed = STATE_FORCES.search(words), names_armed_group(words)
        if state and not armed:
            return "NON_STATE_ACTOR_OVERTAKES_TER"
        before = sent_text[:len(sent_text) - len(after or "")]
        if armed and not state and not NON_STATE.search(before):  # armed groups fight each other too
            return "GOV_REGAINS_TERIT"
    if after is not None:
        agent = BY_AGENT.search(after)
        # "the town was seized by rebels"; "Malian troops entered Kidal, a stronghold of the
        # rebels"; "after clashes with rebels, troops took the town"
        side = side_named(agent.group(1)) if agent else _side_named_last(sent_text[:len(sent_text) - len(after)])
        if side is not None:
            return side
    return "NON_STATE_ACTOR_OVERTAKES_TER" if names_armed_group(sent_text) else "GOV_REGAINS_TERIT"


@dataclass
class Mention:
    """One event as one sentence states it."""

    sent_i: int
    trigger_i: int
    family: str
    kind: str
    subkind: str | None
    strength: float
    trigger_text: str
    anchor_i: int = -1
    scope: set[int] = field(default_factory=set)  # token indices of the clause(s) it was read from
    initiator: ActorRef | None = None
    target: ActorRef | None = None
    participants: list[ActorRef] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    casualties: list[tuple[str, Quantity]] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: PlaceMention | None = None
    target_place: PlaceMention | None = None  # "on Ukraine": the country attacked
    date: DateSpan | None = None
    attribution: Attribution | None = None
    modality: str = "asserted"
    evidence: tuple[int, int] = (0, 0)
    inherited: bool = False  # made from an outcome sentence without a trigger ("three injuries in Kyiv")
    headline: bool = False  # read from the document's headline
    passive: bool = False  # the trigger verb is passive ("were arrested", "were damaged")
    by_platform: bool = False  # the kind is named by its aircraft or gun ("warplanes", "mortars hit")
    background: bool = False  # told as background: "despite a bombing campaign", "an offensive that ..."
    later: bool = False  # told as what followed the news: "troops exchanged fire the following day"
    # an attack stopped before it happened: with weapons a disrupted weapons use, asserted
    # ("police foiled a bomb attack"); without, an attack that did not happen (negated)
    foiled: bool = False
    # the kind is read from the roles (what was captured, what was foiled), not from the words:
    # the classifier, which reads words, calibrates it but does not change it
    by_roles: bool = False


_SUFFIXES = (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))


def _lemma(t) -> str:
    """The token's lemma; when that is no trigger ("Shelled" left alone in a title, "raped"
    lemmatised "rap"), the first suffix-stripped form of the word that is one."""
    lemma = t.lemma_.lower() if t.lemma_ else t.lower_
    if lemma in FIRST_WORDS:
        return lemma
    word = t.lower_  # also when the lemmatizer erred: "raped" -> "rap"
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] + repl in FIRST_WORDS:
            return word[: -len(suffix)] + repl
    return lemma


def find_triggers(sent) -> list[tuple[int, int, str, str | None, str]]:
    """(token index, phrase length, family, subkind, text) for each trigger in a sentence."""
    out = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        if toks[i].lower_ not in FIRST_WORDS and _lemma(toks[i]) not in FIRST_WORDS:
            i += 1
            continue
        hit = None
        for n in range(MAX_PHRASE, 0, -1):
            if i + n > len(toks):
                continue
            words = toks[i:i + n]
            if n > 1 and any(w.is_punct and w.text != "-" for w in words):
                continue
            key_lemma = " ".join(_lemma(w) for w in words)
            key_text = " ".join(w.lower_ for w in words)
            keys = (key_lemma, key_text)
            if n > 2 and any(w.text == "-" for w in words):  # spaCy splits "sit-in", "gun-battle" in three
                keys += (key_lemma.replace(" - ", "-"), key_text.replace(" - ", "-"), key_text.replace(" - ", " "))
            for key in keys:
                if key in TRIGGERS:
                    hit = (n, key)
                    break
            if hit:
                break
        if hit:
            n, key = hit
            family, subkind = TRIGGERS[key]
            if key == "fire" and toks[i].pos_ in ("NOUN", "PROPN") and not _under_fire(toks[i]):
                family, subkind = "MAN_MADE_DISASTER", None  # "fire at the brewery", not "fired at"
            if key == "storm" and toks[i].pos_ == "VERB":
                family, subkind = REMOTE, None  # "gunmen stormed a school": an assault, not the weather
            if subkind == "military_movement" and key in WEAK_MOVEMENT \
                    and not MILITARY_CONTEXT.search(sent.text):
                i += n
                continue
            head = toks[i + n - 1] if n > 1 else toks[i]
            if _usable(head, toks[i], key, family):
                out.append((toks[i].i, n, family, subkind, sent.doc[toks[i].i:toks[i].i + n].text))
            i += n
        else:
            i += 1
    return out


MILITARY_CONTEXT = re.compile(r"\b(?:Russian|Ukrainian|military|army|troops|forces|tanks?|vehicles?|airborne|"
                              r"spetsnaz|convoy|column|fighters|militants|rebels|DPR|LPR|LNR|DNR|Su-\d+|Wagner|"
                              r"helicopters?|jets?)\b", re.I)


WEAK_MOVEMENT = {"spot", "seen", "see", "forces", "troops", "troop", "unit", "fighters", "flying", "fly", "patrol",
                 "checkpoint", "soldier", "soldiers", "mercenary", "mercenaries", "serviceman", "servicemen",
                 "vehicle", "vehicles", "truck", "trucks", "equipment", "movement", "move", "submarine", "sub",
                 "ship", "warship", "aircraft", "helicopter", "military"}


GUNFIRE_WORDS = {"under", "russian", "heavy", "artillery", "enemy", "mortar", "automatic", "machine-gun", "machinegun",
                 "sniper", "small-arms", "rifle", "gun", "live", "indiscriminate", "sustained", "intense", "tank",
                 "rocket", "return", "friendly", "hostile", "cross"}


def _under_fire(tok) -> bool:
    """The noun "fire" is gunfire ("under fire", "sprayed the crowd with automatic fire"), not a blaze."""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in GUNFIRE_WORDS


ALLYING = {"form", "seal", "forge", "announce", "strike", "enter", "join", "build", "cement", "declare", "agree"}


def _usable(head, first, key: str, family: str) -> bool:
    """POS and context checks that stop common words from triggering ("down" the road)."""
    pos = first.pos_
    low = first.lower_
    if low == "according":  # "according to" is attribution, not an accord
        return False
    if _in_name_or_date(first, head):
        return False
    nxt = first.doc[head.i + 1] if head.i + 1 < len(first.doc) else None
    if key in ("raid", "air raid", "air strike", "strike") and nxt is not None and \
            nxt.lemma_.lower() in ("siren", "alert", "warning", "shelter", "alarm"):
        return False  # "air-raid sirens": the alert, not a raid
    if key == "bomb" and nxt is not None and nxt.lemma_.lower() in ("shelter", "threat", "scare", "hoax", "alert"):
        return False  # "sending millions into bomb shelters": no bomb
    if key == "raid" and first.i >= 2 and first.doc[first.i - 1].text == "-" and \
            first.doc[first.i - 2].lower_ == "air":
        return False
    if key == "focus" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in first.children):
        return False
    if key == "focus" and not TARGET_HINT.search(first.sent.text):
        return False
    if family in ("TERRITORY", "CHANGE_TO_GROUP_ACT") and first.dep_ == "amod":
        return False  # "the Islamic State-occupied air base", "the banned party": a state, not an act
    if key in ("behind", "responsible", "accuse", "accusation", "blame", "allegation") and not of_an_attack(first):
        return False  # "the ministry responsible for energy", "troops behind the lines"
    if key in ("name", "choose", "elect", "replace", "succeed") and not new_leader(first):
        return False  # "named Naim Qassem as its new secretary-general", not "a man named Ali"
    if key == "carry out" and not claims_its_own_attack(first):
        return False  # "JNIM said its fighters carried out the attack": a claim; not "troops carried out raids"
    if key in ("deny", "claim", "disown") and (pos != "VERB" or not denies_or_claims_an_attack(first)):
        return False  # "denied firing the rocket" and "claimed the bombing" are attributions
    if key in ("drive", "push") and not (pos == "VERB" and any(c.dep_ == "dobj" for c in first.children) and any(
            c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "off", "back", "from") for c in first.children)):
        return False  # "drove the rebels out of the town", not "drove to the border", "pushed for talks"
    if key == "block" and not (pos == "VERB" and any(c.dep_ == "dobj" and ROADS.search(phrase(c, 60))
                                                      for c in first.children)
                               and not POLICE.search(agent_text(first))):
        return False  # "farmers blocked the highway", not "police blocked the march", "blocked a bill"
    if key in ("impose", "suspend") and SANCTIONS.search(first.sent.text):
        return False  # "sanctions were imposed", "suspended its partnership": diplomacy, not a group's change
    if key == "alliance" and not (first.dep_ == "dobj" and _lemma(first.head) in ALLYING):
        return False  # "sealed an alliance with the CJNG", not "the alliance of rebel groups attacked"
    if key in ("build", "construct", "inaugurate") and not builds_a_base(first):
        return False  # "Al-Shabaab built a training camp", not "built a school" or "a camp for the displaced"
    if key == "hand" and not (pos == "VERB" and takes_a_place(first)):
        return False  # "handed the camp to government forces", not "handed a letter to the minister"
    if key in ("take", "win") and not (pos == "VERB" and all(c.lower_ == "back" for c in first.children if c.dep_ == "prt")
                                       and (key == "take" or any(c.lower_ == "back" for c in first.children))
                                       and any(c.dep_ == "dobj" and is_place(c) for c in first.children)):
        return False  # "took the town of Ann", "won the position back"; not "took part", "took hostages", "won votes"
    if key == "behind" and first.head.pos_ not in ("AUX", "VERB"):
        return False  # "the men behind the attack were arrested": the arrest is the news
    if first.is_stop and key not in ("down", "call", "fire", "hit", "back", "behind", "make safe"):
        return False
    if pos in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT") and key != "behind":
        return False
    if key in ("down", "fire", "target", "launch", "rain", "slam", "batter", "engage", "advance", "hold",
               "meet", "visit", "host", "receive", "call", "leave", "sign", "establish", "announce",
               "declare", "impose", "ban", "deploy", "suspend", "burn", "destroy", "damage", "beat", "shoot",
               "execute", "rob", "missing", "sink", "focus", "agree", "spot", "see", "form", "free", "host", "detain", "held",
               "withdraw", "retreat", "evacuate", "march", "chant", "hit", "wound", "injure"):
        noun_ok = key in ("hit", "march", "call", "visit", "retreat", "damage", "fire") and pos in ("NOUN", "PROPN") \
            or first.i > 0 and first.doc[first.i - 1].lower_ == "to" and first.doc[first.i - 1].dep_ in ("aux", "prep") \
            and pos in ("NOUN", "ADJ")  # "raids to detain leaders": the small model's tag is wrong
        if pos not in ("VERB",) and not noun_ok:
            return False
    if key == "alert" and not any(w.lower_ in ("air", "raid", "air-raid") for w in first.doc[max(0, first.i - 3):first.i]):
        return False
    if key == "military" and pos != "NOUN":
        return False
    if family == "ATTRIB" and key in ("credit", "allegation", "accusation", "blame", "accuse", "responsibility",
                                      "point the finger") and not HOSTILE.search(first.sent.text):
        return False  # "the ministry responsible for energy": no attack to attribute
    if key == "sign" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ONE_SIDED_ACTS
                             for c in first.children):
        return False  # "signed a decree", "the law was signed": an act of one side, not an agreement
    if key in ("return", "come back", "go back", "go home", "head home") and not people_return(first):
        return False  # "residents return to Dabiq": people coming home, not "troops returned fire"
    if key == "held" and not any(c.dep_ == "nsubjpass" or c.dep_ == "dobj" and c.lemma_.lower() in PERSON_NOUNS
                                 for c in first.children):
        return False  # "were held", "held three men"; not "held talks", "held a rally"
    if key == "leave" and (not any(c.dep_ == "dobj" for c in first.children) or any(
            c.dep_ in ("oprd", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ == "with" for c in first.children) or any(
            t.lower_ in ("dead", "injured", "wounded", "hurt", "homeless", "stranded", "empty") for t in first.subtree)):
        return False  # "troops left the town", not "as employees were leaving" or "leaving 14 dead"
    if key == "gang" and any(_lemma(t).startswith("rape") for t in first.doc[first.i + 1:first.i + 3]):
        return False  # "gang-raped", "gang rape": sexual violence, not a criminal gang
    if key == "missing" and first.head.pos_ not in ("AUX", "VERB"):
        return False
    return True


_NAME_ENTS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}


def _in_name_or_date(tok, last) -> bool:
    """A trigger (`tok` to `last`) that is part of a date ("on 16 March") or, capitalised, of a
    name ("the Storm Corps", "the United National Liberation Front"): no trigger. Sentence-initial
    words and headlines in title case keep their triggers ("Protesters Clash With Police")."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    if tok.lower_ == "march" and any(t.like_num for t in tok.doc[max(0, tok.i - 2):tok.i + 3]):
        return True  # "March 27", "4th March" untagged
    if tok.ent_type_ not in _NAME_ENTS or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    name = [t for t in ent if t.is_alpha and t.lower_ not in ("the", "of", "al", "and")] if ent else []
    if len(name) < 2 or not all(t.text[:1].isupper() for t in name) or last.i >= ent.end:
        return False  # "Chlorine gas": a capitalised word, not a name of several words
    # not a headline in title case, where the common words outside names are capitalised too
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3 and not t.ent_type_]
    return sum(t.text[:1].isupper() for t in words) * 2 < len(words)


TARGET_HINT = re.compile(r"infrastructure|power|energy|plants?|refiner|facilit|depot|airfield|bases?|cities|towns", re.I)


def weapon_kind(weapons: list[WeaponMention]) -> str | None:
    """AIR_STRIKE or ART_MISS_ATTACK (or an explosive kind) by the larger share of weapons."""
    air = heavy = 0.0
    seen_air = seen_heavy = False
    first = None
    for w in weapons:
        n = (w.launched.value if w.launched and w.launched.value else 0) or \
            (w.destroyed.value if w.destroyed and w.destroyed.value else 0)
        if w.cls in AIR_CLASSES:
            air += n
            seen_air = True
            first = first or "AIR_STRIKE"
        elif w.cls in HEAVY_CLASSES:
            heavy += n
            seen_heavy = True
            first = first or "ART_MISS_ATTACK"
        elif w.cls == "explosive":
            first = first or "REM_EXPLOS"
        elif w.cls == "chemical":
            return "CHEM_WEAP"
    if air or heavy:
        return "AIR_STRIKE" if air >= heavy else "ART_MISS_ATTACK"
    if seen_air or seen_heavy:
        return first
    return first


def resolve_kind(family: str, subkind: str | None, sent_text: str, weapons: list[WeaponMention],
                 doc_weapons: list[WeaponMention], trigger_text: str,
                 victims_text: str | None = None) -> tuple[str | None, str | None]:
    """The kind (and subkind) of a mention, from its trigger family and its sentence; None when
    the trigger turns out to name no event of ours. `victims_text` is the sentence without its
    attackers (see `victims_text`), where armed victims make an attack a clash."""
    low = trigger_text.lower()
    victims = sent_text if victims_text is None else victims_text
    if family in ("TERRITORY", "DISR_WEAP") and ARMS.search(sent_text) and \
            re.match(r"(?:seiz|captur|discover|found|find|uncover|confiscat|recover|cache|stash|unearth|intercept|"
                     r"defus|destroy|bomb|made\s+safe|make\s+safe|render|controlled|safely|(?:explosive\s+)?ordnance)", low):
        return "DISR_WEAP", "seizure"  # "police seized seven revolvers", "a weapons cache was found"
    if family == "DISR_WEAP" and subkind == "seizure":
        return None, None  # found something that is not arms: no event
    if family == REMOTE:
        if low.startswith("strike") and LABOUR_STRIKE.search(sent_text):
            return protest_kind(sent_text), None
        kind = weapon_kind(weapons) or weapon_kind(doc_weapons)
        if kind is None:
            if low in ("blast", "explosion", "explode", "exploded", "blasts", "explosions", "explodes"):
                return ("MAN_MADE_DISASTER" if ACCIDENT.search(sent_text) and not HOSTILE.search(sent_text)
                        else "REM_EXPLOS"), None
            if ARMED_VICTIMS.search(victims):
                return "ARMED_CLASH", None
            return "ATTACK", None
        return kind, strike_subkind(kind, weapons or doc_weapons)
    if family == "AIR_STRIKE" and low.startswith("bomb") and not AIR_CONTEXT.search(sent_text):
        # "a bomb exploded", "bombings in Tartus": no aircraft named, so a planted explosive
        return ("MAN_MADE_DISASTER" if ACCIDENT.search(sent_text) else "REM_EXPLOS"), None
    if family in ("REM_EXPLOS", "CHEM_WEAP") and ACCIDENT.search(sent_text) and not HOSTILE.search(sent_text):
        return "MAN_MADE_DISASTER", None  # "a gas container exploded", "chlorine gas leakage"
    if family in ATTACK_KINDS:
        return family, subkind or strike_subkind(family, weapons or doc_weapons)
    if family == "PROTEST":
        return protest_kind(sent_text), None
    if family == "RIOT":
        if re.search(r"\bmob\b|\blynch", sent_text, re.I):
            return "MOB_VIOL", None
        if PROTESTERS.search(sent_text) or re.search(r"\briot(?!\s+police)", sent_text, re.I):
            return "VIOL_DEMONSTR", None
        return "PROPERTY_DISTRUCT", None
    if family == "TERRITORY":
        if WITHOUT_FIGHT.search(sent_text):
            return "NON_VIOL_TERRIT_TRANSFER", None  # "took control of the towns without a fight"
        return territory_side(low, sent_text, victims_text), None
    if family == "ATTACK":
        if weapon_kind(weapons):
            return weapon_kind(weapons), strike_subkind(weapon_kind(weapons), weapons)
        if PROTESTERS.search(sent_text) and POLICE.search(sent_text):
            return "FORCE_AGAINST_PROTEST", None
        if re.search(r"\bmob\b|\blynch|\bvigilant", sent_text, re.I):
            return "MOB_VIOL", None
        if ARMED_VICTIMS.search(victims) and re.search(r"\b(?:clash|fight|battle|gunfight|exchange)", sent_text, re.I):
            return "ARMED_CLASH", None
        return "ATTACK", None
    if family == "ARREST" and PROTEST_WORDS.search(sent_text):
        return "PROTEST_WITH_INTER", None
    if family == "ARMED_CLASH" and PROTESTERS.search(sent_text) and not ARMED_VICTIMS.search(sent_text.replace("police", "")):
        return "VIOL_DEMONSTR", None
    if family == "DISR_WEAP":
        return "DISR_WEAP", "interception"
    return family, subkind


def strike_subkind(kind: str, weapons: list[WeaponMention]) -> str | None:
    classes = {w.cls for w in weapons}
    if kind == "AIR_STRIKE":
        return "drone_strike" if "drone" in classes else "air_strike"
    if kind == "ART_MISS_ATTACK":
        if classes & {"missile", "ballistic_missile", "cruise_missile"}:
            return "missile_strike"
        return "shelling"
    return None


# What a protest is about is not what happened at it: "a sit-in to protest the arrest of a
# colleague", "families of detained activists", "a march over the killing of a student".
GRIEVANCE = re.compile(
    r"\b(?:protest(?:s|ed|ing)?|against|over|about|condemn\w*|denounc\w*|decry\w*|release\s+of|justice\s+for|"
    r"solidarity\s+with|anger\s+at|outrage\s+at|after|following)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:arrests?|detentions?|killings?|deaths?|murders?|jailing|imprisonment|abductions?|shootings?|beatings?|"
    r"rapes?|disappearances?)\b(?:\s+of\s+(?:[\w'-]+\s+){0,3}[\w'-]+)?|"
    r"\b(?:of|for|with)\s+(?:the\s+|their\s+)?(?:detained|jailed|imprisoned|arrested|killed|slain|murdered|missing|"
    r"disappeared|abducted)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:figures?|relatives?|activists?|leaders?|sons?|daughters?|colleagues?|students?|journalists?|members?|"
    r"men|women|protesters?|lawyers?|people|opponents?|critics?)\b", re.I)


SHOOTERS = re.compile(r"\b(?:snipers?|thugs|assailants|loyalists|vigilantes|attackers|men\s+in\s+plain\s+clothes|"
                      r"plain-?clothes\w*)\b", re.I)
PROTESTERS_SHOT = re.compile(r"\b(?:protesters?|demonstrators?|marchers?)\s+(?:was|were|is|are|have\s+been|has\s+been)\s+"
                             r"(?:shot|killed|shot\s+dead)\b", re.I)


# Measures one state takes against another: "imposed" or "suspended" beside them is diplomacy.
SANCTIONS = re.compile(r"\b(?:sanction|tariff|embargo|blacklist|visa|travel\s+ban|asset)", re.I)
ROADS = re.compile(r"\b(?:roads?|highways?|streets?|routes?|motorways?|railways?|rail\s+lines?|tracks|bridges?|"
                   r"crossings?|junctions?|intersections?|traffic|entrances?|gates?)\b", re.I)
UNARMED_ASSAULT = {"storm", "attack", "assault", "raid"}  # without a weapon named
# A protest on the receiving end of storming, raiding or burning ("security forces stormed the
# sit-in", "thugs torched the protest camp"): violence done to protesters, not by them.
PROTEST_ASSAILED = re.compile(
    r"\b(?:storm\w*|raid\w*|attack\w*|burn\w*|torch\w*|set\s+fire\s+to|broke\s+into|ransack\w*)\s+"
    r"(?:the\s+|a\s+|their\s+)?(?:[\w'-]+\s+){0,2}?(?:sit-ins?|sit\s*-\s*ins?|protest\s+camps?|camps?|tents?|"
    r"protests?|protesters|demonstrat\w*|rall(?:y|ies)|march(?:es|ers)?|crowds?|vigils?)\b", re.I)


# A protest that ended as it began: "made no arrests", "dispersed peacefully", "before
# dispersing", "police did not intervene", "without incident". The crowd dispersing by itself
# is no dispersal by police ("were dispersed" is).
PEACEFUL_END = re.compile(
    r"\b(?:made|making|make)\s+no\s+arrests?\b|\bno\s+(?:arrests?|detentions?)\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:made|reported)\b|\bno\s*-?\s*one\s+(?:was|were|has\s+been)\s+(?:arrested|detained)\b|"
    r"\bwithout\s+(?:any\s+)?(?:arrests?|incidents?|interference|intervention|violence)\b|"
    r"\b(?:before|after|then)\s+dispersing\b|"
    r"(?<!were )(?<!was )(?<!been )(?<!being )(?<!police )(?<!forces )(?<!troops )\bdispersed\s+(?:peacefully|quietly|calmly|"
    r"without|after|before|later|at\s+(?:dusk|nightfall|noon|midday|sunset)|of\s+their\s+own|on\s+their\s+own|voluntarily)\b|"
    r"\b(?:did\s+not|didn't|never)\s+(?:intervene|interfere|disperse|arrest|detain|stop|block)\b|"
    r"\bno\s+(?:police\s+)?(?:intervention|interference)\b", re.I)


def protest_kind(text: str) -> str:
    """ACLED's protest kinds: protesters' own violence makes a violent demonstration (whatever
    the police answer with); harm done to peaceful protesters is excessive force; dispersal,
    tear gas or arrests without harm are an intervention. What the protest is about (see
    GRIEVANCE) is left out."""
    text = PEACEFUL_END.sub(" ", PROTEST_ASSAILED.sub(" ", GRIEVANCE.sub(" ", text)))
    if PROTESTER_VIOLENCE.search(text):
        return "VIOL_DEMONSTR"
    if (POLICE.search(text) or names_armed_group(text) or SHOOTERS.search(text)) and LETHAL_FORCE.search(text) \
            or PROTESTERS_SHOT.search(text):
        return "FORCE_AGAINST_PROTEST"  # by whoever: "snipers fired on the peaceful march"
    if INTERVENTION.search(text) or POLICE.search(text) and POLICE_FORCE.search(text):
        return "PROTEST_WITH_INTER"
    return "PEACE_PROTEST"


# How strongly a family's trigger signals a news event (before context is weighed).
FAMILY_STRENGTH = {
    REMOTE: 0.6, "AIR_STRIKE": 0.8, "ART_MISS_ATTACK": 0.8, "REM_EXPLOS": 0.8, "CHEM_WEAP": 0.85, "SUIC_BOMB": 0.9,
    "GRENADE": 0.85, "DISR_WEAP": 0.7, "OTHER": 0.65, "ARMED_CLASH": 0.7, "TERRITORY": 0.7, "SEX_VIOL": 0.85,
    "ATTACK": 0.55, "ABDUCT_DISSAP": 0.75, "PROTEST": 0.75, "RIOT": 0.7, "MOB_VIOL": 0.8, "AGREEMENT": 0.6,
    "ARREST": 0.65, "CHANGE_TO_GROUP_ACT": 0.35, "HQ_ESTABLISHED": 0.6, "PROPERTY_DISTRUCT": 0.4,
    "NON_VIOL_TERRIT_TRANSFER": 0.5, "DIPLO": 0.55, "ATTRIB": 0.75, "ORG_CRIME": 0.6,
    "NATURAL_DISASTER": 0.75, "MAN_MADE_DISASTER": 0.6,
}
SUBKIND_STRENGTH = {"military_movement": 0.3, "evacuation": 0.4}
SETTLEMENT = re.compile(r"\b(?:village|villages|town|towns|township|city|cities|area|areas|region|territory|territories|"
                        r"district|municipality|county|province|valley|island|hub|base|airbase|air\s+base|airstrip|"
                        r"airport|port|garrison|camps?|outposts?|checkpoints?|enclave|stronghold|bastion|pocket|hill|"
                        r"positions?|posts?)\b", re.I)
FIGHTING = re.compile(r"\b(?:fight\w*|clash\w*|battl\w*|attack\w*|offensive|assault\w*|kill\w*|firefight|combat|"
                      r"gunfire|shell\w*|storm\w*|overr[au]n|shoot-?outs?|gun\s*battles?|exchanges?\s+of\s+fire|"
                      r"exchang\w*\s+(?:[\w-]+\s+)?fire)\b", re.I)
STRONG_WORDS = {  # triggers that name their kind unmistakably
    "mobilise": 0.65, "mobilize": 0.65, "dissolve": 0.65, "mobilisation": 0.65, "mobilization": 0.65, "redeploy": 0.65,
    "reinforce": 0.6, "disband": 0.65, "merge": 0.55, "recruit": 0.55, "curfew": 0.6, "martial law": 0.65,
    "state of emergency": 0.65, "fraud": 0.8, "scam": 0.8, "smuggle": 0.8, "smuggling": 0.8, "trafficking": 0.8,
    "trafficker": 0.8, "cartel": 0.8, "corruption": 0.75, "cybercrime": 0.8, "syndicate": 0.8, "drug": 0.75,
    "narcotic": 0.8, "captagon": 0.8, "fentanyl": 0.8, "tramadol": 0.8, "cannabis": 0.75, "marijuana": 0.75,
    "hashish": 0.8, "opium": 0.8, "meth": 0.8, "ketamine": 0.8, "cocaine": 0.8, "heroin": 0.8, "methamphetamine": 0.8,
    "extortion": 0.8, "money laundering": 0.85, "racket": 0.75, "counterfeit": 0.8,
}
DIPLO_STRENGTH = {"talks": 0.65, "meeting": 0.6, "statement": 0.4, "sanction": 0.65, "aid": 0.5}
FOUND_DEAD = {"body", "corpse", "grave", "remains", "remain", "casualty", "deceased"}
# Families a stronger family in the same sentence absorbs ("a missile strike killed two").
ABSORBED_BY_ATTACK = {"ATTACK", "PROPERTY_DISTRUCT", "DISR_WEAP", "CHANGE_TO_GROUP_ACT", "MAN_MADE_DISASTER",
                      "ARMED_CLASH", "RIOT", "ARREST"}


def sentence_mentions(sent, sent_i: int, weapons: list[WeaponMention],
                      doc_weapons: list[WeaponMention]) -> list[Mention]:
    """The event mentions of one sentence: one per family, absorbed families dropped."""
    triggers = find_triggers(sent)
    if not triggers and weapons and not any(w.launched or w.destroyed for w in weapons):
        # a weapon seen somewhere, nothing done with it ("TOS-1 in Tokmak"): weak presence
        w = weapons[0]
        span = sent.doc.char_span(w.start, w.end, alignment_mode="expand")
        if span is not None:
            triggers = [(span.root.i, 1, "CHANGE_TO_GROUP_ACT", "military_movement", span.text)]
    converted = [(_by_platform(sent.doc, t), t) for t in triggers]
    triggers = [new for new, _ in converted]
    platform_trigs = {new for new, old in converted if new != old}
    by_family: dict[str, list[tuple[int, int, str, str | None, str]]] = {}
    for trig in triggers:
        fam = trig[2]
        if fam in ATTACK_KINDS:
            fam = REMOTE  # one attack per sentence; the specific trigger decides its kind below
        by_family.setdefault(fam, []).append(trig)
    text = sent.text
    # an attack only feared or planned ("to defend against a possible attack") absorbs nothing,
    # and one told as background ("replacing Haniyeh, who was killed in Tehran last week",
    # "arrested a man who had shot two") leaves a change to a group or an arrest the news
    told_before: dict[int, bool] = {}  # token index -> told as background; read by absorption and by ranking

    def as_background(tok) -> bool:
        if tok.i not in told_before:
            told_before[tok.i] = told_aside(tok) == "before" or _background(tok)
        return told_before[tok.i]

    asserted = [tok for tok in (sent.doc[t[0]] for t in by_family.get(REMOTE, [])) if modality_of(tok) == "asserted"]
    has_attack = bool(asserted)
    news_attack = any(not as_background(tok) for tok in asserted)
    destroyed = any(w.destroyed is not None for w in weapons)
    launched = any(w.launched is not None for w in weapons)
    if "DISR_WEAP" in by_family and has_attack and (destroyed and not launched or all(
            names_the_weapon(sent.doc[t[0]]) for t in by_family[REMOTE]) and any(
            not names_the_weapon(sent.doc[t[0]]) for t in by_family["DISR_WEAP"])):
        # "air defence shot down 18 ... during an attack", "intercepted rockets fired from Gaza",
        # "shot down 45 of the 60 drones Russia launched": the interception is the news (the
        # launch only says which weapons; the event keeps both counts)
        del by_family[REMOTE]
        has_attack = False
    if "ARREST" in by_family and REMOTE in by_family and not weapons and \
            all(_lemma(sent.doc[t[0]]) == "raid" for t in by_family[REMOTE] if modality_of(sent.doc[t[0]]) == "asserted"):
        # "arrested 100 people during raids": the raids are how, the arrests what (and "suspected
        # of plotting to storm parliament" tells why)
        del by_family[REMOTE]
        has_attack = False
    if "PROTEST" in by_family and any(modality_of(sent.doc[t[0]]) == "asserted" for t in by_family["PROTEST"]):
        # the protest absorbs what was done at it; a protest only tried or planned ("arrested 45
        # people as they tried to march") leaves the arrests, a protest with intervention
        for fam in ("ARREST", "ATTACK", "RIOT", "ARMED_CLASH"):
            by_family.pop(fam, None)
        if not weapons and REMOTE in by_family and (PROTEST_ASSAILED.search(text) or all(
                _lemma(sent.doc[t[0]]) in UNARMED_ASSAULT for t in by_family[REMOTE])):
            # "troops stormed the protest camp", "protesters stormed parliament": force used on
            # or by the protest, which protest_kind reads
            del by_family[REMOTE]
            has_attack = False
    seizure = [t for t in by_family.get("DISR_WEAP", []) + by_family.get("TERRITORY", [])
               if re.match(r"(?:seiz|discover|found|find|uncover|confiscat|recover|cache|stash|unearth|defus|detect|"
                           r"deactivat|neutrali[sz]|made\s+safe|make\s+safe|render|controlled|safely)", t[4], re.I)]
    if seizure and ARMS.search(text) and REMOTE in by_family and \
            all(sent.doc[t[0] + t[1] - 1].pos_ in ("NOUN", "PROPN", "ADJ") for t in by_family[REMOTE]):
        del by_family[REMOTE]  # "explosives and grenades were discovered": a find, not a blast
        has_attack = False
    if any(t[3] == "discovery" for t in by_family.get("OTHER", [])):
        # "a mass grave containing 34 bodies was found": the bodies are what was found
        for fam in (REMOTE, "ATTACK"):
            left = [t for t in by_family.get(fam, []) if _lemma(sent.doc[t[0] + t[1] - 1]) not in FOUND_DEAD]
            if left:
                by_family[fam] = left
            elif by_family.pop(fam, None) and fam == REMOTE:
                has_attack = False
    movement = by_family.get("CHANGE_TO_GROUP_ACT", [])
    if movement and len(by_family) > 1:
        kept = [t for t in movement if t[3] != "military_movement"]
        if kept:
            by_family["CHANGE_TO_GROUP_ACT"] = kept
        else:
            del by_family["CHANGE_TO_GROUP_ACT"]
    attributed = "ATTRIB" in by_family and (REMOTE in by_family or "ATTACK" in by_family)  # "accused X of killing"
    mentions = []
    for fam, trigs in by_family.items():
        if has_attack and fam in ABSORBED_BY_ATTACK and (news_attack
                                                         or fam not in ("CHANGE_TO_GROUP_ACT", "ARREST")):
            continue
        if fam == "DISR_WEAP" and not weapons and not ARMS.search(text):
            continue  # "intercepted a suspected trafficker": no weapon, no disrupted weapons use
        specific = [t for t in trigs if t[2] in ATTACK_KINDS]
        # a chemical named makes any attack a chemical one ("shells filled with chlorine")
        # and a suicide bomber makes it a suicide bombing ("detonated his explosive vest")
        specific.sort(key=lambda t: (t[2] != "CHEM_WEAP", t[2] != "SUIC_BOMB"))
        placed = [t for t in trigs if fam == "TERRITORY" and takes_a_place(sent.doc[t[0]])
                  and not _background(sent.doc[t[0]])]
        # "drove the militants off and retook the airstrip": the capture of a place says most
        trig = specific[0] if specific else placed[0] if placed else _main_trigger(sent, trigs)
        family = trig[2] if trig[2] in ATTACK_KINDS else fam
        kind, subkind = resolve_kind(family, trig[3], text, weapons, doc_weapons, trig[4],
                                     victims_text(sent, sent.doc[trig[0]]))
        if kind is None:
            continue
        read = _kind_by_roles(sent.doc[trig[0]], fam, kind, subkind, text)
        if read is None:
            continue
        kind, subkind, by_roles, was_foiled = read
        if fam == "DIPLO":
            subkinds = [t[3] for t in trigs]
            subkind = next((s for s in ("talks", "meeting", "sanction", "aid", "statement") if s in subkinds), subkind)
            strength = DIPLO_STRENGTH.get(subkind or "", 0.5)
        else:
            strength = SUBKIND_STRENGTH.get(subkind or "", FAMILY_STRENGTH.get(family, 0.5))
            strength = max(strength, max((STRONG_WORDS.get(_lemma(sent.doc[t[0]]), 0.0) for t in trigs), default=0.0))
        if attributed:  # "X claimed responsibility for the attack": the claim is the news
            strength += 0.3 if fam == "ATTRIB" else -0.2 if fam in (REMOTE, "ATTACK") else 0.0
        if fam == "TERRITORY" and SETTLEMENT.search(text):
            strength = max(strength, 0.85)  # a town taken is the news, more than the fighting for it
        if fam == "AGREEMENT" and "DIPLO" in by_family and _agreed(sent.doc[trig[0]]):
            strength = max(strength, 0.8)  # "agreed to a ceasefire at talks in Doha": the deal is the news
        if fam == "NON_VIOL_TERRIT_TRANSFER" and (SETTLEMENT.search(text) or "control" in text.lower()) \
                and not has_attack and "ARMED_CLASH" not in by_family and not FIGHTING.search(text):
            strength = 0.9  # ground handed over or left without a fight: the transfer is the news
        m = Mention(sent_i=sent_i, trigger_i=trig[0], family=fam, kind=kind, subkind=subkind, strength=strength,
                    trigger_text=trig[4], evidence=(sent.start_char, sent.end_char))
        anchor = _anchor(sent.doc[trig[0]])
        m.anchor_i = anchor.i
        m.passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in anchor.children)
        m.by_platform = kind in ATTACK_KINDS and any(
            t in platform_trigs or _lemma(sent.doc[t[0]]) in PLATFORM_KINDS for t in trigs)
        aside = told_aside(sent.doc[trig[0]])
        # background only where every word of the family is ("munitions filled with chlorine
        # were dropped": the chlorine names the weapon of the news)
        m.background = all(as_background(sent.doc[t[0]]) for t in trigs)
        m.later = aside == "after"
        m.foiled = was_foiled
        m.by_roles = by_roles
        mentions.append(m)
    _reactions_and_abductions(sent, mentions)
    if attributed and any(CLAIM.search(t[4]) for t in by_family["ATTRIB"]):
        for m in mentions:  # "IS took credit for the bombing": the bombing is what is claimed
            if m.family in (REMOTE, "ATTACK"):
                m.background = True
    _scopes(sent, mentions)
    return mentions




def _kind_by_roles(tok, fam: str, kind: str, subkind: str | None,
                   text: str) -> tuple[str, str | None, bool, bool] | None:
    """The kind as the roles of the trigger's clause read it: (kind, subkind, read from the roles,
    a foiled attack), or None for no event ("set up a fund"). A kind read from the roles is not
    re-typed by the classifier, which reads words."""
    if fam in ("DISR_WEAP", "TERRITORY") and finds_no_weapon(tok):
        return "OTHER", "discovery", True, False  # "troops found a network of tunnels"
    if fam == "HQ_ESTABLISHED" and _lemma(tok) in ("establish", "set", "build", "construct", "inaugurate"):
        made = what_was_set_up(tok)  # a base, or a group
        return (made, None, True, False) if made else None
    if fam in ("TERRITORY", "DISR_WEAP") and takes_a_person(tok):
        # "the army captured a senior commander": people taken are arrested, or abducted by an
        # armed group
        return ("ABDUCT_DISSAP" if names_armed_group(agent_text(tok)) else "ARREST"), None, True, False
    was_foiled = fam == REMOTE and foiled(tok)
    if was_foiled and (kind != "ATTACK" or ARMS.search(text)):
        return "DISR_WEAP", None, True, True  # "police foiled a bomb attack": weapons use disrupted
    if kind in ("REM_EXPLOS", "AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK") and fam in (REMOTE, "ATTACK") \
            and thrown_explosive(text):
        return "GRENADE", None, True, was_foiled  # "hurled a hand bomb into the shop"
    if kind in ("REM_EXPLOS", "ATTACK", "MAN_MADE_DISASTER", "ARMED_CLASH") and fam in (REMOTE, "ATTACK", "REM_EXPLOS") \
            and not was_foiled and SUICIDE_SIGNS.search(text):
        return "SUIC_BOMB", None, True, False  # "detonated explosives strapped to her body"
    disaster = disaster_kills(tok) if kind in ("ATTACK", "AIR_STRIKE") and fam == "ATTACK" else None
    if disaster:
        return disaster, None, True, False  # "two trains collided, killing 57"
    if kind in ("ATTACK", "PROPERTY_DISTRUCT") and fam in ("ATTACK", REMOTE, "RIOT", "PROPERTY_DISTRUCT") \
            and by_a_crowd(tok) and not PROTEST_WORDS.search(text) and not POLICE.search(victims_text(tok.sent, tok)):
        # "villagers beat a suspected thief to death"; a crowd at a protest, or against the
        # police, is a violent demonstration
        return "MOB_VIOL", None, True, False
    if fam == "TERRITORY" and kind in ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER") and takes_a_place(tok) \
            and FIGHTING.search(text):
        # "pushed the rebels out of the valley after heavy fighting": ground taken by fighting
        # (without a fight named, it may have been handed over: the classifier weighs that)
        return kind, subkind, True, False
    if fam == "AGREEMENT" and _agreed(tok):
        return kind, subkind, True, False  # "agreed to an immediate ceasefire after talks in Doha"
    by_roles = subkind in ("return", "discovery") \
        or kind == "MOB_VIOL" and fam in ("ATTACK", REMOTE) \
        or kind == "NON_VIOL_TERRIT_TRANSFER" and fam == "TERRITORY"  # home again; a grave; by a mob; no fight
    return kind, subkind, by_roles, was_foiled


def takes_a_place(tok) -> bool:
    """A capture whose object (or passive subject, or the place driven out of) is a place: a
    town, a base, a named location."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in ("out", "from", "of")
             for p in (c, *c.children) for g in p.children if g.dep_ == "pobj"]
    return any(is_place(o) for o in objs)


def is_place(tok) -> bool:
    """The phrase `tok` heads names a place: a town, a base, a named location."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or bool(SETTLEMENT.search(phrase(tok, 60)))


def _reactions_and_abductions(sent, mentions: list[Mention]) -> None:
    """Two ways one mention of a sentence is the frame of another, which is the news:
    a reaction ("the president vowed an investigation after seven people were murdered") and
    an attack that was an abduction ("gunmen attacked the staff quarters, abducting a woman"),
    where nobody was killed (with deaths, ACLED codes the attack)."""
    kinds = {m.kind for m in mentions}
    for m in mentions:
        tok = sent.doc[m.trigger_i]
        if m.kind == "DIPLO" and _lemma(tok) in REACTION_LEMMAS and any(
                o is not m and o.kind != "DIPLO" and after_clause_of(sent.doc[o.trigger_i], tok) for o in mentions):
            m.background = True
        if m.kind == "ATTACK" and "ABDUCT_DISSAP" in kinds and not KILLING.search(sent.text):
            m.background = True


def reactions_after_news(doc, mentions: list[Mention]) -> None:
    """A reaction told in a sentence after the news ("Russia called on both sides to show
    restraint" after the shelling it answers) is what followed the news, not the news. A
    sentence that itself tells diplomacy ("the council condemned the bombing") is no news
    sentence for this."""
    diplo = {m.sent_i for m in mentions if m.kind == "DIPLO"}
    first = min((m.sent_i for m in mentions if m.kind != "DIPLO" and m.subkind != "military_movement"
                 and m.modality == "asserted" and not m.background and m.sent_i not in diplo), default=None)
    for m in mentions:
        if first is not None and m.kind == "DIPLO" and m.sent_i > first \
                and _lemma(doc[m.trigger_i]) in REACTION_LEMMAS:
            m.later = True


CLAIM = re.compile(r"claim|credit|responsib|behind|accus|blam|allegation|den(?:y|ied|ies|ial)|carried\s+out|disown|"
                   r"finger",
                   re.I)  # claims, accusations and denials of an attack
BACKGROUND_PREPS = {"despite", "before", "since", "ahead", "unlike"}
BACKGROUND_MARKS = {"since", "before", "although", "though", "until"}
# Acts that answer an event: "the president vowed an investigation after seven people were
# murdered" is news of the murders; "rebels recaptured the village days after it was seized" is
# news of the recapture.
REACTION_LEMMAS = {"say", "vow", "pledge", "promise", "condemn", "denounce", "announce", "call", "urge",
                   "order", "investigate", "demand", "warn", "mourn", "express", "launch", "open", "react",
                   "respond", "declare", "tell", "report", "confirm", "deny", "claim", "accuse", "blame"}


def _doing_then(verb) -> bool:
    """A participle or past progressive that tells what people were doing at the time ("students
    rallying", "who were staging a sit-in"), not what has gone on for long ("where rebels have
    been fighting")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and not auxes & {"have", "has", "had", "'ve"} \
        and (verb.dep_ == "acl" or bool(auxes & {"was", "were"}))


def _background(tok) -> bool:
    """The trigger sits in a clause or phrase that tells background rather than the news: a
    relative clause ("an offensive that had involved aerial bombings"), a clause of time or
    concession ("days after it was seized by government troops", "although"), or a phrase of
    concession or time ("despite a Saudi-led bombing campaign"). After a reaction ("vowed an
    investigation after seven people were murdered") the earlier event is the news."""
    root = tok.sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False  # a caption or headline without a verb ("Residents of a city hit by ..."): all news
    t = tok
    for _ in range(12):
        if t is root or t.head is t:
            return False
        if t.dep_ in ("relcl", "acl") and not _doing_then(t) and not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            # not what a noun says ("allegations that peacekeepers abused two girls"), nor what
            # its people were doing ("pushed back students rallying outside parliament",
            # "detained doctors who were staging a sit-in")
            return True
        if t.dep_ == "advcl":
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if marks & BACKGROUND_MARKS:
                return True
            if marks & AFTER_WORDS:
                return _lemma(t.head) not in REACTION_LEMMAS
        if t.dep_ in ("pobj", "pcomp") and t.head.dep_ == "prep":
            prep = t.head.lower_
            if prep in BACKGROUND_PREPS:
                return True
            if prep in AFTER_WORDS:
                return _lemma(t.head.head) not in REACTION_LEMMAS
        t = t.head
    return False


# What the subject of "destroy", "damage", "hit" was ("Turkish jets destroyed depots", "mortars
# hit the market"): a platform or weapon that makes the act a strike of its kind.
PLATFORM_KINDS = {
    **dict.fromkeys(("jet", "warplane", "aircraft", "plane", "bomber", "helicopter", "gunship", "chopper",
                     "drone", "uav", "airstrike", "aviation"), ("AIR_STRIKE", "air_strike")),
    **dict.fromkeys(("artillery", "mortar", "howitzer", "rocket", "missile", "shell", "shelling", "tank"),
                    ("ART_MISS_ATTACK", "shelling")),
}
PLATFORM_VERBS = {"destroy", "damage", "hit", "target", "burn", "raze", "demolish", "kill", "wound", "injure"}


def _by_platform(doc, trig: tuple[int, int, str, str | None, str]) -> tuple[int, int, str, str | None, str]:
    """A trigger of destruction or harm whose subject is an aircraft, a drone or a gun names a
    strike: "Turkish jets destroyed weapon depots" is an air strike, not property destruction."""
    i, n, family, subkind, text = trig
    tok = doc[i]
    if family not in ("PROPERTY_DISTRUCT", "ATTACK", REMOTE) or tok.pos_ != "VERB" \
            or _lemma(tok) not in PLATFORM_VERBS:
        return trig
    for c in tok.children:
        if c.dep_ in ("nsubj", "agent"):
            subj = c if c.dep_ == "nsubj" else next((g for g in c.children if g.dep_ == "pobj"), c)
            hit = PLATFORM_KINDS.get(subj.lemma_.lower())
            if hit is not None and subj.lemma_.lower() == "bomber" and any(
                    m.lower_ in ("suicide", "car", "truck", "lone") for m in subj.lefts):
                hit = None  # "a suicide car bomber" is a person, not an aircraft
            if hit is not None:
                kind, sub = hit
                if kind == "ART_MISS_ATTACK" and subj.lemma_.lower() == "missile":
                    sub = "missile_strike"
                if kind == "AIR_STRIKE" and subj.lemma_.lower() in ("drone", "uav"):
                    sub = "drone_strike"
                return i, n, kind, sub, text
    return trig


SEALING = {"agree", "sign", "reach", "seal", "clinch", "strike", "conclude", "initial", "ink", "finalise", "finalize"}


def _agreed(tok) -> bool:
    """The parties agreed or signed something that is not more talking ("agreed to a ceasefire",
    "signed a prisoner swap"; not "agreed to hold talks")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _lemma(tok.head) in SEALING:
        what = " ".join(t.text for t in tok.subtree)  # "sealed an immediate ceasefire"
    elif tok.pos_ != "VERB" or _lemma(tok) not in ("agree", "sign", "reach"):
        return False
    else:
        what = " ".join(t.text for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")
                        or c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") for t in c.subtree)  # not "after talks"
    return bool(what) and not re.search(r"\b(?:talk|meet|negotiat|discuss|consult|dialogue)", what, re.I)


def _main_trigger(sent, trigs):
    """The trigger closest to the root of the parse (the main verb wins over a modifier)."""
    def depth(t):
        d = 0
        while t.head is not t and d < 20:
            t = t.head
            d += 1
        return d
    return min(trigs, key=lambda tr: (depth(sent.doc[tr[0]]), tr[0]))


def _anchor(tok):
    """The verb a trigger hangs on: itself if a verb, else the nearest verb above it."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return tok


def _scopes(sent, mentions: list[Mention]) -> None:
    """Each mention's clause: its anchor's subtree without the subtrees of other anchors."""
    doc = sent.doc
    anchors = {m.anchor_i for m in mentions}
    for m in mentions:
        own = {t.i for t in doc[m.anchor_i].subtree}
        for other in anchors - {m.anchor_i}:
            if other in own:
                own -= {t.i for t in doc[other].subtree}
        if m.trigger_i not in own:  # the trigger sits in another anchor's clause
            own |= {t.i for t in doc[m.trigger_i].subtree}
        m.scope = own

