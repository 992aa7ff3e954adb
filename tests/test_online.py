"""The optional Nominatim fallback, against a Nominatim stand-in on the loopback
address: real HTTP requests through geopy, never the internet."""

from __future__ import annotations

import pytest

from geo.cli import main
from geo.extraction.documents import document_from_text
from geo.gazetteer.online import OnlineLookup
from geo.pipeline import extract
from tests.nominatim_standin import NOTE, standin


@pytest.fixture
def nominatim():
    with standin() as server:
        yield server


def _online(server, cache_dir, delay=0.0) -> OnlineLookup:
    return OnlineLookup(
        cache_dir=cache_dir,
        domain=f"127.0.0.1:{server.server_port}",
        scheme="http",
        min_delay_seconds=delay,
        timeout=5,
    )


def test_off_by_default_nothing_is_asked(nominatim, gazetteer):
    out = extract(document_from_text("note.txt", NOTE), gazetteer)
    assert nominatim.requests == []
    # offline, the name is listed as one the gazetteer lacks, without a place
    (lacking,) = [t for t in out.toponyms if t.text == "Sulayman Bak"]
    assert (lacking.kind, lacking.place) == ("unknown", None)
    assert all(t.kind != "online" for t in out.toponyms)


def test_a_place_the_gazetteer_lacks_is_found_online(nominatim, gazetteer, tmp_path):
    online = _online(nominatim, tmp_path)
    out = extract(document_from_text("note.txt", NOTE), gazetteer, online=online)
    found = {t.text: t for t in out.toponyms}
    t = found["Sulayman Bak"]
    assert t.kind == "online"
    assert (t.place.name, t.place.country_code, t.place.precision) == ("Sulayman Bak", "IQ", "city")
    assert t.place.gazetteer_id == "osm:node:101"
    # asked within the country the note is about
    assert nominatim.requests[0][1]["countrycodes"] == ["iq"]
    # the town, finer than the province, is where the event happened
    (event,) = out.events
    assert (event.place.name, event.injuries) == ("Sulayman Bak", 3)
    assert (event.place.latitude, event.place.longitude) == (34.959, 44.644)


def test_landforms_are_asked_whole_and_are_regions(nominatim, gazetteer, tmp_path):
    text = "On 7 May 2020, Iraqi forces killed 2 IS militants near Badush mountains in Ninewa."
    out = extract(document_from_text("n.txt", text), gazetteer, online=_online(nominatim, tmp_path))
    t = next(t for t in out.toponyms if t.kind == "online")
    assert (t.text, t.place.precision) == ("Badush mountains", "region")


def test_answers_are_kept_on_disk_found_or_not(nominatim, tmp_path):
    online = _online(nominatim, tmp_path)
    assert online.lookup("Sulayman Bak", ("IQ",)).name == "Sulayman Bak"
    assert online.lookup("Nowhere Village", ("IQ",)) is None
    assert online.lookup("Sulayman Bak", ("IQ",)) is not None
    assert online.lookup("Nowhere Village", ("IQ",)) is None
    assert len(nominatim.requests) == 2
    again = _online(nominatim, tmp_path)  # a new process, the same cache file
    assert again.lookup("sulayman  bak", ("IQ",)).latitude == 34.959
    assert again.requests == 0 and len(nominatim.requests) == 2
    assert again.cache_path.exists()


def test_a_failed_request_is_not_kept(nominatim, tmp_path, caplog):
    online = _online(nominatim, tmp_path)
    nominatim.fail = True
    assert online.lookup("Sulayman Bak", ("IQ",)) is None
    assert "failed" in caplog.text
    assert [f for f in online.failures if "'Sulayman Bak'" in f]  # for the page to show
    nominatim.fail = False
    assert online.lookup("Sulayman Bak", ("IQ",)) is not None  # asked again


def test_one_request_a_second(nominatim, tmp_path):
    online = _online(nominatim, tmp_path, delay=1.0)
    assert OnlineLookup.__init__.__kwdefaults__["min_delay_seconds"] == 1.0
    # measured on the limiter's own clock (geopy's RateLimiter uses timeit's
    # default_timer) when it calls the geocoder: the server's receipt times add
    # network jitter that made this test flaky
    from timeit import default_timer

    calls: list[float] = []
    ask = online.limiter.func

    def timed(*args, **kwargs):
        calls.append(default_timer())
        return ask(*args, **kwargs)

    online.limiter.func = timed
    online.lookup("Sulayman Bak", ("IQ",))
    online.lookup("Badush Mountains", ("IQ",))
    assert len(calls) == 2 and len(nominatim.requests) == 2
    # the limiter waits until a full second has passed on that clock; our stamps
    # are taken a few microseconds after its own readings, hence the 1 ms allowance
    assert calls[1] - calls[0] >= 1.0 - 1e-3


def test_cli_runs_online_lookups_in_one_process_only(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert main(["extract", str(note), "--online", "--workers", "2"]) == 2
    assert "one process" in capsys.readouterr().err


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")  # geopy, then raises
@pytest.mark.parametrize("name", ["nanplace", "infplace", "farplace", "slowplace", "hugeplace"])
def test_a_broken_answer_is_named_and_skipped(nominatim, tmp_path, monkeypatch, caplog, name):
    from geo.gazetteer.online import BoundedAdapter

    monkeypatch.setattr(BoundedAdapter, "max_seconds", 1.0)
    online = _online(nominatim, tmp_path)
    assert online.lookup(name, ("iq",)) is None
    assert any(name in r.getMessage() for r in caplog.records)
    # and the lookups after it still work
    assert online.lookup("Sulayman Bak", ("iq",)) is not None
