"""What an ingest shows a person: its progress while it runs, and what it did when it is done.

Progress goes to stderr: what was found, articles done of the total, rate, time left, then the
corpus-wide merge and corroboration as steps of their own. On a terminal it is a live display (rich);
on a pipe or in a log, when asked for, one plain line every few seconds. The runner only reports
:class:`~kronika.runner.ingest.Step` records; what to show is decided here.

The summary keeps this run ("added 318 articles, 3,167 reports, 1,510 events") apart from what the
store holds, which includes every earlier run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from kronika.runner.ingest import IngestSummary, Step

Report = Callable[["Step"], None]

STEP_NAMES = {"merging": "merging entities across the corpus", "corroborating": "corroborating reports"}
_PLAIN_EVERY = 5.0  # seconds between two plain progress lines


@contextmanager
def progress_display(stream: TextIO, *, show: bool | None = None, terminal: bool | None = None
                     ) -> Iterator[Report | None]:
    """A progress reporter for ``run_ingest`` writing to ``stream``, or None when nothing is to be shown.

    ``show`` None means: only on a terminal. ``terminal`` overrides whether ``stream`` is one.
    """
    tty = stream.isatty() if terminal is None else terminal
    if show is False or (show is None and not tty):
        yield None
    elif tty:
        with _live(stream) as report:
            yield report
    else:
        yield _Plain(stream).report


def rate_and_eta(done: int, total: int | None, seconds: float) -> str:
    """"3.2 articles/s, about 0:01:05 left" (no time left when the total is unknown)."""
    if done <= 0 or seconds <= 0:
        return ""
    rate = done / seconds
    text = f"{rate:.1f} articles/s"
    if total is not None and total > done:
        text += f", about {_clock((total - done) / rate)} left"
    return text


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class _Plain:
    """One line per step, and a coding line at most every few seconds."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total: int | None = None
        self.started = time.monotonic()
        self.last = 0.0
        self.done = 0

    def report(self, step: Step) -> None:
        now = time.monotonic()
        if step.stage == "found":
            self.total, self.started = step.total, now
            articles = f", {step.total:,} articles" if step.total is not None else ""
            self._line(f"found {step.done:,} files{articles}")
        elif step.stage == "coding":
            self.done = step.done
            if now - self.last >= _PLAIN_EVERY or (self.total is not None and step.done >= self.total):
                self.last = now
                of = f"/{self.total:,}" if self.total is not None else ""
                speed = rate_and_eta(step.done, self.total, now - self.started)
                self._line(f"coded {step.done:,}{of} articles" + (f" ({speed})" if speed else ""))
        else:
            self._line(STEP_NAMES.get(step.stage, step.stage))

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()


@contextmanager
def _live(stream: TextIO) -> Iterator[Report]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn

    console = Console(file=stream, force_terminal=True, highlight=False)
    columns = (SpinnerColumn(finished_text="✓"), TextColumn("{task.description}"), BarColumn(bar_width=24),
               TextColumn("{task.fields[detail]}"))
    with Progress(*columns, console=console, refresh_per_second=4) as bar:
        state: dict[str, Any] = {"total": None, "started": time.monotonic(), "task": None, "stage": None,
                                 "step_started": time.monotonic()}

        def finish_step() -> None:
            task: TaskID | None = state["task"]
            if task is not None:
                spent = time.monotonic() - state["step_started"]
                if state["stage"] == "coding":
                    done = int(bar.tasks[task].completed)
                    bar.update(task, total=done, completed=done, detail=f"{done:,} articles in {spent:.1f}s")
                else:
                    bar.update(task, total=1, completed=1, detail=f"{spent:.1f}s")

        def report(step: Step) -> None:
            now = time.monotonic()
            if step.stage == "found":
                state["total"], state["started"] = step.total, now
                articles = f", {step.total:,} articles" if step.total is not None else ""
                console.print(f"found {step.done:,} files{articles}")
                state["task"] = bar.add_task("coding articles", total=step.total, detail="")
                state["stage"], state["step_started"] = "coding", now
            elif step.stage == "coding":
                if state["stage"] != "coding":
                    finish_step()
                    # after the steps an interrupted ingest left (resumed first): the total still holds
                    state["task"] = bar.add_task("coding articles", total=state["total"], detail="")
                    state["stage"], state["step_started"] = "coding", now
                total = state["total"]
                of = f"/{total:,}" if total is not None else ""
                speed = rate_and_eta(step.done, total, now - state["started"])
                bar.update(state["task"], completed=step.done, detail=f"{step.done:,}{of}  {speed}")
            else:
                finish_step()
                state["task"] = bar.add_task(STEP_NAMES.get(step.stage, step.stage), total=None, detail="")
                state["stage"], state["step_started"] = step.stage, now

        try:
            yield report
        finally:
            finish_step()


@dataclass(frozen=True, slots=True)
class StoreTotals:
    articles: int = 0
    reports: int = 0  # event reports: one per sentence coded as an event
    events: int = 0  # real-world events: corroborated reports count once
    actors: int = 0


def store_totals(db: str) -> StoreTotals:
    """The store's figures, all zero when it does not exist yet."""
    from kronika.store import Store
    from kronika.store.summary import totals

    if not Path(db).exists():
        return StoreTotals()
    t = totals(Store(db, read_only=True))
    return StoreTotals(t.documents, t.reports, t.events, t.entities)


def render_summary(s: IngestSummary, before: StoreTotals, after: StoreTotals, db: str, *,
                   again: bool = False) -> str:
    """Two lines: this run (added, already stored, failed, time), then the store. ``again``: the run
    coded stored articles again (``kronika rebuild PATHS``), so what it added is no news."""
    counts = [] if again else [f"{s.skipped:,} already stored"]
    if s.failed:
        counts.append(f"{s.failed:,} failed")
    if s.warnings:
        counts.append(f"{s.warnings:,} warnings")
    detail = "; ".join([", ".join(counts), f"{s.seconds:.1f}s"] if counts else [f"{s.seconds:.1f}s"])
    if again:
        run = f"coded {_n(s.new, 'article')} again, {_n(s.events, 'report')}"
    else:
        added = max(0, after.events - before.events)
        run = f"added {_n(s.new, 'article')}, {_n(s.events, 'report')}, {_n(added, 'event')}"
    return (f"{run} ({detail})\n"
            f"{db} now holds {_n(after.articles, 'article')}, {_n(after.reports, 'report')}, "
            f"{_n(after.events, 'event')}, {_n(after.actors, 'actor')}")


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
