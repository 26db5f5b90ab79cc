"""The explorer's JSON API over HTTP against a real `kronika serve`: content, paging, one error shape,
escaping and offline pages."""

from __future__ import annotations

import re

import pytest

from kronika.analyse.dyads import dyad
from kronika.store import Store
from kronika.store.queries import CATEGORIES, EventFilter, count_events


@pytest.mark.parametrize(("path", "params", "status", "message"), [
    ("/api/events", {"page": "0"}, 400, "page 0 is not a page number (pages start at 1)"),
    ("/api/events", {"page": "two"}, 400,
     "page: Input should be a valid integer, unable to parse string as an integer"),
    ("/api/events", {"page": "9999"}, 400, None),  # past the last page; the count varies with the data
    ("/api/events", {"per_page": "500"}, 400, "per_page 500 must be between 1 and 200"),
    ("/api/events", {"since": "yesterday"}, 400,
     'since "yesterday" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)'),
    ("/api/events", {"until": "2024-02-30"}, 400, 'until "2024-02-30" is not a date on the calendar'),
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
    assert server.get("/api/dyad", a="CZE", b="KEN").json() == expected
    assert expected["cells"], "the examples hold Czech-Kenyan events"


def test_article_markup_is_escaped_in_server_rendered_pages(server):
    [hit] = server.get("/api/events", q="salmon farming").json()["events"]
    html = server.get(f"/events/{hit['id']}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_pages_load_nothing_from_other_hosts(server):
    for path in ("/", "/events", "/dyad?a=CZE&b=KEN", "/actors/KEN", "/network", "/actors"):
        response = server.get(path)
        assert response.status_code == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        for ref in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', response.text):
            assert ref.startswith("/static/"), (path, ref)
    assert server.get("/static/kronika.js").status_code == 200
    assert server.get("/docs").status_code == 404  # FastAPI's docs page would load scripts from a CDN


def test_serve_refuses_a_store_that_does_not_exist(cli, tmp_path):
    missing = tmp_path / "none.duckdb"
    result = cli("serve", "--db", str(missing))
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such store (run `kronika ingest` first)\n"
