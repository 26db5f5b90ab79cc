"""Writing rows as a table, JSON Lines or CSV (shared by the CLI commands so flags behave alike).

Tables are for reading on a terminal: one line per row whatever the width, long text cut with an
ellipsis, the sentence or title given the room the short columns leave. Machine formats (JSON Lines,
CSV) are never cut.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from kronika.columns import Column
from kronika.errors import FilterError, InputError

# A table written to a file or a pipe has no terminal to fit: this width reads well in a pager and
# in an editor (``COLUMNS`` overrides it).
PIPE_WIDTH = 100
_GAP = 3  # between two columns: padding, the (blank) rule, padding
_FIXED = 12  # a column this narrow (a date, a code, a count) is never cut
_SHARE = 0.2  # a name column's most of the width when a text column wants the room
_MIN_FILL = 20  # the text column's least width before the other columns give way


@dataclass(frozen=True, slots=True)
class TableView:
    """A command's table: its compact default columns, and the one that takes the room the others leave."""

    columns: tuple[str, ...]
    fill: str | None = None


def terminal_width(stream: TextIO) -> int:
    """The terminal's width when ``stream`` is one; ``COLUMNS`` or PIPE_WIDTH otherwise."""
    if stream.isatty():
        return shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
    try:
        return int(os.environ.get("COLUMNS", "")) or PIPE_WIDTH
    except ValueError:
        return PIPE_WIDTH


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_jsonl(rows: Iterable[Mapping[str, object]], out: TextIO) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
        n += 1
    return n


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # what DuckDB and pandas read as booleans
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(_plain(value))


def write_csv(rows: Sequence[Mapping[str, object]], out: TextIO, columns: Sequence[str] | None = None) -> int:
    cols = list(columns or (rows[0].keys() if rows else []))
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return len(rows)


def write_parquet(rows: Sequence[Mapping[str, object]], columns: Sequence[Column], path: str | Path) -> int:
    """The rows as one Parquet file typed by ``columns`` (an empty file still has every column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"string": pa.string(), "integer": pa.int64(), "float": pa.float64(), "boolean": pa.bool_(),
             "date": pa.date32(), "list": pa.list_(pa.string())}
    schema = pa.schema([(c.name, kinds[c.kind]) for c in columns])
    try:
        pq.write_table(pa.Table.from_pylist([{c.name: r.get(c.name) for c in columns} for r in rows],
                                            schema=schema), str(path))
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from exc
    return len(rows)


def render_table(rows: Sequence[Mapping[str, object]], columns: Sequence[str], *, width: int,
                 title: str | None = None, fill: str | None = None) -> str:
    """Rows as a table at most ``width`` characters wide, one line per row.

    ``fill`` names the column that takes the room the others leave (a sentence, a title); the others
    keep their natural width up to a share of the table, and every cut cell ends with an ellipsis.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    cells = [[_short(r.get(c)) for c in columns] for r in rows]
    widths = fit_widths([max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)],
                        [len(c) for c in columns], width - _GAP * (len(columns) - 1),
                        columns.index(fill) if fill in columns else None)
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    for c, w in zip(columns, widths, strict=True):
        table.add_column(c, width=w, no_wrap=True, overflow="ellipsis")
    for row in cells:
        table.add_row(*row)
    buf = io.StringIO()
    Console(file=buf, width=width, force_terminal=False, color_system=None, highlight=False).print(table)
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"


def fit_widths(natural: list[int], headers: list[int], room: int, fill: int | None) -> list[int]:
    """Column widths summing to at most ``room``: short columns whole, long ones cut, ``fill`` widest."""
    if sum(natural) <= room:
        return natural
    widths = list(natural)
    if fill is not None:
        cap = max(_FIXED, int(room * _SHARE))
        widths = [w if i == fill else min(w, max(cap, headers[i])) for i, w in enumerate(widths)]
        spare = room - (sum(widths) - widths[fill])
        widths[fill] = min(natural[fill], max(spare, _MIN_FILL))
        # What the text column does not need goes back to the columns that were capped.
        for i in range(len(widths)):
            spare = room - sum(widths)
            if spare > 0 and i != fill:
                widths[i] = min(natural[i], widths[i] + spare)
    # Still too wide (many columns asked for): cut the widest columns down, never below their header
    # or a fixed column's width.
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda k: widths[k])
        floor = max(min(natural[i], _FIXED), headers[i], 1)
        if widths[i] <= floor:
            break
        widths[i] -= 1
    return widths


def _short(value: Any) -> str:
    """A value on one line: lists joined with commas, every run of white space one space."""
    if isinstance(value, list | tuple):
        text = ", ".join(_short(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = _cell(value)
    return " ".join(text.split())


def pick_columns(asked: str | None, default: Sequence[str], available: Sequence[str]) -> list[str]:
    """The columns of ``--columns a,b,c`` (checked against ``available``), or the default set."""
    if not asked:
        return list(default)
    chosen = [c.strip() for c in asked.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in available]
    if unknown or not chosen:
        raise FilterError(f'--columns: no column "{unknown[0] if unknown else asked}" (choose among '
                          f"{', '.join(available)})")
    return chosen
