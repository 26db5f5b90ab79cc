"""Cutting an article's text into the pieces spaCy parses, so that no input can take unbounded time
or memory.

News text keeps a headline or paragraph per line, and a paragraph is a few hundred characters. Three
kinds of input break that, and each had stopped a whole ingest:

* a paragraph over ``nlp.max_length`` (2,000,000 characters) is refused by spaCy (E088), and under it
  spaCy's memory grows with what it parses at once: about 4 MB per 1,000 characters (a 100,000-character
  paragraph took 330-460 MB). A paragraph over :data:`CHUNK_CHARS` is cut at its last sentence end
  before the bound, else at a clause boundary (``;``, ``:``, ``,``), else at a space;
* spaCy's tokenizer splits punctuation off a word one character at a time, copying the rest each time:
  quadratic in a run of punctuation, symbols or emoji with no space (5,000 ``=`` took 3.5 s, 1 MB of
  commas was still being tokenized after ten minutes). Such a run over :data:`MAX_SYMBOLS` characters,
  and any run with no space over :data:`MAX_RUN` characters, is words to nobody: it is not parsed;
* the offsets of what is parsed stay offsets into the article's text, so nothing downstream changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK_CHARS = 10_000  # parsed at once at most: ~40-55 MB of spaCy's memory
MAX_RUN = 10_000  # characters with no space: no word is this long
MAX_SYMBOLS = 100  # punctuation, symbols or emoji in a row, with no letter, digit or space

_PARAGRAPH = re.compile(r"[^\n]+")
_ENDS = tuple('.!?:;"”’)…»“')
_RUN = re.compile(r"\S+")
_SYMBOLS = re.compile(r"[^\w\s]+")
# Where a piece may end, best first: after a sentence, after a clause, after any word.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+")
_CLAUSE_END = re.compile(r"[;:,]\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A stretch of the text left out of parsing, with why."""

    start: int  # offsets in Article.text
    end: int
    why: str  # "no space" | "no word"

    def describe(self, start: int | None = None, end: int | None = None) -> str:
        """One line for the run summary; ``start``/``end`` are where the run is in the text the user
        gave (the raw text), when that differs from the cleaned text's offsets."""
        what = "with no space" if self.why == "no space" else "of punctuation or symbols with no word"
        a, b = (self.start if start is None else start), (self.end if end is None else end)
        return f"characters {a:,}-{b:,}: a run of {self.end - self.start:,} characters {what} was not parsed"


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Paragraphs with their start offsets: one a line, except that a hard-wrapped line (no closing
    punctuation, the next line going on in lower case) continues on the next."""
    lines = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    out: list[tuple[int, str]] = []
    for start, line in lines:
        if out:
            prev_start, prev = out[-1]
            gap = text[prev_start + len(prev):start]
            if gap.count("\n") == 1 and not prev.rstrip().endswith(_ENDS) and line.lstrip()[:1].islower():
                out[-1] = (prev_start, text[prev_start:start + len(line)])
                continue
        out.append((start, line))
    return out


def unparsed_runs(text: str) -> list[Unparsed]:
    """Runs of the text that are not parsed, in order (both scans are linear: each run is matched once)."""
    found = [Unparsed(m.start(), m.end(), "no space") for m in _RUN.finditer(text) if m.end() - m.start() > MAX_RUN]
    found += [Unparsed(m.start(), m.end(), "no word") for m in _SYMBOLS.finditer(text)
              if m.end() - m.start() > MAX_SYMBOLS]
    found.sort(key=lambda u: (u.start, -u.end))
    merged: list[Unparsed] = []
    for u in found:
        if merged and u.start < merged[-1].end:
            continue  # a symbol run inside a run with no space: the longer one covers it
        merged.append(u)
    return merged


def pieces(text: str) -> tuple[list[tuple[int, str]], list[Unparsed]]:
    """What to parse of ``text``: (offset, piece) in order, each at most :data:`CHUNK_CHARS` long and
    within one paragraph, and the runs left out."""
    skipped = unparsed_runs(text)
    out: list[tuple[int, str]] = []
    for start, para in paragraphs(text):
        for a, b in _without(start, start + len(para), skipped):
            out.extend(_chunks(text, a, b))
    return out, skipped


def _without(start: int, end: int, skipped: list[Unparsed]) -> Iterator[tuple[int, int]]:
    """[start, end) minus the skipped runs, as spans that hold more than whitespace."""
    pos = start
    for u in skipped:
        if u.end <= pos or u.start >= end:
            continue
        if u.start > pos:
            yield pos, u.start
        pos = max(pos, u.end)
    if pos < end:
        yield pos, end


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """text[start:end] in pieces of at most CHUNK_CHARS, cut at the best boundary in each window."""
    while end - start > CHUNK_CHARS:
        window = text[start:start + CHUNK_CHARS]
        cut = _last_boundary(window)
        if window[:cut].strip():
            yield start, window[:cut]
        start += cut
    if text[start:end].strip():
        yield start, text[start:end]


def _last_boundary(window: str) -> int:
    """Where to end a piece: after the last sentence end in the window's second half, else the last
    clause end, else the last space; a window with none of them is cut at its end."""
    half = len(window) // 2
    for pattern in (_SENTENCE_END, _CLAUSE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(window, half)]
        if ends:
            return ends[-1]
    return len(window)
