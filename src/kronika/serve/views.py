"""What each page and API endpoint shows, computed once from the library; JSON-ready dicts.

The API returns these dicts and the pages render the same dicts, so a page can never say something
the API does not.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from kronika.analyse.briefs import brief
from kronika.analyse.counterparts import activity, profile_of
from kronika.analyse.dyads import dyad
from kronika.analyse.network import build_network, network_json, top_actors
from kronika.errors import QueryError
from kronika.plover import CATEGORIES
from kronika.serve.errors import NotFound
from kronika.store import Store
from kronika.store.actor_refs import UnknownActor, resolve_actor
from kronika.store.queries import (
    EventFilter,
    actors,
    check_date,
    count_events,
    events,
    parse_dyad,
    plover_record,
)
from kronika.store.summary import (
    category_counts,
    counts,
    document_text,
    event_by_id,
    recent_events,
    top_country_dyads,
)

MAX_PER_PAGE = 200


def overview(store: Store) -> dict[str, Any]:
    return {
        "counts": counts(store),
        "top_actors": top_actors(build_network(store), 10),
        "top_dyads": top_country_dyads(store, 10),
        "recent_events": [brief(r) for r in recent_events(store, 10)],
        "categories": category_counts(store),
    }


def event_table(store: Store, *, actor: str | None = None, dyad_pair: str | None = None,
                since: str | None = None, until: str | None = None, page: int = 1, per_page: int = 25,
                **where: Any) -> dict[str, Any]:
    """One page of events matching the filters (names are resolved as in dyads: "Serbia" = SRB).

    ``where`` holds EventFilter's other fields by their names (event, text, place, place_country,
    quad_code, outlet, facts_only).
    """
    if page < 1:
        raise QueryError(f"page {page} is not a page number (pages start at 1)")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"per_page {per_page} must be between 1 and {MAX_PER_PAGE}")
    f = event_filter(store, actor=actor, dyad_pair=dyad_pair, since=since, until=until, **where)
    total = count_events(store, f)
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        raise QueryError(f"page {page} is past the last page ({pages})")
    rows = events(store, f, limit=per_page, offset=(page - 1) * per_page)
    return {"total": total, "page": page, "per_page": per_page, "pages": pages,
            "events": [brief(r) for r in rows]}


def event_filter(store: Store, *, actor: str | None = None, dyad_pair: str | None = None,
                 since: str | None = None, until: str | None = None, **where: Any) -> EventFilter:
    """The EventFilter a request asks for: actors resolved, dates checked, empty values dropped."""
    pair = None
    if dyad_pair:
        a, b = parse_dyad(dyad_pair)
        pair = (resolve_actor(store, a).node, resolve_actor(store, b).node)
    given = {k: v for k, v in where.items() if v not in (None, "")}
    return EventFilter(actor=resolve_actor(store, actor).node if actor else None, dyad=pair,
                       since=real_date(since, "since"), until=real_date(until, "until"), **given)


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """The PLOVER record, its sentence inside the article's original text, and the other sources."""
    row = event_by_id(store, event_id)
    if row is None:
        raise NotFound(f'no event with id "{event_id}"')
    rec = plover_record(row)
    cite = rec["cite_info"]
    doc = document_text(store, row["doc_id"]) or {}
    raw = str(doc.pop("raw_text", "") or "")
    others = [_source(store, s) for s in rec.get("sources") or []
              if (s.get("doc_id"), s.get("char_start")) != (cite.get("doc_id"), cite.get("char_start"))]
    return {"record": rec, "document": doc,
            "article": split_article(raw, cite.get("char_start"), cite.get("char_end"), rec["text"] or ""),
            "other_sources": others}


def split_article(raw: str, start: int | None, end: int | None, sentence: str) -> dict[str, Any]:
    """The article as before / cited / after, cut at the citation's offsets into the original text.

    If the offsets do not point at the sentence (a store written by another version), the sentence
    is looked for in the text; if it is not there, nothing is marked and ``exact`` says so.
    """
    if start is not None and end is not None and 0 <= start <= end <= len(raw) and raw[start:end] == sentence:
        return {"before": raw[:start], "cited": raw[start:end], "after": raw[end:], "exact": True}
    at = raw.find(sentence) if sentence else -1
    if at >= 0:
        end = at + len(sentence)
        return {"before": raw[:at], "cited": sentence, "after": raw[end:], "exact": False}
    return {"before": raw, "cited": "", "after": "", "exact": False}


def _source(store: Store, s: dict[str, Any]) -> dict[str, Any]:
    out = {k: s.get(k) for k in ("doc_id", "source_file", "outlet", "published", "url", "char_start",
                                  "char_end")}
    out["event_id"] = s.get("event_id") or s.get("id")
    out["text"] = s.get("text")
    if not out["text"] and s.get("doc_id") and s.get("char_start") is not None:
        doc = document_text(store, str(s["doc_id"]))
        if doc and doc.get("raw_text"):
            out["text"] = str(doc["raw_text"])[int(s["char_start"]):int(s.get("char_end") or 0)] or None
    return out


def dyad_view(store: Store, a: str, b: str, by: str) -> dict[str, Any]:
    return dyad(store, a, b, by=by).to_json()


def actor_view(store: Store, name: str, by: str = "month") -> dict[str, Any]:
    try:
        act = activity(store, name, by=by)
    except UnknownActor as exc:
        raise NotFound(str(exc)) from exc
    return {"actor": act.actor.to_json(), "profile": profile_of(store, act.actor), "activity": act.to_json()}


def actor_list(store: Store, q: str | None = None) -> list[dict[str, Any]]:
    from kronika.actors.normalize import fold

    rows = actors(store)
    if q:
        needle = fold(q)
        rows = [r for r in rows if any(needle in fold(n) for n in [r["name"], *r["aliases"]])]
    return rows


def network_view(store: Store, since: str | None, until: str | None) -> dict[str, Any]:
    return network_json(build_network(store, since=real_date(since, "since"),
                                      until=real_date(until, "until")))


def real_date(value: str | None, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar ("2024-13" and "2023-02-30" do not)."""
    if not value:
        return None
    check_date(value, name)
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        raise QueryError(f'{name} "{value}" is not a date on the calendar') from None
    return value


def categories() -> list[str]:
    return list(CATEGORIES)
