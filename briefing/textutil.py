"""Small text helpers shared by the stages: slugs, name keys, Markdown escaping."""

from __future__ import annotations

import functools
import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable

_SLUG_MAX = 80
RESERVED_IDS = frozenset({"index"})
"""Page ids that would overwrite a section's index page."""
_NON_SLUG = re.compile(r"[^a-z0-9]+")


NICKNAME = re.compile(r"(?<=\w)\s+[\"“(][A-Z][^\"“”()]{0,29}[\"”)]\s+(?=\w)")
"""A quoted or bracketed nickname between a person's names: Vincent "The Chin" Gigante,
Kimani (Kiki) Gray."""


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics (``Saraqéb`` → ``saraqeb``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


WINDOWS_RESERVED = frozenset(
    [
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(1, 10)),
        *(f"lpt{n}" for n in range(1, 10)),
    ]
)
"""Names Windows reserves for devices, whatever the extension: no slug is one."""


def slugify(text: str, fallback: str = "item") -> str:
    """Return a safe file name made of ``[a-z0-9-]``, at most 80 characters.

    Text with no usable character gets ``fallback`` plus a short hash, so two
    different names never collapse into an empty slug.
    """
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")[:_SLUG_MAX].strip("-")
    if slug in WINDOWS_RESERVED:
        return f"{slug}-{fallback}"  # "con.md" cannot be a file on Windows
    if slug:
        return slug
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{fallback}-{digest}"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or the first of ``base-2``, ``base-3`` … not in ``taken``; the id
    returned is added to ``taken``."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def sha256(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def squash_spaces(text: str) -> str:
    """Collapse runs of white space into one space and trim."""
    return " ".join(text.split())


# Characters that can start Markdown, HTML or attribute-list syntax anywhere in a
# line. They are written as numeric character references, which Markdown passes
# through untouched and browsers display as the original character.
_MD_INLINE_SPECIAL = set("\\`*_{}[]()<>#!|~&")
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in _MD_INLINE_SPECIAL}
# Characters that only matter at the start of a line (lists, rules, headings).
_MD_LINE_START_SPECIAL = set("-+.=0123456789")


# Bidirectional controls can make a line display in another order than it reads.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (C0 and C1, ESC and NUL among them) and bidirectional controls:
nothing a reader should see, and what a terminal would obey."""


TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What a terminal must not be sent from untrusted text: :data:`CONTROLS` and also
tabs and line breaks, which would let a file name start a line of its own."""


def printable(text: str) -> str:
    """Untrusted text made inert for a terminal, on one line: each control character
    (a line break or tab among them) written as its escape (``\\x1b``, ``\\n``),
    never sent as itself."""
    return TERMINAL_CONTROLS.sub(
        lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text
    )


def strip_controls(text: str) -> str:
    """``text`` without its control and bidirectional control characters, for a page:
    a reader has no use for them and they can reorder what is shown."""
    return CONTROLS.sub("", text)


def escape_html(text: str) -> str:
    """Untrusted text for HTML or SVG written into a page (a chart label, a map's
    tooltip, an attribute value): on one line, without control characters, and with
    ``& < > " '`` as character references."""
    return html.escape(strip_controls(squash_spaces(text)), quote=True)


_SPACE_RUN = re.compile(r"\s+")
ESCAPES_REMEMBERED = 1 << 17
"""Texts whose escaped form is kept once made: a sentence is printed on its article's
page and again on the page of each day and entity it names."""


@functools.lru_cache(maxsize=ESCAPES_REMEMBERED)
def escape_inline(text: str) -> str:
    """Escape Markdown/HTML/template syntax in a piece of a line; spaces are kept."""
    return strip_controls(_SPACE_RUN.sub(" ", text)).translate(_ESCAPES)


def guard_line_start(line: str) -> str:
    """Escape a first character that would start a list, rule or code block."""
    if line and line[0] in _MD_LINE_START_SPECIAL:
        return f"&#{ord(line[0])};{line[1:]}"
    return line


def escape_markdown(text: str) -> str:
    """Make untrusted text inert in Markdown, HTML and Jinja2 output.

    Every character that could open Markdown, HTML or template syntax becomes a
    character reference, so ``<script>``, ``[x](javascript:...)`` and ``{{ }}`` are
    shown as text. Line breaks are folded into spaces: one statement, one line.
    """
    return guard_line_start(escape_inline(squash_spaces(text)))


_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "and", "or", "but", "as", "is", "was", "were", "are",
        "be", "been", "has", "have", "had", "that", "this", "which", "who", "it",
        "its", "their", "they", "he", "she", "his", "her", "said", "says", "say",
        "after", "before", "into", "over", "than", "also", "more", "not", "no",
    }
)  # fmt: skip


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry content: folded, longer than two letters, not
    function words. For telling how alike sentences are."""
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in _STOP_WORDS and len(w) > 2)


def verb_forms(predicate: str) -> list[str]:
    """Every written form of a verb, for matching text read without a lemmatizer:
    "seize" → seize, seizes, seized, seizing; irregular forms after slashes as given
    ("say/said", "take control/took control")."""
    written, *irregular = [p.strip() for p in predicate.split("/")]
    head, _, rest = written.partition(" ")
    tail = f" {rest}" if rest else ""
    third = f"{head}es" if head.endswith(("s", "sh", "ch", "x", "z", "o")) else f"{head}s"
    past = f"{head}d" if head.endswith("e") else f"{head}ed"
    gerund = f"{head[:-1]}ing" if head.endswith("e") and not head.endswith("ee") else f"{head}ing"
    regular = {head, third, past, gerund}
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        regular = {head, f"{head[:-1]}ies", f"{head[:-1]}ied", f"{head}ing"}
    return sorted({f"{form}{tail}" for form in regular} | set(irregular), key=len, reverse=True)


_PRONOUN = re.compile(r"^(?:he|she|it|they|i|we|you)$", re.I)


def is_pronoun(text: str) -> bool:
    """Whether a speaker as written is a bare personal pronoun ("he", "She")."""
    return bool(_PRONOUN.match(text.strip()))


def alternation(words: Iterable[str], gap: str = " ", longest_first: bool = False) -> str:
    """A regular-expression group ``(?:a|b|…)`` matching any of ``words`` as written; a
    space inside a word matches ``gap`` (``\\s+`` for any run of white space). With
    ``longest_first``, longer words are tried first, so "sept" is not read as "sep"."""
    ordered = sorted(words, key=len, reverse=True) if longest_first else list(words)
    return "(?:" + "|".join(gap.join(map(re.escape, w.split(" "))) for w in ordered) + ")"


def counted(n: int, noun: str) -> str:
    """ "1 article", "2 articles": a count with its noun in the right number, escaped
    for a page (a number may not start a Markdown line unescaped, so call it inside
    one)."""
    return escape_inline(f"{n} {noun if n == 1 else plural(noun)}")


_QUANTITY_WORD = re.compile(r"^\D*\b(?:dozens|scores|hundreds|thousands|millions|tens)$", re.I)


def figure_phrase(value: str, label: str) -> str:
    """A figure and what it counts as English: "50 towns seized", but "dozens of towns
    seized" and "thousands of troops" when the figure is a word of quantity."""
    # "dozens killed", not "dozens of killed": "of" goes before a noun, not a participle
    noun = not label.split(" ", 1)[0].endswith("ed")
    return (
        f"{value} of {label}"
        if noun and _QUANTITY_WORD.match(value.strip())
        else f"{value} {label}"
    )


def plural(noun: str) -> str:
    """The regular plural of an English noun ("strike" → strikes, "march" → marches)."""
    return f"{noun}es" if noun.endswith(("s", "sh", "ch", "x", "z")) else f"{noun}s"
