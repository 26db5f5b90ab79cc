"""Quote spans: the marks news uses, apostrophes that are not quotes, nesting, paragraphs."""

from __future__ import annotations

import pytest

from kronika.nlp.quotemarks import find_quotes, inside


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("He said “we will stay” and left.", ["we will stay"]),
    ("„Die Lage ist ernst“, sagte er.", ["Die Lage ist ernst"]),
    ("„Die Lage ist ernst”, sagte er.", ["Die Lage ist ernst"]),
    ("«Nous resterons», a-t-il dit, ‹lui›.", ["Nous resterons", "lui"]),
    ('She said "no deal" twice.', ["no deal"]),
    ("It was a ‘brotherly’ welcome.", ["brotherly"]),
    ("He called it 'a mistake' yesterday.", ["a mistake"]),
])
def test_marks(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Russia’s stance and the ministers' meeting don't count.",
    "In the '90s and the 1990s' wars nobody quoted anything.",
    "Serbia’s president didn’t say it.",
])
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert spans(text) == []


def test_quote_over_two_sentences() -> None:
    text = "“We signed. We will build it,” she said."
    assert spans(text) == ["We signed. We will build it,"]


def test_nested_balkan_quote_left_open_ends_at_the_last_close() -> None:
    # „outer „inner ... “ — the inner quote never closes; the one closing mark ends both.
    text = "According to its website, „the Centre is an „intergovernmental body. It helps.“ Next."
    assert spans(text) == ["the Centre is an „intergovernmental body. It helps."]


def test_nested_quote_closed_inside() -> None:
    assert spans("„a „b“ c“ d") == ["a „b“ c"]


def test_no_quote_over_a_paragraph_break() -> None:
    assert spans("He said “this never\n\ncloses. But “this does”.") == ["this does"]


def test_multi_paragraph_quote_one_span_per_paragraph() -> None:
    text = "“First paragraph of the quote.\n“Second and last,” he said."
    assert spans(text) == ["First paragraph of the quote.", "Second and last,"]


def test_inside() -> None:
    text = "A “b c” d"
    found = find_quotes(text)
    assert inside(found, text.index("b")) == found[0]
    assert inside(found, text.index("d")) is None
