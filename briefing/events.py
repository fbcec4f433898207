"""Events: dated statements typed by their predicate and merged across articles.

In numbered stages with named thresholds:

1. **typing**: a sentence is an event when it holds a predicate from ``events.yml``
   (capture, shell, kill, flee, protest, meet, ...) outside quotation marks; the
   first predicate in the sentence decides ("fled the fighting" is displacement,
   "vowed to retake" a statement), and between types at one place the file's order;
2. **clustering**: on one day, sentences of one type that name the same place (a
   town or region: a country is too broad to tell events apart), or the same actor
   and no other places with :data:`SAME_ACTOR_OVERLAP` of their content words, or that share
   :data:`SAME_EVENT_OVERLAP` of them whatever they name, are one event, told by
   several sources; the sentence shown for it is the one most
   sources carry, dated by its own words, reporting rather than quoting;
3. **ranking**: a day's events by independent sources (story families), then by the
   actors and places involved.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .records import Corpus, Event, Statement
from .textutil import fold

PREDICATES_FILE = Path(__file__).with_name("events.yml")
SAME_EVENT_OVERLAP = 0.3
"""Share of content words (Jaccard) that makes two sentences of a day and type one
event, whatever they name."""
SAME_ACTOR_OVERLAP = 0.12
"""…and that suffices for two sentences naming the same actor ("HTS launched an
attack", "the insurgency led by HTS launched its offensive")."""
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "which",
        "who",
        "it",
        "its",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "said",
        "says",
        "say",
        "after",
        "before",
        "into",
        "over",
        "than",
        "also",
        "more",
        "not",
        "no",
    ]
)


@dataclass(frozen=True)
class EventType:
    key: str
    label: str
    pattern: re.Pattern[str]


def _forms(predicate: str) -> list[str]:
    """ "seize" → seize, seizes, seized, seizing; "take control/took control" as given."""
    written, *irregular = [p.strip() for p in predicate.split("/")]
    head, _, rest = written.partition(" ")
    tail = f" {rest}" if rest else ""
    third = f"{head}es" if head.endswith(("s", "sh", "ch", "x", "z", "o")) else f"{head}s"
    past = f"{head}d" if head.endswith("e") else f"{head}ed"
    gerund = f"{head[:-1]}ing" if head.endswith("e") and not head.endswith("ee") else f"{head}ing"
    regular = {head, third, past, gerund}
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        regular = {head, f"{head[:-1]}ies", f"{head[:-1]}ied", f"{head}ing"}
    return sorted({f"{form}{tail}" for form in regular} | set(irregular), key=len, reverse=True)


@functools.lru_cache(maxsize=4)
def load_event_types(path: Path = PREDICATES_FILE) -> tuple[EventType, ...]:
    """The event types of ``path`` in file order, each with one pattern of its forms."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    types = []
    for key, spec in raw.items():
        forms = [re.escape(f).replace(r"\ ", r"\s+") for p in spec["predicates"] for f in _forms(p)]
        pattern = re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.I)
        types.append(EventType(key, spec.get("label", key), pattern))
    return tuple(types)


_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?")


def _unquoted(text: str) -> str:
    """The text with quoted words blanked: what a speaker says is not the event."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def event_type(text: str, types: Sequence[EventType] | None = None) -> tuple[EventType, str] | None:
    """Stage 1: the type of the sentence and the predicate that typed it, or None.
    Predicates inside quotation marks do not count."""
    reported = _unquoted(text)
    found = [
        (match.start(), order, kind, match.group(0))
        for order, kind in enumerate(types or load_event_types())
        if (match := kind.pattern.search(reported))
    ]
    if not found:
        return None
    _, _, kind, predicate = min(found, key=lambda f: (f[0], f[1]))
    return kind, predicate


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in _STOP and len(w) > 2)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _summary_rank(statement: Statement) -> tuple:
    """The sentence to show for an event: the most sources, then one dated by its own
    words, then one that reports rather than quotes, then the most entities."""
    quoted = bool(_QUOTED.search(statement.text))
    own_date = statement.date_evidence not in (None, "published")
    return (-statement.sources, not own_date, quoted, -len(statement.entities))


def _same_event(
    statement: Statement, words: frozenset[str], cluster: dict, places: set[str]
) -> bool:
    """Stage 2, for one type and day (the caller's): the same place; or, naming no
    other places, the same actor in words alike enough; or much the same words
    whatever they name. A place the tagger missed in one sentence can therefore keep
    two tellings of one event apart."""
    overlap = _overlap(words, cluster["words"])
    if overlap >= SAME_EVENT_OVERLAP:
        return True
    own_places = set(statement.entities) & places
    their_places = cluster["entities"] & places
    if own_places & their_places:
        return True
    if own_places and their_places:
        return False  # an event is a day, a place and its actors (as in ACLED)
    shared = set(statement.entities) & cluster["entities"]
    return bool(shared) and overlap >= SAME_ACTOR_OVERLAP


def build_events(
    corpus: Corpus, statements: Sequence[Statement], places: set[str] | frozenset[str] = frozenset()
) -> list[Event]:
    """Stages 1-3: the events of every day, most corroborated first within a day.
    ``places`` holds the ids of place entities."""
    family = {a.id: a.family or a.id for a in corpus.articles}
    places = set(places)
    types = load_event_types()
    clusters: dict[tuple[str, str], list[dict]] = defaultdict(list)
    ranked = sorted((s for s in statements if s.date), key=lambda s: (-s.sources, -len(s.entities)))
    for statement in ranked:
        typed = event_type(statement.text, types)
        if typed is None:
            continue
        kind, predicate = typed
        words = _content_words(statement.text)
        for cluster in clusters[(statement.date, kind.key)]:
            if _same_event(statement, words, cluster, places):
                cluster["statements"].append(statement)
                cluster["entities"] |= set(statement.entities)
                cluster["words"] |= words
                break
        else:
            clusters[(statement.date, kind.key)].append(
                {
                    "kind": kind,
                    "predicate": predicate,
                    "statements": [statement],
                    "entities": set(statement.entities),
                    "words": words,
                }
            )
    events: list[Event] = []
    by_day: dict[str, list[dict]] = defaultdict(list)
    for (day, _), found in clusters.items():
        by_day[day].extend(found)
    for day in sorted(by_day):
        found = sorted(
            by_day[day],
            key=lambda c: (
                -len({family[x.article_id] for s in c["statements"] for x in s.citations}),
                -len(c["entities"]),
                c["statements"][0].text,
            ),
        )
        for n, cluster in enumerate(found, start=1):
            members = tuple(sorted(cluster["statements"], key=_summary_rank))
            events.append(
                Event(
                    id=f"e{day.replace('-', '')}-{n}",
                    date=day,
                    type=cluster["kind"].key,
                    label=cluster["kind"].label,
                    predicate=cluster["predicate"],
                    summary=members[0],
                    statements=members,
                    sources=len({family[c.article_id] for s in members for c in s.citations}),
                )
            )
    return events
