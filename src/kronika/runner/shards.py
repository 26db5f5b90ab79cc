"""Ingesting through Parquet shards: the driver's side of the Ray engine (no Ray imported here).

Workers read input files, code their articles with the same stage functions as the local engine and
write each batch's table rows as Parquet (:func:`write_shard`). The driver takes every shard into the
store in one transaction and only then deletes it, so a crashed run can simply be run again.

Shards arrive in any order. What makes the store the same as the local engine's is a read-order key,
``pos`` = (input number, article number within that input): of several copies of one article (same
``doc_id``), the one with the smallest ``pos`` is kept, as the local engine keeps the first it reads,
and the problems are reported sorted by ``pos``.
"""

from __future__ import annotations

import shutil
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import IO, Any

from kronika.errors import StoreError
from kronika.ingest.readers import read_file
from kronika.ingest.walk import STDIN_NAME, _files, guard_reading, read_stdin, stdin_bytes
from kronika.records import Article, DocResult, Problem
from kronika.runner.ingest import IngestSummary, Job, Step
from kronika.store import Store, run_state
from kronika.store.parquet import load_shard
from kronika.store.rows import result_rows

Pos = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Input:
    """One input for a worker to read: a file, or standard input's text (read on the driver)."""

    number: int  # its place among the inputs, in the order the local engine reads them
    shown: str
    path: str | None  # None for standard input
    text: str | None = None  # standard input's text


@dataclass(frozen=True, slots=True)
class Copy:
    """One coded article in a shard."""

    doc_id: str
    pos: Pos
    sentences: int
    events: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Shard:
    """What a worker returns for a batch: where the rows are, and what they hold."""

    folder: str | None  # None when no article was left to code
    copies: tuple[Copy, ...]
    problems: tuple[tuple[Pos, Problem], ...]  # found while reading
    skipped: int  # articles the store had before the run, and repeats within the worker's batch


class ShardExecutor(ABC):
    """An executor whose workers read the inputs and code them themselves, and hand back Parquet shards
    for this process to take into the store (Ray; an in-process stand-in in the tests)."""

    @abstractmethod
    def shards(self, inputs: Sequence[Input], *, known: frozenset[str], batch_size: int,
               max_bytes: int) -> Iterator[Shard]:
        """Code the inputs (their articles the store does not know); yields each shard as it is done."""

    def code(self, job: Job, store: Store, summary: IngestSummary) -> None:
        """The executor protocol (:class:`kronika.runner.ingest.Executor`): the shards taken into the
        store as they come; the result equals the local engine's."""
        _take_shards(self, job, store, summary)


def list_inputs(paths: Sequence[str], stdin: IO[Any] | None, max_bytes: int
                ) -> tuple[list[Input], list[Problem]]:
    """The inputs in the local engine's order (folders walked sorted), and problems met listing them."""
    inputs: list[Input] = []
    problems: list[Problem] = []
    for item in _files(paths):
        if isinstance(item, Problem):
            problems.append(item)
        elif item[1] is None:
            # Read here: a worker elsewhere has no access to this process's standard input. One
            # character over the limit is enough for the worker's reader to report the size.
            # Bytes kept exactly through a str (surrogateescape): the worker decodes them like a file's.
            text = stdin_bytes(stdin, max_bytes + 1).decode("utf-8", "surrogateescape") if stdin is not None else ""
            inputs.append(Input(len(inputs), STDIN_NAME, None, text))
        else:
            inputs.append(Input(len(inputs), item[0], str(item[1])))
    return inputs, problems


def write_shard(results: list[DocResult], positions: list[Pos], folder: Path) -> list[Copy]:
    """Write a batch's rows as ``<table>.parquet`` files tagged with ``_copy`` (on a worker).

    The batch must hold each ``doc_id`` once (rows are tagged by their ``doc_id``).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    copy_of = {r.article.doc_id: k for k, r in enumerate(results)}
    if len(copy_of) != len(results):
        raise ValueError("write_shard: a batch holds the same article twice")
    for table, rows in result_rows(results).items():
        if rows:
            tagged = [{**row, "_copy": copy_of[row["doc_id"]]} for row in rows]
            pq.write_table(pa.Table.from_pylist(tagged), folder / f"{table}.parquet")
    return [Copy(r.article.doc_id, p, len(r.sentences), len(r.events), tuple(r.problems))
            for r, p in zip(results, positions, strict=True)]


def code_inputs(inputs: Sequence[Input], shard_root: Path, *, known: frozenset[str], batch_size: int,
                max_bytes: int) -> Iterator[Shard]:
    """A worker's job: read the inputs, code their new articles, one shard per ``batch_size`` articles."""
    from kronika.runner.local import code_here

    articles, problems, skipped = _read(inputs, known, max_bytes)
    if not articles:
        yield Shard(None, (), tuple(problems), skipped)
        return
    for start in range(0, len(articles), batch_size):
        chunk = articles[start:start + batch_size]
        results = code_here([a for _, a in chunk])
        coded = [(p, r) for (p, _), r in zip(chunk, results, strict=True) if isinstance(r, DocResult)]
        failed = [(p, r) for (p, _), r in zip(chunk, results, strict=True) if isinstance(r, Problem)]
        first = start == 0  # the reading problems and skips travel with the first shard
        found = (tuple(problems) if first else ()) + tuple(failed)
        if not coded:
            yield Shard(None, (), found, skipped if first else 0)
            continue
        folder = shard_root / uuid.uuid4().hex
        copies = write_shard([r for _, r in coded], [p for p, _ in coded], folder)
        yield Shard(str(folder), tuple(copies), found, skipped if first else 0)


def _read(inputs: Sequence[Input], known: frozenset[str], max_bytes: int
          ) -> tuple[list[tuple[Pos, Article]], list[tuple[Pos, Problem]], int]:
    """The new articles in read order (each doc_id once, its first copy), the problems, how many skipped."""
    best: dict[str, tuple[Pos, Article]] = {}
    problems: list[tuple[Pos, Problem]] = []
    skipped = 0
    for inp in inputs:
        items = (read_stdin(StringIO(inp.text or ""), max_bytes=max_bytes) if inp.path is None
                 else read_file(Path(inp.path), shown=inp.shown, max_bytes=max_bytes))
        for k, item in enumerate(guard_reading(items, inp.shown)):
            pos = (inp.number, k)
            if isinstance(item, Problem):
                problems.append((pos, item))
            elif item.doc_id in known:
                skipped += 1
            elif item.doc_id in best:
                skipped += 1
                if pos < best[item.doc_id][0]:
                    best[item.doc_id] = (pos, item)
            else:
                best[item.doc_id] = (pos, item)
    return sorted(best.values(), key=lambda found: found[0]), problems, skipped


def shard_files(folder: str) -> dict[str, Path]:
    """The tables a shard holds; raises when the driver cannot see a shard a worker wrote."""
    path = Path(folder)
    if not path.is_dir():
        raise StoreError(f"shard {folder} written by a Ray worker is not visible here: on a cluster, "
                         "set KRONIKA_RAY_SHARDS to a folder that every node and this machine share")
    return {p.stem: p for p in sorted(path.glob("*.parquet"))}


@dataclass
class _Taken:
    pos: Pos
    sentences: int
    events: int
    problems: tuple[Problem, ...]


def _take_shards(executor: ShardExecutor, job: Job, store: Store, summary: IngestSummary) -> None:
    force, progress = job.force, job.progress
    inputs, listed = list_inputs(job.paths, job.stdin, job.max_bytes)
    problems: list[tuple[Pos, Problem]] = [((-1, k), p) for k, p in enumerate(listed)]
    known = frozenset() if force else store.all_doc_ids()
    taken: dict[str, _Taken] = {}
    marked = False
    failed = sum(p.severity == "error" for _, p in problems)
    for shard in executor.shards(inputs, known=known, batch_size=job.batch_size, max_bytes=job.max_bytes):
        summary.skipped += shard.skipped
        problems.extend(shard.problems)
        failed += sum(p.severity == "error" for _, p in shard.problems)
        summary.failed = failed  # so far: what an interruption reports
        keep, earlier = _choose(shard.copies, taken, summary)
        if shard.folder is not None:
            if not marked:
                run_state.mark(store, "coding", full=force)  # from the first shard on, the store is not finished
                marked = True
            load_shard(store, shard_files(shard.folder), keep=keep,
                       delete_docs=[shard.copies[k].doc_id for k in keep] if force else earlier)
            shutil.rmtree(shard.folder, ignore_errors=True)  # only once its rows are committed
            summary.new = len(taken)
        if progress is not None:
            progress(Step("coding", len(taken) + summary.skipped + failed))  # as the local engine counts
    summary.new = len(taken)
    summary.sentences = sum(t.sentences for t in taken.values())
    summary.events = sum(t.events for t in taken.values())
    summary.failed = sum(p.severity == "error" for _, p in problems)
    summary.warnings = len(problems) - summary.failed
    doc_problems = [(t.pos, p) for t in taken.values() for p in t.problems]
    summary.problems = [p for _, p in sorted(problems + doc_problems, key=lambda item: item[0])]


def _choose(copies: Sequence[Copy], taken: dict[str, _Taken], summary: IngestSummary
            ) -> tuple[list[int], list[str]]:
    """Which copies of a shard to keep, and which documents stored by this run they replace."""
    keep: list[int] = []
    earlier: list[str] = []
    for k, c in enumerate(copies):
        before = taken.get(c.doc_id)
        if before is not None:
            summary.skipped += 1
            if c.pos > before.pos:
                continue
            earlier.append(c.doc_id)
        taken[c.doc_id] = _Taken(c.pos, c.sentences, c.events, c.problems)
        keep.append(k)
    return keep, earlier
