"""File names, ACLED fields and error texts are shown literally, never as Markdown:
uploads carrying Markdown images, links, KaTeX and HTML make no request to a local
beacon, and the names appear as written (Debian's Chromium)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.e2e.conftest import Server

TIMEOUT = 90_000


class _Beacon(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def beacon():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Beacon)
    server.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server("--articles", str(tmp_path_factory.mktemp("empty")))
    yield s
    s.stop()


def test_names_and_fields_are_not_markdown(server, page, beacon):
    url = f"http://127.0.0.1:{beacon.server_port}"
    bad_name = f"![b]({url}/file.png) [x]({url}/link) $E=mc^2$.txt"
    # an empty file: an error naming it (a browser may send any name)
    article = {"name": bad_name, "mimeType": "text/plain", "buffer": b" "}
    location = f"![l]({url}/loc.png) <img src={url}/html.png>"
    acled = {
        "name": "export.csv",
        "mimeType": "text/csv",
        "buffer": (
            "event_date,latitude,longitude,fatalities,location,notes\n"
            f'9-May-20,33.3,44.4,2,"{location}",note\n'
            f"![d]({url}/date.png),33.3,44.4,1,Basra,note\n"
        ).encode(),
    }
    page.page.goto(server.url)
    inputs = page.page.locator('input[type="file"]')
    inputs.first.wait_for(state="attached", timeout=TIMEOUT)
    inputs.nth(0).set_input_files(article)
    inputs.nth(1).set_input_files(acled)
    page.markers().first.wait_for(timeout=TIMEOUT)
    page.markers().first.click(force=True)
    page.page.get_by_text("Selected: ").wait_for(timeout=TIMEOUT)
    page.page.wait_for_timeout(1500)
    body = page.page.locator("body").inner_text()
    assert bad_name in body  # the bad file is named as it is
    assert location in body  # the place as written
    assert f"![d]({url}/date.png)" in body  # the bad row's date, in its error
    assert beacon.hits == [], beacon.hits
    assert page.dialogs == []
