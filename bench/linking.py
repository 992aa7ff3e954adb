"""Linking reports across documents: ``python -m bench.linking [--scale N]``.

Precision and recall over labelled report pairs: every two labelled events of
different documents are a pair, *same* when their labels name one incident,
*linked* when :func:`geo.io.linking.link_frame` gives them one ``merged_id``.

- ``tests/data/linking``: hand-written reports of incidents told two or
  three ways (wire, local paper, year summary) with distractors, labelled in its
  ``labels.csv``;
- the dev articles of ``../shared/realdata/articles`` with the seed article,
  labelled in ``bench/data/linking_real.csv`` (skipped when ``../shared`` is absent).

A label names an event by its file and either words of its sentence or its
date and place as extracted; a label that matches no event is reported as
*not found* (the extractor missed it), never dropped.

``--notes N`` also links N ACLED dev notes of each file of
``../shared/realdata/acled-notes`` (each note its own document) and counts the
pairs linked. ACLED codes each event once, so nearly every such link joins two
separately coded events: a false link. This is the precision check at scale
(many same-day events in one city).

``--scale N`` also times linking N synthetic events (reports, blocking,
scoring, grouping).

Example
-------
    python -m bench.linking
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from geo.gazetteer import Gazetteer
from geo.io.corpus import corpus_from_files
from geo.io.linking import link_frame
from geo.io.schema import events_frame

ROOT = Path(__file__).resolve().parent.parent
HAND = ROOT / "tests" / "data" / "linking"
REAL_TEXTS = ROOT.parent / "shared" / "realdata" / "articles" / "texts" / "A"
REAL_LABELS = ROOT / "bench" / "data" / "linking_real.csv"
SEED = ROOT / "data" / "articles" / "seed-article.txt"

log = logging.getLogger("geo")


@dataclass(frozen=True, slots=True)
class Label:
    file: str
    date: str
    place: str
    phrase: str
    incident: str


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    labelled: int
    not_found: tuple[str, ...]
    same_pairs: int
    linked_pairs: int
    true_links: int

    @property
    def precision(self) -> float:
        return self.true_links / self.linked_pairs if self.linked_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_links / self.same_pairs if self.same_pairs else 1.0


def read_labels(path: Path) -> list[Label]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return [Label(**row) for row in csv.DictReader(lines)]


def _matches(label: Label, row) -> bool:
    return (
        row.source == label.file
        and (not label.phrase or label.phrase in row.source_text)
        and (not label.date or row.event_date == label.date)
        and (not label.place or label.place in row.location)
    )


def score_set(name: str, files: list[Path], labels: list[Label], gazetteer: Gazetteer) -> Score:
    """Extract ``files``, link them, and score the labelled pairs."""
    corpus = corpus_from_files([(p.name, p.read_bytes()) for p in files], gazetteer)
    linked = link_frame(events_frame(corpus.events))
    found: list[tuple[Label, str]] = []  # (label, merged_id)
    missing = []
    for label in labels:
        rows = [r for r in linked.itertuples() if _matches(label, r)]
        if not rows:
            missing.append(f"{label.file}: {label.phrase or label.date + ' ' + label.place}")
            continue
        found.append((label, rows[0].merged_id))
    same = linked_n = true = 0
    for (a, ma), (b, mb) in combinations(found, 2):
        if a.file == b.file:
            continue
        is_same, is_linked = a.incident == b.incident, ma == mb
        same += is_same
        linked_n += is_linked
        true += is_same and is_linked
    return Score(name, len(labels), tuple(missing), same, linked_n, true)


NOTES = ROOT.parent / "shared" / "realdata" / "acled-notes"


@dataclass(frozen=True, slots=True)
class NotesLinks:
    name: str
    notes: int
    reports: int
    linked_pairs: int
    linked_reports: int


def notes_links(path: Path, n: int, gazetteer: Gazetteer) -> NotesLinks:
    """Link ``n`` notes of one ACLED notes file (sampled with the scorers' seed)."""
    import random

    from bench.acled_notes import read_notes
    from geo.io.corpus import corpus_from_texts

    rows = read_notes(path)
    rows = random.Random(7).sample(rows, min(n, len(rows)))
    corpus = corpus_from_texts([(r["id"], r["text"]) for r in rows], gazetteer)
    linked = link_frame(events_frame(corpus.events))
    several = linked[linked["n_reports"] > 1]
    per = several.groupby("merged_id")["source"].nunique()
    pairs = int((per * (per - 1) // 2).sum())
    return NotesLinks(path.stem, len(rows), len(linked), pairs, len(several))


def link_cost(n: int) -> dict:
    """Seconds to link ``n`` synthetic events spread over 20,000 documents."""
    from bench.synthetic import synthetic_frame

    frame = synthetic_frame(n, seed=0)
    frame["source"] = [f"doc{i % 20_000}" for i in range(n)]
    t = time.perf_counter()
    linked = link_frame(frame)
    took = time.perf_counter() - t
    return {
        "events": n,
        "seconds": round(took, 1),
        "incidents": int(linked["merged_id"].nunique()),
    }


def main(argv: list[str] | None = None) -> list[Score]:
    ap = argparse.ArgumentParser(prog="python -m bench.linking", description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=0, help="also time linking N synthetic events")
    ap.add_argument(
        "--notes", type=int, default=0, help="also count false links over N notes per file"
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object last")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gz = Gazetteer.load()
    scores = [
        score_set(
            "hand-written variants",
            sorted(HAND.glob("*.txt")),
            read_labels(HAND / "labels.csv"),
            gz,
        )
    ]
    if REAL_TEXTS.is_dir():
        scores.append(
            score_set(
                "dev articles + seed",
                [*sorted(REAL_TEXTS.glob("*.txt")), SEED],
                read_labels(REAL_LABELS),
                gz,
            )
        )
    else:
        log.warning("%s is absent: only the hand-written set is scored", REAL_TEXTS)
    same = sum(s.same_pairs for s in scores)
    linked = sum(s.linked_pairs for s in scores)
    true = sum(s.true_links for s in scores)
    total = Score("all", sum(s.labelled for s in scores), (), same, linked, true)
    cost = link_cost(args.scale) if args.scale else None
    notes = (
        [notes_links(p, args.notes, gz) for p in sorted(NOTES.glob("*.csv"))]
        if args.notes and NOTES.is_dir()
        else []
    )
    if args.json:
        print(json.dumps({
            "sets": [{"name": s.name, "precision": s.precision, "recall": s.recall,
                      "same_pairs": s.same_pairs, "linked_pairs": s.linked_pairs,
                      "true_links": s.true_links, "not_found": list(s.not_found)} for s in [*scores, total]],
            "scale": cost,
        }))  # fmt: skip
        return scores
    print(
        "| set | labelled events | same pairs | linked pairs | right links | precision | recall |"
    )
    print("|---|---|---|---|---|---|---|")
    for s in [*scores, total]:
        print(
            f"| {s.name} | {s.labelled} | {s.same_pairs} | {s.linked_pairs} | {s.true_links} "
            f"| {s.precision:.0%} | {s.recall:.0%} |"
        )
    print("\nTargets: precision >= 95%, recall >= 80%.")
    for s in scores:
        for m in s.not_found:
            print(f"not found ({s.name}): {m}")
    if notes:
        print("\n| ACLED notes file | notes | reports | linked pairs (false) | reports in them |")
        print("|---|---|---|---|---|")
        for x in notes:
            print(
                f"| {x.name} | {x.notes:,} | {x.reports:,} | {x.linked_pairs:,} "
                f"| {x.linked_reports:,} ({x.linked_reports / max(1, x.reports):.1%}) |"
            )
    if cost:
        print(f"\nlinking {cost['events']:,} synthetic events: {cost['seconds']} s "
              f"({cost['incidents']:,} incidents)")  # fmt: skip
    return scores


if __name__ == "__main__":
    main()
