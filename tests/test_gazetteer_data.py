"""The gazetteer's reference data: GeoNames' own country points and English names of
first-level divisions (data/geonames/, CC BY 4.0)."""

from __future__ import annotations

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
