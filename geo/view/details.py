"""What the details panel shows for one event: its sentence, with the words
that gave the date, place and toll marked, the paragraph around it, and notes
on precision and the other places considered.  All HTML is escaped
(:mod:`geo.view.highlight`).

Example
-------
>>> from geo.extraction.documents import document_from_text
>>> from geo.io.schema import rows_frame
>>> text = "Protests.\\n\\nOn 3 May 2020, 2 people were killed in Najaf."
>>> row = rows_frame([{"event_date": "2020-05-03", "date_precision": "day",
...     "location": "Najaf", "geo_precision": "city", "fatalities": "2",
...     "char_start": "11", "char_end": "56", "source": "a.txt",
...     "date_span": "14-24", "place_span": "50-55", "casualty_spans": "26-27"}]).iloc[0]
>>> d = event_details(row, document_from_text("a.txt", text))
>>> d.sentence_html
'On <mark class="hl-date" title="date">3 May 2020</mark>, <mark class="hl-casualties" title="casualties">2</mark> people were killed in <mark class="hl-place" title="place">Najaf</mark>.'
>>> d.date_note
'2020-05-03 (day precision)'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.models import Document
from geo.view.escape import esc
from geo.view.highlight import highlight_html, paragraph_bounds, parse_spans


@dataclass(frozen=True, slots=True)
class EventDetails:
    """The details of one event, ready to show (``*_html`` are escaped HTML)."""

    title: str
    sentence_html: str
    paragraph_html: str
    date_note: str
    place_note: str
    toll_note: str
    candidates: str
    source: str
    event_type: str
    event_date: str

    def card_html(self) -> str:
        """The event as one escaped HTML block: header, sentence, notes."""
        head = " · ".join(
            esc(x)
            for x in (
                self.event_date or "undated",
                self.event_type or "Unclassified",
                self.toll_note,
            )
        )
        return (
            f'<div class="em-card"><div class="em-head"><b>{head}</b></div>'
            f'<div class="em-sentence">{self.sentence_html}</div>'
            f'<div class="em-note">Date: {esc(self.date_note)}.<br>'
            f"Place: {esc(self.place_note)}.<br>"
            f"Source: {esc(self.title)} ({esc(self.source)})</div></div>"
        )


def _int(value: object) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def event_details(row: pd.Series, document: Document | None) -> EventDetails:
    """Details of the event in ``row`` (a row of :func:`geo.view.table.rows_frame`).

    Without its document (an ACLED row, say) the source text alone is shown.
    """
    spans = (
        parse_spans(row["date_span"], "date")
        + parse_spans(row["place_span"], "place")
        + parse_spans(row["casualty_spans"], "casualties")
    )
    start, end = _int(row["char_start"]), _int(row["char_end"])
    if document is not None and 0 <= start < end <= len(document.text):
        text = document.text
        sentence = highlight_html(text, start, end, spans)
        a, b = paragraph_bounds(text, start, end)
        paragraph = highlight_html(text, a, b, spans)
        title = document.title or document.source
    else:
        text = row["source_text"]
        sentence = paragraph = esc(text)
        title = row["source"]
    if row["event_date"]:
        inferred = ", year inferred from the narrative" if row["year_inferred"] == "true" else ""
        date_note = f"{row['event_date']} ({row['date_precision']} precision{inferred})"
        if row.get("reference_date"):
            basis = row.get("date_basis") or ""
            basis = "the date given on upload" if basis == "given" else basis
            date_note += f"; relative dates read against {row['reference_date']}"
            date_note += f" ({basis})" if basis else ""
    elif row["aggregate"]:
        date_note = f"reported total for {row['period_start']} – {row['period_end']}"
    else:
        date_note = "no date found in the text"
    if row["location"]:
        where = ", ".join(x for x in (row["location"], row["admin1"], row["country_code"]) if x)
        said = f' from "{row["location_text"]}"' if row["location_text"] else ""
        place_note = f"{where} ({row['geo_precision']} precision{said})"
        if row.get("place_basis"):
            place_note += f"; {row['place_basis']}"
        if str(row.get("gazetteer_id") or "").startswith("osm:"):
            place_note += (
                ", looked up online: OpenStreetMap's Nominatim, © OpenStreetMap contributors, ODbL"
            )
    else:
        place_note = "no place found in the text"
    toll = f"{row['killed']} killed, {row['injured']} injured"
    inc = _int(row["incident_fatalities"])
    if inc and inc != row["killed"]:
        toll += f" (here; {inc} killed in the whole incident, shared between its places)"
    if row["casualties_estimated"] == "true":
        toll += " (estimate from a vague figure)"
    if row.get("other_tolls"):
        toll += f"; other figures in the text: {row['other_tolls']} killed"
    return EventDetails(
        title=title,
        sentence_html=sentence,
        paragraph_html=paragraph,
        date_note=date_note,
        place_note=place_note,
        toll_note=toll,
        candidates=row["candidates"],
        source=row["source"],
        event_type=row["event_type"],
        event_date=row["event_date"],
    )


def incident_note(reports: pd.DataFrame) -> str:
    """One line on an incident told by several reports (rows of
    :func:`geo.io.linking.link_frame` sharing a ``merged_id``), in plain words.

    >>> df = pd.DataFrame({"killed": [19, 23, 20], "n_reports": 3, "headline_killed": 19,
    ...     "fatalities_min": 19, "fatalities_max": 23, "date_conflict": False,
    ...     "source": ["a.txt", "b.txt", "c.txt"], "possible_same": ""})
    >>> incident_note(df)
    '19–23 killed, 3 reports (a.txt; b.txt; c.txt); the lowest firm figure, 19, is the one counted.'
    """
    if reports.empty:
        return ""
    first = reports.iloc[0]
    lo, hi, n = int(first["fatalities_min"]), int(first["fatalities_max"]), len(reports)
    toll = f"{lo} killed" if lo == hi else f"{lo}–{hi} killed"
    docs = "; ".join(dict.fromkeys(str(s) for s in reports["source"]))
    out = f"{toll}, {n} reports ({docs})"
    if lo != hi:
        out += f"; the lowest firm figure, {int(first['headline_killed'])}, is the one counted"
    if bool(reports["date_conflict"].any()):
        out += "; the reports give different days"
    maybe = sorted({m for v in reports["possible_same"] for m in str(v).split("; ") if m})
    if maybe:
        out += f"; possible same incident as {', '.join(maybe)} (not merged)"
    return out + "."


def possible_note(row: pd.Series) -> str:
    """For a single report: the incidents it may be the same as, or ``""``."""
    maybe = [m for m in str(row.get("possible_same") or "").split("; ") if m]
    return (
        f"Possible same incident as {', '.join(maybe)} (not merged: too little agrees)."
        if maybe
        else ""
    )
