"""Content-derived document ids: the same article read twice gets the same id.

The id hashes the cleaned text after Unicode normalisation (NFC), case folding and whitespace collapse,
so a re-scraped copy that differs only in line breaks, spacing or letter case is stored once.
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """The form of the text the id is computed from."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def doc_id(text: str) -> str:
    """sha1 hex digest of the normalised cleaned text."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()
