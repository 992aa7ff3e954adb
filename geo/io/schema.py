"""The event table's schema: one column list, derived from :class:`~geo.models.Event`.

Every table of events (the CLI's CSV/GeoJSON/Parquet, the store's parts, the
dashboard's frames and downloads) takes its columns from :data:`SCHEMA`. Each
:class:`Column` says how it is read off an :class:`~geo.models.Event`, its
type, the header a person reads, and which views need it. To add a column:
add a field to ``Event``, then one :class:`Column` row here.

The frames built by :func:`rows_frame` carry the string columns (exactly the
CLI's cells) plus typed helper columns (:func:`typed_frame`) for filters and the map.

Example
-------
>>> from geo.models import Event
>>> row = event_row(Event("e1", "a.txt", 0, 5, "Text."))
>>> row["event_date"], row["latitude"], row["is_aggregate"]
('', '', 'false')
>>> COLUMNS[:3]
('event_id', 'event_date', 'date_precision')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from geo.models import Event

ColumnType = Literal["str", "int", "float", "bool", "date", "spans"]


def _d(value: object) -> str:
    return "" if value is None else str(value)


def _spans(spans: Iterable[tuple[int, int]] | None) -> str:
    return ";".join(f"{a}-{b}" for a, b in spans or ())


def _bool(value: bool) -> str:
    return "true" if value else "false"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the event table.

    ``cell`` reads it off an event as the CLI writes it (a string, empty when
    unknown). ``required`` columns are the documented interface of
    ``python -m geo extract``; the others follow. ``light`` columns are read
    first from a large store (filters, map, counts); ``category`` ones have few
    distinct values and are kept as categories in large frames.
    """

    name: str
    type: ColumnType
    label: str
    cell: Callable[[Event], str]
    required: bool = True
    light: bool = False
    category: bool = False


def _place(attr: str, fmt: str = "{}") -> Callable[[Event], str]:
    def cell(e: Event) -> str:
        return fmt.format(getattr(e.place, attr)) if e.place else ""

    return cell


#: The event table, in the CLI's column order.
SCHEMA: tuple[Column, ...] = (
    Column("event_id", "str", "Event id", lambda e: e.event_id, light=True),
    Column("event_date", "date", "Date", lambda e: _d(e.event_date), light=True, category=True),
    Column(
        "date_precision",
        "str",
        "Date precision",
        lambda e: _d(e.date_precision),
        light=True,
        category=True,
    ),
    Column("event_type", "str", "Event type", lambda e: e.event_type, light=True, category=True),
    Column("sub_event_type", "str", "Sub-event type", lambda e: e.sub_event_type),
    Column("actors", "str", "Actors", lambda e: "; ".join(e.actors), light=True),
    Column("location", "str", "Place", _place("name"), light=True, category=True),
    Column(
        "admin1",
        "str",
        "Province",
        lambda e: e.place.admin1 if e.place and not e.place.admin1.isdigit() else "",
    ),
    Column("country_code", "str", "Country", _place("country_code")),
    Column("latitude", "float", "Latitude", _place("latitude", "{:.5f}")),
    Column("longitude", "float", "Longitude", _place("longitude", "{:.5f}")),
    Column(
        "geo_precision", "str", "Place precision", _place("precision"), light=True, category=True
    ),
    Column("fatalities", "int", "Killed", lambda e: str(e.fatalities), light=True),
    Column("injuries", "int", "Injured", lambda e: str(e.injuries), light=True),
    Column("is_aggregate", "bool", "Reported total", lambda e: _bool(e.is_aggregate), light=True),
    Column("period_start", "date", "Period start", lambda e: _d(e.period_start), light=True),
    Column("period_end", "date", "Period end", lambda e: _d(e.period_end), light=True),
    Column("source", "str", "Source", lambda e: e.source, light=True),
    Column("source_text", "str", "Sentence", lambda e: e.source_text),
    Column("char_start", "int", "Start offset", lambda e: str(e.char_start)),
    Column("char_end", "int", "End offset", lambda e: str(e.char_end)),
    # -- extras, after the documented columns ---------------------------------------
    Column(
        "location_text",
        "str",
        "Place as written",
        lambda e: e.location_text,
        required=False,
        light=True,
    ),
    Column(
        "year_inferred", "bool", "Year inferred", lambda e: _bool(e.year_inferred), required=False
    ),
    Column(
        "date_relative",
        "bool",
        "Date from a weekday or relative word",
        lambda e: _bool(e.date_relative),
        required=False,
    ),
    Column(
        "casualties_estimated",
        "bool",
        "Estimated toll",
        lambda e: _bool(e.casualties_estimated),
        required=False,
    ),
    Column("incident_id", "str", "Incident id", lambda e: e.incident_id, required=False),
    Column(
        "incident_fatalities",
        "int",
        "Incident killed",
        lambda e: str(e.incident_fatalities),
        required=False,
    ),
    Column(
        "incident_injuries",
        "int",
        "Incident injured",
        lambda e: str(e.incident_injuries),
        required=False,
    ),
    Column(
        "unmapped_reason",
        "str",
        "Not on the map because",
        lambda e: e.unmapped_reason,
        required=False,
        light=True,
        category=True,
    ),
    Column("sentence_spans", "spans", "Sentences", lambda e: _spans(e.sources), required=False),
    Column(
        "date_span",
        "spans",
        "Date words",
        lambda e: _spans([e.date_span] if e.date_span else []),
        required=False,
    ),
    Column(
        "place_span",
        "spans",
        "Place words",
        lambda e: _spans([e.place_span] if e.place_span else []),
        required=False,
    ),
    Column(
        "casualty_spans", "spans", "Toll words", lambda e: _spans(e.casualty_spans), required=False
    ),
    Column("gazetteer_id", "str", "Gazetteer id", _place("gazetteer_id"), required=False),
    Column(
        "candidates",
        "str",
        "Other candidates",
        lambda e: "; ".join(
            f"{c.name} ({c.country_code}, {c.precision})" for c in e.candidates[:5]
        ),
        required=False,
    ),
    Column(
        "reference_date", "date", "Read against", lambda e: _d(e.reference_date), required=False
    ),
    Column("date_basis", "str", "Reference date from", lambda e: e.date_basis, required=False),
    Column(
        "other_tolls",
        "str",
        "Other figures killed",
        lambda e: ", ".join(str(n) for n in e.other_tolls),
        required=False,
    ),
    Column("place_basis", "str", "Place chosen because", lambda e: e.place_basis, required=False),
)


#: The documented columns of ``python -m geo extract``, in order ...
COLUMNS: tuple[str, ...] = tuple(c.name for c in SCHEMA if c.required)
#: ... then the extras for the dashboard.
EXTRA_COLUMNS: tuple[str, ...] = tuple(c.name for c in SCHEMA if not c.required)
ALL_COLUMNS: tuple[str, ...] = COLUMNS + EXTRA_COLUMNS
#: String columns a large view reads first (filters, map, counts, timeline) ...
LIGHT_STRINGS: tuple[str, ...] = tuple(c.name for c in SCHEMA if c.light)
#: ... and the rest, read after the map is drawn.
TEXT_COLUMNS: tuple[str, ...] = tuple(c for c in ALL_COLUMNS if c not in LIGHT_STRINGS)

#: The columns the map, the counts and the timeline read: a filtered copy of
#: these is much cheaper than of every column when there are a million rows.
LIGHT_COLUMNS = (
    "event_date",
    "date_precision",
    "event_type",
    "location",
    "geo_precision",
    "unmapped_reason",
    "lat",
    "lon",
    "killed",
    "injured",
    "aggregate",
    "place_key",
    "row",
    "date",
    "start_date",
    "end_date",
)
#: Columns the map needs; store queries return these unless asked for more.
MAP_COLUMNS = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "location",
    "geo_precision",
    "lat",
    "lon",
    "killed",
    "injured",
    "unmapped_reason",
    "is_aggregate",
    "actors",
    "source",
)
#: Columns with few distinct values, kept as categories in large tables.
CATEGORY_COLUMNS: tuple[str, ...] = (*(c.name for c in SCHEMA if c.category), "place_key")


def event_row(e: Event) -> dict[str, str]:
    """One event as a row of strings (empty for unknown)."""
    return {c.name: c.cell(e) for c in SCHEMA}


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events as a table: the CLI's columns plus typed helper columns.

    >>> events_frame([]).columns[:3].tolist()
    ['event_id', 'event_date', 'date_precision']
    """
    return rows_frame([event_row(e) for e in events])


def rows_frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    """Rows of :func:`event_row` as a typed table."""
    return typed_frame(pd.DataFrame(rows, columns=list(ALL_COLUMNS), dtype=object).fillna(""))


def typed_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Add the typed helper columns to a table of string columns: ``date``,
    ``start_date``/``end_date`` (the period, else the date), ``killed``, ``injured``,
    ``lat``, ``lon``, ``aggregate``, ``place_key`` (one key per drawn location, about
    10 m) and ``row`` (the position in the frame)."""
    df["date"] = pd.to_datetime(df["event_date"], errors="coerce")
    df["start_date"] = pd.to_datetime(df["period_start"], errors="coerce").fillna(df["date"])
    df["end_date"] = pd.to_datetime(df["period_end"], errors="coerce").fillna(df["date"])
    df["killed"] = pd.to_numeric(df["fatalities"], errors="coerce").fillna(0).astype(int)
    df["injured"] = pd.to_numeric(df["injuries"], errors="coerce").fillna(0).astype(int)
    df["lat"] = pd.to_numeric(df["latitude"], errors="coerce")
    df["lon"] = pd.to_numeric(df["longitude"], errors="coerce")
    df["aggregate"] = df["is_aggregate"].eq("true")
    has = df["lat"].notna() & df["lon"].notna()
    # the store computes the same key with printf('%.4f,%.4f') in DuckDB
    df["place_key"] = ""
    if has.any():
        df.loc[has, "place_key"] = (
            df.loc[has, "lat"].map("{:.4f}".format) + "," + df.loc[has, "lon"].map("{:.4f}".format)
        )
    df["row"] = range(len(df))
    return df
