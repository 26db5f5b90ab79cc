"""kronika.store.queries on a real store (the examples, ingested once): what each filter selects,
checked against the tables read directly, and the PLOVER record each event becomes."""

from __future__ import annotations

import pytest

from kronika.errors import FilterError
from kronika.plover import CATEGORIES, CODER, NOT_FACT_AUX
from kronika.store import Store
from kronika.store.queries import (
    EventFilter,
    QuoteFilter,
    actors,
    count_events,
    documents,
    events,
    like_literal,
    parse_dyad,
    quotes,
)


@pytest.fixture(scope="module")
def store(examples_db: str) -> Store:
    return Store(examples_db, read_only=True)


def primary_ids(store: Store, where: str = "true", params: list[object] | None = None) -> set[str]:
    """The real-world events (one per corroborated group) whose primary report matches ``where``."""
    rows = store.query("SELECT ev.id FROM events ev LEFT JOIN event_clusters c ON c.event_id = ev.id "
                       f"WHERE coalesce(c.is_primary, true) AND ({where})", params or [])
    return {r["id"] for r in rows}


def test_every_document_is_listed_once(store: Store) -> None:
    docs = documents(store)
    assert len(docs) == store.scalar("SELECT count(*) FROM documents") == len({d.doc_id for d in docs})
    assert [d.source_file for d in docs] == sorted(d.source_file for d in docs)


def test_with_no_filter_one_row_per_real_world_event(store: Store) -> None:
    rows = events(store, EventFilter())
    assert {r.id for r in rows} == primary_ids(store)
    assert count_events(store, EventFilter()) == len(rows)
    assert count_events(store, EventFilter(), by_source=True) == store.scalar("SELECT count(*) FROM events")


def test_category_quad_and_facts_only(store: Store) -> None:
    for category in CATEGORIES:
        got = {r.id for r in events(store, EventFilter(event=category.lower()))}
        assert got == primary_ids(store, "ev.event = ?", [category]), category
    assert {r.id for r in events(store, EventFilter(quad_code=4))} == primary_ids(store, "ev.quad_code = 4")
    facts = events(store, EventFilter(facts_only=True))
    assert facts and not any(set(r.aux) & set(NOT_FACT_AUX) for r in facts)
    assert len(facts) < len(events(store, EventFilter()))  # the examples tell some negated or supposed events


def test_dates_select_by_the_days_they_cover(store: Store) -> None:
    dated = [r for r in events(store, EventFilter()) if r.date]
    year = str(dated[0].date)[:4]
    since = events(store, EventFilter(since=f"{year}-01"))
    until = events(store, EventFilter(until=year))
    assert since and all(r.date and r.date >= f"{year}-01" for r in since)
    assert until and all(r.date and r.date[:4] <= year for r in until)


def test_an_actor_by_code_on_either_side(store: Store) -> None:
    rows = events(store, EventFilter(actor="KEN"))
    assert rows and all("KEN" in r.actor_codes + r.recipient_codes for r in rows)
    dyad = events(store, EventFilter(dyad=("CZE", "KEN")))
    assert dyad and all("CZE" in r.actor_codes and "KEN" in r.recipient_codes for r in dyad)


def test_bad_filter_values_are_refused_before_any_query(store: Store) -> None:
    with pytest.raises(FilterError, match='^event "HUG" is not a PLOVER category'):
        events(store, EventFilter(event="HUG"))
    with pytest.raises(FilterError) as err:
        parse_dyad("SRB")
    assert str(err.value) == 'dyad "SRB" must be two actors separated by a colon, like SRB:RUS'
    assert parse_dyad(" SRB : RUS ") == ("SRB", "RUS")


def test_what_a_user_types_is_matched_as_itself() -> None:
    assert like_literal("100%_sure\\") == "100\\%\\_sure\\\\"


def test_text_search_with_a_wildcard_character_finds_only_itself(store: Store) -> None:
    everything = events(store, EventFilter())
    for typed in ("%", "_", "minister"):
        found = events(store, EventFilter(text=typed))
        assert found == [r for r in everything if typed in str(r.text).lower()], typed
    assert len(events(store, EventFilter(text="%"))) < len(everything)


def test_the_plover_record_of_an_event(store: Store) -> None:
    ev = events(store, EventFilter(event="CONSULT"))[0]
    rec = ev.to_plover()
    assert rec["coder"] == CODER
    assert rec["id"] == ev.id and rec["event"] == "CONSULT" and rec["quad_code"] == 1
    assert rec["actor"] == [a.to_plover() for a in ev.actor] and isinstance(rec["recipient"], list)
    assert rec["cite_info"] == ev.cite_info() and ev.cite_info()["doc_id"] == ev.doc_id
    assert rec["n_sources"] == len(rec["sources"]) == ev.n_sources >= 1


def test_quotes_by_speaker_and_actors_with_roles(store: Store) -> None:
    everyone = quotes(store, QuoteFilter())
    assert len(everyone) == store.scalar("SELECT count(*) FROM quotes")
    said = [q for q in everyone if q.speaker]
    speaker = str(said[0].speaker)
    mine = quotes(store, QuoteFilter(speaker=speaker))
    assert mine and all(q.speaker == speaker or speaker.lower() in (q.speaker or "").lower() for q in mine)
    listed = actors(store)
    assert len(listed) == store.scalar("SELECT count(*) FROM entities")
    assert any(a.roles for a in listed) and all(isinstance(a.to_json()["aliases"], list) for a in listed)


def test_the_totals_an_ingest_reports_are_the_overview_counts(store: Store) -> None:
    from kronika.store.summary import counts, totals

    c, t = counts(store), totals(store)
    assert c.events < c.citations  # some reports are corroborated: the two ways of counting differ
    assert (t.documents, t.reports, t.events, t.entities) == (c.documents, c.citations, c.events, c.entities)
