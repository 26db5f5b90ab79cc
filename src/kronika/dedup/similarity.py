"""How alike two sentences are in meaning, with nothing but the words: the cosine over the character
4-grams of their content words.

Two reports of one event share its words (the place, the object: "electricity", "cable",
"diplomats"). Character 4-grams (``<sig``, ``sign``, ``igne``...) let inflection
("signed"/"signature"), demonyms ("Romania"/"Romanian") and transliteration ("Huseynli"/"Guseynli")
still match, which whole words or stems miss; function words are dropped first.

Every 4-gram weighs the same: a weight learnt from the store (inverse document frequency) would make
whether two reports are one event depend on every other article stored, so adding today's articles
would move yesterday's groups, and an update would have to compare everything again. With fixed
weights a pair's similarity is a property of the pair alone (measured against the store-wide IDF and
an embedding model in the README, "Corroboration", and ``bench/corroboration_similarity.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kronika.lang.en import STOP_WORDS as _STOP
from kronika.lang.en import fold

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ures", "ure", "ments", "ment", "ness", "ies", "ied",
             "ers", "er", "ed", "es", "s", "ly", "al")


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Content stems of a sentence."""
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in _STOP and len(w) > 1]


def grams(text: str, n: int = 4) -> list[str]:
    """Character n-grams of the content words, each word padded with < and >."""
    out: list[str] = []
    for w in _WORD.findall(fold(text)):
        if w in _STOP or len(w) < 2:
            continue
        w = f"<{w}>"
        out.extend(w[i:i + n] for i in range(max(1, len(w) - n + 1)))
    return out


@lru_cache(maxsize=8192)  # wire copies repeat sentences; a bounded cache keeps memory flat
def _bag(text: str) -> Counter[str]:
    return Counter(grams(text))


def idf_weights(texts: Iterable[str]) -> dict[str, float]:
    """Inverse document frequency of each 4-gram over ``texts`` (read once, so it may be a stream).

    Give each text once: a wire story printed by a hundred outlets must not make its own words look
    common, or its copies would look less like every other telling of the same event.
    """
    df: Counter[str] = Counter()
    n = 0
    for t in texts:
        df.update(_bag(t).keys())
        n += 1
    n = max(n, 1)
    return {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}


class Lexical:
    """Cosine between sentences over their 4-grams, each weighted by its log count (``idf``, learnt by
    :func:`idf_weights`, is for comparing measures only: the pipeline never passes one)."""

    name = "char4"

    def __init__(self, texts: Sequence[str], idf: dict[str, float] | None = None) -> None:
        self._idf = idf or {}
        vectors: dict[str, dict[str, float]] = {}
        self._vectors = [vectors[t] if t in vectors else vectors.setdefault(t, self._vector(_bag(t)))
                         for t in texts]

    def _vector(self, bag: Counter[str]) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self._idf.get(w, 1.0) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def __call__(self, i: int, j: int) -> float:
        a, b = self._vectors[i], self._vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())
