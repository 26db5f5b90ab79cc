"""kronika.lang.en.fold: the one way names, headlines and sentences are folded for comparison.

It replaced five folds with different character maps (actors/normalize.py, actors/gazetteer.py,
ingest/meta.py, analyse/evaluate.py, dedup/similarity.py); each test below pins what one of them did,
so the union of their maps stays the fold's.
"""

from __future__ import annotations

import pytest

from kronika.lang.en import fold


@pytest.mark.parametrize(("text", "folded"), [
    ("Vučić", "vucic"), ("VUCIC", "vucic"), ("Drăgulescu", "dragulescu"), ("Priština", "pristina"),
    ("Đorđević", "dordevic"), ("Łukaszenka", "lukaszenka"), ("Søren", "soren"), ("Straße", "strasse"),
    ("Ayşe Kılıç", "ayse kilic"), ("Æsir", "aesir"), ("Œuvre", "oeuvre"), ("cæsar", "caesar"),
])
def test_names_lose_their_diacritics_and_case(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("apostrophe", ["’", "‘", "ʼ", "`", "'"])
def test_apostrophes_are_one(apostrophe: str) -> None:
    assert fold(f"Russia{apostrophe}s") == "russia's"


@pytest.mark.parametrize("dash", ["‐", "‑", "–", "—", "-"])
def test_dashes_are_one(dash: str) -> None:
    assert fold(f"Bosnia{dash}Herzegovina") == "bosnia-herzegovina"


def test_double_quotes_are_one_and_single_quotes_stay_apart_from_them() -> None:
    assert fold("the “Serbian world”") == fold('the "Serbian world"') == fold("the „Serbian world“")
    assert fold("‘no’") == "'no'"


def test_spaces_are_collapsed_and_trimmed() -> None:
    assert fold("  Amina \t Wanjiku\u00a0\n") == "amina wanjiku"


def test_keep_case_folds_everything_but_the_case() -> None:
    assert fold("US", keep_case=True) == "US" and fold("us", keep_case=True) == "us"
    assert fold("Vučić’s", keep_case=True) == "Vucic's"


def test_headlines_compare_as_a_reader_reads_them() -> None:
    # ingest/meta.py: a metadata title and the text's first line are the same headline
    assert fold("Serbia’s “new” deal – signed") == fold("SERBIA'S \"NEW\" DEAL - SIGNED")


def test_evidence_is_found_in_a_sentence_however_it_is_typed() -> None:
    # analyse/evaluate.py: a reference evidence string inside the predicted sentence
    assert fold("the minister’s “offer”") in fold('Today the Minister\'s "offer"  was refused.')
