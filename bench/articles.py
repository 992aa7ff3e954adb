"""Whole news articles against hand-made gold: incidents, tolls, false casualty rows.

Reads ``../shared/realdata/articles/gold.json`` and its texts (evaluation data,
never copied here) plus the seed article, extracts each document in this
process, and scores it with the rules of ``../shared/tools/score_events.py``:

* an incident is **found** when, on its date, every one of its places has a row
  that is not a reported total (within the gold's distance; where the gold
  gives a hint, the scorer also requires the hint, read as a regular
  expression, in the row's place names);
* its **toll is right** when those rows' fatalities sum to the gold figure;
* a row with fatalities that matches no gold incident is a **false casualty row**.

The gold's hints are descriptions ("Camp Taji, Taji, about 25 km north of
Baghdad"), so an incident with a hint can never be found under the scorer's
rule. The ``without hints`` columns score the same rows with the hints read as
notes (distance only), to show what the extractor gets right there.

    python -m bench.articles [--verbose]

Compare with ``python ../shared/tools/score_articles.py ../shared/realdata/articles/gold.json
../shared/realdata/articles/texts``: the ``scorer`` columns agree with it.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.extraction.documents import read_document
from geo.gazetteer import Gazetteer
from geo.io.schema import event_row
from geo.pipeline import extract

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "realdata/articles/gold.json"
TEXTS = SHARED / "realdata/articles/texts"
SEED = Path(__file__).resolve().parents[1] / "data/articles/seed-article.txt"
BBOX = {
    "IQ": (29.0, 38.7, 37.5, 48.8),
    "IR": (25.0, 44.0, 39.8, 63.4),
    "SY": (32.3, 35.7, 37.4, 42.4),
}


@dataclass(frozen=True, slots=True)
class DocScore:
    """One document's counts, under the scorer's rule and with hints as notes."""

    key: str
    events: int
    found: int
    tolls: int
    tolls_right: int
    false_rows: int
    found_no_hint: int
    tolls_right_no_hint: int
    false_rows_no_hint: int
    lines: tuple[str, ...]


def _km(a: float, b: float, c: float, d: float) -> float:
    p = math.pi / 180
    x = (
        math.sin((c - a) * p / 2) ** 2
        + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(x))


def _num(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def place_ok(spec: object, row: dict[str, str], *, hints: bool = True) -> bool:
    """The scorer's place rule (``hints=False`` reads a hint as a note)."""
    lat, lon = _num(row.get("latitude")), _num(row.get("longitude"))
    cc = (row.get("country_code") or "").strip().upper()
    if isinstance(spec, str) and spec.startswith("country:"):
        code = spec.split(":")[1]
        if cc:
            return cc == code
        if lat is not None and lon is not None:
            s, w, n, e = BBOX[code]
            return s <= lat <= n and w <= lon <= e
        return False
    if lat is None or lon is None:
        return False
    if isinstance(spec, str) and spec.startswith("bbox:"):
        s, w, n, e = map(float, spec[5:].split(","))
        return s <= lat <= n and w <= lon <= e
    glat, glon, tol, hint = spec  # type: ignore[misc]
    if _km(glat, glon, lat, lon) > tol:
        return False
    if hint and hints:
        text = " ".join(str(row.get(k) or "") for k in ("location", "location_text"))
        return re.search(hint, text, re.I) is not None
    return True


def _date_ok(gold: str, row: dict[str, str]) -> bool:
    d = (row.get("event_date") or "").strip()
    return d.startswith(gold) if len(gold) == 7 else d == gold


def score_rows(
    doc: dict, places: dict, rows: list[dict[str, str]], *, hints: bool
) -> tuple[int, int, int, int, list[str]]:
    """found, tolls scored, tolls right, false casualty rows, and report lines."""
    incident = [r for r in rows if r.get("is_aggregate") != "true"]
    used: set[int] = set()
    found = cas_n = cas_ok = 0
    lines = []
    for ev in doc["events"]:
        cands = [i for i, r in enumerate(incident) if _date_ok(ev["date"], r)]
        per_place = [
            [i for i in cands if place_ok(places[p], incident[i], hints=hints)]
            for p in ev["places"]
        ]
        ok = all(per_place)
        matched = sorted({i for lst in per_place for i in lst})
        used.update(matched)
        killed = sum(_num(incident[i].get("fatalities")) or 0 for i in matched)
        status = "found" if ok else "MISSING"
        found += ok
        if ev.get("killed") is not None:
            cas_n += 1
            good = ok and round(killed) == ev["killed"]
            cas_ok += good
            status += f" killed={killed:g}/{ev['killed']}" + ("" if good else " WRONG")
        lines.append(f"  {ev['id']} {ev['date']} {'+'.join(ev['places'])}: {status}")
    false = [
        r for i, r in enumerate(incident) if i not in used and (_num(r.get("fatalities")) or 0) > 0
    ]
    for r in false:
        lines.append(
            f"  false casualty row: {r.get('event_date')} {r.get('location')} "
            f"killed={r.get('fatalities')}: {(r.get('source_text') or '')[:90]}"
        )
    return found, cas_n, cas_ok, len(false), lines


def evaluate(gazetteer: Gazetteer, gold_path: Path = GOLD) -> list[DocScore]:
    """Score every document of the gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = []
    for key, doc in gold["docs"].items():
        path = SEED if doc["file"] == "SEED" else TEXTS / doc["file"]
        ref = date.fromisoformat(doc["ref"]) if doc.get("ref") else None
        events = extract(read_document(path, publication_date=ref), gazetteer).events
        rows = [event_row(e) for e in events]
        found, n, right, false, lines = score_rows(doc, gold["places"], rows, hints=True)
        found2, _, right2, false2, _ = score_rows(doc, gold["places"], rows, hints=False)
        out.append(
            DocScore(
                key,
                len(doc["events"]),
                found,
                n,
                right,
                false,
                found2,
                right2,
                false2,
                tuple(lines),
            )
        )
    return out


def main() -> None:
    """Print the table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--verbose", action="store_true", help="list every gold incident and false row")
    args = p.parse_args()
    if not GOLD.exists():
        sys.exit(f"no gold file at {GOLD} (../shared is not here)")
    scores = evaluate(Gazetteer.load())
    print(
        "| document | incidents found | tolls right | false casualty rows | "
        "found (without hints) | tolls right (without hints) | false rows (without hints) |"
    )
    print("|---|---|---|---|---|---|---|")
    for s in scores:
        print(
            f"| {s.key} | {s.found}/{s.events} | {s.tolls_right}/{s.tolls} | {s.false_rows} | "
            f"{s.found_no_hint}/{s.events} | {s.tolls_right_no_hint}/{s.tolls} | "
            f"{s.false_rows_no_hint} |"
        )
        if args.verbose:
            print("\n".join(s.lines))
    t = {
        f: sum(getattr(s, f) for s in scores)
        for f in DocScore.__dataclass_fields__
        if f not in ("key", "lines")
    }
    print(
        f"| **total** | {t['found']}/{t['events']} | {t['tolls_right']}/{t['tolls']} | "
        f"{t['false_rows']} | {t['found_no_hint']}/{t['events']} | "
        f"{t['tolls_right_no_hint']}/{t['tolls']} | {t['false_rows_no_hint']} |"
    )
    print(json.dumps(t))


if __name__ == "__main__":
    main()
