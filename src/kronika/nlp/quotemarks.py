"""Where quotations are in a text: spans between the quote marks news uses.

Handles “ ”, „ “ (German/Balkan style, closing with “ or ”), « », ‹ ›, straight double quotes, curly
single ‘ ’ quotes and straight single quotes. A quotation may run over several sentences but not over
a paragraph break; the wire convention for a quote of several paragraphs (each paragraph reopens the
quote and only the last one closes it) gives one span per paragraph, in order.

Apostrophes are the trap of single quotes: ``don’t``, ``Russia’s``, ``the 1990s’`` and ``'90s`` use the
same characters, so a single mark opens a quote only at the start of a word and closes one only at the
end of a word, never between two letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.en import QUOTE_PAIRS, SINGLE_QUOTES

_PAIRS = QUOTE_PAIRS  # opening mark -> closing marks it accepts
_SINGLE = SINGLE_QUOTES
# Punctuation that may sit between a closing mark and the end of a word ("crazy,”" / "plates.'").
_CLOSE_BEFORE = ".,;:!?…)]"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offset of the first character inside the marks
    end: int  # offset just past the last character inside the marks
    open_mark: str


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between letters (don’t, Russia’s) is not a closing quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can open a quotation here."""
    c = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False  # a closing mark, or a stray one
    if c in _SINGLE:
        # ‘ / ' open only at the start of a word: not in "don't", not in "Russia's".
        # ... and not before a digit: '90s is an elided year.
        return not before.isalnum() and (after.isalpha() or after in "“\"")
    if c == '"':
        return not before.isalnum()
    return True


def _closes(text: str, j: int, opener: str) -> bool:
    """Whether the mark at ``j`` closes a quotation opened with ``opener``."""
    d = text[j]
    if d not in _PAIRS[opener]:
        return False
    if opener in _SINGLE and _is_apostrophe(text, j):
        return False
    before = text[j - 1] if j > 0 else " "
    if opener in _SINGLE and not (before.isalnum() or before in _CLOSE_BEFORE):
        return False
    return True


def _inner_opener(text: str, j: int, opener: str) -> bool:
    """A mark that opens a quote inside the one opened with ``opener`` (same style, start of a word)."""
    if opener in ('"', "'") or text[j] not in (opener, "“" if opener == "„" else opener):
        return False
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return (before.isspace() or before in "(–—-") and after.isalnum()


# Characters the scans below stop at; every other character leaves their state unchanged, so they
# jump from one to the next instead of stepping through the text.
_OPENERS = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_STOPS = {c: re.compile("[" + re.escape("\n" + c + ("“" if c == "„" else "") + close) + "]")
          for c, close in _PAIRS.items()}


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation spans of ``text``, in order, never nested (an inner quote is part of the outer)."""
    return list(_find_quotes(text))


@lru_cache(maxsize=4)
def _find_quotes(text: str) -> tuple[QuoteSpan, ...]:
    # Cached: the actors and the quotes stages both read the quotations of the same article.
    out: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        m = _OPENERS.search(text, i)
        if m is None:
            break
        i = m.start()
        c = text[i]
        if not _opens(text, i):
            i += 1
            continue
        found, fallback, depth = -1, -1, 0
        stops = _STOPS[c]
        j = i + 1
        while j < n:
            m = stops.search(text, j)
            if m is None:
                j = n
                break
            j = m.start()
            if text[j] == "\n":
                break  # a quote never runs over a paragraph break
            if _inner_opener(text, j, c):
                depth += 1
            elif _closes(text, j, c):
                if depth == 0:
                    found = j
                    break
                depth -= 1
                fallback = j
            j += 1
        if found < 0 and fallback > 0:
            found = fallback  # an inner quote left open („a „b c“): the last close ends both
        if found > i + 1 and text[i + 1:found].strip():
            out.append(QuoteSpan(i + 1, found, c))
            i = found + 1
        elif found < 0 and j > i + 1 and _paragraph_opener(text, i) and _next_reopens(text, j, c):
            # A paragraph of a multi-paragraph quote: it runs to the end of its line.
            out.append(QuoteSpan(i + 1, j, c))
            i = j
        else:
            i += 1
    return tuple(out)


def _paragraph_opener(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip()


def _next_reopens(text: str, newline: int, mark: str) -> bool:
    rest = text[newline:].lstrip()
    return rest[:1] == mark


def inside(spans: list[QuoteSpan], offset: int) -> QuoteSpan | None:
    """The quotation span that contains ``offset``, if any."""
    for s in spans:
        if s.start <= offset < s.end:
            return s
    return None
