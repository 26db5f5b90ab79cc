"""Corroboration end to end on tests/data/corroboration: invented reports of the same events by
different outlets, and the near-misses that must stay apart (EXPECTED.md, labels.yaml)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from kronika.lang.en import fold
from kronika.store import Store

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "data" / "corroboration"
LABELS = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kronika.runner import run_ingest

    path = str(tmp_path_factory.mktemp("corroboration") / "c.duckdb")
    run_ingest([str(p) for p in sorted(FIXTURES.glob("*.txt"))], db=path)
    return path


@pytest.fixture(scope="module")
def labelled(fixture_db: str) -> dict[str, dict[str, list[str]]]:
    """group -> {"reports": cluster ids of its coded reports, "optional": ...}."""
    rows = Store(fixture_db, read_only=True).query(
        "SELECT e.event, e.aux, e.text, e.cluster_id, d.source_file FROM events e JOIN documents d USING (doc_id)")
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, g in LABELS["groups"].items():
        for kind in ("reports", "optional"):
            for prefix, words in g.get(kind, []):
                for r in rows:
                    if r["source_file"].startswith(prefix) and fold(words) in fold(r["text"]) \
                            and r["event"] == g["event"] and ("negation" in r["aux"]) == g.get("negated", False):
                        out[name][kind].append(r["cluster_id"])
    return out


def test_every_group_is_one_event(labelled) -> None:
    for name, found in labelled.items():
        assert len(set(found["reports"])) <= 1, f"{name} is split into {len(set(found['reports']))} events"


def test_the_signing_and_the_claim_have_several_sources(labelled) -> None:
    """A: the Baku signing told by several outlets; D: Hungary's non-expulsion claim in three wordings."""
    assert len(labelled["A_sign"]["reports"]) >= 2
    assert len(labelled["D_claim"]["reports"]) == 3


def test_near_misses_stay_apart(labelled) -> None:
    for x, y in LABELS["apart"]:
        both = set(labelled[x]["reports"] + labelled[x]["optional"]) & \
            set(labelled[y]["reports"] + labelled[y]["optional"])
        assert not both, f"{x} and {y} were merged"


def test_groups_never_share_an_event(labelled) -> None:
    owner: dict[str, str] = {}
    for name, found in labelled.items():
        for cid in found["reports"]:
            assert owner.setdefault(cid, name) == name, f"{name} merged with {owner[cid]}"


def _plover(cli, db: str, *flags: str) -> list[dict[str, Any]]:
    out = cli("events", "--db", db, "--format", "plover", *flags).output
    return [json.loads(line) for line in out.splitlines() if line]


def test_events_lists_one_row_per_event_with_every_source(cli, fixture_db: str) -> None:
    merged = _plover(cli, fixture_db)
    cited = _plover(cli, fixture_db, "--by-source")
    assert sum(r["n_sources"] for r in merged) == len(cited) > len(merged)
    claim = next(r for r in merged if r["event"] == "SANCTION" and "negation" in r["aux"])
    assert claim["n_sources"] == 3 == len(claim["sources"])
    assert {s["outlet"] for s in claim["sources"]} >= {"Meridian Wire"}
    assert {tuple(sorted(s)) for s in claim["sources"]} == {tuple(sorted(
        ["doc_id", "source_file", "outlet", "sentence", "char_start", "char_end", "published", "url", "text",
         "caption"]))}
    store = Store(fixture_db, read_only=True)
    for s in claim["sources"]:  # every citation points at its sentence in the original article
        raw = store.scalar("SELECT raw_text FROM documents WHERE doc_id = ?", [s["doc_id"]])
        assert raw[s["char_start"]:s["char_end"]] == s["text"]


def test_corroboration_can_run_again(fixture_db: str) -> None:
    from kronika.runner.corroborate import corroborate_store

    store = Store(fixture_db)
    before = store.query("SELECT event_id, cluster_id FROM event_clusters ORDER BY event_id")
    corroborate_store(store)
    assert store.query("SELECT event_id, cluster_id FROM event_clusters ORDER BY event_id") == before
