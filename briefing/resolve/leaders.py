"""Who leads a described actor: "insurgents led by Hayat Tahrir al-Sham", "rebels,
spearheaded by HTS" (part of the resolve stage, once entities exist).

A described actor's mention followed, within :data:`LEADER_REACH` characters and
before any other name, by a leading verb ("led", "headed", "spearheaded",
``leading_verbs``) and "by" and then a named actor, is led by that actor. Each leader
is counted, with where it was first said, most often said first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from .. import lexicon
from ..records import ArticleExtraction, Citation, Entity, Leader
from ..textutil import alternation
from .cues import Paragraphs
from .groups import Where, where

LEADER_REACH = 60
"""Characters between a described actor and the name of who leads it, at most."""
_LED_BY = re.compile(
    rf"^,?\s+(?:(?:which|who)\s+(?:is|are|were|was)\s+)?"
    rf"{alternation(sorted(lexicon.verb_form_set('leading_verbs')))}\s+by\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}?$",
    re.I,
)


def with_leaders(
    entities: Sequence[Entity],
    extractions: Sequence[ArticleExtraction],
    mention_entity: Mapping[Where, str],
    paragraphs: Paragraphs,
) -> tuple[Entity, ...]:
    """The entities, each described actor with the named actors said to lead it."""
    by_id = {e.id: e for e in entities}
    counts: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], Citation] = {}
    for e in extractions:
        named = [m for m in e.mentions if where(m) in mention_entity]  # not "Islamist"
        for m, following in pairwise(named):
            led, leader = mention_entity.get(where(m)), mention_entity.get(where(following))
            if not (led and leader and led != leader and by_id[led].described):
                continue
            if by_id[leader].described or by_id[leader].group != "actor":
                continue
            between = paragraphs.get((m.article_id, m.paragraph), "")[m.end : following.start]
            if (
                following.paragraph == m.paragraph
                and len(between) <= LEADER_REACH
                and _LED_BY.match(between)
            ):
                counts.setdefault(led, Counter())[leader] += 1
                first.setdefault((led, leader), Citation(m.article_id, m.paragraph))
    return tuple(
        replace(e, led_by=_leaders(counts[e.id], first, e.id)) if e.id in counts else e
        for e in entities
    )


def _leaders(
    counts: Counter[str], first: Mapping[tuple[str, str], Citation], led: str
) -> tuple[Leader, ...]:
    return tuple(
        Leader(leader, n, first[(led, leader)])
        for leader, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )
