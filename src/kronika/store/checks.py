"""Checks of one filter value each: a date that exists, a PLOVER category, a quad class, a country code.

They raise :class:`~kronika.errors.FilterError` naming the parameter as the user typed it: the web API and the CLI
spell their parameters differently (``place_country`` in a URL, ``--place-country`` on the command
line), so every check takes a ``Spelling`` that turns the canonical name into the interface's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from kronika.errors import FilterError
from kronika.plover import CATEGORIES, QUAD_CLASSES

Spelling = Callable[[str], str]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z]{3}$")


def api_name(name: str) -> str:
    """The web API's parameter names are the canonical ones (``place_country``)."""
    return name


def option_name(name: str) -> str:
    """The CLI's option for a canonical name: ``place_country`` is ``--place-country``."""
    return "--" + name.replace("_", "-")


def check_date(value: str | None, name: str, spell: Spelling = api_name) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a day that is on the calendar ("2024-13", "2023-02-30" are not)."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise FilterError(f'{spell(name)} "{value}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)')
    try:
        first_day(value)
        last_day(value)
    except ValueError:
        raise FilterError(f'{spell(name)} "{value}" is not a date on the calendar') from None
    return value


def first_day(value: str) -> date:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD covers."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


def last_day(value: str) -> date:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 12, 31)


def check_span(since: str | None, until: str | None, spell: Spelling = api_name) -> tuple[str | None, str | None]:
    """Both dates valid, and the span not empty: ``--since 2024 --until 2023`` selects nothing, ever."""
    since, until = check_date(since, "since", spell), check_date(until, "until", spell)
    if since and until and first_day(since) > last_day(until):
        raise FilterError(f'{spell("until")} "{until}" is before {spell("since")} "{since}"')
    return since, until


def check_category(value: str | None, spell: Spelling = api_name) -> str | None:
    """A PLOVER category, in any case; returned in capitals."""
    if not value:
        return None
    if value.strip().upper() not in CATEGORIES:
        raise FilterError(f'{spell("event")} "{value}" is not a PLOVER category (one of {", ".join(CATEGORIES)})')
    return value.strip().upper()


def check_quad(value: int | None, spell: Spelling = api_name) -> int | None:
    if value is None:
        return None
    if value not in QUAD_CLASSES:
        raise FilterError(f"{spell('quad_code')} {value} is not a quad class (1 to 4: "
                          + ", ".join(f"{k} {v}" for k, v in QUAD_CLASSES.items()) + ")")
    return value


def check_country_code(value: str | None, name: str, spell: Spelling = api_name) -> str | None:
    """Three letters (ISO 3166 alpha-3, or one of PLOVER's codes such as KOS or EUR); returned in capitals."""
    if not value:
        return None
    code = value.strip().upper()
    if not _CODE.match(code):
        raise FilterError(f'{spell(name)} "{value}" is not a country code (three letters, like SRB)')
    return code


def check_confidence(value: float | None, spell: Spelling = api_name) -> float | None:
    if value is None:
        return None
    if not 0 <= value <= 1:
        raise FilterError(f"{spell('min_confidence')} {value} must be between 0 and 1")
    return value
