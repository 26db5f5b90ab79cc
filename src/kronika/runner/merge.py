"""The corpus-wide merge step, run after each ingest (any engine): store → actors.merge → store."""

from __future__ import annotations

from kronika.actors.merge import DocEntity, UserActor, merge
from kronika.store import Store


def merge_store(store: Store) -> int:
    """Rebuild the store's corpus-wide entities; returns how many there are."""
    rows = store.query("SELECT doc_id, key, name, type, country, sector, aliases, mentions "
                       "FROM doc_entities ORDER BY doc_id, key")
    users = store.query("SELECT name, aliases, type, country, sector FROM user_actors ORDER BY name")
    merged = merge(
        (DocEntity(r["doc_id"], r["key"], r["name"], r["type"], r["country"], r["sector"],
                   tuple(r["aliases"] or ()), r["mentions"] or 0) for r in rows),
        (UserActor(u["name"], tuple(u["aliases"] or ()), u["type"] or "PERSON", u["country"], u["sector"])
         for u in users),
    )
    ents = [{"entity_id": m.entity_id, "name": m.name, "type": m.type, "country": m.country,
             "sector": m.sector, "aliases": list(m.aliases), "mentions": m.mentions,
             "documents": m.documents, "source": m.source} for m in merged]
    members = [{"entity_id": m.entity_id, "doc_id": d, "key": k} for m in merged for d, k in m.members]
    store.replace_tables({
        "entities": (ents, ["entity_id", "name", "type", "country", "sector", "aliases", "mentions",
                            "documents", "source"]),
        "entity_members": (members, ["entity_id", "doc_id", "key"]),
    })
    return len(merged)
