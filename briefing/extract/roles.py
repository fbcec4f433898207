"""A person's title or role, read around a name in a parsed paragraph.

In order, the first that applies gives the role:

1. a lower-case **person noun** just before the name, with the words modifying it
   ("Aleppo resident", "spokesperson");
2. for a person, the **title run** just before the name ("Iranian Foreign Minister"),
   up to :data:`ROLE_MAX_TOKENS` capitalised words;
3. an **apposition** after the name headed by a person noun ("Dareen Khalifa, a
   researcher at the International Crisis Group").

For a name tagged as an organisation only 1 and 3 count: a person noun is what shows
the tagger was wrong.
"""

from __future__ import annotations

from spacy.tokens import Span

from .. import lexicon
from .labels import ORG, PERSON, TITLE_RUN_TYPES

TITLES = lexicon.word_set("titles")
PERSON_NOUNS = lexicon.word_set("person_nouns")
LEADING_ARTICLES = frozenset({"the", "a", "an"})
"""Articles trimmed from the start of a name or a role."""
ROLE_MAX_TOKENS = 5
"""Longest title run read before a person's name."""
APPOSITION_MAX_TOKENS = 14
"""Longest appositive role ("a researcher at the ... think tank") kept after a name."""
_ROLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def role(span: Span, label: str) -> str | None:
    """A person's title or role; for a name tagged as an organisation only a person
    noun counts, since it is what shows the tagger was wrong."""
    if label == PERSON:
        return _role_before(span) or _role_after(span)
    if label == ORG:
        return _person_noun_before(span) or _role_after(span)
    return None


def _person_noun_before(span: Span) -> str | None:
    """Stage 1: "Aleppo resident", "spokesperson": a lower-case person noun just before
    a name, with the words that modify it."""
    doc = span.doc
    start = span.start
    if not (start > 0 and doc[start - 1].lower_ in PERSON_NOUNS and doc[start - 1].is_lower):
        return None
    start -= 1
    while (
        start > 0
        and doc[start - 1].dep_ in ("compound", "amod")
        and doc[start - 1].head.i in range(start, span.start)
    ):
        start -= 1
    while start < span.start - 1 and doc[start].lower_ in LEADING_ARTICLES:
        start += 1
    return doc[start : span.start].text


def _role_before(span: Span) -> str | None:
    """Stages 1-2: a person noun with its modifiers, else the title run just before a
    name ("Iranian Foreign Minister" in "Iranian Foreign Minister Abbas Araghchi");
    None when there is none."""
    if noun_role := _person_noun_before(span):
        return noun_role
    doc = span.doc
    start = span.start
    while (
        start > 0
        and span.start - start < ROLE_MAX_TOKENS
        and doc[start - 1].pos_ in _ROLE_POS
        and (doc[start - 1].is_title or doc[start - 1].is_upper)
        and doc[start - 1].ent_type_ in TITLE_RUN_TYPES
        and not (doc[start - 1].is_sent_start and doc[start - 1].pos_ == "NOUN")
    ):
        start -= 1
    run = doc[start : span.start]
    # A place or nationality alone ("FRANCE 24’s Nasr") is not a title.
    return run.text if any(t.ent_type_ == "" for t in run) else None


def _role_after(span: Span) -> str | None:
    """Stage 3: a role in apposition after a name, headed by a person noun: "a
    researcher at the International Crisis Group think tank" in "Dareen Khalifa, a
    researcher at ..."."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or not doc.has_annotation("DEP"):
        return None
    start = span.end + 1
    stop = start
    while stop < len(doc) and stop - start < APPOSITION_MAX_TOKENS and doc[stop].text not in ",.;:":
        stop += 1
    phrase = doc[start:stop]
    head = phrase.root
    if stop - start == APPOSITION_MAX_TOKENS:
        phrase = doc[start : head.i + 1]  # too long to show whole: "head" of "head of ..."
    if head.lower_ not in PERSON_NOUNS or head.head.i not in range(span.start, span.end):
        return None
    while phrase and phrase[0].lower_ in LEADING_ARTICLES:
        phrase = phrase[1:]
    return phrase.text or None
