"""Splitting a document into sentences with offsets.

Paragraphs are separated by blank lines (or single newlines in plain text);
sentences end at ``.``, ``!`` or ``?`` followed by space and a capital,
except after common abbreviations ("U.S.", "Mr.", "Gen.").  A heading such as
"Timeline 2020" sets ``heading_year`` for the sentences below it until the
next heading with a year.

Example
-------
>>> from geo.extraction.documents import document_from_text
>>> doc = document_from_text("a", "Mr. Smith went to Baghdad. He left on 3 May.")
>>> [s.text for s in split_sentences(doc)]
['Mr. Smith went to Baghdad.', 'He left on 3 May.']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geo.models import Document, Sentence

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "sen",
    "rep",
    "gov",
    "pres",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "est",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "approx",
}
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9\u0600-\u06FF])")
#: Longest sentence read as one; longer runs are cut at a space.
MAX_SENTENCE = 2000
#: How a paragraph of running text ends; a headline does not ("… in Baghdad").
_ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\s*$")
_HEADING_YEAR = re.compile(r"^\W*(?:[A-Za-z]+\s+){0,3}((?:19|20)\d\d)\W*$")


def split_sentences(doc: Document, check: Callable[[], None] | None = None) -> list[Sentence]:
    """Sentences of ``doc`` outside its skipped furniture, in order.

    ``check`` is called once per paragraph; it raises to stop (the pipeline's
    time limit)."""
    sentences: list[Sentence] = []
    heading_year: int | None = None
    in_head = True  # the leading lines before the first one that ends like a sentence
    for para_no, (p_start, p_end) in enumerate(_paragraphs(doc)):
        if check is not None:
            check()
        para = doc.text[p_start:p_end]
        if any(s <= p_start and p_end <= e for s, e in doc.skipped):
            continue
        m = _HEADING_YEAR.match(para)
        if m and len(para) < 40:
            heading_year = int(m.group(1))
            continue
        in_head = in_head and len(para) < 300 and not _ENDS_LIKE_A_SENTENCE.search(para)
        for s, e in _split(para):
            text = para[s:e]
            sentences.append(
                Sentence(p_start + s, p_start + e, text, para_no, heading_year, in_head)
            )
    return sentences


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", doc.text):
        s, e = m.span()
        while s < e and doc.text[s].isspace():
            s += 1
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _split(para: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(para):
        before = para[max(start, m.start() - 40) : m.start()]  # the word before: no rescans
        word = re.search(r"([A-Za-z.]+)$", before)
        if word:
            w = word.group(1).lower().rstrip(".")
            # "U.S." and single initials ("J. Smith") do not end sentences.
            if w in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                continue
        end = m.end()
        while end > m.start() and para[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        start = m.end()
    if start < len(para):
        spans.append((start, len(para.rstrip())))
    out = []
    for s, e in spans:
        out.extend(_cap(para, s, e))
    return [(s, e) for s, e in out if para[s:e].strip()]


def _cap(para: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" (a page with no full stops, say) into pieces of at
    most :data:`MAX_SENTENCE` characters at the last space, so that the work per
    sentence stays bounded.

    >>> [b - a for a, b in _cap("word " * 1000, 0, 4999)]
    [2000, 2000, 999]
    """
    out = []
    while e - s > MAX_SENTENCE:
        cut = para.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut + 1 if cut > 0 else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out
