"""The embedded DuckDB store: opening it, its schema version, and writing batches in one transaction.

Connections are short-lived on purpose. DuckDB lets one process write or several read a file, not
both at once; holding a connection only for one batch (writers) or one request (the web server) lets
``kronika serve`` keep answering while ``kronika ingest`` writes, each retrying briefly on a lock.
Opening costs ~15 ms (the catalogue is read each time), so a few-second run of many small queries
holds one connection for its length instead (:meth:`Store.session`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from kronika.errors import StoreBusy, StoreError

SCHEMA_VERSION = "2"
# Stores of these versions are brought up to this one when opened for writing (see _migrate).
_MIGRATES = {"1"}
_LOCK_WORDS = ("lock", "Conflicting", "being used", "Could not set lock")


def _is_lock_error(exc: Exception) -> bool:
    return any(w in str(exc) for w in _LOCK_WORDS)


class Store:
    """A kronika store in one DuckDB file."""

    def __init__(self, path: str | Path, *, read_only: bool = False, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `kronika ingest` first)")
        self._held: duckdb.DuckDBPyConnection | None = None
        self._memory_limit: str | None = None
        if not read_only:
            self._ensure_schema()

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold one connection for the block: every query and transaction in it reuses that one.

        Other processes wait for the block to end (or give up after their lock timeout), so it is for
        short, busy stretches like the corpus-wide merge, not for a whole ingest.
        """
        if self._held is not None:
            yield
            return
        with self._open() as con:
            self._held = con
            try:
                yield
            finally:
                self._held = None

    @contextmanager
    def memory_capped(self, limit: str) -> Iterator[None]:
        """Every connection opened in the block caps DuckDB's memory at ``limit`` (e.g. "64MB"): its
        cache of the store's blocks is evicted, and its joins and sorts spill beside the store, rather
        than the memory growing with the tables read. What cannot fit fails (see out_of_memory)."""
        before, self._memory_limit = self._memory_limit, _size(limit)
        try:
            yield
        finally:
            self._memory_limit = before

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection, retried while another process holds the file's lock (or the session's)."""
        if self._held is not None:
            yield self._held
            return
        with self._open() as con:
            yield con

    @contextmanager
    def _open(self) -> Iterator[duckdb.DuckDBPyConnection]:
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.02
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=self.read_only)
                break
            except duckdb.Error as exc:
                if _is_lock_error(exc):
                    if time.monotonic() < deadline:
                        time.sleep(min(delay, max(deadline - time.monotonic(), 0.001)))
                        delay = min(delay * 2, 0.5)
                        continue
                    raise StoreBusy(f"store {self.path} is busy: another process (an ingest?) has held it for "
                                    f"{self.lock_timeout:g} s; try again when it has finished") from exc
                raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        try:
            if self._memory_limit is not None:
                con.execute(f"SET memory_limit = '{self._memory_limit}'")
            yield con
        finally:
            con.close()

    def _ensure_schema(self) -> None:
        sql = resources.files("kronika.store").joinpath("schema.sql").read_text(encoding="utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for store {self.path}: {exc}") from exc
        with self.connect() as con:
            try:
                con.execute(sql)
                row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                if row is None:
                    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
                elif row[0] in _MIGRATES:
                    _migrate(con, sql)
                elif row[0] != SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: schema version {row[0]}, this kronika reads {SCHEMA_VERSION}; "
                        "ingest into a new store"
                    )
            except duckdb.Error as exc:
                raise StoreError(f"cannot prepare store {self.path}: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a parameterised query (``?`` and a sequence, or ``$name`` and a mapping) and return rows
        as dicts."""
        with self.connect() as con:
            try:
                cur = con.execute(sql, dict(params) if isinstance(params, Mapping) else list(params))
            except duckdb.Error as exc:
                raise StoreError(f"query failed on {self.path}: {exc}") from exc
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def query_with(self, sql: str, tables: dict[str, list[dict[str, Any]]], params: Sequence[Any] = ()
                   ) -> list[dict[str, Any]]:
        """A query that also reads some rows given here, each list under its name (a probe table)."""
        import pyarrow as pa

        with self.connect() as con:
            try:
                for name, rows in tables.items():
                    con.register(name, pa.Table.from_pylist(rows))
                cur = con.execute(sql, list(params))
                names = [d[0] for d in cur.description or []]
                return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
            except duckdb.Error as exc:
                raise StoreError(f"query failed on {self.path}: {exc}") from exc
            finally:
                for name in tables:
                    con.unregister(name)

    def replace_rows(self, tables: dict[str, tuple[list[dict[str, Any]], str, Sequence[str]]], *,
                     after: Sequence[str] = (), params: Mapping[str, Any] | None = None) -> None:
        """In one transaction, for each table: delete the rows whose ``key`` is in the ids given, insert
        the rows given; then run the ``after`` statements (with ``params``)."""
        import pyarrow as pa

        with self.transaction() as con:
            for table, (rows, key, ids) in tables.items():
                con.execute(f'DELETE FROM {table} WHERE "{key}" IN (SELECT unnest(?::VARCHAR[]))', [list(ids)])
                if rows:
                    batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB by name
                    cols = ", ".join(f'"{c}"' for c in rows[0])
                    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM batch")
            for sql in after:
                con.execute(sql, dict(params or {}))

    def scalar(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        rows = self.query(sql, params)
        return next(iter(rows[0].values())) if rows else None

    def stream(self, sql: str, params: Sequence[Any] = (), *, chunk: int = 10_000) -> Iterator[dict[str, Any]]:
        """Rows of a query one chunk at a time, for reading more than should sit in memory at once
        (inside a session, read them all before the next query: it would end this one)."""
        with self.connect() as con:
            try:
                cur = con.execute(sql, list(params))
                names = [d[0] for d in cur.description or ()]
                while rows := cur.fetchmany(chunk):
                    for r in rows:
                        yield dict(zip(names, r, strict=True))
            except duckdb.Error as exc:
                raise StoreError(f"query failed on {self.path}: {exc}") from exc

    def existing_doc_ids(self, doc_ids: Sequence[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.query("SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [list(doc_ids)])
        return {r["doc_id"] for r in rows}

    def all_doc_ids(self) -> frozenset[str]:
        return frozenset(r["doc_id"] for r in self.query("SELECT doc_id FROM documents"))

    def write_tables(self, tables: dict[str, list[dict[str, Any]]], *, delete_docs: Sequence[str] = ()) -> None:
        """Insert rows into several tables in one transaction (all or nothing).

        ``delete_docs`` first removes everything stored for those documents, so a forced re-run
        replaces rather than duplicates.
        """
        import pyarrow as pa

        with self.transaction() as con:
            if delete_docs:
                delete_documents(con, delete_docs)
            # A document's rows in the unkeyed tables are replaced per document: a document written
            # twice (two runs racing, a retried write) never doubles them. Only a document stored
            # already can have any (they are written with it), and looking for them reads whole
            # tables: the (keyed) documents are asked first, so adding new documents costs what they hold.
            written = [r["doc_id"] for r in tables.get("documents", [])]
            again = [r[0] for r in con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [written]).fetchall()
            ] if written else []
            if again:
                for table in UNKEYED_DOC_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [again])
            for table, rows in tables.items():
                if not rows:
                    continue
                columns = list(rows[0].keys())
                batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB by name
                cols = ", ".join(f'"{c}"' for c in columns)
                con.execute(f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {cols} FROM batch"
                            if _has_key(table) else
                            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM batch")

    def update_rows(self, table: str, key: str, rows: list[dict[str, Any]]) -> None:
        """Update some columns of many rows at once (matched on ``key``), in one transaction."""
        if not rows:
            return
        import pyarrow as pa

        columns = [c for c in rows[0] if c != key]
        with self.transaction() as con:
            batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB by name
            con.execute(_update_sql(table, key, columns))

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection inside one transaction: committed if the block ends normally, rolled back
        (and reported as a StoreError naming the store) if DuckDB fails."""
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
            except BaseException:
                con.execute("ROLLBACK")
                raise


def _migrate(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """Schema 1 -> 2: the tables that grow with the reports lose their primary keys (each insert read
    and grew a key index as large as the table; see UNKEYED_TABLES), in one transaction."""
    con.execute("BEGIN TRANSACTION")
    keyed = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
    moved = [t for t in UNKEYED_TABLES if t in keyed]
    for table in moved:
        con.execute(f"ALTER TABLE {table} RENAME TO {table}__v1")
    con.execute(schema)  # creates them again, unkeyed, with every column and default
    for table in moved:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}__v1")
        con.execute(f"DROP TABLE {table}__v1")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
    con.execute("COMMIT")


def out_of_memory(exc: BaseException) -> bool:
    """Whether a store error is DuckDB running out of the memory it was allowed (Store.memory_capped)."""
    return isinstance(exc.__cause__, duckdb.OutOfMemoryException)


def _size(limit: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit):
        raise ValueError(f"not a memory size: {limit!r} (say e.g. 64MB)")
    return limit


def _update_sql(table: str, key: str, columns: list[str]) -> str:
    sets = ", ".join(f'"{c}" = u."{c}"' for c in columns)
    return f'UPDATE {table} SET {sets} FROM batch AS u WHERE {table}."{key}" = u."{key}"'


# The tables that hold rows per document: a forced re-run or a better copy replaces all of them.
DOC_TABLES = ("documents", "sentences", "doc_entities", "mentions", "roles", "events", "quotes")
# Those but ``documents`` are replaced per document rather than through a key: a primary key on a table
# that grows with the reports makes every insert read and grow an index as large as the table, so the
# memory of adding 20 articles grew with the store.
UNKEYED_DOC_TABLES = DOC_TABLES[1:]
# Every table that grows with the reports, and has no primary key since schema 2 (the corpus-wide
# steps replace their rows by id, see Store.replace_rows, or per document).
UNKEYED_TABLES = (*UNKEYED_DOC_TABLES, "entity_members", "event_clusters", "quote_claims", "quote_reps")


def delete_documents(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Delete everything stored for these documents, their events' groups and blocks with their events:
    a group row is only ever one of a stored event's (what ``summary.totals`` counts on)."""
    docs = list(doc_ids)
    for table in ("event_clusters", "event_blocks"):
        con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT id FROM events WHERE list_contains(?, doc_id))",
                    [docs])
    for table in ("quote_claims", "quote_reps"):
        con.execute(f"DELETE FROM {table} WHERE quote_id IN (SELECT id FROM quotes WHERE list_contains(?, doc_id))",
                    [docs])
    con.execute("DELETE FROM entity_members WHERE list_contains(?, doc_id)", [docs])
    for table in DOC_TABLES:
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [docs])
# Tables keyed by what they hold: names and words (which grow with the vocabulary, not the reports),
# the documents, entities and settings.
_KEYED = frozenset({"documents", "user_actors", "key_index", "surname_near", "statement_terms", "entities",
                    "meta"})


def _has_key(table: str) -> bool:
    return table in _KEYED
