"""Every bad input kind in a folder of good articles: the good ones are all stored, every bad one is
listed in one line, and the run ends with status 1 and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.helpers import kronika, ran
from tests.faults.probes import PROBES, big_probes, expected_lines, write_good, write_probes


def documents(db: Path) -> list[dict]:
    out = kronika("documents", "--db", str(db), "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines()]


def check_run(folder: Path, db: Path, probes: list, goods: list[str], *options: str) -> None:
    res = kronika("ingest", str(folder), "--db", str(db), *options)
    lines = res.stderr.splitlines()
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    assert sorted(lines) == sorted(expected_lines(folder, probes)), res.stderr
    failed = sum(1 for p in probes for severity, _ in p.lines if severity == "error")
    stored = len(goods) + sum(p.stored for p in probes)
    assert ran(res.stdout) == (stored, 0, failed), res.stdout
    files = {d["source_file"] for d in documents(db)}
    assert set(goods) <= files, "every good article is stored"
    assert not {p.name for p in probes if not p.stored} & files


def test_every_bad_kind_among_good_articles(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    goods = write_good(folder, 12)
    write_probes(folder, PROBES)
    check_run(folder, tmp_path / "k.duckdb", PROBES, goods, "--workers", "2", "--batch-size", "4")
    # A re-run gets past every one of them: nothing new, the same problems listed again.
    again = kronika("ingest", str(folder), "--db", str(tmp_path / "k.duckdb"))
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert ran(again.stdout)[:2] == (0, len(goods) + sum(p.stored for p in PROBES))


@pytest.mark.slow
def test_big_inputs_are_parsed_in_bounded_pieces(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    goods = write_good(folder, 6)
    probes = big_probes("test")
    write_probes(folder, probes)
    res = kronika("ingest", str(folder), "--db", str(tmp_path / "k.duckdb"), "--workers", "2", "--batch-size", "2")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert sorted(res.stderr.splitlines()) == sorted(expected_lines(folder, probes))
    assert ran(res.stdout) == (len(goods) + len(probes), 0, 0), res.stdout


def test_the_progress_total_is_counted_without_waiting_or_failing(tmp_path: Path) -> None:
    import os

    from kronika.ingest.tally import expected_inputs

    os.mkfifo(tmp_path / "pipe.jsonl")  # read, it would wait for a writer forever
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")  # RecursionError
    (tmp_path / "big.jsonl").write_text('{"text": "x"}\n' * 1_000, encoding="utf-8")  # over the limit
    (tmp_path / "two.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n', encoding="utf-8")
    # What the readers refuse or cannot parse counts as one article: it ends up one problem.
    assert expected_inputs([str(tmp_path)], max_bytes=10_000) == (4, 5)
