"""Extract stage: run spaCy once over every paragraph and keep plain records.

1. **cache** (:mod:`.cache`): an article whose entry is cached is read back, since its
   records depend only on its text, the model and extraction's own sources;
2. **parse**: the paragraphs of every other article go through ``nlp.pipe``: in this
   process, in a pool of ``workers`` processes, or on a Dask cluster
   (:mod:`.parallel`; :mod:`.nlp` builds the pipeline);
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
from . import cache, parallel
from .parallel import BATCH_SIZE

__all__ = ["BATCH_SIZE", "extract"]


def extract(
    articles: Sequence[Article],
    nlp: Language,
    model: str,
    cache_dir: Path | None = None,
    on_article: Callable[[], None] | None = None,
    workers: int = 1,
    scheduler: str = "",
    model_names: Sequence[str] = (),
) -> tuple[ArticleExtraction, ...]:
    """Parse every article not already in the cache; the same records wherever it runs.

    ``model`` names the pipeline in the cache key; ``on_article`` is called once per
    article, for progress display. ``workers`` processes share the parsing; with a
    ``scheduler`` (``local`` or a Dask address) a cluster does, loading ``model_names``.
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
    records = parallel.run(todo, nlp, workers, scheduler, model_names)
    for article, record in zip(todo, records, strict=True):
        results[article.id] = record
        if store:
            store.store(article, record)
        if on_article:
            on_article()
    return tuple(results[a.id] for a in articles)
