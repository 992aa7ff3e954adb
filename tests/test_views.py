"""The stages behind the dashboard: table and filters, map, details, provinces, ACLED."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from geo.io.acled import read_acled
from geo.io.query import EventFilter, apply
from geo.io.schema import events_frame, rows_frame
from geo.view.assets import install_static
from geo.view.details import event_details
from geo.view.escape import esc
from geo.view.highlight import Span, highlight_html
from geo.view.mapping import (
    COARSE,
    MARKER_LIMIT,
    MIN_RADIUS,
    build_map,
    grid_groups,
    marker_groups,
    marker_radius,
    rows_at,
    selected_place,
)
from geo.view.provinces import province_counts
from geo.view.table import presets, tally
from tests.conftest import ROOT, SEED

ACLED_SAMPLE = ROOT / "tests" / "data" / "acled_sample.csv"
PAYLOADS = (
    '<img src=x onerror="alert(1)">',
    "<script>alert(2)</script>",
    "<svg onload=alert(3)>",
    '"><b onmouseover=alert(4)>',
    "`${alert(5)}`",
)


@pytest.fixture(scope="module")
def seed_frame(gazetteer):
    from geo.io.corpus import corpus_from_folder

    corpus = corpus_from_folder(SEED.parent, gazetteer)
    return corpus, events_frame(corpus.events)


# ---- table and filters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, EventFilter()),
        (
            {"start": "2019-12-01", "end": "2019-12-10"},
            EventFilter(start=date(2019, 12, 1), end=date(2019, 12, 10)),
        ),
        ({"types": "Protests,Nonsense,Riots"}, EventFilter(types=("Protests", "Riots"))),
        ({"start": "not-a-date", "min_killed": "-3"}, EventFilter()),
        ({"min_killed": "x"}, EventFilter()),
        (
            {"q": "Tahrir", "actors": "US forces"},
            EventFilter(search="Tahrir", actors=("US forces",)),
        ),
    ],
)
def test_view_from_query(query, expected):
    assert EventFilter.from_query(query) == expected


def test_view_query_round_trip():
    v = EventFilter(
        start=date(2019, 12, 1),
        end=date(2019, 12, 10),
        types=("Protests", "Explosions/Remote violence"),
        actors=("US forces",),
        min_killed=2,
        search="drone",
    )
    assert EventFilter.from_query(v.to_query()) == v


def test_clamp_orders_and_bounds_the_range():
    v = EventFilter(start=date(2020, 5, 1), end=date(2018, 1, 1))
    c = v.clamp(date(2019, 10, 1), date(2020, 1, 3))
    assert (c.start, c.end) == (date(2019, 10, 1), date(2020, 1, 3))


def test_presets_cover_each_month():
    p = presets(date(2019, 10, 1), date(2020, 1, 3))
    assert p["Dec 2019"] == (date(2019, 12, 1), date(2019, 12, 31))
    assert p["Jan 2020"] == (date(2020, 1, 1), date(2020, 1, 3))
    assert p["Last 7 days"] == (date(2019, 12, 28), date(2020, 1, 3))


def test_date_filter_narrows_and_counts_reconcile(seed_frame):
    _, df = seed_frame
    everything = tally(df, apply(df, EventFilter()))
    narrow = apply(df, EventFilter(start=date(2019, 12, 1), end=date(2019, 12, 10)))
    part = tally(df, narrow)
    for t in (everything, part):
        assert t.total == t.on_map + sum(n for _, n in t.listed) + t.filtered_out
    assert part.on_map < everything.on_map
    assert set(narrow[narrow["unmapped_reason"] == ""]["event_date"]) <= {
        f"2019-12-{d:02d}" for d in range(1, 11)
    }
    # undated events are never hidden by a date range
    assert (narrow["unmapped_reason"] == "no date").sum() == (
        df["unmapped_reason"] == "no date"
    ).sum()


def test_aggregate_follows_its_period_not_its_report_day(seed_frame):
    _, df = seed_frame
    nov = apply(df, EventFilter(start=date(2019, 11, 1), end=date(2019, 11, 30)))
    assert nov["aggregate"].sum() == 1  # 1 Oct – 28 Dec overlaps November
    jan = apply(df, EventFilter(start=date(2020, 1, 1), end=date(2020, 1, 3)))
    assert jan["aggregate"].sum() == 0


@pytest.mark.parametrize(
    ("view", "check"),
    [
        (EventFilter(types=("Protests",)), lambda d: set(d["event_type"]) == {"Protests"}),
        (EventFilter(min_killed=19), lambda d: d["killed"].min() >= 19),
        (EventFilter(search="tahrir"), lambda d: d["source_text"].str.contains("Tahrir").all()),
    ],
)
def test_filters(seed_frame, view, check):
    _, df = seed_frame
    out = apply(df, view)
    assert 0 < len(out) < len(df)
    assert check(out)


def test_search_is_case_blind_over_text_place_and_actors_in_any_column_type(seed_frame):
    """Search reads the sentence, the place (a category in a store's frame) and the
    actors, without regard to case, and gives the same rows whatever the dtype."""
    _, df = seed_frame
    as_categories = df.astype({"location": "category", "actors": "category"})
    for q in ("KHILANI", "khilani square", "us forces", "Najaf"):
        plain, cat = apply(df, EventFilter(search=q)), apply(as_categories, EventFilter(search=q))
        expected = df[
            df["source_text"].str.lower().str.contains(q.lower(), regex=False)
            | df["location"].str.lower().str.contains(q.lower(), regex=False)
            | df["actors"].str.lower().str.contains(q.lower(), regex=False)
        ]
        assert len(plain) > 0, q
        assert list(plain.index) == list(cat.index) == list(expected.index), q


# ---- map -------------------------------------------------------------------------


def test_marker_area_is_proportional_to_killed():
    assert marker_radius(0) == MIN_RADIUS > 0  # visible with no casualties
    assert marker_radius(400) ** 2 / marker_radius(100) ** 2 == pytest.approx(4)


def test_markers_one_per_place_and_type_with_summed_tolls(seed_frame):
    _, df = seed_frame
    on_map = df[df["unmapped_reason"] == ""]
    groups = marker_groups(on_map)
    keys = [(g.key, g.event_type) for g in groups]
    assert len(keys) == len(set(keys))
    assert sum(g.killed for g in groups) == on_map["killed"].sum()
    assert sum(g.events for g in groups) == len(on_map)
    # the aggregate 490 is never drawn
    assert all(g.killed != 490 for g in groups)


def test_map_uses_the_apps_own_scripts(tmp_path, seed_frame):
    _, df = seed_frame
    assets = install_static(tmp_path)
    for _, url in assets.js + assets.css:
        assert (tmp_path / url.removeprefix("/app/static/")).stat().st_size > 500  # a real file
    html = build_map(df[df["unmapped_reason"] == ""], assets=assets).get_root().render()
    assert "/app/static/vendor/leaflet-" in html and "/app/static/vendor/jquery-" in html
    assert "/app/static/vendor/leaflet.markercluster-" in html
    assert "cdn.jsdelivr" not in html and "code.jquery.com" not in html
    assert "cdnjs" not in html and "bootstrapcdn" not in html
    assert "countries.json" in html  # the offline basemap


def _marker_data(m):
    def walk(e):
        yield e
        for c in e._children.values():
            yield from walk(c)

    return next(c for c in walk(m) if type(c).__name__ == "_Markers").data


def test_coarse_places_are_dashed(seed_frame):
    _, df = seed_frame
    on_map = df[df["unmapped_reason"] == ""]
    m = build_map(on_map, assets=None)
    data = _marker_data(m)
    coarse = [g for g in marker_groups(on_map) if g.precision in COARSE]
    assert coarse
    assert sum(x[4] for x in data) == len(coarse)
    assert sum("country-level: no finer place given" in x[6] for x in data) >= 1


def test_tooltips_escape_hostile_text():
    rows = [
        {
            "event_id": f"e{i}",
            "event_date": "2020-01-01",
            "date_precision": "day",
            "event_type": "Protests",
            "location": p,
            "latitude": "33.3",
            "longitude": str(44 + i),
            "geo_precision": "city",
            "fatalities": "1",
            "injuries": "0",
            "unmapped_reason": "",
            "source_text": p,
        }
        for i, p in enumerate(PAYLOADS)
    ]
    m = build_map(rows_frame(rows), assets=None)
    html = m.get_root().render()
    tooltips = [x[6] for x in _marker_data(m)]
    for p in PAYLOADS:
        assert p not in html
        assert any(esc(p) in t for t in tooltips)
    assert "<img" not in html and "<svg onload" not in html


def _synthetic_like(n, places):
    import numpy as np

    rng = np.random.default_rng(0)
    i = rng.integers(0, places, n)
    rows = [
        {
            "event_id": f"s{k}",
            "event_date": "2020-01-01",
            "date_precision": "day",
            "event_type": "Battles",
            "location": f"P{j}",
            "latitude": f"{30 + j % 50 * 0.1:.4f}",
            "longitude": f"{40 + j // 50 * 0.1:.4f}",
            "geo_precision": "city",
            "fatalities": str(k % 7),
            "injuries": "0",
            "unmapped_reason": "",
        }
        for k, j in enumerate(i)
    ]
    return rows_frame(rows)


def test_many_places_are_summed_into_cells_with_exact_totals():
    df = _synthetic_like(20_000, 5000)
    groups, size = grid_groups(df, limit=2000)
    assert len(groups) <= 2000 and size > 0
    assert sum(g.events for g in groups) == len(df)
    assert sum(g.killed for g in groups) == df["killed"].sum()
    m = build_map(df, assets=None)
    data = _marker_data(m)
    assert len(data) <= MARKER_LIMIT
    assert max(x[2] for x in data) <= 26  # the scale shrinks, stays proportional
    big = max(groups, key=lambda g: g.killed)
    assert len(rows_at(big.key, df)) == big.events
    assert selected_place("x " + big.tooltip(), df) == big.key


def test_click_selects_the_place_in_the_tooltip(seed_frame):
    _, df = seed_frame
    on_map = df[df["unmapped_reason"] == ""]
    najaf = next(g for g in marker_groups(on_map) if g.name == "Najaf")
    text = re.sub(r"<[^>]+>", " ", najaf.tooltip())  # what the browser returns
    assert selected_place(text, on_map) == "32.0259,44.3462"
    assert selected_place("10.0000,10.0000 " + text, on_map) == "32.0259,44.3462"
    assert selected_place("Nowhere 10.0000,10.0000", on_map) is None
    assert selected_place(None, on_map) is None


# ---- details -------------------------------------------------------------------


def test_details_mark_date_place_and_toll(seed_frame):
    corpus, df = seed_frame
    row = df[(df["location"] == "Khilani Square")].iloc[0]
    d = event_details(row, corpus.document(row["source"]))
    assert '<mark class="hl-date" title="date">6 December</mark>' in d.sentence_html
    assert '<mark class="hl-place" title="place">Khalani Square</mark>' in d.sentence_html
    assert '<mark class="hl-casualties" title="casualties">' in d.sentence_html
    assert "19 killed, 10 injured" in d.toll_note
    assert "year inferred" in d.date_note
    assert "Asayeb Ahl al-Haq" in d.paragraph_html


def test_split_toll_is_explained(seed_frame):
    corpus, df = seed_frame
    row = df[(df["location"] == "Najaf") & (df["killed"] == 22)].iloc[0]
    d = event_details(row, corpus.document(row["source"]))
    assert "44 killed in the whole incident" in d.toll_note


def test_highlight_escapes_everything_but_its_marks():
    text = "On 3 May <script>alert(1)</script> in Najaf."
    out = highlight_html(
        text, 0, len(text), [Span(3, 8, "date"), Span(38, 43, "place"), Span(5, 20, "casualties")]
    )
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.count("<mark") == 2  # the overlapping span is dropped


def test_details_of_hostile_document_are_escaped(gazetteer):
    from geo.io.corpus import corpus_from_texts

    text = (
        "On 3 May 2020, 2 people were killed in Najaf " + PAYLOADS[0] + ". "
        "On 4 May 2020, 3 people were killed in Basra " + PAYLOADS[1] + "."
    )
    corpus = corpus_from_texts([("x.txt", text)], gazetteer)
    df = events_frame(corpus.events)
    assert len(df) == 2
    for _, row in df.iterrows():
        card = event_details(row, corpus.document("x.txt")).card_html()
        assert "<img" not in card and "<script" not in card


# ---- provinces -------------------------------------------------------------------


def test_province_counts_use_points_and_skip_country_level(seed_frame):
    _, df = seed_frame
    on_map = df[df["unmapped_reason"] == ""]
    fc = province_counts(on_map)
    props = {f["properties"]["name"]: f["properties"] for f in fc["features"]}
    najaf = next(p for n, p in props.items() if "Najaf" in n)
    assert najaf["events"] == 2 and najaf["killed"] == 22
    total = sum(p["events"] for p in props.values())
    assert total == (~on_map["geo_precision"].eq("country")).sum()


# ---- ACLED -------------------------------------------------------------------------


def test_acled_fixture_keeps_good_rows_and_reports_bad_ones():
    result = read_acled(ACLED_SAMPLE.read_bytes(), source="acled_sample.csv")
    assert [e.event_id for e in result.events] == ["TST0001", "TST0002", "TST0007"]
    reasons = {err.line: err.reason for err in result.errors}
    assert set(reasons) == {4, 5, 6, 7}
    assert "not a date" in reasons[4]
    assert "outside the globe" in reasons[5]
    assert "negative" in reasons[6]
    assert "fields where the header has" in reasons[7]
    first, second, third = result.events
    assert first.place.precision == "city" and first.place.country_code == "IQ"
    assert second.place.precision == "region" and second.date_precision == "month"
    assert second.fatalities == 4 and second.event_date == date(2020, 5, 8)
    assert third.event_date == date(2020, 5, 6) and third.source_text.startswith("Invented")
    assert "Police Forces of Iraq" in first.actors


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"a,b\n1,2\n", "missing column(s) event_date, latitude, longitude, fatalities"),
        (
            "event_date,latitude,longitude,fatalities\n".encode("cp1256")
            + "\u0628".encode("cp1256"),
            "not UTF-8",
        ),
    ],
)
def test_acled_refuses_what_is_not_acled(data, reason):
    result = read_acled(data, source="x.csv")
    assert not result.events
    assert reason in result.errors[0].reason


def test_timeline_goes_weekly_past_its_span_and_keeps_totals():
    from bench.synthetic import synthetic_frame
    from geo.view.charts import DAILY_SPAN, timeline_data

    long = synthetic_frame(5000, seed=2)  # five years
    t = timeline_data(long)
    assert t.weekly and (t.data["day"].dt.day_of_week == 0).all()
    assert t.data["events"].sum() == len(long) and t.data["killed"].sum() == long["killed"].sum()
    short = long[long["date"] < long["date"].min() + pd.Timedelta(days=DAILY_SPAN)]
    assert not timeline_data(short).weekly


def test_sub_event_type_filter_in_memory_store_and_link(tmp_path, gazetteer):
    from geo.io.corpus import corpus_from_folder
    from geo.io.query import EventFilter, match
    from geo.io.schema import events_frame
    from geo.io.store import EventStore
    from tests.conftest import SEED

    corpus = corpus_from_folder(str(SEED.parent), gazetteer)
    frame = events_frame(corpus.events)
    f = EventFilter(sub_types=("Peaceful protest",))
    kept = frame[match(frame, f)]
    assert len(kept) > 0 and set(kept["sub_event_type"]) == {"Peaceful protest"}
    store = EventStore(tmp_path / "s")
    store.append(frame)
    assert store.count(f) == kept["event_id"].nunique()
    linked = EventFilter.from_query(f.to_query() | {"subtypes": "Peaceful protest,Not a type"})
    assert linked.sub_types == ("Peaceful protest",)


def test_the_timeline_counts_whole_events(seed_frame):
    from geo.view.charts import timeline_chart, timeline_data

    _, df = seed_frame
    spec = timeline_chart(timeline_data(df).data).to_dict()
    axes = [c["encoding"]["y"]["axis"] for c in spec["vconcat"]]
    assert all(a["tickMinStep"] == 1 and a["format"] == "d" for a in axes)
