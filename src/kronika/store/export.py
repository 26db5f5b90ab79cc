"""Writing every stored event out: PLOVER JSON Lines, CSV, Parquet.

All three go through ``queries.events`` and ``queries.plover_record``, so an export says exactly
what ``kronika events`` says. CSV and Parquet share one flat column set: lists of codes stay lists in
Parquet and become JSON in CSV; nested actor/recipient/location/sources are JSON strings in both.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from kronika.errors import StoreError
from kronika.store.db import Store
from kronika.store.queries import EventFilter, events, plover_record

_LISTS = ("mode", "context", "aux", "actor_codes", "recipient_codes")
_JSON = ("actor", "recipient", "event_loc", "sources")
_FLOATS = ("event_scale", "confidence")
_INTS = ("quad_code", "char_start", "char_end", "n_sources")
FLAT_COLUMNS = ("id", "date", "event", "mode", "context", "aux", "actor_codes", "recipient_codes",
                "actor", "recipient", "event_loc", "event_scale", "quad_code", "cameo_root", "confidence",
                "text", "event_text", "doc_id", "source_file", "outlet", "published", "url",
                "char_start", "char_end", "n_sources", "sources", "coder")


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in events(store, EventFilter()):
        yield plover_record(row)


def flat_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record as one flat row (lists kept as lists, nested objects as JSON text)."""
    cite = rec.get("cite_info") or {}
    flat: dict[str, Any] = {c: rec.get(c) for c in FLAT_COLUMNS}
    for c in ("doc_id", "source_file", "outlet", "published", "url", "char_start", "char_end"):
        flat[c] = cite.get(c)
    flat["actor_codes"] = sorted({a["code"] for a in rec.get("actor") or [] if a.get("code")})
    flat["recipient_codes"] = sorted({a["code"] for a in rec.get("recipient") or [] if a.get("code")})
    for c in _LISTS:
        flat[c] = list(flat[c] or [])
    for c in _JSON:
        flat[c] = json.dumps(rec.get(c), ensure_ascii=False) if rec.get(c) is not None else None
    flat["n_sources"] = rec.get("n_sources") or len(rec.get("sources") or []) or 1
    return flat


def write_plover(store: Store, out: TextIO) -> int:
    """PLOVER JSON, one record a line."""
    n = 0
    for rec in plover_records(store):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(store: Store, out: TextIO) -> int:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(FLAT_COLUMNS)
    n = 0
    for rec in plover_records(store):
        flat = flat_record(rec)
        w.writerow(["" if flat[c] is None else json.dumps(flat[c], ensure_ascii=False)
                    if isinstance(flat[c], list) else flat[c] for c in FLAT_COLUMNS])
        n += 1
    return n


def write_parquet(store: Store, path: str | Path) -> int:
    """The flat rows as one Parquet file, with an explicit schema so an empty store still has columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def kind(c: str) -> pa.DataType:
        if c in _LISTS:
            return pa.list_(pa.string())
        if c in _FLOATS:
            return pa.float64()
        if c in _INTS:
            return pa.int64()
        return pa.string()

    schema = pa.schema([(c, kind(c)) for c in FLAT_COLUMNS])
    rows = [flat_record(rec) for rec in plover_records(store)]
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), str(path))
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from exc
    return len(rows)
