"""Typed records that cross module boundaries.

Every stage of the pipeline takes and returns these frozen dataclasses; no
dicts cross modules.  Values are plain (str, int, float, date, tuples), so the
records hash, compare and pickle.

Example
-------
>>> from datetime import date
>>> p = Place("Najaf", 32.0259, 44.3462, "city", "IQ", admin1="An-Najaf")
>>> p.precision
'city'
>>> Event(event_id="x", source="a.txt", char_start=0, char_end=10,
...       source_text="...", place=p, event_date=date(2019, 11, 3)).fatalities
0
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

GeoPrecision = Literal["site", "city", "near", "region", "country"]
DatePrecision = Literal["day", "month", "year"]


_PRECISION_RANK = {"site": 0, "city": 1, "near": 2, "region": 3, "country": 4}


def precision_rank(precision: str) -> int:
    """Order geo precisions from finest (0, a site) to coarsest (4, a country);
    ``near`` is a point told by its distance from a place ("20 km south of Kirkuk",
    "north of Baghdad"), as ACLED's precision 2 is "near a town".

    >>> precision_rank("site") < precision_rank("country")
    True
    """
    return _PRECISION_RANK[precision]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a gazetteer row reduced to what the pipeline needs.

    ``precision`` is ``site`` (inside a city), ``city``, ``near`` (a point
    told by its distance and direction from a place), ``region`` (a province
    or a part of a country) or ``country``.
    """

    name: str
    latitude: float
    longitude: float
    precision: GeoPrecision
    country_code: str
    admin1: str = ""
    gazetteer_id: str = ""
    population: int = 0

    def __post_init__(self) -> None:
        if not (-90.0 <= self.latitude <= 90.0) or math.isnan(self.latitude):
            raise ValueError(f"latitude out of range: {self.latitude!r}")
        if not (-180.0 <= self.longitude <= 180.0) or math.isnan(self.longitude):
            raise ValueError(f"longitude out of range: {self.longitude!r}")
        if self.precision not in _PRECISION_RANK:
            raise ValueError(f"unknown precision: {self.precision!r}")


@dataclass(frozen=True, slots=True)
class Document:
    """A text to read: ``text`` is what offsets refer to and what we show."""

    source: str
    text: str
    title: str = ""
    publication_date: date | None = None
    #: Where ``publication_date`` came from, in words ("given", "a \"Published\" line", …).
    date_basis: str = ""
    #: Character ranges that are site furniture (navigation), never read.
    skipped: tuple[tuple[int, int], ...] = ()

    #: The document's identity: a hash of its text, whatever its path or name.
    #: The same text read as ``data/a.txt`` and as ``/home/u/a.txt`` is one
    #: document, and its events keep the same ids. Computed once, at creation.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """
        >>> Document("a.txt", "x").key == Document("/tmp/b.txt", "x").key
        True
        """
        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(self, "key", "doc-" + digest[:16])


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document, with its offsets in ``Document.text``."""

    start: int
    end: int
    text: str
    paragraph: int = 0
    #: A year set by a heading above the sentence ("Timeline 2020").
    heading_year: int | None = None
    #: A headline or standfirst: one of the document's leading lines that do
    #: not end like a sentence. It repeats the body's story in short.
    headline: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to a calendar date.

    ``year_inferred`` is true when the text gave no year and the year came
    from the narrative, a heading or the publication date.
    """

    start: int
    end: int
    text: str
    value: date
    precision: DatePrecision
    year_inferred: bool = False
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text and, when resolved, its place.

    ``candidates`` lists the other gazetteer entries that were considered.
    """

    start: int
    end: int
    text: str
    place: Place | None
    candidates: tuple[Place, ...] = ()
    #: How it was found: "gazetteer", "site", "demonym", "region", "modifier" (a place
    #: naming something else: "US forces"), "dateline" (where a wire report was filed),
    #: "online" (looked up on Nominatim) or "unknown" (told as a place, not found).
    kind: str = "gazetteer"


@dataclass(frozen=True, slots=True)
class Casualties:
    """Killed and injured counts read from one sentence.

    ``None`` means the sentence says nothing about that count; ``0`` means
    it says there were none.  ``spans`` are the offsets of the words that gave
    the figures.
    """

    killed: int | None = None
    injured: int | None = None
    estimated: bool = False
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One event at one place: a row of ``python -m geo extract``.

    An incident in several places is several events sharing ``incident_id``;
    their ``fatalities`` sum to ``incident_fatalities``.
    """

    event_id: str
    source: str
    char_start: int
    char_end: int
    source_text: str
    place: Place | None = None
    location_text: str = ""
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    year_inferred: bool = False
    #: The date was read from a weekday or a relative word ("on Tuesday", "late
    #: Friday", "the next day"): other reports may put it a day apart.
    date_relative: bool = False
    event_type: str = ""
    sub_event_type: str = ""
    actors: tuple[str, ...] = ()
    fatalities: int = 0
    injuries: int = 0
    casualties_estimated: bool = False
    incident_id: str = ""
    incident_fatalities: int = 0
    incident_injuries: int = 0
    is_aggregate: bool = False
    period_start: date | None = None
    period_end: date | None = None
    #: Offsets of every sentence that tells this incident (first is the main).
    sources: tuple[tuple[int, int], ...] = ()
    #: Offsets of the words that gave the date, the place and the figures.
    date_span: tuple[int, int] | None = None
    place_span: tuple[int, int] | None = None
    casualty_spans: tuple[tuple[int, int], ...] = ()
    candidates: tuple[Place, ...] = field(default=())
    #: Other figures for the killed that the text gives (other sources, earlier
    #: counts); ``fatalities`` holds the lead's.
    other_tolls: tuple[int, ...] = ()
    #: The day relative dates were read against, and where it came from
    #: ("given", "a \"Published\" line", "the file name", …).
    reference_date: date | None = None
    date_basis: str = ""
    #: Why the place was chosen, in words ("named in the sentence", …).
    place_basis: str = ""

    @property
    def unmapped_reason(self) -> str:
        """Why this event cannot be drawn as an incident, or ``""``.

        >>> Event("e", "s", 0, 1, "t").unmapped_reason
        'no place'
        """
        if self.is_aggregate:
            return "aggregate"
        if self.place is None:
            return "no place"
        if self.event_date is None:
            return "no date"
        return ""
