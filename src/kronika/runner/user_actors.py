"""Loading a user's actor list into the store (validated in kronika.actors.userlist)."""

from __future__ import annotations

from kronika.actors.userlist import read_actor_file
from kronika.store import Store
from kronika.store.writes import write_user_actors


def load_user_actors(store: Store, path: str) -> int:
    """Add or replace the listed actors; raises InputError naming the bad row before storing any."""
    actors = read_actor_file(path)
    write_user_actors(store, actors)
    return len(actors)
