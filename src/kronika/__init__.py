"""kronika: a chronicle of political events from news articles, coded in PLOVER.

The public API is small on purpose: ingest articles into a store, then read the store.
"""

from importlib.metadata import version
from typing import Any

from kronika.errors import ConfigError, InputError, KronikaError, QueryError, StoreError
from kronika.records import ActorRef, Article, Citation, Entity, Event, Problem, Quote, Role

__version__ = version("kronika")  # from the installed metadata: pyproject.toml is the one place it is written

__all__ = [
    "ActorRef",
    "Article",
    "Citation",
    "ConfigError",
    "Entity",
    "Event",
    "IngestSummary",
    "InputError",
    "KronikaError",
    "Problem",
    "QueryError",
    "Quote",
    "Role",
    "Store",
    "StoreError",
    "run_ingest",
]


def __getattr__(name: str) -> Any:
    # Loaded on first use: importing a record type must not pull in spaCy, DuckDB or Ray.
    if name in ("run_ingest", "IngestSummary"):
        from kronika import runner

        return getattr(runner, name)
    if name == "Store":
        from kronika.store import Store

        return Store
    raise AttributeError(f"module 'kronika' has no attribute {name!r}")
