"""The words that attribute quotations: the speech verbs (English's, :mod:`kronika.lang.en.speech`) and
the channels words are said in (``quotes/data/channels.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika import datafiles
from kronika.datafiles import WORDS, MapOf, Record, Schema
from kronika.lang.en import SpeechWords, load_speech

CHANNELS = Schema(1, Record({"channels": MapOf(WORDS)}))


@dataclass(frozen=True)
class QuoteLexicon:
    speech_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    carrier_verbs: frozenset[str]
    author_preps: frozenset[str]
    channels: dict[tuple[str, ...], str]  # lemma phrase -> channel name

    def channel(self, lemmas: tuple[str, ...]) -> str | None:
        """The channel a lemma phrase names: the longest listed phrase that ends the given words."""
        for n in range(min(3, len(lemmas)), 0, -1):
            hit = self.channels.get(lemmas[-n:])
            if hit is not None:
                return hit
        return None


def load_lexicon(speech: SpeechWords) -> QuoteLexicon:
    chans = datafiles.load("kronika.quotes", "channels.yaml", CHANNELS)["channels"]
    channels = {tuple(w.lower().split()): channel for channel, words in chans.items() for w in words}
    return QuoteLexicon(speech_verbs=speech.speech_verbs, reporting_verbs=speech.reporting_verbs,
                        carrier_verbs=speech.carrier_verbs, author_preps=speech.author_preps, channels=channels)


@lru_cache(maxsize=1)
def default_lexicon() -> QuoteLexicon:
    """Loaded once per process. (The quotes stage is handed the events stage's resources, not its own,
    so it cannot be given this one the way the other stages are given theirs.)"""
    return load_lexicon(load_speech())
