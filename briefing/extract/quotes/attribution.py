"""Stage 3 of quote finding: who said a quoted run, and with which reporting verb.

The first of these that finds a speaker wins:

a. a reporting verb in the quote's sentences or the sentence after (the one that
   governs the quote first, then the nearest), and its subject ("X said", "said X",
   "X told reporters", "X, a spokesman, added", "X was quoted as saying");
b. "according to X";
c. a colon or dash after a name or a reporting clause ("X said: ...", "X: ...");
d. (over paragraphs, see :mod:`.paragraphs`) the speaker of a quote running on, of a
   lead-in "X said:", or of the quote before it;
e. a quote opening its sentence right after "X said on Tuesday." takes X.

The speaker is a span of the parsed paragraph: the entity holding the subject, a
named apposition, or the subject's noun phrase cut to a readable length.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ... import lexicon
from ..labels import SPEAKER_LABELS

SPEAKER_MAX_TOKENS = 10
"""A speaker written out longer than this is cut to its head word."""
NEXT_SENTENCE_CUE_WITHIN = 4
"""In the sentence after a quote, the reporting verb must come this early ("He
added ...") for that sentence to attribute the quote."""
LABEL_MAX_TOKENS = 6
"""A "Name: quote" label is at most this long."""
SUBJECT_CLIMB_MAX = 3
"""Heads climbed from a reporting verb to its subject ("X stood and said")."""

CUE_WORDS = lexicon.verb_form_set("reporting_verbs")
"""Every written form of the reporting verbs."""
PROPOSITIONAL = frozenset(("ccomp",))
"""Dependency labels of a clause a verb reports."""
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SPEAKER_TRIM_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "prep"})
_EXPLETIVES = lexicon.word_set("expletive_subjects")
_RELATIVES = lexicon.word_set("relative_pronouns")
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def subject_of(cue: Token) -> Token | None:
    """The subject of the reporting verb, through "X stood and said" and "X was
    quoted as saying" (at most :data:`SUBJECT_CLIMB_MAX` heads up)."""
    token = cue
    for _ in range(SUBJECT_CLIMB_MAX):
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
                if ent.label_ in SPEAKER_LABELS and ent.start <= token.i < ent.end:
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


def according_to(tokens: Sequence[Token]) -> Span | None:
    """Stage 3b: X of "according to X" among ``tokens``, as a speaker span."""
    for token in tokens:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return speaker_span(obj)
    return None


def is_cue(token: Token) -> bool:
    """A reporting verb that reports: "did not say" reports nothing."""
    return (
        token.lower_ in CUE_WORDS
        and token.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "neg" for c in token.children)
    )


def _governs(cue: Token, start: int, end: int) -> bool:
    return any(start <= t.idx < end for t in cue.subtree)


def label_before(doc: Doc, mark: int) -> Span | None:
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
    cues = [t for s in window for t in s if is_cue(t) and not start <= t.idx < end]
    if after is not None and doc.text[end : after.start_char].strip()[:1] in ".!?,”\"’'":
        cues += [t for t in after[:NEXT_SENTENCE_CUE_WITHIN] if is_cue(t)]
    cues.sort(
        key=lambda t: (not _governs(t, start, end), min(abs(t.idx - start), abs(t.idx - end)))
    )
    for cue in cues:
        subject = subject_of(cue)
        if subject is not None:
            return speaker_span(subject), cue
    outside = [t for s in window for t in s if not start <= t.idx < end]
    according = according_to(outside)
    if according is not None:
        return according, None
    return label_before(doc, start - 1 if mark is None else mark), None


def previous_sentence_speaker(doc: Doc, mark: int) -> tuple[Span | None, Token | None]:
    """Stage 3e: a quote opening its sentence (its mark at ``mark``) right after "X said
    on Tuesday." takes that sentence's speaker."""
    sents = [s for s in doc.sents if s.end_char <= mark]
    if not sents or doc.text[sents[-1].end_char : mark].strip():
        return None, None
    for cue in sents[-1]:
        if is_cue(cue) and cue.dep_ == "ROOT":
            subject = subject_of(cue)
            if subject is not None:
                return speaker_span(subject), cue
    return None, None
