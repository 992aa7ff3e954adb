"""Speed of the pipeline once loaded, the geocoder, and a cold CLI run.

    python -m bench.speed

Prints a table: words per second over the seed article (repeated, as one
process), gazetteer lookups per second, and the wall time of a cold
``python -m geo extract`` on the seed (index already cached).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from geo.documents import read_document
from geo.gazetteer import Gazetteer, GazetteerGeocoder
from geo.pipeline import extract

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "seed-article.txt"


def main() -> None:
    """Measure and print."""
    gz = Gazetteer.load()
    doc = read_document(SEED)
    words = len(doc.text.split())
    extract(doc, gz)  # warm
    runs, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 5:
        extract(doc, gz)
        runs += 1
    wps = runs * words / (time.perf_counter() - t0)
    geocoder = GazetteerGeocoder(gz)
    names = ["Najaf", "Baghdad", "Nasiriyah", "Kirkuk", "Basra", "Tahrir Square", "Paris",
             "Springfield", "Xqzzy", "Erbil"] * 2000
    t0 = time.perf_counter()
    for n in names:
        geocoder.geocode(n)
    lps = len(names) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geo", "extract", str(SEED)], check=True,
                   capture_output=True)
    cold = time.perf_counter() - t0
    print("| measure | value | target |\n|---|---|---|")
    print(f"| pipeline words/s (one core, loaded) | {wps:,.0f} | >= 100,000 |")
    print(f"| geocoder lookups/s | {lps:,.0f} | >= 100,000 |")
    print(f"| cold `python -m geo extract` on the seed | {cold:.2f} s | < 3 s |")


if __name__ == "__main__":
    main()
