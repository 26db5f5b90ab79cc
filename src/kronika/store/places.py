"""Where events happened, counted in the store: per place (for the map's marks) and per country.

An event's place is its ``event_loc`` (a place named in the sentence, else the article's dateline);
a corroborated event is where its group puts it. Events with no place are counted apart, so the map
can say how many it cannot show.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.store.db import Store
from kronika.store.queries import EventFilter, filtered_events
from kronika.store.stored import from_rows

_NAME = "json_extract_string(e.event_loc, '$.name')"
_COUNTRY = "json_extract_string(e.event_loc, '$.country')"
_LAT = "TRY_CAST(json_extract_string(e.event_loc, '$.lat') AS DOUBLE)"
_LON = "TRY_CAST(json_extract_string(e.event_loc, '$.lon') AS DOUBLE)"


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """Events of one quad class at one place (a country's, when ``name`` and the coordinates are None)."""

    country: str | None
    quad_code: int | None
    events: int
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


def place_counts(store: Store, f: EventFilter) -> list[PlaceCount]:
    """One row per place with coordinates and quad class: name, country, lat, lon, quad_code, events."""
    sub, params = filtered_events(store, f)
    return from_rows(PlaceCount, store.query(
        f"SELECT {_NAME} AS name, {_COUNTRY} AS country, {_LAT} AS lat, {_LON} AS lon, e.quad_code,"
        f" count(*) AS events FROM {sub} WHERE {_LAT} IS NOT NULL AND {_LON} IS NOT NULL"
        " GROUP BY ALL ORDER BY events DESC, name, quad_code", params))


def country_counts(store: Store, f: EventFilter) -> list[PlaceCount]:
    """One row per country events happened in and quad class, with coordinates or not."""
    sub, params = filtered_events(store, f)
    return from_rows(PlaceCount, store.query(
        f"SELECT {_COUNTRY} AS country, e.quad_code, count(*) AS events FROM {sub}"
        f" WHERE {_COUNTRY} IS NOT NULL GROUP BY ALL ORDER BY country, quad_code", params))


def unplaced_count(store: Store, f: EventFilter) -> int:
    """Events matching ``f`` with no place at all."""
    sub, params = filtered_events(store, f)
    return int(store.scalar(f"SELECT count(*) FROM {sub} WHERE e.event_loc IS NULL", params) or 0)
