"""The timeline: events and killed per day for the current view (Altair).

Only day-precision incidents count: a reported total ("490 killed since
October") is not a day's toll, and an event known only to its month would
draw as a false spike on the 1st.  :func:`timeline_data` says how many it
left out, so the dashboard can print it.

Example
-------
>>> from geo.io.schema import rows_frame
>>> t = timeline_data(rows_frame([]))
>>> list(t.data.columns), t.left_out
(['day', 'event_type', 'events', 'killed'], 0)
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from geo.lexicon.taxonomy import TYPE_COLOURS
from geo.view.mapping import OTHER_COLOUR

#: Longest span (days) drawn per day; longer ones are drawn per week (a day is
#: under a pixel wide then, and thousands of bars slow the browser).
DAILY_SPAN = 400


@dataclass(frozen=True)
class Timeline:
    """Counts per ``day`` and type (``weekly``: per week, starting on Monday), and
    how many events were left out."""

    data: pd.DataFrame
    left_out: int
    weekly: bool = False


def timeline_data(shown: pd.DataFrame) -> Timeline:
    """Events and killed per day (per week past :data:`DAILY_SPAN` days) and type."""
    daily = shown[(shown["date_precision"] == "day") & ~shown["aggregate"] & shown["date"].notna()]
    left_out = len(shown) - len(daily)
    if daily.empty:
        return Timeline(pd.DataFrame(columns=["day", "event_type", "events", "killed"]), left_out)
    day = daily["date"]
    weekly = (day.max() - day.min()).days > DAILY_SPAN
    if weekly:
        day = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    data = (
        daily.groupby([day.rename("day"), "event_type"], observed=True)
        .agg(events=("row", "size"), killed=("killed", "sum"))
        .reset_index()
    )
    data["event_type"] = data["event_type"].astype(str).replace("", "Unclassified")
    return Timeline(data, left_out, weekly)


def timeline_chart(data: pd.DataFrame) -> alt.VConcatChart:
    """Stacked bars of events per day by type, over a bar chart of killed per day."""
    types = sorted(data["event_type"].unique())
    colour = alt.Color(
        "event_type:N",
        title="Event type",
        scale=alt.Scale(domain=types, range=[TYPE_COLOURS.get(t, OTHER_COLOUR) for t in types]),
    )
    x = alt.X("day:T", title=None, axis=alt.Axis(format="%d %b %Y"))
    tip = [alt.Tooltip("day:T", format="%d %b %Y"), "event_type:N", "events:Q", "killed:Q"]
    events = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x,
            # whole events: integer ticks only, never "0.5 events"
            y=alt.Y("sum(events):Q", title="Events", axis=alt.Axis(tickMinStep=1, format="d")),
            color=colour,
            tooltip=tip,
        )
        .properties(height=140)
    )
    killed = (
        alt.Chart(data)
        .mark_bar(color="#444")
        .encode(
            x=x,
            y=alt.Y("sum(killed):Q", title="Killed", axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[
                alt.Tooltip("day:T", format="%d %b %Y"),
                alt.Tooltip("sum(killed):Q", title="killed"),
            ],
        )
        .properties(height=110)
    )
    return alt.vconcat(events, killed).resolve_scale(x="shared")
