"""Walks over the dependency tree survive trees deeper than Python's stack (a list of thousands of
names chains each conjunct under the previous one)."""

from __future__ import annotations

import sys

from kronika.events.arguments import conjuncts
from kronika.ingest import article_from_text
from kronika.nlp.tree import Tree
from kronika.records import ParsedDoc, Token


def chain(n: int) -> Tree:
    """"Serbia, Russia, Serbia, ..." as the parser reads it: each name the conjunct of the one before."""
    names = ["Serbia", "Russia"] * (n // 2)
    text = ", ".join(names)
    article = article_from_text(text, source_file="t.txt", source_path="t.txt")
    tokens, idx = [], 0
    for i, name in enumerate(names):
        idx = article.text.index(name, idx)
        tokens.append(Token(i, name, name.lower(), "PROPN", "NNP", "ROOT" if i == 0 else "conj",
                            max(i - 1, 0), idx, 0, "B", "GPE", True))
        idx += len(name)
    return Tree(ParsedDoc(article, tuple(tokens), (), ()))


def test_conjuncts_of_a_chain_deeper_than_the_recursion_limit() -> None:
    n = sys.getrecursionlimit() * 5
    assert conjuncts(chain(n), 0) == list(range(n))


def test_conjuncts_keep_depth_first_order() -> None:
    tree = chain(6)
    assert conjuncts(tree, 2) == [2, 3, 4, 5]
