"""Marks news writes in several shapes: apostrophes, dashes and quotation marks."""

from __future__ import annotations

# What ``fold`` writes as one mark: the typographic and stray apostrophes as ', the hyphens and dashes
# as -, the curly and low double quotes as ".
APOSTROPHES = "’‘ʼ`"
DASHES = "‐‑–—"
CURLY_DOUBLE_QUOTES = "“”„"

# Opening quotation mark -> the closing marks it accepts: “ ” and „ “ (German and Balkan style, closed
# with “ or ”), « », ‹ ›, straight double quotes, curly single ‘ ’ and straight single quotes.
QUOTE_PAIRS: dict[str, str] = {"“": "”“", "„": "“”", "«": "»", "‹": "›", '"': '"', "‘": "’", "'": "'"}
# Single marks open a quotation only at the start of a word: they are apostrophes too (don’t, '90s).
SINGLE_QUOTES = frozenset({"‘", "'"})
# The double marks, opening or closing, that bound a quotation as a token of its own.
DOUBLE_QUOTE_MARKS = frozenset({"“", "”", "„", '"', "«", "»"})
