"""Building PLOVER records: ids from content, contexts from the sentence's words.

The categories' scores, quad classes and CAMEO roots are the standard's: :mod:`kronika.plover`.
"""

from __future__ import annotations

import hashlib

from kronika.events.lexicon import Lexicon


def event_id(doc_id: str, sentence: int, trigger_start: int, category: str) -> str:
    """Content-derived id: the same event in the same sentence of the same article, whatever the run."""
    raw = f"{doc_id}|{sentence}|{trigger_start}|{category}".encode()
    return hashlib.sha1(raw).hexdigest()[:20]


def contexts(lex: Lexicon, lemmas: list[str], implied: tuple[str, ...]) -> tuple[str, ...]:
    """PLOVER contexts from the trigger's own list and keywords in the sentence."""
    found = list(implied)
    heads = _context_heads(lex)
    for n, lemma in enumerate(lemmas):
        if n + 1 < len(lemmas) and lemma not in heads:
            keys: tuple[str, ...] = (lemma,)  # no keyword begins with it: no pair can match
        else:
            keys = (lemma, f"{lemma} {lemmas[n + 1]}" if n + 1 < len(lemmas) else "")
        for key in keys:
            ctx = lex.contexts.get(key)
            if ctx and ctx not in found:
                found.append(ctx)
    return tuple(found)


def _context_heads(lex: Lexicon) -> frozenset[str]:
    """What may stand before a space in a context keyword: a word pair is looked up only after one."""
    name = "_context_heads"
    if name not in lex.words:
        lex.words[name] = frozenset(k[:i] for k in lex.contexts for i, c in enumerate(k) if c == " ")
    return lex.words[name]
