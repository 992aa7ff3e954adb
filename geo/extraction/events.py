"""From sentences with dates, places and casualties to events.

* :func:`classify` gives ACLED's event type and sub-event type from the
  sentence's wording, or ``None`` when the sentence tells no event;
* :func:`find_actors` lists the named actors ("Asayeb Ahl al-Haq", "Iraqi
  security forces", "US forces");
* :func:`build_events` makes one row per event and place: the toll of an
  incident in several places is split so the rows sum to it (ACLED practice),
  a cumulative tally becomes one aggregate row with its period, and the same
  incident told twice is merged (both sentences kept as sources).

Example
-------
>>> classify("Iraqi protesters gathered in Tahrir Square.")
('Protests', 'Peaceful protest')
>>> classify("A US drone strike killed two commanders.")
('Explosions/Remote violence', 'Air/drone strike')
>>> split_toll(44, 2)
[22, 22]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta

from geo.gazetteer.country_parts import direction_of, part_name, part_point
from geo.lexicon.codebook import main_clause, retype
from geo.lexicon.event_rules import COMPILED, COMPILED_REFINEMENTS
from geo.lexicon.taxonomy import CROWD_ACTORS, VIOLENT_TYPES
from geo.lexicon.words import CARDINALS, PART_OF_A_TOLL, WHOLE_COUNTRY
from geo.models import Casualties, DateMention, Event, Place, Toponym, precision_rank

_COUNT_WORDS = "|".join(w for w in CARDINALS if w not in ("a", "an", "zero"))
_QUOTE = re.compile(r"[“\"”]([^“”\"]*)(?:[”\"]|$)")
AGGREGATE = re.compile(
    r"\b(?:since|so\s+far|in\s+total|a\s+total\s+of|to\s+date|overall|cumulative|"
    rf"{WHOLE_COUNTRY}|"
    rf"death\s+toll|(?P<n>\d+|{_COUNT_WORDS})\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?:after|since|of|into)|"
    r"(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?P<n2>\w+)\s+(?P<unit2>days|weeks|months|years))\b",
    re.I,
)


def classify(sentence: str, *, skip: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """ACLED event type and sub-event type of a sentence, or ``None``.

    Rules whose sub-event type is in ``skip`` are passed over.
    """
    for event_type, sub, pattern in COMPILED:
        if sub in skip:
            continue
        if pattern.search(sentence):
            if event_type == "Strategic developments":
                for t, s, p in COMPILED_REFINEMENTS:
                    if p.search(sentence):
                        return t, s
            return event_type, sub
    return None


_ACTOR_PATTERNS = [
    re.compile(
        r"\b(?:[A-Z][\w’'-]+\s+){0,2}(?:security\s+forces|forces|troops|military|army|police|"
        r"air\s+force|militias?|government)\b"
    ),
    re.compile(
        r"\b(?:[A-Z][a-z]+[\w’'-]*(?:\s+(?:al-|el-|of\s+|Ahl\s+)?[A-Z][\w’'-]+){1,4})\b(?=,|\s+militia)"
    ),
    re.compile(
        r"\b(?:IS|ISIS|ISIL|PKK|PMF|PMU|IRGC|TMF|YPG|SDF|Hezbollah|Daesh|Hamas|Taliban|al-Shabaab|"
        r"Kataeb\s+Hezbollah|Asa[iy]eb\s+Ahl\s+al-Haq|Hashed\s+al-Sha[’']?abi|Peshmerga)\b"
    ),
    re.compile(r"\b(?:protesters|demonstrators|rioters)\b", re.I),
]
_GENERIC_ACTOR = re.compile(
    r"^(?:the\s+)?(?:forces|troops|military|army|police|government|militias?)$", re.I
)


def find_actors(sentence: str) -> tuple[str, ...]:
    """Named actors of a sentence, in order of appearance, no repeats.

    >>> find_actors("A militia, Asayeb Ahl al-Haq, opened fire on protesters.")
    ('Asayeb Ahl al-Haq', 'Protesters')
    """
    found: list[tuple[int, str]] = []
    for i, pattern in enumerate(_ACTOR_PATTERNS):
        for m in pattern.finditer(sentence):
            text = m.group(0).strip()
            if (
                i == 1
                and not re.search(r"\bmilitia\b.{0,20}$", sentence[: m.start()], re.I)
                and not sentence[m.end() :].lstrip().startswith("militia")
            ):
                continue
            if _GENERIC_ACTOR.match(text):
                continue
            if i == 3:
                text = "Rioters" if m.group(0).lower().startswith("rioter") else "Protesters"
            text = re.sub(r"^(?:The|On|In|During|Also)\s+", "", text)
            if any(text in f or f in text for _, f in found):
                continue
            found.append((m.start(), text))
    return tuple(t for _, t in sorted(found))


def split_toll(total: int, parts: int) -> list[int]:
    """Split a toll over ``parts`` places so the shares sum to ``total``.

    >>> split_toll(5, 2)
    [3, 2]
    """
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def strip_quotes(text: str) -> str:
    """The text with quoted speech blanked out (same length, same offsets).

    A quote left open runs to the end of its paragraph.

    >>> strip_quotes('He said: “They were killed.” Then left.')
    'He said:                     Then left.'
    """
    return "\n".join(_QUOTE.sub(lambda m: " " * len(m.group(0)), para) for para in text.split("\n"))


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the earlier stages found in one sentence."""

    start: int
    end: int
    text: str
    #: The text with quoted speech blanked out.
    spoken: str
    paragraph: int
    dates: tuple[DateMention, ...]
    toponyms: tuple[Toponym, ...]
    casualties: Casualties
    #: A headline or standfirst line (:attr:`geo.models.Sentence.headline`).
    headline: bool = False


#: A sentence opened by its date ("On 13 November 2023, …", "Around 6 November"):
#: the date of the sentence's event, told first as news and ACLED notes do. A later
#: date is another event's only in a clause of its own ("…, and on 14 November …").
LEAD_DATE = re.compile(r"\W*(?:(?:late|early)\s+)?(?:on|around|about|in)?\s*$", re.I)
NEW_CLAUSE_DATE = re.compile(
    r"(?:[,;]|\band|\bthen|\bbut)\s+(?:again\s+|later\s+|then\s+)?"
    r"(?:(?:late|early)\s+)?(?:on|in)\s+(?:the\s+)?$",
    re.I,
)


def opens_its_clause(spoken: str, offset: int, d: DateMention, *, lead_only: bool = False) -> bool:
    """Whether the date ``d`` opens the sentence ``spoken`` (at ``offset`` in the
    document) or, unless ``lead_only``, a clause of its own ("…, and on 6 May …"): what
    follows it, up to the next date, happened then.

    >>> from datetime import date
    >>> s = "On 5 May, police fired in Kano, and on 6 May protesters marched in Kaduna."
    >>> a = DateMention(3, 8, "5 May", date(2021, 5, 5), "day")
    >>> b = DateMention(39, 44, "6 May", date(2021, 5, 6), "day")
    >>> opens_its_clause(s, 0, a, lead_only=True), opens_its_clause(s, 0, b)
    (True, True)
    """
    at = d.start - offset
    if LEAD_DATE.match(spoken, 0, at) is not None:
        return True
    return not lead_only and NEW_CLAUSE_DATE.search(spoken, max(0, at - 40), at) is not None


def _one_country(toponyms: list[Toponym]) -> list[Toponym]:
    """Those of the country most of them lie in (the first named on a tie): names
    that only modify ("Narok County Government", "the Maasai Mara reserve") may hide a
    namesake abroad."""
    if len({t.place.country_code for t in toponyms if t.place}) <= 1:
        return toponyms
    codes = [t.place.country_code for t in toponyms if t.place]
    best = max(dict.fromkeys(codes), key=codes.count)
    return [t for t in toponyms if t.place and t.place.country_code == best]


def event_places(toponyms: tuple[Toponym, ...]) -> list[Toponym]:
    """The places where a sentence's event happened: the finest ones told.

    Modifiers ("US forces") and demonyms count only when nothing else is
    there, nor the area that holds a place the sentence names ("Cox's Bazar" in
    "Chakaria town (Cox's Bazar, Chittagong)", when the gazetteer lacks Chakaria),
    nor the home of the people who acted ("residents of Mansa blocked traffic"),
    and a dateline's city ("BAGHDAD (Reuters) -", where the report was
    filed) only when no other place is told, nor one that only measures a
    distance ("170 km east of Sanaa"); a city that only locates a site
    ("Baghdad's Tahrir Square") is context, not a second place.
    """
    placed = [t for t in toponyms if t.place is not None]
    placed = [t for t in placed if t.kind not in ("said", "origin", "actor")]  # not where
    literal = [
        t
        for t in placed
        if t.kind
        not in ("modifier", "local", "home", "demonym", "dateline", "reference", "container")
    ]
    pool = (
        literal
        # the area that holds a place the gazetteer lacks: "in Chakaria town (Cox's Bazar"
        or [t for t in placed if t.kind == "container"]
        # a town naming a local body: "protested at the Bengaluru Metropolitan Corporation"
        or [t for t in placed if t.kind == "local"]
        # where the people who acted live: "residents of Mansa blocked traffic"
        or [t for t in placed if t.kind == "home"]
        or [t for t in placed if t.kind == "dateline"]
        or [t for t in placed if t.kind == "reference"]
        # a town or province naming the group that acted ("Puducherry Pradesh Congress
        # Committee led a demonstration"): where its unit is, not a country's adjective
        or _one_country(
            [t for t in placed if t.kind == "modifier" and t.place.precision != "country"]
        )  # type: ignore[union-attr]
        or [t for t in placed if t.kind == "demonym"]
    )
    if not pool:
        return []
    finest = min(precision_rank(t.place.precision) for t in pool)  # type: ignore[union-attr]
    chosen = [t for t in pool if precision_rank(t.place.precision) == finest]  # type: ignore[union-attr]
    seen: dict[str, Toponym] = {}
    for t in chosen:
        seen.setdefault(t.place.gazetteer_id or t.place.name, t)  # type: ignore[union-attr]
    return list(seen.values())


#: "raiders kill Turkana", "gunmen killed a number of villagers": a killing done, its
#: toll untold (not "the killing of", "threatened to kill").
_FINITE_KILL = re.compile(
    r"(?<!\bto\s)(?<!\bthe\s)(?<!\bthose\s)(?<!\bwho\s)(?<!\bwere\s)(?<!\bwas\s)"
    r"(?<!\bbeen\s)(?<!\bbeing\s)\b(?:kill|kills|killed)\s+(?!(?:in|on|at|by|during|when|"
    r"while|after|as|and|or|of|for|with|over|near|earlier|later|last|this)\b)[A-Za-z]",
    re.I,
)
#: A violent act on someone, told by its verb: an attack even when no one is
#: counted ("gunmen attack a village", "a chief was murdered", "raiders shoot a
#: herder"), unlike a bare "killed", which may only report a toll told elsewhere.
_SHOT = re.compile(
    r"shot|shoot|stab(?:s|bed|bing)|assassinat|murder(?:ed|s)\b|hack(?:ed|s)\b|behead|tortur|lynch|"
    r"fired\s+at|open(?:s|ed)?\s+fire|fire[sd]?\s+on|under\s+(?:gun)?fire|gunned\s+down|"
    r"set\s+alight|doused|whipped|targeted|bod(?:y|ies)|found\s+(?:dead|killed|murdered|strangled)|"
    r"execut(?:ed|ing)\b|hijack|slaughter|slew|axed|thrash|beat(?:en|s)?\s+up|burn[td]\s+alive|"
    r"acid|fired\s+(?:\w+\s+){0,2}?(?:shots|bullets|rounds|upon)|killed\s+by|"
    r"(?:bullet|stab|gunshot)\s+(?:injur|wound)|(?:in|during)\s+an?\s+(?:[\w-]+\s+){0,2}?attack\s+by|"
    r"^\W*(?:[\w-]+\s+){0,3}attacks?\s+by|under\s+(?:an?\s+)?(?:[\w-]+\s+)?attack|"
    r"carried\s+out\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?attack|"
    r"\battack(?:s|ed)?\s+(?!on\b|in\b|at\b|near\b|by\b)(?:an?\s+|the\s+|two\s+|\w+\s+)?\w",
    re.I,
)
_PART_OF_A_TOLL = re.compile(rf"\b{PART_OF_A_TOLL}", re.I)
_PROTEST_HINT = re.compile(
    r"protest|demonstrat|rall|march|strike|sit-in|gather|block|barricad|riot|human\s+chain|"
    r"procession|hartal|picket|gherao"
)


def event_kind(f: SentenceFacts, spoken: str, killed: int, injured: int) -> tuple[str, str] | None:
    """The sentence's ACLED type and sub-event type, or ``None`` when it tells no event:
    the trigger table's, then the codebook's actor rules (:mod:`geo.lexicon.codebook`)."""
    if not spoken.strip():
        return None
    kind = classify(spoken)
    main = main_clause(spoken) if kind is not None and kind[0] != "Protests" else spoken
    if main != spoken and _PROTEST_HINT.search(main.lower()):
        told = classify(main)  # "staged a protest against Israel's military operation"
        if told is not None and told[0] in ("Protests", "Riots"):
            kind = told  # "riots broke out in response to the beheading of …": the riot
    if (
        kind is not None
        and kind[1] == "Attack"
        and not killed
        and not injured
        and not _SHOT.search(spoken)
        and not _FINITE_KILL.search(spoken)
    ):
        # "killed" with no one counted: a report, not an attack; maybe something else
        kind = classify(spoken, skip=("Attack",))
        if kind is not None and kind[0] == "Strategic developments":
            kind = None
    if kind is not None and not f.casualties.spans and _PART_OF_A_TOLL.search(spoken):
        return None  # "33 of the killed were activists": about a toll told before
    return retype(kind, spoken)


def sentence_actors(spoken: str, event_type: str) -> tuple[str, ...]:
    """The sentence's actors, with the crowd of a protest or riot (ACLED's convention)."""
    actors = find_actors(spoken)
    crowd = CROWD_ACTORS.get(event_type)
    if crowd and not any(a in CROWD_ACTORS.values() for a in actors):
        actors = (*actors, crowd)  # ACLED's convention: a protest's actor is its crowd
    return actors


def aggregate_event(
    f: SentenceFacts,
    aggregate: re.Match[str],
    base_date: DateMention | None,
    doc_dates: list[date],
    common: dict,
) -> Event:
    """A cumulative tally: one row with its period, never a one-day incident."""
    incident = f"{common['source']}:{f.start}"
    killed, injured = f.casualties.killed or 0, f.casualties.injured or 0
    end = base_date.value if base_date else None
    start = _period_start(aggregate, end, doc_dates)
    place = _common_place(f.toponyms)
    return Event(
        event_id=f"{incident}:agg",
        place=place.place if place else None,
        location_text=place.text if place else "",
        event_date=end,
        date_precision=base_date.precision if base_date else None,
        year_inferred=base_date.year_inferred if base_date else False,
        date_relative=base_date.relative if base_date else False,
        fatalities=killed,
        injuries=injured,
        incident_id=incident,
        incident_fatalities=killed,
        incident_injuries=injured,
        is_aggregate=True,
        period_start=start,
        period_end=end,
        date_span=_span(base_date),
        place_span=_tspan(place),
        **common,
    )


_CLAUSE_BREAK = re.compile(r"[,;:]")


def _toll_home(f: SentenceFacts, places: list[Toponym | None]) -> int | None:
    """The one place a sentence's toll belongs to, when the figures' own clause
    (between commas or semicolons) names it and the sentence's other places lie
    outside that clause: "Police fired tear gas in Nairobi, and two people were
    killed in Kisumu" puts both dead in Kisumu. ``None``: the toll is shared."""
    spans = f.casualties.spans
    if len(places) < 2 or not spans or any(p is None for p in places):
        return None
    text, base = f.text, f.start
    a, b = min(s for s, _ in spans) - base, max(e for _, e in spans) - base
    if not (0 <= a <= b <= len(text)):
        return None
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, a)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, b)), len(text))
    inside = [n for n, p in enumerate(places) if left <= p.start - base and p.end - base <= right]
    return inside[0] if len(inside) == 1 else None


def place_events(
    f: SentenceFacts,
    places: list[Toponym],
    own_dates: list[DateMention],
    base_date: DateMention | None,
    common: dict,
    *,
    home_in: SentenceFacts | None = None,
) -> list[Event]:
    """One row per place of the incident, its toll split so the rows sum to it.

    ``home_in``: the sentence whose clauses tell where the toll belongs, when
    it is not ``f`` (a follow-up that named the places and told the toll).
    """
    incident = f"{common['source']}:{f.start}"
    killed, injured = f.casualties.killed or 0, f.casualties.injured or 0
    if len({d.value for d in own_dates}) > 1 and places:
        places = _places_by_date(_day_pool(f.toponyms, places), own_dates, f)
    targets: list[Toponym | None] = list(places) or [None]
    pairs = [
        (t, _nearest_date(t, own_dates, f) if t is not None and own_dates else base_date)
        for t in targets
    ]
    days = {x.value: x for x in own_dates}
    if len(days) > 1 and len({id(t) for t in targets}) == 1 and targets[0] is not None:
        # "operations in northern Iraq on June 14 and June 16": that place on each day
        pairs = [(targets[0], d) for d in days.values()]
    k_shares = split_toll(killed, len(pairs))
    i_shares = split_toll(injured, len(pairs))
    home = _toll_home(home_in or f, [t for t, _ in pairs])
    if home is not None:  # the toll's own clause names one of the places: all of it is there
        k_shares = [killed if n == home else 0 for n in range(len(pairs))]
        i_shares = [injured if n == home else 0 for n in range(len(pairs))]
    out = []
    for n, (t, d) in enumerate(pairs):
        # one sentence telling two days tells two incidents
        inc = incident if len(days) <= 1 or d is None else f"{incident}:{d.value}"
        out.append(
            Event(
                event_id=f"{incident}:{n}",
                place=_in_part(t) if t else None,
                location_text=t.text if t else "",
                event_date=d.value if d else None,
                date_precision=d.precision if d else None,
                year_inferred=d.year_inferred if d else False,
                date_relative=d.relative if d else False,
                fatalities=k_shares[n],
                injuries=i_shares[n],
                incident_id=inc,
                incident_fatalities=killed,
                incident_injuries=injured,
                date_span=_span(d),
                place_span=_tspan(t),
                candidates=t.candidates[1:] if t else (),
                **common,
            )
        )
    if len(days) > 1:  # each day its own incident: its toll is its rows' sum
        killed_by: dict[str, int] = {}
        injured_by: dict[str, int] = {}
        for e in out:
            killed_by[e.incident_id] = killed_by.get(e.incident_id, 0) + e.fatalities
            injured_by[e.incident_id] = injured_by.get(e.incident_id, 0) + e.injuries
        out = [
            replace(
                e,
                incident_fatalities=killed_by[e.incident_id],
                incident_injuries=injured_by[e.incident_id],
            )
            for e in out
        ]
    return out


def _span(d: DateMention | None) -> tuple[int, int] | None:
    return (d.start, d.end) if d else None


def _tspan(t: Toponym | None) -> tuple[int, int] | None:
    return (t.start, t.end) if t else None


def names_a_part(t: Toponym) -> bool:
    """Whether a toponym names a part of a country by direction ("southern Iraq"): the
    finder gives it the country, the event a point inside that part (:func:`_in_part`)."""
    return t.kind == "region" and t.place is not None and t.place.precision == "country"


def _in_part(t: Toponym) -> Place | None:
    """An event's place; for a part of a country named by direction ("southern
    Iraq", "the south of the country"), a point inside that part at ``region``
    precision rather than the country's point (see :mod:`geo.gazetteer.country_parts`)."""
    p = t.place
    if p is None or not names_a_part(t):
        return p
    direction = direction_of(t.text)
    point = part_point(p.country_code, direction) if direction else None
    if point is None:
        return p
    return replace(
        p,
        name=part_name(direction, p.name),
        latitude=point[0],
        longitude=point[1],
        precision="region",
        gazetteer_id=f"{p.gazetteer_id}@{direction}",
    )


def _day_pool(toponyms: tuple[Toponym, ...], places: list[Toponym]) -> tuple[Toponym, ...]:
    """The toponyms a sentence of several days shares out among its days: a
    demonym or an adjective ("attacks on Turkish army bases") is no day's place
    when the sentence names a place."""
    told = {id(t) for t in places}
    named = any(t.kind not in ("demonym", "modifier") for t in places)
    return tuple(
        t for t in toponyms if id(t) in told or not (named and t.kind in ("demonym", "modifier"))
    )


def _places_by_date(
    toponyms: tuple[Toponym, ...], dates: list[DateMention], f: SentenceFacts
) -> list[Toponym]:
    """Places of a sentence that tells two days: the finest for each day.

    "… a general strike on 21 December in al-Diwaniyah and Basra and blocked
    roads in southern Iraq the following day" → the two cities, and Iraq.
    """
    groups: dict[object, list[Toponym]] = {}
    for t in toponyms:
        if t.place is not None:
            groups.setdefault(_nearest_date(t, dates, f).value, []).append(t)
    out: list[Toponym] = []
    for group in groups.values():
        out.extend(event_places(tuple(group)))
    return out


def _nearest_date(t: Toponym, dates: list[DateMention], f: SentenceFacts) -> DateMention:
    """The date a place of the sentence ``f`` goes with: the last date before it
    that opens its clause ("On 5 May, … in Kano, and on 6 May … in Kaduna"), when
    no other date comes between; else the nearest ("a strike on 21 December in
    al-Diwaniyah, and blocked roads in southern Iraq the following day")."""
    before = [d for d in dates if d.end <= t.start]
    if before:
        last = max(before, key=lambda d: d.start)
        if opens_its_clause(f.spoken, f.start, last):
            return last
    return min(dates, key=lambda d: min(abs(d.start - t.end), abs(t.start - d.end)))


def _common_place(toponyms: tuple[Toponym, ...]) -> Toponym | None:
    """The one place a tally covers: the coarsest place told, if they agree."""
    places = [t for t in toponyms if t.place and t.kind not in ("modifier", "demonym", "dateline")]
    if not places:
        return None
    codes = {t.place.country_code for t in places}  # type: ignore[union-attr]
    if len(codes) > 1:
        return None
    return max(places, key=lambda t: precision_rank(t.place.precision))  # type: ignore[union-attr]


def _period_start(m: re.Match[str], end: date | None, doc_dates: list[date]) -> date | None:
    unit, word = m.group("unit") or m.group("unit2"), m.group("n") or m.group("n2")
    if end is None or not unit:
        return None
    word = word.lower()
    n = int(word) if word.isdigit() else CARDINALS.get(word)
    if n is None:
        return None
    unit = unit.lower().rstrip("s")
    start = (
        end
        - {
            "day": relativedelta(days=n),
            "week": relativedelta(weeks=n),
            "month": relativedelta(months=n),
            "year": relativedelta(years=n),
        }[unit]
    )
    # snap to a date the document tells, within ten days ("protests began on 1 October")
    near = [d for d in doc_dates if abs((d - start).days) <= 10]
    return min(near, key=lambda d: abs((d - start).days)) if near else start


def merge_repeats(events: list[Event]) -> list[Event]:
    """The same incident told twice becomes one event with both sources."""
    out: list[Event] = []
    by_date: dict[date, list[int]] = {}  # twins share a date: look only there
    for e in events:
        twin = None
        if not e.is_aggregate and e.event_date is not None:
            for i in by_date.get(e.event_date, ()):
                if _same_incident(out[i], e):
                    twin = i
                    break
        if twin is None:
            if e.event_date is not None:
                by_date.setdefault(e.event_date, []).append(len(out))
            out.append(e)
            continue
        o = out[twin]
        keep, other = (o, e) if precision_rank(_prec(o)) <= precision_rank(_prec(e)) else (e, o)
        out[twin] = replace(
            keep,
            fatalities=max(o.fatalities, e.fatalities),
            injuries=max(o.injuries, e.injuries),
            incident_fatalities=max(o.incident_fatalities, e.incident_fatalities),
            incident_injuries=max(o.incident_injuries, e.incident_injuries),
            sources=tuple(dict.fromkeys(o.sources + e.sources)),
            actors=tuple(dict.fromkeys(keep.actors + other.actors)),
        )
    return out


def _prec(e: Event) -> str:
    return e.place.precision if e.place else "country"


def _same_incident(a: Event, b: Event) -> bool:
    if a.event_date != b.event_date or a.date_precision != "day" or a.is_aggregate:
        return False
    if a.incident_id == b.incident_id:
        return False
    if a.place is None or b.place is None:
        return False
    same_place = a.place.gazetteer_id == b.place.gazetteer_id or (
        a.place.country_code == b.place.country_code
        and "country" in (a.place.precision, b.place.precision)
    )
    if not same_place:
        return False
    counts_agree = a.incident_fatalities == b.incident_fatalities or 0 in (
        a.incident_fatalities,
        b.incident_fatalities,
    )
    same_kind = a.event_type == b.event_type or (
        a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES
    )
    return (
        counts_agree
        and same_kind
        and (a.incident_fatalities > 0 or b.incident_fatalities > 0 or a.event_type == b.event_type)
    )
