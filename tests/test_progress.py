"""Progress a person can read, and an ingest summary that keeps this run apart from the store."""

from __future__ import annotations

import io
import re

from kronika.progress import progress_display, rate_and_eta
from kronika.runner import Step, run_ingest
from tests.conftest import EXAMPLES, holdings

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _steps() -> list[Step]:
    return [Step("found", 10, 13), Step("coding", 4), Step("coding", 13), Step("merging"), Step("corroborating")]


def test_the_runner_reports_files_found_articles_done_then_the_corpus_wide_steps(db):
    seen: list[Step] = []
    run_ingest([str(EXAMPLES)], db=db, workers=1, batch_size=4, progress=seen.append)
    assert seen[0] == Step("found", 10, 13)  # ten files; the CSV, JSON and JSON Lines ones hold two articles
    coding = [s.done for s in seen if s.stage == "coding"]
    assert coding == sorted(coding) and coding[-1] == 13
    assert [s.stage for s in seen[-2:]] == ["merging", "corroborating"]
    again: list[Step] = []
    run_ingest([str(EXAMPLES)], db=db, workers=1, progress=again.append)
    assert [s.done for s in again if s.stage == "coding"][-1] == 13, "skipped articles are done too"


def test_articles_coded_in_a_pool_of_worker_processes_are_reported_failures_included(db, tmp_path, monkeypatch):
    import kronika.events
    from tests.faults.probes import write_good
    from tests.faults.test_isolation import broken_events

    # The workers are forked from this process: the one with good_002 fails it (an article of its own).
    monkeypatch.setattr(kronika.events, "run", broken_events(kronika.events.run))
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder, 6)
    seen: list[Step] = []
    summary = run_ingest([str(folder)], db=db, workers=2, batch_size=2, progress=seen.append)  # 6 > 2: two workers
    assert summary.new == 5 and summary.failed == 1
    assert seen[0] == Step("found", 6, 6)
    coding = [s.done for s in seen if s.stage == "coding"]
    assert coding == sorted(coding) and coding[-1] == 6
    assert [s.stage for s in seen[-2:]] == ["merging", "corroborating"]


def test_an_interrupted_ingest_s_steps_are_reported_before_the_new_articles(db):
    from kronika.store import Store, run_state

    run_ingest([str(EXAMPLES / "meridian-wire_czech-kenya-water-partnership.txt")], db=db, workers=1)
    run_state.mark(Store(db), "merge")  # as a run killed in its merge leaves the store
    seen: list[Step] = []
    summary = run_ingest([str(EXAMPLES)], db=db, workers=1, progress=seen.append)
    assert summary.resumed == "merge"
    assert [s.stage for s in seen[:3]] == ["found", "merging", "corroborating"]
    assert [s.done for s in seen if s.stage == "coding"][-1] == 13
    assert [s.stage for s in seen[-2:]] == ["merging", "corroborating"]
    assert run_state.unfinished(Store(db, read_only=True)) is None


def test_on_a_pipe_nothing_unless_asked():
    with progress_display(io.StringIO(), terminal=False) as report:
        assert report is None
    with progress_display(io.StringIO(), show=False, terminal=True) as report:
        assert report is None


def test_asked_for_on_a_pipe_it_prints_plain_lines():
    out = io.StringIO()
    with progress_display(out, show=True, terminal=False) as report:
        assert report is not None
        for step in _steps():
            report(step)
    lines = out.getvalue().splitlines()
    assert lines[0] == "found 10 files, 13 articles"
    assert re.fullmatch(r"coded 4/13 articles \(\d+\.\d articles/s, about 0:\d\d:\d\d left\)", lines[1])
    assert re.fullmatch(r"coded 13/13 articles \(\d+\.\d articles/s\)", lines[2])  # done: no time left
    assert lines[3:] == ["merging entities across the corpus", "corroborating reports"]


def test_on_a_terminal_it_is_a_live_display_with_each_step():
    out = io.StringIO()
    with progress_display(out, terminal=True) as report:
        assert report is not None
        for step in _steps():
            report(step)
    text = ANSI.sub("", out.getvalue())
    assert "found 10 files, 13 articles" in text
    assert "coding articles" in text and "13 articles in " in text
    assert "merging entities across the corpus" in text and "corroborating reports" in text


def test_rate_and_time_left():
    assert rate_and_eta(50, 200, 10.0) == "5.0 articles/s, about 0:00:30 left"
    assert rate_and_eta(50, None, 10.0) == "5.0 articles/s"
    assert rate_and_eta(0, 200, 10.0) == ""
    assert rate_and_eta(1, 7201, 1.0) == "1.0 articles/s, about 2:00:00 left"


def test_the_cli_shows_progress_on_a_pipe_only_with_the_flag(cli_at, db, tmp_path):
    quiet = cli_at("ingest", str(EXAMPLES / "meridian-wire_czech-kenya-water-partnership.txt"), "--db", db)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    shown = cli_at("ingest", str(EXAMPLES), "--db", db, "--progress")
    assert shown.stderr.splitlines()[0] == "found 10 files, 13 articles"
    assert shown.stderr.splitlines()[-2:] == ["merging entities across the corpus", "corroborating reports"]
    summary = shown.stdout.splitlines()
    assert summary[0].startswith("added 12 articles, ") and "(1 already stored; " in summary[0]
    held = holdings(db)
    assert summary[1].startswith(f"{db} now holds 13 articles, {held['reports']} reports, {held['events']} events, ")
