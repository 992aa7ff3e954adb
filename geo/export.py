"""Events to rows, and rows to CSV, GeoJSON or Parquet.

The columns are the interface of ``python -m geo extract``: the required
ones first, in the documented order, then extras for the dashboard.  Unknown
values are empty cells, never "nan".

Example
-------
>>> from geo.models import Event
>>> row = event_row(Event("e1", "a.txt", 0, 5, "Text."))
>>> row["event_date"], row["latitude"], row["is_aggregate"]
('', '', 'false')
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from geo.models import Event

COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actors",
    "location", "admin1", "country_code", "latitude", "longitude", "geo_precision",
    "fatalities", "injuries", "is_aggregate", "period_start", "period_end", "source",
    "source_text", "char_start", "char_end",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "location_text", "year_inferred", "casualties_estimated", "incident_id",
    "incident_fatalities", "incident_injuries", "unmapped_reason", "sources",
    "date_span", "place_span", "casualty_spans", "gazetteer_id", "candidates",
)
ALL_COLUMNS = COLUMNS + EXTRA_COLUMNS


def _d(value: object) -> str:
    return "" if value is None else str(value)


def _spans(spans: Iterable[tuple[int, int]] | None) -> str:
    return ";".join(f"{a}-{b}" for a, b in spans or ())


def event_row(e: Event) -> dict[str, str]:
    """One event as a row of strings (empty for unknown)."""
    p = e.place
    return {
        "event_id": e.event_id,
        "event_date": _d(e.event_date),
        "date_precision": _d(e.date_precision),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actors": "; ".join(e.actors),
        "location": p.name if p else "",
        "admin1": p.admin1 if p and not p.admin1.isdigit() else "",
        "country_code": p.country_code if p else "",
        "latitude": f"{p.latitude:.5f}" if p else "",
        "longitude": f"{p.longitude:.5f}" if p else "",
        "geo_precision": p.precision if p else "",
        "fatalities": str(e.fatalities),
        "injuries": str(e.injuries),
        "is_aggregate": "true" if e.is_aggregate else "false",
        "period_start": _d(e.period_start),
        "period_end": _d(e.period_end),
        "source": e.source,
        "source_text": e.source_text,
        "char_start": str(e.char_start),
        "char_end": str(e.char_end),
        "location_text": e.location_text,
        "year_inferred": "true" if e.year_inferred else "false",
        "casualties_estimated": "true" if e.casualties_estimated else "false",
        "incident_id": e.incident_id,
        "incident_fatalities": str(e.incident_fatalities),
        "incident_injuries": str(e.incident_injuries),
        "unmapped_reason": e.unmapped_reason,
        "sources": _spans(e.sources),
        "date_span": _spans([e.date_span] if e.date_span else []),
        "place_span": _spans([e.place_span] if e.place_span else []),
        "casualty_spans": _spans(e.casualty_spans),
        "gazetteer_id": p.gazetteer_id if p else "",
        "candidates": "; ".join(
            f"{c.name} ({c.country_code}, {c.precision})" for c in e.candidates[:5]
        ),
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP's advice).

    A cell starting with ``= + - @``, a tab or a carriage return gets a
    leading apostrophe, except a plain number such as a negative longitude.

    >>> safe_cell("=1+2"), safe_cell("-73.98"), safe_cell("@cmd")
    ("'=1+2", '-73.98', "'@cmd")
    """
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, str]]) -> str:
    """Rows as CSV text with the full header; cells are :func:`safe_cell`."""
    buf = io.StringIO()
    # RFC 4180 line ends: a cell holding a bare CR or LF is then quoted.
    w = csv.DictWriter(buf, fieldnames=ALL_COLUMNS, lineterminator="\r\n")
    w.writeheader()
    w.writerows({k: safe_cell(str(v)) for k, v in r.items()} for r in rows)
    return buf.getvalue()


def to_geojson(rows: list[dict[str, str]]) -> str:
    """Rows as a GeoJSON FeatureCollection; rows with no place get no geometry."""
    feats = []
    for r in rows:
        geom = None
        if r["latitude"] and r["longitude"]:
            geom = {"type": "Point",
                    "coordinates": [float(r["longitude"]), float(r["latitude"])]}
        feats.append({"type": "Feature", "geometry": geom, "properties": dict(r)})
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)


def to_parquet_bytes(rows: list[dict[str, str]]) -> bytes:
    """Rows as Parquet (all columns as strings, as in the CSV)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({c: [r[c] for r in rows] for c in ALL_COLUMNS})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
