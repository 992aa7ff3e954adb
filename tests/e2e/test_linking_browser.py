"""Reports of one incident from several documents, in Chromium: one marker with
a ring, and a click lists every report with its own figure."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import ARTIFACTS, Server

TIMEOUT = 90_000


@pytest.fixture(scope="module")
def server():
    s = Server("--articles", str(ROOT / "tests" / "data" / "linking"))
    yield s
    s.stop()


def test_three_reports_are_one_marker_and_the_details_list_each(server, page):
    page.page.goto(f"{server.url}/?q=Kano")
    page.markers().first.wait_for(timeout=TIMEOUT)
    page.page.wait_for_timeout(500)
    assert page.markers().count() == 1  # one incident, not three stacked markers
    page.markers().first.click(force=True)
    page.page.get_by_text("Selected: Kano").wait_for(timeout=TIMEOUT)
    note = page.page.get_by_text("19–23 killed, 3 reports")
    note.wait_for(timeout=TIMEOUT)
    cards = page.page.locator(".em-card")
    cards.nth(2).wait_for(timeout=TIMEOUT)  # the cards render after the note
    assert cards.count() == 3
    figures = sorted(c.inner_text().split(" killed")[0].split("·")[-1].strip() for c in cards.all())
    assert figures == ["19", "20", "23"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "linked-incident.png"), full_page=False)
    assert page.outside == []
