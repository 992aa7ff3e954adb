"""What to show: one filter, one implementation for the store and for frames in memory.

An :class:`EventFilter` is what the dashboard's widgets set (it round-trips
through URL query parameters) and what a store query takes. :func:`where`
turns it into one SQL condition; the store runs it over its Parquet parts and
:func:`match` runs the very same condition over a frame in memory (both with
DuckDB), so the two modes cannot give different rows.

Dated events match when their date is in the range; reported totals when
their period overlaps it; undated events are kept (they are listed apart,
never on the map, so a date range cannot hide them).

Example
-------
>>> from datetime import date
>>> f = EventFilter(start=date(2019, 12, 1), end=date(2019, 12, 10), min_killed=1)
>>> f.to_query()
{'start': '2019-12-01', 'end': '2019-12-10', 'min_killed': '1'}
>>> EventFilter.from_query({'start': '2019-12-01', 'types': 'Protests,Riots'}).types
('Protests', 'Riots')
>>> where(EventFilter(min_killed=5))
('TRUE AND killed >= ?', [5])
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd

from geo.lexicon.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

log = logging.getLogger("geo")

#: The columns a text search looks in.
SEARCH_COLUMNS = ("source_text", "location", "actors")
#: Longest search kept from a link.
MAX_SEARCH = 200


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        log.warning("ignoring bad date in the link: %r", value)
        return None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A date range and filters. Empty means "all"."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    #: ACLED sub-event types ("Peaceful protest", "Mob violence").
    sub_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    min_killed: int = 0
    search: str = ""
    #: (south, west, north, east)
    bbox: tuple[float, float, float, float] | None = None

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> EventFilter:
        """Read a view from URL query parameters; bad values are ignored."""
        try:
            min_killed = max(0, int(params.get("min_killed", "0") or 0))
        except ValueError:
            min_killed = 0
        types = tuple(t for t in _split(params.get("types")) if t in EVENT_TYPES)
        subs = {s for _, s in SUB_EVENT_TYPES}
        sub_types = tuple(t for t in _split(params.get("subtypes")) if t in subs)
        return cls(
            start=_date(params.get("start")),
            end=_date(params.get("end")),
            types=types,
            sub_types=sub_types,
            actors=_split(params.get("actors")),
            min_killed=min_killed,
            search=(params.get("q") or "")[:MAX_SEARCH],
        )

    def to_query(self) -> dict[str, str]:
        """The view as URL query parameters (only what is set)."""
        q = {}
        if self.start:
            q["start"] = self.start.isoformat()
        if self.end:
            q["end"] = self.end.isoformat()
        if self.types:
            q["types"] = ",".join(self.types)
        if self.sub_types:
            q["subtypes"] = ",".join(self.sub_types)
        if self.actors:
            q["actors"] = ",".join(self.actors)
        if self.min_killed:
            q["min_killed"] = str(self.min_killed)
        if self.search:
            q["q"] = self.search
        return q

    def clamp(self, lo: date, hi: date) -> EventFilter:
        """The same view with its date range inside ``[lo, hi]`` and ordered."""
        start = min(max(self.start or lo, lo), hi)
        end = max(min(self.end or hi, hi), lo)
        if start > end:
            start, end = end, start
        return replace(self, start=start, end=end)


def like_pattern(text: str) -> str:
    """A SQL ``LIKE`` pattern for "contains ``text``", with ``\\`` as the escape.

    >>> like_pattern("100%_a\\\\b")
    '%100\\\\%\\\\_a\\\\\\\\b%'
    """
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(f: EventFilter, *, months: bool = False) -> tuple[str, list]:
    """``f`` as one SQL condition and its parameters.

    It reads the columns ``period_lo``/``period_hi`` (the period, or the date),
    ``event_type``, ``actors``, ``killed``, ``lat``, ``lon`` and
    :data:`SEARCH_COLUMNS`; with ``months`` also the store's ``month``
    partition column, to skip whole parts.
    """
    sql, args = ["TRUE"], []
    if f.start is not None or f.end is not None:
        lo, hi = f.start or date.min, f.end or date.max
        if months:
            sql.append("(month IN ('undated', 'aggregate') OR (month BETWEEN ? AND ?))")
            args += [f"{lo.year:04d}-{lo.month:02d}", f"{hi.year:04d}-{hi.month:02d}"]
        sql.append(
            "(period_lo IS NULL OR (CAST(period_hi AS DATE) >= ? AND CAST(period_lo AS DATE) <= ?))"
        )
        args += [lo, hi]
    if f.types:
        sql.append(f"CAST(event_type AS VARCHAR) IN ({', '.join('?' * len(f.types))})")
        args += list(f.types)
    if f.sub_types:
        sql.append(f"CAST(sub_event_type AS VARCHAR) IN ({', '.join('?' * len(f.sub_types))})")
        args += list(f.sub_types)
    if f.actors:
        sql.append("list_has_any(string_split(CAST(actors AS VARCHAR), '; '), ?)")
        args.append(list(f.actors))
    if f.min_killed:
        sql.append("killed >= ?")
        args.append(f.min_killed)
    if f.bbox is not None:
        s, w, n, e = f.bbox
        sql.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        args += [s, n, w, e]
    if f.search:
        sql.append(
            "("
            + " OR ".join(f"CAST({c} AS VARCHAR) ILIKE ? ESCAPE '\\'" for c in SEARCH_COLUMNS)
            + ")"
        )
        args += [like_pattern(f.search)] * len(SEARCH_COLUMNS)
    return " AND ".join(sql), args


def _needed(f: EventFilter) -> dict[str, str]:
    """Frame columns :func:`where` reads for ``f``, by the name it reads them as."""
    cols = {"period_lo": "start_date", "period_hi": "end_date"} if f.start or f.end else {}
    if f.types:
        cols["event_type"] = "event_type"
    if f.sub_types:
        cols["sub_event_type"] = "sub_event_type"
    if f.actors:
        cols["actors"] = "actors"
    if f.min_killed:
        cols["killed"] = "killed"
    if f.bbox is not None:
        cols |= {"lat": "lat", "lon": "lon"}
    if f.search:
        cols |= {c: c for c in SEARCH_COLUMNS}
    return cols


def match(df: pd.DataFrame, f: EventFilter) -> pd.Series:
    """Which rows of a frame (:func:`geo.io.schema.rows_frame`) match ``f``.

    The condition is :func:`where`'s, run by DuckDB over the columns it needs.
    """
    cols = _needed(f)
    if not cols or df.empty:
        return pd.Series(True, index=df.index)
    import duckdb

    view = pd.DataFrame(
        {
            name: df[col].to_numpy()
            if not isinstance(df[col].dtype, pd.CategoricalDtype)
            else df[col].array
            for name, col in cols.items()
            if col in df
        }
    )
    for name in cols:
        if name not in view:  # a column the frame lacks matches nothing
            view[name] = pd.Series([None] * len(df), dtype=object)
    view["_pos"] = np.arange(len(df))
    condition, args = where(f)
    with duckdb.connect() as con:
        con.register("events", view)
        hits = con.execute(f"SELECT _pos FROM events WHERE {condition}", args).fetchnumpy()
    keep = np.zeros(len(df), dtype=bool)
    keep[hits["_pos"]] = True
    return pd.Series(keep, index=df.index)


def apply(df: pd.DataFrame, f: EventFilter) -> pd.DataFrame:
    """The rows matching ``f`` (see :func:`match`)."""
    return df[match(df, f)]
