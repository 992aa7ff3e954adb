"""Telling a place from a person, an organisation, a water or a common word.

:func:`keep` looks at a gazetteer match where it sits in its capitalised run
and either drops it (``None``) or keeps it with a :class:`Verdict`: whether
the name modifies a noun rather than locating ("US forces", "Iraq Ministry of
Oil"), and the kind of place a following word gives it ("Anbar province").

Each check is a general rule of English news writing; their words are the
tables of :mod:`geo.lexicon.words`.

Example
-------
>>> Verdict().modifier, Verdict(suffix="province").suffix
(False, 'province')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geo.extraction.places.mention import Mention, common_words, given_names
from geo.gazetteer import Entry, normalize, strip_article
from geo.lexicon.words import (
    FACILITY_NOUNS,
    LAND_LANDFORMS,
    LANDFORMS,
    LOCAL_BODIES,
    LOCATIVES,
    MODIFIED_NOUNS,
    NAME_CONNECTORS,
    NAME_OF_SOMETHING_ELSE,
    NAMES_OF_GROUPS,
    PERSON_TITLES,
    PLACE_PREPOSITION_BEFORE,
    PLACE_SUFFIXES,
    STOP_WORDS,
    WATERS,
)

_WATER_OF = re.compile(r"\b(?:Gulf|Bay|Sea|Strait|Straits|Lake|Isle)\s+of\s+(?:the\s+)?$")


@dataclass(frozen=True, slots=True)
class RunContext:
    """A capitalised run of one sentence, where a match sits."""

    sent: str
    tokens: list[tuple[int, int, str]]
    #: Token indices of the run.
    run: list[int]
    #: The run's words.
    words: list[str]
    #: The lower-cased word before the run ("in" for a dateline's name).
    prev_tok: str
    sentence_initial: bool
    #: The run is a wire dateline's place: a place however common the word.
    told: bool = False
    #: Codes of countries too small for their divisions to be strong names
    #: (:meth:`geo.gazetteer.Gazetteer.small_countries`).
    small: frozenset[str] = frozenset()
    #: The whole document: whether it ever writes a name's word in lower case.
    doc: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a kept match reads: a modifier ("US forces"), and a place-kind suffix."""

    modifier: bool = False
    suffix: str = ""
    #: A town naming a local body or building ("Hyderabad Press Club"): words.LOCAL_BODIES.
    local: bool = False


def _strong(best: Entry, small: frozenset[str] = frozenset()) -> bool:
    """A country, a division or a city of a million: a name rarely meant otherwise.
    Not a division of a country of under a million people: those are parishes and
    sheadings named after saints and people ("Michael Eneramo", "Sister Mary Agnes"
    hold no Isle of Man sheading).

    >>> e = Entry("x", "Michael", 54.2, -4.6, "admin1", "IM", "", 0)
    >>> _strong(e), _strong(e, frozenset({"IM"}))
    (True, False)
    """
    if best.kind in ("admin1", "admin2"):
        return best.country_code not in small
    return best.kind in ("country", "continent") or best.population >= 1_000_000


def _is_acronym(m: Mention, best: Entry, told: bool) -> bool:
    """An acronym ("FDA", "NATO", "EU") is not the town Fada, Nato or Eu."""
    return m.text.isupper() and len(m.text) <= 5 and best.kind != "country" and not told


def _names_a_water(nxt: str, rc: RunContext, i0: int) -> bool:
    """ "the Indian Ocean", "the Gulf of Aden": the water, not the land."""
    return nxt in WATERS or bool(_WATER_OF.search(rc.sent[: rc.tokens[rc.run[i0]][0]]))


def _bad_variant(m: Mention, n: int, rc: RunContext, sentence_initial: bool) -> bool:
    """The caller tries variant spellings only where one can be told as a place."""
    return m.kind == "variant" and (
        n != len(rc.words)
        or sentence_initial
        or normalize(m.text) in common_words()
        or m.possessive
    )


def _part_of_a_person(i0: int, rc: RunContext, strong: bool) -> bool:
    """A title before the run ("President Barham Saleh"), or a run that goes on
    before the match with words of a name ("Qais Khazali", "Muhammad Baqir Hakim")."""
    if i0 == 0 and rc.prev_tok in PERSON_TITLES:
        return True
    before = [w.lower().rstrip(".") for w in rc.words[:i0]]
    return (
        bool(before)
        and not strong
        and any(
            w in PERSON_TITLES or w not in NAME_CONNECTORS | LOCATIVES | STOP_WORDS for w in before
        )
    )


def ends_a_persons_name(
    m: Mention, i0: int, n: int, rc: RunContext, is_place: Callable[[str], bool]
) -> bool:
    """Whether the match is the surname of a person's name that fills the run
    ("Christopher Steele", "Sen. Walsh", "Kimberly Renee Underwood"): one word, the
    run's last, no common word and no strong place; each word before it a title or
    an uncommon word that is no place name ("Memphis Street", "Another Gainesville",
    "Circuit Court" are not persons)."""
    if n != 1 or i0 + n != len(rc.words) or not m.candidates or _strong(m.candidates[0], rc.small):
        return False
    words = common_words()
    if not _part_of_a_person(i0, rc, False):
        return False
    before = [w.rstrip(".") for w in rc.words[:i0]]
    # after a common given name even a surname that is a word ("Casey Manning"), not
    # a place's kind ("Mary Hill")
    after_given = bool(before) and before[-1] in given_names()
    low = m.text.lower()
    if (normalize(m.text) in words and not after_given) or low in LANDFORMS | PLACE_SUFFIXES:
        return False
    if i0 == 0:
        return rc.prev_tok in PERSON_TITLES
    titles = [k for k, w in enumerate(before) if w.lower() in PERSON_TITLES]
    if titles:
        before = before[titles[-1] + 1 :]  # "Circuit Court Judge | Casey Manning"
    return all(
        w.lower() in PERSON_TITLES
        or w in given_names()
        or (w.isalpha() and w.lower() not in words and not is_place(normalize(w)))
        for w in before
    )


_PLACE_PREPOSITION = re.compile(PLACE_PREPOSITION_BEFORE, re.I)


def _after_place_preposition(m: Mention, rc: RunContext) -> bool:
    start = m.start - m.sentence_start
    return bool(_PLACE_PREPOSITION.search(rc.sent[max(0, start - 30) : start]))


def _read_words_after(
    m: Mention, after_words: list[str], best: Entry, strong: bool, rc: RunContext
) -> Verdict | None:
    """Capitalised words after the match inside its run: a place kind ("Anbar
    Province"), another kind of name ("Sadr Movement", "Basra Oil Company": dropped),
    or a noun a strong name modifies ("US President")."""
    if not after_words or m.possessive or after_words[0].islower():
        return Verdict()  # "Mosul on Saturday": the run goes on past a small word
    head = after_words[0].lower().rstrip(".")
    if head in PLACE_SUFFIXES:
        return Verdict(suffix=head)
    if best.kind in ("city", "site", "admin1", "admin2") and any(
        w.lower().rstrip(".") in LOCAL_BODIES for w in after_words[:4]
    ):
        # "Aligarh Muslim University", "Garissa High School" (a county's too)
        return Verdict(modifier=True, local=True)
    if head in FACILITY_NOUNS and best.kind != "country" and _after_place_preposition(m, rc):
        return Verdict(modifier=True)  # "outside the Larkana Press Club": see roles
    if head in NAME_OF_SOMETHING_ELSE and best.kind != "country":
        return None
    if (
        strong
        and best.kind != "country"
        and m.text in given_names()
        and head.isalpha()
        and head not in common_words()
    ):
        return None  # a given name before a surname: "Mary Agnes", "Virginia Woolf"
    if strong:
        return Verdict(modifier=True)
    return None  # "Saleh Mohammed", "Quds Force"


def _modifies_next_word(
    m: Mention, rc: RunContext, i0: int, n: int, nxt_idx: int, nxt: str, best: Entry
) -> bool:
    """A country name right before a lower-case noun it modifies ("US forces")."""
    if not (
        nxt and nxt[0].isalpha() and nxt.islower() and best.kind == "country" and not m.possessive
    ):
        return False
    gap = rc.sent[rc.tokens[rc.run[i0 + n - 1]][1] : rc.tokens[nxt_idx][0]]
    return gap.strip() == "" and nxt in MODIFIED_NOUNS


#: A town this large whose name is frequent only as that name ("Vancouver") is
#: not taken for a common word where the document never writes it in lower case.
PROPER_ONLY_TOWN = 100_000


#: The answers about the document being read, with that document: a corpus pins
#: no earlier text (a cache keyed by whole documents would keep thousands alive).
#: One tuple, replaced whole, so a thread never reads another document's answers.
_DOC_ANSWERS: tuple[str | None, dict[tuple[str, str], bool]] = (None, {})


def _about_the_document(doc: str, question: str, pattern: str) -> bool:
    """Whether ``pattern`` occurs in ``doc``, asked once per document and question."""
    global _DOC_ANSWERS
    held, answers = _DOC_ANSWERS
    if held is not doc:
        answers = {}
        _DOC_ANSWERS = (doc, answers)
    key = (question, pattern)
    if key not in answers:
        answers[key] = re.search(pattern, doc) is not None
    return answers[key]


def _written_in_lower_case(doc: str, key: str) -> bool:
    """Whether ``doc`` holds the word ``key`` in lower case ("mobile phones").

    >>> _written_in_lower_case("A mobile phone in Mobile.", "mobile")
    True
    >>> _written_in_lower_case("Rain in Vancouver.", "vancouver")
    False
    """
    return _about_the_document(doc, "lower", rf"(?<![\w-]){re.escape(key)}(?![\w-])")


def _written_as_a_name(doc: str, word: str) -> bool:
    """Whether ``doc`` writes ``word`` capitalised inside a sentence (after a
    lower-case word or a comma), where only a name is.

    >>> _written_as_a_name("Ohio recession. Jobs left Ohio in May.", "Ohio")
    True
    >>> _written_as_a_name("Nice weather. Nice day.", "Nice")
    False
    """
    return _about_the_document(doc, "name", rf"[a-z,;]\s+{re.escape(word)}(?![\w-])")


def _a_common_word(
    m: Mention,
    key: str,
    best: Entry,
    i0: int,
    rc: RunContext,
    strong: bool,
    sentence_initial: bool,
    n: int,
) -> bool:
    """A one-word name that is a common English word is no place unless told as
    one ("in Austin", "near Bath") or strong and not opening the sentence."""
    common = (key in common_words() or key.rstrip("s") in common_words()) and not (
        m.text.isupper() and best.kind == "country"
    )  # "US" is not "us"
    if common and rc.doc and best.prominence >= PROPER_ONLY_TOWN:
        # the frequency list folds case: "vancouver" is frequent as a name, not as a
        # word; a large town's name the document never writes in lower case is a name,
        # and opening a sentence too when the document writes it as a name elsewhere
        # ("Ohio recession: ..." in a report that says "in Ohio")
        common = _written_in_lower_case(rc.doc, key) or (
            sentence_initial and not _written_as_a_name(rc.doc, m.text)
        )
    after_locative = i0 == 0 and rc.prev_tok in LOCATIVES and not sentence_initial
    return n == 1 and common and not after_locative and (sentence_initial or not strong)


#: Words that end the name of a military operation ("Dawn of Idlib 2 Operation",
#: "the Mosul Offensive"): a place in it names the operation, not where a sentence's
#: event happened.
_OPERATION_WORDS = frozenset({"operation", "offensive"})


def _names_an_operation(rc: RunContext, nxt_idx: int) -> bool:
    if rc.words and rc.words[0].lower() == "operation":
        return True  # "Operation Euphrates Shield"
    tokens = rc.tokens
    j = nxt_idx
    if j < len(tokens) and tokens[j][2].isdigit():
        j += 1  # "… 2 Operation"
    return (
        j < len(tokens) and tokens[j][2].lower() in _OPERATION_WORDS and tokens[j][2][0].isupper()
    )


def keep(m: Mention, i0: int, n: int, rc: RunContext) -> Verdict | None:
    """Whether the match of words ``i0 … i0+n`` of the run is a place, and how it reads.

    ``None`` drops it: a person, an organisation, a water, an acronym, a word.
    """
    sentence_initial = rc.sentence_initial and i0 == 0  # "Leaders of Russia": not Russia
    best = m.candidates[0]
    if _is_acronym(m, best, rc.told):
        return None
    if strip_article(normalize(m.text)) in NAMES_OF_GROUPS:
        return None  # "al-Shabab militants", "Jubilee supporters": a group, not a place
    if n == 1 and i0 > 0 and rc.words[i0].lower() in LANDFORMS | WATERS:
        return None  # "Boni Forest", "Chepkitale Forest": the head of a longer name
    strong = _strong(best, rc.small)
    nxt_idx = rc.run[i0 + n - 1] + 1
    nxt = rc.tokens[nxt_idx][2].lower() if nxt_idx < len(rc.tokens) else ""
    if _names_a_water(nxt, rc, i0):
        return None
    if m.kind == "demonym":
        return Verdict(modifier=True)
    if _names_an_operation(rc, nxt_idx):
        return Verdict(modifier=True)  # "the Dawn of Idlib 2 Operation": its name
    if _bad_variant(m, n, rc, sentence_initial) or _part_of_a_person(i0, rc, strong):
        return None
    after_words = rc.words[i0 + n :]
    verdict = _read_words_after(m, after_words, best, strong, rc)
    if verdict is None:
        return None
    modifier, suffix, local = verdict.modifier, verdict.suffix, verdict.local
    if not after_words and nxt in LOCAL_BODIES and best.kind in ("city", "site"):
        modifier = local = True  # "the Thalang police station"
    elif nxt in NAME_OF_SOMETHING_ELSE and not after_words:
        if nxt in WATERS | LANDFORMS:  # "Sinjar mountains" yes, "Tigris river" no
            return Verdict() if nxt in LAND_LANDFORMS else None
        if not strong:
            return None
        modifier = True
    if nxt in PLACE_SUFFIXES:
        suffix = nxt
    elif not after_words and strong and _modifies_next_word(m, rc, i0, n, nxt_idx, nxt, best):
        modifier = True  # "US forces", "Iraq issue"
    key = normalize(m.text)
    if _a_common_word(m, key, best, i0, rc, strong, sentence_initial, n):
        return None
    if len(key) < 3 and not m.text.isupper():
        return None  # "US", "UK", not "Is", "Us"
    return Verdict(modifier, suffix, local)
