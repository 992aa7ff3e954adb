"""What a place name does in its sentence: where the event was, or something else.

English news names places in many roles besides the event's location. These
rules, read off the words around the name, mark a :class:`~geo.models.Toponym`
with the kind its role gives; :func:`role` then names the role for
``python -m geo places`` and the details panel:

============  ==========================================================  =====================
role          the name …                                                  example
============  ==========================================================  =====================
event         is where an event of the document happened                  "clashes in Basra"
actor         is a nationality of people or forces (a demonym), or a      "two Americans", "Turkish drone",
              capital or country standing for its government            "Ankara launched operations"
modifier      names something else                                        "US forces", "Iranian consulate"
              (a town naming a local body, "the Hyderabad Press Club", is of
              kind ``local``: the event's place when the sentence names no other)
origin        is where a person comes from, or a journey starts           "a contractor from Texas",
                                                                          "ministers arrived from Riyadh"
              (where a community lives, "residents of Mansa", is of kind
              ``home``: the event's place when the sentence names no other)
said          speaks, or is where something was said                      "Baghdad said", "told reporters in Geneva"
reference     only measures a distance (to an event at a finer place the  "in Marib, 170 km east of Sanaa"
              sentence names, or over 150 km); "20 km south of Kirkuk"
              alone is the event's point near Kirkuk (kind ``offset``)
container     is the area that holds a place the sentence names           "Chakaria town (Cox's Bazar, Chittagong)"
dateline      is where a wire report was filed                            "BAGHDAD (Reuters) -"
unplaced      is told as a place but the gazetteer lacks it               "Camp Taji"
mentioned     is named in a sentence that tells no event there            "talks with Iran"
============  ==========================================================  =====================

Example
-------
>>> from geo.models import Place, Toponym
>>> p = Place("Sanaa", 15.35, 44.2, "city", "YE")
>>> text = "Rebels hit a camp in Marib, 170 km east of Sanaa."
>>> [t.kind for t in mark_roles((Toponym(43, 48, "Sanaa", p),), text)]
['reference']
>>> text = "Rebels hit a camp 70 km east of Sanaa."
>>> t = mark_roles((Toponym(32, 37, "Sanaa", p),), text)[0]
>>> t.kind, t.text, t.place.precision, round(t.place.longitude, 2)
('offset', '70 km east of Sanaa', 'near', 44.85)
>>> role(Toponym(0, 5, "Iraqi", p, kind="demonym"), in_event=False)
'actor'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from geo.lexicon.words import PLACE_PREPOSITION_BEFORE, ROAD_AFTER_TOWN
from geo.models import Place, Toponym

#: "about 170km (105 miles) east of Sanaa", "north of Baghdad": a distance's anchor.
_MEASURED_FROM = re.compile(
    r"(?:\b(?P<n>\d[\d.,]*)\s*-?\s*(?P<unit>km|kms|kilometres|kilometers|kilometre|kilometer|"
    r"miles|mile|mi)\b(?:\s*\([^)]{0,30}\))?\s+|"
    r"\b(?:just|some|about|around)\s+)?\b(?P<dir>north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.I,
)
#: Compass bearings of the directions news copy gives, in degrees.
_BEARING = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "northwest": 315.0,
    "west": 270.0,
}
#: Kilometres in one unit of distance.
_KM_PER = {"km": 1.0, "kms": 1.0, "mile": 1.609344, "miles": 1.609344, "mi": 1.609344}
#: A distance beyond this is no "near" point: the anchor only measures how far.
_MAX_OFFSET_KM = 150.0
#: "Baghdad said", "Iraq's army said": a name that speaks.
_SPEAKS = re.compile(
    r"(?:[’']s?\s+(?:[\w-]+\s+){0,3}?)?\s*(?:said|says|reported|told|announced|claimed|"
    r"confirmed|denied|added|stated|quoted)\b",
    re.I,
)
#: "told reporters in Geneva", "speaking in Ankara", "a statement issued in London".
_SAID_IN = re.compile(
    r"\b(?:told\s+(?:reporters|journalists|a\s+news\s+conference|[\w-]+)|speaking|"
    r"a\s+(?:statement|press\s+conference|news\s+conference)\s+(?:issued\s+)?|said)\s+in\s+$",
    re.I,
)
#: "Ankara launched two operations", "Russia carried out airstrikes": a capital or a
#: country as the subject of a state's act stands for its government (an actor).
_GOVERNS = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+|later\s+){0,2}(?:launched|carried\s+out|"
    r"announced|accused|denied|ordered|sent|warned|threatened|responded|retaliated|vowed|"
    r"agreed|rejected|demanded|imposed|urged|condemned|insisted|summoned|recalled|expelled|"
    r"sanctioned|blamed|deployed|approved|signed|struck|bombed|shelled|invaded|began|"
    r"started|stepped\s+up|intensified|resumed)\b",
    re.I,
)
#: "a contractor from Texas", "a native of Basra": where a person comes from.
_FROM = re.compile(
    r"\b(?:contractors?|man|woman|men|women|boy|girl|soldiers?|nationals?|citizens?|natives?|"
    r"residents?|students?|tourists?|workers?|journalists?|reporters?|doctors?|"
    r"engineers?|officers?|pilots?|teachers?|refugees?|migrants?|businessman|"
    r"businessmen|family|families)\s+(?:originally\s+)?(?:from|of)\s+$"
    # a journey's start is not where the event happened: "as ministers arrived
    # from Riyadh", "a plane returning from Kyiv"
    r"|\b(?:arriv(?:e|ed|es|ing)|return(?:ed|s|ing)?|fl(?:ew|own|ying)|travel(?:l?ed|l?ing|s)?|"
    r"c(?:a|o)me|coming|fle(?:d|eing)|deported|evacuated|repatriated)\s+(?:back\s+)?from\s+$",
    re.I,
)

#: "residents of Mansa", "villagers from Chinnapuram": where a community lives. Its
#: place is an origin, but where the sentence tells no other place the community
#: acted at home (kind ``home``: the event's place when nothing else is told).
_HOME = re.compile(
    r"\b(?:residents|villagers|inhabitants|locals|dwellers|people|citizens|communities|"
    r"townspeople|townsfolk)\s+(?:of|from)\s+(?:the\s+)?$",
    re.I,
)

#: Toponym kinds and the role each gives (kinds set by the place finder and here).
_ROLE_OF_KIND = {
    "demonym": "actor",
    "modifier": "modifier",
    "origin": "origin",
    "home": "origin",
    "actor": "actor",
    "said": "said",
    "reference": "reference",
    "offset": "reference",  # the event is at a finer place the sentence names
    "road": "reference",
    "container": "container",
    "local": "modifier",
    "dateline": "dateline",
    "unknown": "unplaced",
}


#: A building or ground named after its town ("outside the Peshawar Press Club",
#: "at Sambalpur University"): told after a preposition of place, the town is where
#: the event was, though the name modifies the building's.
_FACILITY_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:Press\s+Club|University|College|Hospital|Airport|"
    # a gathering named after its town is held there: "at the Jaipur Art Summit"
    r"Summit|Festival|Conference|Fair|Expo|"
    r"Stadium|Baz(?:a|aa)r|Market|Court|Chowk|Square|Bridge|Station|Cantonment|Mosque|"
    r"Temple|Church|School|Campus|Collectorate|Secretariat|Municipality|Assembly|Jail|"
    r"Prison|Port|Bus\s+(?:Stand|Terminal)|Highway|Road|Club|Parliament|Office)\b"
)
_PLACE_PREPOSITION = re.compile(PLACE_PREPOSITION_BEFORE, re.I)


def mark_roles(
    toponyms: tuple[Toponym, ...], text: str, check: Callable[[], None] | None = None
) -> tuple[Toponym, ...]:
    """``toponyms`` (offsets into ``text``) with the kinds their words give:
    ``reference``, ``said`` or ``origin`` (see the module's table), and a town
    that names a building the event was at taken as the place (``gazetteer``).
    ``check`` is called every 256 toponyms; it raises to stop."""
    out = []
    for n, t in enumerate(toponyms):
        if check is not None and not n % 256:
            check()
        if (
            t.kind in ("modifier", "local")
            and t.place is not None
            and t.place.precision in ("city", "site")
            and (t.kind == "local" or _FACILITY_AFTER.match(text, t.end))
            and _PLACE_PREPOSITION.search(text[max(0, t.start - 30) : t.start])
        ):
            t = replace(t, kind="gazetteer")  # "near the Irbil airport": at Irbil
        if (
            t.kind == "gazetteer"
            and text[t.end : t.end + 1] == "-"
            and (road := _ROAD_AFTER.match(text, t.end))
        ):
            out.append(_on_road(t, road))
            continue
        if t.kind in ("gazetteer", "site", "variant", "region", "online"):
            before = text[max(0, t.start - 60) : t.start]
            tail = before[-6:].lower()  # cheap guards: each pattern ends in "of " or "in "
            if tail.endswith("of ") and (measured := _MEASURED_FROM.search(before)):
                t = _offset(t, measured, len(before))
            elif _SPEAKS.match(text, t.end) or (tail.endswith("in ") and _SAID_IN.search(before)):
                t = replace(t, kind="said")
            elif tail.endswith(("from ", "of ")) and _HOME.search(before):
                t = replace(t, kind="home")
            elif tail.endswith(("from ", "of ")) and _FROM.search(before):
                t = replace(t, kind="origin")
            elif (
                t.place is not None
                and t.place.precision in ("city", "country")
                and _GOVERNS.match(text, t.end)
                and not _PLACE_PREPOSITION.search(before[-25:])
            ):
                t = replace(t, kind="actor")
        out.append(t)
    return tuple(out)


def _offset(t: Toponym, m: re.Match[str], before_len: int) -> Toponym:
    """A place told by distance and direction from ``t`` ("20 km south of Kirkuk",
    "north of Baghdad"): the point that far from it, at ``near`` precision (the
    anchor's own point when no distance is given). An anchor that is a region or a
    country, or a distance beyond :data:`_MAX_OFFSET_KM`, only measures: ``reference``."""
    p = t.place
    if p is None or p.precision not in ("site", "city"):
        return replace(t, kind="reference")
    km = 0.0
    if m.group("n"):
        try:
            km = float(m.group("n").replace(",", "")) * _KM_PER.get(m.group("unit").lower(), 1.0)
        except ValueError:
            return replace(t, kind="reference")
    if km > _MAX_OFFSET_KM:
        return replace(t, kind="reference")
    lat, lon = p.latitude, p.longitude
    if km:
        from geopy.distance import distance

        bearing = _BEARING[m.group("dir").lower().replace("-", "")]
        dest = distance(kilometers=km).destination((lat, lon), bearing=bearing)
        lat, lon = round(dest.latitude, 5), round(dest.longitude, 5)
    start = t.start - (before_len - m.start())
    phrase = m.group(0) + t.text
    point = Place(
        phrase,
        lat,
        lon,
        "near",
        p.country_code,
        admin1=p.admin1,
        gazetteer_id=f"{p.gazetteer_id}@{round(km)}km{m.group('dir').lower()}",
    )
    return replace(t, start=start, text=phrase, place=point, kind="offset")


#: The rest of a road named by the towns it joins, after its first town.
_ROAD_AFTER = re.compile(ROAD_AFTER_TOWN)


def _on_road(t: Toponym, road: re.Match[str]) -> Toponym:
    """ "on the Eldoret-Kitale road": a point near the first town, at ``near``
    precision (the road runs from it; where on it the text does not say)."""
    p = t.place
    if p is None or p.precision not in ("site", "city"):
        return t
    phrase = t.text + road.group(0)
    point = Place(
        phrase,
        p.latitude,
        p.longitude,
        "near",
        p.country_code,
        admin1=p.admin1,
        gazetteer_id=f"{p.gazetteer_id}@road",
    )
    return replace(t, end=road.end(), text=phrase, place=point, kind="road")


def role(t: Toponym, *, in_event: bool) -> str:
    """The role of a toponym; ``in_event`` when an event of the document is there."""
    if in_event:
        return "event"
    return _ROLE_OF_KIND.get(t.kind, "mentioned")
