"""Places named inside the areas around them: "Chakaria town (Cox's Bazar,
Chittagong)", "Zaghniya village, Tarmiyah district, Baghdad", "Ratnipora in district
Pulwama", "Jalawla, Diyala province", "Zap region of Dahuk", "Kirkuk, Iraq".

News copy and ACLED's notes locate a small place by the larger ones that hold it.
The rules below, read off the words between two names of one sentence, mark the
second as the first one's **container**; :mod:`.resolve` then reads the container
as the division it names when it can be one (Cox's Bazar district, not the town),
chooses the inner name's namesake inside it, and an event whose inner place the
gazetteer lacks is placed at the container, with the container's precision.

===========================  =======================================  ==========================
rule                         the words between the names              example
===========================  =======================================  ==========================
in brackets                  "(", after a kind word or not            "Chakaria town (Cox's Bazar"
brackets' next name          ", " inside the brackets                 "(Cox's Bazar, Chittagong)"
after a kind word and comma  "town, ", "district, ", "area, "         "Tarmiyah district, Baghdad"
a comma, a division word     ", " and a division word after it        "Jalawla, Diyala province"
a comma, a country or state  ", " before a country or first-level     "Kirkuk, Iraq", "Springfield,
                             division that ends the list              Illinois"
in / of a division           "in", "of" with a division word          "Ratnipora in district
                             (before or after the container)          Pulwama", "Zap region of
                                                                      Dahuk", "X in Y province"
===========================  =======================================  ==========================

A list is no container: in "Baghdad, Basra and Najaf" or "Nineveh, Anbar and
Salahuddin provinces" no name holds another (a name followed by ", " or "and"
and another name, or preceded by one, is a list's item).

>>> from geo.extraction.places.mention import Mention
>>> text = "a rally in Chakaria town (Cox's Bazar, Chittagong) on Monday"
>>> ms = [Mention(11, 19, "Chakaria", "unknown", [], 0),
...       Mention(26, 37, "Cox's Bazar", "gazetteer", [], 0),
...       Mention(39, 49, "Chittagong", "gazetteer", [], 0)]
>>> mark_containers(ms, text)
>>> [(m.text, m.inside) for m in ms]
[('Chakaria', 1), ("Cox's Bazar", 2), ('Chittagong', None)]
"""

from __future__ import annotations

import re

from geo.extraction.places.mention import Mention

#: Words of a place's kind that may stand between it and its container.
_KIND = (
    r"(?:town|city|village|area|locality|neighbou?rhood|municipality|upazila|union|"
    r"tehsil|taluka?|township|sub-?district|district|county|region|zone|camp|market|bazaar)"
)
#: Words of divisions: "district", "province"...
_DIVISION = (
    r"(?:district|province|governorate|state|county|region|division|upazila|tehsil|"
    r"taluka?|township|sub-?district|prefecture|department|oblast|municipality|zone)"
)

#: The words between an inner name and its container, by rule (see the table).
_IN_BRACKETS = re.compile(rf"\s*(?:{_KIND}\s*)?\(\s*(?:the\s+)?", re.I)
_BRACKETS_NEXT = re.compile(r"\s*,\s*(?:the\s+)?")
_KIND_COMMA = re.compile(rf"\s+{_KIND}\s*,\s*(?:the\s+)?", re.I)
_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_IN_OF = re.compile(
    rf"\s+(?:{_KIND}\s+)?(?:in|of)\s+(?:the\s+)?(?P<div>{_DIVISION}\s+(?:of\s+)?)?", re.I
)
#: A division word right after the container: "Diyala province".
_DIVISION_AFTER = re.compile(rf"\s+{_DIVISION}\b", re.I)
#: A name that ends in its division word ("Narok County", the name as indexed).
_DIVISION_END = re.compile(rf"\s{_DIVISION}$", re.I)
#: "the countryside of Idlib", "rural Damascus", "Aleppo countryside": the
#: province around a city, not the city.
_COUNTRYSIDE_BEFORE = re.compile(r"(?:\bcountryside\s+of\s+(?:the\s+)?|\brural\s+)$", re.I)
_COUNTRYSIDE_AFTER = re.compile(r"\s+countryside\b", re.I)
#: A capitalised word right after a name: the name goes on ("Vladimir Isachenkov").
_NAME_ON = re.compile(r"\s+[A-Z]")
#: What continues a list after a name: ", " or "and" / "or".
_LIST_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _top_kind(m: Mention) -> str:
    return m.candidates[0].kind if m.candidates else ""


def _is_container(
    m: Mention, p: Mention, gap: str, after: str, in_brackets: bool, listed: bool
) -> bool:
    """Whether ``p`` holds ``m``, by the words ``gap`` between them and ``after`` ``p``."""
    if in_brackets and _BRACKETS_NEXT.fullmatch(gap):
        return True
    if _IN_BRACKETS.fullmatch(gap):
        return True
    if _KIND_COMMA.fullmatch(gap):
        return True
    if listed:
        return False
    if _COMMA.fullmatch(gap):
        if _DIVISION_AFTER.match(after) or _DIVISION_END.search(p.text):
            return True  # "Jalawla, Diyala province", "Kilgoris, Narok County"
        # "Beirut, Vladimir Isachenkov in Moscow": a name going on is no area
        return (
            _top_kind(p) in ("country", "admin1")
            and _top_kind(m) in ("city", "site", "admin2", "")  # not "In Asia, Canada ..."
            and not _NAME_ON.match(after)
        )
    io = _IN_OF.fullmatch(gap)
    if io is not None:
        return bool(io.group("div")) or bool(_DIVISION_AFTER.match(after))
    return False


def mark_containers(mentions: list[Mention], text: str) -> None:
    """Set each mention's ``inside`` to the index of the mention that contains it
    (see the module's table), and mark that one a ``container``; the countryside
    of a city ("the countryside of Idlib", "rural Damascus") is read as an area too."""
    for m in mentions:
        if _COUNTRYSIDE_BEFORE.search(text, max(0, m.start - 25), m.start) or (
            _COUNTRYSIDE_AFTER.match(text, m.end)
        ):
            m.container = True
    for i in range(len(mentions) - 1):
        m, p = mentions[i], mentions[i + 1]
        if p.sentence_start != m.sentence_start or p.start < m.end:
            continue
        gap = text[m.end : p.start]
        if len(gap) > 40 or "\n" in gap:
            continue
        after = text[p.end : p.end + 20]
        # a list's items hold no one another: "Baghdad, Basra and Najaf"
        nxt = mentions[i + 2] if i + 2 < len(mentions) else None
        listed = bool(
            (
                nxt is not None
                and nxt.sentence_start == p.sentence_start
                and _LIST_ON.fullmatch(text[p.end : nxt.start])
            )
            or (
                i > 0
                and mentions[i - 1].sentence_start == m.sentence_start
                and mentions[i - 1].inside is None
                and _LIST_ON.fullmatch(text[mentions[i - 1].end : m.start])
            )
        )
        # "(Cox's Bazar, Chittagong)": the brackets opened before m are still open
        in_brackets = (
            i > 0
            and mentions[i - 1].inside == i
            and "(" in text[mentions[i - 1].end : m.start]
            and ")" not in gap
        )
        if _is_container(m, p, gap, after, in_brackets, listed):
            m.inside = i + 1
            p.container = True
