"""One worker process of the local engine: spaCy loaded once, jobs of articles coded, each article
reported as soon as it is coded, and no life of its own.

A worker never outlives the process that started it. On Linux the kernel kills it when its parent dies
(``PR_SET_PDEATHSIG``), whatever killed the parent, kill -9 included; elsewhere, and as a second line,
a thread checks every 0.2 s that its parent is still there. It ignores Ctrl-C, which a terminal sends
to the whole process group: the parent decides what an interrupt means and ends its workers itself.
Its standard output is /dev/null, so no worker ever holds a pipe the parent writes into
(``kronika ingest ... | tee log``).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

READY = "ready"
FAILED = "failed"
_PR_SET_PDEATHSIG = 1


def worker_main(jobs: Connection, results: Connection, parent: int) -> None:
    """Load the model, then code each job ``(job_id, articles)`` received until told to stop (None)
    or the parent is gone; sends ``(job_id, k, DocResult | Problem)`` per article, then
    ``(job_id, None, None)``."""
    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    from kronika.errors import one_line
    from kronika.runner.local import loaded
    from kronika.runner.pipeline import code_articles

    try:
        nlp, res = loaded()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run with it
        results.send((FAILED, one_line(exc)))
        return
    results.send((READY,))
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return  # the parent closed its end: it is gone or done
        if job is None:
            return
        job_id, articles = job
        for k, result in enumerate(code_articles(nlp, articles, res)):
            results.send((job_id, k, result))
        results.send((job_id, None, None))


def _die_with(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watching thread below still ends this process
    if os.getppid() != parent:
        os._exit(0)  # the parent died before the line above took effect
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="kronika-parent-watch").start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(0.2)
        if os.getppid() != parent:
            os._exit(0)
