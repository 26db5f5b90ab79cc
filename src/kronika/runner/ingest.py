"""``kronika ingest`` as a library function: read, skip what is stored, process, write, merge."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kronika import ingest as reader
from kronika.records import Article, DocResult, Problem
from kronika.store import Store
from kronika.store.rows import problem_rows, result_rows


class Executor(Protocol):
    def map(self, batches: Iterator[list[Article]]) -> Iterator[list[DocResult]]: ...


@dataclass
class IngestSummary:
    new: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    sentences: int = 0
    events: int = 0
    entities: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Step:
    """What an ingest tells a progress display as it goes (the display decides what to show)."""

    stage: str  # "found" (inputs listed), "coding" (articles done), "merging", "corroborating" (begun)
    done: int = 0  # found: files; coding: articles coded and stored, skipped or failed so far
    total: int | None = None  # found: articles expected (None when unknown, e.g. standard input)


Progress = Callable[[Step], None]

_LOOKAHEAD = 8  # batches of articles read before asking the store which it already has
_WRITE_BATCHES = 4  # finished batches written in one transaction...
_WRITE_SECONDS = 3.0  # ...or fewer, once this long has passed since the last write


def ingest(paths: Sequence[str], store: Store, executor: Executor, *, batch_size: int = 32,
           max_bytes: int = 5_000_000, force: bool = False, progress: Progress | None = None,
           stdin: object | None = None) -> IngestSummary:
    """Ingest files and folders into the store; safe to re-run (stored articles are skipped)."""
    t0 = time.perf_counter()
    summary = IngestSummary()
    seen_ids: set[str] = set()

    def articles() -> Iterator[Article]:
        for item in reader.read_paths(paths, max_bytes=max_bytes, stdin=stdin):  # type: ignore[arg-type]
            if isinstance(item, Problem):
                summary.problems.append(item)
                if item.severity == "error":
                    summary.failed += 1
                else:
                    summary.warnings += 1
                continue
            if item.doc_id in seen_ids:
                summary.skipped += 1
                continue
            seen_ids.add(item.doc_id)
            yield item

    def batches() -> Iterator[list[Article]]:
        # The store is asked which articles it has for several batches at once: one query, not eight.
        for ahead in _chunks(articles(), batch_size * _LOOKAHEAD):
            fresh = ahead if force else _unknown(store, ahead, summary)
            if len(fresh) < len(ahead):
                report()
            for start in range(0, len(fresh), batch_size):
                yield fresh[start:start + batch_size]

    pending: list[DocResult] = []
    last_write = time.monotonic()

    def report() -> None:
        if progress is not None:
            progress(Step("coding", summary.new + summary.skipped + summary.failed))

    def write() -> None:
        nonlocal last_write
        tables = result_rows(pending)
        summary.problems.extend(p for r in pending for p in r.problems)
        store.write_tables(tables, delete_docs=[r.article.doc_id for r in pending] if force else ())
        summary.new += len(pending)
        summary.sentences += len(tables["sentences"])
        summary.events += len(tables["events"])
        pending.clear()
        last_write = time.monotonic()
        report()

    # Finished batches are written a few at a time (each write opens the store and commits once),
    # but at least every few seconds, so a reader of the store sees the ingest advance.
    for results in executor.map(batches()):
        pending.extend(results)
        if len(pending) >= batch_size * _WRITE_BATCHES or time.monotonic() - last_write >= _WRITE_SECONDS:
            write()
    if pending:
        write()
    return finish_ingest(store, summary, t0, progress)


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


def finish_ingest(store: Store, summary: IngestSummary, t0: float, progress: Progress | None = None) -> IngestSummary:
    """What every engine does last, on the driver: store the problems, then the corpus-wide merge."""
    if summary.problems:
        store.write_tables({"problems": problem_rows(summary.problems)})
    from kronika.runner.corroborate import corroborate_store
    from kronika.runner.merge import merge_store

    with store.session():  # many small queries in a few seconds: one connection for them all
        if progress is not None:
            progress(Step("merging"))
        summary.entities = merge_store(store)
        if progress is not None:
            progress(Step("corroborating"))
        corroborate_store(store)  # after the merge: it compares people by their corpus-wide entity
    summary.seconds = time.perf_counter() - t0
    return summary
