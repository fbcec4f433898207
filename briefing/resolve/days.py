"""Days, for the resolve stage: each day's statements, articles and events.

A day is any day a statement is about or an article came out; its statements are
ranked by independent sources, then citations, then entities named, then the order
they were told.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..records import Corpus, Day, Event, Statement


def build_days(
    corpus: Corpus, statements: Sequence[Statement], events: Sequence[Event] = ()
) -> list[Day]:
    """Every day of the briefing in order, with its ranked statements, the articles
    published on it and its events (already ranked by :mod:`.events`)."""
    events_by_day: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        events_by_day[event.date].append(event)
    by_day: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.date:
            by_day[statement.date].append(statement)
    published: dict[str, list[str]] = defaultdict(list)
    for article in corpus.articles:
        if article.published:
            published[article.published].append(article.id)
    order = {s: i for i, s in enumerate(statements)}
    return [
        Day(
            date=day,
            statements=tuple(
                sorted(
                    by_day.get(day, []),
                    key=lambda s: (-s.sources, -len(s.citations), -len(s.entities), order[s]),
                )
            ),
            articles=tuple(sorted(published.get(day, []))),
            events=tuple(events_by_day.get(day, [])),
        )
        for day in sorted(set(by_day) | set(published))
    ]
