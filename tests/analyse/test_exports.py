"""Exports an analyst loads without glue: one flat column set for `events` and `export`, typed dates,
filters on `export`, the PLOVER record kept nested, and a CAMEO-style table with documented derivations."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime

import duckdb
import pyarrow.parquet as pq
import pytest

from kronika.analyse.cameo import CAMEO_NAMES, cameo_rows
from kronika.analyse.flat import FLAT_NAMES, flat_record
from kronika.store import Store
from kronika.store.queries import EventFilter, events
from kronika.store.stored import EventSource
from tests.store.helpers import side, stored_event


def _plover(cli_at, db, *filters):
    return [json.loads(line) for line in cli_at("events", "--db", db, "--format", "plover", *filters)
            .stdout.splitlines()]


def test_events_csv_and_export_csv_are_one_column_set(cli_at, examples_db, examples_held, tmp_path):
    listed = cli_at("events", "--db", examples_db, "--format", "csv").stdout
    result = cli_at("export", "--db", examples_db, "--format", "csv", "-o", str(tmp_path / "e.csv"))
    written = f"{examples_held['events']} events written to {tmp_path / 'e.csv'}\n"
    assert result.exit_code == 0 and result.stderr == written
    assert (tmp_path / "e.csv").read_text(encoding="utf-8") == listed
    header = listed.splitlines()[0].split(",")
    assert tuple(header) == FLAT_NAMES
    for column in ("date", "date_start", "date_end", "date_precision", "actor_codes", "actor_countries",
                   "actor_sectors", "recipient_codes", "recipient_countries", "recipient_sectors", "loc_name",
                   "loc_country", "loc_lat", "loc_lon", "quad_code", "event_scale", "cameo_root", "is_fact",
                   "n_sources", "confidence"):
        assert column in header


def test_parquet_from_events_and_export_is_typed_and_date_trunc_works(cli_at, examples_db, tmp_path):
    cli_at("export", "--db", examples_db, "--format", "parquet", "-o", str(tmp_path / "all.parquet"))
    cli_at("events", "--db", examples_db, "--format", "parquet", "-o", str(tmp_path / "listed.parquet"))
    table = pq.read_table(tmp_path / "all.parquet")
    assert table.equals(pq.read_table(tmp_path / "listed.parquet"))
    types = {f.name: str(f.type) for f in table.schema}
    assert types["date_start"] == types["date_end"] == "date32[day]"
    assert types["actor_countries"] == "list<element: string>" and types["is_fact"] == "bool"
    assert types["loc_lat"] == "double" and types["quad_code"] == "int64"
    con = duckdb.connect()
    months = con.execute(f"SELECT date_trunc('month', date_start) AS m, count(*) FROM '{tmp_path / 'all.parquet'}' "
                         "WHERE date_start IS NOT NULL GROUP BY m ORDER BY m").fetchall()
    assert months[0] == (datetime(2008, 1, 1), 1)  # "2008": a year, which starts on its first day
    precisions = dict(con.execute(f"SELECT date, date_precision FROM '{tmp_path / 'all.parquet'}' "
                                  "WHERE date IS NOT NULL").fetchall())
    assert {precisions[d] for d in precisions if len(d) == 4} == {"year"}
    assert {precisions[d] for d in precisions if len(d) == 7} == {"month"}
    kenya = con.execute(f"SELECT count(*) FROM '{tmp_path / 'all.parquet'}' WHERE is_fact AND "
                        "list_contains(recipient_countries, 'KEN')").fetchone()[0]
    assert kenya > 0


def test_a_flat_row_says_what_the_record_says(examples_db):
    ev = next(e for e in events(Store(examples_db, read_only=True), EventFilter(dyad=("CZE", "KEN")))
              if e.event_loc and e.actor[0].sector)
    record = ev.to_plover()
    row = flat_record(ev)
    loc = record["event_loc"]
    assert (row["loc_name"], row["loc_country"], row["loc_lat"], row["loc_lon"]) == \
        (loc["name"], loc["country"], loc["lat"], loc["lon"])
    assert row["actor_codes"] == list(dict.fromkeys(a["code"] for a in record["actor"] if a["code"]))
    assert row["actor_sectors"] == list(dict.fromkeys(a["sector"] for a in record["actor"] if a["sector"]))
    assert row["is_fact"] is True and row["date_precision"] == "day"
    assert row["date_start"] == row["date_end"] == date.fromisoformat(record["date"])
    assert row["sources"] == json.dumps(record["sources"], ensure_ascii=False)
    assert (row["n_sources"], row["coder"]) == (record["n_sources"], record["coder"])
    month = flat_record(replace(ev, date="2024-02"))
    assert (month["date_start"], month["date_end"], month["date_precision"]) == \
        (date(2024, 2, 1), date(2024, 2, 29), "month")
    assert flat_record(replace(ev, aux=("negation",)))["is_fact"] is False
    assert flat_record(replace(ev, actor=side({"code": "EUR", "sector": None}, {"code": "KOS", "sector": "GOV"}))
                       )["actor_countries"] == ["KOS"]


def test_export_takes_the_filters_of_events(cli_at, examples_db):
    filters = ("--actor", "KEN", "--since", "2024-03", "--facts-only")
    listed = cli_at("events", "--db", examples_db, "--format", "plover", *filters).stdout
    exported = cli_at("export", "--db", examples_db, "--format", "plover", "-o", "-", *filters)
    assert exported.stdout == listed and exported.stdout
    assert exported.stderr == f"{len(listed.splitlines())} events written to -\n"
    graph = cli_at("export", "--db", examples_db, "--format", "graphml", "-o", "-", "--dyad", "CZE:KEN").stdout
    full = cli_at("export", "--db", examples_db, "--format", "graphml", "-o", "-").stdout
    assert 0 < graph.count("<edge ") < full.count("<edge ")


def test_plover_stays_the_nested_record_and_jsonl_adds_why(cli_at, examples_db):
    plover = _plover(cli_at, examples_db, "--limit", "3")
    jsonl = [json.loads(line) for line in cli_at("events", "--db", examples_db, "--format", "jsonl", "--limit", "3")
             .stdout.splitlines()]
    assert "explain" not in plover[0] and isinstance(plover[0]["actor"], list)
    assert [{k: v for k, v in r.items() if k != "explain"} for r in jsonl] == plover
    assert jsonl[0]["explain"]["trigger"]


def test_columns_picks_csv_columns_too(cli_at, examples_db):
    out = cli_at("events", "--db", examples_db, "--format", "csv", "--columns", "id,date_start,actor_countries",
                 "--dyad", "CZE:KEN").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "date_start", "actor_countries"] and json.loads(rows[0]["actor_countries"])
    refused = cli_at("events", "--db", examples_db, "--format", "plover", "--columns", "id")
    assert refused.exit_code == 2
    assert refused.output.endswith("Error: --columns picks CSV or Parquet columns; --format plover writes whole "
                                   "records\n")


def test_cameo_rows_derive_codes_types_and_scores_as_the_codebook_says():
    two_reports = tuple(EventSource(doc_id=d, source_file=f"{d}.txt", outlet=None, sentence=0, char_start=0,
                                    char_end=12, published=None, url=None, text="They signed.", caption=False)
                        for d in ("d1", "d2"))
    record = stored_event(
        id="e1", date="2024-03", event="SUPPORT", cameo_root="05", quad_code=1, event_scale=5.0,
        text="They signed.", sources=two_reports,
        event_loc={"name": "Prague", "country": "CZE", "lat": 50.1, "lon": 14.4}, url="https://example.org/a",
        actor=side({"code": "CZE", "sector": "GOV", "identifier_text": "Jiří Novák"},
                   {"code": "EUR", "sector": None, "identifier_text": "the EU"},
                   {"code": "CZE", "sector": "GOV", "identifier_text": "Prague"}),
        recipient=side({"code": "KEN", "sector": "JRN", "identifier_text": "Nation Daily"},
                       {"code": None, "sector": "MED", "identifier_text": "doctors"}))
    rows = cameo_rows(record)
    assert [(r["Actor1Code"], r["Actor2Code"]) for r in rows] == [
        ("CZEGOV", "KENMED"), ("CZEGOV", "HLH"), ("IGOEUREEC", "KENMED"), ("IGOEUREEC", "HLH")]
    first = rows[0]
    assert (first["Actor1Name"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("Jiří Novák", "CZE", "GOV")
    assert (first["Actor2CountryCode"], first["Actor2Type1Code"]) == ("KEN", "MED")  # PLOVER JRN is CAMEO's media
    assert rows[2]["Actor1CountryCode"] is None  # the EU is not a state
    assert (first["SQLDATE"], first["MonthYear"], first["Year"], first["date_precision"]) == \
        (None, 202403, 2024, "month")  # no day is made up
    assert (first["EventRootCode"], first["QuadClass"], first["GoldsteinScale"], first["NumSources"]) == \
        ("05", 1, 5.0, 2)
    assert first["ActionGeo_CountryCode"] == "CZE" and first["SOURCEURL"] == "https://example.org/a"
    alone = cameo_rows(replace(record, date="2024-03-12", recipient=()))
    assert [(r["Actor2Code"], r["SQLDATE"]) for r in alone] == [(None, 20240312), (None, 20240312)]


def test_cameo_export_has_a_row_per_actor_pair_and_loads_in_duckdb(cli_at, examples_db, examples_held, tmp_path):
    result = cli_at("export", "--db", examples_db, "--format", "cameo", "-o", str(tmp_path / "c.csv"))
    assert result.exit_code == 0
    con = duckdb.connect()
    rows = con.execute(f"SELECT * FROM read_csv_auto('{tmp_path / 'c.csv'}', types={{'EventRootCode': 'VARCHAR'}})"
                       ).fetchall()
    names = [d[0] for d in con.description]
    assert tuple(names) == CAMEO_NAMES
    assert len({r[0] for r in rows}) == examples_held["events"] < len(rows)  # compound events give several rows
    roots = {r[names.index("EventRootCode")] for r in rows}
    assert roots <= {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_empty_export_still_has_every_column(cli_at, examples_db, tmp_path, fmt):
    from kronika.analyse.exporting import write_events

    out = tmp_path / f"empty.{fmt}"
    assert write_events([], fmt, str(out), stdout=io.StringIO()) == 0
    columns = pq.read_table(out).column_names if fmt == "parquet" else out.read_text().strip().split(",")
    assert tuple(columns) == FLAT_NAMES
