"""What corroboration reads from the store and writes back (:mod:`kronika.runner.corroborate` decides
what to group; every statement it needs is here).

Reports are read one *part* at a time (category and polarity: reports of another part are never one
event), with the corpus-wide ids of the people named on either side. An update finds the stored
reports a new one could join through ``event_blocks`` (each report under its part, participant codes
and month) and the *components* (reports linked by passing pairs) of ``event_clusters``.
"""

from __future__ import annotations

from typing import Any

from kronika.store.db import Store

_NEGATED = "coalesce(list_contains(e.aux, 'negation'), false)"
_HYPOTHETICAL = "coalesce(list_contains(e.aux, 'hypothetical'), false)"
_PART = f"(e.event || '|' || {_NEGATED} || '|' || {_HYPOTHETICAL})"
# Reports with the corpus-wide ids of the people named on either side, in the order the earliest
# article's first telling comes first.
_ITEMS_SQL = f"""
SELECT e.id, e.doc_id, e.event, e.aux, e.actor, e.recipient, e.date, e.date_precision, e.event_loc,
       e.text, e.event_text, e.sentence, e.confidence, coalesce(e.caption, false) AS caption, d.published,
       (SELECT list(m.entity_id) FROM entity_members m WHERE m.doc_id = e.doc_id AND m.key LIKE 'person:%'
          AND list_contains(coalesce(e.actor_keys, []) || coalesce(e.recipient_keys, []), m.key)) AS people
FROM events e JOIN documents d USING (doc_id)
WHERE {_PART} = $part AND ({{where}})
ORDER BY d.published NULLS LAST, e.doc_id, e.sentence, e.trigger_start, e.id
"""
# Stored reports that share a block with a probe (code, month), one row per distinct way of telling.
_CANDIDATES_SQL = """
SELECT p.probe, e.text, e.event, e.aux, e.actor, e.recipient, e.date, e.date_precision, e.event_loc,
       e.event_text, list(DISTINCT c.component) AS components
FROM event_blocks b JOIN probes p ON b.code = p.code::VARCHAR
     AND (p.month IS NULL OR b.month IS NULL OR abs(b.month - p.month::INTEGER) <= 1)
JOIN events e ON e.id = b.event_id JOIN event_clusters c ON c.event_id = e.id
WHERE b.part = ? AND e.grouped AND NOT list_contains(?::VARCHAR[], c.component)
GROUP BY ALL
"""


def regroup_everything(store: Store) -> None:
    """Mark every report and quotation as not grouped, and drop the groups of those gone."""
    with store.transaction() as con:
        con.execute("UPDATE events SET grouped = false")
        con.execute("UPDATE quotes SET grouped = false")
        con.execute("DELETE FROM event_clusters WHERE event_id NOT IN (SELECT id FROM events)")
        con.execute("DELETE FROM event_blocks WHERE event_id NOT IN (SELECT id FROM events)")
        con.execute("DELETE FROM quote_claims WHERE quote_id NOT IN (SELECT id FROM quotes)")


def pending_parts(store: Store) -> list[str]:
    """The parts (``EVENT|negated|hypothetical``) with reports not grouped yet, in order."""
    return [r["part"] for r in store.query(
        f"SELECT DISTINCT {_PART} AS part FROM events e WHERE NOT coalesce(e.grouped, false) ORDER BY part")]


def part_size(store: Store, part: str) -> int:
    """How many reports the part holds."""
    return int(store.scalar(f"SELECT count(*) FROM events e WHERE {_PART} = ?", [part]))


def pending_reports(store: Store, part: str) -> list[dict[str, Any]]:
    """The part's reports not grouped yet."""
    return _reports(store, part, "NOT coalesce(e.grouped, false)")


def part_reports(store: Store, part: str) -> list[dict[str, Any]]:
    """Every report of the part."""
    return _reports(store, part, "true")


def reports_to_regroup(store: Store, part: str, texts: list[str], components: list[str]) -> list[dict[str, Any]]:
    """The part's reports not grouped yet, those telling one of ``texts``, and those of ``components``."""
    return _reports(store, part, "(NOT coalesce(e.grouped, false) OR e.text IN (SELECT unnest($texts)) "
                    "OR e.id IN (SELECT event_id FROM event_clusters WHERE component IN (SELECT unnest($components))))",
                    {"texts": texts, "components": components})


def _reports(store: Store, part: str, where: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return store.query(_ITEMS_SQL.format(where=where), {"part": part, **(params or {})})


def components_of(store: Store, part: str, ids: list[str], texts: list[str]) -> set[str]:
    """The stored components of the part holding one of these reports or a telling of these texts."""
    return {r["component"] for r in store.query(
        "SELECT DISTINCT c.component FROM event_clusters c WHERE c.component IS NOT NULL AND c.event_id IN "
        f"(SELECT e.id FROM events e WHERE {_PART} = $part "
        "AND (e.id IN (SELECT unnest($ids)) OR e.text IN (SELECT unnest($texts))))",
        {"part": part, "ids": ids, "texts": texts})}


def candidates(store: Store, part: str, probes: list[dict[str, Any]], known: list[str]) -> list[dict[str, Any]]:
    """The grouped reports of the part sharing a block with a probe (``probe``, ``code``, ``month``),
    outside the ``known`` components: one row per probe and way of telling, with its components."""
    return store.query_with(_CANDIDATES_SQL, {"probes": probes}, [part, known])


def places(store: Store, ids: list[str]) -> dict[str, str | None]:
    """The place (``event_loc``) of each of these reports."""
    return {r["id"]: r["event_loc"] for r in store.query(
        "SELECT id, event_loc FROM events WHERE id IN (SELECT unnest(?))", [ids])}


def write_groups(store: Store, clusters: list[dict[str, Any]], ids: list[str], blocks: list[dict[str, Any]],
                 blocked: list[str]) -> None:
    """Replace the groups of the reports ``ids`` and the blocks of the reports ``blocked``, and mark
    the reports grouped, in one transaction."""
    store.replace_rows({"event_clusters": (clusters, "event_id", ids), "event_blocks": (blocks, "event_id", blocked)},
                       after=["UPDATE events SET cluster_id = c.cluster_id, grouped = true FROM event_clusters c "
                              "WHERE c.event_id = events.id AND events.id IN (SELECT unnest($ids))"],
                       params={"ids": ids})
