"""Interrupted means said: a store whose last ingest did not finish says so on every read command until
an ingest finishes it; kill -9 at any point of an ingest, then a re-run, gives the store a clean run gives."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from kronika.store import Store, run_state
from tests.conftest import EXAMPLES
from tests.faults.helpers import kronika, lock_step, ran, start
from tests.faults.probes import write_good
from tests.runner.helpers import differences, store_content

WARNING = ("warning: the last ingest was interrupted during corroboration: actors and corroborated events are "
           "not up to date; run kronika ingest again to finish it")


def read_commands(db: str) -> list[list[str]]:
    return [["documents"], ["actors"], ["actors", "Kenya"], ["events"], ["events", "--format", "plover"],
            ["quotes"], ["dyad", "KEN", "ETH"], ["network"], ["export", "--format", "plover", "-o", "-"],
            ["eval", str(EXAMPLES / "missing-gold.json")]]


def test_a_store_left_unfinished_warns_on_every_read_command_until_an_ingest_finishes_it(tmp_path: Path) -> None:
    db = str(tmp_path / "k.duckdb")
    assert kronika("ingest", str(EXAMPLES), "--db", db).returncode == 0
    run_state.mark(Store(db), "corroboration")  # what a run killed during corroboration leaves
    for command in read_commands(db):
        res = kronika(*command, "--db", db)
        assert res.stderr.splitlines()[:1] == [WARNING], (command, res.stderr)
    finished = kronika("ingest", "--db", db)  # no paths: finish what was interrupted
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr == ("note: the last ingest was interrupted during corroboration; this run finished it "
                               "first\n")
    assert ran(finished.stdout) == (0, 0, 0)
    for command in read_commands(db):
        assert "warning:" not in kronika(*command, "--db", db).stderr, command


def test_ingest_with_no_paths_on_a_finished_store_is_a_usage_error(tmp_path: Path) -> None:
    res = kronika("ingest", "--db", str(tmp_path / "k.duckdb"))
    assert res.returncode == 2
    assert res.stderr.endswith("Error: give the files or folders to read (PATHS), or - for standard input\n")


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_good(folder, 90)
    return folder


@pytest.mark.slow
def test_kill_9_at_random_points_then_a_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    clean = tmp_path / "clean.duckdb"
    assert kronika("ingest", str(folder), "--db", str(clean), "--batch-size", "8").returncode == 0
    expected = store_content(str(clean))
    rng = random.Random(14)
    interrupted = []
    for n, step in enumerate(["coding", "merge", "corroboration", "coding", "corroboration"]):
        db = tmp_path / f"killed{n}.duckdb"
        proc = start("ingest", str(folder), "--db", str(db), "--batch-size", "8")
        deadline = time.monotonic() + 120
        while lock_step(db) != step and time.monotonic() < deadline:  # the merge is over in a tenth of a second
            time.sleep(0.001)
        time.sleep(rng.uniform(0, {"coding": 0.5, "merge": 0.0, "corroboration": 0.01}[step]))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        interrupted.append(run_state.unfinished(Store(db, read_only=True)))
        rerun = kronika("ingest", str(folder), "--db", str(db), "--batch-size", "8")
        assert rerun.returncode == 0, rerun.stderr
        assert differences(store_content(str(db)), expected) == {}, f"killed during {step}"
        assert run_state.unfinished(Store(db, read_only=True)) is None
    # The kills did land inside the run (a run that ended before its kill would prove nothing).
    assert {"coding", "merge", "corroboration"} <= set(interrupted), interrupted


@pytest.mark.slow
def test_kill_9_during_corroboration_leaves_a_store_that_says_so(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    db = tmp_path / "k.duckdb"
    proc = start("ingest", str(folder), "--db", str(db), "--batch-size", "8")
    deadline = time.monotonic() + 120
    while lock_step(db) != "corroboration" and time.monotonic() < deadline:
        time.sleep(0.001)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    res = kronika("events", "--db", str(db))
    assert res.stderr.splitlines()[0] == WARNING
