"""The dashboard under AppTest: it runs, filters move the counts, links and
selections work, and pasted text shows up."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

NAJAF = "32.0259,44.3462"


@pytest.fixture(autouse=True)
def _clear_caches(gazetteer):  # noqa: ARG001 - the session fixture warms the index
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def _app(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def _counts(at: AppTest) -> dict[str, int]:
    line = next(m.value for m in at.markdown if "events extracted" in m.value)
    nums = list(map(int, re.findall(r"(\d+) ", line)))
    total, on_map = nums[0], nums[1]
    rest = nums[-4:]  # reported totals, no place, no date, outside
    assert total == on_map + sum(rest), line
    return {"total": total, "on_map": on_map, "outside": rest[-1]}


def test_runs_and_counts_add_up():
    at = _app()
    assert not at.exception
    c = _counts(at)
    assert c["on_map"] >= 18 and c["outside"] == 0
    assert at.slider(key="range").value == (date(2019, 10, 1), date(2020, 1, 3))
    assert "Reported totals" in [s.value for s in at.subheader]


def test_moving_the_date_range_changes_the_count_and_the_link():
    at = _app()
    before = _counts(at)
    at.slider(key="range").set_value((date(2019, 12, 1), date(2019, 12, 10))).run()
    after = _counts(at)
    assert not at.exception
    assert after["on_map"] < before["on_map"] and after["outside"] > 0
    assert at.query_params["start"] == "2019-12-01"
    assert at.query_params["end"] == "2019-12-10"


def test_a_link_opens_its_view():
    at = _app(start="2019-12-01", end="2019-12-10", types="Protests")
    assert not at.exception
    assert at.slider(key="range").value == (date(2019, 12, 1), date(2019, 12, 10))
    assert at.multiselect(key="types").value == ["Protests"]
    assert _counts(at)["outside"] > 0


def test_a_bad_link_falls_back_to_everything():
    at = _app(start="yesterday", end="2099-01-01", min_killed="lots")
    assert not at.exception
    assert at.slider(key="range").value == (date(2019, 10, 1), date(2020, 1, 3))


def test_a_preset_sets_the_range():
    at = _app()
    at.selectbox(key="preset").set_value("Dec 2019").run()
    assert at.slider(key="range").value == (date(2019, 12, 1), date(2019, 12, 31))


def test_a_selection_shows_the_details():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["selected_place"] = NAJAF
    at.run()
    assert not at.exception
    assert "Selected: Najaf" in [s.value for s in at.subheader]
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "bloody crackdown" in html
    assert '<mark class="hl-place" title="place">Najaf</mark>' in html
    assert "44 killed in the whole incident" in html


def test_filters_change_the_count():
    at = _app()
    before = _counts(at)["on_map"]
    at.number_input(key="min_killed").set_value(19).run()
    assert _counts(at)["on_map"] < before
    assert at.query_params["min_killed"] == "19"


def test_pasted_text_is_mapped():
    at = _app()
    before = _counts(at)
    at.text_area(key="paste_text").input(
        "On 4 May 2020, 3 people were killed in a bombing in Mosul, Iraq."
    )
    at.button[0].click().run()
    assert not at.exception
    after = _counts(at)
    assert after["total"] == before["total"] + 1
    # the whole range grows with the data, so the new event is on the map
    assert after["on_map"] == before["on_map"] + 1 and after["outside"] == 0
    assert at.slider(key="range").value == (date(2019, 10, 1), date(2020, 5, 4))


def test_another_articles_folder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("On 4 May 2020, 3 people were killed in Mosul, Iraq.\n")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--articles", str(tmp_path)])
    at = _app()
    assert not at.exception
    assert _counts(at)["total"] == 1
    # shown as literal Markdown: every special character escaped
    shown = [e.value.replace("\\", "") for e in at.error]
    assert any("broken.txt" in v and "binary" in v for v in shown)


def test_a_store_opens_with_its_texts_and_search(tmp_path, monkeypatch, gazetteer):
    from geo.io.corpus import corpus_from_folder
    from geo.io.schema import events_frame
    from geo.io.store import EventStore

    EventStore(tmp_path).append(
        events_frame(corpus_from_folder(ROOT / "data" / "articles", gazetteer).events)
    )
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--store", str(tmp_path)])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["selected_place"] = NAJAF
    at.run()
    assert not at.exception
    c = _counts(at)
    assert c["on_map"] >= 18 and c["outside"] == 0
    html = " ".join(h.proto.body for h in at.get("html"))
    assert '<mark class="hl-place" title="place">Najaf</mark>' not in html  # no document text
    assert "bloody crackdown" in html and "44 killed in the whole incident" in html
    at.text_input(key="q").input("Khalani").run()
    assert _counts(at)["on_map"] == 1


def test_online_lookup_is_off_until_switched_on(tmp_path, monkeypatch):
    """With the switch off nothing leaves the machine and the IED near a village the
    gazetteer lacks sits at its province; switched on, the village is looked up (on a
    Nominatim stand-in here) and the event moves there, its source named."""
    from geo.gazetteer import default_cache_dir, index_file_name
    from tests.nominatim_standin import NOTE, standin

    articles, cache = tmp_path / "articles", tmp_path / "cache"
    articles.mkdir()
    cache.mkdir()
    (articles / "note.txt").write_text(NOTE, encoding="utf-8")
    index = index_file_name()
    (cache / index).symlink_to(default_cache_dir() / index)  # the session's index, not a rebuild
    with standin() as server:
        monkeypatch.setenv("GEO_NOMINATIM_URL", f"http://127.0.0.1:{server.server_port}")
        monkeypatch.setenv("GEO_CACHE_DIR", str(cache))
        monkeypatch.setattr(sys, "argv", ["dashboard.py", "--articles", str(articles)])
        at = _app()
        assert not at.exception and not server.requests
        assert at.toggle(key="online").value is False
        line = next(m.value for m in at.markdown if "events extracted" in m.value)
        assert "1 on the map (1 of them country- or region-level)" in line
        at.toggle(key="online").set_value(True).run()
        assert not at.exception
        assert [q["q"] for _, q in server.requests] == [["Sulayman Bak"]]
        line = next(m.value for m in at.markdown if "events extracted" in m.value)
        assert "1 on the map," in line and "region-level" not in line
        at.session_state["selected_place"] = "34.9590,44.6440"
        at.run()
        assert "Selected: Sulayman Bak" in [h.value for h in at.subheader]
        html = " ".join(h.proto.body for h in at.get("html"))
        assert "Nominatim, © OpenStreetMap contributors" in html
        assert (cache / "nominatim.sqlite").exists()


def test_reports_of_one_incident_count_once_and_the_switch_shows_them_all(monkeypatch):
    """Three reports of the Kano bombing (19, 20, 23 killed) are one incident of 19."""
    monkeypatch.setattr(
        sys, "argv", ["dashboard.py", "--articles", str(ROOT / "tests/data/linking")]
    )
    at = _app()
    assert not at.exception
    line = next(m.value for m in at.markdown if "incidents from" in m.value)
    incidents, reports = map(int, re.findall(r"(\d+) (?:incidents|reports)", line)[:2])
    assert reports - incidents >= 5  # Kano (3 reports), Khartoum, Marib, Aden
    at.session_state["selected_place"] = "12.0001,8.5167"  # Kano (GeoNames)
    at.run()
    notes = [m.value.replace("\\", "") for m in at.markdown]  # shown escaped
    notes = [n for n in notes if "reports (" in n]
    assert notes and notes[0].startswith("**19–23 killed, 3 reports")
    at.toggle(key="merge").set_value(False).run()
    assert not at.exception
    line = next(m.value for m in at.markdown if "events extracted" in m.value)
    assert int(re.findall(r"(\d+) events", line)[0]) == reports


def test_the_events_table_reads_as_words_by_date_and_undated_only_when_asked():
    at = _app()
    table = at.dataframe[-1].value
    assert {"Date", "Event type", "Place", "Killed", "Sentence"} <= set(table.columns)
    assert "fatalities" not in table.columns
    dates = [d for d in table["Date"] if d]
    assert dates == sorted(dates) and len(dates) == len(table)  # no undated rows
    box = at.checkbox(key="undated")
    assert box.value is False and "(4)" in box.label  # the seed's four undated events
    box.check().run()
    table = at.dataframe[-1].value
    assert (table["Date"] == "").sum() == 4
    assert list(table["Date"]).index("") == len(table) - 4  # undated last


def test_names_the_gazetteer_lacks_are_listed_under_the_map(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(
        "On 4 May 2020, 3 people were killed in Mosul, Iraq. On 5 May 2020, rockets hit "
        "Camp Qwertyzan near Kirkuk.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--articles", str(tmp_path)])
    at = _app()
    assert not at.exception
    shown = [c.value.replace("\\\\", "") for c in at.caption]
    assert any(v.startswith("Not placed") and "Camp Qwertyzan" in v for v in shown), shown
