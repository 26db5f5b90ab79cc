"""A dyad as text for a terminal and as CSV rows (the JSON form is ``Dyad.to_json``)."""

from __future__ import annotations

from typing import Any

from kronika.analyse.dyads import Dyad
from kronika.output import render_table


def dyad_csv_rows(d: Dyad) -> list[dict[str, Any]]:
    """One row per period, direction and category; the ids of the events behind it, space-separated."""
    return [{"period": c.period, "direction": c.direction, "event": c.event, "quad_code": c.quad_code,
             "count": c.count, "mean_score": c.mean_score, "event_ids": " ".join(c.event_ids)}
            for c in d.cells]


def render_dyad(d: Dyad, *, width: int | None = None) -> str:
    """Totals per period, counts per category, then every event behind them and what was left out."""
    title = (f"{_name(d.a.name, d.a.label)} and {_name(d.b.name, d.b.label)}, by {d.by}: "
             f"{len(d.events)} events counted")
    totals = [{"period": t.period, "direction": t.direction, "events": t.count,
               "cooperation": t.cooperation, "conflict": t.conflict,
               "q1 q2 q3 q4": " ".join(str(t.quad[q]) for q in (1, 2, 3, 4)), "mean score": t.mean_score}
              for t in d.totals]
    parts = [title, ""]
    if totals:
        parts.append(render_table(totals, list(totals[0]), title="per period", width=width))
        cells = [{"period": c.period, "direction": c.direction, "category": c.event, "quad": c.quad_code,
                  "events": c.count, "mean score": c.mean_score, "event ids": " ".join(c.event_ids)}
                 for c in d.cells]
        parts.append(render_table(cells, list(cells[0]), title="per category", width=width))
        parts.append(_listing("events behind these numbers", list(d.events.values())))
    else:
        parts.append("no dated, factual events between them.")
    parts.append(_listing("not counted, negated or hypothetical", d.not_facts))
    parts.append(_listing(f"not counted, undated or dated less precisely than a {d.by}", d.undated))
    return "\n".join(p for p in parts if p)


def _listing(title: str, items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    lines = [f"{title} ({len(items)}):"]
    for e in items:
        text = " ".join((e["text"] or "").split())
        aux = f" [{', '.join(e['aux'])}]" if e["aux"] else ""
        lines.append(f"  {e['id']}  {e['date'] or 'undated':<10}  {e['direction']:<12} {e['event']}{aux}: "
                     f"{text[:110] + '...' if len(text) > 110 else text}")
    return "\n".join(lines) + "\n"


def _name(name: str, label: str) -> str:
    return name if name == label else f"{name} ({label})"
