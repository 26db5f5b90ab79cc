"""The actor network on the real examples store: nodes, weighted directed edges, GraphML."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from kronika.analyse.network import build_network, network_json, write_graphml
from kronika.plover import is_fact
from kronika.store import Store
from kronika.store.queries import EventFilter, events


@pytest.fixture(scope="module")
def store(examples_db):
    return Store(examples_db, read_only=True)


def test_edges_count_factual_events_from_actor_to_recipient(store):
    net = build_network(store)
    rows = {r.id: r for r in events(store, EventFilter())}
    assert ("CZE", "KEN") in net.edges and ("KEN", "CZE") in net.edges
    for edge in net.edges.values():
        assert edge.source != edge.target
        assert edge.count == len(set(edge.event_ids)) == sum(edge.categories.values())
        for i in edge.event_ids:
            assert is_fact(rows[i].aux), "negated and hypothetical events draw no edge"
            assert rows[i].event in edge.categories


def test_countries_are_codes_and_people_are_entities(store):
    net = build_network(store)
    kenya = net.nodes["KEN"]
    assert (kenya.kind, kenya.label) == ("country", "Kenya")
    people = [n for n in net.nodes.values() if n.type == "PERSON"]
    assert people and all(n.kind == "entity" and n.id.startswith("person:") for n in people)
    novak = next(n for n in people if n.label == "Jiří Novák")
    assert (novak.country, novak.sector) == ("CZE", "GOV")
    assert not any(n.id.startswith("place:") for n in net.nodes.values())  # capitals are their country


def test_since_and_until_keep_only_events_dated_inside(store):
    net = build_network(store, since="2024-04", until="2024-04")
    ids = {i for e in net.edges.values() for i in e.event_ids}
    dates = {r.id: r.date for r in events(store, EventFilter())}
    assert ids and all(dates[i].startswith("2024-04") for i in ids)


def test_json_and_graphml_say_the_same(store):
    net = build_network(store)
    data = network_json(net)
    out = io.StringIO()
    assert write_graphml(net, out) == len(data["edges"])
    g = nx.read_graphml(io.BytesIO(out.getvalue().encode()))
    assert g.number_of_nodes() == len(data["nodes"])
    first = data["edges"][0]
    attrs = g.edges[first["source"], first["target"]]
    assert attrs["count"] == first["count"]
    assert attrs["events"].split() == first["events"]
    assert g.nodes["KEN"]["label"] == "Kenya"
