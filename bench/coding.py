"""How the workers' time splits for one process: spaCy's parse (with the copy into kronika records)
against the coding after it (actors, events, quotes), on the first N articles of a folder.

``python bench/coding.py FOLDER [N]`` prints both, and the raw ``nlp.pipe`` time over the same texts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kronika.ingest import read_paths
from kronika.nlp.model import load_model
from kronika.nlp.parse import parse_articles
from kronika.records import Article
from kronika.runner.pipeline import Resources, code_document


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("n", type=int, nargs="?", default=100)
    args = ap.parse_args()
    files = sorted(Path(args.folder).glob("*.txt"))[:args.n]
    articles = [a for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]
    nlp, res = load_model(), Resources.load()
    for p in parse_articles(nlp, articles[:5]):  # warm-up: lazily built layers, caches
        code_document(p, res)
    t0 = time.perf_counter()
    parsed = list(parse_articles(nlp, articles))
    t1 = time.perf_counter()
    for p in parsed:
        code_document(p, res)
    t2 = time.perf_counter()
    for _ in nlp.pipe([a.text for a in articles], batch_size=32):
        pass
    t3 = time.perf_counter()
    parse, coding = t1 - t0, t2 - t1
    print(f"{len(articles)} articles: parse {parse:.2f} s, coding {coding:.2f} s ({coding / parse:.0%} of the "
          f"parse), raw nlp.pipe {t3 - t2:.2f} s")


if __name__ == "__main__":
    main()
