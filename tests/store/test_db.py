"""kronika.store.db on real DuckDB files: opening, the schema version, writing batches all or nothing,
re-writing without duplicates, updating and streaming rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kronika.errors import StoreError
from kronika.store import Store
from kronika.store.db import SCHEMA_VERSION


def doc(doc_id: str, title: str = "A title") -> dict[str, Any]:
    return {"doc_id": doc_id, "source_file": f"{doc_id}.txt", "title": title, "n_sentences": 1}


def mention(doc_id: str, text: str) -> dict[str, Any]:
    return {"doc_id": doc_id, "start_char": 0, "end_char": len(text), "text": text, "label": "PERSON"}


def count(store: Store, table: str) -> int:
    return int(store.scalar(f"SELECT count(*) FROM {table}"))


def test_a_missing_store_is_not_opened_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "none.duckdb", read_only=True)
    assert str(err.value) == f"{tmp_path / 'none.duckdb'}: no such store (run `kronika ingest` first)"
    assert not (tmp_path / "none.duckdb").exists()


def test_a_new_store_gets_the_schema_and_its_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "sub" / "k.duckdb")  # the folder is made too
    assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == SCHEMA_VERSION
    assert count(store, "documents") == 0
    Store(store.path)  # opening it again changes nothing
    assert store.scalar("SELECT count(*) FROM meta WHERE key = 'schema_version'") == 1


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    with store.transaction() as con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as err:
        Store(store.path)
    assert str(err.value) == (f"{store.path}: schema version 0, this kronika reads {SCHEMA_VERSION}; "
                              "ingest into a new store")


def test_a_batch_is_written_all_or_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    with pytest.raises(StoreError, match=r"^cannot write to store .*k\.duckdb: "):
        store.write_tables({"documents": [doc("d1")], "mentions": [{"doc_id": "d1", "no_such_column": 1}]})
    assert count(store, "documents") == 0  # the documents written first were rolled back
    store.write_tables({"documents": [doc("d1")], "mentions": [mention("d1", "Vučić")]})
    assert count(store, "documents") == 1 and count(store, "mentions") == 1


def test_writing_a_document_again_replaces_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    store.write_tables({"documents": [doc("d1")], "mentions": [mention("d1", "Vučić")]})
    store.write_tables({"documents": [doc("d1", "Another title")], "mentions": [mention("d1", "Vucic")]})
    assert store.query("SELECT title FROM documents") == [{"title": "Another title"}]
    assert store.query("SELECT text FROM mentions") == [{"text": "Vucic"}]  # keyless rows are not doubled


def test_delete_docs_removes_what_was_stored_for_them(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    store.write_tables({"documents": [doc("d1"), doc("d2")], "mentions": [mention("d1", "A"), mention("d2", "B")]})
    store.write_tables({"documents": []}, delete_docs=["d1"])
    assert store.existing_doc_ids(["d1", "d2", "d3"]) == {"d2"}
    assert store.query("SELECT doc_id FROM mentions") == [{"doc_id": "d2"}]
    assert store.existing_doc_ids([]) == set()


def test_update_rows_changes_only_the_columns_given(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    store.write_tables({"documents": [doc("d1"), doc("d2")]})
    store.update_rows("documents", "doc_id", [{"doc_id": "d2", "title": "Changed"}])
    rows = store.query("SELECT doc_id, title, source_file FROM documents ORDER BY doc_id")
    assert rows == [{"doc_id": "d1", "title": "A title", "source_file": "d1.txt"},
                    {"doc_id": "d2", "title": "Changed", "source_file": "d2.txt"}]


def test_stream_reads_every_row_a_chunk_at_a_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    store.write_tables({"documents": [doc(f"d{n:02d}") for n in range(25)]})
    rows = list(Store(store.path, read_only=True).stream("SELECT doc_id FROM documents ORDER BY doc_id", chunk=4))
    assert [r["doc_id"] for r in rows] == [f"d{n:02d}" for n in range(25)]


def test_a_failing_query_names_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    with pytest.raises(StoreError, match=r"^query failed on .*k\.duckdb: "):
        store.query("SELECT nothing FROM nowhere")


def test_a_session_holds_one_connection_for_its_queries(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.duckdb")
    with store.session():
        with store.connect() as a, store.connect() as b:
            assert a is b
        store.write_tables({"documents": [doc("d1")]})
        assert count(store, "documents") == 1
