"""One ingest at a time per store: an exclusive lock on a file beside it.

DuckDB locks the file only while a connection is open, and ingest opens one per write so that
``kronika serve`` can read in between. Two ingests would therefore interleave their writes and each
redo the corpus-wide steps over the other's half-written rows. The lock is the kernel's (``flock``): it
is released when the process ends, however it ends, kill -9 included, so it never goes stale.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kronika.errors import StoreBusy, StoreError

try:
    import fcntl
except ImportError:  # Windows: no flock; concurrent ingests are then the user's to avoid
    fcntl = None  # type: ignore[assignment]


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".lock")


@contextmanager
def ingest_lock(store: Path) -> Iterator[None]:
    """Hold the store's ingest lock for the block, or raise StoreBusy at once if another process has it."""
    if fcntl is None:
        yield
        return
    path = lock_path(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot create {path} (the store's ingest lock): {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").split()
            by = f" (process {holder[0]})" if holder and holder[0].isdigit() else ""
            raise StoreBusy(f"{store}: another kronika ingest{by} is writing to this store; wait for it to "
                            "finish, or ingest into another --db") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def note_step(store: Path, step: str) -> None:
    """Write the step the ingest holding the lock is in beside its process id (``"4711 merge"``): one
    can watch a run from outside while it holds the store's file."""
    if fcntl is None:
        return
    me = str(os.getpid())
    try:
        with open(lock_path(store), "r+", encoding="ascii") as f:
            if f.read(64).split()[:1] != [me]:
                return  # not this process's lock
            f.seek(0)
            f.truncate()
            f.write(f"{me} {step}")
    except (OSError, UnicodeDecodeError):
        return  # a note, not a duty


def ingest_running(store: Path) -> bool:
    """Whether an ingest holds the store's lock right now (a read command then says so, rather than
    calling the store's unfinished state an interruption)."""
    path = lock_path(store)
    if fcntl is None or not path.exists():
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases a shared lock taken above
    return False
