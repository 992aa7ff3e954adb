"""Event typing and which sentences make events (a table of sentences nobody here wrote
the rules around: ACLED-style notes and reports about events)."""

from __future__ import annotations

from datetime import date

import pytest

from geo.extraction.events import classify
from geo.pipeline import extract_events


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("IS militants attacked an army post near Tuz.", ("Battles", "Armed clash")),
        ("The PMF carried out an operation against IS in Diyala.", ("Battles", "Armed clash")),
        ("IS snipers targeted and wounded two policemen.", ("Battles", "Armed clash")),
        ("An IS attack on the TMF's security checkpoint left 3 dead.", ("Battles", "Armed clash")),
        (
            "Employees protested in front of the hospital demanding salaries.",
            ("Protests", "Peaceful protest"),
        ),
        ("Hundreds gathered demanding jobs.", ("Protests", "Peaceful protest")),
        (
            "A roadside bomb exploded near a patrol.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        ("Trump said the attack on the embassy was planned.", None),
        (
            "A PMF operation near the Tigris river left 3 militants dead.",
            ("Battles", "Armed clash"),
        ),
        ("Special forces carried out a ground operation in Gara.", ("Battles", "Armed clash")),
        ("A rescue operation in the morning found no one.", None),
        (
            "Militants cut power after detonating three transmission towers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "The Iraqi air force targeted an IS hideout in the desert.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Iraqi forces defused a booby-trapped vehicle before it exploded.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        # the codebook's sexual violence, told by its verb; a protest against one
        # stays a protest
        (
            "A member of Kenyan police raped a 13 years old girl.",
            ("Violence against civilians", "Sexual violence"),
        ),
        (
            "Students protested after a girl was raped in Dhaka.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Armed men beheaded a man in Kitui county.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_classify(sentence, expected):
    assert classify(sentence) == expected


@pytest.mark.parametrize(
    ("text", "n", "event_type"),
    [
        # a protest about "those killed" is a protest, not an attack without victims
        (
            "On 1 May 2020, hundreds of protesters carried a protest with the coffins of those "
            "killed in the movement, in Najaf city.",
            1,
            "Protests",
        ),
        # a statement about an attack is not an event
        (
            "US President Donald Trump said on 31 December, in his response to the attack on the "
            "embassy, that Iran would be responsible.",
            0,
            None,
        ),
    ],
)
def test_which_sentences_make_events(gazetteer, text, n, event_type):
    events = extract_events(text, gazetteer=gazetteer)
    assert len(events) == n
    if n:
        assert events[0].event_type == event_type
        assert (events[0].place.name, events[0].place.precision) == ("Najaf", "city")


WIRE = (
    "KHARTOUM, April 17 (Reuters) - Fighting between the army and a paramilitary force "
    "killed at least 185 people and wounded more than 1,800 across the country, an envoy "
    "said on Monday.\n\n"
    "BAGHDAD (Reuters) - A roadside bomb killed two soldiers in Diyala province on Sunday.\n\n"
    "In Nyala, the capital of South Darfur, three aid workers were shot dead on Saturday."
)


def test_wire_copy_datelines_and_nationwide_tallies(gazetteer):
    events = extract_events(WIRE, gazetteer=gazetteer, publication_date=date(2023, 4, 17))
    by_toll = {e.fatalities: e for e in events}
    # a nationwide toll is a tally at country level, not 185 killed in Khartoum that day
    tally = by_toll[185]
    assert tally.is_aggregate and tally.injuries == 1800
    assert (tally.place.name, tally.place.precision) == ("Sudan", "country")
    # a dateline's city is where the report was filed, not where the bomb went off
    bomb = by_toll[2]
    assert (bomb.place.name, bomb.place.precision) == ("Diyala", "region")
    assert bomb.event_date == date(2023, 4, 16)
    # a capitalised "In" opening the sentence is not part of the town's name
    assert (by_toll[3].place.name, by_toll[3].event_date) == ("Nyala", date(2023, 4, 15))


def test_a_protest_without_a_named_group_has_its_crowd_as_actor(gazetteer):
    (protest,) = extract_events(
        "On 4 May 2020, dozens of graduates protested in Najaf city demanding jobs.",
        gazetteer=gazetteer,
    )
    assert protest.event_type == "Protests" and protest.actors == ("Protesters",)
    (riot,) = extract_events(
        "On 5 May 2020, rioters stormed the building in Najaf city.", gazetteer=gazetteer
    )
    assert riot.event_type == "Riots" and riot.actors == ("Rioters",)


def test_a_toll_told_in_its_own_clause_stays_with_that_clauses_place(gazetteer):
    from geo.extraction.documents import document_from_text
    from geo.pipeline import extract

    text = (
        "On 7 July 2023, police fired tear gas at protesters in Nairobi, and at least two "
        "people were killed in Kisumu."
    )
    events = extract(document_from_text("k.txt", text), gazetteer).events
    by_place = {e.place.name: e.fatalities for e in events if e.place}
    assert by_place == {"Nairobi": 0, "Kisumu": 2}
    # one clause naming both places: the toll is shared, as before
    shared = extract(
        document_from_text("s.txt", "On 7 July 2023, 4 people were killed in Nairobi and Kisumu."),
        gazetteer,
    ).events
    assert sorted(e.fatalities for e in shared) == [2, 2]


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # sexual violence, in a sentence that opens with a figure and names the month
        # March (no march)
        (
            "07 March: A soldier raped a girl in Garissa.",
            "Violence against civilians",
            "Sexual violence",
        ),
        # an attack told as carried out, a shooting by armed or unnamed men, people
        # seized and then killed: one-sided attacks, with no figure to count
        (
            "A priest was injured as some assailants carried out an attack at a cremation "
            "ground in Sylhet city on Friday.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Unidentified gunman on Tuesday shot a sarpanch in Shopian district.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Two civilians were arrested by the army and killed near Lashio.",
            "Violence against civilians",
            "Attack",
        ),
        # people shot who are named as people, acid sprayed, people taken by troops
        (
            "Army soldiers shot two civilians returning home from the fields near Taunggyi.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Seven villagers were taken from their village by government troops near Muse.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        # the short word for demonstrations; tear gas fired at a crowd
        (
            "In Mombasa, Nasa supporters held their anti-IEBC demos peacefully.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "Police fire tear gas at residents during a forced eviction in Kibera.",
            "Protests",
            "Protest with intervention",
        ),
        # a procession brought out; an arrest told as apprehended; aerial strikes
        (
            "In Chittagong, the JCD men brought out a procession on the campus on Thursday.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "A militant was apprehended by security forces in Kokrajhar district on Wednesday.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "Jets carried out aerial strikes on hideouts in Tirah valley on Monday.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        # fists between party supporters: a riot
        (
            "In Bungoma, supporters of rival factions broke into fistfights during the primaries.",
            "Riots",
            "Mob violence",
        ),
        # a gathering ended by force: a protest with intervention
        (
            "Police broke up a peaceful demonstration of student activists in Bangkok.",
            "Protests",
            "Protest with intervention",
        ),
        # armed men who set a bus afire and burn people: an attack on civilians
        (
            "Two people sustained burn injuries when militants set a bus afire in Barlekha.",
            "Violence against civilians",
            "Attack",
        ),
        # a device made safe or weapons seized: disrupted weapons use
        (
            "Police safely disposed of an explosive device found near a school in Garissa.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        # force used to disperse a crowd: a protest with intervention; a rowdy crowd
        # dispersed is a riot
        (
            "Police lobbed teargas to disperse traders outside the county offices in Nakuru.",
            "Protests",
            "Protest with intervention",
        ),
        (
            "Police fired in the air to disperse a rowdy crowd of voters in Kiambu.",
            "Riots",
            "Violent demonstration",
        ),
        # a lynching and a mob's killing are mob violence (Riots)
        ("Two women accused of witchcraft were lynched in Nyamira.", "Riots", "Mob violence"),
        ("A mob attacked and killed two guards in Busia.", "Riots", "Mob violence"),
        # demonstrators who throw stones or fight running battles: a violent demonstration
        (
            "In Migori, demonstrators throw stones at police.",
            "Riots",
            "Violent demonstration",
        ),
        (
            "Residents protested in Kisii and engaged police in running battles.",
            "Riots",
            "Violent demonstration",
        ),
        # a fire exchanged between armed sides is a battle, in any tense
        ("Police exchange fire with raiders in Baringo.", "Battles", "Armed clash"),
        # unnamed attackers raiding homes: one-sided violence, not a battle
        (
            "Attackers raided two villages in Tiaty, killing two herders.",
            "Violence against civilians",
            "Attack",
        ),
        # one-sided violence in any tense is an attack, an event even when no one is
        # counted
        *(
            (text, "Violence against civilians", "Attack")
            for text in (
                "Gunmen attack farmers near Nyala.",
                "A church leader was murdered by unknown assailants in Kisumu.",
                "Police reservists shot and wounded a man in Mandera town.",
                "Security forces fired at civilians in Garissa town, injuring one person.",
                "An unidentified man hacks a woman to death in Kisii.",
                "A stabbing spree in Eldoret left five people injured.",
                # the same acts in other words: shot someone dead, slew, beat up,
                # wounds only a weapon makes, an attack told as a noun with its agent
                "Unknown gunmen shot a local trader dead in Kisumu.",
                "Assailants slew a village elder in Garissa.",
                "Two shopkeepers received bullet injuries in Eldoret town.",
                "A teacher was hurt in an attack by unidentified men in Nyeri.",
                "An unidentified attacker targeted a church in Mombasa.",
                # bodies found, executions, hijackings are the attacks they show
                "07 March: the bodies of two traders were found dumped near Voi.",
                "Gunmen executed a village chief in Bura.",
                # state forces beating people outside a demonstration: not a riot
                "A reporter was beaten by plainclothes policemen in Nakuru.",
                "Soldiers thrashed residents of Mandera after a curfew.",
                "In Wajir town, soldiers beat up traders after a curfew.",
            )
        ),
        # a crowd that beats people up is a mob, whoever its victims are
        ("Residents of Kibera beat up two policemen.", "Riots", "Mob violence"),
        # a demonstration that became violent, and a crowd's second verb after its
        # reason, make a violent demonstration
        (
            "Traders protested in Kisumu over new fees and stoned the county offices.",
            "Riots",
            "Violent demonstration",
        ),
        ("A protest by boda boda riders in Thika became rowdy.", "Riots", "Violent demonstration"),
        # a crowd's violence told after the reason of its protest makes a riot
        *(
            (text, "Riots", "Violent demonstration")
            for text in (
                "Residents of Maralal protested against the results, burning posters and tyres.",
                "A protest in Kisumu against a French-owned construction firm turned violent.",
            )
        ),
    ],
)
def test_codebook_types_of_notes(gazetteer, text, event_type, sub_event_type):
    events = extract_events(text, gazetteer=gazetteer)
    assert {(e.event_type, e.sub_event_type) for e in events} == {(event_type, sub_event_type)}, (
        events
    )


def test_a_murder_case_named_in_a_protest_is_no_attack(gazetteer):
    text = (
        "On 28 April 2024, families of victims in a murder case staged a human chain in "
        "Narayanganj city, demanding a speedy verdict."
    )
    assert {e.event_type for e in extract_events(text, gazetteer=gazetteer)} == {"Protests"}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # ethnic, tribal and clan groups that fight are identity militias: a battle
        ("Inter-clan clashes took place in Narok County, leaving 3 people dead.", "Battles"),
        # ... but supporters of parties clashing are a riot, whatever their ethnicity
        ("Rival party supporters clashed in Kisumu, injuring four.", "Riots"),
        # an attack on the police is a battle; police killing gang members is one too
        ("Armed men attacked police officers at their camp in Lamu.", "Battles"),
        ("Police shot dead two suspected gang members in Nakuru.", "Battles"),
        # attacked, with no armed side named: one-sided violence on a person
        (
            "A party candidate was attacked in Nairobi and sustained head injuries.",
            "Violence against civilians",
        ),
        # a riot told before its reason is the riot, not the killing it answers
        ("Riots broke out in Nairobi in response to the beheading of a woman.", "Riots"),
        # state forces hurt by anyone but a crowd: they are an armed side
        ("One police reservist was killed in Wajir by unnamed attackers.", "Battles"),
        (
            "Paramilitary forces open fire on Jugma, injuring three farmers.",
            "Violence against civilians",
        ),
        # a clan militia raiding a village, no fight told: one-sided
        (
            "Tribesmen raided a village near Lokichogio, killing two herdsmen.",
            "Violence against civilians",
        ),
        # a crowd that kills is a mob; people killed by one are not its subject
        ("Residents of Ogwedhi killed two suspected thieves in Migori.", "Riots"),
        ("Two villagers were killed by gunmen in Mandera.", "Violence against civilians"),
        # force on rioters is part of the riot
        ("Two supporters were shot dead by police during election riots in Kisumu.", "Riots"),
        # the police firing back make a fight of an attack on them
        (
            "Gunmen stopped a police car in Limuru and opened fire; the police fired back, "
            "killing two of them.",
            "Battles",
        ),
        # state forces killing members of a named group fight an organised armed group
        ("Three Sabaot members were shot dead by police in Kapsokwony.", "Battles"),
        # armed men attacking civilians named as such, and raids on villages: one-sided
        (
            "Clashes continued as militiamen attacked villagers near Moyale.",
            "Violence against civilians",
        ),
        ("Raiders killed two herders in a cattle raid near Baragoi.", "Violence against civilians"),
        # ... but raiders met by police in a gun battle fought them
        ("Police killed four raiders in a gun battle near Baragoi.", "Battles"),
        # state forces killing at a demonstration: excessive force against protesters,
        # or part of the riot when the crowd was violent
        (
            "Two students were shot dead by police during a protest in Kakamega.",
            "Protests",
        ),
        (
            "Police shot dead a youth during a protest in Kisii as protesters looted shops.",
            "Riots",
        ),
        # ... but a victim described by the cause he backed, killed by a militia's
        # assassins, is no protest
        (
            "On 15 December 2019, a supporter of anti-government demonstrators was shot "
            "dead in Baghdad by assassination squads of the security forces.",
            "Violence against civilians",
        ),
        ("One protester is killed by police in Maseno.", "Protests"),
        # a crowd that kills a man accused of theft is a mob, even when someone else
        # was killed in the story it tells
        (
            "Residents lynched a man accused of stealing a goat in Kisii, where a trader "
            "was killed last year.",
            "Riots",
        ),
        # two communities named by their names are identity groups: a battle
        ("Clashes between the Borana and Gabra communities left four dead in Moyale.", "Battles"),
        # state forces that kill suspected criminals are no mob
        (
            "Police killed three youths suspected of robbery in Mombasa.",
            "Violence against civilians",
        ),
        # a police station named as where it happened, and police quoted, are no side
        (
            "Gunmen killed a herder in Kalo village under Wajir police station, police said.",
            "Violence against civilians",
        ),
        # a retired officer is a civilian
        (
            "A retired police officer was shot dead by gunmen in Mombasa.",
            "Violence against civilians",
        ),
        # police who shoot a civilian dead are not hurt themselves: one-sided
        (
            "Police shot dead a driver in Narok who refused to pay a bribe.",
            "Violence against civilians",
        ),
    ],
)
def test_who_acts_on_whom_decides_the_type(gazetteer, text, event_type):
    events = extract_events(text, gazetteer=gazetteer)
    assert {e.event_type for e in events} == {event_type}, events


def test_protesters_blocking_a_road_stay_peaceful_but_burning_tyres_do_not(gazetteer):
    calm = "On 20 July 2024, students blocked the Sylhet highway demanding quota reform."
    hot = "On 20 July 2024, students blocked the Sylhet highway and burned tyres in protest."
    assert {e.event_type for e in extract_events(calm, gazetteer=gazetteer)} == {"Protests"}
    assert {e.event_type for e in extract_events(hot, gazetteer=gazetteer)} == {"Riots"}


def test_a_town_naming_the_group_that_acted_places_an_event_told_nowhere_else(gazetteer):
    # the only place is the modifier of the group's name: the event is where its unit is
    (e,) = extract_events(
        "Puducherry Pradesh Congress Committee led a demonstration on 5 May 2015.",
        gazetteer=gazetteer,
    )
    assert e.place is not None and (e.place.name, e.place.country_code) == ("Puducherry", "IN")
    # a country's name as a modifier gives no place finer than the sentence tells
    events = extract_events("US-made rifles were seized on 5 May 2015.", gazetteer=gazetteer)
    assert all(e.place is None or e.place.country_code != "US" for e in events)
