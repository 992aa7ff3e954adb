"""Corpora in parallel (worker processes, a Dask LocalCluster), stores and ACLED import
through the command line."""

from __future__ import annotations

import csv
import io

import pytest

from geo.cli import main
from geo.io.query import EventFilter
from geo.io.store import EventStore
from tests.conftest import ROOT, SEED

ACLED_SAMPLE = ROOT / "tests" / "data" / "acled_sample.csv"
NOTES = [
    "On 4 May 2020, 3 people were killed in a bombing in Mosul, Iraq.",
    "On 5 May 2020, protesters gathered in Basra, Iraq. Police wounded 12 of them.",
    "On 6 May 2020, a rocket hit Baghdad airport in Iraq, killing 2 soldiers.",
]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    (d / "seed.txt").write_bytes(SEED.read_bytes())
    for i, text in enumerate(NOTES):
        (d / f"note-{i}.txt").write_text(text, encoding="utf-8")
    (d / "broken.txt").write_bytes(b"\x00\x01\x02")
    (d / "ignored.csv").write_text("not,an,article\n")
    return d


def _rows(capsys, argv):
    status = main(argv)
    out = capsys.readouterr()
    return status, list(csv.DictReader(io.StringIO(out.out))), out.err


def _key(rows):
    return [
        (r["source"], r["event_id"], r["event_date"], r["location"], r["fatalities"]) for r in rows
    ]


def test_workers_give_the_same_events_as_one_process(capsys, corpus_dir, gazetteer):  # noqa: ARG001
    s1, one, err1 = _rows(capsys, ["extract", str(corpus_dir)])
    s2, two, err2 = _rows(capsys, ["extract", str(corpus_dir), "--workers", "2"])
    assert s1 == s2 == 2  # broken.txt is reported
    assert "broken.txt" in err1 and "binary" in err1 and "broken.txt" in err2
    assert len(one) > 20 and _key(one) == _key(two)
    assert not any(r["source"].endswith(".csv") for r in one)


def test_dask_local_cluster_gives_the_same_events(capsys, corpus_dir, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, one, _ = _rows(capsys, ["extract", str(corpus_dir)])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        status = main(
            [
                "extract",
                str(corpus_dir),
                "--dask",
                cluster.scheduler_address,
                "--store",
                str(tmp_path / "store"),
            ]
        )
    assert status == 2
    stored = EventStore(tmp_path / "store").query(
        EventFilter(), columns=("source", "event_id", "event_date", "location", "fatalities")
    )
    got = sorted(map(tuple, stored.astype(str).to_numpy().tolist()))
    assert got == sorted(_key(one))


def test_import_acled_keeps_good_rows_and_names_bad_lines(capsys, tmp_path):
    status, rows, err = _rows(capsys, ["import", str(ACLED_SAMPLE)])
    assert status == 2
    assert [r["event_id"] for r in rows] == ["TST0001", "TST0002", "TST0007"]
    for line in (4, 5, 6, 7):
        assert f"line {line}:" in err
    assert "3 of 7 rows read" in err
    assert rows[1]["geo_precision"] == "region" and rows[1]["date_precision"] == "month"
    # formulas in ACLED notes are neutralised in CSV output
    assert rows[2]["source_text"].startswith("Invented")
    store = tmp_path / "store"
    assert main(["import", str(ACLED_SAMPLE), "--store", str(store)]) == 2
    assert EventStore(store).count() == 3
    assert main(["import", str(ACLED_SAMPLE), "--store", str(store)]) == 2
    assert EventStore(store).count() == 3  # imported twice, counted once


def test_import_real_acled_export(capsys):
    from tests.conftest import shared_path

    path = shared_path("realdata", "acled", "acled_iraq_subset_2020-04-27_2020-05-09.csv")
    status, rows, err = _rows(capsys, ["import", str(path), "--format", "csv"])
    assert status == 0, err
    with path.open(encoding="utf-8") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    assert len(rows) == n
    assert {r["country_code"] for r in rows} == {"IQ"}
    assert all(r["event_date"].startswith("2020-0") for r in rows)
