"""Running the pipeline: the local executor (default) or Ray, then the corpus-wide merge."""

from __future__ import annotations

from collections.abc import Sequence

from kronika.runner.ingest import IngestSummary, Progress, Step, ingest
from kronika.runner.local import LocalExecutor
from kronika.store import Store

__all__ = ["IngestSummary", "LocalExecutor", "Step", "ingest", "run_ingest"]


def run_ingest(paths: Sequence[str], *, db: str, workers: int = 1, batch_size: int = 32,
               max_bytes: int = 5_000_000, actors_file: str | None = None, force: bool = False,
               engine: str = "local", ray_address: str | None = None, stdin: object | None = None,
               progress: Progress | None = None) -> IngestSummary:
    """Ingest paths into the store at ``db`` with the chosen engine."""
    from kronika.ingest.tally import expected_inputs

    files, articles = expected_inputs(paths, count_articles=progress is not None)
    if progress is not None:
        progress(Step("found", files, articles))
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
    # A pool costs a model load per worker: only worth it when there is more than a batch.
    executor = LocalExecutor(workers if files > batch_size else 1)
    return ingest(paths, store, executor, batch_size=batch_size, max_bytes=max_bytes,
                  force=force, progress=progress, stdin=stdin)
