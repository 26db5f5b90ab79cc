"""A dyad as text for a terminal and as CSV rows (the JSON form is ``Dyad.to_json``)."""

from __future__ import annotations

from kronika.analyse.briefs import Brief
from kronika.analyse.dyads import Dyad, DyadCell, PeriodTotal
from kronika.analyse.timeline import quiet_runs
from kronika.output import render_table

DYAD_CSV_COLUMNS = ("period", "direction", "event", "quad_code", "count", "mean_score", "event_ids")


def dyad_csv_rows(d: Dyad) -> list[dict[str, object]]:
    """One row per period, direction and category; the ids of the events behind it, space-separated.

    A period in which a direction has no event gets one row with count 0 and no category, so every
    period from the first to the last is in the file.
    """
    cells: dict[tuple[str, str], list[DyadCell]] = {}
    for c in d.cells:
        cells.setdefault((c.period, c.direction), []).append(c)
    rows: list[dict[str, object]] = []
    for t in d.totals:
        for c in cells.get((t.period, t.direction), []):
            rows.append({"period": c.period, "direction": c.direction, "event": c.event, "quad_code": c.quad_code,
                         "count": c.count, "mean_score": c.mean_score, "event_ids": " ".join(c.event_ids)})
        if not t.count:
            rows.append({"period": t.period, "direction": t.direction, "event": None, "quad_code": None,
                         "count": 0, "mean_score": None, "event_ids": ""})
    return rows


def render_dyad(d: Dyad, *, width: int) -> str:
    """Totals per period, counts per category, then every event behind them and what was left out."""
    title = (f"{_name(d.a.name, d.a.label)} and {_name(d.b.name, d.b.label)}, by {d.by}: "
             f"{len(d.events)} events counted")
    totals = _period_rows(d)
    parts = [title, ""]
    if totals:
        parts.append(render_table(totals, list(totals[0]), title="per period", width=width))
        cells: list[dict[str, object]] = [
            {"period": c.period, "direction": c.direction, "category": c.event, "quad": c.quad_code,
             "events": c.count, "mean score": c.mean_score, "event ids": " ".join(c.event_ids)} for c in d.cells]
        parts.append(render_table(cells, list(cells[0]), title="per category", width=width, fill="event ids"))
        parts.append(_listing("events behind these numbers", list(d.events.values()), width))
    else:
        parts.append("no dated, factual events between them.")
    parts.append(_listing("not counted, negated or hypothetical", d.not_facts, width))
    parts.append(_listing(f"not counted, undated or dated less precisely than a {d.by}", d.undated, width))
    return "\n".join(p for p in parts if p)


def _period_rows(d: Dyad) -> list[dict[str, object]]:
    """Totals per period and direction; a run of periods with no event in any direction is one row."""
    by_period: dict[str, list[PeriodTotal]] = {}
    for t in d.totals:
        by_period.setdefault(t.period, []).append(t)
    rows: list[dict[str, object]] = []
    for first, last in quiet_runs(list(by_period), lambda p: not any(t.count for t in by_period[p])):
        if first != last:
            rows.append({"period": f"{first} … {last}", "direction": "", "events": 0, "cooperation": 0,
                         "conflict": 0, "q1 q2 q3 q4": "0 0 0 0", "mean score": None})
            continue
        rows += [{"period": t.period, "direction": t.direction, "events": t.count, "cooperation": t.cooperation,
                  "conflict": t.conflict, "q1 q2 q3 q4": " ".join(str(t.quad[q]) for q in (1, 2, 3, 4)),
                  "mean score": t.mean_score} for t in by_period[first]]
    return rows


def _listing(title: str, items: list[Brief], width: int) -> str:
    """One line per event, its sentence cut with an ellipsis at the table's width."""
    if not items:
        return ""
    lines = [f"{title} ({len(items)}):"]
    for e in items:
        text = " ".join((e.text or "").split())
        aux = f" [{', '.join(e.aux)}]" if e.aux else ""
        head = f"  {e.id}  {e.date or 'undated':<10}  {e.direction or '':<12} {e.event}{aux}: "
        room = max(width - len(head), 10)
        lines.append(head + (text if len(text) <= room else text[:room - 1] + "…"))
    return "\n".join(lines) + "\n"


def _name(name: str, label: str) -> str:
    return name if name == label else f"{name} ({label})"
