"""The pipeline resolves places through geopy's ``Geocoder`` interface: the offline
gazetteer by default, and any geopy geocoder in its place (here geopy's own
``Nominatim`` class, asking a Nominatim stand-in on the loopback address)."""

from __future__ import annotations

from geopy.geocoders import Nominatim

from geo.extraction.documents import document_from_text, read_document
from geo.gazetteer import Gazetteer, GazetteerGeocoder, GeopyCandidates
from geo.io.schema import event_row
from geo.pipeline import extract
from tests.conftest import SEED
from tests.nominatim_standin import standin


def test_the_geopy_interface_gives_the_same_events_as_the_fast_path(
    gazetteer: Gazetteer,
) -> None:
    doc = read_document(SEED)
    direct = [event_row(e) for e in extract(doc, gazetteer).events]
    through_geopy = GeopyCandidates(GazetteerGeocoder(gazetteer))
    via = [event_row(e) for e in extract(doc, gazetteer, geocoder=through_geopy).events]
    assert via == direct
    assert len(direct) > 10


def test_another_geocoder_stands_in(gazetteer: Gazetteer) -> None:
    text = "On 3 May 2020, a roadside bomb killed two soldiers in Kirkuk."
    with standin() as server:
        nominatim = Nominatim(
            user_agent="event-map-tests", domain=f"127.0.0.1:{server.server_port}", scheme="http"
        )
        out = extract(
            document_from_text("a.txt", text), gazetteer, geocoder=GeopyCandidates(nominatim)
        )
        asked = [q["q"][0] for _, q in server.requests]
    assert "Kirkuk" in asked
    (event,) = out.events
    assert event.place is not None
    assert event.place.gazetteer_id.startswith("geocoder:")
    assert (event.place.latitude, event.place.longitude) == (35.4681, 44.3922)
    assert event.fatalities == 2
