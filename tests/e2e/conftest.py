"""Real-browser fixtures: a Streamlit server on a free port and Debian's Chromium.

Nothing may leave the machine but map-tile requests: every other request to a
host that is not the app is aborted and recorded, and the tests assert there
were none.  A failing test leaves a screenshot in ``tests/e2e/artifacts/``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
TILE_HOSTS = ("tile.openstreetmap.org",)

if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (install Debian's chromium; CI does)", allow_module_level=True
    )
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``streamlit run dashboard.py`` on a free port, stopped at the end."""

    def __init__(self, *script_args: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = ARTIFACTS / f"streamlit-{self.port}.log"
        ARTIFACTS.mkdir(exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / __import__("os").environ.get("DASH", "dashboard.py")),
            "--server.headless",
            "true",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        if script_args:
            cmd += ["--", *script_args]
        self._fh = self.log.open("w")
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdout=self._fh,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not answer /_stcore/health; see {self.log}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._fh.close()


@pytest.fixture(scope="session")
def browser(gazetteer) -> Iterator:  # noqa: ARG001 - builds the index before servers start
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # noqa: ARG001
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


class Page:
    """A browser page that records dialogs and every request leaving the machine."""

    def __init__(self, page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.tiles = 0
        page.on("dialog", self._dialog)
        page.context.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        host = url.split("/")[2] if "://" in url else ""
        if url.startswith(("data:", "blob:", "about:")) or host.split(":")[0] in (
            "127.0.0.1",
            "localhost",
        ):
            route.continue_()
        elif host.endswith(TILE_HOSTS):
            self.tiles += 1
            route.abort()  # tests run offline: tiles fail, the outline basemap shows
        else:
            self.outside.append(url)
            route.abort()

    def map_frame(self):
        return self.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')

    def markers(self):
        """Place markers drawn (clustered ones are inside their cluster's count)."""
        return self.map_frame().locator(".em-marker, path.leaflet-interactive")

    def clusters(self):
        return self.map_frame().locator(".marker-cluster")

    def drawn(self) -> int:
        """Place markers on the map: those drawn plus those inside clusters."""
        inside = sum(int(t) for t in self.clusters().all_inner_texts() if t.strip().isdigit())
        return self.markers().count() + inside


@pytest.fixture
def page(browser, request) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    p = Page(context.new_page())
    yield p
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        p.page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()


@pytest.fixture(scope="module")
def seed_server() -> Iterator[Server]:
    """The dashboard on the seed article, one per test module."""
    s = Server()
    yield s
    s.stop()
