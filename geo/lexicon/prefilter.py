r"""A cheap literal test in front of a large regular expression.

Most of the trigger tables' patterns can only match where one of a few short
literal strings is in the text: ``\b(?:killed|killing)\b`` needs "killed" or
"killin". :func:`gate` reads those strings off a compiled pattern's parse
tree (up to six characters of every way a match can begin, a run of white space
read as one space), and
:class:`GatedPattern` answers ``search`` with ``None`` at once when none of them
is in the text, and with the pattern's own ``search`` otherwise. Every pattern's
word-start prefixes are kept in one table, so a text's word starts are looked up
once for all the patterns that read it. The answer is
always the pattern's own: the gate only skips searches that cannot succeed. A
pattern the reader cannot see into (a match may begin with ``\w``, ``.``, a
class of many letters) gets no gate and is always searched.

The text is read case-blind (lower-cased, with the four letters that Python's
case-blind matching pairs with ASCII ones folded to them), so one gate serves
case-blind and case-sensitive patterns alike.

Example
-------
>>> p = GatedPattern(re.compile(r"\b(?:kill(?:ed|ing)|shot)\b", re.I))
>>> sorted(p.word_starts)
['killed', 'killin', 'shot']
>>> p.search("Two were KILLED.").group(0)
'KILLED'
>>> p.search("A quiet day.") is None
True
"""

from __future__ import annotations

import re

try:  # Python 3.11 on
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

#: Characters of a literal prefix read off a pattern (a run of white space is one).
PREFIX_LENGTH = 6
#: Prefixes one pattern may have before the gate is not worth its checks.
MAX_PREFIXES = 400
#: A character class of at most this many characters is branched on.
MAX_CLASS = 12

#: Python's case-blind matching pairs these with ASCII letters (the ``re`` docs):
#: folded so that a lower-cased text shows the ASCII letter.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: Every word start with the characters from it on that a prefix may have.
_WORD_START = re.compile(rf"\b(?=(\w.{{0,{PREFIX_LENGTH - 1}}}))", re.S)
#: White space as the gates read it: one space for a run.
_SPACES = re.compile(r"\s+")

_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", None)  # Python 3.11 on

_State = tuple[str, bool, bool]  # prefix, still open, begins at a word start


class _OpaqueError(Exception):
    """The pattern's beginning cannot be told as literals."""


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _char(code: int) -> str | None:
    """The lower-cased character, or ``None`` when case-blind matching may pair it
    with letters ``str.lower`` does not (a cased letter beyond ASCII)."""
    ch = chr(code)
    if not ch.isascii() and ch.lower() != ch.upper():
        return None
    return ch.lower()


def _class_chars(items: list) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.append(" ")
        elif op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.extend(chr(x) for x in range(av[0], av[1] + 1))
        else:
            return None  # negation, a category (\w, \s), a wide range
    if len(chars) > MAX_CLASS:
        return None
    out = []
    for ch in chars:
        low = " " if ch.isspace() else _char(ord(ch))
        if low is None:
            return None
        out.append(low)
    return sorted(set(out))


def _spaces_only(seq) -> bool:
    """Whether ``seq`` is one character that is always white space (``\\s``, ``[ \\t]``)."""
    if len(seq) != 1:
        return False
    op, av = seq[0]
    if op is _c.LITERAL:
        return chr(av).isspace()
    return op is _c.IN and _class_chars(av) == [" "]


def _add(state: _State, ch: str) -> _State:
    prefix, _open, at_word = state
    if ch == " " and prefix.endswith(" "):
        return state  # the text's white space runs are read as one space
    if not prefix:
        at_word = at_word and _is_word(ch)
    prefix += ch
    return prefix, len(prefix) < PREFIX_LENGTH, at_word


def _close(state: _State) -> _State:
    return state[0], False, state[2] and bool(state[0])


def _walk(states: set[_State], items) -> set[_State]:
    for item in items:
        nxt: set[_State] = set()
        for st in states:
            nxt |= _step(st, item) if st[1] else {st}
        if len(nxt) > MAX_PREFIXES:
            raise _OpaqueError
        states = nxt
    return states


def _step(st: _State, item) -> set[_State]:
    op, av = item
    if op is _c.LITERAL:
        ch = " " if chr(av).isspace() else _char(av)
        return {_close(st)} if ch is None else {_add(st, ch)}
    if op is _c.IN:
        chars = _class_chars(av)
        return {_close(st)} if chars is None else {_add(st, ch) for ch in chars}
    if op is _c.SUBPATTERN:
        return _walk({st}, av[-1])
    if op is _c.BRANCH:
        out: set[_State] = set()
        for seq in av[1]:
            out |= _walk({st}, seq)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE):
        lo, hi, seq = av
        taken = _walk({st}, seq)
        if hi != 1 and not _spaces_only(seq):  # more repeats may follow: what is known stops here
            taken = {_close(t) for t in taken}
        return taken | ({st} if lo == 0 else set())
    if op is _c.AT:
        if av is _c.AT_BOUNDARY and not st[0]:
            return {(st[0], st[1], True)}
        return {st}  # other anchors match no character
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return {st}  # lookarounds match no character
    return {_close(st)}  # any other character: the known prefix ends here


def gate(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    r"""The literal prefixes every match of ``pattern`` begins with: those that begin
    at a word start, and those that may begin anywhere; ``None`` when a match may
    begin with a character the reader cannot name.

    >>> [sorted(g) for g in gate(re.compile(r"\bair\s*strikes?|[Uu]\.N\."))]
    [['air st', 'airstr'], ['u.n.']]
    >>> gate(re.compile(r"\bIS\b"))
    (frozenset({'is'}), frozenset())
    >>> gate(re.compile(r"\w+ed")) is None
    True
    """
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        states = _walk({("", True, False)}, list(tree))
    except (_OpaqueError, RecursionError, TypeError, ValueError):
        return None
    if any(not prefix for prefix, _open, _w in states):
        return None
    ascii_words = bool(pattern.flags & re.ASCII)  # \b of ASCII words: not ours
    word = frozenset(p for p, _o, w in states if w and not ascii_words)
    anywhere = frozenset(p for p, _o, w in states if p not in word)
    return word, anywhere


def _needs(items) -> frozenset[str] | None:
    """Literals one of which every match of the sequence ``items`` holds (the most
    telling of the sequence's runs of literals and its groups' such sets), or
    ``None``."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL and not chr(av).isspace() and (ch := _char(av)) is not None:
            run += ch
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # matches no character: the literals either side are adjacent
        if run:
            found.append(frozenset({run}))
            run = ""
        inner = None
        if op is _c.SUBPATTERN:
            inner = _needs(av[-1])
        elif op is _c.BRANCH:
            alternatives = [_needs(seq) for seq in av[1]]
            if all(a is not None for a in alternatives):
                inner = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _POSSESSIVE) and av[0] >= 1:
            inner = _needs(av[2])
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset({run}))
    if not found:
        return None
    return max(found, key=lambda f: (min(map(len, f)), -len(f)))


def needs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""Literals one of which every match of ``pattern`` holds, or ``None``.

    >>> sorted(needs(re.compile(r"\b(?:\d+|several)\s+(?:more\s+)?others\b|\bthe\s+dead\b")))
    ['dead', 'others']
    >>> needs(re.compile(r"\w+")) is None
    True
    """
    try:
        return _needs(list(_parser.parse(pattern.pattern, pattern.flags)))
    except (RecursionError, TypeError, ValueError):
        return None


#: Needed literals are worth checking when each is at least this long …
MIN_NEED = 4
#: … and there are at most this many.
MAX_NEEDS = 40


#: Every gated pattern's word-start prefixes: prefix -> the patterns' bits.
_BY_PREFIX: dict[str, int] = {}
#: The lengths those prefixes have.
_LENGTHS: list[int] = []
#: Patterns registered so far (a pattern's bit is ``1 << its number``).
_registered = 0


def _register(prefixes: frozenset[str]) -> int:
    """The bit of a new pattern whose matches begin with ``prefixes`` at word starts."""
    global _registered
    bit = 1 << _registered
    _registered += 1
    for p in prefixes:
        _BY_PREFIX[p] = _BY_PREFIX.get(p, 0) | bit
        if len(p) not in _LENGTHS:
            _LENGTHS.append(len(p))
            _LENGTHS.sort()
    return bit


class _View:
    """A text as the gates read it: lower-cased with white space runs as one space,
    and the bits of the patterns whose word-start prefixes it has."""

    __slots__ = ("_mask", "_seen", "low", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = _SPACES.sub(" ", text.translate(_FOLD).lower())
        self._mask = 0
        self._seen = -1  # patterns registered when the mask was made

    @property
    def mask(self) -> int:
        if self._seen != _registered:
            get, lengths, m = _BY_PREFIX.get, _LENGTHS, 0
            for w in _WORD_START.findall(self.low):
                for k in lengths:
                    if k > len(w):
                        break
                    m |= get(w[:k], 0)
            self._mask, self._seen = m, _registered
        return self._mask


#: The last texts read (one pattern table searches one text many times in a row).
_recent: tuple[_View, ...] = ()


def _view(text: str) -> _View:
    global _recent
    for v in _recent:
        if v.text is text:
            return v
    v = _View(text)
    _recent = (v, *_recent[:3])
    return v


class GatedPattern:
    """A compiled pattern with its literal gate; ``search`` answers as the
    pattern's does."""

    __slots__ = ("_bit", "_open", "anywhere", "needs", "pattern", "word_starts")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        g = gate(pattern)
        self._open = g is None  # no prefix gate: any text passes it
        self.word_starts, self.anywhere = g if g is not None else (frozenset(), frozenset())
        self._bit = _register(self.word_starts) if self.word_starts else 0
        n = needs(pattern)
        telling = n is not None and min(map(len, n)) >= MIN_NEED and len(n) <= MAX_NEEDS
        #: literals one of which every match holds, checked after the prefixes
        self.needs: frozenset[str] = n if telling and n is not None else frozenset()

    def admits(self, text: str) -> bool:
        """Whether the pattern may match ``text`` (``False``: it surely does not)."""
        if self._open and not self.needs:
            return True
        v = _view(text)
        if not self._open and not (
            (self._bit and v.mask & self._bit) or any(p in v.low for p in self.anywhere)
        ):
            return False
        return not self.needs or any(p in v.low for p in self.needs)

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when the gate shuts."""
        return self.pattern.search(text) if self.admits(text) else None

    def __repr__(self) -> str:
        return f"GatedPattern({self.pattern.pattern[:40]!r}…)"
