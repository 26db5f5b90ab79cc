"""Event listings as users read them: PLOVER records, with short actor texts for tables."""

from __future__ import annotations

from typing import Any

from kronika.store import Store
from kronika.store.queries import EventFilter, events, parse_dyad, plover_record


def event_rows(db: str, *, actor: str | None = None, dyad: str | None = None, event: str | None = None,
               since: str | None = None, until: str | None = None, min_confidence: float | None = None,
               by_source: bool = False, **where: Any) -> list[dict[str, Any]]:
    """Events matching the filters, one PLOVER record each (plus display helpers).

    ``where`` takes EventFilter's other fields by name (place, place_country, quad_code, outlet,
    facts_only), the names the web API and the CLI options use too.
    """
    store = Store(db, read_only=True)
    f = EventFilter(actor=actor, dyad=parse_dyad(dyad) if dyad else None, event=event, since=since,
                    until=until, min_confidence=min_confidence, **where)
    return [plover_record(row) for row in events(store, f, by_source=by_source)]


def for_display(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record with short actor texts and the source file on top, for tables and CSV."""
    return {**rec, "source_file": rec["cite_info"]["source_file"], "actor_text": _side(rec["actor"]),
            "recipient_text": _side(rec["recipient"])}


def quote_rows(db: str, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
    """Quotations matching the filters (``kronika quotes``), one row each."""
    from kronika.store.queries import QuoteFilter, quotes

    return quotes(Store(db, read_only=True), QuoteFilter(speaker=speaker, since=since, until=until))


def _side(refs: list[dict[str, Any]]) -> str:
    return "; ".join(f"{r.get('identifier_text') or r.get('entity_text')} ({r.get('code') or '?'}"
                     + (f" {r['sector']}" if r.get("sector") else "") + ")" for r in refs)
