"""The actor network: actors as nodes, factual events as weighted directed edges (actor → recipient).

Nodes follow how analysts name actors: a country (or a place standing for its government, like
"Belgrade") is its code; a person or an organisation is its corpus entity, carrying name, country and
sector. An actor known only by its code ("the Kenyan government") is its country. Negated and
hypothetical events draw no edge.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from kronika.analyse.listing import checked_filter
from kronika.output import TableView
from kronika.plover import is_fact
from kronika.store import Store
from kronika.store.actor_refs import country_names, event_entities
from kronika.store.checks import Spelling, option_name
from kronika.store.filters import EventQuery
from kronika.store.queries import EventFilter, events
from kronika.store.stored import SideEntity, StoredEvent, record_json


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # a country code, or a corpus entity id
    label: str
    kind: str  # "country" or "entity"
    country: str | None = None
    sector: str | None = None
    type: str | None = None  # the entity type: GPE, PERSON, ORG

    def to_json(self) -> dict[str, object]:
        return record_json(self)


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    event_ids: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    categories: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.event_ids)

    @property
    def mean_score(self) -> float | None:
        return round(sum(self.scores) / len(self.scores), 2) if self.scores else None


@dataclass(slots=True)
class Network:
    nodes: dict[str, Node]
    edges: dict[tuple[str, str], Edge]
    node_events: Counter[str]  # factual events each node takes part in, on either side


def side_nodes(codes: Iterable[str], entities: Iterable[SideEntity], names: dict[str, str]) -> list[Node]:
    """The nodes on one side of an event, each once."""
    nodes: dict[str, Node] = {}
    for e in entities:
        if e.type == "GPE" and e.country:
            node = country_node(e.country, names)
        else:
            node = Node(e.entity_id, e.name, "entity", e.country, e.sector, e.type)
        nodes.setdefault(node.id, node)
    covered = {n.country for n in nodes.values()}
    for code in codes:
        if code not in covered:
            nodes.setdefault(code, country_node(code, names))
    return list(nodes.values())


def country_node(code: str, names: dict[str, str]) -> Node:
    return Node(code, names.get(code, code), "country", code, None, "GPE")


def event_sides(store: Store, evs: list[StoredEvent]) -> dict[str, tuple[list[Node], list[Node]]]:
    """Event id → (actor nodes, recipient nodes)."""
    ents = event_entities(store, [ev.id for ev in evs])
    names = country_names(store)
    out = {}
    for ev in evs:
        acting, receiving = ents.get(ev.id, ([], []))
        out[ev.id] = (side_nodes(ev.actor_codes, acting, names), side_nodes(ev.recipient_codes, receiving, names))
    return out


def build_network(store: Store, *, since: str | None = None, until: str | None = None, event: str | None = None,
                  countries_only: bool = False, where: EventFilter | None = None) -> Network:
    """The network of factual events dated within [since, until] (no bounds: every event), of one
    PLOVER category if ``event`` is given, or matching ``where``. ``countries_only`` folds people and
    bodies into their country (a minister's visit is an edge between two states) and leaves out those
    without one."""
    f = where or EventFilter(since=since, until=until, event=event)
    evs = [ev for ev in events(store, f) if is_fact(ev.aux)]
    net = Network({}, {}, Counter())
    sides = event_sides(store, evs)
    names = country_names(store) if countries_only else {}
    for ev in evs:
        actors, recipients = sides[ev.id]
        if countries_only:
            actors, recipients = _as_countries(actors, names), _as_countries(recipients, names)
        for n in {n.id: n for n in actors + recipients}.values():
            net.nodes.setdefault(n.id, n)
            net.node_events[n.id] += 1
        for a in actors:
            for b in recipients:
                if a.id == b.id:
                    continue
                edge = net.edges.setdefault((a.id, b.id), Edge(a.id, b.id))
                edge.event_ids.append(ev.id)
                edge.categories[ev.event] += 1
                if ev.event_scale is not None:
                    edge.scores.append(float(ev.event_scale))
    return net


def network_for(db: str, q: EventQuery, *, spell: Spelling = option_name) -> Network:
    """``kronika network``: the user's filters checked (NoMatch when they select nothing), then the network."""
    store = Store(db, read_only=True)
    return build_network(store, where=checked_filter(store, q, spell))


def _as_countries(nodes: list[Node], names: dict[str, str]) -> list[Node]:
    out = {n.country: country_node(n.country, names) for n in nodes if n.country}
    return list(out.values())


def top_actors(net: Network, limit: int = 10) -> list[tuple[Node, int]]:
    """The nodes taking part in the most factual events, with their number."""
    return [(net.nodes[nid], n) for nid, n in net.node_events.most_common(limit)]


NETWORK_TABLE = TableView(("actor", "recipient", "events", "mean_score", "categories"), fill="categories")


def busiest_edges(net: Network) -> list[Edge]:
    """The links, busiest first."""
    return sorted(net.edges.values(), key=lambda e: (-e.count, e.source, e.target))


def edge_rows(net: Network) -> list[dict[str, object]]:
    """The links as table rows, busiest first: who acts on whom, how often, how (mean score, categories)."""
    return [{"actor": net.nodes[e.source].label, "recipient": net.nodes[e.target].label, "events": e.count,
             "mean_score": e.mean_score, "categories": ", ".join(f"{k} {n}" for k, n in e.categories.most_common()),
             "actor_id": e.source, "recipient_id": e.target} for e in busiest_edges(net)]


def node_json(n: Node, events: int) -> dict[str, object]:
    return {**n.to_json(), "events": events}


def edge_json(e: Edge) -> dict[str, object]:
    return {"source": e.source, "target": e.target, "count": e.count, "mean_score": e.mean_score,
            "categories": dict(sorted(e.categories.items())), "events": e.event_ids}


def network_json(net: Network) -> dict[str, object]:
    return {"nodes": [node_json(n, net.node_events[n.id]) for n in net.nodes.values()],
            "edges": [edge_json(e) for e in busiest_edges(net)]}


def write_graphml(net: Network, out: TextIO) -> int:
    """GraphML for Gephi and friends; returns the number of edges.

    GraphML attributes are scalars, so an edge's categories are JSON text and its events a
    space-separated id list; a missing country or sector is an empty string.
    """
    import networkx as nx

    g = nx.DiGraph()
    for n in net.nodes.values():
        g.add_node(n.id, **{k: v or "" for k, v in n.to_json().items() if k != "id"},
                   events=net.node_events[n.id])
    for e in net.edges.values():
        g.add_edge(e.source, e.target, weight=e.count, count=e.count,
                   mean_score=e.mean_score if e.mean_score is not None else float("nan"),
                   categories=json.dumps(dict(sorted(e.categories.items()))), events=" ".join(e.event_ids))
    for line in nx.generate_graphml(g):
        out.write(line + "\n")
    return int(g.number_of_edges())

