"""``kronika ingest`` as a library function: read, skip what is stored, process, write, merge.

An article that cannot be read or coded becomes a Problem and the run goes on. An interrupted run
(Ctrl-C, SIGTERM) raises :class:`~kronika.errors.IngestInterrupted` saying what it had stored; the
store's run-state marker (:mod:`kronika.store.run_state`) tells later commands, and the next ingest
finishes the corpus-wide steps first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import Protocol

from kronika import ingest as reader
from kronika.errors import IngestInterrupted
from kronika.records import Article, DocResult, Problem
from kronika.store import Store, run_state, versions
from kronika.store.writes import write_problems, write_results


class Executor(Protocol):
    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[DocResult | Problem]]: ...


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
    resumed: str | None = None  # the step an earlier, interrupted ingest had stopped in (finished first)
    step: str = "coding"  # what the run is doing: coding | merge | corroboration
    full: bool = False  # recompute the corpus-wide steps over every document (after --force, rebuild)
    version_warning: str | None = None  # the store was coded by another kronika or other data

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)
        if problem.severity == "error":
            self.failed += 1
        else:
            self.warnings += 1


@dataclass(frozen=True, slots=True)
class Step:
    """What an ingest tells a progress display as it goes (the display decides what to show)."""

    stage: str  # "found" (inputs listed), "coding" (articles done), "merging", "corroborating" (begun)
    done: int = 0  # found: files; coding: articles coded and stored, skipped or failed so far
    total: int | None = None  # found: articles expected (None when unknown, e.g. standard input)


Progress = Callable[[Step], None]

_LOOKAHEAD = 8  # batches of articles read before asking the store which it already has
_WRITE_BATCHES = 4  # finished batches written in one transaction...
_WRITE_SECONDS = 3.0  # ...or fewer, once this long has passed since the last write...
_WRITE_ROWS = 20_000  # ...or once they hold this many sentences and events (a few huge articles)


def ingest(paths: Sequence[str], store: Store, executor: Executor, *, batch_size: int = 32,
           max_bytes: int = 5_000_000, force: bool = False, progress: Progress | None = None,
           stdin: object | None = None) -> IngestSummary:
    """Ingest files and folders into the store; safe to re-run (stored articles are skipped)."""
    return run_ingest(store, force, progress, lambda summary: _code_all(
        paths, store, executor, summary, batch_size=batch_size, max_bytes=max_bytes, force=force,
        progress=progress, stdin=stdin))


def run_ingest(store: Store, force: bool, progress: Progress | None,
               code: Callable[[IngestSummary], None]) -> IngestSummary:
    """One ingest, whatever codes its articles: finish an interrupted one first, warn of another coder's
    store, code, then the corpus-wide steps; Ctrl-C says what was kept."""
    t0 = time.perf_counter()
    summary = IngestSummary(full=force)
    try:
        resume(store, summary, progress)
        summary.version_warning = versions.check(store)
        code(summary)
        return finish_ingest(store, summary, t0, progress)
    except KeyboardInterrupt:
        raise IngestInterrupted(summary.new, summary.step, summary) from None


def _code_all(paths: Sequence[str], store: Store, executor: Executor, summary: IngestSummary, *,
              batch_size: int, max_bytes: int, force: bool, progress: Progress | None, stdin: object | None
              ) -> None:
    seen_ids: set[str] = set()

    def articles() -> Iterator[Article]:
        for item in reader.read_paths(paths, max_bytes=max_bytes, stdin=stdin):  # type: ignore[arg-type]
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
            fresh = ahead if force else _unknown(store, ahead, summary)
            if len(fresh) < len(ahead):
                report()
            for start in range(0, len(fresh), batch_size):
                yield fresh[start:start + batch_size]

    pending: list[DocResult] = []
    last_write = time.monotonic()
    marked = False

    def report() -> None:
        if progress is not None:
            progress(Step("coding", summary.new + summary.skipped + summary.failed))

    def write() -> None:
        nonlocal last_write, marked
        if not marked:
            run_state.mark(store, "coding", full=force)  # from the first write on, the store is not finished
            marked = True
        summary.problems.extend(p for r in pending for p in r.problems)
        summary.warnings += sum(len(r.problems) for r in pending)
        write_results(store, pending, replace=force)
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


def resume(store: Store, summary: IngestSummary, progress: Progress | None = None) -> None:
    """Finish the corpus-wide steps an interrupted ingest left undone, before anything new is read."""
    step = run_state.unfinished(store)
    if step is not None:
        summary.resumed = step
        full, summary.full = summary.full, summary.full or run_state.unfinished_full(store)
        _corpus_steps(store, summary, progress)
        summary.step, summary.full = "coding", full


def finish_ingest(store: Store, summary: IngestSummary, t0: float, progress: Progress | None = None) -> IngestSummary:
    """What every engine does last, on the driver: store the problems, then the corpus-wide merge."""
    if summary.problems:
        write_problems(store, summary.problems)
    if not (summary.resumed and summary.new == 0):  # else the resumed steps saw every stored row already
        _corpus_steps(store, summary, progress)
    summary.seconds = time.perf_counter() - t0
    return summary


def rebuild_corpus(store: Store, t0: float, progress: Progress | None = None) -> IngestSummary:
    """Every corpus-wide step again, over every stored document."""
    summary = IngestSummary(full=True)
    try:
        run_state.mark(store, "merge", full=True)
        _corpus_steps(store, summary, progress)
    except KeyboardInterrupt:
        raise IngestInterrupted(0, summary.step, summary) from None
    summary.seconds = time.perf_counter() - t0
    return summary


def _corpus_steps(store: Store, summary: IngestSummary, progress: Progress | None = None) -> None:
    from kronika.runner.corroborate import corroborate_store
    from kronika.runner.merge import merge_store

    with store.session():  # many small queries in a few seconds: one connection for them all
        summary.step = "merge"
        run_state.mark(store, "merge")
        if progress is not None:
            progress(Step("merging"))
        summary.entities = merge_store(store, full=summary.full)
        summary.step = "corroboration"
        run_state.mark(store, "corroboration")
        if progress is not None:
            progress(Step("corroborating"))
        corroborate_store(store, full=summary.full)  # after the merge: it compares people by entity
        run_state.clear(store)
