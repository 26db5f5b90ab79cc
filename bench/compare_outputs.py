"""Record what kronika writes for a set of inputs, and compare two such records byte for byte.

A refactoring must not change any output. ``record`` ingests each input set into a fresh store and
writes what the read commands print to ``OUT/<set>/``; ``compare`` says, per file, whether two records
are identical, with a short diff excerpt where they are not. Usage::

    python bench/compare_outputs.py record /tmp/before --bench /tmp/bench500
    ... change the code ...
    python bench/compare_outputs.py record /tmp/after --bench /tmp/bench500
    python bench/compare_outputs.py compare /tmp/before /tmp/after

The sets: ``examples`` (the repository's examples/), ``seeds`` (../shared/seeds, when present),
``written``, ``written2`` and ``written3`` (eval/), ``gsr`` (../shared/eval/plover_gsr_dev, when present)
and ``bench`` (the folder given with ``--bench``, e.g. 500 articles). ``--sets examples,seeds`` picks some. A set with a
reference annotation also gets ``eval.txt``, what ``kronika eval --show-errors`` says of it.
Records hold text derived from the inputs: keep them outside the repository (e.g. in /tmp).
The exit status of ``compare`` is 0 when every file is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SHARED = ROOT.parent / "shared"
# Each set: its articles, and the reference annotation ``kronika eval`` scores it against (if any).
DEFAULT_SETS: dict[str, tuple[Path, Path | None]] = {
    "examples": (ROOT / "examples", None),
    "seeds": (SHARED / "seeds", SHARED / "eval" / "seeds.gold.json"),
    "written": (ROOT / "eval" / "written" / "articles", ROOT / "eval" / "written" / "gold.json"),
    "written2": (ROOT / "eval" / "written2" / "articles", ROOT / "eval" / "written2" / "gold.json"),
    "written3": (ROOT / "eval" / "written3" / "articles", ROOT / "eval" / "written3" / "gold.json"),
    "gsr": (SHARED / "eval" / "plover_gsr_dev" / "articles", SHARED / "eval" / "plover_gsr_dev" / "gold.json"),
}

# The outputs compared: a file name and the read command (after ``kronika``) that prints it. The PLOVER
# records and the flat CSV are what the issue names; the JSON Lines of actors and quotes hold every
# column (the tables only those that fit), the tables are what a reader sees, and ``events --format
# jsonl`` adds each event's explanation (trigger entry, rules, cues), which catches changes in why.
OUTPUTS: list[tuple[str, list[str]]] = [
    ("events.plover.jsonl", ["events", "--format", "plover"]),
    ("events.explain.jsonl", ["events", "--format", "jsonl"]),
    ("export.csv", ["export", "--format", "csv", "-o", "-"]),
    ("actors.jsonl", ["actors", "--format", "jsonl"]),
    ("actors.txt", ["actors"]),
    ("quotes.jsonl", ["quotes", "--format", "jsonl"]),
    ("quotes.txt", ["quotes"]),
    ("documents.jsonl", ["documents", "--format", "jsonl"]),
]


def kronika(args: list[str], out: Path | None = None) -> None:
    """Run the kronika of this interpreter's environment; its stdout goes to ``out``."""
    env = {**os.environ, "COLUMNS": "100"}  # tables as wide on every terminal
    with open(out, "wb") if out else open(os.devnull, "wb") as f:
        done = subprocess.run([str(BIN / "kronika"), *args], stdout=f, stderr=subprocess.PIPE, env=env)
    if done.returncode not in (0, 3):  # 3: nothing to list (a set with no quotes)
        raise SystemExit(f"kronika {' '.join(args)} exited with {done.returncode}:\n"
                         f"{done.stderr.decode(errors='replace')}")


def record(out: Path, sets: dict[str, tuple[Path, Path | None]], workers: int) -> None:
    for name, (folder, gold) in sets.items():
        if not folder.is_dir():
            print(f"{name}: {folder} is absent, skipped")
            continue
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="kronika-compare-") as tmp:
            db = str(Path(tmp) / "store.duckdb")
            kronika(["ingest", str(folder), "--db", db, "--workers", str(workers), "--no-progress"])
            for filename, command in OUTPUTS:
                kronika([*command, "--db", db], target / filename)
            if gold is not None and gold.is_file():
                kronika(["eval", str(gold), "--show-errors", "--db", db], target / "eval.txt")
        print(f"{name}: {folder} recorded in {target} ({time.monotonic() - started:.0f}s)", flush=True)


def excerpt(a: Path, b: Path, lines: int = 12) -> str:
    """The first lines of a unified diff, each cut to 200 characters."""
    left = a.read_text(encoding="utf-8", errors="replace").splitlines()
    right = b.read_text(encoding="utf-8", errors="replace").splitlines()
    diff = difflib.unified_diff(left, right, str(a), str(b), n=0, lineterm="")
    shown = []
    for k, line in enumerate(diff):
        if k >= lines:
            shown.append("    ...")
            break
        shown.append("    " + (line if len(line) <= 200 else line[:200] + "…"))
    return "\n".join(shown)


def compare(a: Path, b: Path) -> bool:
    """Every file of the sets both records hold (a set recorded in only one is said and skipped)."""
    same = True
    sets_a, sets_b = ({p.name for p in d.iterdir() if p.is_dir()} for d in (a, b))
    for name in sorted(sets_a ^ sets_b):
        print(f"{name}: recorded only in {a if name in sets_a else b}, not compared")
    names = sorted({p.relative_to(a) for s in sets_a & sets_b for p in (a / s).rglob("*") if p.is_file()}
                   | {p.relative_to(b) for s in sets_a & sets_b for p in (b / s).rglob("*") if p.is_file()})
    for rel in names:
        left, right = a / rel, b / rel
        if not left.exists() or not right.exists():
            print(f"{rel}: only in {a if left.exists() else b}")
            same = False
        elif left.read_bytes() == right.read_bytes():
            print(f"{rel}: identical ({left.stat().st_size:,} bytes)")
        else:
            print(f"{rel}: DIFFERENT\n{excerpt(left, right)}")
            same = False
    print("all identical" if same else "outputs differ")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="Ingest each input set into a fresh store and write its outputs.")
    rec.add_argument("out", type=Path, help="Where to write (OUT/<set>/<file>).")
    rec.add_argument("--bench", type=Path, help="A folder of articles recorded as the 'bench' set.")
    rec.add_argument("--sets", help="Comma-separated sets to record (default: all there are).")
    rec.add_argument("--workers", type=int, default=2, help="Worker processes for the ingest (default: 2).")
    cmp_ = sub.add_parser("compare", help="Compare two records byte for byte.")
    cmp_.add_argument("a", type=Path)
    cmp_.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "compare":
        sys.exit(0 if compare(args.a, args.b) else 1)
    sets = dict(DEFAULT_SETS)
    if args.bench:
        sets["bench"] = (args.bench, None)
    if args.sets:
        wanted = args.sets.split(",")
        unknown = [s for s in wanted if s not in sets]
        if unknown:
            raise SystemExit(f"unknown set(s) {unknown}: the sets are {sorted(sets)}")
        sets = {s: sets[s] for s in wanted}
    record(args.out, sets, args.workers)


if __name__ == "__main__":
    main()
