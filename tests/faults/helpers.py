"""Running kronika as a user does (a real process), and looking at the processes it leaves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

KRONIKA = [sys.executable, "-c", "from kronika.cli import main; main()"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}


_SUMMARY = re.compile(r"added ([\d,]+) articles?, [\d,]+ reports?, [\d,]+ events? "
                      r"\(([\d,]+) already stored(?:, ([\d,]+) failed)?(?:, [\d,]+ warnings?)?; [\d.]+s\)\n")


def ran(stdout: str) -> tuple[int, int, int]:
    """(articles added, already stored, failed) from the summary ``kronika ingest`` prints first."""
    found = _SUMMARY.match(stdout)
    assert found, f"no ingest summary at the start of: {stdout!r}"
    return tuple(int((g or "0").replace(",", "")) for g in found.groups())  # type: ignore[return-value]


def kronika(*args: str, stdin: bytes | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``kronika ARGS`` to its end; a run that does not end in ``timeout`` seconds fails the test."""
    proc = subprocess.run([*KRONIKA, *args], input=stdin, capture_output=True, timeout=timeout, env=ENV, cwd=ROOT)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def start(*args: str) -> subprocess.Popen[bytes]:
    """``kronika ARGS`` in the background, in its own session (a kill reaches it alone)."""
    return subprocess.Popen([*KRONIKA, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=ROOT,
                            start_new_session=True)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent's wait() has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(check: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout} s")
        time.sleep(0.02)


def lock_step(db: Path) -> str:
    """What the ingest holding the store says it is doing ("" when none does)."""
    try:
        parts = Path(str(db) + ".lock").read_text().split()
    except OSError:
        return ""
    return parts[1] if len(parts) > 1 else ("reading" if parts else "")
