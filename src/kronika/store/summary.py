"""Store-wide figures for the overview, and one event with the article it was read from.

Negated and hypothetical events are records, not facts: the figures here that speak of relations
between actors (top dyads) leave them out, and say so through their names.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.plover import NOT_FACT_AUX
from kronika.store.db import Store
from kronika.store.queries import EventFilter, events
from kronika.store.stored import DocumentText, StoredEvent, from_row, from_rows, record_json

_IS_FACT = "NOT list_has_any(coalesce(aux, []::VARCHAR[]), ?::VARCHAR[])"
# One row per real-world event, as ``queries.events`` counts them: the primary report of each
# corroborated group, with the group's date.
_REAL_EVENTS = ("(SELECT ev.* REPLACE (coalesce(c.date, ev.date) AS date) FROM events ev "
                "LEFT JOIN event_clusters c ON c.event_id = ev.id WHERE coalesce(c.is_primary, true))")
# The same, with the group's place (a corroborated event is where its most precise report puts it).
_REAL_LOCATED = ("(SELECT ev.* REPLACE (coalesce(c.date, ev.date) AS date, coalesce(c.event_loc, ev.event_loc) "
                 "AS event_loc) FROM events ev LEFT JOIN event_clusters c ON c.event_id = ev.id "
                 "WHERE coalesce(c.is_primary, true))")


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How much the store holds (the fields' order is the overview's)."""

    documents: int
    outlets: int
    entities: int
    citations: int  # event reports
    events: int  # real-world events
    facts: int  # ... neither negated nor hypothetical
    undated: int
    first_date: str | None
    last_date: str | None
    not_facts: int

    def to_json(self) -> dict[str, object]:
        return record_json(self)


def counts(store: Store) -> StoreCounts:
    """How much the store holds: documents, outlets, real-world events (facts, not facts, undated),
    the reports of them (``citations``), entities."""
    row = store.query(
        "SELECT (SELECT count(*) FROM documents) AS documents,"
        " (SELECT count(DISTINCT outlet) FROM documents) AS outlets,"
        " (SELECT count(*) FROM entities) AS entities,"
        " (SELECT count(*) FROM events) AS citations,"
        " count(*) AS events,"
        f" count(*) FILTER (WHERE {_IS_FACT}) AS facts,"
        " count(*) FILTER (WHERE date IS NULL) AS undated,"
        f" min(date) AS first_date, max(date) AS last_date FROM {_REAL_EVENTS}", [list(NOT_FACT_AUX)])[0]
    return from_row(StoreCounts, {**row, "not_facts": row["events"] - row["facts"]})


@dataclass(frozen=True, slots=True)
class Totals:
    """What an ingest says the store holds after it."""

    documents: int
    reports: int  # event reports: one per sentence coded as an event
    events: int  # real-world events: corroborated reports count once
    entities: int


def totals(store: Store) -> Totals:
    """The figures of :func:`counts` an ingest reports, without reading the events: a real-world event
    is a report that is no group's secondary (every group row is a stored report's, see
    ``db.delete_documents``), so the count is two table sizes and one boolean column. Joining every
    report with its group, as ``counts`` does for its dates, held tens of MB at 300k reports."""
    row = store.query(
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS reports,"
        " (SELECT count(*) FROM event_clusters WHERE NOT is_primary) AS secondary,"
        " (SELECT count(*) FROM entities) AS entities")[0]
    return Totals(row["documents"], row["reports"], row["reports"] - row["secondary"], row["entities"])


def report_count(store: Store) -> int:
    """Event reports (citations) in the store: a real-world event three articles tell counts three times."""
    return int(store.scalar("SELECT count(*) FROM events") or 0)


@dataclass(frozen=True, slots=True)
class CountryDyad:
    """A directed pair of countries and its factual events."""

    actor: str
    recipient: str
    events: int
    cooperation: int  # quad classes 1 and 2
    conflict: int  # 3 and 4
    mean_score: float | None

    def to_json(self) -> dict[str, object]:
        return record_json(self)


def top_country_dyads(store: Store, limit: int = 10) -> list[CountryDyad]:
    """Directed country pairs with the most factual events, with cooperation/conflict counts."""
    return from_rows(CountryDyad, store.query(
        "SELECT a AS actor, r AS recipient, count(DISTINCT id) AS events,"
        " count(DISTINCT id) FILTER (WHERE quad_code IN (1, 2)) AS cooperation,"
        " count(DISTINCT id) FILTER (WHERE quad_code IN (3, 4)) AS conflict,"
        " round(avg(event_scale), 2) AS mean_score"
        " FROM (SELECT id, quad_code, event_scale, a, unnest(recipient_codes) AS r FROM"
        f"  (SELECT id, quad_code, event_scale, unnest(actor_codes) AS a, recipient_codes FROM {_REAL_EVENTS}"
        f"   WHERE {_IS_FACT}))"
        " WHERE a <> r GROUP BY a, r ORDER BY events DESC, a, r LIMIT ?", [list(NOT_FACT_AUX), limit]))


@dataclass(frozen=True, slots=True)
class CategoryCount:
    event: str
    quad_code: int | None
    events: int

    def to_json(self) -> dict[str, object]:
        return record_json(self)


def category_counts(store: Store) -> list[CategoryCount]:
    return from_rows(CategoryCount, store.query(f"SELECT event, quad_code, count(*) AS events FROM {_REAL_EVENTS} "
                                            "GROUP BY event, quad_code ORDER BY events DESC, event"))


def recent_events(store: Store, limit: int = 10) -> list[StoredEvent]:
    """The latest dated events, newest first, as rows of ``queries.events``."""
    dated = int(store.scalar(f"SELECT count(*) FROM {_REAL_EVENTS} WHERE date IS NOT NULL") or 0)
    # events() sorts by date ascending with undated last: the newest dated rows end the dated block.
    rows = events(store, EventFilter(), limit=min(limit, dated), offset=max(0, dated - limit))
    return list(reversed(rows))


def event_by_id(store: Store, event_id: str) -> StoredEvent | None:
    """One event (as ``queries.events`` returns it) or None.

    Going through ``events()`` for the event's document keeps whatever that function adds to a row
    (corroborating sources, for one); the direct read is the fallback for an id it does not list.
    """
    doc_id = store.scalar("SELECT doc_id FROM events WHERE id = ?", [event_id])
    if doc_id is None:
        return None
    for ev in events(store, EventFilter(doc_id=str(doc_id))):
        if ev.id == event_id:
            return ev
    rows = store.query("SELECT e.*, d.source_file, d.outlet, d.published, d.url, d.title FROM events e "
                       "JOIN documents d USING (doc_id) WHERE e.id = ?", [event_id])
    return StoredEvent.from_row(rows[0]) if rows else None


def document_text(store: Store, doc_id: str) -> DocumentText | None:
    """A document's metadata and original text (the one cite_info offsets point into)."""
    rows = store.query("SELECT doc_id, source_file, title, published, date_precision, outlet, author, url, "
                       "dateline, raw_text FROM documents WHERE doc_id = ?", [doc_id])
    return from_row(DocumentText, rows[0]) if rows else None


@dataclass(frozen=True, slots=True)
class MonthCount:
    """Factual events of one month and quad class (of one country pair, for ``country_dyad_months``)."""

    period: str  # YYYY-MM
    quad_code: int | None
    events: int
    score_sum: float | None
    scored: int  # events with a score
    actor: str | None = None
    recipient: str | None = None


def fact_months(store: Store) -> list[MonthCount]:
    """Factual events dated to the month or the day, per month and quad class, with score sums."""
    return from_rows(MonthCount, store.query(
        "SELECT left(date, 7) AS period, quad_code, count(*) AS events, sum(event_scale) AS score_sum,"
        f" count(event_scale) AS scored FROM {_REAL_EVENTS} WHERE {_IS_FACT} AND length(date) >= 7"
        " GROUP BY ALL ORDER BY ALL", [list(NOT_FACT_AUX)]))


def country_dyad_months(store: Store, pairs: list[tuple[str, str]]) -> list[MonthCount]:
    """As ``fact_months``, for each directed country pair of ``pairs`` (counted as top_country_dyads)."""
    if not pairs:
        return []
    return from_rows(MonthCount, store.query(
        "SELECT a AS actor, r AS recipient, left(date, 7) AS period, quad_code, count(DISTINCT id) AS events,"
        " sum(event_scale) AS score_sum, count(event_scale) AS scored"
        " FROM (SELECT id, date, quad_code, event_scale, a, unnest(recipient_codes) AS r FROM"
        f"  (SELECT id, date, quad_code, event_scale, unnest(actor_codes) AS a, recipient_codes FROM {_REAL_EVENTS}"
        f"   WHERE {_IS_FACT} AND length(date) >= 7))"
        " WHERE list_contains(?, a || '>' || r) GROUP BY ALL ORDER BY ALL",
        [list(NOT_FACT_AUX), [f"{a}>{r}" for a, r in pairs]]))


def outlets(store: Store) -> list[str]:
    """Each named outlet, the one with the most documents in the store first."""
    return [r["outlet"] for r in store.query(
        "SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY documents DESC, outlet")]


def place_country_counts(store: Store) -> list[tuple[str, int]]:
    """Each country events happened in (their event_loc), with its number of real-world events."""
    return [(r["country"], r["events"]) for r in store.query(
        f"SELECT json_extract_string(event_loc, '$.country') AS country, count(*) AS events "
        f"FROM {_REAL_LOCATED} GROUP BY 1 HAVING country IS NOT NULL ORDER BY events DESC, country")]


@dataclass(frozen=True, slots=True)
class EntityName:
    entity_id: str
    name: str
    type: str | None
    country: str | None


def actor_names(store: Store, limit: int) -> list[EntityName]:
    """The most mentioned entities' names, for suggestions in a form."""
    return from_rows(EntityName, store.query(
        "SELECT entity_id, name, type, country FROM entities ORDER BY mentions DESC, name LIMIT ?", [limit]))

