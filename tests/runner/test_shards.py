"""The driver's side of the Ray engine, without Ray: shards in any order give the local engine's store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kronika.errors import StoreError
from kronika.runner import run_ingest
from kronika.runner.ingest import ingest
from kronika.store import Store
from kronika.store.parquet import load_shard
from tests.runner.helpers import InProcessShards, differences, store_content

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
# Three single-article files and a file of several articles (JSON lines), kept small for speed.
FILES = ["baltic-courier_belarus-sanctions.md", "horn-standard_ethiopia-sudan-border.txt",
         "danube-ledger_prague-nairobi-water-deal.html", "sahel-observer_west-africa.jsonl"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files above, plus the same article again under a name read before and one read after."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in FILES:
        shutil.copy(EXAMPLES / name, folder / name)
    shutil.copy(EXAMPLES / FILES[1], folder / "a-first-copy.txt")
    shutil.copy(EXAMPLES / FILES[1], folder / "zz-last-copy.txt")
    return folder


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> str:
    db = str(tmp_path_factory.mktemp("local") / "local.duckdb")
    run_ingest([str(corpus)], db=db, workers=1)
    return db


@pytest.mark.parametrize("order,per_call", [("reversed", 1), ("shuffled", 2)])
def test_shards_in_any_order_give_the_local_engines_store(tmp_path: Path, corpus: Path, local_db: str,
                                                          order: str, per_call: int) -> None:
    db = str(tmp_path / "shards.duckdb")
    executor = InProcessShards(tmp_path / "shards", per_call=per_call, order=order)
    summary = ingest([str(corpus)], Store(db), executor)
    assert differences(store_content(local_db), store_content(db)) == {}
    assert (summary.new, summary.skipped) == (len(Store(db).query("SELECT 1 FROM documents")), 2)
    # The copy kept is the one the local engine reads first, whichever shard came back first.
    kept = Store(db).query("SELECT source_file FROM documents WHERE fmt = 'txt'")
    assert [r["source_file"] for r in kept] == ["a-first-copy.txt"]
    assert list((tmp_path / "shards").iterdir()) == []  # every shard deleted once taken in


def test_a_second_run_skips_what_the_store_has_and_force_replaces_it(tmp_path: Path, corpus: Path,
                                                                      local_db: str) -> None:
    db = str(tmp_path / "again.duckdb")
    executor = InProcessShards(tmp_path / "shards")
    first = ingest([str(corpus)], Store(db), executor)
    again = ingest([str(corpus)], Store(db), executor)
    assert (again.new, again.skipped) == (0, first.new + first.skipped)
    forced = ingest([str(corpus)], Store(db), executor, force=True)
    assert (forced.new, forced.skipped) == (first.new, first.skipped)
    assert differences(store_content(local_db), store_content(db)) == {}


def test_a_shard_is_taken_in_whole_or_not_at_all(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    folder = tmp_path / "shard"
    folder.mkdir()
    pq.write_table(pa.Table.from_pylist([{"doc_id": "d1", "title": "T", "_copy": 0}]),
                   folder / "documents.parquet")
    pq.write_table(pa.Table.from_pylist([{"doc_id": "d1", "no_such_column": 1, "_copy": 0}]),
                   folder / "sentences.parquet")
    with pytest.raises(StoreError, match="cannot take shard .*shard into store"):
        load_shard(store, {p.stem: p for p in sorted(folder.glob("*.parquet"))}, keep=[0])
    assert store.query("SELECT count(*) AS n FROM documents") == [{"n": 0}]
