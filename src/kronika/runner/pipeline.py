"""The stage functions wired together for one article; every executor runs exactly this."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kronika import actors, events, quotes
from kronika.records import DocResult, ParsedDoc


@dataclass(frozen=True)
class Resources:
    """What each worker process loads once: the lexicons and gazetteers (spaCy is loaded apart)."""

    actors: Any
    events: Any

    @classmethod
    def load(cls) -> Resources:
        return cls(actors=actors.load_resources(), events=events.load_resources())


def process(parsed: ParsedDoc, res: Resources) -> DocResult:
    """Run the stages after parsing on one document."""
    found = actors.run(parsed, res.actors)
    evs = events.run(parsed, found, res.events)
    qs = quotes.run(parsed, found, res.events)
    evs = quotes.attribute_events(evs, qs, parsed)
    return DocResult(
        article=parsed.article,
        sentences=parsed.sentences,
        mentions=found.mentions,
        entities=found.entities,
        events=tuple(evs),
        quotes=tuple(qs),
        problems=found.problems,
    )


def process_all(parsed: Iterable[ParsedDoc], res: Resources) -> Iterator[DocResult]:
    for p in parsed:
        yield process(p, res)
