"""Stage 4 of quote finding: indirect speech in one parsed paragraph.

A reporting verb with a clause as its complement ("X said (that) CLAUSE", "CLAUSE, X
said", "CLAUSE, X said, CLAUSE") and "according to X, CLAUSE" report what X said in
the source's words. Clauses that a direct quote covers are left to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from ...quoting import CLOSING_MARKS, quoted_runs
from ...records import Quote
from .attribution import PROPOSITIONAL, according_to, is_cue, speaker_span, subject_of
from .direct import quote_record

INDIRECT_MIN_TOKENS = 3
"""A reported clause shorter than this ("he said so") carries no content."""


def indirect_quotes(
    doc: Doc, article_id: str, paragraph: int, sentence_of: Callable[[int], int],
    direct: Sequence[Quote],
) -> Iterator[Quote]:  # fmt: skip
    """The indirect speech of one paragraph not inside its ``direct`` quotes, in text
    order."""
    if not doc.has_annotation("DEP"):
        return
    taken = [(q.start, q.end) for q in direct if q.kind == "direct"]
    candidates = [(c, speaker_span(s), cue.text) for c, cue, s in _reported_clauses(doc)]
    candidates += [(c, source, "according to") for c, source in _according_clauses(doc)]
    seen: set[tuple[int, int]] = set()
    for found, speaker, cue in sorted(candidates, key=lambda c: (c[0].start_char, -c[0].end_char)):
        clause = closing_marks(found)
        where = (clause.start_char, clause.end_char)
        if where in seen or any(s < where[1] and where[0] < e for s, e in taken):
            continue
        seen.add(where)
        yield quote_record(
            article_id, paragraph, sentence_of(clause.start), where[0], where[1],
            clause.text, "indirect", speaker, cue,
        )  # fmt: skip


def closing_marks(clause: Span) -> Span:
    """The clause with the closing mark of a quoted phrase it opens: reported speech
    that ends in the speaker's own words ("pledged to “rebuild the bridge.”") ends
    after them, not inside the quotation marks."""
    doc, right = clause.doc, clause.end
    if all(run.closed for run in quoted_runs(clause.text)):
        return clause
    end = min(clause.sent.end, right + 3)  # the mark follows the words, maybe a stop
    for i in range(right, end):
        if not doc[i].is_punct:
            break
        if doc[i].text in CLOSING_MARKS:
            return doc[clause.start : i + 1]
    return clause


def _clause_span(clause: Token) -> Span:
    """The clause headed by ``clause``, without its "that" and end punctuation."""
    tokens = [t for t in clause.subtree if not (t.i == clause.left_edge.i and t.dep_ == "mark")]
    left = min(t.i for t in tokens)
    right = max(t.i for t in tokens) + 1
    return _without_punct(clause.doc, left, right)


def _without_punct(doc: Doc, left: int, right: int) -> Span:
    """Tokens [left, right) of ``doc`` without the punctuation at either end."""
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
        if child.dep_ in PROPOSITIONAL:
            yield child
        elif child.dep_ == "dobj" and any(t.like_num for t in child.subtree):
            yield child  # "reported a toll of about 200 dead": a figure given
        elif child.dep_ == "prep":
            for token in child.subtree:
                if token.dep_ in ("acl", "ccomp", "relcl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in token.children
                ):
                    yield token


def _fronted_clause(cue: Token) -> tuple[Span, Token] | None:
    """(clause, speaker) of "A killed B, X said" when the parser made both "A (that)
    killed B" and "X" subjects of the reporting verb: the first, a noun with a reduced
    clause, set off by a comma, is what was said; the one next to the verb, who."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if len(subjects) < 2:
        return None
    first, last = subjects[0], subjects[-1]
    # the misparse: the clause's verb hangs on its subject as a reduced clause ("strikes
    # killed 25" read as "strikes (that) killed 25"), and a comma sets the speaker off
    comma = last.left_edge.i - 1
    if cue.doc[comma].text != "," or first.right_edge.i >= comma:
        return None
    if not any(c.dep_ == "acl" and c.pos_ == "VERB" for c in first.children):
        return None
    clause = _without_punct(cue.doc, first.left_edge.i, first.right_edge.i + 1)
    return (clause, last) if len(clause) >= INDIRECT_MIN_TOKENS else None


def _reported_clauses(doc: Doc) -> Iterator[tuple[Span, Token, Token]]:
    """(clause, reporting verb, subject) for "X said (that) CLAUSE", "CLAUSE, X said"
    and "CLAUSE, X said, CLAUSE"."""
    for cue in doc:
        if not is_cue(cue):
            continue
        fronted = _fronted_clause(cue)
        if fronted is not None:
            yield fronted[0], cue, fronted[1]
            continue
        subject = subject_of(cue)
        if subject is None:
            continue
        if cue.dep_ in ("parataxis", "advcl", "ccomp") and not any(
            c.dep_ in PROPOSITIONAL for c in cue.children
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
            source = according_to([token])
            if source is None:
                continue
            phrase_end = max(t.i for t in token.subtree) + 1
            if token.i - sent.start <= 1:
                clause = _without_punct(doc, phrase_end, sent.end)
            else:
                clause = _without_punct(doc, sent.start, token.i)
            if len(clause) >= INDIRECT_MIN_TOKENS:
                yield clause, source
