"""The benchmarks score as the team's scorers in ../shared/tools do (skipped where
../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

from geo.gazetteer import Gazetteer
from tests.conftest import ROOT, shared_path


def _scorer_json(*args: str) -> dict:
    """The last line of a team scorer's output, as JSON."""
    out = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_bench_articles_agrees_with_score_articles(gazetteer: Gazetteer) -> None:
    scorer = shared_path("tools", "score_articles.py")
    gold = shared_path("realdata", "articles", "gold.json")
    from bench.articles import evaluate

    ours = evaluate(gazetteer, gold)
    theirs = _scorer_json(str(scorer), str(gold), str(gold.parent / "texts"))
    assert sum(s.found for s in ours) == theirs["found"]
    assert sum(s.tolls_right for s in ours) == theirs["casualties_right"]
    assert sum(s.false_rows for s in ours) == theirs["false_casualty_rows"]


def test_bench_acled_notes_agrees_with_score_notes(gazetteer: Gazetteer) -> None:
    scorer = shared_path("tools", "score_notes.py")
    notes = shared_path("realdata", "acled-notes", "acled_bangladesh_2022-2024.csv")
    from bench.acled_notes import evaluate

    ours = evaluate(notes, gazetteer, limit=80)
    theirs = _scorer_json(str(scorer), str(notes), "--limit", "80", "--json")
    for m in ("date", "place", "toll", "type"):
        assert ours.rate(m) == theirs[m] or round(ours.rate(m), 3) == theirs[m], m
    assert ours.crashed == theirs["crashed"]
