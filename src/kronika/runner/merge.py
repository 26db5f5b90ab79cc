"""The corpus-wide merge step, run after each ingest (any engine): store → actors.merge → store.

DuckDB sums the documents' entities per key (so Python sees one row per distinct key, however many
articles there are), the pure merge maps keys to entities, and the store joins the map back to every
document. Events are recoded from the sides their document gave them (``actor_doc``), and only those
whose keys the merge moved or re-coded, plus the ones never recoded: a small ingest into a large store
touches few events, and an interrupted run simply redoes the rest next time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kronika.actors.merge import KeyEntity, MergedEntity, UserActor, merge
from kronika.store import Store

# One row per key, in the order keys first occur (document id, then key), with its names, countries
# and sectors counted over documents and listed in the order first seen.
_KEYS_SQL = """
WITH d AS (SELECT doc_id, key, name, type, country, sector, aliases, coalesce(mentions, 0) AS mentions
           FROM doc_entities),
f AS (SELECT key, name AS form, CASE WHEN mentions = 0 THEN 1 ELSE mentions END AS n, doc_id || '#00000' AS pos
      FROM d
      UNION ALL
      SELECT key, form, 1, doc_id || '#' || lpad(i::VARCHAR, 5, '0')
      FROM (SELECT key, doc_id, unnest(aliases) AS form, unnest(range(1, len(aliases) + 1)) AS i FROM d
            WHERE len(aliases) > 0)),
forms AS (SELECT key, list([form, n::VARCHAR] ORDER BY first) AS forms
          FROM (SELECT key, form, sum(n) AS n, min(pos) AS first FROM f GROUP BY key, form) GROUP BY key),
countries AS (SELECT key, list([country, n::VARCHAR] ORDER BY first) AS countries
              FROM (SELECT key, country, count(*) AS n, min(doc_id) AS first FROM d
                    WHERE country IS NOT NULL AND country <> '' GROUP BY key, country) GROUP BY key),
sectors AS (SELECT key, list([sector, n::VARCHAR] ORDER BY first) AS sectors
            FROM (SELECT key, sector, count(*) AS n, min(doc_id) AS first FROM d
                  WHERE sector IS NOT NULL AND sector <> '' GROUP BY key, sector) GROUP BY key)
SELECT k.key, k.type, k.mentions, forms.forms, countries.countries, sectors.sectors
FROM (SELECT key, arg_min(type, doc_id) AS type, sum(mentions) AS mentions, min(doc_id) AS first
      FROM d GROUP BY key) k
LEFT JOIN forms USING (key) LEFT JOIN countries USING (key) LEFT JOIN sectors USING (key)
ORDER BY k.first, k.key
"""

_ENTITY_COLUMNS = ["entity_id", "name", "type", "country", "sector", "aliases", "mentions", "documents",
                   "source"]
_MAP_COLUMNS = ["key", "entity_id", "country", "sector", "source"]
_CHUNK = 5000  # events recoded per transaction


def merge_store(store: Store) -> int:
    """Rebuild the store's corpus-wide entities and recode the events that need it; returns how many
    entities there are."""
    users = store.query("SELECT name, aliases, type, country, sector FROM user_actors ORDER BY name")
    merged = merge(
        (_key_entity(r) for r in store.query(_KEYS_SQL)),
        (UserActor(u["name"], tuple(u["aliases"] or ()), u["type"] or "PERSON", u["country"], u["sector"])
         for u in users),
    )
    _write(store, merged)
    recode_events(store)
    return len(merged)


def _counts(pairs: Iterable[list[str]] | None) -> tuple[tuple[str, int], ...]:
    return tuple((v, int(n)) for v, n in pairs or ())


def _key_entity(r: dict[str, Any]) -> KeyEntity:
    return KeyEntity(r["key"], r["type"], _counts(r["forms"]), _counts(r["countries"]),
                     _counts(r["sectors"]), int(r["mentions"] or 0))


def _write(store: Store, merged: list[MergedEntity]) -> None:
    """Swap in the entities, the key map and the members; flag events whose keys changed entity."""
    import pyarrow as pa

    ents = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB by name
        [{"entity_id": m.entity_id, "name": m.name, "type": m.type, "country": m.country, "sector": m.sector,
          "aliases": list(m.aliases), "mentions": m.mentions, "documents": 0, "source": m.source}
         for m in merged],
        schema=pa.schema([("entity_id", pa.string()), ("name", pa.string()), ("type", pa.string()),
                          ("country", pa.string()), ("sector", pa.string()), ("aliases", pa.list_(pa.string())),
                          ("mentions", pa.int64()), ("documents", pa.int64()), ("source", pa.string())]))
    keymap = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB by name
        [{"key": k, "entity_id": m.entity_id, "country": m.country, "sector": m.sector, "source": m.source}
         for m in merged for k in m.keys],
        schema=pa.schema([(c, pa.string()) for c in _MAP_COLUMNS]))
    cols = ", ".join(_MAP_COLUMNS)
    with store.transaction() as con:
        # Keys whose entity, country, sector or source differ from the last merge's (or are new).
        con.execute(
            "UPDATE events SET resolved = false WHERE resolved AND list_has_any(actor_keys || recipient_keys, "
            "(SELECT coalesce(list(n.key), []) FROM keymap n LEFT JOIN entity_keys o USING (key) "
            "WHERE o.key IS NULL OR (n.entity_id, n.country, n.sector, n.source) "
            "IS DISTINCT FROM (o.entity_id, o.country, o.sector, o.source)))")
        con.execute("DELETE FROM entity_keys")
        con.execute(f"INSERT INTO entity_keys ({cols}) SELECT {cols} FROM keymap")
        con.execute("DELETE FROM entity_members")
        con.execute("INSERT INTO entity_members (entity_id, doc_id, key) "
                    "SELECT m.entity_id, d.doc_id, d.key FROM doc_entities d JOIN keymap m USING (key)")
        con.execute("DELETE FROM entities")
        con.execute(f"INSERT INTO entities ({', '.join(_ENTITY_COLUMNS)}) SELECT {', '.join(_ENTITY_COLUMNS)} "
                    "FROM ents")
        con.execute("UPDATE entities SET documents = c.n FROM (SELECT entity_id, count(DISTINCT doc_id) AS n "
                    "FROM entity_members GROUP BY entity_id) c WHERE entities.entity_id = c.entity_id")
        # Events with no keys have nothing to recode.
        con.execute("UPDATE events SET resolved = true WHERE NOT coalesce(resolved, false) "
                    "AND len(actor_keys) = 0 AND len(recipient_keys) = 0")


def recode_events(store: Store) -> int:
    """Give events' actors what the corpus knows: the entity id, and the country and sector when the
    document alone did not say (or a user's actor list overrides it). Returns how many were recoded."""
    by_key = {r["key"]: r for r in store.query(f"SELECT {', '.join(_MAP_COLUMNS)} FROM entity_keys")}
    done = 0
    while True:
        rows = store.query(
            "SELECT id, coalesce(actor_doc, actor) AS actor, coalesce(recipient_doc, recipient) AS recipient "
            "FROM events WHERE NOT coalesce(resolved, false) ORDER BY id LIMIT ?", [_CHUNK])
        if not rows:
            return done
        store.update_rows("events", "id", [_recode(r, by_key) for r in rows])
        done += len(rows)


def _recode(r: dict[str, Any], by_key: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sides = {}
    for side in ("actor", "recipient"):
        refs = json.loads(r[side] or "[]")
        for ref in refs:
            key = ref.pop("entity_key", None)
            m = by_key.get(key) if key else None
            if m is None:
                continue
            ref["entity_id"] = m["entity_id"]
            if m["country"] and (ref.get("code") is None or m["source"] == "user"):
                ref["code"] = m["country"]
            if m["sector"] and m["source"] == "user":
                ref["sector"] = m["sector"]
        sides[side] = refs
    return {"id": r["id"], "actor": json.dumps(sides["actor"], ensure_ascii=False),
            "recipient": json.dumps(sides["recipient"], ensure_ascii=False),
            "actor_codes": sorted({a["code"] for a in sides["actor"] if a.get("code")}),
            "recipient_codes": sorted({a["code"] for a in sides["recipient"] if a.get("code")}),
            "resolved": True}
