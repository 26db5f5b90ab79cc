"""Output that fits: tables sized to the terminal, one line a row, compact columns, --columns, --limit."""

from __future__ import annotations

import json
import re
import shlex

import pytest

from tests.conftest import ROOT

LISTINGS = [("events",), ("documents",), ("actors",), ("quotes",), ("network",)]


@pytest.mark.parametrize("width", [100, 200])
@pytest.mark.parametrize("command", LISTINGS)
def test_a_table_fits_the_terminal_with_one_line_a_row(cli_at, examples_db, command, width):
    result = cli_at(*command, "--db", examples_db, "--limit", "30", width=width)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert set(lines[1]) == {"─"}  # the header, its rule, then the rows
    assert len(lines) - 2 == min(30, _rows(cli_at, examples_db, command[0]))


def _rows(cli_at, db: str, command: str) -> int:
    if command == "network":
        return len(json.loads(cli_at("network", "--db", db, "--format", "json").stdout)["edges"])
    return len(cli_at(command, "--db", db, "--format", "jsonl").stdout.splitlines())


def test_at_100_columns_the_sentence_gets_the_room_and_long_cells_end_with_an_ellipsis(cli_at, examples_db):
    lines = cli_at("events", "--db", examples_db, width=100).stdout.splitlines()
    header = lines[0]
    assert header.split() == ["date", "event", "actor", "recipient", "text"]
    text_width = 100 - header.index("text")
    assert text_width >= 30, "the sentence is what a reader reads"
    assert all(len(line) <= 100 for line in lines)
    cut = [line for line in lines[2:] if line.endswith("…")]
    assert cut, "long sentences are cut, not wrapped"
    wide = cli_at("events", "--db", examples_db, width=200).stdout.splitlines()
    assert len(wide) == len(lines)
    assert sum(line.endswith("…") for line in wide) < len(cut)


def test_columns_picks_what_a_table_shows_and_refuses_an_unknown_one(cli_at, examples_db):
    out = cli_at("events", "--db", examples_db, "--columns", "id,date,actor_countries,quad_code",
                 "--dyad", "CZE:KEN", width=100).stdout
    header, rule, first = out.splitlines()[:3]
    assert header.split() == ["id", "date", "actor_countries", "quad_code"]
    assert re.match(r"^[0-9a-f]{20} ", first), "ids are never cut"
    bad = cli_at("documents", "--db", examples_db, "--columns", "title,headline")
    assert bad.exit_code == 2
    assert bad.output.endswith('Error: --columns: no column "headline" (choose among doc_id, source_file, title, '
                               "published, date_precision, outlet, author, url, dateline, n_sentences)\n")


def test_limit_shows_the_first_rows_and_says_how_many_there_were(cli_at, examples_db, examples_held):
    result = cli_at("events", "--db", examples_db, "--format", "plover", "--limit", "5")
    assert len(result.stdout.splitlines()) == 5
    assert result.stderr == f"5 of {examples_held['events']} events shown (--limit)\n"
    everything = cli_at("events", "--db", examples_db, "--format", "plover").stdout.splitlines()
    assert result.stdout.splitlines() == everything[:5]
    assert cli_at("quotes", "--db", examples_db, "--limit", "3").stderr == "3 of 45 quotations shown (--limit)\n"
    links = len(json.loads(cli_at("network", "--db", examples_db, "--format", "json").stdout)["edges"])
    assert cli_at("network", "--db", examples_db, "--limit", "2").stderr == f"2 of {links} links shown (--limit)\n"
    assert cli_at("actors", "--db", examples_db, "--limit", "1").stderr == \
        f"1 of {examples_held['actors']} actors shown (--limit)\n"


def test_network_table_lists_the_busiest_links_first(cli_at, examples_db):
    lines = cli_at("network", "--db", examples_db, "--limit", "3", width=100).stdout.splitlines()
    assert lines[0].split() == ["actor", "recipient", "events", "mean_score", "categories"]
    assert lines[2].split()[:3] == ["Czech", "Republic", "Kenya"]  # the examples tell of one partnership
    counts = [int(re.split(r"\s{3,}", line)[2]) for line in lines[2:]]
    assert counts == sorted(counts, reverse=True)


def test_csv_and_jsonl_are_never_cut(cli_at, examples_db):
    longest = max((json.loads(line) for line in cli_at("events", "--db", examples_db, "--format", "plover")
                   .stdout.splitlines()), key=lambda r: len(r["text"]))
    assert len(longest["text"]) > 150
    assert longest["text"] in cli_at("events", "--db", examples_db, "--format", "csv", width=100).stdout


def test_make_demo_is_a_short_tour_that_says_what_to_try_next(cli_at, tmp_path, monkeypatch):
    """The demo's kronika commands, as the Makefile runs them, print a page, not hundreds of lines."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    db = "kronika.duckdb"
    printed: list[str] = []
    for line in recipe.splitlines()[1:]:
        line = line.strip().lstrip("@")
        if line.startswith("$(BIN)/kronika "):
            args = shlex.split(line.replace("$(BIN)/kronika ", "").replace("$(DB)", db))
            result = cli_at(*args, width=100)
            assert result.exit_code == 0, result.output
            printed += result.output.splitlines()
        elif line.startswith("echo"):
            printed.append(line.removeprefix("echo "))
    assert len(printed) <= 60
    assert all(len(line) <= 100 for line in printed)
    assert any("added 13 articles" in line for line in printed)
    assert "Try next" in recipe and "kronika serve" in recipe and "kronika export" in recipe
