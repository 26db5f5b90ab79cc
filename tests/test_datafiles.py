"""kronika.datafiles: one loader for every data file, checking its version and its shape, with errors
that name the file, the line and the key (the full text a user sees)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.datafiles import (
    BOOL,
    NUMBER,
    STR,
    WORDS,
    ListOf,
    MapOf,
    OneOf,
    Record,
    Row,
    Schema,
    Table,
    load,
    optional,
    where,
)
from kronika.errors import ConfigError

SRC = Path(__file__).resolve().parents[1] / "src" / "kronika"

ENTRY = Record({"lemma": STR}, {"weight": NUMBER, "light": BOOL, "objects": WORDS})
LEXICON = Schema(1, Record({"triggers": ListOf(ENTRY), "groups": MapOf(optional(WORDS))},
                           {"seats": ListOf(OneOf((STR, MapOf(STR))))}))


def write(tmp_path: Path, text: str, name: str = "lex.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as err:
        load(write(tmp_path, text), "lex.yaml", LEXICON)
    return str(err.value).replace(str(tmp_path), "DIR")


GOOD = """\
# version: 1
# a comment
triggers:
  - lemma: sign
    weight: 0.5
  - {lemma: attack, light: true, objects: [town, village]}
groups:
  GOV: [minister]
  MIL:
seats: [Kremlin, {White House: GOV}]
"""


def test_a_good_file_loads(tmp_path: Path) -> None:
    data = load(write(tmp_path, GOOD), "lex.yaml", LEXICON)
    assert data["triggers"][1] == {"lemma": "attack", "light": True, "objects": ["town", "village"]}
    assert data["groups"] == {"GOV": ["minister"], "MIL": None}


def test_the_version_line_comes_first(tmp_path: Path) -> None:
    assert error(tmp_path, GOOD.replace("# version: 1\n", "")) == \
        'DIR/lex.yaml line 1: expected "# version: 1" as the first line'
    assert error(tmp_path, GOOD.replace("# version: 1", "# version: 2")) == \
        "DIR/lex.yaml line 1: version 2, but this kronika reads version 1"


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    weight: 0.5", "    weight: heavy",
     "DIR/lex.yaml line 5: triggers: entry 1: weight: expected a number, got the string 'heavy'"),
    ("    weight: 0.5", "    weight: true",
     "DIR/lex.yaml line 5: triggers: entry 1: weight: expected a number, got true"),
    ("  - lemma: sign\n", "  - weight: 1\n", 'DIR/lex.yaml line 4: triggers: entry 1: missing key "lemma"'),
    ("light: true", "light: yes, colour: red",
     "DIR/lex.yaml line 6: triggers: entry 2: colour: unknown key (known: lemma, weight, light, objects)"),
    ("objects: [town, village]", "objects: town",
     "DIR/lex.yaml line 6: triggers: entry 2: objects: expected a list of strings, got the string 'town'"),
    ("objects: [town, village]", "objects: [town, 12]",
     "DIR/lex.yaml line 6: triggers: entry 2: objects: entry 2: expected a string, got int 12"),
    ("  GOV: [minister]", "  GOV: minister",
     "DIR/lex.yaml line 8: groups: GOV: expected a list of strings or nothing, got the string 'minister'"),
    ("{White House: GOV}", "[White House]",
     "DIR/lex.yaml line 10: seats: entry 2: expected a string or a mapping to strings, got a list"),
    ("groups:\n  GOV: [minister]\n  MIL:\n", "",
     'DIR/lex.yaml line 3: missing key "groups"'),
])
def test_a_wrong_shape_names_the_line_and_the_key(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    assert error(tmp_path, GOOD.replace(old, new)) == message


def test_broken_yaml_names_where_it_breaks(tmp_path: Path) -> None:
    assert error(tmp_path, GOOD.replace("[minister]", "[minister")) == \
        "DIR/lex.yaml line 9: not valid YAML: while parsing a flow sequence (from line 8), did not find " \
        "expected ',' or ']'"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^DIR/none\.yaml: cannot be read \(".replace("DIR", str(tmp_path))):
        load(tmp_path, "none.yaml", LEXICON)


PEOPLE = Table(1, ("id", "name", "country"))


def test_csv_rows_keep_their_line_numbers(tmp_path: Path) -> None:
    write(tmp_path, "# version: 1\n# where it comes from\nid,name,country\nvucic,Aleksandar Vučić,SRB\n\n"
          "# a comment\nkurti,\"Kurti, Albin\",KOS\n", "people.csv")
    assert list(load(tmp_path, "people.csv", PEOPLE)) == [
        Row(4, {"id": "vucic", "name": "Aleksandar Vučić", "country": "SRB"}),
        Row(7, {"id": "kurti", "name": "Kurti, Albin", "country": "KOS"}),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("id,name,country\n", 'DIR/people.csv line 1: expected "# version: 1" as the first line'),
    ("# version: 1\nid,name\n", "DIR/people.csv line 2: expected the header id,name,country"),
    ("# version: 1\nid,name,country\nx,X\n", "DIR/people.csv line 3: 2 fields, expected 3"),
])
def test_csv_errors(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, text, "people.csv")
    with pytest.raises(ConfigError) as err:
        list(load(tmp_path, "people.csv", PEOPLE))
    assert str(err.value).replace(str(tmp_path), "DIR") == message


def test_package_files_are_named_from_the_package() -> None:
    assert where("kronika.actors", "countries.yaml") == "kronika/actors/data/countries.yaml"
    assert where(Path("/copy"), "countries.yaml") == "/copy/countries.yaml"


def test_every_packaged_data_file_says_its_version() -> None:
    files = sorted(p for p in SRC.rglob("data/**/*") if p.suffix in (".yaml", ".csv"))
    assert len(files) >= 16
    for p in files:
        assert p.read_text(encoding="utf-8").startswith("# version: 1\n"), p
