"""Lists of names: a name listed among names of one label takes that label.

"Hayat Tahrir al-Sham, the Syrian National Army, and Ahrar al-Sham" makes the third an
organisation even when the tagger called it a person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from ..records import DESCRIBED, ORG, ArticleExtraction, Mention
from .cues import Paragraphs
from .names import name_key

_LIST_GAP = re.compile(r",?\s*(?:(?:and|or)\s+)?(?:the\s+)?", re.I)
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|'|’)(?!\w)")
POSSESSIVE_WINDOW = 3
"""Characters read after a name for a possessive ("’s")."""
LIST_MIN_AGREEING = 2
"""Other members of a list that must share a label before a member is relabelled."""
LIST_MIN_SHARE = Fraction(2, 3)
"""…and the share of the other members they must be."""


def _lists(mentions: Sequence[Mention], text_of: Paragraphs) -> list[list[Mention]]:
    """Runs of names in one sentence joined only by commas, "and" or "or"."""
    runs: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: (m.paragraph, m.start)):
        if runs and (prev := runs[-1][-1]).paragraph == m.paragraph and prev.sentence == m.sentence:
            gap = text_of[(m.article_id, m.paragraph)][prev.end : m.start]
            if gap.strip() and _LIST_GAP.fullmatch(gap):
                runs[-1].append(m)
                continue
        runs.append([m])
    return [run for run in runs if len(run) > LIST_MIN_AGREEING]


def _usual_labels(
    extractions: Sequence[ArticleExtraction], defined: Mapping[str, str]
) -> dict[str, str]:
    """Name key → the label most of its mentions have; a name the text gives an acronym
    is an organisation ("Hayat Tahrir al-Sham (HTS)")."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for e in extractions:
        for m in e.mentions:
            votes[name_key(m.text)][m.label] += 1
    usual = {key: v.most_common(1)[0][0] for key, v in votes.items()}
    for full in defined.values():
        usual[name_key(full)] = ORG
    return usual


def _relabelled(
    extraction: ArticleExtraction, text_of: Paragraphs, usual: Mapping[str, str]
) -> dict[int, str]:
    """id of a listed mention → the label the other members of its list agree on."""
    relabelled: dict[int, str] = {}
    members = [
        m
        for m in extraction.mentions
        if m.label != DESCRIBED
        and not _POSSESSIVE_AFTER.match(
            text_of[(m.article_id, m.paragraph)][m.end : m.end + POSSESSIVE_WINDOW]
        )
    ]
    for run in _lists(members, text_of):
        for m in run:
            others = Counter(usual[name_key(o.text)] for o in run if o is not m)
            label, n = others.most_common(1)[0]
            if (
                label != m.label
                and n >= LIST_MIN_AGREEING
                and n >= LIST_MIN_SHARE * sum(others.values())
            ):
                relabelled[id(m)] = label
    return relabelled


def relabel_lists(
    text_of: Paragraphs, extractions: Sequence[ArticleExtraction], defined: Mapping[str, str]
) -> tuple[ArticleExtraction, ...]:
    """A name listed among names of one label takes that label. Each other member
    counts with its label across the corpus (a name the text gives an acronym counts
    as an organisation); a possessive ("Saudi Arabia’s Minister") is not a member, and
    neither is a list of appositions it starts."""
    usual = _usual_labels(extractions, defined)
    result = []
    for extraction in extractions:
        relabelled = _relabelled(extraction, text_of, usual)
        if relabelled:
            mentions = tuple(
                replace(m, label=relabelled[id(m)]) if id(m) in relabelled else m
                for m in extraction.mentions
            )
            extraction = replace(extraction, mentions=mentions)
        result.append(extraction)
    return tuple(result)
