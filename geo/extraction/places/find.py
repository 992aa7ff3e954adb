"""Finding place names in sentences: sites, regions, gazetteer names, demonyms, unknowns.

Strategies run in order over each sentence, each taking only words no
earlier one took: curated sites, directional regions ("southern Iraq"),
capitalised runs against the gazetteer (with demonyms and variant spellings),
then names the gazetteer lacks that the text tells as places.

>>> [r for r in capitalised_runs("Protests in Najaf and Karbala.", tokenize("Protests in Najaf and Karbala."))]
[[0], [2], [4]]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from geo.extraction.places.filters import RunContext, ends_a_persons_name, keep
from geo.extraction.places.mention import ARABIC_ARTICLES, POSSESSIVE, Mention, common_words
from geo.gazetteer import (
    CandidateSource,
    Entry,
    Gazetteer,
    geocoder_for,
    normalize,
)
from geo.lexicon.words import (
    DIRECTION_PATTERN,
    LANDFORMS,
    LOCATIVES,
    NAME_CONNECTORS,
    NAME_OF_SOMETHING_ELSE,
    OF_WHERE,
    PERSON_TITLES,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    ROAD_AFTER_TOWN,
    SETTLEMENTS,
    STATE_ABBREVIATIONS,
    STOP_WORDS,
    WEEKDAYS,
    WHOLE_COUNTRY,
)

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’\-.]*[\w]|[A-Za-z]|\d[\d,.]*")


#: A road named by the towns it joins: "Eldoret-Kitale road", "Nairobi-Mombasa
#: Highway" (group ``first``: the first town).
ROAD_BETWEEN = re.compile(rf"\b(?P<first>[A-Z][a-z][\w'’]*){ROAD_AFTER_TOWN}")
_ARTICLE_CAP = re.compile(r"(?:al|el|ad|an|as|ar|at)-[A-Z]")


_BREAK = re.compile(r"[,;:()\"“”!?—–]|\.\s|\s-+\s")


_REGION = re.compile(
    rf"\b(?P<dir>{DIRECTION_PATTERN}(?:ern)?)\s+(?P<name>[A-Z][\w’'-]+)\b|"
    rf"\bthe\s+(?P<dir2>{DIRECTION_PATTERN})\s+of\s+(?:the\s+)?(?P<ref>country|[A-Z][\w’'-]+)\b|"
    r"\b(?:several|many|various|some|other|all)\s+(?P<name3>[A-Z][\w’'-]+)\s+"
    r"(?:provinces|cities|governorates|regions|towns)\b|"
    rf"\b(?P<whole>{WHOLE_COUNTRY})\b",
    re.IGNORECASE,
)


#: Words every region pattern needs (searched in lower case: cheap, unlike _REGION).
_REGION_HINT = re.compile(
    r"north|south|east|west|central|provinces|cities|governorates|"
    r"regions|towns|country|nationwide|countrywide"
)


#: A wire dateline opening a paragraph: "KHARTOUM, April 17 (Reuters) -",
#: "AUSTIN, Texas (AP) —". Its place is where the report was filed.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’ -]{2,40}?(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z][\w .&/-]{0,30}\))?\s*(?:-{1,2}|–|—)\s"
)


def tokenize(sent: str) -> list[tuple[int, int, str]]:
    """Words and numbers of a sentence with their offsets."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sent)]


def sentence_mentions(
    text: str,
    s: int,
    e: int,
    gz: Gazetteer,
    unknown: bool = False,
    source: CandidateSource | None = None,
    persons: set[str] | None = None,
) -> list[Mention]:
    """The place names of the sentence ``text[s:e]``: spotted with the local index
    ``gz``, their candidate places asked of ``source`` (default: ``gz`` itself).
    Names dropped as the end of a person's name ("Christopher Steele") are added
    to ``persons`` when given."""
    if source is geocoder_for(gz):
        source = None  # the index itself answers: no second lookup
    sent = text[s:e]
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= ta or a >= tb for ta, tb in taken)

    tokens = tokenize(sent)
    # 1. curated sites (lower-case words allowed)
    first_words = gz.site_first_words()
    for i in range(len(tokens)):
        tok = tokens[i][2]
        longest = first_words.get(normalize(tok)) or (
            tok[-1] == "s" and first_words.get(normalize(POSSESSIVE.sub("", tok)))
        )
        if not longest:
            continue
        for n in range(min(7, len(tokens) - i, longest), 0, -1):
            a, b = tokens[i][0], tokens[i + n - 1][1]
            phrase = sent[a:b]
            phrase = POSSESSIVE.sub("", phrase)
            key = normalize(phrase)
            ids = gz.site_ids(key)
            if ids and free(a, b):
                cands = [gz.entries[j] for j in ids]
                out.append(Mention(s + a, s + a + len(phrase), phrase, "site", cands, s))
                taken.append((a, b))
                break
    # 1b. airports and air bases ("Aden airport", "Kirkuk Air Base"): only where the
    # word is, so thousands of airport names cost nothing elsewhere
    low = sent.lower()
    if "airport" in low or "air base" in low or "airbase" in low:
        for m in _AIRPORT.finditer(sent):
            starts = [m.start("name") + w.start() for w in re.finditer(r"\S+", m.group("name"))]
            for a in starts:  # the longest name that is an airport
                b = m.end()
                phrase = POSSESSIVE.sub("", sent[a:b])
                ids = gz.site_ids(normalize(phrase))
                if ids and free(a, b):
                    cands = _airports_of_the_place(gz, m.group("name"), a - m.start("name"), ids)
                    if not cands:
                        break  # a namesake's airport: the name is read as the place
                    out.append(Mention(s + a, s + a + len(phrase), phrase, "site", cands, s))
                    taken.append((a, b))
                    break
    # 1b'. US states and Canadian provinces by their news abbreviations; 1c. roads
    # named by the towns they join; 1d. towns where a body is based
    out.extend(_abbreviation_mentions(sent, s, gz, free, taken))
    out.extend(_hyphenated_mentions(sent, s, gz, free, taken))
    # 2. directional regions
    out.extend(_region_mentions(sent, s, gz, free, taken))
    # 3. capitalised runs against the gazetteer, 4. demonyms
    runs = capitalised_runs(sent, tokens, lambda phrase: gz.has_name(normalize(phrase)))
    dateline = _DATELINE.match(sent) if sent[:1].isupper() else None
    for run in runs:
        # a dateline's first name is a place however common the word ("AUSTIN, Texas")
        told = dateline is not None and tokens[run[-1]][1] <= dateline.end()
        out.extend(
            _match_run(
                sent,
                s,
                run,
                tokens,
                gz,
                free,
                taken,
                told=told,
                source=source,
                persons=persons,
                doc=text,
            )
        )
    if unknown:
        out.extend(_unknown_mentions(sent, s, runs, tokens, free, taken))
    if dateline is not None:
        for m in out:
            m.dateline = m.start < s + dateline.end()
    out.sort(key=lambda m: m.start)
    return out


def _abbreviation_mentions(sent, s, gz, free, taken) -> list[Mention]:
    """US states and Canadian provinces by their news abbreviations ("GLASGOW, Ky.",
    "Surrey, B.C."): the division, which the containers then read."""
    out: list[Mention] = []
    if not _ABBREVIATION_HINT.search(sent):
        return out
    for m in _state_abbreviations().finditer(sent):
        g = "abbr" if m.group("abbr") else "abbr2"
        a, b = m.span(g)
        if free(a, b):
            cc, name = STATE_ABBREVIATIONS[m.group(g)[:-1].replace(" ", "")]
            cands = [e for e in gz.lookup(name, country_code=cc) if e.kind == "admin1"]
            if cands:
                out.append(Mention(s + a, s + b, sent[a:b], "gazetteer", cands, s))
                taken.append((a, b))
    return out


def _hyphenated_mentions(sent, s, gz, free, taken) -> list[Mention]:
    """Towns joined by a hyphen: a road named by the towns it joins ("the
    Eldoret-Kitale road": the first town, which the roles stage turns into a point
    near it), and a town where a body is based ("the Eldoret-based Mirror Weekly":
    the town, as a modifier)."""
    out: list[Mention] = []
    if "-" not in sent:
        return out
    for m in ROAD_BETWEEN.finditer(sent):
        a, b = m.span("first")
        cands = [c for c in gz.lookup(m.group("first")) if c.kind in ("city", "admin2")]
        if cands and free(a, m.end()):
            out.append(Mention(s + a, s + b, m.group("first"), "gazetteer", cands, s))
            taken.append((a, m.end()))
    if "-b" in sent or "-h" in sent:
        for m in _BASED.finditer(sent):
            a, b = m.span("name")
            cands = [c for c in gz.lookup(m.group("name")) if c.kind != "site"]
            if cands and free(a, m.end()):
                mention = Mention(s + a, s + b, m.group("name"), "gazetteer", cands, s)
                mention.modifier = True
                out.append(mention)
                taken.append((a, m.end()))
    return out


def _region_mentions(sent, s, gz, free, taken) -> list[Mention]:
    """Directional regions of a country: "southern Iraq", "the south of the country",
    "several Iraqi provinces" (with a state's part where a state has the name:
    "Northeast Georgia")."""
    out: list[Mention] = []
    for m in _REGION.finditer(sent) if _REGION_HINT.search(sent.lower()) else ():
        name = m.group("name") or m.group("ref") or m.group("name3") or "country"
        if m.group("name") and any(
            normalize(c.name) == normalize(m.group(0)) for c in gz.lookup(m.group(0))
        ):
            continue  # "South Sudan", "Western Australia": a place's own name
        if name.lower() == "country":
            entry = None
        else:
            entry = gz.demonym_country(name) or next(
                (c for c in gz.lookup(name) if c.kind == "country"), None
            )
            if entry is None:
                continue
        cands = [entry] if entry else []
        if entry is not None and m.group("name"):
            # "Northeast Georgia": the country's part, or the state's (the document says)
            cands += [c for c in gz.lookup(name) if c.kind == "admin1"]
        if free(m.start(), m.end()):
            out.append(Mention(s + m.start(), s + m.end(), m.group(0), "region", cands, s))
            taken.append(m.span())
    return out


#: Before an unknown name, the locatives that tell a position: "in the Jurf Nasr",
#: not "at the Fargodome" or "from the Santa Ana Zoo" (institutions and venues).
_POSITION_BEFORE_THE = frozenset({"in", "near", "outside", "around"})


def _unknown_mentions(sent, s, runs, tokens, free, taken) -> list[Mention]:
    """Capitalised names the gazetteer lacks that the text tells as places: after
    "in", "near"... ("in al Muhammadi", "east of Amerli"), or before "village",
    "district", "mountains"... ("Tooz Khurmato district", "Badush mountains").
    Not after a bare "to" ("given to Amanda Chlebek") or "at the" ("at the
    Fargodome"): names of people and venues far more often than of places."""
    out: list[Mention] = []
    for run in runs:
        first, last = run[0], run[-1]
        a, b = tokens[first][0], tokens[last][1]
        words = [tokens[i][2] for i in run]
        if first == 0 or not free(a, b) or POSSESSIVE.search(words[-1]):
            continue
        if not askable(" ".join(words)):
            continue
        prev = tokens[first - 1][2].lower()
        prev2 = tokens[first - 2][2].lower() if first >= 2 else ""
        if prev in ARABIC_ARTICLES and prev2 in LOCATIVES:
            a, prev = tokens[first - 1][0], prev2  # "in al Muhammadi"
        elif prev == "the" and prev2 in _POSITION_BEFORE_THE:
            prev = prev2  # "in the Jurf Nasr"
        nxt = tokens[last + 1][2].lower() if last + 1 < len(tokens) else ""
        if nxt in LANDFORMS:
            b = tokens[last + 1][1]  # "Badush mountains"
        elif nxt in NAME_OF_SOMETHING_ELSE:
            continue  # "Sadr Movement"
        if not (
            # "to" tells a person as often as a place ("writing to Abraham Lincoln")
            (prev in LOCATIVES and prev != "to")
            or (words[0].lower() in PLACE_PREFIXES and len(words) > 1)
            or nxt in PLACE_SUFFIXES
            or nxt in LANDFORMS
            or (prev == "of" and prev2 in OF_WHERE)
        ):
            continue
        out.append(Mention(s + a, s + b, sent[a:b], "unknown", [], s))
        taken.append((a, b))
    return out


#: What people do in news copy, and places do not: a name the document makes the
#: subject of one of these ("Khamenei ordered", "Smith said") is a person's.
_PERSON_ACTS = (
    r"said|says|told|ordered|sent|found|announced|added|warned|insisted|called|"
    r"denied|claimed|urged|vowed|replied|wrote|tweeted"
)


_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){0,3}"
_ACTING = re.compile(rf"\b({_NAME})\s+(?:\w+ly\s+)?(?:{_PERSON_ACTS})\b(?!\s+to\b)")
#: "…," said Walsh, who …: the speaker named after the verb.
_SAID_BY = re.compile(rf"\b(?:said|says|added|told\s+\w+)\s+({_NAME})\s*,")


def person_names(text: str, names: set[str] | None = None) -> frozenset[str]:
    """Names ``text`` makes the subject of a person's act ("Khamenei ordered",
    "Ali Khamenei said"), with each name's last word ("Khamenei"): one pass, or,
    for a few ``names`` to check, a search for each (a literal start is fast).

    >>> sorted(person_names("Khamenei inevitably ordered a massacre. Ali Sistani said no."))
    ['Ali Sistani', 'Khamenei', 'Sistani']
    >>> person_names("Fighting in Jurf al-Sakhar said to be heavy.")
    frozenset()
    >>> sorted(person_names('"We are tired," said Walsh, who runs it.', {"Walsh"}))
    ['Walsh']
    """
    if names is not None and len(names) <= 8:
        if not names:
            return frozenset()
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        acting = rf"\b({alt})\s+(?:\w+ly\s+)?(?:{_PERSON_ACTS})\b(?!\s+to\b)"
        said = rf"\b(?:said|says|added)\s+({alt})\s*,"
        found = {m.group(1) for p in (acting, said) for m in re.finditer(p, text)}
        # a name inside a longer one found ("Sistani" in "Ali Sistani said") is found too
        return frozenset(n for n in names if n in found or any(f.endswith(" " + n) for f in found))
    out: set[str] = set()
    for m in itertools.chain(_ACTING.finditer(text), _SAID_BY.finditer(text)):
        name = m.group(1)
        out.add(name)
        out.add(name.split()[-1])
    return frozenset(out)


#: Last words of names that are streets: a place too fine to look up or place.
STREET_WORDS = frozenset({"street", "road", "avenue", "boulevard", "lane"})


#: "Nairobi-based", "Gaza-born": a place before a hyphen and where something is from.
_BASED = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,2})-(?:based|born|headquartered)\b"
)


#: What every abbreviation below needs ("B.C", ", Ky."): most sentences have none.
_ABBREVIATION_HINT = re.compile(r"[A-Z]\.\s?[A-Z]|,\s+[A-Z][a-z]{1,4}\.")


@lru_cache(maxsize=1)
def _state_abbreviations() -> re.Pattern[str]:
    """The abbreviations of :data:`STATE_ABBREVIATIONS` with their periods: a
    dotted one anywhere but after a figure ("500 B.C."), a one-word one ("Ky.",
    "Mass.") only after a name and a comma."""
    dotted = sorted((k for k in STATE_ABBREVIATIONS if "." in k), key=len, reverse=True)
    plain = sorted((k for k in STATE_ABBREVIATIONS if "." not in k), key=len, reverse=True)
    end = r"(?=[\s,;:)\]\"'’]|$)"
    spaced = "|".join(re.escape(k).replace(r"\.", r"\.\s?") for k in dotted)
    return re.compile(
        rf"(?<![\w.])(?<!\d\s)(?P<abbr>(?:{spaced})\.){end}|"
        rf"(?<=[a-zA-Z]),\s+(?P<abbr2>(?:{'|'.join(plain)})\.){end}"
    )


def _airports_of_the_place(gz: Gazetteer, name: str, start: int, ids) -> list:
    """The airports "<place> airport" names: those of the best-known place of that
    name. "Cairo airport" is Egypt's (Cairo, Illinois has one too); "Bali airport"
    is no airport when the only one so named is a Cameroonian town's, far less known
    than the Indonesian province (an empty list: the name is read as a place)."""
    cands = [gz.entries[j] for j in ids]
    place = re.sub(r"\s*(?:[Ii]nternational\s*)?$", "", name[start:]).strip()
    if not place:
        return cands
    known = [e for e in gz.lookup(place) if e.kind in ("city", "admin1", "admin2", "country")]
    if not known:
        return cands  # the airport's own name ("Bagram Air Base")
    best = known[0]
    same = [c for c in cands if c.country_code == best.country_code]
    if same:
        return same
    # no airport in the best-known place's country: keep the namesake's only when
    # its town is about as well known
    towns = [e for c in cands for e in gz.lookup(place, country_code=c.country_code)]
    top = max((t.prominence for t in towns), default=0)
    return cands if top * 10 >= best.prominence else []


#: Capitalised words before "airport" / "International Airport" / "Air Base".
_AIRPORT = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}?(?:[Ii]nternational\s+)?)"
    r"(?:[Aa]irport|[Aa]ir\s+[Bb]ase|[Aa]irbase)\b"
)


def askable(name: str) -> bool:
    """Whether a name the gazetteer lacks is worth asking about: not a month, a
    title, an acronym ("IS", "PMF", "NGO"), a street or a common word."""
    words = name.split()
    if words and words[-1].lower() in STREET_WORDS:
        return False
    if len(words) > 1 and words[-1].lower() in LANDFORMS:
        words = words[:-1]  # "Badush mountains"
    if any(normalize(w) in STOP_WORDS or w.lower() in PERSON_TITLES for w in words) or all(
        w.isupper() and len(w) <= 5 for w in words
    ):
        return False
    key = normalize(" ".join(words))
    return len(key) >= 3 and not (len(words) == 1 and key in common_words())


#: Prepositions of place that, opening a sentence, are capitalised but begin no name:
#: the name after them is told as a place ("In Mirpurkhas, members gathered").
_OPENING_PREPOSITIONS = frozenset({"In", "At", "Near", "Outside", "Inside"})


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() or (tok[2:3] == "-" and bool(_ARTICLE_CAP.match(tok)))


def capitalised_runs(
    sent: str,
    tokens: list[tuple[int, int, str]],
    is_name: Callable[[str], bool] | None = None,
) -> list[list[int]]:
    """Runs of capitalised words (with connectors: "Bay of Bengal"); a possessive
    ends a run ("Baghdad's | Tahrir Square") unless ``is_name`` says the possessive
    and the next word are one name ("Cox's Bazar")."""
    runs: list[list[int]] = []
    cur: list[int] = []
    prev_end = -1
    for i, (a, b, tok) in enumerate(tokens):
        gap = sent[prev_end:a] if i else ""
        prev_end = b
        breaks = gap != " " and bool(gap) and (bool(_BREAK.search(gap)) or "\n" in gap)
        capital = tok[0].isupper() or (tok[2:3] == "-" and bool(_ARTICLE_CAP.match(tok)))
        if i == 0 and tok in _OPENING_PREPOSITIONS:
            continue  # "In Mirpurkhas, ...": the preposition, capitalised as the first word
        if cur and tok.lower() in WEEKDAYS:
            # "clashes in Moyale Monday": American wire style dates after the place
            runs.append(cur)
            cur = []
        elif capital and not tok[0].isdigit():
            if cur and breaks:
                runs.append(cur)
                cur = []
            cur.append(i)
            if POSSESSIVE.search(tok) and not (
                is_name is not None
                and i + 1 < len(tokens)
                and sent[b : tokens[i + 1][0]] == " "
                and is_name(f"{tok} {tokens[i + 1][2]}")
            ):
                runs.append(cur)
                cur = []
        elif (
            cur
            and not breaks
            and tok.lower() in NAME_CONNECTORS
            and i + 1 < len(tokens)
            and (
                _is_cap(tokens[i + 1][2])
                or (
                    tokens[i + 1][2].lower() in NAME_CONNECTORS
                    and i + 2 < len(tokens)
                    and _is_cap(tokens[i + 2][2])
                )
            )
        ):
            cur.append(i)  # "Bay of Bengal", "Democratic Republic of the Congo"
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _phrase_candidates(
    gz: Gazetteer,
    phrase: str,
    n: int,
    source: CandidateSource | None,
    told_ok: bool,
    variant_ok: bool,
) -> tuple[list[Entry], str]:
    """The places a phrase of ``n`` words may be, and the mention's kind: the index
    spots the name and the geocoder says which places it may be; a name the text
    tells as a place (``told_ok``) may also be one that counts only so; a lone
    word may be a demonym, or (``variant_ok``) a variant spelling."""
    cands = gz.lookup(phrase)
    if cands and n == 1 and not told_ok and all(c.kind != "country" for c in cands):
        # a country's demonym that also names a province or a town ("Somali herders",
        # not Ethiopia's Somali Region) is the demonym unless told as a place
        country = gz.demonym_country(phrase)
        if country is not None:
            return [country], "demonym"
    if cands and source is not None:
        cands = source.candidates(phrase)
    if told_ok:
        cands = cands + [c for c in gz.lookup_told(phrase) if c not in cands]
    if cands:
        return cands, "gazetteer"
    if n == 1:
        country = gz.demonym_country(phrase)
        if country is not None:
            return [country], "demonym"
    key = normalize(phrase)
    if variant_ok and len(key) >= 6 and key not in STOP_WORDS:
        return gz.lookup_variant(phrase), "variant"
    return [], "gazetteer"


def _match_run(
    sent, s, run, tokens, gz, free, taken, told=False, source=None, persons=None, doc=""
):
    out: list[Mention] = []
    words = [tokens[i][2] for i in run]
    n_run = len(run)
    prev_tok = tokens[run[0] - 1][2].lower().rstrip(".") if run[0] > 0 else ""
    sentence_initial = run[0] == 0
    if told:
        prev_tok, sentence_initial = "in", False
    rc = RunContext(
        sent, tokens, run, words, prev_tok, sentence_initial, told, gz.small_countries(), doc
    )
    # a variant spelling is kept only as a lone name (maybe after an article) told as a
    # place: after "in", "near"... or before "city", "town", "village"; try no other
    after = run[-1] + 1
    settlement = after < len(tokens) and tokens[after][2].lower() in SETTLEMENTS
    variant_ok = (
        (n_run == 1 or (n_run == 2 and words[0].lower() in ARABIC_ARTICLES))
        and not sentence_initial
        and (prev_tok in LOCATIVES or settlement)
    )
    # a name told as a place (after "in", "near"... or before "district", "town"...)
    # may be one of the names that count only so (Gazetteer.told: "in Makhmur")
    told_ok = not sentence_initial and (
        prev_tok in LOCATIVES
        or (after < len(tokens) and tokens[after][2].lower() in PLACE_SUFFIXES)
    )
    skip_article = 1 if n_run > 1 and words[0].lower() in ARABIC_ARTICLES else 0
    i = 0
    while i < n_run:
        hit = None
        first = normalize(words[i]).partition(" ")[0]
        longest = min(6, n_run - i, max(1, gz.name_words(first)))
        for n in range(longest, 0, -1):
            a, b = tokens[run[i]][0], tokens[run[i + n - 1]][1]
            phrase = sent[a:b]
            poss = bool(POSSESSIVE.search(phrase))
            if poss:
                phrase = phrase[:-2]
            parts = phrase.split()
            if parts[-1].lower() in NAME_CONNECTORS or (
                n > 1
                and parts[0].lower() in NAME_CONNECTORS
                and (parts[0] in NAME_CONNECTORS or not gz.has_name(normalize(phrase)))
            ):
                continue  # "of Basra"; a capital one starts a name only if it is one's own:
                # "El Obeid", "La Paz", "The Hague", not "The UN"
            key = normalize(phrase)
            if key in STOP_WORDS and n == 1:
                continue
            whole = told_ok and i <= skip_article and i + n == n_run
            cands, kind = _phrase_candidates(gz, phrase, n, source, whole, variant_ok)
            if cands:
                hit = (i, n, cands, kind, poss, phrase)
                break
        if hit is None:
            i += 1
            continue
        i0, n, cands, kind, poss, phrase = hit
        a = tokens[run[i0]][0]
        b = a + len(phrase)
        after = run[i0 + n - 1] + 1
        if (
            kind == "demonym"
            and after < len(tokens)
            and tokens[after][2].lower() == "capital"
            and sent[b : tokens[after][0]] == " "
            and (capital := gz.capital(cands[0].country_code)) is not None
        ):
            # "the Iraqi capital": the country's capital city
            b, cands, kind = tokens[after][1], [capital], "gazetteer"
            phrase = sent[a:b]
        if free(a, b):
            m = Mention(s + a, s + b, phrase, kind, cands, s, possessive=poss)
            verdict = keep(m, i0, n, rc)
            if (
                verdict is None
                and persons is not None
                and ends_a_persons_name(m, i0, n, rc, gz.has_name)
            ):
                persons.add(phrase)  # "Christopher Steele": later "Steele" is him too
            if verdict is not None:
                m.modifier, m.suffix, m.local = verdict.modifier, verdict.suffix, verdict.local
                out.append(m)
                taken.append((a, b))
        i = i0 + n
    return out
