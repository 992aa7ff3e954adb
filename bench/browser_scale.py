"""The dashboard on a million-event store, in Debian's Chromium: time to the first
map after the server starts, and time for the map to redraw after the date range
moves (the slider's handle, moved by keyboard).

    python -m bench.browser_scale [--events 1000000]

Prints a table.  Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time

from playwright.sync_api import sync_playwright

from bench.synthetic import synthetic_frame
from geo.io.store import EventStore
from tests.e2e.conftest import CHROMIUM, Server

DRAWN = ".leaflet-overlay-pane path.leaflet-interactive, .leaflet-overlay-pane canvas, .em-marker, .marker-cluster"


def main(argv: list[str] | None = None) -> None:
    """Build the store, start the dashboard, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    n = ap.parse_args(argv).events
    with tempfile.TemporaryDirectory() as tmp:
        frame = synthetic_frame(n, seed=0)
        for i in range(0, n, 250_000):
            EventStore(tmp).append(frame.iloc[i : i + 250_000], link=False)  # one source
        del frame
        server = Server("--store", tmp)
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(
                    executable_path=str(CHROMIUM),
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                page = b.new_page(viewport={"width": 1400, "height": 1000})
                page.route(
                    "**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort()
                )
                t0 = time.perf_counter()
                page.goto(server.url)
                frame_loc = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
                frame_loc.locator(DRAWN).first.wait_for(state="attached", timeout=120_000)
                first = time.perf_counter() - t0
                line = page.get_by_text(re.compile("events extracted")).first
                before = line.inner_text()
                thumb = page.get_by_role("slider").first
                moves, counts = [], []
                iframes = page.locator('iframe[title="streamlit_folium.st_folium"]')
                for _ in range(3):
                    t0 = time.perf_counter()
                    thumb.focus()
                    thumb.press("PageUp")  # the start handle moves forward
                    page.wait_for_function(
                        "t => !document.body.innerText.includes(t)", arg=before, timeout=60_000
                    )
                    counts.append(time.perf_counter() - t0)
                    # the new map replaces the old one: one frame left, markers drawn
                    while iframes.count() != 1:
                        page.wait_for_timeout(20)
                    frame_loc.locator(DRAWN).first.wait_for(state="attached")
                    moves.append(time.perf_counter() - t0)
                    before = line.inner_text()
                b.close()
        finally:
            server.stop()
    print("| measure | value | target |\n|---|---|---|")
    print(f"| first map, {n:,} stored events (cold server) | {first:.1f} s | <= 10 s |")
    print(
        "| redraw after a date-range move (3 moves) | "
        + ", ".join(f"{m:.1f} s" for m in moves)
        + " | <= 2 s |"
    )
    print(
        "| ... of which until the counts changed | "
        + ", ".join(f"{m:.1f} s" for m in counts)
        + " | |"
    )
    print(f"| count line after the moves | {before} | |")


if __name__ == "__main__":
    main()
