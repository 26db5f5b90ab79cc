"""Putting event dates, which may be a day, a month or only a year, into days, weeks, months or years.

A date is only placed in a period it certainly falls in: "2024-03" goes into month 2024-03 and
year 2024, never into a week. Callers report such events apart instead of guessing.
"""

from __future__ import annotations

from datetime import date

PERIODS = ("week", "month", "year")  # what dyads and actor timelines are counted by
COUNT_PERIODS = ("day", *PERIODS)  # `kronika counts` can count days too


def period_of(value: str | None, by: str) -> str | None:
    """The period label ("2024-W11", "2024-03", "2024") a date falls in, or None if it cannot say."""
    if not value:
        return None
    parts = value.split("-")
    if by == "year":
        return parts[0]
    if by == "month":
        return "-".join(parts[:2]) if len(parts) >= 2 else None
    if by == "week":
        if len(parts) < 3:
            return None
        year, week, _ = date.fromisoformat(value).isocalendar()
        return f"{year}-W{week:02d}"
    if by == "day":
        return value if len(parts) == 3 else None
    raise ValueError(f"unknown period {by!r}")


def period_start(label: str) -> date:
    """The first day of a period label, for drawing it on a time axis."""
    if "-W" in label:
        year, week = label.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in label.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])
