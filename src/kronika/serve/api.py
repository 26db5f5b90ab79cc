"""The JSON API under /api/ (described at /openapi.json); the explorer's pages read it."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel

from kronika.errors import QueryError
from kronika.serve import views
from kronika.serve.map_view import map_view
from kronika.store import Store

Period = Literal["week", "month", "year"]


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    """The one error shape: {"error": {"status": 400, "message": "..."}}."""

    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "A bad parameter"},
    404: {"model": ErrorBody, "description": "No such event or actor"},
    503: {"model": ErrorBody, "description": "The store stayed locked or unreadable"},
}

def known_parameters_only(request: Request) -> None:
    """A parameter the endpoint does not take is a 400, not silently ignored (``?category=`` once
    was the event filter's name: a bookmark using it must say so rather than list every event)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = ", ".join(sorted(known)) or "no parameters"
        raise QueryError(f'unknown parameter "{unknown[0]}" ({route.path} takes {takes})')


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


router = APIRouter(prefix="/api", responses=_ERRORS, dependencies=[Depends(known_parameters_only)])


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/health", summary="The server is up and can read its store")
def health(request: Request) -> dict[str, object]:
    from kronika.store.run_state import store_warning
    from kronika.store.summary import report_count

    store = _store(request)
    # No path: where the store lives on this machine is nobody's business but its owner's.
    return {"status": "ok", "events": report_count(store),
            "warning": store_warning(store.path)}


@router.get("/overview", summary="Counts, top actors, top country dyads, recent events")
def overview(request: Request) -> dict[str, object]:
    return views.overview(_store(request))


# The event filters, named as `kronika events` names its options (--place-country is place_country).
@router.get("/events", summary="A page of events matching the filters")
def events(request: Request,
           actor: str | None = Query(None, description="Country code, name or alias, on either side"),
           dyad: str | None = Query(None, description="Actor side and recipient side, e.g. SRB:RUS"),
           event: str | None = Query(None, description="A PLOVER category, e.g. SANCTION"),
           since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
           until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
           place: str | None = Query(None, description="Where it happened, by the place's name"),
           place_country: str | None = Query(None, description="The country where it happened (a code)"),
           quad_code: int | None = Query(None, description="Quad class, 1 to 4"),
           outlet: str | None = Query(None, description="An outlet among its sources"),
           facts_only: bool = Query(False, description="Leave out negated and hypothetical events"),
           q: str | None = Query(None, description="Text the sentence contains"),
           page: int = Query(1, description="Page number, from 1"),
           per_page: int = Query(25, description=f"Events per page, 1 to {views.MAX_PER_PAGE}"),
           ) -> dict[str, object]:
    return views.event_table(_store(request), actor=actor, dyad_pair=dyad, event=event, since=since,
                             until=until, text=q, place=place, place_country=place_country,
                             quad_code=quad_code, outlet=outlet, facts_only=facts_only, page=page,
                             per_page=per_page)


@router.get("/map", summary="Where the matching events happened: per place (with coordinates) and per country")
def event_map(request: Request,
              actor: str | None = Query(None, description="Country code, name or alias, on either side"),
              dyad: str | None = Query(None, description="Actor side and recipient side, e.g. SRB:RUS"),
              event: str | None = Query(None, description="A PLOVER category, e.g. SANCTION"),
              since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
              until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
              place_country: str | None = Query(None, description="The country where it happened (a code)"),
              quad_code: int | None = Query(None, description="Quad class, 1 to 4"),
              outlet: str | None = Query(None, description="An outlet among its sources"),
              facts_only: bool = Query(False, description="Leave out negated and hypothetical events"),
              ) -> dict[str, object]:
    return map_view(_store(request), actor=actor, dyad_pair=dyad, event=event, since=since, until=until,
                          place_country=place_country, quad_code=quad_code, outlet=outlet, facts_only=facts_only)


@router.get("/events/{event_id}", summary="One PLOVER record, its sentence in the article, other sources")
def event(request: Request, event_id: str) -> dict[str, object]:
    return views.event_detail(_store(request), event_id)


@router.get("/dyad", summary="Two actors' events per period in both directions")
def dyad(request: Request, a: str = Query(..., description="Country code, name or alias"),
         b: str = Query(..., description="Country code, name or alias"), by: Period = "month") -> dict[str, object]:
    return views.dyad_view(_store(request), a, b, by)


@router.get("/actors", summary="Every corpus entity, most mentioned first")
def actors(request: Request, q: str | None = Query(None, description="Part of a name or alias")) -> list[Any]:
    return views.actor_list(_store(request), q)


@router.get("/actors/{name:path}", summary="One actor: profile, roles, counterparts, events over time")
def actor(request: Request, name: str, by: Period = "month") -> dict[str, object]:
    return views.actor_view(_store(request), name, by)


@router.get("/network", summary="Actors as nodes, factual events as weighted directed edges")
def network(request: Request,
            since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
            until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
            event: str | None = Query(None, description="A PLOVER category, e.g. SANCTION"),
            min_weight: int = Query(1, description="Only links of at least this many events"),
            countries_only: bool = Query(False, description="People and bodies folded into their country"),
            top: int | None = Query(None, description="Only the actors in the most events (default: all)"),
            ) -> dict[str, object]:
    return views.network_view(_store(request), since, until, event=event, min_weight=min_weight,
                              countries_only=countries_only, top=top)


@router.get("/categories", summary="The 16 PLOVER categories")
def categories() -> list[str]:
    return views.categories()
