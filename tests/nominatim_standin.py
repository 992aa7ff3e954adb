"""A Nominatim stand-in on the loopback address, for the online fallback's tests:
real HTTP through geopy, never the internet."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

#: What the stand-in knows: Nominatim's ``format=json`` answers, with address details.
PLACES = {
    "sulayman bak": {
        "osm_type": "node",
        "osm_id": 101,
        "lat": "34.9590",
        "lon": "44.6440",
        "class": "place",
        "type": "town",
        "addresstype": "town",
        "name": "Sulayman Bak",
        "display_name": "Sulayman Bak, Tuz Khurmatu District, Saladin, Iraq",
        "address": {"town": "Sulayman Bak", "state": "Saladin", "country_code": "iq"},
    },
    "badush mountains": {
        "osm_type": "relation",
        "osm_id": 202,
        "lat": "36.41",
        "lon": "42.95",
        "class": "natural",
        "type": "mountain_range",
        "addresstype": "mountain_range",
        "name": "Badush Mountains",
        "display_name": "Badush Mountains, Nineveh, Iraq",
        "address": {"state": "Nineveh", "country_code": "iq"},
    },
    "kirkuk": {
        "osm_type": "relation",
        "osm_id": 303,
        "lat": "35.4681",
        "lon": "44.3922",
        "class": "boundary",
        "type": "administrative",
        "addresstype": "city",
        "name": "Kirkuk",
        "display_name": "Kirkuk, Kirkuk Governorate, Iraq",
        "address": {"city": "Kirkuk", "state": "Kirkuk Governorate", "country_code": "iq"},
    },
}
NOTE = (
    "On 9 May 2020, an IED exploded near Sulayman Bak in Saladin province, Iraq, "
    "leaving 3 soldiers injured."
)


def _answer(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    handler.wfile.write(body)


def _point(lat: str, lon: str):
    def send(handler: BaseHTTPRequestHandler) -> None:
        place = dict(PLACES["sulayman bak"], lat=lat, lon=lon)
        _answer(handler, json.dumps([place]).encode())

    return send


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    with suppress(OSError):  # the client gave up: as it should
        for ch in b"[" + b" " * 40 + b"]":
            handler.wfile.write(bytes([ch]))
            handler.wfile.flush()
            time.sleep(0.2)


def _huge(handler: BaseHTTPRequestHandler) -> None:
    with suppress(OSError):  # the client gave up: as it should
        _answer(handler, b"[" + b" " * 3_000_000 + b"]")


#: Broken answers, by query: a point off the globe, a trickle, a huge body.
BROKEN = {
    "nanplace": _point("nan", "44.6"),
    "infplace": _point("1e999", "44.6"),
    "farplace": _point("95.5", "44.6"),
    "slowplace": _trickle,
    "hugeplace": _huge,
}


class _Nominatim(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        self.server.requests.append((time.monotonic(), query))
        if self.server.fail:
            self.send_response(503)
            self.end_headers()
            return
        q = query["q"][0].lower()
        if q in BROKEN:
            BROKEN[q](self)
            return
        hit = PLACES.get(q)
        codes = query.get("countrycodes", [""])[0].split(",")
        if hit and codes != [""] and hit["address"]["country_code"] not in codes:
            hit = None
        body = json.dumps([hit] if hit else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def standin() -> Iterator[ThreadingHTTPServer]:
    """A running stand-in; ``.requests`` lists (time, query) of each request and
    ``.fail = True`` makes it answer 503."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    server.requests, server.fail = [], False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
