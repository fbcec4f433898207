"""Resolve stage: group mentions into actors and places, date sentences, build days.

:func:`resolve` runs these passes in this order (:mod:`.passes`), each taking the
working state (:class:`~.state.Resolution`) and returning a new one:

1. **corpus**: paragraph texts, the words written in lower case, the outlets;
2. **acronyms defined**: "Hayat Tahrir al-Sham (HTS)" (:mod:`.acronyms`);
3. **acronym mentions**: every use of a defined acronym is a mention;
4. **lists**: a name listed among names of one label takes that label (:mod:`.lists`);
5. **grouping**: mentions are grouped by normalised name (:mod:`.names`: case,
   accents, titles, owners, al-/el- ignored), run-on names cut, acronyms and short
   names ("Assad") joined to the full names (:mod:`.grouping`);
6. **spellings and middle names**: transliterations of one name are one
   (Araqchi/Araghchi), and so are people's names that differ only by a middle name or
   initial (Raj K. Chohan/Raj Chohan), and names the text gives as another's ("the
   Syrian Civil Defense, known as the White Helmets"; :mod:`.known_as`);
7. **places**: names are located in the gazetteer (:mod:`.places`, :mod:`.locate`);
   names of one place are merged, peoples' words not located dropped;
8. **peoples**: words for peoples ("Syrian") are counted;
9. **partial names**: a longer name spelled almost alike joins the other (Anre/Andre
   Iguodala), then a part of one longer name joins it (:mod:`.joins`);
10. **misspellings**: a rare word with two letters swapped, or a long one with a letter
    moved, joins the frequent name;
11. **modifier words**: peoples' words and names only used as modifiers are dropped;
12. **common words**: one-word names mostly written in lower case are dropped;
13. **described actors**: actors named by what they are ("the Syrian army",
    "government forces", "state media", "rebels") are grouped by whose they are
    (:mod:`.described`);
14. **curation**: the user's ``aliases.yml`` merges and drops (:mod:`.curation`);
15. **entities**: groups become entities with ids, kinds (:mod:`.kinds`), the
    user's kinds and names (:mod:`.entities`);
16. **kept mentions**: mentions of no entity leave every later step;
17. **names found again**: entities' names the tagger missed become mentions;
18. **dating**: the day each sentence is about (:mod:`.dating`);
19. **statements**: sentences naming an entity (:mod:`.statements`);
20. **events**: what happened on each day (:mod:`.events`);
21. **quotes**: speakers tied to entities (:mod:`.speakers`);
22. **days**: each day's statements and events (:mod:`.days`);
23. **claims**: every figure with who gives it (:mod:`.figure_sources`);
24. **proposals**: pairs of entities that may be one, for review (:mod:`.proposals`);
25. **salience**: what the pages show first: whether each claimant is a party, each
    day's salience and summary, the figure topics (:mod:`.salience`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import ArticleExtraction, Briefing, Corpus
from . import passes
from .curation import Curation
from .gazetteer import Gazetteer
from .state import Resolution


def resolve(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    title: str,
    date_order: str = "DMY",
    curation: Curation | None = None,
    gazetteer: Gazetteer | None = None,
) -> Briefing:
    """Group mentions into entities and assemble everything the pages need."""
    state = Resolution.start(corpus, extractions, title, date_order, curation, gazetteer)
    state = passes.read_corpus(state)  # 1 corpus
    state = passes.define_acronyms(state)  # 2 acronyms defined
    state = passes.add_acronym_mentions(state)  # 3 acronym mentions
    state = passes.relabel_lists(state)  # 4 lists
    state = passes.group_mentions(state)  # 5 grouping
    state = passes.merge_spellings(state)  # 6 spellings and middle names
    state = passes.locate_places(state)  # 7 places
    state = passes.count_peoples(state)  # 8 peoples
    state = passes.join_partial_names(state)  # 9 partial names
    state = passes.join_misspellings(state)  # 10 misspellings
    state = passes.drop_modifier_words(state)  # 11 modifier words
    state = passes.drop_common_words(state)  # 12 common words
    state = passes.add_described_actors(state)  # 13 described actors
    state = passes.curate(state)  # 14 curation
    state = passes.make_entities(state)  # 15 entities
    state = passes.keep_entity_mentions(state)  # 16 kept mentions
    state = passes.find_names_again(state)  # 17 names found again
    state = passes.date_sentences(state)  # 18 dating
    state = passes.build_statements(state)  # 19 statements
    state = passes.build_events(state)  # 20 events
    state = passes.resolve_quotes(state)  # 21 quotes
    state = passes.build_days(state)  # 22 days
    state = passes.figure_claims(state)  # 23 claims
    state = passes.propose_merges(state)  # 24 proposals
    state = passes.rank_days(state)  # 25 salience
    return state.briefing()
