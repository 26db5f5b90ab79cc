"""Events: PLOVER events coded from each sentence, with actors, modality, dates, places, provenance."""

from __future__ import annotations

from dataclasses import dataclass

from kronika.actors import ActorResult
from kronika.events.lexicon import Lexicon, default_lexicon
from kronika.events.sentence import code_sentence
from kronika.records import Event, ParsedDoc

__all__ = ["EventResources", "load_resources", "run"]


@dataclass(frozen=True)
class EventResources:
    lexicon: Lexicon


def load_resources() -> EventResources:
    return EventResources(lexicon=default_lexicon())


def run(parsed: ParsedDoc, found: ActorResult, res: EventResources) -> list[Event]:
    """All events of one document, sentence by sentence."""
    out: list[Event] = []
    for sent in parsed.sentences:
        out.extend(code_sentence(parsed, found.view, res.lexicon, sent.index))
    return out
