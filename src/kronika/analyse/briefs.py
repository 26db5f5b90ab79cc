"""An event as tables and lists show it: the record's essentials plus short actor texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kronika.plover import is_fact
from kronika.records import ActorRef
from kronika.store.stored import StoredEvent, record_json


def side_text(refs: Sequence[ActorRef]) -> str:
    """"Aleksandar Vučić (SRB GOV); Russia (RUS)", each actor once."""
    seen: list[str] = []
    for r in refs:
        code = " ".join(x for x in (r.code, r.sector) if x) or "?"
        text = f"{r.identifier_text or r.entity_text} ({code})"
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)


@dataclass(frozen=True, slots=True)
class Brief:
    """The fields an events table needs (the explorer's tables, a dyad's lists), in the order shown."""

    id: str
    date: str | None
    date_precision: str | None
    event: str
    quad_code: int | None
    event_scale: float | None
    mode: tuple[str, ...]
    aux: tuple[str, ...]
    fact: bool
    actor_text: str
    recipient_text: str
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    text: str | None
    event_text: str | None
    confidence: float | None
    source_file: str
    outlet: str | None
    published: str | None
    n_sources: int
    direction: str | None = None  # in a dyad: "SRB>RUS", "RUS>SRB" or "SRB+RUS" (several, space-separated)

    def towards(self, direction: str) -> Brief:
        return replace(self, direction=direction)

    def to_json(self) -> dict[str, object]:
        out = record_json(self)
        for k in ("mode", "aux", "actor_codes", "recipient_codes"):
            out[k] = list(getattr(self, k))
        if self.direction is None:
            del out["direction"]
        return out


def brief(ev: StoredEvent) -> Brief:
    """The fields an events table needs, from an event."""
    return Brief(
        id=ev.id, date=ev.date, date_precision=ev.date_precision, event=ev.event, quad_code=ev.quad_code,
        event_scale=ev.event_scale, mode=ev.mode, aux=ev.aux, fact=is_fact(ev.aux),
        actor_text=side_text(ev.actor), recipient_text=side_text(ev.recipient), actor_codes=ev.actor_codes,
        recipient_codes=ev.recipient_codes, text=ev.text, event_text=ev.event_text, confidence=ev.confidence,
        source_file=ev.source_file, outlet=ev.outlet, published=ev.published, n_sources=ev.n_sources or 1)
