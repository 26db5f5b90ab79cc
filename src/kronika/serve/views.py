"""What each page and API endpoint shows, computed once from the library; JSON-ready dicts.

The API returns these dicts and the pages render the same dicts, so a page can never say something
the API does not. Each payload is made from the library's records in one function here: the records
are typed (:mod:`kronika.store.stored`, the analyses' dataclasses); only the payloads are plain JSON
objects (``dict[str, object]``).
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from kronika.analyse.briefs import Brief, brief
from kronika.analyse.counterparts import activity, profile_of
from kronika.analyse.countries import country_name
from kronika.analyse.dyads import dyad
from kronika.analyse.network import build_network, busiest_edges, edge_json, node_json, top_actors
from kronika.analyse.timeline import Bucket, buckets, series, span_of
from kronika.errors import QueryError
from kronika.plover import CATEGORIES
from kronika.serve.errors import NotFound
from kronika.store import Store, filters
from kronika.store.actor_refs import UnknownActor
from kronika.store.checks import check_category, check_span
from kronika.store.filters import EventQuery
from kronika.store.queries import EventFilter, actors, count_events, events
from kronika.store.stored import EventSource
from kronika.store.summary import (
    CountryDyad,
    actor_names,
    category_counts,
    country_dyad_months,
    counts,
    document_text,
    event_by_id,
    fact_months,
    outlets,
    place_country_counts,
    recent_events,
    top_country_dyads,
)

Json = dict[str, object]  # a payload, as the API sends it and the pages render it

MAX_PER_PAGE = 200
SMALL_MULTIPLES = 6  # top dyads charted on the overview


def overview(store: Store) -> Json:
    top_dyads = top_country_dyads(store, 10)
    return {
        "counts": counts(store).to_json(),
        "top_actors": [node_json(node, n) for node, n in top_actors(build_network(store), 10)],
        "top_dyads": [d.to_json() for d in top_dyads],
        "recent_events": [brief(ev).to_json() for ev in recent_events(store, 10)],
        "categories": [c.to_json() for c in category_counts(store)],
        **monthly_charts(store, top_dyads[:SMALL_MULTIPLES]),
    }


def monthly_charts(store: Store, top_dyads: list[CountryDyad]) -> Json:
    """Factual events per month by quad class, for the store and for each top dyad on one time axis."""
    months: dict[str, Bucket] = {}
    for r in fact_months(store):
        months.setdefault(r.period, Bucket()).add_sum(r.quad_code, r.events, r.score_sum, r.scored)
    pairs = [(d.actor, d.recipient) for d in top_dyads]
    per_pair: dict[tuple[str, str], dict[str, Bucket]] = {pair: {} for pair in pairs}
    for r in country_dyad_months(store, pairs):
        per_pair[(str(r.actor), str(r.recipient))].setdefault(r.period, Bucket()).add_sum(
            r.quad_code, r.events, r.score_sum, r.scored)
    span = span_of(months)
    return {"months": series(months, "month", span),
            "dyad_months": [{"actor": d.actor, "recipient": d.recipient, "events": d.events,
                             "series": series(per_pair[(d.actor, d.recipient)], "month", span)}
                            for d in top_dyads]}


def event_table(store: Store, *, actor: str | None = None, dyad_pair: str | None = None,
                since: str | None = None, until: str | None = None, page: int = 1, per_page: int = 25,
                **where: Any) -> Json:
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
    evs = events(store, f, limit=per_page, offset=(page - 1) * per_page)
    return {"total": total, "page": page, "per_page": per_page, "pages": pages,
            "events": [brief(ev).to_json() for ev in evs]}


def event_filter(store: Store, *, dyad_pair: str | None = None, **where: Any) -> EventFilter:
    """The EventFilter a request asks for, checked by the parser `kronika events` uses too."""
    return filters.event_filter(store, EventQuery(dyad=dyad_pair, **where))


def event_detail(store: Store, event_id: str) -> Json:
    """The PLOVER record, its sentence inside the article's original text, and the other sources."""
    ev = event_by_id(store, event_id)
    if ev is None:
        raise NotFound(f'no event with id "{event_id}"')
    doc = document_text(store, ev.doc_id)
    raw = str(doc.raw_text or "") if doc else ""
    others = [_source(store, s) for s in ev.sources or () if (s.doc_id, s.char_start) != (ev.doc_id, ev.char_start)]
    return {"record": ev.to_plover(), "document": doc.metadata() if doc else {},
            "article": split_article(raw, ev.char_start, ev.char_end, ev.text or ""),
            "other_sources": others, "source_groups": source_groups(others)}


def source_groups(sources: list[Json]) -> list[Json]:
    """Other sources grouped by the sentence they printed: wire copy reprinted by 30 outlets is one
    group ("30 outlets printed this sentence"), not 30 identical rows. Biggest group first."""
    groups: dict[str, tuple[object, list[Json]]] = {}
    for src in sources:
        key = " ".join(str(src.get("text") or "").split()).casefold()
        groups.setdefault(key, (src.get("text"), []))[1].append(src)
    ordered = sorted(groups.values(), key=lambda g: -len(g[1]))
    return [{"text": text, "sources": members, "outlets": len({s["outlet_label"] for s in members})}
            for text, members in ordered]


def split_article(raw: str, start: int | None, end: int | None, sentence: str) -> Json:
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


def _source(store: Store, s: EventSource) -> Json:
    """Another report of the event, with a label for its outlet and its sentence."""
    text = s.text
    if not text and s.doc_id and s.char_start is not None:
        doc = document_text(store, s.doc_id)
        if doc and doc.raw_text:
            text = doc.raw_text[s.char_start:s.char_end or 0] or None
    # "event_id" is that report's event; the group's reports are read without it, so it is None.
    return {"doc_id": s.doc_id, "source_file": s.source_file, "outlet": s.outlet, "published": s.published,
            "url": s.url, "char_start": s.char_start, "char_end": s.char_end, "event_id": None,
            "outlet_label": s.outlet or urlsplit(str(s.url or "")).hostname or s.source_file, "text": text}


def dyad_view(store: Store, a: str, b: str, by: str) -> Json:
    """The library's dyad, plus a time series with every period for each direction and for all."""
    d = dyad(store, a, b, by=by)
    data = d.to_json()
    counted = list(d.events.values())
    span = span_of(_dated(counted, by))
    data["series"] = {"all": series(_dated(counted, by), by, span)} | {
        direction: series(_dated([e for e in counted if direction in (e.direction or "").split()], by), by, span)
        for direction in d.directions}
    return data


def _dated(items: list[Brief], by: str) -> dict[str, Bucket]:
    return buckets(((e.date, e.quad_code, e.event_scale) for e in items), by)


def actor_view(store: Store, name: str, by: str = "month") -> Json:
    try:
        act = activity(store, name, by=by)
    except UnknownActor as exc:
        raise NotFound(str(exc)) from exc
    found = {t.period: _bucket(t.quad, t.score_sum, t.scored) for t in act.timeline}
    return {"actor": act.actor.to_json(), "profile": profile_of(store, act.actor).to_json(),
            "activity": act.to_json(), "series": series(found, by)}


def _bucket(quad: dict[int, int], score_sum: float, scored: int) -> Bucket:
    b = Bucket()
    for q, n in quad.items():
        b.add_sum(q, n, None, 0)
    b.score_sum, b.scored = score_sum, scored
    return b


def actor_list(store: Store, q: str | None = None) -> list[Json]:
    from kronika.lang.en import fold

    found = actors(store)
    if q:
        needle = fold(q)
        found = [r for r in found if any(needle in fold(n) for n in [r.name, *r.aliases])]
    return [r.to_json() for r in found]


def network_view(store: Store, since: str | None = None, until: str | None = None, *, event: str | None = None,
                 min_weight: int = 1, countries_only: bool = False, top: int | None = None) -> Json:
    """The actor network, its links of at least ``min_weight`` events, among the ``top`` busiest actors.

    Each node gets a name a reader knows ("intergovernmental organisations" for IGO) and a group for
    its colour: country, person, organisation or other.
    """
    if min_weight < 1:
        raise QueryError(f"min_weight {min_weight} must be 1 or more")
    if top is not None and top < 1:
        raise QueryError(f"top {top} must be 1 or more")
    since, until = check_span(since, until)
    net = build_network(store, since=since, until=until, event=check_category(event),
                        countries_only=countries_only)
    edges = [e for e in busiest_edges(net) if e.count >= min_weight]
    linked = {n for e in edges for n in (e.source, e.target)}
    nodes = sorted((n for n in net.nodes.values() if n.id in linked),
                   key=lambda n: (-net.node_events[n.id], n.label))
    kept = nodes[:top] if top else nodes
    ids = {n.id for n in kept}
    shown = [edge_json(e) for e in edges if e.source in ids and e.target in ids]
    return {"nodes": [{**node_json(n, net.node_events[n.id]),
                       "name": country_name(n.id) if n.kind == "country" and n.label == n.id else n.label,
                       "group": _NODE_GROUPS.get("country" if n.kind == "country" else n.type or "", "other")}
                      for n in kept],
            "edges": shown, "actors": len(net.nodes), "links": len(net.edges),
            "shown": {"actors": len(kept), "links": len(shown)}}


_NODE_GROUPS = {"country": "country", "PERSON": "person", "ORG": "organisation"}


def categories() -> list[str]:
    return list(CATEGORIES)


def filter_choices(store: Store) -> Json:
    """What the event form suggests: the outlets and the countries events happened in."""
    return {"outlets": outlets(store),
            "place_countries": [{"code": code, "name": country_name(code), "events": n}
                                for code, n in place_country_counts(store)]}


def actor_choices(store: Store, limit: int = 400) -> list[dict[str, str]]:
    """Suggestions for an actor field: countries by code, then the most mentioned people and bodies."""
    out: list[dict[str, str]] = []
    for r in actor_names(store, limit):
        if r.entity_id.startswith("country:") and r.country:
            out.append({"value": r.country, "label": f"{r.name} (country)"})
        else:
            where = f", {r.country}" if r.country else ""
            out.append({"value": r.name, "label": f"{(r.type or 'actor').lower()}{where}"})
    return out
