"""An article's raw text as lines with offsets, and what each line reads as without Markdown.

Scraped news arrives as plain text with Markdown residue (``# Title``, ``By [AFP](#)``, ``**credit**``,
``<https://...>``). Every later decision (is this a caption? a byline? the title?) is made on the
*plain* reading of a line, while the cleaned text is built from the raw spans that survive, so that
offsets in the cleaned text always map back to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

# Markup to drop. Each pattern names the groups that are *kept* ("keep"); everything else it matches
# is removed. Patterns run on one line at a time.
_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+|[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
# Paired marks are found by looking ahead for the closing mark. On a line of thousands of openers and
# no closer, each opener would scan the rest of the line: quadratic (20,000 "[" took 1.6 s, a 200 kB
# line of "**a " a minute). So what they look through is bounded, and a line with more marks than any
# Markdown text has (_MAX_MARKS) is left as it is.
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[(?P<keep>[^\]\n]{1,500})\]\([^)\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\)")
_AUTOLINK = re.compile(r"<(?P<keep>(?:https?://|www\.|mailto:)[^>\s]{1,2000})>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<keep>.{1,1000}?)(?<=\S)\1")
_MAX_MARKS = 500
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(?P<keep>[^*\n]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])(?P<keep2>[^_\n]+?)(?<=[^\s_])_(?![\w_])"
)
# Inline code is a run of backticks closed by the same run. A lone ``, closed by '' instead, is the
# typewriter opening quote of wire archives (``new damage'') and stays text.
_CODE = re.compile(r"(`+)(?=[^`\s])(?P<keep>(?:(?!'')[^`\n]){1,1000}?)(?<=[^`\s])\1(?!`)")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>])")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the raw text."""

    index: int  # line number in the raw text, from 0
    block: int  # blank-line-separated block it belongs to
    start: int  # raw offsets of the line without surrounding whitespace
    end: int
    keep: tuple[Span, ...]  # raw spans left once Markdown markup is removed
    plain: str  # those spans joined, whitespace collapsed: what the line says
    heading: int  # Markdown heading level, 0 when the line is not a heading
    source: str  # the raw line without surrounding whitespace (for markup-based rules)

    @property
    def words(self) -> int:
        return len(self.plain.split())


def _removals(line: str) -> list[Span]:
    """Spans of ``line`` that are Markdown markup rather than words."""
    cut: list[Span] = []

    def drop_around(match: re.Match[str]) -> None:
        keep = next((g for g in ("keep", "keep2") if g in match.re.groupindex and match.group(g)), None)
        if keep is None:
            cut.append(match.span())
            return
        cut.append((match.start(), match.start(keep)))
        cut.append((match.end(keep), match.end()))

    for pattern in (_HEADING, _QUOTE, _ESCAPE, _INVISIBLE):
        for match in pattern.finditer(line):
            cut.append(match.span())
    if line.count("![") <= _MAX_MARKS:
        cut.extend(match.span() for match in _IMAGE.finditer(line))
    if sum(line.count(mark) for mark in "[<*_`") > _MAX_MARKS:
        return cut  # not Markdown: the paired marks stay text
    for pattern in (_LINK, _AUTOLINK, _STRONG, _EMPHASIS, _CODE):
        for match in pattern.finditer(line):
            drop_around(match)
    return cut


def _kept(start: int, end: int, cut: list[Span]) -> tuple[Span, ...]:
    """The parts of raw[start:end] not covered by ``cut`` (offsets relative to ``start``)."""
    removed = [False] * (end - start)
    for a, b in cut:
        for i in range(a, b):
            removed[i] = True
    spans: list[Span] = []
    i = 0
    while i < len(removed):
        if removed[i]:
            i += 1
            continue
        j = i
        while j < len(removed) and not removed[j]:
            j += 1
        spans.append((start + i, start + j))
        i = j
    return tuple(spans)


def split_lines(raw: str) -> list[Line]:
    """Every non-blank line of ``raw``, with its block number, raw offsets and plain reading."""
    lines: list[Line] = []
    block = 0
    offset = 0
    previous_blank = True
    for index, chunk in enumerate(raw.split("\n")):
        begin = offset
        offset += len(chunk) + 1
        stripped = chunk.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and lines:
            block += 1
        previous_blank = False
        start = begin + (len(chunk) - len(chunk.lstrip()))
        end = start + len(stripped)
        heading = _HEADING.match(stripped)
        keep = _kept(start, end, _removals(stripped))
        plain = _SPACE.sub(" ", "".join(raw[a:b] for a, b in keep)).strip()
        if not plain:
            continue
        level = len(heading.group("marks")) if heading and heading.group("marks") else 0
        lines.append(Line(index, block, start, end, keep, plain, level, stripped))
    return lines


def strip_spans(raw: str, keep: tuple[Span, ...]) -> tuple[Span, ...]:
    """``keep`` without leading and trailing whitespace, so joined lines carry no stray spaces."""
    spans = list(keep)
    while spans and not raw[spans[0][0] : spans[0][1]].strip():
        spans.pop(0)
    while spans and not raw[spans[-1][0] : spans[-1][1]].strip():
        spans.pop()
    if not spans:
        return ()
    a, b = spans[0]
    a += len(raw[a:b]) - len(raw[a:b].lstrip())
    spans[0] = (a, b)
    a, b = spans[-1]
    b -= len(raw[a:b]) - len(raw[a:b].rstrip())
    spans[-1] = (a, b)
    return tuple(spans)
