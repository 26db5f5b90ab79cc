"""The default executor: batches of articles coded in worker processes.

Articles stream from the readers in batches; the corpus is never held whole. Each worker process
loads spaCy and the lexicons once and runs parse + actors + events + quotes on its batches, while this
process writes finished batches to the store (one transaction each). Workers run in processes even
when there is one: a time budget per article can only be kept by a process that can be killed, and a
crash in C code (spaCy, numpy) then costs one article, not the run (:mod:`kronika.runner.pool`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import closing
from typing import TYPE_CHECKING, Any

from kronika import ingest as reader
from kronika.records import Article, DocResult, Problem
from kronika.runner.ingest import IngestSummary, Job, Step
from kronika.store import Store, run_state
from kronika.store.writes import write_results

if TYPE_CHECKING:
    from spacy.language import Language

    from kronika.runner.pipeline import Resources

_WORKER: dict[str, Any] = {}

_LOOKAHEAD = 8  # batches of articles read before asking the store which it already has
_WRITE_BATCHES = 4  # finished batches written in one transaction...
_WRITE_SECONDS = 3.0  # ...or fewer, once this long has passed since the last write...
_WRITE_ROWS = 20_000  # ...or once they hold this many sentences and events (a few huge articles)


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


def code_here(articles: list[Article]) -> list[DocResult | Problem]:
    """Parse and code a batch in this process with its loaded model, each article isolated (the Ray
    engine's workers run this)."""
    from kronika.runner.pipeline import code_batch

    nlp, res = loaded()
    return code_batch(nlp, articles, res)


class LocalExecutor:
    """Runs batches in a pool of worker processes, with a time budget per article (None: no budget);
    the articles are read, and the results written, in this process."""

    def __init__(self, workers: int = 1, *, article_timeout: float | None = 60.0) -> None:
        self.workers = max(1, workers)
        self.article_timeout = article_timeout

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[DocResult | Problem]]:
        """Each batch's results, in the order the batches were given."""
        from kronika.runner.pool import WorkerPool

        with WorkerPool(self.workers, article_timeout=self.article_timeout) as pool:
            yield from pool.map(batches)

    def code(self, job: Job, store: Store, summary: IngestSummary) -> None:
        """Read the job's articles here, code the ones the store lacks in the pool, write them here."""
        _code_all(self, job, store, summary)


def _code_all(executor: LocalExecutor, job: Job, store: Store, summary: IngestSummary) -> None:
    seen_ids: set[str] = set()
    batch_size = job.batch_size

    def articles() -> Iterator[Article]:
        for item in reader.read_paths(job.paths, max_bytes=job.max_bytes, stdin=job.stdin):
            if isinstance(item, Problem):
                summary.add(item)
                continue
            if item.doc_id in seen_ids:
                summary.skipped += 1
                continue
            seen_ids.add(item.doc_id)
            yield item

    def batches() -> Iterator[list[Article]]:
        # The store is asked which articles it has for several batches at once: one query, not eight.
        for ahead in _chunks(articles(), batch_size * _LOOKAHEAD):
            fresh = ahead if job.force else _unknown(store, ahead, summary)
            if len(fresh) < len(ahead):
                report()
            for start in range(0, len(fresh), batch_size):
                yield fresh[start:start + batch_size]

    pending: list[DocResult] = []
    last_write = time.monotonic()
    marked = False

    def report() -> None:
        if job.progress is not None:
            job.progress(Step("coding", summary.new + summary.skipped + summary.failed))

    def write() -> None:
        nonlocal last_write, marked
        if not marked:
            run_state.mark(store, "coding", full=job.force)  # from the first write on, the store is not finished
            marked = True
        summary.problems.extend(p for r in pending for p in r.problems)
        summary.warnings += sum(len(r.problems) for r in pending)
        write_results(store, pending, replace=job.force)
        summary.new += len(pending)
        summary.sentences += sum(len(r.sentences) for r in pending)
        summary.events += sum(len(r.events) for r in pending)
        pending.clear()
        last_write = time.monotonic()
        report()

    # Finished batches are written a few at a time (each write opens the store and commits once),
    # but at least every few seconds, so a reader of the store sees the ingest advance.
    rows = 0
    with closing(executor.map(batches())) as coded:  # type: ignore[type-var]
        for results in coded:
            results.reverse()
            while results:  # taken out one by one: a written result is freed at once
                r = results.pop()
                if isinstance(r, Problem):
                    summary.add(r)
                    continue
                pending.append(r)
                rows += len(r.sentences) + len(r.events)
                if rows >= _WRITE_ROWS:  # a huge article is written on its own, not with a batch of them
                    write()
                    rows = 0
            if pending and (len(pending) >= batch_size * _WRITE_BATCHES
                            or time.monotonic() - last_write >= _WRITE_SECONDS):
                write()
                rows = 0
        if pending:
            write()


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _unknown(store: Store, articles: list[Article], summary: IngestSummary) -> list[Article]:
    known = store.existing_doc_ids([a.doc_id for a in articles])
    summary.skipped += len(known)
    return [a for a in articles if a.doc_id not in known]
