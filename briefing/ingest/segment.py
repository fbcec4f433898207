"""Compilation pages and article metadata, for the ingest stage.

Every block of a document has a kind by its shape (:mod:`.lines`). A page is read in
numbered stages, with named thresholds:

1. **run-ins** (:mod:`.furniture`, stage 1): blocks are cut where page chrome runs
   into the text (stamps, comment headers, credits);
2. **thread** (:mod:`.furniture`, stage 2): the comment thread is set apart; its
   blocks end the page's last article as comments;
3. **split**: a headline-like block starts a new article when a date line or byline
   follows it within :data:`HEADER_WINDOW` blocks (after at most
   :data:`MAX_STANDFIRST_BLOCKS` body blocks, the standfirst), or when it follows a
   wire sign-off such as "(AP)"; the article before it must have at least
   :data:`MIN_BODY_BLOCKS` body blocks. No outlet, name or phrase of a particular
   story is involved: only the shapes of lines.
4. **head**: in each article's first :data:`HEAD_BLOCKS` blocks, the headline,
   standfirst, date line, byline and outlet line are read and taken out of the body;
   a first block that reads as a caption is not the headline; the head's other blocks
   (timestamps, credits, captions, section labels) stay as paragraphs of their kind;
5. **body** (:mod:`.furniture`, stage 3): every block of the body gets its paragraph
   kind; metadata lines (timestamps, credits, sign-offs, "Source link:" lines) stay as
   furniture, the outlets they name kept as evidence; a long paragraph with a credit
   run onto its end is cut into its text and a caption; the dateline is read;
6. **outlet**: the publisher, the strongest cue winning: a "(X with WIRE)" sign-off,
   the outlet line in the head, a credit (copyright line, "Video by:"), "reported by",
   the link domain (as the page names it, if it does); a wire alone (dateline,
   sign-off, agency byline) is the **wire**, and the publisher only when nothing else
   names one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ..dates import DATE_NUMERIC, parse_written_date
from ..records import BODY as BODY_PARAGRAPH
from ..records import CAPTION, COMMENT, FURNITURE, STANDFIRST
from . import chrome
from .furniture import body_kinds, opens_as_caption, split_run_ins, thread_start
from .lines import (
    BODY,
    BYLINE,
    BYLINE_KIND,
    CREDIT,
    CREDIT_LINE,
    DATE,
    DATELINE,
    HEADLINE,
    MEDIA_CREDIT,
    MEDIA_CREDIT_LEAD,
    NOTICE,
    PROMPT,
    SHORT_LINE_WORDS,
    SIGN_OFF,
    SIGNOFF,
    SOURCE,
    SOURCE_LINK,
    STAMP,
    TIMESTAMP,
    TIMESTAMP_LINE,
    block_kind,
    is_date_line,
    is_name_line,
)
from .lines import CAPTION as CAPTION_KIND
from .lines import COMMENT as COMMENT_KIND
from .lines import FURNITURE as FURNITURE_KIND
from .readers import RawDoc

__all__ = [
    "Draft",
    "block_kind",
    "page_date_order",
    "read_article",
    "read_page",
    "split_compilation",
]

HEADER_WINDOW = 6
"""Blocks after a headline in which its date line or byline must appear."""
MAX_STANDFIRST_BLOCKS = 2
"""Body blocks allowed between a headline and its date line or byline."""
MIN_BODY_BLOCKS = 2
"""Body blocks an article needs before another article may start."""
HEAD_BLOCKS = 10
"""Blocks at the start of an article searched for its headline, date line and byline."""
OUTLET_CAPITALS_SHARE = 0.5
"""Share of a line's letters in capitals above which a short line reads as an outlet's
masthead."""

# Outlet evidence, strongest first.
PRIORITY_FORMAT, PRIORITY_WIRE, PRIORITY_OUTLET_LINE = 0, 1, 3
PRIORITY_CREDIT, PRIORITY_REPORTED_BY, PRIORITY_LINK, PRIORITY_WIRE_ONLY = 4, 5, 6, 7
"""How strongly each cue names the publisher, the strongest first. A wire alone (a
dateline or sign-off "(AP)", an agency byline) says where the copy came from, not who
published it: it is the publisher only when nothing else on the page names one."""
AGENCY_NAME = re.compile(r"[A-Z]{2,6}")
"""A news agency's name as bylines and photo credits write it ("AFP", "AP")."""
DOMAIN_NAME_WORDS = 4
"""Most capitalised words of a name the page gives its link domain ("Harbour Gazette")."""

_REPORTED_BY = re.compile(r"\b(?:as )?reported by (?P<who>[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3})")
_WITH_WIRE = re.compile(r"^(?P<outlet>.+?) with (?P<wire>.+)$")
_SPLIT_KINDS = {
    CAPTION_KIND: BODY,
    COMMENT_KIND: BODY,
    NOTICE: FURNITURE_KIND,
    PROMPT: FURNITURE_KIND,
    STAMP: TIMESTAMP,
}
"""How the split reads the kinds it does not know: captions and comments as text,
notices and prompts as furniture, stamps as timestamps."""
_HEAD_PARAGRAPH = {CAPTION_KIND: CAPTION, CREDIT: CAPTION, COMMENT_KIND: COMMENT}
"""Paragraph kinds of head blocks that are neither metadata nor text; others are
furniture."""


@dataclass
class Draft:
    """One article on its way out of the ingest stage (private to it)."""

    body: list[tuple[str, str]] = field(default_factory=list)
    """(paragraph kind, text) of every block kept, in reading order (see
    ``records.Paragraph.kind``)."""
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


# ------------------------------------------------------------------ stages 1-2: page


def read_page(doc: RawDoc, date_order: str) -> list[Draft]:
    """Stages 1-6 for one document: its articles, the last one holding the page's
    comment thread."""
    blocks = split_run_ins(doc.blocks)
    start = thread_start(blocks)
    thread = blocks[start:] if start is not None else []
    text = blocks[:start] if start is not None else blocks
    segments = split_compilation(text) if doc.split and text else [text]
    drafts = [read_article(s, doc, date_order, whole=len(segments) == 1) for s in segments]
    drafts[-1].body.extend((COMMENT, block) for block in thread)
    return drafts


# ------------------------------------------------------------------ stage 3: split


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
        if kind not in (FURNITURE_KIND, TIMESTAMP, CREDIT):
            return False
    return False


def split_compilation(blocks: list[str]) -> list[list[str]]:
    """Stage 3: cut a page holding several articles into one block list per article."""
    kinds = [_SPLIT_KINDS.get(k, k) for k in map(block_kind, blocks)]
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


# ------------------------------------------------------------------ stages 4-6


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
    """ "(HARBOUR TV with Reuters)": the publisher, and the wire; "(AP)": the wire, and
    the publisher only if nothing else names one."""
    if m := _WITH_WIRE.match(wire):
        draft.add_outlet(PRIORITY_WIRE, m["outlet"], evidence)
        draft.wire = draft.wire or m["wire"].strip()
    else:
        draft.add_outlet(PRIORITY_WIRE_ONLY, wire, evidence)
        draft.wire = draft.wire or wire.strip()


def _read_head(blocks: list[str], kinds: list[str], draft: Draft, date_order: str) -> int:
    """Stage 4: take the head's metadata, keep its other blocks as paragraphs; return
    the index where the body starts."""
    body_start = 0
    standfirst: list[str] = []
    kept: list[tuple[str, str]] = []
    for index, (block, kind) in enumerate(
        zip(blocks[:HEAD_BLOCKS], kinds[:HEAD_BLOCKS], strict=False)
    ):
        short = len(block.split()) <= SHORT_LINE_WORDS
        if kind in (DATE, BYLINE_KIND):
            _take_meta(block, draft, date_order)
        elif kind == HEADLINE and draft.title is None and not standfirst:
            draft.title = block
        elif kind == HEADLINE and short and draft.title is not None:
            if _is_outlet_line(block):
                draft.add_outlet(PRIORITY_OUTLET_LINE, block, block)
            elif draft.byline is None and is_name_line(block):
                draft.byline = block
            else:
                break
        elif (
            kind in (HEADLINE, BODY)
            and draft.title is not None
            and len(standfirst) < MAX_STANDFIRST_BLOCKS
            and _has_meta_after(kinds, index)
        ):
            kept += [] if standfirst else [(STANDFIRST, "")]
            standfirst.append(block)
        elif kind in (HEADLINE, BODY):
            break
        else:
            _note_metadata(block, kind, draft, date_order)
            kept.append((_HEAD_PARAGRAPH.get(kind, FURNITURE), block))
        body_start = index + 1
    draft.standfirst = " ".join(standfirst) or None
    draft.body += [(k, draft.standfirst if k == STANDFIRST else t) for k, t in kept]
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
            if AGENCY_NAME.fullmatch(who):  # "By AFP": an agency's copy
                _wire_outlet(draft, who, block)


def _note_metadata(block: str, kind: str, draft: Draft, date_order: str) -> None:
    """Note what a metadata or furniture block says (outlets, address, wire, a date
    or byline at an article's foot); the block itself stays as a paragraph."""
    if kind == TIMESTAMP:
        rest = TIMESTAMP_LINE.match(block)["rest"].strip()
        if (credit := CREDIT_LINE.match(rest)) and not _photographer(credit["who"]):
            draft.add_outlet(PRIORITY_CREDIT, credit["who"], block)
    elif kind == SIGNOFF:
        _wire_outlet(draft, SIGN_OFF.match(block)["wire"], block)
    elif (
        kind == CREDIT and (credit := CREDIT_LINE.match(block)) and not _photographer(credit["who"])
    ):
        draft.add_outlet(PRIORITY_CREDIT, credit["who"], block)
    elif kind == MEDIA_CREDIT and _is_outlet_line(who := MEDIA_CREDIT_LEAD.sub("", block)):
        draft.add_outlet(PRIORITY_CREDIT, who, block)  # "Video by: HARBOUR TV": the page's own
    elif kind == SOURCE:
        draft.url = draft.url or SOURCE_LINK.match(block)["url"]
    elif kind in (DATE, BYLINE_KIND):
        _take_meta(block, draft, date_order)
    elif (
        kind == STAMP
        and draft.byline is None
        and (m := chrome.NAMED_STAMP.fullmatch(block.strip()))
        and is_name_line(m["who"])
        and not _is_outlet_line(m["who"])
    ):
        draft.byline = m["who"]


def _photographer(who: str) -> bool:
    """Whether a credit names a picture's maker ("Omar Haj Kadour, AFP", "AFP Omar HAJ
    KADOUR"): a person and the agency they work for, not the page's publisher."""
    words = who.split()
    return "," in who or (len(words) >= 3 and bool(AGENCY_NAME.fullmatch(words[0])))


def _read_body(blocks: list[str], kinds: list[str], draft: Draft, date_order: str) -> None:
    """Stage 5: every block's paragraph kind; metadata noted; the dateline read."""
    for block, kind, paragraph in zip(blocks, kinds, body_kinds(blocks, kinds), strict=True):
        _note_metadata(block, kind, draft, date_order)
        if paragraph != BODY_PARAGRAPH:
            draft.body.append((paragraph, block))
            continue
        credit = chrome.ends_in_credit(block)
        text = block[: credit.start()].rstrip() if credit else block
        first = draft.dateline is None and not any(k == BODY_PARAGRAPH for k, _ in draft.body)
        if first and (m := DATELINE.match(text)):
            draft.dateline = m["place"].strip().title()
            _wire_outlet(draft, m["wire"], m.group(0).strip())
            text = text[m.end() :].strip() or text
        draft.body.append((BODY_PARAGRAPH, text or block))
        if credit and text:  # a long paragraph with a credit run onto its end
            draft.body.append((CAPTION, credit.group(0).strip()))


def _outlet_from_text_and_links(draft: Draft) -> None:
    """Stage 6's weakest cues: "reported by" in the text (not in a caption: a picture's
    agency is not the article's outlet), then the link domain."""
    for kind, block in draft.body[:HEAD_BLOCKS]:
        if kind in (BODY_PARAGRAPH, STANDFIRST) and (m := _REPORTED_BY.search(block)):
            draft.add_outlet(PRIORITY_REPORTED_BY, m["who"], m.group(0))
            break
    domains = [urlparse(u).hostname or "" for u in ([draft.url] if draft.url else []) + draft.links]
    domains = [d.removeprefix("www.") for d in domains if d]
    if domains:
        domain, _ = Counter(domains).most_common(1)[0]
        named = _domain_name(domain, [block for _, block in draft.body])
        evidence = f"link domain {domain}" + (f", named “{named}” on the page" if named else "")
        draft.add_outlet(PRIORITY_LINK, named or domain, evidence)


def _domain_name(domain: str, blocks: list[str]) -> str | None:
    """The name the page gives its link domain: capitalised words whose letters spell
    the domain's first label ("Harbour Gazette" for harbourgazette.com); None if none."""
    label = domain.split(".")[0].lower()
    for block in blocks:
        words = re.findall(r"[A-Z][\w'’&-]*", block)
        for start in range(len(words)):
            for end in range(start + 1, min(start + DOMAIN_NAME_WORDS, len(words)) + 1):
                phrase = words[start:end]
                if re.sub(r"[^a-z0-9]", "", "".join(phrase).lower()) == label and (
                    m := re.search(r"\s+".join(map(re.escape, phrase)), block)
                ):
                    return m.group(0)
    return None


def read_article(blocks: list[str], doc: RawDoc, date_order: str, whole: bool = True) -> Draft:
    """Stages 4-6 for one article's blocks; ``whole`` when the article is the whole
    document (so the document's own title is its title)."""
    draft = Draft(byline=doc.byline, url=doc.url, links=list(doc.links))
    if doc.outlet:
        draft.add_outlet(PRIORITY_FORMAT, doc.outlet, "stated in the file")
    if whole and doc.title:
        if blocks and blocks[0] == doc.title:
            blocks = blocks[1:]
        draft.title = doc.title
    kinds = [block_kind(b) for b in blocks]
    if len(blocks) == 1 and kinds[0] == HEADLINE:
        kinds[0] = BODY  # a lone line is the text itself, not a headline over nothing
    if kinds and kinds[0] in (BODY, HEADLINE) and opens_as_caption(blocks[0]):
        kinds[0] = CAPTION_KIND  # a caption above the story is not its headline
    start = _read_head(blocks, kinds, draft, date_order)
    if draft.title is None and start == 0 and len(blocks) > 1 and kinds[0] == HEADLINE:
        draft.title, start = blocks[0], 1
    _read_body(blocks[start:], kinds[start:], draft, date_order)
    _outlet_from_text_and_links(draft)
    if draft.published is None and doc.published:
        draft.published, draft.published_evidence = doc.published, doc.published_evidence
    return draft
