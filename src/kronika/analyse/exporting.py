"""`kronika export`: every event as PLOVER JSON Lines, CSV or Parquet, or the actor network as GraphML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kronika.analyse.network import build_network, write_graphml
from kronika.errors import InputError
from kronika.store import Store
from kronika.store.export import write_csv, write_parquet, write_plover

EXPORT_FORMATS = ("plover", "csv", "parquet", "graphml")


def export_store(store: Store, fmt: str, output: str, *, stdout: TextIO) -> int:
    """Write the store to ``output`` ("-" is ``stdout``); returns the number of events (GraphML: edges)."""
    if fmt == "parquet":
        if output == "-":
            raise InputError("-", "Parquet is binary and is not written to standard output; "
                                  "give a file, e.g. -o events.parquet")
        return write_parquet(store, output)
    writers: dict[str, Callable[[Store, TextIO], int]] = {
        "plover": write_plover, "csv": write_csv,
        "graphml": lambda s, out: write_graphml(build_network(s), out)}
    if fmt not in writers:
        raise InputError(output, f'unknown export format "{fmt}" (one of {", ".join(EXPORT_FORMATS)})')
    if output == "-":
        return writers[fmt](store, stdout)
    try:
        with Path(output).open("w", encoding="utf-8", newline="") as out:
            return writers[fmt](store, out)
    except OSError as exc:
        raise InputError(output, f"cannot write: {exc.strerror}") from exc
