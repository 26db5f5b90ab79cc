"""Whether the last ingest finished its corpus-wide steps: one marker in the store's ``meta`` table.

The marker is set before an ingest writes its first document and cleared once corroboration has
finished. A store left by an interrupted run (Ctrl-C, kill -9, a crash, a full disk) holds documents
whose actors are not merged or whose events are not grouped, and looks finished; the marker makes it
say so to every command that reads it, and the next ingest finishes the job first.
"""

from __future__ import annotations

from pathlib import Path

from kronika.errors import StoreError
from kronika.store.db import Store

KEY = "unfinished_ingest"
FULL_KEY = "unfinished_full"  # the interrupted run replaced stored articles (--force): recompute everything
# The step a run was in, and how the warning says it.
STEPS = {
    "coding": "while coding articles, before the actor merge and corroboration",
    "merge": "during the actor merge, before corroboration",
    "corroboration": "during corroboration",
}


def mark(store: Store, step: str, *, full: bool = False) -> None:
    """Record that an ingest is at ``step`` (and has not finished); ``full``: that its corpus-wide steps
    must go over every document (it replaced stored ones)."""
    from kronika.store.writer_lock import note_step

    if step not in STEPS:
        raise ValueError(f"unknown ingest step {step!r}")
    store.write_tables({"meta": [{"key": KEY, "value": step}] + ([{"key": FULL_KEY, "value": "1"}] if full else [])})
    note_step(store.path, step)


def clear(store: Store) -> None:
    """Record that the corpus-wide steps have finished."""
    with store.transaction() as con:
        con.execute("DELETE FROM meta WHERE key = ? OR key = ?", [KEY, FULL_KEY])


def unfinished_full(store: Store) -> bool:
    """Whether the interrupted ingest's corpus-wide steps were to go over every document."""
    return bool(store.scalar("SELECT count(*) FROM meta WHERE key = ?", [FULL_KEY]))


def unfinished(store: Store) -> str | None:
    """The step the last ingest was interrupted in, or None when it finished (or the store is new)."""
    try:
        value = store.scalar("SELECT value FROM meta WHERE key = ?", [KEY])
    except StoreError:
        return None  # a store from before the marker, or not a kronika store: the command itself says so
    return str(value) if value in STEPS else None


def warning(step: str) -> str:
    """What a command reading the store says about an unfinished ingest."""
    return (f"the last ingest was interrupted {STEPS.get(step, step)}: actors and corroborated events are "
            "not up to date; run kronika ingest again to finish it")


RUNNING = ("an ingest is writing to this store right now: its actors and corroborated events are complete "
           "once it finishes")


def store_warning(path: str | Path) -> str | None:
    """What a command reading the store at ``path`` should say before it answers: an ingest running,
    or one interrupted before it finished; None when the store is whole (or missing: the command
    itself reports that)."""
    from kronika.store.writer_lock import ingest_running

    path = Path(path)
    if not path.exists():
        return None
    if ingest_running(path):
        return RUNNING
    try:
        step = unfinished(Store(path, read_only=True, lock_timeout=2.0))
    except StoreError:
        return None
    return warning(step) if step else None
