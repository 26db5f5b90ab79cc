"""Publication dates as news pages write them, reduced to ISO text with a precision.

A date is kept at the precision the source gives: ``2024-06-11`` (day), ``2024-06`` (month) or ``2024``
(year). Nothing is guessed: an ambiguous ``06/11/2024`` is not a date, because reading it the wrong way
would put an event in the wrong month, and unknown must stay unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kronika.lang.en import MONTHS

MIN_YEAR = 1800
MAX_YEAR = 2100

_MONTH = (
    r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_ORD = r"(?:st|nd|rd|th)?"

# Each pattern names its groups y, m (number), mn (month name), d. Order matters: the first match
# at the earliest position wins, and longer forms come before the shorter forms they contain.
_PATTERNS = [
    re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),
    re.compile(r"(?<![\d/.-])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
    re.compile(r"(?<![\d/.-])(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?![\d.])"),  # "2026.01.22"
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})\.?(?![\d])"),
    re.compile(r"(?<![\d-])(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})(?![\d])"),
    # "13.XI.2024": the month in Roman numerals, as much of Europe writes it
    re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.\s?(?P<rm>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)\.\s?(?P<y>\d{4})(?![\d])"),
    # "17.10.24": day, month and a two-digit year
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<yy>\d{2})(?![\d.])"),
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
    re.compile(r"\b" + _MONTH.format("mn") + r"\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?P<y>\d{4})\b", re.I),
    re.compile(
        r"\b(?P<d>\d{1,2})" + _ORD + r"\.?\s+(?:of\s+)?" + _MONTH.format("mn") + r",?\s+(?P<y>\d{4})\b", re.I
    ),
    re.compile(r"\b" + _MONTH.format("mn") + r",?\s+(?P<y>\d{4})\b", re.I),
]

# What may surround a date on a line that only dates the article: times, zones, weekdays, separators.
_TIME = re.compile(
    # a time, and the zone written after it in capitals ("10:40 ICT", "9 a.m. ET")
    r"(?:T?\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:\s*[ap]\.?m\.?(?![a-z]))?(?:Z|\s*[+-]\d{2}:?\d{2})?"
    r"|\b\d{1,2}\s*[ap]\.?m\.?(?![a-z]))(?:\s*(?-i:[A-Z]{1,4}T)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
    r"|\b(?:UTC|GMT|CET|CEST|EET|EEST|MSK|BST|[ECMP][SD]T)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
    r"|\b" + _WEEKDAY + r"(?![a-z])",
    re.I,
)
_FILLER = re.compile(r"[\s,|·•▪■●◆/()\[\]\-–—:.]+")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to day, month or year precision."""

    value: str  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: str  # day | month | year


def _make(y: int, m: int | None, d: int | None) -> PartialDate | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if m is None:
        return PartialDate(f"{y:04d}", "year")
    if not 1 <= m <= 12:
        return None
    if d is None:
        return PartialDate(f"{y:04d}-{m:02d}", "month")
    try:
        date(y, m, d)
    except ValueError:
        return None
    return PartialDate(f"{y:04d}-{m:02d}-{d:02d}", "day")


def _from_match(match: re.Match[str]) -> PartialDate | None:
    groups = match.groupdict()
    y = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    d = int(groups["d"]) if groups.get("d") else None
    if groups.get("rm"):
        m: int | None = _ROMAN.index(groups["rm"]) + 1
    elif groups.get("mn"):
        m = MONTHS[groups["mn"].lower().rstrip(".")]
    elif groups.get("a"):
        # Slashed day/month order differs between countries: one side over 12 decides; else day first, as
        # most of the world writes it ("07/10/2025 at 06:30 (Noumea time)" is 7 October)
        a, b = int(groups["a"]), int(groups["b"])
        if b > 12 >= a:
            m, d = a, b
        else:
            m, d = b, a
    else:
        m = int(groups["m"])
    return _make(y, m, d)


def find_date(text: str) -> tuple[PartialDate, int, int] | None:
    """The first date written in ``text`` (month at least), with its character span."""
    best: tuple[PartialDate, int, int] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            found = _from_match(match)
            if found is not None:
                best = (found, match.start(), match.end())
                break
    return best


def remainder(text: str, start: int, end: int) -> str:
    """What ``text`` says besides the date at ``start:end``, its times, zones and weekdays."""
    rest = text[:start] + " " + text[end:]
    rest = _TIME.sub(" ", rest)
    return _FILLER.sub(" ", rest).strip()


def parse_date(value: str) -> PartialDate | None:
    """Read a metadata value that should be nothing but a date (a time and zone may follow)."""
    value = value.strip()
    bare = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?|(\d{4})(\d{2})(\d{2})", value)
    if bare:
        if bare.group(3):
            return _make(int(bare.group(3)), int(bare.group(4)), int(bare.group(5)))
        return _make(int(bare.group(1)), int(bare.group(2)) if bare.group(2) else None, None)
    found = find_date(value)
    if found is None or remainder(value, found[1], found[2]):
        return None
    return found[0]


_URL_DATE = re.compile(r"/((?:18|19|20|21)\d\d)[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-]|$)")


def date_in_url(url: str) -> PartialDate | None:
    """The date many sites put in article paths (``/2024/06/11/slug``), to day or month."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for match in _URL_DATE.finditer(path):
        y, m, d = match.groups()
        found = _make(int(y), int(m), int(d) if d else None)
        if found is not None:
            return found
    return None


def copyright_year(text: str) -> PartialDate | None:
    """The single year of a copyright notice (``Copyright 2020 ...``); ranges say nothing."""
    match = re.search(r"(?:copyright|©|\(c\))\s*(?:©\s*)?((?:18|19|20|21)\d\d)\b(?!\s*[-–]\s*\d)", text, re.I)
    if match is None:
        return None
    return _make(int(match.group(1)), None, None)
