"""How many files and articles an ingest will read: the total of a progress display.

A text, Markdown or HTML file is one article; a JSON Lines, CSV or JSON-array file holds one per
line, row or element, so those are read once more here to count them (lines and rows only, nothing is
parsed into articles). The count is what the readers will try: a bad line still counts, as it still
ends up done (as a problem). Standard input cannot be read twice, so with it the total is unknown.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from ..records import Problem
from .readers import FORMATS
from .walk import _files


def expected_inputs(paths: Sequence[str], *, count_articles: bool = True) -> tuple[int, int | None]:
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
            articles += _articles_in(path)
    return files, articles if count_articles else None


def _articles_in(path: Path) -> int:
    fmt = FORMATS.get(path.suffix.lower(), "txt")
    if fmt not in ("jsonl", "csv", "json"):
        return 1
    try:
        data = path.read_bytes()
    except OSError:
        return 1  # reported as one failed input when it is read
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
