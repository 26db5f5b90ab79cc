"""An actor's counterparts and its events over time, and the chart files drawn from them."""

from __future__ import annotations

import pytest

from kronika.analyse.charts import activity_chart, dyad_chart
from kronika.analyse.counterparts import activity
from kronika.analyse.dyads import dyad
from kronika.errors import InputError
from kronika.store import Store


@pytest.fixture(scope="module")
def store(examples_db):
    return Store(examples_db, read_only=True)


def test_counterparts_of_a_person_by_relation_and_category(store):
    a = activity(store, "novak")  # any case, no accents
    assert a.actor.name == "Jiří Novák"
    by_relation = {(c.relation, c.node.label): c for c in a.counterparts}
    met = by_relation[("acts on", "Amina Wanjiku")]
    assert met.count == len(met.event_ids) == sum(met.categories.values())
    assert a.events >= sum(t.count for t in a.timeline) + 0
    assert a.events == sum(t.count for t in a.timeline) + a.undated


def test_a_country_is_not_its_own_counterpart(store):
    a = activity(store, "KEN", by="year")
    assert a.counterparts
    assert all(c.node.country != "KEN" for c in a.counterparts)
    assert "CZE" in {c.node.id for c in a.counterparts}


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_charts_are_written_in_the_format_their_name_asks_for(store, tmp_path, suffix):
    d = dyad(store, "CZE", "KEN")
    dyad_path = dyad_chart(d, tmp_path / f"dyad{suffix}")
    actor_path = activity_chart(activity(store, "Kenya"), tmp_path / f"kenya{suffix}")
    for path in (dyad_path, actor_path):
        data = path.read_bytes()
        assert len(data) > 5000
        if suffix == ".png":
            assert data.startswith(b"\x89PNG")
        elif suffix == ".svg":
            assert b"<svg" in data[:2000]
        else:
            text = data.decode()
            assert text.startswith("<!doctype html>") and "<svg" in text and "http://" not in text.split("<svg")[0]


def test_a_chart_name_must_say_its_format(store, tmp_path):
    with pytest.raises(InputError) as err:
        dyad_chart(dyad(store, "CZE", "KEN"), tmp_path / "chart.pdf")
    assert str(err.value) == f"{tmp_path / 'chart.pdf'}: a chart file must end in .png, .svg, .html"
