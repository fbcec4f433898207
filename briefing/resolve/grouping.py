"""Grouping: every mention filed under its name's key, with the rules that send one
key to another, and spellings of one name merged.

1. **normalised name**: mentions with the same :func:`~briefing.resolve.names.name_key`
   are one group, unless the user's ``aliases.yml`` keeps a name apart;
2. **run-on names**: a span the tagger ran from one name into another ("Jeremy Bowen
   BBC News") or into a common word ("Hama Heavy") goes to the name it starts with;
3. **acronyms**: an acronym joins the name it stands for (:mod:`.acronyms`), and an
   acronym inside a name is spelled out ("UN Security Council");
4. **short name**: an actor's surname or trailing part ("Assad") joins the one full
   person name that ends with it in the same article, or, failing that, in the corpus;
5. **spellings**: names that differ only by transliteration, of the same kind, are
   one; so are people's full names spelled with other vowels (Mismari/Mesmari);
6. **middle names**: people's names that differ only by a middle name or initial.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..records import (
    ACTOR_LABELS,
    DESCRIBED,
    NAME_ONLY_LABELS,
    ORG,
    PERSON,
    ArticleExtraction,
    Corpus,
    Mention,
)
from ..textutil import fold
from .acronyms import acronym_keys, acronym_spelled_out, initialisms
from .cues import Paragraphs, place_cues
from .groups import RULE_KEPT_APART, Group, Groups, copied, family, merge_groups
from .names import (
    FEATURE_WORDS,
    GENERIC_HEADS,
    MIN_SPELLING_KEY,
    PLACE_WORDS,
    SITE_HEADS,
    TITLES,
    display,
    has_institution_word,
    name_key,
    same_spelled_name,
    skeletons,
    spelling_key,
)

RULE_NORMALISED = "same name once case, accents, hyphens, titles and al-/el- are ignored"
RULE_SPELLING = "spelling variant (common transliteration alternatives)"
RULE_MIDDLE_NAME = "same first name and surname; a middle name or initial left out"
SHORT_NAME_MAX_PLACE_SHARE = 0.1
"""A short name written in a place context ("reached Hama") more often than this share
is not a surname."""
SHORT_NAME_MAX_PLACE_TAGS = 0.5
"""A short name the text seldom puts in a place context may still be tagged a place
this often and be a surname: the tagger often calls a surname alone a town."""
SHORT_NAME_DOMINANCE = 0.8
"""Share of mentions a full name needs to claim a short name that other full names share."""
RUN_ON_MIN_LOWER = 2
"""A name's last word written in lower case this often elsewhere is a word the name
ran into ("Hama Heavy", "Houla Activists"), not part of it."""
_NAME_MAKING_WORDS = PLACE_WORDS | FEATURE_WORDS | SITE_HEADS
"""Words names are made of ("Gulf", "Airport"): never cut off as a run-on word."""
_LOWER_WORD = re.compile(r"(?<![\w/.@-])[a-z]+(?![\w/@-]|[.-]\w)")
"""A word in lower case in running text; not part of a web address, an e-mail or a
hyphenated slug ("lindsay-lohan-checks-into-rehab"), which lower-case names too."""
_WEB_ADDRESS = re.compile(r"https?\s*:\s*/\s*/|\bwww\s*\.", re.I)
Votes = Mapping[str, Counter[str]]
"""Name key → mentions per NER label."""


def lower_case_words(corpus: Corpus) -> Counter[str]:
    """How often each word is written in lower case in the corpus's extracted text,
    outside paragraphs holding a web address (its words are a slug's, even when the
    address is written with spaces: "www. example. com / lindsay - lohan")."""
    return Counter(
        word
        for a in corpus.articles
        for p in a.paragraphs
        if not _WEB_ADDRESS.search(p.text)
        for word in _LOWER_WORD.findall(p.text)
    )


def run_together(key: str, known: Votes) -> str | None:
    """A span the tagger ran from one name into another, across a byline, caption or
    sentence; returns the key of the name it stands for, or None:

    - "assad manaf tlas" → "manaf tlas": a name run into a person's full name that
      the corpus also writes alone;
    - "baba amr syria", "bbc moscow", "judeh jordanian" → the first: an actor's name
      followed by a place or a people (a person's of two words or more before a place:
      "Samer Hama" is a name);
    - "jeremy bowen bbc news" → "jeremy bowen": a person's full name followed by an
      organisation's (two words or more each).

    Place-then-organisation ("Damascus University") and people-then-organisation
    ("Syrian National Council") are how names are made, and stay.
    """
    tokens = key.split()
    whole_person = key in known and family(known[key]) == PERSON
    for n in range(1, len(tokens)):
        first, rest = " ".join(tokens[:n]), " ".join(tokens[n:])
        if first not in known or rest not in known:
            continue
        head, tail = family(known[first]), family(known[rest])
        if tail == PERSON and len(tokens) - n >= 2:
            return rest
        if whole_person and len(tokens) == 2:
            continue  # "Lindsay Lohan", tagged a person: a given name and a surname
        if (
            head in ACTOR_LABELS
            and (tail == "people" or (tail == "place" and (head == ORG or n >= 2)))
            and not has_institution_word(rest)
        ):
            return first  # not "Samer Hama": a one-word name before a place is a person's
        if head == PERSON and tail == ORG and n >= 2 and len(tokens) - n >= 2:
            return first
    return None


def _strippable(word: str, known: Votes, lower: Counter[str]) -> bool:
    """A common word the tagger may take into a name: written in lower case elsewhere
    more often than as a name of its own ("checks", not "lohan", which web addresses
    write in lower case too), and not a word names are made of (institution, place,
    feature or site words)."""
    as_name = sum(known[word].values()) if word in known else 0
    return (
        lower[word] >= RUN_ON_MIN_LOWER
        and lower[word] > as_name
        and not has_institution_word(word)
        and word not in _NAME_MAKING_WORDS
    )


def _runs_into_words(key: str, known: Votes, lower: Counter[str]) -> str | None:
    """A known name with common words the tagger took in from a headline or a run-on
    sentence, which the corpus also writes alone; returns the name's key, or None:

    - "hama heavy" → "hama", "lindsay lohan checks into rehab" → "lindsay lohan":
      words after any known name (not a people's);
    - "hire maurice cheeks" → "maurice cheeks": words before a person's full name
      (two words or more; an institution's name is made of common words: "Free Syrian
      Army" stays).

    A span tagged as a person keeps two words at least ("Lindsay Lohan" is not cut to
    "Lindsay", whatever web addresses write in lower case). The longest name wins."""
    tokens = key.split()
    person = key in known and family(known[key]) == PERSON
    for size in range(len(tokens) - 1, 1 if person else 0, -1):
        for start in range(len(tokens) - size + 1):
            core = " ".join(tokens[start : start + size])
            if core not in known or family(known[core]) == "people":
                continue
            before, after = tokens[:start], tokens[start + size :]
            if before and (family(known[core]) != PERSON or size < 2 or has_institution_word(key)):
                continue
            if all(_strippable(w, known, lower) for w in before + after):
                return core
    return None


def _ends_with_name(full: str, short: str) -> bool:
    """``full`` ends with ``short`` as written or in another spelling of it."""
    if full.endswith(" " + short):
        return True
    tail = " ".join(full.split()[-len(short.split()) :])
    return len(short) >= MIN_SPELLING_KEY and same_spelled_name(tail, short)


def _may_be_short_name(key: str, votes: Counter[str]) -> bool:
    """A surname-like key: a person's name, or one word tagged as an actor; never a
    generic word ("Army", "Council") that many full names end with."""
    tokens = key.split()
    if any(t in TITLES or t in GENERIC_HEADS for t in tokens):
        return False
    top = votes.most_common(1)[0][0]
    if top in NAME_ONLY_LABELS:
        return False  # "Syrian": a people, not a surname
    places = sum(n for label, n in votes.items() if label not in ACTOR_LABELS | NAME_ONLY_LABELS)
    if places >= SHORT_NAME_MAX_PLACE_TAGS * sum(votes.values()):
        return False  # "Hama", tagged a place mostly, is not Samer Hama's surname
    return top == PERSON or (len(tokens) == 1 and any(label in ACTOR_LABELS for label in votes))


def _short_name_targets(
    label_votes: Votes, person_keys: set[str], run_on: Mapping[str, str]
) -> dict[str, list[str]]:
    """For each short actor key, the longer person keys ending with it (or with another
    spelling of it). Longer keys are indexed by the consonants of their last words, so
    this stays linear in the number of names."""
    by_tail: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in person_keys:
        if key in run_on:
            continue
        tokens = key.split()
        for n in range(1, len(tokens)):
            by_tail[(n, skeletons(" ".join(tokens[-n:])))].append(key)
    targets: dict[str, list[str]] = {}
    for key in label_votes:
        if any(t in TITLES or t in GENERIC_HEADS for t in key.split()):
            continue
        tail = (len(key.split()), skeletons(key))
        candidates = sorted(
            k for k in by_tail.get(tail, []) if k != key and _ends_with_name(k, key)
        )
        if candidates:
            targets[key] = candidates
    return targets


def _short_name_target(
    key: str, candidates: list[str], article_keys: set[str], votes: Votes
) -> tuple[str, str] | None:
    """Pick the full name a short name stands for, or None when unsure.

    A full name in the same article wins if it is the only one there, whatever the
    tagger called the short name (a surname is often tagged a place or a people); two
    there make the short name ambiguous. With none there, the corpus decides, for a
    surname-like key only (:func:`_may_be_short_name`): the only candidate, or one that
    holds :data:`SHORT_NAME_DOMINANCE` of the candidates' mentions.
    """
    local = [k for k in candidates if k in article_keys]
    if len(local) == 1:
        return local[0], "in the same article"
    if local or not _may_be_short_name(key, votes[key]):
        return None
    if len(candidates) == 1:
        return candidates[0], "the only such name in the corpus"
    counts = {k: sum(votes[k].values()) for k in candidates}
    top = max(candidates, key=lambda k: (counts[k], k))
    if counts[top] >= SHORT_NAME_DOMINANCE * sum(counts.values()):
        return top, "by far the most mentioned such name in the corpus"
    return None


def _last_of_chains(run_on: dict[str, str]) -> dict[str, str]:
    """Each run-on key sent to the end of its chain: "lindsay lohan checks out" runs
    into "lindsay lohan checks", itself a run-on of "lindsay lohan"."""
    ends = {}
    for key, target in run_on.items():
        seen = {key}
        while target in run_on and target not in seen:
            seen.add(target)
            target = run_on[target]
        ends[key] = target
    return ends


@dataclass(frozen=True)
class _CorpusNames:
    """What the corpus's names tell about each key, read before any mention is filed."""

    base_key: dict[int, str]
    """id of a mention → its own name key."""
    votes: dict[str, Counter[str]]
    """Name key → mentions per NER label."""
    acronyms: dict[str, tuple[str, str]]
    """Acronym key → (full-name key, acronym)."""
    short: dict[str, list[str]]
    """Short name key → the full person names ending with it."""
    keys_in_article: dict[str, set[str]]
    """Article id → name keys written in it."""
    run_on: dict[str, str]
    """Key of a span the tagger ran into another name or common words → the key of the
    name it stands for (:func:`run_together`, :func:`_runs_into_words`)."""
    placed: frozenset[str]
    """Short name keys the text puts in a place context ("reached Hama") more often
    than :data:`SHORT_NAME_MAX_PLACE_SHARE` of the time: place names, not surnames,
    whatever the tagger said of each mention ("interest in Teixeira" is rare)."""


def _corpus_names(
    mentions: Sequence[Mention],
    defined: Mapping[str, str],
    lower: Counter[str],
    paragraphs: Paragraphs,
) -> _CorpusNames:
    base_key = {id(m): name_key(m.text, m.label not in ACTOR_LABELS) for m in mentions}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    keys_in_article: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        votes[base_key[id(m)]][m.label] += 1
        keys_in_article[m.article_id].add(base_key[id(m)])
    person_keys = {k for k, v in votes.items() if v.most_common(1)[0][0] == PERSON}
    surfaces = {base_key[id(m)]: display(m.text) for m in reversed(mentions)}
    acronyms = {**initialisms(surfaces), **acronym_keys(defined)}
    run_on = _last_of_chains(
        {
            k: rest
            for k in votes
            if (rest := run_together(k, votes) or _runs_into_words(k, votes, lower))
        }
    )
    short = _short_name_targets(votes, person_keys, run_on)
    of_short: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if base_key[id(m)] in short:
            of_short[base_key[id(m)]].append(m)
    placed = frozenset(
        k
        for k, ms in of_short.items()
        if place_cues(ms, paragraphs, True) > SHORT_NAME_MAX_PLACE_SHARE * len(ms)
    )
    return _CorpusNames(base_key, votes, acronyms, short, keys_in_article, run_on, placed)


def _filed_under(m: Mention, names: _CorpusNames, keep_apart: frozenset[str]) -> tuple[str, str]:
    """The key a mention is filed under, and the rule that sent it there."""
    key, votes = names.base_key[id(m)], names.votes
    if fold(display(m.text)) in keep_apart:
        return key, RULE_KEPT_APART
    if rest := names.run_on.get(key):
        return rest, f"{display(m.text)!r} runs {rest!r} into another name or word"
    if spelled := acronym_spelled_out(key, names.acronyms, votes):
        return spelled, "an acronym in the name spelled out"
    if key in names.acronyms:
        full, acronym = names.acronyms[key]
        return full, f"acronym {acronym} spells the initials of the full name"
    if (
        key in names.short
        and key not in names.placed
        and (
            found := _short_name_target(
                key, names.short[key], names.keys_in_article[m.article_id], votes
            )
        )
    ):
        full, where = found
        return full, f"short name {display(m.text)!r} joins the full name ending with it, {where}"
    return key, RULE_NORMALISED


def group_mentions(
    extractions: Sequence[ArticleExtraction],
    keep_apart: frozenset[str],
    lower: Counter[str],
    defined: Mapping[str, str],
    paragraphs: Paragraphs,
) -> dict[str, Group]:
    """Stages 1-4: every mention in its group, by key; ``defined`` holds the acronyms
    the text spells out, ``lower`` the words written in lower case, ``paragraphs`` the
    text around each mention."""
    # Described actors ("government forces") are grouped by what they describe (.described).
    mentions = [m for e in extractions for m in e.mentions if m.label != DESCRIBED]
    names = _corpus_names(mentions, defined, lower, paragraphs)
    groups: dict[str, Group] = {}
    for m in mentions:
        if not names.base_key[id(m)] or names.base_key[id(m)] in TITLES:
            continue  # a bare title ("Col.") names nobody
        key, rule = _filed_under(m, names, keep_apart)
        group = groups.setdefault(key, Group(key))
        group.mentions.append(m)
        group.rules.add(rule)
    return groups


def merge_spellings(groups: Groups) -> dict[str, Group]:
    """Stage 5: names that differ only by transliteration, of the same kind, are one;
    so are people's full names spelled with other vowels (Ahmed/Ahmad al-Mismari/Mesmari),
    and names written in one word or two (Trail Blazers/Trailblazers)."""
    groups = copied(groups)
    buckets: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(key) >= MIN_SPELLING_KEY and not group.name_only():
            # "Trail Blazers" and "Trailblazers": one name written in one word or two
            buckets[(spelling_key(key).replace(" ", ""), group.is_actor())].append(key)
    for keys in buckets.values():
        if len(keys) > 1:
            merge_groups(groups, keys, RULE_SPELLING)
    people: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(key.split()) > 1 and group.top_label() == PERSON:
            people[skeletons(key)].append(key)
    for keys in people.values():
        while len(keys) > 1:
            first, rest = keys[0], keys[1:]
            same = [k for k in rest if same_spelled_name(first, k)]
            if same:
                merge_groups(groups, [first, *same], RULE_SPELLING)
            keys = [k for k in rest if k not in same]
    return groups


def _middle(tokens: list[str]) -> str:
    """The first letters of a name's middle words: "w" for "george w bush", "" for none."""
    return "".join(t[0] for t in tokens[1:-1])


def merge_middle_names(groups: Groups) -> dict[str, Group]:
    """Stage 6: people's names that differ only by a middle name or initial are one
    ("Raj K. Chohan", "Raj Chohan"; "LuAnn Marie Johnson", "LuAnn Johnson"), unless two
    of them have middles that disagree ("George W. Bush", "George H. W. Bush"): then
    the bare name could be either, and all stay apart."""
    groups = copied(groups)
    people: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, group in groups.items():
        tokens = key.split()
        # "Raj K. Chohan" tagged an organisation: a middle initial only a person has
        initialled = len(tokens) > 2 and all(len(t) == 1 for t in tokens[1:-1])
        label = group.top_label()
        if len(tokens) > 1 and (label == PERSON or (initialled and label in ACTOR_LABELS)):
            people[(tokens[0], tokens[-1])].append(key)
    for keys in people.values():
        middles = {_middle(k.split()) for k in keys} - {""}
        if len(keys) > 1 and len(middles) <= 1:
            merge_groups(groups, keys, RULE_MIDDLE_NAME)
    return groups
