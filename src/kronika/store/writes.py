"""Writing what the pipeline made into the store: one function per kind of record, one transaction each.

The runner decides when to write; which tables and columns a record goes to is the store's business
(rows are made in :mod:`kronika.store.rows`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from kronika.actors.userlist import ListedActor
from kronika.records import DocResult, Problem
from kronika.store.db import Store
from kronika.store.rows import problem_rows, result_rows


def write_results(store: Store, results: list[DocResult], *, replace: bool = False) -> None:
    """Every row of a batch of coded documents, in one transaction; ``replace``: first delete what the
    store holds for those documents (a forced re-run replaces rather than duplicates)."""
    store.write_tables(result_rows(results), delete_docs=[r.article.doc_id for r in results] if replace else ())


def write_problems(store: Store, problems: Sequence[Problem]) -> None:
    store.write_tables({"problems": problem_rows(list(problems))})


def write_user_actors(store: Store, actors: Sequence[ListedActor]) -> None:
    """Add or replace a user's listed actors (by name)."""
    store.write_tables({"user_actors": [
        {"name": a.name, "aliases": list(a.aliases), "type": a.type, "country": a.country, "sector": a.sector,
         "roles": json.dumps(a.roles, ensure_ascii=False)} for a in actors]})


def set_meta(store: Store, key: str, value: str) -> None:
    """One entry of the store's ``meta`` table (a flag a later step reads)."""
    store.write_tables({"meta": [{"key": key, "value": value}]})
