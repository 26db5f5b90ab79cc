"""`kronika dyad`, `network`, `export` and `actors NAME` as a user runs them."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq


def test_dyad_table_lists_the_events_behind_the_numbers(cli, examples_db):
    out = cli("dyad", "CZE", "KEN", "--db", examples_db).output
    assert out.startswith("Czech Republic (CZE) and Kenya (KEN), by month: ")
    assert "events behind these numbers" in out
    assert "not counted, undated or dated less precisely than a month" in out
    # "the bloc could impose sanctions on Georgian officials if the crackdown continues": supposed, not done
    out = cli("dyad", "EUR", "GEO", "--db", examples_db).output
    assert "not counted, negated or hypothetical (1)" in out and "SANCTION [hypothetical]" in out
    # "called on the Georgian authorities to release ... and to investigate": asked for, not an event at all
    out = cli("dyad", "IGO", "GEO", "--db", examples_db).output
    assert "REQUEST" in out and "hypothetical" not in out


def test_dyad_table_keeps_every_year_and_shows_quiet_ones_on_one_line(cli_at, examples_db):
    lines = cli_at("dyad", "CZE", "KEN", "--db", examples_db, "--by", "year", width=100).stdout.splitlines()
    periods = [line.split("   ")[0].strip() for line in lines[4:12]]
    # each direction of a counted year on a row of its own (both ways, and joint acts), quiet years on one
    assert periods[periods.index("2016 … 2023") - 1] == "2015" and periods.count("2016 … 2023") == 1
    assert periods.count("2015") >= 2 and periods.count("2024") >= 2
    assert all(len(line) <= 100 for line in lines)


def test_dyad_csv_and_json_agree(cli, examples_db):
    rows = list(csv.DictReader(io.StringIO(cli("dyad", "CZE", "KEN", "--db", examples_db, "--format", "csv",
                                               "--by", "year").output)))
    data = json.loads(cli("dyad", "CZE", "KEN", "--db", examples_db, "--format", "json", "--by", "year").output)
    assert [r["event_ids"].split() for r in rows if r["count"] != "0"] == [c["event_ids"] for c in data["cells"]]
    assert {r["direction"] for r in rows} <= set(data["directions"].values())
    # every year from the first to the last, both ways: a quiet year is a row with 0, not a gap
    years = sorted({r["period"] for r in rows})
    assert years == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    quiet = [r for r in rows if r["count"] == "0"]
    assert quiet and all(r["event"] == "" and r["event_ids"] == "" for r in quiet)
    assert {(t["period"], t["direction"]) for t in data["totals"]} == {(r["period"], r["direction"]) for r in rows}


def test_dyad_chart_option_writes_the_file(cli, examples_db, tmp_path):
    result = cli("dyad", "CZE", "KEN", "--db", examples_db, "--chart", str(tmp_path / "d.svg"))
    assert result.exit_code == 0
    assert (tmp_path / "d.svg").read_text().count("<svg") == 1


def test_unknown_actor_is_a_clean_error(cli, examples_db):
    result = cli("dyad", "CZE", "Atlantis", "--db", examples_db)
    assert result.exit_code == 1
    assert result.output == ('Error: no actor called "Atlantis" in the store (give a country code like SRB, '
                             "or a name listed by `kronika actors`)\n")


def test_network_json_and_graphml(cli, examples_db):
    data = json.loads(cli("network", "--db", examples_db, "--since", "2024", "--format", "json").output)
    assert data["nodes"] and data["edges"]
    assert {"source", "target", "count", "mean_score", "categories", "events"} <= set(data["edges"][0])
    graphml = cli("network", "--db", examples_db, "--format", "graphml").output
    assert "<graphml" in graphml and 'attr.name="mean_score"' in graphml


def test_actor_shows_counterparts_and_writes_its_chart(cli, examples_db, tmp_path):
    result = cli("actors", "Wanjiku", "--db", examples_db, "--chart", str(tmp_path / "w.png"))
    assert result.exit_code == 0
    assert result.output.startswith("Amina Wanjiku")
    assert "counterparts (" in result.output and "events over time, by month" in result.output
    assert (tmp_path / "w.png").read_bytes().startswith(b"\x89PNG")
    profile = json.loads(cli("actors", "KEN", "--db", examples_db, "--format", "jsonl").output)
    assert profile["name"] == "Kenya" and profile["activity"]["counterparts"]


def test_export_every_format(cli, examples_db, tmp_path):
    plover = cli("export", "--format", "plover", "-o", "-", "--db", examples_db).stdout.splitlines()
    listed = cli("events", "--format", "plover", "--db", examples_db).stdout.splitlines()
    records = [json.loads(line) for line in plover]
    assert len(records) == len(listed) > 50
    assert {"id", "date", "event", "actor", "recipient", "cite_info", "sources", "coder"} <= set(records[0])
    result = cli("export", "--format", "csv", "-o", str(tmp_path / "e.csv"), "--db", examples_db)
    assert result.exit_code == 0
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert json.loads(rows[0]["aux"]) == records[0]["aux"]
    cli("export", "--format", "parquet", "-o", str(tmp_path / "e.parquet"), "--db", examples_db)
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(records)
    assert table.column("aux").to_pylist()[0] == records[0]["aux"]  # lists stay lists in Parquet
    cli("export", "--format", "graphml", "-o", str(tmp_path / "n.graphml"), "--db", examples_db)
    assert (tmp_path / "n.graphml").read_text().startswith("<graphml")


def test_parquet_to_stdout_is_refused(cli, examples_db):
    result = cli("export", "--format", "parquet", "-o", "-", "--db", examples_db)
    assert result.exit_code == 1
    assert result.output == ("Error: -: Parquet is binary and is not written to standard output; give a file, "
                             "e.g. -o events.parquet\n")
