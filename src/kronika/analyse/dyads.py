"""Dyad timelines: how two actors treat each other, period by period, in both directions.

For actors A and B an event counts as A>B when A is on its actor side and B on its recipient side,
B>A the other way round, and A+B when both act together towards someone else or no one ("Serbia
and Russia signed an agreement"). Each number keeps the ids of the events behind it.

What is not counted, and is reported apart instead:
- negated or hypothetical events ("did not impose sanctions", "could impose sanctions if"): they are
  records of what was said, not of what happened;
- undated events, and events dated less precisely than the period asked for (a "2024" event in a
  monthly timeline): placing them in a period would be a guess.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from kronika.analyse.briefs import Brief, brief
from kronika.analyse.network import Node, event_sides
from kronika.analyse.periods import PERIODS, period_of
from kronika.analyse.timeline import periods_between
from kronika.errors import QueryError
from kronika.plover import QUAD_CLASSES, is_fact
from kronika.store import Store
from kronika.store.actor_refs import ResolvedActor, resolve_actor
from kronika.store.queries import EventFilter, events
from kronika.store.stored import StoredEvent


@dataclass(frozen=True, slots=True)
class DyadCell:
    """Events of one category, in one direction, in one period."""

    period: str
    direction: str  # "SRB>RUS", "RUS>SRB" or "SRB+RUS"
    event: str
    quad_code: int | None
    count: int
    mean_score: float | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PeriodTotal:
    """All counted events of one direction in one period, by quad class."""

    period: str
    direction: str
    count: int
    quad: dict[int, int]
    cooperation: int  # quad classes 1 and 2
    conflict: int  # quad classes 3 and 4
    mean_score: float | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dyad:
    a: ResolvedActor
    b: ResolvedActor
    by: str
    directions: tuple[str, str, str]  # A>B, B>A, A+B
    cells: list[DyadCell]
    totals: list[PeriodTotal]
    events: dict[str, Brief]  # counted events by id (with their direction)
    undated: list[Brief]  # factual, but no date precise enough for the period
    not_facts: list[Brief]  # negated or hypothetical

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a.to_json(), "b": self.b.to_json(), "by": self.by,
            "directions": dict(zip(("ab", "ba", "joint"), self.directions, strict=True)),
            "cells": [{**asdict(c), "event_ids": list(c.event_ids)} for c in self.cells],
            "totals": [{**asdict(t), "quad": {str(k): v for k, v in t.quad.items()},
                        "event_ids": list(t.event_ids)} for t in self.totals],
            "events": [b.to_json() for b in self.events.values()], "undated": [b.to_json() for b in self.undated],
            "not_facts": [b.to_json() for b in self.not_facts],
        }


def dyad(store: Store, a: str, b: str, *, by: str = "month") -> Dyad:
    """The dyad timeline of two actors (country codes, names or aliases)."""
    if by not in PERIODS:
        raise QueryError(f'by "{by}" is not a period (one of {", ".join(PERIODS)})')
    ra, rb = resolve_actor(store, a), resolve_actor(store, b)
    if ra.node == rb.node:
        raise QueryError(f'"{a}" and "{b}" are the same actor ({ra.name}); a dyad needs two')
    directions = (f"{ra.label}>{rb.label}", f"{rb.label}>{ra.label}", f"{ra.label}+{rb.label}")
    evs = events(store, EventFilter(actor=ra.node))
    sides = event_sides(store, evs)
    groups: dict[tuple[str, str, str], list[StoredEvent]] = defaultdict(list)
    counted: dict[str, Brief] = {}
    undated: list[Brief] = []
    not_facts: list[Brief] = []
    for ev in evs:
        actors, recipients = sides[ev.id]
        a_act, a_rec = _on(ra, ev.actor_codes, actors), _on(ra, ev.recipient_codes, recipients)
        b_act, b_rec = _on(rb, ev.actor_codes, actors), _on(rb, ev.recipient_codes, recipients)
        dirs = [d for d, on in zip(directions[:2], (a_act and b_rec, b_act and a_rec), strict=True) if on]
        if not dirs and a_act and b_act:
            dirs = [directions[2]]
        if not dirs:
            continue
        item = brief(ev).towards(" ".join(dirs))
        if not is_fact(ev.aux):
            not_facts.append(item)
            continue
        period = period_of(ev.date, by)
        if period is None:
            undated.append(item)
            continue
        counted[ev.id] = item
        for d in dirs:
            groups[(period, d, ev.event)].append(ev)
    return Dyad(ra, rb, by, directions, _cells(groups), _totals(groups, by), counted, undated, not_facts)


def _on(ref: ResolvedActor, codes: tuple[str, ...], nodes: list[Node]) -> bool:
    if ref.code:
        return ref.code in codes
    return any(n.id == ref.entity_id for n in nodes)


def _mean(evs: list[StoredEvent]) -> float | None:
    scores = [float(ev.event_scale) for ev in evs if ev.event_scale is not None]
    return round(sum(scores) / len(scores), 2) if scores else None


def _cells(groups: dict[tuple[str, str, str], list[StoredEvent]]) -> list[DyadCell]:
    return [DyadCell(p, d, cat, evs[0].quad_code, len(evs), _mean(evs), tuple(ev.id for ev in evs))
            for (p, d, cat), evs in sorted(groups.items())]


def _totals(groups: dict[tuple[str, str, str], list[StoredEvent]], by: str) -> list[PeriodTotal]:
    """Per period and direction, every period from the first to the last: a quiet month is a zero,
    not a gap (for each direction that has any event)."""
    by_pd: dict[tuple[str, str], list[StoredEvent]] = defaultdict(list)
    for (p, d, _), rows in groups.items():
        by_pd[(p, d)].extend(rows)
    if not by_pd:
        return []
    found = sorted({p for p, _ in by_pd})
    out = []
    for p in periods_between(found[0], found[-1], by):
        for d in sorted({d for _, d in by_pd}):
            out.append(_total(p, d, by_pd.get((p, d), [])))
    return out


def _total(p: str, d: str, evs: list[StoredEvent]) -> PeriodTotal:
    quad = {q: sum(1 for ev in evs if ev.quad_code == q) for q in QUAD_CLASSES}
    return PeriodTotal(p, d, len(evs), quad, quad[1] + quad[2], quad[3] + quad[4], _mean(evs),
                       tuple(ev.id for ev in evs))
