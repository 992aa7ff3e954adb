"""Casualty stage: a table of sentences and the counts they give."""

import pytest

from geo.casualties import parse_number, read_casualties


@pytest.mark.parametrize(
    ("sentence", "killed", "injured", "estimated"),
    [
        ("Forces opened fire on protesters and killed 44 people.", 44, None, False),
        ("A militia opened fire, killing 19 people and injuring several others.", 19, 10, True),
        ("At least 490 were killed and 22,000 wounded, including 33 organizers.", 490, 22000,
         False),
        ("During the raids, 41 IRGC soldiers and 25 of the regime's mercenaries were killed.",
         66, None, False),
        ("A supporter, Mohammed al-Dujaili, was shot dead in the square.", 1, None, False),
        ("A US civilian contractor was killed in a missile attack.", 1, None, False),
        ("Qassem Suleimani, commander of the Quds Force, and Abu Mahdi al-Muhandis, deputy "
         "of the PMF, were killed by a drone.", 2, None, False),
        ("Soleimani and nine other passengers were also killed.", 10, None, False),
        ("Three soldiers were killed and five wounded.", 3, 5, False),
        ("The blast left 5 people dead and 12 wounded.", 5, 12, False),
        ("An IED explosion left 3 personnel injured.", None, 3, False),
        ("Forces killed 15 militants and left 13 warehouses burnt.", 15, None, False),
        ("Dozens of protesters were killed.", 12, None, True),
        ("The airstrike caused no casualties.", 0, 0, False),
        ("Forces killed or injured a total of 4 militants.", None, None, False),
        ("33 of the killed were activists.", None, None, False),
        ("The protest was peaceful.", None, None, False),
        ("They were killed in the blast.", None, None, False),
        ("In 2019, 1500 Iranians were killed in two days.", 1500, None, False),
    ],
)
def test_casualties(sentence, killed, injured, estimated):
    c = read_casualties(sentence)
    assert (c.killed, c.injured, c.estimated) == (killed, injured, estimated)


@pytest.mark.parametrize(
    ("text", "value"),
    [("44", (44, False)), ("22,000", (22000, False)), ("three", (3, False)),
     ("twenty-five", (25, False)), ("several", (10, True)), ("hundreds of", (100, True)),
     ("2.5 thousand", (2500, False)), ("banana", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_spans_point_at_the_figures():
    s = "Police killed 44 people."
    c = read_casualties(s, offset=100)
    assert c.spans
    a, b = c.spans[0]
    assert "44" in s[a - 100:b - 100]
