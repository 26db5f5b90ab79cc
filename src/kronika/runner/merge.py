"""The corpus-wide merge step, run after each ingest (any engine): store → actors.merge → store.

DuckDB sums the documents' entities per key (so Python sees one row per distinct key, however many
articles there are), the pure merge maps keys to entities, and the store joins the map back to every
document. Events are recoded from the sides their document gave them (``actor_doc``), and only those
whose keys the merge moved or re-coded, plus the ones never recoded: a small ingest into a large store
touches few events, and an interrupted run simply redoes the rest next time.

An update merges only the keys its new documents bring and those they can be merged with. The merge
joins keys only through surnames (one name's spelling variants, a surname alone, a surname taken for
an organisation) and names a person's surname alone only when no other person has it, so a *surname
family* (every key whose last word is a surname or a spelling variant of one in the family) is merged
the same alone as with the whole store: the update merges the families of its new keys, found through
the store's ``key_index`` and ``surname_near``, and swaps in their entities. Users' actor lists join
keys by any alias, so with one loaded the merge is done whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kronika.actors.merge import KeyEntity, MergedEntity, UserActor, _name, merge, one_letter_deletions
from kronika.actors.normalize import surname_variant
from kronika.lang.en import fold
from kronika.store import Store

# One row per key, in the order keys first occur (document id, then key), with its names, countries
# and sectors counted over documents and listed in the order first seen.
_KEYS_SQL = """
WITH d AS (SELECT doc_id, key, name, type, country, sector, aliases, coalesce(mentions, 0) AS mentions
           FROM doc_entities WHERE {keys}),
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


_PENDING = "SELECT doc_id FROM documents WHERE NOT coalesce(merged, false)"
MERGE_ALL = "merge_all"  # in meta: a users' actor list was loaded, so the next merge goes over every key


def merge_store(store: Store, *, full: bool = False) -> int:
    """Merge the entities of the documents not merged yet (``full``: of every document) into the
    store's corpus-wide entities and recode the events that need it; returns how many entities
    there are."""
    users = [UserActor(u["name"], tuple(u["aliases"] or ()), u["type"] or "PERSON", u["country"], u["sector"])
             for u in store.query("SELECT name, aliases, type, country, sector FROM user_actors ORDER BY name")]
    pending = [r["doc_id"] for r in store.query(_PENDING)]
    full = full or bool(store.scalar("SELECT count(*) FROM meta WHERE key = ?", [MERGE_ALL]))
    if pending or full:
        full = full or bool(users) or not store.scalar("SELECT count(*) FROM entity_keys")
        new_keys = [r["key"] for r in store.query(
            "SELECT DISTINCT key FROM doc_entities WHERE " + ("true" if full else "doc_id IN (SELECT unnest(?))"),
            [] if full else [pending])]
        _index_keys(store, new_keys, full=full)
        if full:
            merged = merge((_key_entity(r) for r in store.query(_KEYS_SQL.format(keys="true"))), users)
            _write(store, merged, None, pending)
        else:
            keys = _families(store, new_keys)
            while True:
                merged = merge((_key_entity(r) for r in store.query(
                    _KEYS_SQL.format(keys="key IN (SELECT unnest(?))"), [sorted(keys)])), users)
                wider = _outside_surnames(merged, keys, store)
                if not wider:
                    break
                keys = _families(store, sorted(keys | wider))
            _write(store, merged, sorted(keys), pending)
        with store.transaction() as con:
            con.execute("DELETE FROM meta WHERE key = ?", [MERGE_ALL])
    recode_events(store)
    return int(store.scalar("SELECT count(*) FROM entities"))


def key_lasts(key: str) -> set[str]:
    """The surnames a key can be merged through: its last word, and a one-word name whole."""
    name = _name(key)
    parts = fold(name).replace("-", " ").split()
    out = {parts[-1]} if parts else set()
    if " " not in name:
        out.add(fold(name))
    return out


def _index_keys(store: Store, keys: list[str], *, full: bool) -> None:
    rows = [{"key": k, "last": last} for k in keys for last in key_lasts(k)]
    near = [{"del": d, "last": last} for last in {r["last"] for r in rows} for d in one_letter_deletions(last)]
    with store.transaction() as con:
        if full:
            con.execute("DELETE FROM key_index")
            con.execute("DELETE FROM surname_near")
    store.write_tables({"key_index": rows, "surname_near": near})


def _families(store: Store, keys: list[str]) -> set[str]:
    """The keys, and every key of the surname families they belong to."""
    lasts: set[str] = {last for k in keys for last in key_lasts(k)}
    frontier = set(lasts)
    while frontier:
        dels = sorted({d for last in frontier for d in one_letter_deletions(last)})
        found = {r["last"] for r in store.query(
            "SELECT DISTINCT last FROM surname_near WHERE del IN (SELECT unnest(?))", [dels])}
        frontier = {f for f in found - lasts if any(surname_variant(f, last) for last in frontier)}
        lasts |= frontier
    rows = store.query("SELECT DISTINCT key FROM key_index WHERE last IN (SELECT unnest(?))", [sorted(lasts)])
    return set(keys) | {r["key"] for r in rows}


def _outside_surnames(merged: list[MergedEntity], keys: set[str], store: Store) -> set[str]:
    """Keys of surnames a merged person is now named by that lie outside the families merged: whether
    another person has that surname decides whether the surname alone is an alias."""
    lasts = {last for k in keys for last in key_lasts(k)}
    named = {fold(m.name.split()[-1]) for m in merged if m.type == "PERSON" and len(m.name.split()) >= 2}
    outside = sorted(named - lasts)
    if not outside:
        return set()
    found = {r["key"] for r in store.query("SELECT DISTINCT key FROM key_index WHERE last IN (SELECT unnest(?))",
                                           [outside])}
    return found - keys


def _counts(pairs: Iterable[list[str]] | None) -> tuple[tuple[str, int], ...]:
    return tuple((v, int(n)) for v, n in pairs or ())


def _key_entity(r: dict[str, Any]) -> KeyEntity:
    return KeyEntity(r["key"], r["type"], _counts(r["forms"]), _counts(r["countries"]),
                     _counts(r["sectors"]), int(r["mentions"] or 0))


def _write(store: Store, merged: list[MergedEntity], keys: list[str] | None, pending: list[str]) -> None:
    """Swap in the entities, the key map and the members of ``keys`` (None: of every key); flag events
    whose keys changed entity; mark the pending documents merged."""
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
    only = "true" if keys is None else "key IN (SELECT unnest($keys))"
    p = {} if keys is None else {"keys": keys}
    with store.transaction() as con:
        # Keys whose entity, country, sector or source differ from the last merge's (or are new).
        con.execute(
            "UPDATE events SET resolved = false WHERE resolved AND list_has_any(actor_keys || recipient_keys, "
            "(SELECT coalesce(list(n.key), []) FROM keymap n LEFT JOIN entity_keys o USING (key) "
            "WHERE o.key IS NULL OR (n.entity_id, n.country, n.sector, n.source) "
            "IS DISTINCT FROM (o.entity_id, o.country, o.sector, o.source)))")
        # The entities these keys stood for (a family's keys never shared an entity with another's).
        con.execute(f"DELETE FROM entities WHERE entity_id IN (SELECT entity_id FROM entity_keys WHERE {only}) "
                    "OR entity_id IN (SELECT entity_id FROM ents)", p)
        if keys is None:
            con.execute("DELETE FROM entity_members")
            con.execute("INSERT INTO entity_members (entity_id, doc_id, key) "
                        "SELECT m.entity_id, d.doc_id, d.key FROM doc_entities d JOIN keymap m USING (key)")
        else:
            # A key that stays with its entity keeps its members (a country's are a good part of the
            # store): only the keys that moved are written again, and the new documents' keys.
            con.execute("CREATE OR REPLACE TEMP TABLE moved AS SELECT n.key, n.entity_id FROM keymap n "
                        "LEFT JOIN entity_keys o USING (key) WHERE n.entity_id IS DISTINCT FROM o.entity_id")
            con.execute("DELETE FROM entity_members WHERE key IN (SELECT key FROM moved) "
                        "OR (key IN (SELECT unnest($keys)) AND key NOT IN (SELECT key FROM keymap))", p)
            con.execute("INSERT INTO entity_members (entity_id, doc_id, key) "
                        "SELECT m.entity_id, d.doc_id, d.key FROM doc_entities d JOIN moved m USING (key)")
            con.execute("INSERT OR REPLACE INTO entity_members (entity_id, doc_id, key) "
                        "SELECT m.entity_id, d.doc_id, d.key FROM doc_entities d JOIN keymap m USING (key) "
                        "WHERE d.doc_id IN (SELECT unnest($docs)) AND d.key NOT IN (SELECT key FROM moved)",
                        {"docs": pending})
            con.execute("DROP TABLE moved")
        con.execute(f"DELETE FROM entity_keys WHERE {only}", p)
        con.execute(f"INSERT INTO entity_keys ({cols}) SELECT {cols} FROM keymap")
        con.execute(f"INSERT INTO entities ({', '.join(_ENTITY_COLUMNS)}) SELECT {', '.join(_ENTITY_COLUMNS)} "
                    "FROM ents")
        con.execute("UPDATE entities SET documents = c.n FROM (SELECT entity_id, count(DISTINCT doc_id) AS n "
                    "FROM entity_members WHERE entity_id IN (SELECT entity_id FROM ents) GROUP BY entity_id) c "
                    "WHERE entities.entity_id = c.entity_id")
        # Events with no keys have nothing to recode.
        con.execute("UPDATE events SET resolved = true WHERE NOT coalesce(resolved, false) "
                    "AND len(actor_keys) = 0 AND len(recipient_keys) = 0")
        con.execute("UPDATE documents SET merged = true WHERE doc_id IN (SELECT unnest($docs))" if pending and
                    keys is not None else "UPDATE documents SET merged = true WHERE NOT coalesce(merged, false)",
                    {"docs": pending} if pending and keys is not None else {})


def recode_events(store: Store) -> int:
    """Give events' actors what the corpus knows: the entity id, and the country and sector when the
    document alone did not say (or a user's actor list overrides it). Returns how many were recoded."""
    done = 0
    while True:
        rows = store.query(
            "SELECT id, coalesce(actor_doc, actor) AS actor, coalesce(recipient_doc, recipient) AS recipient, "
            "actor AS actor_now, recipient AS recipient_now, actor_keys || recipient_keys AS keys, "
            "coalesce(grouped, false) AS grouped "
            "FROM events WHERE NOT coalesce(resolved, false) ORDER BY id LIMIT ?", [_CHUNK])
        if not rows:
            return done
        wanted = sorted({k for r in rows for k in r["keys"] or ()})
        by_key = {r["key"]: r for r in store.query(
            f"SELECT {', '.join(_MAP_COLUMNS)} FROM entity_keys WHERE key IN (SELECT unnest(?))", [wanted])}
        recoded = []
        for r in rows:
            new = _recode(r, by_key)
            # corroboration looks again at a report whose sides (codes, entity ids) changed
            new["grouped"] = r["grouped"] and (new["actor"], new["recipient"]) == (r["actor_now"], r["recipient_now"])
            recoded.append(new)
        store.update_rows("events", "id", recoded)
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
