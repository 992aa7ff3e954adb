"""Event map dashboard: ``streamlit run dashboard.py [-- --articles DIR]``.

Wires widgets to :mod:`geo`: the articles of ``data/articles/`` (or
``--articles DIR``), uploads, pasted text and ACLED CSVs become events; the
date range and filters (kept in the URL) choose what the map, the timeline,
the counts and the table show; a click on a marker shows its sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import timedelta
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.gazetteer import Gazetteer
from geo.gazetteer.online import OnlineLookup
from geo.io.acled import read_acled
from geo.io.corpus import Corpus, corpus_from_files, corpus_from_folder, corpus_from_texts
from geo.io.export import to_csv, to_geojson
from geo.io.linking import LINK_COLUMNS, as_rows, incidents_frame, link_frame, summarise
from geo.io.query import EventFilter, match
from geo.io.schema import (
    ALL_COLUMNS,
    CATEGORY_COLUMNS,
    LIGHT_COLUMNS,
    LIGHT_STRINGS,
    TEXT_COLUMNS,
    events_frame,
)
from geo.io.store import EventStore
from geo.lexicon.taxonomy import EVENT_TYPES
from geo.view.assets import StaticAssets, install_static
from geo.view.charts import DAILY_SPAN, timeline_chart, timeline_data
from geo.view.details import event_details, incident_note, possible_note
from geo.view.escape import md
from geo.view.highlight import STYLE
from geo.view.mapping import map_parts, rows_at, selected_place
from geo.view.provinces import province_counts
from geo.view.table import (
    actor_names,
    date_bounds,
    follow_range,
    human_guarded,
    in_table,
    link_query,
    presets,
    searchable,
    sub_event_options,
    tally,
    unplaced_line,
    with_texts,
)

st.set_page_config(page_title="Event map", page_icon="🗺️", layout="wide")
APP_DIR = Path(__file__).resolve().parent


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="dashboard.py")
    p.add_argument("--articles", default=str(APP_DIR / "data" / "articles"))
    p.add_argument(
        "--store",
        default=None,
        help="a GeoParquet event store (python -m geo import/extract --store)",
    )
    return p.parse_known_args(sys.argv[1:])[0]


@st.cache_resource
def _assets() -> StaticAssets:
    return install_static(APP_DIR / "static")


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()


@st.cache_resource
def _online_lookup() -> OnlineLookup:
    return OnlineLookup()


def _online(on: bool) -> OnlineLookup | None:
    return _online_lookup() if on else None


@st.cache_data(show_spinner="Reading the articles…")
def load_folder(folder: str, online: bool = False) -> Corpus:
    """Events of every article in ``folder``."""
    return corpus_from_folder(folder, _gazetteer(), online=_online(online))


@st.cache_data(show_spinner=False, max_entries=64)
def load_upload(name: str, data: bytes, online: bool = False) -> Corpus:
    """Events of one uploaded article."""
    return corpus_from_files([(name, data)], _gazetteer(), online=_online(online))


@st.cache_data(show_spinner=False, max_entries=64)
def load_pasted(name: str, text: str, online: bool = False) -> Corpus:
    """Events of pasted text."""
    return corpus_from_texts([(name, text)], _gazetteer(), online=_online(online))


@st.cache_data(show_spinner="Reading the ACLED file…", max_entries=8)
def load_acled(name: str, data: bytes) -> Corpus:
    """Events of an ACLED CSV."""
    result = read_acled(data, source=name)
    return Corpus(events=result.events, errors=result.errors)


@st.cache_resource(show_spinner="Opening the event store…", max_entries=2)
def load_store(path: str, signature: tuple) -> pd.DataFrame:  # noqa: ARG001 - cache key
    """Every event of a store.  Shared between sessions and never modified:
    filters return new frames."""
    return EventStore(path).frame(categories=CATEGORY_COLUMNS, strings=LIGHT_STRINGS)


@st.cache_resource(show_spinner="Reading the events' texts…", max_entries=2)
def load_store_texts(path: str, signature: tuple) -> pd.DataFrame:  # noqa: ARG001 - cache key
    """The store's other columns (source text, spans…) by event id, read after the map."""
    return EventStore(path).texts(TEXT_COLUMNS)


@st.cache_data(show_spinner=False, max_entries=4)
def actors_of(key: str, _events: pd.DataFrame) -> list[str]:  # noqa: ARG001 - cache key
    """The actors named in the events, most frequent first."""
    return actor_names(_events)


@st.cache_data(show_spinner="Linking reports of the same incident…", max_entries=8)
def link_of(frame: pd.DataFrame) -> pd.DataFrame:
    """Each report with the incident it belongs to (:mod:`geo.io.linking`)."""
    return link_frame(frame)


#: Most events linked in the page; a larger store's incidents are the ones it
#: keeps (linked as reports were saved), and added files are not linked to them.
LINK_LIMIT = 200_000


@st.cache_resource(show_spinner=False, max_entries=2)
def summarised(key: str, _events: pd.DataFrame) -> pd.DataFrame:  # noqa: ARG001 - cache key
    """A large store's reports with the incident columns of their stored ``merged_id``."""
    return summarise(_events)


@st.cache_data(show_spinner=False, max_entries=16)
def frame_of(corpus: Corpus) -> pd.DataFrame:
    """The corpus's events as a table."""
    return events_frame(corpus.events)


# ---- Inputs -----------------------------------------------------------------
args = _args()
assets = _assets()
with st.sidebar:
    st.header("Add your own")
    uploads = st.file_uploader(
        "Articles (.txt, .md, .html)",
        type=["txt", "md", "html", "htm"],
        accept_multiple_files=True,
        key="uploads",
    )
    acled_files = st.file_uploader(
        "ACLED-format CSV", type=["csv"], accept_multiple_files=True, key="acled_uploads"
    )
    with st.form("paste", clear_on_submit=True):
        pasted = st.text_area("Or paste an article", key="paste_text", height=100)
        if st.form_submit_button("Add text") and pasted.strip():
            st.session_state.setdefault("pasted", []).append(pasted)
    online = st.toggle(
        "Look up unknown places online",
        key="online",
        help="Places the offline gazetteer lacks (villages, hills) are looked up on "
        "OpenStreetMap's Nominatim, one a second, and the answers kept on disk. "
        "Off: nothing leaves this machine.",
    )

if args.store:
    store = EventStore(args.store)
    signature = store.signature()
    stored = load_store(args.store, signature)
    corpus = Corpus()
    origin = f"the event store {md(args.store)}"
else:
    signature, stored = (), None
    corpus = load_folder(args.articles, online)
    origin = f"articles from {md(args.articles)}"

added = list(uploads or []) + list(acled_files or []) + st.session_state.get("pasted", [])
if added:
    bar = st.progress(0.0, text="Reading what you added…")
    for i, item in enumerate(added):
        if isinstance(item, str):
            corpus = corpus + load_pasted(f"pasted-{i + 1}.txt", item, online)
        elif item.name.lower().endswith(".csv"):
            corpus = corpus + load_acled(f"upload/{item.name}", item.getvalue())
        else:
            corpus = corpus + load_upload(f"upload/{item.name}", item.getvalue(), online)
        bar.progress((i + 1) / len(added), text=f"Read {i + 1} of {len(added)}")
    bar.empty()

events = frame_of(corpus)
if stored is not None:
    events = (
        stored
        if events.empty
        else pd.concat([stored, events], ignore_index=True).assign(row=lambda d: range(len(d)))
    )
store_path = args.store if stored is not None else None

with st.sidebar:
    merge = st.toggle(
        "Merge reports of one incident",
        value=True,
        key="merge",
        help="Reports from different documents of one incident (same place, day and kind "
        "of event) are counted once, with the lowest firm toll. Off: every report is a row.",
    )
linked: pd.DataFrame | None = None
n_reports: int | None = None
if not events.empty and len(events) <= LINK_LIMIT:
    linked = link_of(events)
elif stored is not None:  # the store keeps each report's incident as reports arrive
    linked = summarised(f"{args.store}|{signature}|{len(events)}|{len(added)}", events)
if linked is not None:
    if merge:
        n_reports = len(linked)
        events = incidents_frame(linked)
    else:
        events = linked


def rows_of(index: pd.Index) -> pd.DataFrame:
    """Every column of the events at ``index`` (a store's texts joined in)."""
    texts = load_store_texts(store_path, signature) if store_path else None
    return with_texts(events.loc[index], texts)


st.title("Event map")
st.caption(
    f"Events from {origin}"
    + (f" and {len(added)} added by you" if added else "")
    + ". Every figure links back to the sentence it came from."
)
for err in corpus.errors:
    st.error(f"Could not read {md(err)}", icon="⚠️")
if online:
    for failure in list(_online_lookup().failures)[-5:]:
        st.warning(md(f"Place not looked up: {failure}"), icon="🌐")
if events.empty:
    st.info("No events found. Add articles or an ACLED CSV in the sidebar.")
    st.stop()

# ---- Filters (kept in the URL) ----------------------------------------------
lo, hi = date_bounds(events)
if "range" not in st.session_state:
    linked = EventFilter.from_query(st.query_params.to_dict()).clamp(lo, hi)
    st.session_state["range"] = (linked.start, linked.end)
    st.session_state["types"] = list(linked.types)
    st.session_state["sub_types"] = list(linked.sub_types)
    st.session_state["actors"] = list(linked.actors)
    st.session_state["min_killed"] = linked.min_killed
    st.session_state["q"] = linked.search
elif st.session_state.get("bounds") != (lo, hi):  # data added: follow it
    st.session_state["range"] = follow_range(
        st.session_state["range"], st.session_state.get("bounds"), lo, hi
    )
st.session_state["bounds"] = (lo, hi)

ranges = presets(lo, hi)


def _preset() -> None:
    st.session_state["range"] = ranges[st.session_state["preset"]]


with st.sidebar:
    st.header("Filters")
    st.selectbox(
        "Quick range",
        list(ranges),
        index=None,
        placeholder="Choose a period…",
        key="preset",
        on_change=_preset,
    )
    if lo < hi:
        st.slider(
            "Date range",
            min_value=lo,
            max_value=hi,
            step=timedelta(days=1),
            format="D MMM YYYY",
            key="range",
        )
    st.multiselect("Event type", EVENT_TYPES, key="types")
    st.multiselect(
        "Sub-event type",
        sub_event_options(st.session_state["types"], st.session_state["sub_types"]),
        key="sub_types",
    )
    st.multiselect(
        "Actor",
        actors_of(f"{args.store or args.articles}|{signature}|{len(events)}|{len(added)}", events),
        key="actors",
    )
    st.number_input("Minimum killed", min_value=0, step=1, key="min_killed")
    st.text_input("Search the text", key="q", placeholder="e.g. Tahrir, drone, Kirkuk")
    st.header("Map")
    st.toggle(
        "Online map tiles (OpenStreetMap)",
        value=True,
        key="tiles",
        help="Off, or with no internet, the map shows country outlines only.",
    )
    st.toggle("Province view", value=False, key="provinces")
    metric = st.radio(
        "Shade provinces by",
        ["events", "killed"],
        horizontal=True,
        key="province_metric",
        disabled=not st.session_state["provinces"],
    )

start, end = st.session_state["range"]
view = EventFilter(
    start=start,
    end=end,
    types=tuple(st.session_state["types"]),
    sub_types=tuple(st.session_state["sub_types"]),
    actors=tuple(st.session_state["actors"]),
    min_killed=int(st.session_state["min_killed"]),
    search=st.session_state["q"].strip(),
)
query = link_query(view, lo, hi)
if query != st.query_params.to_dict():
    st.query_params.from_dict(query)

# a store's sentences are read only for a search
texts = (
    load_store_texts(store_path, signature)["source_text"] if view.search and store_path else None
)
keep = match(searchable(events, texts), view)
light = list(LIGHT_COLUMNS) + (["n_reports"] if "n_reports" in events else [])
shown = events.loc[keep, light]  # full rows are taken only where shown
on_map = shown[shown["unmapped_reason"] == ""]
counts = tally(events, shown, n_reports)
st.markdown(f"**{counts.line()}**")  # our words and numbers only
if stored is not None and len(events) > LINK_LIMIT and added:
    st.caption(
        f"The store's incidents were linked as its reports were saved; what you added is "
        f"not linked to its {len(stored):,} events (save it to the store to link it)."
    )


def reports_of(merged: str) -> pd.DataFrame:
    """Every report of one incident, newest first (by the date it was read against)."""
    texts = load_store_texts(store_path, signature) if store_path else None
    group = linked[linked["merged_id"] == merged]
    return with_texts(group, texts).sort_values(
        ["reference_date", "date"], ascending=False, kind="stable"
    )


# ---- Map and details ----------------------------------------------------------
left, right = st.columns([3, 2], gap="medium")
with left:
    provinces = province_counts(on_map) if st.session_state["provinces"] else None
    # the base map stays the same while filters change (fitted to every event, not
    # the filtered ones), so st_folium swaps only the layer: zoom and pan stay
    fmap, layer = map_parts(
        on_map,
        assets=assets,
        tiles=st.session_state["tiles"],
        provinces=provinces,
        province_metric=metric,
        extent=events.loc[events["unmapped_reason"] == "", ["lat", "lon", "geo_precision"]],
    )
    clicked = st_folium(
        fmap,
        key="event_map",
        height=560,
        use_container_width=True,
        feature_group_to_add=layer,
        returned_objects=["last_object_clicked_tooltip"],
    )
    if line := unplaced_line(corpus.unplaced):
        st.caption(md(line))
    key = selected_place((clicked or {}).get("last_object_clicked_tooltip"), on_map)
    if key and key != st.session_state.get("clicked_place"):
        st.session_state["clicked_place"] = key
        st.session_state["selected_place"] = key

#: Most events the details panel draws for one place (a store's cell can hold thousands).
DETAILS_CAP = 200

with right:
    chosen = rows_at(st.session_state.get("selected_place") or "", on_map)
    if chosen.empty:
        st.subheader("Details")
        st.info("Click a marker to read the sentences its events came from.")
    else:
        first = chosen.iloc[0]
        st.subheader(f"Selected: {md(first['location'])}")
        st.caption(
            f"{len(chosen)} {'incident' if n_reports is not None else 'event'}(s) here in "
            "the current view, "
            f"{int(chosen['killed'].sum())} killed, {int(chosen['injured'].sum())} "
            "injured. Marked: date, place, casualty figures."
        )
        if len(chosen) > DETAILS_CAP:
            st.caption(
                f"Showing the first {DETAILS_CAP} by date; narrow the date range, the type "
                "or the search to read the others."
            )
        with st.container(height=470):
            for _, row in rows_of(chosen.sort_values("date").index[:DETAILS_CAP]).iterrows():
                several = merge and linked is not None and int(row.get("n_reports", 1)) > 1
                reports = reports_of(row["merged_id"]) if several else row.to_frame().T
                with st.container(border=True):
                    if several:
                        st.markdown("**" + md(incident_note(reports)) + "**")
                    elif possible_note(row):
                        st.caption(md(possible_note(row)))
                    for _, report in reports.iterrows():
                        d = event_details(report, corpus.document(report["source"]))
                        st.html(STYLE + d.card_html())
                        with st.expander("Paragraph and other candidates"):
                            st.html(STYLE + f"<div>{d.paragraph_html}</div>")
                            st.text(
                                "Other places the gazetteer considered: " + (d.candidates or "none")
                            )

coarse = rows_of(on_map.index[on_map["geo_precision"].isin(["region", "country"])])
if not coarse.empty:
    with st.expander(
        f"{len(coarse)} event(s) placed only at country or region level (dashed on the map)"
    ):
        st.dataframe(
            human_guarded(
                coarse[
                    [
                        "event_date",
                        "location",
                        "geo_precision",
                        "event_type",
                        "fatalities",
                        "injuries",
                        "source_text",
                    ]
                ]
            ),
            hide_index=True,
            width="stretch",
        )

# ---- Listed apart ---------------------------------------------------------------
totals = rows_of(shown.index[shown["aggregate"]])
if not totals.empty:
    st.subheader("Reported totals")
    st.caption(
        "Cumulative figures over a period, as the text gives them. They are not "
        "incidents: they are not drawn on the map nor counted in the timeline."
    )
    st.dataframe(
        human_guarded(
            totals[
                ["period_start", "period_end", "location", "fatalities", "injuries", "source_text"]
            ]
        ),
        hide_index=True,
        width="stretch",
    )
for reason, label in (("no place", "Events without a place"), ("no date", "Events without a date")):
    part = rows_of(shown.index[shown["unmapped_reason"] == reason])
    if not part.empty:
        with st.expander(f"{label} ({len(part)})"):
            st.dataframe(
                human_guarded(
                    part[
                        [
                            "event_date",
                            "location_text",
                            "event_type",
                            "fatalities",
                            "injuries",
                            "source",
                            "source_text",
                        ]
                    ]
                ),
                hide_index=True,
                width="stretch",
            )

# ---- Timeline -------------------------------------------------------------------
st.subheader("Timeline")
timeline = timeline_data(shown)
if timeline.data.empty:
    st.info("No day-dated incidents in the current view.")
else:
    if timeline.weekly:
        st.caption(
            "Per week (weeks start on Monday): the range is longer than "
            f"{DAILY_SPAN} days. Narrow it to see each day."
        )
    st.altair_chart(timeline_chart(timeline.data), width="stretch")
if timeline.left_out:
    st.caption(
        f"{timeline.left_out} event(s) not in the timeline: reported totals, "
        "undated, or dated only to the month."
    )

# ---- Table and downloads ----------------------------------------------------------
st.subheader("Events in view")
n_undated = int((shown["unmapped_reason"] == "no date").sum())
undated = st.checkbox(
    f"Include events without a date ({n_undated})",
    value=False,
    key="undated",
    help="Events the text gives no date for: listed above, and here only when ticked.",
)
table = in_table(shown, undated=undated)
TABLE_ROWS = 1000
if len(table) > TABLE_ROWS:
    st.caption(
        f"Showing the first {TABLE_ROWS:,} of {len(table):,} events in view, by date; "
        "the downloads hold them all."
    )
st.dataframe(
    human_guarded(
        rows_of(table[:TABLE_ROWS]).loc[
            :,
            [
                "event_date",
                "event_type",
                "location",
                "geo_precision",
                "fatalities",
                "injuries",
                "actors",
                "unmapped_reason",
                *(["n_reports", "sources"] if "n_reports" in events else ["source"]),
                "source_text",
            ],
        ]
    ),
    hide_index=True,
    width="stretch",
)


COLUMNS = ALL_COLUMNS + (LINK_COLUMNS if "merged_id" in events else ())


def _rows() -> list[dict[str, str]]:
    return as_rows(rows_of(table), COLUMNS)


tag = hashlib.sha1(repr(sorted(query.items())).encode()).hexdigest()[:6]
c1, c2, _ = st.columns([1, 1, 4])
# built when clicked, not on every rerun
c1.download_button(
    "Download CSV",
    lambda: to_csv(_rows(), COLUMNS),
    file_name=f"events-{tag}.csv",
    mime="text/csv",
    key="dl_csv",
    on_click="ignore",
)
c2.download_button(
    "Download GeoJSON",
    lambda: to_geojson(_rows()),
    file_name=f"events-{tag}.geojson",
    mime="application/geo+json",
    key="dl_geojson",
    on_click="ignore",
)
