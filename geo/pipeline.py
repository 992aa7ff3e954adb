"""The whole extraction: a document in, its events and toponyms out.

Stages, each a function of its own module, run in order:
sentences → dates → places → casualties → events.

Example
-------
>>> from geo.extraction.documents import document_from_text
>>> from geo.gazetteer import Gazetteer                             # doctest: +SKIP
>>> doc = document_from_text("a.txt", "On 3 May 2020, 2 people were killed in Najaf.")
>>> [e.fatalities for e in extract(doc, Gazetteer.load()).events]   # doctest: +SKIP
[2]
"""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from geo.exc import ExtractionTimeoutError
from geo.extraction.casualties import read_casualties
from geo.extraction.dates import DateResolver
from geo.extraction.documents import document_from_text
from geo.extraction.events import SentenceFacts, strip_quotes
from geo.extraction.incidents import build_events
from geo.extraction.places import find_toponyms
from geo.extraction.roles import mark_roles, role
from geo.extraction.sentences import split_sentences
from geo.gazetteer import CandidateSource, Gazetteer
from geo.models import Document, Event, Sentence, Toponym

if TYPE_CHECKING:
    from geo.gazetteer.online import OnlineLookup


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document gave."""

    document: Document
    sentences: tuple[Sentence, ...]
    toponyms: tuple[Toponym, ...]
    events: tuple[Event, ...]


#: Seconds one document may take before extraction stops with an error.
TIME_LIMIT = 120.0


def extract(
    doc: Document,
    gazetteer: Gazetteer,
    *,
    time_limit: float | None = TIME_LIMIT,
    online: OnlineLookup | None = None,
    geocoder: CandidateSource | None = None,
) -> Extraction:
    """Run every stage over ``doc``.

    Raises :class:`~geo.exc.ExtractionTimeoutError` past ``time_limit`` seconds
    (``None``: no limit). ``online`` (off by default) looks up the places the
    gazetteer lacks on Nominatim (:mod:`geo.gazetteer.online`). ``geocoder``
    answers which places a name may be (default: the gazetteer through geopy's
    ``Geocoder`` interface, :class:`~geo.gazetteer.GazetteerGeocoder`; any geopy
    geocoder through :class:`~geo.gazetteer.GeopyCandidates`).
    """
    deadline = None if time_limit is None else time.monotonic() + time_limit

    def check() -> None:
        if deadline is not None and time.monotonic() > deadline:
            raise ExtractionTimeoutError(doc.source, time_limit)

    check()
    sentences = split_sentences(doc, check)
    resolver = DateResolver(publication_date=doc.publication_date)
    resolver.prime(doc.text)
    check()
    toponyms = find_toponyms(
        doc.text,
        gazetteer,
        check=check,
        online=online,
        geocoder=geocoder,
        sentences=[(s.start, s.end) for s in sentences],
    )
    toponyms = list(mark_roles(tuple(toponyms), doc.text, check))
    by_sentence: list[list[Toponym]] = [[] for _ in sentences]
    j = 0
    for t in toponyms:
        while j < len(sentences) and sentences[j].end < t.end:
            j += 1
        if j < len(sentences):
            by_sentence[j].append(t)
    spoken_text = strip_quotes(doc.text)
    facts = []
    for s, tops in zip(sentences, by_sentence, strict=True):
        check()
        dates = resolver.resolve(s.text, s.start, s.heading_year)
        spoken = spoken_text[s.start : s.end]
        casualties = read_casualties(spoken, s.start)
        facts.append(
            SentenceFacts(
                s.start,
                s.end,
                s.text,
                spoken,
                s.paragraph,
                tuple(dates),
                tuple(tops),
                casualties,
                s.headline,
            )
        )
    key, prefix = doc.key, doc.source + ":"
    events = [
        replace(
            e,
            # ids come from the text, not the path: the same document read twice is one
            event_id=_rekey(e.event_id, prefix, key),
            incident_id=_rekey(e.incident_id, prefix, key),
            reference_date=doc.publication_date,
            date_basis=doc.date_basis,
        )
        for e in build_events(
            doc.source,
            facts,
            dated=doc.publication_date is not None or any(f.dates for f in facts),
            check=check,
        )
    ]
    return Extraction(doc, tuple(sentences), tuple(toponyms), tuple(events))


def _rekey(event_id: str, prefix: str, key: str) -> str:
    return key + ":" + event_id[len(prefix) :] if event_id.startswith(prefix) else event_id


def toponym_roles(result: Extraction) -> list[str]:
    """The role of each of ``result.toponyms`` (:mod:`geo.extraction.roles`): ``event``
    where an event's place was taken from it, or from a sentence of that event naming
    the same place; else what its words make it."""
    spans = {e.place_span for e in result.events if e.place_span}
    told: set[tuple[int, str]] = set()  # (sentence start, place id) of every event
    for e in result.events:
        if e.place is not None:
            for a, _ in e.sources:
                told.add((a, e.place.gazetteer_id or e.place.name))
    starts = [s.start for s in result.sentences]
    out = []
    for t in result.toponyms:
        i = bisect_right(starts, t.start) - 1
        key = (starts[i] if i >= 0 else -1, t.place.gazetteer_id or t.place.name if t.place else "")
        out.append(role(t, in_event=(t.start, t.end) in spans or key in told))
    return out


def extract_events(
    text: str,
    *,
    gazetteer: Gazetteer,
    source: str = "<text>",
    publication_date: date | None = None,
) -> list[Event]:
    """Events of a plain text: the short way in."""
    doc = document_from_text(source, text, publication_date=publication_date)
    return list(extract(doc, gazetteer).events)
