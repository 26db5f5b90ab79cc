"""One parser for the event and quotation filters, shared by the web API and the CLI.

A user's filters arrive as text (a URL's query, a command line); they become an ``EventFilter`` or a
``QuoteFilter`` here, checked and resolved the same way whichever interface they came through: dates
that exist and a span that is not empty, a known category and quad class, country codes of three
letters, actors resolved against the store ("Serbia" = "SRB"). A value that can never be valid is a
:class:`FilterError`; a valid value naming what this store does not hold (an actor, a speaker) is
:class:`NotInStore`, which says why nothing can match and what was probably meant.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, fields
from typing import Any

from kronika.errors import QueryError
from kronika.store.actor_refs import UnknownActor, alternatives, closest, resolve_actor
from kronika.store.checks import (
    Spelling,
    api_name,
    check_category,
    check_confidence,
    check_country_code,
    check_quad,
    check_span,
)
from kronika.store.db import Store
from kronika.store.queries import EventFilter, QuoteFilter, parse_dyad

_NEEDS_QUOTES = re.compile(r"""[\s'"\\$`!*?;&|<>(){}\[\]#~]""")


class NotInStore(QueryError):
    """A filter naming an actor or a speaker the store does not hold: nothing can match it.

    ``str()`` is the message the web API answers (400); ``option``, ``value`` and ``reason`` let the
    CLI say "no events match --actor Putinn: no such actor; did you mean Putin?".
    """

    def __init__(self, message: str, *, option: str, value: str, reason: str) -> None:
        super().__init__(message)
        self.option, self.value, self.reason = option, value, reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (_not_in_store, (str(self), self.option, self.value, self.reason))


def _not_in_store(message: str, option: str, value: str, reason: str) -> NotInStore:
    return NotInStore(message, option=option, value=value, reason=reason)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The event filters as the user gave them, before any check (field names are the API's)."""

    actor: str | None = None  # a country code, name or alias, on either side
    dyad: str | None = None  # "A:B": A on the actor side, B on the recipient side
    event: str | None = None  # a PLOVER category
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None
    place: str | None = None  # where it happened, by the place's name
    place_country: str | None = None  # the country where it happened (a code)
    quad_code: int | None = None
    outlet: str | None = None  # an outlet among its sources
    facts_only: bool = False  # no negated or hypothetical events
    min_confidence: float | None = None
    text: str | None = None  # words of the sentence (the API's ``q``)

    def given(self) -> list[tuple[str, Any]]:
        """The filters actually set, in field order."""
        return [(f.name, v) for f in fields(self) if (v := getattr(self, f.name)) not in (None, "", False)]


def event_filter(store: Store, q: EventQuery, spell: Spelling = api_name) -> EventFilter:
    """The checked ``EventFilter`` for a user's filters; actors resolved as in dyads ("Serbia" = SRB)."""
    since, until = check_span(q.since, q.until, spell)
    pair = None
    if q.dyad:
        a, b = parse_dyad(q.dyad, spell)
        pair = (_node(store, a, "dyad", q.dyad, spell, whose=a), _node(store, b, "dyad", q.dyad, spell, whose=b))
    return EventFilter(
        actor=_node(store, q.actor, "actor", q.actor, spell) if q.actor else None, dyad=pair,
        event=check_category(q.event, spell), since=since, until=until,
        min_confidence=check_confidence(q.min_confidence, spell), text=_text(q.text), place=_text(q.place),
        place_country=check_country_code(q.place_country, "place_country", spell),
        quad_code=check_quad(q.quad_code, spell), outlet=_text(q.outlet), facts_only=q.facts_only)


def _node(store: Store, name: str, param: str, value: str, spell: Spelling, whose: str | None = None) -> str:
    try:
        return resolve_actor(store, name).node
    except UnknownActor as exc:
        guess = f"; did you mean {alternatives(exc.suggestions)}?" if exc.suggestions else ""
        what = f"no such actor {whose}" if whose else "no such actor"
        raise NotInStore(str(exc), option=spell(param), value=value, reason=what + guess) from None


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """The quotation filters as the user gave them."""

    speaker: str | None = None  # an entity name or alias, or words of the speaker's name
    since: str | None = None
    until: str | None = None

    def given(self) -> list[tuple[str, Any]]:
        return [(f.name, v) for f in fields(self) if (v := getattr(self, f.name)) not in (None, "")]


def quote_filter(q: QuoteQuery, spell: Spelling = api_name) -> QuoteFilter:
    since, until = check_span(q.since, q.until, spell)
    return QuoteFilter(speaker=_text(q.speaker), since=since, until=until)


def unknown_speaker(store: Store, speaker: str, spell: Spelling = api_name) -> NotInStore:
    """The error for a speaker no quotation in the store is attributed to, with the closest names."""
    rows = store.query("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker")
    names = closest(speaker, {str(r["speaker"]): [str(r["speaker"]), *str(r["speaker"]).split()] for r in rows})
    guess = f"; did you mean {alternatives(names)}?" if names else ""
    return NotInStore(f'no quotation in the store is attributed to "{speaker}"{guess}', option=spell("speaker"),
                      value=speaker, reason="no such speaker" + guess)


def describe(given: list[tuple[str, Any]], spell: Spelling = api_name) -> str:
    """The filters as the user typed them: ``--actor KEN --outlet 'Meridian Wire' --facts-only``."""
    parts = []
    for name, value in given:
        parts.append(spell(name) if value is True else f"{spell(name)} {shell_word(str(value))}")
    return " ".join(parts)


def shell_word(value: str) -> str:
    """A value as it would be typed in a shell: quoted only when it has to be ("Novák" stays Novák)."""
    return shlex.quote(value) if _NEEDS_QUOTES.search(value) or not value else value


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None
