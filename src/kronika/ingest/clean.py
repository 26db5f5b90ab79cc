"""Build the cleaned text from the raw spans of the lines worth analysing, with offset segments.

The cleaned text is made only of pieces copied unchanged from the raw text, joined by line breaks.
Each copied run is a :class:`~kronika.records.Segment`, so any offset in the cleaned text (a sentence,
an entity, a trigger) maps back to the same words in the original article with ``Article.to_raw``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Segment
from .lines import Line, Span, strip_spans


class _Builder:
    """Accumulates text, merging pieces that are contiguous in both texts into one segment."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    def copy(self, start: int, end: int) -> None:
        if end <= start:
            return
        last = self.segments[-1] if self.segments else None
        if last and last.clean_start + last.length == self.length and last.raw_start + last.length == start:
            self.segments[-1] = Segment(last.clean_start, last.raw_start, last.length + end - start)
        else:
            self.segments.append(Segment(self.length, start, end - start))
        self.parts.append(self.raw[start:end])
        self.length += end - start

    def insert(self, text: str) -> None:
        """Text that is not in the raw text (a line break standing for removed lines)."""
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> tuple[str, tuple[Segment, ...]]:
        return "".join(self.parts), tuple(self.segments)


def build_text(raw: str, lines: Sequence[Line], keep: Sequence[bool]) -> tuple[str, tuple[Segment, ...]]:
    """Join the kept lines: one line break inside a paragraph, a blank line between paragraphs.

    A separator is copied from the raw text when the raw text has exactly it there (so a paragraph
    of consecutive lines stays one segment), and inserted otherwise.
    """
    builder = _Builder(raw)
    previous: Line | None = None
    dropped_between = False
    for line, kept in zip(lines, keep, strict=True):
        if not kept:
            dropped_between = previous is not None
            continue
        spans: tuple[Span, ...] = strip_spans(raw, line.keep)
        if not spans:
            continue
        if previous is not None:
            same_paragraph = line.block == previous.block
            separator = "\n" if same_paragraph else "\n\n"
            gap_start = strip_spans(raw, previous.keep)[-1][1]
            gap = raw[gap_start : spans[0][0]]
            if gap == separator and not dropped_between:
                builder.copy(gap_start, spans[0][0])
            else:
                builder.insert(separator)
        for start, end in spans:
            builder.copy(start, end)
        previous = line
        dropped_between = False
    return builder.result()
