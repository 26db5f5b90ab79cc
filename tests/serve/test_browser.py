"""The explorer in Debian's Chromium: what an analyst sees, with a screenshot of every page."""

from __future__ import annotations

import pytest

from tests.serve.conftest import assert_not_blank

pytestmark = pytest.mark.browser


def _open(page, server, path, ready=None):
    page.goto(server.url + path)
    if ready:
        page.wait_for_selector(ready, state="attached")
    return page


def _shot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert_not_blank(path)
    assert not page.errors, page.errors
    assert not page.dialogs, page.dialogs


def test_overview_shows_the_store_counts(page, server, tmp_path):
    counts = server.get("/api/overview").json()["counts"]
    _open(page, server, "/")
    for key in ("documents", "events", "facts", "entities"):
        assert page.locator(f'[data-count="{key}"]').inner_text() == str(counts[key])
    assert counts["documents"] >= 14 and counts["events"] > 50
    assert page.locator("#top-dyads tbody tr").count() > 3
    _shot(page, tmp_path, "overview")


def test_dyad_chart_draws_cooperation_and_conflict(page, server, tmp_path):
    data = server.get("/api/dyad", a="CZE", b="KEN").json()
    _open(page, server, "/dyad?a=CZE&b=KEN", "[data-dyad-chart][data-state=ready]")
    bars = page.locator("[data-dyad-chart] rect.bar")
    periods = {t["period"] for t in data["totals"]}
    coop = sum(1 for p in periods if any(t["cooperation"] for t in data["totals"] if t["period"] == p))
    conflict = sum(1 for p in periods if any(t["conflict"] for t in data["totals"] if t["period"] == p))
    assert page.locator("[data-dyad-chart] rect.bar.coop").count() == coop > 0
    assert page.locator("[data-dyad-chart] rect.bar.conflict").count() == conflict
    page.select_option("[data-dyad-direction]", data["directions"]["ba"])
    ba_periods = {t["period"] for t in data["totals"] if t["direction"] == data["directions"]["ba"]}
    assert 0 < len(ba_periods) <= bars.count()
    chart = tmp_path / "dyad-chart.png"
    page.locator("[data-dyad-chart]").screenshot(path=str(chart))
    assert_not_blank(chart)
    _shot(page, tmp_path, "dyad")


def test_filtering_the_table_by_actor_narrows_its_rows(page, server, tmp_path):
    _open(page, server, "/events", "[data-event-table][data-state=ready]")
    table = page.locator("[data-event-table]")
    everything = int(table.get_attribute("data-total"))
    page.fill("input[name=actor]", "Kenya")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector(f"[data-event-table][data-state=ready]:not([data-total='{everything}'])",
                           state="attached")
    narrowed = int(table.get_attribute("data-total"))
    assert 0 < narrowed < everything
    assert narrowed == server.get("/api/events", actor="KEN").json()["total"]
    rows = page.locator("[data-event-table] tbody tr")
    assert rows.count() == min(narrowed, 25)
    for i in range(rows.count()):
        assert "(KEN" in rows.nth(i).inner_text()
    assert "actor=Kenya" in page.url  # the filtered view can be bookmarked
    _shot(page, tmp_path, "events")


def test_event_page_marks_the_cited_sentence_in_its_article(page, server, tmp_path):
    brief = next(e for e in server.get("/api/events", q="met", per_page=50).json()["events"]
                 if e["n_sources"] > 1)
    record = server.get(f"/api/events/{brief['id']}").json()["record"]
    _open(page, server, f"/events/{brief['id']}")
    mark = page.locator("#article mark")
    assert mark.count() == 1
    assert mark.inner_text() == record["text"]
    article = page.locator("#article").inner_text()
    assert article.index(record["text"]) > 0  # the sentence sits inside the whole article
    assert page.locator("ul.sources li").count() == record["n_sources"] - 1
    _shot(page, tmp_path, "event")


def test_markup_in_an_article_shows_as_text_and_never_runs(page, server, tmp_path):
    [hit] = server.get("/api/events", q="salmon farming").json()["events"]
    _open(page, server, f"/events/{hit['id']}")
    assert "<script>alert(1)</script>" in page.locator("#article mark").inner_text()
    assert '<img src=x onerror=alert(2)>' in page.locator("#article").inner_text()
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # only /static/kronika.js
    assert page.evaluate("document.querySelectorAll('#article img, #article script').length") == 0
    _shot(page, tmp_path, "escaped-event")
    # The same text through the JavaScript-built table.
    _open(page, server, "/events?q=salmon", "[data-event-table][data-state=ready]")
    assert "<script>alert(1)</script>" in page.locator("[data-event-table] tbody").inner_text()
    page.wait_for_timeout(200)
    assert page.dialogs == []
    _shot(page, tmp_path, "escaped-table")


@pytest.mark.parametrize(("name", "path", "ready"), [
    ("actor", "/actors/KEN", "[data-activity-chart][data-state=ready]"),
    ("network", "/network", "[data-network][data-state=ready]"),
    ("actors", "/actors?q=nov", None),
])
def test_other_pages_render(page, server, tmp_path, name, path, ready):
    _open(page, server, path, ready)
    if name == "actor":
        assert page.locator("#counterparts tbody tr").count() > 1
        assert page.locator("[data-activity-chart] rect.bar").count() > 0
        page.wait_for_selector("[data-event-table][data-state=ready]", state="attached")
    if name == "network":
        assert page.locator("[data-network] circle.node").count() > 5
    if name == "actors":
        assert "Novák" in page.locator("#actors").inner_text()
    _shot(page, tmp_path, name)
