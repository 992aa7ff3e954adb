"""Reading documents: formats, furniture, bad input."""

import pytest

from geo.exc import DocumentError
from geo.extraction.documents import MAX_BYTES, document_from_bytes, html_to_text, read_document
from geo.extraction.sentences import split_sentences
from tests.conftest import SEED


def test_seed_furniture_is_skipped():
    doc = read_document(SEED)
    skipped = [doc.text[s:e] for s, e in doc.skipped]
    assert skipped[0].startswith("Home News Middle East")
    assert skipped[-1].strip() == "Exit mobile version"
    assert doc.title == "Iran: Khamenei’s Strategic Deadlock in Iraq"
    texts = [s.text for s in split_sentences(doc)]
    assert not any("Exit mobile" in t or t.startswith("Home News") for t in texts)


def test_html_is_stripped_and_offsets_refer_to_shown_text():
    page = (
        b"<html><head><style>p{}</style><script>alert(1)</script></head><body>"
        b"<p>On 3 May 2020, &amp; a rally in Najaf.</p><p>Second.</p></body></html>"
    )
    doc = document_from_bytes("a.html", page, is_html=True)
    assert "alert" not in doc.text and "p{}" not in doc.text
    assert doc.text.startswith("On 3 May 2020, & a rally in Najaf.")
    s = split_sentences(doc)[0]
    assert doc.text[s.start : s.end] == s.text


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>A</p><div>B<br>C</div>") == "A\n\nB\n\nC"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"abc\x00def", "binary"),
        ("مرحبا".encode("cp1256"), "UTF-8"),
        ("café".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_bytes(data, reason):
    with pytest.raises(DocumentError, match=reason) as err:
        document_from_bytes("bad.txt", data)
    assert "bad.txt" in str(err.value)


def test_missing_and_oversized(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError, match="over the"):
        read_document(big)


def test_sentences_keep_abbreviations_together():
    from geo.extraction.documents import document_from_text

    doc = document_from_text("a", "The U.S. embassy was hit. Gen. Smith left on 3 May.")
    assert [s.text for s in split_sentences(doc)] == [
        "The U.S. embassy was hit.",
        "Gen. Smith left on 3 May.",
    ]
