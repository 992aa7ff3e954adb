"""Errors raised by the ``geo`` package.

Every error derives from :class:`GeoError`; the leaf classes also derive from
a builtin so callers may catch either.

Example
-------
>>> try:
...     raise DocumentError("a.txt", "empty file")
... except ValueError as err:
...     str(err)
'a.txt: empty file'
"""

from __future__ import annotations


class GeoError(Exception):
    """Root of every error raised by :mod:`geo`."""


class DocumentError(GeoError, ValueError):
    """A document cannot be read: missing, empty, binary, not UTF-8, too big."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class GazetteerError(GeoError, RuntimeError):
    """The gazetteer data cannot be loaded or built."""


class ExtractionTimeoutError(GeoError, TimeoutError):
    """Reading one document took longer than its time limit."""

    def __init__(self, source: str, seconds: float) -> None:
        super().__init__(
            f"{source}: extraction stopped after {seconds:g} s (time limit); "
            "split the document into smaller files"
        )
        self.source = source
        self.reason = f"extraction stopped after {seconds:g} s (time limit)"
