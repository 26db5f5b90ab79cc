"""Dyad timelines on the real examples store: directions, periods, and what is left out of the counts."""

from __future__ import annotations

import pytest

from kronika.analyse.dyads import dyad
from kronika.analyse.periods import period_of, period_start
from kronika.errors import QueryError
from kronika.store import Store
from kronika.store.queries import EventFilter, events


@pytest.fixture(scope="module")
def store(examples_db):
    return Store(examples_db, read_only=True)


def _ids(d):
    return {i for c in d.cells for i in c.event_ids}


def test_counts_both_directions_with_the_events_behind_each_number(store):
    d = dyad(store, "CZE", "KEN", by="month")
    assert d.directions == ("CZE>KEN", "KEN>CZE", "CZE+KEN")
    assert {c.direction for c in d.cells} >= {"CZE>KEN", "KEN>CZE"}
    assert {c.period for c in d.cells} >= {"2024-03", "2024-04"}  # the Nairobi visit and the Prague one
    by_id = {r.id: r for r in events(store, EventFilter(actor="CZE"))}
    for c in d.cells:
        assert c.count == len(c.event_ids)
        rows = [by_id[i] for i in c.event_ids]
        assert {r.event for r in rows} == {c.event}
        assert {period_of(r.date, "month") for r in rows} == {c.period}
        scores = [r.event_scale for r in rows]
        assert c.mean_score == round(sum(scores) / len(scores), 2)
        if "+" in c.direction:  # a joint act: both act, neither at the other
            assert all({"CZE", "KEN"} <= set(r.actor_codes) for r in rows)
            continue
        actor_code, recipient_code = c.direction.split(">")
        assert all(actor_code in r.actor_codes and recipient_code in r.recipient_codes for r in rows)
    for t in d.totals:
        assert t.count == sum(t.quad.values()) == t.cooperation + t.conflict
    assert set(d.events) == _ids(d)


def test_negated_and_hypothetical_events_are_listed_apart_never_counted(store):
    seen = 0
    for a, b in (("CZE", "KEN"), ("IRQ", "TUR"), ("ARG", "CHL"), ("IGO", "GEO")):
        d = dyad(store, a, b, by="year")
        for e in d.not_facts:
            assert set(e.aux) & {"negation", "hypothetical"}
            assert e.id not in _ids(d)
        seen += len(d.not_facts)
        assert all(not set(e.aux) & {"negation", "hypothetical"} for e in d.events.values())
    # "called on the Georgian authorities to ... investigate" ("would not join any producers' cartel" is a
    # refusal, a REJECT that happened: tests/events/test_announced.py)
    assert seen >= 1



def test_events_dated_less_precisely_than_the_period_are_reported_apart(store):
    monthly = dyad(store, "CZE", "KEN", by="month")
    yearly = dyad(store, "CZE", "KEN", by="year")
    aid_2015 = [e for e in monthly.undated if e.date == "2015"]
    assert aid_2015, "the 2015 flood aid is dated to the year only"
    assert aid_2015[0].id in _ids(yearly)
    weekly = dyad(store, "CZE", "KEN", by="week")
    assert all(len(e.date or "") < 10 for e in weekly.undated)
    assert _ids(weekly) | {e.id for e in weekly.undated} == _ids(monthly) | {e.id for e in monthly.undated}


def test_names_aliases_and_capitals_select_the_same_country(store):
    by_code = dyad(store, "CZE", "KEN").to_json()
    by_name = dyad(store, "Czech Republic", "Nairobi").to_json()
    assert by_name["cells"] == by_code["cells"]
    assert by_name["b"]["name"] == "Kenya" and by_name["b"]["code"] == "KEN"


def test_an_entity_dyad_counts_only_that_entity(store):
    d = dyad(store, "Novak", "Wanjiku", by="month")
    assert d.a.entity_id and d.b.entity_id and d.a.name == "Jiří Novák"
    assert d.events
    for e in d.events.values():
        assert "Nov" in e.actor_text + e.recipient_text


@pytest.mark.parametrize(("a", "b", "by", "message"), [
    ("CZE", "Czech Republic", "month", '"CZE" and "Czech Republic" are the same actor (Czech Republic); '
                                       "a dyad needs two"),
    ("CZE", "Atlantis", "month", 'no actor called "Atlantis" in the store (give a country code like SRB, '
                                 "or a name listed by `kronika actors`)"),
    ("CZE", "KEN", "day", 'by "day" is not a period (one of week, month, year)'),
])
def test_bad_dyads_say_what_is_wrong(store, a, b, by, message):
    with pytest.raises(QueryError) as err:
        dyad(store, a, b, by=by)
    assert str(err.value) == message


def test_periods():
    assert period_of("2024-03-12", "week") == "2024-W11"
    assert period_of("2024-03", "week") is None
    assert period_of("2024-03", "month") == "2024-03"
    assert period_of("2024", "month") is None
    assert period_of("2024-12-30", "week") == "2025-W01"  # ISO weeks cross the year
    assert str(period_start("2025-W01")) == "2024-12-30"
    assert str(period_start("2024")) == "2024-01-01"


@pytest.mark.seeds
def test_serbia_and_russia_in_the_seeds(seeds_db):
    d = dyad(Store(seeds_db, read_only=True), "SRB", "RUS", by="year")
    directions = {e.direction for e in [*d.events.values(), *d.undated]}
    assert {"SRB>RUS", "RUS>SRB"} <= {x for v in directions for x in v.split()}
    # "Serbia ... did not impose sanctions against Russia" is a record, not a sanction.
    sanctions = [e for e in d.not_facts if e.event == "SANCTION"]
    assert sanctions and all("negation" in e.aux for e in sanctions)
    assert not any(c.event == "SANCTION" and c.direction == "SRB>RUS" for c in d.cells)
