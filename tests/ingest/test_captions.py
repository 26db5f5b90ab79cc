"""Photo captions: stripped from the analysed text, coded apart, and merged with the paragraph they repeat."""

from __future__ import annotations

import json

import pytest

from kronika.ingest import article_from_text
from kronika.ingest.captions import caption_article
from kronika.store import Store

CAPTION_TEXT = (
    "Ministers sign gas deal\n2024-02-01\n\n"
    "Foreign Minister Ana Kovač signs the gas agreement in Zagreb. (AP Photo/Ivo Ivić)\n\n"
    "ZAGREB – Croatia and Hungary signed a gas supply agreement in Zagreb on Thursday.\n"
)


def test_captions_are_exposed_by_raw_offsets_without_credit() -> None:
    a = article_from_text(CAPTION_TEXT, source_file="c.txt", source_path="c.txt")
    assert "signs the gas agreement" not in a.text
    assert [a.raw_text[s:e] for s, e in a.captions] == [
        "Foreign Minister Ana Kovač signs the gas agreement in Zagreb."]
    view = caption_article(a)
    assert view is not None and view.doc_id == a.doc_id
    assert view.raw_text[view.to_raw(0):view.to_raw(len(view.text))] == view.text


def test_no_captions_no_view() -> None:
    a = article_from_text("Title\n2024-02-01\n\nZAGREB – Croatia signed a deal.\n", source_file="x.txt",
                          source_path="x.txt")
    assert a.captions == () and caption_article(a) is None


@pytest.mark.seeds
def test_seed_caption_repeating_a_paragraph_is_one_event_with_two_citations(cli, seeds_db: str) -> None:
    out = cli("events", "--db", seeds_db, "--format", "plover").output
    rows = [json.loads(line) for line in out.splitlines() if line]
    told = [r for r in rows if r["cite_info"]["source_file"].startswith("001")
            and "I reiterated my gratitude" in r["text"]]
    assert told, "the gratitude event of seed 001 is not coded"
    for r in told:
        assert r["n_sources"] == 2
        assert [s["caption"] for s in r["sources"]] == [False, True]
        assert "caption" not in r["cite_info"]  # the body paragraph is the primary citation
    store = Store(seeds_db, read_only=True)
    assert store.scalar("SELECT count(*) FROM sentences s JOIN documents d USING (doc_id) "
                        "WHERE d.source_file LIKE '001%' AND s.text LIKE '%I reiterated%'") == 1


@pytest.mark.seeds
def test_seed_caption_without_a_body_twin_stays_an_event_flagged_as_caption(seeds_db: str) -> None:
    rows = Store(seeds_db, read_only=True).query(
        "SELECT e.event, e.caption, c.n_sources FROM events e JOIN documents d USING (doc_id) "
        "JOIN event_clusters c ON c.event_id = e.id WHERE d.source_file LIKE '002%' AND e.text LIKE '%Lajcak%'")
    assert rows and all(r["caption"] and r["n_sources"] == 1 for r in rows)
