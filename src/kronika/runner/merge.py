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
from kronika.store import Store, entity_merge

_CHUNK = 5000  # events recoded per transaction


def merge_store(store: Store, *, full: bool = False) -> int:
    """Merge the entities of the documents not merged yet (``full``: of every document) into the
    store's corpus-wide entities and recode the events that need it; returns how many entities
    there are."""
    users = [UserActor(u["name"], tuple(u["aliases"] or ()), u["type"] or "PERSON", u["country"], u["sector"])
             for u in entity_merge.user_actors(store)]
    pending = entity_merge.pending_documents(store)
    full = full or entity_merge.merge_all_asked(store)
    if pending or full:
        full = full or bool(users) or not entity_merge.merged_before(store)
        new_keys = entity_merge.document_keys(store, None if full else pending)
        _index_keys(store, new_keys, full=full)
        if full:
            merged = merge((_key_entity(r) for r in entity_merge.key_rows(store, None)), users)
            _write(store, merged, None, pending)
        else:
            keys = _families(store, new_keys)
            while True:
                merged = merge((_key_entity(r) for r in entity_merge.key_rows(store, sorted(keys))), users)
                wider = _outside_surnames(merged, keys, store)
                if not wider:
                    break
                keys = _families(store, sorted(keys | wider))
            _write(store, merged, sorted(keys), pending)
        entity_merge.merge_done(store)
    recode_events(store)
    return entity_merge.entity_count(store)


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
    entity_merge.index_keys(store, rows, near, full=full)


def _families(store: Store, keys: list[str]) -> set[str]:
    """The keys, and every key of the surname families they belong to."""
    lasts: set[str] = {last for k in keys for last in key_lasts(k)}
    frontier = set(lasts)
    while frontier:
        dels = sorted({d for last in frontier for d in one_letter_deletions(last)})
        found = entity_merge.surnames_near(store, dels)
        frontier = {f for f in found - lasts if any(surname_variant(f, last) for last in frontier)}
        lasts |= frontier
    return set(keys) | entity_merge.keys_of_surnames(store, sorted(lasts))


def _outside_surnames(merged: list[MergedEntity], keys: set[str], store: Store) -> set[str]:
    """Keys of surnames a merged person is now named by that lie outside the families merged: whether
    another person has that surname decides whether the surname alone is an alias."""
    lasts = {last for k in keys for last in key_lasts(k)}
    named = {fold(m.name.split()[-1]) for m in merged if m.type == "PERSON" and len(m.name.split()) >= 2}
    outside = sorted(named - lasts)
    if not outside:
        return set()
    return entity_merge.keys_of_surnames(store, outside) - keys


def _counts(pairs: Iterable[list[str]] | None) -> tuple[tuple[str, int], ...]:
    return tuple((v, int(n)) for v, n in pairs or ())


def _key_entity(r: dict[str, Any]) -> KeyEntity:
    return KeyEntity(r["key"], r["type"], _counts(r["forms"]), _counts(r["countries"]),
                     _counts(r["sectors"]), int(r["mentions"] or 0))


def _write(store: Store, merged: list[MergedEntity], keys: list[str] | None, pending: list[str]) -> None:
    """Swap in the entities, the key map and the members of ``keys`` (None: of every key)."""
    entity_merge.write_merged(
        store,
        [{"entity_id": m.entity_id, "name": m.name, "type": m.type, "country": m.country, "sector": m.sector,
          "aliases": list(m.aliases), "mentions": m.mentions, "documents": 0, "source": m.source} for m in merged],
        [{"key": k, "entity_id": m.entity_id, "country": m.country, "sector": m.sector, "source": m.source}
         for m in merged for k in m.keys],
        keys, pending)


def recode_events(store: Store) -> int:
    """Give events' actors what the corpus knows: the entity id, and the country and sector when the
    document alone did not say (or a user's actor list overrides it). Returns how many were recoded."""
    done = 0
    while True:
        rows = entity_merge.unresolved_events(store, _CHUNK)
        if not rows:
            return done
        wanted = sorted({k for r in rows for k in r["keys"] or ()})
        by_key = entity_merge.key_map(store, wanted)
        recoded = []
        for r in rows:
            new = _recode(r, by_key)
            # corroboration looks again at a report whose sides (codes, entity ids) changed
            new["grouped"] = r["grouped"] and (new["actor"], new["recipient"]) == (r["actor_now"], r["recipient_now"])
            recoded.append(new)
        entity_merge.write_recoded(store, recoded)
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
