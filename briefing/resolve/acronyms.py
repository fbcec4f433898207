"""Acronyms: "Hayat Tahrir al-Sham (HTS)" makes HTS a name of Hayat Tahrir al-Sham
when its letters are the name's initials; failing a definition, an all-capitals name
stands for the one name in the corpus whose initials it spells (UN → United Nations).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..records import ORG, ArticleExtraction, Mention, Sentence
from .names import display, initials, name_key

ACRONYM_MIN, ACRONYM_MAX = 2, 6
_ACRONYM_AFTER = re.compile(rf"\s*\(([A-Z]{{{ACRONYM_MIN},{ACRONYM_MAX}}})\)")
_ACRONYM_WORD = re.compile(rf"[A-Z]{{{ACRONYM_MIN},{ACRONYM_MAX}}}")
ACRONYM_GAP = 4
"""Characters allowed between a name and the parenthesis of its acronym, with the
parentheses themselves: " (HTS)"."""
ACRONYM_MIN_SHARED = 0.5
"""Share of an acronym's letters that must be initials of the name before it: the
acronym of a name in another language ("Democratic Union Party (PYD)", Kurdish
Partiya Yekitiya Demokrat) shares some; "Syrian Observatory (AP)" shares none."""
Paragraphs = Mapping[tuple[str, int], str]
"""(article id, paragraph index) → paragraph text."""


def is_acronym(text: str) -> bool:
    """A name written as an acronym: two to six capitals ("HTS")."""
    return bool(_ACRONYM_WORD.fullmatch(text))


def _spells(acronym: str, name: str) -> bool:
    found = initials(name)
    if len(name.split()) < 2:
        return False
    if found == acronym:
        return True
    return sum(1 for c in acronym if c in found) >= ACRONYM_MIN_SHARED * len(acronym)


def defined_acronyms(
    paragraphs: Paragraphs, extractions: Sequence[ArticleExtraction]
) -> dict[str, str]:
    """Acronym → the name it stands for, from "Full Name (ACR)" in the text, when enough
    of its letters are the name's initials (first definition wins)."""
    exact: dict[str, str] = {}
    partly: dict[str, str] = {}
    for extraction in extractions:
        for m in extraction.mentions:
            after = paragraphs[(m.article_id, m.paragraph)][
                m.end : m.end + ACRONYM_MAX + ACRONYM_GAP
            ]
            match = _ACRONYM_AFTER.match(after)
            if match and _spells(match[1], display(m.text)):
                exactly = initials(display(m.text)) == match[1]
                (exact if exactly else partly).setdefault(match[1], m.text)
    # A name whose initials are exactly the acronym wins over one sharing some of them:
    # "Iranian Revolutionary Guard Corps" over "Revolutionary Guard Corps" for IRGC.
    return {**partly, **exact}


def acronym_keys(defined: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Acronym key → (full-name key, acronym) for "Full Name (ACR)" in the text."""
    return {name_key(acronym): (name_key(full), acronym) for acronym, full in defined.items()}


def with_acronym_mentions(
    paragraphs: Paragraphs, extractions: Sequence[ArticleExtraction], defined: Mapping[str, str]
) -> tuple[ArticleExtraction, ...]:
    """Every use of an acronym the text defines ("Hayat Tahrir al-Sham (HTS)") becomes
    a mention, even where the tagger missed it ("HTS and their allies")."""
    if not defined:
        return tuple(extractions)
    pattern = re.compile(r"\b(" + "|".join(sorted(defined)) + r")\b")
    result = []
    for extraction in extractions:
        taken = {(m.paragraph, i) for m in extraction.mentions for i in range(m.start, m.end)}
        added = [
            mention
            for sentence in extraction.sentences
            for mention in _acronym_uses(extraction.article_id, sentence, paragraphs, pattern)
            if (sentence.paragraph, mention.start) not in taken
        ]
        mentions = sorted((*extraction.mentions, *added), key=lambda m: (m.paragraph, m.start))
        result.append(replace(extraction, mentions=tuple(mentions)))
    return tuple(result)


def _acronym_uses(
    article_id: str, sentence: Sentence, paragraphs: Paragraphs, pattern: re.Pattern[str]
) -> list[Mention]:
    """Uses of the acronyms in a sentence, but not their definitions "(HTS)"."""
    text = paragraphs[(article_id, sentence.paragraph)]
    return [
        Mention(
            article_id,
            sentence.paragraph,
            sentence.index,
            match.start(),
            match.end(),
            match[1],
            ORG,
        )
        for match in pattern.finditer(text, sentence.start, sentence.end)
        if text[match.start() - 1 : match.start()] != "("
    ]


def initialisms(surfaces: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Map an all-capitals key to the one multi-word name whose initials it spells
    ("UN" → United Nations when no other name has those initials)."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, surface in surfaces.items():
        if len(key.split()) > 1:
            by_initials[initials(surface)].append(key)
    found: dict[str, tuple[str, str]] = {}
    for key, surface in surfaces.items():
        if is_acronym(surface) and len(by_initials.get(surface, [])) == 1:
            found[key] = (by_initials[surface][0], surface)
    return found


def acronym_spelled_out(
    key: str, acronyms: Mapping[str, tuple[str, str]], known: Mapping[str, Counter[str]]
) -> str | None:
    """ "un security council" → "united nations security council" when the corpus spells
    UN out and also writes the longer name."""
    tokens = key.split()
    if len(tokens) < 2:
        return None
    spelled = " ".join(acronyms[t][0] if t in acronyms else t for t in tokens)
    return spelled if spelled != key and spelled in known else None
