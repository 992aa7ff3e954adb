"""Events as a table, the filters a user sets, and counts that reconcile.

:func:`events_frame` turns events into a :class:`pandas.DataFrame` whose
string columns are exactly those of ``python -m geo extract`` (so downloads
match the CLI) plus typed helper columns for filtering (``date``, ``killed``,
``injured``, ``lat``, ``lon``, ``place_key``).  :class:`ViewFilter` is what
the dashboard's widgets set; it round-trips through URL query parameters.
:func:`tally` splits the filtered events into what the map draws and what is
listed apart, and its parts always add up to the total.

Example
-------
>>> from datetime import date
>>> f = ViewFilter(start=date(2019, 12, 1), end=date(2019, 12, 10), min_killed=1)
>>> f.to_query()
{'start': '2019-12-01', 'end': '2019-12-10', 'min_killed': '1'}
>>> ViewFilter.from_query({'start': '2019-12-01', 'types': 'Protests,Riots'}).types
('Protests', 'Riots')
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from geo.export import ALL_COLUMNS, event_row
from geo.models import EVENT_TYPES, Event

log = logging.getLogger("geo")

#: Listed-apart groups, in the order the dashboard shows them.
REASONS = ("aggregate", "no place", "no date")


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events as a table: the CLI's columns plus typed helper columns.

    >>> events_frame([]).columns[:3].tolist()
    ['event_id', 'event_date', 'date_precision']
    """
    return rows_frame([event_row(e) for e in events])


def rows_frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    """Rows of :func:`geo.export.event_row` as a typed table."""
    return typed_frame(pd.DataFrame(rows, columns=list(ALL_COLUMNS), dtype=object).fillna(""))


def typed_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Add the typed helper columns to a table of the CLI's string columns."""
    df["date"] = pd.to_datetime(df["event_date"], errors="coerce")
    df["start_date"] = pd.to_datetime(df["period_start"], errors="coerce").fillna(df["date"])
    df["end_date"] = pd.to_datetime(df["period_end"], errors="coerce").fillna(df["date"])
    df["killed"] = pd.to_numeric(df["fatalities"], errors="coerce").fillna(0).astype(int)
    df["injured"] = pd.to_numeric(df["injuries"], errors="coerce").fillna(0).astype(int)
    df["lat"] = pd.to_numeric(df["latitude"], errors="coerce")
    df["lon"] = pd.to_numeric(df["longitude"], errors="coerce")
    df["aggregate"] = df["is_aggregate"].eq("true")
    has = df["lat"].notna() & df["lon"].notna()
    # one key per drawn location (about 10 m): "32.0259,44.3462"; the store
    # computes the same key with printf('%.4f,%.4f') in DuckDB
    df["place_key"] = ""
    if has.any():
        df.loc[has, "place_key"] = (df.loc[has, "lat"].map("{:.4f}".format) + ","
                                    + df.loc[has, "lon"].map("{:.4f}".format))
    df["row"] = range(len(df))
    return df


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        log.warning("ignoring bad date in the link: %r", value)
        return None


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """The current view: a date range and filters.  Empty means "all"."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    min_killed: int = 0
    search: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> ViewFilter:
        """Read a view from URL query parameters; bad values are ignored."""
        try:
            min_killed = max(0, int(params.get("min_killed", "0") or 0))
        except ValueError:
            min_killed = 0
        types = tuple(t for t in _split(params.get("types")) if t in EVENT_TYPES)
        return cls(start=_date(params.get("start")), end=_date(params.get("end")),
                   types=types, actors=_split(params.get("actors")),
                   min_killed=min_killed, search=(params.get("q") or "")[:200])

    def to_query(self) -> dict[str, str]:
        """The view as URL query parameters (only what is set)."""
        q = {}
        if self.start:
            q["start"] = self.start.isoformat()
        if self.end:
            q["end"] = self.end.isoformat()
        if self.types:
            q["types"] = ",".join(self.types)
        if self.actors:
            q["actors"] = ",".join(self.actors)
        if self.min_killed:
            q["min_killed"] = str(self.min_killed)
        if self.search:
            q["q"] = self.search
        return q

    def clamp(self, lo: date, hi: date) -> ViewFilter:
        """The same view with its date range inside ``[lo, hi]`` and ordered."""
        start = min(max(self.start or lo, lo), hi)
        end = max(min(self.end or hi, hi), lo)
        if start > end:
            start, end = end, start
        return replace(self, start=start, end=end)


#: The columns the map, the counts and the timeline read: a filtered copy of
#: these is much cheaper than of every column when there are a million rows.
LIGHT_COLUMNS = ("event_date", "date_precision", "event_type", "location",
                 "geo_precision", "unmapped_reason", "lat", "lon", "killed", "injured",
                 "aggregate", "place_key", "row", "date", "start_date", "end_date")


#: Columns with few distinct values, kept as categories in large tables
#: (:meth:`geo.store.EventStore.frame`).
CATEGORY_COLUMNS = ("event_type", "geo_precision", "unmapped_reason", "date_precision",
                    "location", "place_key", "event_date")


def apply(df: pd.DataFrame, f: ViewFilter) -> pd.DataFrame:
    """The rows matching ``f`` (see :func:`match`)."""
    return df[match(df, f)]


def match(df: pd.DataFrame, f: ViewFilter) -> pd.Series:
    """Which rows match ``f``, as a boolean Series.

    Dated events match when their date is in the range; reported totals when
    their period overlaps it; undated events are kept (they are listed apart,
    never on the map, so a date range cannot hide them).
    """
    keep = pd.Series(True, index=df.index)
    if f.start is not None or f.end is not None:
        lo = pd.Timestamp(f.start or date.min)
        hi = pd.Timestamp(f.end or date.max)
        dated = df["start_date"].notna()
        keep &= ~dated | ((df["end_date"] >= lo) & (df["start_date"] <= hi))
    if f.types:
        keep &= df["event_type"].isin(f.types)
    if f.actors:
        keep &= df["actors"].map(lambda a: any(x in a.split("; ") for x in f.actors))
    if f.min_killed:
        keep &= df["killed"] >= f.min_killed
    if f.search:
        # only the rows the other filters keep, each column on its own (a category's
        # distinct values once): a million sentences are not glued together first
        rows = df[keep]
        found = pd.Series(False, index=rows.index)
        for column in ("source_text", "location", "actors"):
            if column in rows:
                found |= _contains(rows[column], f.search)
        keep &= found.reindex(df.index, fill_value=False)
    return keep


def _contains(values: pd.Series, needle: str) -> pd.Series:
    """Case-blind substring test, on a category's distinct values when it is one.

    >>> _contains(pd.Series(["Tahrir Square", None, "Najaf"]), "tahrir").tolist()
    [True, False, False]
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        hit = _contains(pd.Series(values.cat.categories), needle).to_numpy()
        codes = values.cat.codes.to_numpy()
        return pd.Series((codes >= 0) & hit[codes.clip(0)], index=values.index)
    return values.astype("str").str.contains(needle, case=False, regex=False) \
        .fillna(False).astype(bool)


@dataclass(frozen=True, slots=True)
class Tally:
    """How the events split; ``total == on_map + sum(listed.values()) + filtered_out``."""

    total: int
    on_map: int
    coarse: int
    listed: tuple[tuple[str, int], ...]
    filtered_out: int

    def line(self) -> str:
        """The count line the dashboard shows.

        >>> Tally(5, 3, 1, (("aggregate", 1), ("no place", 0), ("no date", 0)), 1).line()
        '5 events extracted: 3 on the map (1 of them country- or region-level), 1 reported total, 0 without a place, 0 without a date, 1 outside the date range or filters.'
        """
        names = {"aggregate": ("reported total", "reported totals"),
                 "no place": ("without a place", "without a place"),
                 "no date": ("without a date", "without a date")}
        parts = [f"{n} {names[r][n != 1]}" for r, n in self.listed]
        coarse = f" ({self.coarse} of them country- or region-level)" if self.coarse else ""
        return (f"{self.total} events extracted: {self.on_map} on the map{coarse}, "
                + ", ".join(parts)
                + f", {self.filtered_out} outside the date range or filters.")


def tally(all_events: pd.DataFrame, shown: pd.DataFrame) -> Tally:
    """Count what ``shown`` (a filter of ``all_events``) puts where."""
    reason = shown["unmapped_reason"]
    on_map = shown[reason == ""]
    coarse = int(on_map["geo_precision"].isin(["region", "country"]).sum())
    listed = tuple((r, int((reason == r).sum())) for r in REASONS)
    return Tally(len(all_events), len(on_map), coarse, listed, len(all_events) - len(shown))


def presets(lo: date, hi: date) -> dict[str, tuple[date, date]]:
    """Quick date ranges over the data: all, the last 7/30 days, each month.

    >>> list(presets(date(2019, 10, 1), date(2020, 1, 5)))[:4]
    ['All dates', 'Last 7 days', 'Last 30 days', 'Oct 2019']
    """
    out = {"All dates": (lo, hi),
           "Last 7 days": (max(lo, hi - timedelta(days=6)), hi),
           "Last 30 days": (max(lo, hi - timedelta(days=29)), hi)}
    month = date(lo.year, lo.month, 1)
    while month <= hi:
        nxt = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        out[month.strftime("%b %Y")] = (max(lo, month), min(hi, nxt - timedelta(days=1)))
        month = nxt
    return out


def actor_names(df: pd.DataFrame) -> list[str]:
    """Every actor named in ``df``, most frequent first."""
    combos = df["actors"].value_counts()          # few distinct lists, even in 1M rows
    counts: dict[str, int] = {}
    for names, n in combos.items():
        for name in str(names).split("; "):
            if name:
                counts[name] = counts.get(name, 0) + int(n)
    return sorted(counts, key=lambda a: (-counts[a], a))
