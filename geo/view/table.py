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

import logging
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

log = logging.getLogger("geo")

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
