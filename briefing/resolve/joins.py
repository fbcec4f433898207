"""Joins: a name that is part of a longer one, or a typo of a frequent one, joins it.

1. **near spellings**: a name of two words or more spelled almost like another of the
   same kind ("Anre Iguodala", "Internationally Recognized Transit Corridor") joins it;
   run first, so that two spellings of one full name are one candidate below;
2. **partial names**: a name that is part of one longer name ("Hayat Tahrir",
   "Tahrir al-Sham", "Faisal bin Farhan", "Observatory") joins it: the one longer name
   in the same article, else the one in the corpus. Located places and acronyms stay;
3. **misspellings**: a one-word name seen once or twice that is a frequent word with
   two letters swapped ("Syrain" for "Syrian") or, in a long word, one letter moved,
   joins that name, or goes with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .. import lexicon
from ..records import NAME_ONLY_LABELS, ORG, Mention
from .acronyms import is_acronym
from .cues import Paragraphs, place_cues
from .described import names_a_role
from .grouping import run_together
from .groups import Group, Groups, copied, family, merge_groups, move_mentions
from .names import ARABIC_ARTICLES, FEATURE_WORDS, TITLES, has_institution_word, name_key

RULE_PARTIAL = "part of the one longer name that contains it"
PARTIAL_MAX_RATIO = 3
"""A name joins a longer one only when not more than this many times as frequent: a
rare longer form ("End Quote Bashar al-Assad", "UN-Arab League") is a run-on, not the
full name of a frequent shorter one."""
_FUNCTION_WORDS = lexicon.word_set("name_function_words") | ARABIC_ARTICLES
_NUMBER_WORDS = frozenset(lexicon.number_words())
"""A number in a name is part of it: "Three Brotherhood Alliance", "Group of Seven"."""
_POST_MODIFIERS = ("of", "for", "on")
MISSPELLING_MIN_MENTIONS = 5
"""A rare name is taken for a typo of a name at least this frequent..."""
MISSPELLING_MIN_RATIO = 5
"""... and at least this many times as frequent as the rare name."""
MISSPELLING_MAX_MENTIONS = 2
"""A name written more often than this is no slip of the pen."""
MISSPELLING_MOVED_MIN_LENGTH = 7
"""A word needs this many letters for the same letters in another order to be a typo;
shorter ones are often two names ("Amir"/"Amri")."""
MISSPELLING_SAME_START = 3
"""Letters a moved-letter typo keeps at the start."""
NEAR_SPELLING_MIN_SCORE = 95.0
"""Name similarity (rapidfuzz ratio, 0-100) at which two names of two words or more,
of the same kind, with the same numbers in them, are one name spelled two ways
("Andre"/"Anre Iguodala", 96); below it they are only proposed for review."""
NEAR_SPELLING_MIN_WORD = 3
"""Letters a differing word needs for the difference to be a spelling slip; shorter
ones are initials or numbers."""
_DIGITS = re.compile(r"\d+")


def _sub_position(long: list[str], short: list[str]) -> int:
    """Where ``short`` occurs as a run of words in ``long``; -1 when it does not."""
    n = len(short)
    return next((i for i in range(len(long) - n + 1) if long[i : i + n] == short), -1)


def _extends_name(
    long: list[str],
    short: list[str],
    is_place: bool,
    lower: Counter[str],
    people: Counter[str] | None = None,
) -> bool:
    """``long`` is ``short`` with more of the same name, not a different thing named
    after it: "Hayat Tahrir" → "Hayat Tahrir al-Sham", "Revolutionary Guard Corps" →
    "Iranian Revolutionary Guard Corps", "New Lines Institute" → "... for Strategy and
    Policy", "Euphrates" → "Euphrates River"; but not "United Nations" → "United
    Nations Office", "Aleppo" → "Aleppo Industrial City" (words written in lower case,
    counted in ``lower``) or "Joshua Landis" → "Joshua Landis Syrian" (a word for a
    people, in ``people``, after the name)."""
    at = _sub_position(long, short)
    if at < 0 or len(long) == len(short):
        return False
    before, after = long[:at], long[at + len(short) :]
    if after and after[0] in _POST_MODIFIERS:
        after = []  # a post-modifier: "Institute for Strategy and Policy"
    if is_place and not before and len(after) == 1 and after[0] in FEATURE_WORDS:
        return True
    if people and any(people[w] for w in after):
        return False
    if has_institution_word(" ".join(after)):
        return False  # "United Nations Security Council" is a body of the United Nations
    return all(w in _FUNCTION_WORDS or w in _NUMBER_WORDS or not lower[w] for w in before + after)


@dataclass(frozen=True)
class _Index:
    """The groups' names as they were before any partial name joined another."""

    words: dict[str, list[str]]
    """Group key → its words."""
    known: dict[str, Counter[str]]
    """Name key of every mention → mentions per NER label."""
    names: dict[str, list[tuple[str, ...]]]
    """Group key → its key's words, then every multi-word name it is written as."""
    holding: dict[str, set[str]]
    """Word → keys of the groups with a name holding it."""
    keys_in_article: dict[str, set[str]]
    """Article id → keys of the groups mentioned in it (grows as names join)."""


def _index(groups: Groups) -> _Index:
    keys_in_article: dict[str, set[str]] = defaultdict(set)
    known: dict[str, Counter[str]] = defaultdict(Counter)
    for key, group in groups.items():
        for m in group.mentions:
            keys_in_article[m.article_id].add(key)
            known[name_key(m.text)][m.label] += 1
    words = {key: key.split() for key in groups}
    # Every multi-word name a group is written as: after merges a group's key can be
    # its short name ("assad") while "Bashar al-Assad" is one of its names.
    names = {
        key: [
            tuple(words[key]),
            *sorted(
                {
                    tuple(n.split())
                    for m in g.mentions
                    if " " in (n := name_key(m.text)) and not run_together(n, known)
                }
            ),
        ]
        for key, g in groups.items()
    }
    # A longer name must hold every word of the short one, so only groups in all the
    # short name's entries are compared.
    holding: dict[str, set[str]] = defaultdict(set)
    for k, written in names.items():
        for name in written:
            for word in name:
                holding[word].add(k)
    return _Index(words, known, names, holding, keys_in_article)


def _may_be_part(key: str, group: Group, lower: Counter[str]) -> bool:
    if group.place is not None or key in TITLES or not key:
        return False
    if " " not in key and lower[key] >= len(group.mentions):
        return False  # "State": a common word, not a part of "Islamic State"
    if any(is_acronym(m.text) for m in group.mentions) or group.kept_apart():
        return False
    if names_a_role(group.name()):
        return False  # "Syrian Army" is the army, not a part of "Free Syrian Army"
    return group.top_label() not in NAME_ONLY_LABELS  # "Syrian" in "Kofi Annan - Syrian"


def _longer_names(
    key: str,
    groups: dict[str, Group],
    index: _Index,
    lower: Counter[str],
    people: Counter[str],
    paragraphs: Paragraphs,
) -> list[str]:
    """Keys of the groups with a longer name that ``key`` is part of."""
    group = groups[key]
    is_place = not group.is_actor()
    # A place name joins a person's name only when nothing in the text says it
    # is a place: "Araghchi" tagged GPE joins Abbas Araghchi, "reached Hama" stays.
    any_kind = not is_place or not place_cues(group.mentions, paragraphs)
    short = index.words[key]
    candidates = set.intersection(*(index.holding.get(w, set()) for w in short))
    return [
        k
        # each candidate looked up, not every group scanned (set & dict walks the dict)
        for k in sorted(k for k in candidates if k in groups)
        if k != key
        and (
            len(group.mentions) <= PARTIAL_MAX_RATIO * len(groups[k].mentions)
            or _home_town_before(k, key, groups)
            or _post_modified(k, key)
        )
        # the word test first: it rules out almost every name, and the rest scan mentions
        and any(_extends_name(list(n), short, is_place, lower, people) for n in index.names[k])
        and not groups[k].name_only()
        and (any_kind or not groups[k].is_actor())
        and not run_together(k, index.known)
    ]


def _home_town_before(long: str, short: str, groups: Groups) -> bool:
    """ "Boston Red Sox" for "Red Sox": an organisation's name with the place it is from
    in front, which news drops after the first mention; however rare the longer form,
    it is no run-on."""
    if family(groups[short].votes()) != ORG or not long.endswith(" " + short):
        return False
    town = groups.get(long[: -len(short) - 1])
    return town is not None and not town.is_actor()


def _post_modified(long: str, short: str) -> bool:
    """ "Academy of Motion Picture Arts and Sciences" for "Academy": an institution's
    full name, its short name and a post-modifier ("of", "for" ...); however rare, no
    run-on."""
    return long.startswith(short + " ") and long.split()[len(short.split())] in _POST_MODIFIERS


def _ambiguous_first_name(
    target: str, key: str, in_corpus: list[str], groups: Groups, index: _Index
) -> bool:
    """A first name ("Bashar") joins a person in its article only when no other person
    in the corpus has that first name: two Bashars make it the reader's guess."""
    short = key.split()

    def first_name_of(k: str) -> bool:
        return any(
            _sub_position(list(n), short) == 0 and len(n) > len(short) for n in index.names[k]
        )

    if not groups[target].is_actor() or not first_name_of(target):
        return False
    return sum(1 for k in in_corpus if first_name_of(k)) > 1


def _innermost(keys: list[str], index: _Index) -> list[str]:
    """The longer names that hold no other of them: "Ellen DeGeneres Returns", a run-on
    of a headline, is no second candidate beside "Ellen DeGeneres"."""
    return [
        k
        for k in keys
        if not any(o != k and _sub_position(index.words[k], index.words[o]) >= 0 for o in keys)
    ]


def _join_by_article(key: str, fits: list[str], groups: dict[str, Group], index: _Index) -> None:
    """Move the group's mentions of each article to the one longer name there, or to
    the one in the corpus when its article has none."""
    in_corpus = [k for k in fits if k in groups]
    if not in_corpus:
        return
    innermost = _innermost(in_corpus, index)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in groups[key].mentions:
        by_article[m.article_id].append(m)
    for article_id, mentions in sorted(by_article.items()):
        local = [k for k in fits if k in index.keys_in_article[article_id] and k in groups]
        if len(local) == 1 and _ambiguous_first_name(local[0], key, innermost, groups, index):
            continue
        if len(local) == 1:
            target, where = local[0], "in the same article"
        elif not local and len(innermost) == 1 and innermost[0] in groups:
            target, where = innermost[0], "in the corpus"
        else:
            continue
        move_mentions(groups, key, target, mentions, f"{RULE_PARTIAL}, {where}")
        index.keys_in_article[article_id].add(target)
        if key not in groups:
            break


def join_partial_names(
    groups: Groups, lower: Counter[str], people: Counter[str], paragraphs: Paragraphs
) -> dict[str, Group]:
    """Stage 2: a name that is part of one longer name joins it, shortest names first."""
    groups = copied(groups)
    index = _index(groups)
    for key in sorted(groups, key=lambda k: (len(index.words[k]), k)):
        group = groups.get(key)
        if group is None or not _may_be_part(key, group, lower):
            continue
        fits = _longer_names(key, groups, index, lower, people, paragraphs)
        _join_by_article(key, fits, groups, index)
    return groups


def _transpositions(word: str) -> Iterator[str]:
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _same_letters(key: str) -> tuple[str, str]:
    """A one-word name's first letters, and all its letters sorted: a typo that moves a
    letter ("Klitchsko") keeps both."""
    return key[:MISSPELLING_SAME_START], "".join(sorted(key))


def _misspelled(
    key: str, counts: Counter[str], letters: Mapping[tuple[str, str], list[str]]
) -> str | None:
    """The frequent name ``key`` is a typo of: two letters swapped ("Syrain"), or, in a
    long word, the same letters with one moved ("Klitchsko" for "Klitschko"); None."""
    least = max(MISSPELLING_MIN_MENTIONS, MISSPELLING_MIN_RATIO * counts[key])
    swapped = next((t for t in _transpositions(key) if counts[t] >= least), None)
    if swapped or len(key) < MISSPELLING_MOVED_MIN_LENGTH:
        return swapped
    moved = [t for t in letters.get(_same_letters(key), ()) if t != key and counts[t] >= least]
    return moved[0] if len(moved) == 1 else None


def _holders(groups: Groups) -> dict[str, str]:
    """Each one-word name key written → the group most of its mentions are in: a
    surname alone is in the person's group by now."""
    held: dict[str, Counter[str]] = defaultdict(Counter)
    for key, group in groups.items():
        for m in group.mentions:
            if " " not in (written := name_key(m.text)):
                held[written][key] += 1
    return {written: by.most_common(1)[0][0] for written, by in held.items()}


def join_misspellings(groups: Groups, people: Counter[str]) -> dict[str, Group]:
    """Stage 3: a one-word name seen once or twice that is a frequent word misspelled
    (:func:`_misspelled`) is a typo: it joins that name, or goes with it when the word is
    a nationality. Only such slips: "Iran"/"Iraq" and "Hama"/"Hamas" differ otherwise
    and stay apart; so does a name the text puts in a place context."""
    groups = copied(groups)
    counts = Counter({k: len(g.mentions) for k, g in groups.items()}) + people
    letters: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in sorted(counts):
        if " " not in k:
            letters[_same_letters(k)].append(k)
    holder = _holders(groups)
    rare = (k for k, g in groups.items() if len(g.mentions) <= MISSPELLING_MAX_MENTIONS)
    for key in sorted(k for k in rare if " " not in k):
        if key not in groups or (groups[key].place is not None and groups[key].cues):
            continue
        target = _misspelled(key, counts, letters)
        if target is None:
            continue
        target = holder.get(target, target)  # "Klitschko" is Wladimir Klitschko's now
        if target not in groups:
            del groups[key]  # a people's name misspelled ("Syrain" for "Syrian")
        elif groups[target].is_actor() == groups[key].is_actor():
            merge_groups(groups, [target, key], f"misspelling of {target!r}")
        # else "Irna" (the agency IRNA) is not "Iran" misspelled
    return groups


def _near_spelling_candidates(groups: Groups) -> Iterator[tuple[str, str]]:
    """Pairs of keys of two words or more that share their first or their last word
    (one spelling slip leaves the other alone), each pair once."""
    blocks: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in sorted(groups):
        words = key.split()
        if len(words) > 1:
            blocks[(0, words[0])].append(key)
            blocks[(-1, words[-1])].append(key)
    seen: set[tuple[str, str]] = set()
    for keys in blocks.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                if (first, second) not in seen:
                    seen.add((first, second))
                    yield first, second


def _slip_apart(first: str, second: str) -> bool:
    """As many words, and the words that differ are words, not initials ("George W."
    and "George H. W." are two people, not one spelled two ways)."""
    a, b = first.split(), second.split()
    return len(a) == len(b) and all(
        min(len(x), len(y)) >= NEAR_SPELLING_MIN_WORD for x, y in zip(a, b, strict=True) if x != y
    )


def _same_kind(a: Group, b: Group) -> bool:
    """Of one kind, with the same numbers, and not put in two spots by the gazetteer."""
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    return a.top_label() == b.top_label() and _DIGITS.findall(a.key) == _DIGITS.findall(b.key)


def join_near_spellings(groups: Groups) -> dict[str, Group]:
    """Stage 1: a name of two words or more spelled almost like another of
    the same kind (:data:`NEAR_SPELLING_MIN_SCORE`) joins it."""
    from rapidfuzz import fuzz

    groups = copied(groups)
    for first, second in list(_near_spelling_candidates(groups)):
        if first not in groups or second not in groups:
            continue  # already merged into another
        if (
            fuzz.ratio(first, second) >= NEAR_SPELLING_MIN_SCORE
            and _slip_apart(first, second)
            and _same_kind(groups[first], groups[second])
        ):
            merge_groups(groups, [first, second], "the same name spelled almost alike")
    return groups
