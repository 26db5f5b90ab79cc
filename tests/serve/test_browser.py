"""The explorer in Debian's Chromium: what an analyst sees and does, with a screenshot of every page.

Every test's page refuses and reports any request that leaves 127.0.0.1 and fails on a JavaScript
error; the screenshots are kept in the folder the `shots` fixture names.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

import pytest

from tests.serve.conftest import assert_not_blank

pytestmark = pytest.mark.browser


def _open(page, server, path, ready=None):
    page.goto(server.url + path)
    if ready:
        page.wait_for_selector(ready, state="attached")
    return page


def _shot(page, shots, name):
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert_not_blank(path)
    assert not page.errors, page.errors
    assert not page.dialogs, page.dialogs


def _boxes(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => { const b = e.getBoundingClientRect(); return "
                                               "{x: b.x, y: b.y, w: b.width, h: b.height, d: {...e.dataset}}; })")


def _overlap(a, b, slack=0.5):
    return (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
            and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"])


def _days(iso):
    return date.fromisoformat(iso).toordinal()


def assert_true_time_axis(periods, expected_labels):
    """Every period is drawn, and its left edge and width are proportional to its dates."""
    assert [p["d"]["period"] for p in periods] == expected_labels
    first, last = periods[0], periods[-1]
    t0, t1 = _days(first["d"]["start"]), _days(last["d"]["end"])
    x0, x1 = first["x"], last["x"] + last["w"]
    per_day = (x1 - x0) / (t1 - t0)
    for p in periods:
        assert p["x"] == pytest.approx(x0 + (_days(p["d"]["start"]) - t0) * per_day, abs=0.6), p["d"]
        assert p["w"] == pytest.approx((_days(p["d"]["end"]) - _days(p["d"]["start"])) * per_day, abs=0.6), p["d"]


def test_overview_shows_counts_events_per_month_and_top_dyads(page, server, shots):
    data = server.get("/api/overview").json()
    _open(page, server, "/", "[data-dyad-multiples][data-state=ready]")
    for key in ("documents", "events", "facts", "entities"):
        assert page.locator(f'[data-count="{key}"]').inner_text() == str(data["counts"][key])
    periods = _boxes(page, "[data-overview-chart] rect.period")
    assert_true_time_axis(periods, [p["period"] for p in data["months"]])
    assert sum(int(p["d"]["count"]) for p in periods) == sum(p["count"] for p in data["months"]) > 0
    assert any(int(p["d"]["count"]) == 0 for p in periods), "the examples leave some months empty"
    multiples = page.locator("[data-dyad-multiples] figure")
    assert multiples.count() == len(data["dyad_months"]) == min(6, len(data["top_dyads"]))
    first = data["dyad_months"][0]
    assert f"{first['actor']} → {first['recipient']}" in multiples.first.inner_text()
    _shot(page, shots, "overview")


def test_bars_stay_inside_the_plot_and_hovering_tells_the_numbers(page, server, shots):
    _open(page, server, "/", "[data-overview-chart][data-state=ready]")
    plot = page.locator("[data-overview-chart] rect.period").first.bounding_box()
    for bar in _boxes(page, "[data-overview-chart] rect.bar"):
        assert plot["y"] - 0.5 <= bar["y"] and bar["y"] + bar["h"] <= plot["y"] + plot["height"] + 0.5
    busiest = max(_boxes(page, "[data-overview-chart] rect.period"), key=lambda p: int(p["d"]["count"]))
    page.mouse.move(busiest["x"] + busiest["w"] / 2, busiest["y"] + 20)
    tip = page.locator(".tooltip")
    assert tip.is_visible()
    assert tip.inner_text().startswith(f"month {busiest['d']['period']}")
    assert f"{busiest['d']['count']} events" in tip.inner_text() and "mean score" in tip.inner_text()
    assert page.locator("[data-overview-chart] .axis-title").all_text_contents() == [
        "month", "events per month: cooperation ↑ conflict ↓", "mean score (−10 to +10)"]
    assert page.locator("[data-overview-chart] path.score-line").count() == 1


def test_an_empty_year_takes_its_width_on_the_time_axis(page, server, shots):
    """An actor whose events skip at least one year: the year is drawn, empty, as wide as the others."""
    for actor in server.get("/api/overview").json()["top_actors"]:
        data = server.get(f"/api/actors/{quote(actor['id'], safe='')}", by="year").json()
        if any(p["count"] == 0 for p in data["series"]):
            break
    else:
        pytest.fail("no top actor has a year without events between two with events")
    _open(page, server, f"/actors/{quote(actor['id'], safe='')}?by=year", "[data-activity-chart][data-state=ready]")
    periods = _boxes(page, "[data-activity-chart] rect.period")
    assert_true_time_axis(periods, [p["period"] for p in data["series"]])
    empty = next(p for p in periods if p["d"]["count"] == "0")
    busy = next(p for p in periods if p["d"]["count"] != "0")
    assert empty["w"] == pytest.approx(busy["w"], rel=0.01)  # 365 or 366 days
    assert page.locator(f'[data-activity-chart] rect.bar[data-period="{empty["d"]["period"]}"]').count() == 0
    _shot(page, shots, "actor-by-year")


def test_dyad_chart_stacks_cooperation_up_and_conflict_down_per_direction(page, server, shots):
    data = server.get("/api/dyad", a="CZE", b="KEN").json()
    _open(page, server, "/dyad?a=CZE&b=KEN", "[data-dyad-chart][data-state=ready]")
    zero = page.locator("[data-dyad-chart] line.zero").bounding_box()["y"]
    for bar in _boxes(page, "[data-dyad-chart] rect.bar"):
        quad = int(next(c for c in ("1", "2", "3", "4") if page.locator(
            f'[data-dyad-chart] rect.bar.q{c}[data-period="{bar["d"]["period"]}"]').count()))
        assert quad  # every bar is one quad class
    coop = _boxes(page, "[data-dyad-chart] rect.bar.q1, [data-dyad-chart] rect.bar.q2")
    conflict = _boxes(page, "[data-dyad-chart] rect.bar.q3, [data-dyad-chart] rect.bar.q4")
    assert coop and all(b["y"] + b["h"] <= zero + 1 for b in coop)
    assert all(b["y"] >= zero - 1 for b in conflict)
    assert sum(int(b["d"]["count"]) for b in coop + conflict) == sum(p["count"] for p in data["series"]["all"])
    ba = data["directions"]["ba"]
    page.select_option("[data-dyad-direction]", ba)
    shown = sum(int(b["d"]["count"]) for b in _boxes(page, "[data-dyad-chart] rect.bar"))
    assert shown == sum(p["count"] for p in data["series"][ba]) > 0
    chart = shots / "dyad-chart.png"
    page.locator("[data-dyad-chart]").screenshot(path=str(chart))
    assert_not_blank(chart)
    _shot(page, shots, "dyad")


def test_long_lists_are_paginated(page, server, shots):
    actors = server.get("/api/actors").json()
    assert len(actors) > 100, "the examples hold more than two pages of actors"
    _open(page, server, "/actors")
    visible = page.locator("#actors tbody tr:visible")
    assert visible.count() == 50
    first_page = visible.first.inner_text()
    page.locator(".pager button", has_text="next").click()
    assert visible.count() == min(50, len(actors) - 50)
    assert visible.first.inner_text() != first_page
    assert page.locator(".pager .page-info").inner_text().startswith("page 2 of ")


def test_dyad_picker_suggests_actors_and_opens_the_dyad(page, server, shots):
    _open(page, server, "/dyad")
    options = page.locator("datalist#actor-choices option")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert "CZE" in values and "KEN" in values
    page.fill("input[name=a]", "CZE")
    page.fill("input[name=b]", "KEN")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("[data-dyad-chart][data-state=ready]", state="attached")
    assert "a=CZE" in page.url and "b=KEN" in page.url
    _shot(page, shots, "dyad-picker-result")


def test_map_draws_one_mark_per_located_event_and_lists_a_place(page, server, shots):
    data = server.get("/api/map").json()
    _open(page, server, "/map", "[data-map][data-state=ready]")
    assert page.locator("[data-map] circle.event-mark").count() == data["located"] > 0
    places = page.locator("[data-map] g.place")
    assert places.count() == len(data["places"])
    for place in data["places"]:
        group = page.locator(f'[data-map] g.place[data-place="{place["name"]}"][data-country="{place["country"]}"]')
        assert group.locator("circle.event-mark").count() == place["events"]
        for q, n in place["quad"].items():
            assert group.locator(f"circle.q{q}").count() == n
    busiest = data["places"][0]
    page.locator(f'[data-map] g.place[data-place="{busiest["name"]}"]').click()
    page.wait_for_selector("[data-place-events][data-state=ready]", state="attached")
    api_total = server.get("/api/events", place=busiest["name"], place_country=busiest["country"]).json()["total"]
    assert int(page.locator("[data-place-events]").get_attribute("data-total")) == api_total == busiest["events"]
    assert page.locator("[data-place-events] li").count() == min(25, api_total)
    _shot(page, shots, "map")


def test_map_countries_view_shades_countries_by_their_events(page, server, shots):
    data = server.get("/api/map", facts_only="true").json()
    _open(page, server, "/map?facts_only=true", "[data-map][data-state=ready]")
    assert page.locator("input[name=facts_only]").is_checked()
    page.check("input[name='map-view'][value=countries]")
    page.wait_for_selector("[data-map][data-view=countries]", state="attached")
    shaded = {s["d"]["code"]: int(s["d"]["events"]) for s in _boxes(page, "[data-map] path.country.has-events")}
    on_atlas = {c["code"]: c["events"] for c in data["countries"] if c["code"] in shaded}
    assert shaded == on_atlas and len(shaded) >= len(data["countries"]) - 1  # the atlas lacks tiny states
    code = max(shaded, key=shaded.get)
    page.locator(f'[data-map] path.country[data-code="{code}"]').click()
    page.wait_for_selector("[data-place-events][data-state=ready]", state="attached")
    assert int(page.locator("[data-place-events]").get_attribute("data-total")) == shaded[code] == \
        server.get("/api/events", place_country=code, facts_only="true").json()["total"]
    _shot(page, shots, "map-countries")


def _rgb(colour):
    return [int(v) for v in re.findall(r"\d+", colour)[:3]]


def test_network_nodes_and_labels_do_not_collide_and_edges_follow_the_score(page, server, shots):
    data = server.get("/api/network", top=50).json()
    _open(page, server, "/network", "[data-network][data-state=ready]")
    nodes = _boxes(page, "[data-network] circle.node")
    assert len(nodes) == len(data["nodes"]) > 10
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert not _overlap(a, b, slack=0), (a["d"]["node"], b["d"]["node"])
    labels = _boxes(page, "[data-network] text.label")
    assert len(labels) >= len(nodes) // 2
    for i, a in enumerate(labels):
        for b in labels[i + 1:] + nodes:
            assert not _overlap(a, b, slack=1), (a, b)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert "IGO" not in page.locator("[data-network] text.label").all_text_contents()
    edges = page.eval_on_selector_all("[data-network] path.edge", "els => els.map(e => ({score: e.dataset.score, "
                                      "stroke: e.getAttribute('stroke'), tip: e.dataset.tip}))")
    assert len(edges) == len(data["edges"])
    scored = sorted((float(e["score"]), _rgb(e["stroke"])) for e in edges if e["score"])
    blueness = [rgb[2] - rgb[0] for _, rgb in scored]
    assert blueness == sorted(blueness)  # bluer as the mean score rises: one continuous scale
    assert all(b < 0 for (s, _), b in zip(scored, blueness, strict=True) if s <= -2)
    assert all(b > 0 for (s, _), b in zip(scored, blueness, strict=True) if s >= 2)
    first = data["edges"][0]
    assert edges[0]["tip"].startswith(f"{names[first['source']]} → {names[first['target']]}: {first['count']} events")
    _shot(page, shots, "network")
    page.locator(f'[data-network] path.edge[data-source="{first["source"]}"][data-target="{first["target"]}"]'
                 ).dispatch_event("click")
    page.wait_for_url(re.compile(r"/dyad\?a="))
    page.wait_for_selector("[data-dyad-chart][data-state=ready]", state="attached")


def test_network_filters_and_a_click_on_a_node_opens_the_actor(page, server, shots):
    data = server.get("/api/network", countries_only="true", min_weight=2).json()
    _open(page, server, "/network?countries_only=true&min_weight=2", "[data-network][data-state=ready]")
    assert page.locator("[data-network] circle.node").count() == len(data["nodes"]) > 1
    assert page.locator("[data-network] circle.node:not(.country)").count() == 0
    counts = page.eval_on_selector_all("[data-network] path.edge", "es => es.map(e => e.dataset.count)")
    assert counts and all(int(c) >= 2 for c in counts)
    node = data["nodes"][0]
    page.locator(f'[data-network] circle.node[data-node="{node["id"]}"]').click()
    page.wait_for_url(re.compile("/actors/"))
    page.wait_for_selector("[data-activity-chart][data-state=ready]", state="attached")
    assert node["name"] in page.locator("h1").inner_text()


def test_event_page_leads_with_the_record_then_the_sentence_then_the_sources(page, server, shots):
    brief = next(e for e in server.get("/api/events", q="met", per_page=50).json()["events"] if e["n_sources"] > 1)
    detail = server.get(f"/api/events/{brief['id']}").json()
    record = detail["record"]
    _open(page, server, f"/events/{brief['id']}")
    mark = page.locator("#article mark")
    assert mark.count() == 1 and mark.inner_text() == record["text"]
    assert page.locator("#article").inner_text().index(record["text"]) > 0
    top = {s: page.locator(s).bounding_box()["y"] for s in ("#record", "#in-article", "#sources")}
    assert top["#record"] < top["#in-article"] < top["#sources"]
    groups = page.locator("#sources li.source-group")
    assert groups.count() == len(detail["source_groups"])
    assert sum(int(groups.nth(i).get_attribute("data-reports")) for i in range(groups.count())) == \
        record["n_sources"] - 1
    _shot(page, shots, "event")


def test_markup_in_an_article_shows_as_text_and_never_runs(page, server, shots):
    hit = next(e for e in server.get("/api/events", q="salmon farming").json()["events"] if e["event"] == "SUPPORT")
    _open(page, server, f"/events/{hit['id']}")
    assert "<script>alert(1)</script>" in page.locator("#article mark").inner_text()
    assert '<img src=x onerror=alert(2)>' in page.locator("#article").inner_text()
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
    assert scripts and all(s and s.startswith("/static/") for s in scripts)  # no inline script at all
    assert page.evaluate("document.querySelectorAll('#article img, #article script').length") == 0
    _shot(page, shots, "escaped-event")
    _open(page, server, "/events?q=salmon", "[data-event-table][data-state=ready]")
    assert "<script>alert(1)</script>" in page.locator("[data-event-table] tbody").inner_text()
    page.wait_for_timeout(200)
    assert page.dialogs == []
    _shot(page, shots, "escaped-table")


def test_filtering_the_table_narrows_its_rows_and_stays_in_the_address_bar(page, server, shots):
    _open(page, server, "/events", "[data-event-table][data-state=ready]")
    table = page.locator("[data-event-table]")
    everything = int(table.get_attribute("data-total"))
    page.fill("input[name=actor]", "Kenya")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector(f"[data-event-table][data-state=ready]:not([data-total='{everything}'])", state="attached")
    narrowed = int(table.get_attribute("data-total"))
    assert 0 < narrowed < everything == server.get("/api/events").json()["total"]
    assert narrowed == server.get("/api/events", actor="KEN").json()["total"]
    page.select_option("select[name=quad_code]", "1")
    page.check("input[name=facts_only]")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector(f"[data-event-table][data-state=ready]:not([data-total='{narrowed}'])", state="attached")
    expected = server.get("/api/events", actor="Kenya", quad_code=1, facts_only="true").json()["total"]
    assert int(table.get_attribute("data-total")) == expected > 0
    rows = page.locator("[data-event-table] tbody tr")
    assert all("quad-1" in (rows.nth(i).get_attribute("class") or "") for i in range(rows.count()))
    assert "actor=Kenya" in page.url and "quad_code=1" in page.url and "facts_only=true" in page.url
    _shot(page, shots, "events")


PAGES = [
    ("overview", "/", "[data-dyad-multiples][data-state=ready]"),
    ("events-page", "/events?place_country=IRQ", "[data-event-table][data-state=ready]"),
    ("dyad-pick", "/dyad", None),
    ("dyad-page", "/dyad?a=CZE&b=KEN&by=week", "[data-dyad-chart][data-state=ready]"),
    ("actors", "/actors?q=nov", None),
    ("actor", "/actors/KEN", "[data-activity-chart][data-state=ready]"),
    ("map-page", "/map", "[data-map][data-state=ready]"),
    ("network-page", "/network", "[data-network][data-state=ready]"),
]


@pytest.mark.parametrize(("name", "path", "ready"), PAGES)
def test_every_page_loads_without_a_javascript_error(page, server, shots, name, path, ready):
    _open(page, server, path, ready)
    page.wait_for_load_state("networkidle")
    assert page.locator("main h1").count() == 1
    _shot(page, shots, name)


@pytest.mark.parametrize("page", [390], indirect=True)
@pytest.mark.parametrize(("name", "path", "ready"), PAGES)
def test_every_page_is_usable_on_a_phone(page, server, shots, name, path, ready):
    _open(page, server, path, ready)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing pushes the page sideways
    nav = page.locator("header.top nav a")
    assert all(nav.nth(i).is_visible() for i in range(nav.count()))
    _shot(page, shots, f"phone-{name}")
