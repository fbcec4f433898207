"""Described actors: the phrases news names an actor with by what it is ("the Syrian
army", "government forces", "state media", "rebels"), found in one parsed paragraph.

Only the phrase is found here; which actor it stands for (whose army, which side) is
decided in :mod:`briefing.resolve.described`. A phrase is taken in numbered stages:

1. **head** (:func:`_is_head`): a noun that ends one of the lexicon's role phrases
   (``described_roles``), heading its own phrase ("the army said"), not modifying
   another noun ("army officers", "government-held") and not inside a name;
2. **modifiers** (:func:`_phrase_start`): the words before it that may say whose it is:
   a people's or a country's word ("Syrian", "US-backed"), a word of the lexicon
   ("government forces", "pro-government", "security forces"), or a name after "pro-"
   or "anti-" ("pro-Assad troops");
3. **owned by a name** (:func:`_owned_by_name`): a phrase right after a person's or an
   organisation's name ("HTS fighters", "Assad regime") or before "of" and one
   ("troops of the Government of National Unity") is that name's, already a mention,
   and is not taken; nor is one owned by a pronoun ("their forces").

Needs the parse: without it a head cannot be told from a modifier, and nothing is taken.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from .labels import ORG, PERSON

ROLE_PHRASES = {phrase for forms in lexicon.forms("described_roles").values() for phrase in forms}
HEAD_WORDS = frozenset(
    word for phrase in ROLE_PHRASES for word in [phrase.replace("-", " ").split()[-1]]
)
"""Last words of the role phrases: the nouns a description ends in."""
MODIFIER_WORDS = frozenset(
    word
    for name in (
        "described_home_words",
        "described_opposition_words",
        "described_branch_words",
    )
    for word in lexicon.words(name)
) | {word for phrase in ROLE_PHRASES for word in phrase.replace("-", " ").split()[:-1]}
"""Words that may stand before a head inside a description."""
JOINED_WORDS = lexicon.word_set("described_backing_words") | lexicon.word_set(
    "described_leading_words"
)
"""Words that stand in a description only joined by a hyphen ("Iran-backed",
"Kurdish-led"): alone they are verbs ("Russia backed the troops")."""
COUNTRY_LABELS = frozenset({"NORP", "GPE"})
"""Tags of the words that say whose an actor is ("Syrian", "US")."""
NAME_LABELS = frozenset({PERSON, ORG, "FAC", "LOC"})
MODIFYING_DEPS = frozenset({"compound", "amod", "nmod"})
"""A head in one of these relations modifies the noun after it ("army officers")."""
HYPHENS = frozenset({"-", "‐", "–"})
POSSESSIVES = frozenset({"'s", "’s"})
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her", "whose", "our", "your", "my"})
SIDE_PREFIXES = frozenset({"pro", "anti"})
MAX_MODIFIERS = 5
"""Words taken before a head at most ("US - backed Kurdish security forces")."""


def described_spans(doc: Doc) -> Iterator[Span]:
    """The described-actor phrases of one parsed paragraph, in order."""
    if not doc.has_annotation("DEP"):
        return
    for token in doc:
        if not _is_head(token):
            continue
        start = _phrase_start(token)
        if not _owned_by_name(doc, start) and not _of_a_name(token):
            yield doc[start : token.i + 1]


def _is_head(token: Token) -> bool:
    """Stage 1: a noun ending a role phrase, heading its own phrase."""
    if token.lower_ not in HEAD_WORDS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.ent_type_ in NAME_LABELS or token.ent_type_ in COUNTRY_LABELS:
        return False  # inside a name ("the Free Syrian Army"): the name's own mention
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is not None and following.text in HYPHENS:
        return False  # "government-held", "rebel-controlled"
    return not (token.dep_ in MODIFYING_DEPS and token.head.i > token.i)


def _phrase_start(head: Token) -> int:
    """Stage 2: where the phrase ending at ``head`` starts."""
    doc, start = head.doc, head.i
    while (
        start > 0
        and head.i - start < MAX_MODIFIERS
        and (_may_modify(doc[start - 1]) or _after_side_prefix(doc, start - 1))
    ):
        start -= 1
    while start < head.i and doc[start].text in HYPHENS:
        start += 1  # a hyphen cannot open a phrase
    if start > 1 and doc[start - 1].text in POSSESSIVES and _is_country(doc[start - 2]):
        start -= 2  # "Russia's military"
    return start


def _after_side_prefix(doc: Doc, i: int) -> bool:
    """ "pro-Assad troops", "anti-Houthi forces": a name after "pro-" or "anti-" says
    whose side, not whose they are."""
    return (
        i > 1
        and doc[i - 1].text in HYPHENS
        and not doc[i - 1].whitespace_
        and doc[i - 2].lower_ in SIDE_PREFIXES
    )


def _is_country(token: Token) -> bool:
    return token.ent_type_ in COUNTRY_LABELS


def _may_modify(token: Token) -> bool:
    return (
        token.lower_ in MODIFIER_WORDS
        or _is_country(token)
        or (token.text in HYPHENS and not token.whitespace_)
        or (token.lower_ in JOINED_WORDS and _hyphen_before(token))
    )


def _hyphen_before(token: Token) -> bool:
    before = token.nbor(-1) if token.i > 0 else None
    return before is not None and before.text in HYPHENS and not before.whitespace_


def _of_a_name(head: Token) -> bool:
    """Stage 3: "forces of Khalifa Hifter", "troops of the GNU"."""
    doc, i = head.doc, head.i + 1
    if i >= len(doc) or doc[i].lower_ != "of":
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    return i < len(doc) and doc[i].ent_type_ in (PERSON, ORG)


def _owned_by_name(doc: Doc, start: int) -> bool:
    """Stage 3: a phrase right after a name or an owning pronoun is theirs."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in OWNER_PRONOUNS:
        return True
    if before.text in POSSESSIVES and start > 1:
        before = doc[start - 2]
    return before.ent_type_ in (PERSON, ORG)
