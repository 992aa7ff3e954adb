"""The offline gazetteer behind geopy's ``Geocoder`` interface, and where the
pipeline gets its candidate places.

The place finder spots names with the local index (it must know every name to
read them in text), then asks a :class:`CandidateSource` which places a name
may be. :class:`GazetteerGeocoder` answers from the offline gazetteer (fast,
the default); :class:`GeopyCandidates` answers from any geopy geocoder
(Nominatim, a Pelias server, ...), so another geocoder can stand in:

>>> from geopy.geocoders import Nominatim                            # doctest: +SKIP
>>> extract(doc, gz, geocoder=GeopyCandidates(Nominatim(user_agent="me")))  # doctest: +SKIP

Example
-------
>>> geocoder = GazetteerGeocoder(Gazetteer.load())          # doctest: +SKIP
>>> geocoder.geocode("Najaf").point.latitude                # doctest: +SKIP
32.02594
"""

from __future__ import annotations

from typing import Protocol

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.gazetteer.index import KIND_PRECISION, Entry, Gazetteer, _rank, prefer_city
from geo.models import Place


class CandidateSource(Protocol):
    """What the place finder asks: the places a name may be, best known first."""

    def candidates(self, name: str, country_code: str | None = None) -> list[Entry]:
        """Places called ``name`` (within ``country_code`` if given)."""
        ...


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
        if not found:  # a query is told as a place: a district's bare name, a town's other name
            for code in codes or [None]:
                found += self.gazetteer.lookup_told(
                    query, country_code=code.upper() if code else None
                )
        if not found:
            demonym = self.gazetteer.demonym_country(query)
            found = [demonym] if demonym else []
        if codes and len(codes) > 1:
            found = sorted(found, key=_rank)
        if not found:
            return None
        if exactly_one:
            # one answer: a province named like its capital means the city
            return location_of(
                prefer_city(found[0], found) if found[0].kind == "admin1" else found[0]
            )
        return [location_of(e) for e in found[: limit or None]]

    def reverse(
        self, query: object, *, exactly_one: bool = True, timeout: object = DEFAULT_SENTINEL
    ) -> None:
        """Reverse geocoding is not offered offline."""
        raise NotImplementedError("GazetteerGeocoder does not reverse geocode")

    def candidates(self, name: str, country_code: str | None = None) -> list[Entry]:
        """The gazetteer's rows for ``name``, best known first (the fast path of
        :meth:`geocode` with ``exactly_one=False``, as rows).

        >>> GazetteerGeocoder(Gazetteer.load()).candidates("Najaf")[0].country_code  # doctest: +SKIP
        'IQ'
        """
        return self.gazetteer.lookup(name, country_code=country_code)


class GeopyCandidates:
    """Any geopy geocoder as the finder's :class:`CandidateSource`.

    Each distinct query is asked once (answers are kept for the run); a
    location becomes a row through its ``raw`` when it is one of ours, else
    through its address and point (a city, unless ``raw`` says otherwise).

    >>> source = GeopyCandidates(GazetteerGeocoder(Gazetteer.load()))  # doctest: +SKIP
    >>> source.candidates("Najaf")[0].name                           # doctest: +SKIP
    'Najaf'
    """

    def __init__(self, geocoder: Geocoder, *, limit: int = 10) -> None:
        self.geocoder = geocoder
        self.limit = limit
        self._answers: dict[tuple[str, str | None], list[Entry]] = {}

    def candidates(self, name: str, country_code: str | None = None) -> list[Entry]:
        key = (name, country_code)
        if key not in self._answers:
            kwargs: dict[str, object] = {"exactly_one": False}
            if country_code:
                kwargs["country_codes"] = country_code.lower()
            found = self.geocoder.geocode(name, **kwargs) or []
            rows = [entry_of(loc) for loc in list(found)[: self.limit]]
            self._answers[key] = [r for r in rows if r is not None]
        return self._answers[key]


def entry_of(location: Location) -> Entry | None:
    """A geopy location as a gazetteer row (``None`` when it has no point).

    >>> entry_of(location_of(Entry("g:1", "Najaf", 32.0, 44.3, "city", "IQ", "Najaf", 1))).name
    'Najaf'
    """
    raw = location.raw if isinstance(location.raw, dict) else {}
    if location.latitude is None or location.longitude is None:
        return None
    if "gazetteer_id" in raw and raw.get("kind") in KIND_PRECISION:
        return Entry(
            str(raw["gazetteer_id"]),
            str(raw["name"]),
            float(location.latitude),
            float(location.longitude),
            str(raw["kind"]),
            str(raw["country_code"]),
            str(raw.get("admin1", "")),
            int(raw.get("population", 0) or 0),
            str(raw.get("city", "")),
        )
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    code = str(address.get("country_code", "") or raw.get("country_code", "")).upper()
    name = str(location.address or "").split(",")[0].strip() or "?"
    ident = raw.get("place_id") or raw.get("osm_id") or f"{location.latitude},{location.longitude}"
    return Entry(
        f"geocoder:{ident}",
        name,
        float(location.latitude),
        float(location.longitude),
        "city",
        code,
        str(address.get("state", "")),
        0,
    )


def geocoder_for(gazetteer: Gazetteer) -> GazetteerGeocoder:
    """The one :class:`GazetteerGeocoder` of ``gazetteer`` (geopy builds an HTTP
    adapter with an SSL context per geocoder: too dear to make per document)."""
    memo = gazetteer.__dict__
    if "_geocoder" not in memo:
        memo["_geocoder"] = GazetteerGeocoder(gazetteer)
    return memo["_geocoder"]


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
