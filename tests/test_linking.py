"""Reports of one incident from different documents become one incident."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.io.corpus import corpus_from_texts
from geo.io.linking import (
    FEATURES,
    LINK_AT,
    Report,
    features,
    incidents_frame,
    link,
    link_frame,
)
from geo.io.schema import events_frame
from geo.models import Place

THREE_WAYS = [
    (
        "wire.txt",
        "Published: 2021-03-06\n\nAt least 20 people were killed when a bomb exploded at a "
        "crowded market in Kano on Friday, police said.",
    ),
    (
        "local.txt",
        "Published: 2021-03-05\n\nA bomb blast at a busy market in Kano on 5 March 2021 "
        "killed 23 people, hospital officials said.",
    ),
    (
        "summary.txt",
        "On 5 March 2021, a bombing at a market in Kano, Nigeria, killed 19 people and "
        "injured dozens.",
    ),
]


def _linked(gazetteer, texts):
    return link_frame(events_frame(corpus_from_texts(texts, gazetteer).events))


def test_three_reports_of_one_bombing_are_one_incident_with_the_lowest_toll(gazetteer):
    linked = _linked(gazetteer, THREE_WAYS)
    kano = linked[linked["location"] == "Kano"]
    assert len(kano) == 3 and kano["merged_id"].nunique() == 1
    row = kano.iloc[0]
    assert (row.n_reports, row.headline_killed) == (3, 19)
    assert (row.fatalities_min, row.fatalities_max) == (19, 23)
    assert set(row.sources.split("; ")) == {"wire.txt", "local.txt", "summary.txt"}
    incidents = incidents_frame(linked)
    assert len(incidents[incidents["location"] == "Kano"]) == 1
    assert incidents.loc[incidents["location"] == "Kano", "killed"].tolist() == [19]
    assert incidents["killed"].sum() == 19  # never 19 + 20 + 23


def test_two_incidents_a_day_apart_in_one_city_stay_two(gazetteer):
    linked = _linked(
        gazetteer,
        [
            (
                "a.txt",
                "Published: 2021-01-22\n\nA car bomb killed five people in Baghdad on Thursday.",
            ),
            ("b.txt", "On 20 January 2021, a roadside bomb killed two people in Baghdad."),
            ("c.txt", "On 21 January 2021, a roadside bomb killed two people in Basra."),
        ],
    )
    assert linked["merged_id"].nunique() == 3


def test_two_reports_of_a_protest_without_a_toll_are_possible_not_merged(gazetteer):
    """A city holds many protests a day: place, day and type alone do not merge."""
    linked = _linked(
        gazetteer,
        [
            (
                "a.txt",
                "Published: 2023-07-08\n\nPolice fired tear gas at protesters in Nairobi on Friday.",
            ),
            ("b.txt", "On 7 July 2023, police fired tear gas at protesters in Nairobi."),
        ],
    )
    assert linked["merged_id"].nunique() == 2
    a, b = linked["merged_id"].tolist()
    assert linked["possible_same"].tolist() == [b, a]


def test_a_country_level_report_does_not_swallow_a_city_level_one(gazetteer):
    linked = _linked(
        gazetteer,
        [
            ("national.txt", "On 7 July 2023, protests were held across Kenya against new taxes."),
            ("city.txt", "On 7 July 2023, protesters marched against new taxes in Nairobi."),
        ],
    )
    assert set(linked["geo_precision"]) == {"country", "city"}
    assert linked["merged_id"].nunique() == 2


def test_a_document_never_links_with_itself(gazetteer):
    text = (
        "On 5 March 2021, a bomb killed 20 people at a market in Kano. "
        "On 5 March 2021, a second bomb killed 20 people at a market in Kano."
    )
    linked = _linked(gazetteer, [("one.txt", text)])
    assert linked["merged_id"].nunique() == len(linked) >= 1


def _report(doc: str, day: int, kind: str = "Protests", killed: int | None = 3, **place) -> Report:
    p = Place(
        place.get("name", "Najaf"),
        place.get("lat", 32.0),
        place.get("lon", 44.3),
        place.get("precision", "city"),
        place.get("cc", "IQ"),
        gazetteer_id=place.get("gid", "g:najaf"),
    )
    return Report(
        f"{doc}:1", doc, date(2020, 1, day), "day", False, p, kind, "", killed,
        frozenset(), frozenset(),
    )  # fmt: skip


def test_types_that_cannot_be_one_incident_never_link():
    protest = _report("a", 5, "Protests")
    strike = _report("b", 5, "Explosions/Remote violence")
    deal = _report("c", 5, "Strategic developments")
    assert features(protest, strike) is None and features(protest, deal) is None
    crackdown = _report("d", 5, "Violence against civilians")
    assert "crowd_and_force" in features(protest, crackdown)


def test_every_feature_is_named_in_the_table():
    names = {f.name for f in FEATURES}
    a, b = _report("a", 5), _report("b", 5)
    assert set(features(a, b)) <= names


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 3), st.integers(0, 30), st.sampled_from("abcd")), max_size=12)
)
def test_no_incident_holds_two_reports_of_one_document_and_pairs_link_only_over_the_bar(rows):
    reports = [_report(f"{doc}{n % 2}", day, killed=k) for n, (day, k, doc) in enumerate(rows)]
    linkage = link(reports)
    assert sorted(i for g in linkage.groups for i in g) == list(range(len(reports)))
    for g in linkage.groups:
        docs = [reports[i].document for i in g]
        assert len(docs) == len(set(docs))
        for i in g:
            for j in g:
                if i < j:
                    assert features(reports[i], reports[j]) is not None
        if len(g) > 1:  # every member has a partner it scores at the bar with
            from geo.io.linking import score

            for i in g:
                assert any(score(reports[i], reports[j]) >= LINK_AT for j in g if j != i)


@pytest.mark.parametrize("name", ["hand-written variants"])
def test_the_benchmark_meets_its_targets_on_the_hand_written_set(gazetteer, name):
    from bench.linking import HAND, read_labels, score_set

    s = score_set(name, sorted(HAND.glob("*.txt")), read_labels(HAND / "labels.csv"), gazetteer)
    assert not s.not_found
    assert s.same_pairs >= 7
    assert s.precision >= 0.95 and s.recall >= 0.8


def test_the_cli_writes_one_row_per_incident_with_merge_and_merged_id_without(tmp_path):
    import csv

    from geo.cli import main

    names = []
    for name, text in THREE_WAYS:
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(str(tmp_path / name))
    merged, reports = tmp_path / "merged.csv", tmp_path / "reports.csv"
    assert main(["extract", *names, "--merge", "-o", str(merged)]) == 0
    assert main(["extract", *names, "-o", str(reports)]) == 0
    rows = list(csv.DictReader(merged.open(encoding="utf-8")))
    (kano,) = [r for r in rows if r["location"] == "Kano"]
    assert (kano["fatalities"], kano["n_reports"]) == ("19", "3")
    assert (kano["fatalities_min"], kano["fatalities_max"]) == ("19", "23")
    assert len(kano["sources"].split("; ")) == 3
    per_report = [
        r for r in csv.DictReader(reports.open(encoding="utf-8")) if r["location"] == "Kano"
    ]
    assert sorted(r["fatalities"] for r in per_report) == ["19", "20", "23"]
    assert {r["merged_id"] for r in per_report} == {kano["merged_id"]}


ACLED_KANO = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
    "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,iso\n"
    "NIG1,05 March 2021,2021,1,Explosions/Remote violence,Remote explosive/landmine/IED,"
    "Unidentified Armed Group (Nigeria),Civilians (Nigeria),Nigeria,Kano,Kano,12.0001,8.5167,1,"
    'Hand-written,"Invented row: a bomb exploded at a market in Kano, killing 21.",21,566\n'
)


def test_an_acled_row_joins_the_reports_of_its_incident(gazetteer):
    from geo.io.acled import read_acled

    coded = read_acled(ACLED_KANO, source="acled.csv")
    assert not coded.errors
    told = corpus_from_texts(THREE_WAYS[:2], gazetteer).events
    linked = link_frame(events_frame(coded.events + told))
    kano = linked[linked["location"].str.contains("Kano")]
    assert len(kano) == 3 and kano["merged_id"].nunique() == 1
    assert kano["headline_killed"].iloc[0] == 20  # lowest firm figure of 20, 21, 23


def test_the_store_keeps_incidents_as_reports_arrive(tmp_path, gazetteer):
    from geo.io.linking import summarise
    from geo.io.query import EventFilter
    from geo.io.store import EventStore

    store = EventStore(tmp_path / "s")
    frames = [events_frame(corpus_from_texts([t], gazetteer).events) for t in THREE_WAYS]
    for f in frames:  # one document at a time, as they come in
        store.append(f)
    stored = store.frame()
    kano = stored[stored["location"] == "Kano"]
    assert len(kano) == 3 and kano["merged_id"].nunique() == 1
    before = stored.set_index("event_id")["merged_id"]
    store.append(frames[0])  # the same document saved again changes nothing
    again = store.frame().set_index("event_id")["merged_id"]
    assert store.count(EventFilter()) == len(before) and again.sort_index().equals(
        before.sort_index()
    )
    incidents = incidents_frame(summarise(store.frame()))
    row = incidents[incidents["location"] == "Kano"].iloc[0]
    assert (row.killed, row.n_reports, row.fatalities_max) == (19, 3, 23)
