"""The kind of one block of a page, by its shape alone, for the ingest stage.

:func:`block_kind` gives a block the first kind whose shape it has, in this order:

1. **stamp** (:mod:`.chrome`): an update, live-page or named time stamp;
2. **comment**: a comment header, signature, moderation notice or comment link;
3. **metadata**: a date line, a byline ("By …"), a media credit ("Video by: …"), a
   timestamp ("01:38"), a credit line ("© Name, AFP"), a wire sign-off ("(AP)"), a
   "Source link:" line, a furniture line ("No comments:", "Share this article");
4. **caption**: a block ending in a photo credit, or with a caption's own cue, up to
   :data:`CAPTION_MAX_WORDS` words;
5. **notice, prompt**: a legal, contributor or correction notice; a prompt to the
   reader;
6. **headline**: a short block that does not end as a sentence;
7. **body**: anything else.

What a block is among its neighbours (the caption above a credit, a subheading between
paragraphs, a lone author line) is read by :mod:`.furniture`.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon
from ..dates import DATE_DMY_WORDS, DATE_ISO, DATE_MDY_WORDS, DATE_NUMERIC
from ..textutil import alternation
from . import chrome

HEADLINE_MAX_WORDS = 30
"""A block longer than this is body text, not a headline."""
SHORT_LINE_WORDS = 4
"""A head line this short is an outlet or author line, not a standfirst."""
CAPTION_MAX_WORDS = 60
"""A block ending in a photo credit is a caption only up to this length (a wire
caption with its credits runs to about sixty words); a longer one is text with a
credit run onto its end."""
CAPTION_CUE_MAX_WORDS = 80
"""A block with a caption's own cue (position labels, a picture dated) is a caption
up to this length."""
BLOCK_KIND_CACHE = 65536
"""Blocks whose kind is remembered, so that each stage can ask for it."""
ONE_WORD_NAME_MIN_LETTERS = 3
"""A one-word byline in title case is taken for a name only with more letters than
this: a shorter word is more often an outlet's or a section's."""

DATE, BYLINE_KIND, TIMESTAMP, CREDIT, SIGNOFF, SOURCE, FURNITURE, MEDIA_CREDIT = (
    "date", "byline", "timestamp", "credit", "signoff", "source", "furniture", "media-credit",
)  # fmt: skip
STAMP, COMMENT, CAPTION, NOTICE, PROMPT = "stamp", "comment", "caption", "notice", "prompt"
HEADLINE, BODY = "headline", "body"


def _alternatives(name: str) -> str:
    """The words of lexicon list ``name`` as a regular expression's alternatives, in
    the list's order."""
    return alternation(lexicon.words(name))


_DATE_LINE_PREFIX = re.compile(rf"^(?:(?:{_alternatives('date_line_labels')})(?: on)?:?\s*)?", re.I)
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{4}))?"
_LEADING_TIME = re.compile(rf"^{_TIME}\s*[,|-]?\s*", re.I)
_DATE_LINE_REST = re.compile(rf"^[\s,|–—-]*(?:(?:at\s+)?{_TIME})?[\s,|–—-]*$", re.I)
_NAME_WORD = rf"(?:[A-Z][\w.'’-]*|[A-Z]{{2,}}|\d{{1,4}}|{_alternatives('byline_joining_words')})"
_BYLINE_SHAPE = re.compile(
    rf"^[Bb][Yy](?::\s*|\s+)(?P<who>{_NAME_WORD}(?:[ ,]+{_NAME_WORD}){{0,7}})$"
)
NOT_NAME_WORDS = (
    lexicon.word_set("not_name_words") | lexicon.word_set("months") | lexicon.word_set("weekdays")
)
"""Capitalised words that follow "By" in phrases, not in names ("By Air", "By Monday")."""


class _Byline:
    """Matches "By" and up to eight name-like words (a person, an agency); no sentence."""

    @staticmethod
    def match(block: str) -> re.Match[str] | None:
        m = _BYLINE_SHAPE.match(block)
        if m is None:
            return None
        words = m["who"].replace(",", " ").split()
        if words[0].lower() in NOT_NAME_WORDS or words[0].isdigit():
            return None
        one_word_name = words[0].isupper() or (
            words[0][:1].isupper() and len(words[0]) > ONE_WORD_NAME_MIN_LETTERS
        )
        if len(words) == 1 and not one_word_name:
            return None
        return m


BYLINE = _Byline()
MEDIA_CREDIT_LEAD = re.compile(rf"^(?:{_alternatives('media_credit_kinds')}) by:?\s+", re.I)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}?),?(?:\s+[A-Z][a-z.]+)?\s*\((?P<wire>[A-Za-z0-9 .&-]{2,30})\)\s*[—–-]+\s*"
)
SIGN_OFF = re.compile(
    r"^\((?P<wire>[A-Z]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}|[A-Z0-9][A-Za-z0-9 .&]{1,20} with [A-Z][A-Za-z .&]{1,30})\)$"
)
"""A wire sign-off: "(AP)", "(Reuters)", "(FRANCE 24 with Reuters)"; not "(APPLAUSE)"."""
TIMESTAMP_LINE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\b\s*(?P<rest>.*)$")
"""A video's running time or a clock time, alone or with a credit ("03:57© FRANCE 24")."""
CREDIT_LINE = re.compile(
    r"^[-–—\s]*(?:©|\([cC]\)(?=\s*[A-Z0-9])|[Cc]opyright\b\s*(?:©|\([cC]\))?(?=\s*(?:\d{4}|[A-Z])))"
    r"\s*(?P<who>[^©]{2,60}?)\s*$"
)
"""A credit line: "© Name, AFP", "Copyright AFP Name", "Copyright © 2024 Reuters"."""
SOURCE_LINK = re.compile(r"^source(?: link)?:\s*(?P<url>https?://\S+)\s*$", re.I)
_FURNITURE = re.compile(
    rf"^(?:no comments:?|\d+ comments?:?|comments?\s*\(\d+\)|{_alternatives('furniture_labels')}"
    rf"|{_alternatives('furniture_lines')})$",
    re.I,
)
RELATED_LABEL = re.compile(rf"^(?:{_alternatives('related_link_labels')}):?$", re.I)
"""A line heading a list of links to other stories ("Related stories")."""
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def is_date_line(block: str) -> bool:
    """A block that is nothing but a date, with an 'Issued on:' style prefix and a time
    of day at most ("Tue 5 Mar 2024 10.32 GMT"); a date followed by words is text."""
    rest = _DATE_LINE_PREFIX.sub("", block.strip()).strip(" -–—|")
    rest = _LEADING_TIME.sub("", rest)
    for pattern in (DATE_ISO, DATE_MDY_WORDS, DATE_DMY_WORDS, DATE_NUMERIC):
        m = pattern.match(rest)
        if m and _DATE_LINE_REST.match(rest[m.end() :]):
            return True
    return False


def _ends_as_sentence(block: str) -> bool:
    """Ends like a sentence, inside a closing quote too: '… back.”' or '"Ready?"'."""
    text = block.rstrip()
    return len(text) > 2 and text[-1] in "\"”’'" and text[-2] in ".?!,"


def looks_like_headline(block: str) -> bool:
    """A short block that does not end as a sentence, a list item or a byline does."""
    words = block.split()
    return (
        0 < len(words) <= HEADLINE_MAX_WORDS
        and not _ends_as_sentence(block)
        and not block.rstrip().endswith((".", ":", ";", ",", "—", "-"))
        and block[:1] not in "-–—•*"
        and not BYLINE.match(block)
    )


def is_name_line(block: str) -> bool:
    """Two to four capitalised words, none of them a common phrase word: an author line."""
    words = block.split()
    return (
        2 <= len(words) <= SHORT_LINE_WORDS
        and all(w[:1].isupper() and w.lower() not in NOT_NAME_WORDS for w in words)
        and not any(c.isdigit() for c in block)
    )


def is_caption(block: str) -> bool:
    """A caption by its own shape: a photo credit at its end, or a caption's cue."""
    count = len(block.split())
    if chrome.ends_in_credit(block) and count <= CAPTION_MAX_WORDS:
        return not CREDIT_LINE.match(block)  # a credit alone is a credit
    return chrome.has_caption_cue(block) and count <= CAPTION_CUE_MAX_WORDS


@functools.lru_cache(maxsize=BLOCK_KIND_CACHE)
def block_kind(block: str) -> str:
    """The kind of a block, by its shape alone (remembered: the stages ask often)."""
    if " | " in block and not chrome.is_stamp(block):  # "By Jane Smith | March 4, 2024"
        kinds = {_single_kind(part.strip()) for part in block.split(" | ")}
        if kinds <= {DATE, BYLINE_KIND}:
            return BYLINE_KIND if BYLINE_KIND in kinds else DATE
    return _single_kind(block)


def _single_kind(block: str) -> str:
    text = block.strip()
    checks = (
        (STAMP, lambda: chrome.is_stamp(text)),
        (COMMENT, lambda: chrome.is_comment_cue(text)),
        (DATE, lambda: is_date_line(block)),
        (BYLINE_KIND, lambda: bool(BYLINE.match(block))),
        (MEDIA_CREDIT, lambda: bool(MEDIA_CREDIT_LEAD.match(block))),
        (TIMESTAMP, lambda: _is_timestamp(block)),
        (CREDIT, lambda: _is_credit(block)),
        (SIGNOFF, lambda: bool(SIGN_OFF.match(block))),
        (SOURCE, lambda: bool(SOURCE_LINK.match(block))),
        (FURNITURE, lambda: bool(_FURNITURE.match(text))),
        (CAPTION, lambda: is_caption(block)),
        (NOTICE, lambda: chrome.is_notice(text)),
        (PROMPT, lambda: chrome.is_prompt(text)),
        (HEADLINE, lambda: looks_like_headline(block)),
    )
    return next((kind for kind, hit in checks if hit()), BODY)


def _is_timestamp(block: str) -> bool:
    """A clock time alone, or with a credit after it ("01:38", "03:57© FRANCE 24")."""
    m = TIMESTAMP_LINE.match(block)
    return m is not None and (not m["rest"].strip() or bool(CREDIT_LINE.match(m["rest"])))


def _is_credit(block: str) -> bool:
    """A credit line alone: "© Name, AFP", "Photo: AGENCY/Name", "(AP Photo/Name)"."""
    if CREDIT_LINE.match(block) and not block.rstrip().endswith("."):
        return True
    m = chrome.ends_in_credit(block)
    return m is not None and m.start() == len(block) - len(block.lstrip())
