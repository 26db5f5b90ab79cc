"""The Ray engine: kronika's stage functions on a Ray cluster, or on a Ray started on this machine.

The only module that imports ray. The inputs (file paths; standard input's text) go into a Ray
Dataset; an actor pool (``map_batches`` with a callable class, one spaCy model and one set of lexicons
loaded per actor) reads each batch of inputs, codes the articles with
:func:`kronika.runner.local.process_batch` (the local engine's function) and writes each table's rows
as a Parquet shard. The driver takes the shards into the store and runs the corpus-wide merge
(:func:`kronika.runner.shards.ingest_shards`). Nothing depends on the order shards come back in.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from io import StringIO
from pathlib import Path
from typing import Any

import pyarrow as pa
import ray

from kronika.errors import KronikaError
from kronika.ingest.readers import read_file
from kronika.ingest.walk import read_stdin
from kronika.records import Article, Problem
from kronika.runner.shards import Input, Pos, Shard, write_shard

SHARDS_ENV = "KRONIKA_RAY_SHARDS"  # where workers write shards: shared storage on a multi-node cluster
OBJECT_STORE_MB = 200  # only inputs and shard manifests travel through it: the rows go through Parquet


class _CodeInputs:
    """One actor of the pool: reads its inputs, codes their articles, writes a shard per batch."""

    def __init__(self, shard_root: str, known: frozenset[str], batch_size: int, max_bytes: int) -> None:
        from kronika.runner.local import process_batch

        process_batch([])  # loads spaCy and the lexicons now: once per actor, not inside a batch
        self.shard_root = Path(shard_root)
        self.known = known
        self.batch_size = batch_size
        self.max_bytes = max_bytes

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        from kronika.runner.local import process_batch

        articles, problems, skipped = self._read([Input(**row) for row in batch.to_pylist()])
        if not articles:
            yield _manifest(Shard(None, (), tuple(problems), skipped))
            return
        for start in range(0, len(articles), self.batch_size):
            chunk = articles[start:start + self.batch_size]
            folder = self.shard_root / uuid.uuid4().hex
            copies = write_shard(process_batch([a for _, a in chunk]), [p for p, _ in chunk], folder)
            first = start == 0  # the batch's reading problems and skips travel with its first shard
            yield _manifest(Shard(str(folder), tuple(copies), tuple(problems) if first else (),
                                  skipped if first else 0))

    def _read(self, inputs: list[Input]) -> tuple[list[tuple[Pos, Article]], list[tuple[Pos, Problem]], int]:
        """The batch's new articles in read order (each doc_id once), its problems, how many skipped."""
        best: dict[str, tuple[Pos, Article]] = {}
        problems: list[tuple[Pos, Problem]] = []
        skipped = 0
        for inp in inputs:
            items = (read_stdin(StringIO(inp.text or ""), max_bytes=self.max_bytes) if inp.path is None
                     else read_file(Path(inp.path), shown=inp.shown, max_bytes=self.max_bytes))
            for k, item in enumerate(items):
                pos = (inp.number, k)
                if isinstance(item, Problem):
                    problems.append((pos, item))
                elif item.doc_id in self.known:
                    skipped += 1
                elif item.doc_id in best:
                    skipped += 1  # a repeat within the batch: the copy read first is kept
                    best[item.doc_id] = min(best[item.doc_id], (pos, item), key=lambda pa_: pa_[0])
                else:
                    best[item.doc_id] = (pos, item)
        return sorted(best.values(), key=lambda pa_: pa_[0]), problems, skipped


def _manifest(shard: Shard) -> pa.Table:
    return pa.table({"shard": pa.array([pickle.dumps(shard)], type=pa.binary())})


class RayExecutor:
    """Runs the pipeline through Ray Data; with no address, on a Ray started here and stopped after.

    ``workers`` is the size of the actor pool (one spaCy model each). On a cluster, set it to the
    cluster's cores and set KRONIKA_RAY_SHARDS (or ``shard_dir``) to storage that every node and the
    driver share.
    """

    def __init__(self, address: str | None = None, workers: int = 1, *, shard_dir: str | None = None,
                 object_store_mb: int = OBJECT_STORE_MB) -> None:
        self.address = address
        self.workers = max(1, workers)
        self.shard_dir = shard_dir or os.environ.get(SHARDS_ENV)
        self.object_store_mb = object_store_mb

    def shards(self, inputs: Sequence[Input], *, known: frozenset[str], batch_size: int,
               max_bytes: int) -> Iterator[Shard]:
        """Code the inputs; yields each shard as a worker finishes it (in no particular order)."""
        if not inputs:
            return
        temp_dir = tempfile.mkdtemp(prefix="kray", dir="/tmp")  # short: Ray puts sockets under it
        root = self.shard_dir or os.path.join(temp_dir, "shards")
        started = self._connect(temp_dir)
        try:
            ds = ray.data.from_items(
                [{"number": i.number, "shown": i.shown, "path": i.path, "text": i.text} for i in inputs],
                # Small blocks, so work spreads over the pool and results stream back early.
                override_num_blocks=max(1, min(len(inputs), len(inputs) // max(1, batch_size) + 1)))
            coded = ds.map_batches(
                _CodeInputs, batch_size=batch_size, batch_format="pyarrow", num_cpus=1,
                compute=ray.data.ActorPoolStrategy(size=self.workers),
                fn_constructor_kwargs={"shard_root": root, "known": known, "batch_size": batch_size,
                                       "max_bytes": max_bytes})
            for batch in coded.iter_batches(batch_size=None, batch_format="pyarrow"):
                for blob in batch.column("shard").to_pylist():
                    yield pickle.loads(blob)
        except ray.exceptions.RayError as exc:
            raise KronikaError(f"the Ray run failed: {exc}") from exc
        finally:
            if started:
                ray.shutdown()
            shutil.rmtree(temp_dir, ignore_errors=True)

    def _connect(self, temp_dir: str) -> bool:
        """Join the given cluster, or start a local Ray; True when this call started it."""
        if ray.is_initialized():
            return False
        ray.data.DataContext.get_current().enable_progress_bars = False
        quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING,
                                 "ignore_reinit_error": True}
        try:
            if self.address:
                ray.init(address=self.address, **quiet)
            else:
                os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no network at run time
                ray.init(num_cpus=self.workers, include_dashboard=False, _temp_dir=temp_dir,
                         object_store_memory=self.object_store_mb * 1024 * 1024, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = self.address or "a local Ray"
            raise KronikaError(f"cannot start or reach {where}: {exc} (check --ray-address; "
                               "`ray status` shows a running cluster)") from exc
        return True
