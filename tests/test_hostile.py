"""Hostile and broken input: the extractor never crashes, exports are safe,
bad files are named with their reason and the good ones still load."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.exc import ExtractionTimeoutError
from geo.extraction.documents import MAX_BYTES, document_from_text
from geo.io.corpus import corpus_from_files, corpus_from_texts
from geo.io.export import to_csv, to_geojson
from geo.io.schema import event_row
from geo.pipeline import extract

WORDS = [
    "On",
    "3",
    "May",
    "2020",
    "31",
    "February",
    "29",
    "January",
    "0001",
    "9999",
    "December",
    "killed",
    "wounded",
    "at least",
    "dozens",
    "1,500",
    "three",
    "-5",
    "Baghdad",
    "Najaf",
    "Tahrir Square",
    "Iraq",
    "Iranians",
    "Sadr",
    "yesterday",
    "the following day",
    "late Friday",
    "in",
    "people",
    "were",
    ".",
    ",",
    "\n\n",
    "بغداد",
    "قتل",
    "\u202e",
    "\u200f",
    "<script>",
    "=1+2",
    "’s",
    "Mr.",
    "U.S.",
]


def _check(text: str, gazetteer) -> None:
    doc = document_from_text("x.txt", text)
    ex = extract(doc, gazetteer)
    for e in ex.events:
        assert 0 <= e.char_start < e.char_end <= len(doc.text)
        assert doc.text[e.char_start : e.char_end] == e.source_text
        assert e.fatalities >= 0 and e.injuries >= 0
        if e.event_date is not None:
            assert isinstance(e.event_date, date)
        if e.place is not None:
            assert -90 <= e.place.latitude <= 90 and -180 <= e.place.longitude <= 180
        for span in (e.date_span, e.place_span, *e.casualty_spans):
            if span:
                assert 0 <= span[0] < span[1] <= len(doc.text)
    for t in ex.toponyms:
        assert doc.text[t.start : t.end] == t.text
    rows = [event_row(e) for e in ex.events]
    json.loads(to_geojson(rows))
    list(csv.DictReader(io.StringIO(to_csv(rows))))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode(gazetteer, text):
    _check(text, gazetteer)


@SETTINGS
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_news_like_word_salad(gazetteer, text):
    _check(text, gazetteer)


@SETTINGS
@given(
    st.integers(-(10**12), 10**12),
    st.sampled_from(["killed", "wounded", "injured"]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
def test_numbers_and_calendar_edges(gazetteer, n, verb, day):
    _check(
        f"On {day.day} {day:%B} {day.year}, {n:,} people were {verb} in Najaf. "
        f"On {day.isoformat()} {n} were {verb} in Basra.",
        gazetteer,
    )


@pytest.mark.parametrize(
    "text",
    [
        "On 31 February 2020, 3 people were killed in Najaf.",
        "On 29 February 2019, 3 people were killed in Najaf.",
        "On 31 December 9999, 3 people were killed in Najaf.",
        "On 1 January 0001, 3 people were killed in Najaf.",
        "Baghdad " * 5000,  # one very long line
        "في بغداد قتل ثلاثة أشخاص يوم 3 مايو 2020. On 3 May 2020, 3 were killed in Baghdad.",
        "\u202eOn 3 May 2020, 3 were killed in Baghdad.\u202c",
        "x" * 100_000,
    ],
)
def test_edge_texts(gazetteer, text):
    _check(text, gazetteer)


def test_an_impossible_date_is_not_invented(gazetteer):
    doc = document_from_text("x.txt", "On 31 February 2020, 3 people were killed in Najaf.")
    assert all(e.event_date != date(2020, 3, 2) for e in extract(doc, gazetteer).events)


def test_time_limit_names_the_document(gazetteer):
    doc = document_from_text("slow.txt", "On 3 May 2020, 3 people were killed in Najaf. " * 50)
    with pytest.raises(ExtractionTimeoutError, match=r"slow\.txt"):
        extract(doc, gazetteer, time_limit=0)


# ---- exports ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x","y")', "+1+2", "-1+2", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_csv_cells_cannot_run_as_formulas(gazetteer, payload):
    text = f"On 3 May 2020, 3 people were killed in Najaf. {payload}"
    corpus = corpus_from_texts([(payload + ".txt", text)], gazetteer)
    rows = [event_row(e) for e in corpus.events]
    assert rows
    for row in csv.DictReader(io.StringIO(to_csv(rows))):
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")) or value[0] == "'"
            if value.startswith("-"):
                float(value)  # only plain negative numbers
    data = json.loads(to_geojson(rows))
    assert data["features"][0]["properties"]["source"] == payload + ".txt"


# ---- bad files ------------------------------------------------------------------------

GOOD = b"On 3 May 2020, 3 people were killed in Najaf."


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("arabic-1256.txt", "قتل ثلاثة أشخاص في بغداد".encode("cp1256"), "not valid UTF-8"),
        ("latin1.txt", "Manifestation à Bagdad, trois tués".encode("latin-1"), "not valid UTF-8"),
        ("truncated.txt", "بغداد".encode()[:-1], "not valid UTF-8"),
        ("huge.txt", b"a" * (MAX_BYTES + 1), "over the"),
    ],
)
def test_bad_files_are_named_and_the_good_one_loads(gazetteer, name, data, reason):
    corpus = corpus_from_files([(name, data), ("good.txt", GOOD)], gazetteer)
    assert [e.source for e in corpus.events] == ["good.txt"]
    assert len(corpus.errors) == 1
    assert corpus.errors[0].source == name
    assert reason in corpus.errors[0].reason


def test_html_scripts_and_styles_are_not_text(gazetteer):
    page = (
        b"<html><head><style>body{}</style><script>var killed = 300; alert(1)</script>"
        b"</head><body><p>On 3 May 2020, 3 people were killed in Najaf.</p>"
        b"<script>document.write('On 4 May 2020, 90 people were killed in Basra.')</script>"
        b"</body></html>"
    )
    corpus = corpus_from_files([("page.html", page)], gazetteer)
    assert [(e.place.name, e.fatalities) for e in corpus.events] == [("Najaf", 3)]
    assert "alert" not in corpus.documents[0].text


# -- second round (issue 15): a stray quote, counts out of range, formula starts --------

_ACLED_HEAD = "event_date,latitude,longitude,fatalities,location,notes\n"


@given(st.integers(min_value=0, max_value=30), st.integers(min_value=1, max_value=30))
@settings(max_examples=30, deadline=None)
def test_an_unclosed_quote_swallows_no_rows(before: int, after: int) -> None:
    from geo.io.acled import read_acled

    good = [f"9-May-20,33.3,44.4,{i},Baghdad,note {i}\n" for i in range(before + after)]
    bad = '9-May-20,33.3,44.4,1,Baghdad,"unterminated note\n'
    text = _ACLED_HEAD + "".join(good[:before]) + bad + "".join(good[before:])
    result = read_acled(text, source="x.csv")
    assert len(result.events) == before + after
    assert [(e.line, "never closed" in e.reason) for e in result.errors] == [(before + 2, True)]


def test_a_note_with_a_line_break_is_one_row() -> None:
    from geo.io.acled import read_acled

    text = _ACLED_HEAD + '9-May-20,33.3,44.4,1,Baghdad,"a note\nwith a break"\n'
    result = read_acled(text, source="x.csv")
    assert (len(result.events), result.errors) == (1, ())


@pytest.mark.parametrize("figure", ["inf", "nan", "-inf", "1e30", "99999999999", "-3"])
def test_acled_fatalities_out_of_range_are_refused_by_row(figure: str) -> None:
    from geo.io.acled import read_acled

    text = _ACLED_HEAD + f"9-May-20,33.3,44.4,{figure},Baghdad,x\n9-May-20,33.3,44.4,2,Basra,y\n"
    result = read_acled(text, source="x.csv")
    assert [e.fatalities for e in result.events] == [2]
    (err,) = result.errors
    assert err.line == 2 and "fatalities" in err.reason


def test_the_store_keeps_large_counts_and_refuses_wrapped_ones(tmp_path) -> None:
    from geo.io.query import EventFilter
    from geo.io.schema import rows_frame
    from geo.io.store import EventStore
    from geo.models import Event

    big = Event("e1", "a.txt", 0, 5, "x", fatalities=3_000_000, event_date=date(2020, 1, 1))
    store = EventStore(tmp_path / "s")
    store.append(rows_frame([event_row(big)]))
    assert int(store.query(EventFilter()).loc[0, "killed"]) == 3_000_000
    frame = rows_frame([event_row(big)])
    frame.loc[0, "killed"] = 3_000_000_000
    with pytest.raises(ValueError, match="killed outside"):
        store.append(frame)


@given(
    st.sampled_from(["", " ", "\u00a0", "\u200b", "\ufeff", "\t", " \u00a0\u200b"]),
    st.sampled_from(["=", "+", "-", "@", "＝", "＋", "－", "＠", "|"]),
    st.text(min_size=1, max_size=20).filter(lambda t: not t[:1].isdigit()),
)
@settings(max_examples=200, deadline=None)
def test_no_formula_start_passes_safe_cell(lead: str, sign: str, rest: str) -> None:
    from geo.io.export import safe_cell

    assert safe_cell(lead + sign + rest).startswith("'")


def test_acled_ids_come_from_the_row_and_repeats_are_read_once() -> None:
    from geo.io.acled import read_acled

    row = "9-May-20,33.3,44.4,1,Baghdad,x\n"
    jan = read_acled(_ACLED_HEAD + row + row, source="jan/export.csv")
    feb = read_acled(_ACLED_HEAD + row, source="feb/export.csv")
    assert [e.event_id for e in jan.events] == [e.event_id for e in feb.events]
    (err,) = jan.errors
    assert err.line == 3 and "repeats line 2" in err.reason
    with_ids = _ACLED_HEAD.replace("notes", "notes,event_id_cnty")
    dup = read_acled(
        with_ids + row.strip() + ",IRQ1\n" + row.replace("1,", "2,", 1).strip() + ",IRQ1\n",
        source="x.csv",
    )
    assert [e.event_id for e in dup.events] == ["IRQ1"] and len(dup.errors) == 1
