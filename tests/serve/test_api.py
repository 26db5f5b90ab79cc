"""The explorer's JSON API over HTTP against a real `kronika serve`: content, paging, one error shape,
escaping and offline pages."""

from __future__ import annotations

import re

import pytest

from kronika.analyse.dyads import dyad
from kronika.plover import CATEGORIES
from kronika.store import Store
from kronika.store.queries import EventFilter, count_events


@pytest.mark.parametrize(("path", "params", "status", "message"), [
    ("/api/events", {"page": "0"}, 400, "page 0 is not a page number (pages start at 1)"),
    ("/api/events", {"page": "two"}, 400,
     "page: Input should be a valid integer, unable to parse string as an integer"),
    ("/api/events", {"page": "9999"}, 400, None),  # past the last page; the count varies with the data
    ("/api/events", {"per_page": "500"}, 400, "per_page 500 must be between 1 and 200"),
    ("/api/events", {"since": "yesterday"}, 400,
     'since "yesterday" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)'),
    ("/api/events", {"until": "2024-02-30"}, 400, 'until "2024-02-30" is not a date on the calendar'),
    ("/api/events", {"since": "2024", "until": "2023"}, 400, 'until "2023" is before since "2024"'),
    ("/api/events", {"actor": "Wanjku"}, 400, 'no actor called "Wanjku" in the store; did you mean Amina Wanjiku? '
     "(give a country code like SRB, or a name listed by `kronika actors`)"),
    ("/api/events", {"event": "HUG"}, 400,
     f'event "HUG" is not a PLOVER category (one of {", ".join(CATEGORIES)})'),
    ("/api/events", {"quad_code": "7"}, 400, "quad_code 7 is not a quad class (1 to 4: 1 verbal cooperation, "
     "2 material cooperation, 3 verbal conflict, 4 material conflict)"),
    ("/api/events", {"place_country": "Serbia"}, 400,
     'place_country "Serbia" is not a country code (three letters, like SRB)'),
    ("/api/events", {"category": "AGREE"}, 400,
     'unknown parameter "category" (/api/events takes actor, dyad, event, facts_only, outlet, page, per_page, '
     "place, place_country, q, quad_code, since, until)"),
    ("/api/network", {"sinse": "2024"}, 400, None),
    ("/api/events/0000000000", {"verbose": "1"}, 400,
     'unknown parameter "verbose" (/api/events/{event_id} takes no parameters)'),
    ("/api/events", {"dyad": "SRB"}, 400, 'dyad "SRB" must be two actors separated by a colon, like SRB:RUS'),
    ("/api/events", {"actor": "Atlantis"}, 400,
     'no actor called "Atlantis" in the store (give a country code like SRB, or a name listed by '
     "`kronika actors`)"),
    ("/api/events/0000000000", {}, 404, 'no event with id "0000000000"'),
    ("/api/dyad", {"a": "CZE", "b": "KEN", "by": "day"}, 400, "by: Input should be 'week', 'month' or 'year'"),
    ("/api/dyad", {"a": "CZE"}, 400, "b: Field required"),
    ("/api/dyad", {"a": "CZE", "b": "Czech Republic"}, 400,
     '"CZE" and "Czech Republic" are the same actor (Czech Republic); a dyad needs two'),
    ("/api/actors/Atlantis", {}, 404,
     'no actor called "Atlantis" in the store (give a country code like SRB, or a name listed by '
     "`kronika actors`)"),
    ("/api/network", {"since": "2024-13"}, 400, 'since "2024-13" is not a date on the calendar'),
    ("/api/no-such-thing", {}, 404, "Not Found"),
])
def test_bad_requests_get_one_error_shape(server, path, params, status, message):
    response = server.get(path, **params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"] and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    if message is not None:
        assert body["error"]["message"] == message
    elif params.get("page"):
        assert re.fullmatch(r"page 9999 is past the last page \(\d+\)", body["error"]["message"])
    else:
        assert body["error"]["message"].startswith(f'unknown parameter "{next(iter(params))}"')


def test_pages_answer_bad_parameters_with_an_html_error_page(server):
    response = server.get("/events/nope")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "no event with id &#34;nope&#34;" in response.text  # escaped like any other text


def test_openapi_schema_describes_the_api_and_its_error_shape(server):
    schema = server.get("/openapi.json").json()
    assert {"/api/overview", "/api/events", "/api/events/{event_id}", "/api/dyad", "/api/actors",
            "/api/actors/{name}", "/api/network"} <= set(schema["paths"])
    assert "ErrorBody" in schema["components"]["schemas"]
    assert all(p.startswith("/api/") for p in schema["paths"])  # pages stay out of the API schema


def test_event_table_pages_through_the_filtered_events(server, served_db):
    store = Store(served_db, read_only=True)
    total = count_events(store, EventFilter(actor="KEN"))
    first = server.get("/api/events", actor="Kenya", per_page=5).json()
    second = server.get("/api/events", actor="KEN", per_page=5, page=2).json()
    assert first["total"] == second["total"] == total > 5  # a name and its code select the same events
    assert first["pages"] == -(-total // 5)
    assert len(first["events"]) == 5
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    for e in first["events"]:
        assert "(KEN" in e["actor_text"] + e["recipient_text"]


def test_event_detail_cuts_the_article_at_the_cited_sentence(server, served_db):
    some = server.get("/api/events", q="signed", per_page=50).json()["events"]
    assert some
    for brief in some:
        data = server.get(f"/api/events/{brief['id']}").json()
        record, article = data["record"], data["article"]
        raw = Store(served_db, read_only=True).scalar(
            "SELECT raw_text FROM documents WHERE doc_id = ?", [record["cite_info"]["doc_id"]])
        assert article["before"] + article["cited"] + article["after"] == raw
        assert article["exact"] and article["cited"] == record["text"]
        assert len(article["before"]) == record["cite_info"]["char_start"]


def test_dyad_api_is_the_library_dyad(server, served_db):
    expected = dyad(Store(served_db, read_only=True), "CZE", "KEN", by="month").to_json()
    answer = server.get("/api/dyad", a="CZE", b="KEN").json()
    assert set(answer.pop("series")) == {"all", *expected["directions"].values()}  # the charts' time series
    assert answer == expected
    assert expected["cells"], "the examples hold Czech-Kenyan events"


def test_article_markup_is_escaped_in_server_rendered_pages(server):
    hit = next(e for e in server.get("/api/events", q="salmon farming").json()["events"] if e["event"] == "SUPPORT")
    html = server.get(f"/events/{hit['id']}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_pages_load_nothing_from_other_hosts(server):
    for path in ("/", "/events", "/dyad?a=CZE&b=KEN", "/actors/KEN", "/network", "/actors", "/map"):
        response = server.get(path)
        assert response.status_code == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        for ref in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', response.text):
            assert ref.startswith("/static/"), (path, ref)
    assert server.get("/static/kronika.js").status_code == 200
    # The map's and the network's libraries and outlines are served from the package (npm, make install).
    for vendored in ("d3-geo.min.js", "d3-force.min.js", "topojson-client.min.js", "countries-110m.json"):
        assert server.get(f"/static/vendor/{vendored}").status_code == 200, vendored
    assert server.get("/docs").status_code == 404  # FastAPI's docs page would load scripts from a CDN


def test_serve_refuses_a_store_that_does_not_exist(cli, tmp_path):
    missing = tmp_path / "none.duckdb"
    result = cli("serve", "--db", str(missing))
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such store (run `kronika ingest` first)\n"


def test_map_api_counts_every_located_event_once(server):
    data = server.get("/api/map").json()
    total = server.get("/api/events").json()["total"]
    assert data["located"] == sum(p["events"] for p in data["places"]) > 0
    assert all(sum(p["quad"].values()) == p["events"] for p in data["places"])
    assert data["located"] + data["unplaced"] <= total
    for country in data["countries"][:5]:
        assert country["events"] == server.get("/api/events", place_country=country["code"]).json()["total"]
    serbia = next((c for c in data["countries"] if c["code"] == "SRB"), None)
    if serbia:
        assert serbia["name"] == "Serbia" and serbia["iso_numeric"] == "688"
    narrowed = server.get("/api/map", quad_code=4).json()
    assert 0 < narrowed["located"] < data["located"]
    assert all(p["quad"]["4"] == p["events"] for p in narrowed["places"])


def test_network_api_filters_and_names_its_nodes(server):
    everything = server.get("/api/network").json()
    assert everything["shown"] == {"actors": len(everything["nodes"]), "links": len(everything["edges"])}
    countries = server.get("/api/network", countries_only="true").json()
    assert countries["nodes"] and all(n["group"] == "country" for n in countries["nodes"])
    heavy = server.get("/api/network", min_weight=3).json()
    assert heavy["edges"] and all(e["count"] >= 3 for e in heavy["edges"])
    top = server.get("/api/network", top=5).json()
    assert len(top["nodes"]) == 5
    ids = {n["id"] for n in top["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in top["edges"])
    named = {n["id"]: n["name"] for n in everything["nodes"]}
    if "IGO" in named:
        assert named["IGO"] == "intergovernmental organisations"
    agree = server.get("/api/network", event="AGREE").json()
    assert agree["edges"] and all(set(e["categories"]) == {"AGREE"} for e in agree["edges"])
    assert server.get("/api/network", min_weight=0).json() == {
        "error": {"status": 400, "message": "min_weight 0 must be 1 or more"}}


def test_series_have_every_period_from_the_first_to_the_last(server):
    data = server.get("/api/dyad", a="CZE", b="KEN", by="month").json()
    months = [p["period"] for p in data["series"]["all"]]
    assert months == sorted(months) and len(months) == len(set(months))
    first, last = (int(months[0][:4]), int(months[0][5:])), (int(months[-1][:4]), int(months[-1][5:]))
    assert len(months) == (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    counted = {t["period"]: 0 for t in data["totals"]}
    for e in data["events"]:
        counted[e["date"][:7]] = counted.get(e["date"][:7], 0) + 1
    assert {p["period"]: p["count"] for p in data["series"]["all"] if p["count"]} == \
        {k: v for k, v in counted.items() if v}


def test_the_quad_palette_is_one_palette(server):
    from kronika.analyse.charts import QUAD_COLOURS

    css = server.get("/static/kronika.css").text
    for q, colour in QUAD_COLOURS.items():
        assert re.search(rf"--q{q}: {colour};", css), (q, colour)
