"""The event filters an analyst narrows a corpus with: one name each in the web API, the page's form
and `kronika events`, the same events whichever way they are asked for."""

from __future__ import annotations

import json
import re

import pytest

from kronika.store import Store
from kronika.store.queries import EventFilter, events

# The filters the API and the CLI share: API parameter -> CLI option.
SHARED = {"actor": "--actor", "dyad": "--dyad", "event": "--event", "since": "--since", "until": "--until",
          "place": "--place", "place_country": "--place-country", "quad_code": "--quad-code",
          "outlet": "--outlet", "facts_only": "--facts-only"}


def _ids_from_api(server, **params) -> set[str]:
    data = server.get("/api/events", per_page=200, **params).json()
    assert data["pages"] == 1, "the filter should fit one page here"
    return {e["id"] for e in data["events"]}


def _ids_from_cli(cli, db, *args: str) -> set[str]:
    result = cli("events", "--db", str(db), "--format", "plover", *args)
    assert result.exit_code == 0, result.output
    return {json.loads(line)["id"] for line in result.output.splitlines()}


def test_every_shared_filter_has_one_name_in_the_api_and_the_cli(server, cli):
    api = {p["name"] for p in server.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]}
    assert set(SHARED) <= api
    help_text = cli("events", "--help").output
    for option in SHARED.values():
        assert f"{option} " in help_text, option
    assert "category" not in api  # the old name answers 400 now (test_api)


@pytest.mark.parametrize(("params", "args"), [
    ({"actor": "KEN"}, ["--actor", "KEN"]),
    ({"actor": "Wanjiku"}, ["--actor", "Wanjiku"]),
    ({"dyad": "CZE:KEN"}, ["--dyad", "CZE:KEN"]),
    ({"event": "agree"}, ["--event", "agree"]),
    ({"since": "2024-03", "until": "2024-04-16"}, ["--since", "2024-03", "--until", "2024-04-16"]),
    ({"place_country": "IRQ"}, ["--place-country", "IRQ"]),
    ({"place": "baghdad"}, ["--place", "baghdad"]),
    ({"quad_code": 4}, ["--quad-code", "4"]),
    ({"outlet": "meridian wire"}, ["--outlet", "meridian wire"]),
    ({"place_country": "irq", "quad_code": 3}, ["--place-country", "irq", "--quad-code", "3"]),
])
def test_the_api_and_the_cli_select_the_same_events(server, cli, served_db, params, args):
    from_api = _ids_from_api(server, **params)
    assert from_api, params
    assert _ids_from_cli(cli, served_db, *args) == from_api


def test_place_and_quad_filters_select_what_they_name(server, served_db):
    everything = {r.id: r for r in events(Store(served_db, read_only=True), EventFilter())}
    in_iraq = _ids_from_api(server, place_country="IRQ")
    assert in_iraq == {i for i, r in everything.items()
                       if r.event_loc and r.event_loc.country == "IRQ"}
    conflict = _ids_from_api(server, quad_code=4)
    assert conflict and all(everything[i].quad_code == 4 for i in conflict)
    assert len(conflict) == sum(1 for r in everything.values() if r.quad_code == 4)


def test_facts_only_leaves_out_negated_and_hypothetical_events(server, cli, served_db):
    total = server.get("/api/events").json()["total"]
    facts = server.get("/api/events", facts_only="true").json()["total"]
    not_facts = server.get("/api/overview").json()["counts"]["not_facts"]
    assert not_facts > 0 and facts == total - not_facts
    result = cli("events", "--db", str(served_db), "--format", "plover", "--facts-only")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == facts
    assert not any({"negation", "hypothetical"} & set(r["aux"]) for r in records)


def test_an_outlet_counts_every_event_it_reported_even_when_another_report_leads(server, served_db):
    everything = events(Store(served_db, read_only=True), EventFilter())
    shared = next(r for r in everything if len({s.outlet for s in r.sources or () if s.outlet}) > 1)
    for outlet in {s.outlet for s in shared.sources or () if s.outlet}:
        assert shared.id in _ids_from_api(server, outlet=outlet.upper()), outlet


def test_cli_refuses_a_quad_class_that_does_not_exist(cli, served_db):
    result = cli("events", "--db", str(served_db), "--quad-code", "5")
    assert result.exit_code == 2
    assert result.output == ("Usage: kronika events [OPTIONS]\nTry 'kronika events --help' for help.\n\n"
                             "Error: --quad-code 5 is not a quad class (1 to 4: 1 verbal cooperation, "
                             "2 material cooperation, 3 verbal conflict, 4 material conflict)\n")


@pytest.mark.parametrize("params", [
    {"since": "2024-02-30"}, {"until": "2024-13"}, {"since": "2024", "until": "2023"}, {"event": "HUG"},
    {"place_country": "Serbia"}, {"quad_code": 7}, {"dyad": "SRB"}, {"since": "yesterday"},
])
def test_the_api_and_the_cli_refuse_the_same_values_with_the_same_words(server, cli, served_db, params):
    """One parser: the API's 400 and the CLI's usage error say the same, each naming its own parameter."""
    api = server.get("/api/events", **params)
    assert api.status_code == 400
    args = [a for name, value in params.items() for a in (SHARED[name], str(value))]
    result = cli("events", "--db", str(served_db), *args)
    assert result.exit_code == 2
    message = api.json()["error"]["message"]
    for name, option in SHARED.items():
        message = re.sub(rf"\b{name}\b(?= )", option, message)
    assert result.output.endswith(f"Error: {message}\n")
