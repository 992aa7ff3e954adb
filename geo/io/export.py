"""Events to rows, and rows to CSV, GeoJSON or Parquet.

The columns are :data:`geo.io.schema.SCHEMA`'s: the interface of ``python -m geo
extract``. Unknown values are empty cells, never "nan".

Example
-------
>>> to_csv([]).splitlines()[0][:40]
'event_id,event_date,date_precision,event'
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
from pathlib import Path

from geo.io.schema import ALL_COLUMNS, SCHEMA

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
#: What spreadsheets skip before reading a formula: spaces, NBSP, zero-width
#: characters, a byte-order mark.
_INVISIBLE_LEAD = re.compile(r"^[\s\u00a0\u200b-\u200d\u2060\ufeff]+")
_FORMULA_CHARS = frozenset("=+-@")
#: Full-width forms some spreadsheets read as the ASCII ones.
_WIDE = {"＝": "=", "＋": "+", "－": "-", "＠": "@"}


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP's advice).

    A cell starting with ``= + - @`` or ``|`` (also after spaces, NBSP, zero-width
    characters or a BOM, and in their full-width forms), a tab or a carriage return
    gets a leading apostrophe, except a plain number such as a negative longitude.

    >>> safe_cell("=1+2"), safe_cell("-73.98"), safe_cell("@cmd")
    ("'=1+2", '-73.98', "'@cmd")
    >>> safe_cell("\u00a0=HYPERLINK(1)"), safe_cell("＝1"), safe_cell("|x")
    ("'\xa0=HYPERLINK(1)", "'＝1", "'|x")
    """
    stripped = _INVISIBLE_LEAD.sub("", value)
    first = _WIDE.get(stripped[:1], stripped[:1])
    if (
        value.startswith(_FORMULA_START) or first in _FORMULA_CHARS or stripped.startswith("|")
    ) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, str]], columns: tuple[str, ...] = ALL_COLUMNS) -> str:
    """Rows as CSV text with the full header; cells are :func:`safe_cell`."""
    buf = io.StringIO()
    # RFC 4180 line ends: a cell holding a bare CR or LF is then quoted.
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    w.writeheader()
    w.writerows({k: safe_cell(str(v)) for k, v in r.items()} for r in rows)
    return buf.getvalue()


#: JSON types of the columns that are not text (the table's kinds, and linking's).
_JSON_KINDS: dict[str, str] = {
    **{c.name: c.type for c in SCHEMA},
    "n_reports": "int",
    "fatalities_min": "int",
    "fatalities_max": "int",
    "date_conflict": "bool",
}


def _json_value(kind: str, value: str) -> object:
    """A cell as its JSON type: numbers as numbers, ``true``/``false`` as booleans,
    empty as ``null``; anything that does not parse stays text (never lost)."""
    if kind not in ("int", "float", "bool"):
        return value
    if value == "":
        return None
    if kind == "bool":
        return {"true": True, "false": False}.get(value, value)
    try:
        number = int(value) if kind == "int" else float(value)
    except ValueError:
        return value
    return number if kind == "int" or math.isfinite(number) else value


def to_geojson(rows: list[dict[str, str]]) -> str:
    """Rows as a GeoJSON FeatureCollection; rows with no place get no geometry.
    Properties carry numbers and booleans as JSON numbers and booleans.

    >>> import json
    >>> row = {"latitude": "33.3", "longitude": "44.4", "fatalities": "3", "is_aggregate": "false"}
    >>> json.loads(to_geojson([row]))["features"][0]["properties"]["fatalities"]
    3
    """
    feats = []
    for r in rows:
        geom = None
        if r["latitude"] and r["longitude"]:
            geom = {"type": "Point", "coordinates": [float(r["longitude"]), float(r["latitude"])]}
        props = {k: _json_value(_JSON_KINDS.get(k, "str"), str(v)) for k, v in r.items()}
        feats.append({"type": "Feature", "geometry": geom, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)


def to_parquet_bytes(rows: list[dict[str, str]], columns: tuple[str, ...] = ALL_COLUMNS) -> bytes:
    """Rows as Parquet (all columns as strings, as in the CSV)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({c: [r[c] for r in rows] for c in columns})
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
