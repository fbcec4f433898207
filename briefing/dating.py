"""Dates: written dates to ISO days, and relative expressions anchored to a day.

The anchoring rules are deliberately simple and documented here; a later version
will resolve every clause. An expression is anchored to the article's publication
day: a weekday means the latest such day on or before it, "yesterday" the day
before, "today" or "tonight" the day itself. Expressions that name no single day
("last week", "in 2016", "years") leave the sentence off the day pages.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
)  # fmt: skip
MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_PREFIX = (
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+)?"
)
DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
DATE_MDY_WORDS = re.compile(
    _WEEKDAY_PREFIX + r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
    re.I,
)
DATE_DMY_WORDS = re.compile(
    _WEEKDAY_PREFIX + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b",
    re.I,
)
DATE_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\b", re.I)
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
_SAME_DAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)
_YESTERDAY = re.compile(r"\b(?:yesterday|last night)\b", re.I)
_NOT_A_DAY = re.compile(
    r"\b(?:last|next|this|past|coming|previous)\s+(?:week|month|year|weekend)s?\b|\b(?:1[89]|20)\d{2}\b|\byears?\b|\bmonths?\b|\bweeks\b|\bdecades?\b",
    re.I,
)


MIN_YEAR, MAX_YEAR = 1800, 2200
"""Dates outside these years are typos or junk, not publication or event dates."""


def _iso(year: int, month: int, day: int) -> str | None:
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
        return _iso(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (DATE_MDY_WORDS, DATE_DMY_WORDS):
        if m := pattern.search(text):
            return _iso(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    if m := DATE_NUMERIC.search(text):
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if date_order == "DMY" else (b, a)
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        return _iso(int(m["year"]), month, day)
    return None


def anchor(expression: str, published: str | None, date_order: str = "DMY") -> str | None:
    """Resolve one date expression to an ISO day, relative to ``published``.

    Returns None when the expression names no single day or needs an anchor that
    is missing.
    """
    if full := parse_written_date(expression, date_order):
        return full
    if published is None:
        return None
    try:
        return _anchor_relative(expression, date.fromisoformat(published))
    except (ValueError, OverflowError):  # a day before year 1 or after 9999
        return None


def _anchor_relative(expression: str, pub: date) -> str | None:
    published = pub.isoformat()
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if m := pattern.search(expression):
            return _iso(pub.year, MONTHS[m["month"].lower()], int(m["day"]))
    if _NOT_A_DAY.search(expression):
        return None
    if m := _WEEKDAY.search(expression):
        back = (pub.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7
        return (pub - timedelta(days=back)).isoformat()
    if _YESTERDAY.search(expression):
        return (pub - timedelta(days=1)).isoformat()
    if _SAME_DAY.search(expression):
        return published
    return None


def date_sentence(
    expressions: list[str], published: str | None, date_order: str = "DMY"
) -> tuple[str | None, str | None]:
    """Date a sentence from its date expressions: (ISO day, evidence).

    The first expression that names a day wins. A sentence whose expressions name
    no day (background, "last week") is left undated. A sentence with no date
    expression is dated to its article's publication day.
    """
    for expression in expressions:
        if day := anchor(expression, published, date_order):
            return day, expression
    if expressions:
        return None, None
    return (published, "published") if published else (None, None)
