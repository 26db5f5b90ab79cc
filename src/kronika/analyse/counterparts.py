"""An actor's counterparts (who it acts on, who acts on it, who it acts with) and its activity over time.

Counted like the dyads: factual events only (negated and hypothetical ones are counted apart), and a
timeline only of events whose date is precise enough for the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kronika.analyse.network import Node, event_sides
from kronika.analyse.periods import PERIODS, period_of
from kronika.analyse.timeline import periods_between, quiet_runs
from kronika.errors import QueryError
from kronika.plover import QUAD_CLASSES, is_fact
from kronika.store import Store
from kronika.store.actor_refs import ResolvedActor, resolve_actor
from kronika.store.queries import EventFilter, actor, events
from kronika.store.stored import StoredEntity, StoredEvent

RELATIONS = ("acts on", "acted on by", "acts with")


@dataclass(frozen=True, slots=True)
class Counterpart:
    node: Node
    relation: str  # one of RELATIONS
    count: int
    categories: dict[str, int]
    mean_score: float | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PeriodActivity:
    period: str
    count: int
    quad: dict[int, int]
    event_ids: tuple[str, ...]
    score_sum: float = 0.0  # of the events with a score, for the period's mean
    scored: int = 0

    @property
    def mean_score(self) -> float | None:
        return round(self.score_sum / self.scored, 2) if self.scored else None


@dataclass(frozen=True, slots=True)
class Activity:
    actor: ResolvedActor
    by: str
    counterparts: list[Counterpart]
    timeline: list[PeriodActivity]
    events: int  # factual events the actor takes part in
    undated: int  # ... of which not placed on the timeline
    not_facts: int  # negated or hypothetical events, not counted

    def to_json(self) -> dict[str, object]:
        return {
            "actor": self.actor.to_json(), "by": self.by, "events": self.events, "undated": self.undated,
            "not_facts": self.not_facts,
            "counterparts": [{**c.node.to_json(), "relation": c.relation, "count": c.count,
                              "categories": c.categories, "mean_score": c.mean_score,
                              "event_ids": list(c.event_ids)} for c in self.counterparts],
            "timeline": [{"period": t.period, "count": t.count, "quad": {str(k): v for k, v in t.quad.items()},
                          "mean_score": t.mean_score, "event_ids": list(t.event_ids)} for t in self.timeline],
        }


def activity(store: Store, name: str, *, by: str = "month") -> Activity:
    """Counterparts and timeline of one actor (a country code, a name or an alias)."""
    if by not in PERIODS:
        raise QueryError(f'by "{by}" is not a period (one of {", ".join(PERIODS)})')
    ref = resolve_actor(store, name)
    evs = events(store, EventFilter(actor=ref.node))
    sides = event_sides(store, evs)
    pairs: dict[tuple[str, str], list[StoredEvent]] = defaultdict(list)
    nodes: dict[str, Node] = {}
    periods: dict[str, list[StoredEvent]] = defaultdict(list)
    n_events = undated = not_facts = 0
    for ev in evs:
        actors, recipients = sides[ev.id]
        acting = _on(ref, ev.actor_codes, actors)
        receiving = _on(ref, ev.recipient_codes, recipients)
        if not (acting or receiving):
            continue
        if not is_fact(ev.aux):
            not_facts += 1
            continue
        n_events += 1
        period = period_of(ev.date, by)
        if period is None:
            undated += 1
        else:
            periods[period].append(ev)
        related = ([(n, "acts on") for n in recipients] + [(n, "acts with") for n in actors]
                   if acting else []) + ([(n, "acted on by") for n in actors] if receiving else [])
        for node, relation in related:
            # A country's own people and places are part of it, not its counterparts.
            own = node.id == ref.node or (ref.code is not None and node.country == ref.code)
            if not own and ev not in pairs[(node.id, relation)]:
                nodes.setdefault(node.id, node)
                pairs[(node.id, relation)].append(ev)
    counterparts = sorted((_counterpart(nodes[nid], rel, rs) for (nid, rel), rs in pairs.items()),
                          key=lambda c: (-c.count, RELATIONS.index(c.relation), c.node.label))
    # Every period from the first to the last: a quiet month is a zero on the chart, not a gap.
    span = periods_between(min(periods), max(periods), by) if periods else []
    timeline = [PeriodActivity(p, len(rs), {q: sum(r.quad_code == q for r in rs) for q in QUAD_CLASSES},
                               tuple(r.id for r in rs), *_score_sum(rs))
                for p, rs in ((p, periods.get(p, [])) for p in span)]
    return Activity(ref, by, counterparts, timeline, n_events, undated, not_facts)


def profile_of(store: Store, ref: ResolvedActor) -> StoredEntity:
    """The entity profile (aliases, roles) behind a resolved actor; a bare one for a code-only country."""
    found = actor(store, ref.entity_id or f"country:{ref.code}")
    if found is not None:
        return found
    return StoredEntity(entity_id=None, name=ref.name, type="GPE", country=ref.code, sector=None, aliases=(),
                        mentions=0, documents=0, source=None, roles=())


def _on(ref: ResolvedActor, codes: tuple[str, ...], nodes: list[Node]) -> bool:
    if ref.code:
        return ref.code in codes
    return any(n.id == ref.entity_id for n in nodes)


def _counterpart(node: Node, relation: str, evs: list[StoredEvent]) -> Counterpart:
    scores = [float(ev.event_scale) for ev in evs if ev.event_scale is not None]
    cats = Counter(ev.event for ev in evs)
    return Counterpart(node, relation, len(evs), dict(cats.most_common()),
                       round(sum(scores) / len(scores), 2) if scores else None, tuple(ev.id for ev in evs))


def _score_sum(evs: list[StoredEvent]) -> tuple[float, int]:
    scores = [float(ev.event_scale) for ev in evs if ev.event_scale is not None]
    return sum(scores), len(scores)


def render_counterparts(a: Activity, *, width: int = 100) -> str:
    """Counterparts, then events over time (a run of quiet periods on one line), each line cut at ``width``."""
    lines = [f"counterparts ({a.events} factual events; {a.not_facts} negated or hypothetical not counted):"]
    for c in a.counterparts:
        cats = ", ".join(f"{k} {v}" for k, v in c.categories.items())
        lines.append(f"  {c.relation:<12} {c.node.label} [{c.node.id}]: {c.count} ({cats}); "
                     f"mean score {c.mean_score if c.mean_score is not None else '-'}")
    if not a.counterparts:
        lines.append("  none")
    lines.append(f"events over time, by {a.by} ({a.undated} undated or less precise not shown):")
    by_period = {t.period: t for t in a.timeline}
    for first, last in quiet_runs(list(by_period), lambda p: by_period[p].count == 0):
        t = by_period[first]
        if first != last:
            lines.append(f"  {first} … {last}    0")
        else:
            lines.append(f"  {t.period:<8} {t.count:>3}  " + " ".join(f"q{q}:{t.quad[q]}" for q in QUAD_CLASSES))
    return "\n".join(line if len(line) <= width else line[:width - 1] + "…" for line in lines)
