"""The words that attribute quotations (speech verbs, channels), read once from ``quotes/data``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kronika.datafiles import load_yaml
from kronika.errors import ConfigError


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


def _load(name: str) -> dict[str, Any]:
    text = resources.files("kronika.quotes").joinpath("data", name).read_text(encoding="utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ConfigError(f"kronika/quotes/data/{name}: expected a mapping with version: 1")
    return data


def _words(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"kronika/quotes/data/{name}: {key} must be a list of words")
    return frozenset(v.lower() for v in value)


@lru_cache(maxsize=1)
def default_lexicon() -> QuoteLexicon:
    speech = _load("speech.yaml")
    chans = _load("channels.yaml").get("channels")
    if not isinstance(chans, dict):
        raise ConfigError("kronika/quotes/data/channels.yaml: channels must map a channel to its words")
    channels: dict[tuple[str, ...], str] = {}
    for channel, words in chans.items():
        if not isinstance(words, list):
            raise ConfigError(f"kronika/quotes/data/channels.yaml: {channel} must list words")
        for w in words:
            channels[tuple(str(w).lower().split())] = str(channel)
    return QuoteLexicon(
        speech_verbs=_words(speech, "speech_verbs", "speech.yaml"),
        reporting_verbs=_words(speech, "reporting_verbs", "speech.yaml"),
        carrier_verbs=_words(speech, "carrier_verbs", "speech.yaml"),
        author_preps=_words(speech, "author_preps", "speech.yaml"),
        channels=channels,
    )
