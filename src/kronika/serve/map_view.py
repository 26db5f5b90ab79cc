"""What the map shows: the events matching the filters per place (with coordinates) and per country."""

from __future__ import annotations

from typing import Any

from kronika.analyse.countries import country_name, iso_numeric
from kronika.serve import views
from kronika.store import Store
from kronika.store.places import country_counts, place_counts, unplaced_count


def map_view(store: Store, **filters: Any) -> dict[str, Any]:
    """Where the events matching the filters happened: per place with coordinates, and per country.

    ``located`` is the number of events the map marks (one mark each); ``unplaced`` those with no
    place; an event whose place has a country but no coordinates counts only for its country.
    """
    f = views.event_filter(store, **filters)
    places: dict[tuple[str, str, float, float], dict[str, Any]] = {}
    for r in place_counts(store, f):
        key = (r["name"], r["country"], r["lat"], r["lon"])
        place = places.setdefault(key, {"name": r["name"], "country": r["country"], "lat": r["lat"],
                                        "lon": r["lon"], "events": 0, "quad": dict.fromkeys(_QUAD_KEYS, 0)})
        place["events"] += r["events"]
        if r["quad_code"] is not None:
            place["quad"][str(r["quad_code"])] += r["events"]
    countries: dict[str, dict[str, Any]] = {}
    for r in country_counts(store, f):
        code = r["country"]
        country = countries.setdefault(code, {"code": code, "name": country_name(code),
                                              "iso_numeric": iso_numeric(code), "events": 0,
                                              "quad": dict.fromkeys(_QUAD_KEYS, 0)})
        country["events"] += r["events"]
        if r["quad_code"] is not None:
            country["quad"][str(r["quad_code"])] += r["events"]
    for place in places.values():
        place["country_name"] = country_name(place["country"]) if place["country"] else None
    return {"located": sum(p["events"] for p in places.values()), "unplaced": unplaced_count(store, f),
            "places": sorted(places.values(), key=lambda p: (-p["events"], p["name"] or "")),
            "countries": sorted(countries.values(), key=lambda c: (-c["events"], c["code"]))}


_QUAD_KEYS = ("1", "2", "3", "4")
