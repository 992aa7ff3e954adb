"""An article full of HTML and script payloads is mapped as text: every marker is
clicked, no dialog opens, no payload becomes an element in any frame, and the
payloads are readable in the details."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Server

TIMEOUT = 90_000
PAYLOADS = {
    "Najaf": "<img src=x onerror=\"alert('img')\">",
    "Basra": "<script>alert('script')</script>",
    "Kirkuk": "<svg onload=alert('svg')>",
    "Mosul": "\"'><b onmouseover=alert('attr')>bold</b>",
    "Baghdad": "${alert('tpl')} `backtick`",
}
ARTICLE = "Title <img src=x onerror=alert('title')>\n\n" + "\n\n".join(
    f"On {day} May 2020, {day} people were killed in {city} {payload}."
    for day, (city, payload) in enumerate(PAYLOADS.items(), start=3)
)
HOSTILE_NODES = "[onerror],[onload],[onmouseover],script:not([src]):not([type])"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "x\"'><svg onload=alert('file')>.txt").write_text(ARTICLE, encoding="utf-8")
    s = Server("--articles", str(folder))
    yield s
    s.stop()


def _hostile_nodes(page) -> int:
    """Elements carrying a payload's handler, in every frame of the page."""
    count = 0
    for frame in page.page.frames:
        count += frame.evaluate(
            f"""() => [...document.querySelectorAll({HOSTILE_NODES!r})]
                .filter(e => /alert\\(/.test(e.outerHTML)).length"""
        )
    return count


def test_payloads_stay_text(server, page):
    page.page.goto(server.url)
    markers = page.markers()
    markers.first.wait_for(timeout=TIMEOUT)
    page.page.wait_for_timeout(1000)
    n = markers.count()
    assert n == len(PAYLOADS)
    seen = set()
    for i in range(n):
        markers.nth(i).hover(force=True)
        page.page.wait_for_timeout(300)
        markers.nth(i).click(force=True)
        heading = page.page.get_by_text("Selected: ")
        heading.wait_for(timeout=TIMEOUT)
        page.page.wait_for_function(
            "() => document.querySelectorAll('.em-card').length > 0", timeout=TIMEOUT
        )
        page.page.wait_for_timeout(800)
        card = page.page.locator(".em-card").first.inner_text()
        shown = [p for p in PAYLOADS.values() if p in card]  # readable, as text
        assert len(shown) == 1, card
        seen.add(shown[0])
        assert "Title <img src=x onerror=alert('title')>" in card
        assert _hostile_nodes(page) == 0
    assert seen == set(PAYLOADS.values())
    assert page.dialogs == []
    assert page.outside == []
