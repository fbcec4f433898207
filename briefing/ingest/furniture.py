"""Furniture: the non-article text of a page, kept apart and labelled, for the ingest
stage. By the shape of the page alone (:mod:`.chrome` holds the line shapes), in
numbered stages with named thresholds:

1. **run-ins** (:func:`split_run_ins`): a block is cut where page chrome runs into the
   text: first wherever they stand, an update stamp after its date or opening with
   "Page last updated", a running story's update stamp, a server's error line, a
   comment header or signature, a live page's time stamps (a page is live when at
   least :data:`LIVE_STAMP_MIN_COUNT` blocks open with a four-digit time, one of them
   outside the years :data:`LIVE_STAMP_YEARS`), and a photo credit with text after it
   ("… Committee Photograph: Reuters It was …"); then the stamps opening a block
   (update, named, two-digit-year and live-page stamps, a clock time such as "01:38");
2. **thread** (:func:`thread_start`): the first comment header, signature, moderation
   notice or comment link starts the comment thread (a signature's comment is the
   block before it); every block from there to the end of the page is a comment;
3. **body kinds** (:func:`body_kinds`): each block of an article's body gets its
   paragraph kind. A credit and the block above it (up to
   :data:`~.lines.CAPTION_MAX_WORDS` words) are captions, and so is an article's first
   block when it dates the scene it describes ("This incident occurred on …") or opens
   with a bare day label ("May 2: …"), so that it is not read as the headline
   (:func:`opens_as_caption`, asked by the head). A lone name line among the first
   :data:`BYLINE_REACH` blocks, before any paragraph, is the author line. A short
   headline-like line between paragraphs is a subheading (up to
   :data:`SUBHEADING_MAX_WORDS` words, :data:`QUOTED_SUBHEADING_MAX_WORDS` for a
   quotation standing as a heading; framed by dashes, in capitals, or with no final
   stop; not opening in lower case, nor followed by a line that does, as the halves of
   a broken sentence do). Headline-like lines after a sign-off or a "Related stories" line are links;
   questions to the reader just before a prompt are part of it; from a notice among
   the last :data:`FOOTER_BLOCKS` blocks on, every block is furniture (the footer).

Only ``body`` and ``standfirst`` paragraphs are extracted (``records.EXTRACTED_KINDS``).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..records import BODY as BODY_PARAGRAPH
from ..records import BYLINE, CAPTION, COMMENT, FURNITURE, SUBHEADING
from . import chrome
from .lines import (
    BODY,
    BYLINE_KIND,
    CAPTION_MAX_WORDS,
    CREDIT,
    HEADLINE,
    NOTICE,
    PROMPT,
    RELATED_LABEL,
    SENTENCE_END,
    SIGNOFF,
    STAMP,
    TIMESTAMP_LINE,
    block_kind,
    is_name_line,
    looks_like_headline,
)
from .lines import CAPTION as CAPTION_KIND
from .lines import COMMENT as COMMENT_KIND

LIVE_STAMP_MIN_COUNT = 4
"""Blocks opening with a four-digit time that make a page a live page."""
LIVE_STAMP_YEARS = range(1800, 2100)
"""Four-digit numbers that could be years: a page whose every stamp is one is a list
of years ("1918: …", "1957: …"), not a live page."""
SUBHEADING_MAX_WORDS = 12
"""A headline-like line longer than this, between paragraphs, is text."""
QUOTED_SUBHEADING_MAX_WORDS = 20
"""…unless it is a quotation standing as a heading, up to this length."""
BYLINE_REACH = 3
"""Blocks at the start of a body in which a lone name line is its author's."""
FOOTER_BLOCKS = 5
"""Blocks at the end of an article in which a notice starts the footer."""
CAPITALS_SHARE = 0.8
"""Share of a line's letters in capitals that makes it a heading in capitals."""

_PICTURE_WORDS = tuple(lexicon.words("picture_credit_kinds"))
_DASH_FRAMED = re.compile(r"^[-–—]\s*\S.{0,80}\S\s*[-–—]$")
_TEXT_AFTER = r"(?=\s+[A-Z\"“‘'(])"
_LEADING_LIVE = re.compile(rf"^([01]\d|2[0-3])([0-5]\d):?{_TEXT_AFTER}")
_INNER_LIVE = re.compile(rf"(?<=\s)(?:[01]\d|2[0-3])[0-5]\d:{_TEXT_AFTER}")

# ------------------------------------------------------------------ stage 1: run-ins


def is_live_page(blocks: list[str]) -> bool:
    """Enough blocks open with a four-digit time, and not all of them read as years."""
    stamps = [int(m.group(1) + m.group(2)) for b in blocks if (m := _LEADING_LIVE.match(b))]
    return len(stamps) >= LIVE_STAMP_MIN_COUNT and any(s not in LIVE_STAMP_YEARS for s in stamps)


def _cut_at(pattern: re.Pattern[str], text: str) -> list[str]:
    """``text`` cut before and after every match of ``pattern``."""
    if not any(cue in text for cue in _CUES[pattern]):
        return [text]
    pieces, last = [], 0
    for m in pattern.finditer(text):
        pieces += [text[last : m.start()], m.group(0)]
        last = m.end()
    return [p.strip() for p in [*pieces, text[last:]] if p.strip()]


def _cut_credit(text: str) -> list[str]:
    """A credit with text after it ends the caption before it: cut after the credit
    (unless a credit follows), and before the caption when the caption has no final
    stop and a sentence ends ahead of it."""
    lowered = text.lower()
    if not any(word in lowered for word in _PICTURE_WORDS):
        return [text]  # a quick test: every run-in credit names a picture
    m = chrome.RUN_IN_CREDIT.search(text)
    rest = text[m.end() :].strip() if m else ""
    if m is None or not rest or chrome.ends_in_credit(rest) is not None:
        return [text]
    head = text[: m.start()].rstrip()
    ends = [e.end() for e in SENTENCE_END.finditer(head)]
    open_end = bool(ends) and head[-1:] not in ".!?\"”’'"
    pieces = [head[: ends[-1]], head[ends[-1] :]] if open_end else [head]
    pieces[-1] = f"{pieces[-1]} {m.group(0)}".strip()
    return [p.strip() for p in pieces if p.strip()] + _cut_credit(rest)


def _cut_leading(text: str, live: bool) -> list[str]:
    """Stamps and clock times opening ``text``, each cut off as a block."""
    pieces = []
    while True:
        n = chrome.leading_stamp(text)
        if not n and (m := TIMESTAMP_LINE.match(text)) and m["rest"][:1].isupper():
            n = m.start("rest")
        if not n and live and (m := _LEADING_LIVE.match(text)):
            n = m.end()
        if not n:
            return [*pieces, text]
        pieces.append(text[:n].strip())
        text = text[n:].strip()


_CUES = {
    chrome.INLINE_UPDATE_STAMP: ("pdated", "odified"),
    chrome.BRACKETED_UPDATE: ("Updated",),
    chrome.PAGE_ERROR: ("(",),
    chrome.COMMENT_HEADER: ("At ",),
    chrome.SIGNATURE: ("|", "osted"),
    _INNER_LIVE: (":",),
}
"""A piece of text each pattern cut at must hold (a quick test before the search)."""
_ANYWHERE = (
    chrome.INLINE_UPDATE_STAMP,
    chrome.BRACKETED_UPDATE,
    chrome.PAGE_ERROR,
    chrome.COMMENT_HEADER,
    chrome.SIGNATURE,
)


def split_run_ins(blocks: list[str]) -> list[str]:
    """Stage 1: every block cut where chrome runs into it (see the module docstring)."""
    live = is_live_page(blocks)
    pieces = list(blocks)
    for pattern in _ANYWHERE:
        pieces = [q for p in pieces for q in _cut_at(pattern, p)]
    if live:
        pieces = [q for p in pieces for q in _cut_at(_INNER_LIVE, p)]
    pieces = [q for p in pieces for q in _cut_credit(p)]
    return [q for p in pieces for q in _cut_leading(p, live)]


# ------------------------------------------------------------------ stage 2: thread


def thread_start(blocks: list[str]) -> int | None:
    """Stage 2: the index where the page's comment thread starts, or None."""
    for index, block in enumerate(blocks):
        if block_kind(block) == COMMENT_KIND:
            if chrome.is_signature(block) and index > 0:
                return index - 1  # a signature follows the comment it signs
            return index
    return None


# ------------------------------------------------------------------ stage 3: body kinds

_DIRECT = {
    STAMP: FURNITURE,
    COMMENT_KIND: COMMENT,
    BYLINE_KIND: BYLINE,
    CREDIT: CAPTION,
    CAPTION_KIND: CAPTION,
    NOTICE: FURNITURE,
    PROMPT: FURNITURE,
    BODY: BODY_PARAGRAPH,
}
"""Paragraph kinds that a block's own kind settles; others (headline-like lines) are
read among their neighbours, and metadata lines are furniture."""


def is_subheading(block: str) -> bool:
    """A short heading: framed by dashes ("– Why now? –"), in capitals, or a
    headline-like line with no final stop."""
    text = block.strip()
    if _DASH_FRAMED.match(text):
        return True
    if text[:1].islower():
        return False  # the rest of a broken line, not a heading
    quoted = text[:1] in "\"“‘'" and text[-1:] in "\"”’'"
    limit = QUOTED_SUBHEADING_MAX_WORDS if quoted else SUBHEADING_MAX_WORDS
    if not looks_like_headline(text) or len(text.split()) > limit:
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= CAPITALS_SHARE
    if capitals:
        return not text.endswith("!")  # a shout, not a heading
    return text.rstrip("\"”’'").rstrip()[-1:].isalnum()


def _first_kinds(blocks: list[str], kinds: list[str]) -> list[str | None]:
    """Kinds settled by a block alone or with its next block."""
    found: list[str | None] = []
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        next_kind = kinds[index + 1] if index + 1 < len(kinds) else None
        above_credit = next_kind == CREDIT and len(block.split()) <= CAPTION_MAX_WORDS
        if kind in (BODY, HEADLINE) and above_credit:
            found.append(CAPTION)
        elif _DASH_FRAMED.match(block.strip()):
            found.append(SUBHEADING)
        elif kind == HEADLINE:
            found.append(None)
        else:
            found.append(_DIRECT.get(kind, FURNITURE))
    return found


def opens_as_caption(block: str) -> bool:
    """An article's first block that reads as a caption: a dated scene or a day label."""
    return len(block.split()) <= CAPTION_MAX_WORDS and (
        chrome.is_scene_dated(block) or chrome.opens_with_date_label(block)
    )


def _headline_kinds(blocks: list[str], kinds: list[str], found: list[str | None]) -> None:
    """Headline-like lines among their neighbours: a lone name before the first
    paragraph, a link after a sign-off or a related-links line, a subheading between
    paragraphs; else text."""
    seen_body = links = False
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        if kind == SIGNOFF or RELATED_LABEL.match(block.strip()):
            links = True
        if found[index] is not None:
            seen_body = seen_body or found[index] == BODY_PARAGRAPH
            links = links and found[index] != BODY_PARAGRAPH
            continue
        if links:
            found[index] = FURNITURE
        elif not seen_body and index < BYLINE_REACH and is_name_line(block):
            found[index] = BYLINE
        elif index > 0 and is_subheading(block) and _text_follows(blocks, found, index):
            found[index] = SUBHEADING
        else:
            found[index] = BODY_PARAGRAPH
            seen_body = True


def _text_follows(blocks: list[str], found: list[str | None], index: int) -> bool:
    """The next block after ``index`` that is not furniture or a caption is text (or a
    headline-like line still to be read, as in a list under a heading), and does not
    carry on a sentence broken before it (it opens in capitals)."""
    for later, kind in zip(blocks[index + 1 :], found[index + 1 :], strict=True):
        if kind not in (FURNITURE, CAPTION):
            return kind in (BODY_PARAGRAPH, None) and not later[:1].islower()
    return False


def _prompts_and_footer(blocks: list[str], kinds: list[str], found: list[str]) -> None:
    """Questions to the reader just before a prompt join it; a notice near the end
    starts the footer."""
    for index, kind in enumerate(kinds):
        if kind == PROMPT:
            back = index - 1
            while (
                back >= 0
                and found[back] == BODY_PARAGRAPH
                and chrome.is_reader_question(blocks[back])
            ):
                found[back] = FURNITURE
                back -= 1
    tail = range(max(len(blocks) - FOOTER_BLOCKS, 0), len(blocks))
    start = next((i for i in tail if chrome.is_notice(blocks[i])), None)
    if start is not None:
        found[start:] = [FURNITURE] * (len(blocks) - start)


def body_kinds(blocks: list[str], kinds: list[str]) -> list[str]:
    """Stage 3: the paragraph kind of every block of an article's body."""
    found = _first_kinds(blocks, kinds)
    _headline_kinds(blocks, kinds, found)
    settled = [k or BODY_PARAGRAPH for k in found]
    _prompts_and_footer(blocks, kinds, settled)
    return settled
