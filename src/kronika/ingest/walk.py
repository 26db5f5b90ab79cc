"""Expand the paths a user gives into input files, and read them in a stable order.

Folders are walked recursively in sorted order, so two runs over the same folder see the same files in
the same order. Hidden files and folders (``.git``, ``.DS_Store``) and a folder's own notes
(``README*``, ``LICENSE*``: they describe the corpus, they are not articles) and kronika's own store
files (``*.duckdb``) are skipped; a path named explicitly is always read.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import one_line
from ..records import Article, Problem
from .readers import from_bytes, human_size, os_reason, read_file

STDIN = "-"
STDIN_NAME = "<stdin>"


def _is_note(name: str) -> bool:
    """A folder's own notes, and kronika's own store files when the store sits among the articles."""
    return name.upper().startswith(("README", "LICENSE", "LICENCE")) or \
        name.lower().endswith((".duckdb", ".duckdb.wal", ".duckdb.lock"))


def _folder(given: str) -> Iterator[tuple[str, Path] | Problem]:
    """Files under a folder, recursively and sorted; unreadable subfolders become problems."""
    problems: list[Problem] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else given
        problems.append(Problem(where, "ingest", os_reason(exc)))

    found = failed = False
    for root, dirs, files in os.walk(given, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".") and not _is_note(f)):
            found = True
            yield str(Path(root) / name), Path(root) / name
        failed = failed or bool(problems)
        yield from problems
        problems.clear()
    failed = failed or bool(problems)
    yield from problems
    if not found and not failed:
        yield Problem(given, "ingest", "no files in this folder", severity="warning")


def _files(paths: Sequence[str]) -> Iterator[tuple[str, Path | None] | Problem]:
    """(shown name, path) of every input; None as path stands for standard input."""
    for given in paths:
        if given == STDIN:
            yield STDIN_NAME, None
        elif Path(given).is_dir():
            yield from _folder(given)
        else:
            yield given, Path(given)  # a missing or unreadable file is reported when it is read


def count_inputs(paths: Sequence[str]) -> int:
    """How many files (and standard input) :func:`read_paths` will read: a progress bar's total."""
    return sum(1 for item in _files(paths) if not isinstance(item, Problem))


def stdin_bytes(stdin: IO[Any], limit: int) -> bytes:
    """Up to ``limit`` bytes of standard input, as bytes: decoding is the readers' job, as for a file
    (a text stream's decoding would fail later on invalid UTF-8 or binary data)."""
    buffer = getattr(stdin, "buffer", None)
    data = (buffer if buffer is not None else stdin).read(limit)
    return data.encode("utf-8", "surrogateescape") if isinstance(data, str) else bytes(data)


def read_stdin(stdin: IO[Any], *, max_bytes: int) -> Iterator[Article | Problem]:
    """Standard input, read like a file with no extension: text or Markdown, unless it is HTML, JSON
    or JSON lines; invalid UTF-8 replaced with a warning, binary data refused."""
    data = stdin_bytes(stdin, max_bytes + 1)
    if len(data) > max_bytes:
        message = f"input is over the {human_size(max_bytes)} limit (set --max-size)"
        yield Problem(STDIN_NAME, "ingest", message)
        return
    yield from from_bytes(data, source_file=STDIN_NAME, source_path=STDIN_NAME, max_bytes=max_bytes, what="input")


def guard_reading(items: Iterable[Article | Problem], shown: str) -> Iterator[Article | Problem]:
    """One input's articles and problems; a failure nobody foresaw while reading it becomes its problem
    (one line; the traceback kept for --debug), and the other inputs are read as usual."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - isolation boundary: one input never stops the run
        yield Problem(shown, "ingest", f"could not be read ({one_line(exc)}); the rest of it was skipped",
                      detail="".join(traceback.format_exception(exc)))


def read_paths(
    paths: Sequence[str], *, max_bytes: int = 5_000_000, stdin: IO[Any] | None = None
) -> Iterator[Article | Problem]:
    """Every article in ``paths`` (files, folders, "-" for standard input), and every problem met.

    A problem in one input never stops the others; problems carry severity "error" when the input
    (or record) was not read and "warning" when it was read with a caveat.
    """
    for item in _files(paths):
        if isinstance(item, Problem):
            yield item
            continue
        shown, path = item
        if path is None:
            yield from guard_reading(read_stdin(stdin if stdin is not None else sys.stdin, max_bytes=max_bytes),
                                     shown)
        else:
            yield from guard_reading(read_file(path, shown=shown, max_bytes=max_bytes), shown)
