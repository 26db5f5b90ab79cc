"""The explorer's HTML pages, rendered from the same view dicts the API returns.

Jinja escapes every value (autoescape on for all templates): article text, titles and names are
shown as text, never as markup. Charts and the event table are drawn by static/kronika.js from
the JSON API.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from kronika.plover import QUAD_CLASSES
from kronika.serve import views
from kronika.serve.api import Period
from kronika.store import Store
from kronika.store.summary import top_country_dyads


def _path_part(value: object) -> str:
    return quote(str(value), safe="")


def _web_url(value: object) -> str | None:
    """Only http(s) links are made clickable: a "javascript:" URL in an article's metadata is text."""
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else None


def _score(value: object) -> str:
    return "" if value is None else f"{float(str(value)):+.1f}"


_env = Environment(loader=PackageLoader("kronika.serve", "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.filters.update(path=_path_part, web_url=_web_url, score=_score, query=urlencode)
_env.globals.update(quads=QUAD_CLASSES, categories=views.categories())

router = APIRouter(include_in_schema=False)


def render(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)


def _at(data: object, *keys: str) -> object:
    """A value inside a payload: ``_at(data, "record", "event")`` is ``data["record"]["event"]``."""
    for key in keys:
        assert isinstance(data, dict), f"{key}: not in a JSON object"
        data = data[key]
    return data


def render_error(status: int, message: str) -> str:
    return render("error.html", status=status, message=message, title=f"Error {status}")


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> str:
    return render("overview.html", title="Overview", data=views.overview(_store(request)))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> str:
    # The table fills itself from /api/events with the filters in the page's query string.
    return render("events.html", title="Events", choices=views.filter_choices(_store(request)))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> str:
    data = views.event_detail(_store(request), event_id)
    return render("event.html", title=f"{_at(data, 'record', 'event')} event {event_id}", data=data)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str | None = None, b: str | None = None, by: Period = "month") -> str:
    store = _store(request)
    choices = views.actor_choices(store)
    if not a or not b:
        return render("dyad_pick.html", title="Dyads", a=a or "", b=b or "", by=by, choices=choices,
                      top=[d.to_json() for d in top_country_dyads(store, 20)])
    data = views.dyad_view(store, a, b, by)
    return render("dyad.html", title=f"{_at(data, 'a', 'label')} and {_at(data, 'b', 'label')}", data=data, by=by,
                  choices=choices)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: str | None = Query(None)) -> str:
    return render("actors.html", title="Actors", q=q or "", actors=views.actor_list(_store(request), q))


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor_page(request: Request, name: str, by: Period = "month") -> str:
    store = _store(request)
    data = views.actor_view(store, name, by)
    return render("actor.html", title=_at(data, "actor", "name"), data=data, by=by, name=name,
                  choices=views.filter_choices(store))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> str:
    # The map draws itself from /api/map with the filters in the page's query string.
    return render("map.html", title="Map", choices=views.filter_choices(_store(request)))


@router.get("/network", response_class=HTMLResponse)
def network_page() -> str:
    # The graph draws itself from /api/network with the filters in the page's query string.
    return render("network.html", title="Network")
