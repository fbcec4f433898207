"""Quotations and reported speech in one parsed paragraph (part of the extract stage).

What a source says someone said comes in three kinds: a *direct* quote (a sentence or
more in quotation marks), a *fragment* (a few quoted words inside a paraphrase:
pledged to "firmly support" the regime) and *indirect* speech ("X said that ...",
"according to X, ..."). Each is found in numbered stages, one module each:

1. **pairing** (:mod:`briefing.quoting`): quotation marks pair into quoted runs;
2. **speech or not** (:mod:`.direct`): titles, single words and scare quotes are not
   speech; the rest are direct quotes or fragments;
3. **attribution** (:mod:`.attribution`, over paragraphs :mod:`.paragraphs`): the
   speaker and reporting verb, first stage that finds one wins (a-e);
4. **indirect speech** (:mod:`.indirect`): clauses reported by a verb or by
   "according to", outside the direct quotes.

The speaker is kept as written with its character offsets, so the resolve stage can
tie it to an entity, a pronoun to the person it stands for, or leave "a Turkish
security official" as written. No spaCy object leaves this package's public functions.
"""

from __future__ import annotations

from ...quoting import QuotedRun, quote_spans, quoted_runs
from .attribution import CUE_WORDS, attribute, speaker_span
from .direct import FoundQuote
from .paragraphs import LeadIn, ParagraphQuotes, carry_speakers, paragraph_quotes

__all__ = [
    "CUE_WORDS",
    "FoundQuote",
    "LeadIn",
    "ParagraphQuotes",
    "QuotedRun",
    "attribute",
    "carry_speakers",
    "paragraph_quotes",
    "quote_spans",
    "quoted_runs",
    "speaker_span",
]
