"""Is an event asserted, or only negated, hypothetical, future or historical?

"threatened to strike", "could strike", "will strike", "did not strike" are never asserted.
"may have struck" stays asserted: the doubt is about the report, and lands in attribution
(`unconfirmed`).
"""

from __future__ import annotations

HYPOTHETICAL_AUX = {"could", "might", "would", "should"}
FUTURE_AUX = {"will", "shall", "'ll"}
INTENT_VERBS = {"threaten", "plan", "vow", "intend", "prepare", "promise", "seek", "aim", "want", "propose",
                "consider", "pledge", "expect", "hope", "push", "press", "urge", "call", "demand", "ask",
                "warn", "offer", "agree", "decide", "refuse", "fail", "try", "attempt", "plot", "conspire",
                "scheme", "mobilise", "mobilize", "order", "ready", "gear"}
NEGATING_VERBS = {"deny", "refute", "reject", "prevent", "avert", "avoid", "thwart", "foil"}
INTENT_NOUNS = {"order", "bid", "attempt", "plan", "preparation", "effort", "push", "call", "threat", "decision",
                "intention", "readiness", "plot", "scheme", "promise", "pledge", "vow", "offer", "proposal"}
HYPOTHETICAL_NOUNS = {"threat", "risk", "possibility", "fear", "plan", "plans", "prospect", "danger"}
# "a possible attack", "the planned offensive", "an imminent assault": not (yet) an event
HYPOTHETICAL_ADJS = {"possible", "potential", "planned", "imminent", "impending", "looming", "expected", "feared",
                     "future", "prospective", "proposed", "anticipated", "likely", "threatened", "eventual"}


# What an event caused, which "no" denies without denying the event ("causing no casualties")
OUTCOME_NOUNS = {"casualty", "death", "fatality", "injury", "victim", "loss", "damage", "harm"}
FOILING = {"foil", "thwart", "avert", "prevent", "disrupt", "stop", "frustrate", "abort"}


def foiled(tok) -> bool:
    """The act a trigger names was stopped before it happened ("foiled a bomb attack", "an
    attack was thwarted"): the noun, or the noun it modifies, is the object of foiling. A foiled
    attack is negated; the disruption itself, where weapons were involved, is an event of its own
    (DISR_WEAP). A protest stopped by police is no foiled attack: it happened, with an
    intervention (the caller decides which triggers this applies to)."""
    noun = tok
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head  # "a car bomb attack": car -> bomb -> attack
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("dobj", "nsubjpass") \
        and noun.head.lemma_.lower() in FOILING


def modality_of(trigger) -> str:
    """The modality of the event a trigger token (spaCy Token) names."""
    tok = trigger
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_ADJS for c in tok.children):
        return "hypothetical"
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in OUTCOME_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "negated"  # "police made no arrests", "there were no clashes"; "no casualties" negates no blast
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "compound"):
        # a noun trigger: look at the verb it depends on ("the threat of strikes", "launched an attack")
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "without":
            return "negated"  # "took the town without a fight"
        if tok.dep_ == "pobj" and head.head is not None:
            if head.head.lemma_.lower() in ("responsibility", "credit", "blame"):
                return "asserted"  # "nobody claimed responsibility for the bombing": the bombing happened
            if head.head.lemma_.lower() in HYPOTHETICAL_NOUNS:
                return "hypothetical"
            head = head.head
        if head.lemma_.lower() in HYPOTHETICAL_NOUNS:
            return "hypothetical"
        if head.pos_ in ("VERB", "AUX"):
            tok = head
        else:  # deeper in a noun phrase: "whether they were part of those gangs"
            up = head
            for _ in range(3):
                if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
                    break
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                tok = up
    # walk up through xcomp / ccomp-free chains: "threatened to strike", "plans to attack"
    depth = 0
    cur = tok
    while cur is not None and depth < 4:
        for child in cur.children:
            low = child.lower_
            if child.dep_ == "neg":
                return "negated"
            if child.dep_ in ("nsubj", "nsubjpass") and trigger in (cur, child) and (
                    low in ("nobody", "none", "neither") or any(
                        g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") for g in child.children)):
                return "negated"  # "no side took control", "nobody claimed the attack", "no strikes were reported"
            if child.dep_ == "aux" and low in FUTURE_AUX:
                return "future"
            if child.dep_ == "aux" and low in HYPOTHETICAL_AUX:
                return "hypothetical"
            if child.dep_ == "aux" and low == "may" and not any(c.lower_ == "have" for c in cur.children):
                return "hypothetical"
            if child.dep_ == "mark" and low in ("if", "unless", "whether"):
                return "hypothetical"
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in INTENT_NOUNS:
            return "future"  # "an order to kick off the assault", "a bid to retake the town"
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in INTENT_VERBS:
            lemma = cur.head.lemma_.lower()
            if lemma in ("refuse", "fail"):
                return "negated"
            return "future"
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head is not cur:
            cur = cur.head
            depth += 1
            continue
        break
    # "going to strike"
    if tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "going" and tok.doc[tok.i - 1].lower_ == "to":
        return "future"
    if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in NEGATING_VERBS:
        return "negated"
    return "asserted"
