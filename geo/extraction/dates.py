"""Finding and resolving date expressions, with the narrative's year.

Cheap regular expressions find the candidate spans; resolution walks the
document in order and keeps the narrative's state:

* absolute forms: "1 October 2019", "January 3, 2020", "3 January",
  "28th of December", "October 2019", "2020-01-03", "in 2019";
* a bare "day month" takes the year of the narrative (the latest explicit
  year, rolling over when the month goes back by more than half a year, as
  December → January), a year set by a heading ("Timeline 2020"), or the
  publication date's year (the latest such date not after publication);
* relative forms: "the following day", "the previous day", "two days
  later", "on this day", "that day" against the sentence's anchor (the
  latest date told); "yesterday", "today", "on Saturday", "late Friday",
  "earlier this month", "last week" against the publication date.

A date that cannot be resolved is not guessed: no :class:`DateMention`.

Example
-------
>>> from datetime import date
>>> r = DateResolver()
>>> [m.value for m in r.resolve("It began on 1 October 2019.")]
[datetime.date(2019, 10, 1)]
>>> m, = r.resolve("On 3 January, a strike.")
>>> m.value, m.year_inferred
(datetime.date(2020, 1, 3), True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from geo.lexicon.words import FIGURE_WORDS, MONTH_PATTERN, MONTHS, WEEKDAYS
from geo.models import DateMention

_MONTH_RE2 = MONTH_PATTERN.replace("?P<month>", "?P<month2>")
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "day_month",
        re.compile(
            rf"\b{_DAY}(?:\s*(?:-|–|and|to)\s*{_DAY2})?\s+(?:of\s+)?{MONTH_PATTERN}"
            rf"(?:,?\s+{_YEAR})?\b"
        ),
    ),
    (
        "month_day",
        re.compile(rf"\b{MONTH_PATTERN}\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b(?!\s*:)"),
    ),
    ("month_year", re.compile(rf"\b{MONTH_PATTERN}\s*,?\s+{_YEAR}\b")),
    (
        "bare_month",
        re.compile(
            rf"\b(?P<lead>[Ii]n|[Dd]uring|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]y|"
            rf"[Uu]ntil|[Tt]hroughout|[Ee]nd of|[Ss]tart of)\s+(?:the\s+month\s+of\s+)?"
            rf"{MONTH_PATTERN}\b(?!\s+\d)"
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Tt]hroughout)\s+(?:early\s+|late\s+)?{_YEAR}\b"
        ),
    ),
    (
        "anchor_offset",
        re.compile(
            r"\b(?P<phrase>the\s+(?:following|next|previous)\s+day|(?:the\s+day\s+"
            r"(?:after|before)|(?:a|one|two|three|four|five|six|seven|\d)\s+days?\s+"
            r"(?:later|earlier|before|after))(?!\s+[\w“\"'])|"
            r"(?:on\s+)?(?:this|that|the\s+same)\s+day|the\s+same\s+day)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "came a day after protesters torched the consulate": the event of the clause
        # that follows is that many days before the sentence's own (or the story's) date;
        # a noun phrase alone ("a day after the attack,") refers back and gives none.
        "prior_event",
        re.compile(
            r"\b(?P<phrase>(?:a|one|two|three|four|five|six|seven|\d)\s+days?\s+(?:after|before))"
            r"(?=\s+(?:(?!(?:the|a|an|this|that|these|those|his|her|its|their)\b)[\w“\"']|"
            # "five days after the United States carried out ...": a clause all the same
            r"(?:the|a|an|this|that|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:[a-z]+ed|carried|struck|shot|took|began|hit|blew|fought|set|threw|made|led)\b))",
            re.IGNORECASE,
        ),
    ),
    (
        "reference",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|last\s+night|earlier\s+today|"
            r"this\s+(?:morning|afternoon|evening)|earlier\s+this\s+month|"
            r"this\s+month|last\s+month|earlier\s+this\s+year|this\s+year|last\s+year|"
            r"last\s+week|this\s+week)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "on 13/04/2017", "the evening of 14/01": numbers with slashes, day first
        # or month first by the numbers themselves (see DateResolver.numeric_order);
        # without a year only after "on" or "of" ("2/3 of the seats" is no date)
        "numeric",
        re.compile(
            r"(?:\b(?P<lead>[Oo]n|of|[Ss]ince|dated)\s+(?:the\s+)?)?"
            r"\b(?P<na>[0-3]?\d)/(?P<nb>[0-3]?\d)(?:/(?P<year>(?:19|20)\d\d))?(?![\d/])"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<part>early|late|last)\s+|on\s+|(?:on\s+)?the\s+night\s+of\s+)?"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            r"(?!,?\s+(?:\d|January|February|March|April|May|June|July|August|"
            r"September|October|November|December))"
        ),
    ),
]


_DIGIT = re.compile(r"\d")
_MONTH_HINT = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_REFERENCE_HINT = re.compile(r"yesterday|today|tonight|night|month|year|week")
#: Every pattern above needs one of these (checked first, in the lower-cased text:
#: most sentences have none, and a case-blind alternation is ten times slower).
_DATE_HINT = re.compile(
    r"\d|day|night|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec"
)


@dataclass
class DateResolver:
    """Resolve the dates of one document's sentences, in reading order.

    Keep one resolver per document: it holds the narrative year and the
    anchor (the latest date told) from one sentence to the next.
    """

    publication_date: date | None = None
    year: int | None = None
    month: int | None = None
    anchor: date | None = None
    #: How the document writes numeric dates, once one tells: "dm" (13/04/2017)
    #: or "md" (04/13/2017); until then "4/5/2017" is no date, not a guess.
    numeric_order: str | None = None
    #: The document, read for its first explicit year only when a bare date
    #: is told before any year (see :meth:`prime`).
    _document: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if self.year is None and self.publication_date is not None:
            self.year = self.publication_date.year
            self.month = self.publication_date.month

    def prime(self, text: str) -> None:
        """Give the whole document: a bare date told before any year takes the
        year of its first explicit date (read only when such a date comes up).
        """
        self._document = text

    @cached_property
    def lookahead_year(self) -> int | None:
        """Year of the document's first explicit date, or ``None``.

        >>> r = DateResolver(); r.prime("On 3 May, and later on 5 June 2020.")
        >>> r.lookahead_year
        2020
        """
        for kind, m in find_date_spans(self._document):
            if kind != "year" and m.groupdict().get("year"):
                return int(m.group("year"))
        return None

    def resolve(
        self, sentence: str, offset: int = 0, heading_year: int | None = None
    ) -> list[DateMention]:
        """Date mentions of ``sentence`` (offsets shifted by ``offset``)."""
        spans = find_date_spans(sentence)
        out: list[DateMention] = []
        sentence_anchor = None
        for kind, m in spans:
            mention = self._resolve_one(kind, m, offset, heading_year, sentence_anchor)
            if mention is None:
                continue
            out.append(mention)
            if mention.precision == "day":
                sentence_anchor = mention.value
        if out:
            days = [d for d in out if d.precision == "day"]
            if days:
                self.anchor = days[-1].value
        return out

    def _resolve_one(
        self,
        kind: str,
        m: re.Match[str],
        offset: int,
        heading_year: int | None,
        sentence_anchor: date | None,
    ) -> DateMention | None:
        g = m.groupdict()
        start, end = m.start() + offset, m.end() + offset
        text = m.group(0)
        if kind == "anchor_offset":
            base = sentence_anchor or self.anchor
            if base is None:
                return None
            phrase = g["phrase"].lower()
            delta = _anchor_delta(phrase)
            return DateMention(start, end, text, base + timedelta(days=delta), "day", relative=True)
        if kind == "prior_event":
            base = sentence_anchor or self.anchor
            if base is None:
                return None
            delta = -_anchor_delta(g["phrase"].lower())
            return DateMention(start, end, text, base + timedelta(days=delta), "day", relative=True)
        if kind in ("reference", "weekday"):
            return self._resolve_reference(kind, g, start, end, text, sentence_anchor)
        if kind == "numeric":
            return self._resolve_numeric(g, m, offset, heading_year)
        month = (
            MONTHS[g["month"].lower().rstrip(".")]
            if g.get("month")
            else (int(g["mnum"]) if g.get("mnum") else None)
        )
        explicit_year = int(g["year"]) if g.get("year") else None
        year, inferred = explicit_year, False
        if year is None and kind != "year":
            year = self._infer_year(month or 1, heading_year)
            inferred = True
            if year is None:
                return None
        if kind == "year":
            value, precision = date(year, 1, 1), "year"
        elif kind in ("month_year", "bare_month"):
            value, precision = date(year, month, 1), "month"
        else:
            day = int(g["day"])
            try:
                value = date(year, month, day)
            except ValueError:
                return None
            precision = "day"
        if explicit_year is not None or not inferred:
            self.year, self.month = year, month or self.month
        elif precision != "year":
            self.year, self.month = year, month
        return DateMention(start, end, text, value, precision, year_inferred=inferred)

    def _resolve_numeric(
        self, g: dict, m: re.Match[str], offset: int, heading_year: int | None
    ) -> DateMention | None:
        """ "13/04/2017": day first when the first number cannot be a month, month
        first when the second cannot; either, as the document's other numeric
        dates show; otherwise no date.

        >>> r = DateResolver()
        >>> [d.value for d in r.resolve("Clashes on 13/04/2017 and on 02/05/2017.")]
        [datetime.date(2017, 4, 13), datetime.date(2017, 5, 2)]
        >>> DateResolver().resolve("A vote on 4/5/2017.")
        []
        """
        a, b = int(g["na"]), int(g["nb"])
        if g.get("year") is None and g.get("lead") is None:
            return None
        if a > 12 and 1 <= b <= 12:
            order = "dm"
        elif b > 12 and 1 <= a <= 12:
            order = "md"
        elif a == b or self.numeric_order is not None:
            order = self.numeric_order or "dm"
        else:
            return None  # 4/5: April or May, the text does not say
        self.numeric_order = self.numeric_order or (order if a != b else None)
        day, month = (a, b) if order == "dm" else (b, a)
        explicit = int(g["year"]) if g.get("year") else None
        year = explicit if explicit is not None else self._infer_year(month, heading_year)
        if year is None:
            return None
        try:
            value = date(year, month, day)
        except ValueError:
            return None
        self.year, self.month = year, month
        start = m.start("na") + offset
        end = m.end() + offset
        text = m.string[m.start("na") : m.end()]
        return DateMention(start, end, text, value, "day", year_inferred=explicit is None)

    def _infer_year(self, month: int, heading_year: int | None) -> int | None:
        if heading_year is not None:
            return heading_year
        if (
            self.publication_date is not None
            and self.year == self.publication_date.year
            and self.month == self.publication_date.month
            and self.anchor is None
        ):
            pub = self.publication_date
            return pub.year if month <= pub.month else pub.year - 1
        if self.year is None:
            if self.lookahead_year is None:
                return None
            self.year = self.lookahead_year
            self.month = month
            return self.year
        if self.month is not None and month - self.month < -6:
            return self.year + 1
        if self.month is not None and month - self.month > 6:
            return self.year - 1
        return self.year

    def _resolve_reference(
        self,
        kind: str,
        g: dict[str, str],
        start: int,
        end: int,
        text: str,
        sentence_anchor: date | None,
    ) -> DateMention | None:
        ref = self.publication_date
        if kind == "weekday":
            base = ref or sentence_anchor
            if base is None:
                return None
            target = WEEKDAYS[g["weekday"].lower()]
            back = (base.weekday() - target) % 7
            if g.get("part") == "last" and back == 0:
                back = 7
            return DateMention(start, end, text, base - timedelta(days=back), "day", relative=True)
        if ref is None:
            return None
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        table = {
            "yesterday": (ref - timedelta(days=1), "day"),
            "today": (ref, "day"),
            "earlier today": (ref, "day"),
            "this morning": (ref, "day"),
            "this afternoon": (ref, "day"),
            "this evening": (ref, "day"),
            "tonight": (ref, "day"),
            "last night": (ref - timedelta(days=1), "day"),
            "earlier this month": (ref.replace(day=1), "month"),
            "this month": (ref.replace(day=1), "month"),
            "last month": ((ref.replace(day=1) - timedelta(days=1)).replace(day=1), "month"),
            "earlier this year": (date(ref.year, 1, 1), "year"),
            "this year": (date(ref.year, 1, 1), "year"),
            "last year": (date(ref.year - 1, 1, 1), "year"),
        }
        if rel in ("last week", "this week"):
            return None  # a week is not a precision we can honestly give
        value, precision = table[rel]
        return DateMention(start, end, text, value, precision, relative=True)


def _anchor_delta(phrase: str) -> int:
    phrase = re.sub(r"\s+", " ", phrase)
    if "following" in phrase or "next" in phrase or "day after" in phrase:
        return 1
    if "previous" in phrase or "day before" in phrase:
        return -1
    m = re.match(r"(\w+) days? (later|after|earlier|before)", phrase)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else FIGURE_WORDS[m.group(1)]
        return n if m.group(2) in ("later", "after") else -n
    return 0


def find_date_spans(text: str) -> list[tuple[str, re.Match[str]]]:
    """Non-overlapping date matches of ``text``, earlier patterns first.

    >>> [k for k, _ in find_date_spans("On 3 May 2020 and in June")]
    ['day_month', 'bare_month']
    """
    low = text.lower()
    if not _DATE_HINT.search(low):
        return []  # no digit, month, weekday or day/week/month/year word
    has_digit = bool(_DIGIT.search(text))
    has_month = bool(_MONTH_HINT.search(text))
    needs = {  # what each pattern cannot match without (checked cheaply first)
        "iso": has_digit and "-" in text,
        "day_month": has_digit and has_month,
        "month_day": has_digit and has_month,
        "month_year": has_digit and has_month,
        "bare_month": has_month,
        "year": has_digit,
        "anchor_offset": "day" in low,
        "prior_event": "day" in low,
        "reference": bool(_REFERENCE_HINT.search(low)),
        "weekday": "day" in low,
        "numeric": "/" in text,
    }
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        if not needs.get(kind, True):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    return found
