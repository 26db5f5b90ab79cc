"""What the map shows: the events matching the filters per place (with coordinates) and per country."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kronika.analyse.countries import country_name, iso_numeric
from kronika.serve import views
from kronika.store import Store
from kronika.store.places import country_counts, place_counts, unplaced_count

_QUAD_KEYS = ("1", "2", "3", "4")


@dataclass(slots=True)
class _Tally:
    """Events at one mark of the map, in all and per quad class."""

    events: int = 0
    quad: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_QUAD_KEYS, 0))

    def add(self, quad_code: int | None, events: int) -> None:
        self.events += events
        if quad_code is not None:
            self.quad[str(quad_code)] += events


def map_view(store: Store, **filters: Any) -> dict[str, object]:
    """Where the events matching the filters happened: per place with coordinates, and per country.

    ``located`` is the number of events the map marks (one mark each); ``unplaced`` those with no
    place; an event whose place has a country but no coordinates counts only for its country.
    """
    f = views.event_filter(store, **filters)
    places: dict[tuple[str | None, str | None, float | None, float | None], _Tally] = {}
    for r in place_counts(store, f):
        places.setdefault((r.name, r.country, r.lat, r.lon), _Tally()).add(r.quad_code, r.events)
    countries: dict[str, _Tally] = {}
    for r in country_counts(store, f):
        countries.setdefault(str(r.country), _Tally()).add(r.quad_code, r.events)  # never None: see the query
    by_place = sorted(places.items(), key=lambda item: (-item[1].events, item[0][0] or ""))
    by_country = sorted(countries.items(), key=lambda item: (-item[1].events, item[0]))
    return {"located": sum(t.events for t in places.values()), "unplaced": unplaced_count(store, f),
            "places": [{"name": name, "country": code, "lat": lat, "lon": lon, "events": t.events, "quad": t.quad,
                        "country_name": country_name(code) if code else None}
                       for (name, code, lat, lon), t in by_place],
            "countries": [{"code": code, "name": country_name(code), "iso_numeric": iso_numeric(code),
                           "events": t.events, "quad": t.quad} for code, t in by_country]}
