"""The explorer while the store is busy or the input hostile: a short lock wait and a 503 that names no
path, program or process; a health check with no path; at most 200 characters of input echoed; `%` and
`_` searched as themselves."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kronika.store import Store
from tests.serve.conftest import Server, free_port


@pytest.fixture(scope="module")
def busy_server(examples_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`kronika serve --lock-wait 1` over a copy of the examples store."""
    folder = tmp_path_factory.mktemp("busy")
    db = folder / "k.duckdb"
    shutil.copy(examples_db, db)
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", "from kronika.cli import main; main()", "serve", "--db", str(db),
                                 "--port", str(port), "--lock-wait", "1"], stdout=out, stderr=subprocess.STDOUT)
    server = Server(db, port, log, proc)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if server.get("/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.1)
        yield server
    finally:
        server.http.close()
        proc.terminate()
        proc.wait(timeout=10)


def test_a_locked_store_answers_503_after_a_short_wait_and_says_only_that(busy_server: Server) -> None:
    writer = Store(busy_server.db)
    with writer.session():  # an ingest holding the file
        t0 = time.monotonic()
        res = busy_server.get("/api/overview")
        waited = time.monotonic() - t0
        page = busy_server.get("/actors/Kenya")
    assert res.status_code == 503, (waited, res.text, busy_server.log_text()[-3000:])
    assert res.json() == {"error": {"status": 503, "message": "the store is busy (an ingest is running); retry in "
                                                              "a few seconds"}}
    assert 1 <= waited < 4, waited
    assert page.status_code == 503 and "the store is busy (an ingest is running); retry in a few seconds" in page.text
    for leak in (str(busy_server.db), busy_server.db.name, "python", "PID", "lock on file"):
        assert leak not in res.text and leak not in page.text
    assert "Conflicting lock" in busy_server.log_text(), "the details are in the server's log"
    assert busy_server.get("/api/overview").status_code == 200  # and it answers once the writer is done


def test_health_shows_no_path(busy_server: Server) -> None:
    body = busy_server.get("/api/health").json()
    assert set(body) == {"status", "events", "warning"}
    assert body["status"] == "ok" and body["warning"] is None and body["events"] > 0
    assert str(busy_server.db.parent) not in str(body)


def test_error_messages_echo_at_most_200_characters_of_input(busy_server: Server) -> None:
    res = busy_server.get("/api/events", dyad="X" * 10_000)
    assert res.status_code == 400
    assert res.json()["error"]["message"] == ('dyad "' + "X" * 200 + '…" must be two actors separated by a colon, '
                                              "like SRB:RUS")
    assert len(busy_server.get("/api/events", since="9" * 10_000).text) < 500


def test_percent_and_underscore_are_searched_as_themselves(busy_server: Server) -> None:
    every = busy_server.get("/api/events", per_page=1).json()["total"]
    assert every > 0
    for wildcard in ("%", "_", "%%", "a%b"):
        assert busy_server.get("/api/events", q=wildcard).json()["total"] == 0, wildcard
    assert 0 < busy_server.get("/api/events", q="signed").json()["total"] < every


def test_a_store_left_unfinished_says_so_in_health(busy_server: Server) -> None:
    from kronika.store import run_state

    run_state.mark(Store(busy_server.db), "merge")
    try:
        assert busy_server.get("/api/health").json()["warning"] == (
            "the last ingest was interrupted during the actor merge, before corroboration: actors and corroborated "
            "events are not up to date; run kronika ingest again to finish it")
    finally:
        run_state.clear(Store(busy_server.db))


def test_serve_says_when_its_store_is_unfinished(cli, examples_db: str, tmp_path: Path) -> None:
    from kronika.store import run_state

    db = tmp_path / "k.duckdb"
    shutil.copy(examples_db, db)
    run_state.mark(Store(db), "corroboration")
    res = cli("serve", "--db", str(db), "--port", "99999")
    assert res.stderr.startswith("warning: the last ingest was interrupted during corroboration")
