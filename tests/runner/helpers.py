"""Comparing two stores table by table, and an in-process stand-in for the Ray engine."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kronika.runner.shards import Input, Shard, ShardExecutor, code_inputs
from kronika.store import Store

# Tables that record a run, not its result.
RUN_TABLES = frozenset({"meta", "problems"})


def store_content(db: str) -> dict[str, list[str]]:
    """Every result table's rows, sorted, without timestamp columns (they record when, not what)."""
    store = Store(db, read_only=True)
    tables = [r["table_name"] for r in store.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")]
    out = {}
    for table in tables:
        if table in RUN_TABLES:
            continue
        cols = [r["column_name"] for r in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY ordinal_position", [table])]
        rows = store.query(f"SELECT {', '.join(repr_col(c) for c in cols)} FROM {table}")
        out[table] = sorted(repr(tuple(r.values())) for r in rows)
    return out


def repr_col(name: str) -> str:
    return f'"{name}"'


def differences(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, Any]:
    """Per table, the rows only in a and only in b (empty when the stores hold the same)."""
    out: dict[str, Any] = {}
    for table in sorted(set(a) | set(b)):
        only_a = sorted(set(a.get(table, [])) - set(b.get(table, [])))
        only_b = sorted(set(b.get(table, [])) - set(a.get(table, [])))
        if only_a or only_b or len(a.get(table, [])) != len(b.get(table, [])):
            out[table] = {"only_first": only_a[:5], "only_second": only_b[:5],
                          "counts": (len(a.get(table, [])), len(b.get(table, [])))}
    return out


class InProcessShards(ShardExecutor):
    """The Ray engine's work done in this process, with shards handed back in a chosen order.

    ``per_call`` inputs go to each simulated worker call, as Ray Data would batch them.
    """

    def __init__(self, shard_root: Path, *, per_call: int = 1, order: str = "reversed", seed: int = 0):
        self.shard_root = shard_root
        self.per_call = per_call
        self.order = order
        self.seed = seed

    def shards(self, inputs: Sequence[Input], *, known: frozenset[str], batch_size: int,
               max_bytes: int) -> Iterator[Shard]:
        calls = [inputs[k:k + self.per_call] for k in range(0, len(inputs), self.per_call)]
        done = [s for call in calls for s in code_inputs(call, self.shard_root, known=known,
                                                          batch_size=batch_size, max_bytes=max_bytes)]
        if self.order == "reversed":
            done.reverse()
        else:
            random.Random(self.seed).shuffle(done)
        return iter(done)
