"""Shared helpers for the ingest tests: write a real file, read it back, check offsets."""

from __future__ import annotations

import re
from pathlib import Path

from kronika.ingest import read_paths
from kronika.records import Article, Problem

# An invented article in the shape scraped news arrives in (not a seed: the seeds are not ours).
ARTICLE = """\
Lakeland and Norvia sign fisheries accord

By Tomas Varga

June 11, 2024

PORT ELLIS – Lakeland's Foreign Minister Ana Roth and her Norvian counterpart Eli Sand signed a \
fisheries accord on Tuesday, ending a two-year dispute over quotas.

Roth said the agreement "opens a new chapter" in relations between the two countries.

Sand thanked Lakeland for its patience and invited Roth to visit Norvia in the autumn.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(*paths: Path | str, **options: object) -> tuple[list[Article], list[Problem]]:
    items = list(read_paths([str(p) for p in paths], **options))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def one(path: Path, **options: object) -> Article:
    articles, problems = read(path, **options)
    assert problems == []
    assert len(articles) == 1
    return articles[0]


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def assert_maps_back(article: Article) -> None:
    """Every sentence of the cleaned text maps to a raw slice with the same words."""
    offset = 0
    for paragraph in article.text.split("\n"):
        for match in re.finditer(r"[^.!?]+[.!?]*", paragraph):
            start, end = offset + match.start(), offset + match.end()
            raw = article.raw_text[article.to_raw(start) : article.to_raw(end)]
            assert words(raw) == words(article.text[start:end]), (raw, article.text[start:end])
        offset += len(paragraph) + 1
