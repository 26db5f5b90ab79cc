"""The default executor: batches of articles coded in worker processes.

Articles stream from the readers in batches; the corpus is never held whole. Each worker process
loads spaCy and the lexicons once and runs parse + actors + events + quotes on its batches, while this
process writes finished batches to the store (one transaction each). Workers run in processes even
when there is one: a time budget per article can only be kept by a process that can be killed, and a
crash in C code (spaCy, numpy) then costs one article, not the run (:mod:`kronika.runner.pool`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kronika.records import Article, DocResult, Problem

if TYPE_CHECKING:
    from spacy.language import Language

    from kronika.runner.pipeline import Resources

_WORKER: dict[str, Any] = {}


def loaded() -> tuple[Language, Resources]:
    """This process's model and lexicons, loaded on first use (a forked worker inherits them when
    the parent had loaded them already)."""
    if "nlp" not in _WORKER:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from kronika.nlp.model import load_model
        from kronika.runner.pipeline import Resources

        _WORKER["nlp"] = load_model()
        _WORKER["res"] = Resources.load()
    return _WORKER["nlp"], _WORKER["res"]


def process_batch(articles: list[Article]) -> list[DocResult | Problem]:
    """Parse and code a batch in this process, each article isolated (the Ray engine's workers run this)."""
    from kronika.runner.pipeline import code_batch

    nlp, res = loaded()
    return code_batch(nlp, articles, res)


class LocalExecutor:
    """Runs batches in a pool of worker processes, with a time budget per article (None: no budget)."""

    def __init__(self, workers: int = 1, *, article_timeout: float | None = 60.0) -> None:
        self.workers = max(1, workers)
        self.article_timeout = article_timeout

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[DocResult | Problem]]:
        from kronika.runner.pool import WorkerPool

        with WorkerPool(self.workers, article_timeout=self.article_timeout) as pool:
            yield from pool.map(batches)
