"""With no tiles, the map still gives context: province lines and city names that
grow denser as you zoom in (GeoNames cities, by population)."""

from __future__ import annotations

TIMEOUT = 90_000


def test_a_20_km_offline_view_names_a_city(seed_server, page):
    page.page.goto(seed_server.url)  # tiles are on by default; offline they fail
    frame = page.map_frame()
    frame.locator(".em-marker, .marker-cluster").first.wait_for(timeout=TIMEOUT)
    frame.locator(".em-city").first.wait_for(timeout=TIMEOUT)
    wide = frame.locator(".em-city").count()
    # zoom to Baghdad at about 20 km across
    frame.locator("body").evaluate("() => window.map_div.setView([33.31, 44.37], 12)")
    page.page.wait_for_timeout(1500)
    scale = frame.locator(".leaflet-control-scale-line").first.inner_text()
    assert "km" in scale or " m" in scale
    names = frame.locator(".em-city").all_inner_texts()
    assert names, "no city named at 20 km"
    assert any("Baghdad" in n for n in names)
    assert 0 < wide <= 150
    assert page.tiles > 0 and page.outside == []  # tiles were asked for and failed offline
