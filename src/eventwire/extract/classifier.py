"""A light kind classifier: static token vectors and a linear model, numpy only.

The token vectors are all-MiniLM-L6-v2's vocabulary, each token run alone through the
transformer and reduced by PCA (model2vec's recipe); the linear model reads the mean vector of a
text plus hashed words and word pairs, and gives a probability for each of the 30 kinds. Both
were built offline by `scripts/build_kind_model.py` from the examples in
`data/kind_examples.jsonl`, written for this project from ACLED's public codebook definitions.
The files ship in `data/`; their SHA-256 sums in `data/manifest.json` are checked at load, and
nothing is ever downloaded.

The rules in `extract.mentions` still find the events and decide modality and attribution; this
model only weighs in on which kind an event is (see `extract.assemble`).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventwire.extract.clauses import LAWS, OWN_CLAIM

DATA = Path(__file__).resolve().parent / "data"
HASH_DIMS = 1 << 13
FEATURES_DOC = (f"unit mean of int8 PCA token vectors (stop words and punctuation left out), "
                f"plus hashed lower-case words and word pairs ({HASH_DIMS} buckets, L2-normalised)")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*|[^\sa-z0-9]")
_STOP = frozenset("""a an the of to in on at by for from with and or but as is are was were be been being has have
had it its this that these those he she they them his her their there here which who whom whose what when where
while after before about into over than then also said says say would could will may might can not no""".split())


class ArtefactError(RuntimeError):
    """The shipped classifier files are missing or do not match their checksums."""


@dataclass(frozen=True)
class Model:
    vocab: dict[str, int]
    vectors: np.ndarray  # float32, tokens x dims
    w: np.ndarray  # features x kinds
    b: np.ndarray
    kinds: tuple[str, ...]
    version: int
    combine: tuple[float, float, np.ndarray] | None  # beta, gamma, calibration coefficients (`decide`)


@lru_cache(maxsize=1)
def load() -> Model:
    """The artefact, loaded once and checked against its manifest."""
    try:
        manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
        for name, digest in manifest["sha256"].items():
            if hashlib.sha256((DATA / name).read_bytes()).hexdigest() != digest:
                raise ArtefactError(f"{DATA / name} does not match its SHA-256 in manifest.json; "
                                    "rebuild it with scripts/build_kind_model.py or restore it from git")
        vocab_list = (DATA / "token_vocab.txt").read_text(encoding="utf-8").split("\n")
        with np.load(DATA / "token_vectors.npz") as z:
            vectors = z["vectors"].astype(np.float32) * z["scale"][:, None]
        model_path = DATA / "kind_model.npz"
        if model_path.exists():
            with np.load(model_path) as z:
                w, b, kinds = z["w"], z["b"], tuple(str(k) for k in z["kinds"])
                combine = (float(z["beta"]), float(z["gamma"]), z["coef"].astype(np.float64)) \
                    if "gamma" in z else None
        else:  # embeddings built, classifier not yet trained
            w, b, kinds, combine = np.zeros((0, 0), np.float32), np.zeros(0, np.float32), (), None
    except (OSError, KeyError, ValueError) as e:
        raise ArtefactError(f"the kind classifier's files in {DATA} are unreadable ({e}); "
                            "reinstall eventwire or rebuild them with scripts/build_kind_model.py") from e
    vocab = {t: i for i, t in enumerate(v for v in vocab_list if v)}
    return Model(vocab, vectors, w, b, kinds, int(manifest.get("version", 0)), combine)


def _basic_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return _WORD.findall(text)


@lru_cache(maxsize=50_000)
def _pieces(word: str) -> tuple[int, ...]:
    """Greedy longest-match WordPiece ids of one word (BERT's tokenizer); () when it has none."""
    vocab = load().vocab
    if word in vocab:
        return (vocab[word],)
    ids = []
    start = 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return ()
        ids.append(found)
        start = end
    return tuple(ids)


def _bucket(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) % HASH_DIMS


def features(text: str) -> np.ndarray:
    """The feature vector of a text (what the linear model reads)."""
    m = load()
    words = _basic_words(text)
    content = [w for w in words if w not in _STOP and (w[0].isalnum())]
    ids = [i for w in content for i in _pieces(w)]
    dims = m.vectors.shape[1]
    dense = m.vectors[ids].mean(axis=0) if ids else np.zeros(dims, np.float32)
    norm = float(np.linalg.norm(dense))
    if norm > 0:
        dense = dense / norm
    sparse = np.zeros(HASH_DIMS, np.float32)
    for w in content:
        sparse[_bucket(w)] += 1.0
    for a, b in zip(content, content[1:]):
        sparse[_bucket(a + " " + b)] += 1.0
    norm = float(np.linalg.norm(sparse))
    if norm > 0:
        sparse /= norm
    return np.concatenate([dense, sparse])


def probabilities(text: str) -> dict[str, float]:
    """P(kind | text) for the 30 kinds; {} when the classifier is not built."""
    m = load()
    if not m.kinds:
        return {}
    z = features(text) @ m.w + m.b
    z = np.exp(z - z.max())
    p = z / z.sum()
    return dict(zip(m.kinds, (float(v) for v in p), strict=True))


# ------------------------------------------------------------------------- rules + classifier
P_CAP = 0.9
TRACE: list | None = None  # set to a list by the build script to record what `decide` was given


def decide(rule_kind: str, rule_conf: float, probs: dict[str, float], locked: bool,
           modality: str = "asserted") -> tuple[str, float]:
    """The kind of an event and its confidence, from what the rules said and the classifier's
    probabilities. The classifier re-types an event when it is sure enough to outweigh the
    rules' choice (a bonus of `beta` in log-probability); `locked` events (the weapons named and
    counted decide the kind) keep the rules' kind. The confidence is a logistic calibration of
    the classifier's probability, the rules' own score and their agreement, fitted on held-out
    folds of the written examples: it estimates how often such an event has the right kind."""
    if TRACE is not None:  # the build script is recording: the rules decide
        TRACE.append((rule_kind, rule_conf, dict(probs), locked, modality))
        return rule_kind, rule_conf
    m = load()
    if not probs or m.combine is None:
        return rule_kind, rule_conf
    beta, gamma, coef = m.combine
    kind = rule_kind if locked else choose(probs, rule_kind, beta, gamma)
    return kind, calibrated(coef, support(probs, kind, locked), rule_conf, kind == rule_kind)


def support(probs: dict[str, float], kind: str, locked: bool) -> float:
    """How much the classifier backs `kind`: its probability; for a locked event (the rules'
    evidence decides the precise kind) that of its whole group, since a long report of a barrage
    reads as strikes, interceptions and damage at once."""
    if locked:
        return min(1.0, sum(v for k, v in probs.items() if k == kind or same_group(k, kind)))
    return probs.get(kind, 0.0)


# Kinds that share words and get confused: the rules find the family reliably (a protest, a
# battle, a blast), the classifier is better at the finer distinction inside it.
GROUPS: dict[str, set[str]] = {
    "battle": {"ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER"},
    "remote": {"CHEM_WEAP", "AIR_STRIKE", "SUIC_BOMB", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "DISR_WEAP",
               "MAN_MADE_DISASTER"},
    "civilians": {"SEX_VIOL", "ATTACK", "ABDUCT_DISSAP", "ORG_CRIME", "MOB_VIOL", "ARMED_CLASH"},
    "protest": {"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL"},
    "strategic": {"AGREEMENT", "ARREST", "CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED", "PROPERTY_DISTRUCT",
                  "NON_VIOL_TERRIT_TRANSFER", "OTHER", "DIPLO", "ATTRIB"},
    "disaster": {"NATURAL_DISASTER", "MAN_MADE_DISASTER"},
}


# Kinds the classifier may give an event only when its text has a word for them: a capture for
# the territory kinds, a chemical for CHEM_WEAP, and so on. The classifier reads the whole
# sentence and leans on its topic ("fighters attacked a convoy of forces" reads like the
# territory examples); without its word the kind is not what the text says happened. The rules'
# own kind is always allowed.
def _E(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


TAKING = _E(r"\b(?:seiz|captur|retak|recaptur|regain|re-?took|overr[au]n|liberat|reclaim|took\s+"
             r"(?:over|control|back)|tak(?:e|en|ing)\s+(?:over|control|back)|control|fell|fall|"
             r"push(?:ed|es|ing)?\s+(?:[\w'-]+\s+){0,4}?(?:back|out)|drove|driven|driv(?:e|es|ing)\s|expel|clear|"
             r"enter|advanc|gain|won|win|occup|wrest|took\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:town|village|city|"
             r"township|district|municipality|hub|base|camp|airport|airstrip|port|area|region|hill|position)|"
             r"storm|swept|oust|flush|dislodg|secured|securing|restor|reopen)")
EVIDENCE: dict[str, re.Pattern[str]] = {
    "GOV_REGAINS_TERIT": TAKING,
    "NON_STATE_ACTOR_OVERTAKES_TER": TAKING,
    "NON_VIOL_TERRIT_TRANSFER": _E(r"\b(?:withdr|hand(?:ed|s|ing)?\s+over|retreat|pull(?:ed|s|ing)?\s+(?:out|back)|"
                                   r"evacuat|leav|left|abandon|transfer|cede|ceded|vacat|relinquish|return|"
                                   r"took\s+over|tak(?:e|en|ing)\s+over|control|redeploy|deploy|hand)"),
    "CHEM_WEAP": _E(r"\b(?:chemical|chlorine|sarin|mustard|toxic|nerve\s+agent|poison|gas|phosgene|vx|novichok)"),
    "SUIC_BOMB": _E(r"\b(?:suicide|kamikaze|self-?detonat|blew\s+(?:him|her|them)sel|explosive\s+(?:vest|belt)|"
                    r"martyrdom|istishhad|inghimasi)"),
    "SEX_VIOL": _E(r"\b(?:rap(?:e|ed|es|ing|ist)|sexual|sexually|molest|defil|harass|abus|assault)"),
    "GRENADE": _E(r"\b(?:grenade|fragmentation\s+(?:device|bomb)|hand\s+bomb|rgd-?5|m26|m67)"),
    # diplomacy and agreements: a word of talks, visits, statements between governments, or of a deal
    "DIPLO": _E(r"\b(?:talk|negotiat|mediat|dialogue|meet|summit|visit|discuss|host|receiv|call|conversation|"
                r"consult|envoy|acknowledg|dismiss|warn|condemn|urg|critici|prais|welcom|reject|demand|appeal|insist|"
                r"pledg|vow|downplay|denounc|hint|stress|sanction|embargo|expel|ambassador|diplomat|tie|relation|"
                r"aid|assistance|donat|minist|foreign|bilateral|counterpart|statement|declar|announc|express|"
                r"concern|protest\w*\s+(?:note|to\s+the)|summon|recogni|resolution|u\.?n\.?\b|united\s+nations)"),
    "AGREEMENT": _E(r"\b(?:agree|deal|accord|treaty|ceasefire|cease-fire|truce|sign|pact|memorandum|swap|exchang|"
                    r"armistice|settlement|peace|reconcil|understanding|arrangement|protocol|release)"),
    # a protest kind needs people protesting
    **dict.fromkeys(("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"), _E(
        r"\b(?:protest|demonstrat|rall(?:y|ied|ies)|march|sit-?in|picket|strike|striking|strikers|chant|crowd|"
        r"gather|boycott|vigil|petition|riot|unrest|blockade|blocked|occup|walk-?out|agitat|dharna|marched|"
        r"slogan|placard|banner|human\s+chain|rallies|dissent|opposition\s+supporters|activists)")),
    # a change to a group or its activity: a group formed, joined, moved, reinforced, banned ...
    "CHANGE_TO_GROUP_ACT": _E(
        r"\b(?:form|merg|split|disband|dissolv|mobili|recruit|deploy|redeploy|reinforc|appoint|nam(?:e|ed|es|ing)\s|"
        r"leader|join|defect|curfew|ban|martial|emergency|renam|rebrand|train|mov(?:e|ed|es|ing)|sent|send|"
        r"dispatch|withdr|convoy|build-?up|amass|alert|relocat|announc|suspend|impos|declar|set\s+up|creat|"
        r"establish|unit|brigade|battalion|division|wing|faction|coalition|alliance|allegiance|pledg|"
        r"surrender|lay\s+down|laid\s+down|disarm|demobili|integrat|replac|dismiss|resign|"
        r"sack|promot|stationed|arriv|head(?:ed|ing)\s+to|readiness|exercise|drill|"
        r"rotation|reservist|conscript|draft|enlist|volunteer|militia|armed\s+group|new\s+group|restructur)"),
    # remote violence names its means: aircraft, guns and rockets, or a planted explosive
    "AIR_STRIKE": _E(r"\b(?:air|aerial|jets?\b|plane|aircraft|warplane|bomb|helicopter|gunship|drone|uav|strike|"
                     r"raid|sortie|f-\d+|sukhoi|su-\d+|mig|b-\d+|shahed|kamikaze)"),
    "ART_MISS_ATTACK": _E(r"\b(?:artillery|shell|mortar|rocket|missile|howitzer|cannon|barrage|mlrs|grad|katyusha|"
                          r"projectile|bombard|tank|fire[ds]?\b|firing|launch|strike|hit|iskander|himars|atacms|"
                          r"ballistic|cruise|mm\b|\d+mm)"),
    "REM_EXPLOS": _E(r"\b(?:explo|blast|bomb|ied|mine|landmine|device|detonat|booby|roadside|car\s+bomb|vbied|"
                     r"blew|blow|went\s+off|dynamite|tnt|c-?4|remote)"),
    # a claim, accusation or denial: not a "suspected" attacker who carried out an attack
    "ATTRIB": _E(r"\b(?:claim|credit|responsib|blam|accus|behind|den(?:y|ie)|allegation|alleg(?:e|ed)\s+that|"
                 r"attribut|involvement|implicat|reject|point(?:ed|s|ing)?\s+the\s+finger|culprit|perpetrat|disown)|"
                 + OWN_CLAIM.pattern),
    "MAN_MADE_DISASTER": _E(r"\b(?:fire|blaze|explo|blast|collaps|crash|accident|leak|spill|derail|sank|sink|"
                            r"capsiz|stampede|poison|contamina|burn|flame|smoke|gas|chemical|fuel|collision|toxic|"
                            r"incident|hazard|boiler|furnace|short\s+circuit|electrocut|drown|mine|dam)"),
    "DISR_WEAP": _E(r"\b(?:defus|intercept|shot\s+down|shoots?\s+down|shooting\s+down|downed|seiz|confiscat|"
                    r"cache|stockpile|found|find|discover|recover|detect|neutrali|dismantl|foil|thwart|destroy|"
                    r"uncover|unearth|bomb\s+squad|disarm|defuse|recovered|handed\s+over|surrender)"),
    "ARREST": _E(r"\b(?:arrest|detain|detention|custody|jail|apprehend|held|hold|nab|round|captur|imprison|charg|"
                 r"remand|sentenc|prison|caught|picked\s+up|taken\s+in|booked|raid|crackdown|seiz)"),
    "ABDUCT_DISSAP": _E(r"\b(?:abduct|kidnap|disappear|missing|hostage|captive|seiz|taken|took|held|whereabouts|"
                        r"snatch|ransom|carried\s+off|dragged)"),
    "MOB_VIOL": _E(r"\b(?:mob|vigilante|lynch|crowd|villagers|residents|rioters|angry|youths|gang|group\s+of|"
                   r"mob\s+justice|set\s+(?:upon|ablaze|on\s+fire)|communal|sectarian|clash)"),
    "HQ_ESTABLISHED": _E(r"\b(?:establish|set\s+up|sets\s+up|setting\s+up|open|build|built|construct|install|"
                         r"creat|relocat|new\s+(?:base|headquarters|hq|camp|office|outpost))"),
    "NATURAL_DISASTER": _E(r"\b(?:flood|earthquake|quake|storm|cyclone|hurricane|typhoon|landslide|drought|fire|"
                           r"tsunami|volcan|avalanche|heat|rain|snow|tornado|mudslide|lightning|tremor|eruption|"
                           r"disaster|weather|monsoon|blizzard|hail|wind)"),
}


# ... and words that rule a kind out: a chemical leaking from a plant is an accident
_ACTS_OF_ONE_SIDE = r"(?:(?:" + "|".join(sorted(LAWS)) + r")s?|executive\s+orders?)"
VETO: dict[str, re.Pattern[str]] = {
    # a decree or a law signed is an act of one side, not an agreement (as the rules read "sign")
    "AGREEMENT": _E(rf"\bsign(?:s|ed|ing)?\s+(?:[\w'-]+\s+){{0,3}}?{_ACTS_OF_ONE_SIDE}\b|"
                    rf"\b{_ACTS_OF_ONE_SIDE}\s+(?:[\w'-]+\s+){{0,3}}?signed\b"),
    "CHEM_WEAP": _E(r"\b(?:leak|spill|accident|industrial|factory|plant|tanker|pipeline)"),
    # nobody claimed it: the attack is the news, not a claim
    "ATTRIB": _E(r"\b(?:no\s+(?:one|group|organi[sz]ation|faction|party)|nobody|none)\s+(?:has\s+|had\s+|have\s+)?"
                 r"(?:yet\s+|immediately\s+)?(?:claimed|taken|accepted)"),
    # a peaceful protest is one without violence or intervention, by definition
    "PEACE_PROTEST": _E(r"\b(?:violen|clash|riot(?!\s+police)|tear\s*gas|rubber\s+bullet|water\s+cannon|arrest|"
                        r"detain|dispers|baton|stones|rocks|burn|torch|loot|vandal|fired|shot|killed|injur|"
                        r"wound|beat|suppress|crack)"),
}


def _evidenced(kind: str, text: str) -> bool:
    if kind in EVIDENCE and not EVIDENCE[kind].search(text):
        return False
    return not (kind in VETO and VETO[kind].search(text))


def with_evidence(probs: dict[str, float], text: str, rule_kind: str) -> dict[str, float]:
    """`probs` over the kinds `text` has a word for (see :data:`EVIDENCE`, :data:`VETO`) and the
    rules' kind: the others set to 0 and the rest renormalised, P(kind | text, kind possible)."""
    kept = {k: v if k == rule_kind or _evidenced(k, text) else 0.0 for k, v in probs.items()}
    total = sum(kept.values())
    return {k: v / total for k, v in kept.items()} if total > 0 else kept


def same_group(a: str, b: str) -> bool:
    return any(a in g and b in g for g in GROUPS.values())


def choose(probs: dict[str, float], rule_kind: str, beta: float, gamma: float) -> str:
    """The kind with the best log-probability plus a bonus of `beta` for the rules' kind and
    `gamma` for the kinds of its group."""
    return max(probs, key=lambda k: float(np.log(probs[k] + 1e-9)) + (beta if k == rule_kind else 0.0)
               + (gamma if same_group(k, rule_kind) else 0.0))


def confidence_features(p: float, rule_conf: float, agree: bool) -> np.ndarray:
    # The classifier is honest on text like its examples and overconfident on other news, both
    # ways: its probability is kept within [1 - P_CAP, P_CAP], so that of two events it is sure
    # of, the rules' stronger one leads, and an event it is sure is wrong is not written off.
    p = min(max(p, 1.0 - P_CAP), P_CAP)
    return np.array([1.0, np.log(p / (1 - p)), rule_conf, float(agree)])


def calibrated(coef: np.ndarray, p: float, rule_conf: float, agree: bool) -> float:
    z = float(confidence_features(p, rule_conf, agree) @ coef)
    return round(1.0 / (1.0 + np.exp(-z)), 4)
