"""An update costs what it adds, and the store it leaves is the one a single ingest of everything
would: whatever the order and the batches the articles came in, the documents, entities, events,
their groups (``sources``) and claims are identical, row for row (every table but the run's log).

The corpus mixes the examples, the corroboration fixtures (several outlets telling the same events,
and near-misses) and the seeds when ``../shared`` is present; the splits are random but seeded, so a
failure names the split that shows it.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from kronika.runner import run_ingest, run_rebuild
from kronika.store import Store
from tests.conftest import EXAMPLES, holdings
from tests.runner.helpers import differences, store_content

HERE = Path(__file__).parent
CORROBORATION = HERE.parent / "data" / "corroboration"
SEEDS = HERE.parents[1].parent / "shared" / "seeds"


def _corpus() -> list[Path]:
    files = [p for p in sorted(EXAMPLES.iterdir()) if p.is_file() and not p.name.startswith("README")]
    files += sorted(CORROBORATION.glob("*.txt"))
    if SEEDS.is_dir():
        files += sorted(SEEDS.glob("*.txt"))
    return files


@pytest.fixture(scope="module")
def at_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, list[str]]]:
    db = str(tmp_path_factory.mktemp("once") / "once.duckdb")
    run_ingest([str(p) for p in _corpus()], db=db, workers=1)
    return db, store_content(db)


def _splits(files: list[Path], seed: int) -> list[list[Path]]:
    rng = random.Random(seed)
    order = files[:]
    rng.shuffle(order)
    cuts = sorted(rng.sample(range(1, len(order)), rng.randint(2, 4)))
    return [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_split_into_updates_gives_the_store_one_ingest_gives(at_once, tmp_path: Path, seed: int) -> None:
    once_db, once = at_once
    db = str(tmp_path / "updates.duckdb")
    for batch in _splits(_corpus(), seed):
        run_ingest([str(p) for p in batch], db=db, workers=1, batch_size=random.Random(seed).randint(1, 4))
    assert holdings(db) == holdings(once_db)
    assert holdings(db)["events"] < holdings(db)["reports"]  # some reports were grouped: the test can fail
    assert differences(once, store_content(db)) == {}, f"split {seed}"


def test_rebuild_recomputes_the_same_store(at_once, tmp_path: Path) -> None:
    once_db, once = at_once
    db = str(tmp_path / "rebuilt.duckdb")
    shutil.copyfile(once_db, db)
    summary = run_rebuild([], db=db)
    assert summary.full and summary.seconds > 0
    assert differences(once, store_content(db)) == {}


def test_an_update_regroups_only_what_its_articles_touch(at_once, tmp_path: Path) -> None:
    """The last fixture article, added to a store of the rest: the reports grouped again are its own and
    those of the components it touches, not the store's."""
    files = _corpus()
    db = str(tmp_path / "touch.duckdb")
    run_ingest([str(p) for p in files[:-1]], db=db, workers=1)
    before = {r["event_id"]: r["component"] for r in Store(db, read_only=True).query(
        "SELECT event_id, component FROM event_clusters")}
    summary = run_ingest([str(files[-1])], db=db, workers=1)
    assert summary.new == 1
    store = Store(db, read_only=True)
    new = {r["id"] for r in store.query("SELECT id FROM events WHERE doc_id IN (SELECT doc_id FROM documents "
                                        "WHERE source_file = ?)", [files[-1].name])}
    after = {r["event_id"]: r["component"] for r in store.query("SELECT event_id, component FROM event_clusters")}
    changed = {e for e in before if before[e] != after.get(e)}
    assert new and set(after) == set(before) | new
    assert len(changed) < len(before) / 2
    assert differences(at_once[1], store_content(db)) == {}


def test_an_update_interrupted_in_corroboration_is_finished_by_the_next_ingest(
        at_once, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after some parts were regrouped and written: the next ingest (with no paths) finishes
    the rest, and the store is the one a single ingest gives."""
    import kronika.runner.corroborate as corroborate
    from kronika.errors import IngestInterrupted
    from kronika.store.run_state import unfinished

    files = _corpus()
    db = str(tmp_path / "cut.duckdb")
    run_ingest([str(p) for p in files[::2]], db=db, workers=1)
    real, calls = corroborate._corroborate_part, []

    def cut(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(corroborate, "_corroborate_part", cut)
    with pytest.raises(IngestInterrupted):
        run_ingest([str(p) for p in files[1::2]], db=db, workers=1)
    monkeypatch.setattr(corroborate, "_corroborate_part", real)
    assert unfinished(Store(db, read_only=True)) == "corroboration"
    run_ingest([], db=db, workers=1)
    assert unfinished(Store(db, read_only=True)) is None
    assert differences(at_once[1], store_content(db)) == {}


def test_an_update_that_needs_more_memory_than_its_cap_is_finished_uncapped(
        at_once, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An update's corpus-wide steps run with DuckDB's memory capped; a step that cannot fit (a real
    out-of-memory error here, under a cap far too small, and then one after some parts were written)
    is run again uncapped, and the store is still the one a single ingest gives."""
    import importlib

    import duckdb

    import kronika.runner.corroborate as corroborate
    from kronika.errors import StoreError

    ingest = importlib.import_module("kronika.runner.ingest")  # the package's name for it is the function

    files = _corpus()
    db = str(tmp_path / "capped.duckdb")
    run_ingest([str(p) for p in files[::3]], db=db, workers=1)
    monkeypatch.setattr(ingest, "UPDATE_MEMORY", "1MB")
    run_ingest([str(p) for p in files[1::3]], db=db, workers=1)
    real, calls = corroborate._corroborate_part, []

    def short(store: Store, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(store._memory_limit)
        if len(calls) == 2 and store._memory_limit is not None:
            try:
                raise duckdb.OutOfMemoryException("could not allocate block of size 256.0 KiB")
            except duckdb.Error as exc:
                raise StoreError(f"query failed on {store.path}: {exc}") from exc
        return real(store, *args, **kwargs)

    monkeypatch.setattr(ingest, "UPDATE_MEMORY", "256MB")
    monkeypatch.setattr(corroborate, "_corroborate_part", short)
    run_ingest([str(p) for p in files[2::3]], db=db, workers=1)
    assert calls[:2] == ["256MB", "256MB"] and None in calls  # cut short capped, then run again uncapped
    assert differences(at_once[1], store_content(db)) == {}


def test_a_store_of_schema_1_is_brought_to_schema_2_with_its_rows(at_once, tmp_path: Path) -> None:
    """Schema 1 kept a primary key on every table; opening such a store for writing drops the keys of
    the tables that grow with the reports, keeping every row, and later updates go on as usual."""
    import duckdb

    from kronika.store.db import SCHEMA_VERSION, UNKEYED_TABLES

    once_db, once = at_once
    files = _corpus()
    db = str(tmp_path / "old.duckdb")
    run_ingest([str(p) for p in files[:-1]], db=db, workers=1)
    keys = {"sentences": "doc_id, idx", "doc_entities": "doc_id, key", "entity_members": "doc_id, key",
            "events": "id", "quotes": "id", "event_clusters": "event_id", "quote_claims": "quote_id",
            "quote_reps": "quote_id"}
    con = duckdb.connect(db)
    for table, key in keys.items():
        con.execute(f"ALTER TABLE {table} ADD PRIMARY KEY ({key})")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    before = store_content(db)
    store = Store(db)
    keyed = {r["table_name"] for r in store.query(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'")}
    assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == SCHEMA_VERSION == "2"
    assert not keyed & set(UNKEYED_TABLES) and "documents" in keyed
    assert differences(before, store_content(db)) == {}
    run_ingest([str(files[-1])], db=db, workers=1)
    assert differences(once, store_content(db)) == {}


def test_a_word_that_becomes_common_is_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Claims are not sought through words in over COMMON statements. Two tellings of one claim are
    linked while their words are rare; a third statement with the same words makes them common, and
    the claim must come apart as a single ingest of the three leaves it."""
    import kronika.dedup.claims as claims
    import kronika.runner.corroborate as corroborate

    monkeypatch.setattr(claims, "COMMON", 2)
    monkeypatch.setattr(corroborate, "COMMON", 2)
    said = {"a": "\u201cSerbia will never recognise the independence of Kosovo,\u201d Vucic said in Belgrade.",
            "b": "\u201cSerbia will never recognise Kosovo's independence,\u201d Vucic told reporters.",
            "c": "\u201cKosovo's independence is a fact Serbia will recognise one day,\u201d Kurti said."}
    for name, quote in said.items():
        (tmp_path / f"{name}.txt").write_text(f"Statement {name}\n\nJune {ord(name) - 90}, 2024\n\n{quote}\n",
                                              encoding="utf-8")
    once, db = str(tmp_path / "once.duckdb"), str(tmp_path / "updates.duckdb")
    run_ingest([str(tmp_path / f"{n}.txt") for n in "abc"], db=once, workers=1)
    run_ingest([str(tmp_path / f"{n}.txt") for n in "ab"], db=db, workers=1)
    linked = Store(db, read_only=True).scalar("SELECT count(DISTINCT claim_id) FROM quotes")
    run_ingest([str(tmp_path / "c.txt")], db=db, workers=1)
    assert linked == 1  # a and b were one claim until c came
    assert Store(db, read_only=True).scalar("SELECT count(DISTINCT claim_id) FROM quotes") == 3
    assert differences(store_content(once), store_content(db)) == {}


def test_kronika_rebuild_says_what_it_recomputed(cli, examples_db: str, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    shutil.copyfile(examples_db, db)
    held = holdings(db)
    result = cli("rebuild", "--db", db)
    assert result.exit_code == 0, result.output
    first, second = result.output.splitlines()
    assert first.startswith(f"recomputed the actors and events of {held['articles']} articles (")
    assert second == (f"{db} now holds {held['reports']} reports, {held['events']} events, "
                      f"{held['actors']} actors")
    missing = cli("rebuild", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1
    assert missing.output == f"Error: {tmp_path / 'none.duckdb'}: no such store (run `kronika ingest` first)\n"


def test_ingest_warns_when_the_store_was_coded_by_other_data(cli_at, tmp_path: Path) -> None:
    """After an upgrade the stored articles were coded by the old lexicons: ingest says so, and
    rebuilding from the original inputs records the new coder."""
    from kronika.store.versions import coder_version, data_version

    files = [p for p in sorted(EXAMPLES.iterdir()) if p.suffix == ".txt"]
    db = str(tmp_path / "v.duckdb")
    assert cli_at("ingest", str(files[0]), "--db", db).exit_code == 0
    Store(db).write_tables({"meta": [{"key": "data", "value": "0123456789ab"}]})
    result = cli_at("ingest", str(files[1]), "--db", db)
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: the stored articles were coded by kronika {coder_version()}, data 0123456789ab; this is "
        f"kronika {coder_version()}, data {data_version()}: articles added now are coded differently (run "
        "`kronika rebuild PATHS` with the original inputs to code them all again)\n")
    partly = cli_at("rebuild", str(files[1]), "--db", db)  # the first article keeps the old coding
    assert partly.exit_code == 0 and partly.stdout.startswith("coded 1 article again, ")
    assert partly.stderr == ("warning: 1 stored article was not among PATHS and keeps the earlier coding "
                             "(give `kronika rebuild` every original input)\n")
    rebuilt = cli_at("rebuild", str(files[0]), str(files[1]), "--db", db)
    assert rebuilt.exit_code == 0 and rebuilt.stderr == ""
    assert rebuilt.stdout.startswith("coded 2 articles again, ")
    again = cli_at("ingest", str(files[2]), "--db", db)
    assert again.exit_code == 0 and again.stderr == ""


def test_every_data_folder_counts_in_the_data_version() -> None:
    """A lexicon added in a new folder must still make ingest warn when it changes."""
    import kronika
    from kronika.store.versions import _DATA_PACKAGES

    root = Path(kronika.__file__).parent
    folders = {"kronika." + p.parent.relative_to(root).as_posix().replace("/", ".")
               for p in root.rglob("data") if p.is_dir() and "__pycache__" not in p.parts}
    assert folders == set(_DATA_PACKAGES)
