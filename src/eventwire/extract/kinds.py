"""The 30 kinds of the contract, what they map to in ACLED and PLOVER, and the words that
signal them.

A trigger is a lemma (or a two-word phrase such as "shoot down") that can start an event of
one kind *family*; the final kind is decided in `extract.events` from the clause: weapons named,
who the victims are (armed or not), who used force at a protest, which side took ground.
"""

from __future__ import annotations

from dataclasses import dataclass

# kind -> (ACLED event type, ACLED sub-event type) | None, PLOVER event type, default PLOVER mode
KINDS: dict[str, tuple[tuple[str, str] | None, str | None, str | None]] = {
    "ARMED_CLASH": (("Battles", "Armed clash"), "ASSAULT", "firearms"),
    "GOV_REGAINS_TERIT": (("Battles", "Government regains territory"), "ASSAULT", "territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": (("Battles", "Non-state actor overtakes territory"), "ASSAULT", "territory"),
    "CHEM_WEAP": (("Explosions/Remote violence", "Chemical weapon"), "ASSAULT", "chemical"),
    "AIR_STRIKE": (("Explosions/Remote violence", "Air/drone strike"), "ASSAULT", "aerial"),
    "SUIC_BOMB": (("Explosions/Remote violence", "Suicide bomb"), "ASSAULT", "suicide-bomb"),
    "ART_MISS_ATTACK": (("Explosions/Remote violence", "Shelling/artillery/missile attack"), "ASSAULT", "heavy-weapons"),
    "REM_EXPLOS": (("Explosions/Remote violence", "Remote explosive/landmine/IED"), "ASSAULT", "explosive"),
    "GRENADE": (("Explosions/Remote violence", "Grenade"), "ASSAULT", "explosive"),
    "SEX_VIOL": (("Violence against civilians", "Sexual violence"), "ASSAULT", "sexual"),
    "ATTACK": (("Violence against civilians", "Attack"), "ASSAULT", "beat"),
    "ABDUCT_DISSAP": (("Violence against civilians", "Abduction/forced disappearance"), "ASSAULT", "abduct"),
    "PEACE_PROTEST": (("Protests", "Peaceful protest"), "PROTEST", "demonstrate"),
    "PROTEST_WITH_INTER": (("Protests", "Protest with intervention"), "PROTEST", "demonstrate"),
    "FORCE_AGAINST_PROTEST": (("Protests", "Excessive force against protesters"), "COERCE", "crowd-control"),
    "VIOL_DEMONSTR": (("Riots", "Violent demonstration"), "PROTEST", "riot"),
    "MOB_VIOL": (("Riots", "Mob violence"), "ASSAULT", "mob"),
    "AGREEMENT": (("Strategic developments", "Agreement"), "AGREE", None),
    "ARREST": (("Strategic developments", "Arrests"), "COERCE", "arrest"),
    "CHANGE_TO_GROUP_ACT": (("Strategic developments", "Change to group/activity"), "MOBILIZE", None),
    "DISR_WEAP": (("Strategic developments", "Disrupted weapons use"), "ASSAULT", "air-defence"),
    "HQ_ESTABLISHED": (("Strategic developments", "Headquarters or base established"), "MOBILIZE", "base"),
    "PROPERTY_DISTRUCT": (("Strategic developments", "Looting/property destruction"), "COERCE", "seize"),
    "NON_VIOL_TERRIT_TRANSFER": (("Strategic developments", "Non-violent transfer of territory"), "RETREAT", "territory"),
    "OTHER": (("Strategic developments", "Other"), None, None),
    "DIPLO": (None, "CONSULT", None),
    "ATTRIB": (None, "ACCUSE", None),
    "ORG_CRIME": (None, "COERCE", None),
    "NATURAL_DISASTER": (None, None, None),
    "MAN_MADE_DISASTER": (None, None, None),
}

# PLOVER type of a subkind where it differs from the kind's default.
SUBKIND_PLOVER: dict[str, tuple[str, str | None]] = {
    "drone_strike": ("ASSAULT", "drone"),
    "missile_strike": ("ASSAULT", "missile"),
    "air_strike": ("ASSAULT", "aerial"),
    "shelling": ("ASSAULT", "heavy-weapons"),
    "interception": ("ASSAULT", "air-defence"),
    "talks": ("CONSULT", "talks"),
    "meeting": ("CONSULT", "visit"),
    "statement": ("CONSULT", "statement"),
    "sanction": ("SANCTION", None),
    "threat": ("THREATEN", None),
    "condemnation": ("ACCUSE", None),
    "aid": ("AID", None),
    "air_alert": (None, None),
    "agreement": ("AGREE", None),
    "ceasefire": ("AGREE", "ceasefire"),
}

# Families: triggers name a family; `extract.events` picks the kind inside it.
REMOTE = "remote"  # air/drone, missile/artillery, explosives: decided by the weapons
TRIGGERS: dict[str, tuple[str, str | None]] = {}


def _add(family: str, subkind: str | None, words: str) -> None:
    for w in words.split(","):
        w = w.strip()
        if w:
            TRIGGERS[w] = (family, subkind)


_add(REMOTE, None, "strike,attack,hit,target,pound,bombard,bombardment,assault,barrage,raid,blast,explosion,"
     "explode,salvo,onslaught,unleash,fire,launch,focus,batter,rain,slam")
_add("AIR_STRIKE", "air_strike", "airstrike,air strike,air raid,bomb,bombing,warplane,air attack,aerial attack")
_add("AIR_STRIKE", "drone_strike", "drone attack,drone strike")
_add("ART_MISS_ATTACK", "shelling", "shell,shelling,mortar")
_add("ART_MISS_ATTACK", "missile_strike", "missile attack,missile strike,rocket attack")
_add("DISR_WEAP", "interception", "shoot down,down,intercept,interception,neutralise,neutralize,repel,repulse,jam,defuse,"
     "bring down,take down,air defence,air defense")
_add("OTHER", "air_alert", "siren,air raid alert,air alert,air-raid alert,air raid warning,alert")
_add("ARMED_CLASH", None, "clash,fighting,fight,battle,firefight,gunfight,skirmish,exchange fire,engage,combat,"
     "ambush,offensive,counteroffensive,counter-offensive,advance,gun battle,shootout,shoot-out,exchange gunfire,"
     "exchange heavy fire,exchange heavy gunfire,exchange shot,exchange of fire,exchange of gunfire,trade fire,"
     "trade gunfire,trade shot")
_add("TERRITORY", None, "recapture,retake,retook,take back,regain,liberate,seize,capture,overrun,take control,take over,occupy,"
     "gain control,seize control,gain ground")
_add("CHEM_WEAP", None, "chemical attack,gas attack,chemical weapon,sarin,chlorine,nerve agent,toxic gas,poison gas,"
     "poisonous gas,mustard gas,mustard agent,chemical agent,chemical munition,chemical weapons,chemical shell,"
     "chemical substance,toxic chemical,toxic substance,white phosphorus,phosphorus,chlorine gas,gas shell,vx,"
     "chloropicrin,choking agent,blister agent,toxic agent,phosgene")
_add("SUIC_BOMB", None, "suicide bomber,suicide bombing,suicide attack,suicide blast,blow himself,blow herself,"
     "suicide car bomb,self-detonate,suicide vest,suicide bomb,suicide car bomber,suicide truck bomber,"
     "suicide attacker,suicide belt,blow themselves,blow themself,blow up himself,blow up herself,"
     "detonate himself,detonate herself,detonate themselves,explode himself,explode herself,explosive vest,"
     "explosive belt,explosive strap,human bomb,svbied")
_add("REM_EXPLOS", None, "ied,roadside bomb,landmine,land mine,car bomb,explosive device,improvised explosive,"
     "bomb blast,bomb explosion,booby trap,mine blast,detonate,remote-controlled bomb,blow up")
_add("GRENADE", None, "grenade,hand grenade,hand bomb,hand thrown,fragmentation device,fragmentation bomb,"
     "rgd-5,rgd-5s,m26,m67,f-1 grenade")  # "hand-thrown": clauses.THROWN_EXPLOSIVE
_add("SEX_VIOL", None, "rape,gang-rape,gangrape,sexual assault,sexually assault,sexual violence,molest,sexual abuse,"
     "sexually abuse,sexually,sexual act,sexual exploitation,sexual slavery,sex slave,sexual slave")
_add("ATTACK", None, "kill,murder,stab,behead,massacre,execute,shoot,gun down,torture,beat,lynch,hack,assassinate,"
     "shot dead,open fire,hack to death,beat to death,maim")
_add("ABDUCT_DISSAP", None, "abduct,abduction,kidnap,kidnapping,hostage,disappear,disappearance,forcibly disappear,"
     "missing,snatch,take away,carry away,carry off,whisk away,vanish,whereabouts,incommunicado,"
     "enforced disappearance")
_add("PROTEST", None, "protest,demonstration,demonstrate,demonstrator,protester,protestor,rally,march,sit-in,picket,"
     "strike action,go on strike,walkout,boycott,vigil,hunger strike,agitation,dharna,gherao,blockade,chant,"
     "down tool,human chain,block")
_add("RIOT", None, "petrol bomb,molotov,riot,rioter,rioting,unrest,vandalise,vandalize,torch,set fire,set ablaze,stone pelting,"
     "throw stone,pelt,arson")
_add("MOB_VIOL", None, "mob,lynch mob,vigilante,angry crowd,mob violence")
_add("AGREEMENT", "agreement", "agreement,agree,deal,accord,treaty,sign,truce,ceasefire,cease-fire,"
     "prisoner swap,prisoner exchange,peace deal,memorandum,pact,armistice")
_add("ARREST", None, "arrest,detain,apprehend,custody,nab,round up,detention,take into custody,held,jail,imprison")
_add("CHANGE_TO_GROUP_ACT", None, "curfew,disband,mobilise,mobilize,mobilisation,mobilization,relocate,suspend,"
     "impose,declare,martial law,state of emergency,ban,announce,appoint,dissolve,split,merge,recruit,deploy,"
     "reinforce,reinforcement,reinforcements,redeploy,withdraw troops,form,join force,conscription,"
     "name,choose,elect,replace,succeed,alliance")
_add("HQ_ESTABLISHED", None, "set up base,establish base,headquarters,set up camp,establish camp,outpost,"
     "military base,set up checkpoint,establish,set up,build,construct,inaugurate")
_add("PROPERTY_DISTRUCT", None, "loot,looting,ransack,plunder,demolish,raze,burn,destroy,pillage,vandalism,"
     "damage,deface")
_add("NON_VIOL_TERRIT_TRANSFER", None, "withdraw,withdrawal,hand over,handover,pull out,retreat,cede,evacuate,"
     "transfer control,leave,hand")
_add("DIPLO", "talks", "talk,talks,negotiation,negotiate,negotiator,mediation,mediate,peace process,dialogue")
_add("DIPLO", "meeting", "meet,meeting,summit,visit,discussion,hold discussion,host,receive,phone call,call,"
     "conversation,consultation,envoy,speak by phone,speak by telephone,phone,telephone")
_add("DIPLO", "statement", "acknowledge,dismiss,warn,condemn,urge,criticise,criticize,praise,welcome,reject,"
     "demand,appeal,insist,pledge,vow,downplay,denounce,hint,stress")
_add("DIPLO", "sanction", "sanction,embargo,expel,recall ambassador,sever tie,cut tie,break off tie,sever relation,"
     "cut relation,break off relation,suspend relation,suspend tie,sever ties,cut ties,sever relations,blacklist,"
     "asset freeze,travel ban")
_add("DIPLO", "aid", "aid,assistance,donate,military aid,humanitarian aid")
_add("ATTRIB", None, "claim responsibility,take responsibility,responsibility,blame,accuse,deny involvement,"
     "deny responsibility,claim the attack,claimed responsibility,take credit,credit,responsible,allegation,"
     "accusation,behind,deny,claim,carry out,disown,point the finger")
_add("ORG_CRIME", None, "captagon,fentanyl,tramadol,cannabis,marijuana,hashish,opium,meth,crystal meth,ketamine,"
     "drug,narcotic,cartel,smuggle,smuggling,trafficking,trafficker,gang,gangster,extortion,"
     "money laundering,cocaine,heroin,methamphetamine,contraband,organised crime,organized crime,bootlegger,"
     "poacher,poaching,robbery,rob,dacoity,dacoit,racket,mafia,fraud,scam,corruption,bribery,cybercrime,"
     "cyber crime,syndicate,racketeering,counterfeit,human trafficking,crime ring,smuggling ring")
_add("NATURAL_DISASTER", None, "earthquake,quake,flood,flooding,cyclone,hurricane,typhoon,tornado,landslide,"
     "mudslide,drought,tsunami,wildfire,bushfire,forest fire,epidemic,outbreak,cholera,storm,avalanche,eruption,"
     "volcano,heatwave,heat wave,downpour,rainfall,monsoon,pandemic,covid,coronavirus,ebola,locust")
# Military presence and movement ("Russian tanks in Mariupol", "TOS-1 in Tokmak"): weak, they win
# only where a text names nothing else.
_add("CHANGE_TO_GROUP_ACT", "military_movement", "tank,convoy,column,encampment,armoured vehicle,armored vehicle,"
     "military vehicle,military equipment,military presence,troop movement,spetsnaz,paratrooper,armour,armor,"
     "apc,ifv,mlrs,tos-1,tos-1a,buk,pantsir,troops,troop,forces,launcher,rocket launcher,howitzer,helicopter,"
     "jet,warship,unit,spot,seen,see,fighters,flying,fly,patrol,checkpoint,soldier,soldiers,mercenary,mercenaries,"
     "serviceman,servicemen,vehicle,vehicles,truck,trucks,equipment,movement,move,submarine,sub,ship,military")
_add("TERRITORY", None, "liberation,recapture,capture,seizure,free,drive out,drive back,push back,retreat from,"
     "drive,push,take,win,win back,wrest,reclaim,dislodge,flush out")
# finding or seizing arms is disrupted weapons use (ACLED): decided by the object in extract.mentions
_add("DISR_WEAP", "seizure", "discover,find,uncover,confiscate,recover,cache,stash,unearth,detect,deactivate,"
     "bomb disposal,bomb squad,make safe,render safe,controlled explosion,controlled detonation,safely detonate,"
     "explosive ordnance disposal,ordnance disposal")
_add("OTHER", "evacuation", "evacuation,evacuate")
# ACLED's "other" strategic developments: mass graves found, displaced people returning home
_add("OTHER", "discovery", "mass grave,mass graves,exhume,exhumation,burial site,human remains")
_add("OTHER", "return", "return,come back,go back,go home,head home")
_add("ATTACK", None, "casualty,casualties,civilian casualties,body,bodies,corpse,corpses,dead body,deceased,"
     "grave,graves")
_add("PROPERTY_DISTRUCT", None, "destruction,destroyed,damaged,crater,ruin,ruins,ruined,rubble")
_add(REMOTE, None, "arrival,arrivals")
_add("REM_EXPLOS", None, "explosive,unexploded,ordnance,munition")
_add("PROTEST", None, "tear gas,teargas,civil disobedience,disperse the crowd,disperse crowd,disperse the protester,"
     "disperse protester,disperse the demonstrator,disperse demonstrator")
_add("MAN_MADE_DISASTER", None, "smoke,accident,crash,collapse,derail,derailment,fire break out,blaze,leak,spill,"
     "stampede,capsize,sink,gas explosion,building collapse,mine collapse,poisoning,boat capsize,electrocute")


@dataclass(frozen=True)
class KindInfo:
    acled: dict[str, str] | None
    plover: dict[str, str | None] | None


def kind_info(kind: str, subkind: str | None) -> KindInfo:
    """ACLED and PLOVER mapping of a kind (and subkind)."""
    acled_pair, plover_type, mode = KINDS[kind]
    acled = {"event_type": acled_pair[0], "sub_event_type": acled_pair[1]} if acled_pair else None
    if subkind in SUBKIND_PLOVER:
        ptype, pmode = SUBKIND_PLOVER[subkind]
        plover_type = ptype or plover_type
        mode = pmode or mode
    plover = {"event_type": plover_type, "mode": mode} if plover_type else None
    return KindInfo(acled, plover)
