"""Figures: numbers in a sentence and what they count (killed, wounded, displaced,
detained), with the number as written and as a range.

In numbered stages, textacy-style, each a generator of small records:

1. **numbers**: digits ("1,000", "1.5 million"), number words ("twelve", "a dozen")
   and vague counts ("dozens", "hundreds"), with the qualifier written before them
   ("at least", "nearly", "more than", "about") or a range ("200 to 300");
2. **topic**: what the number counts, from ``figures.yml``: a topic word after the
   number within :data:`AFTER_WINDOW` words ("12 civilians were killed"), else one
   before it within :data:`BEFORE_WINDOW` words ("killing 12", "the toll rose to
   242"); weak topics (troops, towns seized, distance) only when no other topic word
   is near. Years, times, percentages, money and ages are never figures.
3. **parts**: a number with no topic of its own after "including" or "among them"
   counts part of the figure before it ("242 killed, including 24 civilians");
4. **running totals**: a figure with toll or total words near it (within
   :data:`RUNNING_BEFORE` characters before or :data:`RUNNING_AFTER` after: "the death
   toll rose to", "since", "so far", "over the past three days", "have been killed")
   is a running total, not the count of one incident.

``figures.yml`` is validated when read (:mod:`.rules`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .. import lexicon
from ..dates import MONTHS
from ..records import Figure
from ..textutil import alternation
from .rules import FLAG, TEXT, WORDS, load_rules

TOPICS_FILE = Path(__file__).with_name("figures.yml")
_SCHEMA = {"label": TEXT, "after": WORDS, "before": WORDS, "weak": FLAG, "unit": FLAG}
AFTER_WINDOW = 6
"""Words allowed between a number and the topic word after it ("12 government
soldiers and militiamen were killed")."""
BEFORE_WINDOW = 4
"""Words allowed between a topic word and the number after it ("the death toll had
risen to 242")."""
WINDOW_SLACK = 4
"""Words read beyond a window on each side of a number, so that a topic phrase of
several words that starts inside the window is read whole."""
SENTENCES_REMEMBERED = 1 << 18
"""Sentences whose figures are kept once read: statements, figure claims and events
all ask for each sentence's figures, in different orders."""
CHARACTERS_PER_WORD = 20
"""Characters read for each word a window reads: only the text near the number can
decide its topic."""

_UNITS = {**lexicon.number_words(), "a dozen": 12, "a hundred": 100, "a thousand": 1000}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague counts: (lowest, highest) they can mean.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 9_999_999),
}  # fmt: skip
_AT_LEAST = lexicon.words("at_least_words")
_AT_MOST = lexicon.words("at_most_words")
_ABOUT = lexicon.words("about_words")
_MEASURE_ALT = alternation(lexicon.words("measure_units"), longest_first=True)

_WORDS_ALT = alternation(_UNITS, longest_first=True)
_VAGUE_ALT = alternation(_VAGUE, longest_first=True)
_QUAL_ALT = alternation(_AT_LEAST + _AT_MOST + _ABOUT, longest_first=True)
_AMOUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:hundred|thousand|million|billion))?"
    rf"|(?:{_WORDS_ALT})(?:[\s-]+(?:{_WORDS_ALT}))?(?:\s+(?:hundred|thousand|million))?"
)
NUMBER = re.compile(
    rf"(?<![\w$£€.,:-])(?:(?P<qual>{_QUAL_ALT})\s+)?"
    rf"(?:(?P<vague>{_VAGUE_ALT})|(?P<low>{_AMOUNT})(?:\s*(?:-|–|to|and)\s*(?P<high>{_AMOUNT}))?)"
    r"(?![\w%$£€]|-\w|[.,:]\d|\s*(?:per\s?cent|percent|years? old|year-old|am\b|pm\b|GMT|dollars|pounds|euros|times\b"
    rf"|(?:{_MEASURE_ALT})\b))",
    re.I,
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TOKEN = re.compile(r"[\w'-]+|[^\w\s]")


class Topic(NamedTuple):
    """One topic of ``figures.yml``."""

    key: str
    """The topic's key ("killed")."""
    label: str
    """Its readable label."""
    after: tuple[str, ...]
    """Words that follow a number it counts ("12 people were killed")."""
    before: tuple[str, ...]
    """Words that precede a number it counts ("killing 12")."""
    weak: bool
    """Whether it counts only when no other topic's word is near the number."""
    unit: bool
    """Whether its value keeps its unit as written ("10 km")."""


@functools.lru_cache(maxsize=4)
def load_topics(path: Path = TOPICS_FILE) -> tuple[Topic, ...]:
    """The topics of ``path``, in file order. A malformed file raises
    :class:`~briefing.errors.LexiconError`."""
    return tuple(
        Topic(
            key,
            str(spec.get("label", key)),
            tuple(spec.get("after", ())),
            tuple(spec.get("before", ())),
            bool(spec.get("weak", False)),
            bool(spec.get("unit", False)),
        )
        for key, spec in load_rules(path, _SCHEMA).items()
    )


def _unit_topic() -> tuple[str, str] | None:
    """The topic a number with a unit of length after it counts ("750 km")."""
    return next(((t.key, t.label) for t in load_topics() if t.unit), None)


@functools.lru_cache(maxsize=1)
def unit_topics() -> frozenset[str]:
    """Topics whose value keeps its unit ("10 km")."""
    return frozenset(t.key for t in load_topics() if t.unit)


def topic_labels() -> dict[str, str]:
    """Readable label of each topic key, in file order."""
    return {t.key: t.label for t in load_topics()}


def amount(written: str) -> int | None:
    """ "1,000" → 1000, "1.5 million" → 1500000, "twenty-five" → 25, "a dozen" → 12."""
    text = written.lower().replace(",", "").strip()
    scale = 1
    for word, value in _SCALES.items():
        if text.endswith(f" {word}") and not text.startswith("a "):
            scale, text = value, text[: -len(word) - 1].strip()
    try:
        return round(float(text) * scale)
    except ValueError:
        pass
    if text in _UNITS:
        return _UNITS[text] * scale
    parts = re.split(r"[\s-]+", text)
    if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
        return (_UNITS[parts[0]] + _UNITS[parts[1]]) * scale
    return None


def _range(match: re.Match[str]) -> tuple[int | None, int | None]:
    """(low, high) a number means with its qualifier."""
    if match["vague"]:
        low, high = _VAGUE[match["vague"].lower()]
    else:
        low = amount(match["low"])
        high = amount(match["high"]) if match["high"] else low
    qualifier = (match["qual"] or "").lower()
    if qualifier in _AT_LEAST:
        return low, None
    if qualifier in _AT_MOST:
        return None, high
    return low, high


def _words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _distance(words: list[str], phrase: str, window: int, at_end: bool) -> int | None:
    """How many words from the number ``phrase`` starts (or, ``at_end``, ends), within
    ``window`` and with no punctuation or number between, nor, before the number, a
    conjunction ("a child was killed and two others wounded"); None when it does
    not."""
    target = phrase.lower().split()
    span = len(target)
    if at_end:
        words = list(reversed(words))
        target = list(reversed(target))
    for i in range(min(window, len(words)) + 1):
        if words[i : i + span] == target:
            return i
        if i < len(words) and (not re.match(r"[\w'-]", words[i]) or words[i][0].isdigit()):
            return None
        if at_end and i < len(words) and words[i] in _CLAUSE_JOINS:
            return None
    return None


_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas"})


def _topic(before: str, after: str) -> tuple[str, str] | None:
    """Stage 2: the topic of a number from the nearest topic word around it (after it
    on a tie), or None."""
    # only the words near the number can decide; the rest of the sentence is not read
    after_read, before_read = AFTER_WINDOW + WINDOW_SLACK, BEFORE_WINDOW + WINDOW_SLACK
    after_words = _words(after[: CHARACTERS_PER_WORD * after_read])[:after_read]
    before_words = _words(before[-CHARACTERS_PER_WORD * before_read :])[-before_read:]
    near = {*after_words, *before_words}
    best: tuple[bool, int, int, int] | None = None
    found: dict[int, tuple[str, str]] = {}
    for order, (key, label, after_phrases, before_phrases, weak, _) in enumerate(load_topics()):
        found[order] = (key, label)
        for phrases, words, window, at_end, side in (
            (after_phrases, after_words, AFTER_WINDOW, False, 0),
            (before_phrases, before_words, BEFORE_WINDOW, True, 1),
        ):
            for phrase in phrases:
                if phrase.split()[0].lower() not in near:
                    continue
                distance = _distance(words, phrase, window, at_end)
                if distance is not None and (best is None or (weak, distance, side, order) < best):
                    best = (weak, distance, side, order)
    return found[best[3]] if best else None


_MONTH_NAME = (
    r"(?:"
    + "|".join(sorted((m.capitalize() for m in MONTHS), key=lambda m: (-len(m), m)))
    + r")\b\.?"
)
# capitalised and whole, so "may have been killed" and "marched 50 km" stay counts
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAME}\s+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+{_MONTH_NAME}")


def _is_not_a_count(match: re.Match[str], text: str) -> bool:
    """Years ("in 2016"), days of a date ("November 28", "28 Nov"), clock times and
    one-word ordinals are numbers, not counts."""
    written = match["low"] or ""
    if _YEAR.fullmatch(written) and not match["qual"]:
        return True
    if _MONTH_BEFORE.search(text[: match.start()]) or _MONTH_AFTER.match(text[match.end() :]):
        return True
    # a clock's colon, or an ordinal's two letters and the end of the word
    following = text[match.end() : match.end() + len("th") + 1]
    return following[:1] == ":" or bool(re.match(r"(?:st|nd|rd|th)\b", following))


_RISEN_TO = re.compile(rf"\b{alternation(lexicon.words('risen_to_words'))}\s+(?:to\s+)?$", re.I)


def _toll_risen_to(before: str) -> tuple[str, str] | None:
    """Stage 2, fallback: "the death toll in the ... offensive has risen to 218": a
    number a toll rose to takes the topic of the last toll words before it in the
    sentence, however far."""
    if not _RISEN_TO.search(before):
        return None
    words = _words(before)
    best: tuple[int, str, str] | None = None
    for key, label, _, before_phrases, weak, _ in load_topics():
        for phrase in before_phrases:
            target = phrase.lower().split()
            for i in range(len(words) - len(target), -1, -1):
                if words[i : i + len(target)] == target:
                    if not weak and (best is None or i > best[0]):
                        best = (i, key, label)
                    break
    return (best[1], best[2]) if best else None


_PART_OF = re.compile(rf"\b{alternation(lexicon.words('part_of_words'))}\s+$", re.I)
_PART_NOUN = re.compile(r"\s*([a-z][\w-]*)", re.I)
_RUNNING = re.compile(
    rf"\b{alternation(lexicon.words('running_total_words'))}\b"
    r"|\b(?:has|have|had)\s+(?:now\s+)?(?:been\s+)?\w+(?:ed|en|ld)\b",
    re.I,
)
RUNNING_BEFORE = 40
"""Characters before a number in which toll or total words make it a running total."""
RUNNING_AFTER = 40
"""Characters after a number in which they do ("400 people have been killed")."""


_RESTATED = re.compile(r"\(\s*(?:about|some|around|or)?\s*$")
_UNIT = re.compile(r"\s*(km|kilometres|kilometers|miles?)\b", re.I)
_KM_PER_MILE = 1.609344


def _with_unit(
    text: str, match: re.Match[str], low: int | None, high: int | None
) -> tuple[str, int | None, int | None]:
    """A distance with its unit as written, its range in km ("6 miles" is 10 km)."""
    unit = _UNIT.match(text, match.end())
    if unit is None:
        return match.group(0), low, high
    value = match.group(0) + text[match.end() : unit.end()]
    if unit.group(1).lower().startswith("mile"):
        low = round(low * _KM_PER_MILE) if low is not None else None
        high = round(high * _KM_PER_MILE) if high is not None else None
    return value, low, high


def is_running_total(text: str, start: int, end: int) -> bool:
    """Stage 4: whether the number at [start, end) gives a toll or total rather than
    the count of one incident."""
    before = text[max(0, start - RUNNING_BEFORE) : start]
    after = text[end : end + RUNNING_AFTER]
    return bool(_RUNNING.search(before) or _RUNNING.search(after))


def figures(text: str) -> Iterator[Figure]:
    """Stages 1-4: every figure in ``text``, in order."""
    return iter(_figures(text))


@functools.lru_cache(maxsize=SENTENCES_REMEMBERED)
def _figures(text: str) -> tuple[Figure, ...]:
    # read once per sentence: statements and figure claims both ask
    return tuple(_read_figures(text))


def _read_figures(text: str) -> Iterator[Figure]:
    previous: Figure | None = None
    for match in NUMBER.finditer(text):
        if _is_not_a_count(match, text):
            continue
        low, high = _range(match)
        if low is None and high is None:
            continue
        measured = _UNIT.match(text, match.end())
        topic = (
            _unit_topic()
            if measured
            else _topic(text[: match.start()], text[match.end() :])
            or _toll_risen_to(text[: match.start()])
        )
        within = ""
        if (
            previous is not None
            and _PART_OF.search(text[: match.start()])
            and (topic is None or topic[0] == previous.topic)
        ):
            topic = (previous.topic, previous.label)
            noun = _PART_NOUN.match(text, match.end())
            within = noun.group(1) if noun else ""
        if topic is None:
            continue
        value = match.group(0)
        unit = topic[0] in unit_topics()
        if unit:
            if (
                previous is not None
                and previous.topic == topic[0]
                and _RESTATED.search(text[: match.start()])
            ):
                continue  # "300 km (185 miles)": the same distance again
            value, low, high = _with_unit(text, match, low, high)
        previous = Figure(
            value=value,
            low=low,
            high=high,
            topic=topic[0],
            label=topic[1],
            at=match.start(),
            within=within,
            running=not unit and is_running_total(text, match.start(), match.end()),
        )
        yield previous
