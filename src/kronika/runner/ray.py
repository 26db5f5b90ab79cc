"""The Ray engine: kronika's stage functions on a Ray cluster, or on a Ray started on this machine.

The only module that imports ray. The inputs (file paths; standard input's text) go into a Ray
Dataset; an actor pool (``map_batches`` with a callable class, one spaCy model and one set of lexicons
loaded per actor) reads each batch of inputs, codes the articles with
:func:`kronika.runner.local.code_here` (the local engine's function) and writes each table's rows
as a Parquet shard. The driver takes the shards into the store (:class:`kronika.runner.shards.ShardExecutor`)
and :func:`kronika.runner.ingest.ingest` runs the corpus-wide steps, as for the local engine. Nothing
depends on the order shards come back in.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import ray

from kronika.errors import KronikaError
from kronika.runner.shards import Input, Shard, ShardExecutor, code_inputs

SHARDS_ENV = "KRONIKA_RAY_SHARDS"  # where workers write shards: shared storage on a multi-node cluster
OBJECT_STORE_MB = 200  # only inputs and shard manifests travel through it: the rows go through Parquet


class _CodeInputs:
    """One actor of the pool: loads spaCy once, then codes batches of inputs into shards."""

    def __init__(self, shard_root: str, known: frozenset[str], batch_size: int, max_bytes: int) -> None:
        from kronika.runner.local import code_here

        code_here([])  # loads spaCy and the lexicons now: once per actor, not inside a batch
        self.shard_root = Path(shard_root)
        self.known = known
        self.batch_size = batch_size
        self.max_bytes = max_bytes

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        inputs = [Input(**row) for row in batch.to_pylist()]
        for shard in code_inputs(inputs, self.shard_root, known=self.known, batch_size=self.batch_size,
                                 max_bytes=self.max_bytes):
            yield _manifest(shard)


def _manifest(shard: Shard) -> pa.Table:
    return pa.table({"shard": pa.array([pickle.dumps(shard)], type=pa.binary())})


class RayExecutor(ShardExecutor):
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
        # Inputs per call: a batch's worth, but fewer when that would leave part of the pool idle.
        per_call = max(1, min(batch_size, -(-len(inputs) // self.workers)))
        blocks = -(-len(inputs) // per_call)
        try:
            ds = ray.data.from_items(
                [{"number": i.number, "shown": i.shown, "path": i.path, "text": i.text} for i in inputs],
                override_num_blocks=blocks)
            coded = ds.map_batches(
                _CodeInputs, batch_size=per_call, batch_format="pyarrow", num_cpus=1,
                compute=ray.data.ActorPoolStrategy(size=min(self.workers, blocks)),
                fn_constructor_kwargs={"shard_root": root, "known": known, "batch_size": batch_size,
                                       "max_bytes": max_bytes})
            for row in coded.iter_rows():
                yield pickle.loads(row["shard"])
        except ray.exceptions.RayError as exc:  # a worker's exception arrives wrapped in one
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
        # Ray logs its plans and notices on the driver; kronika prints its own summary, and failures
        # arrive as exceptions. (Ray's C++ core still prints one line per actor pool about
        # "constructor arguments in the object store": Ray issue 53727, harmless here.)
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.ERROR,
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
