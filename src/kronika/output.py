"""Writing rows as a table, JSON Lines or CSV (shared by the CLI commands so flags behave alike)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, TextIO


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
        n += 1
    return n


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(_plain(value))


def write_csv(rows: Sequence[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None) -> int:
    cols = list(columns or (rows[0].keys() if rows else []))
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return len(rows)


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None,
                 width: int | None = None) -> str:
    """A rich table as text (rich decides wrapping; width=None means the terminal's)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*[_short(r.get(c)) for c in columns])
    buf = io.StringIO()
    Console(file=buf, width=width or 160, force_terminal=False, color_system=None).print(table)
    return buf.getvalue()


def _short(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_short(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = _cell(value)
    return text if len(text) <= 120 else text[:117] + "..."
