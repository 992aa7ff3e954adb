"""The literal gate in front of the trigger tables never changes an answer."""

from __future__ import annotations

import csv
import re
from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extraction import incidents
from geo.lexicon.codebook import COMPILED_PATTERNS
from geo.lexicon.event_rules import COMPILED, COMPILED_REFINEMENTS
from geo.lexicon.prefilter import GatedPattern, gate
from tests.conftest import SEED, shared_path

TABLES = [
    *(p for _, _, p in COMPILED + COMPILED_REFINEMENTS),
    *COMPILED_PATTERNS.values(),
    *(v for v in vars(incidents).values() if isinstance(v, GatedPattern)),
]


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def _same_answers(text: str) -> list[str]:
    """The table patterns whose gated answer differs from the plain search."""
    return [
        g.pattern.pattern[:60]
        for g in TABLES
        if _span(g.search(text)) != _span(g.pattern.search(text))
    ]


def test_most_table_patterns_have_a_gate():
    gated = [g for g in TABLES if not g._open]
    assert len(gated) >= 0.8 * len(TABLES)


def test_gate_reads_branches_spaces_and_word_starts():
    words, anywhere = gate(re.compile(r"\b(?:set\s+fire|burn(?:ed|t))\b|[Uu]\.N\.", re.I))
    assert words == {"set fi", "burned", "burnt"}
    assert anywhere == {"u.n."}
    assert gate(re.compile(r"\w+ed")) is None  # a match may begin with any letter
    assert gate(re.compile(r"(?:the\s+)?army")) == (frozenset(), {"the ar", "army"})


def test_needed_literals_are_read_from_every_alternative():
    p = GatedPattern(re.compile(r"\b[a-z]+teen\s+others\b|\bthe\s+victims\b", re.I))
    assert p._open and p.needs == {"others", "victims"}
    assert p.search("Fifteen others were hurt.") is not None
    assert p.search("Fifteen people were hurt.") is None


def test_gate_shuts_only_where_the_pattern_cannot_match():
    p = GatedPattern(re.compile(r"\bair\s*strikes?\b", re.I))
    assert p.search("An AIR\n\tSTRIKE hit the town.").group(0) == "AIR\n\tSTRIKE"
    assert p.search("Airstrikes resumed.") is not None
    assert p.search("The air was still.") is None
    assert not p.admits("Nothing happened.")


def test_case_blind_letters_beyond_ascii_still_match():
    # Python's case-blind matching pairs ſ with s, K (Kelvin) with k, ı and İ with i
    p = GatedPattern(re.compile(r"\b(?:shot|killed|riots?)\b", re.I))
    for text in ("He was ſhot.", "Two \u212aILLED.", "The rıots spread.", "RİOT police"):
        assert _span(p.search(text)) == _span(p.pattern.search(text)), text
        assert p.search(text) is not None


_FRAGMENTS = st.sampled_from(
    [
        "killed", "Killing", "shot", "air strike", "airstrike", "protesters", "police",
        "fired", "tear gas", "clashed", "attacked", "bomb", "IED", "rally", "human chain",
        "set fire", "the", "in", "at", "a", " ", "  ", "\n", "\t", ",", ".", "-", "'", "’",
        "ſ", "\u212a", "ı", "İ", "é", "Σ", "ς", "al-", "U.N.", "Iraqi", "mob", "lynched",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=4)), max_size=30).map("".join))
def test_gated_tables_answer_as_plain_search(text):
    assert _same_answers(text) == []


def test_gated_tables_answer_as_plain_search_on_the_seed():
    for line in SEED.read_text(encoding="utf-8").splitlines():
        assert _same_answers(line) == [], line


def test_gated_tables_answer_as_plain_search_on_real_notes():
    folder = shared_path("realdata", "acled-notes")
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for row in islice(csv.DictReader(fh), 400):
                assert _same_answers(row["text"]) == [], (path.name, row["id"])
