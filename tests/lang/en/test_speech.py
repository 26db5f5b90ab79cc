"""kronika.lang.en.speech: one list of speech verbs for the actors and the quotes stages."""

from __future__ import annotations

from kronika.lang.en import load_speech


def test_one_list_holds_what_each_stage_had() -> None:
    words = load_speech()
    was_actors_only = {"answer", "affirm", "underline"}
    was_quotes_only = {"confirm", "urge", "suggest", "comment", "deny", "assert", "quip", "read", "thank",
                       "praise", "describe", "call", "vow", "pledge", "promise", "predict", "accuse", "inform"}
    assert was_actors_only | was_quotes_only | {"say", "tell", "write", "add"} <= words.speech_verbs
    assert not {"said", "told"} & words.speech_verbs  # lemmas only: the model never leaves these as lemmas
    assert "continue" not in words.speech_verbs  # "would continue to act" says nothing


def test_reported_speech_verbs_are_speech_verbs() -> None:
    words = load_speech()
    assert words.reporting_verbs < words.speech_verbs
    assert "call" not in words.reporting_verbs and "thank" not in words.reporting_verbs  # they report acts
    assert words.carrier_verbs == {"read"} and words.author_preps == {"by", "from", "of"}
    assert {"i", "my"} <= words.first_person_singular and {"we", "our"} <= words.first_person_plural
