"""Figure sources, for the resolve stage: each figure with who gives it and as of when.

1. **figures**: every figure of every sentence dated to this story (not background:
   a figure of another year is history, and a toll of the whole conflict is not the
   story's count), as of its sentence's day (a count running
   *since* a day is as of publication: :func:`.dating.as_of`);
2. **source**: the speaker of the quote or reported clause holding the figure ("at
   least 242 people were killed, the Observatory said"), the nearest speaker when
   several hold it; a distance given in a reported clause is the writer's geography,
   not the speaker's; with no speaker, the article's outlet reports it;
3. **party and claim**: whether that source is a party to the conflict
   (:mod:`.parties`), and the claim cue that marks the figure's clause, if any
   (within :data:`CUE_REACH` of its speaker);
4. **repeats**: the same words with the same figure on the same day are one figure
   claim, cited wherever told and counted by independent sources
   (:mod:`.repeats`); ids follow the first telling's paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..records import (
    ArticleExtraction,
    Citation,
    Corpus,
    Entity,
    Figure,
    FigureClaim,
    ResolvedQuote,
    Sentence,
)
from .dating import Dated, as_of
from .figures import figures, unit_topics
from .parties import is_party
from .repeats import Repeats, independent_sources, repeat_key, story_families

CUE_REACH = 40
"""Characters after a speaker or a reported clause in which a claim cue still marks
it ("state television claimed", "..., without providing evidence")."""


def _cue_marks(quote: ResolvedQuote, at: int) -> bool:
    """Whether a claim cue at offset ``at`` is in the quote's words or by its speaker
    ("state television claimed", "..., without providing evidence")."""
    if quote.start <= at < quote.end:
        return True
    if quote.speaker_start >= 0 and quote.speaker_start <= at <= quote.speaker_end + CUE_REACH:
        return True
    return at >= quote.end and quote.kind == "indirect" and at - quote.end <= CUE_REACH


def _speaker_distance(quote: ResolvedQuote, at: int) -> int:
    if quote.speaker_start < 0:
        return abs(at - quote.start)
    return min(abs(at - quote.speaker_start), abs(at - quote.speaker_end))


def _giver(figure: Figure, at: int, quotes: Sequence[ResolvedQuote]) -> ResolvedQuote | None:
    """Stage 2: the quote whose speaker gives the figure at offset ``at``, or None."""
    said = [
        q
        for q in quotes
        if q.start <= at < q.end
        # "X said rebels took Brega, 200 km east": the writer's geography
        and (q.kind == "direct" or figure.topic not in unit_topics())
    ]
    # "X said A, killing four, according to Y": the nearest speaker gives it
    return min(said, key=lambda q: (_speaker_distance(q, at), q.id)) if said else None


def _claim(
    figure: Figure,
    sentence: Sentence,
    dated: Dated,
    quote: ResolvedQuote | None,
    cue: re.Match[str] | None,
    entities: dict[str, Entity],
    reporter: str | None,
) -> FigureClaim:
    """Stages 2 and 3: the figure claim as first told; its id, citations and sources
    are filled in once every repeat is known."""
    source = quote.speaker if quote else None
    written = quote.speaker_text if quote else None
    # "X said A, where four were killed, according to state media": the cue marks the
    # clause it is in, not the speaker's other words
    marks = cue is not None and (quote is None or _cue_marks(quote, sentence.start + cue.start()))
    if quote:
        party = is_party(entities.get(source or ""), written)
    else:
        party = bool(cue and is_party(None, cue.group(0)))
    return FigureClaim(
        id="",
        topic=figure.topic,
        label=figure.label,
        value=figure.value,
        low=figure.low,
        high=figure.high,
        within=figure.within,
        running=figure.running,
        date=dated.day,
        date_evidence=dated.evidence,
        source=source,
        source_text=written,
        reported_by=reporter,
        party=party,
        claim_cue=cue.group(0) if cue and marks else None,
        sentence=sentence.text,
        citations=(),
        sources=0,
    )


def _tell_figures(
    article_id: str,
    sentence: Sentence,
    dated: Dated,
    quotes: Sequence[ResolvedQuote],
    claim_cues: re.Pattern[str],
    entities: dict[str, Entity],
    reporter: str | None,
    told: Repeats[FigureClaim],
) -> None:
    """Stages 1-3 for one sentence: its figure claims, or more citations of ones told."""
    cue = claim_cues.search(sentence.text)
    for n, figure in enumerate(figures(sentence.text)):
        key = (repeat_key(sentence.text), dated.day, n)
        citation = Citation(article_id, sentence.paragraph)
        if not told.cite(key, citation):
            quote = _giver(figure, sentence.start + figure.at, quotes)
            claim = _claim(figure, sentence, dated, quote, cue, entities, reporter)
            told.add(key, claim, citation)


def _numbered(told: Repeats[FigureClaim], family: dict[str, str]) -> list[FigureClaim]:
    """Stage 4: each claim with its citations, sources and id (its first paragraph's,
    numbered in the order told)."""
    counters: dict[tuple[str, int], int] = defaultdict(int)
    claims = []
    for t in told:
        where = (t.citations[0].article_id, t.citations[0].paragraph)
        counters[where] += 1
        claims.append(
            replace(
                t.first,
                id=f"{where[0]}-p{where[1]}-f{counters[where]}",
                citations=tuple(t.citations),
                sources=independent_sources(t.citations, family),
            )
        )
    return claims


def figure_claims(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    quotes: Sequence[ResolvedQuote],
    entities: dict[str, Entity],
    dating: dict[tuple[str, int], Dated],
    claim_cues: re.Pattern[str],
) -> list[FigureClaim]:
    """Every figure in every sentence, with who gives it, as of which day, and whether
    that source is a party; verbatim repeats on the same day merged."""
    outlet = {a.id: a.outlet for a in corpus.articles}
    published = {a.id: a.published for a in corpus.articles}
    by_paragraph: dict[tuple[str, int], list[ResolvedQuote]] = defaultdict(list)
    for q in quotes:
        if q.speaker_text and q.start >= 0:
            by_paragraph[(q.citation.article_id, q.citation.paragraph)].append(q)
    told: Repeats[FigureClaim] = Repeats()
    for extraction in extractions:
        article_id = extraction.article_id
        for sentence in extraction.sentences:
            dated = dating.get((article_id, sentence.index))
            if dated is None or dated.background is not None:
                continue  # a figure of another year is history, not this story's count
            dated = as_of(dated, sentence.text, published.get(article_id))
            in_paragraph = by_paragraph.get((article_id, sentence.paragraph), [])
            reporter = outlet.get(article_id)
            _tell_figures(
                article_id, sentence, dated, in_paragraph, claim_cues, entities, reporter, told
            )
    claims = _numbered(told, story_families(corpus))
    return sorted(claims, key=lambda c: (c.topic, c.date or "", c.id))
