"""Statements, for the resolve stage: sentences naming an entity, dated, verbatim repeats merged."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .dating import Dated
from ..records import ArticleExtraction, Citation, Corpus, Mention, Statement
from ..textutil import fold, squash_spaces
from .figures import figures

CLAIM_CUES = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|edly)|without (?:providing )?evidence|"
    r"no independent confirmation|(?:could|can) ?not (?:be )?independently (?:verify|verified|confirm|confirmed)|"
    r"unverified|not (?:been )?verified|"
    # A party's own media: "state media reported", "according to state television".
    r"(?:state|official|government|regime|rebel|militant|group's|army's) "
    r"(?:media|television|tv|news agency|radio|channels?|outlets?)(?: (?:said|says|reported|claimed))?)\b",
    re.I,
)
"""Words that mark a sentence as a claim rather than an established fact."""


def build_statements(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    mention_entity: dict[tuple[str, int, int], str],
    dating: dict[tuple[str, int], Dated],
) -> list[Statement]:
    """Sentences naming an entity, dated, verbatim repeats merged into one statement."""
    family = {a.id: a.family or a.id for a in corpus.articles}
    merged: dict[tuple[str, str | None], dict] = {}
    for extraction in extractions:
        ents_by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in extraction.mentions:
            ents_by_sentence[m.sentence].append(m)
        date_verb: dict[tuple[int, str], int] = {}
        for d in extraction.dates:
            date_verb.setdefault((d.sentence, d.text), d.verb)
        for sentence in extraction.sentences:
            dated = dating[(extraction.article_id, sentence.index)]
            sentence_mentions = ents_by_sentence.get(sentence.index, [])
            if not sentence_mentions:
                continue
            ids = [mention_entity[(m.article_id, m.paragraph, m.start)] for m in sentence_mentions]
            # The same words dated to different days ("on Monday" in two weeks) stay apart.
            key = (fold(squash_spaces(sentence.text)), dated.day)
            citation = Citation(sentence.article_id, sentence.paragraph)
            if key in merged:
                if citation not in merged[key]["citations"]:
                    merged[key]["citations"].append(citation)
                continue
            merged[key] = {
                "text": sentence.text,
                "citations": [citation],
                "entities": tuple(dict.fromkeys(ids)),
                "spans": tuple(
                    (m.start - sentence.start, m.end - sentence.start, entity_id)
                    for m, entity_id in zip(sentence_mentions, ids, strict=True)
                ),
                "arguments": tuple(
                    (entity_id, m.argument, m.verb - sentence.start if m.verb >= 0 else -1)
                    for m, entity_id in zip(sentence_mentions, ids, strict=True)
                ),
                "dated": dated,
                "date_at": (
                    verb - sentence.start
                    if (verb := date_verb.get((sentence.index, dated.evidence or ""), -1)) >= 0
                    else -1
                ),
                "claim_cue": (cue.group(0) if (cue := CLAIM_CUES.search(sentence.text)) else None),
                "sentence": sentence,
            }
    return [
        Statement(
            text=s["text"],
            citations=tuple(s["citations"]),
            entities=s["entities"],
            spans=s["spans"],
            date=s["dated"].day,
            date_evidence=s["dated"].evidence,
            claim_cue=s["claim_cue"],
            sources=len({family[c.article_id] for c in s["citations"]}),
            verbs=s["sentence"].verbs,
            tagged=s["sentence"].tagged,
            arguments=s["arguments"],
            background=s["dated"].background,
            figures=tuple(figures(s["text"])),
            date_at=s["date_at"],
        )
        for s in merged.values()
    ]
