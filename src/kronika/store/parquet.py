"""Taking in Parquet shards written by workers (the Ray engine), one transaction per shard.

A shard is a folder with one ``<table>.parquet`` per table, every row tagged with ``_copy``: which
article of the shard it belongs to. The driver decides which copies to keep (the same article read
twice is stored once, and always the same copy), so the filter happens here, in DuckDB, without the
rows ever passing through Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from kronika.errors import StoreError
from kronika.store.db import UNKEYED_DOC_TABLES, Store, _has_key, delete_documents


def load_shard(store: Store, files: Mapping[str, Path], *, keep: Sequence[int],
               delete_docs: Sequence[str] = ()) -> int:
    """Insert the kept copies' rows of each table's Parquet file, after deleting ``delete_docs``.

    All or nothing: one transaction for the whole shard. Returns the number of rows inserted.
    """
    inserted = 0
    with store.connect() as con:
        try:
            con.execute("BEGIN TRANSACTION")
            if delete_docs:
                delete_documents(con, delete_docs)
            if keep and "documents" in files:
                # Rows of the unkeyed tables are replaced per document (see Store.write_tables).
                again = [r[0] for r in con.execute(
                    "SELECT doc_id FROM read_parquet(?) WHERE list_contains(?, _copy) "
                    "AND doc_id IN (SELECT doc_id FROM documents)", [str(files["documents"]), list(keep)]).fetchall()]
                for table in UNKEYED_DOC_TABLES if again else ():
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [again])
            if keep:
                for table, path in files.items():
                    verb = "INSERT OR REPLACE" if _has_key(table) else "INSERT"
                    row = con.execute(
                        f"{verb} INTO {table} BY NAME SELECT * EXCLUDE (_copy) FROM read_parquet(?) "
                        "WHERE list_contains(?, _copy)", [str(path), list(keep)]).fetchone()
                    inserted += int(row[0]) if row else 0
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot take shard {Path(next(iter(files.values()), '')).parent} "
                             f"into store {store.path}: {exc}") from exc
    return inserted
