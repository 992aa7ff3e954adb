"""End to end over the seed article: every dated, placed incident, and the tally.

The 18 incidents below are those a careful coder would take from the article
at day precision (strategic developments and undated background excluded):
date, place within tolerance and casualty figure.
"""

from datetime import date

import pytest

from geo.extraction.documents import read_document
from geo.pipeline import extract
from tests.conftest import SEED
from tests.test_places import km

# (date, place name, (lat, lon), tolerance km, killed in the incident, event type)
INCIDENTS = [
    (date(2019, 10, 1), "Iraq", (33.0, 43.7), 300, 0, "Protests"),
    (date(2019, 11, 3), "Najaf", (32.026, 44.346), 10, 0, "Protests"),
    (date(2019, 11, 28), "Najaf", (32.026, 44.346), 10, 44, "Protests"),
    (date(2019, 11, 28), "Nasiriyah", (31.058, 46.257), 10, 44, "Protests"),
    (date(2019, 12, 6), "Khilani Square", (33.337, 44.415), 2, 19, None),
    (date(2019, 12, 8), "Tahrir Square", (33.333, 44.419), 2, 0, "Protests"),
    (date(2019, 12, 10), "Tahrir Square", (33.333, 44.419), 2, 0, "Protests"),
    (date(2019, 12, 10), "Baghdad", (33.34, 44.40), 10, 0, "Protests"),
    (date(2019, 12, 13), "Iraq", (33.0, 43.7), 300, 0, "Protests"),
    (date(2019, 12, 15), "Tahrir Square", (33.333, 44.419), 2, 1, None),
    (date(2019, 12, 21), "Al Diwaniyah", (31.99, 44.92), 10, 0, "Protests"),
    (date(2019, 12, 21), "Basrah", (30.51, 47.78), 15, 0, "Protests"),
    # the blockades "in southern Iraq": a point in the south at region precision
    (date(2019, 12, 22), "southern Iraq", (30.4, 45.5), 150, 0, "Protests"),
    (date(2019, 12, 24), "Tahrir Square", (33.333, 44.419), 2, 0, "Protests"),
    (date(2019, 12, 28), "Nasiriyah", (31.058, 46.257), 10, 0, "Protests"),
    (date(2019, 12, 28), "K1 military base", (35.512, 44.284), 3, 1, "Explosions/Remote violence"),
    (date(2019, 12, 29), "Iraq", (33.0, 43.7), 300, 66, None),
    (date(2019, 12, 31), "US embassy", (33.299, 44.396), 2, 0, "Riots"),
    (date(2020, 1, 1), "US embassy", (33.299, 44.396), 2, 0, None),
    (date(2020, 1, 3), "Baghdad Airport", (33.262, 44.235), 3, 2, "Explosions/Remote violence"),
]


@pytest.fixture(scope="module")
def events(gazetteer):
    return extract(read_document(SEED), gazetteer).events


def _find(events, day, name):
    found = [
        e
        for e in events
        if e.event_date == day and e.place and e.place.name == name and not e.is_aggregate
    ]
    assert found, f"no event on {day} at {name}"
    return found[0]


@pytest.mark.parametrize(("day", "name", "point", "tol", "killed", "etype"), INCIDENTS)
def test_incident(events, day, name, point, tol, killed, etype):
    e = _find(events, day, name)
    assert e.date_precision == "day"
    assert km((e.place.latitude, e.place.longitude), point) <= tol
    assert e.incident_fatalities == killed
    if etype:
        assert e.event_type == etype


def test_eighteen_incidents(events):
    incidents = {
        e.incident_id
        for e in events
        if e.event_date
        and e.place
        and not e.is_aggregate
        and e.date_precision == "day"
        and e.event_type != "Strategic developments"
    }
    assert len(incidents) == 18


def test_toll_split_over_two_cities_sums_to_total(events):
    rows = [e for e in events if e.event_date == date(2019, 11, 28)]
    assert sorted(e.place.name for e in rows) == ["Najaf", "Nasiriyah"]
    assert sum(e.fatalities for e in rows) == 44


def test_cumulative_tally_is_an_aggregate(events):
    (agg,) = [e for e in events if e.is_aggregate]
    assert (agg.fatalities, agg.injuries) == (490, 22000)
    assert agg.place.precision == "country" and agg.place.country_code == "IQ"
    assert agg.period_end == date(2019, 12, 28)
    assert agg.period_start == date(2019, 10, 1)
    assert agg.unmapped_reason == "aggregate"


def test_no_double_counting(events):
    dated = [e for e in events if not e.is_aggregate and e.event_date]
    # every death the article reports once: 1500 (Iran, November) + 44 + 19 + 1 + 1 + 66 + 2
    assert sum(e.fatalities for e in dated) == 1500 + 44 + 19 + 1 + 1 + 66 + 2


def test_raids_sentence_joins_its_incident(events):
    e = _find(events, date(2019, 12, 29), "Iraq")
    assert len(e.sources) == 2
    assert e.fatalities == 66


def test_undated_events_are_kept_with_reason(events):
    undated = [e for e in events if e.event_date is None]
    assert undated
    assert all(e.unmapped_reason == "no date" for e in undated if e.place)


def test_site_furniture_gives_no_event(events):
    doc = read_document(SEED)
    first_line_end = doc.text.index("\n")
    assert all(e.char_start > first_line_end for e in events)
    assert all("Exit mobile" not in e.source_text for e in events)
