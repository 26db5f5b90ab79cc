"""Publication dates: only lines that date the article count, at the precision they give."""

from __future__ import annotations

import pytest

from kronika.ingest import article_from_text
from kronika.ingest.dates import parse_date


def published(text: str, **meta: str) -> tuple[str | None, str | None]:
    article = article_from_text(text, source_file="a.txt", source_path="a.txt", meta=meta or None)
    return article.published, article.date_precision


BODY = "Lakeland's parliament ratified the fisheries accord with Norvia by a wide margin on Thursday.\n"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("NEWS 23.07.2021 21:03\n", ("2021-07-23", "day")),
        ("June 11, 2024\n", ("2024-06-11", "day")),
        ("11 June 2024 | Politics\n", ("2024-06-11", "day")),
        ("Thursday, Oct. 15, 2020 10:03 AM CEST\n", ("2020-10-15", "day")),
        ("2024-06-11T09:30:00Z\n", ("2024-06-11", "day")),
        ("Published: March 2023\n", ("2023-03", "month")),
        ("By Ida Lund | 3 March 2023\n", ("2023-03-03", "day")),
        ("Updated 12.06.2024\nPublished 11.06.2024\n", ("2024-06-11", "day")),
    ],
)
def test_date_line_near_the_top(header: str, expected: tuple[str, str]) -> None:
    assert published(f"Ratification vote in Lakeland\n\n{header}\n{BODY}") == expected


def test_date_in_the_article_url() -> None:
    text = f"Ratification vote in Lakeland\n\n{BODY}\nOriginal url:\n\n<https://lake.example/2024/06/11/vote-a1>\n"
    assert published(text) == ("2024-06-11", "day")


def test_copyright_year_only() -> None:
    text = f"Ratification vote in Lakeland\n\nCopyright 2020 Lake Press. All rights reserved.\n\n{BODY}"
    assert published(text) == ("2020", "year")


def test_caption_date_is_not_the_publication_date() -> None:
    caption = (
        "Foreign Minister Ana Roth speaks to reporters in Port Ellis, Lakeland, Thursday, Oct. 15, 2020. "
        "The accord was negotiated for two years. (AP Photo/Jan Berg)\n"
    )
    text = f"Ratification vote in Lakeland\n\nCopyright 2021 Lake Press\n\n{caption}\n{BODY}"
    assert published(text) == ("2021", "year")
    assert published(f"Ratification vote in Lakeland\n\n{caption}\n{BODY}") == (None, None)


def test_date_inside_a_sentence_is_not_the_publication_date() -> None:
    text = f"Ratification vote in Lakeland\n\nThe accord was signed on June 11, 2024.\n\n{BODY}"
    assert published(text) == (None, None)


def test_nothing_stays_unknown() -> None:
    assert published(f"Ratification vote in Lakeland\n\n{BODY}") == (None, None)


def test_given_date_wins_over_the_text() -> None:
    assert published(f"Vote\n\nJune 11, 2024\n\n{BODY}", published="2024-06-12") == ("2024-06-12", "day")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", ("2024", "year")),
        ("2024-06", ("2024-06", "month")),
        ("June 2024", ("2024-06", "month")),
        ("2024-06-11", ("2024-06-11", "day")),
        ("Tue, 11 Jun 2024 10:00:00 +0000", ("2024-06-11", "day")),
        ("23. 7. 2021.", ("2021-07-23", "day")),
        ("31/12/2024", ("2024-12-31", "day")),
        ("12/31/2024", ("2024-12-31", "day")),
        ("06/11/2024", ("2024-11-06", "day")),  # day and month order unknown: day first, as most of the world writes it
        ("31/02/2024", None),
        ("2024-13-01", None),
        ("yesterday", None),
        ("June 11, 2024 and more", None),
    ],
)
def test_parse_date(value: str, expected: tuple[str, str] | None) -> None:
    found = parse_date(value)
    assert ((found.value, found.precision) if found else None) == expected
