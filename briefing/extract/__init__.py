"""Extract stage: run spaCy once over every paragraph and keep plain records.

1. **cache** (:mod:`.cache`): an article whose entry is cached is read back, since its
   records depend only on its text, the model and extraction's own sources;
2. **parse**: the paragraphs of every other article go through one ``nlp.pipe`` pass
   (:mod:`.nlp` builds the pipeline);
3. **records** (:mod:`.article`): each article's sentences (:mod:`.sentences`),
   mentions (:mod:`.mentions`, :mod:`.roles`), date mentions and quotes
   (:mod:`.quotes`), then stored in the cache.

No spaCy object leaves this package; it is the only one that imports spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language

from ..records import Article, ArticleExtraction
from . import cache
from .article import extract_article

BATCH_SIZE = 64
"""Paragraphs per ``nlp.pipe`` batch."""


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
    store = cache.ExtractionCache(cache_dir, model, cache.EXTRACTOR_VERSION) if cache_dir else None
    results: dict[str, ArticleExtraction] = {}
    todo: list[Article] = []
    for article in articles:
        cached = store.load(article) if store else None
        if cached is not None:
            results[article.id] = cached
            if on_article:
                on_article()
        else:
            todo.append(article)
    stream = ((p.text, a.id) for a in todo for p in a.extracted)
    docs = nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE)
    for article in todo:
        parsed = [next(docs)[0] for _ in article.extracted]
        results[article.id] = extract_article(article, parsed)
        if store:
            store.store(article, results[article.id])
        if on_article:
            on_article()
    return tuple(results[a.id] for a in articles)
