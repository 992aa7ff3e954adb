"""The package's layers: dependencies point one way.

    models, exc, resources, lexicon   (records, errors, data paths, language tables)
    gazetteer                          (place names → entries; geopy geocoders)
    extraction                         (text → sentences, dates, places, tolls, events)
    pipeline                           (composes the extraction stages)
    io                                 (files, ACLED, the table schema, filters, the store)
    view                               (map, charts, details: what the dashboard draws)
    cli                                (the command line)

A module may import its own layer and those above it in this list, never one below.
"""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS = ("base", "gazetteer", "extraction", "pipeline", "io", "view", "cli")
BASE = {"models", "exc", "resources", "lexicon", "__init__", "__main__"}


def layer(module: str) -> str:
    """The layer of a dotted module name inside ``geo``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    head = parts[1]
    if head in BASE:
        return "base"
    return head if head in LAYERS else "?"


def imports(path: Path) -> set[str]:
    """Every ``geo`` module a file imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m == "geo" or m.startswith("geo.")}


MODULES = sorted(p for p in (ROOT / "geo").rglob("*.py"))


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    return ".".join(rel.parts)


def test_every_module_has_a_layer():
    assert [m for m in map(module_name, MODULES) if layer(m) == "?"] == []


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_imports_point_up(path):
    here = module_name(path)
    if here in ("geo.__init__", "geo.__main__"):
        return  # the package's front door re-exports; __main__ runs the CLI
    mine = LAYERS.index(layer(here))
    wrong = [m for m in imports(path) if m != "geo" and LAYERS.index(layer(m)) > mine]
    assert wrong == [], f"{here} ({LAYERS[mine]}) imports a lower layer: {wrong}"


def test_the_rule_catches_a_wrong_import():
    assert LAYERS.index(layer("geo.view.mapping")) > LAYERS.index(layer("geo.io.store"))
    assert LAYERS.index(layer("geo.io.store")) > LAYERS.index(layer("geo.extraction.places"))
    assert layer("geo.gazetteer.index") == "gazetteer"


def test_no_function_is_too_complex_to_change():
    """radon's rank F (cyclomatic complexity 41 or more) marks a function nobody can
    safely change; split it into named steps instead."""
    from radon.complexity import cc_visit

    too_complex = [
        f"{path.relative_to(ROOT)}:{block.name} ({block.complexity})"
        for path in [*MODULES, ROOT / "dashboard.py"]
        for block in cc_visit(path.read_text("utf-8"))
        if block.complexity >= 41
    ]
    assert too_complex == []


@pytest.mark.parametrize("command", [("format", "--check"), ("check",)], ids=" ".join)
def test_ruff_is_clean(command):
    """The code stays formatted and lint-clean (``ruff format .``, ``ruff check .``)."""
    import subprocess
    import sys

    pytest.importorskip("ruff", reason="ruff is a dev dependency (requirements-dev.txt)")
    r = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
