"""Charts as files: a dyad's cooperation and conflict over time, an actor's events over time.

Drawn with matplotlib's Agg backend (no display needed). The file's suffix picks the format: PNG,
SVG, or HTML, a self-contained page holding the SVG, so it opens offline anywhere.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kronika.analyse.counterparts import Activity
from kronika.analyse.counts import CountRow, Counts
from kronika.analyse.dyads import Dyad
from kronika.analyse.periods import period_start
from kronika.errors import InputError
from kronika.plover import QUAD_CLASSES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_SUFFIXES = (".png", ".svg", ".html")
# The explorer's palette (serve/static/kronika.css, --q1 ... --q4; a test keeps them equal).
COOPERATION, CONFLICT = "#1f63a8", "#b2182b"
QUAD_COLOURS = {1: "#8fc1e3", 2: COOPERATION, 3: "#f2a37b", 4: CONFLICT}


def check_chart_path(path: str | Path) -> Path:
    """A chart file name kronika can write: checked before anything is computed."""
    p = Path(path)
    if p.suffix.lower() not in CHART_SUFFIXES:
        raise InputError(str(path), f"a chart file must end in {', '.join(CHART_SUFFIXES)}")
    if not p.parent.is_dir():
        raise InputError(str(path), f"no folder {p.parent} to write the chart in")
    return p


def dyad_chart(d: Dyad, path: str | Path) -> Path:
    """Per direction, cooperation (quad 1+2) above the axis and conflict (quad 3+4) below it."""
    p = check_chart_path(path)
    present = [x for x in d.directions if any(t.direction == x for t in d.totals)] or list(d.directions[:2])
    fig = _figure(len(present))
    axes: list[Any] = fig.axes  # matplotlib's stubs take no dates for x; its date converter does
    for ax, direction in zip(axes, present, strict=True):
        totals = [t for t in d.totals if t.direction == direction]
        x = [period_start(t.period) for t in totals]
        width = _bar_width(d.by)
        ax.bar(x, [t.cooperation for t in totals], width=width, align="edge", color=COOPERATION,
               label="cooperation (1+2)")
        ax.bar(x, [-t.conflict for t in totals], width=width, align="edge", color=CONFLICT,
               label="conflict (3+4)")
        ax.axhline(0, color="#444", linewidth=0.8)
        _axes_style(ax)
        ax.set_title(direction, loc="left", fontsize=10)
    fig.axes[0].legend(loc="upper right", fontsize=8)
    fig.suptitle(f"{d.a.name} and {d.b.name}: events per {d.by}", fontsize=11)
    return _save(fig, p, f"{d.a.label} {d.b.label} dyad")


def activity_chart(a: Activity, path: str | Path) -> Path:
    """The actor's factual events per period, stacked by quad class."""
    p = check_chart_path(path)
    fig = _figure(1)
    ax: Any = fig.axes[0]
    x = [period_start(t.period) for t in a.timeline]
    bottom = [0] * len(x)
    for q, label in QUAD_CLASSES.items():
        values = [t.quad[q] for t in a.timeline]
        ax.bar(x, values, bottom=bottom, width=_bar_width(a.by), align="edge",
               color=QUAD_COLOURS[q], label=label)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _axes_style(ax)
    ax.legend(loc="upper left", fontsize=8)
    fig.suptitle(f"{a.actor.name}: events per {a.by} ({a.undated} undated not shown)", fontsize=11)
    return _save(fig, p, f"{a.actor.name} events")


def counts_chart(c: Counts, path: str | Path, *, most: int = 8) -> Path:
    """Events per period: bars without a grouping, one line per group (the ``most`` busiest) with one."""
    p = check_chart_path(path)
    fig = _figure(1)
    ax: Any = fig.axes[0]
    if c.group is None:
        ax.bar([r.date_start for r in c.rows], [r.events for r in c.rows], width=_bar_width(c.by),
               align="edge", color=COOPERATION)
    else:
        series: dict[str, list[CountRow]] = {}
        for r in c.rows:
            series.setdefault(str(r.group), []).append(r)
        busiest = sorted(series, key=lambda g: -sum(r.events for r in series[g]))[:most]
        for g in busiest:
            ax.plot([r.date_start for r in series[g]], [r.events for r in series[g]], label=g, linewidth=1.2)
        ax.legend(loc="upper left", fontsize=8, ncols=2)
    _axes_style(ax)
    grouped = f" by {c.group}" if c.group else ""
    fig.suptitle(f"events per {c.by}{grouped} ({c.not_placed} undated or less precise not shown)", fontsize=11)
    return _save(fig, p, f"events per {c.by}{grouped}")


def _axes_style(ax: Any) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import MaxNLocator

    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts are whole events
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.margins(x=0.05)


def _bar_width(by: str) -> float:
    return {"day": 0.8, "week": 5.0, "month": 24.0, "year": 300.0}[by]


def _figure(rows: int) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 2.2 + 2.2 * rows), layout="constrained")
    fig.subplots(rows, 1, sharex=True, squeeze=False)
    return fig


def _save(fig: Any, path: Path, title: str) -> Path:
    try:
        if path.suffix.lower() == ".html":
            buf = io.StringIO()
            fig.savefig(buf, format="svg")
            svg = buf.getvalue()
            svg = svg[svg.index("<svg"):]  # the XML prolog and doctype do not belong inside HTML
            path.write_text(f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                            f"<title>{html.escape(title)}</title></head><body>\n{svg}\n</body></html>\n",
                            encoding="utf-8")
        else:
            fig.savefig(path)
    except OSError as exc:
        raise InputError(str(path), f"cannot write the chart: {exc.strerror}") from exc
    return path
