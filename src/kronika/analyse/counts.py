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
from typing import Any

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
class Counts:
    by: str
    group: str | None
    rows: list[dict[str, Any]]  # see COUNT_COLUMNS
    matched: int  # events matching the filters
    not_placed: int  # ... of which undated or dated less precisely than the period

    def to_json(self) -> dict[str, Any]:
        rows = [{**r, "date_start": r["date_start"].isoformat(), "date_end": r["date_end"].isoformat()}
                for r in self.rows]
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
    rows = events(store, f)
    labels = _group_labels(store, rows, group)
    cells: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    names: dict[str, str] = {}
    placed = 0
    for row in rows:
        period = period_of(row["date"], by)
        if period is None:
            continue
        placed += 1
        for key, name in labels(row):
            names.setdefault(key, name)
            cells[(period, key)].append(row["event_scale"])
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
            row_out: dict[str, Any] = {"period": p, "date_start": start, "date_end": _last(p, by)}
            if group:
                row_out[group] = names[key]
                if group == "actor":
                    row_out["actor_id"] = key
            row_out["events"] = len(scores)
            row_out["mean_score"] = round(sum(known) / len(known), 2) if known else None
            out.append(row_out)
    return Counts(by, group, out, len(rows), len(rows) - placed)


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


Labels = Callable[[dict[str, Any]], Iterator[tuple[str, str]]]


def _group_labels(store: Store, rows: list[dict[str, Any]], group: str | None) -> Labels:
    """A function from an event row to its (key, name) pairs under ``group``."""
    if group == "actor":
        sides = event_sides(store, rows)

        def actors(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
            acting, receiving = sides[row["id"]]
            seen = {n.id: n.label for n in acting + receiving}
            yield from seen.items()

        return actors

    def simple(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
        if group is None:
            yield "", ""
        elif group == "category":
            yield row["event"], row["event"]
        elif group == "quad":
            if row["quad_code"] is not None:
                yield str(row["quad_code"]), str(row["quad_code"])
        elif group == "country":
            for code in dict.fromkeys([*(row["actor_codes"] or []), *(row["recipient_codes"] or [])]):
                yield code, code
        else:  # dyad
            for a in dict.fromkeys(row["actor_codes"] or []):
                for b in dict.fromkeys(row["recipient_codes"] or []):
                    if a != b:
                        yield f"{a}>{b}", f"{a}>{b}"

    return simple
