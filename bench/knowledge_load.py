"""How long loading the knowledge base takes in a fresh process, and how much memory it adds.

    .venv/bin/python bench/knowledge_load.py [--runs 5]

Each run is a new Python process (a cold start, as a worker's), which first imports kronika's actor
modules (the gazetteer, pycountry: paid by every worker anyway), then times ``load_knowledge()`` and reads
its RSS from /proc before and after. Printed: the median and the range over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, time
def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024
t0 = time.perf_counter()
import kronika.actors.knowledge as k
t1 = time.perf_counter()
before = rss_mb()
t2 = time.perf_counter()
kb = k.load_knowledge()
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t3 - t2, "rss_before_mb": before, "rss_added_mb": rss_mb() - before,
                  "people": len(kb)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD], check=True, capture_output=True,
                                      text=True).stdout) for _ in range(args.runs)]
    print(f"knowledge base: {runs[0]['people']} people; {args.runs} fresh processes")
    for field, unit in (("import_s", "s"), ("load_s", "s"), ("rss_before_mb", "MB"), ("rss_added_mb", "MB")):
        values = [r[field] for r in runs]
        print(f"  {field:14s} median {statistics.median(values):7.3f} {unit}  "
              f"(min {min(values):.3f}, max {max(values):.3f})")


if __name__ == "__main__":
    main()
