"""Two writers: a second `kronika ingest` on a store being written is refused with a clear message, and
the rows a document owns are never doubled, whoever writes it twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kronika.errors import StoreBusy
from kronika.ingest import article_from_text
from kronika.store import Store
from kronika.store.writer_lock import ingest_lock
from tests.faults.helpers import kronika, ran, start, wait_for
from tests.faults.probes import good_text, write_good


def test_a_second_ingest_on_a_store_being_written_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder, 4)
    (folder / "slow.txt").write_text("Slow\n\n" + "Internationalisation " * 60_000, encoding="utf-8")
    db = tmp_path / "k.duckdb"
    first = start("ingest", str(folder), "--db", str(db), "--workers", "1")
    wait_for(lambda: Path(f"{db}.lock").exists() and Path(f"{db}.lock").read_text().strip(), 30, "the first ingest")
    second = kronika("ingest", str(folder), "--db", str(db))
    assert second.returncode == 1
    assert second.stderr == (f"Error: {db}: another kronika ingest (process {first.pid}) is writing to this store; "
                             "wait for it to finish, or ingest into another --db\n")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode()
    # Once the first has finished, the same command goes through: nothing new.
    again = kronika("ingest", str(folder), "--db", str(db))
    assert again.returncode == 0 and ran(again.stdout) == (0, 5, 0)


def test_the_lock_is_the_kernel_s_and_refuses_within_one_process_too(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    with ingest_lock(db), pytest.raises(StoreBusy) as refused, ingest_lock(db):
        pass
    assert str(refused.value) == (f"{db}: another kronika ingest (process {os.getpid()}) is writing to this store; "
                                  "wait for it to finish, or ingest into another --db")
    with ingest_lock(db):  # released when the first block ended
        pass


def test_a_document_written_twice_keeps_one_copy_of_its_rows(nlp, tmp_path: Path) -> None:
    from kronika.runner.local import loaded
    from kronika.runner.pipeline import code_batch
    from kronika.store.rows import result_rows

    article = article_from_text(good_text(0), source_file="a.txt", source_path="a.txt")
    (result,) = code_batch(nlp, [article], loaded()[1])
    store = Store(tmp_path / "k.duckdb")
    tables = ("documents", "sentences", "doc_entities", "mentions", "roles", "events", "quotes")
    store.write_tables(result_rows([result]))
    once = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in tables}
    store.write_tables(result_rows([result]))  # two runs racing, or a retried write
    assert {t: store.scalar(f"SELECT count(*) FROM {t}") for t in tables} == once
    assert once["mentions"] > 0 and once["roles"] > 0
