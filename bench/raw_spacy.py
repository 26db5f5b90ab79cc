"""The baseline: raw spaCy over a corpus folder, with kronika's model, pipes and ops.

Run as a separate process by bench_ingest.py so its memory is measured apart. Prints one JSON line:
the seconds spent in the ``nlp.pipe`` loop alone (texts already in memory, model already loaded in
this process; the ``n_process`` workers are forked inside the loop, as spaCy does it), the number of
documents and of words (whitespace-separated, the same count used for kronika).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kronika.nlp.model import load_model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    nlp = load_model()
    t0 = time.perf_counter()
    n = 0
    for _doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
        n += 1
    seconds = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(json.dumps({"seconds": seconds, "docs": n, "words": words, "pipes": nlp.pipe_names}))


if __name__ == "__main__":
    main()
