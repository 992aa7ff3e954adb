"""Counts that reconcile, date presets and actor lists over a filtered table.

:func:`tally` splits the filtered events into what the map draws and what is
listed apart, and its parts always add up to the total. The table itself is
:mod:`geo.io.schema`'s, the filter :mod:`geo.io.query`'s.

Example
-------
>>> from datetime import date
>>> list(presets(date(2019, 12, 1), date(2019, 12, 31)))
['All dates', 'Last 7 days', 'Last 30 days', 'Dec 2019']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from geo.io.export import safe_cell
from geo.io.query import EventFilter
from geo.io.schema import SCHEMA
from geo.lexicon.taxonomy import SUB_EVENT_TYPES

#: Listed-apart groups, in the order the dashboard shows them.
REASONS = ("aggregate", "no place", "no date")


@dataclass(frozen=True, slots=True)
class Tally:
    """How the events split; ``total == on_map + sum(listed.values()) + filtered_out``."""

    total: int
    on_map: int
    coarse: int
    listed: tuple[tuple[str, int], ...]
    filtered_out: int
    #: Reports behind the events when reports of one incident are merged.
    reports: int | None = None

    def line(self) -> str:
        """The count line the dashboard shows.

        >>> Tally(5, 3, 1, (("aggregate", 1), ("no place", 0), ("no date", 0)), 1).line()
        '5 events extracted: 3 on the map (1 of them country- or region-level), 1 reported total, 0 without a place, 0 without a date, 1 outside the date range or filters.'
        """
        names = {
            "aggregate": ("reported total", "reported totals"),
            "no place": ("without a place", "without a place"),
            "no date": ("without a date", "without a date"),
        }
        parts = [f"{n} {names[r][n != 1]}" for r, n in self.listed]
        coarse = f" ({self.coarse} of them country- or region-level)" if self.coarse else ""
        head = f"{self.total} events extracted"
        if self.reports is not None and self.reports != self.total:
            head = f"{self.total} incidents from {self.reports} reports"
        return (
            f"{head}: {self.on_map} on the map{coarse}, "
            + ", ".join(parts)
            + f", {self.filtered_out} outside the date range or filters."
        )


def tally(all_events: pd.DataFrame, shown: pd.DataFrame, reports: int | None = None) -> Tally:
    """Count what ``shown`` (a filter of ``all_events``) puts where; ``reports``
    is how many reports ``all_events`` merges (when it holds incidents)."""
    reason = shown["unmapped_reason"]
    on_map = shown[reason == ""]
    coarse = int(on_map["geo_precision"].isin(["region", "country"]).sum())
    listed = tuple((r, int((reason == r).sum())) for r in REASONS)
    return Tally(
        len(all_events), len(on_map), coarse, listed, len(all_events) - len(shown), reports
    )


def presets(lo: date, hi: date) -> dict[str, tuple[date, date]]:
    """Quick date ranges over the data: all, the last 7/30 days, each month.

    >>> list(presets(date(2019, 10, 1), date(2020, 1, 5)))[:4]
    ['All dates', 'Last 7 days', 'Last 30 days', 'Oct 2019']
    """
    out = {
        "All dates": (lo, hi),
        "Last 7 days": (max(lo, hi - timedelta(days=6)), hi),
        "Last 30 days": (max(lo, hi - timedelta(days=29)), hi),
    }
    month = date(lo.year, lo.month, 1)
    while month <= hi:
        nxt = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        out[month.strftime("%b %Y")] = (max(lo, month), min(hi, nxt - timedelta(days=1)))
        month = nxt
    return out


def actor_names(df: pd.DataFrame) -> list[str]:
    """Every actor named in ``df``, most frequent first."""
    combos = df["actors"].value_counts()  # few distinct lists, even in 1M rows
    counts: dict[str, int] = {}
    for names, n in combos.items():
        for name in str(names).split("; "):
            if name:
                counts[name] = counts.get(name, 0) + int(n)
    return sorted(counts, key=lambda a: (-counts[a], a))


def date_bounds(events: pd.DataFrame) -> tuple[date, date]:
    """The first and last day the events cover (periods of reported totals included).

    >>> from geo.io.schema import rows_frame
    >>> date_bounds(rows_frame([{"event_date": "2019-12-06"},
    ...     {"event_date": "2020-01-05", "period_start": "2019-10-01",
    ...      "period_end": "2020-01-05", "is_aggregate": "true"}]))
    (datetime.date(2019, 10, 1), datetime.date(2020, 1, 5))
    """
    dated = events["start_date"].dropna()
    return dated.min().date(), max(dated.max(), events["end_date"].max()).date()


def follow_range(
    current: tuple[date, date], old_bounds: tuple[date, date] | None, lo: date, hi: date
) -> tuple[date, date]:
    """The date range after the data's bounds moved from ``old_bounds`` to ``lo … hi``:
    the whole range stays the whole range, a narrower one is kept inside the new bounds.

    >>> d = date
    >>> follow_range((d(2020, 1, 1), d(2020, 1, 31)), (d(2020, 1, 1), d(2020, 1, 31)),
    ...              d(2019, 12, 1), d(2020, 1, 31))
    (datetime.date(2019, 12, 1), datetime.date(2020, 1, 31))
    >>> follow_range((d(2020, 1, 5), d(2020, 1, 9)), (d(2020, 1, 1), d(2020, 1, 31)),
    ...              d(2020, 1, 7), d(2020, 2, 28))
    (datetime.date(2020, 1, 7), datetime.date(2020, 1, 9))
    """
    if current == old_bounds:
        return lo, hi
    kept = EventFilter(start=current[0], end=current[1]).clamp(lo, hi)
    return kept.start, kept.end


def link_query(view: EventFilter, lo: date, hi: date) -> dict[str, str]:
    """The URL parameters of a view; the whole date range is left out of the link.

    >>> link_query(EventFilter(start=date(2020, 1, 1), end=date(2020, 1, 31), search="x"),
    ...            date(2020, 1, 1), date(2020, 1, 31))
    {'q': 'x'}
    """
    query = view.to_query()
    if (view.start, view.end) == (lo, hi):
        query.pop("start", None)
        query.pop("end", None)
    return query


def with_texts(rows: pd.DataFrame, texts: pd.DataFrame | None) -> pd.DataFrame:
    """``rows`` with the text columns of ``texts`` (a store's, indexed by ``event_id``)
    filled in where the rows lack them; ``rows`` as they are when ``texts`` is None.

    >>> rows = pd.DataFrame({"event_id": ["a", "b"]})
    >>> texts = pd.DataFrame({"source_text": ["A.", "B."]}, index=pd.Index(["b", "a"]))
    >>> with_texts(rows, texts)["source_text"].tolist()
    ['B.', 'A.']
    """
    if texts is None:
        return rows
    rows = rows.copy()
    found = texts.reindex(rows["event_id"].astype(str))
    for c in texts.columns:
        values = pd.Series(found[c].to_numpy(), index=rows.index)
        rows[c] = rows[c].where(rows[c].notna(), values) if c in rows else values
    return rows.fillna(dict.fromkeys(texts.columns, ""))


def searchable(events: pd.DataFrame, source_texts: pd.Series | None) -> pd.DataFrame:
    """``events`` with their sentences, for a text search: a store's frame holds
    none until they are read (``source_texts``, by ``event_id``)."""
    if source_texts is None:
        return events
    return events.assign(
        source_text=events["event_id"]
        .astype(str)
        .map(source_texts)
        .fillna(events.get("source_text", ""))
        .fillna("")
    )


def sub_event_options(types: list[str], chosen: list[str]) -> list[str]:
    """The sub-event types the filter offers: those of the chosen event types (all
    when none is chosen), plus any already chosen, in the codebook's order.

    >>> sub_event_options(["Riots"], [])
    ['Violent demonstration', 'Mob violence']
    """
    offered = [s for t, s in SUB_EVENT_TYPES if not types or t in types]
    return offered + [c for c in chosen if c not in offered]


def guarded(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells a spreadsheet will not run as formulas
    (:func:`geo.io.export.safe_cell`): what a table shows is what its toolbar's
    own "Download as CSV" writes, so that path is guarded too.

    >>> guarded(pd.DataFrame({"a": ["=1+2", "Najaf"], "n": [1, 2]}))["a"].tolist()
    ["'=1+2", 'Najaf']
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: safe_cell(v) if isinstance(v, str) else v)
    return out


#: Column headers people read: the schema's labels, and linking's columns.
HEADERS: dict[str, str] = {
    **{c.name: c.label for c in SCHEMA},
    "n_reports": "Reports",
    "sources": "Documents",
    "fatalities_min": "Fewest killed reported",
    "fatalities_max": "Most killed reported",
    "merged_id": "Incident id",
}


def human(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the headers people read ("Killed", not ``fatalities``).

    >>> human(pd.DataFrame({"fatalities": [1], "n_reports": [2]})).columns.tolist()
    ['Killed', 'Reports']
    """
    return frame.rename(columns=HEADERS)


def human_guarded(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as the dashboard shows it: cells :func:`guarded`, :func:`human` headers."""
    return human(guarded(frame))


def in_table(shown: pd.DataFrame, *, undated: bool) -> pd.Index:
    """The rows the table and the downloads hold, by date (undated last), and
    those without a date only when asked for."""
    rows = shown if undated else shown[shown["unmapped_reason"] != "no date"]
    return rows.sort_values("date", kind="stable", na_position="last").index


def unplaced_line(unplaced: tuple[tuple[str, str], ...], limit: int = 20) -> str:
    """The names the map could not place, in words ("" when there are none).

    >>> unplaced_line((("Camp Taji", "a.txt"), ("Jurf al-Sakhar", "a.txt"), ("Camp Taji", "b.txt")))
    'Not placed (the offline gazetteer lacks them): Camp Taji (2 documents), Jurf al-Sakhar.'
    """
    docs: dict[str, set[str]] = {}
    for name, source in unplaced:
        docs.setdefault(name, set()).add(source)
    if not docs:
        return ""
    names = [f"{n} ({len(d)} documents)" if len(d) > 1 else n for n, d in docs.items()]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return "Not placed (the offline gazetteer lacks them): " + ", ".join(names[:limit]) + more + "."
