"""Names as written and as compared: a mention's text cleaned of what is not the name, and how alike two
surnames are (folding itself is :func:`kronika.lang.en.fold`)."""

from __future__ import annotations

import re
from functools import lru_cache

from kronika.lang.en import fold

_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A mention's text without a leading article, trailing possessive or stray punctuation (cached:
    each stage cleans the same mentions again)."""
    s = _SPACES.sub(" ", text).strip()
    if s.lower().startswith("the "):
        s = s[4:]
    s = _POSSESSIVE.sub("", s)
    s = _EDGE_PUNCT.sub("", s)
    # "(Aleksandar) Vucic": an editor's brackets around part of a name are not part of it.
    if "(" in s or ")" in s:
        s = _SPACES.sub(" ", s.replace("(", " ").replace(")", " ")).strip()
    return s


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def surname_variant(a: str, b: str) -> bool:
    """Whether two folded surnames are spelling or transliteration variants of one name.

    Only one edit, only on names long enough that one letter is not half the name, and only at the
    end or on a vowel/doubled letter (Murashko/Murashkov, Lavrov/Lavrow), which is where
    transliterations differ; Petrov/Pedrov or Kim/Lim stay apart.
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or edit_distance(a, b, 1) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        return True  # a suffix added: -ov, -a, -i
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return common >= len(short) - 2 or any(c in "aeiouyjw" for c in (a[common], b[common]))
