"""Event map dashboard (placeholder until the dashboard issue lands).

Lists the events extracted from the articles in ``data/articles/``, with
the ones that cannot be drawn listed apart with their reason.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from geo.documents import read_document
from geo.exc import DocumentError
from geo.export import event_row
from geo.gazetteer import Gazetteer
from geo.pipeline import extract

st.set_page_config(page_title="Event map", layout="wide")
ARTICLES = Path(__file__).parent / "data" / "articles"


@st.cache_resource
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()


@st.cache_data
def load_events(folder: str) -> tuple[pd.DataFrame, list[str]]:
    """Rows of every article's events, and the files that could not be read."""
    rows, errors = [], []
    for path in sorted(Path(folder).glob("*")):
        if path.suffix.lower() not in (".txt", ".md", ".html", ".htm"):
            continue
        try:
            doc = read_document(path, source=path.name)
        except DocumentError as err:
            errors.append(str(err))
            continue
        rows += [event_row(e) for e in extract(doc, _gazetteer()).events]
    return pd.DataFrame(rows), errors


events, errors = load_events(str(ARTICLES))
st.title("Event map")
for err in errors:
    st.error(err)
if events.empty:
    st.info("No events found in data/articles/.")
    st.stop()
mapped = events[events["unmapped_reason"] == ""]
st.caption(
    f"{len(events)} events extracted: {len(mapped)} dated and placed, "
    f"{len(events) - len(mapped)} listed apart (no place, no date, or a reported total)."
)
cols = ["event_date", "event_type", "location", "geo_precision", "fatalities", "injuries",
        "actors", "source_text"]
st.subheader("Dated and placed events")
st.dataframe(mapped[cols], width="stretch", hide_index=True)
st.subheader("Listed apart")
st.dataframe(events[events["unmapped_reason"] != ""][["unmapped_reason", *cols]],
             width="stretch", hide_index=True)
