"""Names as written, and the keys they are compared by.

A name's key ignores case, accents, hyphens and apostrophes, the dots of an
acronym ("U.S."), a generational suffix ("Jr."), a possessive owner written before
it ("Jordan's"), leading titles ("Mr", "President"), the Arabic article al-/el- inside
it and, for a place, a trailing place word ("province").
Spellings of one name (Araghchi/Araqchi, Dbeibah/Dbeiba) are told by
:func:`spelling_key` and :func:`same_spelled_name`. The words come from the lexicon
(``names.yml``, ``entities.yml``, ``romanisations.yml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from .. import lexicon
from ..records import Mention
from ..textutil import NICKNAME, alternation, fold
from .romanisation import respell, rules

HONORIFICS = lexicon.word_set("honorifics")
"""Titles that are courtesy, not a role worth showing."""
TITLES = lexicon.word_set("titles")
PERSON_NOUNS = lexicon.word_set("person_nouns")
INSTITUTION_HEADS = lexicon.word_set("institution_heads")
SITE_HEADS = lexicon.word_set("site_heads")
ARABIC_ARTICLES = lexicon.word_set("arabic_articles")
PLACE_WORDS = lexicon.word_set("place_type_words")
NAME_SUFFIXES = lexicon.word_set("name_suffixes")
NAME_NUMERALS = lexicon.word_set("name_numerals")
FEATURE_WORDS = lexicon.word_set("natural_feature_words")
ACTOR_KIND_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("military", lexicon.word_set("military_heads")),
    ("armed group", lexicon.word_set("armed_group_heads")),
    ("government", lexicon.word_set("government_heads")),
    ("media", lexicon.word_set("media_heads")),
)
"""Head words that say what kind of actor an organisation is, by kind, tried in order."""
GENERIC_HEADS = frozenset(word for _, heads in ACTOR_KIND_WORDS for word in heads)
_INSTITUTION_WORDS = GENERIC_HEADS | INSTITUTION_HEADS
_INITIAL_SKIP = lexicon.word_set("initial_skip_words")
NAMES_REMEMBERED = 1 << 18
"""Distinct names whose display form and key are kept once computed: each mention's
name is read by many passes (a large archive asks millions of times for a hundred
thousand names), and the answer depends on the name alone."""
_TOKEN = re.compile(r"[a-z0-9]+")
_VESSEL_PREFIX = re.compile(rf"^{alternation(lexicon.words('vessel_prefixes'))}\s+(?=\w)")
"""A ship's prefix, in capitals, before more of its name: "INS X" is X's key."""
_OWNER = re.compile(r"^(?:[\w.-]+\s+){0,2}[\w.-]+(?:'s|’s|'|’)\s+", re.U)
"""An owner written before a name: "Jordan’s" in "Jordan’s King Abdullah II", "FRANCE
24’s" in "FRANCE 24’s Nasr"."""
MIN_SPELLING_KEY = 5
"""Shorter names are not merged by spelling variants (too many namesakes)."""
SPELLING_SIMILARITY = 0.8
"""Two spellings of a name are one name only when this similar (Dbeibah/Dbeiba,
Mismari/Mesmari), on top of sharing their consonants; Hassan/Hussein are not."""
_VOWELS = re.compile(r"[aeiou]|y$")


def words_of(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits)."""
    return _TOKEN.findall(fold(text))


def is_title(word: str) -> bool:
    """ "President", "Col.", and hyphenated ranks ("Maj-Gen", "Lt-Col")."""
    return all(part.strip(".") in TITLES for part in fold(word).split("-"))


@functools.lru_cache(maxsize=NAMES_REMEMBERED)
def has_institution_word(name: str) -> bool:
    """ "Foreign Policy Research Institute", "Defence Ministry", "Free Syrian Army"."""
    return any(w in _INSTITUTION_WORDS for w in words_of(name))


def without_owner(surface: str) -> str:
    """The name without an owner written before it, unless the possessive is part of an
    institution's name ("People's Defence Force", "People's Liberation Army")."""
    match = _OWNER.match(surface) if len(surface.split()) > 1 else None
    if match is None:
        return surface
    rest = surface[match.end() :]
    if has_institution_word(rest):
        return surface  # "Jordan’s Foreign Ministry" is Jordan's; "People's" is part of it
    return rest


def _inner_title(surface: str) -> str | None:
    """Title words at the start of a name as written ("President" in "President Bashar
    al-Assad"), without courtesy titles; None when there are none."""
    words = without_owner(surface).split()
    if has_institution_word(" ".join(words)):
        return None  # "Foreign Policy Research Institute", "Defence Ministry"
    title: list[str] = []
    while len(words) > 1 and is_title(words[0]):
        title.append(words.pop(0))
    kept = [w for w in title if fold(w).strip(".") not in HONORIFICS]
    return " ".join(kept) or None


def role_of(mention: Mention) -> str | None:
    """The role written with a mention, courtesy titles ("Mr") left out."""
    words = f"{mention.role or ''} {_inner_title(mention.text) or ''}".split()
    kept = [w for w in words if fold(w).strip(".") not in HONORIFICS]
    return " ".join(kept) or None


def names_a_person(role: str) -> bool:
    """A role with a person noun or a title in it ("researcher at ...", "Foreign Minister")."""
    return any(w in PERSON_NOUNS or w in TITLES for w in words_of(role))


@functools.lru_cache(maxsize=NAMES_REMEMBERED)
def display(surface: str) -> str:
    """The surface form without a possessive owner or leading titles, case kept."""
    text = without_owner(surface)
    words = text.split()
    if has_institution_word(text):
        return text  # "Foreign Office", "Foreign Policy Research Institute": no title
    while len(words) > 1 and is_title(words[0]):
        words.pop(0)
    return " ".join(words)


def _joined_letters(tokens: list[str]) -> list[str]:
    """Runs of two or more single letters joined: "u s navy" → "us navy" (U.S. Navy is
    US Navy), "j k rowling" → "jk rowling"; a lone initial stays ("raj k chohan")."""
    joined: list[str] = []
    run = False  # whether the last joined token is made of single letters only
    for token in tokens:
        if len(token) == 1 and token.isalpha() and run:
            joined[-1] += token
        else:
            joined.append(token)
            run = len(token) == 1 and token.isalpha()
    return joined


@functools.lru_cache(maxsize=NAMES_REMEMBERED)
def name_key(surface: str, is_place: bool = False) -> str:
    """Normalised comparison key of a name; a quoted nickname inside it is no part of it
    (Vincent "The Chin" Gigante is Vincent Gigante), nor is a ship's prefix."""
    surface = _VESSEL_PREFIX.sub("", NICKNAME.sub(" ", surface).strip())
    tokens = _TOKEN.findall(fold(display(surface)).replace("’", "'").replace("'s", ""))
    tokens = [t for i, t in enumerate(tokens) if not (t in ARABIC_ARTICLES and i < len(tokens) - 1)]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]  # extraction trims it: "The Associated Press" is "Associated Press"
    if is_place and len(tokens) > 1 and tokens[-1] in PLACE_WORDS:
        tokens = tokens[:-1]
    tokens = _joined_letters(tokens)
    while not is_place and len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens = tokens[:-1]  # "Arcade Joseph Comeaux Jr." is "Arcade Joseph Comeaux"
    if not is_place and len(tokens) > 2 and tokens[-1] in NAME_NUMERALS:
        tokens = tokens[:-1]
    return " ".join(tokens)


_ARTICLE_WORDS = alternation(sorted(w.capitalize() for w in ARABIC_ARTICLES))
_ARTICLE_SPACED = re.compile(rf"(?<=\s){_ARTICLE_WORDS}[ -](?=[A-Z])")
"""Inside a name, an Arabic article written as a word or capitalised: "Abu Mohammed Al
Jawlani", "Bashar Al-Assad"."""
_ARTICLE_JOINED = re.compile(rf"(?<=\s){alternation(sorted(ARABIC_ARTICLES))}-(?=[A-Z])")
"""Inside a name, an Arabic article in lower case joined by a hyphen: "Bashar al-Assad"."""


def joins_articles(names: Iterable[str]) -> bool:
    """Whether the corpus writes the Arabic article inside names as "al-", more often
    than as "Al ": its house style, which display names then follow."""
    joined = spaced = 0
    for name in names:
        joined += len(_ARTICLE_JOINED.findall(name))
        spaced += len(_ARTICLE_SPACED.findall(name))
    return joined > spaced


def in_house_style(name: str, joined: bool) -> str:
    """A display name with its inner Arabic articles written "al-" when the corpus's
    house style joins them (:func:`joins_articles`): "Abu Mohammed al-Jawlani" beside
    "Bashar al-Assad". A name's first word stays as written ("Al Jazeera")."""
    if not joined:
        return name
    return _ARTICLE_SPACED.sub(lambda m: m.group(0)[:2].lower() + "-", name)


def initials(name: str) -> str:
    """The capitalised first letters of a name's words, small words left out."""
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _INITIAL_SKIP).upper()


def skeleton(token: str) -> str:
    """A name token's consonants (a final y counts as a vowel), without a final h:
    "dbeibah" and "dbeiba" → "dbb"; "araby" and "arabi" → "rb"; "arabiya" → "rby"."""
    return _VOWELS.sub("", token).rstrip("h")


def skeletons(key: str) -> str:
    """The skeleton of every word of a key."""
    return " ".join(skeleton(t) for t in key.split())


def same_spelled_name(a: str, b: str) -> bool:
    """Keys that are spellings of one name: same consonants, token by token, and similar."""
    ta, tb = a.split(), b.split()
    return (
        len(ta) == len(tb)
        and all(skeleton(x) == skeleton(y) and x[:1] == y[:1] for x, y in zip(ta, tb, strict=True))
        and SequenceMatcher(None, a, b).ratio() >= SPELLING_SIMILARITY
    )


def spelling_key(key: str) -> str:
    """A name key with transliteration alternatives reduced to one spelling."""
    return respell(key, rules("name_spelling_rules"))
