"""Finding place names in text and resolving them with the document's context.

Strategies, run in order over each sentence (earlier ones claim their span):

1. ``site``: curated sites and named regions, lower-case words allowed
   ("the K1 military base", "US embassy", "Tahrir Square");
2. ``region``: directional regions of a country ("southern Iraq", "the south
   of the country", "several Iraqi provinces") → the country, country level;
3. ``gazetteer``: runs of capitalised words matched longest-first against
   GeoNames names, with filters for people ("President Barham Saleh"),
   organisations and common words;
4. ``demonym``: "Iraqi", "1500 Iranians" → the country.

Resolution then scores each mention's candidates by population, kind,
the document's country focus, a city named alongside ("Baghdad's Tahrir
Square", "Kirkuk, Iraq") and the sentence's own context.

Example
-------
>>> from geo.gazetteer import Gazetteer                      # doctest: +SKIP
>>> ts = find_toponyms("Protests in Nassiriya and Najaf.", Gazetteer.load())  # doctest: +SKIP
>>> [(t.text, t.place.name) for t in ts]                     # doctest: +SKIP
[('Nassiriya', 'Nasiriyah'), ('Najaf', 'Najaf')]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.gazetteer import (
    ARTICLES,
    Entry,
    Gazetteer,
    neighbours,
    normalize,
    prefer_city,
    strip_article,
)
from geo.lexicon.words import (
    LAND_LANDFORMS,
    LANDFORMS,
    LOCATIVES,
    MODIFIED_NOUNS,
    NAME_CONNECTORS,
    NAME_OF_SOMETHING_ELSE,
    OF_WHERE,
    PERSON_TITLES,
    PLACE_SUFFIXES,
    SETTLEMENTS,
    STOP_WORDS,
    WATERS,
    WHOLE_COUNTRY,
)
from geo.models import Place, Toponym

if TYPE_CHECKING:
    from geo.gazetteer.online import OnlineLookup

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’\-.]*[\w]|[A-Za-z]|\d[\d,.]*")
_POSSESSIVE = re.compile(r"[’']s$")
_ARTICLE_CAP = re.compile(r"(?:al|el|ad|an|as|ar|at)-[A-Z]")
_BREAK = re.compile(r"[,;:()\"“”!?—–]|\.\s|\s-+\s")
_WATER_OF = re.compile(r"\b(?:Gulf|Bay|Sea|Strait|Straits|Lake|Isle)\s+of\s+(?:the\s+)?$")
_ARTICLES = frozenset(ARTICLES) - {"the"}     # Arabic ones: "in al Muhammadi"
_DIRECTION = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
_REGION = re.compile(
    rf"\b(?P<dir>{_DIRECTION}(?:ern)?)\s+(?P<name>[A-Z][\w’'-]+)\b|"
    rf"\bthe\s+(?P<dir2>{_DIRECTION})\s+of\s+(?:the\s+)?(?P<ref>country|[A-Z][\w’'-]+)\b|"
    r"\b(?:several|many|various|some|other|all)\s+(?P<name3>[A-Z][\w’'-]+)\s+"
    r"(?:provinces|cities|governorates|regions|towns)\b|"
    rf"\b(?P<whole>{WHOLE_COUNTRY})\b",
    re.IGNORECASE,
)
#: Words every region pattern needs (searched in lower case: cheap, unlike _REGION).
_REGION_HINT = re.compile(r"north|south|east|west|central|provinces|cities|governorates|"
                          r"regions|towns|country|nationwide|countrywide")
#: A wire dateline opening a paragraph: "KHARTOUM, April 17 (Reuters) -",
#: "AUSTIN, Texas (AP) —". Its place is where the report was filed.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’ -]{2,40}?(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z][\w .&/-]{0,30}\))?\s*(?:-{1,2}|–|—)\s")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    try:
        from wordfreq import top_n_list

        return frozenset(top_n_list("en", 8000))
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return frozenset()


@dataclass(slots=True)
class _Mention:
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


def find_toponyms(
    text: str, gazetteer: Gazetteer, *, sentences: list[tuple[int, int]] | None = None,
    check: Callable[[], None] | None = None, online: OnlineLookup | None = None,
) -> list[Toponym]:
    """Every toponym of ``text`` (within ``sentences`` if given), resolved.

    ``check`` is called between sentences (the pipeline's time limit raises there).
    With ``online`` (see :mod:`geo.gazetteer.online`), names the gazetteer does not know but
    the text tells as places ("near Sulayman Bak", "in Zaghniya village") are
    looked up there, within the countries the document is about; those found
    are of kind ``online``, the others of kind ``unknown``, without a place.
    """
    spans = sentences if sentences is not None else [(0, len(text))]
    mentions: list[_Mention] = []
    for s, e in spans:
        if check is not None:
            check()
        mentions.extend(_sentence_mentions(text, s, e, gazetteer, unknown=online is not None))
    countries = _resolve(mentions, text, gazetteer)
    if online is not None:
        _look_up_online(mentions, countries, online, check)
    return [
        Toponym(
            m.start, m.end, m.text, m.place,
            tuple(c.to_place() for c in m.candidates[:5]),
            kind="dateline" if m.dateline else
            "modifier" if m.modifier and m.kind == "gazetteer" else
            "gazetteer" if m.kind == "variant" else m.kind,
        )
        for m in mentions
    ]


def _sentence_mentions(text: str, s: int, e: int, gz: Gazetteer,
                       unknown: bool = False) -> list[_Mention]:
    sent = text[s:e]
    taken: list[tuple[int, int]] = []
    out: list[_Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= ta or a >= tb for ta, tb in taken)

    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sent)]
    # 1. curated sites (lower-case words allowed)
    first_words = gz.site_first_words()
    for i in range(len(tokens)):
        tok = tokens[i][2]
        longest = first_words.get(normalize(tok)) or (
            tok[-1] == "s" and first_words.get(normalize(_POSSESSIVE.sub("", tok))))
        if not longest:
            continue
        for n in range(min(7, len(tokens) - i, longest), 0, -1):
            a, b = tokens[i][0], tokens[i + n - 1][1]
            phrase = sent[a:b]
            phrase = _POSSESSIVE.sub("", phrase)
            key = normalize(phrase)
            ids = gz.site_ids(key)
            if ids and free(a, b):
                cands = [gz.entries[j] for j in ids]
                out.append(_Mention(s + a, s + a + len(phrase), phrase, "site", cands, s))
                taken.append((a, b))
                break
    # 2. directional regions
    for m in _REGION.finditer(sent) if _REGION_HINT.search(sent.lower()) else ():
        name = m.group("name") or m.group("ref") or m.group("name3") or "country"
        if m.group("name") and any(normalize(c.name) == normalize(m.group(0))
                                   for c in gz.lookup(m.group(0))):
            continue        # "South Sudan", "Western Australia": a place's own name
        if name.lower() == "country":
            entry = None
        else:
            entry = gz.demonym_country(name) or next(
                (c for c in gz.lookup(name) if c.kind == "country"), None)
            if entry is None:
                continue
        if free(m.start(), m.end()):
            out.append(_Mention(s + m.start(), s + m.end(), m.group(0), "region",
                                [entry] if entry else [], s))
            taken.append(m.span())
    # 3. capitalised runs against the gazetteer, 4. demonyms
    runs = _capitalised_runs(sent, tokens)
    dateline = _DATELINE.match(sent) if sent[:1].isupper() else None
    for run in runs:
        # a dateline's first name is a place however common the word ("AUSTIN, Texas")
        told = dateline is not None and tokens[run[-1]][1] <= dateline.end()
        out.extend(_match_run(sent, s, run, tokens, gz, free, taken, told=told))
    if unknown:
        out.extend(_unknown_mentions(sent, s, runs, tokens, free, taken))
    if dateline is not None:
        for m in out:
            m.dateline = m.start < s + dateline.end()
    out.sort(key=lambda m: m.start)
    return out


def _unknown_mentions(sent, s, runs, tokens, free, taken) -> list[_Mention]:
    """Capitalised names the gazetteer lacks that the text tells as places: after
    "in", "near"... ("in al Muhammadi", "east of Amerli"), or before "village",
    "district", "mountains"... ("Tooz Khurmato district", "Badush mountains")."""
    out: list[_Mention] = []
    for run in runs:
        first, last = run[0], run[-1]
        a, b = tokens[first][0], tokens[last][1]
        words = [tokens[i][2] for i in run]
        if first == 0 or not free(a, b) or _POSSESSIVE.search(words[-1]):
            continue
        if not _askable(" ".join(words)):
            continue
        prev = tokens[first - 1][2].lower()
        prev2 = tokens[first - 2][2].lower() if first >= 2 else ""
        if prev in _ARTICLES and prev2 in LOCATIVES:
            a, prev = tokens[first - 1][0], prev2       # "in al Muhammadi"
        elif prev == "the" and prev2 in LOCATIVES:
            prev = prev2                                # "in the Jurf Nasr"
        nxt = tokens[last + 1][2].lower() if last + 1 < len(tokens) else ""
        if nxt in LANDFORMS:
            b = tokens[last + 1][1]                     # "Badush mountains"
        elif nxt in NAME_OF_SOMETHING_ELSE:
            continue                                    # "Sadr Movement"
        if not (prev in LOCATIVES or nxt in PLACE_SUFFIXES or nxt in LANDFORMS
                or (prev == "of" and prev2 in OF_WHERE)):
            continue
        out.append(_Mention(s + a, s + b, sent[a:b], "unknown", [], s))
        taken.append((a, b))
    return out


def _askable(name: str) -> bool:
    """Whether a name the gazetteer lacks is worth asking about: not a month, a
    title, an acronym ("IS", "PMF", "NGO") or a common word."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in LANDFORMS:
        words = words[:-1]                  # "Badush mountains"
    if any(normalize(w) in STOP_WORDS or w.lower() in PERSON_TITLES for w in words) \
            or all(w.isupper() and len(w) <= 5 for w in words):
        return False
    key = normalize(" ".join(words))
    return len(key) >= 3 and not (len(words) == 1 and key in _common_words())


def _look_up_online(mentions: list[_Mention], countries: set[str], online: OnlineLookup,
                    check: Callable[[], None] | None) -> None:
    """Places for the mentions the gazetteer left without one, from :mod:`geo.gazetteer.online`,
    kept only in a country the document is about (when it is about any)."""
    within = tuple(sorted(c for c in countries if c))
    for m in mentions:
        if m.place is not None or m.kind not in ("unknown", "gazetteer", "variant") \
                or not _askable(m.text):
            continue
        if check is not None:
            check()
        entry = online.lookup(m.text, within)
        if entry is None or (within and entry.country_code not in within):
            continue
        m.kind, m.candidates, m.place = "online", [entry], entry.to_place()


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() or (tok[2:3] == "-" and bool(_ARTICLE_CAP.match(tok)))


def _capitalised_runs(sent: str, tokens: list[tuple[int, int, str]]) -> list[list[int]]:
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, (a, _b, tok) in enumerate(tokens):
        gap = sent[tokens[i - 1][1]:a] if i else ""
        breaks = gap != " " and bool(gap) and (bool(_BREAK.search(gap)) or "\n" in gap)
        if _is_cap(tok) and not tok[0].isdigit():
            if cur and breaks:
                runs.append(cur)
                cur = []
            cur.append(i)
            if _POSSESSIVE.search(tok):
                runs.append(cur)
                cur = []
        elif tok.lower() in NAME_CONNECTORS and cur and not breaks and i + 1 < len(tokens) \
                and (_is_cap(tokens[i + 1][2]) or (
                    tokens[i + 1][2].lower() in NAME_CONNECTORS and i + 2 < len(tokens)
                    and _is_cap(tokens[i + 2][2]))):
            cur.append(i)       # "Bay of Bengal", "Democratic Republic of the Congo"
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _match_run(sent, s, run, tokens, gz, free, taken, told=False):
    out: list[_Mention] = []
    words = [tokens[i][2] for i in run]
    n_run = len(run)
    prev_tok = tokens[run[0] - 1][2].lower().rstrip(".") if run[0] > 0 else ""
    sentence_initial = run[0] == 0
    if told:
        prev_tok, sentence_initial = "in", False
    matched: list[tuple[int, int, list[Entry], str, bool]] = []
    # a variant spelling is kept only as a lone name (maybe after an article) told as a
    # place: after "in", "near"... or before "city", "town", "village"; try no other
    after = run[-1] + 1
    settlement = after < len(tokens) and tokens[after][2].lower() in SETTLEMENTS
    variant_ok = (n_run == 1 or (n_run == 2 and words[0].lower() in _ARTICLES)) \
        and not sentence_initial and (prev_tok in LOCATIVES or settlement)
    i = 0
    while i < n_run:
        hit = None
        first = normalize(words[i]).partition(" ")[0]
        longest = min(6, n_run - i, max(1, gz.name_words(first)))
        for n in range(longest, 0, -1):
            a, b = tokens[run[i]][0], tokens[run[i + n - 1]][1]
            phrase = sent[a:b]
            poss = bool(_POSSESSIVE.search(phrase))
            if poss:
                phrase = phrase[:-2]
            parts = phrase.split()
            if parts[-1].lower() in NAME_CONNECTORS or (n > 1 and parts[0].lower() in NAME_CONNECTORS and (
                    parts[0] in NAME_CONNECTORS or not gz.has_name(normalize(phrase)))):
                continue    # "of Basra"; a capital one starts a name only if it is one's own:
                            # "El Obeid", "La Paz", "The Hague", not "The UN"
            key = normalize(phrase)
            if key in STOP_WORDS and n == 1:
                continue
            cands = gz.lookup(phrase)
            kind = "gazetteer"
            if not cands and n == 1:
                country = gz.demonym_country(phrase)
                if country is not None:
                    cands, kind = [country], "demonym"
            if not cands and variant_ok and len(key) >= 6 and key not in STOP_WORDS:
                cands, kind = gz.lookup_variant(phrase), "variant"
            if cands:
                hit = (i, n, cands, kind, poss, phrase)
                break
        if hit is None:
            i += 1
            continue
        i0, n, cands, kind, poss, phrase = hit
        matched.append((i0, n, cands, kind, poss))
        a = tokens[run[i0]][0]
        b = a + len(phrase)
        if free(a, b):
            m = _Mention(s + a, s + b, phrase, kind, cands, s, possessive=poss)
            if _keep(m, i0, n, run, tokens, words, prev_tok, sentence_initial, sent, told):
                out.append(m)
                taken.append((a, b))
        i = i0 + n
    return out


def _keep(m, i0, n, run, tokens, words, prev_tok, sentence_initial, sent, told=False) -> bool:
    """Filters that tell a place from a person, an organisation or a word."""
    sentence_initial = sentence_initial and i0 == 0     # "Leaders of Russia": not Russia
    best = m.candidates[0]
    if m.text.isupper() and len(m.text) <= 5 and best.kind != "country" and not told:
        return False    # an acronym ("FDA", "NATO", "EU") is not the town Fada, Nato or Eu
    strong = best.kind in ("country", "admin1", "admin2", "continent") \
        or best.population >= 1_000_000
    nxt_idx = run[i0 + n - 1] + 1
    nxt = tokens[nxt_idx][2].lower() if nxt_idx < len(tokens) else ""
    if nxt in WATERS or _WATER_OF.search(sent[:tokens[run[i0]][0]]):
        return False    # "the Indian Ocean", "the Gulf of Aden": the water, not the land
    if m.kind == "demonym":
        m.modifier = True
        return True
    if m.kind == "variant" and (n != len(words) or sentence_initial
                                or normalize(m.text) in _common_words() or m.possessive):
        return False    # the caller tried variants only where one can be told as a place
    key = normalize(m.text)
    # a person's title before the run: "President Barham Saleh"
    if i0 == 0 and prev_tok in PERSON_TITLES:
        return False
    before = [w.lower().rstrip(".") for w in words[:i0]]
    after_words = words[i0 + n:]
    if before and not strong and any(
            w in PERSON_TITLES or w not in NAME_CONNECTORS | LOCATIVES | STOP_WORDS for w in before):
        # "Qais Khazali", "Muhammad Baqir Hakim": the run goes on before it
        return False
    if after_words and not m.possessive:
        head = after_words[0].lower().rstrip(".")
        if head in PLACE_SUFFIXES:
            m.suffix = head
        elif head in NAME_OF_SOMETHING_ELSE and best.kind != "country":
            return False  # "Sadr Movement", "Basra Oil Company"
        elif strong:
            m.modifier = True  # "US President", "Iraq Ministry of Oil"
        else:
            return False  # "Saleh Mohammed", "Quds Force"
    if nxt in NAME_OF_SOMETHING_ELSE and not after_words:
        if nxt in WATERS | LANDFORMS:
            return nxt in LAND_LANDFORMS
        if not strong:
            return False
        m.modifier = True
    if nxt in PLACE_SUFFIXES:
        m.suffix = nxt
    elif not after_words and nxt and nxt[0].isalpha() and nxt.islower() and strong \
            and best.kind == "country" and not m.possessive:
        gap = sent[tokens[run[i0 + n - 1]][1]:tokens[nxt_idx][0]]
        if gap.strip() == "" and nxt in MODIFIED_NOUNS:
            m.modifier = True  # "US forces", "Iraq issue"
    common = (key in _common_words() or key.rstrip("s") in _common_words()) \
        and not (m.text.isupper() and best.kind == "country")      # "US" is not "us"
    after_locative = i0 == 0 and prev_tok in LOCATIVES and not sentence_initial
    if n == 1 and common and not after_locative:    # "in Austin", "near Bath" are places
        if sentence_initial or not strong:
            return False
    return not (len(key) < 3 and not m.text.isupper())   # "US", "UK", not "Is", "Us"


def _resolve(mentions: list[_Mention], text: str, gz: Gazetteer) -> set[str]:
    """Choose each mention's place; return the countries the document is about."""
    focus: Counter[str] = Counter()
    for m in mentions:
        if not m.candidates or m.kind == "variant":
            continue
        top = m.candidates[0]
        weight = 3 if top.kind == "country" else 2 if m.kind in ("site", "region") else 1
        if m.kind == "demonym":
            weight = 2
        if len({c.country_code for c in m.candidates}) == 1 or top.kind == "country" \
                or top.prominence >= 500_000:
            focus[top.country_code] += weight
    total = sum(focus.values()) or 1
    named_cities = {
        normalize(c.name) for m in mentions for c in m.candidates[:1] if c.kind == "city"
    }
    doc_countries = set(focus)
    focus_cc = focus.most_common(1)[0][0] if focus else None
    dominant = bool(focus_cc) and focus[focus_cc] / total >= 0.5
    # provinces and states the document names: "Edmonton ... Kentucky" is Edmonton, KY
    admin_focus = {
        (m.candidates[0].country_code, normalize(m.candidates[0].admin1))
        for m in mentions
        if m.candidates and m.kind == "gazetteer" and m.candidates[0].kind == "admin1"
        and m.candidates[0].country_code in doc_countries
    }
    original = [list(m.candidates) for m in mentions]
    _resolve_pass(mentions, original, text, gz, focus, focus_cc, dominant, doc_countries,
                  named_cities, admin_focus, anchors=())
    # places named together lie together: a town a few miles from another place the
    # document names is that one (Edmonton beside Tottenham is Edmonton, London)
    # (not a metropolis: many namesakes lie within a hundred km of Mexico City)
    anchors = tuple(
        (normalize(m.text), m.place.latitude, m.place.longitude) for i, m in enumerate(mentions)
        if m.place is not None and m.candidates[0].kind in _ANCHORED
        and m.candidates[0].population < 1_000_000
        and len({(round(c.latitude), round(c.longitude)) for c in original[i]}) == 1
    )
    # only a mention with a candidate near an anchor can change
    again = [
        i for i, (m, cands) in enumerate(zip(mentions, original, strict=True))
        if len(cands) > 1 and any(c.kind in _ANCHORED and _near(c, normalize(m.text), anchors)
                                  for c in cands)
    ] if anchors else []
    if again:
        _resolve_pass(mentions, original, text, gz, focus, focus_cc, dominant,
                      doc_countries, named_cities, admin_focus, anchors=anchors, only=again)
    _align_lists(mentions, original, text)
    return doc_countries


#: What joins the items of a list of places: "Arizona, California and Colorado".
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _align_lists(mentions: list[_Mention], original: list[list[Entry]], text: str) -> None:
    """Places listed together are of one kind: in "states ... are Arizona, California,
    Georgia" each is a state, in "Russia, Georgia and Armenia" each a country.

    A list of three or more where most items are states (or countries) of one
    country turns the others that can be one into one.
    """
    groups: list[list[int]] = []
    for i, m in enumerate(mentions):
        if groups and groups[-1][-1] == i - 1 and mentions[i - 1].sentence_start == m.sentence_start \
                and _LIST_GAP.fullmatch(text, mentions[i - 1].end, m.start):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if len(group) < 3:
            continue
        kinds = Counter(
            (mentions[i].candidates[0].kind, mentions[i].candidates[0].country_code
             if mentions[i].candidates[0].kind == "admin1" else "")
            for i in group if mentions[i].place is not None and mentions[i].candidates)
        (kind, cc), n = kinds.most_common(1)[0] if kinds else (("", ""), 0)
        if kind not in ("admin1", "country") or n < 2 or n * 2 <= len(group):
            continue
        for i in group:
            m = mentions[i]
            if m.candidates and m.candidates[0].kind == kind:
                continue
            fit = next((c for c in original[i] if c.kind == kind
                        and (kind == "country" or c.country_code == cc)), None)
            if fit is not None:
                m.candidates = [fit] + [c for c in m.candidates if c is not fit]
                m.place = fit.to_place()


#: A city matched by one of its other names scores this much less than one of that name.
ALIAS_PENALTY = 1.0
#: Within this many km of another place the document names, a candidate is near it.
NEAR_KM = 100.0
#: Kinds of place small enough to anchor, or be drawn to, their neighbours.
_ANCHORED = ("city", "site", "admin2")


def _near(c: Entry, key: str, anchors: tuple[tuple[str, float, float], ...]) -> bool:
    """Whether ``c`` lies within :data:`NEAR_KM` of an anchor named otherwise."""
    cos = math.cos(math.radians(c.latitude))
    for name, lat, lon in anchors:
        if name == key:
            continue
        dy, dx = lat - c.latitude, (lon - c.longitude) * cos
        if dy * dy + dx * dx <= (NEAR_KM / 111.2) ** 2:
            return True
    return False


def _resolve_pass(mentions, original, text, gz, focus, focus_cc, dominant, doc_countries,
                  named_cities, admin_focus, anchors, only=None) -> None:
    total = sum(focus.values()) or 1
    shares: dict[str, float] = {}      # country → its weight in the document
    for idx in range(len(mentions)) if only is None else only:
        m = mentions[idx]
        cands = list(original[idx])
        if not cands and m.kind == "gazetteer" and focus_cc:
            cands = gz.lookup(m.text, country_code=focus_cc)
        if m.kind == "variant" and doc_countries:
            # a spelling variant counts only in a country the document is about
            # (a note that names no country at all keeps them: "in Nassriya city")
            cands = [c for c in cands if c.country_code in doc_countries]
        if m.kind == "region" and not cands:
            # "the south of the country": the document's country
            if focus_cc and gz.country(focus_cc):
                cands = [gz.country(focus_cc)]
        if m.kind == "site":
            prev_city = _city_before(mentions, idx, text)
            cands = [
                c for c in cands
                if c.country_code in doc_countries or normalize(c.city) in named_cities
                or (prev_city and normalize(c.city) == prev_city)
            ]
        if not cands:
            m.place = None
            m.candidates = []
            continue
        context_city = _city_before(mentions, idx, text) if m.kind == "site" else None
        following = _admin_after(mentions, idx, text)
        scored = []
        said = strip_article(normalize(m.text))
        for c in cands:
            score = math.log10(c.prominence + 10)
            if c.kind == "city" and strip_article(normalize(c.name)) != said:
                score -= ALIAS_PENALTY   # known by another name (Victoria, once Hong Kong's)
            if c.kind == "country":
                score += 4
            elif c.kind in ("admin1", "region", "admin2"):
                score += 4 if m.suffix and m.suffix not in SETTLEMENTS else 0.5
            elif c.kind == "city" and m.suffix in SETTLEMENTS:
                score += 4      # "Najaf city", "Rashad town"
            elif c.kind == "continent" or c.kind == "site":
                score += 3
            share = shares.get(c.country_code)
            if share is None:
                share = focus.get(c.country_code, 0) / total
                # a neighbour of the countries the text is about counts half
                # (Gaza in a story about Israel is Gaza, Palestine, not Gaza, Mozambique)
                near = neighbours(c.country_code)
                if near:
                    share += 0.5 * sum(n for f, n in focus.items() if f in near) / total
                shares[c.country_code] = share
            score += 4 * share
            if c.kind == "admin1" and c.country_code == focus_cc and dominant:
                score += 5      # "Georgia" in a story about the US is the state
            if c.kind in ("city", "admin2") and \
                    (c.country_code, normalize(c.admin1)) in admin_focus:
                score += 3
            if c.city and context_city and normalize(c.city) == context_city:
                score += 6
            if following and following.country_code == c.country_code:
                score += 5
                if following.kind == "admin1" and c.admin1 and \
                        normalize(c.admin1) == normalize(following.admin1):
                    score += 3
            if anchors and c.kind in _ANCHORED and _near(c, normalize(m.text), anchors):
                score += 4
            scored.append((score, c))
        scored.sort(key=lambda sc: -sc[0])
        best = scored[0][1]
        if best.kind == "city" and best.country_code not in doc_countries and dominant \
                and best.population < 100_000:
            m.place = None  # a small town abroad in a story about elsewhere
            m.candidates = [c for _, c in scored]
            continue
        # a province named like its capital: the city, unless "X province"
        if best.kind == "admin1" and (not m.suffix or m.suffix in SETTLEMENTS):
            best = prefer_city(best, [c for _, c in scored])
        m.candidates = [best] + [c for _, c in scored if c is not best]
        m.place = best.to_place()


def _city_before(mentions: list[_Mention], idx: int, text: str) -> str | None:
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
        gap = text[m.end:p.start]
        if p.candidates and p.candidates[0].kind == "city" and re.fullmatch(
                r"\s*(?:in|of|near|,)\s*", gap):
            return normalize(p.candidates[0].name)
    return None


def _admin_after(mentions: list[_Mention], idx: int, text: str) -> Entry | None:
    """The province or country in "Kirkuk, Iraq" / "Springfield, Illinois"."""
    if idx + 1 >= len(mentions):
        return None
    m, p = mentions[idx], mentions[idx + 1]
    gap = text[m.end:p.start]
    if not re.fullmatch(r",\s*|\s+in\s+|\s+of\s+", gap) or not p.candidates:
        return None
    top = p.candidates[0]
    return top if top.kind in ("admin1", "country") else None
