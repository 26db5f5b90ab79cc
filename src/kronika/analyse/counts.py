"""Event counts per period (`kronika counts`): the time series GDELT and ICEWS users build first.

Every period from the first to the last is present, zero when nothing happened, so a series can be
plotted or differenced as it is. With a grouping, every group has every period (a balanced panel).
An event is placed in a period only when its date is at least as precise as the period (a "2024"
event is not in any month); such events, and undated ones, are counted apart as ``not_placed``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from kronika.analyse.listing import checked_filter
from kronika.analyse.network import event_sides
from kronika.analyse.periods import COUNT_PERIODS, period_of, period_start
from kronika.analyse.timeline import next_start, periods_between
from kronika.columns import Column
from kronika.errors import FilterError
from kronika.plover import CATEGORIES
from kronika.store import Store
from kronika.store.checks import Spelling, first_day, last_day, option_name
from kronika.store.filters import EventQuery
from kronika.store.queries import EventFilter, events
from kronika.store.stored import StoredEvent

# What an event is counted under with --group, and how many values it can have.
GROUPS = {
    "country": "each actor code on either side (ISO 3166 alpha-3, or KOS, EUR, UNO, IGO...): an event between "
               "two countries counts once for each",
    "actor": "each actor on either side as the network names it: a country by its code, a person or an "
             "organisation by its corpus entity (column actor_id holds the code or entity id)",
    "category": "the PLOVER category",
    "quad": "the quad class (1 to 4)",
    "dyad": "each directed pair of codes, actor side > recipient side (SRB>RUS), a code never paired with itself",
}

COUNT_COLUMNS: tuple[Column, ...] = (
    Column("period", "string", "the period's label: 2024-03-12 (day), 2024-W11 (ISO week), 2024-03 (month), "
           "2024 (year)"),
    Column("date_start", "date", "the period's first day"),
    Column("date_end", "date", "the period's last day"),
    Column("<group>", "string", "with --group: the group's value, in a column named after the grouping "
           "(country, actor, category, quad or dyad); absent without --group"),
    Column("actor_id", "string", "with --group actor: the actor's country code or entity id"),
    Column("events", "integer", "events matching the filters, dated within the period (0 when none)"),
    Column("mean_score", "float", "their mean PLOVER score (`event_scale`), rounded to 2 places; empty when "
           "the period has no scored event"),
)


@dataclass(frozen=True, slots=True)
class CountRow:
    """Events of one period (and group): see COUNT_COLUMNS."""

    period: str
    date_start: date
    date_end: date
    events: int
    mean_score: float | None
    group: str | None = None  # the group's name (with --group)
    key: str | None = None  # the group's key: with --group actor, the code or entity id (actor_id)


@dataclass(frozen=True, slots=True)
class Counts:
    by: str
    group: str | None
    rows: list[CountRow]
    matched: int  # events matching the filters
    not_placed: int  # ... of which undated or dated less precisely than the period

    def table_rows(self) -> list[dict[str, object]]:
        """The rows in COUNT_COLUMNS, the group's column named after the grouping."""
        out = []
        for r in self.rows:
            row: dict[str, object] = {"period": r.period, "date_start": r.date_start, "date_end": r.date_end}
            if self.group:
                row[self.group] = r.group
                if self.group == "actor":
                    row["actor_id"] = r.key
            row["events"] = r.events
            row["mean_score"] = r.mean_score
            out.append(row)
        return out

    def to_json(self) -> dict[str, object]:
        rows = [{**r, "date_start": c.date_start.isoformat(), "date_end": c.date_end.isoformat()}
                for r, c in zip(self.table_rows(), self.rows, strict=True)]
        return {"by": self.by, "group": self.group, "matched": self.matched, "not_placed": self.not_placed,
                "rows": rows}


def counts_for(db: str, q: EventQuery, *, by: str = "month", group: str | None = None,
               spell: Spelling = option_name) -> Counts:
    """``kronika counts``: the user's filters checked (NoMatch when they select nothing), then counted."""
    store = Store(db, read_only=True)
    return count_events(store, checked_filter(store, q, spell), by=by, group=group)


def count_events(store: Store, f: EventFilter, *, by: str = "month", group: str | None = None) -> Counts:
    """Events matching ``f`` per period (and per group): counts and mean PLOVER score, zeros included."""
    if by not in COUNT_PERIODS:
        raise FilterError(f'--by "{by}" is not a period (one of {", ".join(COUNT_PERIODS)})')
    if group is not None and group not in GROUPS:
        raise FilterError(f'--group "{group}" is not a grouping (one of {", ".join(GROUPS)})')
    evs = events(store, f)
    labels = _group_labels(store, evs, group)
    cells: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    names: dict[str, str] = {}
    placed = 0
    for ev in evs:
        period = period_of(ev.date, by)
        if period is None:
            continue
        placed += 1
        for key, name in labels(ev):
            names.setdefault(key, name)
            cells[(period, key)].append(ev.event_scale)
    periods = _axis({p for p, _ in cells}, by, f)
    totals: dict[str, int] = defaultdict(int)
    for (_, key), scores in cells.items():
        totals[key] += len(scores)
    keys = _ordered(totals, names, group)
    out = []
    for p in periods:
        start = period_start(p)
        for key in keys:
            scores = cells.get((p, key), [])
            known = [s for s in scores if s is not None]
            out.append(CountRow(p, start, _last(p, by), len(scores),
                                round(sum(known) / len(known), 2) if known else None,
                                names[key] if group else None, key if group else None))
    return Counts(by, group, out, len(evs), len(evs) - placed)


def _ordered(totals: dict[str, int], names: dict[str, str], group: str | None) -> list[str]:
    """Quad classes and categories in PLOVER's order; countries, actors and dyads busiest first."""
    if group is None:
        return [""]
    if group == "quad":
        return sorted(totals, key=int)
    if group == "category":
        return sorted(totals, key=CATEGORIES.index)
    return sorted(totals, key=lambda k: (-totals[k], names[k]))


def _axis(found: set[str], by: str, f: EventFilter) -> list[str]:
    """Every period from the first to the last found, stretched to --since and --until when given."""
    ends = sorted(found)
    first = period_of(first_day(f.since).isoformat(), by) if f.since else (ends[0] if ends else None)
    last = period_of(last_day(f.until).isoformat(), by) if f.until else (ends[-1] if ends else None)
    if first is None or last is None or period_start(first) > period_start(last):
        return ends
    return periods_between(str(first), str(last), by)


def _last(period: str, by: str) -> date:
    return next_start(period, by) - timedelta(days=1)


Labels = Callable[[StoredEvent], Iterator[tuple[str, str]]]


def _group_labels(store: Store, evs: list[StoredEvent], group: str | None) -> Labels:
    """A function from an event to its (key, name) pairs under ``group``."""
    if group == "actor":
        sides = event_sides(store, evs)

        def actors(ev: StoredEvent) -> Iterator[tuple[str, str]]:
            acting, receiving = sides[ev.id]
            seen = {n.id: n.label for n in acting + receiving}
            yield from seen.items()

        return actors

    def simple(ev: StoredEvent) -> Iterator[tuple[str, str]]:
        if group is None:
            yield "", ""
        elif group == "category":
            yield ev.event, ev.event
        elif group == "quad":
            if ev.quad_code is not None:
                yield str(ev.quad_code), str(ev.quad_code)
        elif group == "country":
            for code in dict.fromkeys([*ev.actor_codes, *ev.recipient_codes]):
                yield code, code
        else:  # dyad
            for a in dict.fromkeys(ev.actor_codes):
                for b in dict.fromkeys(ev.recipient_codes):
                    if a != b:
                        yield f"{a}>{b}", f"{a}>{b}"

    return simple
