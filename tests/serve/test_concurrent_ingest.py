"""The explorer keeps answering while `kronika ingest` writes into the store it serves."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from tests.conftest import EXAMPLES
from tests.serve.conftest import run_server


def test_server_reads_while_an_ingest_writes_the_same_file(served_db, tmp_path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(served_db, db)
    articles = tmp_path / "articles"
    articles.mkdir()
    name = "horn-standard_ethiopia-sudan-border.txt"
    shutil.copy(EXAMPLES / name, articles / name)
    with run_server(db, tmp_path / "server.log") as server:
        # --force re-codes the article: deletes, inserts, re-merges entities and re-groups sources.
        writer = subprocess.Popen(
            [sys.executable, "-c", "from kronika.cli import main; main()", "ingest", str(articles), "--db",
             str(db), "--force", "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        statuses: list[tuple[str, int]] = []
        event_id = server.get("/api/events", per_page=1).json()["events"][0]["id"]
        while writer.poll() is None:
            for path in ("/api/overview", "/api/events?actor=KEN", f"/api/events/{event_id}"):
                statuses.append((path, server.get(path).status_code))
            time.sleep(0.1)  # steady reads, leaving the CPU to the writer too
        output = writer.stdout.read().decode() if writer.stdout else ""
        assert writer.returncode == 0, output
        assert output.startswith("added 1 article, "), output
        assert len(statuses) >= 9, "the server was not exercised while the ingest ran"
        failures = [s for s in statuses if s[1] != 200]
        assert not failures, f"{len(failures)} of {len(statuses)} requests failed: {failures[:5]}\n{server.log_text()}"
        after = server.get("/api/overview").json()["counts"]
        assert after["documents"] >= 13 and after["events"] > 0
