"""The stretches of an article that are quotations: between quote marks, or reported ("said that").

Offsets here are in ``Article.text``; the stage turns them into raw-text citations at the end.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kronika.lang.en import DOUBLE_QUOTE_MARKS
from kronika.nlp.quotemarks import QuoteSpan, find_quotes
from kronika.nlp.tree import Tree
from kronika.quotes.attribution import reported_clause
from kronika.quotes.lexicon import QuoteLexicon

# A reported clause mostly made of a direct quote is that quote, already found.
_DIRECT_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Stretch:
    """A quotation's text in the article, with its tokens and the sentences that hold it."""

    start: int  # offsets in Article.text
    end: int
    tokens: frozenset[int]
    sentences: range
    direct: bool
    verb: int | None = None  # for reported speech: the reporting verb


def direct_stretches(tree: Tree) -> list[Stretch]:
    """Every span between quote marks that holds at least one token."""
    out: list[Stretch] = []
    for span in find_quotes(tree.text):
        inside = tree.tokens[bisect_left(tree.starts, span.start):bisect_left(tree.starts, span.end)]
        toks = frozenset(t.i for t in inside if t.text not in DOUBLE_QUOTE_MARKS)
        if not toks:
            continue
        if _so_called(tree.text, span.start - 1):
            continue  # "the so-called “Serbian world”": a label the writer keeps at arm's length
        sents = range(tree[min(toks)].sent, tree[max(toks)].sent + 1)
        start, end = _trim(tree.text, span)
        out.append(Stretch(start, end, toks, sents, direct=True))
    return out


def _so_called(text: str, mark: int) -> bool:
    before = text[max(0, mark - 12):mark].lower().replace("-", " ").split()
    return before[-2:] == ["so", "called"]


def _trim(text: str, span: QuoteSpan) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def reported_stretches(tree: Tree, lex: QuoteLexicon, direct: list[Stretch]) -> list[Stretch]:
    """Clauses reported by a reporting verb ("Vulin said (that) ..."), unless already quoted directly."""
    quoted = {k for s in direct for k in s.tokens}
    out: list[Stretch] = []
    for t in tree.tokens:
        if t.pos not in ("VERB", "AUX") or t.lemma not in lex.reporting_verbs or t.i in quoted:
            continue
        toks = reported_clause(tree, t.i)
        if len(toks) < 3 or sum(k in quoted for k in toks) >= _DIRECT_SHARE * len(toks):
            continue
        if not any(tree[k].pos in ("VERB", "AUX") for k in toks):
            continue
        start, end = tree[toks[0]].idx, tree[toks[-1]].end
        out.append(Stretch(start, end, frozenset(toks), range(t.sent, t.sent + 1), direct=False, verb=t.i))
    return out
