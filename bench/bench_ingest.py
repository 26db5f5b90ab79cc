"""``make bench``: kronika ingest end to end against raw spaCy, on corpora of growing size.

For each N it writes N articles built from the examples and the seeds (sentences shuffled, see
corpus.py) into a temporary folder, then, one after the other in this one run:

* raw spaCy: ``nlp.pipe`` over the same texts, with kronika's model, pipes and ops, ``n_process`` =
  workers (bench/raw_spacy.py; timed around the pipe loop only: texts in memory, model loaded);
* kronika: ``kronika ingest FOLDER --db NEW.duckdb --workers W`` as a subprocess, timed wall-clock
  from start to exit (interpreter start, model loads, reading, coding, storing, the merge).

Both run as child processes whose memory is sampled from /proc (bench/rss.py). Usage:
``python bench/bench_ingest.py [--sizes 500,2000,8000] [--workers N] [--engine local|ray]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus, load_sources  # noqa: E402
from rss import Measured, run_measured  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seeds"]
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Row:
    n: int
    words: int
    spacy: Measured
    spacy_seconds: float  # the pipe loop alone
    kronika: Measured
    kronika_inner: float  # what kronika's own summary says (without interpreter start-up)

    def cells(self) -> list[str]:
        sp_wps = self.words / self.spacy_seconds
        kr_wps = self.words / self.kronika.seconds
        return [f"{self.n:,}", f"{self.words:,}",
                f"{self.spacy_seconds:.1f}", f"{self.n / self.spacy_seconds:.1f}", f"{sp_wps:,.0f}",
                f"{self.kronika.seconds:.1f}", f"{self.kronika_inner:.1f}",
                f"{self.n / self.kronika.seconds:.1f}", f"{kr_wps:,.0f}", f"{kr_wps / sp_wps:.2f}",
                f"{self.spacy.sum_hwm_mb:,.0f}", f"{self.kronika.sum_hwm_mb:,.0f}",
                f"{self.kronika.max_child_mb:,.0f}"]


HEADER = ["N", "words", "spaCy s", "spaCy art/s", "spaCy words/s", "kronika s", "(inner s)",
          "kronika art/s", "kronika words/s", "ratio", "spaCy MB", "kronika MB", "(largest proc MB)"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    import spacy
    import thinc

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"nproc {os.cpu_count()}, {cpu}, {mem:.0f} GiB, Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, thinc {thinc.__version__}")


def load() -> str:
    """The 1-minute load average: other work on the machine skews every figure."""
    with open("/proc/loadavg", encoding="ascii") as f:
        return f.read().split()[0]


def bench_one(n: int, sources: list, work: Path, workers: int, batch_size: int, engine: str) -> Row:
    folder = work / f"corpus-{n}"
    texts = build_corpus(sources, n, folder)
    print(f"  N={n:,}: corpus written; load average {load()}", flush=True)
    raw = run_measured([str(BIN / "python"), str(Path(__file__).parent / "raw_spacy.py"), str(folder),
                        "--workers", str(workers), "--batch-size", str(batch_size)])
    report = json.loads(raw.stdout.strip().splitlines()[-1])
    db = work / f"kronika-{n}.duckdb"
    kr = run_measured([str(BIN / "kronika"), "ingest", str(folder), "--db", str(db), "--workers", str(workers),
                       "--batch-size", str(batch_size), "--engine", engine])
    summary = next((line for line in kr.stdout.splitlines() if line.startswith("added ")), kr.stdout)
    stored = re.search(r"^added ([\d,]+) articles", summary)
    if report["docs"] != n or not stored or int(stored.group(1).replace(",", "")) != n:
        raise SystemExit(f"N={n}: spaCy parsed {report['docs']}, kronika said: {summary}")
    inner = re.search(r"; ([\d.]+)s\)$", summary)
    return Row(n, sum(len(t.split()) for t in texts), raw, report["seconds"], kr,
               float(inner.group(1)) if inner else float("nan"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="500,2000,8000", help="Comma-separated corpus sizes.")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--engine", choices=["local", "ray"], default="local")
    ap.add_argument("--work-dir", default=None, help="Keep corpora and stores here (default: a temp dir).")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    sources = load_sources([str(p) for p in SOURCES if p.is_dir()])
    print(f"machine: {machine()}")
    print(f"sources: {len(sources)} articles from {', '.join(str(p) for p in SOURCES if p.is_dir())}; "
          f"workers {args.workers}, batch {args.batch_size}, engine {args.engine}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="kronika-bench-", dir=args.work_dir) as tmp:
        for n in sizes:
            rows.append(bench_one(n, sources, Path(tmp), args.workers, args.batch_size, args.engine))
            print(f"  N={n:,}: kronika {rows[-1].kronika.seconds:.1f}s, spaCy {rows[-1].spacy_seconds:.1f}s; "
                  f"load average {load()}", flush=True)
    table = [HEADER] + [r.cells() for r in rows]
    widths = [max(len(row[k]) for row in table) for k in range(len(HEADER))]
    print()
    for k, row in enumerate(table):
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print("\nratio = kronika words/s ÷ spaCy words/s (target ≥ 0.80). kronika s: wall clock of the whole "
          "`kronika ingest` process; (inner s): its own summary, without interpreter start-up.")
    print("MB = peak memory: the sum over every process of the run (parent and workers) of its own peak "
          "RSS (VmHWM from /proc, sampled every 0.1 s). (largest proc MB): getrusage(RUSAGE_CHILDREN).")
    if len(rows) >= 2:
        by_n = {r.n: r for r in rows}
        if 2000 in by_n and 8000 in by_n:
            growth = by_n[8000].kronika.sum_hwm_mb / by_n[2000].kronika.sum_hwm_mb
            print(f"memory N=8000 / N=2000: {growth:.2f} (target ≤ 1.20)")


if __name__ == "__main__":
    main()
