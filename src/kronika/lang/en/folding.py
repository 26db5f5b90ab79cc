"""Folding text so that spellings of one name or phrase compare equal: Vučić, Vucic and VUCIC; Đorđe
and Djordje's d; Russia’s and Russia's; an en dash and a hyphen.

Every comparison of names, headlines and sentences folds the same way, so a key made in one stage
finds what another stage made.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kronika.lang.en.punctuation import APOSTROPHES, CURLY_DOUBLE_QUOTES, DASHES

# Letters that Unicode does not decompose into a base letter and a mark, written as English spells
# them; then the apostrophes, dashes and double quotes news mixes.
_CHARS = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i",
                        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                        **dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DASHES, "-"),
                        **dict.fromkeys(CURLY_DOUBLE_QUOTES, '"')})


@lru_cache(maxsize=65536)
def fold(text: str, *, keep_case: bool = False) -> str:
    """Strip diacritics, unify apostrophes, dashes, double quotes and spaces, and lowercase unless
    ``keep_case``.

    Cached: news repeats the same names, and every lookup folds them.
    """
    s = unicodedata.normalize("NFKD", text.translate(_CHARS))
    s = " ".join("".join(c for c in s if not unicodedata.combining(c)).split())
    return s if keep_case else s.lower()
