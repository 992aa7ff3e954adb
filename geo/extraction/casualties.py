"""Reading killed and injured counts from a sentence.

Handles figures in digits or words ("44", "22,000", "three", "a dozen"),
"at least N" → N, sums over a list of victims ("41 soldiers and 25
mercenaries were killed" → 66), implicit counts ("was shot dead" → 1,
"X and Y were killed" → 2, "N other passengers were also killed" → N + 1),
and vague words after ACLED's codebook ("several" → 10, "dozens" → 12,
"hundreds" → 100), marked estimated.  Subsets of a count already told
("33 of the killed", "including 33") are not added again.

Example
-------
>>> read_casualties("Forces opened fire and killed 44 people.").killed
44
>>> c = read_casualties("At least 490 were killed and 22,000 wounded.")
>>> c.killed, c.injured
(490, 22000)
>>> read_casualties("A US contractor was killed in a missile attack.").killed
1
"""

from __future__ import annotations

import re

from geo.lexicon.words import FIGURE_WORDS, MONTH_NAME, PART_OF_A_TOLL, VAGUE_FIGURES
from geo.models import Casualties

_NUM_WORD = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:thousand|million))?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"a\s+dozen|dozen|a\s+hundred|hundred|a\s+thousand|a\s+couple\s+of|"
    r"several|many|dozens(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|scores|numerous|"
    r"a\s+number\s+of)"
)
_KILL = (
    r"(?:killed|dead|died|slain|murdered|assassinated|executed|shot\s+dead|"
    r"lost\s+their\s+lives|were\s+killed|was\s+killed|perished|beheaded|gunned\s+down|"
    r"(?:hacked|chopped|beaten|stabbed|burnt|burned|clubbed|clobbered|bludgeoned|lynched|"
    r"crushed|tortured|shot|stoned)\s+to\s+death)"
)
_INJURE = r"(?:injured|wounded|hurt|injuring|wounding|injuries|wounds)"
_QUAL = r"(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|approximately|roughly|an\s+estimated)\s+"
_NOUN = r"(?:(?!\d|dead\b|killed\b|and\b|wounded\b|injured\b)[\w’'-]+\s+){0,6}?"

# "N (people ...) were killed", "killing N people", "left N dead", "N dead"
_KILLED_AFTER = re.compile(
    # a figure starts a word ("drone strike killed" holds no "one")
    rf"\b(?P<q>{_QUAL})?(?P<n>{_NUM_WORD})\s+{_NOUN}(?:(?:were|was|have\s+been|had\s+been|"
    rf"being|are|got)\s+(?:also\s+|reportedly\s+|all\s+)?"
    # one act joined to the killing ("were arrested by the army and killed", "were
    # abducted and shot dead"), not a hurt ("were wounded and" tells the hurt)
    rf"(?:(?!injured|wounded|hurt)[a-z]+ed\s+(?:(?:by|from|in)\s+(?:[\w-]+\s+){{1,4}}?)?"
    rf"and\s+(?:then\s+|later\s+)?)?)?(?:{_KILL}|deaths|fatalities)\b",
    re.IGNORECASE,
)
_KILLED_BEFORE = re.compile(
    rf"\b(?:(?:killing|killed|kills|kill|claimed\s+the\s+lives\s+of|"
    rf"(?:death\s+)?toll\s+(?:[\w-]+\s+){{0,5}}?(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|"
    rf"stood|jumped|increased)\s+(?:to|at)|deaths\s+of)\s+"
    # "killing all 176 occupants": every one of a number
    rf"(?:all\s+(?:the\s+)?)?(?P<q>{_QUAL})?(?P<n>{_NUM_WORD})\b"
    rf"(?!\s*(?:%|percent|years?|days?|km|miles))|"
    rf"(?:leaving|left)\s+(?P<q2>{_QUAL})?(?P<n2>{_NUM_WORD})\s+{_NOUN}(?:dead|killed)\b|"
    rf"(?:beat|hacked|chopped|stabbed|clubbed|lynched|stoned|burnt|burned)\s+"
    rf"(?P<n3>{_NUM_WORD})\s+{_NOUN}to\s+death\b|"
    rf"(?:beat|hacked|chopped|stabbed|clubbed|lynched|stoned|burnt|burned)\s+to\s+death\s+"
    rf"(?P<n4>{_NUM_WORD})\b|"
    # "the loss of 34 soldiers", "the loss of the lives of 12 people": deaths of people
    rf"loss\s+of\s+(?:the\s+lives\s+of\s+)?(?P<n5>{_NUM_WORD})\s+(?:[\w-]+\s+)?(?:lives|people|"
    rf"persons|soldiers|troops|civilians|men|women|children|officers|fighters|policemen|"
    rf"personnel|servicemen)\b|"
    # "the bodies of three men were found": the dead, counted where found
    rf"bodies\s+of\s+(?:at\s+least\s+)?(?P<n6>{_NUM_WORD})\s+(?!of\b|years?\b|days?\b))",
    re.IGNORECASE,
)
_INJURED_AFTER = re.compile(
    rf"\b(?P<q>{_QUAL})?(?P<n>{_NUM_WORD})\s+(?:others?\s+|more\s+|people\s+|{_NOUN})?"
    rf"(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:injured|wounded|hurt|"
    # "Two people sustained burn injuries", "five received bullet wounds"
    rf"(?:sustained|suffered|received)\s+(?:[\w-]+\s+){{0,2}}?(?:\w+-)?(?:injur(?:y|ies)|wounds))\b",
    re.IGNORECASE,
)
_INJURED_BEFORE = re.compile(
    rf"\b(?:(?:injuring|wounding|injured|wounded)\s+(?:all\s+(?:the\s+)?)?(?P<q>{_QUAL})?"
    rf"(?P<n>{_NUM_WORD})\b|(?:leaving|left)\s+(?P<q2>{_QUAL})?(?P<n2>{_NUM_WORD})\s+"
    rf"{_NOUN}(?:injured|wounded|hurt)\b)",
    re.IGNORECASE,
)
_SINGULAR_KILLED = re.compile(
    r"\b(?:was|is|has\s+been|had\s+been)\s+(?:also\s+|reportedly\s+|allegedly\s+)?(?:shot\s+dead|"
    r"killed|assassinated|murdered|executed|beheaded|shot\s+and\s+killed|gunned\s+down|"
    r"(?:hacked|chopped|beaten|stabbed|burnt|burned|clubbed|clobbered|bludgeoned|lynched|"
    r"crushed|tortured|stoned)\s+to\s+death)",
    re.IGNORECASE,
)
#: A person told in the singular (headline and list English: "Woman killed",
#: "killing two soldiers and the driver").
_ONE_PERSON = (
    r"(?:[Mm]an|[Ww]oman|[Bb]oy|[Gg]irl|[Cc]hild|[Ll]awyer|[Ff]armer|"
    r"[Cc]hief|[Tt]eacher|[Ss]tudent|[Oo]fficer|[Ss]oldier|[Pp]oliceman|[Tt]rader|[Jj]ournalist|"
    r"[Pp]astor|[Pp]riest|[Ii]mam|[Dd]river|[Ee]lder|[Hh]erder|[Hh]erdsman|[Vv]illager|[Rr]esident|"
    r"[Ll]eader|[Bb]usinessman|[Cc]ouncillor|[Aa]ctivist|[Ww]orker|[Gg]uard|[Rr]eservist|"
    r"[Mm]ember|[Rr]epresentative|[Oo]fficial|[Cc]hairman|[Cc]hairperson|[Cc]andidate|[Ss]upporter|"
    r"[Aa]spirant|[Ss]uspect|[Cc]ivilian|[Yy]outh|[Pp]olitician|[Tt]ourist|[Nn]urse|[Dd]octor|"
    r"[Cc]onductor|[Ww]atchman|[Ss]hopkeeper|[Ff]isherman|[Cc]leric|[Cc]ommander|[Ii]nformer|"
    r"[Hh]usband|[Ww]ife|[Ss]on|[Dd]aughter|[Ff]ather|[Mm]other|[Pp]erson|[Mm]otorist|[Jj]anitor)"
)
#: Headline English drops the article: "Woman killed on her farm", "Lawyer killed
#: at her home" tell one death (a singular person noun opening the sentence).
_BARE_ONE_KILLED = re.compile(
    # not a counted toll ("Two men killed" is read by the counts)
    r"^(?!\W*(?i:\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b))"
    r"\W*(?:(?!(?:after|following|over|against|as|when|protest\w*|demand\w*)\s)[\w’'-]+\s+){0,3}?"
    rf"{_ONE_PERSON}\s+"
    r"(?:(?:was\s+)?found\s+(?:dead|killed|murdered)|shot\s+dead|killed|murdered|lynched|"
    r"(?:hacked|stabbed|beaten)\s+to\s+death)\b"
)
#: "leaving him killed", "leaving the driver dead": one person left dead.
_LEFT_ONE_DEAD = re.compile(
    r"\b(?:leaving|left)\s+(?:(?:him|her)\s+|(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?)"
    r"(?:dead|killed)\b",
    re.I,
)
#: "The body of a nationalist, Raja Dahir, was found": one dead, found (ACLED codes
#: the discovery of a body killed by violence as that death).
_ONE_BODY_FOUND = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?:(?:dead|bullet-?\s*riddled|decomposed|mutilated|headless)\s+)?"
    r"body\s+of\s+[^.;:]{1,80}?\b(?:was|has\s+been)\s+(?:found|discovered|"
    r"recovered|dumped|pulled)\b"
)
#: A body found told as the cause of what the sentence tells ("protested after the
#: body of a girl was found"): the death is background, another event's.
_FOUND_AS_CAUSE = re.compile(
    r"\b(?:after|following|as|since|when|over|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I
)


def _found_as_cause(sentence: str, start: int, end: int) -> bool:
    """Whether the words of the 40 characters before ``start`` (up to ``end``) tell
    the finding as a cause."""
    return _FOUND_AS_CAUSE.search(sentence, max(0, start - 40), end) is not None


#: "an airstrike was executed": a plan or an operation carried out, no one killed.
_THING_EXECUTED = re.compile(
    r"\b(?:strikes?|airstrikes?|attacks?|operations?|plans?|orders?|raids?|missions?|warrants?|"
    r"searche?s?|programm?e?s?|manoeuvres?|maneuvers?)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:also\s+|reportedly\s+)?executed\b",
    re.I,
)
_PLURAL_KILLED = re.compile(
    r"\b(?:were|have\s+been|had\s+been)\s+(?:both\s+|also\s+|reportedly\s+)?(?:shot\s+dead|"
    r"killed|assassinated|murdered|executed|gunned\s+down|(?:hacked|chopped|beaten|stabbed|"
    r"burnt|burned|clubbed|bludgeoned|lynched|stoned)\s+to\s+death)",
    re.IGNORECASE,
)
_KILLED_OBJ = re.compile(
    r"\b(?:killed|killing|assassinated|assassinating|murdered|shot\s+dead|beheaded|"
    r"(?:hacked|stabbed|beaten|beat|clubbed|stoned|burnt|burned|bludgeoned)\s+to\s+death)\s+"
    r"(?:a|an|one|the)\s+(?!number)[\w-]+",
    re.IGNORECASE,
)
#: Every killing pattern holds one of these stems, every injury pattern one of those.
#: Stems of a death or an injury, and (below) any toll at all: every pattern below
#: needs one (most sentences have none). All are searched in the lower-cased sentence:
#: a case-blind alternation is ten times slower.
_KILL_HINT = re.compile(
    r"kill|dead|died|slain|murder|assassinat|execut|lives|perish|"
    r"behead|death|gunned|loss|fatalit|bod(?:y|ies)"
)
_INJURE_HINT = re.compile(r"injur|wound|hurt")
_ANY_HINT = re.compile(rf"{_KILL_HINT.pattern}|{_INJURE_HINT.pattern}|casualt|fatalit")
_NONE = Casualties(None, None, False, ())
_KILLED_OR_INJURED = re.compile(
    r"killed\s+or\s+(?:injured|wounded)|(?:injured|wounded)\s+or\s+killed|casualties", re.IGNORECASE
)


#: The largest figure read as a toll: a larger number in a sentence is not a count of
#: people killed or hurt in one event (and a 300-digit one would not fit a store column).
MAX_FIGURE = 10_000_000


def parse_number(text: str) -> tuple[int, bool] | None:
    """A figure in digits or words, and whether it is an estimate.

    A number over :data:`MAX_FIGURE` is no toll:

    >>> parse_number("3000000000") is None, parse_number("9" * 400) is None
    (True, True)

    >>> parse_number("22,000"), parse_number("three"), parse_number("dozens of")
    ((22000, False), (3, False), (12, True))
    >>> parse_number("twenty-five")
    (25, False)
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in VAGUE_FIGURES:
        return VAGUE_FIGURES[t], True
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (thousand|million))?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        value *= {"thousand": 1000, "million": 1_000_000}.get(m.group(2) or "", 1)
        if not value <= MAX_FIGURE:  # also NaN and infinity ("1" * 310 parses as inf)
            return None
        return int(value), False
    if t in FIGURE_WORDS:
        return FIGURE_WORDS[t], False
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in FIGURE_WORDS and parts[1] in FIGURE_WORDS:
        return FIGURE_WORDS[parts[0]] + FIGURE_WORDS[parts[1]], False
    return None


#: A short aside in brackets without a digit.
_ASIDE = re.compile(r"\([^()\d]{1,80}\)")
#: A toll the text says was superseded ("after reporting an earlier toll of two
#: dead", "up from a previous toll of 12"): news writing gives the current figure
#: and names the old one only to say it changed. It is not read as a count.
_SUPERSEDED = re.compile(
    r"\b(?:an?\s+|the\s+)?(?:earlier|previous|initial|preliminary|prior|first|old)\s+"
    r"(?:death\s+)?(?:toll|count|tally|figure|report)s?\s+(?:of|at|was|had\s+been|stood\s+at)\s+"
    r"[^,.;()]{1,60}",
    re.IGNORECASE,
)


#: Deaths that are not this event's toll, blanked before reading:
#: - a clause ACLED's notes mark "(coded separately)": another event's toll;
#: - a death in an accident (road, fire, drowning): ACLED codes political violence
#:   and demonstrations, and a crowd's grievance over an accident is not a killing;
#: - an attempt ("tried to kill five children"): nobody died of it.
_NOT_THIS_TOLL = re.compile(
    r"[^,;.()]*\((?:coded\s+(?:separately|as\s+a\s+separate\s+event)|"
    r"reported\s+separately)\)"
    r"|[^,;.()]*\b(?:killed|died|dead|death|deaths|lives)\b[^,;.()]*\baccidents?\b[^,;.()]*"
    r"|[^,;.()]*\baccidents?\b[^,;.()]*\b(?:killed|died|dead|death|deaths)\b[^,;.()]*"
    r"|\b(?:attempt(?:ed|ing|s)?|tr(?:y|ied|ying|ies))\s+to\s+(?:kill|murder)\b[^,;.()]{0,60}",
    re.IGNORECASE,
)


def read_casualties(sentence: str, offset: int = 0) -> Casualties:
    """Killed and injured counts of one sentence (``None`` if not told).

    A superseded toll is not read:

    >>> read_casualties("Fifty were wounded, officials said after an earlier toll of two dead.").killed

    Nor is a death in an accident, or one another event holds:

    >>> read_casualties("They protested after a worker was killed in an accident with a bus.").killed
    >>> read_casualties("They carried the bodies of 4 students killed (coded separately).").killed
    """
    low = sentence.lower()
    if not _ANY_HINT.search(low):
        return _NONE
    if "toll" in low or "count" in low or "tally" in low or "figure" in low or "report" in low:
        sentence = _SUPERSEDED.sub(lambda m: " " * len(m.group(0)), sentence)
        low = sentence.lower()
    if "accident" in low or "separately" in low or " to kill" in low or " to murder" in low:
        sentence = _NOT_THIS_TOLL.sub(lambda m: " " * len(m.group(0)), sentence)
        low = sentence.lower()
    if "(" in sentence:
        # "left 3 fighters (including the director) dead": an aside holds no figure here
        sentence = _ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    killed, injured, estimated = None, None, False
    spans: list[tuple[int, int]] = []
    ambiguous = _KILLED_OR_INJURED.search(sentence)
    # most sentences tell no toll: skip the costly patterns unless a stem is there
    kill_hint, injure_hint = _KILL_HINT.search(low), _INJURE_HINT.search(low)
    dead: list[_Count] = []
    for m in _iter_counts(sentence, (_KILLED_AFTER, _KILLED_BEFORE) if kill_hint else ()):
        if _is_subset(sentence, m) or (
            ambiguous and ambiguous.start() - 40 < m.start < ambiguous.end() + 40
        ):
            continue
        value, est = m.value
        killed = value if killed is None else killed + value
        estimated |= est
        spans.append((m.start + offset, m.end + offset))
        dead.append(m)
    if len(dead) > 1 and "(" in sentence:
        killed = _lowest_of_sources(sentence, dead, killed)
    if killed is None and not ambiguous and kill_hint:
        implicit = _implicit_killed(sentence)
        if implicit:
            killed, span = implicit
            spans.append((span[0] + offset, span[1] + offset))
    for m in _iter_counts(sentence, (_INJURED_AFTER, _INJURED_BEFORE) if injure_hint else ()):
        if _is_subset(sentence, m) or any(s - offset <= m.start < e - offset for s, e in spans):
            continue
        value, est = m.value
        injured = value if injured is None else injured + value
        estimated |= est
        spans.append((m.start + offset, m.end + offset))
    if re.search(
        r"\bno\s+(?:casualties|fatalities|deaths|one\s+was\s+(?:killed|hurt))|"
        r"no\s+(?:reported\s+)?(?:casualties|fatalities)|without\s+casualties",
        sentence,
        re.IGNORECASE,
    ):
        killed = 0 if killed is None else killed
        injured = 0 if injured is None else injured
    return Casualties(killed, injured, estimated, tuple(sorted(spans)))


#: A count right after a killing verb ("killing two …"), and a second figure listed
#: after it in the same object ("…, and one British soldier"), not itself an injury.
_VERB_FIRST = re.compile(
    r".*\b(?:killing|killed|kills|kill)\s+(?:at\s+least\s+|more\s+than\s+)?\S*$", re.I | re.S
)
_LISTED_AFTER = re.compile(
    rf"\S+(?:\s+[\w’'-]+){{1,4}}?,?\s+and\s+(?:{_QUAL})?(?P<n>{_NUM_WORD})\s+", re.I
)
#: "killed two border guards and the driver of their car", "killing three soldiers
#: and a civilian": one more person listed after a count, in the singular (not one
#: who was hurt: "and a civilian was wounded").
_ONE_LISTED_AFTER = re.compile(
    rf"\S+(?:\s+[\w’'-]+){{1,4}}?,?\s+and\s+(?:the|a|an|one|their|his|her)\s+"
    rf"(?:[\w-]+\s+)?(?P<p>{_ONE_PERSON})\b(?!\s+(?:was|is|were)\b|\s*'s\b)"
)
_HURT_AFTER = re.compile(r"\s*(?:[\w’'-]+\s+){0,3}?(?:injured|wounded|hurt|more|others?)\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b{MONTH_NAME}\s+$")
_PEOPLE_AFTER = re.compile(
    r"\s+(?:people|persons|civilians|men|women|children|soldiers|policemen|police|officers|"
    r"militants|fighters|protesters|demonstrators|villagers|students|others)\b",
    re.I,
)


class _Count:
    __slots__ = ("end", "start", "sum_with_previous", "value")

    def __init__(self, start: int, end: int, value: tuple[int, bool], sum_prev: bool) -> None:
        self.start, self.end, self.value, self.sum_with_previous = start, end, value, sum_prev


#: Those who do the killing: "Three gunmen killed two farmers" counts the farmers.
_PERPETRATORS = re.compile(
    r"\b(?:gunmen|attackers|assailants|militants|raiders|bandits|robbers|kidnappers|"
    r"terrorists|insurgents|rebels|men|youths|suspects|assassins|killers|mob)\b",
    re.I,
)
#: A passive auxiliary before the verb: the number are the victims ("were killed").
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|got)\b", re.I)
#: An object after an active killing verb: "killed two farmers", "shot dead a teacher".
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|his|her|"
    r"their|several|many|dozens|scores|at\s+least)\b",
    re.I,
)


def _doers(sentence: str, m: re.Match[str], group: str) -> bool:
    """Whether the number before an active killing verb counts those who killed
    ("Two attackers hacked to death a chief"), not the dead."""
    words = sentence[m.end(group) : m.end()]
    return (
        bool(_PERPETRATORS.search(words))
        and not _PASSIVE.search(words)
        and bool(_OBJECT_AFTER.match(sentence, m.end()))
    )


#: "41 soldiers and | 25 mercenaries were killed": a number listed before another.
_LISTED_BEFORE = re.compile(
    # not a count with its own participle ("Nine officers injured and one killed": the
    # nine were hurt, not killed)
    rf"(?P<n>{_NUM_WORD})\s+(?:(?!(?:injured|wounded|hurt|arrested|missing|abducted)\b)"
    rf"[\w’'-]+\s+){{0,6}}?and\s+(?:of\s+)?$",
    re.IGNORECASE,
)


def _iter_counts(sentence: str, patterns: tuple[re.Pattern[str], ...]) -> list[_Count]:
    found: list[_Count] = []
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            group = next(
                g for g in ("n", "n2", "n3", "n4", "n5", "n6") if m.groupdict().get(g) is not None
            )
            if pattern is _KILLED_AFTER and _doers(sentence, m, group):
                continue
            if group == "n6" and _found_as_cause(sentence, m.start(), m.start()):
                continue  # "protests after the bodies of three men were found"
            n = m.group(group)
            parsed = parse_number(n)
            if parsed is None:
                continue
            if parsed[0] >= 1900 and re.fullmatch(r"(19|20)\d\d", n):
                continue  # a year
            if parsed[1] and m.group(0).lower().endswith(("deaths", "fatalities")):
                continue  # "a number of local deaths": no count of this event's dead
            if (
                n[:1].isdigit()
                and _MONTH_BEFORE.search(sentence, 0, m.start(group))
                and not _PEOPLE_AFTER.match(sentence, m.end(group))
            ):
                continue  # "on Aug. 11 killed two": a day of the month ("Oct. 7 people
                # killed" counts people)
            if any(f.start <= m.start(group) < f.end for f in found):
                continue
            if re.match(r"\s+other\b", sentence[m.end(group) :]) and not re.search(
                r"\b(?:was|were)\s+(?:also\s+)?(?:killed|shot)", sentence[: m.start(group)]
            ):
                # "Soleimani and nine other passengers were also killed" → 10
                parsed = (parsed[0] + 1, parsed[1])
            found.append(_Count(m.start(group), m.end(), parsed, False))
    found.sort(key=lambda c: c.start)
    # "killing two Americans, and one British soldier": numbers listed after the verb
    for c in list(found):
        if not _VERB_FIRST.match(sentence, max(0, c.start - 40), c.start + 1):
            continue
        tail = _LISTED_AFTER.match(sentence, c.start)
        if tail and not any(f.start <= tail.start("n") < f.end for f in found):
            parsed = parse_number(tail.group("n"))
            if parsed and not _HURT_AFTER.match(sentence, tail.end("n")):
                found.append(_Count(tail.start("n"), tail.end("n"), parsed, False))
        elif not tail:
            one = _ONE_LISTED_AFTER.match(sentence, c.start)
            if one and not any(f.start <= one.start("p") < f.end for f in found):
                found.append(_Count(one.start("p"), one.end("p"), (1, False), False))
    found.sort(key=lambda c: c.start)
    # "41 soldiers and 25 mercenaries were killed": numbers listed before the verb
    extra: list[_Count] = []
    for c in found:
        head = sentence[max(0, c.start - 120) : c.start]
        lst = _LISTED_BEFORE.search(head) if "and" in head.lower() else None
        if lst:
            parsed = parse_number(lst.group("n"))
            s0 = c.start - len(head) + lst.start("n")
            if parsed and not any(f.start <= s0 < f.end for f in found + extra):
                extra.append(_Count(s0, c.start, parsed, False))
    return sorted(found + extra, key=lambda c: c.start)


#: An aside that gives another source's figure ("(the ministry announced 33
#: deaths)"): a second count of the same dead, not more dead.
_SOURCE_ASIDE = re.compile(
    r"\((?=[^()]*\b(?:said|says|announced|reported|put|gave|confirmed|claimed|according)\b)"
    r"[^()]{1,160}\)",
    re.I,
)


def _lowest_of_sources(sentence: str, dead: list[_Count], killed: int) -> int:
    """Two sources' figures for the same dead (``dead``: the counts read), one told
    in an aside: the lowest (ACLED's rule), not their sum ``killed``."""
    for aside in _SOURCE_ASIDE.finditer(sentence):
        inside = sum(c.value[0] for c in dead if aside.start() <= c.start < aside.end())
        outside = sum(c.value[0] for c in dead if not aside.start() <= c.start < aside.end())
        if inside and outside:
            return min(inside, outside)
    return killed


def _is_subset(sentence: str, m: _Count) -> bool:
    """ "33 of the killed", "including 33 organisers": part of a count told."""
    before = sentence[max(0, m.start - 14) : m.start]
    after = sentence[m.start : m.end + 4]
    return bool(
        re.search(r"\b(?:including|among\s+them|among\s+the)\s+$", before, re.IGNORECASE)
        or re.search(rf"^\S+\s+{PART_OF_A_TOLL}", after, re.IGNORECASE)
    )


def _implicit_killed(sentence: str) -> tuple[int, tuple[int, int]] | None:
    """Counts told without a figure: "was shot dead", "X and Y were killed"."""
    m = _SINGULAR_KILLED.search(sentence)
    if m and not _THING_EXECUTED.search(sentence, 0, m.end()):
        return 1, m.span()
    m = _BARE_ONE_KILLED.match(sentence)
    if m:
        return 1, m.span()
    m = _LEFT_ONE_DEAD.search(sentence)
    if m:
        return 1, m.span()
    m = _PLURAL_KILLED.search(sentence)
    if m:
        subject = sentence[: m.start()]
        other = re.search(rf"(?P<n>{_NUM_WORD})\s+other\s+[\w-]+", subject, re.IGNORECASE)
        if other and parse_number(other.group("n")):
            n = parse_number(other.group("n"))[0]  # type: ignore[index]
            return n + 1, m.span()
        named = _count_named(subject)
        return (named, m.span()) if named else None
    m = _KILLED_OBJ.search(sentence)
    if m:
        return 1, m.span()
    m = _ONE_BODY_FOUND.search(sentence)
    # (past the match's article: "after the | body of")
    if m and not _found_as_cause(sentence, m.start(), m.start() + 4):
        return 1, m.span()
    return None


#: A part of a subject that is a name and nothing else ("Ali Hassan", "Mohammed
#: al-Sadr"), not a description ("Iraqi soldiers", "This is the first time …").
_NAME_ONLY = re.compile(
    r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|bint|de|da|del|van|von|der|abu|ul|ud)"
    r"(?:-[A-Z][\w’'-]*)?))*$"
)


def _count_named(subject: str) -> int:
    """How many people a subject names: "A, deputy of B, and C" → 2; 0 if none."""
    clause = re.split(r"[;:]|\bthat\b", subject)[-1]
    clause = re.sub(r"\([^)]*\)", "", clause)
    # drop appositives: ", commander of the ...," between commas
    clause = re.sub(r",\s+(?!and\b)(?:[a-z]|the\s|a\s|an\s)[^,]*,", ",", clause)
    parts = [p.strip() for p in re.split(r",\s*and\s+|\s+and\s+|,\s*", clause) if p.strip()]
    named = [
        p
        for p in parts
        if (re.match(r"a\s|an\s", p) or _NAME_ONLY.match(p))
        and not re.match(
            r"(?:In|On|At|During|After|Before|Also|Then|When|While|The|But|They|He|She|It|We|These|Those|Both|All|Some|Many|Several)\b",
            p,
        )
    ]
    return len(named)
