"""A set of documents and their events: what the dashboard shows.

A :class:`Corpus` is built from a folder, from uploaded files, from pasted
text or from an ACLED CSV, and corpora merge.  A file that cannot be read
never stops the others: it is kept in ``errors`` with the reason.

Example
-------
>>> from geo.gazetteer import Gazetteer                           # doctest: +SKIP
>>> c = corpus_from_texts([("note.txt", "On 3 May 2020, 2 people were killed in Najaf.")],
...                       Gazetteer.load())                       # doctest: +SKIP
>>> [e.fatalities for e in c.events]                              # doctest: +SKIP
[2]
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo.exc import DocumentError, ExtractionTimeoutError
from geo.extraction.documents import (
    document_from_bytes,
    document_from_text,
    is_html_name,
    read_document,
)
from geo.gazetteer import Gazetteer
from geo.models import Document, Event
from geo.pipeline import extract

if TYPE_CHECKING:
    from geo.gazetteer.online import OnlineLookup

log = logging.getLogger("geo")

SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Most documents read at once (a folder or an upload); the rest are refused.
MAX_DOCUMENTS = 2000


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read (whole or in part), and why."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}, line {self.line}" if self.line else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Corpus:
    """Documents, the events read from them, and the inputs that failed."""

    documents: tuple[Document, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[InputError, ...] = ()
    #: Names told as places that the gazetteer lacks, as ``(name, source)``,
    #: once each: what the map could not place.
    unplaced: tuple[tuple[str, str], ...] = ()

    def document(self, source: str) -> Document | None:
        """The document named ``source``, if the corpus has its text."""
        return next((d for d in self.documents if d.source == source), None)

    def __add__(self, other: Corpus) -> Corpus:
        """Both corpora; a document already here (same text, any name) is read once."""
        keys = {d.key for d in self.documents}
        ids = {e.event_id for e in self.events}
        return Corpus(
            self.documents + tuple(d for d in other.documents if d.key not in keys),
            self.events + tuple(e for e in other.events if e.event_id not in ids),
            self.errors + other.errors,
            tuple(dict.fromkeys(self.unplaced + other.unplaced)),
        )


def _read_all(
    docs: Iterable[Document | InputError], gazetteer: Gazetteer, online: OnlineLookup | None = None
) -> Corpus:
    documents, events, errors, unplaced = [], [], [], []
    seen: dict[str, str] = {}  # document key -> the first name it was read under
    for item in docs:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        first = seen.setdefault(item.key, item.source)
        if first != item.source:  # a document is its text: the same text twice is one
            errors.append(InputError(item.source, f"same text as {first}; read once"))
            continue
        try:
            result = extract(item, gazetteer, online=online)
            events += result.events
            unplaced += [(t.text, item.source) for t in result.toponyms if t.kind == "unknown"]
        except ExtractionTimeoutError as err:
            errors.append(InputError(item.source, err.reason))
        except Exception as err:  # a bug on one document must not lose the others' events
            log.warning("extracting %s failed", item.source, exc_info=True)
            errors.append(InputError(item.source, f"extraction failed ({type(err).__name__})"))
        documents.append(item)
    return Corpus(tuple(documents), tuple(events), tuple(errors), tuple(dict.fromkeys(unplaced)))


def _limited(items: list, errors: list[InputError], what: str) -> list:
    if len(items) > MAX_DOCUMENTS:
        errors.append(
            InputError(what, f"{len(items)} documents; only the first {MAX_DOCUMENTS} were read")
        )
        return items[:MAX_DOCUMENTS]
    return items


def corpus_from_folder(
    folder: str | Path, gazetteer: Gazetteer, *, online: OnlineLookup | None = None
) -> Corpus:
    """Every ``.txt``/``.md``/``.html`` file in ``folder`` (sources are file names)."""
    folder = Path(folder)
    if not folder.is_dir():
        return Corpus(errors=(InputError(str(folder), "not a folder"),))
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    errors: list[InputError] = []
    paths = _limited(paths, errors, str(folder))

    def docs():
        for path in paths:
            try:
                yield read_document(path, source=path.name)
            except DocumentError as err:
                yield InputError(path.name, err.reason)
            except OSError as err:
                yield InputError(path.name, err.strerror or str(err))

    c = _read_all(docs(), gazetteer, online)
    return Corpus(c.documents, c.events, tuple(errors) + c.errors, c.unplaced)


def corpus_from_files(
    files: Iterable[tuple[str, bytes]], gazetteer: Gazetteer, *, online: OnlineLookup | None = None
) -> Corpus:
    """Uploaded files as ``(name, content)``; unreadable ones become errors."""
    errors: list[InputError] = []
    files = _limited(list(files), errors, "upload")

    def docs():
        for name, data in files:
            try:
                yield document_from_bytes(name, data)
            except DocumentError as err:
                yield InputError(name, err.reason)

    c = _read_all(docs(), gazetteer, online)
    return Corpus(c.documents, c.events, tuple(errors) + c.errors, c.unplaced)


def corpus_from_texts(
    texts: Iterable[tuple[str, str]], gazetteer: Gazetteer, *, online: OnlineLookup | None = None
) -> Corpus:
    """Pasted texts as ``(name, text)``."""

    def docs():
        for name, text in texts:
            if not text.strip():
                yield InputError(name, "empty text")
                continue
            yield document_from_text(name, text)

    return _read_all(docs(), gazetteer, online)


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file gave: its events, or why it could not be read."""

    source: str
    events: tuple[Event, ...] = ()
    error: str = ""


@cache
def _process_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def extract_file(
    source: str,
    data: bytes,
    publication_date: date | None = None,
    *,
    online: OnlineLookup | None = None,
) -> FileResult:
    """The per-document function of parallel runs (worker processes, Dask).

    It takes the file's bytes rather than its path, so a remote worker needs no
    access to the files, and loads the gazetteer once per process. ``online``
    is for a single process only (Nominatim allows one request a second).
    """
    try:
        doc = document_from_bytes(
            source, data, publication_date=publication_date, is_html=is_html_name(source)
        )
        return FileResult(source, extract(doc, _process_gazetteer(), online=online).events)
    except (DocumentError, ExtractionTimeoutError) as err:
        return FileResult(source, error=err.reason)
    except Exception as err:  # a bug on one document must not lose the others' events
        log.debug("extracting %s failed", source, exc_info=True)
        return FileResult(source, error=f"extraction failed ({type(err).__name__}: {err})")
