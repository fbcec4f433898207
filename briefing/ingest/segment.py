"""Compilation pages and article metadata, for the ingest stage.

Every block of a document gets a kind (date line, byline, timestamp, credit, wire
sign-off, source link, page furniture, headline-like, body). Then, in numbered
stages with named thresholds:

1. **split**: a headline-like block starts a new article when a date line or byline
   follows it within :data:`HEADER_WINDOW` blocks (after at most
   :data:`MAX_STANDFIRST_BLOCKS` body blocks, the standfirst), or when it follows a
   wire sign-off such as "(AP)"; the article before it must have at least
   :data:`MIN_BODY_BLOCKS` body blocks. No outlet, name or phrase of a particular
   story is involved: only the shapes of lines.
2. **head**: in each article's first :data:`HEAD_BLOCKS` blocks, the headline,
   standfirst, date line, byline and outlet line are read and taken out of the body.
3. **furniture**: timestamps, credits, sign-offs, "Source link:" lines and blog
   furniture ("No comments:", "Post a Comment") are dropped everywhere; the outlets
   they name are kept as evidence.
4. **captions**: a block that ends in a photo credit, carries "(Photo: …)", or stands
   just before a credit line is a caption, kept apart from the body.
5. **outlet**: the strongest cue wins: dateline or sign-off wire, agency byline,
   outlet line in the head, credit, "reported by", link domain.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .. import lexicon
from ..dates import DATE_DMY_WORDS, DATE_ISO, DATE_MDY_WORDS, DATE_NUMERIC, parse_written_date
from ..textutil import alternation
from .readers import RawDoc

HEADER_WINDOW = 6
"""Blocks after a headline in which its date line or byline must appear."""
MAX_STANDFIRST_BLOCKS = 2
"""Body blocks allowed between a headline and its date line or byline."""
MIN_BODY_BLOCKS = 2
"""Body blocks an article needs before another article may start."""
HEAD_BLOCKS = 10
"""Blocks at the start of an article searched for its headline, date line and byline."""
HEADLINE_MAX_WORDS = 30
"""A block longer than this is body text, not a headline."""
SHORT_LINE_WORDS = 4
"""A head line this short is an outlet or author line, not a standfirst."""
CAPTION_MAX_WORDS = 45
"""A block ending in a photo credit is a caption only up to this length."""

# Outlet evidence, strongest first.
PRIORITY_FORMAT, PRIORITY_WIRE, PRIORITY_AGENCY_BYLINE, PRIORITY_OUTLET_LINE = 0, 1, 2, 3
PRIORITY_CREDIT, PRIORITY_REPORTED_BY, PRIORITY_LINK = 4, 5, 6


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
_NOT_NAME_WORDS = (
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
        if words[0].lower() in _NOT_NAME_WORDS or words[0].isdigit():
            return None
        one_word_name = words[0].isupper() or (
            words[0][:1].isupper() and len(words[0]) > ONE_WORD_NAME_MIN_LETTERS
        )
        if len(words) == 1 and not one_word_name:
            return None
        return m


BYLINE = _Byline()
_MEDIA_CREDIT = re.compile(rf"^(?:{_alternatives('media_credit_kinds')}) by:?\s+", re.I)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}?),?(?:\s+[A-Z][a-z.]+)?\s*\((?P<wire>[A-Za-z0-9 .&-]{2,30})\)\s*[—–-]+\s*"
)
_SIGN_OFF = re.compile(
    r"^\((?P<wire>[A-Z]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}|[A-Z0-9][A-Za-z0-9 .&]{1,20} with [A-Z][A-Za-z .&]{1,30})\)$"
)
"""A wire sign-off: "(AP)", "(Reuters)", "(FRANCE 24 with Reuters)"; not "(APPLAUSE)"."""
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\b\s*(?P<rest>.*)$")
_CREDIT = re.compile(
    r"^[-–—\s]*(?:©|\([cC]\)(?=\s*[A-Z0-9])|[Cc]opyright\b\s*(?:©|\([cC]\))?(?=\s*(?:\d{4}|[A-Z])))"
    r"\s*(?P<who>[^©]{2,60}?)\s*$"
)
"""A credit line: "© Name, AFP", "Copyright AFP Name", "Copyright © 2024 Reuters"."""
_TRAILING_CREDIT = re.compile(
    r"(?:(?:copyright\s*)?©\s*[^©]{2,60}|copyright\s+\d{4}\b[^©]{0,60}"
    rf"|\((?:{_alternatives('picture_credit_kinds')})s?:[^)]{{2,60}}\))\s*$",
    re.I,
)
_SOURCE_LINK = re.compile(r"^source(?: link)?:\s*(?P<url>https?://\S+)\s*$", re.I)
_FURNITURE = re.compile(
    rf"^(?:no comments:?|\d+ comments?:?|{_alternatives('furniture_labels')}"
    rf"|{_alternatives('furniture_lines')})$",
    re.I,
)
_REPORTED_BY = re.compile(r"\b(?:as )?reported by (?P<who>[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3})")
_WITH_WIRE = re.compile(r"^(?P<outlet>.+?) with (?P<wire>.+)$")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")

DATE, BYLINE_KIND, TIMESTAMP, CREDIT, SIGNOFF, SOURCE, FURNITURE, MEDIA_CREDIT = (
    "date", "byline", "timestamp", "credit", "signoff", "source", "furniture", "media-credit",
)  # fmt: skip
HEADLINE, BODY = "headline", "body"


@dataclass
class Draft:
    """One article on its way out of the ingest stage (private to it)."""

    body: list[tuple[str, str]] = field(default_factory=list)
    """(kind, text) blocks: kind is body, standfirst or caption."""
    title: str | None = None
    """The headline, once read."""
    standfirst: str | None = None
    """The standfirst, also kept as a body block of that kind."""
    published: str | None = None
    """ISO day of publication."""
    published_evidence: str | None = None
    """The text that day was read from."""
    byline: str | None = None
    """The author or agency as written after "By"."""
    dateline: str | None = None
    """The place of the dateline ("BEIRUT (Reuters) -"), title-cased."""
    url: str | None = None
    """The article's address (format or "Source link:" line)."""
    links: list[str] = field(default_factory=list)
    """Link targets of the document."""
    outlets: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(priority, order, outlet, evidence) candidates."""
    wire: str | None = None
    """The wire service of a dateline or sign-off ("Reuters")."""

    def add_outlet(self, priority: int, outlet: str, evidence: str) -> None:
        """Note an outlet candidate; the strongest (lowest priority), then the first, wins."""
        outlet = outlet.strip(" .,;:-–—")
        if outlet:
            self.outlets.append((priority, len(self.outlets), outlet, evidence))

    def best_outlet(self) -> tuple[str | None, str | None]:
        """(outlet, evidence) of the winning candidate, or (None, None)."""
        if not self.outlets:
            return None, None
        _, _, outlet, evidence = min(self.outlets)
        return outlet, evidence


# ------------------------------------------------------------------ kinds

ONE_WORD_NAME_MIN_LETTERS = 3
"""A one-word byline in title case is taken for a name only with more letters than
this: a shorter word is more often an outlet's or a section's."""
OUTLET_CAPITALS_SHARE = 0.5
"""Share of a line's letters in capitals above which a short line reads as an outlet's
masthead."""


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


def block_kind(block: str) -> str:
    """The kind of a block, by its shape alone."""
    if " | " in block:  # "By Jane Smith | March 4, 2024"
        kinds = {_single_kind(part.strip()) for part in block.split(" | ")}
        if kinds <= {DATE, BYLINE_KIND}:
            return BYLINE_KIND if BYLINE_KIND in kinds else DATE
    return _single_kind(block)


def _single_kind(block: str) -> str:
    checks = (
        (DATE, is_date_line(block)),
        (BYLINE_KIND, bool(BYLINE.match(block))),
        (MEDIA_CREDIT, bool(_MEDIA_CREDIT.match(block))),
        (TIMESTAMP, bool(_TIMESTAMP.match(block))),
        (CREDIT, bool(_CREDIT.match(block)) and not block.rstrip().endswith(".")),
        (SIGNOFF, bool(_SIGN_OFF.match(block))),
        (SOURCE, bool(_SOURCE_LINK.match(block))),
        (FURNITURE, bool(_FURNITURE.match(block.strip()))),
        (HEADLINE, looks_like_headline(block)),
    )
    return next((kind for kind, hit in checks if hit), BODY)


# ------------------------------------------------------------------ stage 1: split


def _has_header_after(kinds: list[str], index: int) -> bool:
    body = 0
    for kind in kinds[index + 1 : index + 1 + HEADER_WINDOW]:
        if kind in (DATE, BYLINE_KIND):
            return True
        if kind == SIGNOFF:  # the end of this article: what follows belongs to the next
            return False
        if kind == BODY:
            body += 1
            if body > MAX_STANDFIRST_BLOCKS:
                return False
    return False


def _follows_sign_off(kinds: list[str], index: int) -> bool:
    for kind in reversed(kinds[:index]):
        if kind == SIGNOFF:
            return True
        if kind not in (FURNITURE, TIMESTAMP, CREDIT):
            return False
    return False


def split_compilation(blocks: list[str]) -> list[list[str]]:
    """Cut a page holding several articles into one block list per article."""
    kinds = [block_kind(b) for b in blocks]
    starts = [0]
    body_since_start = 0
    for index, kind in enumerate(kinds):
        if kind == BODY:
            body_since_start += 1
        if kind != HEADLINE or index == 0 or body_since_start < MIN_BODY_BLOCKS:
            continue
        if _follows_sign_off(kinds, index) or _has_header_after(kinds, index):
            starts.append(index)
            body_since_start = 0
    ends = [*starts[1:], len(blocks)]
    segments: list[list[str]] = []
    for s, e in zip(starts, ends, strict=True):
        if segments and not any(k == BODY for k in kinds[s:e]):
            segments[-1].extend(blocks[s:e])  # a headline with no text is not an article
        else:
            segments.append(blocks[s:e])
    return segments


# ------------------------------------------------------------------ stages 2-5


def page_date_order(text: str, default: str) -> str:
    """The day/month order a page's own numeric dates prove, else ``default``."""
    for m in DATE_NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            return "DMY"
        if b > 12 >= a:
            return "MDY"
    return default


def _wire_outlet(draft: Draft, wire: str, evidence: str) -> None:
    if m := _WITH_WIRE.match(wire):
        draft.add_outlet(PRIORITY_WIRE, m["outlet"], evidence)
        draft.wire = draft.wire or m["wire"].strip()
    else:
        draft.add_outlet(PRIORITY_WIRE, wire, evidence)
        draft.wire = draft.wire or wire.strip()


def _read_head(blocks: list[str], kinds: list[str], draft: Draft, date_order: str) -> int:
    """Stage 2: take the head's metadata; return the index where the body starts."""
    body_start = 0
    standfirst: list[str] = []
    for index, (block, kind) in enumerate(
        zip(blocks[:HEAD_BLOCKS], kinds[:HEAD_BLOCKS], strict=False)
    ):
        if kind in (DATE, BYLINE_KIND):
            _take_meta(block, draft, date_order)
        elif kind == HEADLINE and draft.title is None and not standfirst:
            draft.title = block
        elif (
            kind == HEADLINE and len(block.split()) <= SHORT_LINE_WORDS and draft.title is not None
        ):
            if _is_outlet_line(block):
                draft.add_outlet(PRIORITY_OUTLET_LINE, block, block)
            elif draft.byline is None and _is_name(block):
                draft.byline = block
            else:
                break
        elif (
            kind in (HEADLINE, BODY)
            and draft.title is not None
            and len(standfirst) < MAX_STANDFIRST_BLOCKS
            and _has_meta_after(kinds, index)
        ):
            standfirst.append(block)
        elif kind in (HEADLINE, BODY):
            break
        else:
            _take_furniture(block, kind, draft, date_order)
        body_start = index + 1
    if standfirst:
        draft.standfirst = " ".join(standfirst)
        draft.body.append(("standfirst", draft.standfirst))
    return body_start


def _has_meta_after(kinds: list[str], index: int) -> bool:
    """A date line or byline follows within the standfirst's reach."""
    reach = kinds[index + 1 : index + 1 + MAX_STANDFIRST_BLOCKS + 1]
    return any(k in (DATE, BYLINE_KIND) for k in reach)


def _is_outlet_line(block: str) -> bool:
    """A short line mostly in capitals ("THE DAILY LEDGER", "iNEWS UK")."""
    letters = [c for c in block if c.isalpha()]
    return (
        bool(letters) and sum(c.isupper() for c in letters) / len(letters) > OUTLET_CAPITALS_SHARE
    )


def _is_name(block: str) -> bool:
    """Two to four capitalised words, none of them a common phrase word: an author line."""
    words = block.split()
    return (
        2 <= len(words) <= SHORT_LINE_WORDS
        and all(w[:1].isupper() and w.lower() not in _NOT_NAME_WORDS for w in words)
        and not any(c.isdigit() for c in block)
    )


def _parts(block: str) -> list[str]:
    """The parts of a "By Jane Smith | March 4, 2024" line."""
    return [p.strip() for p in block.split(" | ")] if " | " in block else [block]


def _take_meta(block: str, draft: Draft, date_order: str) -> None:
    """Read a date line or byline (or a line holding both, split by "|")."""
    for part in _parts(block):
        if is_date_line(part):
            if draft.published is None and (day := parse_written_date(part, date_order)):
                draft.published, draft.published_evidence = day, block
        elif m := BYLINE.match(part):
            who = m["who"].strip()
            draft.byline = draft.byline or who
            if re.fullmatch(r"[A-Z]{2,6}", who):
                draft.add_outlet(PRIORITY_AGENCY_BYLINE, who, block)


def _take_furniture(block: str, kind: str, draft: Draft, date_order: str) -> bool:
    """Stage 3: note what a furniture block says; True when the block is dropped."""
    if kind == TIMESTAMP:
        rest = _TIMESTAMP.match(block)["rest"].strip()
        if credit := _CREDIT.match(rest):
            draft.add_outlet(PRIORITY_CREDIT, credit["who"].split(",")[-1], block)
        return not rest or bool(credit)
    if kind == SIGNOFF:
        _wire_outlet(draft, _SIGN_OFF.match(block)["wire"], block)
    elif kind == CREDIT:
        draft.add_outlet(PRIORITY_CREDIT, _CREDIT.match(block)["who"].split(",")[-1], block)
    elif kind == SOURCE:
        draft.url = draft.url or _SOURCE_LINK.match(block)["url"]
    elif kind in (DATE, BYLINE_KIND):  # metadata at the foot of an article
        _take_meta(block, draft, date_order)
    return kind in (SIGNOFF, CREDIT, SOURCE, FURNITURE, MEDIA_CREDIT, DATE, BYLINE_KIND)


def _read_body(blocks: list[str], kinds: list[str], draft: Draft, date_order: str) -> None:
    """Stages 3-4: drop furniture, keep captions apart, find the dateline."""
    signed_off = False
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        if _take_furniture(block, kind, draft, date_order):
            signed_off = signed_off or kind == SIGNOFF
            continue
        if signed_off and kind == HEADLINE:
            continue  # "related stories" headlines after the sign-off
        if kind == TIMESTAMP:  # a timestamp run into the text after it
            block = _TIMESTAMP.match(block)["rest"].strip()
        next_kind = kinds[index + 1] if index + 1 < len(kinds) else None
        credit = _TRAILING_CREDIT.search(block)
        if (credit or next_kind == CREDIT) and len(block.split()) <= CAPTION_MAX_WORDS:
            draft.body.append(("caption", block))
            continue
        if credit:  # a long paragraph with a credit run onto its end: keep the text
            block = block[: credit.start()].rstrip() or block
        at_start = draft.dateline is None and not any(k == "body" for k, _ in draft.body)
        if at_start and (m := DATELINE.match(block)):
            draft.dateline = m["place"].strip().title()
            _wire_outlet(draft, m["wire"], m.group(0).strip())
            block = block[m.end() :].strip() or block
        draft.body.append(("body", block))


def _outlet_from_text_and_links(draft: Draft) -> None:
    for _, block in draft.body[:HEAD_BLOCKS]:
        if m := _REPORTED_BY.search(block):
            draft.add_outlet(PRIORITY_REPORTED_BY, m["who"], m.group(0))
            break
    domains = [urlparse(u).hostname or "" for u in ([draft.url] if draft.url else []) + draft.links]
    domains = [d.removeprefix("www.") for d in domains if d]
    if domains:
        domain, _ = Counter(domains).most_common(1)[0]
        draft.add_outlet(PRIORITY_LINK, domain, f"link domain {domain}")


def read_article(blocks: list[str], doc: RawDoc, date_order: str, whole: bool = True) -> Draft:
    """Stages 2-5 for one article's blocks; ``whole`` when the article is the whole
    document (so the document's own title is its title)."""
    draft = Draft(
        byline=doc.byline,
        url=doc.url,
        links=list(doc.links),
    )
    if doc.outlet:
        draft.add_outlet(PRIORITY_FORMAT, doc.outlet, "stated in the file")
    if whole and doc.title:
        if blocks and blocks[0] == doc.title:
            blocks = blocks[1:]
        draft.title = doc.title
    kinds = [block_kind(b) for b in blocks]
    if len(blocks) == 1 and kinds[0] == HEADLINE:
        kinds[0] = BODY  # a lone line is the text itself, not a headline over nothing
    start = _read_head(blocks, kinds, draft, date_order)
    if draft.title is None and start == 0 and len(blocks) > 1 and kinds[0] == HEADLINE:
        draft.title, start = blocks[0], 1
    _read_body(blocks[start:], kinds[start:], draft, date_order)
    _outlet_from_text_and_links(draft)
    if draft.published is None and doc.published:
        draft.published, draft.published_evidence = doc.published, doc.published_evidence
    return draft
