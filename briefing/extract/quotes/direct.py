"""Stage 2 of quote finding and the direct quotes of one paragraph.

Each quoted run (:mod:`briefing.quoting`) is kept as speech or not: a run in title case ("State
of the Union") or of a single word names a thing; a short run that continues the
sentence around it or names no action is a *fragment*, kept only when someone is
reported as saying it (else it is a scare quote); the rest are *direct* quotes. Each
is attributed (:mod:`.attribution`); a direct quote with no speaker of its own takes
the one of the quote before it in the paragraph ("“A,” said X. “B.”"), or of a
sentence "X said on Tuesday." just before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ... import lexicon
from ...quoting import QuotedRun, quoted_runs
from ...records import Quote
from .attribution import CUE_WORDS, attribute, previous_sentence_speaker

FRAGMENT_MIN_WORDS = 2
"""Quoted runs shorter than this (one word) are terms or scare quotes, not speech."""
DIRECT_MIN_WORDS = 6
"""A quoted run this long is a full quote even without closing punctuation."""

_SENTENCE_END = (".", "!", "?", "…")
_TITLE_SMALL_WORDS = lexicon.word_set("title_small_words")


@dataclass(frozen=True)
class FoundQuote:
    """A quote with what linking over paragraphs needs to know."""

    quote: Quote
    """The record."""
    fills_paragraph: bool
    """Whether nothing but white space comes before its opening mark."""
    runs_on: bool
    """Whether it has no closing mark, so it goes on in the next paragraph."""
    fills_to_end: bool = False
    """Whether nothing but white space comes after its closing mark."""


def quote_record(
    article_id: str, paragraph: int, sentence: int, start: int, end: int, text: str,
    kind: str, speaker: Span | None, cue: str | None,
) -> Quote:  # fmt: skip
    """The :class:`Quote` of text [start, end) of a paragraph, said by ``speaker``."""
    return Quote(
        article_id=article_id,
        paragraph=paragraph,
        sentence=sentence,
        text=text,
        kind=kind,
        speaker_text=speaker.text if speaker is not None else None,
        cue=cue,
        start=start,
        end=end,
        speaker_start=speaker.start_char if speaker is not None else -1,
        speaker_end=speaker.end_char if speaker is not None else -1,
        speaker_paragraph=paragraph if speaker is not None else -1,
    )


# ------------------------------------------------------------------ 2. speech or not


def _is_title_like(words: Sequence[str]) -> bool:
    """Short runs in title case ("State of the Union") name a work, not speech."""
    return len(words) < DIRECT_MIN_WORDS and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words
    )


def _embedded(text: str, start: int, quoted: str) -> bool:
    """A run that continues the sentence around it ("vowed to "crush" them"), not the
    object of a reporting verb ("added "we will appeal"") nor a clause it reports
    ("adding that "there was no fighting"")."""
    before = text[: max(0, start - 1)].rstrip()
    if not before or not before[-1].isalnum() or not quoted[:1].islower():
        return False
    return before.split()[-1].lower() not in CUE_WORDS | {"that"}


def _names_no_action(doc: Doc, start: int, end: int) -> bool:
    """A quoted noun phrase ("continued support for the army"): no verb in it."""
    if not doc.has_annotation("POS"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


@dataclass(frozen=True)
class _Run:
    """A quoted run as kept: the marks' run and its text without padding."""

    run: QuotedRun
    raw: str
    """The text between the marks."""
    quoted: str
    """``raw`` without surrounding white space and trailing ",;:"."""
    start: int
    """Offset of ``quoted`` in the paragraph."""

    @property
    def end(self) -> int:
        return self.start + len(self.quoted)


def _kind(doc: Doc, kept: _Run) -> str:
    """ "fragment" or "direct" (stage 2)."""
    quoted, words = kept.quoted, kept.quoted.split()
    if _embedded(doc.text, kept.run.opens_at + 1, quoted) or (
        not quoted.endswith(_SENTENCE_END) and _names_no_action(doc, kept.start, kept.end)
    ):
        return "fragment"
    if (
        len(words) >= DIRECT_MIN_WORDS
        or quoted.endswith(_SENTENCE_END)
        or kept.raw.rstrip().endswith(",")
        or not kept.run.closed
    ):
        return "direct"
    return "fragment"


def _speech_runs(text: str, inside: bool) -> Iterator[_Run]:
    """The quoted runs of ``text`` long enough and not titles (stage 2)."""
    for run in quoted_runs(text, inside):
        raw = text[run.start : run.end]
        quoted = raw.strip().rstrip(",;:").rstrip()
        words = quoted.split()
        if len(words) < FRAGMENT_MIN_WORDS or _is_title_like(words):
            continue
        yield _Run(run, raw, quoted, run.start + (len(raw) - len(raw.lstrip())))


# ------------------------------------------------------------------ direct quotes


def direct_quotes(
    doc: Doc, article_id: str, paragraph: int, sentence_of: Callable[[int], int], inside: bool
) -> Iterator[FoundQuote]:
    """The direct quotes and attributed fragments of one paragraph, in text order."""
    text = doc.text
    before: tuple[Span | None, Token | None] = (None, None)  # the last direct quote's
    for kept in _speech_runs(text, inside):
        run = kept.run
        speaker, cue = attribute(doc, run.start, run.end, run.opens_at)
        kind = _kind(doc, kept)
        if speaker is None and kind == "direct" and doc.has_annotation("DEP"):
            if before[0] is not None:
                speaker, cue = before  # "“A,” said X. “B.”"
            else:
                speaker, cue = previous_sentence_speaker(doc, run.opens_at)
        if kind == "fragment" and speaker is None:
            continue  # a scare quote: no one is reported as saying it
        if kind == "direct":
            before = (speaker, cue)
        token = doc.char_span(kept.start, kept.end, alignment_mode="expand")
        yield FoundQuote(
            quote_record(
                article_id, paragraph, sentence_of(token.start if token is not None else 0),
                kept.start, kept.end, kept.quoted, kind, speaker,
                cue.text if cue is not None else None,
            ),
            fills_paragraph=not text[: run.opens_at].strip(),
            runs_on=not run.closed,
            fills_to_end=not text[run.closes_after :].strip(),
        )  # fmt: skip
