"""A document's own publication date: where news pages and wire copy say it.

Relative dates ("on Tuesday", "this morning") are read against the day a
report was published. When the user gives no ``--reference-date``, the
document is searched for that day, most explicit first:

1. HTML ``<meta>`` tags (``article:published_time``, ``og:published_time``,
   ``datePublished``, ``pubdate``, ``DC.date.issued``, …);
2. JSON-LD ``datePublished`` (also inside ``@graph`` and lists);
3. ``<time datetime="…">`` (one marked ``pubdate`` or ``itemprop="datePublished"``
   first);
4. Markdown front matter (``date:`` / ``published:`` between ``---`` lines);
5. a "Published: …" / "Posted: …" / "Date: …" field near the top, also as a
   ``|``-separated field of a header line; "Updated: …" only when nothing
   says "published";
6. a line near the top that is only a date ("February 15, 2021 09:43 PM",
   a byline's timestamp);
7. a wire dateline with a full date ("Nasiriyah, Iraq, Nov 28, 2019 (AFP) -");
8. an ISO date in the file name ("2020-01-19-marib.txt").

Only full dates count (day, month and year): a dateline without a year gives
no publication date, and no year is ever guessed.

Example
-------
>>> found = find_publication_date("story.txt", "Title\\nPublished: 3 May 2020\\n\\nBody.")
>>> found.value, found.basis
(datetime.date(2020, 5, 3), 'a "Published" line')
>>> find_publication_date("2019-10-30-karbala.txt", "Body.").basis
'the file name'
>>> find_publication_date("a.txt", "No date here.") is None
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import PurePath

from dateutil import parser as dateutil_parser

from geo.lexicon.words import MONTH_NAME

#: How many lines from the top a "Published:" field or a date line may sit.
HEAD_LINES = 15

#: ``<meta>`` names and properties that carry the publication date, in the
#: order they are trusted (Open Graph / article, schema.org, Dublin Core, others).
META_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article:modified_time",
    "datemodified",
)

_FIELD = re.compile(
    r"(?:^|\|)\s*(?P<key>first\s+published|published(?:\s+on)?|posted(?:\s+on)?|"
    r"date|dated|updated|last\s+updated)\s*[:\-–]\s*(?P<value>[^|\n]{4,60})",
    re.I,
)
_FRONT_MATTER = re.compile(r"\A\s*---\s*\n(?P<body>.*?)\n---\s*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(
    r"^(?P<key>date|published|pubdate|published_at)\s*:\s*(?P<value>.+)$", re.I | re.M
)
_FULL_DATE = (
    rf"(?:{MONTH_NAME}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{MONTH_NAME},?\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d-[01]\d-[0-3]\d)"
)
#: A line that is only a date, maybe with a weekday and a time ("February 15, 2021 09:43 PM").
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<value>{_FULL_DATE})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.I,
)
#: A wire dateline: "PLACE[, COUNTRY], DATE (AGENCY) -" or "DATE (AGENCY) -".
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*,\s*(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*,\s*)?)?"
    rf"(?P<value>{_FULL_DATE})\s*\((?:AFP|AP|Reuters|UPI|dpa|Xinhua|ANI|PTI|IANS|Bernama)\)",
    re.I | re.M,
)
_FILE_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.](?P<m>[01]\d)[-_.](?P<d>[0-3]\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """The day a document was published and where the document says it."""

    value: date
    #: In words, for the details panel: "the page's <meta> tag", "the file name", ….
    basis: str
    #: Offsets of a text line that only carries the date ("Published: …", a
    #: header of fields): metadata, never read as an event.
    line: tuple[int, int] | None = None


def parse_full_date(text: str) -> date | None:
    """A day, month and year read from ``text``, or ``None`` (no guessed parts).

    >>> parse_full_date("2020-12-31T08:15:00+00:00")
    datetime.date(2020, 12, 31)
    >>> parse_full_date("Nov 28") is None
    True
    """
    text = text.strip()
    if not text or len(text) > 80:
        return None
    if not re.search(r"(?:19|20)\d\d", text):
        return None
    try:
        # two different defaults: a part missing from the text shows as a difference
        a = dateutil_parser.parse(text, default=datetime(2000, 1, 1), fuzzy=True)
        b = dateutil_parser.parse(text, default=datetime(2001, 2, 2), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():
        return None
    return a.date()


class _HeadParser(HTMLParser):
    """Collects meta tags, JSON-LD blocks and ``<time datetime>`` values of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[tuple[bool, str]] = []
        self.json_ld: list[str] = []
        self._in_ld = False
        self._ld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "time" and a.get("datetime"):
            marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            self.times.append((marked, a["datetime"]))
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_ld, self._ld = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.json_ld.append("".join(self._ld))

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self._ld.append(data)


def _json_ld_dates(node: object, key: str, depth: int = 0) -> list[str]:
    """Every ``key`` value in a parsed JSON-LD tree (``@graph``, lists, nesting)."""
    if depth > 8:
        return []
    found: list[str] = []
    if isinstance(node, dict):
        value = node.get(key)
        if isinstance(value, str):
            found.append(value)
        for v in node.values():
            if isinstance(v, dict | list):
                found += _json_ld_dates(v, key, depth + 1)
    elif isinstance(node, list):
        for v in node[:200]:
            found += _json_ld_dates(v, key, depth + 1)
    return found


def from_html(markup: str) -> PublicationDate | None:
    """The publication date an HTML page declares in its markup, or ``None``.

    >>> from_html('<meta property="article:published_time" content="2019-11-28T07:04:40Z">').value
    datetime.date(2019, 11, 28)
    >>> from_html('<script type="application/ld+json">{"@graph": [{"datePublished": "2020-01-19"}]}</script>').basis
    "the page's JSON-LD datePublished"
    """
    parser = _HeadParser()
    try:
        parser.feed(markup[:2_000_000])
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    for name in META_NAMES:
        if name in parser.meta and (d := parse_full_date(parser.meta[name])):
            return PublicationDate(d, f'the page\'s <meta> "{name}"')
    for key in ("datePublished", "dateCreated", "dateModified"):
        for block in parser.json_ld:
            try:
                tree = json.loads(block)
            except ValueError:
                continue
            for value in _json_ld_dates(tree, key):
                if d := parse_full_date(value):
                    return PublicationDate(d, f"the page's JSON-LD {key}")
    for _marked, value in sorted(parser.times, key=lambda t: not t[0]):
        if d := parse_full_date(value):
            return PublicationDate(d, "the page's <time> element")
    return None


def from_text(text: str) -> PublicationDate | None:
    """The publication date a text states at its top, or ``None``.

    >>> from_text("SOURCE: x | published: 2020-12-31 | licence: y\\nADEN — ...").value
    datetime.date(2020, 12, 31)
    >>> from_text("Title\\n\\nBy VOA News\\nFebruary 15, 2021 09:43 PM\\n\\nA rocket ...").basis
    'a date line at the top'
    >>> from_text("Nasiriyah, Iraq, Nov 28, 2019 (AFP) - Eight ...").basis
    'the wire dateline'
    """
    if m := _FRONT_MATTER.match(text):
        for fm in _FRONT_KEY.finditer(m.group("body")):
            if d := parse_full_date(fm.group("value").strip("'\" ")):
                return PublicationDate(d, "the front matter")
    head: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n", HEAD_LINES + 1)[:HEAD_LINES]:
        if line.strip():
            head.append((pos, line))
        pos += len(line) + 1
    updated: PublicationDate | None = None
    for start, line in head:
        for f in _FIELD.finditer(line):
            d = parse_full_date(f.group("value"))
            if d is None:
                continue
            key = re.sub(r"\s+", " ", f.group("key").strip().lower())
            span = (start, start + len(line))
            if "updated" in key:
                updated = updated or PublicationDate(d, 'an "Updated" line', span)
                continue
            word = key.split()[0 if key != "first published" else 1].capitalize()
            return PublicationDate(d, f'a "{word}" line', span)
    if updated:
        return updated
    for start, line in head:
        if (m := _DATE_LINE.match(line)) and (d := parse_full_date(m.group("value"))):
            return PublicationDate(d, "a date line at the top", (start, start + len(line)))
    lines = "\n".join(line for _, line in head)
    if (m := _DATELINE.search(lines)) and (d := parse_full_date(m.group("value"))):
        return PublicationDate(d, "the wire dateline")
    return None


def from_file_name(name: str) -> PublicationDate | None:
    """An ISO date in the file's name ("2020-01-19-marib.txt"), or ``None``.

    >>> from_file_name("news/2020_01_19_marib.txt").value
    datetime.date(2020, 1, 19)
    """
    m = _FILE_DATE.search(PurePath(name).name)
    if not m:
        return None
    try:
        return PublicationDate(
            date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "the file name"
        )
    except ValueError:
        return None


def find_publication_date(
    source: str, text: str, *, markup: str | None = None
) -> PublicationDate | None:
    """The document's publication date from its markup, its text or its name."""
    return (from_html(markup) if markup else None) or from_text(text) or from_file_name(source)
