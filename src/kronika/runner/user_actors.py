"""Loading a user's actor list into the store (validated in kronika.actors.userlist)."""

from __future__ import annotations

import json

from kronika.actors.userlist import read_actor_file
from kronika.store import Store


def load_user_actors(store: Store, path: str) -> int:
    """Add or replace the listed actors; raises InputError naming the bad row before storing any."""
    actors = read_actor_file(path)
    rows = [{"name": a.name, "aliases": list(a.aliases), "type": a.type, "country": a.country,
             "sector": a.sector, "roles": json.dumps(a.roles, ensure_ascii=False)} for a in actors]
    store.write_tables({"user_actors": rows})
    return len(rows)
