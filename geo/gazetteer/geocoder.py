"""The offline gazetteer behind geopy's ``Geocoder`` interface.

Example
-------
>>> geocoder = GazetteerGeocoder(Gazetteer.load())          # doctest: +SKIP
>>> geocoder.geocode("Najaf").point.latitude                # doctest: +SKIP
32.02594
"""

from __future__ import annotations

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.gazetteer.index import Entry, Gazetteer, _rank, prefer_city
from geo.models import Place


class GazetteerGeocoder(Geocoder):
    """geopy geocoder over the offline :class:`Gazetteer`.

    Keeps geopy's contract: options after the query are keyword-only, and
    ``geocode`` returns ``None``, one :class:`~geopy.location.Location`, or a
    non-empty list.  ``Location.raw`` is the gazetteer row.  It never opens a
    connection; the adapter geopy builds is left unused.

    >>> geocoder = GazetteerGeocoder(Gazetteer.load())          # doctest: +SKIP
    >>> geocoder.geocode("Tahrir Square", country_codes="EG").raw["city"]  # doctest: +SKIP
    'Cairo'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.gazetteer = gazetteer or Gazetteer.load()

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: object = DEFAULT_SENTINEL,
        country_codes: str | list[str] | None = None,
        limit: int | None = None,
    ) -> Location | list[Location] | None:
        """Resolve ``query`` to the best gazetteer row(s)."""
        if not isinstance(query, str) or not query.strip():
            from geopy.exc import GeocoderQueryError

            raise GeocoderQueryError("query must be a non-empty string")
        codes = [country_codes] if isinstance(country_codes, str) else country_codes
        found: list[Entry] = []
        for code in codes or [None]:
            found += self.gazetteer.lookup(query, country_code=code.upper() if code else None)
        if not found:
            demonym = self.gazetteer.demonym_country(query)
            found = [demonym] if demonym else []
        if codes and len(codes) > 1:
            found = sorted(found, key=_rank)
        if not found:
            return None
        if found[0].kind == "admin1":
            best = prefer_city(found[0], found)
            found = [best, *(e for e in found if e is not best)]
        if exactly_one:
            return location_of(found[0])
        return [location_of(e) for e in found[: limit or None]]

    def reverse(
        self, query: object, *, exactly_one: bool = True, timeout: object = DEFAULT_SENTINEL
    ) -> None:
        """Reverse geocoding is not offered offline."""
        raise NotImplementedError("GazetteerGeocoder does not reverse geocode")


def location_of(e: Entry) -> Location:
    """A gazetteer row as geopy's ``Location``: "name, city, country" and the row as
    ``raw``.

    >>> location_of(Entry("s", "Tahrir Square", 33.33, 44.42, "site", "IQ", "", 0,
    ...                   "Baghdad")).address
    'Tahrir Square, Baghdad, IQ'
    """
    where = ", ".join(x for x in (e.name, e.city if e.city != e.name else "", e.country_code) if x)
    return Location(where, (e.latitude, e.longitude), e.as_raw())


def place_from_location(location: Location) -> Place:
    """The :class:`~geo.models.Place` of a location this geocoder returned."""
    raw = location.raw
    return Place(
        name=str(raw["name"]),
        latitude=location.latitude,
        longitude=location.longitude,
        precision=raw["precision"],
        country_code=str(raw["country_code"]),
        admin1=str(raw["admin1"]),
        gazetteer_id=str(raw["gazetteer_id"]),
        population=int(raw["population"]),
    )
