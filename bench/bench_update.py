"""``make bench``, second part: what adding 20 new articles costs as the store grows.

Stores of 0, 2,000, 8,000 and 32,000 articles are built from the bench corpus (corpus.py: the examples,
the seeds and the dev articles of ``../shared/eval/plover_gsr_dev``, sentences shuffled), each the
previous one plus the next articles, and kept in a cache folder (``--cache``, default
``$TMPDIR/kronika-bench-update``) so that later runs only time the updates. Twenty dev articles are
held out of the corpus; the update is ``kronika ingest`` of those 20 into a copy of each store, timed
wall-clock from process start to exit, with the peak memory of the process tree (bench/rss.py).

The corpus-wide steps after an ingest (actor merge, recoding, corroboration, claims) cost what the
new articles touch, not what the store holds: the target is an update into 32,000 articles taking at
most 1.3x the update into an empty store, with a peak memory that does not grow with the store.

Usage: ``python bench/bench_update.py [--sizes 0,2000,8000,32000] [--workers N] [--cache DIR]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import load, machine  # noqa: E402
from corpus import build_corpus, load_sources  # noqa: E402
from rss import Measured, run_measured  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "plover_gsr_dev" / "articles"
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seeds"]
BIN = Path(sys.executable).parent
NEW = 20  # articles added by each timed update
CACHE_FORMAT = "1"  # bump when the corpus recipe changes (not when kronika's code does)


def held_out() -> tuple[list[Path], list[Path]]:
    """The dev articles: the first NEW by name are the update, the rest feed the corpus."""
    files = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    return files[:NEW], files[NEW:]


def build_stores(sizes: list[int], cache: Path, workers: int) -> dict[int, Path]:
    """Each store of ``sizes`` (0 excepted), built once as the previous one plus the next articles."""
    cache.mkdir(parents=True, exist_ok=True)
    stores: dict[int, Path] = {}
    wanted = sorted(n for n in sizes if n > 0)
    if not wanted:
        return stores
    _, rest = held_out()
    sources = load_sources([str(p) for p in SOURCES if p.is_dir()] + [str(p) for p in rest])
    corpus = cache / f"corpus-{CACHE_FORMAT}"
    done = cache / f"corpus-{CACHE_FORMAT}.done-{wanted[-1]}"
    if not done.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        build_corpus(sources, wanted[-1], corpus / "all")
        done.touch()
    files = sorted((corpus / "all").glob("*.txt"))
    previous, prev_n = None, 0
    for n in wanted:
        db = cache / f"store-{CACHE_FORMAT}-{n}.duckdb"
        if not db.exists():
            part = cache / f"part-{prev_n}-{n}"
            shutil.rmtree(part, ignore_errors=True)
            part.mkdir()
            for f in files[prev_n:n]:
                os.link(f, part / f.name)
            tmp = db.with_suffix(".building")
            if previous is not None:
                shutil.copyfile(previous, tmp)
            else:
                tmp.unlink(missing_ok=True)
            print(f"  building the store of {n:,} articles (adding {n - prev_n:,}); load average {load()}",
                  flush=True)
            _run([str(BIN / "kronika"), "ingest", str(part), "--db", str(tmp), "--workers", str(workers)])
            shutil.rmtree(part, ignore_errors=True)
            tmp.rename(db)
            tmp.with_name(tmp.name + ".lock").unlink(missing_ok=True)  # the ingest's lock file, left beside it
        stores[n] = db
        previous, prev_n = db, n
    return stores


def settle(db: Path) -> None:
    """Bring a store built by an earlier kronika to this one's schema, and finish whatever corpus-wide
    step its last ingest left undone (interrupted), so the timed update does only its own work (ingest
    with no paths is refused when there is nothing to finish)."""
    from kronika.store import Store
    from kronika.store.run_state import unfinished

    Store(db)  # opened for writing: an older schema is migrated
    if unfinished(Store(db, read_only=True)) is not None:
        _run([str(BIN / "kronika"), "ingest", "--db", str(db)])


def _run(cmd: list[str]) -> Measured:
    m = run_measured(cmd)
    if m.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({m.returncode}):\n{m.stdout}")
    return m


def update(store: Path | None, new: list[Path], work: Path, workers: int) -> tuple[Measured, int, int]:
    """Time ingesting the new articles into a copy of ``store``; returns the run, and the articles and
    event reports the store held before."""
    from kronika.store import Store

    db = work / "update.duckdb"
    db.unlink(missing_ok=True)
    articles = reports = 0
    if store is not None:
        shutil.copyfile(store, db)
        s = Store(db, read_only=True)
        articles = int(s.scalar("SELECT count(*) FROM documents"))
        reports = int(s.scalar("SELECT count(*) FROM events"))
    folder = work / "new"
    if not folder.exists():
        folder.mkdir()
        for f in new:
            shutil.copyfile(f, folder / f.name)
    m = _run([str(BIN / "kronika"), "ingest", str(folder), "--db", str(db), "--workers", str(workers)])
    added = re.search(r"^added ([\d,]+) articles", m.stdout, re.M)
    if not added or int(added.group(1).replace(",", "")) != len(new):
        raise SystemExit(f"the update did not add {len(new)} articles: {m.stdout}")
    return m, articles, reports


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="0,2000,8000,32000", help="Comma-separated store sizes (articles).")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "kronika-bench-update"),
                    help="Where the corpus and the stores are built once and kept.")
    ap.add_argument("--build-only", action="store_true", help="Build the stores, time nothing.")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    new, _ = held_out()
    if len(new) < NEW:
        raise SystemExit(f"bench_update needs the dev articles of {DEV} (found {len(new)})")
    print(f"machine: {machine()}")
    stores = build_stores(sizes, Path(args.cache), args.workers)
    if args.build_only:
        return
    for db in stores.values():
        settle(db)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kronika-update-") as tmp:
        for n in sizes:
            m, articles, reports = update(stores.get(n), new, Path(tmp), args.workers)
            rows.append((n, articles, reports, m))
            print(f"  store of {articles:,} articles: update {m.seconds:.1f}s; load average {load()}", flush=True)
    base = rows[0][3]
    header = ["store before the update", "event reports", f"ingest of the same {NEW} articles, wall s",
              "ratio to the empty store", "peak MB (all processes)", "main process peak MB",
              "main process peak, ratio to the empty store"]
    table = [header] + [[f"{a:,} articles" if a else "empty", f"{r:,}", f"{m.seconds:.1f}",
                         f"{m.seconds / base.seconds:.2f}", f"{m.sum_hwm_mb:,.0f}", f"{m.main_mb:,.0f}",
                         f"{m.main_mb / base.main_mb:.2f}" if base.main_mb else "?"]
                        for _, a, r, m in rows]
    widths = [max(len(row[k]) for row in table) for k in range(len(header))]
    print()
    for k, row in enumerate(table):
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    last = rows[-1][3]
    print(f"\nupdate into the largest store / into the empty one: {last.seconds / base.seconds:.2f} (target ≤ 1.30); "
          f"peak memory {last.sum_hwm_mb / base.sum_hwm_mb:.2f}x the empty store's (main process "
          f"{last.main_mb / base.main_mb:.2f}x, target: not growing with the store; its workers code the same "
          "articles whatever the store)")


if __name__ == "__main__":
    main()
