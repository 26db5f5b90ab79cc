"""The one view of a document's actors that later stages (events, quotes) may read.

The actors stage keeps clusters, spans, caches and gazetteer look-ups of its own; events and quotes
only ask who a token or a noun phrase refers to, on a date, and what the article is about. Keeping
them to this surface lets the actors stage change (a knowledge base, new resolution rules) without
touching them; an import-linter contract holds them to it.
"""

from __future__ import annotations

from kronika.actors.gazetteer import Gazetteer
from kronika.actors.mentions import GPE, NORP
from kronika.actors.phrases import refs_for
from kronika.actors.resolve import DocActors
from kronika.nlp.tree import Tree
from kronika.records import ActorRef


class ActorView:
    """Read-only questions about one parsed document's actors."""

    __slots__ = ("_countries", "_doc", "_gaz", "tree")

    def __init__(self, tree: Tree, doc: DocActors, gaz: Gazetteer) -> None:
        self.tree = tree
        self._doc = doc
        self._gaz = gaz
        self._countries: frozenset[str] | None = None

    # --- phrases ---
    def refs(self, head: int, date: str | None = None, *, fallback: bool = True,
             place_country: str | None = None) -> list[ActorRef]:
        """The actors named by the noun phrase headed at token ``head``, with the sector of the role
        each person held on ``date``.

        A phrase that gives no country of its own ("the police", "thousands of people") takes one from
        the document when ``fallback`` is set: ``place_country`` (where the event happened) first,
        then the article's main country.
        """
        return refs_for(self.tree, self._doc, self._gaz, head, date, fallback_home=fallback,
                        fallback_country=place_country)

    def names_actor(self, k: int) -> bool:
        """Whether the phrase at ``k`` names an actor at all (a country, a sector or an entity)."""
        return any(r.code or r.sector or r.entity_key for r in self.refs(k, fallback=False))

    def coded(self, k: int) -> bool:
        """Whether the phrase at ``k`` names an actor with a country or body code of its own."""
        return any(r.code for r in self.refs(k, fallback=False))

    # --- entities ---
    def entity_at(self, k: int) -> str | None:
        """The document-level entity key a token was resolved to (names, titles, pronouns)."""
        return self._doc.token_key.get(k)

    def entity_name(self, key: str) -> str | None:
        """The canonical name of a document-level entity, or None when the key is unknown."""
        c = self._doc.clusters.get(key)
        return c.name if c is not None else None

    def place_country(self, k: int) -> str | None:
        """The country of a place name covering token ``k`` (a country, capital, region or seat),
        as the gazetteer knows it; None for anything else."""
        span = self._doc.span_at.get(k)
        if span is None or span.kind != GPE or span.extra.get("unknown"):
            return None
        return span.country

    # --- the article as a whole ---
    @property
    def countries(self) -> frozenset[str]:
        """Every country the article names (by name, adjective or place), for what it leaves ambiguous."""
        if self._countries is None:
            self._countries = frozenset(s.country for s in self._doc.spans
                                        if s.kind in (GPE, NORP) and s.country and len(s.country) == 3)
        return self._countries

    @property
    def dateline(self) -> frozenset[int]:
        """Tokens of the dateline opening the body ("NIAMEY, Nov 4, 2024 (Sahel Wire) -")."""
        return frozenset(self._doc.dateline)

    def mentions_of(self, code: str) -> int:
        """How often the article names country ``code`` (by name, adjective or place)."""
        return sum(1 for s in self._doc.spans if s.kind in (GPE, NORP) and s.country == code)

    @property
    def home_country(self) -> str | None:
        """The country the article is mostly about, when it is mostly about one."""
        return self._doc.home_country

    @property
    def pair(self) -> tuple[str, str] | None:
        """The two countries of a bilateral story."""
        return self._doc.pair

    def country_name(self, code: str) -> str | None:
        return self._gaz.country_name(code)

    def is_vague_group(self, text: str) -> bool:
        """"the West", "the international community": groupings PLOVER gives no code."""
        return self._gaz.is_vague_group(text)
