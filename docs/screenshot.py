"""Take the README's screenshots of the explorer from the real app.

    .venv/bin/python docs/screenshot.py                 # ingests examples/ into a temporary store
    .venv/bin/python docs/screenshot.py --db kronika.duckdb --path "/dyad?a=SRB&b=RUS&by=year" --out x.png

Starts `kronika serve` on a free port, opens each page in Debian's Chromium (Playwright) and writes
docs/explorer-*.png (the dyad page is docs/explorer.png) as 256-colour PNGs so they stay small in
the repository.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]
DOCS = ROOT / "docs"
README_PAGES = [
    ("/dyad?a=CZE&b=KEN&by=month", DOCS / "explorer.png"),
    ("/", DOCS / "explorer-overview.png"),
    ("/map", DOCS / "explorer-map.png"),
    ("/network", DOCS / "explorer-network.png"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: the examples, ingested afresh)")
    parser.add_argument("--path", help="one page to show (default: the README's pages)")
    parser.add_argument("--out", help="where to write that one page")
    args = parser.parse_args()
    pages = [(args.path, Path(args.out or ROOT / "docs" / "explorer.png"))] if args.path else README_PAGES
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "examples.duckdb")
        if not args.db:
            subprocess.run([*KRONIKA, "ingest", str(ROOT / "examples"), "--db", db], check=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([*KRONIKA, "serve", "--db", db, "--port", str(port)])
        try:
            url = f"http://127.0.0.1:{port}"
            _wait(url + "/api/health")
            for path, out in pages:
                _shoot(url + path, out)
                print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait(url: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def _shoot(url: str, out: Path) -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 880})
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_selector("[data-state=ready]", state="attached")
        raw = out.with_suffix(".full.png")
        page.screenshot(path=str(raw))
        browser.close()
    with Image.open(raw) as image:
        image.convert("RGB").quantize(colors=256).save(out, optimize=True)
    raw.unlink()


if __name__ == "__main__":
    main()
