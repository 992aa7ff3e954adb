"""Points for the parts of a country a text names by direction ("southern Iraq",
"the north-east of the country"), from the country's own shape.

A part is the country's shape (its largest piece of land) cut to the third
of its extent that the direction names (south: the southern third of its latitudes; north-east: the
northern third and the eastern third; central: the middle third both ways). Its
point is a point inside that cut (shapely's ``representative_point``), so it lies
on land in the country, never in a neighbour or the sea. Such a point stands for
a region, and is given at ``region`` precision, never as a city.

Shapes: ``data/countries.geojson`` (Natural Earth 1:50m admin-0, public domain).

Example
-------
>>> lat, lon = part_point("IQ", "south")
>>> 29.0 < lat < 32.0 and 43.0 < lon < 48.5
True
>>> part_point("IQ", "nowhere") is None
True
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache

from geo.lexicon.words import DIRECTION_PATTERN
from geo.resources import DATA_DIR

log = logging.getLogger(__name__)

#: How a direction word cuts the extent: (latitude third, longitude third), each
#: 0 (low), 1 (middle), 2 (high) or None (all of it).
_CUTS: dict[str, tuple[int | None, int | None]] = {
    "north": (2, None),
    "south": (0, None),
    "east": (None, 2),
    "west": (None, 0),
    "central": (1, 1),
    "northeast": (2, 2),
    "northwest": (2, 0),
    "southeast": (0, 2),
    "southwest": (0, 0),
}

#: How a part is named on the map.
_PART_NAMES = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "central": "central",
    "northeast": "north-eastern",
    "northwest": "north-western",
    "southeast": "south-eastern",
    "southwest": "south-western",
}

#: The direction a region's words give (the place finder's own pattern):
#: "southern", "the south-east of", "central".
_DIRECTION_WORD = re.compile(rf"\b({DIRECTION_PATTERN})(?:ern)?(?![\w-])", re.IGNORECASE)


def direction_of(text: str) -> str | None:
    """The direction a region's words name, folded ("South-Eastern" → "southeast").

    >>> direction_of("southern Iraq"), direction_of("the north-east of the country")
    ('south', 'northeast')
    >>> direction_of("several Iraqi provinces") is None
    True
    """
    m = _DIRECTION_WORD.search(text)
    return m.group(1).lower().replace("-", "") if m else None


def part_name(direction: str, country: str) -> str:
    """The map's name of a part: ``part_name("northeast", "Iraq")`` is
    "north-eastern Iraq"."""
    return f"{_PART_NAMES[direction]} {country}"


@cache
def _shapes() -> dict[str, object]:
    from shapely.geometry import shape

    path = DATA_DIR / "countries.geojson"
    try:
        feats = json.loads(path.read_text("utf-8"))["features"]
    except (OSError, ValueError, KeyError):
        log.warning("%s is unreadable: directional regions keep the country's point", path)
        return {}
    out: dict[str, object] = {}
    for f in feats:
        code = (f.get("properties") or {}).get("ISO_A2")
        if code and code != "-99" and f.get("geometry"):
            geom = shape(f["geometry"])
            # the mainland: a country's far islands (Alaska's Aleutians across the
            # antimeridian) would stretch its extent
            parts = getattr(geom, "geoms", None)
            out[code] = max(parts, key=lambda g: g.area) if parts else geom
    return out


@cache
def part_point(country_code: str, direction: str) -> tuple[float, float] | None:
    """A point inside the part of the country the direction names, or ``None``
    (no shape for the country, or a direction this table lacks)."""
    cut = _CUTS.get(direction)
    geom = _shapes().get(country_code)
    if cut is None or geom is None:
        return None
    from shapely.geometry import box

    west, south, east, north = geom.bounds  # type: ignore[attr-defined]

    def third(lo: float, hi: float, k: int | None) -> tuple[float, float]:
        if k is None:
            return lo, hi
        step = (hi - lo) / 3
        return lo + k * step, lo + (k + 1) * step

    s, n = third(south, north, cut[0])
    w, e = third(west, east, cut[1])
    part = geom.intersection(box(w, s, e, n))  # type: ignore[attr-defined]
    if part.is_empty:
        return None
    p = part.representative_point()
    return round(p.y, 5), round(p.x, 5)
