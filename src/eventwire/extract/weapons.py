"""Weapons and how many of them: "more than 650 drones", "18 of the 33 cruise missiles launched",
"Russia also launched 10 Shahed-136/131 drones, all of which were destroyed".

`find_weapons(text)` reads one sentence and returns `WeaponMention`s: class and model as named,
plus the launched and destroyed `Count`s tied to them. Whether a number was launched or
destroyed comes from the verb of its clause: a passive verb after the noun phrase wins ("29
Shahed drones ... were shot down"), else the closest verb before it ("shot down 73 of them").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from eventwire.extract.numbers import QUANTITY_RE, Quantity, find_quantities, make_count
from eventwire.records import Count

# Named models, longest first: (regex, class). Hyphen variants are normalised by the regex.
MODELS: list[tuple[str, str]] = [
    (r"Shahed(?:[\s-]?1\d\d(?:/1\d\d)?)?s?", "drone"),
    (r"Geran(?:[\s-]?\d)?s?", "drone"),
    (r"Lancets?", "drone"),
    (r"Orlan(?:-10)?s?", "drone"),
    (r"Mohajer(?:-\d)?", "drone"),
    (r"Bayraktar(?:\s+TB2)?s?", "drone"),
    (r"Gerberas?", "drone"),
    (r"Iskander(?:-[MK])?s?", "ballistic_missile"),
    (r"Kinzhals?", "ballistic_missile"),
    (r"Kh-47M2", "ballistic_missile"),
    (r"KN-2[34]s?", "ballistic_missile"),
    (r"Tochka(?:-U)?s?", "ballistic_missile"),
    (r"ATACMS", "ballistic_missile"),
    (r"Oreshnik", "ballistic_missile"),
    (r"Fateh-110", "ballistic_missile"),
    (r"Kalibrs?", "cruise_missile"),
    (r"Kh-\d{2,3}[A-Z]{0,2}(?:/Kh-\d{2,3}[A-Z]{0,2})*", "cruise_missile"),
    (r"Storm\s+Shadows?", "cruise_missile"),
    (r"SCALP(?:-EG)?", "cruise_missile"),
    (r"Tomahawks?", "cruise_missile"),
    (r"Neptunes?", "cruise_missile"),
    (r"Oniks", "cruise_missile"),
    (r"Zircons?", "cruise_missile"),
    (r"S-[34]00s?", "missile"),
    (r"KABs?", "guided_bomb"),
    (r"UMPK", "guided_bomb"),
    (r"FAB-\d{3,4}s?", "guided_bomb"),
    (r"JDAMs?", "guided_bomb"),
    (r"HIMARS", "rocket"),
    (r"Grads?", "rocket"),
    (r"Smerch", "rocket"),
    (r"Uragan", "rocket"),
    (r"TOS[\s-]1A?", "rocket"),
    (r"BM-(?:21|27|30)", "rocket"),
    (r"Tu-(?:95|160|22)(?:MS|M3)?s?", "aircraft"),
    (r"(?:MT-LB|BMP-?\d?[A-Z]?|BTR-?\d{0,2}[A-Z]?|BMD-?\d?|T-(?:54|55|62|64|72|80|90)[A-Z0-9]{0,3})s?", "other"),
    (r"Su-(?:2[45]|3[0-5]|57)(?:M|SM)?s?", "aircraft"),
    (r"MiG-(?:29|31)(?:K)?s?", "aircraft"),
]

# Head nouns: (regex, class). Checked after models; a head right after a model names its class.
HEADS: list[tuple[str, str]] = [
    (r"cruise\s+missiles?", "cruise_missile"),
    (r"ballistic\s+missiles?", "ballistic_missile"),
    (r"(?:guided|glide|aerial|guided\s+aerial)\s+bombs?", "guided_bomb"),
    (r"missiles?", "missile"),
    (r"(?:unmanned\s+aerial\s+vehicles?|UAVs?|drones?|loitering\s+munitions?|quadcopters?)", "drone"),
    (r"rockets?", "rocket"),
    (r"(?:artillery\s+)?shells?|artillery|howitzers?|mortars?(?:\s+(?:rounds?|shells?))?", "artillery"),
    (r"(?:strategic\s+)?bombers?|warplanes?|(?:fighter\s+)?(?:jets?|planes?)|helicopters?|aircraft", "aircraft"),
    (r"(?:improvised\s+explosive\s+devices?|IEDs?|car\s+bombs?|roadside\s+bombs?|landmines?|explosive\s+devices?)", "explosive"),
    (r"grenades?", "explosive"),
    (r"cluster\s+(?:munitions?|bombs?)|(?:anti-personnel\s+|anti-tank\s+)?mines|unexploded\s+ordnance", "explosive"),
    (r"incendiar(?:y|ies)(?:\s+munitions?)?|white\s+phosphorus|thermobaric\s+(?:weapons?|munitions?)", "other"),
    (r"(?:chemical\s+weapons?|chlorine|sarin)", "chemical"),
    (r"(?:rifles?|machine\s+guns?|small\s+arms|gunfire)", "small_arms"),
]

MODEL_RE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(MODELS)) + r")(?![\w])")
HEAD_RE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(HEADS)) + r")(?![\w-])", re.I)

# A weapon noun used as a modifier ("drone attack", "missile strike") names no count of weapons.
MODIFIER_USE = re.compile(r"^[\s-]*(?:attacks?|strikes?|raids?|barrages?|activity|operators?|debris|wreckage|"
                          r"alerts?|threat|units?|production|launch(?:er)?s?|sites?|systems?|defen[cs]es?|"
                          r"fragments?|parts?|programmes?|programs?|plants?|factory|factories|warnings?|"
                          r"carriers?|assaults?|salvos?|waves?|war)\b", re.I)

# Words that may stand between a number and its weapon noun ("10 Iranian-made Shahed-136 kamikaze drones").
GAP_STOP = {
    "and", "or", "but", "were", "was", "are", "is", "had", "have", "been", "be", "to", "at", "from",
    "in", "on", "by", "with", "than", "which", "that", "who", "said", "says", "over", "into", "after",
    "before", "during", "as", "per", "a", "an", "its", "their", "his", "her", "people", "times",
    "cent", "percent", "%", "km", "kilometres", "kilometers", "miles", "hours", "days", "of",
}
WORD_RE = re.compile(r"[\w'’./-]+")

DESTROY = (r"shot\s+down|shoot(?:s|ing)?\s+down|downed|down(?:s|ing)?|destroy(?:ed|s|ing)?|intercept(?:ed|s|ing)?|"
           r"neutrali[sz](?:ed|es|ing|e)|brought\s+down|br(?:ing|ought)\s+down|took\s+down|tak(?:e|ing)\s+down|"
           r"eliminat(?:ed|es|ing|e)|repel(?:led|s|ling)?|jamm?(?:ed|ing)?|suppress(?:ed|es|ing)?|"
           r"disabled|defused|thwarted|foiled|knocked\s+out\s+of\s+the\s+sky|taken\s+down|"
           r"(?:lost|suppressed)\s+(?:by|through|via)\s+(?:electronic\s+warfare|EW)|hit\s+by\s+air\s+defen[cs]e")
LAUNCH = (r"fir(?:ed|es|ing|e)|launch(?:ed|es|ing)?|unleash(?:ed|es|ing)?|us(?:ed|es|ing)|sen[dt]|deploy(?:ed|s|ing)?|"
          r"attack(?:ed|s|ing)?\s+with|struck\s+with|hit\s+with|target(?:ed|s|ing)?\s+with|detected|"
          r"heading|aimed|flew|came|involv(?:ed|ing)|included|carried\s+out\s+with|employ(?:ed|s|ing)?|"
          r"lob(?:bed|s)?|hurl(?:ed|s)?")
PASSIVE_AFTER = re.compile(
    rf"^[^;:]{{0,80}}?\b(?:were|was|had\s+been|have\s+been|has\s+been|being|been|got)\s+"
    rf"(?:\w+ly\s+|all\s+|also\s+)?(?P<verb>{DESTROY}|{LAUNCH})\b", re.I)
VERB_BEFORE = re.compile(rf"\b(?P<verb>{DESTROY}|{LAUNCH})\b", re.I)
DESTROY_RE = re.compile(rf"^(?:{DESTROY})$", re.I)
SEGMENT_BREAK = re.compile(r";|\s+while\s+|,\s+(?:and|but|while|whereas)\s+|,\s+all\s+of\s+which|\.\s", re.I)
ALL_OF = re.compile(r"\b(?P<q>all|none|(?:\w+|\d+)\s+of)\s+(?:them|which|those)\b(?P<rest>[^;.]{0,60})", re.I)
PAIR_OF = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+)?$", re.I)
ELLIPSIS = re.compile(r"^\s+(?:over|in|near|above|across|on|around|from)\s", re.I)
ALL_BEFORE = re.compile(r"\ball\s+$", re.I)
LAUNCH_JUST_BEFORE = re.compile(rf"\b(?:{LAUNCH})\s+(?:also\s+)?$", re.I)
ARTICLE_ONE = re.compile(r"(?<![\w-])(?:a|an)\s+$", re.I)


@dataclass
class WeaponMention:
    """A weapon named in a sentence, with the counts tied to it (offsets into that text)."""

    cls: str
    model: str | None
    start: int
    end: int
    launched: Count | None = None
    destroyed: Count | None = None
    text: str = ""
    extra: list[tuple[str, Count]] = field(default_factory=list)  # elliptical sub-counts


@dataclass
class _Phrase:
    cls: str
    model: str | None
    start: int
    end: int


def _phrases(text: str) -> list[_Phrase]:
    """Weapon noun phrases: a model, a head noun, or a model followed closely by a head."""
    models = []
    for m in MODEL_RE.finditer(text):
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        models.append(_Phrase(MODELS[i][1], m.group(0), m.start(), m.end()))
    heads = []
    for m in HEAD_RE.finditer(text):
        if any(p.start <= m.start() < p.end for p in models):
            continue
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        heads.append(_Phrase(HEADS[i][1], None, m.start(), m.end()))
    out: list[_Phrase] = []
    used_heads: set[int] = set()
    for p in models:
        for j, h in enumerate(heads):
            gap = text[p.end:h.start]
            if j not in used_heads and 0 <= h.start - p.end <= 40 and _gap_ok(gap, max_words=3):
                cls = p.cls if p.cls not in ("missile", "drone") or h.cls == p.cls else h.cls
                if h.cls in ("cruise_missile", "ballistic_missile") and p.cls.endswith("missile"):
                    cls = h.cls  # "Iskander-K cruise missiles": the text's own word wins
                out.append(_Phrase(cls, p.model, p.start, h.end))
                used_heads.add(j)
                break
        else:
            out.append(p)
    out += [h for j, h in enumerate(heads) if j not in used_heads]
    out.sort(key=lambda p: p.start)
    return [p for p in out if not MODIFIER_USE.match(text[p.end:p.end + 20]) or p.cls == "aircraft"]


def _gap_ok(gap: str, max_words: int = 4) -> bool:
    words = WORD_RE.findall(gap)
    if len(words) > max_words or re.search(r"[,;:()]", gap):
        return False
    return not any(w.lower() in GAP_STOP or QUANTITY_RE.fullmatch(w) for w in words)


def _segment(text: str, pos: int) -> tuple[int, int]:
    """The clause segment of `text` around `pos`."""
    start, end = 0, len(text)
    for m in SEGMENT_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def role_of(text: str, np_start: int, np_end: int) -> str:
    """ "destroyed" or "launched" for the noun phrase text[np_start:np_end]."""
    seg_start, seg_end = _segment(text, np_start)
    after = text[np_end:seg_end]
    m = PASSIVE_AFTER.match(after)
    if m:
        return "destroyed" if DESTROY_RE.match(m.group("verb")) else "launched"
    before = list(VERB_BEFORE.finditer(text, seg_start, np_start))
    inc = text.rfind(", including", seg_start, np_start)
    if inc >= 0:  # "shot down 483 of the 524 targets detected, including 442 drones"
        before = list(VERB_BEFORE.finditer(text, seg_start, inc))[:1] or before
    if before:
        return "destroyed" if DESTROY_RE.match(before[-1].group("verb")) else "launched"
    # no verb in the clause: a destroy verb later in the sentence with this NP as its subject list
    m = PASSIVE_AFTER.match(text[np_end:])
    if m and DESTROY_RE.match(m.group("verb")):
        return "destroyed"
    return "launched"


PARTITIVE = re.compile(r"^\s+of\s+(?:the|these|those|its|their)\s+", re.I)


def _count_before(text: str, quants: list[Quantity], start: int) -> tuple[Quantity | None, Quantity | None]:
    """The quantity of the noun phrase starting at `start`, and the "X of" quantity before it."""
    for i in range(len(quants) - 1, -1, -1):
        q = quants[i]
        if q.end > start:
            continue
        gap = text[q.end:start]
        p = PARTITIVE.match(gap)
        if p and _gap_ok(gap[p.end():], 2):  # "intercepted 87 of the missiles"
            return q, None
        if not _gap_ok(gap):
            return None, None
        part = None
        if i > 0 and PAIR_OF.match(text[quants[i - 1].end:q.start]):
            part = quants[i - 1]
        return q, part
    return None, None


def find_weapons(text: str) -> list[WeaponMention]:
    """Weapons named in one sentence, with their launched/destroyed counts."""
    phrases = _phrases(text)
    if not phrases:
        return []
    quants = [q for q in find_quantities(text) if not _is_date_number(text, q)]
    out: list[WeaponMention] = []
    used: set[int] = set()
    for p in phrases:
        w = WeaponMention(p.cls, p.model, p.start, p.end, text=text[p.start:p.end])
        q, part = _count_before(text, quants, p.start)
        if p.cls == "aircraft":
            q = part = None  # launch platforms, not munitions: no count
        if q is not None:
            used.add(q.start)
            if part is not None:
                used.add(part.start)
                w.launched = q.count
                role = role_of(text, part.start, p.end)
                if role == "destroyed":
                    w.destroyed = part.count
            elif role_of(text, q.start, p.end) == "destroyed":
                w.destroyed = q.count
                if ALL_BEFORE.search(text[max(0, q.start - 5):q.start]):
                    w.launched = q.count  # "shot down all 24 drones": 24 launched too
            else:
                w.launched = q.count
        elif _singular(w.text):
            one = _article_one(text, p.start)
            if one is not None and role_of(text, one.start, p.end) == "destroyed":
                w.launched, w.destroyed = one, one  # "a Ukrainian drone was shot down"
            elif one is not None and LAUNCH_JUST_BEFORE.search(text[max(0, one.start - 25):one.start]):
                w.launched = one  # "also fired a Kh-31P missile at Odesa"
        out.append(w)
    _resolve_references(text, out, quants, used)
    return out


def _article_one(text: str, start: int) -> Count | None:
    """ "a drone", "a Ukrainian drone": the article counts one."""
    window = max(0, start - 30)
    a = ARTICLE_ONE.search(text[window:start]) or re.search(r"(?<![\w-])(?:a|an)\s+(?=[\w-]+\s+$)", text[window:start], re.I)
    if a is None or not _gap_ok(text[window + a.end():start], 2):
        return None
    a_start = window + a.start()
    return make_count(1, "exact", a.group(0).strip(), a_start, a_start + len(a.group(0).strip()))


def _singular(noun: str) -> bool:
    return not noun.rstrip().lower().endswith("s")


def _is_date_number(text: str, q: Quantity) -> bool:
    before = text[max(0, q.start - 12):q.start]
    return bool(re.search(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$", before)) or \
        bool(re.match(r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
                      text[q.end:q.end + 12]))


def _says_destroyed(text: str, m: re.Match) -> bool:
    """Whether the clause of a reference ("73 of them", "all of which") destroys."""
    return bool(re.search(DESTROY, m.group("rest"), re.I)
                or re.search(DESTROY, text[_segment(text, m.start())[0]:m.start()], re.I))


def _referenced_count(m: re.Match, antecedent: WeaponMention, quants: list[Quantity]) -> Count | None:
    """The count a reference gives its antecedent: "all" = as many as launched, "none" = 0,
    "73 of them" = 73."""
    q = m.group("q").lower()
    if q.startswith("all"):
        return replace(antecedent.launched, text="all") if antecedent.launched is not None else None
    if q.startswith("none"):
        return make_count(0, "exact", "none")
    return next((qq.count for qq in quants if qq.start == m.start()), None)


def _resolve_references(text: str, weapons: list[WeaponMention], quants: list[Quantity], used: set[int]) -> None:
    """ "73 of them", "all of which were destroyed", "nine over the Mykolaiv region"."""
    for m in ALL_OF.finditer(text):
        prev = [w for w in weapons if w.end <= m.start() and (w.launched or w.destroyed)]
        if not prev or not _says_destroyed(text, m):
            continue
        w = prev[-1]
        if m.group("q").lower().startswith("all"):
            # "eight drones and three cruise missiles, all of which were shot down": the whole list
            listed = [w]
            for other in reversed(prev[:-1]):
                if re.fullmatch(r"[\s,]*(?:and\s+)?[\w\s'’/-]{0,40}", text[other.end:listed[-1].start]) and other.launched:
                    listed.append(other)
                else:
                    break
            for item in listed:
                if item.destroyed is None:
                    item.destroyed = _referenced_count(m, item, quants)
        else:
            count = _referenced_count(m, w, quants)
            if count is not None:
                w.destroyed = count
                used.add(m.start())
    for q in quants:
        if q.start in used or not ELLIPSIS.match(text[q.end:q.end + 10]):
            continue
        prev = [w for w in weapons if w.end <= q.start and (w.launched or w.destroyed)]
        if prev and not any(q.start < w.start for w in prev):
            w = prev[-1]
            gap = text[w.end:q.start]
            if len(gap) < 60 and re.search(r"\band\b|,", gap) and not re.search(r"[.;]", gap):
                role = "destroyed" if w.destroyed is not None and w.launched is None else "launched"
                w.extra.append((role, q.count))
                used.add(q.start)


def find_weapons_in_doc_sentence(text: str, previous: list[WeaponMention]) -> list[WeaponMention]:
    """Like `find_weapons`, but "destroyed 14 of them" at the start of a sentence refers to
    the last counted weapon of the previous sentence."""
    found = find_weapons(text)
    if previous:
        m = ALL_OF.search(text)
        if m and not any(w.start < m.start() and (w.launched or w.destroyed) for w in found):
            last = next((w for w in reversed(previous) if w.launched or w.destroyed), None)
            if last is not None and _says_destroyed(text, m):
                ref = WeaponMention(last.cls, last.model, m.start(), m.end(), text=m.group(0))
                ref.destroyed = _referenced_count(m, last, find_quantities(text))
                if ref.destroyed is not None:
                    found.append(ref)
    return found
