"""The corpus-wide merge step, run after each ingest (any engine): store → actors.merge → store."""

from __future__ import annotations

import json

from kronika.actors.merge import DocEntity, MergedEntity, UserActor, merge
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
    recode_events(store, {(d, k): m for m in merged for d, k in m.members})
    return len(merged)


def recode_events(store: Store, by_member: dict[tuple[str, str], MergedEntity]) -> int:
    """Give events' actors what the corpus knows: the entity id, and the country and sector when the
    document alone did not say (or a user's actor list overrides it)."""
    rows = store.query("SELECT id, doc_id, actor, recipient FROM events "
                       "WHERE len(actor_keys) > 0 OR len(recipient_keys) > 0")
    changed = []
    for r in rows:
        sides = {}
        for side in ("actor", "recipient"):
            refs = json.loads(r[side] or "[]")
            for ref in refs:
                key = ref.pop("entity_key", None)
                m = by_member.get((r["doc_id"], key)) if key else None
                if m is None:
                    continue
                ref["entity_id"] = m.entity_id
                if m.country and (ref.get("code") is None or m.source == "user"):
                    ref["code"] = m.country
                if m.sector and m.source == "user":
                    ref["sector"] = m.sector
            sides[side] = refs
        new_actor = json.dumps(sides["actor"], ensure_ascii=False)
        new_recipient = json.dumps(sides["recipient"], ensure_ascii=False)
        if new_actor != r["actor"] or new_recipient != r["recipient"]:
            changed.append({
                "id": r["id"], "actor": new_actor, "recipient": new_recipient,
                "actor_codes": sorted({a["code"] for a in sides["actor"] if a.get("code")}),
                "recipient_codes": sorted({a["code"] for a in sides["recipient"] if a.get("code")}),
            })
    store.update_rows("events", "id", changed)
    return len(changed)
