"""Sentence dating, for the resolve stage: the day each sentence is about.

The anchoring rules are ours, in this order, and tested against a hand-labelled
fixture (``tests/fixtures/events/``):

1. a full written date is that day ("30 November 2024", "2024-11-30");
2. a day and month without a year take the publication year ("November 27");
3. a shift from a day named earlier in the same paragraph (the *context*), or from
   the publication day when none was: "a day earlier", "the day before", "the
   previous day"; "the same day", "that night", "the next day" and "two days later"
   need a context; "two days ago" always counts from publication;
4. a span that names no single day leaves the sentence undated: "last week", "earlier
   this month", "for years", "in 2016";
5. a weekday is the latest such day on or before publication ("on Wednesday" in a
   Saturday article is three days earlier), or the next such day on or after it when
   the sentence speaks of the future ("will meet on Tuesday", "is due to vote");
6. "yesterday", "last night" and "overnight" are the day before publication ("overnight"
   is the context day when the paragraph named one); "today", "tonight" and "this
   morning" the publication day.

Two kinds of expression are no evidence of a day. One *in passing*, which the parse
shows modifying a noun or sitting in a relative clause of one ("centres of the 2011
protests", "the first time since 2016", "the homes they left in 2019"), dates no
event of its sentence: it neither makes the sentence background nor leaves it
undated. A *clock time* ("7:26 pm EDT", "1500 GMT", "the past 24 hours") or a time
stamp (a written date with a clock time after it) dates no day but publication's.
A sentence whose only expressions are of these kinds is dated by publication.

A sentence is *background* when it is about the past: a year before its article's
dates its main verb or a clause of it ("the conflict erupted in 2011", "the 2016
battle for Aleppo was ...", "has killed 300,000 since 2011"), or it names a day more
than :data:`BACKGROUND_DAYS` before publication; or, with no day of its own, when it
is about the conflict as a whole or states a toll built up over the years
(:mod:`.background`). It is dated to its year (none for the conflict as a whole) and
kept off the day pages of the story. A count is *as of* its sentence's day, unless
that day is where the count runs from ("has risen to 218 since Wednesday":
:func:`as_of`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from .. import lexicon
from ..dates import MONTH_PATTERN, MONTHS, WEEKDAYS, iso_day, parse_written_date
from ..records import ArticleExtraction, Corpus, Sentence
from ..textutil import alternation
from .background import background_words

_MONTH_DAY = re.compile(r"\b" + MONTH_PATTERN + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_PATTERN + r"\b", re.I)
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
_SAME_DAY = re.compile(rf"\b{alternation(lexicon.words('same_day_words'))}\b", re.I)
_YESTERDAY = re.compile(rf"\b{alternation(lexicon.words('previous_day_words'))}\b", re.I)
_OVERNIGHT = re.compile(r"\bovernight\b", re.I)
MAX_SHIFT_DAYS = 6
"""The most days a relative expression ("three days ago") is read as shifting."""
_COUNT_WORDS = {"a": 1} | {w: n for w, n in lexicon.number_words().items() if n <= MAX_SHIFT_DAYS}
_SHIFT = re.compile(
    rf"\b(?P<n>{'|'.join(_COUNT_WORDS)}|[1-{MAX_SHIFT_DAYS}])\s+days?\s+"
    r"(?P<way>ago|earlier|before|later|after)\b"
    r"|\bthe\s+(?P<rel>previous|next|following|same)\s+(?:day|night|morning|evening)\b"
    r"|\bthe\s+day\s+(?P<way2>before|after)\b"
    r"|\b(?P<that>that|the same)\s+(?:day|night|morning|evening|afternoon)\b",
    re.I,
)
# Phrases the tagger often leaves out of its date spans; the sentence text is searched for them.
_UNTAGGED = re.compile(_SHIFT.pattern + r"|\bovernight\b", re.I)
_YEAR_WRITTEN = re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")
_FUTURE = re.compile(rf"\b{alternation(lexicon.words('future_markers'))}\b", re.I)
FUTURE_WINDOW = 60
"""Characters before a date expression searched for a future marker."""
BACKGROUND_DAYS = 365
"""A day this long before its article's publication is background, not the story."""
_CLOCK = re.compile(
    rf"\b\d{{1,2}}[:.]\d{{2}}\b|(?<!\w){alternation(lexicon.words('clock_words'))}(?!\w)", re.I
)
_DAY_WORDS = re.compile(
    rf"\b(?:{MONTH_PATTERN}|{'|'.join(WEEKDAYS)}|day|night|morning|afternoon|evening|today"
    rf"|tonight|yesterday|overnight|week|month|year)\b|\b(?:1[89]|20)\d\d\b",
    re.I,
)
_STAMP = re.compile(r"\b(?:1[89]|20)\d\d,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\b")
"""A time stamp: a year with a clock time right after it ("Sat Mar 19, 2011 3:50 pm
EDT", "March 1, 2011 at 6:19 pm")."""
_CLOCK_NEXT = re.compile(r"[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}\b")
"""A clock time right after an expression: the rest of its time stamp ("Apr 26, 2011"
tagged apart from "10:37 am EDT")."""
_NOT_A_DAY = re.compile(
    r"\b(?:last|next|this|past|coming|previous)\s+(?:week|month|year|weekend)s?\b|\b(?:1[89]|20)\d{2}\b|\byears?\b|\bmonths?\b|\bweeks\b|\bdecades?\b",
    re.I,
)


def anchor(
    expression: str,
    published: str | None,
    date_order: str = "DMY",
    context: str | None = None,
    future: bool = False,
) -> str | None:
    """Resolve one date expression to an ISO day, relative to ``published`` (and to
    ``context``, a day named earlier in the same paragraph). With ``future`` (the
    sentence speaks of what will happen), a weekday is the next such day.

    Returns None when the expression names no single day or needs an anchor that
    is missing.
    """
    if full := parse_written_date(expression, date_order):
        return full
    if published is None:
        return None
    try:
        context_day = date.fromisoformat(context) if context else None
        return _anchor_relative(expression, date.fromisoformat(published), context_day, future)
    except (ValueError, OverflowError):  # a day before year 1 or after 9999
        return None


def _shifted(m: re.Match[str], pub: date, context: date | None) -> str | None:
    """Rule 3: a shift in days from the context day (or publication)."""
    base = context or pub
    if m["n"]:
        n = _COUNT_WORDS.get(m["n"].lower()) or int(m["n"])
        way = m["way"].lower()
        if way == "ago":
            return (pub - timedelta(days=n)).isoformat()
        if way in ("later", "after"):
            return (context + timedelta(days=n)).isoformat() if context else None
        return (base - timedelta(days=n)).isoformat()
    relation = (m["rel"] or m["way2"] or "same").lower()
    if relation in ("previous", "before"):
        return (base - timedelta(days=1)).isoformat()
    if relation in ("next", "following", "after"):
        return (context + timedelta(days=1)).isoformat() if context else None
    # "the same day", "that day" point back to a day named before: none, no day.
    return context.isoformat() if context else None


def _anchor_relative(
    expression: str, pub: date, context: date | None = None, future: bool = False
) -> str | None:
    published = pub.isoformat()
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if m := pattern.search(expression):
            return iso_day(pub.year, MONTHS[m["month"].lower()], int(m["day"]))
    if m := _SHIFT.search(expression):
        return _shifted(m, pub, context)
    if _NOT_A_DAY.search(expression):
        return None
    if m := _WEEKDAY.search(expression):
        weekday = WEEKDAYS.index(m["weekday"].lower())
        if future:
            return (pub + timedelta(days=(weekday - pub.weekday()) % 7)).isoformat()
        return (pub - timedelta(days=(pub.weekday() - weekday) % 7)).isoformat()
    if _YESTERDAY.search(expression):
        return (pub - timedelta(days=1)).isoformat()
    if _OVERNIGHT.search(expression):
        return (context or pub - timedelta(days=1)).isoformat()
    if _SAME_DAY.search(expression):
        return published
    return None


def is_clock_time(expression: str, text: str = "") -> bool:
    """Whether an expression is a clock time, naming no day ("7:26 pm EDT", "the past
    24 hours"), or (part of) a time stamp: "Sat Mar 19, 2011 3:50 pm EDT", or "Apr 26,
    2011" followed in ``text`` by "10:37 am EDT"."""
    if _STAMP.search(expression):
        return True
    at = text.find(expression) if text and expression else -1
    if (
        at >= 0
        and _YEAR_WRITTEN.search(expression)
        and _CLOCK_NEXT.match(text, at + len(expression))
    ):
        return True
    return bool(_CLOCK.search(expression)) and not _DAY_WORDS.search(expression)


class Dated(NamedTuple):
    """How a sentence is dated."""

    day: str | None
    """ISO day it is about, or None."""
    evidence: str | None
    """``published``, or the expression that fixed the day or the background year."""
    background: str | None = None
    """For a background sentence, the year its main event is in ("2016"), or an empty
    string for one about the conflict as a whole that names no such year; None for a
    sentence of the story's days."""


def _speaks_of_future(text: str, expression: str) -> bool:
    """Whether the clause of ``expression`` speaks of the future: a future marker
    ("will", "is due to") shortly before it, with no comma between ("will meet in
    Paris on Thursday"; not "released on Saturday, Assad said Syria will ...")."""
    at = text.find(expression)
    if at < 0:
        return False
    before = text[max(0, at - FUTURE_WINDOW) : at]
    markers = list(_FUTURE.finditer(before))
    return bool(markers) and "," not in before[markers[-1].end() :]


def _past_year(expression: str, published: str | None) -> str | None:
    """The year an expression names, when it is before the publication year."""
    m = _YEAR_WRITTEN.search(expression)
    if m and published and m["year"] < published[:4]:
        return m["year"]
    return None


def _is_background(day: str, published: str | None) -> bool:
    if not published:
        return False
    try:
        return (date.fromisoformat(published) - date.fromisoformat(day)).days > BACKGROUND_DAYS
    except ValueError:
        return False


def date_sentence(
    expressions: list[str],
    published: str | None,
    date_order: str = "DMY",
    context: str | None = None,
    text: str = "",
    passing: Collection[str] = (),
) -> Dated:
    """Date a sentence from its date expressions and, for phrases the tagger misses
    ("overnight", "the previous day"), its ``text``; ``passing`` holds the expressions
    that modify a noun (in passing).

    The first expression that names a day wins, unless it is a time stamp; a day long
    before publication makes the sentence background, unless named in passing. Else a
    year (not in passing) makes it background, and so does a subject that is the
    conflict as a whole or a cumulative toll (:func:`.background.background_words`).
    A sentence whose other expressions name no day ("last week") is left undated; one
    with none but clock times and expressions in passing is dated to its article's
    publication day.
    """
    tagged = " ".join(expressions).lower()
    untagged = [m.group(0) for m in _UNTAGGED.finditer(text) if m.group(0).lower() not in tagged]
    clocks = {e for e in [*expressions, *untagged] if is_clock_time(e, text)}
    for expression in [*expressions, *untagged]:
        if expression in clocks:
            continue
        future = _speaks_of_future(text, expression)
        if day := anchor(expression, published, date_order, context, future):
            if not _is_background(day, published):
                return Dated(day, expression)
            if expression not in passing:
                return Dated(None, expression, day[:4])
    stated = [e for e in expressions if e not in passing and e not in clocks]
    for expression in stated:
        if year := _past_year(expression, published):
            return Dated(None, expression, year)
    if published and (words := background_words(text)):
        years = (_past_year(e, published) for e in expressions)
        return Dated(None, words, next((y for y in years if y), ""))
    if stated:
        return Dated(None, None)
    return Dated(published, "published") if published else Dated(None, None)


class ToDate(NamedTuple):
    """A sentence to date."""

    expressions: Sequence[str]
    """Its date expressions, in order."""
    text: str
    """The sentence as written."""
    passing: Collection[str] = ()
    """Those of its expressions that modify a noun (in passing)."""


def date_paragraph(
    sentences: Sequence[ToDate | tuple[Sequence[str], str]],
    published: str | None,
    date_order: str = "DMY",
) -> list[Dated]:
    """Date the sentences of one paragraph, given as (date expressions, text) or
    :class:`ToDate`, in order: a day a sentence names by its own words is the context
    of the relative expressions after it ("On Wednesday ... A day earlier ...")."""
    context: str | None = None
    dated = []
    for expressions, text, passing in (ToDate(*s) for s in sentences):
        found = date_sentence(list(expressions), published, date_order, context, text, passing)
        if found.day and found.evidence != "published":
            context = found.day
        dated.append(found)
    return dated


def sentence_dating(
    corpus: Corpus, extractions: Sequence[ArticleExtraction], date_order: str
) -> dict[tuple[str, int], Dated]:
    """(article id, sentence index) → the day each sentence is about. A day named in a
    paragraph is the context for the relative expressions after it in that paragraph
    ("On Wednesday ... A day earlier ..."); an expression the parse attaches to a noun
    is in passing."""
    published = {a.id: a.published for a in corpus.articles}
    dating: dict[tuple[str, int], Dated] = {}
    for extraction in extractions:
        dates_by_sentence: dict[int, list[str]] = defaultdict(list)
        passing: dict[int, set[str]] = defaultdict(set)
        for d in extraction.dates:
            dates_by_sentence[d.sentence].append(d.text)
            if d.attaches == "noun":
                passing[d.sentence].add(d.text)
        by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in extraction.sentences:
            by_paragraph[sentence.paragraph].append(sentence)
        for paragraph in by_paragraph.values():
            days = date_paragraph(
                [
                    ToDate(dates_by_sentence.get(s.index, []), s.text, passing.get(s.index, ()))
                    for s in paragraph
                ],
                published[extraction.article_id],
                date_order,
            )
            for s, dated in zip(paragraph, days, strict=True):
                dating[(extraction.article_id, s.index)] = dated
    return dating


def as_of(dated: Dated, text: str, published: str | None) -> Dated:
    """The day a count is as of: its sentence's day, except that a day the count
    runs *since* ("has risen to 218 since Wednesday") starts the period, and the
    count is as of publication."""
    if dated.evidence and re.search(rf"\bsince\s+{re.escape(dated.evidence)}", text, re.I):
        return Dated(published, "published") if published else Dated(None, None)
    return dated
