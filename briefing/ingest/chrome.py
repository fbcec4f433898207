"""Shapes of page chrome, for the ingest stage: what a line (or a part of one) looks
like when it is not the article. Only shapes: no outlet, name or phrase of a story;
the words a linguist would edit are lexicon lists (``furniture.yml``, ``calendar.yml``).

1. **stamps**: update stamps ("Page last updated at 16:51 GMT, Tuesday, 19 January
   2010", "24 June 2010 Last updated at 14:59 GMT", "(Updated: 1:38 a.m. Monday …):";
   one after its date or opening with "Page last updated" is found inside a line too),
   stamps with a two-digit year ("07 February 12 13:02 GMT"), a name or place with its
   time ("Name | 10:35 UK time, Monday, 18 January 2010"), live-page stamps ("1245:");
   every stamp carries a time of day, and none is read as a date of the text;
2. **comments**: comment headers ("At 2:10 pm on 02 Jun 2009, someone wrote:", "1. At
   12:56 12th Jun 2012, X wrote:"), signatures after a comment ("Posted by: X | June
   24, 2010 11:13 AM | Report abuse"), moderation notices, comment links ("Report
   abuse", "Recommend? (3)", "Complaint about this comment");
3. **credits and captions**: a photo credit ending a block or standing alone ("© Name,
   AFP", "(Photo: AFP)", "(AP Photo/Name)", "Photo: AGENCY/Name", "AGENCY/Name",
   "Photograph: Name/Agency", "(Photo by Name/Agency)"), one run into the text after it,
   and captions by their cues: picture position labels ("Left: …"), a picture dated at
   the end ("… footage released on 28 November 2024"), a quoted picture description, a
   scene dated ("This incident occurred on 30 November 2024"; the ingest uses this
   cue on an article's first block only);
4. **prompts and notices**: a short line prompting the reader (``reader_prompts``, or
   an opening such as "You can read" with a link pointer such as "here"), a legal,
   contributor or correction notice (``notice_phrases``, a copyright with its year), a
   server's error line (``page_error_lines``).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..dates import MONTHS
from ..textutil import alternation

PROMPT_MAX_WORDS = 35
"""A line longer than this is text, even with a prompt's words in it."""
NOTICE_MAX_WORDS = 45
"""A line longer than this is text, even with a notice's words in it."""
TAIL_CHARS = 240
"""Characters at the end of a block searched for the credit or picture date ending it
(the longest credits, two of them in a row, run to about 120)."""


def words(name: str) -> str:
    """Lexicon list ``name`` as a regular expression's alternatives, longest first."""
    return alternation(lexicon.words(name), gap=r"\s+", longest_first=True)


_WEEKDAY = alternation(
    {f for day, forms in lexicon.forms("weekdays").items() for f in (day, *forms)},
    longest_first=True,
)
_MONTH = alternation(MONTHS, longest_first=True)
CLOCK = r"(?<![\d:.])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?(?i:[ap]\.?\s?m\b\.?))?"
"""A time of day as written: "16:51", "1:38 a.m.", "6:53 P.M.", "10.32"."""
_HAS_CLOCK = re.compile(r"\d[:.]\d\d")
_ATOM = (
    rf"(?:{CLOCK}|(?i:{words('stamp_zone_words')})\b|(?i:{_WEEKDAY})\b\.?|(?i:{_MONTH})\b\.?"
    r"|\d{1,2}(?:st|nd|rd|th)?\b|\d{4}\b)"
)
STAMP_RUN = rf"{_ATOM}(?:[,;|]?\s+(?:(?i:at|on)\s+)?{_ATOM})*"
"""Words of a stamp: times, zones, weekdays, months, day numbers and years."""
FULL_DATE = (
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH})\.?,?\s+\d{{4}})"
    rf"|(?:(?i:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}))"
)
"""A day with its month and year, either way round ("18 Jan 2010", "June 24, 2010")."""
_LABEL = rf"(?i:{words('update_labels')})(?:\s+(?i:at|on))?:?"
_LINK_WORD = rf"(?:\s+(?i:{words('stamp_link_words')})\b)?"

# ------------------------------------------------------------------ 1. stamps

UPDATE_STAMP = re.compile(rf"(?:{FULL_DATE}\s+)?{_LABEL}\s+{STAMP_RUN}{_LINK_WORD}")
"""An update stamp: a label with a run of stamp words ("Last updated at 14:59 GMT")."""
INLINE_UPDATE_STAMP = re.compile(
    rf"(?:{FULL_DATE}\s+{_LABEL}|\b(?:Page\s+last|Last)\s+updated(?:\s+at|:)?)\s+{CLOCK}"
    rf"(?:[,;|]?\s+(?:(?i:at|on)\s+)?{_ATOM})*{_LINK_WORD}"
)
"""An update stamp after its date, or opening with "Page last updated" or "Last
updated" and a time: cut out wherever it stands in a line."""
BRACKETED_UPDATE = re.compile(
    rf"\(?Updated(?:\s+at)?:?\s+{CLOCK}[^()]{{0,60}}?(?:\([^()]{{0,40}}\))?[^()]{{0,30}}?\)+:?"
)
"""A running story's update stamp: "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. ET):"."""
SHORT_YEAR_STAMP = re.compile(
    rf"\d{{1,2}}\s+(?i:{_MONTH})\.?\s+\d{{2}}\s+{CLOCK}(?:\s+(?i:{words('stamp_zone_words')})\b)?"
)
"""A stamp with a two-digit year: "07 February 12 13:02 GMT"."""
NAMED_STAMP = re.compile(
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+\|\s+" + rf"(?P<when>{STAMP_RUN})"
)
"""A name or place with its time: "Name | 10:35 UK time, Monday, 18 January 2010"."""
_CLOCK_STAMP = (
    rf"(?:(?i:{_WEEKDAY})\.?,?\s+)?{FULL_DATE},?\s+(?:(?i:at)\s+)?{CLOCK}"
    rf"(?:\s+[A-Z]{{2,4}}\b)?(?:\s+(?i:at)\s+{CLOCK})?"
)
DATED_STAMP = re.compile(
    rf"[^|:\n]{{1,80}}\|\s+{_CLOCK_STAMP}|{_CLOCK_STAMP}(?=\s+[A-Z][A-Z .'’/\\-]{{1,40}}\s*\()"
)
"""A masthead's stamp run into the text: a full date with its time of day and its zone
in capitals, after the author or place it stands under, or before a wire dateline
("WASHINGTON | Mon Mar 2, 2009 4:23 pm EST", "Mon Feb 21, 2011 7:47 pm GMT TRIPOLI
(Reuters) -"); a stamp before other text is left alone (a comment's, as often)."""
LIVE_STAMP = re.compile(r"(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?P<colon>:?)")
"""A live page's four-digit time stamp ("1245:"), when the page proves it is one."""
PAGE_ERROR = re.compile(rf"(?i:{words('page_error_lines')})")


def is_stamp(text: str) -> bool:
    """The whole of ``text`` is a stamp of one of the shapes above (with a time of
    day), or a live page's four-digit stamp."""
    text = text.strip()
    if LIVE_STAMP.fullmatch(text) or PAGE_ERROR.fullmatch(text):
        return True
    if not _HAS_CLOCK.search(text):
        return False
    for pattern in (UPDATE_STAMP, BRACKETED_UPDATE, SHORT_YEAR_STAMP, NAMED_STAMP, DATED_STAMP):
        if (m := pattern.fullmatch(text)) and _HAS_CLOCK.search(m.group(0)):
            return True
    return False


def leading_stamp(text: str) -> int:
    """The length of a stamp that opens ``text`` and is followed by more text, or 0."""
    for pattern in (UPDATE_STAMP, SHORT_YEAR_STAMP, DATED_STAMP, NAMED_STAMP, BRACKETED_UPDATE):
        m = pattern.match(text)
        rest = text[m.end() :].strip() if m else ""
        # a stamp before a bar is part of a signature or a link line, not a masthead
        if m and _HAS_CLOCK.search(m.group(0)) and rest and not rest.startswith("|"):
            return m.end()
    return 0


# ------------------------------------------------------------------ 2. comments

_VERB = rf"(?:{words('comment_header_verbs')})"
COMMENT_HEADER = re.compile(
    rf"(?:\d{{1,4}}\.\s+)?At\s+{CLOCK}\s+(?:on\s+)?{FULL_DATE},?\s+\S(?:[^\n]{{0,60}}?\S)?"
    rf"\s+{_VERB}:"
)
"""A comment's header: "At 2:10 pm on 02 Jun 2009, someone wrote:" (numbered too)."""
_LINKS = rf"(?i:{words('comment_links')})"
SIGNATURE = re.compile(
    rf"(?:(?i:posted\s+by):?\s*[^|\n]{{1,60}}?\s*\|\s*)?{FULL_DATE}(?:,|\s+at)?\s+{CLOCK}"
    rf"(?:\s+(?i:{words('stamp_zone_words')})\b)?\s*\|\s*{_LINKS}(?:\s*\|)?"
    rf"|(?i:posted\s+by)\s+[^.\n|]{{1,60}}?\s+on\s+{FULL_DATE},?\s+{CLOCK}\.?"
)
"""A signature after a comment: "Posted by: X | June 24, 2010 11:13 AM | Report abuse",
"February 10, 2011 at 7:53 am | Report abuse |", "Posted by X on April 2, 2009 10:14 AM"."""
_COMMENT_LINK_LINE = re.compile(
    rf"{_LINKS}\s*\??\s*(?:\(\d+\))?(?:\s*\((?i:comment\s+number|comment)\s*\d+\))?\s*"
)
_MODERATION = re.compile(rf"\b(?i:{words('moderation_notices')})\b")
SHORT_CUE_CHARS = 80
"""A comment link on its own line ("Report abuse", "Recommend? (3)") is no longer."""


def is_comment_cue(block: str) -> bool:
    """A block that only a comment thread holds: a header, a signature, a moderation
    notice, or a comment link on its own."""
    text = block.strip()
    return bool(
        COMMENT_HEADER.match(text)
        or (("|" in text or text[:6].lower() == "posted") and SIGNATURE.fullmatch(text))
        or _MODERATION.search(text)
        or (len(text) < SHORT_CUE_CHARS and _COMMENT_LINK_LINE.fullmatch(text))
    )


def is_signature(block: str) -> bool:
    """A signature, which follows the comment it signs."""
    return bool(SIGNATURE.fullmatch(block.strip()))


# ------------------------------------------------------------------ 3. credits, captions

_KINDS = rf"(?i:{words('picture_credit_kinds')})s?"
_AGENCY = r"[A-Z][A-Z&.]+(?:\s+[A-Z][A-Z&.]+){0,3}"
_PERSON = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_SLASH = r"\\?/"
_SLASH_CREDIT = (
    rf"(?:{_AGENCY}{_SLASH}{_PERSON}|{_PERSON}{_SLASH}[A-Z][\w.&'’-]*"
    rf"(?:{_SLASH}[A-Z][\w.&'’-]*)?(?:\s+(?i:{words('credit_tail_words')}))?)"
)
_CAPITALISED = r"[A-Z][\w&.'’-]*"
_NAMED_CREDIT = rf"{_CAPITALISED}(?:,?\s+{_CAPITALISED}){{0,4}}"
CREDIT_END = re.compile(
    r"(?:(?:(?i:copyright)\s*)?©\s*[^©]{0,60}|(?i:copyright)\s+\d{4}\b[^©]{0,60}"
    r"|[-–—]\s*(?i:copyright)\s+[A-Z][^©]{1,60}"
    rf"|\({_KINDS}:[^)]{{2,60}}\)"
    rf"|\((?:[A-Z][\w.&'’-]*\s+){{0,3}}{_KINDS}\s*{_SLASH}[^()]{{2,60}}\)(?:\s+{_KINDS}(?:\s+credit)?:\s*{_SLASH_CREDIT})?"
    rf"|\({_KINDS}\s+by\s+[^()]{{2,60}}\)"
    rf"|\b{_KINDS}(?:\s+credit)?:\s*(?:{_SLASH_CREDIT}|{_NAMED_CREDIT})"
    rf"|\b{_AGENCY}{_SLASH}[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})\s*$"
)
"""A photo credit at the end of a block (shapes as above)."""
RUN_IN_CREDIT = re.compile(
    rf"\b{_KINDS}(?:\s+credit)?:\s*(?:{_SLASH_CREDIT}|[A-Z]{{2,}}\b(?=\s+[A-Z“\"‘(])"
    rf"|{_NAMED_CREDIT}(?=\s+[A-Z“\"‘(][\w'’-]*\s+[a-z]))"
    rf"|\((?:[A-Z][\w.&'’-]*\s+){{0,3}}{_KINDS}\s*{_SLASH}[^()]{{2,60}}\)"
)
"""A credit with more text after it ("… Committee Photograph: Reuters It was …"): a
slash credit, a word in capitals, or the capitalised words before the one that opens
the next sentence."""
_POSITION = re.compile(rf"^(?i:{words('caption_position_labels')})\s*:\s+\S")
_MEDIA = rf"(?i:{words('media_words')})s?"
_DATING = rf"(?i:{words('scene_dating_verbs')})"
_MEDIA_DATED = re.compile(rf"\b{_MEDIA}\s+{_DATING}\s+(?i:on|in)\s+{FULL_DATE}\W*$")
_QUOTED_MEDIA = re.compile(rf"^[\"“‘']\s*(?i:a|an|the|this)\s+{_MEDIA}\b.*[\"”’']\s*$")
_SCENE_DATED = re.compile(rf"\b(?i:this)\s+\w+\s+{_DATING}\s+(?i:on|in)\s+{FULL_DATE}")


_CREDIT_MARKS = "©/:("


def ends_in_credit(block: str) -> re.Match[str] | None:
    """The photo credit that ends ``block``, if one does."""
    start = max(len(block) - TAIL_CHARS, 0)
    tail = block[start:]
    if not any(mark in tail for mark in _CREDIT_MARKS) and "opyright" not in tail:
        return None  # a quick test: every credit holds one of these
    return CREDIT_END.search(block, start)


def has_caption_cue(block: str) -> bool:
    """A caption by its own words: position labels, a picture dated at the end, or a
    quoted picture description."""
    return bool(
        _POSITION.match(block)
        or _MEDIA_DATED.search(block, max(len(block) - TAIL_CHARS, 0))
        or _QUOTED_MEDIA.match(block)
    )


def is_scene_dated(block: str) -> bool:
    """A block that dates the scene it describes ("This incident occurred on …")."""
    return bool(_SCENE_DATED.search(block))


def opens_with_date_label(block: str) -> bool:
    """A block opening with a bare day label ("May 2: A sign on …"), as dated captions
    do."""
    m = re.match(rf"(?i:{_MONTH})\.?\s+\d{{1,2}}:\s+[A-Z]", block)
    return m is not None


# ------------------------------------------------------------------ 4. prompts, notices

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _first_words(*names: str) -> frozenset[str]:
    """The first word of every phrase of lexicon lists ``names``, lower case: a line
    holds one of these before a phrase can match (a quick test before the search)."""
    return frozenset(
        m.group(0) for name in names for phrase in lexicon.words(name) if (m := _WORD.match(phrase))
    )


def _holds_any(block: str, first: frozenset[str]) -> bool:
    return not first.isdisjoint(_WORD.findall(block.lower()))


_PROMPT = re.compile(rf"\b(?i:{words('reader_prompts')})\b")
_PROMPT_FIRST = _first_words("reader_prompts", "reader_prompt_openings")
_NOTICE = re.compile(rf"\b(?i:{words('notice_phrases')})\b|\b(?i:copyright)\s+(?:©\s*)?\d{{4}}\b")
_NOTICE_FIRST = _first_words("notice_phrases") | {"copyright"}
_PROMPT_OPENING = re.compile(rf"^(?:(?i:but|and|so)\s+)?(?i:{words('reader_prompt_openings')})\b")
_POINTER = re.compile(rf"\b(?i:{words('link_pointers')})\b")
_QUOTES = re.compile(r"[\"“”]")


def is_prompt(block: str) -> bool:
    """A short line prompting the reader ("Send us your photos of the storm.", "You
    can read the full speech here.")."""
    if len(block.split()) > PROMPT_MAX_WORDS or not _holds_any(block, _PROMPT_FIRST):
        return False
    if _QUOTES.search(block):
        return False
    pointed = _PROMPT_OPENING.match(block) and _POINTER.search(block)
    return bool(_PROMPT.search(block) or pointed)


def is_notice(block: str) -> bool:
    """A short legal, contributor or correction notice."""
    return (
        len(block.split()) <= NOTICE_MAX_WORDS
        and _holds_any(block, _NOTICE_FIRST)
        and bool(_NOTICE.search(block))
    )


def is_reader_question(block: str) -> bool:
    """A short question to the reader ("Are you in the area?"), as prompts open."""
    text = block.strip()
    return (
        text.endswith("?")
        and len(text.split()) <= PROMPT_MAX_WORDS
        and not _QUOTES.search(text)
        and bool(re.search(r"\b(?i:you|your)\b", text))
    )
