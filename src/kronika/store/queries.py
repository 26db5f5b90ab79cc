"""Reading the store back: documents, events (filtered), quotations and actors, as records
(:mod:`kronika.store.stored`).

Every filter is a bound parameter; nothing a user types is pasted into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kronika.errors import FilterError
from kronika.plover import NOT_FACT_AUX
from kronika.store.checks import (
    Spelling,
    api_name,
    check_category,
    check_confidence,
    check_country_code,
    check_date,
    check_quad,
)
from kronika.store.db import Store
from kronika.store.stored import EntityRole, StoredDocument, StoredEntity, StoredEvent, StoredQuote, from_row

DOCUMENT_FIELDS = ("source_file", "title", "published", "date_precision", "outlet", "author", "url",
                   "dateline", "n_sentences")


def documents(store: Store) -> list[StoredDocument]:
    cols = ", ".join(("doc_id",) + DOCUMENT_FIELDS)
    return [from_row(StoredDocument, r) for r in
            store.query(f"SELECT {cols} FROM documents ORDER BY source_file, record NULLS FIRST, doc_id")]


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # an entity name/alias or a country code, on either side
    dyad: tuple[str, str] | None = None  # codes (or names): actor side, recipient side
    event: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    text: str | None = None
    doc_id: str | None = None
    place: str | None = None  # the place's name as event_loc holds it ("Belgrade")
    place_country: str | None = None  # event_loc's country code (where it happened, not who acted)
    quad_code: int | None = None  # 1 to 4
    outlet: str | None = None  # an outlet among the event's sources (any case)
    facts_only: bool = False  # leave out negated and hypothetical events


def parse_dyad(value: str, spell: Spelling = api_name) -> tuple[str, str]:
    parts = value.split(":")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise FilterError(f'{spell("dyad")} "{value}" must be two actors separated by a colon, like SRB:RUS')
    return parts[0].strip(), parts[1].strip()


def _side_match(store: Store, name: str) -> tuple[str, list[Any]]:
    """SQL condition (with params) for one actor given as a code or an entity name/alias."""
    code = name.upper()
    keys = entity_keys(store, name)
    return ("(list_contains({codes}, ?) OR len(list_intersect({keys}, ?)) > 0)", [code, keys])


def entity_keys(store: Store, name: str) -> list[str]:
    """All document-level keys of the entity a name or alias points to (any case, any accents)."""
    from kronika.lang.en import fold

    rows = store.query(
        "SELECT m.key FROM entities e JOIN entity_members m USING (entity_id) "
        "WHERE e.entity_id = ? OR list_contains(list_transform(list_append(e.aliases, e.name), "
        "lambda x: lower(strip_accents(x))), ?)", [name, fold(name)])
    return sorted({r["key"] for r in rows})


# Every citation of each real-world event (corroboration's groups), as one JSON list per group.
_SOURCES = (
    "SELECT coalesce(c.cluster_id, x.id) AS cid, count(*) AS n_sources, to_json(list({"
    "'doc_id': x.doc_id, 'source_file': y.source_file, 'outlet': y.outlet, 'sentence': x.sentence, "
    "'char_start': x.char_start, 'char_end': x.char_end, 'published': y.published, 'url': y.url, "
    "'text': x.text, 'caption': coalesce(x.caption, false)} ORDER BY coalesce(c.is_primary, true) DESC, "
    "y.published NULLS LAST, y.source_file, x.sentence, x.trigger_start))::VARCHAR AS sources, "
    "list(DISTINCT lower(y.outlet)) FILTER (WHERE y.outlet IS NOT NULL) AS source_outlets "
    "FROM events x JOIN documents y USING (doc_id) LEFT JOIN event_clusters c ON c.event_id = x.id "
    "GROUP BY 1")


def _event_view(by_source: bool) -> str:
    """Events with their documents and sources: one row per real-world event (its primary report,
    with the group's most precise date and place), or one per citation with ``by_source``."""
    merged = "" if by_source else (
        " REPLACE (coalesce(c.date, ev.date) AS date, "
        "CASE WHEN c.event_id IS NULL THEN ev.date_precision ELSE c.date_precision END AS date_precision, "
        "coalesce(c.event_loc, ev.event_loc) AS event_loc, coalesce(c.cluster_id, ev.id) AS cluster_id)")
    return (f"SELECT ev.*{merged}, d.source_file, d.outlet, d.published, d.url, d.title, s.sources, "
            "s.n_sources, s.source_outlets, coalesce(c.is_primary, true) AS is_primary FROM events ev "
            "JOIN documents d USING (doc_id) LEFT JOIN event_clusters c ON c.event_id = ev.id "
            f"LEFT JOIN ({_SOURCES}) s ON s.cid = coalesce(c.cluster_id, ev.id)")


def events(store: Store, f: EventFilter, *, limit: int | None = None, offset: int = 0,
           order: str = "date", by_source: bool = False) -> list[StoredEvent]:
    """Events matching ``f``: one row per real-world event, or per citation with ``by_source``."""
    where, params = _where(store, f, by_source)
    if not by_source and f.doc_id is None:  # one document's events: each of its own citations
        where = (where + " AND" if where else "WHERE") + " e.is_primary"
    sql = (f"SELECT * FROM ({_event_view(by_source)}) e {where} "
           + ("ORDER BY e.date NULLS LAST, e.source_file, e.sentence, e.trigger_start" if order == "date"
              else "ORDER BY e.source_file, e.sentence, e.trigger_start"))
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [StoredEvent.from_row(r) for r in store.query(sql, params)]


def filtered_events(store: Store, f: EventFilter) -> tuple[str, list[Any]]:
    """The real-world events matching ``f`` as a SQL subquery (alias ``e``) and its parameters, for
    queries that aggregate them in the store (the map's places and countries)."""
    where, params = _where(store, f)
    if f.doc_id is None:
        where = (where + " AND" if where else "WHERE") + " e.is_primary"
    return f"(SELECT * FROM ({_event_view(False)}) e {where}) e", params


def count_events(store: Store, f: EventFilter, *, by_source: bool = False) -> int:
    where, params = _where(store, f, by_source)
    if not by_source and f.doc_id is None:
        where = (where + " AND" if where else "WHERE") + " e.is_primary"
    return int(store.scalar(f"SELECT count(*) FROM ({_event_view(by_source)}) e {where}", params) or 0)


def _where(store: Store, f: EventFilter, by_source: bool = False) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if f.event:
        conds.append("e.event = ?")
        params.append(check_category(f.event))
    if f.actor:
        cond, p = _side_match(store, f.actor)
        conds.append("(" + cond.format(codes="e.actor_codes", keys="e.actor_keys") + " OR "
                     + cond.format(codes="e.recipient_codes", keys="e.recipient_keys") + ")")
        params += p + p
    if f.dyad:
        a, b = f.dyad
        ca, pa = _side_match(store, a)
        cb, pb = _side_match(store, b)
        conds.append(ca.format(codes="e.actor_codes", keys="e.actor_keys") + " AND "
                     + cb.format(codes="e.recipient_codes", keys="e.recipient_keys"))
        params += pa + pb
    if f.since:
        conds.append("e.date >= ?")
        params.append(check_date(f.since, "since"))
    if f.until:
        conds.append("e.date IS NOT NULL AND left(e.date, ?) <= ?")
        until = check_date(f.until, "until")
        params += [len(until or ""), until]
    if f.min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(check_confidence(f.min_confidence))
    if f.text:
        conds.append("e.text ILIKE ? ESCAPE '\\'")
        params.append(f"%{like_literal(f.text)}%")
    if f.doc_id:
        conds.append("e.doc_id = ?")
        params.append(f.doc_id)
    _where_place_and_kind(f, by_source, conds, params)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def like_literal(text: str) -> str:
    """``text`` matched as itself inside a LIKE pattern: ``%`` and ``_`` typed by a user are characters
    to find, not wildcards that match every sentence."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where_place_and_kind(f: EventFilter, by_source: bool, conds: list[str], params: list[Any]) -> None:
    """Where it happened, its quad class, who reported it, whether it is a fact."""
    if f.place:
        conds.append("lower(json_extract_string(e.event_loc, '$.name')) = lower(?)")
        params.append(f.place.strip())
    if f.place_country:
        conds.append("json_extract_string(e.event_loc, '$.country') = ?")
        params.append(check_country_code(f.place_country, "place_country"))
    if f.quad_code is not None:
        conds.append("e.quad_code = ?")
        params.append(check_quad(f.quad_code))
    if f.outlet:
        # A corroborated event counts for every outlet that reported it; a citation for its own.
        conds.append("lower(e.outlet) = lower(?)" if by_source
                     else "list_contains(coalesce(e.source_outlets, []::VARCHAR[]), lower(?))")
        params.append(f.outlet.strip())
    if f.facts_only:
        conds.append("NOT list_has_any(coalesce(e.aux, []::VARCHAR[]), ?::VARCHAR[])")
        params.append(list(NOT_FACT_AUX))


@dataclass(frozen=True)
class QuoteFilter:
    speaker: str | None = None  # an entity name/alias, or words of the speaker's name
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None


QUOTE_FIELDS = ("id", "date", "speaker", "channel", "direct", "text", "speaker_text", "speaker_key",
                "date_precision", "claim_id", "doc_id", "source_file", "outlet", "published", "url",
                "sentence", "char_start", "char_end", "caption")


def quotes(store: Store, f: QuoteFilter) -> list[StoredQuote]:
    """Quotations matching ``f``, oldest first (undated last), with the article they were read in."""
    conds: list[str] = []
    params: list[Any] = []
    if f.speaker:
        from kronika.lang.en import fold

        conds.append("(list_contains(?, q.speaker_key) OR lower(strip_accents(q.speaker)) LIKE ? ESCAPE '\\')")
        params += [entity_keys(store, f.speaker), f"%{like_literal(fold(f.speaker))}%"]
    if f.since:
        conds.append("q.date >= ?")
        params.append(check_date(f.since, "since"))
    if f.until:
        until = check_date(f.until, "until")
        conds.append("q.date IS NOT NULL AND left(q.date, ?) <= ?")
        params += [len(until or ""), until]
    if f.doc_id:
        conds.append("q.doc_id = ?")
        params.append(f.doc_id)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    cols = ", ".join(f"q.{c}" for c in QUOTE_FIELDS if c not in ("source_file", "outlet", "published", "url"))
    return [from_row(StoredQuote, r) for r in store.query(
        f"SELECT {cols}, d.source_file, d.outlet, d.published, d.url FROM quotes q "
        f"JOIN documents d USING (doc_id) {where} "
        "ORDER BY q.date NULLS LAST, d.source_file, q.char_start", params)]


def actors(store: Store) -> list[StoredEntity]:
    """Every corpus entity, most mentioned first, with its roles."""
    rows = store.query("SELECT entity_id, name, type, country, sector, aliases, mentions, documents, "
                       "source FROM entities ORDER BY mentions DESC, name")
    roles = _roles(store)
    return [StoredEntity.from_row(r, roles.get(r["entity_id"], ())) for r in rows]


def actor(store: Store, name: str) -> StoredEntity | None:
    """One entity by name or alias (any case, any accents), with its roles as a timeline."""
    keys = entity_keys(store, name)
    if not keys:
        return None
    row = store.query("SELECT entity_id FROM entity_members WHERE list_contains(?, key) LIMIT 1", [keys])
    eid = row[0]["entity_id"]
    for r in actors(store):
        if r.entity_id == eid:
            return r
    return None


def _roles(store: Store) -> dict[str, list[EntityRole]]:
    rows = store.query(
        "SELECT m.entity_id, r.title, r.sector, r.country, min(r.first_seen) AS first_seen, "
        "max(r.last_seen) AS last_seen, min(r.since) AS since, max(r.until) AS until, "
        "bool_or(r.former) AS former FROM roles r JOIN entity_members m "
        "ON m.doc_id = r.doc_id AND m.key = r.entity_key "
        "GROUP BY m.entity_id, r.title, r.sector, r.country "
        "ORDER BY m.entity_id, coalesce(min(r.since), min(r.first_seen)) NULLS LAST, r.title, r.sector NULLS LAST, "
        "r.country NULLS LAST")
    out: dict[str, list[EntityRole]] = {}
    for r in rows:
        out.setdefault(r["entity_id"], []).append(from_row(EntityRole, r))
    return out
