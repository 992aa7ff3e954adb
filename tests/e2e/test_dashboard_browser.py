"""The dashboard in Debian's Chromium: markers, links, clicks, offline assets."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import Server

TIMEOUT = 90_000


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.stop()


def _open(page, url: str) -> int:
    """Open the page; the number of place markers on the map (clustered included)."""
    page.page.goto(url)
    page.map_frame().locator(".em-marker, .marker-cluster").first.wait_for(timeout=TIMEOUT)
    page.page.wait_for_timeout(500)
    return page.drawn()


def test_markers_drawn_with_nothing_from_the_internet(server, page):
    n = _open(page, server.url)
    assert n >= 15
    # markers of different places never stack: closer ones join a cluster with a count
    boxes = [b for b in (m.bounding_box() for m in page.markers().all()) if b]
    centres = [(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for b in boxes]
    for i, (x, y) in enumerate(centres):
        for u, v in centres[i + 1 :]:
            assert (x - u) ** 2 + (y - v) ** 2 >= 6**2
    assert page.clusters().count() >= 1
    frame = page.page.locator('iframe[title="streamlit_folium.st_folium"]')
    assert frame.bounding_box()["height"] > 300  # jQuery ran: the iframe sized itself
    # the offline basemap drew country outlines under the markers
    page.map_frame().locator(".leaflet-pane path").nth(n + 10).wait_for(
        state="attached", timeout=TIMEOUT
    )
    assert page.map_frame().locator(".em-legend").inner_text().startswith("Legend")
    assert page.outside == [], f"requests left the machine: {page.outside}"


def test_a_narrower_link_shows_fewer_markers(server, page):
    everything = _open(page, server.url)
    page.page.wait_for_timeout(1000)
    narrow = _open(page, f"{server.url}/?start=2019-12-01&end=2019-12-10")
    assert 0 < narrow < everything
    assert page.page.get_by_text(re.compile(r"outside the date range")).count() == 1


def test_click_a_marker_reads_its_sentence(server, page):
    n = _open(page, f"{server.url}/?q=Khalani")
    assert n == 1
    page.markers().first.click(force=True)
    page.page.get_by_text("Selected: Khilani Square").wait_for(timeout=TIMEOUT)
    card = page.page.locator(".em-card").first
    text = card.inner_text()
    assert "Asayeb Ahl al-Haq, opened fire on protesters" in text
    assert "19 killed, 10 injured" in text
    assert card.locator("mark.hl-date").inner_text() == "6 December"
    assert page.outside == []


def test_filter_change_updates_the_link(server, page):
    _open(page, server.url)
    box = page.page.get_by_label("Search the text")
    box.fill("Tahrir")
    box.press("Enter")
    page.page.wait_for_url(re.compile(r"q=Tahrir"), timeout=TIMEOUT)
    # Tahrir Square: the protests of 8, 10 and 24 December, and the killing of 15 December
    for _ in range(100):  # the layer is swapped in place: poll the count
        if page.drawn() == 2:
            break
        page.page.wait_for_timeout(300)
    assert page.drawn() == 2
