"""``kronika ingest --engine ray`` on a real local Ray gives the same store as the default engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.store import Store
from tests.conftest import EXAMPLES, SEEDS
from tests.runner.helpers import differences, store_content

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def inputs() -> list[str]:
    """The bundled examples, and the seeds when ../shared is here (test_seeds_were_compared says if not)."""
    return [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory: pytest.TempPathFactory, inputs: list[str]) -> tuple[str, str, str]:
    from click.testing import CliRunner

    from kronika.cli import main

    folder = tmp_path_factory.mktemp("engines")
    local, ray_db = str(folder / "local.duckdb"), str(folder / "ray.duckdb")
    runner = CliRunner()
    done = runner.invoke(main, ["ingest", *inputs, "--db", local, "--workers", "2"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    # Two actors on two CPUs and a small object store: what a 2-core CI machine can give.
    done = runner.invoke(main, ["ingest", *inputs, "--db", ray_db, "--engine", "ray", "--workers", "2"],
                         catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return local, ray_db, done.output


def test_ray_and_local_engines_store_the_same_documents_entities_and_events(two_stores) -> None:
    local, ray_db, _ = two_stores
    a, b = store_content(local), store_content(ray_db)
    assert {"documents", "entities", "events"} <= set(a)
    assert min(len(a["documents"]), len(a["entities"]), len(a["events"])) > 10
    assert differences(a, b) == {}


def test_the_ray_run_reports_what_it_stored(two_stores) -> None:
    _, ray_db, output = two_stores
    store = Store(ray_db, read_only=True)
    docs = store.scalar("SELECT count(*) FROM documents")
    events = store.scalar("SELECT count(*) FROM events")
    assert output.startswith(f"added {docs} articles, {events} reports, ")
    assert "(0 already stored; " in output
    assert f"now holds {docs} articles, {events} reports, " in output


def test_seeds_were_compared(two_stores, seed_dir: Path) -> None:
    _, ray_db, _ = two_stores
    names = {r["source_file"] for r in Store(ray_db, read_only=True).query("SELECT source_file FROM documents")}
    assert {p.name for p in seed_dir.iterdir() if p.is_file()} <= names


def test_an_update_through_ray_gives_the_store_one_ingest_gives(two_stores, inputs: list[str], tmp_path: Path) -> None:
    """Half the articles ingested locally, the other half added through Ray: the driver runs the same
    incremental merge and corroboration, and the store is the one a single ingest leaves."""
    from kronika.runner import run_ingest

    files = sorted(str(p) for folder in inputs for p in Path(folder).iterdir()
                   if p.is_file() and not p.name.startswith("README"))
    db = str(tmp_path / "update.duckdb")
    run_ingest(files[1::2], db=db, workers=1)
    summary = run_ingest(files[::2], db=db, workers=2, engine="ray")
    assert summary.new >= len(files[::2]) and not summary.failed
    assert differences(store_content(two_stores[0]), store_content(db)) == {}
