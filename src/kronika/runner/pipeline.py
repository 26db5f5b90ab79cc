"""The stage functions wired together for one article; every executor runs exactly this."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from kronika import actors, events, quotes
from kronika.errors import one_line
from kronika.records import Article, DocResult, ParsedDoc, Problem

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")


@dataclass(frozen=True)
class Resources:
    """What each worker process loads once: the lexicons and gazetteers (spaCy is loaded apart)."""

    actors: Any
    events: Any

    @classmethod
    def load(cls) -> Resources:
        return cls(actors=actors.load_resources(), events=events.load_resources())


def code_document(parsed: ParsedDoc, res: Resources, captions: ParsedDoc | None = None) -> DocResult:
    """Run the stages after parsing on one document (and on its photo captions, parsed apart).

    The captions are coded once, with the body: in one text after it, where only the body makes the
    document's context (:func:`kronika.actors.run`), so the body's records are those it has alone.
    """
    whole = parsed
    if captions is not None and captions.sentences:
        from kronika.runner.captions import join_parsed

        whole = join_parsed(parsed, captions)
    found = _in("actors", partial(actors.run, context=parsed), whole, res.actors)
    evs = _in("events", events.run, whole, found, res.events)
    qs = _in("quotes", quotes.run, whole, found, res.events)
    if whole is parsed:
        evs = _in("quotes", quotes.attribute_events, evs, qs, parsed)
    else:
        from kronika.runner.captions import split_records

        evs, qs = _in("captions", split_records, evs, qs, parsed, whole)
    body = len(parsed.sentences)
    return DocResult(
        article=parsed.article,
        sentences=parsed.sentences,
        # a caption's mentions are not kept: their offsets are in the joined text, not the body's
        mentions=tuple(m for m in found.mentions if m.sentence < body),
        # but people named only in a caption are actors of the article too
        entities=found.entities,
        events=tuple(evs),
        quotes=tuple(qs),
        problems=found.problems,
    )


_STAGE_NOTE = "in kronika's {} stage"


def _in(stage: str, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``; an exception leaves with a note of the stage it came from (the first note wins:
    the innermost stage), so that an article's problem can say which step failed."""
    try:
        return fn(*args)
    except Exception as exc:
        exc.add_note(_STAGE_NOTE.format(stage))
        raise


def _stage_of(exc: BaseException, default: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        for stage in ("actors", "events", "quotes", "captions"):
            if note == _STAGE_NOTE.format(stage):
                return stage
    return default


def code_batch(nlp: Language, articles: list[Article], res: Resources) -> list[DocResult | Problem]:
    """Parse a batch (bodies, and captions apart) and code each article, each isolated: one that fails
    at any step becomes a Problem naming it, and the others are coded as if it were not there."""
    return list(code_articles(nlp, articles, res))


def code_articles(nlp: Language, articles: list[Article], res: Resources) -> Iterator[DocResult | Problem]:
    """One result per article, in order, each as soon as it is coded (a worker reports them one by one)."""
    from kronika.nlp.parse import parse_articles

    captions = _caption_parses(nlp, articles)
    done = 0
    try:
        # Parsed together: spaCy is fastest on batches of paragraphs from several articles.
        for parsed in parse_articles(nlp, articles):
            yield guarded(parsed.article, partial(_finish, parsed, res, captions))
            done += 1
    except Exception:  # noqa: BLE001 - isolation boundary: the shared parse failed on some article
        # Which one? Parse the rest one at a time: the culprit fails alone.
        for article in articles[done:]:
            yield guarded(article, partial(_parse_and_finish, nlp, article, res, captions))


def guarded(article: Article, work: Callable[[], DocResult | Problem]) -> DocResult | Problem:
    """Run one article's work; an exception becomes that article's Problem (file, step, one line; the
    traceback kept for --debug)."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - isolation boundary: one article never stops the run
        return failure_problem(article, exc, default_stage="nlp")


def failure_problem(article: Article, exc: BaseException, *, default_stage: str) -> Problem:
    stage = _stage_of(exc, default_stage)
    return Problem(article.source_path, stage, f"could not be coded ({stage} failed: {one_line(exc)}); not stored",
                   article.record, detail="".join(traceback.format_exception(exc)))


def _caption_parses(nlp: Language, articles: list[Article]) -> dict[str, ParsedDoc | Exception]:
    """Each article's photo captions, parsed apart (or why they could not be)."""
    from kronika.ingest.captions import caption_article
    from kronika.nlp.parse import parse_articles

    views = {a.doc_id: v for a in articles if (v := caption_article(a)) is not None}
    try:
        return {p.article.doc_id: p for p in parse_articles(nlp, list(views.values()))}
    except Exception:  # noqa: BLE001 - isolation boundary: find the caption that fails, one by one
        out: dict[str, ParsedDoc | Exception] = {}
        for doc_id, view in views.items():
            try:
                out[doc_id] = next(parse_articles(nlp, [view]))
            except Exception as exc:  # noqa: BLE001 - kept for the article it belongs to
                out[doc_id] = exc
        return out


def _parse_and_finish(nlp: Language, article: Article, res: Resources,
                      captions: dict[str, ParsedDoc | Exception]) -> DocResult | Problem:
    from kronika.nlp.parse import parse_articles

    return _finish(next(parse_articles(nlp, [article])), res, captions)


def _finish(parsed: ParsedDoc, res: Resources, captions: dict[str, ParsedDoc | Exception]) -> DocResult | Problem:
    """The stages after parsing, and the notes on what was left out of the parse."""
    from kronika.nlp.chunks import unparsed_runs

    article = parsed.article
    caption = captions.get(article.doc_id)
    if isinstance(caption, Exception):
        raise caption
    skipped = [u.describe(article.to_raw(u.start), article.to_raw(u.end)) for u in unparsed_runs(article.text)]
    notes = tuple(Problem(article.source_path, "nlp", u, article.record, severity="warning") for u in skipped)
    if skipped and not parsed.sentences:
        what = "; ".join(skipped[:3])
        return Problem(article.source_path, "nlp", f"nothing left to code ({what}); not stored", article.record)
    result = code_document(parsed, res, caption)
    if notes:
        result.problems = notes + result.problems
    return result
