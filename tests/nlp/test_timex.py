"""Time expressions resolve against the publication date, with their precision, and never guess."""

import pytest

from kronika.nlp.timex import resolve


@pytest.mark.parametrize(
    ("text", "published", "precision", "expected"),
    [
        ("on Friday", "2021-07-23", "day", ("2021-07-23", "day", True)),  # the same weekday: that day
        ("Tuesday", "2024-06-13", "day", ("2024-06-11", "day", True)),
        ("last month", "2024-01-05", "day", ("2023-12", "month", True)),
        ("earlier this month", "2024-06-11", "day", ("2024-06", "month", True)),
        ("at the beginning of May", "2024-06-11", "day", ("2024-05", "month", True)),
        ("in 2016", "2021-07-23", "day", ("2016", "year", False)),
        ("in November 2023", "2024-06-11", "day", ("2023-11", "month", False)),
        ("mid-September 2022", None, None, ("2022-09", "month", False)),
        ("Oct. 15, 2020", None, None, ("2020-10-15", "day", False)),
        ("overnight", "2024-02-02", "day", ("2024-02-02", "day", True)),
        ("yesterday", "2024-03-01", "day", ("2024-02-29", "day", True)),
    ],
)
def test_expressions_resolve_against_the_publication_date(text, published, precision, expected):
    assert resolve(text, published, precision) == expected


@pytest.mark.parametrize("text", ["on Monday", "last month", "earlier this month", "in May"])
def test_relative_expressions_stay_unknown_without_a_publication_date(text):
    value, precision, relative = resolve(text, None, None)
    assert (value, precision, relative) == (None, None, True)


def test_a_weekday_needs_a_day_precise_publication_date():
    # only the year is known: "on Monday" cannot be placed
    assert resolve("on Monday", "2020", "year")[0] is None


def test_may_the_modal_is_not_a_month():
    assert resolve("they may meet", "2024-06-11", "day")[0] is None


def test_a_misspelt_month_is_no_month_and_no_crash() -> None:
    assert resolve("Sepember 5, 2024", "2024-10-01", "day")[1] != "day"
    assert resolve("Sept 5, 2024", "2024-10-01", "day")[:2] == ("2024-09-05", "day")


def test_a_span_ago_is_counted_back_from_the_publication_date() -> None:
    from kronika.nlp.timex import resolve

    assert resolve("18 years ago", "2000-01-02", "day") == ("1982", "year", True)
    assert resolve("six months ago", "2000-01-02", "day") == ("1999-07", "month", True)
    assert resolve("two weeks ago", "2000-01-02", "day") == ("1999-12-19", "day", True)
    assert resolve("three days ago", None, None) == (None, None, True)
