"""The only package that imports DuckDB: the store, its queries and exports."""

from kronika.store.db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
