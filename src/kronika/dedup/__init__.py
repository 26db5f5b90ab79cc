"""Dedup: one real-world event however many reports tell it, and one claim however often it is repeated.

Pure functions over plain records (``keys.Item``, ``claims.Said``); the runner reads them from the
store and writes the groups back (:mod:`kronika.runner.corroborate`), so every engine shares them.
"""

from kronika.dedup.claims import Said, link_claims
from kronika.dedup.corroborate import Group, Settings, corroborate
from kronika.dedup.keys import Item
from kronika.dedup.similarity import Lexical, idf_weights

__all__ = ["Group", "Item", "Lexical", "Said", "Settings", "corroborate", "idf_weights", "link_claims"]
