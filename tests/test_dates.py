"""Date stage: a table of sentences and the dates they give."""

from datetime import date

import pytest

from geo.extraction.dates import DateResolver


def _resolve(sentences, publication=None, prime=""):
    r = DateResolver(publication_date=publication)
    r.prime(prime or " ".join(sentences))
    out = []
    for s in sentences:
        out.append([(m.value, m.precision, m.year_inferred) for m in r.resolve(s)])
    return out


@pytest.mark.parametrize(
    ("sentences", "publication", "expected"),
    [
        (["It began on 1 October 2019."], None, [[(date(2019, 10, 1), "day", False)]]),
        (["On January 3, 2020, a strike."], None, [[(date(2020, 1, 3), "day", False)]]),
        (["Seen in October 2019."], None, [[(date(2019, 10, 1), "month", False)]]),
        (["On 2020-01-03 it ended."], None, [[(date(2020, 1, 3), "day", False)]]),
        # the narrative year, rolling over from December to January
        (
            ["It began on 1 October 2019.", "On 28 December, more.", "On 3 January, a strike."],
            None,
            [
                [(date(2019, 10, 1), "day", False)],
                [(date(2019, 12, 28), "day", True)],
                [(date(2020, 1, 3), "day", True)],
            ],
        ),
        # a bare date told before the first explicit year takes that year
        (
            ["On 3 November, a rally.", "The war began on 1 October 2019."],
            None,
            [[(date(2019, 11, 3), "day", True)], [(date(2019, 10, 1), "day", False)]],
        ),
        # no year anywhere: not guessed
        (["On 3 November, a rally."], None, [[]]),
        # the publication date sets the year, and the latest date not after it
        (["On 28 December, a rally."], date(2020, 1, 5), [[(date(2019, 12, 28), "day", True)]]),
        (["It happened late Friday."], date(2020, 1, 6), [[(date(2020, 1, 3), "day", False)]]),
        (["It happened on Saturday."], date(2020, 1, 6), [[(date(2020, 1, 4), "day", False)]]),
        (
            ["Protests grew earlier this month."],
            date(2020, 1, 16),
            [[(date(2020, 1, 1), "month", False)]],
        ),
        (["He was arrested yesterday."], date(2020, 1, 16), [[(date(2020, 1, 15), "day", False)]]),
        # the sentence's anchor
        (
            ["On 21 December 2019 a strike began, and roads were blocked the following day."],
            None,
            [[(date(2019, 12, 21), "day", False), (date(2019, 12, 22), "day", False)]],
        ),
        (
            ["On 6 December 2019, a shooting.", "Also, on this day, sanctions."],
            None,
            [[(date(2019, 12, 6), "day", False)], [(date(2019, 12, 6), "day", False)]],
        ),
        (
            ["On 6 May 2020, a raid.", "Two days later, another."],
            None,
            [[(date(2020, 5, 6), "day", False)], [(date(2020, 5, 8), "day", False)]],
        ),
        # impossible dates are not dates
        (["On 31 February 2020, nothing."], None, [[]]),
        (["It may rain in 2 days."], None, [[]]),
    ],
)
def test_dates(sentences, publication, expected):
    assert _resolve(sentences, publication) == expected


def test_heading_sets_year():
    from geo.extraction.documents import document_from_text
    from geo.extraction.sentences import split_sentences

    doc = document_from_text("t", "Timeline 2020\n\nJanuary\n\nOn 4 January, a rally.\n")
    sents = split_sentences(doc)
    r = DateResolver()
    got = [m.value for s in sents for m in r.resolve(s.text, s.start, s.heading_year)]
    assert got == [date(2020, 1, 4)]


@pytest.mark.parametrize(
    ("sentences", "publication", "expected"),
    [
        # day first, as the numbers show (13 cannot be a month)
        (["Raiders attacked a post on 13/04/2017."], None, [[(date(2017, 4, 13), "day", False)]]),
        # month first, as the numbers show
        (["Protests on 04/13/2017 in Ohio."], None, [[(date(2017, 4, 13), "day", False)]]),
        # an ambiguous one follows the document's convention once one tells it
        (
            ["Clashes on 23/05/2017.", "More clashes on 02/06/2017."],
            None,
            [[(date(2017, 5, 23), "day", False)], [(date(2017, 6, 2), "day", False)]],
        ),
        # an ambiguous one with no convention is no date, not a guess
        (["A vote on 4/5/2017."], None, [[]]),
        # no year: only after "on" or "of", in the narrative's year
        (
            ["On the evening of 14/01 two women were lynched."],
            date(2018, 2, 1),
            [[(date(2018, 1, 14), "day", True)]],
        ),
        # a fraction is no date
        (["Two 2/3 majorities were needed."], date(2018, 2, 1), [[]]),
    ],
)
def test_numeric_dates(sentences, publication, expected):
    assert _resolve(sentences, publication) == expected
