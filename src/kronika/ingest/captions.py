"""Photo captions: kept out of the text that is analysed, but exposed by their raw offsets.

A caption is not body text (its date and names describe the picture), yet it often repeats a
paragraph word for word, and a repeated report is evidence the corroboration step counts. So the
ingest stage strips captions from ``Article.text`` and records where each one stands in ``raw_text``
(without its photo credit); the pipeline codes them apart and flags what comes from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Article, Segment
from . import boilerplate as bp
from .lines import Line, strip_spans

_CREDIT_OPENERS = " \t([{|–—-/*_"


def caption_spans(raw: str, lines: Sequence[Line], kinds: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Raw (start, end) of each caption line's words, its trailing photo credit cut off."""
    out: list[tuple[int, int]] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind != bp.CAPTION:
            continue
        spans = strip_spans(raw, line.keep)
        if not spans:
            continue
        start, end = spans[0][0], spans[-1][1]
        credit = bp.credit_start(line)
        if credit is not None:
            end = _raw_offset(raw, spans, credit, line.plain)
        while end > start and raw[end - 1] in _CREDIT_OPENERS:
            end -= 1
        if end - start >= 10:
            out.append((start, end))
    return tuple(out)


def _raw_offset(raw: str, spans: Sequence[tuple[int, int]], plain_at: int, plain: str) -> int:
    """The raw offset where the ``plain_at``-th character of the line's plain reading stands.

    The plain reading collapses whitespace and drops markup, so characters are matched by counting
    the non-space ones.
    """
    wanted = sum(1 for c in plain[:plain_at] if not c.isspace())
    seen = 0
    for a, b in spans:
        for i in range(a, b):
            if raw[i].isspace():
                continue
            if seen == wanted:
                return i
            seen += 1
    return spans[-1][1]


def caption_article(article: Article) -> Article | None:
    """The article's captions as an article of their own (one paragraph each), or None.

    It keeps the article's ``doc_id`` and metadata, so what is coded from it cites the same document;
    its ``segments`` map back to the captions' places in ``raw_text``.
    """
    if not article.captions:
        return None
    parts: list[str] = []
    segments: list[Segment] = []
    length = 0
    for start, end in article.captions:
        if parts:
            parts.append("\n")
            length += 1
        segments.append(Segment(length, start, end - start))
        parts.append(article.raw_text[start:end])
        length += end - start
    return replace(article, text="".join(parts), segments=tuple(segments), captions=())
