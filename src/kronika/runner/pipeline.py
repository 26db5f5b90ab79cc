"""The stage functions wired together for one article; every executor runs exactly this."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kronika import actors, events, quotes
from kronika.records import Article, DocResult, Event, ParsedDoc, Quote

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Resources:
    """What each worker process loads once: the lexicons and gazetteers (spaCy is loaded apart)."""

    actors: Any
    events: Any

    @classmethod
    def load(cls) -> Resources:
        return cls(actors=actors.load_resources(), events=events.load_resources())


def process(parsed: ParsedDoc, res: Resources, captions: ParsedDoc | None = None) -> DocResult:
    """Run the stages after parsing on one document (and on its photo captions, parsed apart)."""
    found = actors.run(parsed, res.actors)
    evs, qs = _code(parsed, found, res)
    entities = found.entities
    if captions is not None and captions.sentences:
        from kronika.runner.captions import caption_records

        joined: list[actors.ActorResult] = []

        def code_joined(p: ParsedDoc) -> tuple[list[Event], list[Quote]]:
            joined.append(actors.run(p, res.actors))
            return _code(p, joined[-1], res)

        cevs, cqs = caption_records(parsed, captions, code_joined, qs)
        evs, qs = evs + cevs, qs + cqs
        # People named only in a caption are actors of the article too (the entity list, not mentions:
        # mention offsets point into the body text).
        entities = joined[-1].entities
    return DocResult(
        article=parsed.article,
        sentences=parsed.sentences,
        mentions=found.mentions,
        entities=entities,
        events=tuple(evs),
        quotes=tuple(qs),
        problems=found.problems,
    )


def _code(parsed: ParsedDoc, found: actors.ActorResult, res: Resources) -> tuple[list[Event], list[Quote]]:
    evs = events.run(parsed, found, res.events)
    qs = quotes.run(parsed, found, res.events)
    return quotes.attribute_events(evs, qs, parsed), qs


def process_batch(nlp: Language, articles: list[Article], res: Resources) -> list[DocResult]:
    """Parse a batch (bodies, and captions apart) and run the stages on each article."""
    from kronika.ingest.captions import caption_article
    from kronika.nlp.parse import parse_articles

    views = {a.doc_id: v for a in articles if (v := caption_article(a)) is not None}
    parsed_captions = {p.article.doc_id: p for p in parse_articles(nlp, list(views.values()))}
    return [process(p, res, parsed_captions.get(p.article.doc_id)) for p in parse_articles(nlp, articles)]


def process_all(parsed: Iterable[ParsedDoc], res: Resources) -> Iterator[DocResult]:
    for p in parsed:
        yield process(p, res)
