"""Events made by hand, as the store would give them back, for tests of what is written from them."""

from __future__ import annotations

from typing import Any

from kronika.records import ActorRef
from kronika.store.stored import EventPlace, StoredEvent


def side(*entries: dict[str, Any]) -> tuple[ActorRef, ...]:
    """Actors given as PLOVER entries ({"code": ..., "sector": ..., "identifier_text": ...})."""
    return tuple(ActorRef(code=e.get("code"), sector=e.get("sector"), entity_text=e.get("entity_text", ""),
                          identifier_text=e.get("identifier_text")) for e in entries)


def stored_event(**fields: Any) -> StoredEvent:
    """A StoredEvent with plain defaults; ``fields`` set any of them (``event_loc`` may be a dict)."""
    loc = fields.pop("event_loc", None)
    defaults: dict[str, Any] = dict(
        id="e1", doc_id="d1", sentence=0, event="SUPPORT", mode=(), context=(), aux=(), actor=(), recipient=(),
        actor_codes=(), recipient_codes=(), date=None, date_precision=None, event_loc=None, event_scale=None,
        quad_code=None, cameo_root=None, confidence=None, text=None, event_text=None, reported_by=None,
        char_start=0, char_end=10, caption=False, source_file="a.txt", outlet=None, published=None, url=None,
        sources=None, explain=None)
    if isinstance(loc, dict):
        loc = EventPlace(loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("source"))
    return StoredEvent(**{**defaults, **fields, "event_loc": loc})
