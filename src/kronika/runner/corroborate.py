"""The corroboration step, run after each ingest's merge (any engine): store → dedup → store.

Every event report gets the real-world event it belongs to (``events.cluster_id``, and the table
``event_clusters`` with the event's most precise date and place), and every quotation the claim it
repeats (``quotes.claim_id``). Both are rebuilt whole each time, so the result does not depend on the
order articles arrived in batches, and a run can simply be repeated.

Reports of another category or polarity are never one event, so the events are read and grouped one
(category, negated, hypothetical) part at a time, with word weights learnt over all of them in one
streaming pass first: memory holds one part, not the store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kronika.dedup import Item, Lexical, Said, Settings, corroborate, idf_weights, link_claims
from kronika.store import Store

_STAGED = ("event_clusters", "quote_claims")
_NEGATED = "coalesce(list_contains(e.aux, 'negation'), false)"
_HYPOTHETICAL = "coalesce(list_contains(e.aux, 'hypothetical'), false)"
# One part's reports, in the order the earliest article's first telling comes first; with the
# corpus-wide ids of the people named on either side.
_PART_SQL = f"""
SELECT e.id, e.doc_id, e.event, e.aux, e.actor, e.recipient, e.date, e.date_precision, e.event_loc,
       e.text, e.event_text, e.sentence, e.confidence, coalesce(e.caption, false) AS caption, d.published,
       (SELECT list(m.entity_id) FROM entity_members m WHERE m.doc_id = e.doc_id AND m.key LIKE 'person:%'
          AND list_contains(coalesce(e.actor_keys, []) || coalesce(e.recipient_keys, []), m.key)) AS people
FROM events e JOIN documents d USING (doc_id)
WHERE e.event IS NOT DISTINCT FROM ? AND {_NEGATED} = ? AND {_HYPOTHETICAL} = ?
ORDER BY d.published NULLS LAST, e.doc_id, e.sentence, e.trigger_start
"""


@dataclass(frozen=True)
class CorroborationSummary:
    reports: int  # event rows (citations)
    events: int  # real-world events they make
    claims: int  # distinct claims among the quotations
    quotes: int


def corroborate_store(store: Store, settings: Settings | None = None) -> CorroborationSummary:
    """Group the store's event reports into events and its quotations into claims."""
    idf = idf_weights(r["text"] or "" for r in store.stream("SELECT DISTINCT text FROM events"))
    parts = store.query(f"SELECT e.event, {_NEGATED} AS negated, {_HYPOTHETICAL} AS hypothetical "
                        "FROM events e GROUP BY ALL ORDER BY ALL")
    for table in _STAGED:
        store.query(f"CREATE OR REPLACE TABLE {table}_next AS SELECT * FROM {table} LIMIT 0")
    reports = events = 0
    for part in parts:
        n_reports, n_events = _corroborate_part(store, part, idf, settings)
        reports, events = reports + n_reports, events + n_events
    quotes = store.query("SELECT q.id, q.doc_id, q.text FROM quotes q JOIN documents d USING (doc_id) "
                         "ORDER BY d.published NULLS LAST, q.doc_id, q.char_start, q.id")
    said = [Said(q["id"], q["doc_id"], q["text"] or "") for q in quotes]
    claim_of = link_claims(said, Lexical([s.text for s in said]))
    store.write_tables({"quote_claims_next": [{"quote_id": k, "claim_id": v} for k, v in claim_of.items()]})
    # The staged tables replace the live ones in one transaction: a reader never sees half a rebuild.
    with store.transaction() as con:
        for table in _STAGED:
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} SELECT * FROM {table}_next")
            con.execute(f"DROP TABLE {table}_next")
        con.execute("UPDATE events SET cluster_id = c.cluster_id FROM event_clusters c WHERE c.event_id = events.id")
        con.execute("UPDATE quotes SET claim_id = c.claim_id FROM quote_claims c WHERE c.quote_id = quotes.id")
    return CorroborationSummary(reports=reports, events=events, claims=len(set(claim_of.values())),
                                quotes=len(said))


def _corroborate_part(store: Store, part: dict[str, Any], idf: dict[str, float],
                      settings: Settings | None) -> tuple[int, int]:
    rows = store.query(_PART_SQL, [part["event"], part["negated"], part["hypothetical"]])
    items = [_item(r) for r in rows]
    groups = corroborate(items, Lexical([it.text for it in items], idf), settings)
    locs = {r["id"]: r["event_loc"] for r in rows}
    clusters: list[dict[str, Any]] = []
    for g in groups:
        loc = locs.get(g.place_from or g.cluster_id)
        for n, member in enumerate(g.members):
            clusters.append({"event_id": member, "cluster_id": g.cluster_id, "is_primary": n == 0,
                             "date": g.date, "date_precision": g.precision, "event_loc": loc,
                             "n_sources": len(g.members)})
    store.write_tables({"event_clusters_next": clusters})
    return len(items), len(groups)


def _item(r: dict[str, Any]) -> Item:
    loc = json.loads(r["event_loc"]) if r["event_loc"] else None
    return Item(
        id=r["id"], doc_id=r["doc_id"], event=r["event"], aux=frozenset(r["aux"] or ()),
        actor_codes=_named_codes(r["actor"]), recipient_codes=_named_codes(r["recipient"]),
        people=frozenset(r["people"] or ()), date=r["date"], precision=r["date_precision"],
        place=str(loc["name"]) if loc and loc.get("source") == "sentence" and loc.get("name") else None,
        text=r["text"] or "", confidence=float(r["confidence"] or 0.0), caption=bool(r["caption"]),
        published=r["published"], trigger=r["event_text"] or "", sentence=r["sentence"],
        actor_sides=_named_sides(r["actor"]), recipient_sides=_named_sides(r["recipient"]),
    )


def _named_sides(side: str | None) -> frozenset[str]:
    return frozenset(f"{a['code']}/{a['sector']}" for a in json.loads(side or "[]")
                     if a.get("code") and a.get("sector") and not a.get("inferred"))


def _named_codes(side: str | None) -> frozenset[str]:
    """The codes of the sides the sentence names: an actor filled in by convention ("the police of the
    place") is no evidence that two reports tell the same event."""
    return frozenset(str(a["code"]) for a in json.loads(side or "[]") if a.get("code") and not a.get("inferred"))
