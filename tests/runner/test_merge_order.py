"""The corpus-wide merge depends on what is stored, not on the order or the runs it arrived in."""

from __future__ import annotations

from pathlib import Path

from kronika.runner import run_ingest
from tests.conftest import EXAMPLES
from tests.runner.helpers import differences, store_content


def test_two_orders_and_partitions_give_identical_entities(tmp_path: Path) -> None:
    files = sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith("README"))
    half = len(files) // 2
    at_once, in_parts = str(tmp_path / "once.duckdb"), str(tmp_path / "parts.duckdb")
    run_ingest(files, db=at_once, workers=1)
    # The second half first, backwards, in one run; then the first half in another: two merges.
    run_ingest(files[half:][::-1], db=in_parts, workers=1, batch_size=2)
    run_ingest(files[:half], db=in_parts, workers=1, batch_size=3)
    once, parts = store_content(at_once), store_content(in_parts)
    assert len(once["entities"]) > 20
    assert differences(once, parts) == {}
