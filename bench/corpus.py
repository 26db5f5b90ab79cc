"""Build a benchmark corpus: N plain-text articles made from the examples and the seeds.

Each article takes one source article's sentences in a shuffled order (a different order for every
article, so no two texts are equal, nothing is deduplicated and no cache helps), regrouped into
paragraphs under the source's title and date. The sources are read with kronika's own reader, so the
text is what kronika would code.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from kronika.ingest import read_paths
from kronika.records import Article

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Source:
    title: str
    published: str | None
    sentences: tuple[str, ...]


def load_sources(paths: list[str]) -> list[Source]:
    """Articles from ``paths`` split into sentences (articles of fewer than four sentences are dropped)."""
    sources = []
    for item in read_paths(paths):
        if not isinstance(item, Article):
            continue
        body = [line for line in item.text.splitlines() if line.strip() and line.strip() != item.title]
        sentences = tuple(s.strip() for line in body for s in _SENTENCE_END.split(line) if s.strip())
        if len(sentences) >= 4:
            sources.append(Source(item.title or sentences[0][:60], item.published, sentences))
    if not sources:
        raise SystemExit(f"no source articles in {paths}")
    return sources


def make_text(source: Source, rng: random.Random) -> str:
    sentences = list(source.sentences)
    rng.shuffle(sentences)
    paragraphs, k = [], 0
    while k < len(sentences):
        n = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[k:k + n]))
        k += n
    head = [source.title] + ([source.published] if source.published else [])
    return "\n\n".join(head + paragraphs) + "\n"


def build_corpus(sources: list[Source], n: int, out_dir: Path, *, seed: int = 6) -> list[str]:
    """Write ``n`` distinct articles into ``out_dir``; returns their texts (in file order)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seen: set[str] = set()
    texts: list[str] = []
    while len(texts) < n:
        text = make_text(sources[len(texts) % len(sources)], rng)
        if text in seen:  # a short source can repeat an order; a repeat would be deduplicated
            continue
        seen.add(text)
        (out_dir / f"a{len(texts):06d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts
