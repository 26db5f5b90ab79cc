"""A real explorer: `kronika serve` in a subprocess on a free port, over a real store, and Chromium.

The store holds the bundled examples, an article full of HTML tags (tests/data/serve) and, when
../shared is here, the seed articles. A failing test prints the server's log.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.conftest import ROOT, SEEDS

SERVE_DATA = ROOT / "tests" / "data" / "serve"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running `kronika serve` and an HTTP client pointed at it."""

    def __init__(self, db: Path, port: int, log: Path, proc: subprocess.Popen[bytes]) -> None:
        self.db, self.port, self.log, self.proc = db, port, log, proc
        self.url = f"http://127.0.0.1:{port}"
        self.http = httpx.Client(base_url=self.url, timeout=30)

    def get(self, path: str, **params: object) -> httpx.Response:
        return self.http.get(path, params={k: v for k, v in params.items() if v is not None})

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def run_server(db: Path, log: Path) -> Iterator[Server]:
    """Start `kronika serve` on a free port and wait until it answers /api/health."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from kronika.cli import main; main()", "serve", "--db", str(db),
             "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    server = Server(db, port, log, proc)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kronika serve exited with {proc.returncode}:\n{server.log_text()}")
            try:
                if server.get("/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"kronika serve did not answer in 30 s:\n{server.log_text()}")
            time.sleep(0.1)
        yield server
    finally:
        server.http.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory, examples_db: str) -> Path:
    """The examples store, plus the article with HTML tags and (if present) the seeds."""
    from kronika.runner import run_ingest

    path = tmp_path_factory.mktemp("served") / "explorer.duckdb"
    shutil.copy(examples_db, path)
    more = [str(SERVE_DATA)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    summary = run_ingest(more, db=str(path), workers=1)
    assert summary.failed == 0
    return path


@pytest.fixture(scope="session")
def _session_server(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with run_server(served_db, tmp_path_factory.mktemp("serve-log") / "server.log") as server:
        yield server


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture()
def server(_session_server: Server, request: pytest.FixtureRequest) -> Iterator[Server]:
    """The session's explorer; its log is printed under a failing test."""
    yield _session_server
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        # Printed in teardown, pytest shows it under the failing test's report.
        print(f"---- kronika serve log ({_session_server.log}) ----\n{_session_server.log_text()[-8000:]}")  # noqa: T201


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright. Missing Chromium fails in CI and skips elsewhere."""
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    """Where the browser tests keep their screenshots (kept after the run, emptied at its start)."""
    folder = Path(tempfile.gettempdir()) / "kronika-explorer-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


@pytest.fixture()
def page(browser: object, server: Server, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page that records JavaScript errors, any dialog (alert) it is asked to show, and every
    request; a request for anything but 127.0.0.1 is refused and fails the test."""
    width = getattr(request, "param", 1280)
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if _local(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    pg = context.new_page()
    pg.requested = []
    pg.on("request", lambda req: pg.requested.append(req.url))
    pg.set_default_timeout(10_000)
    pg.errors = []
    pg.dialogs = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)

    def on_dialog(dialog: object) -> None:
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    pg.on("dialog", on_dialog)
    yield pg
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert all(_local(u) for u in pg.requested), pg.requested


def assert_not_blank(png: Path) -> None:
    """A screenshot with content: many colours and real contrast, not one flat colour."""
    from PIL import Image, ImageStat

    with Image.open(png) as image:
        grey = image.convert("L")
        spread = ImageStat.Stat(grey).stddev[0]
        colours = len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16))
    assert spread > 10, f"{png} looks blank (grey-level spread {spread:.1f})"
    assert colours > 20, f"{png} has only {colours} colours"
