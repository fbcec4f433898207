"""Extract stage: run spaCy once over every paragraph and keep plain records.

The result for an article depends only on (its text, the model, this module's
version), so it is cached on disk under the article's content hash: a rebuild after
one new article runs the model on that article alone. No spaCy object leaves here.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..records import (
    ACTOR_LABELS,
    NAME_ONLY_LABELS,
    PLACE_LABELS,
    Article,
    ArticleExtraction,
    DateMention,
    Mention,
    Paragraph,
    Quote,
    Sentence,
)
from ..textutil import sha256
from . import quotes as quotes_module

_PACKAGE = Path(__file__).resolve().parent.parent
_EXTRACTION_SOURCES = (
    *sorted(Path(__file__).resolve().parent.glob("*.py")),
    _PACKAGE / "records.py",
    _PACKAGE / "textutil.py",
    _PACKAGE / "lexicon.py",
    *lexicon.lexicon_files(),
)
"""Every file extraction reads: its own modules, the core modules it uses, and the
lexicon."""
EXTRACTOR_VERSION = sha256(
    "".join(f"{path.name}\0{path.read_text(encoding='utf-8')}" for path in _EXTRACTION_SOURCES)
)[:16]
"""Fingerprint of everything extraction depends on: any change to it invalidates the cache."""

DATE_LABELS = frozenset({"DATE", "TIME"})

MAX_MENTION_TOKENS = 8
"""Longer entity spans are almost always NER errors over headlines or lists."""
BATCH_SIZE = 64

# Words that are page furniture when NER labels them as names.
_JUNK_NAMES = frozenset({"photo", "video", "copyright", "getty images", "file photo", "image"})
_LEADING_DROP = frozenset({"the", "a", "an"})
# Page furniture that heads a name in boilerplate ("End Quote Bashar al-Assad").
_FURNITURE_WORDS = frozenset(
    {"quote", "unquote", "photo", "video", "watch", "read", "listen", "update", "live",
     "breaking", "exclusive", "analysis", "opinion", "image", "caption", "advertisement"}
)  # fmt: skip
_POSSESSIVE = ("'s", "’s", "'", "’")


# ------------------------------------------------------------------ mentions


_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "de", "del", "della", "van", "von", "da", "di", "le", "la"}
)


_MODIFIER_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "neo"})


_INNER_MODIFIER = re.compile(r"\s(?:anti|pro)[-‐]\w", re.I)


def _starts_with_modifier(text: str) -> bool:
    """ "pro-Assad", "Anti-Assad", "anti-government": a prefix that makes an adjective,
    or a lower-case word that is not a name particle."""
    first = re.split(r"[\s\-‐]", text, maxsplit=1)[0]
    if first.lower() in _MODIFIER_PREFIXES and text[len(first) : len(first) + 1] in "-‐":
        return True
    if _INNER_MODIFIER.search(text):
        return True  # "Target Pro-Assad": an adjective inside a headline's capitals
    return text[:1].islower() and first.lower() not in _NAME_PARTICLES


_ROMAN = re.compile(r"^(?:[IVX]+|JR|SR)$")
_CLAUSE_WORDS = frozenset(
    {
        "while",
        "when",
        "after",
        "but",
        "and",
        "as",
        "since",
        "before",
        "if",
        "though",
        "because",
        "said",
    }
)


_COURTESY = lexicon.word_set("courtesy_titles")


def _runs_past_name(token: Token, label: str) -> bool:
    """A last token that is not part of a person's name: "Herman Van Rompuy EU",
    "Zaman While", "Sam missiles"."""
    if token.lower_ in _CLAUSE_WORDS or (token.is_lower and token.lower_ not in _NAME_PARTICLES):
        return True
    if len(token.text) == 1 and token.is_upper and token.text not in "I":
        return True  # "Houla A UN official": the article of the next sentence
    title = token.lower_.strip(".")
    if title in _COURTESY or (title in TITLES and label == "PERSON"):
        return True  # "Political Security Directorate Mr" runs into "Mr Obama"
    return label == "PERSON" and token.is_upper and token.is_alpha and not _ROMAN.match(token.text)


_DASHES = frozenset({"-", "–", "—", "--"})
_TIMESTAMP = re.compile(r"\d:\d\d|\b(?:GMT|BST|UTC)\b")
"""Live pages' time stamps ("04:27 GMT Help"): furniture, never a name."""


def _no_word(token: Token) -> bool:
    """Punctuation and stray marks ("`", "-") that cannot begin or end a name."""
    return token.is_punct or not any(c.isalnum() for c in token.text)


def _clean_entity(ent: Span, label: str, limit: int = MAX_MENTION_TOKENS) -> Span | None:
    """Trim determiners and possessives from ``ent``; None for junk spans."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].lower_ in _LEADING_DROP
        or _no_word(doc[start])
        or (doc[start].lower_ in _FURNITURE_WORDS and end - start > 1)
    ):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text == "," or (doc[i].text in _DASHES and doc[i - 1].whitespace_):
            end = i  # "Baba Amr, Inshaat", "Kofi Annan - Syrian ...": the name ends there
            break
    while end > start and (doc[end - 1].text in _POSSESSIVE or _no_word(doc[end - 1])):
        end -= 1
    while end - start > 1 and _runs_past_name(doc[end - 1], label):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    text = span.text
    before = doc.text[max(span.start_char - 3, 0) : span.start_char]
    if (
        "\n" in text
        or not any(c.isalpha() for c in text)
        or _TIMESTAMP.search(text)
        or "©" in before
        or len(span) > limit
        or text.lower() in _JUNK_NAMES
        or all(t.is_lower for t in span if t.is_alpha)
        or _starts_with_modifier(text)
        or any(t.text == "The" for t in span[1:])  # two names run together across a sentence
        or any(mark in text for mark in '()“”"')
        or _lists_names(span, label)
    ):
        return None
    return span


INSTITUTION_HEADS = lexicon.word_set("institution_heads")
SITE_HEADS = lexicon.word_set("site_heads")
_JOINERS = frozenset({"for", "for the", "of", "of the", "on", "on the"})
_MONTHS = frozenset(name[:3] for name in lexicon.words("months"))
BRAND_NUMBER_MAX = 999
"""A country name followed by a number up to this ("FRANCE 24") is a broadcaster's name."""


def _entity_spans(doc: Doc) -> Iterator[tuple[Span, str, int]]:
    """(span, label, most tokens allowed) of the tagger's entities, repaired in two general ways: an
    institution cut at "for"/"of" is joined again, and a country name followed by a
    small number ("FRANCE 24") is one broadcaster's name, not a country."""
    ents = list(doc.ents)
    i = 0
    while i < len(ents):
        ent, label = ents[i], ents[i].label_
        end, limit = ent.end, MAX_MENTION_TOKENS
        if (
            label == "ORG"
            and i + 1 < len(ents)
            and ents[i + 1].label_ == "ORG"
            and ent[-1].lower_ in INSTITUTION_HEADS
            and doc[end : ents[i + 1].start].text.lower() in _JOINERS
        ):
            end = ents[i + 1].end
            limit += len(ents[i + 1]) + 2  # each part was checked on its own
            i += 1
        elif (
            label in PLACE_LABELS
            and end < len(doc)
            and doc[end].like_num
            and doc[end].text.isdigit()
            and int(doc[end].text) <= BRAND_NUMBER_MAX
            and ent.end_char == doc[end].idx - 1
            and not (end + 1 < len(doc) and doc[end + 1].lower_[:3] in _MONTHS)
        ):
            end, label = end + 1, "ORG"
        yield doc[ent.start : end], label, limit
        i += 1


def _mentions(
    doc: Doc, article_id: str, paragraph: int, sentence_of: Callable[[int], int]
) -> Iterator[Mention]:
    for ent, label, limit in _entity_spans(doc):
        if label not in ACTOR_LABELS | PLACE_LABELS | NAME_ONLY_LABELS:
            continue
        span = _clean_entity(ent, label, limit)
        if span is None:
            continue
        if label == "PERSON":
            span = _with_given_names(span)
        role = _role(span, label)
        yield Mention(
            article_id=article_id,
            paragraph=paragraph,
            sentence=sentence_of(span.start),
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            label=label,
            role=role,
            syntax=span.root.dep_ if doc.has_annotation("DEP") else "",
            **(_argument(span) if doc.has_annotation("DEP") else {}),
        )


# A name inside these stands for the phrase around it ("HTS fighters", "HTS and allies").
_PHRASE_INNER_DEPS = frozenset({"compound", "conj", "appos", "poss", "nmod", "amod"})


def _argument(span: Span) -> dict[str, str | int]:
    """The ``argument`` and ``verb`` fields of a mention (see :class:`Mention`)."""
    token = span.root
    # Token objects are made afresh on each access: compare positions, never identity.
    while token.head.i != token.i and (
        token.dep_ in _PHRASE_INNER_DEPS
        # "the town of Saraqib" stands where "the town" does
        or (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ in ("NOUN", "PROPN")
        )
    ):
        token = token.head.head if token.dep_ == "pobj" else token.head
    relation, head = token.dep_, token.head
    if relation == "pobj":
        relation = "agent" if head.dep_ == "agent" else f"prep:{head.lower_}"
    return {"argument": relation, "verb": _verb_of(token)}


def _verb_of(token: Token) -> int:
    """Offset of the nearest verb above ``token`` in the parse, or -1."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.idx if head.pos_ in ("VERB", "AUX") else -1


def _verbs(span: Span) -> tuple[tuple[int, str], ...]:
    """(offset in the sentence, lemma) of the sentence's verbs."""
    return tuple((t.idx - span.start_char, t.lemma_.lower()) for t in span if t.pos_ == "VERB")


def _lists_names(span: Span, label: str) -> bool:
    """ "Uighurs and Uzbeks": a coordination, not one name. A person's name never holds
    "and"; an organisation's only after "of" or "for" ("Institute for Strategy and Policy")."""
    words = [t.lower_ for t in span]
    if "and" not in words and "&" not in words:
        return False
    if label in PLACE_LABELS:
        return False  # "Bosnia and Herzegovina"
    joined = words.index("and") if "and" in words else words.index("&")
    return label != "ORG" or not {"of", "for"} & set(words[:joined])


TITLES = lexicon.word_set("titles")


PERSON_NOUNS = lexicon.word_set("person_nouns")
ROLE_MAX_TOKENS = 5
"""Longest title run read before a person's name."""
APPOSITION_MAX_TOKENS = 14
"""Longest appositive role ("a researcher at the ... think tank") kept after a name."""
_ROLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})


GIVEN_NAMES_MAX = 2
"""Capitalised words taken back into a person's name the tagger started too late."""


def _with_given_names(span: Span) -> Span:
    """ "Foreign Minister Ahmet Davutoglu" tagged as "Davutoglu": the untagged capitalised
    words just before a name, back to a title, are its given names, not a role."""
    doc, start = span.doc, span.start
    while (
        start > 0
        and span.start - start < GIVEN_NAMES_MAX
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and not doc[start - 1].ent_type_
        and doc[start - 1].lower_ not in TITLES
        and doc[start - 1].lower_ not in PERSON_NOUNS
        and doc[start - 1].lower_ not in _FURNITURE_WORDS
        and start - 1 > doc[start - 1].sent.start  # a sentence's first word may be anything
    ):
        start -= 1
    return doc[start : span.end] if start < span.start else span


def _role(span: Span, label: str) -> str | None:
    """A person's title or role; for a name tagged as an organisation only a person
    noun counts, since it is what shows the tagger was wrong."""
    if label == "PERSON":
        return _role_before(span) or _role_after(span)
    if label == "ORG":
        return _person_noun_before(span) or _role_after(span)
    return None


def _person_noun_before(span: Span) -> str | None:
    """ "Aleppo resident", "spokesperson": a lower-case person noun just before a name,
    with the words that modify it."""
    doc = span.doc
    start = span.start
    if not (start > 0 and doc[start - 1].lower_ in PERSON_NOUNS and doc[start - 1].is_lower):
        return None
    start -= 1
    while (
        start > 0
        and doc[start - 1].dep_ in ("compound", "amod")
        and doc[start - 1].head.i in range(start, span.start)
    ):
        start -= 1
    while start < span.start - 1 and doc[start].lower_ in _LEADING_DROP:
        start += 1
    return doc[start : span.start].text


def _role_after(span: Span) -> str | None:
    """A role in apposition after a name, headed by a person noun: "a researcher at
    the International Crisis Group think tank" in "Dareen Khalifa, a researcher at ..."."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or not doc.has_annotation("DEP"):
        return None
    start = span.end + 1
    stop = start
    while stop < len(doc) and stop - start < APPOSITION_MAX_TOKENS and doc[stop].text not in ",.;:":
        stop += 1
    phrase = doc[start:stop]
    head = phrase.root
    if stop - start == APPOSITION_MAX_TOKENS:
        phrase = doc[start : head.i + 1]  # too long to show whole: "head" of "head of ..."
    if head.lower_ not in PERSON_NOUNS or head.head.i not in range(span.start, span.end):
        return None
    while phrase and phrase[0].lower_ in _LEADING_DROP:
        phrase = phrase[1:]
    return phrase.text or None


def _role_before(span: Span) -> str | None:
    """The title run just before a name: "Iranian Foreign Minister" in "Iranian Foreign
    Minister Abbas Araghchi", or a person noun with its modifiers ("Aleppo resident",
    "spokesperson"); None when there is none."""
    if noun_role := _person_noun_before(span):
        return noun_role
    doc = span.doc
    start = span.start
    while (
        start > 0
        and span.start - start < ROLE_MAX_TOKENS
        and doc[start - 1].pos_ in _ROLE_POS
        and (doc[start - 1].is_title or doc[start - 1].is_upper)
        and doc[start - 1].ent_type_ in ("", "NORP", "GPE")
        and not (doc[start - 1].is_sent_start and doc[start - 1].pos_ == "NOUN")
    ):
        start -= 1
    run = doc[start : span.start]
    # A place or nationality alone ("FRANCE 24’s Nasr") is not a title.
    return run.text if any(t.ent_type_ == "" for t in run) else None


# ------------------------------------------------------------------ per article


def _sentence_starts(doc: Doc) -> list[tuple[int, int]]:
    """(start token, end token) of each sentence; one sentence when unparsed."""
    if doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    return [(0, len(doc))]


def _extractable(article: Article) -> list[Paragraph]:
    """Body and standfirst paragraphs; captions describe pictures, not the story."""
    return [p for p in article.paragraphs if p.kind != "caption"]


def extract_article(article: Article, docs: Sequence[Doc]) -> ArticleExtraction:
    """Turn the parsed paragraphs of one article into records."""
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    dates: list[DateMention] = []
    quotes: list[quotes_module.ParagraphQuotes] = []
    for paragraph, doc in zip(_extractable(article), docs, strict=True):
        bounds = _sentence_starts(doc)
        tagged = doc.has_annotation("POS")
        first = len(sentences)
        for offset, (s, e) in enumerate(bounds):
            span = doc[s:e]
            sentences.append(
                Sentence(
                    article.id,
                    paragraph.index,
                    first + offset,
                    span.start_char,
                    span.end_char,
                    span.text,
                    verbs=_verbs(span) if tagged else (),
                    tagged=tagged,
                )
            )

        def sentence_of(token_index: int, bounds=bounds, first=first) -> int:
            for offset, (s, e) in enumerate(bounds):
                if s <= token_index < e:
                    return first + offset
            return first + len(bounds) - 1

        mentions.extend(_mentions(doc, article.id, paragraph.index, sentence_of))
        dates.extend(
            DateMention(
                article.id,
                paragraph.index,
                sentence_of(ent.start),
                ent.text,
                verb=_verb_of(ent.root) if doc.has_annotation("DEP") else -1,
            )
            for ent in doc.ents
            if ent.label_ in DATE_LABELS
        )
        inside = bool(quotes) and quotes[-1].runs_on
        quotes.append(
            quotes_module.paragraph_quotes(doc, article.id, paragraph.index, sentence_of, inside)
        )
    return ArticleExtraction(
        article.id,
        tuple(sentences),
        tuple(mentions),
        tuple(dates),
        tuple(quotes_module.carry_speakers(quotes)),
    )


# ------------------------------------------------------------------ cache


def _cache_key(article: Article, model: str) -> str:
    return sha256(f"{EXTRACTOR_VERSION}\n{model}\n{article.id}\n{article.content_hash}")


def _load_cached(path: Path) -> ArticleExtraction | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return ArticleExtraction(
            article_id=raw["article_id"],
            sentences=tuple(
                Sentence(**{**s, "verbs": tuple(tuple(v) for v in s["verbs"])})
                for s in raw["sentences"]
            ),
            mentions=tuple(Mention(**m) for m in raw["mentions"]),
            dates=tuple(DateMention(**d) for d in raw["dates"]),
            quotes=tuple(Quote(**q) for q in raw["quotes"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing or stale entry is simply recomputed


def _store(path: Path, extraction: ArticleExtraction) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(json.dumps(asdict(extraction), ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


# ------------------------------------------------------------------ public


def extract(
    articles: Sequence[Article],
    nlp: Language,
    model: str,
    cache_dir: Path | None = None,
    on_article: Callable[[], None] | None = None,
) -> tuple[ArticleExtraction, ...]:
    """Parse every article not already in the cache with one ``nlp.pipe`` pass.

    ``model`` names the pipeline in the cache key; ``on_article`` is called once per
    article, for progress display.
    """
    results: dict[str, ArticleExtraction] = {}
    todo: list[Article] = []
    for article in articles:
        cached = (
            _load_cached(cache_dir / f"{_cache_key(article, model)}.json") if cache_dir else None
        )
        if cached is not None:
            results[article.id] = cached
            if on_article:
                on_article()
        else:
            todo.append(article)
    stream = ((p.text, a.id) for a in todo for p in _extractable(a))
    docs = nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE)
    for article in todo:
        parsed = [next(docs)[0] for _ in _extractable(article)]
        extraction = extract_article(article, parsed)
        results[article.id] = extraction
        if cache_dir:
            _store(cache_dir / f"{_cache_key(article, model)}.json", extraction)
        if on_article:
            on_article()
    return tuple(results[a.id] for a in articles)
