"""Ranking, for the salience pass: which days matter, and what leads each day.

Evidence is counted per story family (an article with its rewrites and the articles
sharing its wire copy), never per sentence: a blog page of two hundred sentences is
one source, as is a wire story run by ten outlets. The signals are those the
timeline-summarisation literature found to hold across stories: how many sources
report a day and how often later coverage refers back to it (date references, the
strongest single feature of news-tls DATEWISE, Gholipour Ghalandari and Ifrim 2020;
Tran et al. 2013), how corroborated the day's lead event is (the cluster size of
news-tls CLUST), and publication volume, a weak prior. Each is scaled to the story's
largest, on a log scale, and weighted so that none dominates (Martschat and Markert
2018 combine such date-level signals in one objective the same way).

1. **signals**: per day, :class:`DaySignals` from its sentences' citations;
2. **day salience**: the weighted sum of the scaled signals (:data:`WEIGHTS`), each
   scaled partly against the whole story and partly against the day's neighbourhood,
   so that the timeline is not all one busy week (the temporal spread that Martschat
   and Markert's objective rewards);
3. **sentence importance**: how central a sentence's words are to what the day's
   families say (each word counted once per family, as in centroid summarisers),
   times its corroboration, with a bonus for a lead paragraph and for a sentence
   that dates itself;
4. **lead events**: a day's events by their sentence's importance and corroboration;
5. **key days**: the days of highest salience, :data:`KEY_DAY_SHARE` of those with a
   summary, at least :data:`MIN_KEY_DAYS` and at most :data:`MAX_KEY_DAYS`.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..records import Article, Day, Statement
from ..textutil import content_words

WEIGHTS = {"reporting": 0.25, "references": 0.3, "corroboration": 0.35, "volume": 0.1}
"""Weight of each scaled signal in a day's salience; they sum to 1 and none is above
:data:`MAX_WEIGHT`, so no single signal decides."""
MAX_WEIGHT = 0.4
"""The largest weight any one signal may have."""
CENTRALITY_SMOOTHING = 5
"""Added to a sentence's word count when averaging how central its words are, so
that very short sentences ("Aleppo fell.") do not win on one common word."""
LEAD_PARAGRAPHS = 3
"""Paragraphs at the top of an article that news writing gives to what happened."""
LEAD_BONUS = 0.5
"""Added to a sentence's weight when it opens an article (within :data:`LEAD_PARAGRAPHS`)."""
OWN_DATE_BONUS = 0.5
"""Added to a sentence's weight when its own words date it to the day ("on Friday"),
rather than its article's publication (which tells what was reported that day)."""
KEY_DAY_SHARE = 0.25
"""Share of the days with a summary that the timeline shows as key days."""
MIN_KEY_DAYS = 5
"""Key days at least (all days, when the story has fewer)."""
MAX_KEY_DAYS = 40
"""Key days at most, however long the story."""
LOCAL_DAYS = 15
"""Days either side of a day within which it is compared with its neighbours."""
LOCAL_SHARE = 0.25
"""Share of each signal's scale taken from the day's neighbourhood rather than the
whole story."""
SALIENCE_DIGITS = 6
"""Digits a day's salience is rounded to, so output is the same on every machine."""


@dataclass(frozen=True)
class Coverage:
    """Who published what: the articles' story families and publication days."""

    family: dict[str, str]
    """Article id → id of its story family."""
    published: dict[str, str]
    """Article id → ISO publication day, for dated articles."""
    lead: frozenset[tuple[str, int]] = frozenset()
    """(article id, paragraph index) of each article's opening paragraphs of text,
    the first :data:`LEAD_PARAGRAPHS` of ``Article.extracted`` (captions, bylines and
    other furniture before them do not count)."""

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Coverage:
        return cls(
            {a.id: a.family or a.id for a in articles},
            {a.id: a.published for a in articles if a.published},
            frozenset((a.id, p.index) for a in articles for p in a.extracted[:LEAD_PARAGRAPHS]),
        )

    def family_of(self, article_id: str) -> str:
        """The story family of an article (its own id when it has none)."""
        return self.family.get(article_id, article_id)

    def opens(self, statement: Statement) -> bool:
        """Whether the sentence stands in an article's opening paragraphs."""
        return any((c.article_id, c.paragraph) in self.lead for c in statement.citations)

    def families(self, statement: Statement) -> frozenset[str]:
        """The story families carrying a sentence."""
        return frozenset(self.family_of(c.article_id) for c in statement.citations)


@dataclass(frozen=True)
class DaySignals:
    """Stage 1: the evidence that a day matters, each counted in story families."""

    reporting: int
    """Families with a sentence about the day."""
    references: int
    """Families of later articles whose own words name the day."""
    corroboration: int
    """Families telling the day's best-corroborated event or sentence."""
    volume: int
    """Families with an article published that day."""


def day_signals(day: Day, coverage: Coverage) -> DaySignals:
    """Stage 1: a day's signals."""
    reporting: set[str] = set()
    references: set[str] = set()
    best = max((e.sources for e in day.events), default=0)
    for statement in day.statements:
        families = coverage.families(statement)
        reporting |= families
        best = max(best, len(families))
        if statement.date_evidence != "published":
            references |= {
                coverage.family_of(c.article_id)
                for c in statement.citations
                if coverage.published.get(c.article_id, "") > day.date
            }
    volume = {coverage.family_of(a) for a in day.articles}
    return DaySignals(len(reporting), len(references), best, len(volume))


def day_saliences(dates: Sequence[str], signals: Sequence[DaySignals]) -> list[float]:
    """Stage 2: each day's salience, the weighted sum of its signals, each on a log
    scale relative to the story's largest and, for :data:`LOCAL_SHARE`, to the
    largest within :data:`LOCAL_DAYS` days (a day that stands out in a quiet week
    matters as well as one in the busiest week)."""
    ordinals = [datetime.date.fromisoformat(d).toordinal() for d in dates]
    by_ordinal = dict(zip(ordinals, signals, strict=True))
    largest = {name: max((getattr(s, name) for s in signals), default=0) for name in WEIGHTS}

    def local_largest(index: int, name: str) -> int:
        """The largest value within :data:`LOCAL_DAYS` days (one look-up per day of
        the window, so the cost grows with the days, not their square)."""
        near = range(ordinals[index] - LOCAL_DAYS, ordinals[index] + LOCAL_DAYS + 1)
        return max(getattr(by_ordinal[o], name) for o in near if o in by_ordinal)

    def scaled(index: int, name: str) -> float:
        value, top = getattr(signals[index], name), largest[name]
        if not top:
            return 0.0
        local = local_largest(index, name) or top
        return (1 - LOCAL_SHARE) * math.log1p(value) / math.log1p(top) + LOCAL_SHARE * (
            math.log1p(value) / math.log1p(local)
        )

    return [
        round(sum(w * scaled(i, name) for name, w in WEIGHTS.items()), SALIENCE_DIGITS)
        for i in range(len(signals))
    ]


def importance(day: Day, coverage: Coverage) -> Callable[[Statement, int], float]:
    """Stage 3: a function giving a sentence's importance on ``day``, given the
    families of the event it tells (or 0)."""
    families_of_word: dict[str, set[str]] = defaultdict(set)
    for statement in day.statements:
        families = coverage.families(statement)
        for word in content_words(statement.text):
            families_of_word[word] |= families

    def weigh(statement: Statement, event_sources: int) -> float:
        words = content_words(statement.text)
        centrality = sum(len(families_of_word[w]) for w in words) / (
            len(words) + CENTRALITY_SMOOTHING
        )
        sources = max(event_sources, len(coverage.families(statement)), 1)
        lead = coverage.opens(statement)
        own_date = statement.date_evidence not in (None, "published")
        bonus = 1 + LEAD_BONUS * lead + OWN_DATE_BONUS * own_date
        return centrality * (1 + math.log(sources)) * bonus

    return weigh


def ranked_day(day: Day, coverage: Coverage, salience: float) -> Day:
    """Stages 3-4: the day with its salience, its events led by the most important
    and its summary: each event's sentence and its other sentences, most important
    first."""
    weigh = importance(day, coverage)
    events = sorted(day.events, key=lambda e: -weigh(e.summary, e.sources))
    event_sources = {e.summary: e.sources for e in day.events}
    summary = sorted(
        [e.summary for e in events] + list(day.untold),
        key=lambda s: -weigh(s, event_sources.get(s, 0)),
    )
    return replace(day, salience=salience, events=tuple(events), summary=tuple(summary))


def key_days(days: Sequence[Day]) -> frozenset[str]:
    """Stage 5: the dates of the key days."""
    candidates = [d for d in days if d.summary]
    wanted = min(MAX_KEY_DAYS, max(MIN_KEY_DAYS, round(KEY_DAY_SHARE * len(candidates))))
    top = sorted(candidates, key=lambda d: (-d.salience, d.date))[:wanted]
    return frozenset(d.date for d in top)


def ranked_days(days: Sequence[Day], articles: Sequence[Article]) -> tuple[Day, ...]:
    """Every day with its salience, lead events, summary and whether it is key."""
    coverage = Coverage.of(articles)
    saliences = day_saliences([d.date for d in days], [day_signals(d, coverage) for d in days])
    ranked = [ranked_day(d, coverage, s) for d, s in zip(days, saliences, strict=True)]
    key = key_days(ranked)
    return tuple(replace(d, key=d.date in key) for d in ranked)
