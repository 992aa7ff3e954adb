"""The GeoParquet event store: round trip, filters, atomic and concurrent saves."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.io.export import to_csv, to_geojson
from geo.io.query import EventFilter, apply
from geo.io.schema import ALL_COLUMNS, events_frame, rows_frame
from geo.io.store import EventStore
from tests.conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed(gazetteer):
    from geo.io.corpus import corpus_from_folder

    return events_frame(corpus_from_folder(SEED.parent, gazetteer).events)


def test_round_trip_store_filter_export(tmp_path, seed):
    store = EventStore(tmp_path / "store")
    assert store.append(seed) == len(seed)
    parts = list((tmp_path / "store").glob("month=*/part-*.parquet"))
    assert {p.parent.name for p in parts} >= {"month=2019-12", "month=undated", "month=aggregate"}
    gdf = gpd.read_parquet(parts[0])  # real GeoParquet
    assert gdf.crs.to_epsg() == 4326 and gdf.geometry.name == "geometry"
    everything = store.query(EventFilter(), columns=ALL_COLUMNS)
    assert sorted(everything["event_id"]) == sorted(seed["event_id"])
    back = rows_frame(everything[list(ALL_COLUMNS)].to_dict("records"))
    assert (
        back.sort_values("event_id")[list(ALL_COLUMNS)].to_numpy().tolist()
        == seed.sort_values("event_id")[list(ALL_COLUMNS)].to_numpy().tolist()
    )
    rows = everything[list(ALL_COLUMNS)].to_dict("records")
    assert len(list(csv.DictReader(io.StringIO(to_csv(rows))))) == len(seed)
    assert len(json.loads(to_geojson(rows))["features"]) == len(seed)


@pytest.mark.parametrize(
    "view",
    [
        EventFilter(start=date(2019, 12, 1), end=date(2019, 12, 10)),
        EventFilter(start=date(2019, 11, 1), end=date(2019, 11, 30)),  # the aggregate's period
        EventFilter(types=("Protests",), min_killed=0),
        EventFilter(min_killed=19),
        EventFilter(search="tahrir"),
    ],
)
def test_store_filters_match_the_in_memory_ones(tmp_path, seed, view):
    store = EventStore(tmp_path)
    store.append(seed)
    got = store.query(view)
    assert sorted(got["event_id"]) == sorted(apply(seed, view)["event_id"])


@pytest.fixture(scope="module")
def synthetic():
    from bench.synthetic import synthetic_frame

    return synthetic_frame(3000)


@pytest.mark.parametrize(
    "view",
    [
        EventFilter(start=date(2019, 3, 1), end=date(2019, 5, 31)),
        EventFilter(types=("Battles", "Riots"), min_killed=3),
        EventFilter(search="a"),
        EventFilter(search="100%"),  # LIKE's wildcards are literal
        EventFilter(search="_"),
        EventFilter(bbox=(30.0, 40.0, 36.0, 46.0)),
        EventFilter(start=date(2019, 6, 1), end=date(2019, 6, 30), types=("Protests",)),
    ],
)
def test_a_synthetic_store_filters_as_its_frame_does(tmp_path_factory, synthetic, view):
    store = EventStore(tmp_path_factory.mktemp("synthetic"))
    store.append(synthetic)
    got = store.query(view)
    want = apply(synthetic, view)
    assert sorted(got["event_id"]) == sorted(want["event_id"])


def test_saving_twice_does_not_double_count(tmp_path, seed):
    store = EventStore(tmp_path)
    store.append(seed)
    store.append(seed)
    assert store.count() == len(seed)
    killed = store.query(EventFilter())["killed"].sum()
    assert killed == seed["killed"].sum()
    assert store.compact() == len(seed)
    assert len(list(tmp_path.glob("month=*/part-*.parquet"))) == len(
        {p.parent for p in tmp_path.glob("month=*/part-*.parquet")}
    )


SAVE = """
import json, sys
from geo.io.store import EventStore
from geo.io.schema import rows_frame
EventStore(sys.argv[1]).append(rows_frame(json.load(open(sys.argv[2]))))
"""


def test_two_sessions_saving_at_once_both_land(tmp_path, seed):
    rows = seed[list(ALL_COLUMNS)].to_dict("records")
    files = []
    for tag in ("a", "b"):
        f = tmp_path / f"{tag}.json"
        f.write_text(json.dumps([dict(r, event_id=f"{tag}-{r['event_id']}") for r in rows]))
        files.append(f)
    store_dir = tmp_path / "store"
    procs = [
        subprocess.Popen([sys.executable, "-c", SAVE, str(store_dir), str(f)], cwd=ROOT)
        for f in files * 3
    ]  # six sessions, at the same time
    assert all(p.wait(120) == 0 for p in procs)
    store = EventStore(store_dir)
    assert store.count() == 2 * len(seed)
    assert not list(store_dir.glob("month=*/.*.tmp"))  # no half-written file left


def test_empty_store(tmp_path):
    store = EventStore(tmp_path / "none")
    assert store.count() == 0 and store.date_range() is None
    assert store.query(EventFilter()).empty


def _frame(n: int, month: int):
    from geo.io.schema import rows_frame

    return rows_frame(
        [
            {
                "event_id": f"m{month}-{i}",
                "event_date": f"2020-{month:02d}-{1 + i % 28:02d}",
                "latitude": "33.3",
                "longitude": "44.4",
                "fatalities": "1",
                "event_type": "Protests",
            }
            for i in range(n)
        ]
    )


def test_a_save_cut_half_way_is_not_read_and_check_finds_it(tmp_path, monkeypatch):
    import geopandas as gpd

    from geo.io.query import EventFilter
    from geo.io.store import EventStore

    store = EventStore(tmp_path / "s")
    store.append(_frame(5, 1))  # a finished save
    real = gpd.GeoDataFrame.to_parquet
    calls = {"n": 0}

    def dies_on_the_second_part(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process killed while saving
        return real(self, *args, **kwargs)

    monkeypatch.setattr(gpd.GeoDataFrame, "to_parquet", dies_on_the_second_part)
    both = pd.concat([_frame(4, 2), _frame(3, 3)], ignore_index=True)
    with pytest.raises(KeyboardInterrupt):
        store.append(both)
    monkeypatch.undo()
    reopened = EventStore(tmp_path / "s")
    assert reopened.count(EventFilter()) == 5  # all of the finished save, none of the cut one
    damaged, orphaned = reopened.check()
    assert damaged == [] and len(orphaned) == 1
    reopened.check(repair=True)
    assert reopened.check() == ([], [])
    assert reopened.count(EventFilter()) == 5


def test_a_damaged_part_is_skipped_and_named(tmp_path):
    from geo.cli import main
    from geo.io.query import EventFilter
    from geo.io.store import EventStore

    store = EventStore(tmp_path / "s")
    store.append(_frame(5, 1))
    store.append(_frame(4, 2))
    (part,) = sorted((tmp_path / "s").glob("month=2020-02/part-*.parquet"))
    part.write_bytes(part.read_bytes()[:100])  # truncated
    assert store.count(EventFilter()) == 5
    assert main(["store", str(tmp_path / "s"), "--check"]) == 2
    assert main(["store", str(tmp_path / "s"), "--repair"]) == 0
    assert main(["store", str(tmp_path / "s"), "--check"]) == 0


NOTES = ["100% sure", "a_b road", "c\\d", "plain", "50%_off\\", "A%B"]


@pytest.fixture(scope="module")
def wildcard_store(tmp_path_factory):
    rows = [
        {
            "event_id": f"w{i}",
            "event_date": "2020-01-0" + str(1 + i),
            "latitude": "33.3",
            "longitude": "44.4",
            "event_type": "Protests",
            "source_text": note,
        }
        for i, note in enumerate(NOTES)
    ]
    store = EventStore(tmp_path_factory.mktemp("wild") / "s")
    store.append(rows_frame(rows))
    return store


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="%_\\abcdA ", min_size=1, max_size=4))
def test_store_search_takes_wildcards_literally(wildcard_store, text):
    """``%``, ``_`` and ``\\`` in a search are characters, not SQL wildcards."""
    expected = sum(text.lower() in n.lower() for n in NOTES)
    assert wildcard_store.count(EventFilter(search=text)) == expected


def test_a_store_saved_before_a_column_existed_still_opens(tmp_path):
    """Parts written by an older version lack newer columns: they read as empty."""
    import pyarrow.parquet as pq

    store = EventStore(tmp_path / "s")
    store.append(_frame(3, 1))
    for part in (tmp_path / "s").glob("month=*/part-*.parquet"):
        table = pq.read_table(part)
        pq.write_table(table.drop_columns(["date_relative", "sentence_spans"]), part)
    reopened = EventStore(tmp_path / "s")
    frame = reopened.frame()
    assert len(frame) == 3 and set(frame["date_relative"]) == {""}
    assert len(reopened.query(EventFilter(), columns=("event_id", "sentence_spans"))) == 3
