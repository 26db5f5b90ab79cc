"""`kronika events --explain ID` and the `explain` field of `--format jsonl`: why an event was coded."""

from __future__ import annotations

import json


def _events(cli, db):
    res = cli("events", "--db", db, "--format", "jsonl")
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines()]


def test_explain_names_the_entry_its_source_the_rules_and_how_each_side_was_found(cli, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Tbilisi talks\n\nMarch 4, 2024\n\nArmenia will sign a trade agreement with Georgia next week.\n\n"
                   "A Georgian opposition blogger was arrested in Tbilisi on Sunday.\n\n"
                   "Ukrainian troops returned fire near Kharkiv on Monday.\n", encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    assert cli("ingest", str(art), "--db", db).exit_code == 0
    by_event = {e["event"]: e for e in _events(cli, db)}

    signing = by_event["AGREE"]  # a signing announced: PLOVER reads it as an intent to cooperate
    assert signing["explain"]["trigger"].startswith("sign VERB")
    assert signing["explain"]["source"] == "kronika"
    assert signing["explain"]["rule"] == "a cooperative act announced or intended"
    assert "future: will" in signing["explain"]["cues"]
    out = cli("events", "--db", db, "--explain", signing["id"]).output
    assert "kronika's own lexicon (events/data/triggers.yaml)" in out
    assert "rule:      a cooperative act announced or intended" in out
    assert "actor:     Armenia (ARM)  <- the verb's subject" in out

    arrest = by_event["COERCE"]
    assert arrest["explain"]["actor"].startswith("PLOVER convention: the agent not named")
    assert arrest["actor"][0]["inferred"] == "agent not named"

    # an entry only the converted CAMEO dictionary has: the explanation says so, with its code
    fire = by_event["ASSAULT"]
    assert fire["explain"]["source"] == "cameo" and fire["explain"]["cameo"]
    assert "the CAMEO verb dictionary, converted" in cli("events", "--db", db, "--explain", fire["id"]).output


def test_plover_format_stays_plovers_record(cli, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Visit\n\nMarch 4, 2024\n\nThe Chilean president visited Peru on Monday.\n", encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    cli("ingest", str(art), "--db", db)
    (rec,) = [json.loads(line) for line in cli("events", "--db", db, "--format", "plover").stdout.splitlines()]
    assert "explain" not in rec


def test_explaining_an_unknown_id_says_so(cli, tmp_path):
    db = str(tmp_path / "k.duckdb")
    art = tmp_path / "a.txt"
    art.write_text("Visit\n\nThe Chilean president visited Peru on Monday.\n", encoding="utf-8")
    cli("ingest", str(art), "--db", db)
    res = cli("events", "--db", db, "--explain", "nosuchid")
    assert res.exit_code == 1
    assert 'no event with id "nosuchid"' in res.output
