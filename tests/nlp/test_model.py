"""kronika runs spaCy on numpy's ops without blis (faster here); the parse must not change."""

from __future__ import annotations

from pathlib import Path

from thinc.api import NumpyOps, set_current_ops

from kronika.ingest import read_paths
from kronika.nlp.model import MODEL_NAME, load_model
from kronika.nlp.parse import paragraphs
from kronika.records import Article

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """Every paragraph of the bundled examples: fixed texts, always here."""
    items = read_paths([str(ROOT / "examples")])
    return [p for a in items if isinstance(a, Article) for _, p in paragraphs(a.text)]


def _analysis(nlp, texts: list[str]) -> list[tuple]:
    return [
        (tuple((t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc),
         tuple((e.start_char, e.end_char, e.label_) for e in doc.ents))
        for doc in nlp.pipe(texts, batch_size=32)
    ]


def test_numpy_ops_give_the_same_parse_and_entities_as_stock_blis() -> None:
    import spacy

    texts = _texts()
    assert len(texts) > 100
    fast = _analysis(load_model(), texts)
    set_current_ops(NumpyOps(use_blis=True))  # spaCy's default, for a stock model built and run here
    try:
        stock = _analysis(spacy.load(MODEL_NAME), texts)
    finally:
        set_current_ops(NumpyOps(use_blis=False))
    differing = [texts[k] for k, (a, b) in enumerate(zip(fast, stock, strict=True)) if a != b]
    assert differing == []


def test_the_embedding_and_recogniser_layers_run_without_blis() -> None:
    nlp = load_model()
    # The heavy layers (ner 42% and tok2vec 33% of the time); the parser's own step keeps spaCy's ops.
    for name in ("tok2vec", "ner"):
        layers = [n for n in nlp.get_pipe(name).model.walk() if isinstance(n.ops, NumpyOps)]
        assert sum(not n.ops.use_blis for n in layers) > len(layers) // 2, name
