"""Events: PLOVER events coded from each sentence, with actors, modality, dates, places, provenance."""

from __future__ import annotations

from dataclasses import dataclass

from kronika.actors import ActorResult
from kronika.events.conventions import Conventions, load_conventions
from kronika.events.lexicon import Lexicon, load_lexicon
from kronika.events.sentence import code_sentence
from kronika.events.story import Story
from kronika.records import Event, ParsedDoc

__all__ = ["EventResources", "load_resources", "run"]


@dataclass(frozen=True)
class EventResources:
    lexicon: Lexicon
    conventions: Conventions


def load_resources() -> EventResources:
    return EventResources(lexicon=load_lexicon(), conventions=load_conventions())


def run(parsed: ParsedDoc, found: ActorResult, res: EventResources) -> list[Event]:
    """All events of one document, sentence by sentence."""
    story = Story()
    for sent in parsed.sentences:
        story.told.extend(code_sentence(parsed, found.view, res.lexicon, res.conventions, sent.index, story))
    return story.told
