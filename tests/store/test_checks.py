"""kronika.store.checks: each filter value checked, with the message the user sees, spelled as the web
API or the CLI names the parameter."""

from __future__ import annotations

from datetime import date

import pytest

from kronika.errors import FilterError
from kronika.plover import CATEGORIES
from kronika.store.checks import (
    check_category,
    check_confidence,
    check_country_code,
    check_date,
    check_quad,
    check_span,
    first_day,
    last_day,
    option_name,
)


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
    ("2024-06-11", date(2024, 6, 11), date(2024, 6, 11)),
])
def test_the_days_a_date_covers(value: str, first: date, last: date) -> None:
    assert (first_day(value), last_day(value)) == (first, last)


@pytest.mark.parametrize(("value", "message"), [
    ("24", 'since "24" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)'),
    ("2024-1-5", 'since "2024-1-5" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)'),
    ("2024-13", 'since "2024-13" is not a date on the calendar'),
    ("2023-02-29", 'since "2023-02-29" is not a date on the calendar'),
])
def test_dates_that_are_not(value: str, message: str) -> None:
    with pytest.raises(FilterError) as err:
        check_date(value, "since")
    assert str(err.value) == message


def test_dates_that_are() -> None:
    assert check_date("2024-02-29", "since") == "2024-02-29"
    assert check_date("", "since") is None and check_date(None, "until") is None


def test_an_empty_span_is_refused_in_the_interfaces_spelling() -> None:
    assert check_span("2024", "2024-01") == ("2024", "2024-01")
    with pytest.raises(FilterError) as err:
        check_span("2024", "2023-12-31", option_name)
    assert str(err.value) == '--until "2023-12-31" is before --since "2024"'


def test_categories_in_any_case() -> None:
    assert check_category(" sanction ") == "SANCTION"
    with pytest.raises(FilterError) as err:
        check_category("HUG", option_name)
    assert str(err.value) == f'--event "HUG" is not a PLOVER category (one of {", ".join(CATEGORIES)})'


def test_quad_classes_country_codes_and_confidence() -> None:
    assert check_quad(4) == 4 and check_country_code(" srb", "place_country") == "SRB"
    with pytest.raises(FilterError) as err:
        check_quad(5, option_name)
    assert str(err.value) == ("--quad-code 5 is not a quad class (1 to 4: 1 verbal cooperation, 2 material "
                              "cooperation, 3 verbal conflict, 4 material conflict)")
    with pytest.raises(FilterError) as err:
        check_country_code("Serbia", "place_country")
    assert str(err.value) == 'place_country "Serbia" is not a country code (three letters, like SRB)'
    with pytest.raises(FilterError) as err:
        check_confidence(1.5, option_name)
    assert str(err.value) == "--min-confidence 1.5 must be between 0 and 1"
