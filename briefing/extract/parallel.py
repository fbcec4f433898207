"""Where the per-article extraction runs: this process, a pool of processes, or a cluster.

Every way runs :func:`extract_batch`, the same function over the same articles, and
yields the records in the articles' order, so the build's output does not depend on
where extraction ran.

1. **one worker**: every paragraph through one ``nlp.pipe`` in this process;
2. **a pool**: forked processes that inherit the loaded pipeline (loaded once, its
   memory shared copy-on-write) each take batches of articles;
3. **a cluster**: Dask distributed workers (``scheduler``: ``local`` starts one on this
   machine, else a scheduler's address) load the model by name, once per worker
   process, and send the records back; the model each used is checked against ours.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from ..errors import ClusterError
from ..records import Article, ArticleExtraction
from .article import extract_article
from .nlp import load_language, model_signature

BATCH_SIZE = 64
"""Paragraphs per ``nlp.pipe`` batch."""
PARAGRAPHS_PER_TASK = 256
"""Paragraphs of whole articles sent to a worker at once: enough to keep
``nlp.pipe`` batching, few enough that the workers finish together."""
LOCAL_SCHEDULER = "local"
"""The ``scheduler`` value that starts a Dask cluster on this machine."""

_POOL_NLP: Language | None = None
"""The pipeline forked pool workers inherit (set just before the pool starts)."""


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_batch(articles: Iterable[Article], nlp: Language) -> Iterator[ArticleExtraction]:
    """Parse the paragraphs of ``articles`` in one ``nlp.pipe`` stream; one record per
    article, in order."""
    articles = list(articles)
    stream = ((p.text, None) for a in articles for p in a.extracted)
    docs = nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE)
    for article in articles:
        yield extract_article(article, [next(docs)[0] for _ in article.extracted])


def batches(articles: Sequence[Article], paragraphs: int | None = None):
    """Consecutive runs of whole articles holding about ``paragraphs`` paragraphs
    (:data:`PARAGRAPHS_PER_TASK`)."""
    paragraphs = paragraphs or PARAGRAPHS_PER_TASK
    batch: list[Article] = []
    size = 0
    for article in articles:
        batch.append(article)
        size += len(article.extracted)
        if size >= paragraphs:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def run(
    articles: Sequence[Article],
    nlp: Language,
    workers: int = 1,
    scheduler: str = "",
    model_names: Sequence[str] = (),
) -> Iterator[ArticleExtraction]:
    """The records of ``articles`` in order, extracted where the settings say."""
    if scheduler:
        return _clustered(articles, tuple(model_names), model_signature(nlp), scheduler, workers)
    if workers > 1 and len(articles) > 1 and "fork" in multiprocessing.get_all_start_methods():
        return _pooled(articles, nlp, workers)
    return extract_batch(articles, nlp)


def _pool_task(articles: list[Article]) -> list[ArticleExtraction]:
    assert _POOL_NLP is not None
    return list(extract_batch(articles, _POOL_NLP))


def _pooled(articles: Sequence[Article], nlp: Language, workers: int):
    global _POOL_NLP
    _POOL_NLP = nlp
    # fork, so each worker has the loaded pipeline without loading or pickling it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for records in pool.imap(_pool_task, batches(articles)):
            yield from records


def cluster_task(
    articles: list[Article], model_names: tuple[str, ...]
) -> tuple[str, list[ArticleExtraction]]:
    """One batch on a cluster worker: the model is loaded by name (once per worker
    process: :func:`load_language` keeps it) and named with the records."""
    nlp = load_language(model_names)
    return model_signature(nlp), list(extract_batch(articles, nlp))


def _clustered(
    articles: Sequence[Article],
    model_names: tuple[str, ...],
    signature: str,
    scheduler: str,
    workers: int,
):
    client = _connect(scheduler, workers)
    try:
        futures = client.map(cluster_task, list(batches(articles)), model_names=model_names)
        for future in futures:
            used, records = future.result()
            if used != signature:
                raise ClusterError(
                    f"a cluster worker used {used}, this build {signature}; "
                    "install the same model and spaCy on every worker"
                )
            yield from records
    finally:
        client.close()
        if client.cluster is not None:
            client.cluster.close()


def _connect(scheduler: str, workers: int):
    """A Dask client: of a new local cluster of ``workers`` processes, or of the
    scheduler at ``scheduler``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError(
            "--scheduler needs Dask distributed: pip install 'briefing[cluster]'"
        ) from exc
    try:
        if scheduler == LOCAL_SCHEDULER:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            return Client(cluster)
        return Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
