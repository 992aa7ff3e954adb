r"""The trigger table that types a sentence as ACLED codes events.

Each :class:`EventRule` row is one trigger (a regular expression over the
sentence, quoted speech blanked out), the ACLED event type and sub-event type
it gives, and whether it is case-blind. Rows are read in order and the first
row whose trigger is in the sentence decides, so the more specific kinds come
first: a defused bomb before a bomb, a suicide bomb before any bomb, force on
protesters before a killing, a clash before a bare killing, any violence
before a protest.

For Strategic developments, :data:`REFINEMENTS` then picks the sub-event type
from the rest of the sentence ("arrested" → Arrests).

:data:`CONCRETE_ACTS` are words of something done at a place and time: a
sentence with none of them, no date and no toll is background, not an event.

Every row is checked against :mod:`geo.lexicon.taxonomy` at import: a type or
sub-event type the codebook lacks is an error. Adding a trigger is one row.

Example
-------
>>> RULES[0].event_type, RULES[0].sub_event_type
('Strategic developments', 'Disrupted weapons use')
>>> COMPILED[0][2].search("Police defused a bomb.") is not None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.lexicon.prefilter import GatedPattern
from geo.lexicon.taxonomy import is_sub_event_type


@dataclass(frozen=True, slots=True)
class EventRule:
    """One trigger and what it makes of a sentence."""

    event_type: str
    sub_event_type: str
    trigger: str
    case_blind: bool = True


def _rows(
    event_type: str,
    sub: str,
    *triggers: str,
    before: str = r"\b",
    after: str = r"\b",
    case_blind: bool = True,
) -> list[EventRule]:
    """Rows for triggers that share a type: each ``before + trigger + after``."""
    return [EventRule(event_type, sub, f"{before}{t}{after}", case_blind) for t in triggers]


_EXPLOSION = "Explosions/Remote violence"
_VAC = "Violence against civilians"
_SD = "Strategic developments"

#: The rules, most specific first (see the module docstring).
RULES: tuple[EventRule, ...] = (
    # A bomb found and made safe is not an explosion: Disrupted weapons use.
    *_rows(
        _SD,
        "Disrupted weapons use",
        "defus(?:ed|ing)",
        "dismantl(?:ed|ing)",
        # the present of a note or headline, with what was made safe ("police discover
        # and dismantle an explosive"; not "defuse tensions")
        r"(?:defuses?|dismantles?)\s+(?:\w+\s+){0,3}?(?:bombs?|explosives?|(?:explosive\s+)?devices?|"
        r"IEDs?|grenades?|(?:land\s*)?mines?)",
        "disarm(?:ed|ing)",
        # a device found or made safe, weapons seized
        r"(?:safely\s+)?dispos(?:ed|ing)\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:device|bomb|"
        r"explosives?|grenade)",
        r"controlled\s+explosion",
        r"(?:bombs?|explosives?|(?:explosive\s+)?devices?|grenades?|IEDs?)\s+(?:was|were|is|are|"
        r"has\s+been|have\s+been)\s+(?:found|discovered|recovered|seized)",
        r"seiz(?:e|ed|es|ing)\s+(?:\w+\s+){0,2}?(?:explosives|weapons|arms|ammunition|grenades|"
        r"bombs|guns|rifles)",
    ),
    # Explosions/Remote violence: the attacker is not where the harm is.
    *_rows(_EXPLOSION, "Suicide bomb", r"suicide\s+(?:bomb|attack|car)", after=""),
    *_rows(
        _EXPLOSION,
        "Air/drone strike",
        "drone",
        r"air\s*strikes?",
        "airstrikes?",
        r"air\s+raids?",
        # "aerial strikes", and the misspelling notes carry ("arial strikes")
        r"a(?:e)?rial\s+(?:strikes?|bombardments?|attacks?|raids?|bombing)",
        "warplanes?",
        "bombed",
        r"bombing\s+raid",
        r"air\s+force\s+(?:targeted|struck|hit|bombed|pounded)",
        after="",
    ),
    *_rows(
        _EXPLOSION,
        "Shelling/artillery/missile attack",
        "missiles?",
        "rockets?",
        "katyushas?",
        "shell(?:ed|ing|s)?",
        "mortars?",
        "artillery",
    ),
    *_rows(
        _EXPLOSION,
        "Remote explosive/landmine/IED",
        "IEDs?",
        r"roadside\s+bomb",
        "landmines?",
        r"land\s+mines?",
        r"explosive\s+device",
        r"car\s+bombs?",
        "bombs?",
        "explosions?",
        "exploded",
        "blasts?",
        "blasted",
        r"detonat\w*",
        # fire thrown by hand: the actor rules make it an attack or a riot
        # (geo.lexicon.codebook: petrol bombs are not explosive weapons)
        r"fire-?bomb\w*",
        r"cocktails?",
    ),
    *_rows(_EXPLOSION, "Grenade", "grenades?"),
    # State forces firing on or cracking down on demonstrators: the protest stays a
    # protest, with excessive force against it.
    *_rows(
        "Protests",
        "Excessive force against protesters",
        r"(?:security\s+forces|police|troops|army|soldiers)\b.{0,120}\b(?:opened\s+fire|"
        r"fired|shot|killed|crackdown)\b.{0,60}\b(?:protesters|demonstrators)",
        after="",
    ),
    *_rows("Protests", "Excessive force against protesters", r"crackdown\s+on"),
    # A lynching is a crowd's killing by definition: the codebook's mob violence
    # (a crowd that beats a suspected thief or witch to death is one too, read by the
    # actor rules of geo.lexicon.codebook).
    *_rows("Riots", "Mob violence", r"lynch(?:ed|ing|es)?", r"mob\s+justice"),
    # One-sided violence on people who cannot fight back.
    *_rows(
        _VAC,
        "Attack",
        r"(?:opened\s+fire|fired)\s+on\s+(?:the\s+)?(?:protesters|demonstrators|"
        r"civilians|crowd)",
        after="",
    ),
    # Shooting told without a second side: one-sided unless the actor rules find two
    # armed sides (an armed group and state forces make it a battle).
    *_rows(
        _VAC,
        "Attack",
        r"open(?:s|ed)?\s+fire",
        r"came\s+under\s+(?:gun)?fire",
        r"fired\s+at",
        r"fire[sd]?\s+(?:up)?on",
        r"shot\s+and\s+(?:\w+\s+)?(?:wounded|injured)",
    ),
    *_rows(
        _VAC,
        "Attack",
        r"shot\s+dead",
        r"assassinat\w*",
        r"murder\w*",
        r"execut(?:ed|ing)(?!\s+(?:a|an|the|its|their|his|her)?\s*(?:warrants?|orders?|plans?|"
        r"operations?|contracts?|projects?|duties|policy|policies))",
        r"stab(?:bed|s|bings?)",
        r"to\s+death",
        r"gunned\s+down",
        r"hack(?:ed|s)",
        "chopped",
        r"behead\w*",
        # the same acts in other words news uses for them: shot someone dead, killed
        # with a blade or fire, beaten up, wounds that only a weapon makes
        r"shot\s+(?:[\w.,'’()-]+\s+){1,6}?dead",
        "slaughtered",
        "slew",
        "axed",
        r"thrash(?:ed|es|ing)",
        r"beat(?:en|s)?\s+up",
        r"rough(?:ed|s|ing)?\s+up",
        # the present of a headline or note ("youths injure civilians")
        r"injur(?:e|es)(?!\s+(?:to|of)\b)",
        r"burn[td]\s+alive",
        r"acid\s+attacks?",
        r"(?:spray(?:ed|ing)|thr(?:ew|own|owing)|hurl(?:ed|ing))\s+acid",
        # shot at people named as such ("soldiers shot two civilians"), not a photo
        r"shot\s+(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:civilians|villagers|people|persons|men|women|boys|girls|children|"
        r"students|protesters|demonstrators|farmers|workers|youths|man|woman|boy|girl|child|"
        r"student|farmer|worker|youth|civilian|villager|person)\b",
        r"fired\s+(?!rubber|blank|plastic|tear)(?:\w+\s+){0,2}?(?:shots|bullets|rounds)"
        r"(?!\s+in(?:to)?\s+the\s+air)",
        r"fired\s+upon",
        # an attack told as a noun with its agent: "injured in an attack by assailants"
        r"(?:in|during)\s+an?\s+(?:[\w-]+\s+){0,2}?attack\s+(?:by|from|carried)",
        r"came\s+under\s+(?:an?\s+)?(?:[\w-]+\s+)?attack",
        # an attack told as done, by whoever ("assailants carried out an attack at a
        # cremation ground", "carried out an arson attack on a bus")
        r"carried\s+out\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?attacks?",
        # armed or unnamed men who shot someone: the subject tells it is no photo shoot
        r"(?:gunm[ae]n|assailants?|attackers?|militants|miscreants|assassins?)\s+"
        r"(?:[\w-]+\s+){0,3}?shot\s+(?!dead\b)(?:at\s+)?(?:and\s+\w+\s+)?\w+",
    ),
    *_rows(
        _VAC,
        "Abduction/forced disappearance",
        r"abduct\w*",
        r"kidnap\w*",
        "disappeared",
        # people seized with the vehicle they travel in
        r"hijack\w*",
        # people taken away by armed men or troops ("villagers were taken from their
        # village by government troops")
        r"(?:was|were)\s+taken\s+(?:away\s+)?(?:from\s+(?:[\w-]+\s+){1,3}?)?by\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:troops|soldiers|army|gunmen|militants|rebels|men|forces)",
    ),
    # Sexual violence (the codebook's sub-event: rape, sexual assault or abuse, as
    # violence against civilians): the act told by its verb; a sentence of a protest
    # against one ("students protested after a girl was raped") stays a protest (a march,
    # in lower case: "March" is the month).
    *_rows(
        _VAC,
        "Sexual violence",
        r"^(?!.*\b(?:protest|demonstrat|rall(?:y|ied|ies)\b|human\s+chain|(?-i:marche?d?)\b))"
        r".*?\b(?:raped|gang-?raped|sexually\s+(?:assaulted|abused|molested))",
        before="",
    ),
    # Demonstrators or a crowd that burn, storm, attack or clash: a violent demonstration.
    *_rows(
        "Riots",
        "Violent demonstration",
        r"(?:protesters|demonstrators|rioters|iraqis|crowds?|mob)\b.{0,80}\b(?:burn\w*|"
        r"set\s+fire|torch\w*|stormed|attacked|clashed|threw\s+stones)",
        r"(?:burn\w*|set\s+fire\s+to|torch\w*|stormed)\s+(?:the\s+)?(?:entrance|consulate|"
        r"embassy|building|headquarters|office)",
        r"burning\s+of\s+the\b",
        r"burned\s+tires",
        r"\briot(?:s|ed|ing|ers)?\b(?!\s+(?:police|gear|squad|control))",
        r"militias?\b.{0,40}\battacked\s+the\s+(?:US\s+)?embassy",
        after="",
    ),
    # Ground taken in a fight (the codebook's territory sub-events): by government
    # forces taking back what they lost, or by an armed group taking it; taken "over" a
    # named place or a settlement or post, not an office ("took over as governor").
    *_rows(
        "Battles",
        "Government regains territory",
        r"(?:recaptur\w*|retook|retak(?:e|es|en|ing)|regain(?:s|ed|ing)?\s+control\s+of|"
        r"liberat(?:ed|es|ing)\s+(?:the\s+)?(?:town|city|village|district|area)\b)",
    ),
    *_rows(
        "Battles",
        "Non-state actor overtakes territory",
        r"(?:[Tt]ook|[Tt]akes?|[Tt]aken|[Tt]aking)\s+over\s+(?:the\s+)?(?:[A-Z]|(?:town|city|"
        r"village|base|camp|district|area|region|post|police\s+station)s?\b)",
        r"(?:[Oo]verr(?:an|un|uns|unning)|[Cc]aptur(?:ed|es|e|ing))\s+(?:the\s+)?(?:[A-Z]|(?:town|"
        r"city|village|base|camp|district|area|region|post|police\s+station)s?\b)",
        r"(?:[Ss]eized|[Ss]eizes?|[Tt]ook|[Tt]akes?)\s+(?:full\s+)?control\s+of",
        after="",
        case_blind=False,
    ),
    # Two armed sides fighting: an armed clash.
    *_rows(
        "Battles",
        "Armed clash",
        r"clash\w*",
        "fighting",
        "gunfight",
        "firefight",
        r"ambush\w*",
        "repelled",
        "battles?",
        # a fight between two sides ("fights broke out between", "a fight between")
        r"fights?\s+(?:broke\s+out\s+)?between",
        r"fights?\s+broke\s+out",
        # fights with fists between crowds (the actor rules make them riots)
        r"fist-?\s*fights?",
        # South Asian and East African news call a gunfight with the police an encounter
        r"(?:in\s+an?\s+|police\s+)(?:[\w-]+\s+)?encounters?",
        r"encountered\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:armed|gang|militants|bandits|robbers|"
        r"insurgents|rebels)",
        r"exchang(?:ed|es|e|ing)\s+(?:of\s+)?(?:fire|gunfire)",
        # forces firing across a border or a line of control, as South Asian wire
        # reports tell it ("troops resorted to firing", "unprovoked firing along the LoC")
        r"(?:resort(?:ed|s)?\s+to|unprovoked|cross-border|exchange\s+of)\s+(?:heavy\s+)?firing",
        r"firing\s+(?:along|across|on)\s+the\s+(?:international\s+)?(?:border|LoC|line\s+of\s+control)",
        r"gun\s*-?\s*battles?",
        r"skirmish\w*",
        "shootouts?",
        r"raid(?:s|ed|ing)?",
        r"launch(?:ed|es)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:attacks?|operations?|offensives?|"
        r"assaults?|incursions?)",
        "attacked",
        r"(?:operation|offensive)\s+against",
        "snip(?:er|ers|ing)",
        r"(?:ground|military|security|clearing|combing)\s+operations?",
    ),
    *_rows(
        "Battles",
        "Armed clash",
        # an operation near a named place ("operations near Kirkuk")
        r"operations?\s+(?:near|in|on|around)\s+(?:the\s+)?(?:(?:northern|southern|eastern|"
        r"western|central)\s+)?(?-i:[A-Z])",
        after="",
    ),
    *_rows(
        "Battles",
        "Armed clash",
        r"attack\s+on\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,3}?(?:checkpoints?|positions?|"
        r"posts?|bases?|convoys?|patrols?|units?|headquarters|outposts?)",
    ),
    *_rows(
        "Battles",
        "Armed clash",
        r"killed\s+\S+\s+(?:\w+\s+){0,2}(?:militants|fighters|insurgents|soldiers)",
        after="",
    ),
    # A killing told without a fight or a weapon from afar: an attack (notes and
    # headlines tell it in the present: "raiders kill two herders").
    *_rows(
        _VAC,
        "Attack",
        r"(?:was|were|is|are)\s+(?:shot|killed|stabbed)",
        r"kill(?:ed|ing|s)?",
        r"shoots?",
        # shot at or shot and hurt someone (not 'shot dead', read above)
        r"shot\s+(?:and\s+(?:wounded|injured|killed)|at)",
        # shot someone told before ("took two boys to a petrol station and shot them")
        r"shot\s+(?:him|her|them)",
        # a person or place targeted by attackers ("an attacker targeted a crowded
        # church"), when no weapon from afar or fight above tells more
        r"(?:attackers?|assailants?|gunm[ae]n|militants?|bandits|raiders)\s+(?:[\w-]+\s+)?"
        r"targeted",
        # wounds only a weapon makes, and bodies that show violence: an attack when no
        # fight, protest or riot above tells more ("clashed … gunshot wounds")
        r"(?:bullet|stab|gunshot|acid)\s+(?:injur\w*|wounds?)",
        r"(?:bullet-?\s*riddled|mutilated|decapitated)\s+bod(?:y|ies)",
        # bodies found (ACLED codes the discovery of the killed as the attack), unless
        # told as who the victim was ("relatives of a boy who was found dead")
        # (the dead named in between: "the body of a nationalist, Raja Dahir, was found")
        r"bod(?:y|ies)\s+(?:of\s+(?:[\w,’'-]+\s+){1,6}?)?(?:(?:was|were|has\s+been|have\s+been|"
        r"had\s+been|is|are)\s+)?(?:found|discovered|recovered|dumped|pulled)",
        r"found\s+(?:the\s+)?(?:[\w-]+\s+)?bod(?:y|ies)",
        r"(?<!who\swas\s)(?<!who\swere\s)(?<!who\shad\sbeen\s)"
        r"found\s+(?:dead|killed|murdered|strangled|slain)",
    ),
    # the verb, not the noun ("raiders attack villagers", not "the attack on")
    *_rows(
        _VAC,
        "Attack",
        r"(?<!the\s)(?<!\ban\s)(?<!\ba\s)(?<!this\s)(?<!that\s)(?<![’']s\s)attacks?\b(?!\s+on\b)",
        before="\\b",
        after="",
    ),
    # Force used to disperse a crowd: a demonstration met by intervention (the actor
    # rules make it a riot when the crowd was violent).
    *_rows(
        "Protests",
        "Protest with intervention",
        r"dispers(?:e|ed|es|ing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:crowds?|protesters|"
        r"demonstrators|supporters|students|residents|youths?|voters|mobs?|rioters|traders|"
        r"hawkers|people|group)",
        # a gathering ended by force ("police broke up a peaceful demonstration")
        # tear gas fired at people: force used on a crowd ("Police fire tear gas at
        # residents during a forced eviction")
        r"(?:fire[sd]?|firing|lob(?:bed|s|bing)?|hurl(?:ed|s|ing)?|used?|using)\s+tear\s*-?\s*gas",
        r"(?:broke|break|breaks|breaking|broken)\s+up\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:demonstrations?|protests?|rall(?:y|ies)|sit-ins?|march(?:es)?|gatherings?|"
        r"processions?)",
    ),
    # Demonstrations, marches, strikes, sit-ins: peaceful unless a rule above says not.
    *_rows(
        "Protests",
        "Peaceful protest",
        r"(?:Protest\w*|Demonstrat\w*|Rall(?:y|ies|ied))",
        before="^",
        case_blind=False,
    ),
    *_rows(
        "Protests",
        "Peaceful protest",
        r"protest\w*",
        r"demonstrat\w*",
        "rall(?:y|ies|ied)",
        "marche?d?",
        "sit-ins?",
        # the short word of East African and South Asian news ("anti-IEBC demos")
        "demos",
        # a procession or rally brought out (South Asian news: "the JCD men brought out a
        # procession on the campus")
        r"(?:br(?:ought|ing|ings|inging)|t(?:ook|ake|akes|aking))\s+out\s+(?:an?\s+|the\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:processions?|rall(?:y|ies)|march(?:es)?|motorcades?)",
        # people carrying placards or banners: a demonstration
        r"carr(?:y|ied|ies|ying)\s+(?:[\w-]+\s+){0,2}?(?:placards|banners|posters)",
        # forms of protest South Asian news names: people joining hands along a road,
        # a general shutdown called by a party
        # (this row reads case: these may open the sentence)
        r"[Hh]uman\s+chains?",
        "[Hh]artals?",
        # a sit-in before an office, an encircling of an official
        "[Dd]harnas?",
        r"[Gg]herao(?:s|ed|ing)?",
        r"general\s+strike",
        "strike",
        "gathered",
        r"block(?:ed|ing|s)?\s+(?:the\s+|a\s+|major\s+|main\s+)?(?:[\w-]+\s+){0,3}?(?:roads?|"
        r"highways?|streets?|traffic|railways?)",
        r"barricad\w*",
        "demand(?:ing|ed)",
        case_blind=False,
    ),
    # Non-violent moves that shape a conflict.
    *_rows(
        _SD,
        "Other",
        r"sanction\w*",
        r"resign\w*",
        r"rejected\s+the\s+nomination",
        "withdrew",
        "closed",
        r"shut\s+down",
        "threatened",
        r"arrest\w*",
        # an arrest in other words ("was apprehended by security forces", "nabbed")
        r"apprehend(?:ed|s|ing)?",
        "nabbed",
        r"taken\s+into\s+custody",
        "seized",
        "agreement",
        "ceasefire",
        "appointed",
        r"approved\s+a\s+new\s+government",
        "renamed",
        r"changed\s+the\s+name",
        r"set\s+on\s+fire",
        r"crop\s+fields",
        # property set alight, wrecked or looted (the actor rules make a crowd's a riot)
        r"set\s+(?:fire|ablaze|alight|afire)\s+to",
        # the thing between ("set a bus afire", "set two houses on fire")
        r"set\s+(?:[\w'’-]+\s+){1,3}?(?:afire|ablaze|alight|on\s+fire)",
        "torched",
        r"vandali[sz]ed",
        "ransacked",
        r"burn(?:ed|t)\s+down",
        # buildings and vehicles burnt ("burnt several houses and shops")
        r"burn(?:ed|t)\s+(?:(?!and\b)[\w-]+\s+){0,2}?(?:houses?|homes?|shops?|huts?|vehicles?|cars?|buses|"
        r"offices?|properties|villages?|kiosks?|stalls?)",
    ),
)

#: Sub-event types of Strategic developments read from the rest of the sentence.
REFINEMENTS: tuple[EventRule, ...] = (
    *_rows(
        _SD,
        "Arrests",
        r"arrest\w*",
        r"apprehend(?:ed|s|ing)?\b",
        r"nabbed\b",
        r"taken\s+into\s+custody",
        after="",
    ),
    *_rows(
        _SD,
        "Looting/property destruction",
        r"set\s+on\s+fire",
        "looted",
        "destroyed",
        r"set\s+(?:fire|ablaze|alight|afire)\s+to",
        # the thing between ("set a bus afire", "set two houses on fire")
        r"set\s+(?:[\w'’-]+\s+){1,3}?(?:afire|ablaze|alight|on\s+fire)",
        "torched",
        r"vandali[sz]ed",
        "ransacked",
        r"burn(?:ed|t)\s+down",
        # buildings and vehicles burnt ("burnt several houses and shops")
        r"burn(?:ed|t)\s+(?:(?!and\b)[\w-]+\s+){0,2}?(?:houses?|homes?|shops?|huts?|vehicles?|cars?|buses|"
        r"offices?|properties|villages?|kiosks?|stalls?)",
    ),
    *_rows(_SD, "Agreement", "agreement", "ceasefire"),
)

#: Concrete acts (searched in the lower-cased sentence: a case-blind alternation is
#: ten times slower): a sentence with one of them tells an event even without a date.
CONCRETE_ACTS = re.compile(
    r"\b(?:set\s+fire|burn(?:ed|t|ing)|stormed|attacked|blocked|clash(?:ed|es)|shelled|"
    r"bombed|exploded|ambushed|abducted|kidnapped|gathered|marched|rallied|killed|"
    r"wounded|injured|shot|shelling|bombardment|gunfire|air\s*strikes?|airstrikes?|"
    r"raped|beheaded)\b"
)


def _check(rules: tuple[EventRule, ...]) -> None:
    for r in rules:
        if not is_sub_event_type(r.event_type, r.sub_event_type):
            raise ValueError(
                f"rule {r.trigger!r}: {r.event_type} / {r.sub_event_type} "
                "is not in ACLED's taxonomy (geo/lexicon/taxonomy.py)"
            )
        re.compile(r.trigger)


def compile_rules(rules: tuple[EventRule, ...]) -> tuple[tuple[str, str, GatedPattern], ...]:
    """Rules as ``(type, sub-event type, pattern)``, consecutive rows of one kind joined
    into one alternation (the same matches, one search), each behind its literal gate
    (:mod:`geo.lexicon.prefilter`: a sentence without any of the words a group's
    triggers begin with is not searched).

    >>> [sub for _, sub, _ in compile_rules(REFINEMENTS)]
    ['Arrests', 'Looting/property destruction', 'Agreement']
    """
    _check(rules)
    groups: list[tuple[str, str, bool, list[str]]] = []
    for r in rules:
        if groups and groups[-1][:3] == (r.event_type, r.sub_event_type, r.case_blind):
            groups[-1][3].append(r.trigger)
        else:
            groups.append((r.event_type, r.sub_event_type, r.case_blind, [r.trigger]))
    # every trigger starts at a letter: the lookahead skips other positions fast
    # (not before a trigger anchored at the sentence's start, which may be a digit)
    return tuple(
        (
            t,
            s,
            GatedPattern(
                re.compile(
                    ("" if any(x.startswith("^") for x in triggers) else "(?=[A-Za-z])")
                    + "(?:"
                    + "|".join(f"(?:{x})" for x in triggers)
                    + ")",
                    re.I if blind else 0,
                )
            ),
        )
        for t, s, blind, triggers in groups
    )


#: :data:`RULES` compiled, checked against the taxonomy at import.
COMPILED = compile_rules(RULES)
#: :data:`REFINEMENTS` compiled.
COMPILED_REFINEMENTS = compile_rules(REFINEMENTS)
