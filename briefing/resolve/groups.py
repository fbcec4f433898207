"""Groups of mentions: the working record of one would-be entity while names are
merged, and the two ways rules change them (merge whole groups, move some mentions).

The rules never change the groups they are given: each works on :func:`copied`
groups and returns them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ..records import ACTOR_LABELS, FAC, NAME_ONLY_LABELS, PERSON, Mention
from ..textutil import fold
from .gazetteer import Place, comparable
from .names import display, has_institution_word, is_title, name_key

Where = tuple[str, int, int]
"""Where a mention is: (article id, paragraph index, start offset)."""
Groups = Mapping[str, "Group"]
RULE_KEPT_APART = "kept apart by aliases.yml (split)"
PLACE_CUE_SHARE = 0.5
"""A name in a place context at least this often is a place, whatever its tags."""
PLACE_CUE_MIN_MENTIONS = 3
"""…and a name seen less often than this must be in a place context every time."""


@dataclass
class Group:
    """Mentions gathered under one key while resolving."""

    key: str
    """The normalised name the group is filed under."""
    mentions: list[Mention] = field(default_factory=list)
    """Its mentions, in the order they joined."""
    rules: set[str] = field(default_factory=set)
    """Why each of its names belongs to it, for the entity page."""
    place: Place | None = None
    """The gazetteer place it was located as, if any."""
    cues: int = 0
    """Mentions in a place context ("in X", "the X district"), once counted."""
    described: str = ""
    """For a described actor ("the Syrian army", :mod:`.described`), its kind of actor."""
    title: str = ""
    """For a described actor, the name it is shown under ("Syrian military")."""
    country: str = ""
    """For a described actor of a country, the key of that country's group."""

    def votes(self) -> Counter[str]:
        """Mentions per NER label."""
        return Counter(m.label for m in self.mentions)

    def top_label(self) -> str:
        """The label most of its mentions have (the first seen among equals)."""
        return self.votes().most_common(1)[0][0]

    def name(self) -> str:
        """The name it is shown under: its most written name (of those with its key,
        when there are any), the longer between equals; a described actor's title."""
        if self.title:
            return self.title
        own = Counter(
            display(m.text)
            for m in self.mentions
            if name_key(m.text, True) == self.key or name_key(m.text) == self.key
        )
        if not own or self.place is not None:  # spellings of one place are all its own
            own = Counter(display(m.text) for m in self.mentions)
        # Between equally frequent spellings of a place, the gazetteer's spelling decides.
        place = comparable(self.place.name) if self.place else ""
        return min(
            own,
            key=lambda s: (
                -own[s],
                -SequenceMatcher(None, comparable(s), place).ratio(),
                -len(s),
                s,
            ),
        )

    def is_actor(self) -> bool:
        """An actor (person or organisation) rather than a place."""
        if self.described:
            return True
        if self.place is not None or self._in_place_context():
            return False
        votes = self.votes()
        if votes.most_common(1)[0][0] == FAC and any(m.syntax == "nsubj" for m in self.mentions):
            return True  # "the White Helmets said": a building or site does not act
        actor = sum(n for label, n in votes.items() if label in ACTOR_LABELS)
        titled = self._titled_non_actor_mentions()
        return actor + titled > sum(votes.values()) - actor - titled

    def _in_place_context(self) -> bool:
        """ "in Baba Amr", "the Baba Amr district": a place the gazetteer lacks."""
        few = len(self.mentions) < PLACE_CUE_MIN_MENTIONS
        share = 1.0 if few else PLACE_CUE_SHARE  # "the district of Bab Tuma", once
        return bool(
            self.cues
            and self.cues >= share * len(self.mentions)
            and not any(m.role for m in self.mentions)
            and not has_institution_word(self.key)
        )

    def _titled_non_actor_mentions(self) -> int:
        """Mentions tagged other than as an actor that still name a person: "Gen Dabi"
        whatever the tag, or "Makhlouf" in a group that also holds "Rami Makhlouf" as a
        person (the surname of that person)."""
        people = {fold(m.text) for m in self.mentions if m.label == PERSON and " " in m.text}
        return sum(
            1
            for m in self.mentions
            if m.label not in ACTOR_LABELS
            and (
                (len(m.text.split()) > 1 and is_title(m.text.split()[0]))
                or any(p.endswith(" " + fold(m.text)) for p in people)
            )
        )

    def kept_apart(self) -> bool:
        """Split off by the user's aliases.yml: no rule may join it to another name."""
        return any(rule.startswith(RULE_KEPT_APART) for rule in self.rules)

    def name_only(self) -> bool:
        """Only ever tagged with a candidate-only label (NORP)."""
        return all(m.label in NAME_ONLY_LABELS for m in self.mentions)


def family(votes: Counter[str]) -> str:
    """PERSON, ORG, "people" (a word for a people, NORP) or "place", by the top label."""
    top = votes.most_common(1)[0][0]
    if top in NAME_ONLY_LABELS:
        return "people"
    return top if top in ACTOR_LABELS else "place"


def where(mention: Mention) -> Where:
    """The place of a mention in the corpus."""
    return (mention.article_id, mention.paragraph, mention.start)


def copied(groups: Groups) -> dict[str, Group]:
    """Groups a rule may change without changing the ones it was given."""
    return {
        key: replace(group, mentions=list(group.mentions), rules=set(group.rules))
        for key, group in groups.items()
    }


def merge_groups(groups: dict[str, Group], keys: list[str], rule: str) -> str:
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
    return target.key


def move_mentions(
    groups: dict[str, Group], source: str, target: str, mentions: list[Mention], rule: str
) -> None:
    """Move some mentions of one group to another; an emptied group goes."""
    for m in mentions:
        groups[source].mentions.remove(m)
        groups[target].mentions.append(m)
    groups[target].rules.add(rule)
    if not groups[source].mentions:
        del groups[source]


def owners(groups: Groups) -> dict[Where, str]:
    """Each grouped mention's group key."""
    return {where(m): key for key, group in groups.items() for m in group.mentions}
