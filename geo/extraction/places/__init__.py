"""Finding place names in text and resolving them with the document's context.

Strategies, run in order over each sentence (earlier ones claim their span):

1. ``site``: curated sites and named regions, lower-case words allowed
   ("the K1 military base", "US embassy", "Tahrir Square");
2. ``region``: directional regions of a country ("southern Iraq", "the south
   of the country", "several Iraqi provinces") → the country, country level;
3. ``gazetteer``: runs of capitalised words matched longest-first against
   GeoNames names, with filters for people ("President Barham Saleh"),
   organisations and common words;
4. ``demonym``: "Iraqi", "1500 Iranians" → the country.

Names of the areas that hold another ("Chakaria town (Cox's Bazar, Chittagong)")
are marked by :mod:`.containers` and come out of kind ``container``.

Resolution then scores each mention's candidates by population, kind,
the document's country focus, a city named alongside ("Baghdad's Tahrir
Square", "Kirkuk, Iraq") and the sentence's own context.

Example
-------
>>> from geo.gazetteer import Gazetteer                      # doctest: +SKIP
>>> ts = find_toponyms("Protests in Nassiriya and Najaf.", Gazetteer.load())  # doctest: +SKIP
>>> [(t.text, t.place.name) for t in ts]                     # doctest: +SKIP
[('Nassiriya', 'Nasiriyah'), ('Najaf', 'Najaf')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from geo.extraction.places.containers import mark_containers
from geo.extraction.places.find import person_names, sentence_mentions
from geo.extraction.places.mention import Mention
from geo.extraction.places.resolve import look_up_online, resolve
from geo.gazetteer import CandidateSource, Gazetteer, geocoder_for
from geo.models import Toponym

if TYPE_CHECKING:
    from geo.gazetteer.online import OnlineLookup

__all__ = ["find_toponyms"]


def _weak(m: Mention) -> bool:
    """A name the gazetteer lacks, or a town of under a million (no country,
    province or metropolis): one that a person's name can stand for."""
    if m.kind == "unknown":
        return True
    top = m.candidates[0] if m.candidates else None
    return (
        m.kind == "gazetteer"
        and top is not None
        and top.kind in ("city", "site")
        and top.population < 1_000_000
    )


#: A given name, a middle initial and a surname: "Roy A. Nelson" (group: the surname).
_INITIALLED = re.compile(r"\b[A-Z][a-z]+\s+[A-Z]\.\s+([A-Z][a-z][\w'’-]*)\b(?!\s*,\s*[A-Z][a-z])")


def _not_country(m: Mention) -> bool:
    top = m.candidates[0] if m.candidates else None
    return top is None or top.kind not in ("country", "continent")


def find_toponyms(
    text: str,
    gazetteer: Gazetteer,
    *,
    sentences: list[tuple[int, int]] | None = None,
    check: Callable[[], None] | None = None,
    online: OnlineLookup | None = None,
    geocoder: CandidateSource | None = None,
) -> list[Toponym]:
    """Every toponym of ``text`` (within ``sentences`` if given), resolved.

    ``check`` is called between sentences (the pipeline's time limit raises there).
    With ``online`` (see :mod:`geo.gazetteer.online`), names the gazetteer does not know but
    the text tells as places ("near Sulayman Bak", "in Zaghniya village") are
    looked up there, within the countries the document is about; those found
    are of kind ``online``, the others of kind ``unknown``, without a place.
    ``geocoder`` answers which places a spotted name may be (default: the
    gazetteer, through :class:`~geo.gazetteer.GazetteerGeocoder`; any geopy
    geocoder through :class:`~geo.gazetteer.GeopyCandidates`).
    """
    source = geocoder or geocoder_for(gazetteer)
    spans = sentences if sentences is not None else [(0, len(text))]
    mentions: list[Mention] = []
    named: set[str] = set()  # last words of persons' full names ("Christopher Steele")
    for s, e in spans:
        if check is not None:
            check()
        mentions.extend(
            sentence_mentions(text, s, e, gazetteer, unknown=True, source=source, persons=named)
        )
    # one sense per document: a name the text gives a person ("Christopher Steele",
    # "Walsh said") is that person wherever it stands alone, unless a strong place
    # (a town's one-word name only: "Walsh said", not "the Red Cross said")
    weak = {m.text for m in mentions if _weak(m) and (m.kind == "unknown" or " " not in m.text)}
    if weak:
        persons = person_names(text, weak) | (named & weak)
        mentions = [m for m in mentions if not (m.text in persons and _weak(m))]
    # a surname after a given name and a middle initial ("Roy A. Nelson", "Terry A.
    # Corbin") is a person's however strong a place it names, here and alone
    if ". " in text:
        initialled = set(_INITIALLED.findall(text))
        if initialled:
            mentions = [m for m in mentions if not (m.text in initialled and _not_country(m))]
    mark_containers(mentions, text)
    countries = resolve(mentions, text, gazetteer, source, check)
    if online is not None:
        look_up_online(mentions, countries, online, check)
    # an area is context where it holds a place found ("Baghdad" in "Tarmiyah
    # district, Baghdad"); holding only names the gazetteer lacks, it is the place
    holds_placed: set[int] = set()
    for m in mentions:
        k = m.inside if m.place is not None else None
        while k is not None and k not in holds_placed:
            holds_placed.add(k)
            k = mentions[k].inside
    return [
        Toponym(
            m.start,
            m.end,
            m.text,
            m.place,
            tuple(c.to_place() for c in m.candidates[:5]),
            kind="dateline"
            if m.dateline
            else "container"
            if i in holds_placed and m.kind in ("gazetteer", "variant")
            else "local"
            if m.local and m.modifier and m.kind == "gazetteer"
            else "modifier"
            if m.modifier and m.kind == "gazetteer"
            else "gazetteer"
            if m.kind == "variant"
            else m.kind,
        )
        for i, m in enumerate(mentions)
    ]
