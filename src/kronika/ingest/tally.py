"""How many files and articles an ingest will read: the total of a progress display.

A text, Markdown or HTML file is one article; a JSON Lines, CSV or JSON-array file holds one per
line, row or element, so those are read once more here to count them (lines and rows only, nothing is
parsed into articles). The count is what the readers will try: a bad line still counts, as it still
ends up done (as a problem). Standard input cannot be read twice, so with it the total is unknown.

Counting never fails and never waits: what the readers refuse (a named pipe or device, a file over the
size limit) or cannot parse (deep nesting, broken quoting) counts as one article, as it ends up one
problem.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from collections.abc import Sequence
from pathlib import Path

from ..records import Problem
from .readers import FORMATS
from .walk import _files


def expected_inputs(paths: Sequence[str], *, count_articles: bool = True, max_bytes: int = 5_000_000
                    ) -> tuple[int, int | None]:
    """(files, articles) the readers will go through; articles is None when it cannot be known
    (standard input) or was not asked for."""
    files = 0
    articles: int | None = 0
    for item in _files(paths):
        if isinstance(item, Problem):
            continue
        files += 1
        _, path = item
        if path is None:
            articles = None
        elif articles is not None and count_articles:
            articles += _articles_in(path, max_bytes)
    return files, articles if count_articles else None


def _articles_in(path: Path, max_bytes: int) -> int:
    fmt = FORMATS.get(path.suffix.lower(), "txt")
    if fmt not in ("jsonl", "csv", "json"):
        return 1
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return 1  # not read (a pipe would wait for a writer forever): one problem
        data = path.read_bytes()
    except OSError:
        return 1  # reported as one failed input when it is read
    try:
        return _count(fmt, data)
    except Exception:  # noqa: BLE001 - a total is only an estimate; the readers report what is wrong
        return 1


def _count(fmt: str, data: bytes) -> int:
    if fmt == "jsonl":
        return max(1, sum(1 for line in data.splitlines() if line.strip()))
    text = data.decode("utf-8", errors="replace")
    if fmt == "csv":  # rows end where lines end outside quotes, whatever the delimiter
        if csv.field_size_limit() < len(text):
            csv.field_size_limit(len(text))  # one field may hold a whole article
        rows = csv.reader(io.StringIO(text, newline=""))
        try:
            return max(1, sum(1 for row in rows if any(cell.strip() for cell in row)) - 1)
        except csv.Error:
            return 1
    try:
        found = json.loads(text)
    except json.JSONDecodeError:
        return max(1, sum(1 for line in text.splitlines() if line.strip()))  # JSON Lines named .json
    return len(found) if isinstance(found, list) else 1
