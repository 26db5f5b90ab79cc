"""Shared fixtures: the real spaCy model, real DuckDB stores, and the seed articles from ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def nlp():
    """The model and lexicons, loaded once for the session and before any ingest: the workers that
    ingest forks inherit them instead of loading their own."""
    from kronika.runner.local import loaded

    return loaded()[0]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "k.duckdb")


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"the seed articles are read from {SEEDS} and {GOLD}, which are not here")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> str:
    """One store with the five seed articles, ingested once for every test that reads it."""
    from kronika.runner import run_ingest

    path = str(tmp_path_factory.mktemp("seeds") / "seeds.duckdb")
    run_ingest([str(seed_dir)], db=path, workers=1)
    return path


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kronika.runner import run_ingest

    path = str(tmp_path_factory.mktemp("examples") / "examples.duckdb")
    run_ingest([str(EXAMPLES)], db=path, workers=1)
    return path


def holdings(db: str) -> dict[str, int]:
    """What a store holds, counted straight from its tables (not by the code the tests check): the figures
    the examples give change whenever the coder does, so tests compare against these."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        return {"articles": one("SELECT count(*) FROM documents"), "reports": one("SELECT count(*) FROM events"),
                "events": one("SELECT count(DISTINCT coalesce(c.cluster_id, e.id)) FROM events e"
                              " LEFT JOIN event_clusters c ON c.event_id = e.id"),
                "actors": one("SELECT count(*) FROM entities")}
    finally:
        con.close()


@pytest.fixture(scope="session")
def examples_held(examples_db: str) -> dict[str, int]:
    return holdings(examples_db)


@pytest.fixture()
def cli():
    from kronika.cli import main

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None):
        return runner.invoke(main, list(args), input=input, env={**os.environ, **(env or {})},
                             catch_exceptions=False)

    return invoke


@pytest.fixture()
def cli_at():
    """The CLI as a terminal of a given width shows it (stdout and stderr apart)."""
    from kronika.cli import main

    runner = CliRunner()

    def invoke(*args: str, width: int = 100, input: str | None = None):
        return runner.invoke(main, list(args), input=input, terminal_width=width, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def code(nlp):
    """Run the real pipeline (parse, actors, events, quotes) on one written article."""
    from kronika.ingest import article_from_text
    from kronika.nlp.parse import parse_articles
    from kronika.runner.pipeline import Resources, code_document

    res = Resources.load()

    def run(text: str, published: str | None = "2024-03-12", **meta: str):
        article = article_from_text(text, source_file="t.txt", source_path="t.txt",
                                    meta={"published": published, "title": meta.pop("title", "T"), **meta})
        parsed = next(parse_articles(nlp, [article]))
        return code_document(parsed, res)

    return run
