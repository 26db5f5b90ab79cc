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


def test_the_package_metadata_uses_an_spdx_licence():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"  # a string: the TOML table form is deprecated
    assert "setuptools>=77" in project["build-system"]["requires"]
