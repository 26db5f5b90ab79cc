"""Where an ingest's time and memory go, phase by phase: coding (pool + writes), merge, corroboration.

``python bench/phases.py FOLDER [--workers N]`` ingests FOLDER into a fresh store in this process and
prints each phase's wall time and this (the main) process's peak RSS when it ended. The phases after
coding run in the main process only, so their memory is the main process's growth.
"""

from __future__ import annotations

import argparse
import functools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kronika.runner.corroborate as corroborate_mod
import kronika.runner.merge as merge_mod
from kronika.runner import run_ingest


def peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024


Log = list[tuple[str, float, float, float]]  # phase, seconds, peak RSS before it, peak RSS after it


def timed(name: str, fn: Callable[..., Any], log: Log) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0, before = time.perf_counter(), peak_mb()
        try:
            return fn(*args, **kwargs)
        finally:
            log.append((name, time.perf_counter() - t0, before, peak_mb()))
    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    log: Log = []
    merge_mod.merge_store = timed("merge", merge_mod.merge_store, log)  # type: ignore[assignment]
    corroborate_mod.corroborate_store = timed(  # type: ignore[assignment]
        "corroborate", corroborate_mod.corroborate_store, log)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = run_ingest([args.folder], db=str(Path(tmp) / "k.duckdb"), workers=args.workers)
        total = time.perf_counter() - t0
    after = sum(s for _, s, _, _ in log)
    print(f"documents {summary.new}, events {summary.events}, entities {summary.entities}")
    print(f"coding (read, pool, write): {total - after:7.1f} s   main process peak RSS after it: "
          f"{log[0][2] if log else peak_mb():,.0f} MB")
    for name, seconds, _, mb in log:
        print(f"{name + ':':27} {seconds:7.1f} s   main process peak RSS after it: {mb:,.0f} MB")
    print(f"total:                      {total:7.1f} s")


if __name__ == "__main__":
    main()
