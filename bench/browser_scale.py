"""The dashboard in Debian's Chromium, on the seed article and on a million-event
store: time to the first map after the server starts, and time for the markers
to redraw after the date range moves (the slider's handle, moved by keyboard).

    python -m bench.browser_scale [--events 1000000] [--seed-only]

Prints a table.  Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from bench.synthetic import synthetic_frame
from geo.io.store import EventStore
from tests.e2e.conftest import CHROMIUM, Server

DRAWN = ".leaflet-overlay-pane path.leaflet-interactive, .leaflet-overlay-pane canvas, .em-marker, .marker-cluster"


def measure(server: Server, moves: int = 3) -> tuple[float, list[float], list[float], str]:
    """First map, then per move of the range's start: seconds until the count line
    changed and until the markers were drawn again; the last count line."""
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
        t0 = time.perf_counter()
        page.goto(server.url)
        frame_loc = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame_loc.locator(DRAWN).first.wait_for(state="attached", timeout=120_000)
        first = time.perf_counter() - t0
        line = page.get_by_text(re.compile("events extracted|incidents from")).first
        before = line.inner_text()
        thumb = page.get_by_role("slider").first
        redraws, counts = [], []
        body = frame_loc.locator("body")
        for _ in range(moves):
            body.evaluate(
                "() => { const g = window.feature_group || [];"
                " window.__old = g.length ? g[g.length - 1] : null; }"
            )
            t0 = time.perf_counter()
            for _ in range(10):  # move the start until the count changes
                thumb.focus()
                thumb.press("PageUp")
                try:
                    page.wait_for_function(
                        "t => !document.body.innerText.includes(t)", arg=before, timeout=3000
                    )
                    break
                except PlaywrightTimeout:  # no event left this step: move again
                    t0 = time.perf_counter()
            counts.append(time.perf_counter() - t0)
            # the markers are swapped inside the same map: wait for the new layer
            frame_loc.locator(DRAWN).first.wait_for(state="attached")
            page.wait_for_function(
                "() => { const f = document.querySelector("
                "'iframe[title=\"streamlit_folium.st_folium\"]');"
                " const w = f && f.contentWindow, g = w && w.feature_group;"
                " return g && g.length && g[g.length - 1] !== w.__old; }",
                timeout=60_000,
            )
            redraws.append(time.perf_counter() - t0)
            before = line.inner_text()
        b.close()
    return first, redraws, counts, before


def _rows(name: str, result: tuple[float, list[float], list[float], str], targets) -> None:
    first, moves, counts, line = result
    print(f"| first map, {name} (cold server) | {first:.1f} s | {targets[0]} |")
    print(
        f"| redraw after a date-range move, {name} | "
        + ", ".join(f"{m:.2f} s" for m in moves)
        + f" | {targets[1]} |"
    )
    print(
        f"| ... of which until the counts changed | {', '.join(f'{m:.2f} s' for m in counts)} | |"
    )
    print(f"| count line after the moves | {line} | |")


def main(argv: list[str] | None = None) -> None:
    """Build the store, start the dashboard, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000, help="events in the store")
    ap.add_argument("--seed-only", action="store_true", help="only the seed article")
    args = ap.parse_args(argv)
    print("| measure | value | target |\n|---|---|---|")
    server = Server()
    try:
        _rows("the seed article", measure(server), ("", "<= 0.5 s"))
    finally:
        server.stop()
    if args.seed_only:
        return
    n = args.events
    with tempfile.TemporaryDirectory() as tmp:
        frame = synthetic_frame(n, seed=0)
        for i in range(0, n, 250_000):
            EventStore(tmp).append(frame.iloc[i : i + 250_000], link=False)  # one source
        del frame
        server = Server("--store", tmp)
        try:
            _rows(f"{n:,} stored events", measure(server), ("<= 10 s", "<= 1 s"))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
