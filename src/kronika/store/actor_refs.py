"""Who an analyst means by "SRB", "Serbia" or "Vucic", and which corpus entities stand behind an event.

A country is asked about by its code or its name; any actor coded with that country counts for it
(the president, the ministry, the capital standing for the government). A person or an organisation
is asked about by any of its names or aliases and counts only for itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kronika.errors import QueryError
from kronika.store.db import Store
from kronika.store.queries import entity_keys
from kronika.store.stored import SideEntity, from_row

_CODE = re.compile(r"^[A-Za-z]{3}$")

# How close (rapidfuzz's ratio, 0-100) a name must be to be offered: "Putinn"/"Putin" is 91,
# "Wanjku"/"Wanjiku" 92, "Kenia"/"Kenya" 80, "Nobody"/"Novak" 36.
_SIMILAR = 80


class UnknownActor(QueryError):
    """No country code, entity name or alias in the store matches (the web explorer answers 404)."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        guess = f"; did you mean {alternatives(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f'no actor called "{name}" in the store{guess} (give a country code like SRB, or a '
                         "name listed by `kronika actors`)")

    def __reduce__(self) -> tuple[type, tuple[str, tuple[str, ...]]]:
        return (UnknownActor, (self.name, self.suggestions))


def alternatives(names: Sequence[str]) -> str:
    """"A", "A or B", "A, B or C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """What an analyst asked about ("SRB", "Vucic"), resolved against the store: one side of a dyad or
    the subject of an actor page (not :class:`kronika.records.ActorRef`, one side of an event)."""

    query: str  # what the user typed
    label: str  # short display name: the code for a country, the entity's name otherwise
    name: str  # long display name ("Serbia", "Aleksandar Vučić")
    code: str | None  # set for a country: every actor coded with it counts
    entity_id: str | None  # set for a person or an organisation

    @property
    def node(self) -> str:
        """The country code or the entity id: the actor's network node, and the value EventFilter's
        ``actor`` and ``dyad`` select its events with."""
        return self.code or self.entity_id or self.query

    def to_json(self) -> dict[str, str | None]:
        return {"query": self.query, "label": self.label, "name": self.name, "code": self.code,
                "entity_id": self.entity_id, "node": self.node}


def resolve_actor(store: Store, name: str) -> ResolvedActor:
    """An actor by country code, entity id, name or alias (any case, any accents).

    A place (a country, a capital standing for its government) becomes its country, so "Serbia",
    "Belgrade" and "SRB" select the same events.
    """
    text = name.strip()
    if not text:
        raise QueryError("an actor name or country code is required")
    if _CODE.match(text) and _code_in_use(store, text.upper()):
        return _country(store, text, text.upper())
    keys = entity_keys(store, text)
    if keys:
        rows = store.query(
            "SELECT e.entity_id, e.name, e.type, e.country FROM entity_members m "
            "JOIN entities e USING (entity_id) WHERE list_contains(?, m.key) "
            "ORDER BY e.entity_id = ? DESC, e.mentions DESC LIMIT 1", [keys, text])
        if rows:
            row = rows[0]
            if row["type"] == "GPE" and row["country"]:
                return _country(store, text, str(row["country"]))
            return ResolvedActor(text, str(row["name"]), str(row["name"]), None, str(row["entity_id"]))
    raise UnknownActor(text, similar_actor_names(store, text))


def similar_actor_names(store: Store, name: str, limit: int = 3) -> list[str]:
    """The store's entity names closest to a misspelt one ("Wanjku" → "Amina Wanjiku"), best first.

    Each entity is compared by its name and its aliases (a surname alone is often an alias), and is
    offered by its name.
    """
    rows = store.query("SELECT name, aliases FROM entities ORDER BY mentions DESC, name")
    return closest(name, {str(r["name"]): [str(r["name"]), *(r["aliases"] or [])] for r in rows}, limit)


def closest(name: str, candidates: dict[str, list[str]], limit: int = 3) -> list[str]:
    """The candidates (each a label and its spellings) within a typo or two of ``name``, best first."""
    from rapidfuzz import fuzz

    from kronika.lang.en import fold

    wanted = fold(name)
    scored = []
    for label, spellings in candidates.items():
        score = max(fuzz.ratio(wanted, fold(s)) for s in spellings)
        if score >= _SIMILAR:
            scored.append((-score, label))
    return [label for _, label in sorted(scored)[:limit]]



def _code_in_use(store: Store, code: str) -> bool:
    return bool(store.scalar(
        "SELECT EXISTS (SELECT 1 FROM entities WHERE country = ?) OR EXISTS (SELECT 1 FROM events "
        "WHERE list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))", [code, code, code]))


def _country(store: Store, query: str, code: str) -> ResolvedActor:
    name = store.scalar("SELECT name FROM entities WHERE entity_id = ?", [f"country:{code}"])
    return ResolvedActor(query, code, str(name or code), code, None)


def country_names(store: Store) -> dict[str, str]:
    """Country code → the name the corpus uses for it."""
    rows = store.query("SELECT country, name FROM entities WHERE entity_id = 'country:' || country")
    return {str(r["country"]): str(r["name"]) for r in rows}


EventEntities = tuple[list[SideEntity], list[SideEntity]]  # an event's actor side, its recipient side


def event_entities(store: Store, ids: Sequence[str] | None = None) -> dict[str, EventEntities]:
    """For each event, the corpus entities on its actor and recipient sides.

    Events store document-level keys; ``entity_members`` maps (document, key) to the corpus-wide
    entity, so "Vucic" in one article and "Vučić" in another meet here. ``ids=None`` means every event.
    """
    chosen = "JOIN (SELECT unnest(?::VARCHAR[]) AS id) USING (id)" if ids is not None else ""
    params: list[Any] = [list(ids)] * 2 if ids is not None else []
    rows = store.query(
        "WITH sides AS ("
        f" SELECT id, doc_id, 'actor' AS side, unnest(actor_keys) AS key FROM events {chosen}"
        " UNION ALL"
        f" SELECT id, doc_id, 'recipient' AS side, unnest(recipient_keys) AS key FROM events {chosen})"
        " SELECT DISTINCT s.id, s.side, en.entity_id, en.name, en.type, en.country, en.sector"
        " FROM sides s JOIN entity_members m ON m.doc_id = s.doc_id AND m.key = s.key"
        " JOIN entities en ON en.entity_id = m.entity_id ORDER BY s.id, s.side, en.entity_id", params)
    out: dict[str, EventEntities] = {}
    for r in rows:
        acting, receiving = out.setdefault(r["id"], ([], []))
        (acting if r["side"] == "actor" else receiving).append(from_row(SideEntity, r))
    return out
