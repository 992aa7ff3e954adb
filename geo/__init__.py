"""geo: news text → dated, geocoded, casualty-counted events.

Example
-------
>>> from geo import Gazetteer, extract_events                 # doctest: +SKIP
>>> events = extract_events("On 3 May 2020, 2 people were killed in Najaf.",
...                         gazetteer=Gazetteer.load())        # doctest: +SKIP
>>> events[0].place.name, events[0].fatalities                 # doctest: +SKIP
('Najaf', 2)
"""

from geo.exc import DocumentError, GazetteerError, GeoError
from geo.extraction.documents import document_from_text, read_document
from geo.gazetteer import Gazetteer, GazetteerGeocoder
from geo.models import Event, Place, Toponym
from geo.pipeline import Extraction, extract, extract_events

__all__ = [
    "DocumentError",
    "Event",
    "Extraction",
    "Gazetteer",
    "GazetteerError",
    "GazetteerGeocoder",
    "GeoError",
    "Place",
    "Toponym",
    "document_from_text",
    "extract",
    "extract_events",
    "read_document",
]
