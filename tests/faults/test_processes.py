"""Worker processes die with the parent: kill -9, SIGTERM or Ctrl-C on `kronika ingest`, and within two
seconds no worker is left and the pipes the parent wrote into are closed (`kronika ingest | tee` ends)."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.faults.helpers import alive, children, start, wait_for
from tests.faults.probes import write_good


def busy_folder(tmp_path: Path) -> Path:
    """Enough work for two workers to still be coding when the test stops the run."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder, 8)
    for n in range(4):
        (folder / f"slow_{n}.txt").write_text(f"Slow {n}\n\n" + "Internationalisation " * 60_000, encoding="utf-8")
    return folder


def running_with_workers(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[int], Path]:
    db = tmp_path / "k.duckdb"
    proc = start("ingest", str(busy_folder(tmp_path)), "--db", str(db), "--workers", "2", "--batch-size", "2")
    wait_for(lambda: len(children(proc.pid)) == 2, 30, "two worker processes")
    workers = children(proc.pid)
    time.sleep(1.5)  # the workers load the model and start coding
    assert proc.poll() is None, "the run ended before the test could stop it"
    return proc, workers, db


def closed_within(pipe: object, seconds: float) -> bool:
    """Whether reading the pipe reaches its end within ``seconds`` (every writer has closed it)."""
    fd = pipe.fileno()  # type: ignore[attr-defined]
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready and os.read(fd, 65536) == b"":
            return True
    return False


def test_no_worker_outlives_a_parent_killed_with_sigkill(tmp_path: Path) -> None:
    proc, workers, _ = running_with_workers(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed = time.monotonic()
    wait_for(lambda: not any(alive(w) for w in workers), 2, "the workers to end")
    assert closed_within(proc.stdout, 2 - (time.monotonic() - killed) + 0.1)
    assert closed_within(proc.stderr, 0.5)


@pytest.mark.parametrize(("how", "status", "said"),
                         [(signal.SIGTERM, 143, "by SIGTERM"), (signal.SIGINT, 130, "(Ctrl-C)")])
def test_sigterm_and_ctrl_c_end_the_workers_and_say_what_was_kept(tmp_path: Path, how: int, status: int,
                                                                  said: str) -> None:
    proc, workers, db = running_with_workers(tmp_path)
    if how == signal.SIGINT:
        os.killpg(proc.pid, how)  # a terminal's Ctrl-C goes to the whole process group, workers too
    else:
        os.kill(proc.pid, how)
    out, err = proc.communicate(timeout=20)
    wait_for(lambda: not any(alive(w) for w in workers), 2, "the workers to end")
    assert proc.returncode == status
    assert out == b""
    assert re.fullmatch(
        rf"interrupted {re.escape(said)} while coding articles, before the actor merge and corroboration: the \d+ "
        rf"new documents this run stored are kept; run kronika ingest --db {re.escape(str(db))} again to finish "
        r"\(stored articles are skipped\)\n", err.decode()), err.decode()
