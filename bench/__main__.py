"""The scale benchmark: ``python -m bench [--quick] [--json]``.

Measures, in one process (so the naive baseline shares the machine's load):

- ``extract_words_per_s`` and ``geocode_lookups_per_s`` (see :mod:`bench.speed`), and
  ``extract_words_per_s_4mb`` over one 4 MB document (no stage may grow faster than the text);
- ``map``: for N synthetic events (1,000, 10,000, 100,000, and 1,000,000
  without ``--quick``), the seconds to turn them into what the dashboard sends
  to the browser (filter, map build, render to HTML) and that HTML's size;
- ``naive_map``: the same done the naive way (a folium ``CircleMarker`` with a
  ``Popup`` per event) for 1,000 and 10,000 events;
- ``filter_ms``: the median time of a date-and-type filter over a store of
  1,000,000 events (GeoParquet read with DuckDB);
- ``link``: the seconds to link reports of one incident across documents
  (:mod:`geo.io.linking`) over 100,000 synthetic events, and 1,000,000 without
  ``--quick`` (see :mod:`bench.linking` for precision and recall).

Without ``--json`` it prints a table; with it, the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import tempfile
import time
from datetime import date

import folium

from bench.linking import link_cost
from bench.speed import lookups_per_second, words_per_second, words_per_second_large
from bench.synthetic import synthetic_frame
from geo.gazetteer import Gazetteer
from geo.io.query import EventFilter, apply
from geo.io.store import EventStore
from geo.view.mapping import build_map

log = logging.getLogger("geo")


def map_cost(frame, n: int) -> dict:
    """Filter, build and render the map of the first ``n`` events."""
    events = frame.iloc[:n]
    t0 = time.perf_counter()
    shown = apply(events, EventFilter(start=date(2018, 1, 1), end=date(2030, 1, 1)))
    on_map = shown[shown["unmapped_reason"] == ""]
    html = build_map(on_map, assets=None).get_root().render()
    return {
        "events": n,
        "script_s": round(time.perf_counter() - t0, 3),
        "html_bytes": len(html.encode()),
    }


def naive_map_cost(frame, n: int) -> dict:
    """The naive way: one CircleMarker with a Popup per event."""
    events = frame.iloc[:n]
    t0 = time.perf_counter()
    m = folium.Map(location=[33, 44], zoom_start=5)
    for r in events.itertuples(index=False):
        folium.CircleMarker(
            [r.lat, r.lon], radius=3 + r.killed**0.5, fill=True, popup=folium.Popup(r.source_text)
        ).add_to(m)
    html = m.get_root().render()
    return {
        "events": n,
        "script_s": round(time.perf_counter() - t0, 3),
        "html_bytes": len(html.encode()),
    }


def filter_cost(frame, runs: int = 7) -> dict:
    """Median ms of a date-and-type filter over a store of ``len(frame)`` events."""
    with tempfile.TemporaryDirectory() as tmp:
        store = EventStore(tmp)
        step = 250_000
        for i in range(0, len(frame), step):
            store.append(frame.iloc[i : i + step], link=False)  # one synthetic source
        q = EventFilter(start=date(2019, 3, 1), end=date(2019, 5, 31), types=("Battles",))
        store.query(q)  # warm the file cache
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            got = store.query(q)
            times.append((time.perf_counter() - t0) * 1000)
        return {
            "events": len(frame),
            "median_ms": round(statistics.median(times), 1),
            "rows_returned": len(got),
        }


def main(argv: list[str] | None = None) -> dict:
    """Run everything; print a table or JSON; return the results."""
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the 1,000,000-event map")
    ap.add_argument("--json", action="store_true", help="print one JSON object last")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gz = Gazetteer.load()
    out: dict = {
        "extract_words_per_s": round(words_per_second(gz, 3.0 if args.quick else 5.0)),
        "extract_words_per_s_4mb": round(words_per_second_large(gz, 4.0)),
        "geocode_lookups_per_s": round(lookups_per_second(gz, 1000 if args.quick else 2000)),
    }
    frame = synthetic_frame(1_000_000, seed=0)
    sizes = (1_000, 10_000, 100_000) + (() if args.quick else (1_000_000,))
    out["map"] = [map_cost(frame, n) for n in sizes]
    out["naive_map"] = [naive_map_cost(frame, n) for n in (1_000, 10_000)]
    out["filter_ms"] = filter_cost(frame)
    out["link"] = link_cost(100_000 if args.quick else 1_000_000)
    if args.json:
        print(json.dumps(out))
    else:
        print("| measure | value | target |\n|---|---|---|")
        print(f"| extraction words/s | {out['extract_words_per_s']:,} | >= 100,000 |")
        print(f"| extraction words/s, one 4 MB document | {out['extract_words_per_s_4mb']:,} | |")
        print(f"| geocoder lookups/s | {out['geocode_lookups_per_s']:,} | >= 100,000 |")
        naive = {r["events"]: r for r in out["naive_map"]}
        for r in out["map"]:
            extra = ""
            if r["events"] in naive:
                extra = (
                    f" (naive: {naive[r['events']]['script_s']:.2f} s, "
                    f"{naive[r['events']]['html_bytes'] / 1e6:.1f} MB; "
                    f"{naive[r['events']]['script_s'] / r['script_s']:.0f}x faster)"
                )
            target = (
                " <= 1.5 s, <= 5 MB"
                if r["events"] == 100_000
                else " >= 20x naive"
                if r["events"] == 10_000
                else ""
            )
            print(
                f"| map of {r['events']:,} events | {r['script_s']:.2f} s, "
                f"{r['html_bytes'] / 1e6:.2f} MB{extra} |{target} |"
            )
        f = out["filter_ms"]
        print(
            f"| date+type filter over {f['events']:,} stored events | "
            f"{f['median_ms']:.0f} ms median ({f['rows_returned']:,} rows) | <= 300 ms |"
        )
        k = out["link"]
        print(
            f"| linking {k['events']:,} events across documents | {k['seconds']} s "
            f"({k['incidents']:,} incidents) | {'<= 60 s' if k['events'] >= 1_000_000 else ''} |"
        )
    return out


if __name__ == "__main__":
    main()
