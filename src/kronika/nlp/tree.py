"""A read-only view of a parsed document's dependency tree, over kronika ``Token`` records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kronika.records import Mention, ParsedDoc, Token


class Tree(tuple[Token, ...]):
    """Children, subtrees and spans of one parsed document.

    The tree is the tuple of the document's tokens, so that ``tree[i]``, the stages' most frequent
    operation by far, is a plain tuple index rather than a method call. Equality and hashing stay those
    of an object: two trees are the same only if they are one.
    """

    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__

    def __new__(cls, parsed: ParsedDoc) -> Tree:
        return super().__new__(cls, parsed.tokens)

    def __reduce__(self) -> tuple[type[Tree], tuple[ParsedDoc]]:
        return Tree, (self.parsed,)

    def __init__(self, parsed: ParsedDoc) -> None:
        self.parsed = parsed
        self.tokens: Sequence[Token] = parsed.tokens
        self.text = parsed.article.text
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t)
        self._kids = kids  # the stages ask for children tens of times per token: list them once
        self._children = [[t.i for t in ks] for ks in kids]
        self.starts = [t.idx for t in self.tokens]  # token start offsets, for binary search
        self.lower = [t.text.lower() for t in self.tokens]  # lower-cased once: most rules compare these
        self._entities: dict[int, list[Mention]] | None = None

    def children(self, i: int, *deps: str) -> list[Token]:
        kids = self._kids[i]
        if not kids:
            return []  # a leaf: half the tokens
        return [k for k in kids if k.dep in deps] if deps else kids[:]

    def child(self, i: int, *deps: str) -> Token | None:
        found = self.children(i, *deps)
        return found[0] if found else None

    def head(self, i: int) -> Token:
        return self.tokens[self.tokens[i].head]

    def ancestors(self, i: int) -> Iterator[Token]:
        seen = {i}
        t = self.tokens[i]
        while t.head != t.i and t.head not in seen:
            seen.add(t.head)
            t = self.tokens[t.head]
            yield t

    def subtree(self, i: int) -> list[int]:
        out = [i]
        stack = list(self._children[i])
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(self._children[k])
        return sorted(out)

    def span_text(self, start: int, end: int) -> str:
        """Text of tokens[start:end] (end exclusive) as it stands in the article."""
        if end <= start:
            return ""
        return self.text[self.tokens[start].idx:self.tokens[end - 1].end]

    def sentence_tokens(self, sent: int) -> range:
        s = self.parsed.sentences[sent]
        return range(s.first_token, s.last_token)

    def sentence_entities(self, sent: int) -> list[Mention]:
        """spaCy's entities in one sentence, in order (grouped once: stages ask sentence by sentence)."""
        if self._entities is None:
            self._entities = {}
            for m in self.parsed.entities:
                self._entities.setdefault(m.sentence, []).append(m)
        return self._entities.get(sent, [])

    def is_ancestor(self, anc: int, i: int) -> bool:
        return any(a.i == anc for a in self.ancestors(i))
