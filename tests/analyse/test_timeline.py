"""Time series for charts: every period between the first and the last, and each period's own days."""

from __future__ import annotations

from kronika.analyse.timeline import buckets, periods_between, series, span_of


def test_every_period_is_listed_across_year_ends_and_iso_weeks():
    assert periods_between("2023-11", "2024-02", "month") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert periods_between("2015", "2018", "year") == ["2015", "2016", "2017", "2018"]
    assert periods_between("2020-W52", "2021-W02", "week") == ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]


def test_an_empty_period_is_zero_and_keeps_its_days():
    found = buckets([("2015-03-01", 1, 3.0), ("2017", 4, -9.0), ("2017-05-05", 2, None)], "year")
    points = series(found, "year")
    assert [(p["period"], p["count"], p["mean_score"]) for p in points] == [
        ("2015", 1, 3.0), ("2016", 0, None), ("2017", 2, -9.0)]
    assert (points[1]["start"], points[1]["end"]) == ("2016-01-01", "2017-01-01")
    assert points[2]["quad"] == {"1": 0, "2": 1, "3": 0, "4": 1}
    assert (points[2]["cooperation"], points[2]["conflict"]) == (1, 1)


def test_dates_too_vague_for_the_period_are_left_out():
    found = buckets([("2024", 1, 1.0), ("2024-03", 3, -2.0), (None, 2, 5.0)], "month")
    assert list(found) == ["2024-03"]


def test_small_multiples_share_one_span():
    a = buckets([("2024-01-10", 1, 1.0)], "month")
    b = buckets([("2024-04-02", 4, -8.0)], "month")
    span = span_of(a, b)
    assert span == ("2024-01", "2024-04")
    assert [p["period"] for p in series(a, "month", span)] == [p["period"] for p in series(b, "month", span)]
    assert series({}, "month") == []


def test_a_text_table_shows_a_run_of_quiet_periods_once():
    from kronika.analyse.timeline import quiet_runs

    counts = {"2015": 1, "2016": 0, "2017": 0, "2018": 0, "2019": 2, "2020": 0, "2021": 3}
    assert quiet_runs(list(counts), lambda p: counts[p] == 0) == [
        ("2015", "2015"), ("2016", "2018"), ("2019", "2019"), ("2020", "2020"), ("2021", "2021")]
    assert quiet_runs([], lambda p: True) == []
