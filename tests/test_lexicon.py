"""The language tables: one definition each, checked against ACLED's taxonomy."""

import re

import pytest

from geo.lexicon import event_rules, taxonomy, words
from geo.lexicon.event_rules import EventRule, compile_rules


def test_the_taxonomy_is_acleds_six_types_and_25_sub_event_types():
    assert taxonomy.EVENT_TYPES == (
        "Battles",
        "Protests",
        "Riots",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Strategic developments",
    )
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert len(set(taxonomy.TYPE_COLOURS.values())) == 6


@pytest.mark.parametrize(
    "rule", event_rules.RULES + event_rules.REFINEMENTS, ids=lambda r: r.trigger[:30]
)
def test_every_rule_gives_a_type_of_the_codebook(rule):
    assert taxonomy.is_sub_event_type(rule.event_type, rule.sub_event_type)


def test_a_rule_outside_the_taxonomy_is_refused():
    with pytest.raises(ValueError, match="not in ACLED's taxonomy"):
        compile_rules((EventRule("Battles", "Air/drone strike", "jet"),))
    with pytest.raises(ValueError, match="not in ACLED's taxonomy"):
        compile_rules((EventRule("Skirmishes", "Armed clash", "skirmish"),))


def test_joined_rows_match_what_each_row_matches():
    compiled = compile_rules(event_rules.RULES)
    text = "Troops shelled the village and later gunmen attacked a checkpoint."
    first_row = next(
        r for r in event_rules.RULES if re.search(r.trigger, text, 0 if not r.case_blind else re.I)
    )
    first_group = next((t, s) for t, s, p in compiled if p.search(text))
    assert first_group == (first_row.event_type, first_row.sub_event_type)


@pytest.mark.parametrize(
    ("table", "word", "value"),
    [
        (words.CARDINALS, "nineteen", 19),
        (words.FIGURE_WORDS, "a couple of", 2),
        (words.VAGUE_FIGURES, "scores", 20),
        (words.MONTHS, "sep", 9),
        (words.WEEKDAYS, "sunday", 6),
    ],
)
def test_number_and_calendar_words(table, word, value):
    assert table[word] == value


def test_tables_are_read_only():
    with pytest.raises(TypeError):
        words.CARDINALS["eleventy"] = 110  # type: ignore[index]
    assert isinstance(words.STOP_WORDS, frozenset)


def test_generic_words_of_waters_are_stop_words():
    assert words.WATERS <= words.STOP_WORDS | words.GEOGRAPHIC_GENERICS
    assert words.GEOGRAPHIC_GENERICS <= words.STOP_WORDS
