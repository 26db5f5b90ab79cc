"""Where quotations are in a text: spans between the quote marks news uses.

Handles “ ”, „ “ (German/Balkan style, closing with “ or ”), « », ‹ ›, straight double quotes and
single ‘ ’ quotes; a quotation may run over several sentences but not over a paragraph break unless
the next paragraph opens with a quote mark again (the wire convention for multi-paragraph quotes).
"""

from __future__ import annotations

from dataclasses import dataclass

# opening mark -> closing marks it accepts
_PAIRS: dict[str, str] = {"“": "”“", "„": "“”", "«": "»", "‹": "›", '"': '"', "‘": "’"}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offset of the first character inside the marks
    end: int  # offset just past the last character inside the marks
    open_mark: str


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ between letters (don’t, Russia’s) is an apostrophe, not a closing quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and (text[i + 1].isalpha() or text[i + 1] == "s")


def find_quotes(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c not in _PAIRS or (c == "‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        closers = _PAIRS[c]
        j = i + 1
        found = -1
        while j < n:
            d = text[j]
            if d == "\n" and not (j + 1 < n and text[j + 1] in _PAIRS):
                if not text[j + 1:j + 2].strip():
                    break
                break
            if d in closers and not (d == "’" and _is_apostrophe(text, j)):
                # „ ... „ nested opening inside a Balkan quote: keep looking for the real close.
                if c == "„" and d == "“" and j + 1 < n and text[j + 1].isalpha() and not text[j - 1].isspace():
                    j += 1
                    continue
                found = j
                break
            j += 1
        if found > i + 1:
            out.append(QuoteSpan(i + 1, found, c))
            i = found + 1
        else:
            i += 1
    return out


def inside(spans: list[QuoteSpan], offset: int) -> QuoteSpan | None:
    for s in spans:
        if s.start <= offset < s.end:
            return s
    return None
