"""PLOVER's conventions for the sides of an event that a sentence leaves implicit.

"Protasevich was arrested" names no agent: by convention it is the police of the country where it
happened. "Thousands marched in Minsk" names no target: a protest is aimed at the government of the
country where it happens. The rules are data (``data/conventions.yaml``); this module applies them.
Every side filled in here is flagged (``ActorRef.inferred``) and never names a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kronika import datafiles
from kronika.datafiles import STR, WORDS, MapOf, Record, Schema
from kronika.errors import ConfigError
from kronika.plover import CATEGORIES, SECTORS
from kronika.records import ActorRef

_FILE = "conventions.yaml"
SCHEMA = Schema(1, Record({"implicit_actors": MapOf(MapOf(STR)), "legal_accuse_lemmas": WORDS,
                           "instrument_nouns": WORDS,
                           "labels": MapOf(STR), "protest_target": STR, "civil_sectors": WORDS, "state_agents": WORDS,
                           "repression_target": STR}))


@dataclass(frozen=True)
class Conventions:
    implicit_actors: dict[str, dict[str, str]]  # category -> mode ("*" for any) -> sector
    legal_accuse_lemmas: frozenset[str]
    instrument_nouns: frozenset[str]
    labels: dict[str, str]
    protest_target: str
    state_agents: frozenset[str]
    repression_target: str
    civil_sectors: frozenset[str]

    def agent_sector(self, event: str, mode: str | None, lemma: str) -> str | None:
        """The sector of the agent an act implies when the sentence names none, or None when the act
        implies no one in particular."""
        table = self.implicit_actors.get(event)
        if event == "ACCUSE" and lemma in self.legal_accuse_lemmas:
            return "JUD"
        if table is None:
            return None
        return table.get(mode or "*") or table.get("*")

    def state_ref(self, code: str, sector: str, why: str, name: str | None = None) -> ActorRef:
        """A state's agency named by no word of the sentence ("Belarus police")."""
        label = self.labels.get(sector, sector.lower())
        return ActorRef(code=code, sector=sector, entity_text="",
                        identifier_text=f"{name or code} {label}", inferred=why)


def _sector(value: object, where: str) -> str:
    if value not in SECTORS:
        raise ConfigError(f"{_FILE}: {where}: {value!r} is not a PLOVER sector")
    return str(value)


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(f"{_FILE}: {key}: expected a list of words")
    return frozenset(str(w).lower() for w in value)


def load_conventions() -> Conventions:
    raw = datafiles.load("kronika.events", _FILE, SCHEMA)
    implicit: dict[str, dict[str, str]] = {}
    for event, table in (raw.get("implicit_actors") or {}).items():
        if event not in CATEGORIES or not isinstance(table, dict):
            raise ConfigError(f"{_FILE}: implicit_actors: {event!r} is not a PLOVER category with a table")
        implicit[event] = {str(m): _sector(s, f"implicit_actors: {event}: {m}") for m, s in table.items()}
    labels = {_sector(k, "labels"): str(v) for k, v in (raw.get("labels") or {}).items()}
    return Conventions(
        implicit_actors=implicit,
        legal_accuse_lemmas=_words(raw, "legal_accuse_lemmas"),
        instrument_nouns=_words(raw, "instrument_nouns"),
        labels=labels,
        protest_target=_sector(raw.get("protest_target"), "protest_target"),
        state_agents=frozenset(_sector(s, "state_agents") for s in raw.get("state_agents") or []),
        repression_target=_sector(raw.get("repression_target"), "repression_target"),
        civil_sectors=frozenset(_sector(s, "civil_sectors") for s in raw.get("civil_sectors") or []),
    )
