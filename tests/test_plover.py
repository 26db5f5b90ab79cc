"""kronika.plover: the standard's categories, quad classes, scores, modes, crosswalk and contexts.

The expected values are written out here, from shared/PLOVER.md, rather than read from the module
under test: a slip in kronika/plover.py must fail a test, not be copied into it.
"""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from kronika import plover

SIXTEEN = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
           "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUADS = {  # PLOVER quad of each category, kronika's choice for SANCTION (material conflict)
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
CAMEO_ROOTS = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
               "RETREAT": "08", "ACCUSE": "11", "REQUEST": "10", "REJECT": "12", "THREATEN": "13",
               "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18"}
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
}  # fmt: skip


def test_the_sixteen_categories_in_plovers_order() -> None:
    assert plover.CATEGORIES == SIXTEEN
    assert tuple(plover.CATEGORY) == SIXTEEN
    assert {n: c.quad for n, c in plover.CATEGORY.items()} == QUADS
    assert {n: plover.quad(n) for n in SIXTEEN} == QUADS
    assert set(plover.QUAD_CLASSES) == {1, 2, 3, 4}


def test_scores_and_modes_are_in_range_and_signed_by_quad() -> None:
    for name, cat in plover.CATEGORY.items():
        assert cat.name == name
        assert isinstance(cat.score, float) and -10 <= cat.score <= 10, name
        for mode, score in cat.modes.items():
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", mode), (name, mode)
            assert isinstance(score, float) and -10 <= score <= 10, (name, mode)
            if cat.quad <= 2:
                assert score >= 0, (name, mode)
            elif cat.quad == 4:
                assert score < 0, (name, mode)
        assert set(cat.cameo_modes) <= set(cat.modes), name
        assert all(re.fullmatch(r"\d\d", root) for root in (cat.cameo_root, *cat.cameo_modes.values())), name


def test_kronikas_choices_where_the_manual_wavers() -> None:
    assert plover.score("ACCUSE") == -3.0  # the manual prints +3, a sign slip
    assert plover.quad("SANCTION") == 4
    assert "discontinue" in plover.CATEGORY["SANCTION"].modes
    assert all(-7.5 <= s <= -6.5 for s in plover.CATEGORY["COERCE"].modes.values())
    assert all(-10 <= s <= -7.5 for s in plover.CATEGORY["ASSAULT"].modes.values())


@pytest.mark.parametrize(("category", "mode", "score"), [
    ("CONSULT", None, 2.5), ("CONSULT", "visit", 4.0), ("CONSULT", "no-such-mode", 2.5),
    ("PROTEST", "vandalize", -6.0), ("ASSAULT", "aerial", -10.0), ("REQUEST", "meet", 0.0),
])
def test_score_of_a_category_and_mode(category: str, mode: str | None, score: float) -> None:
    assert plover.score(category, mode) == score


def test_cameo_crosswalk() -> None:
    assert {n: plover.cameo_root(n) for n in SIXTEEN} == CAMEO_ROOTS
    assert plover.cameo_root("ACCUSE", "investigate") == "09"
    assert plover.cameo_root("ASSAULT", "firearms") == "19"
    assert plover.cameo_root("ASSAULT", "unconventional") == "20"
    assert plover.cameo_root("ASSAULT", "crowd-control") == "17"
    assert plover.cameo_root("ASSAULT", "beat") == "18"


def test_what_is_a_fact() -> None:
    assert plover.is_fact(None) and plover.is_fact([]) and plover.is_fact(("future", "historical"))
    assert not plover.is_fact(["negation"])
    assert not plover.is_fact(("future", "hypothetical"))
    assert set(plover.NOT_FACT_AUX) < set(plover.AUX_MODES)


def test_contexts_recipients_and_codes() -> None:
    assert plover.CONTEXTS == CONTEXTS
    assert plover.NEEDS_RECIPIENT < set(SIXTEEN)
    assert {"COOPERATE", "AID", "SANCTION"} <= plover.NEEDS_RECIPIENT  # PLOVER requires one for these
    assert plover.UNDIRECTED == {"CONSULT"} and not plover.UNDIRECTED & plover.NEEDS_RECIPIENT
    assert {"KOS", "EUR", "UNO", "IGO", "NGO", "MNC", "ISM", "IMG"} == plover.INTERNATIONAL_CODES
    assert {"GOV", "MIL", "REB", "JRN", "SOC"} <= plover.SECTORS


def test_the_coder_is_this_package_and_its_version() -> None:
    assert plover.CODER == f"kronika {version('kronika')}"
