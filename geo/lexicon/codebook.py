"""Who did it decides the type: ACLED's codebook rules on actors, as a table.

The trigger table (:mod:`geo.lexicon.event_rules`) reads *what* was done
("clashed", "protested", "exploded"). ACLED's codebook then types an event
by *who* did it, in words of our own:

* **Battles** are fights between two organised armed groups (state forces,
  rebels, militias). When one side is a crowd of unarmed people (party
  supporters, students, villagers, workers) the fight is a **riot**: a
  *violent demonstration* when demonstrators or state forces meet, *mob
  violence* when crowds or groups fight each other.
* A demonstration is a **protest** only while its participants are not
  violent: demonstrators who vandalise, burn, throw stones or clash make it a
  *violent demonstration* (Riots). Forces that disperse, baton-charge, tear-gas
  or arrest peaceful demonstrators make it a *protest with intervention*.
* Crowds that attack people or property outside a demonstration, including
  lynching a suspected thief (mob justice), commit *mob violence* (Riots), not
  violence against civilians.
* Crude weapons used by crowds or unnamed groups (sticks, stones, crude or
  cocktail bombs) do not make an explosion event of organised armed groups:
  it is mob violence, or a violent demonstration within one.
* One-sided violence by a person or an armed group on unarmed people
  (assaults, beatings, stabbings) is *violence against civilians* / attack.

Each :class:`ActorRule` row applies to a sentence the trigger table typed as
one of ``when`` (``None``: no trigger matched), needs every pattern of
``needs`` and none of ``unless`` (names in :data:`PATTERNS`), and gives
``gives``. Rows are tried in order; the first that applies wins.

Example
-------
>>> retype(("Battles", "Armed clash"), "Supporters of two AL leaders clashed in the town.")
('Riots', 'Mob violence')
>>> retype(("Battles", "Armed clash"), "Troops clashed with rebels near the town.")
('Battles', 'Armed clash')
>>> retype(None, "Locals beat a suspected thief to death.")
('Riots', 'Mob violence')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from geo.lexicon.prefilter import GatedPattern
from geo.lexicon.taxonomy import is_sub_event_type

#: A crowd as the sentence's subject ("Residents of Ogwedhi kill two …"): the
#: pattern ``crowd_subject``, and the start of ``crowd_victim``.
_CROWD_SUBJECT = (
    r"^\W*(?:(?:a|an|the|some|angry|irate|local|several|hundreds|dozens|"
    r"of|group|groups|\d+)\s+){0,3}(?:residents|villagers|locals|youths?|voters|mobs?|crowds?|"
    r"rioters|demonstrators|protesters)\b"
)

#: What people told in the passive suffered ("were killed", "was beaten").
_HURT = (
    r"(?:killed|shot|attacked|injured|wounded|hacked|beaten|stabbed|murdered|abducted|"
    r"assaulted|lynched|burned|burnt)"
)

#: Named patterns the rows test (all case-blind, searched in the whole sentence).
PATTERNS = MappingProxyType(
    {
        # Organised armed groups that are not the state: Battles need two armed sides.
        "nonstate_armed": r"\b(?:rebels?|militants?|insurgents?|militias?|militiamen|gunmen|"
        r"armed\s+(?:men|group|groups|assailants|gang|gangs|wing|youths?)|"
        r"armed\s+with\s+(?:guns|rifles|AK-?47s?|firearms|pistols|weapons)|terrorists?|fighters|"
        r"jihadists?|guerrillas?|bandits?|raiders?|rustlers?|warriors|Maoists?|extremists|separatists|"
        # criminal gangs that fight the police are armed groups too (the codebook's
        # unidentified armed groups)
        r"gangsters?|gang\s+members?|(?:criminal\s+)?gangs?(?!\s+activit)|kidnappers|armed\s+robbers|"
        r"al-Shabaab|Shabaab|Boko\s+Haram|Taliban|ISIS|ISIL|Daesh|Islamic\s+State|"
        r"Hezbollah|Naxal\w*|snipers?|"
        # people who take up arms become an armed side
        r"t(?:ake|ook|aking|akes)\s+up\s+arms|(?-i:IS|PKK|NPA|ULFA|NSCN|LTTE|ADF|FDLR|RSF|SPLA))\b",
        # State forces, police included.
        "state_forces": r"\b(?:police|policemen|RAB|BGB|law\s+enforcers?|security\s+forces|"
        r"army|military|soldiers|troops|border\s+guards?|paramilitar\w+|gendarme\w*|"
        r"riot\s+police|rangers|constables?|forces|brigades?|battalions?|officers?|"
        r"(?-i:PMF|PMU|TMF|KDF|AMISOM|Peshmerga|SDF|YPG))\b",
        # State forces as the ones who did it: the agent of a passive ("beaten by
        # plainclothes policemen") or the subject of the sentence ("Army personnel
        # thrashed inmates").
        "forces_agent": r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:police(?:men)?|soldiers|troops|"
        r"army|security\s+forces|paramilitar\w+|military|personnel)\b|"
        # (after an opening phrase of place or time: "In occupied Kashmir, Indian troops")
        r"^\W*(?:[^,]{1,40},\s*)?(?:(?:the|some|a|several|[\w-]+)\s+){0,3}(?:police(?:men)?|"
        r"soldiers|troops|army|security\s+forces|military|paramilitar\w+|officers|personnel)\b",
        # Members of a group named by its proper name told as the ones killed or shot
        # ("Mungiki members were shot dead", "police killed three SLDF militants"): an
        # organised group, an armed side when state forces kill them.
        "named_group_members": r"\b(?-i:[A-Z][\w-]+)\s+(?:members?|suspects?|militants?|fighters|"
        r"gang(?:sters)?|adherents|insurgents|rebels)\s+(?:[\w-]+\s+){0,6}?(?:(?:was|were|is|are|"
        r"have\s+been|had\s+been)\s+)?(?:also\s+|reportedly\s+)?(?:killed|shot|gunned)\b|"
        r"\b(?:kill(?:ed|s|ing)?|shot(?:\s+dead)?|gunned\s+down)\s+(?:\w+\s+)?(?:suspected\s+)?"
        r"(?-i:[A-Z][\w-]+)\s+(?:members?|suspects?|militants?|fighters|gang(?:sters)?|"
        r"insurgents|rebels)\b",
        # Civilians named as the ones attacked ("militia attack civilians", "gunmen
        # attack and kill 2 Kenyan civilians"): one-sided, whatever else is told.
        "attack_civilians": r"\battack(?:s|ed|ing)?\s+(?:and\s+kill(?:ed|s)?\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:civilians|villagers|passengers|residents|farmers|traders|fishermen|worshippers|"
        r"women|children|families|pupils|students)\b",
        # A raid on a village or on herds: armed men on people who cannot fight back.
        "raid_on_civilians": r"\b(?:cattle|livestock|stock|goat)\s+raid\w*|\braid(?:s|ed)?\s+"
        r"(?:on\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:villages?|manyattas?|homes?|"
        r"homesteads?|farms?|houses?)\b|\b(?:cattle\s+)?raiders\b",
        # Unarmed crowds and groups of people: sides of riots, not of battles.
        "crowd": r"\b(?:protesters|demonstrators|rioters|students|supporters|activists|"
        r"members|followers|cadres?|locals|local\s+people|villagers|residents|mob|crowds?|"
        r"inhabitants|neighbou?rs|colleagues|operators|"
        r"workers|labou?rers|youths?|factions?|(?:two|rival|local|opposing)\s+(?:[\w-]+\s+)?groups|"
        r"groups?\s+of|accomplices|relatives|hawkers|"
        r"people|goons|hooligans|thugs|men\s+of|leaders|"
        r"traders|vendors|drivers|farmers|vigilantes?|squatters)\b",
        # Groups organised by ethnicity, tribe or clan: the codebook's identity
        # militias, armed sides of battles (not crowds) when they fight.
        "identity": r"\b(?:ethnic|tribal|clan|inter-?clan|inter-?ethnic|inter-?tribal|tribes(?:men)?|"
        r"clans(?:men)?|pastoralists?|herders?|herdsmen|communal\s+militias?|"
        r"(?:rival|two|neighbouring|neighboring)\s+communities|"
        # two communities named ("between the Borana and Gabra communities")
        r"(?-i:[A-Z][\w-]+)\s+and\s+(?:the\s+)?(?-i:[A-Z][\w-]+)\s+(?:communities|clans|tribes))\b",
        # Political supporters and students: crowds, whatever their ethnicity.
        "partisans": r"\b(?:supporters|students|activists|followers|cadres)\b",
        # Weapons of the hand (sticks, stones, rods): the fights of crowds, not militias.
        "hand_weapons": r"\b(?:sticks|bamboo|rods|brickbats|bricks|stones|sharp\s+weapons|"
        r"local\s+weapons|lathis|clubs)\b",
        # An attack on state forces or their posts: a battle, whoever attacked.
        "on_forces": r"\battack(?:s|ed|ing)?\s+(?:(?:a|an|the|two|three|\w+)\s+){0,2}(?:police|"
        r"policem[ae]n|officers?|soldiers?|troops|security\s+forces|(?:police|army|military)\s+"
        r"(?:camp|station|post|base|patrol|convoy|vehicle))\b",
        # Attacked, by its verb.
        "attacked": r"\b(?:attack(?:ed|s)\b(?!\s+on\b)|came\s+under\s+attack)",
        # State forces as the ones hurt: "a police reservist was killed", "shot two
        # soldiers". They are an armed side, so whoever hurt them fought them.
        "forces_hurt": r"\b(?:(?:police|army|security)\s+(?:officers?|reservists?)|officers?|soldiers?|"
        r"reservists?|policem[ae]n|police|troops|constables?)\s+(?:(?:was|were|has\s+been|have\s+been|"
        r"is|are)\s+(?:\w+\s+and\s+)?(?:shot|killed|injured|wounded|ambushed|attacked|gunned|"
        r"hacked)\b|"
        # without an auxiliary, passive only when an agent or a clause follows (not
        # "officers shot a fisherman", "police shot dead a driver")
        r"(?:\w+\s+and\s+)?(?:killed|injured|wounded|ambushed|attacked)"
        r"(?=\s+(?:by|in|at|on|during|while|when|after|as)\b|\s*[,.;(]|\s*$))|"
        r"\b(?:kill(?:ed|s|ing)?|shot|shoot(?:s|ing)?|ambush(?:ed|es)?|wound(?:ed|s|ing)?|"
        r"injur(?:ed|es|ing))\s+(?:(?:a|an|the|two|three|four|five|\d+|one|several)\s+)?"
        # with the force or the country named ("shoots Kenyan police officer", "kills
        # security officers", "shoot KDF soldier")
        r"(?:(?-i:[A-Z][\w-]+)\s+)?(?:(?:police|security|army|military)\s+)?"
        r"(?:officers?|soldiers?|reservists?|policem[ae]n|troops)\b",
        # Both sides fired: the attacked fought back.
        "two_sided": r"\b(?:fired\s+back|returned\s+fire|f(?:ight|ought)\s+back|gun\s*-?battles?|exchang\w+\s+"
        r"(?:of\s+)?(?:gun)?fire|ensuing\s+(?:gun)?fight|gunfights?|shoot-?outs?|fire-?fights?|"
        r"repuls\w+|repell\w+|police\s+(?:respond\w*|intervened),\s+killing)\b",
        # A crowd as the sentence's subject ("Residents of Ogwedhi kill two …").
        "crowd_subject": _CROWD_SUBJECT,
        # The crowd of the subject told as the ones hurt ("Residents of Kibera were
        # attacked by …"), not a passive elsewhere ("… kill a man in a raid in which a
        # local was killed").
        "crowd_victim": _CROWD_SUBJECT + r"(?:\s+(?!(?:and|who|which|that)\b)[\w,'’-]+){0,8}?"
        r"\s+(?:was|were|are|is|been|being|got)\s+(?:\w+\s+)?" + _HURT + r"\b",
        # People told as the ones hurt: "two villagers were killed".
        "passive_harm": r"\b(?:was|were|are|is|been|being)\s+(?:\w+\s+)?" + _HURT + r"\b",
        # A demonstration that turned violent, told anywhere in the sentence.
        "turned_violent": r"\b(?:(?:turn(?:ed|s|ing)?|became|become|becomes|got|grew)\s+"
        r"(?:violent|chaotic|ugly|rowdy|unruly)|(?:protest\w*|demonstrat\w*)\s+violently|"
        r"descend(?:ed|s)?\s+into\s+(?:violence|chaos)|degenerat\w+\s+into\s+(?:violence|chaos))\b",
        # A riot going on (not "riot police").
        "riot_word": r"\b(?:riots|rioters|rioting)\b",
        # A demonstration going on.
        "demonstration": r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|procession|"
        # a march in lower case ("March" is the month)
        r"(?-i:march(?:es|ed)?)|hartal|blockade|strike|sit-in|human\s+chain|gherao\w*|agitat\w*|picket\w*)\b",
        # Harm done at a demonstration going on ("shot dead during a protest", "fired
        # on protesters"), not a victim described by a cause ("a supporter of
        # anti-government demonstrators was shot dead").
        "at_demonstration": r"\b(?:during|at|in|amid|on)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:protests?|demonstrations?|rall(?:y|ies)|(?-i:march(?:es)?)|processions?|sit-ins?|"
        r"strikes?|hartals?)\b|\b(?:fire[sd]?|open(?:s|ed)?\s+fire|sho(?:t|ot|ots))\s+(?:\w+\s+)?"
        r"(?:on|at|into)\s+(?:the\s+)?(?:\W*[\w-]+\W*\s+){0,3}?(?:protesters|demonstrators|"
        r"crowds?|marchers)\b|"
        # the victims told as protesters ("one protester is killed by police", "two
        # mourners who were protesting")
        r"\b(?:\d+|a|an|one|two|three|four|five|several|many)\s+(?:[\w-]+\s+)?(?:protesters?|"
        r"demonstrators?)\s+(?:(?:was|were|is|are|have\s+been|had\s+been)\s+)?(?:\w+\s+)?"
        r"(?:killed|shot|injured|wounded)\b|\b(?:who|while)\s+(?:were\s+|was\s+)?"
        r"(?:protesting|demonstrating)\b",
        # A targeted killing: one-sided whatever crowd the victim belonged to.
        "assassination": r"\bassassinat\w*",
        # Violence by the crowd itself (not force used on it).
        "crowd_violence": r"\b(?:vandali[sz]\w*|ransack\w*|set\s+(?:fire|ablaze|afire|alight)|"
        r"torch\w*|burn(?:ed|t|ing)\b|clash\w*|threw\s+(?:bricks|stones|rocks|brickbats)|"
        r"pelt\w*|stone-?pelting|brickbats|hurl\w*|damag\w*|smash\w*|attacked|assault\w*|"
        r"beat(?:en|ing)?\b|hacked|lynch\w*|chased|lit\s+fires|lighting\s+fires|bonfires?|"
        r"fires\s+(?:were\s+)?lit|burning\s+tyres|burning\s+tires|barricad\w*|ston(?:ed|ing)|"
        r"(?<!anti-)(?<!anti\s)riot(?!\s+(?:police|gear|squad|control|unit))\w*|"
        # (a road blocked by people standing in it is no violence: the codebook counts
        # road-blocking only with barricades or burning tyres, read above)
        # the codebook's destructive acts: stones thrown in any tense, fights with the
        # police, a rampage, property destroyed or looted, tyres set alight
        r"thr(?:ew|ow|ows|owing|own)\s+(?:\w+\s+)?(?:stones|rocks|bricks|missiles|objects)|"
        r"stone-?throwing|running\s+battles?|fought\s+(?:with\s+)?(?:the\s+)?police|"
        r"rampage|destroy\w*|loot\w*|l(?:it|ight|ighting)\s+(?:\w+\s+)?(?:tyres|tires|fires?)|"
        r"violent(?:ly)?\s+(?:protest\w*|demonstrat\w*)|turn(?:ed|s)?\s+violent|"
        r"sets?\s+(?:\w+\s+){1,3}(?:on\s+fire|alight|ablaze|afire)|burns?\s+(?:the|their|a|down)\b|"
        r"demolish\w*|"
        # a crowd told as violent
        r"(?:rowdy|unruly|violent|riotous)\s+(?:crowds?|mobs?|residents|youths?|protesters|"
        r"demonstrators|supporters|students|voters)|"
        # forcing their way into a building
        r"storm(?:ed|ing)\s+(?:into\s+)?(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:hotel|offices?|"
        r"building|compound|station|premises|hall|school|court|parliament|assembly|"
        r"headquarters|residence|home|house|camp)|"
        r"injur(?:ed|ing)\s+(?:(?:several|some|many|two|three|four|five|\d+|a|the)\s+)?"
        r"(?:police|officers|policemen))\b",
        # Force used on demonstrators short of killing: an intervention.
        "intervention": r"\b(?:tear\s*-?\s*gas|teargas|batons?|lathi\w*|cane-?charg\w*|"
        r"baton-?charg\w*|dispers\w*|obstruct\w*|foil\w*|prevented|detain\w*|arrest\w*|"
        r"water\s+cannons?|rubber\s+bullets|blank\s+(?:shots|rounds)|fired\s+in\s+the\s+air|"
        r"picked\s+up|rounded\s+up)\b",
        # Crude weapons of crowds.
        "crude_bombs": r"\b(?:crude|cocktail|molotov|petrol|hand-?made|country-?made|"
        r"sound)\s+(?:bombs?|cocktails?)\b|\bcocktails?\b|\bpetrol\s+bombs?\b",
        # Unnamed attackers: an unidentified armed group when they hurt people (the
        # codebook's violence against civilians), a mob when they wreck property.
        "unnamed_group": r"\b(?:assailants|miscreants|attackers|unidentified\s+(?:men|persons|"
        r"people|youths))\b",
        # Fire thrown by hand: not an explosive weapon.
        "incendiary": r"\b(?:petrol\s+bombs?|molotov\w*|fire-?bombs?|cocktails?)\b",
        # A crowd acting as a mob (the codebook's rioters without a demonstration).
        "mob": r"\b(?:mobs?|angry\s+(?:crowds?|residents|villagers|locals|youths?))\b",
        # Justice taken by a crowd into its own hands.
        "mob_justice": r"\b(?:lynch\w*|mob\s+justice|on\s+suspicion\s+of|suspected\s+(?:of\s+)?"
        r"(?:[\w-]+\s+)?(?:thie(?:f|ves|ving)|robb\w*|mugg\w*|kidnapp\w*|criminals?|witch\w*|"
        r"steal\w*)|(?:theft|robbery|murder)\s+suspects?|(?:allegations?|accus\w+)\s+of\s+"
        r"(?:[\w-]+\s+){0,2}?(?:witchcraft|theft|stealing|robbery|murder|rape)|"
        r"beat(?:en)?\s+(?:\w+\s+){0,3}to\s+death)\b",
        # Harm to a person by hand.
        "assault": r"\b(?:assault\w*|beat(?:en|ing)?\b|hacked|stabbed|tortur\w*|rough\w*\s+up|"
        r"attacked\s+(?:and\s+)?(?:injured|wounded))",
        # Targets that cannot fight back: people, homes, vehicles, places of worship.
        "civilian_target": r"\b(?:civilians?|villagers?|villages?|passengers?|homes?|houses?|"
        r"vehicles?|bus(?:es)?|matatus?|worshippers?|churche?s?|mosques?|schools?|"
        r"students?|pupils?|farmers?|herders?|traders?|women|children|residents|families|"
        r"motorists|travell?ers|citizens|fishermen|herdsm[ae]n|pedestrians|"
        # a person, by what they are
        r"boys?|girls?|child|workers?|journalists?|teachers?|priests?|pastors?|imams?|"
        r"shopkeepers?|businessm[ae]n|drivers?|chairman|headman|informers?|wife|husband|"
        r"sons?|daughters?|elders?|candidates?|councillors?|MLA|MP|family|man|woman)\b",
        # Two sides fighting.
        "crowd_fight": r"\b(?:clash\w*|fighting|fought|exchanged\s+fire|gunfight|shootout)\b",
        # People hurt or killed.
        "harm": r"\b(?:kill\w*|injur\w*|wound\w*|hurt|dead|died|shot)\b",
        # Property attacked.
        "property": r"\b(?:vandali[sz]\w*|ransack\w*|set\s+(?:fire|ablaze|afire|alight)|torch\w*|"
        r"set\s+(?:[\w'’-]+\s+){1,3}?(?:afire|ablaze|alight|on\s+fire)|"
        r"looted|loot\w*|damag\w*|destroyed|smash\w*)\b",
    }
)

_PROTESTS = ("Protests",)
_ANY_PROTEST = _PROTESTS


@dataclass(frozen=True, slots=True)
class ActorRule:
    """One codebook rule: when the trigger gave one of ``when``, with every
    pattern of ``needs`` and none of ``unless``, the event is ``gives``."""

    when: tuple[str | None, ...]
    needs: tuple[str, ...]
    unless: tuple[str, ...]
    gives: tuple[str, str]


_RIOT_VD = ("Riots", "Violent demonstration")
_RIOT_MOB = ("Riots", "Mob violence")
_ARMED_BLOCK = ("nonstate_armed",)

#: The rules, in order (see the module docstring for the codebook's reasons).
ACTOR_RULES: tuple[ActorRule, ...] = (
    # Mob justice: a crowd that beats or lynches a suspect (not state forces that
    # kill "suspected criminals").
    ActorRule(
        ("Violence against civilians", "Battles", None, "Riots"),
        ("mob_justice", "crowd"),
        ("nonstate_armed", "forces_agent"),
        _RIOT_MOB,
    ),
    # State forces beating, thrashing or torturing people, outside a demonstration:
    # one-sided violence against civilians, not a crowd's riot.
    ActorRule(
        ("Violence against civilians", None, "Riots"),
        ("forces_agent", "assault"),
        ("nonstate_armed", "demonstration", "mob"),
        ("Violence against civilians", "Attack"),
    ),
    # A mob that attacks or kills people is mob violence, not an armed group's attack.
    ActorRule(("Violence against civilians", "Battles"), ("mob",), (), _RIOT_MOB),
    # Force used on rioters, or people killed in a riot, is part of the riot.
    ActorRule(
        ("Violence against civilians", "Battles"),
        ("riot_word",),
        ("nonstate_armed",),
        _RIOT_VD,
    ),
    # State forces killing or hurting people at a demonstration: excessive force
    # against protesters, or part of the riot when the crowd was violent.
    ActorRule(
        ("Violence against civilians",),
        ("at_demonstration", "state_forces", "harm", "crowd_violence"),
        ("nonstate_armed", "assassination"),
        _RIOT_VD,
    ),
    ActorRule(
        ("Violence against civilians",),
        ("at_demonstration", "state_forces", "harm"),
        ("nonstate_armed", "assassination"),
        ("Protests", "Excessive force against protesters"),
    ),
    # A crowd that kills or hurts people is a mob (rioters), not an armed group:
    # mob violence, or a violent demonstration when it is demonstrating.
    ActorRule(
        ("Violence against civilians",),
        ("crowd_subject", "harm", "demonstration"),
        ("crowd_victim", "nonstate_armed", "state_forces"),
        _RIOT_VD,
    ),
    ActorRule(
        ("Violence against civilians",),
        ("crowd_subject", "harm"),
        ("crowd_victim", "state_forces"),
        _RIOT_MOB,
    ),
    # ... and so is a crowd that beats people up or wrecks their property, whoever
    # the victims are (residents who beat up two policemen; supporters who vandalised
    # a rival's office and fired shots at his house).
    ActorRule(
        ("Violence against civilians",),
        ("crowd_subject", "assault"),
        ("crowd_victim", "nonstate_armed"),
        _RIOT_MOB,
    ),
    ActorRule(
        ("Violence against civilians",),
        ("crowd", "property"),
        ("passive_harm", "nonstate_armed", "state_forces"),
        _RIOT_MOB,
    ),
    # ... and a mob's riot outside any demonstration is mob violence too.
    ActorRule(("Riots",), ("mob",), ("demonstration",), _RIOT_MOB),
    # Demonstrators who turn violent: a violent demonstration.
    ActorRule(_ANY_PROTEST, ("crowd_violence",), _ARMED_BLOCK, _RIOT_VD),
    ActorRule(_ANY_PROTEST, ("turned_violent",), _ARMED_BLOCK, _RIOT_VD),
    # Force used on peaceful demonstrators: a protest with intervention.
    ActorRule(
        _ANY_PROTEST,
        ("intervention", "state_forces"),
        (),
        ("Protests", "Protest with intervention"),
    ),
    # State forces attacking villagers or civilians: one-sided violence.
    ActorRule(
        ("Battles",),
        ("forces_agent", "attack_civilians"),
        ("nonstate_armed", "two_sided", "demonstration"),
        ("Violence against civilians", "Attack"),
    ),
    # Armed men attacking civilians named as such: one-sided violence, even amid
    # clashes told around it.
    ActorRule(
        ("Battles",),
        ("attack_civilians",),
        ("state_forces", "two_sided", "on_forces", "crowd_subject"),
        ("Violence against civilians", "Attack"),
    ),
    # A raid on a village or on herds, with no fight told: one-sided violence.
    ActorRule(
        ("Battles",),
        ("raid_on_civilians",),
        ("state_forces", "two_sided", "on_forces", "crowd_fight", "crowd"),
        ("Violence against civilians", "Attack"),
    ),
    # Ethnic, tribal and clan groups that fight are identity militias: a battle,
    # unless they fight with sticks and stones as crowds do.
    ActorRule(
        ("Battles", "Riots"),
        ("identity", "crowd_fight"),
        ("hand_weapons", "demonstration", "state_forces", "partisans"),
        ("Battles", "Armed clash"),
    ),
    # An attack on the police or soldiers by anyone but a crowd is a battle.
    ActorRule(
        ("Violence against civilians",),
        ("on_forces",),
        ("crowd", "mob", "demonstration"),
        ("Battles", "Armed clash"),
    ),
    ActorRule(
        ("Violence against civilians",),
        ("forces_hurt",),
        ("crowd", "mob", "demonstration"),
        ("Battles", "Armed clash"),
    ),
    # State forces killing members of a named group (a gang, a militia) fight an
    # organised armed group: a battle, not violence against civilians.
    ActorRule(
        ("Violence against civilians",),
        ("state_forces", "named_group_members", "harm"),
        ("crowd_subject", "mob", "demonstration", "partisans"),
        ("Battles", "Armed clash"),
    ),
    # One side fired back: a fight, not one-sided violence.
    ActorRule(
        ("Violence against civilians",),
        ("two_sided",),
        ("crowd", "mob", "demonstration"),
        ("Battles", "Armed clash"),
    ),
    # An ethnic or clan militia raiding a village or attacking herders, with no fight
    # told: one-sided violence against civilians.
    ActorRule(
        ("Battles",),
        ("identity", "civilian_target"),
        ("state_forces", "crowd_fight"),
        ("Violence against civilians", "Attack"),
    ),
    # A fight with a crowd on one side is a riot, not a battle.
    ActorRule(("Battles",), ("crowd", "state_forces"), _ARMED_BLOCK, _RIOT_VD),
    ActorRule(("Battles",), ("crowd", "demonstration"), _ARMED_BLOCK, _RIOT_VD),
    ActorRule(("Battles",), ("crowd",), _ARMED_BLOCK, _RIOT_MOB),
    # An armed group attacking people who cannot fight back: violence against civilians;
    # armed men attacking state forces: a battle.
    ActorRule(
        ("Battles",),
        ("nonstate_armed", "civilian_target"),
        ("state_forces", "crowd_fight"),
        ("Violence against civilians", "Attack"),
    ),
    # Unnamed attackers, or state forces, raiding or attacking people who cannot
    # fight back (homes, villagers, herders): one-sided violence, not a battle.
    ActorRule(
        ("Battles",),
        ("unnamed_group", "civilian_target"),
        ("state_forces", "crowd_fight", "nonstate_armed"),
        ("Violence against civilians", "Attack"),
    ),
    ActorRule(
        ("Battles",),
        ("state_forces", "civilian_target", "harm"),
        ("nonstate_armed", "crowd_fight", "crowd"),
        ("Violence against civilians", "Attack"),
    ),
    # "attacked" with no armed side named, on either side: one-sided violence
    # against whoever was attacked (a person, a home), not a battle.
    ActorRule(
        ("Battles",),
        ("attacked",),
        ("state_forces", "nonstate_armed", "crowd_fight", "crowd", "identity"),
        ("Violence against civilians", "Attack"),
    ),
    ActorRule(
        ("Violence against civilians",),
        ("state_forces", "nonstate_armed"),
        (),
        ("Battles", "Armed clash"),
    ),
    # Petrol bombs and Molotov cocktails are not explosive weapons: thrown by armed
    # or unnamed men at people or vehicles, an attack on civilians; by a crowd, a riot.
    ActorRule(
        ("Explosions/Remote violence",),
        ("incendiary", "crowd"),
        ("nonstate_armed", "unnamed_group"),
        _RIOT_MOB,
    ),
    ActorRule(
        ("Explosions/Remote violence",),
        ("incendiary",),
        (),
        ("Violence against civilians", "Attack"),
    ),
    # Crude bombs of crowds and unnamed groups.
    ActorRule(
        ("Explosions/Remote violence",),
        ("crude_bombs", "demonstration"),
        _ARMED_BLOCK,
        _RIOT_VD,
    ),
    ActorRule(("Explosions/Remote violence",), ("crude_bombs",), _ARMED_BLOCK, _RIOT_MOB),
    # A crowd's violence on people or property, told without a trigger.
    ActorRule(
        (None, "Strategic developments"),
        ("crowd_violence", "crowd", "demonstration"),
        _ARMED_BLOCK,
        _RIOT_VD,
    ),
    ActorRule(
        (None, "Strategic developments"), ("crowd_violence", "crowd"), _ARMED_BLOCK, _RIOT_MOB
    ),
    # A crowd attacking civilians is mob violence.
    ActorRule(
        (None, "Strategic developments"),
        ("property", "unnamed_group"),
        _ARMED_BLOCK,
        _RIOT_MOB,
    ),
    ActorRule(
        ("Violence against civilians",),
        ("crowd", "assault"),
        ("nonstate_armed", "state_forces"),
        _RIOT_MOB,
    ),
    # An armed group burning homes where people are hurt: an attack on civilians.
    ActorRule(
        (None, "Strategic developments"),
        ("nonstate_armed", "property", "harm"),
        (),
        ("Violence against civilians", "Attack"),
    ),
    # One-sided harm by hand, or property destroyed, told without a trigger.
    ActorRule((None,), ("assault",), (), ("Violence against civilians", "Attack")),
    ActorRule(
        (None,), ("property",), (), ("Strategic developments", "Looting/property destruction")
    ),
)

#: Mentions of state forces that are not forces acting: where it happened ("under
#: Kotwali police station"), who told it ("police said", "the officer-in-charge"),
#: the victim's role ("a police informer"), and people no longer serving ("a retired
#: police officer" is a civilian).
_NOT_FORCES_ACTING = re.compile(
    r"\b(?:according\s+to\s+(?:the\s+)?(?:local\s+)?police|(?:told|informed)\s+(?:the\s+)?police|"
    r"police\s+(?:said|says|say|sources?|informers?|officials?\s+said|spokes\w+|case|"
    r"complaint|limits|reported|suspect\w*|stations?\s+(?:area|limits|jurisdiction))|"
    r"(?:under|of)\s+(?:[\w-]+\s+){1,3}?police\s+stations?|officers?[-\s]in[-\s]charge|"
    r"(?:retired|former|off-duty|ex-)\s*(?:(?:police|army|military|security)\s+)?"
    r"(?:officers?|soldiers?|policem[ae]n|police|army|constables?|servicem[ae]n))\b",
    re.I,
)
#: Patterns about state forces, read with those mentions blanked out.
_FORCES_PATTERNS = frozenset({"state_forces", "forces_hurt", "on_forces", "forces_agent"})

#: Where a demonstration's reason begins ("… staged a human chain against the
#: assault on a journalist"): the violence named after it is not the crowd's own.
_REASON = re.compile(
    r"\b(?:against|demanding|to\s+demand|protesting|in\s+protest|condemning|to\s+protest|"
    r"over|following|after|in\s+response\s+to|for\s+the\s+(?:arrest|release|trial)|"
    r"calling\s+for|urging|seeking|claiming|alleging|accusing)\b",
    re.I,
)
#: Patterns read only in the clause before the reason.
_IN_MAIN_CLAUSE = frozenset({"crowd_violence", "property", "assault", "intervention"})

#: Every pattern starts at a letter: the lookahead skips other positions fast; each
#: behind its literal gate (:mod:`geo.lexicon.prefilter`), which skips the texts
#: without any word a pattern's matches begin with.
COMPILED_PATTERNS = MappingProxyType(
    {k: GatedPattern(re.compile(f"(?=[A-Za-z])(?:{v})", re.I)) for k, v in PATTERNS.items()}
)


#: A participle or a second verb after the reason that tells what the crowd went on
#: to do ("protested against the results, burning tyres"): the crowd's act again.
_CROWD_PARTICIPLE = re.compile(
    r",\s+(?:and\s+)?(?:burning|lighting|throwing|pelting|hurling|setting|looting|"
    r"vandali[sz]ing|smashing|stoning|damaging|torching|destroying|barricading)\b[^,;.]*|"
    # a second verb of the same subject, joined by "and" ("protested over fees and
    # stoned a building"): what the crowd did next
    r"\band\s+(?:later\s+|then\s+|also\s+)?(?:stoned|burn(?:ed|t)|pelted|threw|hurled|set|"
    r"looted|vandali[sz]ed|smashed|torched|destroyed|damaged|barricaded|attacked|clashed|"
    r"beat|stormed)\b[^,;.]*",
    re.I,
)


def reason_start(sentence: str) -> int | None:
    """Where the reason a demonstration gives begins, or ``None``.

    >>> s = "Members held a rally in Paltan, condemning the attacks on Gaza."
    >>> s[reason_start(s):][:10]
    'condemning'
    """
    m = _REASON.search(sentence)
    return m.start() if m else None


def main_clause(sentence: str) -> str:
    """The sentence up to the reason it gives for what was done, with what the
    crowd went on doing after the reason, told by a participle.

    >>> main_clause("Students staged a protest against the assault on a teacher.")
    'Students staged a protest '
    >>> main_clause("Residents protested against the results, burning posters.")
    'Residents protested , burning posters'
    """
    head, *rest = _REASON.split(sentence, maxsplit=1)
    if not rest:
        return head
    return head + "".join(m.group(0) for m in _CROWD_PARTICIPLE.finditer(rest[0]))


def retype(kind: tuple[str, str] | None, sentence: str) -> tuple[str, str] | None:
    """The type and sub-event type after the codebook's actor rules."""
    hits: dict[str, bool] = {}

    main: list[str] = []  # the main clause, cut when a pattern first needs it
    acting: list[str] = []  # the sentence without mentions of forces not acting

    def has(name: str) -> bool:
        if name not in hits:
            text = sentence
            if name in _IN_MAIN_CLAUSE:  # what a crowd did is told before its reason
                if not main:
                    main.append(main_clause(sentence))
                text = main[0]
            elif name in _FORCES_PATTERNS:
                if not acting:
                    acting.append(_NOT_FORCES_ACTING.sub(" ", sentence))
                text = acting[0]
            hits[name] = COMPILED_PATTERNS[name].search(text) is not None
        return hits[name]

    when = kind[0] if kind else None
    for rule in ACTOR_RULES:
        if when not in rule.when:
            continue
        if all(has(n) for n in rule.needs) and not any(has(n) for n in rule.unless):
            return rule.gives
    return kind


def turn_of_a_protest(sentence: str) -> tuple[str, str] | None:
    """What a sentence with no event word of its own makes of a protest told before
    it: violence by the crowd makes a violent demonstration, force used on it a
    protest with intervention (``None``: neither).

    >>> turn_of_a_protest("They burnt tyres along the highway.")
    ('Riots', 'Violent demonstration')
    >>> turn_of_a_protest("Police used tear gas to disperse them.")
    ('Protests', 'Protest with intervention')
    >>> turn_of_a_protest("The governor promised talks.") is None
    True
    """
    main = main_clause(sentence)
    if COMPILED_PATTERNS["nonstate_armed"].search(sentence):
        return None
    if COMPILED_PATTERNS["crowd_violence"].search(main):
        return _RIOT_VD
    if COMPILED_PATTERNS["intervention"].search(main) and COMPILED_PATTERNS["state_forces"].search(
        sentence
    ):
        return ("Protests", "Protest with intervention")
    return None


def _check() -> None:
    for r in ACTOR_RULES:
        if not is_sub_event_type(*r.gives):
            raise ValueError(f"{r.gives} is not in ACLED's taxonomy")
        for n in r.needs + r.unless:
            if n not in PATTERNS:
                raise ValueError(f"unknown pattern {n!r} in {r}")


_check()
