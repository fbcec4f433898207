"""Described actors: reading the phrases news names an actor with by what it is ("the
Syrian army", "government forces", "state media", "rebels", "police"; found by
:mod:`briefing.extract.described`), for :mod:`.described_groups`.

A phrase's role comes from its last words (``described_roles``), and whose it is from
the words before them:

1. **a country's word** ("Syrian", "US", "Russia's"; :mod:`.countries`) makes it that
   country's;
2. **an opposition word** ("opposition fighters", "anti-government forces") makes it
   the rebels';
3. **a people's word that is no country** ("Kurdish forces") makes it that people's,
   whose forces are its militias;
4. **a backer** ("Iran-backed militias") is kept apart from the owner; a country's
   militias are ones it backs;
5. **"government", "regime", "state" or "pro-…"**, or no word at all, make it the
   story's own country's; with no word at all it is *bare* ("the army"), and
   :mod:`.described_groups` decides whose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..textutil import fold
from .countries import country_of

ROLE_OF_PHRASE = {
    phrase.replace("-", " "): role
    for role, phrases in lexicon.forms("described_roles").items()
    for phrase in phrases
}
LONGEST_ROLE_PHRASE = max(len(p.split()) for p in ROLE_OF_PHRASE)
ROLE_WORDS = frozenset(w for phrase in ROLE_OF_PHRASE for w in phrase.split())
ROLE_WORDS = frozenset(w for phrase in ROLE_OF_PHRASE for w in phrase.split())
BARE_HEADS = frozenset(p.replace("-", " ") for p in lexicon.words("described_bare_heads"))
NAME_HEADS = frozenset(p.replace("-", " ") for p in lexicon.words("described_name_heads"))
HOME_WORDS = lexicon.word_set("described_home_words")
OPPOSITION_WORDS = lexicon.word_set("described_opposition_words")
OWNING_WORDS = HOME_WORDS | OPPOSITION_WORDS
"""Words that say whose a role phrase is from inside it ("state media", "opposition
fighters"), so that it may stand alone."""
BACKING_WORDS = lexicon.word_set("described_backing_words")
LEADING_WORDS = lexicon.word_set("described_leading_words")
SIDES = lexicon.word_set("described_sides")
ARMED_ROLES = lexicon.word_set("described_armed_roles")
REBELS = "rebels"
"""The role an opposition word turns an armed role into."""
MILITIAS = "militias"
"""The role of a people's forces ("Kurdish forces") and of a country's backed ones."""
OPPOSITION_HEADS = frozenset({"fighters", "forces", "troops", "groups", "militias"})
"""Heads that an opposition word makes the rebels' even outside a role phrase
("anti-government fighters")."""
_WORD = re.compile(r"[^\W_]+(?:[.’'][^\W_]+)*\.?")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Described:
    """Whose actor a description names, and in what role."""

    role: str
    """The role (a key of ``described_roles``: "military", "government", "rebels" …)."""
    owner: str
    """Whose: a country's code, a people's word ("kurdish"), or empty for a side."""
    written: bool
    """Whether the owner is written in the phrase (not the story's own by default)."""
    backer: str = ""
    """A country's code or a people's word written as the backer ("Iran-backed")."""
    bare: bool = False
    """Whether no word says whose it is ("the navy said"): then it is the story's own
    country's, unless the story names another's of its role and not that one
    (:mod:`.described_groups`)."""

    def key(self) -> str:
        """The group key: never a name's key (it holds "|")."""
        return f"{self.role}|{self.owner}|{self.backer}"


def _role_and_modifiers(words: list[str]) -> tuple[str, int] | None:
    """(role, number of words before the role phrase), longest role phrase first."""
    folded = [fold(w) for w in words]
    for n in range(min(LONGEST_ROLE_PHRASE, len(words)), 0, -1):
        role = ROLE_OF_PHRASE.get(" ".join(folded[-n:]))
        if role is not None:
            phrase = folded[-n:]
            alone = " ".join(phrase) in BARE_HEADS or OWNING_WORDS & set(phrase)
            return (role, len(words) - n) if alone or n < len(words) else None
    if folded[-1] in OPPOSITION_HEADS and OPPOSITION_WORDS & set(folded[:-1]):
        return REBELS, len(words) - 1  # "anti-government fighters"
    return None


@dataclass
class _Owners:
    """What the words before a role say about whose it is."""

    country: str = ""
    """The code of the country a word names ("Syrian")."""
    people: str = ""
    """A people or a place that is no country ("kurdish", "franklin county")."""
    backer: str = ""
    """Who backs it ("Iran-backed", "pro-Russian"): a country's code or a word."""
    home: bool = False
    """A word makes it the story's own state's ("government forces", "pro-Assad")."""
    opposition: bool = False
    """A word makes it the armed opposition's ("opposition fighters")."""
    unknown: bool = False
    """The words say against whom, not whose ("anti-Houthi forces")."""


def _owners(words: list[str]) -> _Owners:
    found = _Owners()
    skip = False
    for i, word in enumerate(words):
        low, following = fold(word), fold(words[i + 1]) if i + 1 < len(words) else ""
        if skip:
            skip = False
            continue
        country = country_of(word)
        if following in BACKING_WORDS:
            found.backer, skip = country.code if country else low, True
        elif low in LEADING_WORDS:
            continue  # "Kurdish-led": the word before is the owner
        elif low == "pro":
            # "pro-government", "pro-Assad": the state's side; "pro-Russian": a backer
            country = country_of(words[i + 1]) if i + 1 < len(words) else None
            found.backer = country.code if country else found.backer
            found.home, skip = country is None, True
        elif low == "anti":
            # "anti-government": the rebels; "anti-Houthi": against whom, not whose
            found.opposition = following in HOME_WORDS
            found.unknown, skip = following not in HOME_WORDS, True
        elif low in OPPOSITION_WORDS:
            found.opposition = True
        elif low in HOME_WORDS:
            found.home = True
        elif country is not None:
            found.country = country.code
        elif word[:1].isupper() and low not in ROLE_WORDS:
            # "Kurdish forces", "Franklin County prosecutors": a people or a place that
            # is no country
            found.people = f"{found.people} {low}".strip()
    return found


def _words(text: str) -> list[str]:
    """A phrase's words as written, hyphens parting them, possessives off."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(text.replace("-", " "))]


def read_description(text: str, home: str) -> Described | None:
    """Stage 1: the actor a described phrase stands for, with ``home`` the code of the
    story's own country; None when it names no one actor ("officials", "their forces")."""
    words = _words(text)
    found = _role_and_modifiers(words) if words else None
    if found is None:
        return None
    role, n = found
    owners = _owners(words[:n])
    if owners.unknown:
        return None
    if owners.opposition:
        if role not in ARMED_ROLES:
            return None
        role = REBELS
    if role in SIDES:
        return Described(role, "", False)
    if owners.people:
        # "Syrian Kurdish forces": a people within a country is the more specific owner,
        # and its forces are its militias, whoever backs them.
        return Described(MILITIAS if role in ARMED_ROLES else role, owners.people, True)
    if role == MILITIAS:
        # A country's militias are ones it backs ("Iranian militias", "Iran-backed
        # militias"); the government's own are its side's ("pro-government militias").
        backer = owners.backer or owners.country
        if backer:
            return Described(role, "", False, backer)
    if owners.country:
        return Described(role, owners.country, True)
    # "government forces", "the Russian-backed government": the story's own; "the army"
    # too unless the text names another's (a story naming no country has one police).
    return Described(role, home, False, bare=not (owners.home or owners.backer))


def names_a_role(name: str) -> bool:
    """Whether a name is only a country's word and a role ("Syrian Army", "US Navy"):
    a described actor's, never a part of a longer name ("Free Syrian Army")."""
    words = _words(name)
    found = _role_and_modifiers(words) if words else None
    return found is not None and found[1] > 0 and all(country_of(w) for w in words[: found[1]])


def naming_head(text: str) -> str:
    """The role phrase a description ends in ("army" of "the Syrian army"), or ""."""
    words = _words(text)
    found = _role_and_modifiers(words) if words else None
    return " ".join(fold(w) for w in words[found[1] :]) if found else ""


def names_its_owner(text: str) -> bool:
    """ "Syrian army", "Turkish intelligence": a phrase that names an actor (its head is
    one of ``described_name_heads``, not "warplanes" or "strikes") and whose it is."""
    reading = read_description(text, "")
    return naming_head(text) in NAME_HEADS and reading is not None and reading.written
