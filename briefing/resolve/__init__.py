"""Resolve stage: group mentions into actors and places, date sentences, build days.

Names are merged in numbered stages, all rules kept in this module:

1. **normalised name**: case, accents, hyphens and apostrophes, a leading possessive
   owner ("Jordan's"), titles ("Mr", "President"), the Arabic article al-/el-,
   place words ("province", "city") are ignored when comparing names;
2. **acronyms**: "Hayat Tahrir al-Sham (HTS)" makes HTS an alias when its letters are
   the initials of the name; failing that, an all-capitals name joins the one name in
   the corpus whose initials it spells (UN → United Nations);
3. **short name**: an actor's surname or trailing part ("Assad") joins the one full
   person name that ends with it in the same article, or, failing that, in the corpus;
4. **one label per name**: a group's kind (actor or place) is decided by the votes
   of all its mentions, and every mention follows it; then places are located in
   the gazetteer (:mod:`briefing.locate`): a located name is a place whatever its
   labels, names of one gazetteer place are merged, and names only ever tagged
   NORP ("Syrian") are dropped unless they are places;
5. **curation**: the user's ``aliases.yml`` (see :mod:`briefing.curation`) merges,
   keeps apart, renames, re-kinds or drops entities, after every rule above.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from .. import lexicon
from ..records import (
    ACTOR_LABELS,
    NAME_ONLY_LABELS,
    Alias,
    ArticleExtraction,
    Briefing,
    Citation,
    Corpus,
    Entity,
    Mention,
    Proposal,
)
from ..textutil import RESERVED_IDS, fold, slugify
from .curation import Curation
from .dating import sentence_dating
from .days import build_days
from .events import build_events
from .gazetteer import Gazetteer, NoGazetteer, Place, comparable
from .locate import Candidate, locate
from .salience import with_salience
from .speakers import figure_claims, resolve_quotes
from .statements import CLAIM_CUES, build_statements

ARABIC_ARTICLES = frozenset({"al", "el"})
PLACE_WORDS = frozenset(
    {"province", "governorate", "city", "region", "district", "town", "village", "county"}
)
ACRONYM_MIN, ACRONYM_MAX = 2, 6
_ACRONYM_AFTER = re.compile(rf"\s*\(([A-Z]{{{ACRONYM_MIN},{ACRONYM_MAX}}})\)")
_ACRONYM_WORD = re.compile(rf"[A-Z]{{{ACRONYM_MIN},{ACRONYM_MAX}}}")
MIN_SPELLING_KEY = 5
"""Shorter names are not merged by spelling variants (too many namesakes)."""
ACRONYM_PERSON_MARGIN = 2
"""A name with an acronym alias is a person only with this many PERSON tags per ORG tag."""
COMMON_WORD_RATIO = 1.0
"""A one-word name written in lower case at least this many times per capitalised
mention is a common word."""
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
SHORT_NAME_MAX_PLACE_SHARE = 0.1
"""A short name tagged as a place more often than this share is not a surname."""
SHORT_NAME_DOMINANCE = 0.8
"""Share of mentions a full name needs to claim a short name that other full names share."""
_INITIAL_SKIP = frozenset({"of", "the", "for", "and", "al", "el", "de", "la", "du"})
_KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, region or city",
    "LOC": "location",
    "FAC": "site",
}
# Head words that say what kind of actor an organisation is (general English words).
ACTOR_KIND_WORDS = (
    ("military", {"army", "navy", "military", "airforce"}),
    ("armed group", {"force", "forces", "brigade", "brigades", "front", "militia", "militias", "regiment", "battalion",
                     "division", "corps", "guard", "guards", "mujahideen", "command", "legion"}),
    ("government", {"government", "ministry", "ministries", "cabinet", "parliament", "council", "presidency",
                    "administration", "senate", "congress", "embassy", "department", "office", "assembly", "commission"}),
    ("media", {"news", "tv", "television", "radio", "agency", "times", "post", "press", "journal", "herald",
               "gazette", "channel", "broadcasting", "fm", "media", "network", "observer", "tribune"}),
)  # fmt: skip


def actor_kind(name: str, label_kind: str, outlets: frozenset[str]) -> str:
    """Refine an organisation's kind from its name's words, or from being an outlet."""
    if label_kind != "organisation":
        return label_kind
    if fold(name) in outlets:
        return "media"
    words = set(_TOKEN.findall(fold(name).replace("air force", "airforce")))
    for kind, heads in ACTOR_KIND_WORDS:
        if words & heads:
            return kind
    return label_kind


_GENERIC_HEADS = frozenset(word for _, heads in ACTOR_KIND_WORDS for word in heads)
RULE_KEPT_APART = "kept apart by aliases.yml (split)"
RULE_NORMALISED = "same name once case, accents, hyphens, titles and al-/el- are ignored"
_TOKEN = re.compile(r"[a-z0-9]+")
_OWNER = re.compile(r"^(?:[\w.-]+\s+){0,2}[\w.-]+(?:'s|’s|'|’)\s+", re.U)
"""An owner written before a name: "Jordan’s" in "Jordan’s King Abdullah II", "FRANCE
24’s" in "FRANCE 24’s Nasr"."""


def _is_title(word: str) -> bool:
    """ "President", "Col.", and hyphenated ranks ("Maj-Gen", "Lt-Col")."""
    return all(part.strip(".") in TITLES for part in fold(word).split("-"))


def _without_owner(surface: str) -> str:
    """The name without an owner written before it, unless the possessive is part of an
    institution's name ("People's Defence Force", "People's Liberation Army")."""
    match = _OWNER.match(surface) if len(surface.split()) > 1 else None
    if match is None:
        return surface
    rest = surface[match.end() :]
    if has_institution_word(rest):
        return surface  # "Jordan’s Foreign Ministry" is Jordan's; "People's" is part of it
    return rest


HONORIFICS = lexicon.word_set("honorifics")
TITLES = lexicon.word_set("titles")
PERSON_NOUNS = lexicon.word_set("person_nouns")
INSTITUTION_HEADS = lexicon.word_set("institution_heads")
SITE_HEADS = lexicon.word_set("site_heads")
"""Titles that are courtesy, not a role worth showing."""


def _inner_title(surface: str) -> str | None:
    """Title words at the start of a name as written ("President" in "President Bashar
    al-Assad"), without courtesy titles; None when there are none."""
    words = _without_owner(surface).split()
    if has_institution_word(" ".join(words)):
        return None  # "Foreign Policy Research Institute", "Defence Ministry"
    title: list[str] = []
    while len(words) > 1 and _is_title(words[0]):
        title.append(words.pop(0))
    kept = [w for w in title if fold(w).strip(".") not in HONORIFICS]
    return " ".join(kept) or None


def _role(mention: Mention) -> str | None:
    """The role written with a mention, courtesy titles ("Mr") left out."""
    words = f"{mention.role or ''} {_inner_title(mention.text) or ''}".split()
    kept = [w for w in words if fold(w).strip(".") not in HONORIFICS]
    return " ".join(kept) or None


def _display(surface: str) -> str:
    """The surface form without a possessive owner or leading titles, case kept."""
    text = _without_owner(surface)
    words = text.split()
    if has_institution_word(text):
        return text  # "Foreign Office", "Foreign Policy Research Institute": no title
    while len(words) > 1 and _is_title(words[0]):
        words.pop(0)
    return " ".join(words)


def name_key(surface: str, is_place: bool = False) -> str:
    """Normalised comparison key of a name (stage 1)."""
    tokens = _TOKEN.findall(fold(_display(surface)).replace("’", "'").replace("'s", ""))
    tokens = [t for i, t in enumerate(tokens) if not (t in ARABIC_ARTICLES and i < len(tokens) - 1)]
    if is_place and len(tokens) > 1 and tokens[-1] in PLACE_WORDS:
        tokens = tokens[:-1]
    return " ".join(tokens)


def _initials(name: str) -> str:
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _INITIAL_SKIP).upper()


@dataclass
class _Group:
    """Mentions gathered under one key while resolving (private)."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    rules: set[str] = field(default_factory=set)
    place: Place | None = None
    cues: int = 0
    """Mentions in a place context ("in X", "the X district"), once counted."""

    def votes(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions)

    def is_actor(self) -> bool:
        if self.place is not None:
            return False
        few = len(self.mentions) < PLACE_CUE_MIN_MENTIONS
        share = 1.0 if few else PLACE_CUE_SHARE  # "the district of Bab Tuma", once
        if (
            self.cues
            and self.cues >= share * len(self.mentions)
            and not any(m.role for m in self.mentions)
            and not has_institution_word(self.key)
        ):
            return False  # "in Baba Amr", "the Baba Amr district": a place the gazetteer lacks
        votes = self.votes()
        if votes.most_common(1)[0][0] == "FAC" and any(m.syntax == "nsubj" for m in self.mentions):
            return True  # "the White Helmets said": a building or site does not act
        actor = sum(n for label, n in votes.items() if label in ACTOR_LABELS)
        # "Gen Dabi" is a person whatever the tag; so is "Makhlouf" in a group that
        # also holds "Rami Makhlouf" as a person: the surname of that person.
        people = {fold(m.text) for m in self.mentions if m.label == "PERSON" and " " in m.text}
        titled = sum(
            1
            for m in self.mentions
            if m.label not in ACTOR_LABELS
            and (
                (len(m.text.split()) > 1 and _is_title(m.text.split()[0]))
                or any(p.endswith(" " + fold(m.text)) for p in people)
            )
        )
        return actor + titled > sum(votes.values()) - actor - titled

    def kept_apart(self) -> bool:
        """Split off by the user's aliases.yml: no rule may join it to another name."""
        return any(rule.startswith(RULE_KEPT_APART) for rule in self.rules)

    def name_only(self) -> bool:
        """Only ever tagged with a candidate-only label (NORP)."""
        return all(m.label in NAME_ONLY_LABELS for m in self.mentions)


ACRONYM_MIN_SHARED = 0.5
"""Share of an acronym's letters that must be initials of the name before it: the
acronym of a name in another language ("Democratic Union Party (PYD)", Kurdish
Partiya Yekitiya Demokrat) shares some; "Syrian Observatory (AP)" shares none."""


def _spells(acronym: str, name: str) -> bool:
    initials = _initials(name)
    if len(name.split()) < 2:
        return False
    if initials == acronym:
        return True
    return sum(1 for c in acronym if c in initials) >= ACRONYM_MIN_SHARED * len(acronym)


def _paragraph_texts(corpus: Corpus) -> dict[tuple[str, int], str]:
    """(article id, paragraph index) → paragraph text, for the stages that read context."""
    return {(a.id, p.index): p.text for a in corpus.articles for p in a.paragraphs}


def _defined_acronyms(
    paragraphs: dict[tuple[str, int], str], extractions: Sequence[ArticleExtraction]
) -> dict[str, str]:
    """Acronym → the name it stands for, from "Full Name (ACR)" in the text, when enough
    of its letters are the name's initials (first definition wins)."""
    exact: dict[str, str] = {}
    partly: dict[str, str] = {}
    for extraction in extractions:
        for m in extraction.mentions:
            after = paragraphs[(m.article_id, m.paragraph)][m.end : m.end + ACRONYM_MAX + 4]
            match = _ACRONYM_AFTER.match(after)
            if match and _spells(match[1], _display(m.text)):
                exactly = _initials(_display(m.text)) == match[1]
                (exact if exactly else partly).setdefault(match[1], m.text)
    # A name whose initials are exactly the acronym wins over one sharing some of them:
    # "Iranian Revolutionary Guard Corps" over "Revolutionary Guard Corps" for IRGC.
    return {**partly, **exact}


def _acronyms(defined: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Map acronym key → (full-name key, acronym) for "Full Name (ACR)" in the text (stage 2)."""
    return {name_key(acronym): (name_key(full), acronym) for acronym, full in defined.items()}


def _with_acronym_mentions(
    paragraphs: dict[tuple[str, int], str],
    extractions: Sequence[ArticleExtraction],
    defined: dict[str, str],
) -> list[ArticleExtraction]:
    """Stage 2a: every use of an acronym the text defines ("Hayat Tahrir al-Sham (HTS)")
    becomes a mention, even where the tagger missed it ("HTS and their allies")."""
    if not defined:
        return list(extractions)
    pattern = re.compile(r"\b(" + "|".join(sorted(defined)) + r")\b")
    result = []
    for extraction in extractions:
        taken = {(m.paragraph, i) for m in extraction.mentions for i in range(m.start, m.end)}
        added = []
        for sentence in extraction.sentences:
            text = paragraphs[(extraction.article_id, sentence.paragraph)]
            for match in pattern.finditer(text, sentence.start, sentence.end):
                if (sentence.paragraph, match.start()) in taken or text[
                    match.start() - 1 : match.start()
                ] == "(":
                    continue  # already tagged, or the definition "(HTS)" itself
                added.append(
                    Mention(
                        extraction.article_id,
                        sentence.paragraph,
                        sentence.index,
                        match.start(),
                        match.end(),
                        match[1],
                        "ORG",
                    )
                )
        mentions = sorted((*extraction.mentions, *added), key=lambda m: (m.paragraph, m.start))
        result.append(replace(extraction, mentions=tuple(mentions)))
    return result


def _initialisms(surfaces: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Map an all-capitals key to the one multi-word name whose initials it spells
    (stage 2b: "UN" → United Nations when no other name has those initials)."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, surface in surfaces.items():
        if len(key.split()) > 1:
            by_initials[_initials(surface)].append(key)
    found: dict[str, tuple[str, str]] = {}
    for key, surface in surfaces.items():
        if _ACRONYM_WORD.fullmatch(surface) and len(by_initials.get(surface, [])) == 1:
            found[key] = (by_initials[surface][0], surface)
    return found


SPELLING_SIMILARITY = 0.8
"""Two spellings of a name are one name only when this similar (Dbeibah/Dbeiba,
Mismari/Mesmari), on top of sharing their consonants; Hassan/Hussein are not."""
_VOWELS = re.compile(r"[aeiou]|y$")


def _skeleton(token: str) -> str:
    """A name token's consonants (a final y counts as a vowel), without a final h:
    "dbeibah" and "dbeiba" → "dbb"; "araby" and "arabi" → "rb"; "arabiya" → "rby"."""
    return _VOWELS.sub("", token).rstrip("h")


def same_spelled_name(a: str, b: str) -> bool:
    """Keys that are spellings of one name: same consonants, token by token, and similar."""
    ta, tb = a.split(), b.split()
    return (
        len(ta) == len(tb)
        and all(
            _skeleton(x) == _skeleton(y) and x[:1] == y[:1] for x, y in zip(ta, tb, strict=True)
        )
        and SequenceMatcher(None, a, b).ratio() >= SPELLING_SIMILARITY
    )


def _ends_with_name(full: str, short: str) -> bool:
    """``full`` ends with ``short`` as written or in another spelling of it."""
    if full.endswith(" " + short):
        return True
    tail = " ".join(full.split()[-len(short.split()) :])
    return len(short) >= MIN_SPELLING_KEY and same_spelled_name(tail, short)


def _short_name_targets(
    label_votes: dict[str, Counter[str]], person_keys: set[str]
) -> dict[str, list[str]]:
    """For each short actor key, the longer person keys ending with it (or with another
    spelling of it). Longer keys are indexed by the consonants of their last words, so
    this stays linear in the number of names."""
    by_tail: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in person_keys:
        if _run_together(key, label_votes):
            continue
        tokens = key.split()
        for n in range(1, len(tokens)):
            by_tail[(n, " ".join(_skeleton(t) for t in tokens[-n:]))].append(key)
    targets: dict[str, list[str]] = {}
    for key, votes in label_votes.items():
        if not _may_be_short_name(key, votes):
            continue
        tokens = key.split()
        tail = (len(tokens), " ".join(_skeleton(t) for t in tokens))
        candidates = sorted(
            k for k in by_tail.get(tail, []) if k != key and _ends_with_name(k, key)
        )
        if candidates:
            targets[key] = candidates
    return targets


def _family(votes: Counter[str]) -> str:
    top = votes.most_common(1)[0][0]
    if top in NAME_ONLY_LABELS:
        return "people"
    return top if top in ACTOR_LABELS else "place"


def _run_together(key: str, known: dict[str, Counter[str]]) -> str | None:
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
    for n in range(1, len(tokens)):
        first, rest = " ".join(tokens[:n]), " ".join(tokens[n:])
        if first not in known or rest not in known:
            continue
        head, tail = _family(known[first]), _family(known[rest])
        if tail == "PERSON" and len(tokens) - n >= 2:
            return rest
        if (
            head in ACTOR_LABELS
            and (tail == "people" or (tail == "place" and (head == "ORG" or n >= 2)))
            and not has_institution_word(rest)
        ):
            return first  # not "Samer Hama": a one-word name before a place is a person's
        if head == "PERSON" and tail == "ORG" and n >= 2 and len(tokens) - n >= 2:
            return first
    return None


RUN_ON_MIN_LOWER = 2
"""A name's last word written in lower case this often elsewhere is a word the name
ran into ("Hama Heavy", "Houla Activists"), not part of it."""


def _runs_into_a_word(key: str, known: dict[str, Counter[str]], lower: Counter[str]) -> str | None:
    """ "hama heavy" → "hama": a known name (not a people's) followed by a common word
    the tagger took in, from a headline or a run-on sentence. Institution words
    ("Arab League", "Damascus University") and place words are how names are made."""
    tokens = key.split()
    if len(tokens) < 2:
        return None
    first, last = " ".join(tokens[:-1]), tokens[-1]
    if (
        first in known
        and _family(known[first]) != "people"
        and lower[last] >= RUN_ON_MIN_LOWER
        and not has_institution_word(last)
        and last not in PLACE_WORDS | FEATURE_WORDS | SITE_HEADS
    ):
        return first
    return None


def _acronym_spelled_out(
    key: str, acronyms: dict[str, tuple[str, str]], known: dict[str, Counter[str]]
) -> str | None:
    """ "un security council" → "united nations security council" when the corpus spells
    UN out and also writes the longer name."""
    tokens = key.split()
    if len(tokens) < 2:
        return None
    spelled = " ".join(acronyms[t][0] if t in acronyms else t for t in tokens)
    return spelled if spelled != key and spelled in known else None


def _may_be_short_name(key: str, votes: Counter[str]) -> bool:
    """A surname-like key: a person's name, or one word tagged as an actor; never a
    generic word ("Army", "Council") that many full names end with."""
    tokens = key.split()
    if any(t in TITLES or t in _GENERIC_HEADS for t in tokens):
        return False
    top = votes.most_common(1)[0][0]
    if top in NAME_ONLY_LABELS:
        return False  # "Syrian": a people, not a surname
    places = sum(n for label, n in votes.items() if label not in ACTOR_LABELS | NAME_ONLY_LABELS)
    if places > SHORT_NAME_MAX_PLACE_SHARE * sum(votes.values()):
        return False  # "Hama", tagged a place often enough, is not Samer Hama's surname
    return top == "PERSON" or (len(tokens) == 1 and any(label in ACTOR_LABELS for label in votes))


def _short_name_target(
    candidates: list[str], article_keys: set[str], votes: dict[str, Counter[str]]
) -> tuple[str, str] | None:
    """Stage 3: pick the full name a short name stands for, or None when unsure.

    A full name in the same article wins if it is the only one there; two there make
    the short name ambiguous. With none there, the corpus decides: the only candidate,
    or one that holds :data:`SHORT_NAME_DOMINANCE` of the candidates' mentions.
    """
    local = [k for k in candidates if k in article_keys]
    if len(local) == 1:
        return local[0], "in the same article"
    if local:
        return None
    if len(candidates) == 1:
        return candidates[0], "the only such name in the corpus"
    counts = {k: sum(votes[k].values()) for k in candidates}
    top = max(candidates, key=lambda k: (counts[k], k))
    if counts[top] >= SHORT_NAME_DOMINANCE * sum(counts.values()):
        return top, "by far the most mentioned such name in the corpus"
    return None


# Spelling alternatives common in romanised Arabic and Persian names, applied to
# name keys: Araghchi/Araqchi, Sheikhoun/Sheikhun, Saraqeb/Saraqib.
_TRANSLITERATIONS = (
    # British and American spellings of institutions' names.
    (re.compile(r"\bco (?=[a-z])"), "co"),  # "co-operation", "co-ordination"
    (re.compile(r"isation\b"), "ization"),
    (re.compile(r"gh"), "q"),
    (re.compile(r"q"), "k"),  # Makdissi/Maqdisi
    (re.compile(r"(?<=[aeiou])ch"), "sh"),  # French romanisation: Hicham/Hisham
    (re.compile(r"(?<=[a-z])eh\b"), "ah"),  # Judeh/Judah
    (re.compile(r"(?<=[aeiou])w(?=[aeiou])"), ""),  # Dawoud/Daoud
    (re.compile(r"(?<=[b-df-hj-np-tv-z])(?:ay|ei)(?=[b-df-hj-np-tv-z])"), "ai"),  # Qusayr/Qusair
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"y\b"), "i"),
    (re.compile(r"([b-df-hj-np-tv-z])\1"), r"\1"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])e(?=[b-df-hj-np-tv-z])"), "i"),
)
RULE_SPELLING = "spelling variant (common transliteration alternatives)"


def spelling_key(key: str) -> str:
    """A name key with transliteration alternatives reduced to one spelling."""
    for pattern, replacement in _TRANSLITERATIONS:
        key = pattern.sub(replacement, key)
    return key


def _merge_groups(
    groups: dict[str, _Group],
    assignment: dict[tuple[str, int, int], str],
    keys: list[str],
    rule: str,
) -> str:
    """Merge the groups of ``keys`` into the most mentioned one; return its key."""
    keys = sorted(keys, key=lambda k: (-len(groups[k].mentions), k))
    target = groups[keys[0]]
    for key in keys[1:]:
        target.mentions.extend(groups[key].mentions)
        target.rules |= groups[key].rules | {rule}
        target.cues += groups[key].cues
        if target.place is None:
            target.place = groups[key].place
        del groups[key]
        for where, assigned in assignment.items():
            if assigned == key:
                assignment[where] = target.key
    return target.key


def _merge_spellings(
    groups: dict[str, _Group], assignment: dict[tuple[str, int, int], str]
) -> None:
    """Stage 1b: names that differ only by transliteration, of the same kind, are one;
    so are people's full names spelled with other vowels (Ahmed/Ahmad al-Mismari/Mesmari)."""
    buckets: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(key) >= MIN_SPELLING_KEY and not group.name_only():
            buckets[(spelling_key(key), group.is_actor())].append(key)
    for keys in buckets.values():
        if len(keys) > 1:
            _merge_groups(groups, assignment, keys, RULE_SPELLING)
    people: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(key.split()) > 1 and group.votes().most_common(1)[0][0] == "PERSON":
            people[" ".join(_skeleton(t) for t in key.split())].append(key)
    for keys in people.values():
        while len(keys) > 1:
            first, rest = keys[0], keys[1:]
            same = [k for k in rest if same_spelled_name(first, k)]
            if same:
                _merge_groups(groups, assignment, [first, *same], RULE_SPELLING)
            keys = [k for k in rest if k not in same]


def _group_mentions(
    extractions: Sequence[ArticleExtraction],
    keep_apart: frozenset[str],
    lower: Counter[str],
    defined: dict[str, str],
) -> tuple[dict[str, _Group], dict[tuple[str, int, int], str]]:
    """Stages 1-4: return groups by key and each mention's group key; ``defined`` holds
    the acronyms the text spells out."""
    mentions = [m for e in extractions for m in e.mentions]
    base_key = {id(m): name_key(m.text, m.label not in ACTOR_LABELS) for m in mentions}
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        label_votes[base_key[id(m)]][m.label] += 1
    person_keys = {k for k, v in label_votes.items() if v.most_common(1)[0][0] == "PERSON"}
    surfaces = {base_key[id(m)]: _display(m.text) for m in reversed(mentions)}
    acronyms = {**_initialisms(surfaces), **_acronyms(defined)}
    short = _short_name_targets(label_votes, person_keys)
    keys_in_article: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        keys_in_article[m.article_id].add(base_key[id(m)])

    groups: dict[str, _Group] = {}
    assignment: dict[tuple[str, int, int], str] = {}
    for m in mentions:
        key, rule = base_key[id(m)], RULE_NORMALISED
        if not key or key in TITLES:
            continue  # a bare title ("Col.") names nobody
        if fold(_display(m.text)) in keep_apart:
            rule = RULE_KEPT_APART
        elif rest := _run_together(key, label_votes) or _runs_into_a_word(key, label_votes, lower):
            key, rule = rest, f"{_display(m.text)!r} runs {rest!r} into another name or word"
        elif spelled := _acronym_spelled_out(key, acronyms, label_votes):
            key, rule = spelled, "an acronym in the name spelled out"
        elif key in acronyms:
            key, acronym = acronyms[key]
            rule = f"acronym {acronym} spells the initials of the full name"
        elif key in short and (
            found := _short_name_target(short[key], keys_in_article[m.article_id], label_votes)
        ):
            key, where = found
            rule = f"short name {_display(m.text)!r} joins the full name ending with it, {where}"
        group = groups.setdefault(key, _Group(key))
        group.mentions.append(m)
        group.rules.add(rule)
        assignment[(m.article_id, m.paragraph, m.start)] = key
    return groups, assignment


def _names_of(group: _Group) -> set[str]:
    """Folded names a group answers to in aliases.yml: its key and every surface form."""
    return (
        {group.key}
        | {fold(_display(m.text)) for m in group.mentions}
        | {fold(m.text) for m in group.mentions}
    )


def _matches(group: _Group, name: str, is_place: bool) -> bool:
    return fold(name) in _names_of(group) or name_key(name, is_place) == group.key


_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|into|from|outside|around|toward|towards|across|entered|reached|captured|seized|borders)"
    r"(?:\s+the)?(?:\s+(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|rural))?"
    r"|\b(?:city|town|village|province|region|district|governorate|countryside|outskirts|capital|"
    r"neighbou?rhood|suburb|quarter|area|stronghold) of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_CUE_LIST = re.compile(
    r"\b(?:places|towns?|cities|villages?|areas|districts|provinces|neighbou?rhoods)\b"
    r"(?:[^.;:]{0,30}?,)?\s+(?:such as|including|like|of|among them)\s+"
    r"(?:[^.;:]{0,40}(?:,|\band)\s+)?$",
    re.I,
)
_CUE_AFTER = re.compile(
    r"^\s+(?:province|city|countryside|governorate|district|region|airport|area|"
    r"neighbou?rhood|suburb|quarter|border crossing)\b",
    re.I,
)
PLACE_CUE_SHARE = 0.5
"""A name in a place context at least this often is a place, whatever its tags."""
PLACE_CUE_MIN_MENTIONS = 3
"""…and a name seen less often than this must be in a place context every time."""
CUE_WINDOW = 60
"""Characters looked at on each side of a mention for a place cue."""


# "from X" and "at X" also introduce people ("a letter from Annan", "a jab at Assad"):
# they count as place evidence for the gazetteer, not to turn a name into a place.
_WEAK_CUE = re.compile(r"\b(?:from|at|around|toward|towards|across)\s+(?:the\s+)?$", re.I)


def _place_cues(
    group: _Group, paragraphs: dict[tuple[str, int], str], strong_only: bool = False
) -> int:
    """Mentions of the group in a place context: "in X", "the town of X", "X province"."""
    cues = 0
    for before, after in _contexts(group, paragraphs):
        cue = _CUE_BEFORE.search(before) or _CUE_LIST.search(before) or _CUE_AFTER.match(after)
        cues += bool(cue) and not (strong_only and _WEAK_CUE.search(before))
    return cues


def _contexts(group: _Group, paragraphs: dict[tuple[str, int], str]) -> Iterator[tuple[str, str]]:
    """The text just before and just after each mention of the group."""
    for m in group.mentions:
        text = paragraphs[(m.article_id, m.paragraph)]
        yield text[max(m.start - CUE_WINDOW, 0) : m.start], text[m.end : m.end + CUE_WINDOW]


def _locate_groups(
    groups: dict[str, _Group],
    assignment: dict[tuple[str, int, int], str],
    paragraphs: dict[tuple[str, int], str],
    gazetteer: Gazetteer,
) -> dict[str, _Group]:
    """Stage 4b: locate places in the gazetteer; names of one place become one entity;
    names only ever tagged NORP ("Syrian") are dropped unless they are places."""
    candidates = [
        Candidate(
            key=key,
            names=tuple(n for n, _ in Counter(_display(m.text) for m in g.mentions).most_common()),
            votes=dict(g.votes()),
            cues=_place_cues(g, paragraphs),
            mentions=len(g.mentions),
            name_only=g.name_only(),
        )
        for key, g in sorted(groups.items())
    ]
    for group in groups.values():
        group.cues = _place_cues(group, paragraphs, strong_only=True)
    by_place: dict[str, list[str]] = defaultdict(list)
    for key, (place, how) in locate(candidates, gazetteer).items():
        groups[key].place = place
        groups[key].rules.add(
            f"located by {how}: {place.name} ({place.kind}, {place.country_name})"
        )
        by_place[place.key].append(key)
    for keys in by_place.values():
        if len(keys) > 1:
            _merge_groups(groups, assignment, keys, "same place in the gazetteer")
    for key in [k for k, g in groups.items() if g.place is None and g.name_only()]:
        del groups[key]
    return groups


def _drop_common_words(groups: dict[str, _Group], lower_words: Counter[str]) -> dict[str, _Group]:
    """Stage 4c: a one-word "name" that the same corpus mostly writes in lower case
    ("State", "Army", "Next", "INSURGENTS", "East") is a common word the tagger
    capitalised by position or for emphasis, not an entity, even where a gazetteer has
    a place of that name. Countries stay."""
    for key in [k for k, g in groups.items() if " " not in k]:
        place = groups[key].place
        if place is not None and place.kind == "country":
            continue
        if lower_words[key] >= COMMON_WORD_RATIO * len(groups[key].mentions):
            del groups[key]  # also "East" and "Gulf", which a gazetteer can place
    return groups


# ------------------------------------------------------------------ context stages

_LIST_GAP = re.compile(r",?\s*(?:(?:and|or)\s+)?(?:the\s+)?", re.I)
LIST_MIN_AGREEING = 2
"""Other members of a list that must share a label before a member is relabelled."""


def _lists(mentions: Sequence[Mention], text_of: dict[tuple[str, int], str]) -> list[list[Mention]]:
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


_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|'|’)(?!\w)")


def _relabel_lists(
    text_of: dict[tuple[str, int], str],
    extractions: Sequence[ArticleExtraction],
    defined: dict[str, str],
) -> list[ArticleExtraction]:
    """Stage 0: a name listed among names of one label takes that label: "Hayat Tahrir
    al-Sham, the Syrian National Army, and Ahrar al-Sham" makes the third an
    organisation even when the tagger called it a person. Each other member counts
    with its label across the corpus (a name the text gives an acronym counts as an
    organisation); a possessive ("Saudi Arabia’s Minister") is not
    a member, and neither is a list of appositions it starts."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for e in extractions:
        for m in e.mentions:
            votes[name_key(m.text)][m.label] += 1
    usual = {key: v.most_common(1)[0][0] for key, v in votes.items()}
    for full in defined.values():
        usual[name_key(full)] = "ORG"  # "Hayat Tahrir al-Sham (HTS)": an organisation
    result = []
    for extraction in extractions:
        relabelled: dict[int, str] = {}
        members = [
            m
            for m in extraction.mentions
            if not _POSSESSIVE_AFTER.match(text_of[(m.article_id, m.paragraph)][m.end : m.end + 3])
        ]
        for run in _lists(members, text_of):
            for m in run:
                others = Counter(usual[name_key(o.text)] for o in run if o is not m)
                label, n = others.most_common(1)[0]
                if (
                    label != m.label
                    and n >= LIST_MIN_AGREEING
                    and n * 3 >= 2 * sum(others.values())
                ):
                    relabelled[id(m)] = label
        if relabelled:
            mentions = tuple(
                replace(m, label=relabelled[id(m)]) if id(m) in relabelled else m
                for m in extraction.mentions
            )
            extraction = replace(extraction, mentions=mentions)
        result.append(extraction)
    return result


def _lower_case_words(corpus: Corpus) -> Counter[str]:
    """How often each word is written in lower case in the corpus."""
    return Counter(
        word for a in corpus.articles for p in a.paragraphs for word in _LOWER_WORD.findall(p.text)
    )


FEATURE_WORDS = frozenset(
    {"river", "lake", "sea", "mountain", "mountains", "valley", "desert", "gulf", "bay",
     "strait", "island", "islands", "canal", "plain", "plains", "peninsula", "hills"}
)  # fmt: skip
"""Natural features: "Euphrates River" is the Euphrates."""
_FUNCTION_WORDS = frozenset({"of", "for", "on", "the", "and", "de", "bin", "ibn"}) | ARABIC_ARTICLES
RULE_PARTIAL = "part of the one longer name that contains it"
PARTIAL_MAX_RATIO = 3
"""A name joins a longer one only when not more than this many times as frequent: a
rare longer form ("End Quote Bashar al-Assad", "UN-Arab League") is a run-on, not the
full name of a frequent shorter one."""
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
    ]
)
"""A number in a name is part of it: "Three Brotherhood Alliance", "Group of Seven"."""


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
    if after and after[0] in ("of", "for", "on"):
        after = []  # a post-modifier: "Institute for Strategy and Policy"
    if is_place and not before and len(after) == 1 and after[0] in FEATURE_WORDS:
        return True
    if people and any(people[w] for w in after):
        return False
    if has_institution_word(" ".join(after)):
        return False  # "United Nations Security Council" is a body of the United Nations
    return all(w in _FUNCTION_WORDS or w in _NUMBER_WORDS or not lower[w] for w in before + after)


def _move_mentions(
    groups: dict[str, _Group],
    assignment: dict[tuple[str, int, int], str],
    source: str,
    target: str,
    mentions: list[Mention],
    rule: str,
) -> None:
    for m in mentions:
        groups[source].mentions.remove(m)
        groups[target].mentions.append(m)
        assignment[(m.article_id, m.paragraph, m.start)] = target
    groups[target].rules.add(rule)
    if not groups[source].mentions:
        del groups[source]


def _ambiguous_first_name(
    target: str, key: str, in_corpus: list[str], groups: dict[str, _Group], names: dict[str, list]
) -> bool:
    """A first name ("Bashar") joins a person in its article only when no other person
    in the corpus has that first name: two Bashars make it the reader's guess."""
    short = key.split()

    def first_name_of(k: str) -> bool:
        return any(_sub_position(list(n), short) == 0 and len(n) > len(short) for n in names[k])

    if not groups[target].is_actor() or not first_name_of(target):
        return False
    return sum(1 for k in in_corpus if first_name_of(k)) > 1


def _join_partial_names(
    groups: dict[str, _Group],
    assignment: dict[tuple[str, int, int], str],
    lower: Counter[str],
    people: Counter[str],
    paragraphs: dict[tuple[str, int], str],
) -> None:
    """Stage 4d: a name that is part of one longer name ("Hayat Tahrir", "Tahrir
    al-Sham", "Faisal bin Farhan", "Observatory") joins it: the one longer name in the
    same article, else the one in the corpus. Located places and acronyms stay."""
    keys_in_article: dict[str, set[str]] = defaultdict(set)
    for key, group in groups.items():
        for m in group.mentions:
            keys_in_article[m.article_id].add(key)
    words = {key: key.split() for key in groups}
    known: dict[str, Counter[str]] = defaultdict(Counter)
    for g in groups.values():
        for m in g.mentions:
            known[name_key(m.text)][m.label] += 1
    # Every multi-word name a group is written as: after merges a group's key can be
    # its short name ("assad") while "Bashar al-Assad" is one of its names.
    names = {
        key: [
            tuple(words[key]),
            *sorted(
                {
                    tuple(n.split())
                    for m in g.mentions
                    if " " in (n := name_key(m.text)) and not _run_together(n, known)
                }
            ),
        ]
        for key, g in groups.items()
    }
    # Word → groups with a name holding it: a longer name must hold every word of the
    # short one, so only groups in all the short name's entries are compared.
    holding: dict[str, set[str]] = defaultdict(set)
    for k, written in names.items():
        for name in written:
            for word in name:
                holding[word].add(k)
    for key in sorted(groups, key=lambda k: (len(words[k]), k)):
        group = groups.get(key)
        if group is None or group.place is not None or key in TITLES or not key:
            continue
        if " " not in key and lower[key] >= len(group.mentions):
            continue  # "State": a common word, not a part of "Islamic State"
        if any(_ACRONYM_WORD.fullmatch(m.text) for m in group.mentions) or group.kept_apart():
            continue
        if group.votes().most_common(1)[0][0] in NAME_ONLY_LABELS:
            continue  # "Syrian" is a people, not a part of "Kofi Annan - Syrian"
        is_place = not group.is_actor()
        # A place name joins a person's name only when nothing in the text says it
        # is a place: "Araghchi" tagged GPE joins Abbas Araghchi, "reached Hama" stays.
        any_kind = not is_place or not _place_cues(group, paragraphs)
        candidates = set.intersection(*(holding.get(w, set()) for w in words[key]))
        fits = [
            k
            for k in sorted(groups)
            if k != key
            and k in candidates
            and len(group.mentions) <= PARTIAL_MAX_RATIO * len(groups[k].mentions)
            # the word test first: it rules out almost every name, and the rest scan mentions
            and any(_extends_name(list(n), words[key], is_place, lower, people) for n in names[k])
            and not groups[k].name_only()
            and (any_kind or not groups[k].is_actor())
            and not _run_together(k, known)
        ]

        def containing(keys: set[str], fits: list[str] = fits) -> list[str]:
            return [k for k in fits if k in keys and k in groups]

        in_corpus = containing(set(groups))
        if not in_corpus:
            continue
        by_article: dict[str, list[Mention]] = defaultdict(list)
        for m in group.mentions:
            by_article[m.article_id].append(m)
        for article_id, mentions in sorted(by_article.items()):
            local = containing(keys_in_article[article_id])
            if len(local) == 1 and _ambiguous_first_name(local[0], key, in_corpus, groups, names):
                continue
            if len(local) == 1:
                target, where = local[0], "in the same article"
            elif not local and len(in_corpus) == 1 and in_corpus[0] in groups:
                target, where = in_corpus[0], "in the corpus"
            else:
                continue
            _move_mentions(groups, assignment, key, target, mentions, f"{RULE_PARTIAL}, {where}")
            keys_in_article[article_id].add(target)
            if key not in groups:
                break


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
"""A name only ever used to modify a noun ("the Alawite sect", "the Kazakh capital",
"Saberin forces") is a word for a people or a brand, not an actor or place."""


def _drop_modifier_words(
    groups: dict[str, _Group], people_words: set[str], paragraphs: dict[tuple[str, int], str]
) -> dict[str, _Group]:
    """Stage 4e: one-word names mostly tagged as a people ("Syrian"), or used only as
    modifiers ("the Alawite sect") and not followed by a place word ("X province"), and
    their plurals ("Alawites"); never located places or organisations (whose names
    often modify: "HTS fighters")."""

    def modifier_only(group: _Group) -> bool:
        return all(m.syntax in MODIFIER_DEPS for m in group.mentions) and not any(
            _CUE_AFTER.match(paragraphs[(m.article_id, m.paragraph)][m.end :])
            for m in group.mentions
        )

    dropped = set(people_words)
    for key in sorted(groups):
        group = groups[key]
        if group.place is not None or " " in key:
            continue
        top = group.votes().most_common(1)[0][0]
        if top in NAME_ONLY_LABELS or (top != "ORG" and modifier_only(group)):
            dropped.add(key)
            del groups[key]
    for key in [k for k, g in groups.items() if g.place is None and " " not in k]:
        if (
            key.endswith("s")
            and key[:-1] in dropped
            and groups[key].votes().most_common(1)[0][0] != "ORG"
        ):
            del groups[key]
    return groups


MISSPELLING_MIN_MENTIONS = 5
"""A one-off name is taken for a typo of a name at least this frequent."""


def _transpositions(word: str) -> Iterator[str]:
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _join_misspellings(
    groups: dict[str, _Group], assignment: dict[tuple[str, int, int], str], people: Counter[str]
) -> None:
    """Stage 4f: a one-word name seen once that is a frequent word with two letters
    swapped ("Syrain" for "Syrian") is a typo: it joins that name, or goes with it when
    the word is a nationality. Only swaps: "Iran"/"Iraq" and "Hama"/"Hamas" differ
    otherwise and stay apart."""
    counts = Counter({k: len(g.mentions) for k, g in groups.items()}) + people
    for key in sorted(k for k, g in groups.items() if len(g.mentions) == 1 and " " not in k):
        if groups[key].place is not None:
            continue
        target = next(
            (t for t in _transpositions(key) if counts[t] >= MISSPELLING_MIN_MENTIONS), None
        )
        if target is None:
            continue
        if target not in groups:
            del groups[key]  # a people's name misspelled ("Syrain" for "Syrian")
        elif groups[target].is_actor() == groups[key].is_actor():
            _merge_groups(groups, assignment, [target, key], f"misspelling of {target!r}")
        # else "Irna" (the agency IRNA) is not "Iran" misspelled


_ARMED_WORDS = (
    r"(?:militant|rebel|jihadi|jihadist|insurgent|armed|islamist|extremist|terrorist|"
    r"paramilitary|guerrilla|separatist)"
)
_ARMED_BEFORE = re.compile(
    rf"\b{_ARMED_WORDS}\s+(?:[a-z-]+\s+)?(?:group|groups|faction|militia|organi[sz]ation|movement|"
    r"alliance|coalition|force|forces)\s+(?:the\s+)?$",
    re.I,
)
_ARMED_AFTER = re.compile(rf"^,?\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?{_ARMED_WORDS}\b", re.I)


_MEDIA_BEFORE = re.compile(
    r"\b(?:newspaper|daily|weekly|paper|tabloid|magazine|(?:news|state|official)\s+agency|"
    r"broadcaster|channel|website|news\s+site|radio|television)\s+(?:the\s+)?$",
    re.I,
)


MEDIA_CUE_SHARE = 0.25
"""Share of a name's mentions described as an outlet that makes it one."""


def _media_cues(group: _Group, paragraphs: dict[tuple[str, int], str]) -> int:
    """Mentions described as an outlet: "the Turkish daily Zaman", "news agency Anatolia"."""
    return sum(1 for before, _ in _contexts(group, paragraphs) if _MEDIA_BEFORE.search(before))


def _armed_group_cues(group: _Group, paragraphs: dict[tuple[str, int], str]) -> int:
    """Mentions described as an armed group: "jihadist group X", "X, a rebel alliance"."""
    return sum(
        1
        for before, after in _contexts(group, paragraphs)
        if _ARMED_BEFORE.search(before) or _ARMED_AFTER.match(after)
    )


ACTING_DEPS = frozenset({"nsubj"})
"""A country that is the subject of a verb acts as a state ("Turkey demanded ...")."""


def _acting(group: _Group) -> tuple[Citation, ...]:
    return tuple(
        sorted(
            {
                Citation(m.article_id, m.paragraph)
                for m in group.mentions
                if m.syntax in ACTING_DEPS
            },
            key=lambda c: (c.article_id, c.paragraph),
        )
    )


PROPOSAL_MIN_SCORE = 85.0
"""Name similarity (rapidfuzz ratio, 0-100) at which two unmerged entities are proposed
for review: "Syrian Observatory for Human Rights" / "Syrian Observatory of Human
Rights" (97) are; "Iran" / "Iraq" (75) are not."""
PROPOSALS_MAX = 200
"""Most proposals listed, best first."""


def _proposals(entities: Sequence[Entity]) -> tuple[Proposal, ...]:
    """Stage 6: pairs of entities of the same group and broad kind with alike names.
    Two places the gazetteer put in different spots are not proposed, nor are a person
    and an organisation."""
    from rapidfuzz import fuzz, process

    found: list[Proposal] = []
    for group in ("actor", "place"):
        members = sorted(
            (e for e in entities if e.group == group), key=lambda e: (-e.mention_count, e.id)
        )
        names = [fold(e.name) for e in members]
        if len(members) < 2:
            continue
        scores = process.cdist(
            names, names, scorer=fuzz.ratio, score_cutoff=PROPOSAL_MIN_SCORE, workers=1
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = members[i], members[j]
            if i >= j or (a.kind == "person") != (b.kind == "person"):
                continue
            if a.located_as and b.located_as:
                continue  # the gazetteer already told them apart
            found.append(Proposal(a.id, b.id, round(float(scores[i, j]), 1)))
    found.sort(key=lambda p: (-p.score, p.first, p.second))
    return tuple(found[:PROPOSALS_MAX])


def _curate(
    groups: dict[str, _Group], assignment: dict[tuple[str, int, int], str], curation: Curation
) -> dict[str, _Group]:
    """Stage 5: the user's merges and drops (aliases.yml), applied after every rule."""
    for names in curation.merge:
        found = [k for k in sorted(groups) if any(_matches(groups[k], n, False) for n in names)]
        if len(found) > 1:
            rule = f"merged by {Path(curation.source).name}: {', '.join(names)}"
            groups[_merge_groups(groups, assignment, found, rule)].rules.add(rule)
    for key in [k for k in groups if _names_of(groups[k]) & curation.drop]:
        del groups[key]
    return groups


def _entity_name(group: _Group) -> str:
    own = Counter(
        _display(m.text)
        for m in group.mentions
        if name_key(m.text, True) == group.key or name_key(m.text) == group.key
    )
    if not own or group.place is not None:  # spellings of one place are all its own
        own = Counter(_display(m.text) for m in group.mentions)
    # Between equally frequent spellings of a place, the gazetteer's spelling decides.
    place = comparable(group.place.name) if group.place else ""
    return min(
        own,
        key=lambda s: (-own[s], -SequenceMatcher(None, comparable(s), place).ratio(), -len(s), s),
    )


PERSON_ROLE_SHARE = 0.2
"""Share of a name's mentions written with a person's role that makes it a person's."""


def _names_a_person(role: str) -> bool:
    """A role with a person noun or a title in it ("researcher at ...", "Foreign Minister")."""
    return any(w in PERSON_NOUNS or w in TITLES for w in _TOKEN.findall(fold(role)))


def has_institution_word(name: str) -> bool:
    """ "Foreign Policy Research Institute", "Defence Ministry", "Free Syrian Army"."""
    return any(w in _GENERIC_HEADS | INSTITUTION_HEADS for w in _TOKEN.findall(fold(name)))


def _actor_label(votes: Counter[str], group: _Group) -> str:
    """PERSON or ORG for an actor: a name written with a person's role ("spokesperson
    X", "X, a researcher at ...") is a person's unless it holds an institution's word;
    otherwise by votes, but a name with an acronym alias ("HTS") is an organisation
    unless people clearly dominate, and a tie goes to PERSON only for a short name."""
    has_acronym = any(_ACRONYM_WORD.fullmatch(m.text) for m in group.mentions)
    # An "organisation" written with a person's role ("spokesperson X") is a person.
    described = sum(1 for m in group.mentions if m.role and _names_a_person(m.role))
    if (
        described >= PERSON_ROLE_SHARE * len(group.mentions)
        and not has_institution_word(_entity_name(group))
        and not has_acronym
    ):
        return "PERSON"
    person, org = votes.get("PERSON", 0), votes.get("ORG", 0)
    if has_acronym and person <= ACRONYM_PERSON_MARGIN * org:
        return "ORG"
    if person != org:
        return "PERSON" if person > org else "ORG"
    return "PERSON" if len(group.key.split()) <= 3 else "ORG"


def _override(group: _Group, table: dict) -> tuple[str, object] | None:
    """The aliases.yml entry (folded name, value) of ``table`` that names this group."""
    names = _names_of(group)
    return next(((n, table[n]) for n in sorted(table) if n in names), None)


def _entities(
    groups: dict[str, _Group],
    curation: Curation | None = None,
    outlets: frozenset[str] = frozenset(),
    paragraphs: dict[tuple[str, int], str] | None = None,
) -> tuple[list[Entity], dict[str, str]]:
    """Turn groups into entities with unique ids; return them and key → id."""
    curation = curation or Curation()
    source = Path(curation.source).name
    entities: list[Entity] = []
    key_to_id: dict[str, str] = {}
    taken: set[str] = set(RESERVED_IDS)
    for key in sorted(groups, key=lambda k: (-len(groups[k].mentions), k)):
        group = groups[key]
        if not key:
            continue
        is_actor = group.is_actor()
        votes = group.votes()
        if is_actor:
            kind = _KIND_OF_LABEL[_actor_label(votes, group)]
        else:
            places = [
                label
                for label, _ in votes.most_common()
                if label not in ACTOR_LABELS | NAME_ONLY_LABELS
            ]
            kind = _KIND_OF_LABEL.get(places[0], "place") if places else "place"
        place = group.place
        if place is not None:
            kind = place.kind
        name = _entity_name(group)
        kind = actor_kind(name, kind, outlets) if is_actor else kind
        if (
            is_actor
            and kind in ("person", "organisation")
            and paragraphs
            and _media_cues(group, paragraphs) >= max(1, MEDIA_CUE_SHARE * len(group.mentions))
            and not any(m.role for m in group.mentions)
        ):
            kind = "media"
            group.rules.add("media: described as an outlet in the text")
        if kind == "organisation" and paragraphs and _armed_group_cues(group, paragraphs):
            kind = "armed group"
            group.rules.add("armed group: described as one in the text")
        if found := _override(group, curation.kinds):
            group_name, fine_kind = found[1]
            is_actor = group_name == "actor"
            kind = fine_kind or ("organisation" if is_actor else "place")
            group.rules.add(
                f"kind set by {source}: {group_name}{', ' + fine_kind if fine_kind else ''}"
            )
        merged_name = next(
            (names[0] for names in curation.merge if _matches(group, names[0], False)), None
        )
        if found := _override(group, curation.rename):
            name = str(found[1])
            group.rules.add(f"renamed by {source}")
        elif merged_name:
            name = merged_name
        base = slugify(name, fallback="entity")
        entity_id, n = base, 2
        while entity_id in taken:
            entity_id, n = f"{base}-{n}", n + 1
        taken.add(entity_id)
        aliases = Counter(_without_owner(m.text) for m in group.mentions)
        first_seen: dict[str, Citation] = {}
        for m in sorted(group.mentions, key=lambda m: (m.article_id, m.paragraph, m.start)):
            first_seen.setdefault(_without_owner(m.text), Citation(m.article_id, m.paragraph))
        roles = Counter(role for m in group.mentions if (role := _role(m)))
        entities.append(
            Entity(
                id=entity_id,
                group="actor" if is_actor else "place",
                kind=kind,
                name=name,
                aliases=tuple(
                    Alias(text, count, first_seen[text])
                    for text, count in sorted(aliases.items(), key=lambda x: (-x[1], x[0]))
                ),
                rules=tuple(sorted(group.rules)),
                articles=tuple(sorted({m.article_id for m in group.mentions})),
                mention_count=len(group.mentions),
                roles=tuple(
                    Alias(text, count)
                    for text, count in sorted(roles.items(), key=lambda x: (-x[1], x[0]))
                )
                if kind == "person"
                else (),
                lat=place.lat if place and not is_actor else None,
                lon=place.lon if place and not is_actor else None,
                parent=place.parent if place and not is_actor else None,
                located_as=(
                    f"{place.name}, {place.kind}, {place.country_name}"
                    if place and not is_actor
                    else None
                ),
                acting=_acting(group) if kind == "country" else (),
            )
        )
        key_to_id[key] = entity_id
    return sorted(entities, key=lambda e: e.id), key_to_id


REFOUND_MIN_MENTIONS = 2
"""An entity's names are looked for again in the text when the tagger found it this
often: a one-off may be noise, and its name would spread it."""
REFOUND_MIN_LENGTH = 4
"""Shorter names are looked for again only when written in capitals ("HTS")."""
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’]*(?:-[\w'’]+)*)(?:\s+(?:(?:al|el|of|the|for|de)[\s-]+)?[A-Z][\w'’]*(?:-[\w'’]+)*)*"
)
_RUN_DETERMINERS = ("The ", "A ", "An ")


def _refindable_names(
    entities: Sequence[Entity],
) -> dict[str, Entity]:
    """Written names that stand for one entity only, worth finding again."""
    owners: dict[str, set[str]] = defaultdict(set)
    by_id = {e.id: e for e in entities}
    for entity in entities:
        if entity.mention_count < REFOUND_MIN_MENTIONS:
            continue
        for alias in entity.aliases:
            name = alias.text
            if len(name) >= REFOUND_MIN_LENGTH or (len(name) >= 3 and name.isupper()):
                owners[name].add(entity.id)
    return {name: by_id[next(iter(ids))] for name, ids in owners.items() if len(ids) == 1}


def _names_found_again(
    extractions: Sequence[ArticleExtraction],
    entities: Sequence[Entity],
    mention_entity: dict[tuple[str, int, int], str],
) -> tuple[tuple[ArticleExtraction, ...], list[Entity]]:
    """Names of known entities the tagger missed in some sentence ("launched their
    offensive with an attack on Aleppo") become mentions too: a whole run of
    capitalised words written exactly as one entity's name, outside any mention.
    ``mention_entity`` is updated; entities count the new mentions."""
    names = _refindable_names(entities)
    added: Counter[str] = Counter()
    new_articles: dict[str, set[str]] = defaultdict(set)
    result = []
    for extraction in extractions:
        taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in extraction.mentions:
            taken[m.paragraph].append((m.start, m.end))
        found = []
        for sentence in extraction.sentences:
            for run in _CAPITALISED_RUN.finditer(sentence.text):
                text, offset = run.group(0), run.start()
                for determiner in _RUN_DETERMINERS:
                    if text.startswith(determiner):
                        text, offset = text[len(determiner) :], offset + len(determiner)
                entity = names.get(text)
                if entity is None:
                    continue
                if sentence.text[max(0, offset - 1) : offset] == "(":
                    continue  # a gloss of the name just before it: "Hayat Tahrir al-Sham (HTS)"
                start = sentence.start + offset
                end = start + len(text)
                if any(s < end and start < e for s, e in taken[sentence.paragraph]):
                    continue
                found.append(
                    Mention(
                        article_id=extraction.article_id,
                        paragraph=sentence.paragraph,
                        sentence=sentence.index,
                        start=start,
                        end=end,
                        text=text,
                        label="GPE" if entity.group == "place" else "ORG",
                    )
                )
                mention_entity[(extraction.article_id, sentence.paragraph, start)] = entity.id
                added[entity.id] += 1
                new_articles[entity.id].add(extraction.article_id)
        mentions = sorted([*extraction.mentions, *found], key=lambda m: (m.paragraph, m.start))
        result.append(replace(extraction, mentions=tuple(mentions)))
    entities = [
        replace(
            e,
            mention_count=e.mention_count + added[e.id],
            articles=tuple(sorted(set(e.articles) | new_articles[e.id])),
        )
        if added[e.id]
        else e
        for e in entities
    ]
    return tuple(result), entities


def resolve(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    title: str,
    date_order: str = "DMY",
    curation: Curation | None = None,
    gazetteer: Gazetteer | None = None,
) -> Briefing:
    """Group mentions into entities and assemble everything the pages need."""
    curation = curation or Curation()
    paragraphs = _paragraph_texts(corpus)
    # Read once: the acronym mentions added next are never followed by a definition.
    defined = _defined_acronyms(paragraphs, extractions)
    extractions = _with_acronym_mentions(paragraphs, extractions, defined)
    extractions = _relabel_lists(paragraphs, extractions, defined)
    lower = _lower_case_words(corpus)
    groups, assignment = _group_mentions(extractions, curation.split, lower, defined)
    _merge_spellings(groups, assignment)
    groups = _locate_groups(groups, assignment, paragraphs, gazetteer or NoGazetteer())
    # Words for peoples ("Syrian", "Alawite"): mostly tagged NORP, and not a place.
    votes_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for e in extractions:
        for m in e.mentions:
            votes_by_key[name_key(m.text, True)][m.label] += 1
    people = Counter(
        {
            key: sum(v.values())
            for key, v in votes_by_key.items()
            if v.most_common(1)[0][0] in NAME_ONLY_LABELS
            and not (key in groups and groups[key].place is not None)
        }
    )
    _join_partial_names(groups, assignment, lower, people, paragraphs)
    _join_misspellings(groups, assignment, people)
    groups = _drop_modifier_words(groups, set(people), paragraphs)
    groups = _drop_common_words(groups, lower)
    groups = _curate(groups, assignment, curation)
    outlets = frozenset(fold(a.outlet) for a in corpus.articles if a.outlet)
    entities, key_to_id = _entities(groups, curation, outlets, paragraphs)
    mention_entity = {
        where: key_to_id[key] for where, key in assignment.items() if key in key_to_id
    }
    # Mentions whose key normalised to nothing are dropped from every later step.
    kept = tuple(
        ArticleExtraction(
            e.article_id,
            e.sentences,
            tuple(m for m in e.mentions if (m.article_id, m.paragraph, m.start) in mention_entity),
            e.dates,
            e.quotes,
        )
        for e in extractions
    )
    kept, entities = _names_found_again(kept, entities, mention_entity)
    by_id = {e.id: e for e in entities}
    dating = sentence_dating(corpus, kept, date_order)
    statements = build_statements(corpus, kept, mention_entity, dating)
    # A town or region tells events apart; a country is too broad to.
    towns_and_regions = {e.id for e in entities if e.group == "place" and e.kind != "country"}
    events = build_events(corpus, statements, towns_and_regions)
    quotes = resolve_quotes(corpus, kept, mention_entity, by_id, dating)
    briefing = Briefing(
        title=title,
        corpus=corpus,
        entities=tuple(entities),
        statements=tuple(statements),
        days=tuple(build_days(corpus, statements, events)),
        events=tuple(events),
        quotes=tuple(quotes),
        claims=tuple(figure_claims(corpus, kept, quotes, by_id, dating, CLAIM_CUES)),
        extractions=kept,
        mention_entity=mention_entity,
        proposals=_proposals(entities),
    )
    return with_salience(briefing)
