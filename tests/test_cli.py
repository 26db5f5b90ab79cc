"""The command line as a user meets it: ingest, read back, bad input, re-runs, interruptions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, holdings

ARTICLE = """Austria and Slovenia sign rail agreement

12 March 2024

By Petra Lang

LJUBLJANA – Austrian Transport Minister Karl Huber and his Slovenian counterpart signed a rail agreement
in Ljubljana on Tuesday.

Huber thanked Slovenia for its support.

Copyright 2024 The Alpine Gazette
"""


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_ingest_examples_then_read_everything_back(cli, db):
    res = cli("ingest", str(EXAMPLES), "--db", db)
    assert res.exit_code == 0, res.output
    held = holdings(db)
    assert res.output.startswith(f"added 13 articles, {held['reports']} reports, {held['events']} events "
                                 "(0 already stored; ")
    now = f"{db} now holds 13 articles, {held['reports']} reports, {held['events']} events, {held['actors']} actors\n"
    assert res.output.endswith(now)
    docs = jsonl(cli("documents", "--db", db, "--format", "jsonl").output)
    assert len(docs) == 13
    assert {d["source_file"].rsplit(".", 1)[1] for d in docs} == {"txt", "md", "html", "jsonl", "csv", "json"}
    assert all(d["title"] and d["published"] and d["n_sentences"] > 0 for d in docs)
    assert len({d["outlet"] for d in docs}) >= 5
    events = jsonl(cli("events", "--db", db, "--format", "plover").output)
    assert len({e["event"] for e in events}) >= 12, "the examples cover most PLOVER categories"
    for e in events:
        assert e["id"] and e["event"] and e["actor"] and e["text"] and e["cite_info"]["source_file"]
    actors = jsonl(cli("actors", "--db", db, "--format", "jsonl").output)
    assert {"name", "type", "country", "sector", "aliases", "roles", "mentions", "documents"} <= set(actors[0])

    again = cli("ingest", str(EXAMPLES), "--db", db)
    assert again.output.startswith("added 0 articles, 0 reports, 0 events (13 already stored; ")
    assert again.output.endswith(now)
    assert len(jsonl(cli("events", "--db", db, "--format", "plover").output)) == len(events)


def test_bad_inputs_are_named_the_rest_goes_in_and_the_exit_status_says_so(tmp_path: Path, cli, db):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"title": "Ok", "published": "2024-01-02", "text": "Peru recalled its ambassador to Bolivia."})
        + "\n{not json\n", encoding="utf-8")
    res = cli("ingest", str(tmp_path), "--db", db)
    assert res.exit_code == 1
    assert f"{tmp_path / 'empty.txt'}: empty file" in res.output
    assert f"{tmp_path / 'photo.jpg'}: binary file (not text)" in res.output
    assert f"{tmp_path / 'feed.jsonl'} line 2: not valid JSON" in res.output
    assert "added 2 articles, " in res.output and "(0 already stored, 3 failed; " in res.output
    titles = {d["title"] for d in jsonl(cli("documents", "--db", db, "--format", "jsonl").output)}
    assert titles == {"Austria and Slovenia sign rail agreement", "Ok"}


def test_stdin_and_the_kronika_db_variable(cli, tmp_path: Path):
    db = str(tmp_path / "env.duckdb")
    res = cli("ingest", "-", input=ARTICLE, env={"KRONIKA_DB": db})
    assert res.exit_code == 0, res.output
    docs = jsonl(cli("documents", "--format", "jsonl", env={"KRONIKA_DB": db}).output)
    assert [(d["source_file"], d["published"], d["author"], d["dateline"]) for d in docs] == \
        [("<stdin>", "2024-03-12", "Petra Lang", "Ljubljana")]
    events = jsonl(cli("events", "--format", "plover", env={"KRONIKA_DB": db}).output)
    signing = [e for e in events if e["event"] == "SUPPORT" and "signed" in e["event_text"]]
    assert signing and signing[0]["date"] == "2024-03-12"
    assert {a["code"] for a in signing[0]["actor"]} == {"AUT", "SVN"}


def test_reading_a_missing_store_is_a_clear_error(cli, tmp_path: Path):
    res = cli("documents", "--db", str(tmp_path / "nope.duckdb"))
    assert res.exit_code == 1
    assert "nope.duckdb: no such store (run `kronika ingest` first)" in res.output


def test_bad_filters_are_usage_errors_not_crashes(cli, examples_db):
    for args, message in [(["--event", "HUG"], "is not a PLOVER category"),
                          (["--since", "last tuesday"], "is not a date"), (["--dyad", "SRB"], "like SRB:RUS")]:
        result = cli("events", "--db", examples_db, *args)
        assert result.exit_code == 2 and message in result.output


def test_an_interrupted_ingest_keeps_what_it_committed_and_can_be_rerun(tmp_path: Path, db: str):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 480  # enough that the run is still going when the test stops it
    for n in range(total):
        (corpus / f"a{n:02d}.txt").write_text(
            f"Story {n}\n\n{n % 27 + 1} March 2024\n\nHungary and Austria held talks on river number {n} "
            f"in Vienna.\n\nAustria thanked Hungary for its help with bridge {n}.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "kronika.cli", "ingest", str(corpus), "--db", db, "--batch-size", "2",
           "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    from kronika.store import Store

    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if Path(db).exists():
            stored = Store(db, read_only=True).scalar("SELECT count(*) FROM documents") or 0
            if stored >= 4:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 4 <= stored < total, "the test wants to kill the run half-way"
    store = Store(db, read_only=True)
    kept = store.scalar("SELECT count(*) FROM documents")
    # every committed document is whole: its sentences are all there
    assert store.scalar("SELECT count(*) FROM documents d WHERE n_sentences <> "
                        "(SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id)") == 0
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert rerun.returncode == 0, rerun.stderr
    assert f"added {total - kept} articles, " in rerun.stdout and f"({kept} already stored; " in rerun.stdout
    assert Store(db, read_only=True).scalar("SELECT count(DISTINCT doc_id) FROM documents") == total
