"""Run a command and measure its wall time and memory from /proc (no psutil).

Memory is sampled every ``interval`` seconds over the whole process tree (the command and every
descendant, found through /proc/PID/stat's parent field). Two figures are kept:

* ``sum_hwm_mb``: the sum over every process of its own peak RSS (VmHWM in /proc/PID/status, which
  the kernel keeps as a high-water mark, so a short sampling gap loses nothing but processes that
  live less than one interval). Shared pages (a forked worker's copy of its parent) count in each.
* ``max_child_mb``: ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` read by a small wrapper process that
  runs the command, so it covers this run only: the kernel's figure for the largest single
  descendant, a cross-check rather than a sum. The wrapper itself is left out of both figures.
* ``main_mb``: the peak RSS of the command's own process (without its workers), where kronika's
  corpus-wide steps run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measured:
    seconds: float
    sum_hwm_mb: float
    max_child_mb: float
    stdout: str
    returncode: int
    main_mb: float = 0.0


def _children(pid_parent: dict[int, int], root: int) -> set[int]:
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in pid_parent.items() if pp in tree} - tree
        grew = bool(more)
        tree |= more
    return tree


def _snapshot() -> dict[int, int]:
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                    stat = f.read()
            except OSError:
                continue
            out[int(name)] = int(stat.rsplit(")", 1)[1].split()[1])  # field 4: the parent's pid
    return out


def _hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


_WRAPPER = (
    "import json, resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[2:])\n"
    "json.dump({'rc': rc, 'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss},"
    " open(sys.argv[1], 'w'))\n"
    "sys.exit(rc)\n"
)


def run_measured(cmd: list[str], *, env: dict[str, str] | None = None, interval: float = 0.1) -> Measured:
    """Run ``cmd`` to completion; raise if it fails."""
    peaks: dict[int, int] = {}
    done = threading.Event()
    t0 = time.perf_counter()
    report = tempfile.NamedTemporaryFile(suffix=".json", delete=False)
    report.close()
    wrapped = [sys.executable, "-c", _WRAPPER, report.name, *cmd]
    proc = subprocess.Popen(wrapped, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

    main: list[int] = []  # the command's pid, the wrapper's only child

    def sample() -> None:
        while not done.is_set():
            parents = _snapshot()
            for pid in _children(parents, proc.pid) - {proc.pid}:
                kb = _hwm_kb(pid)
                if kb is not None:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
                if not main and parents.get(pid) == proc.pid:
                    main.append(pid)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{err[-3000:]}")
    with open(report.name, encoding="utf-8") as f:
        max_child = json.load(f)["maxrss_kb"] / 1024
    os.unlink(report.name)
    return Measured(seconds, sum(peaks.values()) / 1024, max_child, out, proc.returncode,
                    peaks.get(main[0], 0) / 1024 if main else 0.0)
