"""The extraction components on Docs built by hand: parses written out token by token, so these
tests need no statistical model and pin down how each component reads a parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.extract.attribution import attribution_for, find_cues
from eventwire.extract.mentions import sentence_mentions
from eventwire.extract.modality import modality_of
from eventwire.extract.roles import assign_roles
from eventwire.extract.weapons import find_weapons

VOCAB = spacy.blank("en").vocab  # lexical attributes (lower, is_stop, like_num) without a model


def parse(rows: str) -> Doc:
    """One token a line: `word lemma POS dep head [ENT]`, head = index of the head token
    (its own index for the root)."""
    toks = [line.split() for line in rows.strip().splitlines()]
    words = [t[0] for t in toks]
    spaces = [not nxt.startswith(("'", ".", ",")) for nxt in words[1:]] + [False]
    doc = Doc(VOCAB, words=words, spaces=spaces,
              lemmas=[t[1] for t in toks], pos=[t[2] for t in toks], deps=[t[3] for t in toks],
              heads=[int(t[4]) for t in toks], ents=[t[5] if len(t) > 5 else "O" for t in toks],
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


FIRED = """
Russia Russia PROPN nsubj 1 B-GPE
fired fire VERB ROOT 1
51 51 NUM nummod 3
missiles missile NOUN dobj 1
at at ADP prep 1
Ukraine Ukraine PROPN pobj 4 B-GPE
. . PUNCT punct 1
"""

SHOT_DOWN = """
Drones drone NOUN nsubjpass 2
were be AUX auxpass 2
shot shoot VERB ROOT 2
down down ADP prt 2
by by ADP agent 2
Ukrainian ukrainian ADJ amod 7 B-NORP
air air NOUN compound 7
defences defence NOUN pobj 4
. . PUNCT punct 2
"""

CLAIMED = """
Russia Russia PROPN poss 3 B-GPE
's 's PART case 0
defence defence NOUN compound 3
ministry ministry NOUN nsubj 4
claimed claim VERB ROOT 4
it it PRON nsubj 8
had have AUX aux 8
shot shoot VERB aux 8
down down ADP ccomp 4
116 116 NUM nummod 11
Ukrainian ukrainian ADJ amod 11 B-NORP
drones drone NOUN dobj 8
. . PUNCT punct 4
"""


def mentions_of(rows: str):
    doc = parse(rows)
    sent = doc[:]
    weapons = find_weapons(sent.text)
    found = sentence_mentions(sent, 0, weapons, weapons)
    for m in found:
        m.weapons = weapons
    return doc, sent, found


def test_active_clause_gives_initiator_and_target():
    doc, sent, (m,) = mentions_of(FIRED)
    assert m.kind == "ART_MISS_ATTACK" and m.subkind == "missile_strike"
    assign_roles(m, sent, None)
    assert (m.initiator.country, m.target.country) == ("RUS", "UKR")


def test_passive_agent_is_the_initiator():
    doc, sent, (m,) = mentions_of(SHOT_DOWN)
    assert m.kind == "DISR_WEAP" and m.passive
    assign_roles(m, sent, None)
    assert m.initiator.country == "UKR" and m.initiator.sector == "MIL"


def test_pronoun_subject_resolves_to_the_speaker_and_the_drones_owner_is_the_target():
    doc, sent, found = mentions_of(CLAIMED.replace("shot shoot VERB aux 8\ndown down ADP ccomp 4",
                                                   "shot shoot VERB ccomp 4\ndown down ADP prt 7"))
    (m,) = [m for m in found if m.kind == "DISR_WEAP"]
    assign_roles(m, sent, None)
    assert m.initiator.country == "RUS" and m.initiator.name == "Russia's defence ministry"
    assert m.target.country == "UKR"
    att = attribution_for(sent, m.trigger_i, find_cues(sent))
    assert (att.source, att.source_country, att.status, att.cue) == ("Russia's defence ministry", "RUS", "claimed", "claimed")


@pytest.mark.parametrize("rows, trigger, expected", [
    ("Russia Russia PROPN nsubj 1\nthreatened threaten VERB ROOT 1\nto to PART aux 3\nstrike strike VERB xcomp 1\n"
     "Kyiv Kyiv PROPN dobj 3", 3, "future"),
    ("Russia Russia PROPN nsubj 2\ncould could AUX aux 2\nstrike strike VERB ROOT 2\nKyiv Kyiv PROPN dobj 2", 2,
     "hypothetical"),
    ("Russia Russia PROPN nsubj 3\ndid do AUX aux 3\nnot not PART neg 3\nstrike strike VERB ROOT 3\n"
     "Kyiv Kyiv PROPN dobj 3", 3, "negated"),
    ("Russia Russia PROPN nsubj 2\nwill will AUX aux 2\nstrike strike VERB ROOT 2\nKyiv Kyiv PROPN dobj 2", 2,
     "future"),
    ("forces force NOUN nsubj 3\nmay may AUX aux 3\nhave have AUX aux 3\nstruck strike VERB ROOT 3\n"
     "Ryazan Ryazan PROPN dobj 3", 3, "asserted"),
    ("Russia Russia PROPN nsubj 1\nstruck strike VERB ROOT 1\nKyiv Kyiv PROPN dobj 1", 1, "asserted"),
])
def test_modality(rows, trigger, expected):
    assert modality_of(parse(rows)[trigger]) == expected


def test_according_to_is_reported_not_an_agreement():
    rows = """
According accord VERB prep 5
to to ADP prep 0
Ukraine Ukraine PROPN poss 4 B-GPE
's 's PART case 2
forces force NOUN pobj 1
strikes strike NOUN nsubj 6
hit hit VERB ROOT 6
Kyiv Kyiv PROPN dobj 6 B-GPE
"""
    doc, sent, found = mentions_of(rows)
    assert [m.kind for m in found if m.kind == "AGREEMENT"] == []
    att = attribution_for(sent, 6, find_cues(sent))
    assert (att.source, att.source_country, att.status) == ("Ukraine's forces", "UKR", "reported")


def test_air_raid_sirens_are_an_alert_not_a_raid():
    rows = """
Air air NOUN compound 3
- - PUNCT punct 0
raid raid NOUN compound 3
sirens siren NOUN nsubj 4
sounded sound VERB ROOT 4
in in ADP prep 4
Poland Poland PROPN pobj 5 B-GPE
"""
    doc, sent, found = mentions_of(rows)
    assert [(m.kind, m.subkind) for m in found] == [("OTHER", "air_alert")]


def test_talks_and_a_strike_in_one_sentence_are_two_mentions_with_their_own_clauses():
    rows = """
Russia Russia PROPN nsubj 1 B-GPE
struck strike VERB ROOT 1
Kyiv Kyiv PROPN dobj 1 B-GPE
as as SCONJ mark 5
talks talk NOUN nsubj 5
continued continue VERB advcl 1
in in ADP prep 5
Miami Miami PROPN pobj 6 B-GPE
"""
    doc, sent, found = mentions_of(rows)
    by_kind = {m.kind: m for m in found}
    assert set(by_kind) == {"ATTACK", "DIPLO"}  # no weapon named: an attack of unknown means
    diplo = by_kind["DIPLO"]
    assert 7 in diplo.scope and 2 not in diplo.scope
    strike = next(m for m in found if m.kind != "DIPLO")
    assert 2 in strike.scope and 7 not in strike.scope
