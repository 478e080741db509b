"""eventwire's spaCy components, in pipeline order, and the glue around them.

    ew_line_breaks   (before the parser) a line break ends a sentence: titles stand alone
    ew_places        place mentions, resolved offline; the countries the document is about
    ew_counts        weapons with launched/destroyed counts, killed and injured, per sentence
    ew_events        event mentions: triggers, kind, subkind
    ew_roles         initiator, target, participants from the dependency parse
    ew_targets       what was hit, in the contract's vocabulary
    ew_dates         dates resolved against the publication date
    ew_attribution   who says so, and the claim status
    ew_modality      asserted, negated, hypothetical, future
    ew_locations     where each mention happened
    ew_assemble      mentions merged into event records (`doc._.ew_events`)

Each component reads and writes `Doc` extension attributes only, so each can be tested on a
`Doc` built by hand.
"""

from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract import assemble as _assemble
from eventwire.extract.attribution import attribution_for, find_cues
from eventwire.extract.casualties import find_casualties
from eventwire.extract.dates import find_dates, parse_published
from eventwire.extract.mentions import ATTACK_KINDS, Mention, reactions_after_news, sentence_mentions
from eventwire.extract.modality import modality_of
from eventwire.extract.places import document_countries, find_places, is_compound_modifier, locative_prep
from eventwire.extract.roles import assign_roles
from eventwire.extract.targets import find_targets
from eventwire.extract.weapons import WeaponMention, find_weapons_in_doc_sentence
from eventwire.records import Document, Event

PIPELINE = ["ew_places", "ew_counts", "ew_events", "ew_roles", "ew_targets", "ew_dates", "ew_attribution",
            "ew_modality", "ew_locations", "ew_assemble"]

for _name, _default in (("published", None), ("doc_id", "doc"), ("ew_places", None), ("ew_countries", None),
                        ("ew_weapons", None), ("ew_casualties", None), ("ew_mentions", None), ("ew_sents", None),
                        ("ew_events", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

SPEECH_KINDS = {"DIPLO", "AGREEMENT", "ATTRIB", "CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED"}
TARGETED_KINDS = ATTACK_KINDS | {"DISR_WEAP", "PROPERTY_DISTRUCT", "ATTACK", "ARMED_CLASH"}


@Language.component("ew_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence (titles, datelines, paragraphs)."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text:
            tok.is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            continue
    return doc


@Language.component("ew_places", requires=["doc.ents"])
def places(doc: Doc) -> Doc:
    doc._.ew_countries = document_countries(doc)
    doc._.ew_places = find_places(doc, doc._.ew_countries, parse_published(doc._.published))
    return doc


@Language.component("ew_counts", requires=["doc.sents"])
def counts(doc: Doc) -> Doc:
    weapons: list[list[WeaponMention]] = []
    casualties = []
    prev: list[WeaponMention] = []
    for sent in _sents(doc):
        found = find_weapons_in_doc_sentence(sent.text, prev)
        for w in found:  # sentence offsets -> document offsets
            w.start += sent.start_char
            w.end += sent.start_char
        weapons.append(found)
        prev = found or prev
        casualties.append(find_casualties(sent.text))
    doc._.ew_weapons = weapons
    doc._.ew_casualties = casualties
    return doc


@Language.component("ew_events")
def events(doc: Doc) -> Doc:
    doc_weapons = [w for ws in doc._.ew_weapons for w in ws]
    mentions: list[Mention] = []
    for i, sent in enumerate(_sents(doc)):
        found = sentence_mentions(sent, i, doc._.ew_weapons[i], doc_weapons)
        for m in found:
            if m.family in ("DISR_WEAP",) or m.kind in TARGETED_KINDS:
                m.weapons = list(doc._.ew_weapons[i])
            m.casualties = list(doc._.ew_casualties[i]) if m.kind in TARGETED_KINDS or m.kind in (
                "NATURAL_DISASTER", "MAN_MADE_DISASTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL",
                "SUIC_BOMB", "ARMED_CLASH") else []
        if not found and (doc._.ew_casualties[i] or any(w.launched or w.destroyed for w in doc._.ew_weapons[i])):
            # an outcome without a trigger ("three injuries in the Kyiv region"): read as part of
            # the last attack; assemble decides whether it is an event of its own
            last = next((m for m in reversed(mentions) if m.kind in ATTACK_KINDS or m.kind == "DISR_WEAP"), None)
            if last is not None:
                m = Mention(sent_i=i, trigger_i=sent.root.i, family=last.family, kind=last.kind,
                            subkind=last.subkind, strength=last.strength, trigger_text=sent.root.text,
                            anchor_i=sent.root.i, scope={t.i for t in sent}, evidence=(sent.start_char, sent.end_char),
                            inherited=True)
                m.weapons = list(doc._.ew_weapons[i])
                m.casualties = list(doc._.ew_casualties[i])
                found = [m]
        if i == 0 and is_headline(sent):
            for m in found:
                m.headline = True
        mentions.extend(found)
    doc._.ew_mentions = mentions
    return doc


def is_headline(sent) -> bool:
    """The first line of a longer text, standing alone without a full stop."""
    doc = sent.doc
    text = sent.text_with_ws
    followed = any(not t.is_space for t in doc[sent.end:sent.end + 3])
    return followed and "\n" in text and not text.rstrip().endswith((".", "!", "?", '"', "”"))


def _sents(doc: Doc) -> list:
    """The document's sentences, listed once and shared by the components after the parser."""
    if doc._.ew_sents is None:
        doc._.ew_sents = list(doc.sents)
    return doc._.ew_sents


@Language.component("ew_roles")
def roles(doc: Doc) -> Doc:
    sents = _sents(doc)
    prev = None
    for m in doc._.ew_mentions:
        if not m.inherited:
            assign_roles(m, sents[m.sent_i], prev)
        prev = m.initiator or prev
    return doc


@Language.component("ew_targets")
def targets(doc: Doc) -> Doc:
    sents = _sents(doc)
    for m in doc._.ew_mentions:
        if m.kind in TARGETED_KINDS:
            m.targets = find_targets(sents[m.sent_i].text)
    return doc


@Language.component("ew_dates")
def dates(doc: Doc) -> Doc:
    published = parse_published(doc._.published)
    sents = _sents(doc)
    cache: dict[int, list] = {}
    for m in doc._.ew_mentions:
        sent = sents[m.sent_i]
        if m.sent_i not in cache:
            cache[m.sent_i] = find_dates(sent.text, published)
        found = cache[m.sent_i]
        if not found:
            continue
        in_scope = [d for d in found if _char_in_scope(doc, sent.start_char + d[0], m.scope)]
        others = [o.scope for o in doc._.ew_mentions if o.sent_i == m.sent_i and o is not m]
        free = [d for d in found if not any(_char_in_scope(doc, sent.start_char + d[0], sc) for sc in others)]
        chosen = in_scope or free  # a date inside another event's clause is that event's date
        if chosen:
            m.date = chosen[0][2]
    return doc


def _char_in_scope(doc: Doc, char: int, scope: set[int]) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.start in scope


@Language.component("ew_attribution")
def attribution(doc: Doc) -> Doc:
    sents = _sents(doc)
    cues: dict[int, list] = {}
    for m in doc._.ew_mentions:
        sent = sents[m.sent_i]
        if m.sent_i not in cues:
            cues[m.sent_i] = find_cues(sent)
        m.attribution = attribution_for(sent, m.trigger_i, cues[m.sent_i], self_cue=m.inherited)
    return doc


@Language.component("ew_modality")
def modality(doc: Doc) -> Doc:
    for m in doc._.ew_mentions:
        if not m.inherited:
            m.modality = modality_of(doc[m.trigger_i])
            if m.foiled:  # the foiling of a bomb attack happened; an attack foiled did not
                m.modality = "asserted" if m.kind == "DISR_WEAP" else "negated"
    reactions_after_news(doc, doc._.ew_mentions)
    return doc


@Language.component("ew_locations")
def locations(doc: Doc) -> Doc:
    by_sent: dict[int, list] = {}
    sents = _sents(doc)
    for p in doc._.ew_places:
        by_sent.setdefault(doc[p.tok_start].sent.start, []).append(p)
    for m in doc._.ew_mentions:
        sent = sents[m.sent_i]
        usable = [p for p in by_sent.get(sent.start, []) if not p.modifier and not _inside_actor(p, m)]
        cands = [p for p in usable if any(i in m.scope for i in range(p.tok_start, p.tok_end))]
        if not cands:
            # "Police in Belgrade used tear gas to disperse protesters": the place sits outside the
            # trigger's clause but in no other event's clause either
            others = [o.scope for o in doc._.ew_mentions if o.sent_i == m.sent_i and o is not m]
            cands = [p for p in usable if not any(p.tok_start in sc for sc in others)]
        if not cands:
            continue
        scored = []
        home = doc._.ew_countries[:1] or [q.location.country for q in usable if not q.is_country][:1]
        # "attacked the Engels air base deep inside Russia": the country only says where the
        # more precise place is (unless that place is where someone spoke "from")
        inside = {p.location.country for p in cands if not p.is_country
                  and locative_prep(doc, p) != "from" and not is_compound_modifier(doc, p)}
        for p in cands:
            if p.is_country and p.location.country in inside:
                continue
            prep = locative_prep(doc, p)
            if m.kind in SPEECH_KINDS and m.subkind != "military_movement" and \
                    prep not in ("in", "at", "near", "inside", "outside") and \
                    not (prep in ("to", "into") and _lemma_of(doc, m) in MOVE_VERBS):
                continue  # "talks on Ukraine" are about Ukraine, not in it; "corridors to El Fasher"
                # (but troops "deployed to Mariupol" are in Mariupol)
            if prep in ("on", "against", "at", "onto") and p.is_country and m.kind != "DIPLO":
                m.target_place = m.target_place or p
                continue
            rank = (0 if prep and prep not in ("from",) else 1, is_compound_modifier(doc, p),
                    bool(home) and p.location.country not in home, 1 if p.is_country else 0, p.start)
            scored.append((rank, p))
        if scored:
            m.place = min(scored, key=lambda x: x[0])[1]
        elif m.target_place is not None:
            m.place = m.target_place
    _lead_place(doc, sents)
    return doc


MOVE_VERBS = {"deploy", "redeploy", "send", "move", "relocate", "reinforce", "dispatch", "transfer"}


def _lemma_of(doc: Doc, m) -> str:
    return doc[m.trigger_i].lemma_.lower()


def _lead_place(doc: Doc, sents: list) -> None:
    """Events placed nowhere by their own clause happened where the headline or lead places
    the story ("Mariupol police station damaged")."""
    mentions = list(doc._.ew_mentions or [])
    if not mentions or not sents:
        return
    # in a short text (a caption, a wire brief) every event without a place of its own
    # happened where the lead puts it; in a long article only the first one did
    todo = mentions if len(sents) <= 3 else mentions[:1]
    lead_end = sents[min(1, len(sents) - 1)].end
    for m in todo:
        if m.place is not None or m.kind in SPEECH_KINDS and m.subkind != "military_movement":
            continue
        others = [o.scope for o in mentions if o is not m and o.kind in SPEECH_KINDS
                  and o.subkind != "military_movement"] if len(sents) <= 3 else \
                 [o.scope for o in mentions if o is not m]
        lead = [p for p in doc._.ew_places if p.tok_start < lead_end and not p.modifier and not _inside_actor(p, m)
                and not any(p.tok_start in sc for sc in others)]
        if lead:
            m.place = min(lead, key=lambda p: (p.is_country, p.start))


def _inside_actor(p, m: Mention) -> bool:
    for a in (m.initiator, m.target, *m.participants):
        if a is not None and a.start <= p.start < a.end and a.end > a.start:
            return True
    if m.attribution is not None and m.attribution.source and p.is_country and p.text in m.attribution.source:
        return True  # "according to Ukraine's armed forces": Ukraine speaks, it is not the scene
    return False


@Language.component("ew_assemble")
def assemble_component(doc: Doc) -> Doc:
    events = _assemble.assemble(doc._.doc_id, doc._.ew_mentions, parse_published(doc._.published),
                                doc._.ew_countries, doc.text)
    if not events and (caption := _assemble.caption_event(doc._.doc_id, doc.text, doc._.ew_places or [],
                                                          sum(t.is_alpha for t in doc))) is not None:
        events = [caption]
    doc._.ew_events = events
    return doc


def add_to(nlp: Language) -> None:
    """Add eventwire's components to a loaded English pipeline."""
    if "ew_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("ew_line_breaks", before="parser")
    for name in PIPELINE:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)


def make_doc(nlp: Language, d: Document) -> Doc:
    """A tokenised `Doc` carrying the document's id and publication date."""
    doc = nlp.make_doc(d.text)
    doc._.doc_id = d.id
    doc._.published = d.published
    return doc


def events_of(doc: Doc, d: Document) -> list[Event]:
    return list(doc._.ew_events or [])
