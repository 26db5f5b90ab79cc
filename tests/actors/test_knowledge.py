"""The knowledge base: the converter's cleaning rules, the loader's lookups, and the committed data's codes."""

from __future__ import annotations

import csv
import importlib.util
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

from kronika.actors.gazetteer import PLOVER_CODES, SECTORS
from kronika.actors.knowledge import KnowledgeBase, KnownRole, load_knowledge
from kronika.errors import ConfigError

KB = Path(str(resources.files("kronika.actors") / "data" / "kb"))
TOOL = Path(__file__).parents[2] / "tools" / "convert_petrarch_actors.py"


@pytest.fixture(scope="module")
def conv() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_petrarch_actors", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


# --- the converter -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "code", "sector"), [
    ("UKGGOV", "GBR", "GOV"),  # CAMEO's own state codes
    ("GERMIL", "DEU", "MIL"),
    ("KSVGOV", "KOS", "GOV"),
    ("USRGOV", "RUS", "GOV"),  # a historic state: its continuation
    ("SCGSRBGOV", "SRB", "GOV"),
    ("GBRVGBELI", "VGB", "ELI"),  # a territory after its state
    ("AUTGOV", "AUT", "GOV"),  # AUT first is Austria ...
    ("ETHERIAUT", "ERI", None),  # ... and "autonomous" after a state
    ("SRBGOVMIL", "SRB", "GOV"),  # the first role is the sector, not the portfolio
    ("HTIGOVHLH", "HTI", "GOV"),
    ("SYRINSMUS", "SYR", "REB"),
    ("PSEREBHMS", "PSE", "REB"),  # HMS is Hamas, not a state
    ("IGOUNOLABILO", "IGO", "LAB"),  # a specialised agency of the UN: an IGO of its own
    ("IGOUNOREFHCR", "UNO", "REF"),  # a UN programme
    ("IGOEUREEC", "EUR", None),  # the European Community
    ("IGOEURDEVEBR", "IGO", None),  # a European body that is not the EU (the EBRD)
    ("IGOWSTNAT", "IGO", None),  # NATO
    ("IMGMUSALQ", "IMG", "REB"),
    ("MNCUSAHLH", "MNC", "MED"),  # CAMEO HLH is health: PLOVER MED
    ("NGOUSAMED", "NGO", "JRN"),  # CAMEO MED is the media: PLOVER JRN
    ("NGOCHRCTH", "NGO", "REL"),
    ("MEAREB", None, "REB"),  # a region: no PLOVER code
])
def test_codes_are_cleaned_to_plover_codes_and_sectors(conv: ModuleType, raw: str, code: str | None,
                                                        sector: str | None) -> None:
    cleaned = conv.clean_code(raw)
    assert (cleaned.code, cleaned.sector) == (code, sector)


@pytest.mark.parametrize("raw", ["---", "NGOEEURENV", "KNTGOV"])
def test_null_malformed_and_fictional_codes_are_dropped(conv: ModuleType, raw: str) -> None:
    assert conv.clean_code(raw) is None


@pytest.mark.parametrize(("text", "iso"), [
    ("620101", "1962-01-01"), ("000101", "2000-01-01"), ("140608", "2014-06-08"), ("19270101", "1927-01-01"),
    ("9008223", None), ("201005011", None), ("20120231", None),
])
def test_dates_six_or_eight_digits(conv: ModuleType, text: str, iso: str | None) -> None:
    assert conv.parse_date(text) == iso


@pytest.mark.parametrize(("text", "span"), [
    (">20120727", ("2012-07-27", "")), ("> 140608", ("2014-06-08", "")), ("<900823", ("", "1990-08-23")),
    ("620101-000101", ("1962-01-01", "2000-01-01")), ("", ("", "")),
])
def test_date_restrictions(conv: ModuleType, text: str, span: tuple[str, str]) -> None:
    assert conv.parse_restriction(text) == span


@pytest.mark.parametrize("text", ["20121207-20120802", "20121204", ">201005011"])
def test_broken_date_restrictions_raise(conv: ModuleType, text: str) -> None:
    with pytest.raises(conv.Broken):
        conv.parse_restriction(text)


def test_records_and_names_are_read_as_the_source_means_them(conv: ModuleType, tmp_path: Path) -> None:
    src = tmp_path / "Phoenix.Countries.actors.txt"
    src.write_text("IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\nJOSIPOVIC_\n\t[HRVGOV >20120219]\n"
                   "LONE_NAME_\n\nALEKSANDAR_VUCIC_  # CountryInfo.txt\n+VUCIC_+AL-VUCIC_\n\t[SRBGOV >20120727]\n",
                   encoding="utf-8")
    entries = conv.read_actor_file(src)
    assert [e.names for e in entries] == [
        ["IVO_JOSIPOVIC_", "PRESIDENT_JOSIPOVIC_", "JOSIPOVIC_"], ["LONE_NAME_"],
        ["ALEKSANDAR_VUCIC_", "VUCIC_", "AL-VUCIC_"]]
    assert conv.natural("ALEKSANDAR_VUCIC_") == "Aleksandar Vucic"
    assert conv.natural("BASHAR_AL-ASSAD") == "Bashar al-Assad"
    assert conv.natural("UN_SECURITY_COUNCIL", body=True) == "UN Security Council"
    assert conv.has_title("PRESIDENT_JOSIPOVIC_") and not conv.has_title("KIM_JONG_UN")


# --- the committed data ------------------------------------------------------------------------------

def _rows(name: str) -> list[dict[str, str]]:
    with open(KB / name, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_every_code_is_iso_or_plover_and_every_sector_plovers() -> None:
    codes = {c.alpha_3 for c in pycountry.countries} | PLOVER_CODES
    people, bodies, agents = _rows("people.csv"), _rows("bodies.csv"), _rows("agents.csv")
    assert len(people) > 20000 and len(bodies) > 5000 and len(agents) > 2000
    assert {r["country"] for r in people} <= codes
    assert {r["code"] for r in bodies} | {r["country"] for r in bodies if r["country"]} <= codes
    assert {r["sector"] for r in people} | {r["sector"] for r in agents} <= SECTORS
    assert {r["sector"] for r in bodies if r["sector"]} <= SECTORS


def test_the_data_carries_its_provenance_and_is_package_data() -> None:
    for name in ("people.csv", "bodies.csv", "agents.csv"):
        head = (resources.files("kronika.actors") / "data" / "kb" / name).read_text(encoding="utf-8")[:400]
        assert "676801cd" in head and "MIT" in head and "NOTICE.md" in head
    assert "Permission is hereby granted" in (KB / "NOTICE.md").read_text(encoding="utf-8")


# --- the loader on the real data ---------------------------------------------------------------------

def test_a_role_changes_with_the_date(kb: KnowledgeBase) -> None:
    sisi = kb.person("Abdel Fattah al-Sisi")
    assert sisi is not None and sisi is kb.person("ABDEL FATTAH EL-SISI")
    assert sisi.role_on("2010-05-01") == KnownRole("EGY", "MIL", "1977-01-01", "2012-08-12")
    assert sisi.role_on("2013") == KnownRole("EGY", "GOV", "2012-08-12", "2014-03-26")
    assert sisi.role_on("2014-05") == KnownRole("EGY", "ELI")  # between two offices: the undated default
    assert sisi.role_on(None) == KnownRole("EGY", "GOV", "2014-06-08", None)


def test_a_minister_who_then_led_an_international_body(kb: KnowledgeBase) -> None:
    ban = kb.person("Ban Ki-moon")
    assert ban is not None
    assert ban.role_on("2005-06-01") == KnownRole("KOR", "GOV", "2004-10-01", "2006-11-30")
    assert ban.role_on("2012") == KnownRole("UNO", "GOV", "2007-01-01", None)
    vucic = kb.person("Aleksandar Vučić")
    assert vucic is not None and vucic.role_on("1999").country == "SRB"  # type: ignore[union-attr]


def test_a_name_held_in_two_countries_is_not_resolved_blindly(kb: KnowledgeBase) -> None:
    found = kb.people_named("Michael Makuei Lueth")
    assert {p.id for p in found} == {"michael-makuei-lueth-sdn", "michael-makuei-lueth-ssd"}
    assert kb.person("Michael Makuei Lueth") is None
    assert kb.person("Michael Makuei Lueth", country="SSD") == kb.people_named("Michael Makuei Lueth")[1]


def test_bodies_and_agents(kb: KnowledgeBase) -> None:
    nato, unicef, hamas = kb.body("the NATO"), kb.body("Unicef"), kb.body("Hamas")
    assert nato is not None and (nato.code, nato.kind) == ("IGO", "igo")
    assert unicef is not None and unicef.code == "UNO"
    assert hamas is not None and (hamas.code, hamas.sector, hamas.kind) == ("PSE", "REB", "armed_group")
    assert kb.body("North Atlantic Treaty Organization") == nato
    assert [kb.agent_sector(n) for n in ("police", "policemen", "Rebels", "foreign minister", "chair")] == [
        "COP", "COP", "REB", "GOV", None]


# --- the loader's rules, on a small knowledge base written here --------------------------------------

HEAD = "# version: 1\n# a test file\n"


def _write(tmp_path: Path, people: str, bodies: str = "", agents: str = "") -> Path:
    (tmp_path / "people.csv").write_text(HEAD + "id,name,aliases,country,sector,since,until\n" + people)
    (tmp_path / "bodies.csv").write_text(HEAD + "name,aliases,code,sector,kind,country\n" + bodies)
    (tmp_path / "agents.csv").write_text(HEAD + "noun,plurals,sector\n" + agents)
    return tmp_path


def test_homonyms_surnames_and_concurrent_roles(tmp_path: Path) -> None:
    kb = load_knowledge(_write(tmp_path, (
        "john-smith-aus,John Smith,,AUS,GOV,2001-01-01,2005-12-31\n"
        "john-smith-gbr,John Smith,J. Smith,GBR,PTY,1990-01-01,\n"
        "john-smith-gbr,John Smith,J. Smith,GBR,GOV,1997-05-02,2003-06-12\n"
        "john-smith-gbr,John Smith,J. Smith,GBR,ELI,,\n"
        "ana-de-smith,Ana de Smith,,ESP,GOV,2010-01-01,2011-01-01\n"
    ), "Some Body,SB,IGO,,igo,\nSB Club,SB,NGO,SOC,ngo,\n", "rebel,rebels,REB\n"))
    assert kb.person("John Smith") is None and len(kb.people_named("john smith")) == 2
    smith = kb.person("John Smith", country="GBR")
    assert smith is not None and kb.person("J Smith") is smith
    assert smith.role_on("2000") == KnownRole("GBR", "GOV", "1997-05-02", "2003-06-12")  # office over party
    assert smith.role_on("2010-03") == KnownRole("GBR", "PTY", "1990-01-01", None)
    assert smith.role_on("1980") == KnownRole("GBR", "ELI")
    assert {p.id for p in kb.people_with_surname("Smith")} == {"john-smith-aus", "john-smith-gbr", "ana-de-smith"}
    assert kb.body("Some Body") is not None and kb.body("SB") is None and len(kb.bodies_named("sb")) == 2
    assert kb.agent_sector("REBELS") == "REB"
    with pytest.raises(ValueError, match="is not a date"):
        smith.role_on("12/03/2001")


@pytest.mark.parametrize(("people", "message"), [
    ("x,X,,XXX,GOV,,\n", 'people.csv line 4: country "XXX" is not ISO 3166 alpha-3 nor one of '
                         "['EUR', 'IGO', 'IMG', 'ISM', 'KOS', 'MNC', 'NGO', 'UNO']"),
    ("x,X,,SRB,GOV,2001,\n", 'people.csv line 4: since "2001" is not a date (expected YYYY-MM-DD or nothing)'),
    ("x,X,,SRB,BOSS,,\n", 'people.csv line 4: sector "BOSS" is not a PLOVER sector (' + ", ".join(sorted(SECTORS))
     + ")"),
    ("x,X,,SRB,GOV,,\nx,Y,,SRB,GOV,,\n", 'people.csv line 5: id "x" already names "X", not "Y"'),
])
def test_errors_name_the_file_and_line(tmp_path: Path, people: str, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_knowledge(_write(tmp_path, people))
    assert str(err.value) == f"{tmp_path}/{message}"
