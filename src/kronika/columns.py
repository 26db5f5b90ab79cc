"""A column of an output format: its name, its type and what it holds; the codebook is made of these.

Writers take their columns from these lists (CSV headers, Parquet schemas) and ``docs/codebook.md``
is generated from the same lists, so the codebook cannot drift from what is written.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("string", "integer", "float", "boolean", "date", "list", "object", "objects")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # one of KINDS; "list" is a list of strings, "objects" a list of objects (JSON records)
    doc: str  # one sentence for the codebook

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.name}: kind {self.kind!r} is not one of {KINDS}")
