"""Quoted spans: pairing quotation marks into quoted runs.

Shared by the stages: extraction finds quotes in them (stage 1 of quote finding),
and event typing reads a sentence without its quoted words.

Double marks (curly, straight, guillemets) pair with their closing mark; curly marks
nest. An opening mark with no closing mark runs to the end of the paragraph, the
convention for a quote that goes on in the next paragraph. Single marks count as
quotation marks only in a paragraph without double marks, and only where one opens a
word and a later one closes one, so "detainees'" and "don't" never pair. Typewriter
double quotes written as two single marks (''like this'') count as double marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

DOUBLE_CLOSERS = {"“": '”"', "„": '”“"', '"': '"”', "«": "»", "‹": "›"}
"""Each opening double mark with the marks that may close it."""
_SINGLE_OPENERS = "‘'"
_SINGLE_CLOSERS = "’'"
CLOSING_MARKS = frozenset("".join(DOUBLE_CLOSERS.values()) + _SINGLE_CLOSERS)
"""Every mark that may close a quoted run."""
_DOUBLED_MARKS = re.compile(r"''|``")
"""Typewriter double quotes written as two single marks (''like this'')."""


@dataclass(frozen=True)
class QuotedRun:
    """A run of text between quotation marks."""

    start: int
    """Offset of the first character after the opening mark."""
    end: int
    """Offset of the closing mark, or the paragraph's end when it has none."""
    closed: bool
    """Whether a closing mark ends it (else it runs on into the next paragraph)."""
    opens_at: int = -1
    """Offset of the opening mark's first character (two for ``''``); ``start`` when
    the run continues a quote opened a paragraph earlier and has no mark."""
    closes_after: int = -1
    """Offset just after the closing mark; the paragraph's end when it has none."""


def quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) character offsets of quoted runs, marks excluded."""
    for run in quoted_runs(text):
        yield run.start, run.end


def quoted_runs(text: str, inside: bool = False) -> Iterator[QuotedRun]:
    """The quoted runs of a paragraph, in order. ``inside``: the paragraph before left
    a quote open, so a closing mark before any opening one ends it."""
    # same length, so offsets still point into the original text
    original = text
    text = _DOUBLED_MARKS.sub(' "', text)
    marks = (*DOUBLE_CLOSERS, "”", "»") if inside else tuple(DOUBLE_CLOSERS)
    runs = _double_runs(text, inside) if any(m in text for m in marks) else _single_runs(text)
    for run in runs:
        opens_at = run.start - 1 if run.start else 0
        if run.start >= 2 and _DOUBLED_MARKS.match(original, run.start - 2):
            opens_at = run.start - 2
        closes_after = min(len(text), run.end + 1) if run.closed else len(text)
        end = run.end
        if run.closed and _DOUBLED_MARKS.match(original, run.end - 1):
            end = run.end - 1  # the closing pair's first mark
        if end > run.start:
            yield replace(run, end=end, opens_at=opens_at, closes_after=closes_after)


def _closing_mark(text: str, i: int) -> int:
    """Offset of the mark closing the one at ``i``; curly marks nest ("“a “b” c”")."""
    closers = DOUBLE_CLOSERS[text[i]]
    if text[i] == '"':
        ends = [j for j in (text.find(c, i + 1) for c in closers) if j != -1]
        return min(ends, default=-1)
    depth = 0
    for j in range(i + 1, len(text)):
        if text[j] == text[i]:
            depth += 1
        elif text[j] in closers:
            if depth == 0:
                return j
            depth -= 1
    return -1


def _double_runs(text: str, inside: bool = False) -> Iterator[QuotedRun]:
    i = 0
    if inside:
        # "... words," he said. — the rest of a quote opened a paragraph earlier; a
        # straight mark ends it only when it has no partner in the paragraph
        first_open = min((j for j in (text.find(m) for m in "“„«") if j != -1), default=len(text))
        candidates = "”»" + ('"' if text.count('"') % 2 else "")
        closes = [j for j in (text.find(m) for m in candidates) if 0 < j < first_open]
        if closes and text[: min(closes)].strip():
            i = min(closes)
            yield QuotedRun(0, i, True)
            i += 1
    while i < len(text):
        if text[i] not in DOUBLE_CLOSERS:
            i += 1
            continue
        end = _closing_mark(text, i)
        closed = end != -1
        end = end if closed else len(text)
        if end > i + 1:
            yield QuotedRun(i + 1, end, closed)
        i = end + 1


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # "detainees' lawyer": a plural possessive is followed by a lower-case word
    plural_possessive = before == "s" and text[i + 1 : i + 3].strip()[:1].islower()
    return (
        not before.isspace()
        and not after.isalnum()
        and not plural_possessive
        and (before in ",.!?…" or not after.isspace() or text[i + 1 : i + 2].isspace())
    )


def _single_runs(text: str) -> Iterator[QuotedRun]:
    closers = [j for j, c in enumerate(text) if c in _SINGLE_CLOSERS and _closes_single(text, j)]
    i = 0
    while i < len(text):
        if text[i] not in _SINGLE_OPENERS or not _opens_single(text, i):
            i += 1
            continue
        at = bisect_left(closers, i + 2)
        if at == len(closers):
            i += 1  # an apostrophe at a word's start ("'em"), not an opening mark
            continue
        end = closers[at]
        yield QuotedRun(i + 1, end, True)
        i = end + 1
