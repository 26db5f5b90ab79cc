"""The words of speech (``data/speech.yaml``): one list of speech verbs for every stage that asks who
is speaking."""

from __future__ import annotations

from dataclasses import dataclass

from kronika import datafiles
from kronika.datafiles import WORDS, Record, Schema
from kronika.errors import ConfigError

_SHAPE = Record({"first_person_singular": WORDS, "first_person_plural": WORDS, "speech_verbs": WORDS,
                 "reporting_verbs": WORDS, "carrier_verbs": WORDS, "author_preps": WORDS})
SCHEMA = Schema(1, _SHAPE)


@dataclass(frozen=True, slots=True)
class SpeechWords:
    first_person_singular: frozenset[str]
    first_person_plural: frozenset[str]
    speech_verbs: frozenset[str]  # whose subject is the speaker
    reporting_verbs: frozenset[str]  # that introduce reported speech: a subset of speech_verbs
    carrier_verbs: frozenset[str]  # whose quote is a thing the subject carries ("a sign reading")
    author_preps: frozenset[str]  # that give the author of a channel ("a headline by ...")


def load_speech() -> SpeechWords:
    raw = datafiles.load("kronika.lang.en", "speech.yaml", SCHEMA)
    words = SpeechWords(**{k: frozenset(w.lower() for w in raw[k]) for k in _SHAPE.required})
    if stray := words.reporting_verbs - words.speech_verbs:
        raise ConfigError(f'{datafiles.where("kronika.lang.en", "speech.yaml")}: reporting_verbs: '
                          f'"{sorted(stray)[0]}" is not one of the speech_verbs')
    return words
