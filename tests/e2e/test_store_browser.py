"""A large synthetic store in the real browser: it opens as a grid with exact counts,
and a narrower date range redraws it.  (Timings are measured by
``python -m bench.browser_scale``, not asserted here.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bench.synthetic import synthetic_frame
from geo.io.store import EventStore
from tests.e2e.conftest import Server

TIMEOUT = 120_000
N = 200_000
DRAWN = (
    ".leaflet-overlay-pane path.leaflet-interactive, .leaflet-overlay-pane canvas, "
    ".em-marker, .marker-cluster"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    frame = synthetic_frame(N, seed=3)
    EventStore(path).append(frame)
    s = Server("--store", str(path))
    s.frame = frame
    yield s
    s.stop()


def _count_line(page) -> str:
    line = page.page.get_by_text(re.compile(r"events extracted")).first
    line.wait_for(timeout=TIMEOUT)
    return line.inner_text()


def test_store_opens_as_a_grid_and_follows_the_date_range(server, page):
    page.page.goto(server.url)
    frame = page.map_frame()
    frame.locator(DRAWN).first.wait_for(state="attached", timeout=TIMEOUT)
    assert _count_line(page).startswith(f"{N} events extracted: {N} on the map")
    frame.locator(".em-legend summary").click()  # the legend opens on demand
    legend = frame.locator(".em-legend").inner_text()
    assert "cell" in legend  # summed, and says so
    page.page.goto(f"{server.url}/?start=2019-03-01&end=2019-03-31")
    frame.locator(DRAWN).first.wait_for(state="attached", timeout=TIMEOUT)
    df = server.frame
    inside = int(((df["date"] >= "2019-03-01") & (df["date"] <= "2019-03-31")).sum())
    expect(
        page.page.get_by_text(re.compile(rf"{N} events extracted: {inside} on the map"))
    ).to_be_visible(timeout=TIMEOUT)
    assert page.outside == []
