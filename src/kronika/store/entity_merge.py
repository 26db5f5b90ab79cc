"""What the corpus-wide entity merge reads from the store and writes back (:mod:`kronika.runner.merge`
decides what to merge; every statement it needs is here).

DuckDB sums the documents' entities per key, so Python sees one row per distinct key however many
articles hold it; the merged entities and the key map are swapped in for the keys merged, in one
transaction, and the events whose keys changed entity are flagged for recoding.
"""

from __future__ import annotations

from typing import Any

from kronika.store.db import Store

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

ENTITY_COLUMNS = ["entity_id", "name", "type", "country", "sector", "aliases", "mentions", "documents", "source"]
MAP_COLUMNS = ["key", "entity_id", "country", "sector", "source"]
MERGE_ALL = "merge_all"  # in meta: a users' actor list was loaded, so the next merge goes over every key


def user_actors(store: Store) -> list[dict[str, Any]]:
    """The users' listed actors, by name."""
    return store.query("SELECT name, aliases, type, country, sector FROM user_actors ORDER BY name")


def pending_documents(store: Store) -> list[str]:
    """The documents whose entities are not merged yet."""
    return [r["doc_id"] for r in store.query("SELECT doc_id FROM documents WHERE NOT coalesce(merged, false)")]


def merge_all_asked(store: Store) -> bool:
    """Whether the next merge must go over every key (a users' actor list was loaded)."""
    return bool(store.scalar("SELECT count(*) FROM meta WHERE key = ?", [MERGE_ALL]))


def merged_before(store: Store) -> bool:
    """Whether any merge has written its key map."""
    return bool(store.scalar("SELECT count(*) FROM entity_keys"))


def document_keys(store: Store, docs: list[str] | None) -> list[str]:
    """The distinct entity keys of the documents (None: of every document)."""
    if docs is None:
        return [r["key"] for r in store.query("SELECT DISTINCT key FROM doc_entities")]
    return [r["key"] for r in store.query("SELECT DISTINCT key FROM doc_entities WHERE doc_id IN (SELECT unnest(?))",
                                          [docs])]


def index_keys(store: Store, rows: list[dict[str, str]], near: list[dict[str, str]], *, full: bool) -> None:
    """Add keys under their surnames (``key_index``) and surnames under their one-letter deletions
    (``surname_near``); ``full``: replace both."""
    with store.transaction() as con:
        if full:
            con.execute("DELETE FROM key_index")
            con.execute("DELETE FROM surname_near")
    store.write_tables({"key_index": rows, "surname_near": near})


def surnames_near(store: Store, deletions: list[str]) -> set[str]:
    """The stored surnames that share one of these one-letter deletions."""
    return {r["last"] for r in store.query("SELECT DISTINCT last FROM surname_near WHERE del IN (SELECT unnest(?))",
                                           [deletions])}


def keys_of_surnames(store: Store, lasts: list[str]) -> set[str]:
    """The stored keys merged through any of these surnames."""
    return {r["key"] for r in store.query("SELECT DISTINCT key FROM key_index WHERE last IN (SELECT unnest(?))",
                                          [lasts])}


def key_rows(store: Store, keys: list[str] | None) -> list[dict[str, Any]]:
    """One row per key (None: every key) with its type, mentions and counted forms, countries and
    sectors, in the order keys first occur."""
    if keys is None:
        return store.query(_KEYS_SQL.format(keys="true"))
    return store.query(_KEYS_SQL.format(keys="key IN (SELECT unnest(?))"), [keys])


def write_merged(store: Store, entities: list[dict[str, Any]], key_entities: list[dict[str, Any]],
                 keys: list[str] | None, pending: list[str]) -> None:
    """Swap in the entities, the key map and the members of ``keys`` (None: of every key); flag events
    whose keys changed entity; mark the pending documents merged."""
    import pyarrow as pa

    ents = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB by name
        entities,
        schema=pa.schema([("entity_id", pa.string()), ("name", pa.string()), ("type", pa.string()),
                          ("country", pa.string()), ("sector", pa.string()), ("aliases", pa.list_(pa.string())),
                          ("mentions", pa.int64()), ("documents", pa.int64()), ("source", pa.string())]))
    keymap = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB by name
        key_entities, schema=pa.schema([(c, pa.string()) for c in MAP_COLUMNS]))
    cols = ", ".join(MAP_COLUMNS)
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
            # (a pending document has no members yet: a forced re-run deleted its old ones)
            con.execute("INSERT INTO entity_members (entity_id, doc_id, key) "
                        "SELECT m.entity_id, d.doc_id, d.key FROM doc_entities d JOIN keymap m USING (key) "
                        "WHERE d.doc_id IN (SELECT unnest($docs)) AND d.key NOT IN (SELECT key FROM moved)",
                        {"docs": pending})
            con.execute("DROP TABLE moved")
        con.execute(f"DELETE FROM entity_keys WHERE {only}", p)
        con.execute(f"INSERT INTO entity_keys ({cols}) SELECT {cols} FROM keymap")
        con.execute(f"INSERT INTO entities ({', '.join(ENTITY_COLUMNS)}) SELECT {', '.join(ENTITY_COLUMNS)} "
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


def merge_done(store: Store) -> None:
    """Forget that the next merge was to go over every key."""
    with store.transaction() as con:
        con.execute("DELETE FROM meta WHERE key = ?", [MERGE_ALL])


def entity_count(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM entities"))


def unresolved_events(store: Store, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` events not recoded since their keys last changed, by id: their sides as their
    document coded them, as they stand now, their keys, and whether they are corroborated."""
    return store.query(
        "SELECT id, coalesce(actor_doc, actor) AS actor, coalesce(recipient_doc, recipient) AS recipient, "
        "actor AS actor_now, recipient AS recipient_now, actor_keys || recipient_keys AS keys, "
        "coalesce(grouped, false) AS grouped "
        "FROM events WHERE NOT coalesce(resolved, false) ORDER BY id LIMIT ?", [limit])


def key_map(store: Store, keys: list[str]) -> dict[str, dict[str, Any]]:
    """The merge's entity, country, sector and source of each of these keys that has one."""
    return {r["key"]: r for r in store.query(
        f"SELECT {', '.join(MAP_COLUMNS)} FROM entity_keys WHERE key IN (SELECT unnest(?))", [keys])}


def write_recoded(store: Store, rows: list[dict[str, Any]]) -> None:
    """The recoded events' sides, codes and flags (matched on id)."""
    store.update_rows("events", "id", rows)
