"""ACLED's coded notes as documents: date, place, toll, type and sub-event type.

Every file of ``../shared/realdata/acled-notes/`` and the Iraq notes in ACLED's
raw format (``../shared/realdata/acled/``) are read, each note a document of
its own with no reference date (as ``geo extract DIR`` reads them), and scored
with the rules of ``../shared/tools/score_notes.py``:

* **date**: an event (not a reported total) on the coded date, on notes that give a
  year and whose coding is not flagged ``date_approx``; on notes without a year
  the other measures look at all of the note's events;
* **place**: such an event within 25 km of the coded point (50 km for precision 2,
  100 km for 3), on notes that name the coded location; **place (no year)** is the
  same on the notes without a year;
* **toll**: the fatalities of those events sum to the coded figure (notes without
  toll flags); **invented**: notes coded 0 where we give a toll;
* **type** and **sub-event type**: such an event has the coded ACLED type (and
  sub-event type), on rows coded in today's taxonomy;
* **abroad**: of the events placed finer than a country, the share outside the
  note's country (``country_iso2``; ACLED codes a note's event in its country, so
  such an event is nearly always a namesake or a place named for another reason);
* **crashed**: notes whose extraction raised.

The Iraq raw file has no ``flags``; a note coded as several rows is scored
once per row (as ``score_notes.py`` scores each coded row).

    python -m bench.acled_notes [--limit N] [--misses K] [--files bangladesh,iraq]

``--limit`` samples N notes per file with the scorer's seed (``random.Random(7)``).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from geo.extraction.documents import document_from_text
from geo.gazetteer import Gazetteer
from geo.models import Event
from geo.pipeline import extract

SHARED = Path(__file__).resolve().parents[2] / "shared" / "realdata"
NOTES = SHARED / "acled-notes"
IRAQ = SHARED / "acled" / "acled_iraq_subset_2020-04-27_2020-05-09.csv"
TOLL_FLAGS = {"fatalities_split", "fatalities_coder_override", "shared_text"}
TYPES = {
    "Protests",
    "Riots",
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Strategic developments",
}
MEASURES = ("date", "place", "place_no_year", "toll", "type", "sub_event_type")

log = logging.getLogger("geo")


@dataclass(slots=True)
class FileScore:
    """Counts for one file: ``hits[m]`` of ``n[m]`` for each measure."""

    name: str
    notes: int = 0
    crashed: int = 0
    invented: int = 0
    zero: int = 0
    #: Events placed finer than a country, and those outside the note's country.
    placed: int = 0
    abroad: int = 0
    hits: Counter = field(default_factory=Counter)
    n: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def rate(self, m: str) -> float | None:
        return self.hits[m] / self.n[m] if self.n[m] else None


def _km(a: float, b: float, c: float, d: float) -> float:
    p = math.pi / 180
    x = (
        math.sin((c - a) * p / 2) ** 2
        + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, x)))


def _fold(s: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(ch)
    ).strip()


def read_notes(path: Path) -> list[dict[str, str]]:
    """The rows of a notes file, or of the Iraq raw file in the notes' columns."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, restval=""))
    if path != IRAQ:
        return rows
    return [
        {
            "id": r["event_id_cnty"],
            "text": r["notes"],
            "date": datetime.strptime(r["event_date"], "%d-%b-%y").date().isoformat(),
            "location": f"{r['location']}, {r['admin1']}, {r['country']}",
            "latitude": r["latitude"],
            "longitude": r["longitude"],
            "geo_precision": r["geo_precision"],
            "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"],
            "fatalities": r["fatalities"],
            "flags": "date_approx" if r["time_precision"] != "1" else "",
            "country_iso2": "IQ" if r["country"] == "Iraq" else "",
        }
        for r in rows
    ]


def score_note(g: dict[str, str], events: list[Event], s: FileScore) -> list[str]:
    """Add one coded row's scores to ``s``; return why it missed (empty: no miss)."""
    flags = set(filter(None, g.get("flags", "").split(";")))
    rows = [e for e in events if not e.is_aggregate]
    dated = re.search(r"\b(19|20)\d\d\b", g["text"]) is not None
    on_day = [e for e in rows if e.event_date and e.event_date.isoformat() == g["date"]]
    if not dated:
        on_day = rows
    why = []
    home = g.get("country_iso2", "")
    if home:
        fine = [e for e in rows if e.place is not None and e.place.precision != "country"]
        s.placed += len(fine)
        s.abroad += sum(e.place.country_code != home for e in fine)  # type: ignore[union-attr]
    if "date_approx" not in flags and dated:
        s.n["date"] += 1
        s.hits["date"] += bool(on_day)
        if not on_day:
            why.append("date")
    tol = {"1": 25, "2": 50}.get((g.get("geo_precision") or "1").strip(), 100)
    if _fold(g.get("location", "").split(",")[0]) in _fold(g["text"]):
        lat, lon = float(g["latitude"]), float(g["longitude"])
        near = any(
            e.place and _km(lat, lon, e.place.latitude, e.place.longitude) <= tol for e in on_day
        )
        for m in ("place",) if dated else ("place", "place_no_year"):
            s.n[m] += 1
            s.hits[m] += near
        if not near:
            why.append("place")
    if not flags & TOLL_FLAGS:
        want = int(float(g["fatalities"] or 0))
        got = sum(e.fatalities for e in on_day)
        s.n["toll"] += 1
        s.hits["toll"] += got == want
        if got != want:
            why.append(f"toll {got}/{want}")
        if want == 0:
            s.zero += 1
            s.invented += got > 0
    if g.get("event_type") in TYPES and "legacy_event_type" not in flags:
        s.n["type"] += 1
        ok = any(e.event_type == g["event_type"] for e in on_day)
        s.hits["type"] += ok
        if not ok:
            got_types = "/".join(sorted({e.event_type for e in on_day})) or "none"
            why.append(f"type {got_types} vs {g['event_type']}")
        if g.get("sub_event_type"):
            s.n["sub_event_type"] += 1
            sub_ok = any(e.sub_event_type == g["sub_event_type"] for e in on_day)
            s.hits["sub_event_type"] += sub_ok
            if not sub_ok:
                got_subs = "/".join(sorted({e.sub_event_type for e in on_day})) or "none"
                why.append(f"sub {got_subs} vs {g['sub_event_type']}")
    return why


def evaluate(path: Path, gazetteer: Gazetteer, limit: int = 0, misses: int = 0) -> FileScore:
    """Score one file (``limit`` notes sampled with the scorer's seed)."""
    gold = read_notes(path)
    if limit and len(gold) > limit:
        gold = random.Random(7).sample(gold, limit)
    s = FileScore(path.stem)
    cache: dict[str, list[Event] | None] = {}
    for g in gold:
        s.notes += 1
        text = g["text"]
        if text not in cache:
            try:
                doc = document_from_text("note.txt", text)  # a neutral name: no date in it
                cache[text] = list(extract(doc, gazetteer).events)
            except Exception:  # a crash is a finding, counted and shown
                log.debug("note %s crashed", g.get("id"), exc_info=True)
                cache[text] = None
        events = cache[text]
        if events is None:
            s.crashed += 1
            s.misses.append(f"- {g.get('id')} CRASH: {text[:160]}")
            continue
        why = score_note(g, events, s)
        if why and len(s.misses) < misses:
            s.misses.append(f"- {g.get('id')} [{', '.join(why)}] {g['location']}: {text[:200]}")
    return s


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.1%}"


def main() -> None:
    """Print the table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=0, help="notes sampled per file (0: all)")
    p.add_argument("--misses", type=int, default=0, help="list up to K misses per file")
    p.add_argument("--files", default="", help="comma-separated parts of file names to run")
    args = p.parse_args()
    paths = [*sorted(NOTES.glob("*.csv")), IRAQ]
    if args.files:
        want = args.files.split(",")
        paths = [q for q in paths if any(w in q.name for w in want)]
    if not all(q.exists() for q in paths):
        sys.exit(f"the ACLED notes are not under {SHARED} (../shared is not here)")
    gz = Gazetteer.load()
    scores = [evaluate(q, gz, args.limit, args.misses) for q in paths]
    head = "| file | notes | crashed | " + " | ".join(MEASURES) + " | invented tolls | abroad |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for s in scores:
        cells = [f"{_pct(s.rate(m))} ({s.n[m]})" for m in MEASURES]
        inv = _pct(s.invented / s.zero if s.zero else None)
        away = f"{_pct(s.abroad / s.placed if s.placed else None)} ({s.placed})"
        print(
            f"| {s.name} | {s.notes} | {s.crashed} | " + " | ".join(cells) + f" | {inv} | {away} |"
        )
    for s in scores:
        if s.misses:
            print(f"\n{s.name}:")
            print("\n".join(s.misses))
    print(
        json.dumps(
            {
                s.name: {m: s.rate(m) for m in MEASURES}
                | {"crashed": s.crashed, "abroad": s.abroad / s.placed if s.placed else None}
                for s in scores
            }
        )
    )


if __name__ == "__main__":
    main()
