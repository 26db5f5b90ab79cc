"""Running the pipeline: the local executor (default) or Ray, then the corpus-wide merge."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kronika.runner.ingest import IngestSummary, Progress, ingest
from kronika.runner.local import LocalExecutor
from kronika.store import Store

__all__ = ["IngestSummary", "LocalExecutor", "ingest", "run_ingest"]


def run_ingest(paths: Sequence[str], *, db: str, workers: int = 1, batch_size: int = 32,
               max_bytes: int = 5_000_000, actors_file: str | None = None, force: bool = False,
               engine: str = "local", ray_address: str | None = None, stdin: object | None = None,
               progress: Progress | None = None, article_timeout: float | None = 60.0) -> IngestSummary:
    """Ingest paths into the store at ``db`` with the chosen engine (one ingest at a time per store).

    ``article_timeout`` is each article's time budget in seconds (None or 0: none); an article over it
    is reported and skipped, and its worker process replaced (local engine).
    """
    from kronika import ingest as reader
    from kronika.store.writer_lock import ingest_lock

    with ingest_lock(Path(db)):  # before opening: a second ingest is refused at once, not after a wait
        store = Store(db)
        if actors_file is not None:
            from kronika.runner.user_actors import load_user_actors

            load_user_actors(store, actors_file)
        if engine == "ray":
            from kronika.runner.ray import RayExecutor
            from kronika.runner.shards import ingest_shards

            return ingest_shards(paths, store, RayExecutor(address=ray_address, workers=workers),
                                 batch_size=batch_size, max_bytes=max_bytes, force=force, progress=progress,
                                 stdin=stdin)  # type: ignore[arg-type]
        # A worker costs a model load: more than one is only worth it when there is more than a batch.
        executor = LocalExecutor(workers if reader.count_inputs(paths) > batch_size else 1,
                                 article_timeout=article_timeout)
        return ingest(paths, store, executor, batch_size=batch_size, max_bytes=max_bytes,
                      force=force, progress=progress, stdin=stdin)
