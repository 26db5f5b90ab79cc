"""Captions, credits and footers leave the analysed text, stay in the raw text, and offsets map back."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.ingest import article_from_text
from kronika.records import Article

from .helpers import assert_maps_back, one, write

LEAD = "Lakeland's Foreign Minister Ana Roth met her Norvian counterpart Eli Sand in Port Ellis on Tuesday."
SECOND = "The two ministers agreed to reopen the border crossing at Vale by the end of the month."
QUOTE = "“We will not accept new tariffs,” Roth wrote on Facebook after the talks."


def clean(text: str) -> Article:
    return article_from_text(text, source_file="a.txt", source_path="a.txt")


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Ana Roth arrives for the talks in Port Ellis, Tuesday, May 7, 2024. (AP Photo/Jan Berg)",
        f"{QUOTE} [EPA-EFE/JAN BERG]",
        "Ana Roth and Eli Sand. **Jan Berg / AP / TASS**",
        "Ana Roth leaves the meeting in Vale. REUTERS/Jan Berg",
        "Ana Roth during the talks. Photo: Lake Press",
        "Full Screen\n1 / 2",
        "Copyright 2024 Lake Press. All rights reserved.",
        "Read more with Lake Press",
        "Subscribe now to our newsletter Lake Briefing\n\nSubscribe to our newsletters\n\nSubscribe",
        "Sign up for our weekly newsletter",
        "**Related article:** [Norvia closes its border](#)",
        "Content-Type:\n\nNews Based on facts, either observed and verified directly by the reporter.",
        "Source: Interior Ministry",
        "(Ida Lund | LakePress.ln)",
        "Original url:\n\n<https://lakepress.example/2024/05/07/roth-sand-talks>",
        "Image source, Lake Press\nImage caption, Ana Roth in Vale on Monday",
        "FILE PHOTO: Ana Roth speaks in Vale, Lakeland, May 3, 2024.",
        "(Reporting by Ida Lund; Editing by Tom Berg)",
        "4 min read",
    ],
)
def test_boilerplate_is_stripped_but_kept_in_raw(boilerplate: str) -> None:
    raw = f"Ministers meet in Port Ellis\n\n{LEAD}\n\n{boilerplate}\n\n{SECOND}\n\n{QUOTE}\n"
    article = clean(raw)
    assert article.text == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert article.raw_text == raw
    assert_maps_back(article)


def test_quotation_repeated_as_a_caption_keeps_the_body_copy() -> None:
    article = clean(f"Ministers meet\n\n{QUOTE} [EPA-EFE/JAN BERG]\n\n{LEAD}\n\n{QUOTE}\n")
    assert article.text == f"{LEAD}\n\n{QUOTE}"
    assert "JAN BERG" not in article.text


def test_body_paragraphs_that_look_like_boilerplate_are_kept() -> None:
    body = [
        "By Monday, the two governments had exchanged draft texts of the accord.",
        "Source: a senior diplomat told reporters the deal could collapse.",
        "Subscribers to the state broadcaster watched the signing live, and many of them said "
        "afterwards that it was the first time in years that they had seen the two ministers smile.",
        "The survey was conducted by the Lakeland Institute (photo archive included).",
    ]
    raw = "Ministers meet\n\n" + "\n\n".join(body) + "\n"
    assert clean(raw).text == "\n\n".join(body)


def test_offsets_map_back_exactly_for_plain_removals() -> None:
    raw = (
        f"Ministers meet in Port Ellis\n\nFull Screen\n1 / 2\n\n{LEAD}\n\n"
        "Ana Roth arrives. (AP Photo/Jan Berg)\n\n"
        f"{SECOND}\nIt was their first meeting since the dispute began.\n\nSubscribe\n"
    )
    article = clean(raw)
    for sentence in (LEAD, SECOND, "It was their first meeting since the dispute began."):
        start = article.text.index(sentence)
        end = start + len(sentence)
        assert article.raw_text[article.to_raw(start) : article.to_raw(end)] == sentence
    # A paragraph of two consecutive lines stays one segment, line break included.
    start = article.text.index(SECOND)
    end = article.text.index("began.") + len("began.")
    assert article.raw_text[article.to_raw(start) : article.to_raw(end)] == article.text[start:end]


def test_markdown_markup_maps_back_to_the_same_words() -> None:
    raw = (
        "# Ministers meet\n\nBy [Ida Lund](#)\n\n"
        "Ana Roth met **Eli Sand** in [Port Ellis](#), the _foreign ministry_ said.\n\n"
        "> Details at <https://lakepress.example/talks> later.\n"
    )
    article = clean(raw)
    assert article.title == "Ministers meet"
    assert article.author == "Ida Lund"
    assert article.text == (
        "Ana Roth met Eli Sand in Port Ellis, the foreign ministry said.\n\n"
        "Details at https://lakepress.example/talks later."
    )
    start = article.text.index("Eli Sand")
    end = article.text.index("said.") + len("said.")
    assert (
        article.raw_text[article.to_raw(start) : article.to_raw(end)]
        == "Eli Sand** in [Port Ellis](#), the _foreign ministry_ said."
    )
    assert_maps_back(article)


def test_typewriter_quotes_stay_but_inline_code_marks_go() -> None:
    # Wire archives open a quotation with `` and close it with '': words the sentence cites as they
    # stand, while Markdown's `code` marks are markup.
    raw = "Ana Roth warned of ``new damage'' to ties and ``grave risks''.\n\nRun `kronika ingest` daily.\n"
    article = clean(raw)
    assert article.text == (
        "Ana Roth warned of ``new damage'' to ties and ``grave risks''.\n\nRun kronika ingest daily."
    )
    assert_maps_back(article)


def test_metadata_from_footers_and_credits() -> None:
    raw = (
        "Ministers meet in Port Ellis\n\nCopyright 2024 The Lake Press Agency\n\n"
        f"PORT ELLIS (Lake Press) – {LEAD}\n\n(Ida Lund | LakePress.ln)\n\nRead more with Lake Press\n"
    )
    article = clean(raw)
    assert article.outlet == "The Lake Press Agency"
    assert article.author == "Ida Lund"
    assert article.dateline == "Port Ellis"
    no_copyright = clean(raw.replace("Copyright 2024 The Lake Press Agency\n\n", ""))
    assert no_copyright.outlet == "LakePress"  # from the credit line: "Outlet.tld" reads as "Outlet"
    only_source = clean(f"Ministers meet\n\nSource: Interior Ministry\n\n{LEAD}\n")
    assert only_source.outlet == "Interior Ministry"


@pytest.mark.parametrize(
    ("opening", "city"),
    [
        ("BELGRADE – ", "Belgrade"),
        ("NAIROBI (Reuters) - ", "Nairobi"),
        ("Nairobi (Reuters) - ", "Nairobi"),
        ("NEW YORK, June 11 (AP) — ", "New York"),
        ("SAN JOSE, Costa Rica (AP) — ", "San Jose"),
        ("UPDATE - ", None),
        ("", None),
    ],
)
def test_dateline_city(opening: str, city: str | None) -> None:
    assert clean(f"Ministers meet\n\n{opening}{LEAD}\n").dateline == city


def test_same_article_twice_gets_one_id(tmp_path: Path) -> None:
    first = one(write(tmp_path, "a.txt", f"Ministers meet\n\n{LEAD}\n\n{SECOND}\n"))
    respaced = one(write(tmp_path, "b.md", f"Ministers meet\r\n\r\n\r\n  {LEAD.upper()}  \r\n{SECOND}"))
    scraped_again = one(
        write(tmp_path, "c.txt", f"Ministers meet\n\nFull Screen\n\n{LEAD}\n\n{SECOND}\n\nSubscribe")
    )
    other = one(write(tmp_path, "d.txt", f"Ministers meet\n\n{LEAD}\n"))
    assert first.doc_id == respaced.doc_id == scraped_again.doc_id != other.doc_id
    assert len(first.doc_id) == 40
