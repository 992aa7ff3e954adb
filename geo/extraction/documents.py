"""Reading documents: files in, :class:`~geo.models.Document` out.

Plain text and Markdown are read as they are; HTML has its tags stripped
(scripts and styles dropped, entities decoded) and the text we show is what
offsets refer to.  Site furniture ("Home News …" breadcrumbs, "Exit mobile
version") is marked as skipped so it never produces events.

Example
-------
>>> doc = document_from_text("a.txt", "Home News Title\\n\\nTitle\\n\\nBody.\\n")
>>> [doc.text[s:e] for s, e in doc.skipped]
['Home News Title']
>>> doc.title
'Title'
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from geo.exc import DocumentError
from geo.extraction.published import find_publication_date
from geo.models import Document

log = logging.getLogger("geo")

#: Largest document read, in bytes.
MAX_BYTES = 20 * 1024 * 1024
SUFFIXES_HTML = (".html", ".htm")

_FURNITURE = re.compile(
    r"^\s*(exit mobile version|skip to (main )?content|share this( article)?:?|"
    r"advertisement|related (posts|articles)|read more|print( this)?|menu|"
    r"subscribe|sign in|log in|cookie settings|back to top|tags?:.*|"
    r"follow us.*|all rights reserved.*|©.*|copyright .*)\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


def read_document(
    path: str | Path, *, source: str | None = None, publication_date: date | None = None
) -> Document:
    """Read ``path`` as a document, or raise :class:`DocumentError` saying why.

    ``source`` names the document in results (default: the path as given).
    """
    name = str(path) if source is None else source
    return document_from_bytes(
        name,
        read_bytes(path, source=name),
        is_html=is_html_name(str(path)),
        publication_date=publication_date,
    )


def read_bytes(path: str | Path, *, source: str | None = None) -> bytes:
    """The bytes of the file at ``path``, or :class:`DocumentError` if it is
    missing, not a regular file, or over :data:`MAX_BYTES` (checked before reading).
    """
    name = str(path) if source is None else source
    p = Path(path)
    if not p.exists():
        raise DocumentError(name, "no such file")
    if not p.is_file():
        raise DocumentError(name, "not a regular file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(name, f"file is {size:,} bytes, over the {MAX_BYTES:,} limit")
    return p.read_bytes()


def is_html_name(name: str) -> bool:
    """Whether a file name says HTML.

    >>> is_html_name("page.HTM"), is_html_name("note.txt")
    (True, False)
    """
    return name.lower().endswith(SUFFIXES_HTML)


def document_from_bytes(
    source: str,
    data: bytes,
    *,
    is_html: bool = False,
    publication_date: date | None = None,
) -> Document:
    """Decode ``data`` (UTF-8 only) and build a document, checking it first."""
    if len(data) > MAX_BYTES:
        raise DocumentError(source, f"{len(data):,} bytes, over the {MAX_BYTES:,} limit")
    if not data.strip():
        raise DocumentError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError(source, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DocumentError(
            source, f"not valid UTF-8 (byte {err.start}); save it as UTF-8"
        ) from None
    if not is_html and re.match(r"\s*<(!doctype html|html|body)\b", text, re.I):
        is_html = True
    markup = text if is_html else None
    return document_from_text(
        source,
        html_to_text(text) if is_html else text,
        publication_date=publication_date,
        markup=markup,
    )


def document_from_text(
    source: str,
    text: str,
    *,
    publication_date: date | None = None,
    markup: str | None = None,
) -> Document:
    """Build a document from text already decoded, finding title and furniture.

    With no ``publication_date`` given, the document's own is looked for
    (:mod:`geo.extraction.published`; ``markup`` is the page's HTML, if any).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    basis = "given" if publication_date else ""
    found = find_publication_date(source, text, markup=markup)
    if publication_date is None and found is not None:
        publication_date, basis = found.value, found.basis
    lines = _lines(text)
    content = [(s, e) for s, e in lines if text[s:e].strip()]
    skipped: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(content):
        line = text[s:e].strip()
        nxt = text[content[i + 1][0] : content[i + 1][1]].strip() if i + 1 < len(content) else ""
        if (
            _FURNITURE.match(line)
            or _is_breadcrumb(line, nxt)
            or (found is not None and found.line == (s, e))
        ):
            skipped.append((s, e))  # navigation, or the line that states the date
    title = ""
    for s, e in content:
        if (s, e) in skipped:
            continue
        line = text[s:e].strip()
        if len(line) < 200 and not re.search(r"[.!?]\s*$", line):
            title = line
        break
    return Document(
        source=source,
        text=text,
        title=title,
        publication_date=publication_date,
        date_basis=basis,
        skipped=tuple(skipped),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_breadcrumb(line: str, next_line: str) -> bool:
    """A navigation trail: "Home › News › <the title that follows>"."""
    if not re.match(r"(home|start|main page)\b", line, re.IGNORECASE):
        return False
    if next_line and line.endswith(next_line) and len(line) > len(next_line):
        return True
    return bool(re.search(r"[›»>|/]", line)) and not _SENTENCE_END.search(line)


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML page, one block per paragraph."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "title",
        "pre",
        "hr",
        "dd",
        "dt",
        "figcaption",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, paragraphs separated by blank lines.

    >>> html_to_text("<p>On 3 May &amp; 4 May</p><script>x()</script><p>B</p>")
    'On 3 May & 4 May\\n\\nB'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in paragraphs if p)
