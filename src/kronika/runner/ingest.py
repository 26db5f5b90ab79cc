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


Progress = Callable[[int, int], None]  # (inputs seen, documents written)


def ingest(paths: Sequence[str], store: Store, executor: Executor, *, batch_size: int = 32,
           max_bytes: int = 5_000_000, force: bool = False, progress: Progress | None = None,
           stdin: object | None = None) -> IngestSummary:
    """Ingest files and folders into the store; safe to re-run (stored articles are skipped)."""
    t0 = time.perf_counter()
    summary = IngestSummary()
    seen_ids: set[str] = set()
    counter = {"inputs": 0}

    def batches() -> Iterator[list[Article]]:
        batch: list[Article] = []
        for item in reader.read_paths(paths, max_bytes=max_bytes, stdin=stdin):  # type: ignore[arg-type]
            if isinstance(item, Problem):
                summary.problems.append(item)
                if item.severity == "error":
                    summary.failed += 1
                else:
                    summary.warnings += 1
                continue
            counter["inputs"] += 1
            if item.doc_id in seen_ids:
                summary.skipped += 1
                continue
            seen_ids.add(item.doc_id)
            batch.append(item)
            if len(batch) >= batch_size:
                yield from _fresh(batch)
                batch = []
        if batch:
            yield from _fresh(batch)

    def _fresh(batch: list[Article]) -> Iterator[list[Article]]:
        if force:
            yield batch
            return
        known = store.existing_doc_ids([a.doc_id for a in batch])
        summary.skipped += len(known)
        todo = [a for a in batch if a.doc_id not in known]
        if todo:
            yield todo

    for results in executor.map(batches()):
        tables = result_rows(results)
        problems = [p for r in results for p in r.problems]
        summary.problems.extend(problems)
        store.write_tables(tables, delete_docs=[r.article.doc_id for r in results] if force else ())
        summary.new += len(results)
        summary.sentences += len(tables["sentences"])
        summary.events += len(tables["events"])
        if progress is not None:
            progress(counter["inputs"], summary.new)
    return finish_ingest(store, summary, t0)


def finish_ingest(store: Store, summary: IngestSummary, t0: float) -> IngestSummary:
    """What every engine does last, on the driver: store the problems, then the corpus-wide merge."""
    if summary.problems:
        store.write_tables({"problems": problem_rows(summary.problems)})
    from kronika.runner.merge import merge_store

    summary.entities = merge_store(store)
    from kronika.runner.corroborate import corroborate_store

    corroborate_store(store)  # after the merge: it compares people by their corpus-wide entity
    summary.seconds = time.perf_counter() - t0
    return summary
