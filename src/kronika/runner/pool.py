"""The local engine's worker processes, watched: a time budget per article, and a stuck or dead
worker replaced without losing the others' work.

Each worker holds at most two jobs (one running, one waiting, so it never idles while this process
writes to the store) and reports every article as soon as it is coded, so this process knows which
article a worker is on and since when. When an article runs over the budget, or its worker dies (a
crash in C code, the kernel's out-of-memory killer), the worker is killed and replaced and its jobs go
back to the queue. The article it was on becomes a Problem when it is alone in its job or most of it;
otherwise it is tried again alone first, because articles parsed together share spaCy's batches and
the time may belong to a neighbour. Jobs are sent by one thread per worker, so a large job never
blocks this process while the worker is busy sending results back.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count
from multiprocessing.connection import Connection, wait
from typing import Any

from kronika.errors import KronikaError
from kronika.records import Article, DocResult, Problem
from kronika.runner.worker import FAILED, READY, worker_main

Result = DocResult | Problem
_QUEUED = 2  # jobs a worker holds: the one it runs and the next
_START_SECONDS = 300.0  # loading spaCy and the lexicons takes seconds; this long means it is stuck
_START_TRIES = 3  # workers that die while loading, in a row, before the run gives up


@dataclass
class _Job:
    id: int
    batch: int  # the batch its articles belong to
    slots: list[int]  # their places in that batch
    articles: list[Article]
    reported: int = 0  # articles already coded and sent back


@dataclass
class _Worker:
    proc: Any  # multiprocessing.Process (the context's class)
    results: Connection
    outbox: queue.Queue[tuple[int, list[Article]] | None]
    jobs: deque[_Job] = field(default_factory=deque)
    ready: bool = False
    gone: bool = False
    since: float = field(default_factory=time.monotonic)  # when its current article started, as seen here


class WorkerPool:
    """``workers`` processes coding batches of articles; results come back batch by batch, in order."""

    def __init__(self, workers: int, *, article_timeout: float | None = 60.0) -> None:
        self.size = max(1, workers)
        self.budget = article_timeout if article_timeout and article_timeout > 0 else None
        self.workers: list[_Worker] = []
        # fork: a worker inherits a model this process has loaded already (tests, notebooks); on systems
        # where forking a process with threads is unsafe, workers start afresh.
        self._ctx: Any = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self._ids = count()
        self._failed_starts = 0

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop(now=exc[0] is not None)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Code every batch; yields each batch's results (one per article, in order) once complete.

        At most two batches per worker are read ahead of the one being handed back, so memory stays
        flat however long the input is.
        """
        source = iter(batches)
        numbers = count()
        done: dict[int, list[Result | None]] = {}
        order: deque[int] = deque()
        todo: deque[_Job] = deque()
        exhausted = False
        while True:
            while not exhausted and len(order) < _QUEUED * self.size:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                number = next(numbers)
                order.append(number)
                done[number] = [None] * len(batch)
                if batch:
                    todo.append(_Job(next(self._ids), number, list(range(len(batch))), batch))
            if order and all(r is not None for r in done[order[0]]):
                yield [r for r in done.pop(order.popleft()) if r is not None]
                continue
            if not order:
                return
            self._dispatch(todo)
            self._collect(done, todo)

    def _dispatch(self, todo: deque[_Job]) -> None:
        if todo and not self.workers:
            for _ in range(self.size):
                self._start()
        for w in self.workers:
            while todo and w.ready and len(w.jobs) < _QUEUED:
                job = todo.popleft()
                if not w.jobs:
                    w.since = time.monotonic()
                w.jobs.append(job)
                w.outbox.put((job.id, job.articles))

    def _collect(self, done: dict[int, list[Result | None]], todo: deque[_Job]) -> None:
        """Wait for messages (at most until the next deadline) and act on them and on missed deadlines."""
        busy = [w for w in self.workers if w.jobs or not w.ready]
        if not busy:
            return
        now = time.monotonic()
        deadlines = [w.since + (_START_SECONDS if not w.ready else self.budget or 1.0) for w in busy]
        timeout = min(max(min(deadlines) - now, 0.01), 1.0)
        ready = wait([w.results for w in busy] + [w.proc.sentinel for w in busy], timeout)
        for w in busy:
            if w.results in ready:
                self._drain(w, done)
        now = time.monotonic()
        for w in list(self.workers):
            if w.gone or not w.proc.is_alive():
                self._drain(w, done)  # what it sent before it died still counts
                if not w.ready:
                    self._failed_starts += 1
                    if self._failed_starts >= _START_TRIES:
                        raise KronikaError(f"worker processes keep ending while they load the model (the last "
                                           f"{self._death(w)})")
                self._replace(w, done, todo, f"its worker process {self._death(w)} while coding it")
            elif not w.ready and now - w.since > _START_SECONDS:
                raise KronikaError(f"a worker process did not start in {_START_SECONDS:.0f} s")
            elif w.ready and w.jobs and self.budget is not None and now - w.since > self.budget:
                self._replace(w, done, todo, f"took over the {self.budget:g} s budget for one article "
                                             "(--article-timeout)")

    def _drain(self, w: _Worker, done: dict[int, list[Result | None]]) -> None:
        while not w.gone and not w.results.closed and w.results.poll():
            try:
                message = w.results.recv()
            except (EOFError, OSError):
                w.gone = True  # the process has ended, or is ending
                return
            w.since = time.monotonic()
            if message[0] == READY:
                w.ready = True
                self._failed_starts = 0
            elif message[0] == FAILED:
                raise KronikaError(f"a worker process could not load the model: {message[1]}")
            else:
                job_id, k, result = message
                job = w.jobs[0]
                assert job.id == job_id, "a worker answers its jobs in order"
                if k is None:
                    w.jobs.popleft()
                else:
                    done[job.batch][job.slots[k]] = result
                    job.reported = k + 1

    def _replace(self, w: _Worker, done: dict[int, list[Result | None]], todo: deque[_Job], why: str) -> None:
        """End a stuck or dead worker, blame or retry the article it was on, requeue the rest."""
        self._kill(w)
        self.workers.remove(w)
        requeue: list[_Job] = []
        for n, job in enumerate(w.jobs):
            start = job.reported if n == 0 else 0
            if n == 0 and start < len(job.articles):
                article, slot = job.articles[start], job.slots[start]
                if _culprit(job, start):
                    done[job.batch][slot] = Problem(article.source_path, "worker", f"{why}; not stored",
                                                    article.record)
                else:
                    requeue.append(_Job(next(self._ids), job.batch, [slot], [article]))
                start += 1
            if start < len(job.articles):
                requeue.append(_Job(next(self._ids), job.batch, job.slots[start:], job.articles[start:]))
        todo.extendleft(reversed(requeue))
        self._start()

    def _death(self, w: _Worker) -> str:
        w.proc.join(timeout=1)
        code = w.proc.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            return f"was killed by {name}" + (" (out of memory?)" if -code == signal.SIGKILL else "")
        return f"exited with status {code}"

    def _start(self) -> None:
        jobs_out, jobs_in = self._ctx.Pipe(duplex=False)[::-1]
        results_in, results_out = self._ctx.Pipe(duplex=False)
        proc = self._ctx.Process(target=worker_main, args=(jobs_in, results_out, os.getpid()), daemon=True,
                                 name="kronika-worker")
        proc.start()
        jobs_in.close()
        results_out.close()
        outbox: queue.Queue[tuple[int, list[Article]] | None] = queue.Queue()
        threading.Thread(target=_send_all, args=(outbox, jobs_out), daemon=True, name="kronika-jobs").start()
        self.workers.append(_Worker(proc, results_in, outbox))

    def _kill(self, w: _Worker) -> None:
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        w.outbox.put(None)
        w.results.close()

    def stop(self, *, now: bool = False) -> None:
        """End every worker: politely when the work is done, at once when interrupted."""
        for w in self.workers:
            w.outbox.put(None)  # "stop" once its jobs are done; the sender thread then closes the pipe
        deadline = time.monotonic() + (0 if now else 2.0)
        for w in self.workers:
            w.proc.join(timeout=max(deadline - time.monotonic(), 0))
            self._kill(w)
        self.workers.clear()


def _culprit(job: _Job, start: int) -> bool:
    """Whether the article a worker was on is to blame for its time or its death without a second try.

    Articles are parsed together in batches of at most ~40,000 characters, so the time counted to an
    article includes its neighbours' (those after it, or, for the last of a job, those before it): when
    the article is most of that (alone in its job, or a huge one among small ones), the neighbours are
    noise. Otherwise it is tried again alone.
    """
    article = job.articles[start]
    shared = job.articles[start:] if start + 1 < len(job.articles) else job.articles
    return len(article.text) * 2 > sum(len(a.text) for a in shared)


def _send_all(outbox: queue.Queue[tuple[int, list[Article]] | None], conn: Connection) -> None:
    """A worker's jobs, sent in order; None ends the worker (and this thread)."""
    try:
        while True:
            job = outbox.get()
            conn.send(job)
            if job is None:
                return
    except (OSError, ValueError):
        return  # the worker is gone: its jobs are requeued by the pool
    finally:
        conn.close()
