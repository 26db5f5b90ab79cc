"""Time series for charts: every period from the first to the last, zero where nothing happened.

A chart that draws only the periods with events puts 2015 next to 2020; a series with every period
and each period's first and last day lets the page place bars on a true time axis. Counts are per quad
class (1 and 2 cooperation, 3 and 4 conflict) with the period's mean PLOVER score (None when no event
in it has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from kronika.analyse.periods import period_of, period_start
from kronika.plover import QUAD_CLASSES


@dataclass(slots=True)
class Bucket:
    """What happened in one period: events per quad class and the sum of their scores."""

    quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    score_sum: float = 0.0
    scored: int = 0  # events with a score (the mean's divisor)

    def add(self, quad_code: int | None, score: float | None, n: int = 1) -> None:
        if quad_code in self.quad:
            self.quad[quad_code] += n
        if score is not None:
            self.score_sum += score
            self.scored += n

    def add_sum(self, quad_code: int | None, n: int, score_sum: float | None, scored: int) -> None:
        """Add an aggregate already counted by the store (n events, their score sum)."""
        if quad_code in self.quad:
            self.quad[quad_code] += n
        self.score_sum += score_sum or 0.0
        self.scored += scored


def buckets(items: Iterable[tuple[str | None, int | None, float | None]], by: str) -> dict[str, Bucket]:
    """(date, quad_code, score) triples per period; dates too vague for the period are left out."""
    out: dict[str, Bucket] = {}
    for day, quad_code, score in items:
        period = period_of(day, by)
        if period is not None:
            out.setdefault(period, Bucket()).add(quad_code, score)
    return out


def next_start(label: str, by: str) -> date:
    """The first day after a period: where its bar ends on the time axis."""
    start = period_start(label)
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period label from ``first`` to ``last``, both included."""
    labels = [first]
    end = period_start(last)
    while period_start(labels[-1]) < end:
        labels.append(str(period_of(next_start(labels[-1], by).isoformat(), by)))
    return labels


def quiet_runs(periods: list[str], empty: Callable[[str], bool], least: int = 3) -> list[tuple[str, str]]:
    """(first, last) of each period, except that a run of ``least`` or more empty periods is one span:
    a text table says "2016 … 2022: 0" once, the time axis stays whole and the table stays short."""
    spans: list[tuple[str, str]] = []
    run: list[str] = []
    for p in [*periods, None]:
        if p is not None and empty(p):
            run.append(p)
            continue
        if len(run) >= least:
            spans.append((run[0], run[-1]))
        else:
            spans += [(r, r) for r in run]
        run = []
        if p is not None:
            spans.append((p, p))
    return spans


def series(found: dict[str, Bucket], by: str, span: tuple[str, str] | None = None) -> list[dict[str, object]]:
    """Every period of ``span`` (default: the first to the last period found), JSON-ready."""
    if span is None:
        if not found:
            return []
        span = (min(found), max(found))
    return [_point(p, by, found.get(p) or Bucket()) for p in periods_between(span[0], span[1], by)]


def span_of(*many: dict[str, Bucket]) -> tuple[str, str] | None:
    """The first and last period across several series, so small multiples share one time axis."""
    labels = [p for found in many for p in found]
    return (min(labels), max(labels)) if labels else None


def _point(period: str, by: str, b: Bucket) -> dict[str, object]:
    coop, conflict = b.quad[1] + b.quad[2], b.quad[3] + b.quad[4]
    return {"period": period, "start": period_start(period).isoformat(), "end": next_start(period, by).isoformat(),
            "count": coop + conflict, "quad": {str(q): n for q, n in b.quad.items()}, "cooperation": coop,
            "conflict": conflict, "mean_score": round(b.score_sum / b.scored, 2) if b.scored else None}
