"""Dates, shared by the stages: calendar names, written dates to ISO days, days as shown.

1. **calendar**: month and weekday names and their other written forms, from the
   lexicon (``calendar.yml``);
2. **written dates**: a full date as written ("30 November 2024", "Nov. 3, 2023",
   "2024-11-30", "30/11/2024") to its ISO day; numeric dates follow the configured
   day/month order unless one part is over 12;
3. **display**: an ISO day as a long or short English date.

Anchoring relative expressions ("a day earlier", "on Wednesday") to a day is the
resolve stage's (:mod:`briefing.resolve.dating`).
"""

from __future__ import annotations

import re
from datetime import date

from . import lexicon
from .textutil import alternation

MONTH_NAMES = lexicon.words("months")
"""Month names, January first, lower case."""
MONTHS = {
    name: i + 1
    for i, (month, forms) in enumerate(lexicon.forms("months").items())
    for name in (month, *forms)
}
"""Every written form of a month name, lower case, to its number."""
WEEKDAYS = lexicon.words("weekdays")
"""Weekday names, Monday first (as ``date.weekday()``), lower case."""
_WEEKDAY_FORMS = sorted(
    {name for day, forms in lexicon.forms("weekdays").items() for name in (day, *forms)},
    key=lambda name: (-len(name), name),
)

MONTH_PATTERN = r"(?P<month>" + alternation(MONTHS, longest_first=True) + r")\.?"
"""Regex text for a month name as written, in the group ``month`` ("Nov.", "september")."""
_WEEKDAY_PREFIX = r"(?:(?:" + "|".join(_WEEKDAY_FORMS) + r")\.?,?\s+)?"
DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
DATE_MDY_WORDS = re.compile(
    _WEEKDAY_PREFIX
    + r"\b"
    + MONTH_PATTERN
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
    re.I,
)
DATE_DMY_WORDS = re.compile(
    _WEEKDAY_PREFIX
    + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+"
    + MONTH_PATTERN
    + r",?\s+(?P<year>\d{4})\b",
    re.I,
)
DATE_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})\b")


MIN_YEAR, MAX_YEAR = 1800, 2200
"""Dates outside these years are typos or junk, not publication or event dates."""


def iso_day(year: int, month: int, day: int) -> str | None:
    """The ISO day of a year, month and day, or None when there is no such day or the
    year is out of :data:`MIN_YEAR`..:data:`MAX_YEAR`."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_written_date(text: str, date_order: str = "DMY") -> str | None:
    """Return the ISO day of the first full date written in ``text``, or None.

    Numeric dates such as 01/12/2024 follow ``date_order`` (``DMY`` or ``MDY``)
    unless one part is over 12, which settles the order.
    """
    if m := DATE_ISO.search(text):
        return iso_day(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (DATE_MDY_WORDS, DATE_DMY_WORDS):
        if m := pattern.search(text):
            return iso_day(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    if m := DATE_NUMERIC.search(text):
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if date_order == "DMY" else (b, a)
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        return iso_day(int(m["year"]), month, day)
    return None


def long_date(iso: str) -> str:
    """``2024-12-01`` → ``Sunday 1 December 2024`` (English whatever the locale)."""
    day = date.fromisoformat(iso)
    weekday, month = WEEKDAYS[day.weekday()], MONTH_NAMES[day.month - 1]
    return f"{weekday.capitalize()} {day.day} {month.capitalize()} {day.year}"


def short_date(iso: str) -> str:
    """``2024-11-28`` → ``28 Nov``."""
    return f"{int(iso[8:10])} {MONTH_NAMES[int(iso[5:7]) - 1][:3].capitalize()}"
