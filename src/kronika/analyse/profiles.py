"""Actor profiles: an entity with its aliases and roles over time."""

from __future__ import annotations

from typing import Any

from kronika.errors import QueryError
from kronika.store import Store
from kronika.store.queries import actor, actors


def actor_rows(db: str) -> list[dict[str, Any]]:
    return actors(Store(db, read_only=True))


def actor_profile(db: str, name: str) -> dict[str, Any]:
    found = actor(Store(db, read_only=True), name)
    if found is None:
        raise QueryError(f'no actor called "{name}" in {db} (try `kronika actors` for the list)')
    return found


def render_profile(p: dict[str, Any]) -> str:
    lines = [f"{p['name']}  ({p['type']}, {p['country'] or 'country unknown'}, {p['sector'] or '-'})",
             f"aliases: {', '.join(p['aliases']) or '-'}",
             f"mentions: {p['mentions']} in {p['documents']} documents", "roles:"]
    for r in p["roles"]:
        span = " → ".join(x for x in (r.get("since") or r.get("first_seen"), r.get("until")
                                      or r.get("last_seen")) if x)
        flag = " (former)" if r.get("former") else ""
        lines.append(f"  {span or 'undated':<25} {r['title']} [{r['sector'] or '-'}, "
                     f"{r['country'] or '-'}]{flag}")
    return "\n".join(lines)
