"""A paragraph's quotes, and speakers carried from paragraph to paragraph (stage 3d).

:func:`paragraph_quotes` gathers one paragraph's direct quotes, fragments and
indirect speech, and notes a closing "X said:" (its lead-in).
:func:`carry_speakers` then goes through an article's paragraphs in order: a quote
that runs on into the next paragraph (no closing mark) and its continuation share
one speaker, whichever paragraph names it; a paragraph that is all one quote takes
the speaker of the paragraph before when that ends with an attributed quote (the
same speaker goes on) or with "X said:".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ...quoting import DOUBLE_CLOSERS
from ...records import Quote
from .attribution import PROPOSITIONAL, is_cue, label_before, speaker_span, subject_of
from .direct import FoundQuote, direct_quotes
from .indirect import indirect_quotes


@dataclass(frozen=True)
class LeadIn:
    """A paragraph ending "X said:", whose speaker the next paragraph's quote takes."""

    speaker_text: str
    """The speaker as written."""
    cue: str | None
    """The reporting verb, or None for a "Name:" label."""
    speaker_start: int
    """Start offset of the speaker in its paragraph."""
    speaker_end: int
    """End offset of the speaker in its paragraph."""
    paragraph: int
    """The paragraph that ends with the colon."""


@dataclass(frozen=True)
class ParagraphQuotes:
    """What one paragraph holds for quote linking over paragraphs."""

    found: list[FoundQuote]
    """Its quotes in text order."""
    lead_in: LeadIn | None
    """Its closing "X said:", if any."""

    @property
    def runs_on(self) -> bool:
        """Whether its last quote has no closing mark (it goes on in the next one)."""
        return bool(self.found) and any(f.runs_on for f in self.found[-1:])


def _lead_in(doc: Doc, paragraph: int) -> LeadIn | None:
    """Stage 3d: "Viguerie wrote:" or "He told reporters on Monday." closing a
    paragraph (an attribution reporting nothing itself) introduces the next one."""
    text = doc.text.rstrip()
    if not doc.has_annotation("DEP") or not text or not len(doc):
        return None
    last = doc[len(doc) - 1].sent
    if not text.endswith(":"):
        root = last.root
        if not is_cue(root):
            return None  # most paragraphs: decided without reading further
        reports = any(c.dep_ in PROPOSITIONAL or c.dep_ == "dobj" for c in root.children)
        quoted = any(mark in last.text for mark in (*DOUBLE_CLOSERS, "’", "'"))
        if reports or quoted:
            return None
    cues = [t for t in last if is_cue(t)]
    for cue in reversed(cues):
        subject = subject_of(cue)
        if subject is not None:
            span = speaker_span(subject)
            return LeadIn(span.text, cue.text, span.start_char, span.end_char, paragraph)
    label = label_before(doc, len(text))
    if label is not None:
        return LeadIn(label.text, None, label.start_char, label.end_char, paragraph)
    return None


def paragraph_quotes(
    doc: Doc,
    article_id: str,
    paragraph: int,
    sentence_of: Callable[[int], int],
    inside: bool = False,
) -> ParagraphQuotes:
    """Direct quotes, fragments and indirect speech of one parsed paragraph, in text
    order, and its lead-in; pass the article's list to :func:`carry_speakers`.
    ``inside``: the paragraph before left a quote open (:attr:`ParagraphQuotes.runs_on`)."""
    direct = list(direct_quotes(doc, article_id, paragraph, sentence_of, inside))
    indirect = indirect_quotes(doc, article_id, paragraph, sentence_of, [f.quote for f in direct])
    found = direct + [FoundQuote(q, False, False) for q in indirect]
    return ParagraphQuotes(
        sorted(found, key=lambda f: (f.quote.start, f.quote.end)), _lead_in(doc, paragraph)
    )


def carry_speakers(paragraphs: Sequence[ParagraphQuotes]) -> list[Quote]:
    """Stage 3d: a quote that runs on into the next paragraph (no closing mark) and
    its continuation share one speaker, whichever paragraph names it; a paragraph
    that is all one quote, right after a paragraph ending with an attributed quote,
    takes that speaker (the same speaker goes on), and so does one after a paragraph
    ending "X said:"."""
    quotes: list[Quote] = []
    previous: FoundQuote | None = None
    lead_in: LeadIn | None = None
    chain: list[int] = []  # the quotes of one quote running over paragraphs
    for held in paragraphs:
        found = held.found
        for i, f in enumerate(found):
            q = f.quote
            if i == 0 and lead_in is not None and f.fills_paragraph and not q.speaker_text:
                q = _with_speaker(q, lead_in.speaker_text, lead_in.cue, lead_in.speaker_start,
                                  lead_in.speaker_end, lead_in.paragraph)  # fmt: skip
            first = i == 0 and f.fills_paragraph and previous is not None
            if first and previous is not None and previous.runs_on:
                q = _share_speaker(q, previous.quote)
                chain.append(len(quotes))
                for k in chain[:-1]:  # whichever paragraph names the speaker
                    quotes[k] = _share_speaker(quotes[k], q)
            elif first and previous is not None and f.fills_to_end and q.kind == "direct":
                q = _share_speaker(q, previous.quote)
            elif f.runs_on:
                chain = [len(quotes)]
            quotes.append(q)
        if not held.runs_on:
            chain = []
        last = [f for f in found if f.quote.kind == "direct"]
        previous = (
            FoundQuote(quotes[-1], last[-1].fills_paragraph, last[-1].runs_on)
            if last and found and found[-1].quote.kind == "direct"
            else None
        )
        lead_in = held.lead_in
    return quotes


def _share_speaker(quote: Quote, other: Quote) -> Quote:
    """``quote`` with the speaker of ``other`` when it has none of its own."""
    if quote.speaker_text or not other.speaker_text:
        return quote
    return _with_speaker(quote, other.speaker_text, other.cue, other.speaker_start,
                         other.speaker_end, other.speaker_paragraph)  # fmt: skip


def _with_speaker(
    quote: Quote, text: str | None, cue: str | None, start: int, end: int, paragraph: int
) -> Quote:
    return replace(
        quote,
        speaker_text=text,
        cue=cue,
        speaker_start=start,
        speaker_end=end,
        speaker_paragraph=paragraph,
    )
