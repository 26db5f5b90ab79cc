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


def test_a_later_article_recodes_events_stored_before_it(tmp_path: Path) -> None:
    """An article naming only "PETKOV" arrives first; the full name comes in a later run. The merge
    then joins the two, and the first article's events must follow: the entity id and the country
    the second article gave, exactly as if both had come in one run."""
    import json

    from kronika.store import Store

    (tmp_path / "b.txt").write_text("Talks\n\nJune 9, 2024\n\nPETKOV told reporters that Bulgaria would "
                                    "cooperate with Greece.\n\nPetkov praised Greece for its help.\n",
                                    encoding="utf-8")
    (tmp_path / "a.txt").write_text("Visit\n\nJune 3, 2024\n\nBulgarian President Rumen Petkov met "
                                    "Greek officials in Athens.\n", encoding="utf-8")
    later, once = str(tmp_path / "later.duckdb"), str(tmp_path / "once.duckdb")
    run_ingest([str(tmp_path / "b.txt")], db=later, workers=1)
    run_ingest([str(tmp_path / "a.txt")], db=later, workers=1)
    run_ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db=once, workers=1)
    sides = [ref for r in Store(later, read_only=True).query(
        "SELECT e.actor FROM events e JOIN documents d USING (doc_id) WHERE d.title = 'Talks'")
        for ref in json.loads(r["actor"])]
    petkov = [ref for ref in sides if "petkov" in ref["entity_text"].lower()]
    assert petkov and all(ref["entity_id"] == "person:rumen petkov" and ref["code"] == "BGR" for ref in petkov)
    assert differences(store_content(once), store_content(later)) == {}
