"""The fault report's mixed folder, measured: every bad input kind at full size among good articles.

``python bench/bad_input.py [--good 40] [--workers N] [--keep DIR]`` writes the good articles and every
probe of ``tests/faults/probes.py`` (the 2.1 MB paragraph, 1 MB of commas, 66,000 names in one
sentence, 40,000 sentences in one paragraph, 10,000 nested quotations, binary, invalid UTF-8, deep
HTML and JSON...) into a temporary folder, runs ``kronika ingest FOLDER`` as a user would (defaults,
``--article-timeout 60``), and prints its wall time, each process's peak memory (VmHWM from /proc,
sampled every 0.1 s), the documents stored, the problems listed, the exit status and whether a
traceback was printed. It then runs the good articles alone, in the same way, for the ratios.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rss import _children, _hwm_kb, _snapshot  # noqa: E402
from tests.faults.probes import PROBES, big_probes, write_good, write_probes  # noqa: E402


def run(folder: Path, db: Path, workers: int | None) -> dict[str, object]:
    cmd = [sys.executable, "-c", "from kronika.cli import main; main()", "ingest", str(folder), "--db", str(db)]
    if workers:
        cmd += ["--workers", str(workers)]
    peaks: dict[int, int] = {}
    done = threading.Event()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})

    def sample() -> None:
        while not done.is_set():
            for pid in _children(_snapshot(), proc.pid):
                kb = _hwm_kb(pid)
                if kb is not None:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    workers_mb = [kb / 1024 for pid, kb in peaks.items() if pid != proc.pid]
    counts = re.match(r"added ([\d,]+) articles?, .*?\(([\d,]+) already stored(?:, ([\d,]+) failed)?", out)
    return {
        "seconds": seconds, "exit": proc.returncode, "main_mb": peaks.get(proc.pid, 0) / 1024,
        "worker_mb": max(workers_mb, default=0.0), "workers": len(workers_mb), "sum_mb": sum(peaks.values()) / 1024,
        "stored": int(counts.group(1).replace(",", "")) if counts else None,
        "failed": int((counts.group(3) or "0").replace(",", "")) if counts else None,
        "errors": sum(line.startswith("error: ") for line in err.splitlines()),
        "warnings": sum(line.startswith("warning: ") for line in err.splitlines()),
        "traceback": "Traceback" in out + err, "stderr": err, "stdout": out,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--good", type=int, default=40)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--keep", help="write the folder here and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        mixed, good = base / "mixed", base / "good"
        for folder in (mixed, good):
            folder.mkdir(parents=True, exist_ok=True)
            write_good(folder, args.good)
        probes = PROBES + big_probes("full")
        write_probes(mixed, probes)
        size = sum(p.stat().st_size for p in mixed.iterdir()) / 1e6
        print(f"mixed folder: {args.good} good articles + {len(probes)} bad inputs, {size:.1f} MB")
        bad = run(mixed, base / "mixed.duckdb", args.workers)
        print(bad["stderr"], end="")
        print(bad["stdout"], end="")
        ok = run(good, base / "good.duckdb", args.workers)
        expected = args.good + sum(p.stored for p in probes)
        for name, r in (("mixed", bad), ("good only", ok)):
            print(f"{name:10} {r['seconds']:6.1f} s  exit {r['exit']}  stored {r['stored']}  failed {r['failed']}  "
                  f"errors listed {r['errors']}  warnings {r['warnings']}  traceback {r['traceback']}  "
                  f"peak MB: main {r['main_mb']:,.0f}, largest worker {r['worker_mb']:,.0f} "
                  f"({r['workers']} workers), all processes {r['sum_mb']:,.0f}")
        print(f"documents expected {expected}, stored {bad['stored']}; "
              f"ratios mixed/good: time {float(bad['seconds']) / float(ok['seconds']):.1f}x, "  # type: ignore[arg-type]
              f"largest worker {float(bad['worker_mb']) / float(ok['worker_mb']):.2f}x, "  # type: ignore[arg-type]
              f"main {float(bad['main_mb']) / float(ok['main_mb']):.2f}x")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
