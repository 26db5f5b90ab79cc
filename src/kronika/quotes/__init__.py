"""Quotes: who said what, when, in which article (issue 7 fills this stage in)."""

from __future__ import annotations

from kronika.actors import ActorResult
from kronika.records import Event, ParsedDoc, Quote

__all__ = ["attribute_events", "run"]


def run(parsed: ParsedDoc, found: ActorResult, res: object) -> list[Quote]:
    """Quotations of one document with their speakers."""
    return []


def attribute_events(events: list[Event], quotes: list[Quote], parsed: ParsedDoc) -> list[Event]:
    """Mark events told inside a quotation or reported speech with the speaker (``reported_by``)."""
    return events
