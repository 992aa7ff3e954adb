"""The command line, run as a user runs it."""

import csv
import io
import json
import subprocess
import sys

import pytest

from geo.io.schema import COLUMNS
from tests.conftest import ROOT, SEED


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def seed_csv(gazetteer):  # noqa: ARG001 - builds the cache once
    r = run("extract", str(SEED))
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_extract_csv_columns(seed_csv):
    rows = list(csv.DictReader(io.StringIO(seed_csv)))
    assert list(rows[0])[: len(COLUMNS)] == list(COLUMNS)
    assert all("nan" not in row.values() for row in rows)
    text = SEED.read_text("utf-8")
    for row in rows:
        a, b = int(row["char_start"]), int(row["char_end"])
        assert text[a:b] == row["source_text"]


def test_extract_geojson_loads(tmp_path):
    import geopandas as gpd

    out = tmp_path / "e.geojson"
    r = run("extract", str(SEED), "--format", "geojson", "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    gdf = gpd.read_file(out)
    assert len(gdf) == len(data["features"])


def test_extract_parquet(tmp_path):
    import pandas as pd

    out = tmp_path / "e.parquet"
    r = run("extract", str(SEED), "--format", "parquet", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert list(pd.read_parquet(out).columns)[: len(COLUMNS)] == list(COLUMNS)


def test_bad_files_are_named_and_the_rest_processed(tmp_path, seed_csv):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Protest in Najaf, café".encode("latin-1"))
    r = run("extract", str(empty), str(binary), str(latin), str(tmp_path / "none.txt"), str(SEED))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 4
    for name in ("empty.txt", "bin.txt", "latin.txt", "none.txt"):
        assert any(name in line for line in lines)
    assert r.stdout == seed_csv


def test_places_jsonl():
    r = run("places", str(SEED), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    keys = {
        "source",
        "start",
        "end",
        "text",
        "name",
        "latitude",
        "longitude",
        "geo_precision",
        "country_code",
    }
    assert all(keys <= set(row) for row in rows)
    text = SEED.read_text("utf-8")
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)
    assert {"Najaf", "Khalani Square", "Tahrir Square"} <= {row["text"] for row in rows}


def test_geocode_json():
    r = run("geocode", "Tahrir Square", "--country", "IQ")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["city"] == "Baghdad" and got["precision"] == "site"
    assert got["address"] == "Tahrir Square, Baghdad, IQ"
    assert run("geocode", "Xqzzyvillezz").returncode == 1


@pytest.mark.usefixtures("gazetteer")
def test_a_document_that_breaks_the_extractor_loses_only_itself(tmp_path, monkeypatch, capsys):
    import geo.io.corpus
    from geo.cli import main

    real = geo.io.corpus.extract

    def extract_or_fail(doc, *args, **kwargs):
        if "BREAKS" in doc.text:
            raise TypeError("a bug in one stage")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(geo.io.corpus, "extract", extract_or_fail)
    (tmp_path / "a.txt").write_text("On 3 May 2020, two people were killed in Najaf.")
    (tmp_path / "b.txt").write_text("On 4 May 2020, this text BREAKS the extractor in Basra.")
    (tmp_path / "c.txt").write_text("On 5 May 2020, three people were killed in Basra.")
    out = tmp_path / "out.csv"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "b.txt" in err and "TypeError: a bug in one stage" in err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sorted(r["fatalities"] for r in rows) == ["2", "3"]


@pytest.mark.usefixtures("gazetteer")
def test_places_of_a_document_that_breaks_lose_only_itself(tmp_path, monkeypatch, capsys):
    import geo.cli

    real = geo.cli.extract

    def extract_or_fail(doc, *args, **kwargs):
        if "BREAKS" in doc.text:
            raise TypeError("a bug in one stage")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(geo.cli, "extract", extract_or_fail)
    (tmp_path / "a.txt").write_text("Protesters gathered in Najaf.")
    (tmp_path / "b.txt").write_text("This text BREAKS the extractor in Basra.")
    out = tmp_path / "places.jsonl"
    assert (
        geo.cli.main(["places", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)])
        == 2
    )
    assert "b.txt" in capsys.readouterr().err
    names = [json.loads(line)["name"] for line in out.read_text().splitlines()]
    assert "Najaf" in names


def test_geojson_properties_carry_numbers_and_booleans_as_json_types(tmp_path):
    import json

    from geo.cli import main
    from tests.conftest import SEED

    out = tmp_path / "seed.geojson"
    assert main(["extract", str(SEED), "--format", "geojson", "-o", str(out)]) == 0
    props = [f["properties"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]]
    assert props and all(isinstance(p["fatalities"], int) for p in props)
    assert all(isinstance(p["is_aggregate"], bool) for p in props)
    assert all(isinstance(p["n_reports"], int) for p in props)
    assert all(p["latitude"] is None or isinstance(p["latitude"], float) for p in props)
    assert all(isinstance(p["source_text"], str) for p in props)


def test_every_option_has_help_and_the_top_level_help_lists_every_command(capsys):
    import argparse

    from geo.cli import _parser, main

    p = _parser()
    (sub,) = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
    for name, parser in sub.choices.items():
        for action in parser._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no help"
    top = p.format_help()
    assert all(name in top for name in sub.choices)
    assert all(name in (p.description or "") for name in sub.choices)
    with pytest.raises(SystemExit) as stop:
        main(["extract", "--workers", "many", "a.txt"])
    assert stop.value.code == 2 and "--workers" in capsys.readouterr().err
