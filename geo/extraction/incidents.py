"""Incidents told across a document: sentences grouped the way news tells them.

A news story opens an incident with a sentence that tells what happened, when
or where, then goes on about it in sentences that name no new date or place.
The rules, general rules of English news writing and of ACLED's codebook:

* **Opening.** A sentence with an event word and a date or place of its own
  opens an incident; a new date, or a place that is neither the incident's nor
  inside it, opens the next one.
* **Follow-ups.** A sentence with no date and no place of its own goes on
  telling the open incident: its figures update the incident's toll, it adds
  no row. A place inside the incident's own ("the attack took place in the
  Sidakan area" after "in northern Iraq") makes the incident's place finer.
* **Tolls.** "At least N" is N (:mod:`geo.extraction.casualties`). A figure
  the text says changed ("the toll rose to 12") replaces the earlier one; a
  figure of others ("another three died", "50 others were wounded") is added;
  a superseded figure ("an earlier toll of two dead") is never read. Other
  figures from other sources are kept as ``other_tolls`` beside the lead's
  (a story's lead carries its current figure; later paragraphs quote earlier
  or partial counts). A follow-up toll after a sentence that told several
  days is a total over them: a reported-total row, never one day's.
* **Headlines.** A headline or standfirst repeats the body's story: it joins
  the body's incident it agrees with (type, country, a toll no larger) and
  never counts again. A headline nothing in the body tells stays an event.
* **Roles.** A nationality names the victims, forces or actors, not the place
  ("killing two Americans", "a Turkish drone"): a demonym is an incident's
  place only for a crowd ("Iraqi protesters"), where people protest at home,
  and only when nothing else is told.

Example
-------
>>> # see tests/test_incidents.py for documents told across sentences
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from geo.extraction.events import (
    AGGREGATE,
    SentenceFacts,
    aggregate_event,
    event_kind,
    event_places,
    merge_repeats,
    names_a_part,
    opens_its_clause,
    place_events,
    sentence_actors,
)
from geo.lexicon.codebook import reason_start, turn_of_a_protest
from geo.lexicon.event_rules import CONCRETE_ACTS
from geo.lexicon.prefilter import GatedPattern
from geo.lexicon.taxonomy import CROWD_ACTORS, VIOLENT_TYPES
from geo.lexicon.words import OTHER_TIME_MARKERS
from geo.models import DateMention, Event, Toponym, precision_rank

#: "the toll rose to 12": a figure that replaces the one told before.
_UPDATE = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped|reached|revised\s+(?:up|down)(?:ward)?)\s+to\b|"
    r"\bnow\s+stands?\s+at\b|\bhas\s+(?:since\s+)?(?:risen|climbed)\b",
    re.I,
)
#: "another three died", "50 others were wounded": figures of more people, told
#: next to the figure.
_MORE_BEFORE = re.compile(r"\b(?:another|further|additional|other)\s+(?:[\w-]+\s+)?$", re.I)
_MORE_AFTER = re.compile(r"[\w,-]+\s+(?:more|others?|further|additional)\b", re.I)


@dataclass(slots=True)
class _Draft:
    """One sentence, read for the story: what it tells on its own."""

    facts: SentenceFacts
    kind: tuple[str, str] | None
    own_dates: list[DateMention]
    places: list[Toponym]
    killed: int | None
    injured: int | None
    aggregate: re.Match[str] | None
    #: The sentence's actors (:func:`~geo.extraction.events.sentence_actors`).
    actors: tuple[str, ...] = ()
    #: With no event word of its own, what it makes of a protest told before it
    #: ("They burnt tyres along the highway": a violent demonstration).
    turn: tuple[str, str] | None = None
    #: With no event word of its own, it refers back to the incident before it and
    #: says where it took place ("The single fatality was in Mandera").
    tells_where: bool = False

    @property
    def literal(self) -> list[Toponym]:
        """The places the sentence names itself (not a nationality or a dateline)."""
        return [t for t in self.places if t.kind not in ("demonym", "dateline")]

    @property
    def own_place(self) -> bool:
        return bool(self.literal)


@dataclass(slots=True)
class _Incident:
    """An incident being told: its lead sentence and what follow-ups added."""

    lead: _Draft
    kind: tuple[str, str]
    date: DateMention | None
    places: list[Toponym]
    killed: int | None
    injured: int | None
    sources: list[tuple[int, int]] = field(default_factory=list)
    casualty_spans: list[tuple[int, int]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    other_tolls: list[int] = field(default_factory=list)
    estimated: bool = False
    #: The paragraph of the last sentence that told it.
    paragraph: int = -1
    #: The places are the story's (a new day told without a place).
    story_place: bool = False
    #: The follow-up whose own places replaced the lead's, if one did.
    placed_by: _Draft | None = None

    @property
    def is_protest(self) -> bool:
        """A protest so far: a follow-up may tell its turn (:func:`turn_of_a_protest`)."""
        return self.kind[0] == "Protests"

    def take_toll(self, d: _Draft) -> None:
        """A follow-up's figures, by the toll rules of the module docstring."""
        spoken, start = d.facts.spoken, d.facts.start
        updates = bool(_UPDATE.search(spoken))
        more = any(
            _MORE_BEFORE.search(spoken, max(0, a - start - 30), a - start)
            or _MORE_AFTER.match(spoken, a - start)
            for a, _ in d.facts.casualties.spans
        )
        self.killed = _combine(self.killed, d.killed, updates, more, self.other_tolls)
        self.injured = _combine(self.injured, d.injured, updates, more)
        self.casualty_spans += d.facts.casualties.spans
        self.estimated |= d.facts.casualties.estimated

    def absorb(self, d: _Draft, *, refine: bool) -> None:
        self.sources.append((d.facts.start, d.facts.end))
        self.paragraph = d.facts.paragraph
        self.take_toll(d)
        if self.date is None and d.own_dates:
            self.date = d.own_dates[0]
        if d.kind is not None:
            self.actors += list(d.actors)
            self.kind = escalate(self.kind, d.kind)
        if refine and d.own_place and (not self.places or _finer(d.literal, self.places)):
            self.places = d.literal
            self.placed_by = d


#: How a follow-up changes an incident's type (ACLED codes the event by what it
#: became): demonstrators who turn violent make a riot; force used on a peaceful
#: protest makes a protest with intervention or with excessive force.
_ESCALATIONS = {
    ("Protests", "Riots"),
    ("Protests", "Protests"),
}
_PROTEST_SEVERITY = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
)


def escalate(kind: tuple[str, str], follow: tuple[str, str]) -> tuple[str, str]:
    """The incident's type after a follow-up of type ``follow``.

    >>> escalate(("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"))
    ('Riots', 'Violent demonstration')
    >>> escalate(("Protests", "Peaceful protest"), ("Protests", "Protest with intervention"))
    ('Protests', 'Protest with intervention')
    >>> escalate(("Battles", "Armed clash"), ("Protests", "Peaceful protest"))
    ('Battles', 'Armed clash')
    """
    if (kind[0], follow[0]) not in _ESCALATIONS:
        return kind
    if follow[0] == "Riots":
        return ("Riots", "Violent demonstration")
    severity = {sub: n for n, sub in enumerate(_PROTEST_SEVERITY)}
    if severity.get(follow[1], -1) > severity.get(kind[1], len(severity)):
        return follow
    return kind


def _combine(
    old: int | None, new: int | None, updates: bool, more: bool, others: list[int] | None = None
) -> int | None:
    if new is None:
        return old
    if old is None or updates:
        return new
    if more:
        return old + new
    if others is not None and new != old and new not in others:
        others.append(new)
    return old


def _finer(new: list[Toponym], old: list[Toponym]) -> bool:
    """Whether ``new`` places lie inside ``old`` ones and are finer."""
    if not new or not old:
        return False
    n = min(_rank(t) for t in new if t.place)
    o = min(_rank(t) for t in old if t.place)
    return n < o and _inside(new, old)


def _rank(t: Toponym) -> int:
    """How coarse a toponym's place is; a part of a country named by direction
    ("northeastern Iraq") is a region, finer than the country (events place it in
    that part: geo.gazetteer.country_parts)."""
    p = t.place
    assert p is not None
    return precision_rank("region" if names_a_part(t) else p.precision)


def _inside(new: list[Toponym], old: list[Toponym]) -> bool:
    """Every new place in the country of the old ones, and in the same province
    when the old ones are a province."""
    for t in new:
        p = t.place
        if p is None:
            return False
        ok = False
        for o in old:
            q = o.place
            if q is None or q.country_code != p.country_code:
                continue
            if (
                q.precision == "country"
                or q.gazetteer_id == p.gazetteer_id
                or (q.precision == "region" and q.admin1 and q.admin1 == p.admin1)
                or (q.precision == "city" and p.precision == "site" and q.admin1 == p.admin1)
            ):
                ok = True
        if not ok:
            return False
    return True


def _same_places(new: list[Toponym], old: list[Toponym]) -> bool:
    ids = {t.place.gazetteer_id or t.place.name for t in old if t.place}
    return bool(new) and all(t.place and (t.place.gazetteer_id or t.place.name) in ids for t in new)


def _crowds_own_places(f: SentenceFacts, kind: tuple[str, str] | None) -> tuple[Toponym, ...]:
    """A demonstration's places, without the foreign ones of the reason it gives
    ("rallied in Paltan, condemning the attacks on Gaza": Paltan). A reason's place
    in the crowd's own country may be where the crowd was ("protested against the
    minister in Jalandhar"), so only a place abroad of the main clause's is dropped."""
    if kind is None or kind[0] not in CROWD_ACTORS:
        return f.toponyms
    cut = reason_start(f.spoken)
    if cut is None:
        return f.toponyms
    at = f.start + cut
    # the crowd's town or site (a region's name may be a word: "the Civic Centre")
    home = {
        t.place.country_code
        for t in event_places(tuple(x for x in f.toponyms if x.start < at))
        if t.place and t.place.precision in ("city", "site")
    }
    if not home:
        return f.toponyms
    return tuple(
        t for t in f.toponyms if t.start < at or t.place is None or t.place.country_code in home
    )


def _roles(places: list[Toponym], toponyms: tuple[Toponym, ...]) -> list[Toponym]:
    """Drop nationalities of victims, forces and actors (module docstring): a
    demonym stands for the place only when the sentence names no other place
    (found or not) and its demonyms name one country ("Iraqi protesters")."""
    demonyms = [t for t in places if t.kind == "demonym"]
    if not demonyms:
        return places
    others = [t for t in toponyms if t.kind != "demonym"]
    countries = {t.place.country_code for t in demonyms if t.place}
    if others or len(countries) != 1:
        return [t for t in places if t.kind != "demonym"]
    return places


def _kinds_agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] == b[0] or (a[0] in VIOLENT_TYPES and b[0] in VIOLENT_TYPES)


def build_events(
    source: str,
    facts: list[SentenceFacts],
    *,
    dated: bool = True,
    check: Callable[[], None] | None = None,
) -> list[Event]:
    """Events of one document, in reading order, grouped into incidents.

    ``dated`` says whether the document has any date at all (a publication
    date or a date in its text). In an undated document every sentence with
    an event word gives an event (listed "without a date"); in a dated one a
    sentence with no date, no toll and no concrete act is background.
    ``check`` is called every 64 sentences; it raises to stop (the time limit).
    """
    story = _Story(
        source, sorted({d.value for f in facts for d in f.dates if d.precision == "day"})
    )
    headlines: list[_Draft] = []
    for n, f in enumerate(facts):
        if check is not None and not n % 64:
            check()
        cur = story.current
        d = _draft(
            f,
            dated,
            after_protest=cur is not None and cur.is_protest,
            after_incident=cur is not None,
        )
        if d is None or (
            d.kind is None
            and not d.own_dates
            and d.killed is None
            and d.injured is None
            and d.turn is None
            and not d.tells_where
        ):
            continue
        if f.headline:
            headlines.append(d)
        else:
            story.read(d)
    incidents = [x for x in story.out if isinstance(x, _Incident)]
    for h in headlines:
        home = _headline_home(h, incidents)
        if home is not None:
            home.sources.append((h.facts.start, h.facts.end))
            if home.killed is None:
                home.take_toll(h)
        elif h.kind is not None:
            story.out.append(_open(h, h.own_dates[0] if h.own_dates else None, h.places))
    events: list[Event] = []
    for x in sorted(story.out, key=_first_offset):
        events += _incident_events(source, x) if isinstance(x, _Incident) else [x]
    return merge_repeats(events)


def _open(d: _Draft, date: DateMention | None, places: list[Toponym]) -> _Incident:
    f = d.facts
    assert d.kind is not None
    return _Incident(
        lead=d,
        kind=d.kind,
        date=date,
        places=places,
        killed=d.killed,
        injured=d.injured,
        sources=[(f.start, f.end)],
        casualty_spans=list(f.casualties.spans),
        actors=list(d.actors),
        estimated=f.casualties.estimated,
        paragraph=f.paragraph,
    )


@dataclass(slots=True)
class _Story:
    """The body of a document read in order: the incidents and rows so far."""

    source: str
    doc_dates: list
    out: list[Event | _Incident] = field(default_factory=list)
    current: _Incident | None = None
    #: The days the last sentence of several days told.
    several_days: list[DateMention] = field(default_factory=list)
    #: The last date told in this paragraph, and the paragraph.
    last_date: DateMention | None = None
    paragraph: int = -1

    def read(self, d: _Draft) -> None:
        if d.facts.paragraph != self.paragraph:
            self.paragraph, self.last_date = d.facts.paragraph, None
        if d.kind is None:
            cur = self.current
            if (
                d.turn is not None
                and cur is not None
                and cur.is_protest
                and d.facts.paragraph == cur.paragraph
                and not d.own_dates
                and (not d.own_place or _goes_on(cur, d))
            ):
                # ACLED codes the event by what it became: "They burnt tyres" after a
                # protest makes it a violent demonstration
                cur.kind = escalate(cur.kind, d.turn)
                cur.sources.append((d.facts.start, d.facts.end))
            if d.tells_where and cur is not None and not d.own_dates:
                _place_from_follow_up(cur, d)
            if d.own_dates:
                self.last_date = d.own_dates[-1]
                if self.current is not None and _dates_the_incident(self.current, d):
                    self.current.date = d.own_dates[0]
            elif self.current is not None and (d.killed or d.injured) and not d.aggregate:
                self.current.absorb(d, refine=False)  # "Around 50 others were wounded."
            return
        base = d.own_dates[0] if d.own_dates else self.last_date
        if d.own_dates:
            self.last_date = d.own_dates[-1]
        common = _common(self.source, d)
        if d.aggregate:
            self.out.append(aggregate_event(d.facts, d.aggregate, base, self.doc_dates, common))
        elif len({x.value for x in d.own_dates}) > 1:
            self.out += place_events(d.facts, d.places, d.own_dates, base, common)
            self.several_days, self.current = list(d.own_dates), None
        elif not d.own_dates and not d.own_place and self.several_days and (d.killed or d.injured):
            self.out.append(_total_over_days(self.source, d, self.several_days))
        elif self.current is not None and _goes_on(self.current, d):
            self.current.absorb(d, refine=True)
        else:
            self.several_days = []
            places = d.places
            if not places and self.current is not None and d.own_dates and _names_no_place(d):
                places = self.current.places  # a new day of the story, told without a place
            self.current = _open(d, base, places)
            self.current.story_place = places is not d.places
            self.out.append(self.current)


def _first_offset(x: Event | _Incident) -> int:
    return x.lead.facts.start if isinstance(x, _Incident) else x.char_start


def _draft(
    f: SentenceFacts, dated: bool, *, after_protest: bool = False, after_incident: bool = False
) -> _Draft | None:
    """What one sentence tells on its own; ``after_protest``: the story's incident
    so far is a protest, which this sentence may tell the turn of; ``after_incident``:
    an incident is being told, whose place (or a finer one) this sentence may tell."""
    spoken = f.spoken
    own_dates = [d for d in f.dates if spoken[d.start - f.start : d.end - f.start].strip()]
    if own_dates and all(_is_since(spoken, x.start - f.start) for x in own_dates):
        return None  # "have voiced outrage since October 17": a state since then
    told = [x for x in own_dates if not _REPORTED_ON.search(spoken, 0, x.start - f.start)]
    if told and len(told) < len(own_dates):
        own_dates = told  # "…, the agency said Saturday, a day after protests": when it was said
    if len(own_dates) > 1:
        own_dates = _event_dates(spoken, f.start, own_dates)
    killed, injured = f.casualties.killed, f.casualties.injured
    kind: tuple[str, str] | None = None
    where: bool | None = None  # tells where the incident was (read at most once)
    if (
        dated
        and not own_dates
        and not killed
        and not injured
        and not CONCRETE_ACTS.search(spoken.lower())
    ):
        # no date, no toll, no concrete act: analysis or background, unless it
        # tells how a protest told before it went on
        turn = turn_of_a_protest(spoken) if after_protest else None
        where = after_incident and _tells_where(spoken)
        if turn is None and not where:
            return None
    else:
        kind = event_kind(f, spoken, killed or 0, injured or 0)
        turn = turn_of_a_protest(spoken) if kind is None and after_protest else None
    places = _roles(event_places(_crowds_own_places(f, kind)), f.toponyms)
    if where is None:
        where = kind is None and after_incident and bool(places) and _tells_where(spoken)
    aggregate = AGGREGATE.search(spoken) if (killed or injured) else None
    if aggregate and _UPDATE.search(spoken) and not AGGREGATE.search(spoken, aggregate.end()):
        if aggregate.group(0).lower().startswith(("death", "toll")):
            aggregate = None  # "the death toll from the blast rose to seven": an update
    actors = sentence_actors(spoken, kind[0]) if kind else ()
    return _Draft(f, kind, own_dates, places, killed, injured, aggregate, actors, turn, where)


def _dates_the_incident(inc: _Incident, d: _Draft) -> bool:
    """ "The militants stormed the base in Diyala on Thursday": a sentence with no
    event word that dates an incident told without a date, at its place or
    referring back to it."""
    if inc.date is not None or len({x.value for x in d.own_dates}) != 1:
        return False
    literal = d.literal
    if literal:
        return _same_places(literal, inc.places) or _inside(literal, inc.places)
    return _about_the_incident(d)


def _place_from_follow_up(cur: _Incident, d: _Draft) -> None:
    """ "The single fatality was in Mandera.", "The attack took place in the north-east
    of the country": where the incident told before without a place, or only by its
    country, happened."""
    placed = [t for t in d.literal if t.place is not None]
    if placed and (not cur.places or _finer(placed, cur.places)):
        cur.places = placed
        cur.sources.append((d.facts.start, d.facts.end))


#: A sentence that tells where something told before happened ("The attack took
#: place in Garissa", "The single fatality was in Mandera").
_TOOK_PLACE = GatedPattern(
    re.compile(
        r"\b(?:took\s+place|happened|occurred|was|were)\s+(?:[\w-]+\s+){0,3}?(?:in|at|near)\b",
        re.I,
    )
)


def _tells_where(spoken: str) -> bool:
    """Whether a sentence refers back to the incident before it and says where it
    took place ("The attack took place in Garissa")."""
    return bool(
        (_THE_INCIDENT.search(spoken) or _THE_VICTIMS.search(spoken)) and _TOOK_PLACE.search(spoken)
    )


def _names_no_place(d: _Draft) -> bool:
    return not any(t.kind not in ("said", "modifier", "origin", "actor") for t in d.facts.toponyms)


#: A date that tells when something was said ("ISNA said Saturday").
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told\s+[\w-]+|reported|announced|added|stated)\s+(?:on\s+|late\s+|early\s+)?$",
    re.I,
)


_SINCE = re.compile(r"\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?)?$")


#: A clause that begins with "since" and runs on to the date ("since Turkey began
#: two operations in northern Iraq in June"): the date starts the period too.
_SINCE_CLAUSE = re.compile(r"\b(?:since|ever\s+since)\s+[^,;.:()]{0,90}$", re.I)


#: A marker of another time (:data:`OTHER_TIME_MARKERS`) in the clause before a date.
_OTHER_TIME_WORDS = "|".join(m.replace(" ", r"\s+") for m in OTHER_TIME_MARKERS)
_OTHER_TIME = re.compile(rf"\b(?:{_OTHER_TIME_WORDS})\b[^,;]*$", re.I)


#: What joins two dates of one role: "on June 14 and June 16", "12, 13 and 14 May".
_COORDINATED = re.compile(r"\s*(?:,|,?\s+(?:and|or|to|through))\s+(?:on\s+)?", re.I)


def _event_dates(spoken: str, offset: int, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence's own event among several: the first one; later ones
    joined to a kept one ("on 5 and 6 May"); in a sentence opened by its date, those
    opening a clause of their own (:func:`~geo.extraction.events.opens_its_clause`);
    in another, those not in a clause about another time (:data:`OTHER_TIME_MARKERS`).
    A year or a month counts only when no day is told ("the dues unpaid since 2018").

    >>> from datetime import date
    >>> s = "On 7 May, workers rallied against the blockade announced for 6-8 May."
    >>> a = DateMention(3, 8, "7 May", date(2024, 5, 7), "day")
    >>> b = DateMention(62, 69, "6-8 May", date(2024, 5, 6), "day")
    >>> [d.text for d in _event_dates(s, 0, [a, b])]
    ['7 May']
    """
    first, *later = sorted(dates, key=lambda d: d.start)
    lead = opens_its_clause(spoken, offset, first, lead_only=True)
    kept, prev, prev_kept = [first], first, True
    for d in later:
        a, b = prev.end - offset, d.start - offset
        if _COORDINATED.fullmatch(spoken, a, b):
            keep = prev_kept  # "on June 14 and June 16": the role of the one before
        elif lead:
            keep = opens_its_clause(spoken, offset, d)
        else:
            keep = not _OTHER_TIME.search(spoken, max(0, b - 150), b)
        if keep:
            kept.append(d)
        prev, prev_kept = d, keep
    if any(d.precision == "day" for d in kept):
        kept = [d for d in kept if d.precision == "day"]
    return kept


def _is_since(spoken: str, at: int) -> bool:
    """Whether the date at ``at`` starts a period ("since 17 October", "since the
    army began its offensive in June")."""
    return bool(
        _SINCE.search(spoken, max(0, at - 30), at)
        or _SINCE_CLAUSE.search(spoken, max(0, at - 100), at)
    )


def _goes_on(inc: _Incident, d: _Draft) -> bool:
    """Whether ``d`` goes on telling ``inc`` rather than opening an incident."""
    if d.own_dates and inc.date is not None and d.own_dates[0].value != inc.date.value:
        return False
    if d.own_dates and inc.date is None:
        # a date for an incident told without one: the same kind of event, told on
        if len({x.value for x in d.own_dates}) > 1 or d.kind is None:
            return False
        if not _kinds_agree(d.kind, inc.kind):
            return False
    if (
        d.facts.paragraph != inc.paragraph
        and d.kind is not None
        and not d.own_dates
        and not _about_the_incident(d)
    ):
        return False  # a new paragraph that does not refer back tells something else
    if not d.own_place or (not d.own_dates and _THE_VICTIMS.search(d.facts.spoken)):
        return True
    literal = d.literal
    if not inc.places:
        return d.own_dates != [] or _about_the_incident(d)
    return _same_places(literal, inc.places) or _inside(literal, inc.places)


_THE_INCIDENT = GatedPattern(
    re.compile(
        r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:attack|strike|blast|explosion|bombing|incident|"
        r"assault|raid|clash(?:es)?|shooting|violence|protests?|demonstrations?|unrest|"
        r"fatalit(?:y|ies)|deaths?|killings?)\b",
        re.I,
    )
)


#: "the contractor who was killed", "40 others were wounded": victims already told.
_THE_VICTIMS = GatedPattern(
    re.compile(
        r"\bthe\s+(?:[\w-]+\s+){0,4}(?:who|that)\s+(?:was|were|had\s+been|have\s+been)\s+"
        r"(?:killed|wounded|injured|hurt)\b|\bthe\s+(?:victims|dead|wounded|injured)\b|"
        # "about 40 others were wounded": others than the victims told before
        r"\b(?:\d+|dozens|scores|hundreds|several|many|some|a\s+few|[a-z]+(?:ty|teen)|two|three|"
        r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:more\s+)?others\b",
        re.I,
    )
)


def _about_the_incident(d: _Draft) -> bool:
    """ "The attack took place in …", "the contractor who was killed": a sentence
    that refers back to the incident told before."""
    return bool(_THE_INCIDENT.search(d.facts.spoken) or _THE_VICTIMS.search(d.facts.spoken))


def _headline_home(h: _Draft, incidents: list[_Incident]) -> _Incident | None:
    """The body incident a headline repeats, or ``None``."""
    if h.kind is None and not (h.killed or h.injured):
        return None
    for inc in incidents:
        if inc.lead.facts.headline:
            continue
        toll_agrees = bool(h.killed) and inc.killed is not None and h.killed <= inc.killed
        if h.kind is not None and not _kinds_agree(h.kind, inc.kind) and not toll_agrees:
            continue
        if h.own_dates and inc.date is not None and h.own_dates[0].value != inc.date.value:
            continue
        if h.killed and inc.killed is not None and h.killed > inc.killed:
            continue
        hp = [t for t in h.places if t.place]
        if hp and inc.places:
            countries = {t.place.country_code for t in inc.places if t.place}
            if not any(t.place.country_code in countries for t in hp):  # type: ignore[union-attr]
                continue
        return inc
    return None


def _common(source: str, d: _Draft) -> dict:
    f = d.facts
    return {
        "source": source,
        "char_start": f.start,
        "char_end": f.end,
        "source_text": f.text,
        "event_type": d.kind[0] if d.kind else "",
        "sub_event_type": d.kind[1] if d.kind else "",
        "actors": d.actors,
        "casualties_estimated": f.casualties.estimated,
        "sources": ((f.start, f.end),),
        "casualty_spans": f.casualties.spans,
    }


def _total_over_days(source: str, d: _Draft, days: list[DateMention]) -> Event:
    """A toll told after a sentence of several days: the total over them."""
    f = d.facts
    first, last = min(days, key=lambda x: x.value), max(days, key=lambda x: x.value)
    return Event(
        event_id=f"{source}:{f.start}:agg",
        incident_id=f"{source}:{f.start}",
        place=None,
        event_date=last.value,
        date_precision=last.precision,
        fatalities=d.killed or 0,
        injuries=d.injured or 0,
        incident_fatalities=d.killed or 0,
        incident_injuries=d.injured or 0,
        is_aggregate=True,
        period_start=first.value,
        period_end=last.value,
        **_common(source, d),
    )


def _incident_events(source: str, inc: _Incident) -> list[Event]:
    """The rows of one incident: one per place, its toll split over them."""
    f = inc.lead.facts
    common = _common(source, inc.lead)
    common.update(
        sources=tuple(dict.fromkeys(inc.sources)),
        casualty_spans=tuple(sorted(set(inc.casualty_spans))),
        actors=tuple(dict.fromkeys(inc.actors)),
        casualties_estimated=inc.estimated,
        event_type=inc.kind[0],
        sub_event_type=inc.kind[1],
    )
    lead = replace(
        f,
        casualties=replace(f.casualties, killed=inc.killed, injured=inc.injured),
    )
    own = [inc.date] if inc.date is not None and inc.date in inc.lead.own_dates else []
    # the places came from a follow-up that told the whole toll ("Protests were
    # held across Kenya …" then "… tear gas in Nairobi, and two people were
    # killed in Kisumu"): that sentence's clauses say where the dead were
    told = inc.placed_by
    home_in = (
        told.facts if told and (told.killed, told.injured) == (inc.killed, inc.injured) else None
    )
    events = place_events(lead, inc.places, own, inc.date, common, home_in=home_in)
    basis = _place_basis(inc)
    return [replace(e, other_tolls=tuple(inc.other_tolls), place_basis=basis) for e in events]


#: Why an incident's place was chosen, by the kind of the names it came from.
_BASIS_OF_KIND = {
    "demonym": "the crowd's nationality: no place is named",
    "reference": "the anchor of a distance: no other place is named",
    "offset": "told by its distance and direction from a place (a point near it)",
    "road": "on a road named by the towns it joins: a point near the first of them",
    "local": "the town a local body or building is named after: no other place is named",
    "dateline": "the dateline: no other place is named",
}


def _place_basis(inc: _Incident) -> str:
    if not inc.places:
        return ""
    if inc.story_place:
        return "the story's place: the sentence of this day names none"
    kinds = {t.kind for t in inc.places}
    if len(kinds) == 1 and (k := next(iter(kinds))) in _BASIS_OF_KIND:
        return _BASIS_OF_KIND[k]
    lead = inc.lead.facts
    if any(not lead.start <= t.start < lead.end for t in inc.places):
        return "named in a later sentence about the same incident"
    return "named in the sentence (the finest place it tells)"
