"""The document's own publication date: markup, header lines, datelines, file names."""

from __future__ import annotations

from datetime import date

import pytest

from geo.extraction.documents import document_from_bytes, document_from_text
from geo.extraction.published import find_publication_date, from_html, from_text


@pytest.mark.parametrize(
    ("markup", "basis"),
    [
        ('<meta property="article:published_time" content="2019-11-28T07:04:40+00:00">', "<meta>"),
        ('<meta name="pubdate" content="20191128">', "<meta>"),
        ('<meta itemprop="datePublished" content="2019-11-28">', "<meta>"),
        (
            '<script type="application/ld+json">[{"@type": "NewsArticle", '
            '"datePublished": "2019-11-28T10:00:00Z", "dateModified": "2019-12-01"}]</script>',
            "JSON-LD",
        ),
        ('<p>x</p><time datetime="2019-11-28T09:00">Thursday</time>', "<time>"),
    ],
)
def test_html_declares_the_date(markup: str, basis: str) -> None:
    found = from_html(f"<html><head>{markup}</head><body><p>Text.</p></body></html>")
    assert found is not None and found.value == date(2019, 11, 28)
    assert basis in found.basis


def test_html_page_gives_its_date_to_relative_dates() -> None:
    page = (
        b'<html><head><meta property="article:published_time" content="2020-01-19T10:00Z">'
        b"</head><body><p>Rebels attacked a mosque on Saturday.</p></body></html>"
    )
    doc = document_from_bytes("page.html", page, is_html=True)
    assert doc.publication_date == date(2020, 1, 19)
    assert "meta" in doc.date_basis


def test_published_beats_updated_and_the_given_date_beats_both() -> None:
    text = "Title\nUpdated: 5 March 2021\nPublished: 3 March 2021\n\nBody."
    assert from_text(text).value == date(2021, 3, 3)  # type: ignore[union-attr]
    assert from_text("Title\nLast updated: 5 March 2021\n\nBody.").value == date(2021, 3, 5)  # type: ignore[union-attr]
    doc = document_from_text("a.txt", text, publication_date=date(2020, 1, 1))
    assert (doc.publication_date, doc.date_basis) == (date(2020, 1, 1), "given")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("---\ntitle: x\ndate: 2022-06-01\n---\nBody on Monday.", date(2022, 6, 1)),
        ("SOURCE: http://x | published: 2020-12-31 | licence: y\nADEN — Body.", date(2020, 12, 31)),
        ("Headline\n\nBy Staff\nFebruary 15, 2021 09:43 PM\n\nBody.", date(2021, 2, 15)),
        ("Nasiriyah, Iraq, Nov 28, 2019 (AFP) - Eight protesters were shot.", date(2019, 11, 28)),
        ("Date: 14 July 2016\n\nBody.", date(2016, 7, 14)),
    ],
)
def test_text_states_the_date(text: str, want: date) -> None:
    found = from_text(text)
    assert found is not None and found.value == want


@pytest.mark.parametrize(
    "text",
    [
        "Nasiriyah, Iraq, Nov 28 (AFP) - Eight protesters were shot.",  # no year: none invented
        "Published: yesterday\n\nBody.",
        "Protesters gathered on 3 May 2020 in Najaf.",  # an event's date, not the page's
        "published: 2020-02-30\n\nBody.",  # no such day
    ],
)
def test_no_date_is_guessed(text: str) -> None:
    assert from_text(text) is None


def test_file_name_date_is_the_last_resort() -> None:
    assert find_publication_date("reports/2020-01-19-marib.txt", "Body.").value == date(2020, 1, 19)  # type: ignore[union-attr]
    assert find_publication_date("reports/2020-13-19.txt", "Body.") is None
    found = find_publication_date("2020-01-19.txt", "Published: 2 Feb 2020\n\nBody.")
    assert found is not None and found.value == date(2020, 2, 2)
