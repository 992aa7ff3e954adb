"""The gazetteer's reference data: GeoNames' own country points and English names of
first-level divisions (data/geonames/, CC BY 4.0); airports from airportsdata (MIT)."""

from __future__ import annotations

import pytest

from geo.gazetteer import Gazetteer


def test_country_points_are_geonames(gazetteer: Gazetteer) -> None:
    us = gazetteer.country("US")
    assert us is not None and (us.latitude, us.longitude) == (39.76, -98.5)
    hk = gazetteer.country("HK")  # a territory, from the fallback file
    assert hk is not None and abs(hk.latitude - 22.25) < 0.5


def test_divisions_answer_to_their_english_names(gazetteer: Gazetteer) -> None:
    for name, code in (
        ("South Darfur", "SD"),
        ("North Kordofan", "SD"),
        ("West Kordofan", "SD"),
        ("Nineveh", "IQ"),
    ):
        found = gazetteer.lookup(name)
        assert found and (found[0].kind, found[0].country_code) == ("admin1", code), name


def test_one_word_variants_of_divisions_do_not_hide_towns(gazetteer: Gazetteer) -> None:
    # "Amara" is ISO's English name of Ethiopia's Amhara region, and an Iraqi city
    assert gazetteer.lookup("Amara")[0].country_code == "IQ"


@pytest.mark.parametrize(
    ("text", "country", "near", "source"),
    [
        ("Explosions struck Aden airport on 30 December 2020.", "YE", (12.83, 45.03), "iata:"),
        ("Rockets hit Kirkuk Air Base on 27 December 2019.", "IQ", (35.47, 44.35), "iata:"),
        # Kabul's airport under its name since 2014 (airportsdata has the old one):
        # a curated site at OurAirports' point
        ("A blast hit Kabul airport on 26 August 2021.", "AF", (34.57, 69.21), "site:"),
        (
            "A blast hit Hamid Karzai International Airport on 26 August 2021.",
            "AF",
            (34.57, 69.21),
            "site:",
        ),
        # "<city> airport" is the airport of the best-known place of that name
        (
            "A bomb exploded at Cairo airport on 30 April 2009.",
            "EG",
            (30.12, 31.41),
            "iata:",
        ),
    ],
)
def test_airports_resolve_to_their_runways(gazetteer, text, country, near, source):
    from geo.extraction.documents import document_from_text
    from geo.pipeline import extract

    (event,) = extract(document_from_text("a.txt", text), gazetteer).events
    assert event.place is not None and event.place.precision == "site"
    assert event.place.country_code == country
    assert (
        abs(event.place.latitude - near[0]) < 0.05 and abs(event.place.longitude - near[1]) < 0.05
    )
    assert event.place.gazetteer_id.startswith(source)


def test_a_namesakes_airport_does_not_take_a_better_known_place(gazetteer):
    # the only "Bali Airport" is a Cameroonian town's; "Bali" is Indonesia's province
    from geo.extraction.places import find_toponyms

    (t,) = find_toponyms("She was caught at Bali airport importing marijuana.", gazetteer)
    assert t.place is not None and t.place.country_code == "ID"
