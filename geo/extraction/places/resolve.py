"""Choosing each name's place with the document's context."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.extraction.places.find import askable
from geo.extraction.places.mention import Mention
from geo.gazetteer import (
    CandidateSource,
    Entry,
    Gazetteer,
    geocoder_for,
    neighbours,
    normalize,
    prefer_city,
    strip_article,
)
from geo.gazetteer.names import SPELLING_LIKENESS
from geo.lexicon.words import (
    DIVISION_WORD_COUNTRIES,
    GROUPS_OF_COUNTRIES,
    SETTLEMENTS,
)

if TYPE_CHECKING:
    from geo.gazetteer.online import OnlineLookup
    from geo.models import Place


def look_up_online(
    mentions: list[Mention],
    countries: set[str],
    online: OnlineLookup,
    check: Callable[[], None] | None,
) -> None:
    """Places for the mentions the gazetteer left without one, from :mod:`geo.gazetteer.online`,
    kept only in a country the document is about (when it is about any)."""
    within = tuple(sorted(c for c in countries if c))
    for m in mentions:
        if (
            m.place is not None
            or m.kind not in ("unknown", "gazetteer", "variant")
            or not askable(m.text)
        ):
            continue
        if check is not None:
            check()
        entry = online.lookup(m.text, within)
        if entry is None or (within and entry.country_code not in within):
            continue
        m.kind, m.candidates, m.place = "online", [entry], entry.to_place()


#: What joins the items of a list of places: "Arizona, California and Colorado".
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _align_lists(mentions: list[Mention], original: list[list[Entry]], text: str) -> None:
    """Places listed together are of one kind: in "states ... are Arizona, California,
    Georgia" each is a state, in "Russia, Georgia and Armenia" each a country.

    A list of three or more where most items are states (or countries) of one
    country turns the others that can be one into one.
    """
    groups: list[list[int]] = []
    for i, m in enumerate(mentions):
        if (
            groups
            and groups[-1][-1] == i - 1
            and mentions[i - 1].sentence_start == m.sentence_start
            and _LIST_GAP.fullmatch(text, mentions[i - 1].end, m.start)
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if len(group) < 3:
            continue
        kinds = Counter(
            (
                mentions[i].candidates[0].kind,
                mentions[i].candidates[0].country_code
                if mentions[i].candidates[0].kind == "admin1"
                else "",
            )
            for i in group
            if mentions[i].place is not None and mentions[i].candidates
        )
        (kind, cc), n = kinds.most_common(1)[0] if kinds else (("", ""), 0)
        if kind not in ("admin1", "country") or n < 2 or n * 2 <= len(group):
            continue
        for i in group:
            m = mentions[i]
            if m.candidates and m.candidates[0].kind == kind:
                continue
            fit = next(
                (
                    c
                    for c in original[i]
                    if c.kind == kind and (kind == "country" or c.country_code == cc)
                ),
                None,
            )
            if fit is not None:
                m.candidates = [fit] + [c for c in m.candidates if c is not fit]
                m.place = fit.to_place()


#: A city matched by one of its other names scores this much less than one of that name.
ALIAS_PENALTY = 1.0


#: Within this many km of another place the document names, a candidate is near it.
NEAR_KM = 100.0


#: Kinds of place small enough to anchor, or be drawn to, their neighbours.
_ANCHORED = ("city", "site", "admin2")


def _within(lat: float, lon: float, c: Entry, km: float) -> bool:
    """Whether ``c`` lies within ``km`` of the point (a flat approximation, fine at
    these distances)."""
    dy, dx = lat - c.latitude, (lon - c.longitude) * math.cos(math.radians(c.latitude))
    return dy * dy + dx * dx <= (km / 111.2) ** 2


_NEAR_DEG = NEAR_KM / 111.2


def _near(c: Entry, key: str, anchors: tuple[tuple[str, float, float], ...]) -> bool:
    """Whether ``c`` lies within :data:`NEAR_KM` of an anchor named otherwise."""
    clat = c.latitude
    return any(
        abs(lat - clat) <= _NEAR_DEG and name != key and _within(lat, lon, c, NEAR_KM)
        for name, lat, lon in anchors
    )


@dataclass(frozen=True, slots=True)
class Weights:
    """The scores that choose among a name's namesakes, by what each rewards.

    A candidate scores ``log10(prominence + 10)`` (how well known it is) plus
    these. They are judgement, tuned on the dev corpora, and named so that a
    change says what it changes.
    """

    #: A city matched by one of its other names (Victoria, once Hong Kong's).
    alias_penalty: float = ALIAS_PENALTY
    #: A country: a country's name rarely means anything else.
    country: float = 4
    #: A province or county told as one ("Anbar province"), or not told as one.
    division_told: float = 4
    division: float = 0.5
    #: A town told as one ("Najaf city", "Rashad town").
    settlement_told: float = 4
    #: A continent or a curated site.
    continent_or_site: float = 3
    #: Times the candidate's country's share of the document's places.
    focus_share: float = 4
    #: A neighbour of the document's countries counts this fraction of their share.
    neighbour_share: float = 0.5
    #: A state of the one country a document is mostly about ("Georgia" in a US story).
    state_of_focus: float = 5
    #: A town in a province the document names.
    in_named_province: float = 3
    #: A site in the city named beside it ("Baghdad's Tahrir Square").
    site_in_city_told: float = 6
    #: In the country named right after it ("Kirkuk, Iraq") ...
    country_after: float = 5
    #: ... or in the province named right after it ("Springfield, Illinois").
    province_after: float = 3
    #: Near another small place the document names (Edmonton beside Tottenham).
    near_anchor: float = 4
    #: Inside the area named as holding it ("Chakaria town (Cox's Bazar, ...").
    inside_container: float = 6


#: The weights in use.
WEIGHTS = Weights()

#: Focus weights: how much a mention tells what countries a document is about.
FOCUS_COUNTRY, FOCUS_SITE_OR_REGION, FOCUS_DEMONYM, FOCUS_OTHER = 3, 2, 2, 1


@dataclass(frozen=True, slots=True)
class DocContext:
    """What the whole document tells about where it is: read once, used by every name."""

    text: str
    gazetteer: Gazetteer
    #: Country → weight of the mentions that point at it.
    focus: Counter[str]
    #: The country most mentions point at, and whether it has half the weight or more.
    focus_cc: str | None
    dominant: bool
    #: Every country the document is about.
    countries: frozenset[str]
    #: Cities the document names (folded), first candidates only.
    named_cities: frozenset[str]
    #: Provinces and states the document names: (country, folded admin-1 name).
    admin_focus: frozenset[tuple[str, str]]
    #: The focus weights' sum (1 when there are none).
    total: int = 1
    #: Small places resolved without doubt: (folded name, latitude, longitude).
    anchors: tuple[tuple[str, float, float], ...] = ()
    #: Where lookups within the focus country go (``None``: the gazetteer).
    source: CandidateSource | None = None
    #: Called every few hundred mentions: the pipeline's time limit raises there.
    check: Callable[[], None] | None = None
    #: Folded name → the focus votes its own best-known namesake gave (a name does
    #: not vote for its own namesake: "Islamabad" alone is not Chittagong, once
    #: called Islamabad, because Chittagong is the bigger city).
    own_votes: dict[str, Counter[str]] = field(default_factory=dict)
    #: Folded name → the focus votes it gave (what the rest of the document tells
    #: is the focus without them).
    name_votes: dict[str, Counter[str]] = field(default_factory=dict)
    #: Country → weight of the towns (not small ones, nor other names), provinces and
    #: sites alone (news names foreign countries and nationalities in passing:
    #: "deported to Canada").
    local_focus: Counter[str] = field(default_factory=Counter)
    #: (name, candidates) → the candidates :func:`_vouched_towns` keeps, per document.
    vouched: dict[tuple, tuple[Entry, ...]] = field(default_factory=dict)


def _focus(
    mentions: list[Mention],
) -> tuple[Counter[str], dict[str, Counter[str]], dict[str, Counter[str]], Counter[str]]:
    """How much each country's places weigh in the document, the votes each
    ambiguous name gave by its best-known namesake alone (see :func:`_resolve_pass`),
    the votes each name gave, and the weight of the towns, provinces and sites alone
    (see :func:`_candidates`)."""
    focus: Counter[str] = Counter()
    local: Counter[str] = Counter()
    own: dict[str, Counter[str]] = {}
    by_name: dict[str, Counter[str]] = {}
    for m in mentions:
        if not m.candidates or m.kind == "variant":
            continue
        top = m.candidates[0]
        weight = (
            FOCUS_COUNTRY
            if top.kind == "country"
            else FOCUS_SITE_OR_REGION
            if m.kind in ("site", "region")
            else FOCUS_OTHER
        )
        if m.kind == "demonym":
            weight = FOCUS_DEMONYM
        one_country = len({c.country_code for c in m.candidates}) == 1
        # a name two well-known places share tells nothing ("Georgia": the country
        # or the US state): it votes only when its best-known reading is ten times
        # better known than any other country's
        rival = max(
            (c.prominence for c in m.candidates if c.country_code != top.country_code),
            default=0,
        )
        if (one_country or top.kind == "country" or top.prominence >= 500_000) and (
            one_country or top.prominence >= 10 * rival
        ):
            focus[top.country_code] += weight
            if not one_country:  # "Georgia" in an Atlanta story votes for no Georgia
                own.setdefault(normalize(m.text), Counter())[top.country_code] += weight
            by_name.setdefault(normalize(m.text), Counter())[top.country_code] += weight
            if top.kind != "country" and m.kind != "demonym" and not _weak_vote(top, m.text):
                local[top.country_code] += weight
    return focus, own, by_name, local


#: A town smaller than this, in a country the rest of the document does not tell
#: (nor a neighbour of one it tells), is a far namesake: "New Market" in a Dhaka
#: report is a neighbourhood, not New Market, Maryland (population 700).
SMALL_TOWN = 10_000


def _vouched_towns(said: str, cands: list[Entry], ctx: DocContext) -> tuple[Entry, ...]:
    """``cands`` without the towns the rest of the document does not allow (:func:`_vouched`)."""
    own = ctx.name_votes.get(normalize(said))
    others, local = (
        (ctx.focus - own, ctx.local_focus - own) if own else (ctx.focus, ctx.local_focus)
    )
    if not others:
        return tuple(cands)
    return tuple(c for c in cands if c.kind != "city" or _vouched(c, said, cands, others, local))


def _vouched(
    c: Entry, said: str, cands: list[Entry], others: Counter[str], local: Counter[str]
) -> bool:
    """Whether the rest of the document (``others``: its focus without this name's
    own votes, non-empty; ``local``: the same from its towns, provinces and sites)
    allows the town ``c`` for the name ``said``.

    A town's other name (a former, foreign or local name: "Grenade" for Granada,
    "New Market" for Piscataway) names it only in a country the rest of the document
    tells, or where a division bears the name ("Chittagong" the division, named after
    its capital's old name, vouches for Chattogram); a small town needs no more
    unless the rest of the document puts its towns in other countries, not its own
    nor a neighbour.
    """
    cc = c.country_code
    if others[cc] > 0:
        return True
    if _is_alias(c, said):
        return any(x.country_code == cc and x.kind in ("admin1", "admin2", "region") for x in cands)
    return c.population >= SMALL_TOWN or not local or any(others[n] > 0 for n in neighbours(cc))


def _weak_vote(c: Entry, said: str) -> bool:
    """A town that says little of where a document is: small, or named by another
    name (it may be a word or a namesake: "Hindi" for Mariupol, "Moran")."""
    return c.kind == "city" and (c.population < SMALL_TOWN or _is_alias(c, said))


def _is_alias(c: Entry, said: str) -> bool:
    """Whether ``said`` names the town ``c`` by another name than its own, not by a
    spelling of it (:data:`~geo.gazetteer.names.SPELLING_LIKENESS`).

    >>> town = Entry("g:1", "Chattogram", 22.3, 91.8, "city", "BD", "Chittagong", 3_920_222)
    >>> _is_alias(town, "Chittagong"), _is_alias(town, "Chattogram")
    (True, False)
    """
    own, told = strip_article(normalize(c.name)), strip_article(normalize(said))
    return own != told and not _a_spelling(own, told)


@lru_cache(maxsize=65_536)
def _a_spelling(own: str, told: str) -> bool:
    return SequenceMatcher(None, own, told).ratio() >= SPELLING_LIKENESS


#: The division words of :data:`DIVISION_WORD_COUNTRIES`, searched in lower case.
_DIVISION_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(DIVISION_WORD_COUNTRIES, key=len, reverse=True)) + r")s?\b"
)


def _division_word_focus(text: str) -> Counter[str]:
    """The countries whose own division words the text uses (each word once)."""
    out: Counter[str] = Counter()
    said = {m.group(0) for m in _DIVISION_WORDS.finditer(text.lower())}
    # each word once, in the singular or the plural ("upazila", "upazilas")
    for word in {w if w in DIVISION_WORD_COUNTRIES else w[:-1] for w in said}:
        for code in DIVISION_WORD_COUNTRIES[word]:
            out[code] += FOCUS_OTHER
    return out


#: The names of :data:`GROUPS_OF_COUNTRIES`, as whole words (case kept: "ODM", "MQM").
_GROUP_NAMES = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(n)
        for n in sorted(
            (n for names in GROUPS_OF_COUNTRIES.values() for n in names), key=len, reverse=True
        )
    )
    + r")(?![\w-])"
)
_GROUP_COUNTRY = {n: cc for cc, names in GROUPS_OF_COUNTRIES.items() for n in names}


def _group_focus(text: str) -> Counter[str]:
    """The countries whose own parties and armed groups the text names (each once)."""
    out: Counter[str] = Counter()
    for name in {m.group(0) for m in _GROUP_NAMES.finditer(text)}:
        out[_GROUP_COUNTRY[name]] += FOCUS_OTHER
    return out


def document_context(mentions: list[Mention], text: str, gz: Gazetteer) -> DocContext:
    """The document's countries, cities and provinces, from its mentions' candidates
    and the division words it uses."""
    focus, own_votes, name_votes, local_focus = _focus(mentions)
    focus.update(_division_word_focus(text))
    focus.update(_group_focus(text))
    total = sum(focus.values()) or 1
    focus_cc = focus.most_common(1)[0][0] if focus else None
    countries = frozenset(focus)
    return DocContext(
        text=text,
        gazetteer=gz,
        own_votes=own_votes,
        name_votes=name_votes,
        local_focus=local_focus,
        focus=focus,
        focus_cc=focus_cc,
        dominant=bool(focus_cc) and focus[focus_cc] / total >= 0.5,
        total=total,
        countries=countries,
        named_cities=frozenset(
            normalize(c.name) for m in mentions for c in m.candidates[:1] if c.kind == "city"
        ),
        # provinces and states the document names: "Edmonton ... Kentucky" is Edmonton, KY
        admin_focus=frozenset(
            (m.candidates[0].country_code, normalize(m.candidates[0].admin1))
            for m in mentions
            if m.candidates
            and m.kind == "gazetteer"
            and m.candidates[0].kind == "admin1"
            and m.candidates[0].country_code in countries
        ),
    )


def resolve(
    mentions: list[Mention],
    text: str,
    gz: Gazetteer,
    source: CandidateSource | None = None,
    check: Callable[[], None] | None = None,
) -> set[str]:
    """Choose each mention's place; return the countries the document is about.

    ``source`` answers lookups within the focus country (default: ``gz``)."""
    for m in mentions:
        # a name told as one country's own kind of division ("Kamalnagar upazila":
        # Bangladesh's) is a place of that country or of none the gazetteer knows
        codes = DIVISION_WORD_COUNTRIES.get(m.suffix)
        if codes and m.candidates and any(c.country_code not in codes for c in m.candidates):
            m.candidates = [c for c in m.candidates if c.country_code in codes]
            if not m.candidates:
                m.kind = "unknown"
    ctx = document_context(mentions, text, gz)
    if source is not None or check is not None:
        ctx = replace(ctx, source=source, check=check)
    original = [list(m.candidates) for m in mentions]
    holders = [i for i, m in enumerate(mentions) if m.container]
    if holders:  # the areas first: the places inside them are chosen inside them
        _resolve_pass(mentions, original, ctx, only=holders)
    _resolve_pass(mentions, original, ctx)
    # places named together lie together: a town a few miles from another place the
    # document names is that one (Edmonton beside Tottenham is Edmonton, London)
    # (not a metropolis: many namesakes lie within a hundred km of Mexico City)
    # (each anchor once: a long document names the same towns many times)
    anchors = tuple(
        dict.fromkeys(
            (normalize(m.text), m.place.latitude, m.place.longitude)
            for i, m in enumerate(mentions)
            if m.place is not None
            and m.candidates[0].kind in _ANCHORED
            and m.candidates[0].population < 1_000_000
            and len({(round(c.latitude), round(c.longitude)) for c in original[i]}) == 1
        )
    )
    # only a mention with a candidate near an anchor can change
    again = (
        [
            i
            for i, (m, cands) in enumerate(zip(mentions, original, strict=True))
            if len(cands) > 1
            and any(c.kind in _ANCHORED and _near(c, normalize(m.text), anchors) for c in cands)
        ]
        if anchors
        else []
    )
    if again:
        _resolve_pass(mentions, original, replace(ctx, anchors=anchors), only=again)
    _agree_with_contents(mentions)
    _align_lists(mentions, original, text)
    return set(ctx.countries)


def _candidates(
    m: Mention, idx: int, mentions: list[Mention], original: list[list[Entry]], ctx: DocContext
) -> list[Entry]:
    """The namesakes a mention may be, before scoring."""
    gz = ctx.gazetteer
    cands = list(original[idx])
    if not cands and m.kind == "gazetteer" and ctx.focus_cc:
        cands = (ctx.source or geocoder_for(gz)).candidates(m.text, ctx.focus_cc)
    if m.kind == "variant":
        # a spelling variant counts only in a country the document is about (its
        # places, demonyms, division words or parties); with none, a near spelling is
        # no evidence of which country: "in Maranga" (Kenya) is no Maringá, Brazil
        cands = [c for c in cands if c.country_code in ctx.countries]
    if m.kind == "gazetteer" and ctx.countries and any(c.kind == "city" for c in cands):
        key = (m.text, tuple(map(id, cands)))  # a name repeats: weigh its towns once
        kept = ctx.vouched.get(key)
        if kept is None:
            kept = ctx.vouched[key] = _vouched_towns(m.text, cands, ctx)
        cands = list(kept)
    if m.kind == "region" and not cands:
        # "the south of the country": the document's country
        if ctx.focus_cc and gz.country(ctx.focus_cc):
            cands = [gz.country(ctx.focus_cc)]
    if m.kind == "site":
        prev_city = _city_before(mentions, idx, ctx.text)
        cands = [
            c
            for c in cands
            if c.country_code in ctx.countries
            or normalize(c.city) in ctx.named_cities
            or (prev_city and normalize(c.city) == prev_city)
        ]
    return cands


def _country_share(code: str, ctx: DocContext, shares: dict[str, float]) -> float:
    """A country's share of the document's places; a neighbour of the countries the
    text is about counts half of theirs (Gaza in a story about Israel is Gaza,
    Palestine, not Gaza, Mozambique)."""
    share = shares.get(code)
    if share is None:
        share = ctx.focus.get(code, 0) / ctx.total
        near = neighbours(code)
        if near:
            share += (
                WEIGHTS.neighbour_share
                * sum(n for f, n in ctx.focus.items() if f in near)
                / ctx.total
            )
        shares[code] = share
    return share


def _kind_score(c: Entry, m: Mention, said: str) -> float:
    """What the candidate's kind, and the words around the name, add."""
    w = WEIGHTS
    score = 0.0
    if c.kind == "city" and strip_article(normalize(c.name)) != said:
        score -= w.alias_penalty
    if c.kind == "country":
        score += w.country
    elif c.kind in ("admin1", "region", "admin2"):
        score += w.division_told if m.suffix and m.suffix not in SETTLEMENTS else w.division
    elif c.kind == "city" and m.suffix in SETTLEMENTS:
        score += w.settlement_told
    elif c.kind in ("continent", "site"):
        score += w.continent_or_site
    return score


#: How far from an area's point a place inside it may lie (km), by the area's kind.
HOLDS_KM = {"city": 50.0, "site": 10.0, "admin2": 100.0, "admin1": 400.0, "region": 400.0}


def _holds(area: tuple[Entry, ...], c: Entry) -> bool:
    """Whether ``c`` may lie inside the area of one of these readings (the town or
    the division of the area's name: "(Bogra, Rajshahi)" is Rajshahi division);
    a country holds all of its places."""
    for a in area:
        if a == c:
            return True  # "Dinajpur city (Dinajpur, Rangpur)": the town in its district
        if a.country_code != c.country_code:
            continue
        if a.kind in ("country", "continent"):
            return True
        if a.kind == "admin1" and c.admin1 and normalize(c.admin1) == normalize(a.admin1):
            return True  # in that province by name (Paris, Texas lies 450 km from its middle)
        if _within(a.latitude, a.longitude, c, HOLDS_KM.get(a.kind, 100.0)):
            return True
    return False


def _holder(mentions: list[Mention], m: Mention, gz: Gazetteer) -> tuple[Entry, ...] | None:
    """The readings of the area named as holding ``m``: its chosen place, the other
    candidates of its name in that country, and the district of that name ("Cox's
    Bazar" in "Teknaf upazila (Cox's Bazar)" is the district, whose seat is a town
    70 km away). An area the gazetteer lacks gives way to the one that holds it
    ("Ramnagar village, Dacope upazila (Khulna)"). ``None``: no such area."""
    k, hops = m.inside, 0
    while k is not None and mentions[k].place is None and hops < 4:
        k, hops = mentions[k].inside, hops + 1
    if k is None or mentions[k].place is None:
        return None
    area = mentions[k]
    districts = gz.lookup(f"{area.text} District") + gz.lookup_told(area.text)
    return tuple(area.candidates) + tuple(c for c in districts if c.kind == "admin2")


def _context_score(
    c: Entry,
    m: Mention,
    ctx: DocContext,
    context_city: str | None,
    following: Entry | None,
    holder: tuple[Entry, ...] | None = None,
) -> float:
    """What the document's other places add: its focus, the city beside a site, the
    province or country after a name, the area named as holding it, the small
    places near it."""
    w = WEIGHTS
    score = 0.0
    if holder is not None and _holds(holder, c):
        score += w.inside_container
    if (
        c.kind == "admin1"
        and c.country_code == ctx.focus_cc
        and ctx.dominant
        and m.suffix not in SETTLEMENTS  # "Marib city" is the town, however Yemeni the story
    ):
        score += w.state_of_focus
    if c.kind in ("city", "admin2") and (c.country_code, normalize(c.admin1)) in ctx.admin_focus:
        score += w.in_named_province
    if c.city and context_city and normalize(c.city) == context_city:
        score += w.site_in_city_told
    if following and following.country_code == c.country_code:
        score += w.country_after
        if (
            following.kind == "admin1"
            and c.admin1
            and normalize(c.admin1) == normalize(following.admin1)
        ):
            score += w.province_after
    if ctx.anchors and c.kind in _ANCHORED and _near(c, normalize(m.text), ctx.anchors):
        score += w.near_anchor
    return score


def _resolve_pass(
    mentions: list[Mention],
    original: list[list[Entry]],
    ctx: DocContext,
    only: list[int] | None = None,
) -> None:
    """Give each mention (or those in ``only``) its best-scoring candidate."""
    shares: dict[str, float] = {}  # country → its weight in the document
    # a name told again in the same surroundings ranks its namesakes the same way:
    # rank once (a long report names its city dozens of times)
    chosen_for: dict[tuple, tuple[Place | None, list[Entry]]] = {}
    for n, idx in enumerate(range(len(mentions)) if only is None else only):
        if ctx.check is not None and n % 256 == 0:
            ctx.check()
        m = mentions[idx]
        cands = _candidates(m, idx, mentions, original, ctx)
        if not cands:
            m.place = None
            m.candidates = []
            continue
        context_city = _city_before(mentions, idx, ctx.text) if m.kind == "site" else None
        following = _admin_after(mentions, idx, ctx.text)
        holder = _holder(mentions, m, ctx.gazetteer)
        key = (
            m.text,
            m.suffix,
            tuple(map(id, cands)),
            context_city,
            id(following) if following is not None else None,
            tuple(map(id, holder)) if holder is not None else None,
        )
        chosen = chosen_for.get(key)
        if chosen is not None:
            m.place, m.candidates = chosen[0], list(chosen[1])
            continue
        said = strip_article(normalize(m.text))
        own = ctx.own_votes.get(normalize(m.text))
        if own:  # the document's focus without this name's own votes
            total = ctx.total - sum(own.values())
            mine = replace(ctx, focus=ctx.focus - own, total=total) if total > 0 else None
            name_shares: dict[str, float] = {}
        scored = sorted(
            (
                (
                    math.log10(c.prominence + 10)
                    + _kind_score(c, m, said)
                    + WEIGHTS.focus_share
                    * (
                        _country_share(c.country_code, ctx, shares)
                        if not own
                        else _country_share(c.country_code, mine, name_shares)
                        if mine is not None
                        else 0.0
                    )
                    + _context_score(c, m, ctx, context_city, following, holder),
                    c,
                )
                for c in cands
            ),
            key=lambda sc: -sc[0],
        )
        _choose(m, [c for _, c in scored], ctx, holder)
        chosen_for[key] = (m.place, list(m.candidates))


def _choose(
    m: Mention, ranked: list[Entry], ctx: DocContext, holder: tuple[Entry, ...] | None
) -> None:
    """Set the mention's place from its ranked candidates."""
    best = ranked[0]
    if (
        best.kind == "city"
        and best.country_code not in ctx.countries
        and ctx.dominant
        and best.population < 100_000
    ):
        m.place = None  # a small town abroad in a story about elsewhere
        m.candidates = ranked
        return
    if holder is not None and not _holds(holder, best):
        # named inside an area it does not lie in: a namesake, not this place
        # ("Kasba upazila (Brahmanbaria, Chittagong)" is no Kasba of India)
        m.place = None
        m.candidates = ranked
        return
    # a province named like its capital: the city, unless "X province"
    if best.kind == "admin1" and (not m.suffix or m.suffix in SETTLEMENTS):
        best = prefer_city(best, ranked)
    m.candidates = [best] + [c for c in ranked if c is not best]
    m.place = best.to_place()


def _agree_with_contents(mentions: list[Mention]) -> None:
    """An area is the one of its namesakes that holds the place named inside it:
    "Atlanta, Georgia" is the US state, whatever the document's other Georgias."""
    for m in mentions:
        if m.inside is None or m.place is None or not m.candidates:
            continue
        area = mentions[m.inside]
        if area.place is None or _holds((area.candidates[0],), m.candidates[0]):
            continue
        fit = next((c for c in area.candidates if _holds((c,), m.candidates[0])), None)
        if fit is not None:
            area.candidates = [fit] + [c for c in area.candidates if c is not fit]
            area.place = fit.to_place()


def _city_before(mentions: list[Mention], idx: int, text: str) -> str | None:
    """A city named just before a site: "Baghdad's Tahrir Square", "in Baghdad"."""
    m = mentions[idx]
    for j in range(idx - 1, -1, -1):
        p = mentions[j]
        if p.sentence_start != m.sentence_start:
            break
        if p.candidates and p.candidates[0].kind == "city":
            return normalize(p.candidates[0].name)
    for j in range(idx + 1, len(mentions)):
        p = mentions[j]
        if p.sentence_start != m.sentence_start:
            break
        gap = text[m.end : p.start]
        if (
            p.candidates
            and p.candidates[0].kind == "city"
            and re.fullmatch(r"\s*(?:in|of|near|,)\s*", gap)
        ):
            return normalize(p.candidates[0].name)
    return None


def _admin_after(mentions: list[Mention], idx: int, text: str) -> Entry | None:
    """The province or country in "Kirkuk, Iraq" / "Springfield, Illinois"."""
    if idx + 1 >= len(mentions):
        return None
    m, p = mentions[idx], mentions[idx + 1]
    gap = text[m.end : p.start]
    if not re.fullmatch(r",\s*|\s+in\s+|\s+of\s+", gap) or not p.candidates:
        return None
    top = p.candidates[0]
    return top if top.kind in ("admin1", "country") else None
