"""The README stays true: every command and every PLOVER field is documented, the public API is fixed."""

from __future__ import annotations

import re

import kronika
from kronika.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"### kronika {name}" in README, f"kronika {name} has no section in the command reference"
        assert re.search(rf"`kronika {name}\b", README) or f"kronika {name} " in README


def test_every_plover_field_is_documented(examples_db, cli):
    import json

    record = json.loads(cli("events", "--db", examples_db, "--format", "plover").output.splitlines()[0])
    for field in record:
        assert f"`{field}`" in README, f"PLOVER field {field} is not described in the README"
    for field in record["cite_info"]:
        assert f"`{field}`" in README


def test_readme_quickstart_is_the_two_make_commands():
    quick = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    assert "make demo" in quick and "make test" in quick


def test_public_api():
    assert sorted(kronika.__all__) == [
        "ActorRef", "Article", "Citation", "ConfigError", "Entity", "Event", "IngestSummary", "InputError",
        "KronikaError", "Problem", "QueryError", "Quote", "Role", "Store", "StoreError", "run_ingest",
    ]
    assert issubclass(kronika.InputError, kronika.KronikaError)


def test_readme_quickstart_shows_counts_and_export_and_the_reference_says_kronika():
    quick = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    assert "kronika counts --by month" in quick and "kronika export --format parquet" in quick
    assert "Usage: main" not in README
    for name in main.commands:
        assert f"Usage: kronika {name} [OPTIONS]" in README


def test_the_codebook_is_generated_from_the_writers_columns():
    from kronika.analyse.codebook import render_codebook

    text = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    generated = text.split("]]] -->\n", 1)[1].split("<!-- [[[end]]] -->", 1)[0]
    assert generated == render_codebook(), "run .venv/bin/cog -r docs/codebook.md"


def test_every_field_written_is_in_the_codebook(examples_db, cli_at):
    import csv
    import io
    import json

    from kronika.analyse import codebook as cb
    from kronika.analyse.counts import COUNT_COLUMNS

    def names(columns):
        return {c.name for c in columns}

    def read(*args):
        return cli_at(*args, "--db", examples_db).stdout

    records = [json.loads(line) for line in read("events", "--format", "jsonl").splitlines()]
    assert set().union(*(set(r) for r in records)) - {"explain"} == names(cb.PLOVER_FIELDS)
    for field, doc in (("cite_info", cb.CITE_INFO), ("event_loc", cb.EVENT_LOC), ("explain", cb.EXPLAIN)):
        assert set().union(*(set(r[field] or {}) for r in records)) <= names(doc), field
    for field, doc in (("actor", cb.ACTOR_ENTRY), ("recipient", cb.ACTOR_ENTRY), ("sources", cb.SOURCE_ENTRY)):
        assert set().union(*(set(x) for r in records for x in r[field])) <= names(doc), field
    assert read("documents", "--format", "csv").splitlines()[0].split(",") == [c.name for c in cb.DOCUMENTS]
    assert read("quotes", "--format", "csv").splitlines()[0].split(",") == [c.name for c in cb.QUOTES]
    assert read("dyad", "CZE", "KEN", "--format", "csv").splitlines()[0].split(",") == [c.name for c in cb.DYAD_CSV]
    network = json.loads(read("network", "--format", "json"))
    assert set(network["nodes"][0]) == names(cb.NETWORK_NODE) and set(network["edges"][0]) == names(cb.NETWORK_EDGE)
    header = next(csv.reader(io.StringIO(read("counts", "--group", "actor", "--format", "csv"))))
    assert set(header) - {"actor"} <= names(COUNT_COLUMNS)


def test_the_package_metadata_uses_an_spdx_licence():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"  # a string: the TOML table form is deprecated
    assert "setuptools>=77" in project["build-system"]["requires"]
