"""Described actors grouped by whose they are (part of the resolve stage; the phrases
are read by :mod:`.described`).

1. **reading**: every described mention is read (:func:`~.described.read_description`),
   with the story's own country (:func:`~.countries.home_country`: the country the
   corpus names most, counting its towns and regions and its people's word);
2. **more mentions**: a country's word coordinated with a described actor ("Syrian and
   Russian warplanes") describes one too; a capital city that speaks or takes a stance
   ("Damascus said", "Moscow denied") stands for its government; an organisation named
   only by a country's word and a role ("Syrian Army"), or right after a description
   of it ("Syrian state news agency SANA"), joins that actor;
3. **bare roles** ("the navy said"): the story's own country's when the text names that
   one or no other, else the one of that role whose owner the text names most;
4. **groups** (:func:`described_groups`): one group per role and owner, shown under a
   phrase as written: an organisation's name merged in ("Sudanese Armed Forces"),
   else the phrase that names it with its owner most often ("Syrian army"), else the
   one written most ("Rebels", "Police"). An actor named once, and not by whose it is
   ("troops"), is too vague to be one; a people's word that is an organisation's name
   ("Hezbollah forces") makes the phrase that organisation's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import zip_longest

from .. import lexicon
from ..records import DESCRIBED, ORG, PLACE_LABELS, ArticleExtraction, Mention
from ..textutil import fold
from .countries import Country, capital_of, country_name, country_of, home_country
from .cues import Paragraphs
from .described import (
    NAME_HEADS,
    SIDES,
    Described,
    names_a_role,
    names_its_owner,
    naming_head,
    read_description,
)
from .event_types import verb_word
from .groups import Group, Groups, copied, where
from .names import name_key

KIND_OF_ROLE = {
    role: kind for kind, roles in lexicon.forms("described_role_kinds").items() for role in roles
}
GOVERNMENT = "government"
STANCE_VERBS = lexicon.verb_form_set("government_stance_verbs") | lexicon.verb_form_set(
    "reporting_verbs"
)
MIN_MENTIONS = 2
"""A described actor the text never names by whose it is ("the army", "civilians")
needs this many mentions to be one: once, such words are too vague for a page."""
RULE_DESCRIBED = "described actor: {what}, from phrases such as {examples}"
RULE_CAPITAL = "a capital city that speaks or takes a stance stands for its government"
RULE_OWNED = 'an organisation\'s name before a role ("X forces") stands for it'
RULE_NAMED = "a name that is only a country's or a place's word and a role is that actor"
RULE_APPOSITION = "an organisation named right after a description of it is that actor"
RULE_COORDINATED = "a country's word coordinated with a described actor describes one too"
_COORDINATED = re.compile(r"\s+(?:and|or)\s+$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _coordinated(m: Mention, reading: Described, paragraphs: Paragraphs) -> tuple[int, str]:
    """(start, word) of the country word written just before "and"/"or" and ``m``, when
    ``m`` names its owner first ("Syrian and Russian warplanes"); else (-1, "")."""
    if not reading.written:
        return -1, ""
    before = paragraphs.get((m.article_id, m.paragraph), "")[: m.start]
    joined = _COORDINATED.search(before)
    if joined is None:
        return -1, ""
    word = (before[: joined.start()].rsplit(None, 1)[-1:] or [""])[0]
    return (joined.start() - len(word), word) if country_of(word) is not None else (-1, "")


def _speaks_as_capital(m: Mention, paragraphs: Paragraphs) -> Country | None:
    """The country whose government a capital's name stands for ("Damascus said")."""
    if m.label not in PLACE_LABELS or m.argument not in ("nsubj", "agent") or m.verb < 0:
        return None
    country = capital_of(m.text)
    if country is None:
        return None
    verb = verb_word(paragraphs.get((m.article_id, m.paragraph), ""), m.verb)
    return country if fold(verb) in STANCE_VERBS else None


@dataclass
class _Found:
    """Described mentions found so far, by group key, and the mentions they replace."""

    readings: dict[str, Described] = field(default_factory=dict)
    """Group key → the reading that names it (one with its owner written, if any)."""
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    """Group key → its mentions."""
    rules: dict[str, set[str]] = field(default_factory=dict)
    """Group key → why mentions other than descriptions joined it."""
    replaced: dict[tuple[str, int, int], Mention] = field(default_factory=dict)
    """Where a mention stands → the described mention made there ("Syrian" of "Syrian
    and Russian warplanes"), which replaces the tagger's."""
    bare: list[tuple[Mention, Described]] = field(default_factory=list)
    """Bare roles ("the navy") waiting to be placed (:meth:`place_bare`)."""
    appositions: dict[tuple[str, int, int], Described] = field(default_factory=dict)
    """Where an organisation's name follows a description of it ("state news agency
    SANA") → that description."""

    def place_bare(self) -> None:
        """Stage 3: each bare role ("the navy") is the story's own country's when the
        text names that one or names no other; otherwise it is the one of that role
        whose owner the text names most ("Indian Navy" in a story set off Somalia)."""
        written: dict[str, Counter[str]] = defaultdict(Counter)  # role → key → mentions
        for key, reading in self.readings.items():
            if reading.written and not reading.backer:
                written[reading.role][key] += len(self.mentions[key])
        for m, reading in self.bare:
            counts = written.get(reading.role, Counter())
            own = replace(reading, bare=False)
            if own.key() in counts or not counts:
                self.add(m, own)
            else:
                self.mentions[min(counts, key=lambda k: (-counts[k], k))].append(m)
        self.bare = []

    def add(self, m: Mention, reading: Described, rule: str = "") -> None:
        if reading.bare:
            self.bare.append((m, reading))
            return
        key = reading.key()
        self.readings.setdefault(key, reading)
        if reading.written:
            self.readings[key] = reading  # a written owner names the group
        self.mentions.setdefault(key, []).append(m)
        if rule:
            self.rules.setdefault(key, set()).add(rule)


def _coordinated_mention(
    m: Mention,
    reading: Described,
    by_where: Mapping[tuple[str, int, int], Mention],
    start: int,
    word: str,
) -> tuple[Mention, Described]:
    """The mention of the country word at ``start`` before "and" in "Syrian and Russian
    warplanes", made a described actor's with the role of the phrase it is coordinated
    with."""
    old = by_where.get((m.article_id, m.paragraph, start))
    base = old or Mention(
        m.article_id, m.paragraph, m.sentence, start, start + len(word), word, DESCRIBED
    )
    made = replace(
        base, label=DESCRIBED, role=None, syntax=m.syntax, argument=m.argument, verb=m.verb
    )
    country = country_of(word)
    assert country is not None  # _coordinated checked it
    return made, Described(reading.role, country.code, True, reading.backer)


def _read_mentions(
    extractions: Sequence[ArticleExtraction], paragraphs: Paragraphs, home: str
) -> _Found:
    """Stages 1 and 3: every described mention read, with the country words
    coordinated with one."""
    found = _Found()
    for e in extractions:
        by_where = {where(m): m for m in e.mentions}
        for m, following in zip_longest(e.mentions, e.mentions[1:]):
            reading = read_description(m.text, home) if m.label == DESCRIBED else None
            if reading is None:
                continue
            found.add(m, reading)
            if following is not None and _names_it(m, following, paragraphs):
                found.appositions[where(following)] = reading
            start, word = _coordinated(m, reading, paragraphs)
            if word:
                made, made_reading = _coordinated_mention(m, reading, by_where, start, word)
                found.replaced[where(made)] = made
                found.add(made, made_reading, RULE_COORDINATED)
    return found


def _names_it(m: Mention, following: Mention, paragraphs: Paragraphs) -> bool:
    """ "Syrian state news agency SANA": an organisation's name right after a
    description, which says what it is."""
    between = paragraphs.get((m.article_id, m.paragraph), "")[m.end : following.start]
    return following.label == ORG and following.paragraph == m.paragraph and between == " "


def _capitals_and_names(
    groups: dict[str, Group], found: _Found, paragraphs: Paragraphs, home: str
) -> None:
    """Stage 2: capitals that speak for their governments, organisations named only by a
    country's or a place's word and a role ("Syrian Army", "Surrey Police") and
    organisations named right after a description ("state news agency SANA") join the
    described actors."""
    places = frozenset(k for k, g in groups.items() if g.place is not None)
    for key in sorted(groups):
        group = groups[key]
        if group.kept_apart():
            continue
        speaking = [(m, c) for m in group.mentions if (c := _speaks_as_capital(m, paragraphs))]
        for m, country in speaking:
            group.mentions.remove(m)
            found.add(m, Described(GOVERNMENT, country.code, True), RULE_CAPITAL)
        described = [
            found.appositions[at] for m in group.mentions if (at := where(m)) in found.appositions
        ]
        reading = _named_description(group, home, places) if group.mentions else None
        rule = RULE_NAMED
        if reading is None and described and group.place is None:
            reading, rule = described[0], RULE_APPOSITION
        if reading is not None:
            for m in group.mentions:
                found.add(m, reading, rule)
            group.mentions.clear()
        if not group.mentions:
            del groups[key]


def _named_description(group: Group, home: str, places: frozenset[str]) -> Described | None:
    """The described actor an organisation's name is, when it is only a country's word
    and a role ("Syrian Army", "US Navy") or a place's name and a role ("Surrey
    Police"; ``places``: the keys of the located places), else None."""
    if group.place is not None or group.top_label() in PLACE_LABELS:
        return None  # a person's tag too: "Surrey Police" names no person
    name = group.name()
    head = naming_head(name)
    owner = name_key(name[: len(name) - len(head)].strip(), True) if head else ""
    if names_a_role(name) or (owner in places and head in NAME_HEADS):
        return read_description(name, home)
    return None


def described_groups(
    groups: Groups,
    extractions: Sequence[ArticleExtraction],
    paragraphs: Paragraphs,
    people: Counter[str],
) -> tuple[dict[str, Group], tuple[ArticleExtraction, ...]]:
    """Stages 1-4: the groups with the described actors added (and the organisations and
    capitals they take in), and the extractions with the mentions they made."""
    groups = copied(groups)
    home = home_country(groups, people)
    found = _read_mentions(extractions, paragraphs, home)
    taken = set(found.replaced)
    for key in list(groups):
        groups[key].mentions = [m for m in groups[key].mentions if where(m) not in taken]
        if not groups[key].mentions:
            del groups[key]
    _capitals_and_names(groups, found, paragraphs, home)
    found.place_bare()
    countries = {
        g.place.country: k
        for k, g in sorted(groups.items(), key=lambda kv: len(kv[1].mentions))
        if g.place is not None and g.place.kind == "country"
    }  # the most mentioned group of each country, set last
    for key, reading in found.readings.items():
        if len(found.mentions[key]) < MIN_MENTIONS and not reading.written:
            continue  # "troops" once: too vague for a page
        named = _named_owner(groups, reading)
        if named is not None:
            named.mentions.extend(found.mentions[key])  # "Hezbollah forces" are Hezbollah
            named.rules.add(RULE_OWNED)
            continue
        groups[key] = _group(key, reading, found.mentions[key], countries.get(reading.owner, ""))
        groups[key].rules |= found.rules.get(key, set())
    return groups, _with_replaced(extractions, found.replaced)


def _named_owner(groups: Mapping[str, Group], reading: Described) -> Group | None:
    """The organisation a people's word of a description names, when it is one
    ("Hezbollah forces"), else None."""
    group = groups.get(reading.owner) if reading.written and reading.owner.islower() else None
    if group is None or group.place is not None or group.top_label() != ORG:
        return None
    return group


def _with_replaced(
    extractions: Sequence[ArticleExtraction], replaced: Mapping[tuple[str, int, int], Mention]
) -> tuple[ArticleExtraction, ...]:
    """The extractions with the mentions made by stage 2 in place of the ones they replace."""
    made: dict[str, list[Mention]] = defaultdict(list)
    for (article_id, _, _), m in replaced.items():
        made[article_id].append(m)
    out = []
    for e in extractions:
        if e.article_id not in made:
            out.append(e)
            continue
        kept = {where(m): m for m in e.mentions}
        kept.update({where(m): m for m in made[e.article_id]})
        ordered = tuple(sorted(kept.values(), key=lambda m: (m.paragraph, m.start)))
        out.append(replace(e, mentions=ordered))
    return tuple(out)


def _group(key: str, reading: Described, mentions: list[Mention], country_key: str) -> Group:
    written = Counter(m.text for m in mentions)
    examples = ", ".join(f'"{text}"' for text, _ in written.most_common(3))
    return Group(
        key,
        list(mentions),
        {RULE_DESCRIBED.format(what=_what(reading), examples=examples)},
        described=KIND_OF_ROLE.get(reading.role, "organisation"),
        title=_title(mentions),
        country=country_key,
    )


def _most_written(texts: Sequence[str]) -> str:
    """The phrase written most often, without a leading article, capitalised."""
    phrases = Counter(_ARTICLE.sub("", text) for text in texts)
    by_fold = Counter(fold(t) for t in phrases.elements())
    text = min(phrases, key=lambda t: (-by_fold[fold(t)], -phrases[t], t))
    return text[:1].upper() + text[1:]


def _title(mentions: Sequence[Mention]) -> str:
    """The name a described actor is shown under, always as written, the first of: an
    organisation's name merged into it ("Sudanese Armed Forces"); the phrase most often
    written that names it with its owner ("Syrian army"); the phrase most often written
    that names it ("the army"); a capital speaking for its government, said to be so
    ("Damascus (government)"); the phrase most often written ("rebels")."""
    texts = {m.text for m in mentions}  # each phrase read once, however often written
    owning = {t for t in texts if names_its_owner(t)}
    heading = {t for t in texts if naming_head(t) in NAME_HEADS}
    named = [m.text for m in mentions if m.label == ORG and names_a_role(m.text)]
    owned = [m.text for m in mentions if m.text in owning]
    naming = [m.text for m in mentions if m.text in heading]
    if named or owned or naming:
        return _most_written(named or owned or naming)
    if all(m.label in PLACE_LABELS for m in mentions):
        return f"{_most_written([m.text for m in mentions])} (government)"  # "Damascus said"
    return _most_written([m.text for m in mentions])


def _what(reading: Described) -> str:
    """What a described actor is, for its page ("the military of Syria")."""
    if reading.role in SIDES:
        return f"the {reading.role}, one side of the story"
    what = f"the {reading.role}"
    if reading.owner:
        what += f" of {country_name(reading.owner)}"
    if reading.backer:
        what += f", backed by {country_name(reading.backer)}"
    return what
