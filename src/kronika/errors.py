"""The exception tree every kronika failure belongs to.

Errors are picklable (``__reduce__``) so they survive a trip through a Ray or multiprocessing worker.
"""

from __future__ import annotations


class KronikaError(Exception):
    """Base of every error kronika raises on purpose."""


class InputError(KronikaError):
    """Bad input: names the file, and the line and field where known."""

    def __init__(self, path: str, reason: str, line: int | None = None, field: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        from kronika.records import location

        return f"{location(self.path, self.line, self.field)}: {self.reason}"

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None, str | None]]:
        return (InputError, (self.path, self.reason, self.line, self.field))


class StoreError(KronikaError):
    """The DuckDB store cannot be opened, read or written."""


class ConfigError(KronikaError):
    """A configuration, lexicon or gazetteer file is invalid."""


class QueryError(KronikaError):
    """A query parameter (actor, dyad, date, category...) is not valid."""


class StoreBusy(StoreError):
    """Another process holds the store's lock for longer than this one would wait."""


class IngestInterrupted(KronikaError):
    """An ingest stopped by Ctrl-C or SIGTERM: what it had committed stays in the store."""

    def __init__(self, stored: int, step: str, summary: object = None) -> None:
        self.stored = stored
        self.step = step  # what was running: "coding" | "merge" | "corroboration"
        self.summary = summary
        super().__init__(f"interrupted during {step}")


def one_line(exc: BaseException, limit: int = 200) -> str:
    """An exception as one short line: ``RecursionError: maximum recursion depth exceeded``."""
    text = " ".join(str(exc).split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class FilterError(QueryError):
    """A parameter value that can never select anything: a date not on the calendar, an unknown
    category, a column that does not exist (the API answers 400, the CLI exits with a usage error)."""


class NoMatch(KronikaError):
    """Valid filters that select nothing in this store (the CLI says so on stderr and exits with 3)."""
