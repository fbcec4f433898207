"""Statements, for the resolve stage: sentences naming an entity, dated, verbatim repeats merged.

1. **sentences**: each sentence that names an entity, with its mentions' spans and
   arguments, its day (:mod:`.dating`), the verb its date expression dates, its claim
   cue (:data:`CLAIM_CUES`) and its figures;
2. **repeats**: the same words dated to the same day are one statement, cited
   wherever they were told and counted by independent sources (:mod:`.repeats`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..records import ArticleExtraction, Citation, Corpus, Mention, Sentence, Statement
from .claims import CLAIM_CUES
from .dating import Dated
from .figures import figures
from .repeats import Repeats, independent_sources, repeat_key, story_families

__all__ = ["CLAIM_CUES", "build_statements"]


def build_statements(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    mention_entity: dict[tuple[str, int, int], str],
    dating: dict[tuple[str, int], Dated],
) -> list[Statement]:
    """Sentences naming an entity, dated, verbatim repeats merged into one statement."""
    told: Repeats[Statement] = Repeats()
    for extraction in extractions:
        _tell_article(extraction, mention_entity, dating, told)
    family = story_families(corpus)
    return [
        replace(
            t.first,
            citations=tuple(t.citations),
            sources=independent_sources(t.citations, family),
        )
        for t in told
    ]


def _tell_article(
    extraction: ArticleExtraction,
    mention_entity: dict[tuple[str, int, int], str],
    dating: dict[tuple[str, int], Dated],
    told: Repeats[Statement],
) -> None:
    """Stage 1 and 2 for one article: its statements, or more citations of ones told."""
    mentions_by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in extraction.mentions:
        mentions_by_sentence[m.sentence].append(m)
    date_verb: dict[tuple[int, str], int] = {}
    for d in extraction.dates:
        date_verb.setdefault((d.sentence, d.text), d.verb)
    for sentence in extraction.sentences:
        dated = dating[(extraction.article_id, sentence.index)]
        mentions = mentions_by_sentence.get(sentence.index, [])
        if not mentions:
            continue
        ids = [mention_entity[(m.article_id, m.paragraph, m.start)] for m in mentions]
        # The same words dated to different days ("on Monday" in two weeks) stay apart.
        key = (repeat_key(sentence.text), dated.day)
        citation = Citation(sentence.article_id, sentence.paragraph)
        if not told.cite(key, citation):
            verb = date_verb.get((sentence.index, dated.evidence or ""), -1)
            told.add(key, _statement(sentence, mentions, ids, dated, verb), citation)


def _statement(
    sentence: Sentence, mentions: list[Mention], ids: list[str], dated: Dated, date_verb: int
) -> Statement:
    """Stage 1: the statement of one sentence as first told; its citations and sources
    are filled in once every repeat is known."""
    start = sentence.start
    cue = CLAIM_CUES.search(sentence.text)
    return Statement(
        text=sentence.text,
        citations=(),
        entities=tuple(dict.fromkeys(ids)),
        spans=tuple(
            (m.start - start, m.end - start, entity_id)
            for m, entity_id in zip(mentions, ids, strict=True)
        ),
        date=dated.day,
        date_evidence=dated.evidence,
        claim_cue=cue.group(0) if cue else None,
        verbs=sentence.verbs,
        tagged=sentence.tagged,
        arguments=tuple(
            (entity_id, m.argument, m.verb - start if m.verb >= 0 else -1)
            for m, entity_id in zip(mentions, ids, strict=True)
        ),
        background=dated.background,
        figures=tuple(figures(sentence.text)),
        date_at=date_verb - start if date_verb >= 0 else -1,
    )
