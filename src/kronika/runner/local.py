"""The default executor: batches of articles through the stages, in this process or a pool.

Articles stream from the readers in batches; the corpus is never held whole. With ``workers > 1``
each worker process loads spaCy and the lexicons once and runs parse + actors + events on a batch,
while this process writes finished batches to the store (one transaction each).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from kronika.records import Article, DocResult

_WORKER: dict[str, Any] = {}


def _init_worker() -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from kronika.nlp.model import load_model
    from kronika.runner.pipeline import Resources

    _WORKER["nlp"] = load_model()
    _WORKER["res"] = Resources.load()


def process_batch(articles: list[Article]) -> list[DocResult]:
    """Parse and code a batch in this process (loading the model on first use)."""
    from kronika.runner.pipeline import process_batch as run_batch

    if "nlp" not in _WORKER:
        _init_worker()
    return run_batch(_WORKER["nlp"], articles, _WORKER["res"])


class LocalExecutor:
    """Runs batches in this process (workers=1) or in a pool of worker processes."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    def map(self, batches: Iterable[list[Article]],
            on_submit: Callable[[list[Article]], None] | None = None) -> Iterator[list[DocResult]]:
        if self.workers == 1:
            for b in batches:
                yield process_batch(b)
            return
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker) as pool:
            pending: list[Future[list[DocResult]]] = []
            for b in batches:
                pending.append(pool.submit(process_batch, b))
                # Bounded look-ahead keeps memory flat however large the corpus is.
                while len(pending) >= self.workers * 2:
                    yield pending.pop(0).result()
            for f in pending:
                yield f.result()
