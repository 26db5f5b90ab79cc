"""Writing events out: PLOVER JSON Lines, the flat rows as CSV or Parquet, CAMEO-style CSV, GraphML.

`kronika export` and `kronika events --format csv|parquet|plover|jsonl` both write through
:func:`write_events`, so the same filters give the same rows in the same columns either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kronika.analyse.cameo import CAMEO_COLUMNS, cameo_rows
from kronika.analyse.flat import FLAT_COLUMNS, flat_record
from kronika.analyse.listing import checked_filter
from kronika.analyse.network import build_network, write_graphml
from kronika.errors import FilterError, InputError
from kronika.output import write_csv, write_jsonl, write_parquet
from kronika.store import Store
from kronika.store.checks import Spelling, option_name
from kronika.store.filters import EventQuery
from kronika.store.queries import EventFilter, events
from kronika.store.stored import StoredEvent

EXPORT_FORMATS = ("plover", "csv", "parquet", "cameo", "graphml")
EVENT_FORMATS = ("plover", "jsonl", "csv", "parquet", "cameo")  # what write_events writes


def export_db(db: str, fmt: str, output: str, q: EventQuery | None = None, *, stdout: TextIO,
              spell: Spelling = option_name) -> int:
    """``kronika export``: the user's filters checked (NoMatch when they select nothing), then written."""
    store = Store(db, read_only=True)
    return export_store(store, fmt, output, stdout=stdout, where=checked_filter(store, q or EventQuery(), spell))


def export_store(store: Store, fmt: str, output: str, *, stdout: TextIO, where: EventFilter | None = None) -> int:
    """Write the events matching ``where`` (all by default) to ``output`` ("-" is ``stdout``).

    Returns the number of events written (GraphML: the network's edges).
    """
    f = where or EventFilter()
    if fmt == "graphml":
        with open_output(output, stdout) as out:
            return write_graphml(build_network(store, where=f), out)
    if fmt not in EVENT_FORMATS:
        raise InputError(output, f'unknown export format "{fmt}" (one of {", ".join(EXPORT_FORMATS)})')
    return write_events(events(store, f), fmt, output, stdout=stdout)


def write_events(evs: Iterable[StoredEvent], fmt: str, output: str, *, stdout: TextIO,
                 columns: Sequence[str] | None = None) -> int:
    """Events written as ``fmt``: PLOVER records (``jsonl``: with kronika's ``explain`` field), flat rows
    (``columns`` picks them), CAMEO-style rows."""
    if columns and fmt not in ("csv", "parquet"):
        raise FilterError(f"--columns picks CSV or Parquet columns; --format {fmt} writes whole records")
    if fmt == "parquet" and output == "-":
        raise InputError("-", "Parquet is binary and is not written to standard output; "
                              "give a file, e.g. -o events.parquet")
    if fmt in ("plover", "jsonl"):
        with open_output(output, stdout) as out:
            return write_jsonl((ev.to_explained() if fmt == "jsonl" else ev.to_plover() for ev in evs), out)
    if fmt == "cameo":
        rows = [row for ev in evs for row in cameo_rows(ev)]
        with open_output(output, stdout) as out:
            write_csv(rows, out, [c.name for c in CAMEO_COLUMNS])
        return len({r["id"] for r in rows})
    by_name = {c.name: c for c in FLAT_COLUMNS}
    chosen = [by_name[n] for n in columns] if columns else list(FLAT_COLUMNS)
    flat = [flat_record(ev) for ev in evs]
    if fmt == "parquet":
        return write_parquet(flat, chosen, output)
    with open_output(output, stdout) as out:
        return write_csv(flat, out, [c.name for c in chosen])


@contextmanager
def open_output(output: str, stdout: TextIO) -> Iterator[TextIO]:
    """``output`` opened for writing text, or ``stdout`` for "-"."""
    if output == "-":
        yield stdout
        return
    try:
        with Path(output).open("w", encoding="utf-8", newline="") as out:
            yield out
    except OSError as exc:
        raise InputError(output, f"cannot write: {exc.strerror}") from exc
