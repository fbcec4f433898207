"""Quotations and reported speech in one parsed paragraph (part of the extract stage).

What a source says someone said comes in three kinds: a *direct* quote (a sentence or
more in quotation marks), a *fragment* (a few quoted words inside a paraphrase:
pledged to "firmly support" the regime) and *indirect* speech ("X said that ...",
"according to X, ..."). Each is found in numbered stages:

1. **Pairing.** Double marks (curly, straight, guillemets) pair with their closing
   mark; an opening mark with no closing mark runs to the end of the paragraph, the
   convention for a quote that goes on in the next paragraph. Single marks count as
   quotation marks only in a paragraph without double marks, and only where one opens
   a word and a later one closes one, so "detainees'" and "don't" never pair.
2. **Speech or not.** A quoted run in title case ("State of the Union"), a single
   word, or a short run that names no one and ends no sentence (a scare quote) is
   not speech.
3. **Attribution**, first stage that finds a speaker wins:
   a. a reporting verb in the quote's sentences or the sentence after (the one that
      governs the quote first, then the nearest), and its subject ("X said",
      "said X", "X told reporters", "X, a spokesman, added", "X was quoted as
      saying");
   b. "according to X";
   c. a colon or dash after a name or a reporting clause ("X said: ...", "X: ...");
   d. a quote with none takes the speaker of a quote running on from the paragraph
      before, or that the paragraph before introduces ("X said:"), or of the quote
      before it in its paragraph (see :func:`carry_speakers`);
   e. a quote opening its sentence right after "X said on Tuesday." takes X.
4. **Indirect speech.** A reporting verb with a clause as its complement ("X said
   (that) CLAUSE", "CLAUSE, X said") and "according to X, CLAUSE". Clauses that a
   direct quote covers are left to it.

The speaker is kept as written with its character offsets, so the resolve stage can
tie it to an entity, a pronoun to the person it stands for, or leave "a Turkish
security official" as written. No spaCy object leaves this module's public functions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..records import Quote

FRAGMENT_MIN_WORDS = 2
"""Quoted runs shorter than this (one word) are terms or scare quotes, not speech."""
DIRECT_MIN_WORDS = 6
"""A quoted run this long is a full quote even without closing punctuation."""
SPEAKER_MAX_TOKENS = 10
"""A speaker written out longer than this is cut to its head word."""
INDIRECT_MIN_TOKENS = 3
"""A reported clause shorter than this ("he said so") carries no content."""
NEXT_SENTENCE_CUE_WITHIN = 4
"""In the sentence after a quote, the reporting verb must come this early ("He
added ...") for that sentence to attribute the quote."""
LABEL_MAX_TOKENS = 6
"""A "Name: quote" label is at most this long."""

_DOUBLE_CLOSERS = {"“": '”"', "„": '”“"', '"': '"”', "«": "»", "‹": "›"}
_SINGLE_OPENERS = "‘'"
_SINGLE_CLOSERS = "’'"
_SENTENCE_END = (".", "!", "?", "…")
_TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"})

_PROPOSITIONAL = frozenset(("ccomp",))
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SPEAKER_TRIM_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "prep"})
_EXPLETIVES = frozenset({"there", "this", "that", "what"})
_RELATIVES = frozenset({"which", "who", "that"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_NAME_LABELS = frozenset({"PERSON", "ORG"})


CUE_WORDS = lexicon.verb_form_set("reporting_verbs")
"""Every written form of the reporting verbs."""


# ------------------------------------------------------------------ 1. pairing


@dataclass(frozen=True)
class QuotedRun:
    """A run of text between quotation marks."""

    start: int
    """Offset of the first character after the opening mark."""
    end: int
    """Offset of the closing mark, or the paragraph's end when it has none."""
    closed: bool
    """Whether a closing mark ends it (else it runs on into the next paragraph)."""
    opens_at: int = -1
    """Offset of the opening mark's first character (two for ``''``); ``start`` when
    the run continues a quote opened a paragraph earlier and has no mark."""
    closes_after: int = -1
    """Offset just after the closing mark; the paragraph's end when it has none."""


def quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) character offsets of quoted runs, marks excluded."""
    for run in quoted_runs(text):
        yield run.start, run.end


_DOUBLED_MARKS = re.compile(r"''|``")
"""Typewriter double quotes written as two single marks (''like this'')."""


def quoted_runs(text: str, inside: bool = False) -> Iterator[QuotedRun]:
    """The quoted runs of a paragraph, in order (stage 1). ``inside``: the paragraph
    before left a quote open, so a closing mark before any opening one ends it."""
    # same length, so offsets still point into the original text
    original = text
    text = _DOUBLED_MARKS.sub(' "', text)
    marks = (*_DOUBLE_CLOSERS, "”", "»") if inside else tuple(_DOUBLE_CLOSERS)
    runs = _double_runs(text, inside) if any(m in text for m in marks) else _single_runs(text)
    for run in runs:
        opens_at = run.start - 1 if run.start else 0
        if run.start >= 2 and _DOUBLED_MARKS.match(original, run.start - 2):
            opens_at = run.start - 2
        closes_after = min(len(text), run.end + 1) if run.closed else len(text)
        end = run.end
        if run.closed and _DOUBLED_MARKS.match(original, run.end - 1):
            end = run.end - 1  # the closing pair's first mark
        if end > run.start:
            yield replace(run, end=end, opens_at=opens_at, closes_after=closes_after)


def _closing_mark(text: str, i: int) -> int:
    """Offset of the mark closing the one at ``i``; curly marks nest ("“a “b” c”")."""
    closers = _DOUBLE_CLOSERS[text[i]]
    if text[i] == '"':
        ends = [j for j in (text.find(c, i + 1) for c in closers) if j != -1]
        return min(ends, default=-1)
    depth = 0
    for j in range(i + 1, len(text)):
        if text[j] == text[i]:
            depth += 1
        elif text[j] in closers:
            if depth == 0:
                return j
            depth -= 1
    return -1


def _double_runs(text: str, inside: bool = False) -> Iterator[QuotedRun]:
    i = 0
    if inside:
        # "... words," he said. — the rest of a quote opened a paragraph earlier; a
        # straight mark ends it only when it has no partner in the paragraph
        first_open = min((j for j in (text.find(m) for m in "“„«") if j != -1), default=len(text))
        candidates = "”»" + ('"' if text.count('"') % 2 else "")
        closes = [j for j in (text.find(m) for m in candidates) if 0 < j < first_open]
        if closes and text[: min(closes)].strip():
            i = min(closes)
            yield QuotedRun(0, i, True)
            i += 1
    while i < len(text):
        if text[i] not in _DOUBLE_CLOSERS:
            i += 1
            continue
        end = _closing_mark(text, i)
        closed = end != -1
        end = end if closed else len(text)
        if end > i + 1:
            yield QuotedRun(i + 1, end, closed)
        i = end + 1


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # "detainees' lawyer": a plural possessive is followed by a lower-case word
    plural_possessive = before == "s" and text[i + 1 : i + 3].strip()[:1].islower()
    return (
        not before.isspace()
        and not after.isalnum()
        and not plural_possessive
        and (before in ",.!?…" or not after.isspace() or text[i + 1 : i + 2].isspace())
    )


def _single_runs(text: str) -> Iterator[QuotedRun]:
    closers = [j for j, c in enumerate(text) if c in _SINGLE_CLOSERS and _closes_single(text, j)]
    i = 0
    while i < len(text):
        if text[i] not in _SINGLE_OPENERS or not _opens_single(text, i):
            i += 1
            continue
        at = bisect_left(closers, i + 2)
        if at == len(closers):
            i += 1  # an apostrophe at a word's start ("'em"), not an opening mark
            continue
        end = closers[at]
        yield QuotedRun(i + 1, end, True)
        i = end + 1


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


# ------------------------------------------------------------------ 3. attribution


@dataclass(frozen=True)
class _Attribution:
    speaker: Span | None
    cue: str | None


def _subject_of(cue: Token) -> Token | None:
    """The subject of the reporting verb, through "X stood and said" and "X was
    quoted as saying" (at most three heads up)."""
    token = cue
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "agent":  # "it was announced by the ministry"
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        for child in token.children:
            if child.dep_ == "nsubjpass" and (token.i == cue.i or child.lower_ == "it"):
                return None  # "a truce was announced": what was said, not who said it
            if child.dep_ in _SUBJECT_DEPS and child.lower_ in _RELATIVES:
                # "the Observatory, which said ...": the noun the clause hangs on
                return token.head if token.dep_ == "relcl" else None
            if child.dep_ in _SUBJECT_DEPS and child.lower_ not in _EXPLETIVES:
                return child
        if token.dep_ == "conj" and token.i and token.doc[token.i - 1].pos_ in _NOMINAL:
            return None  # "... and Iran pledged": a subject the parser misattached
        if token.dep_ in ("conj", "xcomp", "advcl", "pcomp") or token.head.lower_ == "as":
            token = token.head if token.head.lower_ != "as" else token.head.head
        else:
            return None
    return None


def speaker_span(head: Token) -> Span:
    """The entity holding ``head``; else a named apposition ("Its head, Olusegun
    Obasanjo, said"); else its noun phrase without clauses and appositions ("a
    Turkish security official, who ..."), cut to a readable length."""
    for ent in head.doc.ents:
        if ent.start <= head.i < ent.end:
            return ent
    # the parser may hang the apposition on a word of the phrase ("envoy for Syria,
    # Geir Pedersen"), so the whole phrase is searched
    for token in head.subtree:
        if token.dep_ == "appos":
            for ent in head.doc.ents:
                if ent.label_ in _NAME_LABELS and ent.start <= token.i < ent.end:
                    return ent
    left, right = head.i, head.i + 1
    for child in head.children:
        if child.dep_ in _SPEAKER_TRIM_DEPS:
            continue
        sub = [t.i for t in child.subtree]
        left, right = min(left, *sub), max(right, max(sub) + 1)
    if right - left > SPEAKER_MAX_TOKENS:
        left, right = head.i, head.i + 1
    return head.doc[left:right]


def _according_to(tokens: Sequence[Token]) -> Span | None:
    for token in tokens:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return speaker_span(obj)
    return None


def _is_cue(token: Token) -> bool:
    """A reporting verb that reports: "did not say" reports nothing."""
    return (
        token.lower_ in CUE_WORDS
        and token.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "neg" for c in token.children)
    )


def _governs(cue: Token, start: int, end: int) -> bool:
    return any(start <= t.idx < end for t in cue.subtree)


def _label_before(doc: Doc, mark: int) -> Span | None:
    """Stage 3c: "X: “...”" or "X — “...”" with X a short name-led phrase; ``mark`` is
    the offset of the opening quotation mark."""
    before = doc.text[: max(0, mark)].rstrip()
    if not before.endswith((":", "—", "–")):
        return None
    mark = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if mark is None:
        return None
    sent_start = mark.sent.start if doc.has_annotation("SENT_START") else 0
    label = doc[sent_start : mark.start]
    if not 0 < len(label) <= LABEL_MAX_TOKENS:
        return None
    heads = [t for t in label if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not heads or any(t.pos_ in ("VERB", "AUX") for t in label):
        return None
    return speaker_span(heads[-1])


def _window(doc: Doc, start: int, end: int) -> tuple[list[Span], Span | None]:
    """The sentences the run touches, and the sentence after it."""
    sents = list(doc.sents)
    touched = [i for i, s in enumerate(sents) if s.start_char < end + 1 and s.end_char > start - 1]
    if not touched:
        return [], None
    first = touched[0]
    if first and sents[first - 1].text.rstrip().endswith(":"):
        first -= 1  # "X said:" may be split off as a sentence of its own
    after = sents[touched[-1] + 1] if touched[-1] + 1 < len(sents) else None
    return [sents[i] for i in range(first, touched[-1] + 1)], after


def attribute(
    doc: Doc, start: int, end: int, mark: int | None = None
) -> tuple[Span | None, Token | None]:
    """Speaker and reporting verb for the quoted run [start, end) whose opening mark
    is at ``mark`` (by default the character before it) (stage 3a-c)."""
    if not doc.has_annotation("DEP"):
        return None, None
    window, after = _window(doc, start, end)
    if not window:
        return None, None
    cues = [t for s in window for t in s if _is_cue(t) and not start <= t.idx < end]
    if after is not None and doc.text[end : after.start_char].strip()[:1] in ".!?,”\"’'":
        cues += [t for t in after[:NEXT_SENTENCE_CUE_WITHIN] if _is_cue(t)]
    cues.sort(
        key=lambda t: (not _governs(t, start, end), min(abs(t.idx - start), abs(t.idx - end)))
    )
    for cue in cues:
        subject = _subject_of(cue)
        if subject is not None:
            return speaker_span(subject), cue
    outside = [t for s in window for t in s if not start <= t.idx < end]
    according = _according_to(outside)
    if according is not None:
        return according, None
    return _label_before(doc, start - 1 if mark is None else mark), None


def _previous_sentence_speaker(doc: Doc, mark: int) -> tuple[Span | None, Token | None]:
    """Stage 3e: a quote opening its sentence (its mark at ``mark``) right after "X said
    on Tuesday." takes that sentence's speaker."""
    sents = [s for s in doc.sents if s.end_char <= mark]
    if not sents or doc.text[sents[-1].end_char : mark].strip():
        return None, None
    for cue in sents[-1]:
        if _is_cue(cue) and cue.dep_ == "ROOT":
            subject = _subject_of(cue)
            if subject is not None:
                return speaker_span(subject), cue
    return None, None


# ------------------------------------------------------------------ 4. indirect speech


def _clause_span(clause: Token) -> Span:
    tokens = [t for t in clause.subtree if not (t.i == clause.left_edge.i and t.dep_ == "mark")]
    left = min(t.i for t in tokens)
    right = max(t.i for t in tokens) + 1
    doc = clause.doc
    while right > left and doc[right - 1].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left:right]


def _around_parenthetical(cue: Token) -> Span | None:
    """ "The museum, Mr. Bush said, celebrated ...": the sentence without the
    parenthetical attribution."""
    doc, sent = cue.doc, cue.sent
    aside = sorted(t.i for t in cue.subtree)
    left, right = aside[0], aside[-1] + 1
    if doc[left].text != "," and left > sent.start and doc[left - 1].text == ",":
        left -= 1
    if doc[right - 1].text != "," and right < sent.end and doc[right].text == ",":
        right += 1
    if doc[left].text != "," or doc[right - 1].text != ",":
        return None
    before, after = doc[sent.start : left], doc[right : sent.end]
    if not before or not any(t.pos_ in ("VERB", "AUX") for t in (*before, *after)):
        return None
    end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
    return doc[sent.start : end]


def _complements(cue: Token) -> Iterator[Token]:
    """The clauses a reporting verb reports: its clausal complement, or a "that"
    clause hanging on its prepositional phrase ("said in a statement that ...")."""
    for child in cue.children:
        if child.dep_ in _PROPOSITIONAL:
            yield child
        elif child.dep_ == "dobj" and any(t.like_num for t in child.subtree):
            yield child  # "reported a toll of about 200 dead": a figure given
        elif child.dep_ == "prep":
            for token in child.subtree:
                if token.dep_ in ("acl", "ccomp", "relcl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in token.children
                ):
                    yield token


def _reported_clauses(doc: Doc) -> Iterator[tuple[Span, Token, Token]]:
    """(clause, reporting verb, subject) for "X said (that) CLAUSE", "CLAUSE, X said"
    and "CLAUSE, X said, CLAUSE"."""
    for cue in doc:
        if not _is_cue(cue):
            continue
        subject = _subject_of(cue)
        if subject is None:
            continue
        if cue.dep_ in ("parataxis", "advcl", "ccomp") and not any(
            c.dep_ in _PROPOSITIONAL for c in cue.children
        ):
            whole = _around_parenthetical(cue)
            if whole is not None:
                yield whole, cue, subject
            continue
        for child in _complements(cue):
            if child.pos_ in ("VERB", "AUX") or child.dep_ == "dobj":
                clause = _clause_span(child)
                if len(clause) >= INDIRECT_MIN_TOKENS and subject.i not in range(
                    clause.start, clause.end
                ):
                    yield clause, cue, subject


def _according_clauses(doc: Doc) -> Iterator[tuple[Span, Span]]:
    """(clause, source) for "according to X, CLAUSE" and "CLAUSE, according to X"."""
    for sent in doc.sents:
        for token in sent:
            if token.lower_ != "according" or token.i + 1 >= sent.end:
                continue
            source = _according_to([token])
            if source is None:
                continue
            phrase_end = max(t.i for t in token.subtree) + 1
            if token.i - sent.start <= 1:
                clause = doc[phrase_end : sent.end]
            else:
                clause = doc[sent.start : token.i]
            while len(clause) and clause[0].is_punct:
                clause = doc[clause.start + 1 : clause.end]
            while len(clause) and clause[-1].is_punct:
                clause = doc[clause.start : clause.end - 1]
            if len(clause) >= INDIRECT_MIN_TOKENS:
                yield clause, source


# ------------------------------------------------------------------ public


@dataclass(frozen=True)
class FoundQuote:
    """A quote with what linking over paragraphs needs to know."""

    quote: Quote
    fills_paragraph: bool
    runs_on: bool
    fills_to_end: bool = False


def _record(
    article_id: str, paragraph: int, sentence: int, start: int, end: int, text: str,
    kind: str, speaker: Span | None, cue: str | None,
) -> Quote:  # fmt: skip
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


@dataclass(frozen=True)
class _Previous:
    end: int
    speaker: Span | None
    cue: Token | None


def _direct(
    doc: Doc, article_id: str, paragraph: int, sentence_of: Callable[[int], int], inside: bool
) -> Iterator[FoundQuote]:
    text = doc.text
    previous: _Previous | None = None
    for run in quoted_runs(text, inside):
        raw = text[run.start : run.end]
        quoted = raw.strip().rstrip(",;:").rstrip()
        words = quoted.split()
        if len(words) < FRAGMENT_MIN_WORDS or _is_title_like(words):
            continue
        start = run.start + (len(raw) - len(raw.lstrip()))
        end = start + len(quoted)
        speaker, cue = attribute(doc, run.start, run.end, run.opens_at)
        if _embedded(text, run.opens_at + 1, quoted) or (
            not quoted.endswith(_SENTENCE_END) and _names_no_action(doc, start, end)
        ):
            kind = "fragment"
        elif (
            len(words) >= DIRECT_MIN_WORDS
            or quoted.endswith(_SENTENCE_END)
            or raw.rstrip().endswith(",")
            or not run.closed
        ):
            kind = "direct"
        else:
            kind = "fragment"
        if speaker is None and kind == "direct" and doc.has_annotation("DEP"):
            if previous is not None and previous.speaker is not None:
                speaker, cue = previous.speaker, previous.cue  # "“A,” said X. “B.”"
            else:
                speaker, cue = _previous_sentence_speaker(doc, run.opens_at)
        if kind == "fragment" and speaker is None:
            continue  # a scare quote: no one is reported as saying it
        if kind == "direct":
            previous = _Previous(run.end, speaker, cue)
        token = doc.char_span(start, end, alignment_mode="expand")
        yield FoundQuote(
            _record(
                article_id, paragraph, sentence_of(token.start if token is not None else 0),
                start, end, quoted, kind, speaker, cue.text if cue is not None else None,
            ),
            fills_paragraph=not text[: run.opens_at].strip(),
            runs_on=not run.closed,
            fills_to_end=not text[run.closes_after :].strip(),
        )  # fmt: skip


def _indirect(
    doc: Doc, article_id: str, paragraph: int, sentence_of: Callable[[int], int],
    direct: Sequence[Quote],
) -> Iterator[Quote]:  # fmt: skip
    if not doc.has_annotation("DEP"):
        return
    taken = [(q.start, q.end) for q in direct if q.kind == "direct"]
    candidates = [(c, speaker_span(s), cue.text) for c, cue, s in _reported_clauses(doc)]
    candidates += [(c, source, "according to") for c, source in _according_clauses(doc)]
    seen: set[tuple[int, int]] = set()
    for clause, speaker, cue in sorted(candidates, key=lambda c: (c[0].start_char, -c[0].end_char)):
        where = (clause.start_char, clause.end_char)
        if where in seen or any(s < where[1] and where[0] < e for s, e in taken):
            continue
        seen.add(where)
        yield _record(
            article_id, paragraph, sentence_of(clause.start), where[0], where[1],
            clause.text, "indirect", speaker, cue,
        )  # fmt: skip


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
        if not _is_cue(root):
            return None  # most paragraphs: decided without reading further
        reports = any(c.dep_ in _PROPOSITIONAL or c.dep_ == "dobj" for c in root.children)
        quoted = any(mark in last.text for mark in (*_DOUBLE_CLOSERS, "’", "'"))
        if reports or quoted:
            return None
    cues = [t for t in last if _is_cue(t)]
    for cue in reversed(cues):
        subject = _subject_of(cue)
        if subject is not None:
            span = speaker_span(subject)
            return LeadIn(span.text, cue.text, span.start_char, span.end_char, paragraph)
    label = _label_before(doc, len(text))
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
    direct = list(_direct(doc, article_id, paragraph, sentence_of, inside))
    indirect = _indirect(doc, article_id, paragraph, sentence_of, [f.quote for f in direct])
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
                q = replace(
                    q,
                    speaker_text=lead_in.speaker_text,
                    cue=lead_in.cue,
                    speaker_start=lead_in.speaker_start,
                    speaker_end=lead_in.speaker_end,
                    speaker_paragraph=lead_in.paragraph,
                )
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
    if quote.speaker_text or not other.speaker_text:
        return quote
    return replace(
        quote,
        speaker_text=other.speaker_text,
        cue=other.cue,
        speaker_start=other.speaker_start,
        speaker_end=other.speaker_end,
        speaker_paragraph=other.speaker_paragraph,
    )
