"""The corroboration step, run after each ingest's merge (any engine): store → dedup → store.

Every event report gets the real-world event it belongs to (``events.cluster_id``, and the table
``event_clusters`` with the event's most precise date and place), and every quotation the claim it
repeats (``quotes.claim_id``). Both are rebuilt whole each time, so the result does not depend on the
order articles arrived in batches, and a run can simply be repeated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kronika.dedup import Item, Lexical, Said, Settings, corroborate, link_claims
from kronika.store import Store

_CLUSTER_COLUMNS = ["event_id", "cluster_id", "is_primary", "date", "date_precision", "event_loc",
                    "n_sources"]


@dataclass(frozen=True)
class CorroborationSummary:
    reports: int  # event rows (citations)
    events: int  # real-world events they make
    claims: int  # distinct claims among the quotations
    quotes: int


def corroborate_store(store: Store, settings: Settings | None = None) -> CorroborationSummary:
    """Group the store's event reports into events and its quotations into claims."""
    rows = store.query(
        "SELECT e.id, e.doc_id, e.event, e.aux, e.actor_codes, e.recipient_codes, e.actor_keys, "
        "e.recipient_keys, e.date, e.date_precision, e.event_loc, e.text, e.event_text, e.sentence, e.confidence, "
        "coalesce(e.caption, false) AS caption, d.published FROM events e JOIN documents d USING (doc_id) "
        "ORDER BY d.published NULLS LAST, e.doc_id, e.sentence, e.trigger_start")
    people = {(r["doc_id"], r["key"]): r["entity_id"] for r in store.query(
        "SELECT doc_id, key, entity_id FROM entity_members WHERE key LIKE 'person:%'")}
    items = [_item(r, people) for r in rows]
    groups = corroborate(items, Lexical([it.text for it in items]), settings)
    locs = {r["id"]: r["event_loc"] for r in rows}
    clusters: list[dict[str, Any]] = []
    for g in groups:
        loc = locs.get(g.place_from or g.cluster_id)
        for n, member in enumerate(g.members):
            clusters.append({"event_id": member, "cluster_id": g.cluster_id, "is_primary": n == 0,
                             "date": g.date, "date_precision": g.precision, "event_loc": loc,
                             "n_sources": len(g.members)})
    quotes = store.query("SELECT q.id, q.doc_id, q.text FROM quotes q JOIN documents d USING (doc_id) "
                         "ORDER BY d.published NULLS LAST, q.doc_id, q.char_start, q.id")
    said = [Said(q["id"], q["doc_id"], q["text"] or "") for q in quotes]
    claim_of = link_claims(said, Lexical([s.text for s in said]))
    store.replace_tables({
        "event_clusters": (clusters, _CLUSTER_COLUMNS),
        "quote_claims": ([{"quote_id": k, "claim_id": v} for k, v in claim_of.items()],
                         ["quote_id", "claim_id"]),
    })
    store.query("UPDATE events SET cluster_id = c.cluster_id FROM event_clusters c WHERE c.event_id = events.id")
    store.query("UPDATE quotes SET claim_id = c.claim_id FROM quote_claims c WHERE c.quote_id = quotes.id")
    return CorroborationSummary(reports=len(items), events=len(groups),
                                claims=len(set(claim_of.values())), quotes=len(said))


def _item(r: dict[str, Any], people: dict[tuple[str, str], str]) -> Item:
    loc = json.loads(r["event_loc"]) if r["event_loc"] else None
    keys = list(r["actor_keys"] or []) + list(r["recipient_keys"] or [])
    return Item(
        id=r["id"], doc_id=r["doc_id"], event=r["event"], aux=frozenset(r["aux"] or ()),
        actor_codes=frozenset(r["actor_codes"] or ()), recipient_codes=frozenset(r["recipient_codes"] or ()),
        people=frozenset(people[(r["doc_id"], k)] for k in keys if (r["doc_id"], k) in people),
        date=r["date"], precision=r["date_precision"],
        place=str(loc["name"]) if loc and loc.get("source") == "sentence" and loc.get("name") else None,
        text=r["text"] or "", confidence=float(r["confidence"] or 0.0), caption=bool(r["caption"]),
        published=r["published"], trigger=r["event_text"] or "", sentence=r["sentence"],
    )
