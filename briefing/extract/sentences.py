"""Sentences of one parsed paragraph, and the index that maps a token to its sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..records import Sentence


@dataclass(frozen=True)
class SentenceIndex:
    """Maps a token of one paragraph to the article-wide index of its sentence."""

    bounds: tuple[tuple[int, int], ...]
    """(start token, end token) of each sentence of the paragraph."""
    first: int
    """Article-wide index of the paragraph's first sentence."""

    @classmethod
    def of(cls, doc: Doc, first: int) -> SentenceIndex:
        """The sentences of ``doc``, numbered from ``first``; one sentence when unparsed."""
        if doc.has_annotation("SENT_START"):
            return cls(tuple((s.start, s.end) for s in doc.sents), first)
        return cls(((0, len(doc)),), first)

    def __call__(self, token_index: int) -> int:
        """The sentence holding token ``token_index``; the last one past the end."""
        for offset, (s, e) in enumerate(self.bounds):
            if s <= token_index < e:
                return self.first + offset
        return self.first + len(self.bounds) - 1


def sentences(doc: Doc, index: SentenceIndex, article_id: str, paragraph: int) -> list[Sentence]:
    """The records of the sentences ``index`` marks out in ``doc``."""
    tagged = doc.has_annotation("POS")
    records = []
    for offset, (s, e) in enumerate(index.bounds):
        span = doc[s:e]
        records.append(
            Sentence(
                article_id,
                paragraph,
                index.first + offset,
                span.start_char,
                span.end_char,
                span.text,
                verbs=_verbs(span) if tagged else (),
                tagged=tagged,
            )
        )
    return records


def _verbs(span: Span) -> tuple[tuple[int, str], ...]:
    """(offset in the sentence, word as written) of the sentence's verbs."""
    return tuple((t.idx - span.start_char, t.text) for t in span if t.pos_ == "VERB")
