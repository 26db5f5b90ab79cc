"""Scoring stored events against a reference annotation: the gold file read into records, the
reference scorer's matching rules applied to StoredEvents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.analyse.evaluate import GoldEvent, load_gold, score
from kronika.errors import InputError
from tests.store.helpers import side, stored_event

GOLD = {"documents": [{
    "file": "w01_expels.txt", "published": "2025-02-11",
    "events": [
        {"evidence": "ordered two diplomats", "event": "SANCTION", "also_accept": ["COERCE"],
         "actor": [{"code": "bfa"}], "recipient": [{"code": "CIV"}], "date": "2025-02-10", "required": True},
        {"evidence": "would not expel", "event": "SANCTION", "aux": "negation",
         "actor": [{"code": "BFA"}], "recipient": [{"code": "CIV"}]},
        {"evidence": "met the envoy", "event": "CONSULT", "actor": [{"code": "BFA"}],
         "recipient": [{"code": "FRA"}], "required": True},
    ]}]}


def _gold(tmp_path: Path, data: object) -> str:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_the_gold_file_is_read_into_records(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, GOLD))
    doc = gold.documents[0]
    assert (doc.file, doc.dated, doc.published_year) == ("w01_expels.txt", True, None)
    assert doc.events[0] == GoldEvent(evidence="ordered two diplomats", event="SANCTION", also_accept=("COERCE",),
                                      actor=frozenset({"BFA"}), recipient=frozenset({"CIV"}), aux=None,
                                      date="2025-02-10", required=True)


def test_an_event_without_a_category_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_gold(_gold(tmp_path, {"documents": [{"file": "a", "events": [{"evidence": "x"}]}]}))
    assert 'documents[0].events[0] has no category ("event")' in str(err.value)


def test_stored_events_are_scored(tmp_path: Path) -> None:
    preds = [
        stored_event(id="a", event="COERCE", text="Burkina Faso ordered two diplomats to leave.", date="2025-02-10",
                     actor=side({"code": "BFA"}), recipient=side({"code": "CIV"}), source_file="w01_expels.txt"),
        # a negated event reported as a fact: a trap
        stored_event(id="b", event="SANCTION", text="It said it would not expel anyone.",
                     actor=side({"code": "BFA"}), recipient=side({"code": "CIV"}), source_file="w01_expels.txt"),
        # CONSULT needs both participants
        stored_event(id="c", event="CONSULT", text="The minister met the envoy.", actor=side({"code": "BFA"}),
                     source_file="w01_expels.txt"),
    ]
    r = score(load_gold(_gold(tmp_path, GOLD)), preds)
    o = r.overall
    assert (o.required, o.found, o.predicted, o.matched, o.traps, o.dates_ok, o.dates) == (2, 1, 3, 1, 1, 1, 1)
    assert o.codes_wrong == 1
    assert r.missed == [("w01", "CONSULT", "met the envoy")]
    assert [u[1] for u in r.unmatched] == ["SANCTION", "CONSULT"]
