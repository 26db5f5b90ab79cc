"""One article never stops the run: an exception in a stage, an article over its time budget, a worker
process killed under it. The others are stored, the article is named in one line, the run goes on."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from kronika.ingest import article_from_text
from tests.faults.helpers import alive, children, kronika, lock_step, ran, start, wait_for
from tests.faults.probes import good_text, write_good


def broken_events(real):
    """The event stage, failing on one article: a stand-in for a bug no input has found yet."""

    def run(parsed, found, res):
        if "Peru" in parsed.article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(parsed, found, res)

    return run


def test_a_failing_stage_costs_its_article_only(nlp, monkeypatch) -> None:
    import kronika.events
    from kronika.runner.local import loaded
    from kronika.runner.pipeline import code_batch

    monkeypatch.setattr(kronika.events, "run", broken_events(kronika.events.run))
    articles = [article_from_text(good_text(n), source_file=f"{n}.txt", source_path=f"in/{n}.txt") for n in range(4)]
    results = code_batch(nlp, articles, loaded()[1])
    assert [type(r).__name__ for r in results] == ["DocResult", "DocResult", "Problem", "DocResult"]
    problem = results[2]
    assert str(problem) == ("in/2.txt: could not be coded (events failed: RecursionError: maximum recursion depth "
                            "exceeded); not stored")
    assert "Traceback (most recent call last)" in problem.detail and "broken_events" not in problem.message


def test_the_traceback_is_shown_with_debug_only(cli, tmp_path: Path, monkeypatch) -> None:
    import kronika.events

    # The workers are forked from this process: they run the failing stage too.
    monkeypatch.setattr(kronika.events, "run", broken_events(kronika.events.run))
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder, 4)
    plain = cli("ingest", str(folder), "--db", str(tmp_path / "a.duckdb"))
    assert plain.exit_code == 1
    assert plain.stderr == (f"error: {folder / 'good_002.txt'}: could not be coded (events failed: RecursionError: "
                            "maximum recursion depth exceeded); not stored\n")
    assert ran(plain.stdout) == (3, 0, 1)
    debug = cli("ingest", str(folder), "--db", str(tmp_path / "b.duckdb"), "--debug")
    assert debug.exit_code == 1
    lines = debug.stderr.splitlines()
    assert lines[0] == plain.stderr.strip()
    assert lines[1] == "Traceback (most recent call last):"
    assert lines[-2:] == ["RecursionError: maximum recursion depth exceeded", "in kronika's events stage"]


def test_an_article_over_its_time_budget_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    goods = write_good(folder, 5)
    # 2.1 MB of words: many seconds of parsing, well over a three-second budget (which an ordinary article
    # keeps even in a fresh worker on a loaded machine)
    (folder / "good_002b_slow.txt").write_text("Slow\n\n" + "Internationalisation " * 100_000, encoding="utf-8")
    res = kronika("ingest", str(folder), "--db", str(tmp_path / "k.duckdb"), "--article-timeout", "3",
                  "--workers", "1", "--batch-size", "3")
    assert res.returncode == 1
    assert res.stderr == (f"error: {folder / 'good_002b_slow.txt'}: took over the 3 s budget for one article "
                          "(--article-timeout); not stored\n")
    assert ran(res.stdout) == (len(goods), 0, 1)


@pytest.mark.slow
def test_a_worker_killed_under_an_article_is_replaced_and_nothing_is_lost(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    goods = write_good(folder, 150)
    db = tmp_path / "k.duckdb"
    proc = start("ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "4")
    wait_for(lambda: lock_step(db) == "coding" or proc.poll() is not None, 120, "the first write")
    (worker,) = children(proc.pid)
    assert proc.poll() is None, "the run ended before the test could kill its worker"
    os.kill(worker, signal.SIGKILL)  # as the kernel's out-of-memory killer would
    out, err = proc.communicate(timeout=300)
    # The article it was on was one of many: tried again alone, with the rest of its job, in a new worker.
    assert proc.returncode == 0, err.decode()
    assert ran(out.decode()) == (len(goods), 0, 0), err.decode()
    assert not alive(worker)
    docs = kronika("documents", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    assert {json.loads(d)["source_file"] for d in docs} == set(goods)


def test_only_an_article_alone_in_its_job_or_most_of_it_is_blamed_without_a_second_try() -> None:
    from kronika.runner.pool import _culprit, _Job

    small = [article_from_text(good_text(0), source_file=f"{n}.txt", source_path=f"{n}.txt") for n in range(4)]
    job = _Job(1, 0, [0, 1, 2, 3], small)
    # The last of four small ones shares its parse with the three before it: tried again alone.
    assert [_culprit(job, k) for k in range(4)] == [False, False, False, False]
    assert _culprit(_Job(2, 0, [3], small[3:]), 0)  # alone: nothing else to blame
    huge = article_from_text("Huge\n\n" + "word " * 20_000, source_file="huge.txt", source_path="huge.txt")
    mixed = _Job(3, 0, [0, 1, 2], [small[0], huge, small[1]])
    assert [_culprit(mixed, k) for k in range(3)] == [False, True, False]


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used (user + system)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.slow
def test_a_worker_killed_under_a_huge_article_names_the_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    goods = write_good(folder, 3)
    huge = folder / "good_001b_huge.txt"
    huge.write_text("Huge\n\n" + "Internationalisation " * 100_000, encoding="utf-8")
    db = tmp_path / "k.duckdb"
    proc = start("ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "4")
    wait_for(lambda: children(proc.pid), 30, "a worker process")
    (worker,) = children(proc.pid)
    # Loading the model takes 2-3 s of CPU, the three small articles a fraction of one, the huge one ~9:
    # at 6 s the worker is parsing it, when the out-of-memory killer would strike.
    wait_for(lambda: cpu_seconds(worker) > 6 or proc.poll() is not None, 120, "the worker to reach the article")
    os.kill(worker, signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert err.decode() == (f"error: {huge}: its worker process was killed by SIGKILL (out of memory?) while coding "
                            "it; not stored\n")
    assert ran(out.decode()) == (len(goods), 0, 1)
