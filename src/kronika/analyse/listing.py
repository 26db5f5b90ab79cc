"""Listings as users read them: events (PLOVER records), quotations, documents, actors.

Each listing checks its filters with the parser the web API uses, and says why when nothing matches:
a filter naming an actor or a speaker the store does not hold (with the names it probably meant), or
filters that are valid but select nothing (with what the store does hold).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from kronika.analyse.briefs import side_text
from kronika.analyse.flat import FLAT_NAMES, flat_record
from kronika.errors import NoMatch
from kronika.output import TableView
from kronika.store import Store
from kronika.store.checks import Spelling, option_name
from kronika.store.filters import (
    EventQuery,
    NotInStore,
    QuoteQuery,
    describe,
    event_filter,
    quote_filter,
    shell_word,
    unknown_speaker,
)
from kronika.store.queries import (
    DOCUMENT_FIELDS,
    EventFilter,
    QuoteFilter,
    actors,
    count_events,
    documents,
    events,
    quotes,
)
from kronika.store.stored import StoredDocument, StoredEntity, StoredEvent, StoredQuote
from kronika.store.summary import counts

EVENT_TABLE = TableView(("date", "event", "actor", "recipient", "text"), fill="text")
EVENT_COLUMNS = (*FLAT_NAMES, "actor", "recipient")  # a table's: the flat columns, each side as short text
QUOTE_TABLE = TableView(("date", "speaker", "text"), fill="text")
DOCUMENT_TABLE = TableView(("source_file", "title", "published", "outlet"), fill="title")
ACTOR_TABLE = TableView(("name", "type", "country", "sector", "mentions", "aliases"), fill="aliases")
DOCUMENT_COLUMNS = ("doc_id", *DOCUMENT_FIELDS)  # what --columns can choose from
ACTOR_COLUMNS = ("entity_id", "name", "type", "country", "sector", "aliases", "mentions", "documents", "source")


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    what: str  # "events", "quotations", ...
    rows: list[T]  # at most --limit of them
    total: int  # how many matched before --limit


def event_listing(db: str, q: EventQuery | None = None, *, spell: Spelling = option_name, by_source: bool = False,
                  limit: int | None = None) -> Listing[StoredEvent]:
    """Events matching the filters.

    Raises NoMatch when filters are given and nothing matches, saying why.
    """
    store = Store(db, read_only=True)
    f = checked_filter(store, q or EventQuery(), spell)
    total = count_events(store, f, by_source=by_source)
    return Listing("events", events(store, f, by_source=by_source, limit=limit), total)


def checked_filter(store: Store, q: EventQuery, spell: Spelling = option_name) -> EventFilter:
    """The EventFilter of the user's filters; NoMatch when they select no event, saying why."""
    with _unknown_means_no_match("events"):
        f = event_filter(store, q, spell)
    if q.given() and count_events(store, f) == 0:
        c = counts(store)
        span = f", dated {c.first_date} to {c.last_date}" if c.first_date else ""
        raise NoMatch(f"no events match {describe(q.given(), spell)} (the store holds {c.events} "
                      f"events{span})")
    return f


@contextmanager
def _unknown_means_no_match(what: str) -> Iterator[None]:
    try:
        yield
    except NotInStore as exc:
        raise NoMatch(f"no {what} match {exc.option} {shell_word(exc.value)}: {exc.reason}") from None


def event_table_row(ev: StoredEvent) -> dict[str, object]:
    """An event as a table row: the flat columns, and each side as short text."""
    return {**flat_record(ev), "actor": side_text(ev.actor), "recipient": side_text(ev.recipient)}


def quote_listing(db: str, q: QuoteQuery | None = None, *, spell: Spelling = option_name,
                  limit: int | None = None) -> Listing[StoredQuote]:
    """Quotations matching the filters (``kronika quotes``); NoMatch when filters select none."""
    q = q or QuoteQuery()
    store = Store(db, read_only=True)
    f = quote_filter(q, spell)
    rows = quotes(store, f)
    if not rows and q.given():
        if f.speaker and not quotes(store, QuoteFilter(speaker=f.speaker)):
            with _unknown_means_no_match("quotations"):
                raise unknown_speaker(store, f.speaker, spell)
        held = len(quotes(store, QuoteFilter()))
        raise NoMatch(f"no quotations match {describe(q.given(), spell)} (the store holds {held} quotations)")
    return Listing("quotations", rows[:limit] if limit else rows, len(rows))


def document_listing(db: str, *, limit: int | None = None) -> Listing[StoredDocument]:
    rows = documents(Store(db, read_only=True))
    return Listing("documents", rows[:limit] if limit else rows, len(rows))


def actor_listing(db: str, *, limit: int | None = None) -> Listing[StoredEntity]:
    """Every corpus entity, most mentioned first, with its roles."""
    rows = actors(Store(db, read_only=True))
    return Listing("actors", rows[:limit] if limit else rows, len(rows))


def explain_event(db: str, event_id: str) -> str:
    """Why one event was coded as it is, as a user reads it (``kronika events --explain ID``)."""
    from kronika.errors import QueryError
    from kronika.store.summary import event_by_id

    ev = event_by_id(Store(db, read_only=True), event_id)
    if ev is None:
        raise QueryError(f'no event with id "{event_id}" (ids are listed by kronika events --format jsonl)')
    why = ev.explain
    lines = [f"{ev.id}  {ev.event}{' ' + ' '.join(ev.mode) if ev.mode else ''}"
             f"{'  aux: ' + ', '.join(ev.aux) if ev.aux else ''}  ({ev.source_file}, sentence {ev.sentence})",
             f"  sentence:  {ev.text}",
             f"  trigger:   \"{ev.event_text}\" matched {why.trigger if why else '(not recorded in this store)'}",
             f"  source:    {_source_name(why.source if why else None, why.cameo if why else None)}"]
    if why and why.rule:
        lines.append(f"  rule:      {why.rule}")
    for cue in why.cues if why else ():
        lines.append(f"  cue:       {cue}")
    for side, refs, how in (("actor", ev.actor, why.actor if why else None),
                            ("recipient", ev.recipient, why.recipient if why else None)):
        shown = side_text(refs) or "none"
        lines.append(f"  {side + ':':<10} {shown}" + (f"  <- {how}" if how else ""))
    lines.append(f"  confidence {ev.confidence}")
    return "\n".join(lines)


def _source_name(source: str | None, cameo: str | None) -> str:
    if source is None:
        return "(not recorded in this store: coded before kronika kept explanations)"
    if source == "kronika":
        return "kronika's own lexicon (events/data/triggers.yaml)"
    if source == "cameo":
        return f"the CAMEO verb dictionary, converted (events/data/cameo_triggers.yaml), CAMEO code {cameo}"
    return source.replace("rule:", "a rule of kronika's: ", 1)


