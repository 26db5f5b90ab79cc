"""`kronika counts`: events per period, every period present, per group, loadable by DuckDB and pandas."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date

import duckdb
import pandas
import pytest

from kronika.analyse.counts import count_events
from kronika.analyse.periods import period_of
from kronika.store import Store
from kronika.store.queries import EventFilter, events


@pytest.fixture(scope="module")
def store(examples_db):
    return Store(examples_db, read_only=True)


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_every_period_is_present_and_the_counts_add_up(store, by):
    c = count_events(store, EventFilter(), by=by)
    rows = events(store, EventFilter())
    placed = Counter(p for r in rows if (p := period_of(r.date, by)))
    assert {r["period"]: r["events"] for r in c.table_rows() if r["events"]} == dict(placed)
    assert c.matched == len(rows) and c.not_placed == len(rows) - sum(placed.values())
    starts = [r["date_start"] for r in c.table_rows()]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for before, after in zip(c.table_rows(), c.table_rows()[1:], strict=False):
        assert (after["date_start"] - before["date_end"]).days == 1, "no period is skipped"
    assert 0 in {r["events"] for r in c.table_rows()}, "the examples have quiet periods"


def test_the_mean_score_is_of_the_events_counted_and_empty_when_none(store):
    c = count_events(store, EventFilter(actor="KEN"), by="month")
    march = next(r for r in c.table_rows() if r["period"] == "2024-03")
    scores = [r.event_scale for r in events(store, EventFilter(actor="KEN")) if (r.date or "")[:7] == "2024-03"]
    assert march["events"] == len(scores)
    assert march["mean_score"] == round(sum(scores) / len(scores), 2)
    assert all(r["mean_score"] is None for r in c.table_rows() if r["events"] == 0)


def test_since_and_until_stretch_the_axis_to_them(store):
    c = count_events(store, EventFilter(since="2024-01", until="2024-12"), by="month")
    assert [r["period"] for r in c.table_rows()] == [f"2024-{m:02d}" for m in range(1, 13)]
    assert c.table_rows()[0]["date_start"] == date(2024, 1, 1) and c.table_rows()[-1]["date_end"] == date(2024, 12, 31)


@pytest.mark.parametrize("group", ["country", "actor", "category", "quad", "dyad"])
def test_every_group_has_every_period(store, group):
    c = count_events(store, EventFilter(facts_only=True), by="year", group=group)
    periods = sorted({r["period"] for r in c.table_rows()})
    groups = {r[group] for r in c.table_rows()}
    assert len(c.table_rows()) == len(periods) * len(groups)
    assert {(r["period"], r[group]) for r in c.table_rows()} == {(p, g) for p in periods for g in groups}


def test_groups_count_what_the_codebook_says(store):
    rows = [r for r in events(store, EventFilter()) if period_of(r.date, "year") == "2024"]
    by_country = {r["country"]: r["events"] for r in count_events(store, EventFilter(since="2024", until="2024"),
                                                                  by="year", group="country").table_rows()}
    assert by_country["KEN"] == sum(1 for r in rows if "KEN" in r.actor_codes + r.recipient_codes)
    dyads = {r["dyad"]: r["events"] for r in count_events(store, EventFilter(since="2024", until="2024"),
                                                          by="year", group="dyad").table_rows()}
    assert dyads["CZE>KEN"] == sum(1 for r in rows if "CZE" in r.actor_codes and "KEN" in r.recipient_codes)
    quads = count_events(store, EventFilter(since="2024", until="2024"), by="year", group="quad").table_rows()
    assert [r["quad"] for r in quads] == ["1", "2", "3", "4"]
    actors = count_events(store, EventFilter(since="2024", until="2024"), by="year", group="actor").table_rows()
    assert {"Amina Wanjiku", "Kenya"} <= {r["actor"] for r in actors}
    assert all(r["actor_id"] for r in actors)


def test_counts_csv_by_month_and_country_loads_in_duckdb_and_pandas(cli_at, examples_db, tmp_path):
    result = cli_at("counts", "--db", examples_db, "--by", "month", "--group", "country", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "period,date_start,date_end,country,events,mean_score"
    path = tmp_path / "counts.csv"
    path.write_text(result.stdout, encoding="utf-8")
    con = duckdb.connect()
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM read_csv_auto('{path}')").fetchall()}
    assert types == {"period": "VARCHAR", "date_start": "DATE", "date_end": "DATE", "country": "VARCHAR",
                     "events": "BIGINT", "mean_score": "DOUBLE"}
    kenya = con.execute(f"SELECT sum(events) FROM '{path}' WHERE country = 'KEN'").fetchone()[0]
    frame = pandas.read_csv(io.StringIO(result.stdout), parse_dates=["date_start", "date_end"])
    assert frame.groupby("country")["events"].sum()["KEN"] == kenya > 0
    assert frame["date_start"].dt.day.eq(1).all()
    months = frame["period"].nunique()
    assert len(frame) == months * frame["country"].nunique()


def test_counts_json_and_table(cli_at, examples_db, examples_held):
    data = json.loads(cli_at("counts", "--db", examples_db, "--by", "year", "--format", "json").stdout)
    assert {"by", "group", "matched", "not_placed", "rows"} <= set(data)
    assert data["rows"][0] == {"period": "2008", "date_start": "2008-01-01", "date_end": "2008-12-31", "events": 1,
                               "mean_score": 2.5}
    table = cli_at("counts", "--db", examples_db, "--by", "month", width=100)
    assert table.stdout.splitlines()[0].split() == ["period", "events", "mean_score"]
    assert table.stderr == (f"4 of {examples_held['events']} events are undated or dated less precisely than a "
                            "month: not counted\n")


def test_counts_chart(cli_at, examples_db, tmp_path):
    result = cli_at("counts", "--db", examples_db, "--by", "month", "--group", "quad", "--chart",
                    str(tmp_path / "c.svg"))
    assert result.exit_code == 0
    assert (tmp_path / "c.svg").read_text().count("<svg") == 1


def test_dyad_and_actor_timelines_have_every_period(store):
    from kronika.analyse.counterparts import activity
    from kronika.analyse.dyads import dyad

    d = dyad(store, "CZE", "KEN", by="year")
    years = sorted({t.period for t in d.totals})
    assert years == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    assert any(t.count == 0 for t in d.totals)
    a = activity(store, "Kenya", by="month")
    months = [t.period for t in a.timeline]
    assert months == [period_of(f"{m}-01", "month") for m in months]
    assert len(months) == (int(months[-1][:4]) - int(months[0][:4])) * 12 + int(months[-1][5:]) - int(months[0][5:]) + 1
