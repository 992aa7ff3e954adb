"""The offline gazetteer: name folding, the index, its build, and geopy geocoders.

* :mod:`geo.gazetteer.names`: folding place names into lookup keys;
* :mod:`geo.gazetteer.index`: :class:`Gazetteer` and its :class:`Entry` rows;
* :mod:`geo.gazetteer.build`: building the index from the installed data, caching it;
* :mod:`geo.gazetteer.geocoder`: :class:`GazetteerGeocoder`, a geopy ``Geocoder``;
* :mod:`geo.gazetteer.online`: the optional Nominatim fallback.

Example
-------
>>> gz = Gazetteer.load()                                  # doctest: +SKIP
>>> GazetteerGeocoder(gz).geocode("Najaf").point.latitude  # doctest: +SKIP
32.02594
"""

from geo.gazetteer.build import default_cache_dir, index_file_name
from geo.gazetteer.geocoder import (
    CandidateSource,
    GazetteerGeocoder,
    GeopyCandidates,
    entry_of,
    geocoder_for,
    location_of,
    place_from_location,
)
from geo.gazetteer.index import KIND_PRECISION, Entry, Gazetteer, neighbours, prefer_city
from geo.gazetteer.names import ARTICLES, normalize, skeleton, strip_article

__all__ = [
    "ARTICLES",
    "KIND_PRECISION",
    "CandidateSource",
    "Entry",
    "Gazetteer",
    "GazetteerGeocoder",
    "GeopyCandidates",
    "default_cache_dir",
    "entry_of",
    "geocoder_for",
    "index_file_name",
    "location_of",
    "neighbours",
    "normalize",
    "place_from_location",
    "prefer_city",
    "skeleton",
    "strip_article",
]
