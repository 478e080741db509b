"""Who says so, and how sure: "according to Ukraine's armed forces" (reported), "Russia's
defence ministry claimed" (claimed), "Ukrenergo confirmed" (confirmed), "unconfirmed reports on
Telegram suggested" (unconfirmed), "denied" (denied), "accused" (alleged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.extract.actors import actor_of
from eventwire.records import Attribution

SPEECH_STATUS: dict[str, str] = {
    "say": "reported", "report": "reported", "tell": "reported", "state": "reported", "announce": "reported",
    "add": "reported", "write": "reported", "post": "reported", "note": "reported", "estimate": "reported",
    "show": "reported", "indicate": "reported", "quote": "reported", "cite": "reported", "inform": "reported",
    "claim": "claimed", "insist": "claimed", "boast": "claimed", "assert": "claimed",
    "confirm": "confirmed", "verify": "confirmed", "acknowledge": "confirmed",
    "deny": "denied", "reject": "denied", "dismiss": "denied", "refute": "denied",
    "allege": "alleged", "accuse": "alleged", "blame": "alleged",
    "suggest": "unconfirmed", "speculate": "unconfirmed", "rumour": "unconfirmed", "rumor": "unconfirmed",
}
DOUBT = re.compile(r"\b(?:unconfirmed|unverified|rumou?rs?|could\s+not\s+(?:be\s+)?(?:independently\s+)?verif|"
                   r"may\s+have|might\s+have|reportedly|purportedly|allegedly|appeared\s+to)\b", re.I)
ALLEGED = re.compile(r"\b(?:allegedly|alleged)\b", re.I)


@dataclass(frozen=True)
class Cue:
    """A speech verb or phrase in a sentence, with its source span."""

    verb_i: int  # token index of the cue word ("said", "according")
    source_tokens: tuple  # tokens of the source phrase
    status: str
    cue: str


def _subject_tokens(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return tuple(t for t in child.subtree if t.dep_ not in ("relcl", "acl", "appos") or t is child)
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:  # "telling NBC", "..., saying"
        return _subject_tokens(verb.head)
    return ()


def _trim(tokens) -> tuple:
    """The source noun phrase itself: up to the first clause break (appositions and relative
    clauses are cut)."""
    out = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.text in (",", "—", "–", "(", ":") or t.dep_ in ("relcl",):
            break
        out.append(t)
    return tuple(out)


def find_cues(sent) -> list[Cue]:
    """Attribution cues of a sentence (spaCy Span), in order."""
    cues: list[Cue] = []
    for t in sent:
        low = t.lower_
        if low == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                src = _trim(objs[0].subtree)
                cues.append(Cue(t.i, src, "reported", "according to"))
            continue
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in SPEECH_STATUS:
            src = _trim(_subject_tokens(t))
            status = SPEECH_STATUS[lemma]
            if status in ("denied", "confirmed") and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children):
                continue
            if lemma == "report" and t.tag_ == "VBN" and not src:  # "debris reportedly hit"
                status = "unconfirmed"
            cues.append(Cue(t.i, src, status, t.text))
    return cues


def attribution_for(sent, trigger_i: int, cues: list[Cue], self_cue: bool = False) -> Attribution | None:
    """The attribution of the event read at token `trigger_i` of `sent`. With `self_cue`, the
    token itself may be the cue (an outcome sentence: "officials reported three injuries")."""
    doc = sent.doc
    chosen: Cue | None = None
    # a speech verb that governs the trigger wins ("claimed it had shot down")
    tok = doc[trigger_i]
    ancestors = {a.i for a in tok.ancestors}
    for c in cues:
        if c.verb_i in ancestors and (c.verb_i != trigger_i or self_cue):
            chosen = c
            break
    if chosen is None:
        others = [c for c in cues if c.verb_i != trigger_i or self_cue]
        chosen = others[0] if others else None
    text = sent.text
    doubt = DOUBT.search(text)
    if chosen is None:
        if doubt:
            status = "alleged" if ALLEGED.search(doubt.group(0)) else "unconfirmed"
            return Attribution(source=None, source_country=None, status=status, cue=doubt.group(0))
        return None
    src = chosen.source_tokens
    source_text = doc[src[0].i:src[-1].i + 1].text if src else None
    actor = actor_of(list(src)) if src else None
    status = chosen.status
    if source_text and re.search(r"\b(?:unconfirmed|unverified|rumou?rs?)\b", source_text, re.I):
        status = "unconfirmed"
    elif status in ("reported", "claimed") and doubt and doubt.group(0).lower() in ("may have", "might have"):
        status = "unconfirmed"
    if source_text and source_text.lower() in ("it", "he", "she", "they", "we", "i"):
        source_text = None
    return Attribution(source=source_text, source_country=actor.country if actor else None,
                       status=status, cue=chosen.cue)
