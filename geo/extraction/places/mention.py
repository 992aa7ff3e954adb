"""The working record of the place stages: a name found in a sentence.

A :class:`Mention` is made by :mod:`.find`, kept or dropped by :mod:`.filters`,
given its place by :mod:`.resolve`, and turned into a frozen
:class:`~geo.models.Toponym` at the end.

>>> Mention(0, 5, "Najaf", "gazetteer", [], 0).place is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.gazetteer import (
    ARTICLES,
    Entry,
)
from geo.models import Place

POSSESSIVE = re.compile(r"[’']s$")


ARABIC_ARTICLES = frozenset(ARTICLES) - {"the"}  # Arabic ones: "in al Muhammadi"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names, title case (``data/given_names.txt``: those of at least
    0.02% of people in the 1990 US Census's lists).

    >>> "Michael" in given_names(), "Baghdad" in given_names()
    (True, False)
    """
    from geo.resources import DATA_DIR

    path = DATA_DIR / "given_names.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and line[0] != "#")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    try:
        from wordfreq import top_n_list

        return frozenset(top_n_list("en", 8000))
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return frozenset()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    candidates: list[Entry]
    sentence_start: int
    possessive: bool = False
    modifier: bool = False
    suffix: str = ""
    place: Place | None = None
    #: In a wire dateline ("BAGHDAD (Reuters) -"): where the report was filed.
    dateline: bool = False
    #: The index of the mention of the area that holds this one ("Chakaria" in
    #: "Chakaria town (Cox's Bazar, ..."), and whether this one holds another
    #: (:mod:`.containers`).
    inside: int | None = None
    container: bool = False
    #: A town naming a local body or building ("Hyderabad Press Club").
    local: bool = False
