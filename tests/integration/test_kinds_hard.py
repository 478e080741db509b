"""Hard cases for event kinds, on the real model: negation, threats and plans, passive voice,
several events in one sentence, and "attack" in kinds that share the word.

Every text here is invented for the test (no dev or held-out snippet)."""

from __future__ import annotations

import shutil

import pytest

from eventwire.extract import classifier
from eventwire.extract.pipeline import extract

pytestmark = pytest.mark.model


def asserted(text: str, published: str | None = "2025-05-10") -> list:
    return [e for e in extract(text, published=published) if e.modality == "asserted"]


def main_kind(text: str) -> str | None:
    """The kind a reader takes for the text: its highest-confidence asserted event."""
    events = asserted(text)
    return max(events, key=lambda e: e.confidence).kind if events else None


# --- modality: what did not happen, or has not happened yet, is never asserted -------------
@pytest.mark.parametrize("text", [
    "The army denied that its jets bombed the village of Tamra.",
    "Police did not arrest anyone at the rally in Lusaka.",
    "The rebels threatened to attack the capital if the talks fail.",
    "The militia said it will launch an offensive on the town next week.",
    "Officials fear that insurgents could seize the border crossing.",
    "The government plans to impose a curfew in the northern provinces.",
])
def test_denied_threatened_planned_or_hypothetical_events_are_not_asserted(text):
    events = extract(text, published="2025-05-10")
    kinds = {"AIR_STRIKE", "ARREST", "ATTACK", "ARMED_CLASH", "NON_STATE_ACTOR_OVERTAKES_TER",
             "GOV_REGAINS_TERIT", "CHANGE_TO_GROUP_ACT"}
    assert not [e for e in events if e.kind in kinds and e.modality == "asserted"], \
        [(e.kind, e.modality, e.trigger) for e in events]


def test_background_history_is_not_news_of_the_day():
    events = extract("The town of Kafr Zita was captured by rebels on 3 March 2015.", published="2025-05-10")
    assert events and all(e.modality == "historical" for e in events if e.kind.endswith("TER"))


# --- passive voice --------------------------------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("Five soldiers were killed when their vehicle was hit by a roadside bomb near Kunar.", "REM_EXPLOS"),
    ("Two journalists were kidnapped by gunmen on the road to Kaduna.", "ABDUCT_DISSAP"),
    ("A police post in Srinagar was targeted with a hand grenade, injuring two officers.", "GRENADE"),
    ("Three opposition activists were arrested by police in Harare on Monday.", "ARREST"),
])
def test_passive_voice(text, kind):
    assert main_kind(text) == kind


# --- "attack" in kinds that share the word --------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("Militants attacked an army base near Djibo, and soldiers fought back for hours.", "ARMED_CLASH"),
    ("Gunmen attacked the village of Kwall overnight, killing ten farmers in their homes.", "ATTACK"),
    ("Air force jets attacked rebel positions in the hills east of Bambari.", "AIR_STRIKE"),
    ("A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers.", "SUIC_BOMB"),
    ("Unknown men threw a grenade at a bar in Bujumbura, wounding eight people.", "GRENADE"),
    ("The Islamic State claimed responsibility for the attack on the checkpoint.", "ATTRIB"),
    ("Protesters attacked the police station with stones and set fire to two cars.", "VIOL_DEMONSTR"),
    ("An angry mob attacked a man suspected of stealing a goat and beat him to death.", "MOB_VIOL"),
    ("Government shells filled with chlorine gas hit the town, and dozens choked.", "CHEM_WEAP"),
])
def test_attack_in_different_kinds(text, kind):
    assert main_kind(text) == kind


# --- who did what to whom --------------------------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("Somali troops recaptured the town of El Bur from al-Shabaab militants on Sunday.", "GOV_REGAINS_TERIT"),
    ("Al-Shabaab militants captured the town of El Bur after government troops fled.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    # armed groups whose names sound like a state's ("Forces", "Army") are not the state
    ("The Rapid Support Forces seized the town of Um Dabakir after heavy fighting.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("The Arakan Army captured the border town of Maungtaw after days of heavy fighting.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Police fired live ammunition at peaceful protesters in Conakry, killing two.", "FORCE_AGAINST_PROTEST"),
    ("Police dispersed a rally of teachers in Kampala with tear gas and detained ten of them.",
     "PROTEST_WITH_INTER"),
    ("Hundreds of nurses marched peacefully to the health ministry in Accra to demand their wages.",
     "PEACE_PROTEST"),
    ("Police defused a bomb found in a bag near the bus station in Quetta.", "DISR_WEAP"),
    # the subject of "destroyed"/"hit" is an aircraft or a gun: a strike, not property destruction
    ("Sudanese army warplanes destroyed fuel depots used by the RSF near Nyala, witnesses said.", "AIR_STRIKE"),
    ("Mortars hit the main market of Afgoye on Friday, wounding eleven traders.", "ART_MISS_ATTACK"),
    # "gang" in "gang-raped" is no criminal gang (and the lemmatizer's "rap" for "raped" no match)
    ("A 16-year-old was gang-raped by four soldiers near Bunia, a local rights group said.", "SEX_VIOL"),
])
def test_who_did_what_to_whom(text, kind):
    assert main_kind(text) == kind


# --- diplomacy is DIPLO --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The foreign minister of Kenya condemned the attack on the embassy in Mogadishu.",
    "The European Union imposed sanctions on five Malian military officials.",
    "Egypt's president met the Sudanese army chief in Cairo for talks on a ceasefire.",
])
def test_diplomatic_acts_are_diplo(text):
    assert main_kind(text) == "DIPLO"


# --- several events in one sentence ---------------------------------------------------------
def test_two_events_in_one_sentence():
    text = ("Police arrested 20 protesters after the rally in Dhaka, and a bomb exploded near the "
            "high court later that day.")
    kinds = {e.kind for e in asserted(text)}
    assert "REM_EXPLOS" in kinds
    assert kinds & {"PROTEST_WITH_INTER", "ARREST"}


def test_the_main_event_carries_the_highest_confidence():
    text = ("A car bomb exploded outside a hotel in Mogadishu, killing nine people. "
            "The president condemned the attack.")
    events = asserted(text)
    best = max(events, key=lambda e: e.confidence)
    assert best.kind == "REM_EXPLOS"
    assert all(0.0 <= e.confidence <= 1.0 for e in events)


# --- the shipped artefact ---------------------------------------------------------------------
def test_the_classifier_reads_kinds():
    p = classifier.probabilities("Floods after days of heavy rain swept away houses and killed 12 people.")
    assert len(p) == 30 and abs(sum(p.values()) - 1.0) < 1e-4
    assert max(p, key=p.get) == "NATURAL_DISASTER"


def test_a_tampered_artefact_is_refused(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(classifier.DATA, data)
    with open(data / "token_vocab.txt", "a", encoding="utf-8") as f:
        f.write("tampered\n")
    monkeypatch.setattr(classifier, "DATA", data)
    classifier.load.cache_clear()
    try:
        with pytest.raises(classifier.ArtefactError, match="SHA-256"):
            classifier.load()
    finally:
        monkeypatch.undo()
        classifier.load.cache_clear()


@pytest.mark.parametrize("text", [
    "Police arrested 12 opposition activists in dawn raids on their homes in Harare.",
    # the attack only planned does not undo that
    "Police arrested six men suspected of planning to attack a church, in raids across Kano.",
])
def test_raids_that_arrest_people_are_arrests(text):
    # the raids are how the arrests were made, not an attack of their own
    assert main_kind(text) == "ARREST"


@pytest.mark.parametrize("text, kind", [
    # background told in a relative clause or a clause of time ranks below the news
    ("Government troops recaptured the village of Tel Hamra on Friday, weeks after it was overrun by "
     "insurgents who had launched an offensive from the hills.", "GOV_REGAINS_TERIT"),
    ("Insurgents seized the district headquarters on Monday despite a months-long, army-led bombing "
     "campaign meant to force them out.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    # a reaction to an event is not the news; the event is
    ("The governor promised an inquiry after three men were beaten to death by an angry mob in the "
     "market.", "MOB_VIOL"),
    # the past perfect tells what came before the news, except in reported speech
    ("Rebels had shelled the town for weeks. On Monday, soldiers arrested the mayor of Kalinda on charges "
     "of collaborating with the insurgents.", "ARREST"),
    ("Unknown attackers had torched a police post in the district a week earlier. Thousands of farmers "
     "marched through Mbale on Tuesday to demand better prices.", "PEACE_PROTEST"),
    ("Police said gunmen had opened fire on a wedding party in Dera, killing four guests. Officers are "
     "searching the area.", "ATTACK"),
    # what followed the news is not the news
    ("Militants ambushed an army convoy near Kalo, killing six soldiers. Police arrested three suspects "
     "the following day.", "ARMED_CLASH"),
    ("A landslide buried a mining camp in the hills above Kasese, killing 14 workers. Days later, residents "
     "blocked the main road to protest at the slow rescue.", "NATURAL_DISASTER"),
])
def test_background_ranks_below_the_news(text, kind):
    assert main_kind(text) == kind


def test_a_background_event_alone_is_still_reported():
    events = asserted("Police are searching for gunmen who attacked a bus on the highway, killing four "
                      "passengers.")
    assert [e.kind for e in events] == ["ATTACK"]


def test_background_is_capped_below_the_news_only():
    from types import SimpleNamespace as NS

    from eventwire.extract.assemble import BACKGROUND_RANK, _background_below_news

    def draft(conf, background, modality="asserted", later=False):
        return NS(confidence=conf, modality=modality, subkind=None,
                  mentions=[NS(background=background, later=later)])

    news, bg = draft(0.6, False), draft(0.9, True)
    _background_below_news([news, bg])
    assert news.confidence == 0.6 and bg.confidence == pytest.approx(0.6 * BACKGROUND_RANK)
    alone = draft(0.9, True)  # no news event to rank below: the confidence stands
    _background_below_news([alone, draft(0.95, False, modality="future")])
    assert alone.confidence == 0.9
    # what followed ranks below the news and above the background
    news, after, bg = draft(0.6, False), draft(0.9, False, later=True), draft(0.95, True)
    _background_below_news([bg, after, news])
    assert news.confidence == 0.6 and after.confidence == pytest.approx(0.6 * BACKGROUND_RANK)
    assert bg.confidence == pytest.approx(round(0.6 * BACKGROUND_RANK, 4) * BACKGROUND_RANK, abs=1e-4)
    # with only background before it, what followed is the news
    after, bg = draft(0.7, False, later=True), draft(0.9, True)
    _background_below_news([bg, after])
    assert after.confidence == 0.7 and bg.confidence == pytest.approx(0.7 * BACKGROUND_RANK)


@pytest.mark.parametrize("text, kind", [
    # spaCy splits a hyphenated word in three: "sit - in"
    ("Teachers staged a sit-in outside the education ministry in Accra.", "PEACE_PROTEST"),
    ("Both armies agreed to a cease-fire on Sunday after talks in Addis Ababa.", "AGREEMENT"),
    # "stormed" is an assault, "a storm" the weather
    ("Gunmen stormed a hotel in the capital, killing eleven guests.", "ATTACK"),
    ("A violent storm killed 12 people along the coast of Bangladesh.", "NATURAL_DISASTER"),
    # a protest stormed is force used on protesters, not their violence
    ("Soldiers stormed the protest camp in the capital, shooting dead nine demonstrators.",
     "FORCE_AGAINST_PROTEST"),
    # protesters storming a building are violent; a protest by blind people is not force
    ("Protesters storm parliament in Accra, set part of the building on fire.", "VIOL_DEMONSTR"),
    ("Police dispersed a sit-in by blind pensioners outside the ministry, detaining four.", "PROTEST_WITH_INTER"),
])
def test_words_that_spacy_splits_or_shares(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    # a crowd of civilians is a mob, an armed one is not; a crowd at a protest riots
    ("Angry residents of Kisii beat two suspected thieves to death in the market.", "MOB_VIOL"),
    ("A crowd of villagers attacked and burned the homes of a family accused of witchcraft.", "MOB_VIOL"),
    ("Armed villagers attacked a Fulani settlement, killing nine herders.", "ATTACK"),
    ("Youths protesting fuel prices attacked a police station in Kano.", "VIOL_DEMONSTR"),
    # what killed was no one: a vehicle or a structure that failed, or nature
    ("Two passenger trains collided near Balasore, killing 288 people.", "MAN_MADE_DISASTER"),
    ("The ground shook for nearly a minute in the Herat region, killing more than 1,000 villagers.",
     "NATURAL_DISASTER"),
    ("A car exploded outside the police headquarters, killing five officers.", "REM_EXPLOS"),
])
def test_who_or_what_did_it(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    # the launch in a clause that says which weapons: the interception is the news
    ("Air defence units shot down all four rockets fired from across the border toward Metula on Monday.",
     "DISR_WEAP"),
    ("Air defences shot down 31 of the 40 attack drones Russia launched overnight, the air force said.",
     "DISR_WEAP"),
    ("A cruise missile launched from a warship was intercepted over the bay on Sunday, the navy said.",
     "DISR_WEAP"),
    # the launch told in a clause of its own is the attack
    ("Russia fired more than 40 missiles at Ukraine overnight, and air defence shot down 31 of them.",
     "ART_MISS_ATTACK"),
])
def test_an_interception_is_the_news_unless_the_launch_is(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text", [
    "Police sappers defused an improvised explosive device hidden in a culvert under the Kisumu road.",
    "Engineers safely detonated four landmines found in a field outside the village, the army said.",
    "An explosive ordnance disposal team made safe a mortar round dug up at a building site in Leeds.",
])
def test_a_bomb_made_safe_is_disrupted_weapons_use(text):
    assert main_kind(text) == "DISR_WEAP"


@pytest.mark.parametrize("text, kind", [
    # a group saying it did the attack claims it
    ("The Tehrik group said its fighters carried out the bombing of the checkpoint near Wana.", "ATTRIB"),
    ("The movement disowned the ambush on the convoy, saying its units were not in the area.", "ATTRIB"),
])
def test_a_group_claiming_its_own_attack(text, kind):
    assert main_kind(text) == kind


def test_carried_out_alone_is_no_claim():
    assert main_kind("Troops carried out raids on rebel hideouts in the hills, killing 12 militants.") != "ATTRIB"


@pytest.mark.parametrize("text, kind", [
    # ground taken by fighting, told with verbs other than "captured"
    ("Government troops drove the insurgents out of Kalemie after two days of fighting.", "GOV_REGAINS_TERIT"),
    ("Rebel fighters took the town of Bunia after heavy fighting with the army.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Soldiers won back the airstrip at Ndele after a fierce battle with the rebels.", "GOV_REGAINS_TERIT"),
    # ground handed over
    ("The militia handed the military camp at Garabulli to army units after talks, without a shot fired.",
     "NON_VIOL_TERRIT_TRANSFER"),
    # nobody took it; nobody claimed it
    ("Two rival militias fought in the market of Ulvak for hours, but no side took control of the area.",
     "ARMED_CLASH"),
    ("Nobody has claimed responsibility for the bombing of the bus station in Quetta.", "REM_EXPLOS"),
])
def test_ground_taken_handed_over_or_not(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text", [
    "He took part in the talks in Doha.",
    "Police drove the suspects to the station in Kano.",
    "The minister handed a letter to the ambassador.",
])
def test_take_drive_and_hand_are_no_capture_alone(text):
    assert main_kind(text) not in ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER")


@pytest.mark.parametrize("text, kind", [
    # the strike an alert warned of is the news; an alert alone is news of its own
    ("Air-raid sirens sounded across the south of the country on Sunday. A rocket struck a house in "
     "Ofakim, injuring two people, medics said.", "ART_MISS_ATTACK"),
    ("Air-raid sirens sounded across Odesa region for three hours overnight, officials said.", "OTHER"),
])
def test_an_alert_ranks_below_the_strike(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    # arrests of people trying to protest: the protest was stopped
    ("Police arrested 30 students as they tried to march to the education ministry in Nairobi.",
     "PROTEST_WITH_INTER"),
    # police pushing a march back, or baton-charging a sit-in without serious injury, intervene
    ("Riot police blocked the march near the presidential palace and pushed the marchers back into side streets.",
     "PROTEST_WITH_INTER"),
    ("Police baton-charged nurses holding a sit-in outside the health ministry and bundled a dozen into vans.",
     "PROTEST_WITH_INTER"),
    # protesters blocking a road is their protest
    ("Farmers blocked the main road into Kielce with tractors for several hours, without incident.",
     "PEACE_PROTEST"),
    # a deal reached after talks is the deal
    ("The two governments agreed to an immediate ceasefire after talks mediated by Qatar in Doha.", "AGREEMENT"),
])
def test_protests_stopped_and_deals_after_talks(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    # an arrest told as one is an arrest, whatever the rest of the sentence is about
    ("Former prime minister Ilir Dervishi was taken into custody after a court sentenced him to nine years "
     "in prison for bribery.", "ARREST"),
    ("Former president Rodrigo Alcala was apprehended at the airport on an international warrant and flown "
     "to The Hague.", "ARREST"),
    ("Police took former governor Samuel Oduya into custody at his home early on Saturday.", "ARREST"),
    # unless people were detained where they had gathered
    ("Police detained dozens of students who had gathered peacefully outside the governor's office.",
     "PROTEST_WITH_INTER"),
])
def test_an_arrest_named_is_an_arrest(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text", [
    "Amal named Omar Dalil as its new secretary-general, a month after Ali Hamdan was killed in Sidon.",
    "The KLF said it was dissolving and ending its armed struggle against the state, after a congress held in the "
    "mountains, a news agency reported.",
])
def test_a_group_changed(text):
    assert main_kind(text) == "CHANGE_TO_GROUP_ACT"


@pytest.mark.parametrize("text, kind", [
    # drugs by name are organised crime
    ("Border guards found nearly two million captagon pills hidden in a truck crossing from Syria at Jaber.",
     "ORG_CRIME"),
    # sanctions imposed are diplomacy, not a change to a group
    ("The European Union imposed sanctions on two Rwandan commanders over the fighting in eastern Congo.", "DIPLO"),
])
def test_drugs_and_sanctions_by_name(text, kind):
    assert main_kind(text) == kind


def test_an_interception_keeps_both_counts():
    [event] = asserted("Air defences shot down 31 of the 40 attack drones Russia launched overnight.")
    [drones] = event.weapons
    assert (event.kind, drones.launched.value, drones.destroyed.value) == ("DISR_WEAP", 40, 31)


@pytest.mark.parametrize("text", [
    "Two men on a motorcycle tossed a fragmentation device into a pharmacy in Tulua, injuring the owner.",
    "An attacker threw an RGD-5 into a crowded market hall in Gitega, wounding 14 people.",
])
def test_grenades_by_other_names(text):
    assert main_kind(text) == "GRENADE"


@pytest.mark.parametrize("text, family", [
    ("Teachers staged a sit-in outside the ministry.", "PROTEST"),
    ("Two gang members died in a shoot-out with police.", "ARMED_CLASH"),
    ("A remote-controlled bomb went off near the bus station.", "REM_EXPLOS"),
    ("Insurgents withdrew after a five-hour gun-battle with troops.", "ARMED_CLASH"),
    ("A TOS-1 was filmed near Tokmak on Monday.", "CHANGE_TO_GROUP_ACT"),  # one token, with its hyphen
])
def test_hyphenated_trigger_words_are_read(text, family):
    from eventwire.extract.mentions import find_triggers
    from eventwire.extract.pipeline import get_nlp

    doc = get_nlp()(text)
    assert family in {t[2] for sent in doc.sents for t in find_triggers(sent)}


@pytest.mark.parametrize("text, not_kind", [
    ("Hundreds of soldiers were deployed to the border on 16 March.", "PEACE_PROTEST"),  # a date
    ("A soldier of the Storm Brigade was killed by a roadside bomb near the village.", "NATURAL_DISASTER"),
    ("Members of the People's Liberation Front were arrested in the capital.",  # a name
     "NON_STATE_ACTOR_OVERTAKES_TER"),
])
def test_words_of_dates_and_names_are_no_triggers(text, not_kind):
    assert not_kind not in {e.kind for e in extract(text, published="2025-05-10")}


# --- the classifier may choose a kind only with a word for it ---------------------------------
def test_a_kind_without_its_word_is_not_chosen():
    probs = {"GOV_REGAINS_TERIT": 0.7, "ARMED_CLASH": 0.2, "CHEM_WEAP": 0.1}
    text = "Separatist fighters ambushed an army convoy on the mountain road."
    kept = classifier.with_evidence(probs, text, "ARMED_CLASH")
    assert kept == {"GOV_REGAINS_TERIT": 0.0, "ARMED_CLASH": 1.0, "CHEM_WEAP": 0.0}  # renormalised
    # the rules' own kind always stays, and a kind with its word stays
    kept = classifier.with_evidence(probs, text, "GOV_REGAINS_TERIT")
    assert kept["GOV_REGAINS_TERIT"] == pytest.approx(0.7 / 0.9) and kept["CHEM_WEAP"] == 0.0
    kept = classifier.with_evidence(probs, "Troops recaptured the hill.", "ARMED_CLASH")
    assert kept["GOV_REGAINS_TERIT"] == pytest.approx(0.7 / 0.9)


@pytest.mark.parametrize("text, kind", [
    ("A huge wildfire spread through the dry hills for a third day.", "MAN_MADE_DISASTER"),
    ("A boiler exploded at a textile factory, injuring nine workers.", "DISR_WEAP"),
    ("Riot police fired tear gas at the crowd outside parliament.", "PEACE_PROTEST"),
])
def test_other_kinds_that_need_their_word(text, kind):
    probs = {kind: 0.8, "OTHER": 0.2}
    assert classifier.with_evidence(probs, text, "OTHER")[kind] == 0.0


def test_a_chemical_leak_is_no_chemical_weapon():
    probs = {"CHEM_WEAP": 0.6, "MAN_MADE_DISASTER": 0.4}
    kept = classifier.with_evidence(probs, "Chlorine leaked from a tank at a water treatment plant.",
                                    "MAN_MADE_DISASTER")
    assert kept["CHEM_WEAP"] == 0.0


@pytest.mark.parametrize("text, kind", [
    ("Separatist fighters ambushed and attacked an army convoy on the mountain road, killing six soldiers.",
     "ARMED_CLASH"),
    ("Dozens of workers were taken to hospital after chlorine leaked from a tank at a water treatment plant.",
     "MAN_MADE_DISASTER"),
    ("The Islamic State group took credit for the suicide bombing that killed 20 worshippers at a mosque.",
     "ATTRIB"),
])
def test_kinds_that_need_their_word(text, kind):
    assert main_kind(text) == kind


# --- the classifier reads topic, the rules read roles ---------------------------------------
@pytest.mark.parametrize("text, kind", [
    # the classifier, reading topic, took each of these for the other side's capture
    ("Government forces seized control of the coastal town of Marka from the separatist council, an official "
     "said on Monday.", "GOV_REGAINS_TERIT"),
    ("Rebels recaptured the hill town of Kalo on Friday, days after it was taken by army troops.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Army troops captured four villages in the northern province, edging closer to a rebel-held town.",
     "GOV_REGAINS_TERIT"),
    # passive: the agent took the ground
    ("Army troops were pushed back from the outskirts of Gao by the militants on Sunday.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
])
def test_which_side_took_ground_is_read_from_the_roles(text, kind):
    assert main_kind(text) == kind


def test_pooling_moves_a_group_of_kinds_onto_the_rules_choice():
    from eventwire.extract.assemble import PROTEST_KINDS, TERRITORY_KINDS, _pool
    probs = {"GOV_REGAINS_TERIT": 0.6, "NON_STATE_ACTOR_OVERTAKES_TER": 0.3, "ARMED_CLASH": 0.1}
    pooled = _pool(probs, TERRITORY_KINDS, "NON_STATE_ACTOR_OVERTAKES_TER")
    assert pooled == pytest.approx({"GOV_REGAINS_TERIT": 0.0, "NON_STATE_ACTOR_OVERTAKES_TER": 0.9,
                                    "ARMED_CLASH": 0.1})
    assert _pool(probs, PROTEST_KINDS, "PEACE_PROTEST")["PEACE_PROTEST"] == 0.0  # no protest read: nothing moves
    assert sum(_pool(probs, TERRITORY_KINDS, "GOV_REGAINS_TERIT").values()) == pytest.approx(1.0)


def test_a_feared_attack_is_not_an_event_and_absorbs_nothing():
    events = extract("Village militiamen mobilized in the valley on Monday to defend it against a possible attack "
                     "by insurgents.", published="2025-05-10")
    by_kind = {e.kind: e.modality for e in events}
    assert by_kind.get("CHANGE_TO_GROUP_ACT") == "asserted"
    assert by_kind.get("ARMED_CLASH", "hypothetical") == "hypothetical"


@pytest.mark.parametrize("text", [
    "The president signed a decree on Tuesday dissolving the national guard.",
    "The new security law was signed by the interior minister on Friday.",
])
def test_signing_a_decree_or_law_is_no_agreement(text):
    assert "AGREEMENT" not in {e.kind for e in asserted(text)}


# --- attribution: claims, accusations and denials of responsibility -------------------------
@pytest.mark.parametrize("text", [
    "Local militants are suspected to be behind the two blasts that hit a bus depot in Maiduguri, police said.",
    "The defence ministry denied its jets were responsible for the air strikes that destroyed a clinic in Idlib.",
])
def test_responsibility_is_attrib(text):
    assert main_kind(text) == "ATTRIB"


@pytest.mark.parametrize("text, kind", [
    ("The men behind the attack on the mall in Nairobi were arrested on Sunday.", "ARREST"),
    ("The ministry responsible for energy said the grid in Sumy was repaired after the storm.", None),
])
def test_behind_and_responsible_without_a_claim(text, kind):
    assert "ATTRIB" not in {e.kind for e in asserted(text)}
    if kind:
        assert main_kind(text) == kind


def test_a_suspected_attacker_is_an_attack_not_an_attribution():
    # "suspected" is no claim: without a word of responsibility, ATTRIB is not allowed
    kept = classifier.with_evidence({"ATTRIB": 0.7, "ATTACK": 0.2, "ARMED_CLASH": 0.1},
                                    "A suspected gunman carried out a shooting attack on a bus.", "ARMED_CLASH")
    assert kept["ATTRIB"] == 0.0


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a minibus at a checkpoint outside Kandahar, killing four passengers.",
    "Unknown assailants attacked the home of a judge in Bamako, injuring his two guards.",
])
def test_remote_violence_needs_a_means(text):
    assert main_kind(text) not in ("AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS")
    kept = classifier.with_evidence({"AIR_STRIKE": 0.5, "REM_EXPLOS": 0.3, "ATTACK": 0.2},
                                    "Unknown assailants attacked the home of a judge.", "ATTACK")
    assert kept == pytest.approx({"AIR_STRIKE": 0.0, "REM_EXPLOS": 0.0, "ATTACK": 1.0})


# --- foiled attacks -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A car bomb attack on the governor's convoy was foiled by soldiers in Mogadishu on Friday.",
    "Soldiers thwarted a rocket attack on the airport in Tripoli on Friday.",
])
def test_a_foiled_bomb_or_rocket_attack_is_disrupted_weapons_use(text):
    events = extract(text, published="2025-05-10")
    assert [(e.kind, e.modality) for e in events] == [("DISR_WEAP", "asserted")]


def test_a_foiled_attack_without_weapons_did_not_happen():
    events = extract("Villagers foiled an attack by cattle raiders on their community near Jos on Monday.",
                     published="2025-05-10")
    assert [e.modality for e in events if e.trigger == "attack"] == ["negated"], \
        [(e.kind, e.modality, e.trigger) for e in events]


@pytest.mark.parametrize("text", [
    "Police said the Islamic State group was behind the bombing of the market in Kirkuk.",
    # the killing, re-typed to the ambush's kind, is the ambush
    "Militants ambushed a police convoy near Bannu, killing three officers.",
    "Police fired tear gas at students who threw stones at them outside the university in Dhaka.",
])
def test_one_sentence_gives_one_event_of_a_kind(text):
    events = asserted(text)
    kinds = [e.kind for e in events]
    assert len(kinds) == len(set(kinds)), [(e.kind, e.trigger) for e in events]


# --- people taken, plots, and kinds that need people protesting or a group changing ---------
@pytest.mark.parametrize("text, kind", [
    ("The army captured a senior commander of the militia near Beni on Tuesday.", "ARREST"),
    ("Rebels captured five soldiers near the border town of Tine on Monday.", "ABDUCT_DISSAP"),
    ("Five soldiers were captured by rebels near the border town of Tine.", "ABDUCT_DISSAP"),
    ("Troops captured the town of Tine from the rebels on Monday.", "GOV_REGAINS_TERIT"),
    ("Security forces jailed 40 men they say were plotting to launch attacks on churches in Lahore.", "ARREST"),
])
def test_people_taken_and_plots(text, kind):
    assert main_kind(text) == kind


def test_a_plotted_attack_is_not_asserted():
    events = extract("Security forces jailed 40 men they say were plotting to launch attacks on churches in Lahore.",
                     published="2025-05-10")
    assert [e.modality for e in events if e.trigger == "launch"] in ([], ["future"])


@pytest.mark.parametrize("kind", ["PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR",
                                  "CHANGE_TO_GROUP_ACT"])
def test_protest_and_group_kinds_need_their_word(kind):
    kept = classifier.with_evidence({kind: 0.6, "ARREST": 0.4},
                                    "Members of the party were detained in 800 counterterrorism operations in June.",
                                    "ARREST")
    assert kept[kind] == 0.0 and kept["ARREST"] == pytest.approx(1.0)
    assert classifier.with_evidence({kind: 0.6, "ARREST": 0.4},
                                    "Students marched to the ministry as troops were deployed in June.", "ARREST")[kind] > 0


# --- armed or unarmed victims are read from who was attacked, not who attacked ---------------
@pytest.mark.parametrize("text, kind", [
    ("Gunmen attacked a village school in Zamfara, killing four pupils, police said.", "ATTACK"),
    ("Al-Shabaab gunmen attacked a college campus in Garissa, shooting students in their dormitories.", "ATTACK"),
    ("Militants attacked a police checkpoint in Bosaso on Friday, leaving seven dead.", "ARMED_CLASH"),
    ("Five soldiers were attacked by gunmen near Mopti.", "ARMED_CLASH"),
])
def test_armed_victims_not_armed_attackers(text, kind):
    assert main_kind(text) == kind


def test_victims_text_leaves_out_the_attackers_and_the_source():
    from eventwire.extract.clauses import victims_text
    from eventwire.extract.pipeline import get_nlp
    doc = get_nlp()("Gunmen attacked a village school in Zamfara, killing four pupils, police said.")
    sent = next(doc.sents)
    text = victims_text(sent, next(t for t in doc if t.text == "attacked"))
    assert "Gunmen" not in text and "police" not in text and "school" in text
    doc = get_nlp()("Five soldiers were attacked by gunmen near Mopti.")
    assert "soldiers" in victims_text(next(doc.sents), next(t for t in doc if t.text == "attacked"))


@pytest.mark.parametrize("text, kind", [
    # passive without an agent: the subject lost the ground
    ("The militants were pushed back from the hills around Palmyra on Sunday.", "GOV_REGAINS_TERIT"),
    ("Somalia severs ties with Kenya; expels diplomats", "DIPLO"),
])
def test_passive_losers_and_severed_ties(text, kind):
    assert main_kind(text) == kind


def test_an_occupied_place_is_a_state_not_a_capture():
    events = asserted("Iraqi troops advanced to within five miles of the Islamic State-occupied town of Rawa on Sunday.")
    assert "NON_STATE_ACTOR_OVERTAKES_TER" not in {e.kind for e in events}


# --- who used force at a protest ------------------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("Protesters in Tartu threw hundreds of paper rolls into the air to show their anger over the sentences.",
     "PEACE_PROTEST"),
    ("Students threw stones at police outside the parliament in Dhaka.", "VIOL_DEMONSTR"),
    ("A demonstrator throws a fence into a fire during a protest against police action in Girona.", "VIOL_DEMONSTR"),
    ("Police used excessive force to disperse opposition protesters in Nairobi on Monday.", "FORCE_AGAINST_PROTEST"),
    ("Security forces dragged sit-in protesters off the road in Beirut on Thursday.", "PROTEST_WITH_INTER"),
    # no protest word: the dispersal says there was a crowd
    ("Police halted the May Day event in Istanbul, dispersing the crowds.", "PROTEST_WITH_INTER"),
])
def test_who_used_force_at_a_protest(text, kind):
    assert main_kind(text) == kind


# --- what was set up, and diplomacy that needs its word -------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("A new wing of the militia network has been set up in the province of Kirkuk.", "CHANGE_TO_GROUP_ACT"),
    ("Turkish ground forces have set up two military bases east of Zakho.", "HQ_ESTABLISHED"),
    ("The army has established a total of 40 observation points along the border near Idlib.", "HQ_ESTABLISHED"),
])
def test_what_was_set_up(text, kind):
    assert main_kind(text) == kind


def test_setting_up_a_fund_is_no_event():
    assert not {"HQ_ESTABLISHED", "CHANGE_TO_GROUP_ACT"} & {e.kind for e in asserted(
        "The government set up a fund for the victims of the floods in Kirkuk.")}


def test_a_withdrawal_told_by_a_president_is_no_diplomacy():
    kept = classifier.with_evidence({"DIPLO": 0.9, "AGREEMENT": 0.05, "NON_VIOL_TERRIT_TRANSFER": 0.05},
                                    "The former president says his forces have withdrawn from the port city.",
                                    "NON_VIOL_TERRIT_TRANSFER")
    assert kept["DIPLO"] == 0.0 and kept["AGREEMENT"] == 0.0
    assert main_kind("The former president of Yemen says his forces have withdrawn from the port city of Aden.") \
        == "NON_VIOL_TERRIT_TRANSFER"


@pytest.mark.parametrize("text, kind", [
    ("Military officials rejected accusations of bombing a mosque in Aleppo.", "ATTRIB"),
    ("The army blamed the rebels for the attack on the convoy near Goma.", "ATTRIB"),
    ("Police said the rebels were accused of shelling the school in the town, which killed four pupils.", "ATTRIB"),
])
def test_accusations_of_an_attack(text, kind):
    assert main_kind(text) == kind


def test_an_accusation_of_something_else_is_no_trigger():
    events = asserted("A bomb exploded outside the home of a trader accused of collecting money for the militants "
                      "in Imphal.")
    assert [(e.kind, e.trigger) for e in events] == [("REM_EXPLOS", "bomb")]


def test_whether_is_no_assertion():
    events = extract("Villagers killed four men they said were cattle thieves near Jos. It is not clear whether the "
                     "dead men were part of the armed gangs that roam the area.", published="2025-05-10")
    assert [e.modality for e in events if e.trigger == "gangs"] in ([], ["hypothetical"]), \
        [(e.kind, e.modality, e.trigger) for e in events]


# --- ACLED's "other": people returning home, graves and tunnels found -----------------------
@pytest.mark.parametrize("text", [
    "Displaced families return to Marawi after the army retook the city from the militants.",
    "Soldiers discovered a network of tunnels used by the rebels to move fuel and weapons near Homs.",
    "Investigators found a mass grave near the village of Bucha on Sunday.",
])
def test_other_developments(text):
    assert main_kind(text) == "OTHER"


def test_returning_fire_is_no_return_home():
    assert "OTHER" not in {e.kind for e in asserted("Troops returned fire and killed two militants near Kunar.")}


# --- the news inside a frame: reactions, abductions, plans, named kinds ---------------------
@pytest.mark.parametrize("text, kind", [
    # a reaction is the frame; the killing it reacts to is the news (by a mob: who did it decides)
    ("The governor on Monday vowed a full inquiry after five men were lynched by vigilantes in a market.",
     "MOB_VIOL"),
    # an attack that was an abduction, nobody killed
    ("Gunmen attacked the staff quarters of the polytechnic in Jos, abducting the wife of a lecturer.",
     "ABDUCT_DISSAP"),
    ("A military spokesman said rebel militants had gained ground in the north of the district.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
])
def test_the_news_inside_a_frame(text, kind):
    assert main_kind(text) == kind


def test_an_order_to_attack_is_no_attack():
    events = extract("The army units were waiting for a final order to kick off the assault on the rebels in Idlib.",
                     published="2025-05-10")
    assert [e.modality for e in events if e.trigger == "assault"] == ["future"]


def test_a_kind_named_outright_is_not_re_typed(monkeypatch):
    # the classifier, sure of another kind, re-types what the rules read; not a kind the
    # trigger names outright
    sure = {k: 0.0 for k in classifier.load().kinds}
    monkeypatch.setattr(classifier, "probabilities", lambda text: {**sure, "ORG_CRIME": 0.95, "SEX_VIOL": 0.05})
    text = "Two girls were raped by a forest guard near Gadchiroli, police said."
    assert {e.kind for e in asserted(text)} == {"SEX_VIOL"}
    monkeypatch.setattr(classifier, "probabilities", lambda text: {**sure, "ORG_CRIME": 0.95, "ATTACK": 0.05})
    assert "ORG_CRIME" in {e.kind for e in asserted("A forest guard killed two girls near Gadchiroli, police said.")}


@pytest.mark.parametrize("text", [
    "Government forces took control of several towns in the prefecture without any armed confrontation, the UN said.",
    "Army units continued to regain territory held by the rebels, taking control of four towns without a fight.",
])
def test_ground_taken_without_a_fight_is_a_non_violent_transfer(text):
    assert main_kind(text) == "NON_VIOL_TERRIT_TRANSFER"


def test_detain_after_to_is_a_verb_even_when_tagged_a_noun():
    # the small model tags "detain" a noun here; read as the verb it is, it is an arrest trigger
    events = extract("Joint teams of army, paramilitary forces and police are conducting raids to detain leaders "
                     "and activists of the banned party.", published="2025-05-10")
    assert "detain" in {e.trigger for e in events}, [(e.kind, e.trigger) for e in events]


# --- from the written examples' out-of-fold errors: rules that read too little --------------
@pytest.mark.parametrize("text, kind", [
    # a protest stopped by police happened: stopping it is the intervention, not a foiled attack
    ("Police stopped a march of farmers at the state border and took several leaders into custody.",
     "PROTEST_WITH_INTER"),
    ("A peaceful protest by journalists was broken up by police, who confiscated their cameras.", "PROTEST_WITH_INTER"),
    ("Iranian security forces fired birdshot at women protesting peacefully in Sanandaj, blinding one of them.",
     "FORCE_AGAINST_PROTEST"),
    ("Residents blocked the main road for hours with tree trunks to protest the death of a pedestrian.",
     "PEACE_PROTEST"),
    # the side that lost the ground is named after the capture
    ("An ethnic armed organisation seized a strategic hilltop base from the army near the border.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Pro-Turkish armed factions captured the town of Tal Abyad from Kurdish fighters.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
])
def test_rules_that_read_enough(text, kind):
    assert main_kind(text) == kind


# --- a kind told without its usual word ----------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("Two attackers blew themselves up at the gate of a police academy in Peshawar, killing nine recruits.",
     "SUIC_BOMB"),
    ("A lone attacker detonated himself inside a mosque in Kandahar during Friday prayers.", "SUIC_BOMB"),
    # a "bomber" who drives a car is a person, not an aircraft
    ("An army convoy was targeted by a suicide car bomber near Mogadishu, killing three soldiers.", "SUIC_BOMB"),
    # an explosive thrown by hand is a grenade, whatever it is called
    ("Two men on a motorcycle hurled an explosive device into a liquor shop in Imphal, injuring four.", "GRENADE"),
    ("A crude bomb was lobbed over the wall of the councillor's house in Howrah, wounding his son.", "GRENADE"),
    ("Five schoolgirls were abused sexually by militiamen in a village near Bunia.", "SEX_VIOL"),
    ("Three aid workers were taken away by gunmen from their compound in Maiduguri.", "ABDUCT_DISSAP"),
    ("Police held four men suspected of spying for a foreign power near the border.", "ARREST"),
    ("Nurses across Malawi downed tools over unpaid allowances, leaving wards empty.", "PEACE_PROTEST"),
])
def test_a_kind_told_without_its_usual_word(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, not_kind", [
    ("Rioters threw petrol bombs at the police station in Belfast after the march was banned.", "GRENADE"),
    ("A bomb exploded as worshippers were leaving the church in Kaduna, killing two.",  # people leaving
     "NON_VIOL_TERRIT_TRANSFER"),
    ("The two delegations held talks in Doha on Monday.", "ARREST"),  # held talks, not people
])
def test_look_alikes_of_those_words(text, not_kind):
    assert not_kind not in {e.kind for e in asserted(text)}


@pytest.mark.parametrize("text, kind", [
    # a bomb whose bearer died by it, or a bomb vehicle rammed into its target
    ("A woman detonated explosives strapped to her body at a market in Maroua, killing herself and four traders.",
     "SUIC_BOMB"),
    ("A militant rammed a truck packed with explosives into the gate of the army base in Bannu.", "SUIC_BOMB"),
    # who took ground: the agent of a passive, or the side named last before the capture word
    ("The town of Tessit was captured by the Rapid Support Forces after heavy fighting.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("After two days of clashes with the rebels, government troops seized the town of Tessit.", "GOV_REGAINS_TERIT"),
    ("Gangs took over the town of Mirebalais after a gunfight with police.", "NON_STATE_ACTOR_OVERTAKES_TER"),
])
def test_who_the_bomber_was_and_who_took_the_town(text, kind):
    assert main_kind(text) == kind


def test_a_bomb_maker_killed_by_his_bomb_is_no_suicide_bomber():
    kinds = {e.kind for e in asserted("The bomb went off in a workshop in Quetta, killing the bomb-maker "
                                      "himself and his son.")}
    assert "SUIC_BOMB" not in kinds


@pytest.mark.parametrize("text, kind", [
    # what a protest is about is not what happened at it
    ("Doctors held a sit-in outside the hospital in Lahore to protest the arrest of a colleague.", "PEACE_PROTEST"),
    ("Police fired tear gas at students protesting the detention of their leader in Dhaka.", "PROTEST_WITH_INTER"),
    # people seized by armed men are abducted; by the police, arrested
    ("Five foreign nationals were seized by armed men at a gold mine in Kayes region.", "ABDUCT_DISSAP"),
    ("Police captured a senior commander of the militia near the border.", "ARREST"),
    # denials and claims of an attack are attributions
    ("The militia denied firing the rockets that hit the airport on Sunday.", "ATTRIB"),
    ("The rebel group claimed the bombing of the pipeline near Kirkuk.", "ATTRIB"),
    # a deal reached at talks is the news of the talks
    ("The two governments agreed to a ceasefire at talks in Jeddah on Sunday.", "AGREEMENT"),
    ("The rebel movement named Abu Bakr Yusuf as its new commander after a week of consultations.",
     "CHANGE_TO_GROUP_ACT"),
])
def test_what_the_clause_says_happened(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, not_kind", [
    ("Russia claimed to have downed 116 drones overnight.", "ATTRIB"),  # a claim of a success, not of an attack
    ("A man named Ali Hassan was shot dead in the market.", "CHANGE_TO_GROUP_ACT"),
    ("Workers replaced the roof of the school damaged by shelling.", "CHANGE_TO_GROUP_ACT"),
])
def test_claims_and_names_that_are_not_those_kinds(text, not_kind):
    assert not_kind not in {e.kind for e in asserted(text)}


@pytest.mark.parametrize("text, kind", [
    # a grave found is ACLED's "other", the bodies in it are what was found
    ("A mass grave containing 21 bodies was discovered near the village of Kura by herders.", "OTHER"),
    # a bomb defused is disrupted weapons use, however the bomb is named
    ("Police experts defused an explosive device planted under a bridge in Quetta on Monday.", "DISR_WEAP"),
    # force against a peaceful protest, whoever used it
    ("Snipers on rooftops fired on the peaceful crowd marching to the palace in Ulvak; nine people died.",
     "FORCE_AGAINST_PROTEST"),
])
def test_what_was_found_defused_or_done_to_protesters(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    # a protest that ended as it began: no arrests made, dispersed by itself, nobody intervened
    ("Some 2,000 nurses marched through Blantyre on Friday over unpaid allowances; police watched the "
     "march but made no arrests.", "PEACE_PROTEST"),
    ("Hundreds of farmers rallied outside the district office in Kurnool for four hours and dispersed "
     "peacefully after handing over a petition.", "PEACE_PROTEST"),
    ("Police made no arrests after hundreds rallied in Mombasa against fuel prices.", "PEACE_PROTEST"),
    ("Teachers held a sit-in at the education ministry in Niamey before dispersing in the afternoon.",
     "PEACE_PROTEST"),
    ("Relatives of detainees staged a vigil outside the central prison in Mosul on Sunday.", "PEACE_PROTEST"),
    ("Transport workers went on strike across Nigeria on Monday, bringing traffic in Lagos to a halt.",
     "PEACE_PROTEST"),
    # ... and one that police did stop
    ("Riot police blocked the retirees from reaching parliament in Bucharest, forming a wall of shields "
     "across the boulevard.", "PROTEST_WITH_INTER"),
    ("Police halted the march of opposition supporters at the edge of Harare's city centre.",
     "PROTEST_WITH_INTER"),
    # lethal force told in the present tense of translated news
    ("In Bafang, the gendarmes fire on the students who march peacefully, two persons lose their lives.",
     "FORCE_AGAINST_PROTEST"),
])
def test_protests_with_and_without_intervention(text, kind):
    assert main_kind(text) == kind


def test_a_protest_of_last_year_does_not_make_todays_forceful():
    text = ("Thousands of pensioners rallied peacefully in Bishkek on Saturday against a pension reform. "
            "The rally ended with speeches. Police had fired tear gas at a similar rally in 2023.")
    assert main_kind(text) == "PEACE_PROTEST"


@pytest.mark.parametrize("text, kind", [
    # exchanges of fire, however told, are armed clashes, with gangs too
    ("Police and members of the Los Lobos gang traded gunfire for hours in the port of Guayaquil.",
     "ARMED_CLASH"),
    ("Soldiers and separatist fighters exchange heavy gunfire near Bamenda for the second day.",
     "ARMED_CLASH"),
    ("Border guards exchanged gunfire with smugglers near the crossing at Chaman on Tuesday.", "ARMED_CLASH"),
    # an explosion told by the verb alone
    ("Insurgents blew up a bridge on the highway between Kandahar and Herat overnight, police said.",
     "REM_EXPLOS"),
    ("A device hidden in a parked car blew up outside a bank in Mardan, causing no casualties.", "REM_EXPLOS"),
    # a choking agent is a chemical weapon, however it was delivered
    ("Troops dropped grenades filled with chloropicrin, a choking agent, on trenches near Siversk.",
     "CHEM_WEAP"),
    # a crowd of civilians, however named, is a mob
    ("Inhabitants of a village near Kabale beat two suspected thieves and burned them to death.", "MOB_VIOL"),
    ("Hundreds of Hindus attacked a mosque and set fire to shops in the town of Kaliganj.", "MOB_VIOL"),
])
def test_kinds_told_in_other_words(text, kind):
    assert main_kind(text) == kind


def test_a_shelter_from_bombs_is_no_bomb():
    events = asserted("Militants fired dozens of rockets at Ashkelon, sending residents into bomb shelters.")
    assert {e.trigger for e in events} == {"fired"}
    assert [e.kind for e in events] == ["ART_MISS_ATTACK"]


@pytest.mark.parametrize("text, verb", [
    ("The militia built a new camp in the forest near Bunia, residents said.", "built"),
    ("Al-Shabaab constructed a training camp near Bulo Burde, elders said.", "constructed"),
])
def test_a_base_built_is_established_by_the_rules(text, verb):
    (event,) = asserted(text)
    assert (event.kind, event.trigger) == ("HQ_ESTABLISHED", verb)


@pytest.mark.parametrize("text", [
    "The ministry built a new school in the village of Kalo after the floods.",
    "Aid agencies built a camp for displaced families outside the town of Kalo.",
])
def test_a_school_or_a_camp_for_the_displaced_built_is_no_base(text):
    assert not any(e.trigger == "built" for e in extract(text, published="2025-05-10"))


@pytest.mark.parametrize("text, kind", [
    # a killing told in a relative clause is background: the new leader is the news
    ("On Monday the rebels appointed Samir Adel as their new chief, replacing Omar Tahir, who was killed in "
     "a drone strike last month.", "CHANGE_TO_GROUP_ACT"),
    # a reaction told after the news is no news of its own
    ("Troops shelled the hill villages of Arzu and Deren overnight, killing 30 soldiers, the defence ministry "
     "said. The United Nations called on both sides to show restraint.", "ART_MISS_ATTACK"),
    ("Artillery shelled the border villages of Kalu and Meren overnight, killing 12 soldiers, the defence "
     "ministry said. Neighbouring states called on both sides to show restraint.", "ART_MISS_ATTACK"),
    ("Gunmen killed eight worshippers at a church in Ondo state on Sunday. The president condemned the "
     "killings and urged calm.", "ATTACK"),
])
def test_background_and_reactions_rank_below_the_news(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text", [
    "Police made no arrests at the rally in Kisumu.",
    "Neither side gained ground in the fighting around the village of Tero.",
])
def test_no_and_neither_negate_their_noun(text):
    assert all(e.kind not in ("ARREST", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "OTHER")
               or e.modality == "negated" for e in extract(text, published="2025-05-10"))


def test_no_casualties_negates_no_blast():
    events = asserted("A bomb exploded in a rubbish bin outside the court in Lahore, causing no casualties.")
    assert [e.kind for e in events] == ["REM_EXPLOS"]


@pytest.mark.parametrize("text, kind", [
    # an accusation told with a gerund or a plural "bombs" is a claim about an attack
    ("The interior ministry accused the rebels on Friday of shelling the market in Kadugli.", "ATTRIB"),
    ("Bamako accuses the separatists of being behind the bombs that hit two buses near Gao.", "ATTRIB"),
    ("Russia accused Ukraine on Sunday of striking a power station in Kursk with drones.", "ATTRIB"),
    ("The army accused the militia of killing 40 herders in the village of Dogo.", "ATTRIB"),
    # gunfire is no blaze
    ("Gunmen burst into a wedding hall in Kirkuk and sprayed the guests with automatic fire, killing 14.",
     "ATTACK"),
    # aircraft that crash are accidents, not air strikes
    ("A passenger jet collided with a cargo plane on the runway in Lagos, killing 31 people.", "MAN_MADE_DISASTER"),
    # people coming home, however told
    ("Thousands of displaced families began returning to the town of Kalehe on Monday, officials said.", "OTHER"),
    ("Hundreds of residents went back to their villages in Sinjar district after the floods receded.", "OTHER"),
    # an alliance sealed changes what a group does
    ("Two armed movements in northern Mali sealed an alliance against the junta on Saturday, their leaders said.",
     "CHANGE_TO_GROUP_ACT"),
    # a deal sealed at talks is the deal
    ("Sudan and South Sudan sealed a border ceasefire after talks in Addis Ababa on Sunday.", "AGREEMENT"),
])
def test_claims_accidents_returns_and_ends_told_in_other_words(text, kind):
    assert main_kind(text) == kind


@pytest.mark.parametrize("text", [
    "Troops returned fire and killed two of the attackers near Dori.",
    "The rebels who had attacked the residents returned to their camp in the hills.",
    "The alliance of rebel groups attacked the town of Lashio on Monday.",
])
def test_no_return_or_alliance_where_there_is_none(text):
    assert "OTHER" != main_kind(text) and "CHANGE_TO_GROUP_ACT" != main_kind(text)


@pytest.mark.parametrize("text, kind", [
    # the capture told as background is the other side's; the news is who took it back
    ("Rebels of the Kuma front had captured the hilltop post near Dalo in March. Government troops won the "
     "post back after two days of fighting, the army said.", "GOV_REGAINS_TERIT"),
    ("Militants had seized the airstrip at Bora in an assault last week. Soldiers drove the militants off "
     "and retook the airstrip on Sunday after an exchange of fire, a spokesman said.", "GOV_REGAINS_TERIT"),
    # people doing something as they were acted on: the protest is the news
    ("The debate had been going on for weeks. Police sprayed water cannon to push back students rallying "
     "outside parliament in Dili. A few students were briefly detained.", "PROTEST_WITH_INTER"),
    # a participle keeps the tense of its clause: what police had done before is background
    ("Police had stopped a van carrying suspected gang members in Cap-Haitien. Residents dragged the men "
     "from the van and burned them to death on Friday.", "MOB_VIOL"),
])
def test_whose_ground_and_which_protest_is_the_news(text, kind):
    assert main_kind(text) == kind
