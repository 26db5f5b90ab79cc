"""The five seed articles (read from ../shared, never copied here) against their reference annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kronika.lang.en import fold
from kronika.records import Article

from .helpers import assert_maps_back, read

SHARED = Path(__file__).parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(
        not (SEEDS.is_dir() and GOLD.is_file()),
        reason=f"the seed articles and their annotation are not beside the project ({SEEDS}, {GOLD})",
    ),
]


def comparable(text: str | None) -> str:
    """Case, accents, quote styles and spacing ignored, as the scorer (../shared/eval/score.py) compares."""
    return fold(text or "")


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    articles, problems = read(SEEDS)
    assert problems == []
    return {a.source_file: a for a in articles}


def test_titles_and_publication_dates(gold: dict[str, Any], seeds: dict[str, Article]) -> None:
    for doc in gold["documents"]:
        article = seeds[doc["file"]]
        assert comparable(article.title) == comparable(doc["title"]), doc["file"]
        year = doc.get("published_year")
        expected = doc["published"] or (str(year) if year else None)
        assert article.published == expected, doc["file"]
        precision = None if expected is None else {10: "day", 7: "month", 4: "year"}[len(expected)]
        assert article.date_precision == precision, doc["file"]


def test_byline_outlet_url_and_dateline(gold: dict[str, Any], seeds: dict[str, Article]) -> None:
    for doc in gold["documents"]:
        article = seeds[doc["file"]]
        if "byline" in doc:
            assert comparable(article.author) == comparable(doc["byline"]), doc["file"]
        if "url" in doc:
            assert article.url == doc["url"], doc["file"]
        if "dateline" in doc:
            assert comparable(article.dateline) == comparable(doc["dateline"]), doc["file"]
        if "outlet" in doc:
            # The outlet's name, or the site's host that spells it ("themoscowtimes.com").
            got, want = comparable(article.outlet), comparable(doc["outlet"])
            assert got == want or (got and want.replace(" ", "") in got), (doc["file"], article.outlet)


def test_credits_and_boilerplate_are_not_in_the_text(gold: dict[str, Any], seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        text = comparable(article.text)
        for credit in gold["not_actors"]:
            assert comparable(credit) not in text, (article.source_file, credit)
        for boilerplate in (
            "Full Screen",
            "Subscribe",
            "Content-Type",
            "All rights reserved",
            "Original url",
        ):
            assert comparable(boilerplate) not in text, (article.source_file, boilerplate)
        assert comparable(article.title) not in text.split("\n")[0]
        assert_maps_back(article)


def test_every_required_event_sentence_survives_cleaning(
    gold: dict[str, Any], seeds: dict[str, Article]
) -> None:
    for doc in gold["documents"]:
        text = comparable(seeds[doc["file"]].text)
        for event in (e for e in doc["events"] if e["required"]):
            assert comparable(event["evidence"]) in text, (doc["file"], event["evidence"])
