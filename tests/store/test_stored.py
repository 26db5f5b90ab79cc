"""The records read back from the store write what the store holds, exactly: the PLOVER record of an
event repeats its stored JSON (actor entries, place, reports, explanation) key for key, in order."""

from __future__ import annotations

import json

import pytest

from kronika.analyse.codebook import SOURCE_ENTRY
from kronika.records import ActorRef
from kronika.store import Store
from kronika.store.queries import EventFilter, QuoteFilter, events, quotes
from kronika.store.stored import StoredEvent


@pytest.fixture(scope="module")
def store(examples_db: str) -> Store:
    return Store(examples_db, read_only=True)


def _same(value: object, stored: str | None) -> bool:
    """Equal as JSON text: same keys, same order, same values."""
    return json.dumps(value, ensure_ascii=False) == json.dumps(json.loads(stored) if stored else None,
                                                              ensure_ascii=False)


def test_every_event_writes_back_its_stored_json(store: Store) -> None:
    rows = {r["id"]: r for r in store.query("SELECT id, actor, recipient, event_loc, explain FROM events")}
    seen = 0
    for ev in events(store, EventFilter(), by_source=True):
        row = rows[ev.id]
        rec = ev.to_explained()
        assert _same(rec["actor"], row["actor"]) and _same(rec["recipient"], row["recipient"]), ev.id
        assert _same(rec["event_loc"], row["event_loc"]), ev.id
        assert _same(rec["explain"], row["explain"]), ev.id
        seen += 1
    assert seen == len(rows)
    assert any(a.entity_id for ev in events(store, EventFilter()) for a in ev.actor), "the merge resolved some"


def test_every_report_has_the_codebooks_fields(store: Store) -> None:
    fields = {c.name for c in SOURCE_ENTRY}
    for ev in events(store, EventFilter()):
        rec = ev.to_plover()
        assert ev.sources and rec["n_sources"] == len(ev.sources), ev.id
        assert all(set(s) == fields for s in rec["sources"]), ev.id


def test_an_event_read_without_its_group_cites_only_itself(store: Store) -> None:
    row = store.query("SELECT e.*, d.source_file, d.outlet, d.published, d.url, d.title FROM events e "
                      "JOIN documents d USING (doc_id) LIMIT 1")[0]
    rec = StoredEvent.from_row(row).to_plover()
    assert rec["sources"] == [rec["cite_info"]] and rec["n_sources"] == 1


def test_an_actor_entry_keeps_the_merges_entity_id_last() -> None:
    ref = ActorRef(code="SRB", sector="GOV", entity_text="Vucic", identifier_text="Aleksandar Vučić",
                   inferred="why", entity_id="person:aleksandar vucic")
    assert list(ref.to_plover()) == ["code", "sector", "entity_text", "identifier_text", "inferred", "entity_id"]
    assert "entity_id" not in ActorRef("SRB", None, "Serbia", "Serbia").to_plover()


def test_a_quotation_lists_the_columns_in_the_listings_order(store: Store) -> None:
    q = quotes(store, QuoteFilter())[0]
    assert list(q.to_json())[-5:] == ["caption", "source_file", "outlet", "published", "url"]
