"""Running the pipeline: the local executor (default) or Ray, then the corpus-wide merge."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from kronika.runner.ingest import Executor, IngestSummary, Progress, Step, ingest
from kronika.runner.local import LocalExecutor
from kronika.store import Store

__all__ = ["Executor", "IngestSummary", "LocalExecutor", "Step", "executor_for", "ingest", "run_ingest",
           "run_rebuild"]

ENGINES = ("local", "ray")


def executor_for(engine: str, *, workers: int = 1, ray_address: str | None = None,
                 article_timeout: float | None = 60.0) -> Executor:
    """The executor of an engine: the local process pool, or Ray (on ``ray_address``, else started here)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")
    if engine == "ray":
        from kronika.runner.ray import RayExecutor

        return RayExecutor(address=ray_address, workers=workers)
    return LocalExecutor(workers, article_timeout=article_timeout)


def run_ingest(paths: Sequence[str], *, db: str, workers: int = 1, batch_size: int = 32,
               max_bytes: int = 5_000_000, actors_file: str | None = None, force: bool = False,
               engine: str = "local", ray_address: str | None = None, stdin: IO[Any] | None = None,
               progress: Progress | None = None, article_timeout: float | None = 60.0,
               on_lock: Callable[[], object] | None = None) -> IngestSummary:
    """Ingest paths into the store at ``db`` with the chosen engine (one ingest at a time per store).

    ``article_timeout`` is each article's time budget in seconds (None or 0: none); an article over it
    is reported and skipped, and its worker process replaced (local engine). ``on_lock`` is called once
    the store's ingest lock is held, before anything is read (the CLI counts what the store held).
    """
    from kronika.ingest.tally import expected_inputs
    from kronika.store.writer_lock import ingest_lock

    with ingest_lock(Path(db)):  # before opening: a second ingest is refused at once, not after a wait
        if on_lock is not None:
            on_lock()
        files, articles = expected_inputs(paths, count_articles=progress is not None, max_bytes=max_bytes)
        if progress is not None:
            progress(Step("found", files, articles))
        store = Store(db)
        if actors_file is not None:
            from kronika.runner.user_actors import load_user_actors
            from kronika.store.entity_merge import MERGE_ALL
            from kronika.store.writes import set_meta

            load_user_actors(store, actors_file)
            set_meta(store, MERGE_ALL, "1")  # the next merge goes over every key
        # A local worker process costs a model load: more than one is only worth it when there is more
        # than a batch (a Ray pool sizes its calls to the inputs itself).
        executor = executor_for(engine, workers=workers if engine == "ray" or files > batch_size else 1,
                                ray_address=ray_address, article_timeout=article_timeout)
        return ingest(paths, store, executor, batch_size=batch_size, max_bytes=max_bytes,
                      force=force, progress=progress, stdin=stdin)


def run_rebuild(paths: Sequence[str], *, db: str, workers: int = 1, engine: str = "local",
                ray_address: str | None = None, progress: Progress | None = None,
                article_timeout: float | None = 60.0) -> IngestSummary:
    """Recompute every corpus-wide step (actor merge, recoding, corroboration, claims) over all stored
    articles, as an ingest of them all into an empty store would; with ``paths`` (the original
    inputs), code them again first, with this kronika and its data (after an upgrade)."""
    import time
    from datetime import UTC, datetime

    from kronika.errors import StoreError
    from kronika.runner.ingest import rebuild_corpus
    from kronika.store import versions
    from kronika.store.writer_lock import ingest_lock

    if not Path(db).exists():
        raise StoreError(f"{db}: no such store (run `kronika ingest` first)")
    if paths:
        since = datetime.now(UTC).replace(tzinfo=None)  # as the rows' ingested_at
        summary = run_ingest(paths, db=db, workers=workers, force=True, engine=engine, ray_address=ray_address,
                             progress=progress, article_timeout=article_timeout)
        summary.version_warning = versions.recoded(Store(db), since, summary.version_warning)
        return summary
    with ingest_lock(Path(db)):
        return rebuild_corpus(Store(db), time.perf_counter(), progress)
