"""Photo captions are coded once, in one text with the body, and change nothing of the body's records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kronika import events
from kronika.ingest import read_paths
from kronika.ingest.captions import caption_article
from kronika.nlp.parse import parse_articles
from kronika.records import Article, DocResult, ParsedDoc
from kronika.runner.local import loaded
from kronika.runner.pipeline import code_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# A caption with a Vietnamese and a Philippine vessel: counted with the body, it makes the story one of
# two countries, and the body's Chinese spokesperson would be taken for the other one's.
DRILL = EXAMPLES / "mekong-monitor_philippines-vietnam-drill.md"


def _article(path: Path) -> Article:
    return next(a for a in read_paths([str(path)]) if isinstance(a, Article))


def _parsed(article: Article) -> ParsedDoc:
    return next(parse_articles(loaded()[0], [article]))


def _body(result: DocResult) -> tuple[object, ...]:
    return (tuple(e for e in result.events if not e.cite.caption),
            tuple(q for q in result.quotes if not q.cite.caption), result.mentions)


def test_the_body_with_its_captions_is_coded_as_alone() -> None:
    article = _article(DRILL)
    captions = caption_article(article)
    assert captions is not None
    body, res = _parsed(article), loaded()[1]
    alone, both = code_document(body, res), code_document(body, res, _parsed(captions))
    assert _body(both) == _body(alone)
    # and the entity is what the body's events say it is (not VNM, as the caption's pair would make it)
    said = {a.code for e in both.events for a in e.actor if a.entity_key == "person:wen haoran"}
    assert said == {next(e for e in both.entities if e.key == "person:wen haoran").country} != {"VNM"}


@pytest.mark.parametrize("other", sorted(p.name for p in EXAMPLES.iterdir() if p.name != DRILL.name))
def test_a_long_caption_changes_nothing_of_the_body(other: str) -> None:
    """Another whole article as the captions: names, countries, quotes and events of its own."""
    body, res = _parsed(_article(DRILL)), loaded()[1]
    captions = _parsed(_article(EXAMPLES / other))
    both = code_document(body, res, captions)
    assert _body(both) == _body(code_document(body, res))
    assert any(e.cite.caption for e in both.events)


def test_each_sentence_is_coded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    article = _article(DRILL)
    captions = caption_article(article)
    assert captions is not None
    body, caption = _parsed(article), _parsed(captions)
    coded: Counter[int] = Counter()
    code_sentence = events.code_sentence

    def counting(parsed: ParsedDoc, *args: object) -> object:
        coded[args[3]] += 1  # type: ignore[index]
        return code_sentence(parsed, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(events, "code_sentence", counting)
    result = code_document(body, loaded()[1], caption)
    n = len(body.sentences) + len(caption.sentences)
    assert coded == Counter(range(n))
    assert [e.cite.caption for e in result.events] == [e.sentence >= len(body.sentences) for e in result.events]
