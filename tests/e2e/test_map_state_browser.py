"""The map keeps the reader's view: zoom in, move the date range, the zoom and
the centre stay and the map frame never collapses."""

from __future__ import annotations

import re

TIMEOUT = 90_000
FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _view(page) -> tuple[int, float, float]:
    frame = page.page.frame_locator(FRAME).locator("body")
    return frame.evaluate(
        "() => { const m = window.map_div; const c = m.getCenter();"
        " return [m.getZoom(), c.lat, c.lng]; }"
    )


def test_zoom_and_pan_stay_when_the_date_range_moves(seed_server, page):
    page.page.goto(seed_server.url)
    page.markers().first.wait_for(timeout=TIMEOUT)
    page.page.wait_for_timeout(800)
    start_zoom = _view(page)[0]
    zoom_in = page.map_frame().locator(".leaflet-control-zoom-in")
    for _ in range(2):
        zoom_in.click()
        page.page.wait_for_timeout(600)  # the zoom animation
    zoomed = _view(page)
    assert zoomed[0] == start_zoom + 2
    line = page.page.get_by_text(re.compile("events extracted")).first
    before = line.inner_text()
    thumb = page.page.get_by_role("slider").first
    for _ in range(2):
        for _ in range(10):  # move the start until the count changes
            thumb.focus()
            thumb.press("PageUp")
            page.page.wait_for_timeout(1500)
            if line.inner_text() != before:
                break
        assert line.inner_text() != before
        before = line.inner_text()
        box = page.page.locator(FRAME).bounding_box()
        assert box is not None and box["height"] >= 200
        after = _view(page)
        assert after[0] == zoomed[0]
        assert abs(after[1] - zoomed[1]) < 1e-6 and abs(after[2] - zoomed[2]) < 1e-6
    assert page.page.locator(FRAME).count() == 1
    assert page.outside == []
