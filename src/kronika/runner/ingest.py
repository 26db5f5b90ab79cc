"""``kronika ingest`` as a library function: read, skip what is stored, process, write, merge.

An article that cannot be read or coded becomes a Problem and the run goes on. An interrupted run
(Ctrl-C, SIGTERM) raises :class:`~kronika.errors.IngestInterrupted` saying what it had stored; the
store's run-state marker (:mod:`kronika.store.run_state`) tells later commands, and the next ingest
finishes the corpus-wide steps first.

Whatever codes the articles is an :class:`Executor` passed in: the local process pool
(:class:`kronika.runner.local.LocalExecutor`) or Ray (:class:`kronika.runner.ray.RayExecutor`). Both
run the same stage functions and leave the same store; :func:`ingest` does the rest, for either.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from kronika.errors import IngestInterrupted, StoreError
from kronika.records import Problem
from kronika.store import Store, run_state, versions
from kronika.store.db import out_of_memory
from kronika.store.writes import write_problems

# DuckDB's memory in an update's corpus-wide steps: at 32,000 stored articles their reads of the store
# fit in it (bench/bench_update.py), and a larger store's are evicted rather than kept.
UPDATE_MEMORY = "64MB"


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


@dataclass(frozen=True, slots=True)
class Job:
    """What an ingest asks its executor to code: the inputs, and how."""

    paths: Sequence[str]  # files and folders, "-" for standard input
    batch_size: int = 32  # articles a worker parses and codes at a time
    max_bytes: int = 5_000_000  # the largest input file read
    force: bool = False  # code and store again the articles the store holds already
    stdin: IO[Any] | None = None
    progress: Progress | None = None


class Executor(Protocol):
    """Codes a job's new articles with the pipeline's stage functions and writes them to the store.

    It marks the store as being coded before its first write (:func:`kronika.store.run_state.mark`),
    reports its progress as ``Step("coding", n)`` and counts into ``summary`` (new, skipped, failed,
    sentences, events, problems); :func:`ingest` does everything before and after.
    """

    def code(self, job: Job, store: Store, summary: IngestSummary) -> None: ...


def ingest(paths: Sequence[str], store: Store, executor: Executor, *, batch_size: int = 32,
           max_bytes: int = 5_000_000, force: bool = False, progress: Progress | None = None,
           stdin: IO[Any] | None = None) -> IngestSummary:
    """Ingest files and folders into the store; safe to re-run (stored articles are skipped).

    Whatever the executor: finish an interrupted ingest first, warn of another coder's store, code,
    then the corpus-wide steps; Ctrl-C says what was kept.
    """
    job = Job(paths, batch_size=batch_size, max_bytes=max_bytes, force=force, stdin=stdin, progress=progress)
    t0 = time.perf_counter()
    summary = IngestSummary(full=force)
    try:
        resume(store, summary, progress)
        summary.version_warning = versions.check(store)
        executor.code(job, store, summary)
        return finish_ingest(store, summary, t0, progress)
    except KeyboardInterrupt:
        raise IngestInterrupted(summary.new, summary.step, summary) from None


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

    # Each step holds one connection for its many small queries, and closes it when done: DuckDB keeps
    # every table block and index page a connection has read until it closes, so one connection for
    # all the steps made the update's memory the sum of what each read (in a large store, a good part
    # of its events and entity members), not what the largest reads.
    summary.step = "merge"
    run_state.mark(store, "merge")
    if progress is not None:
        progress(Step("merging"))

    def merge() -> None:
        with store.session():
            summary.entities = merge_store(store, full=summary.full)

    _capped(store, merge, full=summary.full)
    summary.step = "corroboration"
    run_state.mark(store, "corroboration")
    if progress is not None:
        progress(Step("corroborating"))
    # after the merge: it compares people by entity
    _capped(store, lambda: corroborate_store(store, full=summary.full), full=summary.full)
    run_state.clear(store)


def _capped(store: Store, step: Callable[[], object], *, full: bool) -> None:
    """Run an update's corpus-wide step with DuckDB's memory capped, so that what it keeps of a large
    store does not grow with the store; a step that needs more is run again uncapped (each step can be
    run again: it is how an interrupted update is finished). A full recomputation is not capped."""
    if not full:
        try:
            with store.memory_capped(UPDATE_MEMORY):
                step()
            return
        except StoreError as exc:
            if not out_of_memory(exc):
                raise
    step()
