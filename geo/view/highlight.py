"""Source sentences as escaped HTML, with the words that gave the facts marked.

Every character of the document is escaped with :func:`geo.view.escape.esc` before
any tag is added, and the only tags added are our own ``<mark>`` elements, so
an article containing ``<script>`` shows it as text.

Example
-------
>>> text = "On 3 May <b>2</b> people were killed in Najaf."
>>> highlight_html(text, 0, len(text), [Span(3, 8, "date"), Span(40, 45, "place")])
'On <mark class="hl-date" title="date">3 May</mark> &lt;b&gt;2&lt;/b&gt; people were killed in <mark class="hl-place" title="place">Najaf</mark>.'
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.view.escape import esc

#: Colours of the marks, by what the words gave.
COLOURS = {"date": "#cfe8ff", "place": "#d8f5d0", "casualties": "#ffd9d2"}


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets (in the document) of words that gave a fact, and which fact."""

    start: int
    end: int
    kind: str


def parse_spans(value: str, kind: str) -> list[Span]:
    """Spans from the CLI's ``a-b;c-d`` form; malformed parts are skipped.

    >>> parse_spans("3-8;10-12", "date")
    [Span(start=3, end=8, kind='date'), Span(start=10, end=12, kind='date')]
    """
    out = []
    for part in (value or "").split(";"):
        a, _, b = part.partition("-")
        if a.strip().isdigit() and b.strip().isdigit() and int(a) < int(b):
            out.append(Span(int(a), int(b), kind))
    return out


def highlight_html(text: str, start: int, end: int, spans: list[Span]) -> str:
    """``text[start:end]`` escaped, with ``spans`` inside it wrapped in marks.

    Overlapping spans keep the first one given; spans outside the range are
    ignored.
    """
    start, end = max(0, start), min(len(text), end)
    marks: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        a, b = max(s.start, start), min(s.end, end)
        if a >= b or (marks and a < marks[-1].end):
            continue
        marks.append(Span(a, b, s.kind))
    out, pos = [], start
    for m in marks:
        kind = esc(m.kind)
        out.append(esc(text[pos : m.start]))
        out.append(f'<mark class="hl-{kind}" title="{kind}">{esc(text[m.start : m.end])}</mark>')
        pos = m.end
    out.append(esc(text[pos:end]))
    return "".join(out)


def paragraph_bounds(text: str, start: int, end: int, limit: int = 1200) -> tuple[int, int]:
    """The paragraph around ``text[start:end]`` (blank-line separated), at most
    ``limit`` characters either side.

    >>> t = "First para.\\n\\nSecond para. Here.\\n\\nThird."
    >>> a, b = paragraph_bounds(t, 26, 30); t[a:b]
    'Second para. Here.'
    """
    a = text.rfind("\n\n", max(0, start - limit), start)
    a = max(0, start - limit) if a < 0 else a + 2
    b = text.find("\n\n", end, end + limit)
    b = min(len(text), end + limit) if b < 0 else b
    return a, b


STYLE = (
    "<style>mark.hl-date{{background:{}}}mark.hl-place{{background:{}}}"
    "mark.hl-casualties{{background:{}}}mark{{padding:0 2px;border-radius:3px}}"
    ".em-card{{font-size:0.95rem;line-height:1.5}}.em-head{{margin-bottom:4px}}"
    ".em-note{{color:#555;font-size:0.82rem;margin-top:4px}}"
    "</style>"
).format(COLOURS["date"], COLOURS["place"], COLOURS["casualties"])
