"""Incidents told across a document (geo.extraction.incidents), on reports written
here in the usual shapes of wire copy: a headline, a lead, follow-ups, a recap."""

from __future__ import annotations

from datetime import date

import pytest

from geo.gazetteer import Gazetteer
from geo.models import Event
from geo.pipeline import extract_events

PUB = date(2021, 3, 7)


def _events(text: str, gazetteer: Gazetteer, pub: date | None = PUB) -> list[Event]:
    return extract_events(text, gazetteer=gazetteer, publication_date=pub)


def _rows(text: str, gazetteer: Gazetteer, pub: date | None = PUB) -> list[Event]:
    """The events of ``text`` that are incidents, not reported totals."""
    return [e for e in _events(text, gazetteer, pub) if not e.is_aggregate]


def _incidents(events: list[Event]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for e in events:
        if not e.is_aggregate:
            out.setdefault(e.incident_id, []).append(e)
    return out


def test_headline_repeats_the_lead_and_counts_once(gazetteer: Gazetteer) -> None:
    text = (
        "At least 12 dead in Mosul car bombing\n\n"
        "At least 12 people were killed and 30 wounded when a car bomb exploded at a "
        "market in Mosul on Saturday, police said.\n\n"
        "The explosion tore through stalls selling vegetables.\n"
    )
    events = _events(text, gazetteer)
    incidents = _incidents(events)
    assert len(incidents) == 1, events
    (rows,) = incidents.values()
    assert sum(e.fatalities for e in rows) == 12
    assert rows[0].event_date == date(2021, 3, 6)
    assert rows[0].place is not None and rows[0].place.name.startswith("Mosul")
    assert len(rows[0].sources) >= 2  # the headline is kept as a source, not a second row


def test_follow_up_updates_the_toll_and_superseded_toll_is_not_added(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Five protesters were shot dead in Basra on Friday, medics said.\n\n"
        "About 40 others were wounded when police fired live rounds to clear a bridge, "
        "the sources said, after reporting an earlier toll of three dead.\n"
    )
    events = _events(text, gazetteer)
    incidents = _incidents(events)
    assert len(incidents) == 1, events
    (rows,) = incidents.values()
    assert sum(e.fatalities for e in rows) == 5
    assert sum(e.injuries for e in rows) == 40
    assert all(e.event_date == date(2021, 3, 5) for e in rows)


def test_a_later_update_replaces_the_toll(gazetteer: Gazetteer) -> None:
    text = (
        "Three people were killed in a blast in Kirkuk on Monday.\n\n"
        "The death toll from the blast later rose to seven, a health official said.\n"
    )
    rows = _rows(text, gazetteer)
    assert sum(e.fatalities for e in rows) == 7
    assert len(_incidents(rows)) == 1


def test_other_sources_figures_are_kept_beside_the_leads(gazetteer: Gazetteer) -> None:
    text = (
        "At least 20 people were killed in an attack on a village near Kirkuk on Sunday.\n\n"
        "Local officials said 14 people had died in the attack.\n"
    )
    rows = _rows(text, gazetteer)
    assert sum(e.fatalities for e in rows) == 20
    assert 14 in rows[0].other_tolls


def test_a_new_date_or_place_opens_a_new_incident(gazetteer: Gazetteer) -> None:
    text = (
        "Two soldiers were killed in a roadside bombing in Kirkuk on 2 March 2021.\n\n"
        "On 4 March 2021, gunmen killed a shopkeeper in Basra.\n"
    )
    incidents = _incidents(_events(text, gazetteer))
    assert len(incidents) == 2
    tolls = sorted(sum(e.fatalities for e in rows) for rows in incidents.values())
    assert tolls == [1, 2]


def test_nationalities_of_victims_and_attackers_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "On 3 March 2021, a rocket attack on an air base in Anbar killed two Americans "
        "and one British contractor.\n\n"
        "A Turkish drone strike killed two Iraqi soldiers on 5 March 2021.\n"
    )
    events = _events(text, gazetteer)
    codes = {e.place.country_code for e in events if e.place}
    assert "US" not in codes and "GB" not in codes and "TR" not in codes, events
    first = [e for e in events if e.event_date == date(2021, 3, 3)]
    assert sum(e.fatalities for e in first) == 3


def test_crowds_nationality_may_stand_for_the_country(gazetteer: Gazetteer) -> None:
    events = _events("On 3 March 2021, Lebanese protesters blocked roads.", gazetteer)
    assert [e.place.country_code for e in events if e.place] == ["LB"]


def test_distance_anchor_is_not_the_place(gazetteer: Gazetteer) -> None:
    text = (
        "Rebels attacked an army camp in Marib province, about 170 km east of Sanaa, "
        "on 3 March 2021, killing 9 soldiers."
    )
    events = [e for e in _events(text, gazetteer) if e.place]
    assert events and all("Sana" not in e.place.name for e in events if e.place), events


def test_speaker_is_not_the_place(gazetteer: Gazetteer) -> None:
    text = (
        "Clashes broke out in Tripoli on 3 March 2021.\n\n"
        "The Red Cross said at least 30 people were injured in the clashes.\n"
    )
    events = _events(text, gazetteer)
    assert all(e.location_text != "Red Cross" for e in events)
    assert sum(e.injuries for e in events if not e.is_aggregate) == 30


def test_a_follow_up_gives_the_date_the_lead_lacked(gazetteer: Gazetteer) -> None:
    text = (
        "Militants have killed at least 15 soldiers in an attack on a base in Diyala "
        "province, officials said.\n\n"
        "The militants stormed the base in Diyala during the night on Thursday, "
        "a security source said.\n"
    )
    rows = _rows(text, gazetteer)
    assert len(_incidents(rows)) == 1, rows
    assert rows[0].event_date == date(2021, 3, 4)
    assert sum(e.fatalities for e in rows) == 15


def test_a_toll_told_after_several_days_is_a_total(gazetteer: Gazetteer) -> None:
    text = (
        "Rockets hit the base in Kirkuk on 1 March and 4 March 2021. "
        "Four contractors were killed.\n"
    )
    events = _events(text, gazetteer)
    assert not [e for e in events if not e.is_aggregate and e.fatalities]
    totals = [e for e in events if e.is_aggregate]
    assert totals and totals[0].fatalities == 4
    assert (totals[0].period_start, totals[0].period_end) == (date(2021, 3, 1), date(2021, 3, 4))


def test_undated_document_still_gives_its_events(gazetteer: Gazetteer) -> None:
    events = _events(
        "Teachers staged a protest in front of the education office in Chandigarh.",
        gazetteer,
        pub=None,
    )
    assert events and events[0].event_date is None
    assert events[0].place is not None and events[0].place.country_code == "IN"
    assert events[0].unmapped_reason == "no date"


def test_background_since_a_date_is_no_event(gazetteer: Gazetteer) -> None:
    events = _events(
        "Protesters have voiced outrage since 17 October, demanding an end to corruption.",
        gazetteer,
    )
    assert events == []
    # the date ends a clause that began with "since": the start of a period too
    events = _events(
        "Troops have held the border since the army began its offensive in June.",
        gazetteer,
    )
    assert events == []


def test_places_have_their_roles(gazetteer: Gazetteer) -> None:
    from geo.extraction.documents import document_from_text
    from geo.pipeline import extract, toponym_roles

    text = (
        "On 3 March 2021, rockets hit an air base in Anbar, 40 km west of Ramadi, "
        "killing two Americans. A contractor from Texas was wounded, the Red Cross said. "
        "US forces responded, Baghdad said."
    )
    result = extract(document_from_text("a.txt", text, publication_date=PUB), gazetteer)
    roles = {t.text: r for t, r in zip(result.toponyms, toponym_roles(result), strict=True)}
    # a point told by distance from a town is finer than the province around it
    assert roles["40 km west of Ramadi"] == "event"
    assert roles["Americans"] == "actor"
    assert roles["Texas"] == "origin"
    assert roles["Baghdad"] == "said"
    assert "Red Cross" not in roles  # an organisation (words.NAMES_OF_GROUPS), no place
    assert roles["US"] == "modifier"
    (event,) = [e for e in result.events if e.fatalities]
    assert event.place is not None and event.place.precision == "near"
    assert event.place.name == "40 km west of Ramadi"
    assert "distance and direction" in event.place_basis


def test_a_distance_from_a_town_is_a_point_near_it(gazetteer: Gazetteer) -> None:
    """'N km <direction> of Y': the point N km that way from Y, at precision near;
    a town named in the sentence is finer, and the distance only measures."""
    from geopy.distance import great_circle

    from geo.extraction.documents import document_from_text
    from geo.pipeline import extract, toponym_roles

    text = "On 5 May 2020, IS militants killed two soldiers 20 km south of Kirkuk."
    result = extract(document_from_text("a.txt", text, publication_date=PUB), gazetteer)
    (event,) = result.events
    kirkuk = gazetteer.lookup("Kirkuk")[0]
    assert event.place is not None and event.place.precision == "near"
    here = (event.place.latitude, event.place.longitude)
    assert great_circle(here, (kirkuk.latitude, kirkuk.longitude)).km == pytest.approx(20, abs=0.5)
    assert event.place.latitude < kirkuk.latitude  # south
    text = "On 5 May 2020, IS militants killed two soldiers in Daquq, 40 km south of Kirkuk."
    result = extract(document_from_text("a.txt", text, publication_date=PUB), gazetteer)
    roles = {t.text: r for t, r in zip(result.toponyms, toponym_roles(result), strict=True)}
    assert roles["Daquq"] == "event"
    assert roles["40 km south of Kirkuk"] == "reference"


def test_places_cli_prints_the_role(tmp_path) -> None:
    import json
    import subprocess
    import sys

    f = tmp_path / "a.txt"
    f.write_text("Protesters gathered in Basra on 3 March 2021, Baghdad said.\n")
    out = subprocess.run(
        [sys.executable, "-m", "geo", "places", str(f)], capture_output=True, text=True, check=True
    ).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["text"]: r["role"] for r in rows} == {"Basra": "event", "Baghdad": "said"}


def test_a_capital_or_country_acting_is_an_actor_not_the_place(gazetteer: Gazetteer) -> None:
    text = (
        "Ankara launched operations in northern Iraq against the PKK on June 14 and June 16, 2020."
    )
    events = _events(text, gazetteer)
    assert [(e.event_date, e.place.country_code if e.place else None) for e in events] == [
        (date(2020, 6, 14), "IQ"),
        (date(2020, 6, 16), "IQ"),
    ]


def test_the_demonym_capital_is_the_capital_city(gazetteer: Gazetteer) -> None:
    text = "On 3 March 2021, a car bomb killed five people in the Iraqi capital."
    (event,) = _events(text, gazetteer)
    assert event.place is not None and event.place.name == "Baghdad"


def test_days_after_a_clause_date_that_clause(gazetteer: Gazetteer) -> None:
    text = (
        "On 8 January 2020, a plane was shot down near Tehran, killing all 176 on board. "
        "The crash came five days after the United States carried out a drone strike "
        "in Iraq."
    )
    events = _events(text, gazetteer)
    assert any(
        e.event_date == date(2020, 1, 3) and e.place and e.place.country_code == "IQ"
        for e in events
    ), events


def test_a_follow_up_that_names_the_places_says_where_the_toll_is(
    gazetteer: Gazetteer,
) -> None:
    # the lead names only the country; the follow-up names two cities and puts
    # the dead in one of them by its own clause
    text = (
        "Protests were held across Kenya on 7 July 2023 against rising prices.\n\n"
        "Police fired tear gas at protesters in Nairobi on 7 July 2023, and at least "
        "two people were killed in Kisumu.\n"
    )
    rows = _rows(text, gazetteer, date(2023, 7, 8))
    tolls = {e.place.name: e.fatalities for e in rows if e.place is not None}
    assert tolls == {"Nairobi": 0, "Kisumu": 2}, rows


def test_a_follow_up_telling_the_crowds_violence_makes_the_protest_a_riot(
    gazetteer: Gazetteer,
) -> None:
    # ACLED codes the event by what it became; the follow-up has no event word
    text = (
        "Traders protested in Embu on 4 March 2021 against new market levies. "
        "They burned tyres and pelted vehicles with stones.\n\n"
        "Students marched in Nyeri on 4 March 2021 against fees. "
        "Police used tear gas to disperse them.\n"
    )
    kinds = {
        e.place.name: (e.event_type, e.sub_event_type)
        for e in _events(text, gazetteer)
        if e.place is not None
    }
    assert kinds == {
        "Embu": ("Riots", "Violent demonstration"),
        "Nyeri": ("Protests", "Protest with intervention"),
    }


def test_two_days_in_one_place_keep_it_whatever_adjectives_follow(gazetteer: Gazetteer) -> None:
    # "Turkish army bases" is an adjective, not the place of the second day
    text = (
        "Ankara launched two operations in northern Iraq against the PKK on June 14 and "
        "June 16, after attacks on Turkish army bases along the border.\n"
    )
    rows = _events(text, gazetteer, date(2020, 8, 11))
    assert {(e.event_date, e.place.country_code) for e in rows if e.place} == {
        (date(2020, 6, 14), "IQ"),
        (date(2020, 6, 16), "IQ"),
    }, rows


@pytest.mark.parametrize(
    ("text", "name", "precision", "killed", "injured"),
    [
        # the incident had no place: the follow-up tells it
        (
            "Nine soldiers were injured and one police officer killed in twin explosions on "
            "Monday. The single fatality was in Mandera.",
            "Mandera",
            "city",
            1,
            9,
        ),
        # the incident had only its country: a later paragraph tells a finer place
        (
            "A drone strike killed three border guards in Iraq on Monday, the army said.\n\n"
            "The attack took place in northeastern Iraq, near the Iranian border.\n",
            "north-eastern Iraq",
            "region",
            3,
            0,
        ),
    ],
)
def test_a_follow_up_that_tells_where_it_happened_places_the_incident(
    gazetteer: Gazetteer, text: str, name: str, precision: str, killed: int, injured: int
) -> None:
    rows = _rows(text, gazetteer)
    assert len(rows) == 1
    assert rows[0].place is not None
    assert (rows[0].place.name, rows[0].place.precision) == (name, precision)
    assert (rows[0].fatalities, rows[0].injuries) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a plan, a demand, a wider campaign, a cause: another time than the event's
        (
            "On 7 January 2024, opposition members staged a protest rally in Rangpur, in "
            "support of the nationwide blockade announced for 6-8 January.",
            [date(2024, 1, 7)],
        ),
        (
            "On 2 June 2024, garment workers staged a protest rally in Gazipur, demanding "
            "full salaries and bonuses by June 10.",
            [date(2024, 6, 2)],
        ),
        (
            "On 9 November 2023, rioters set fire to a bus in Bogra, during their blockade "
            "program on November 8-9.",
            [date(2023, 11, 9)],
        ),
        (
            "On 9 June 2024, journalists formed a human chain in Jamalpur over the assault "
            "of a journalist on 8 June.",
            [date(2024, 6, 9)],
        ),
        # a year told beside a day is background
        (
            "On 7 May 2024, tea workers staged a protest rally in Sylhet, demanding dues "
            "unpaid since 2018.",
            [date(2024, 5, 7)],
        ),
        # dates joined to the event's, or opening a clause of their own, are events'
        (
            "Turkish forces launched operations against the PKK in Duhok on June 14 and "
            "June 16, 2020.",
            [date(2020, 6, 14), date(2020, 6, 16)],
        ),
        (
            "On 5 May 2021, police fired tear gas at protesters in Kano, and on 6 May 2021 "
            "protesters blocked roads in Kaduna.",
            [date(2021, 5, 5), date(2021, 5, 6)],
        ),
    ],
)
def test_only_the_events_own_dates_give_events(
    text: str, days: list[date], gazetteer: Gazetteer
) -> None:
    events = _rows(text, gazetteer)
    assert sorted({e.event_date for e in events}) == days, events


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a foreign place of the reason a crowd gives is not where it was
        (
            "On 2 June 2024, members of the Peace Council held a protest rally in Dhaka, "
            "condemning the Israeli military aggression on Gaza.",
            ["Dhaka"],
        ),
        # a place of its own country after the reason may be where the crowd was
        (
            "On 28 January 2015, members of the Anganwadi union of Punjab protested "
            "against the Prime Minister in Jalandhar for not raising wages.",
            ["Jalandhar"],
        ),
    ],
)
def test_a_crowds_place_is_not_the_foreign_place_of_its_reason(
    text: str, places: list[str], gazetteer: Gazetteer
) -> None:
    events = _rows(text, gazetteer)
    assert sorted(e.place.name for e in events if e.place) == places, events
