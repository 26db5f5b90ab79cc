"""The seed articles scored by the reference scorer (../shared/eval/score.py) through kronika's CLI.

These read ../shared (not ours to redistribute) and skip, saying why, where it is absent. The same
scorer runs on articles nobody on the team has seen, so these figures are a floor, not a target.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOLD, SCORER

pytestmark = pytest.mark.seeds


def score(kind: str, path: Path, lines: int = 1) -> str:
    out = subprocess.run([sys.executable, str(SCORER), kind, str(GOLD), str(path)],
                         capture_output=True, text=True, check=True)
    return "\n".join(out.stdout.strip().splitlines()[-lines:])


def dump(cli, tmp_path: Path, db: str, what: str, fmt: str = "jsonl") -> Path:
    res = cli(what, "--db", db, "--format", fmt)
    assert res.exit_code == 0, res.output
    path = tmp_path / f"{what}.jsonl"
    path.write_text(res.stdout, encoding="utf-8")
    return path


def figures(line: str) -> dict[str, float]:
    return {k: float(v) for k, v in re.findall(r"(\w+) (\d+(?:\.\d+)?)", line)}


def test_documents_titles_and_dates(cli, seeds_db, tmp_path):
    assert score("documents", dump(cli, tmp_path, seeds_db, "documents")) == \
        "documents: titles 5/5 publication_dates 5/5"


def test_entities(cli, seeds_db, tmp_path):
    line = score("entities", dump(cli, tmp_path, seeds_db, "actors"))
    assert line == ("entities: found 18/18 country_right 18/18 aliases_merged 18/18 conflated 0 "
                    "credits_as_actors 0")


def test_events(cli, seeds_db, tmp_path):
    f = figures(score("events", dump(cli, tmp_path, seeds_db, "events", "plover")))
    assert f["recall"] >= 0.85
    assert f["precision"] >= 0.80
    assert f["negation_traps"] == 0
    assert f["date_accuracy"] >= 0.90


def test_kronika_eval_gives_the_reference_scorers_figures(cli, seeds_db, tmp_path):
    reference = score("events", dump(cli, tmp_path, seeds_db, "events", "plover"), lines=2)
    ours = "\n".join(cli("eval", str(GOLD), "--db", seeds_db).output.strip().splitlines()[-2:])
    assert ours == reference
