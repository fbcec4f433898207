"""Copies between articles, for the ingest stage: rewrites, shared wire copy, families.

Articles are compared by their word 5-grams ("shingles"):

1. when the shingles two articles share are at least ``near_duplicate_threshold`` of
   the *longer* text, the later article (by date, then id) is a **rewrite** of the
   earlier one and points to the original;
2. when they are at least ``shared_copy_threshold`` of the *shorter* text, the two
   **share copy** (two editions built from the same wire paragraphs), recorded on
   both;
3. rewrites and shared copy join articles into **story families**, so that later
   stages count independent sources, not copies. A family is named after its
   earliest member.

An undated rewrite takes the date of its original, marked as inferred.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import chain

from ..records import Article
from ..textutil import fold

SHINGLE_SIZE = 5
"""Words per shingle."""
COMMON_SHINGLE_MIN_DOCS = 10
COMMON_SHINGLE_SHARE = 0.05
"""A shingle found in more than max(10, 5% of) the articles is boilerplate, not compared."""
MIN_SHARED_SHINGLES = 25
"""Two articles share copy only when they share at least this many shingles (about
30 words running), whatever the share of the shorter text."""


def shingles(article: Article) -> set[int]:
    """Word 5-grams of the article's body, as stable 32-bit hashes."""
    words = [w.strip(".,;:!?\"“”‘’'()[]") for w in fold(article.text).split()]
    words = [w for w in words if w]
    # crc32, not hash(): str hashes are salted per process and builds must repeat.
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_SIZE]).encode("utf-8"))
        for i in range(max(len(words) - SHINGLE_SIZE + 1, 1))
    }


def _shared_counts(order: list[int], sets: dict[int, set[int]]) -> dict[int, dict[int, int]]:
    """For each article, the number of shingles it shares with each earlier article.

    Shingles found in many articles (a standard footer, a boilerplate paragraph) are
    left out first: they would tie unrelated stories together. So are the shingles of
    one article only, most of them, which tie it to none.
    """
    frequency = Counter(chain.from_iterable(sets[i] for i in order))
    common = max(COMMON_SHINGLE_MIN_DOCS, COMMON_SHINGLE_SHARE * len(order))
    compared = {s for s, n in frequency.items() if 1 < n <= common}
    index: dict[int, list[int]] = defaultdict(list)
    result: dict[int, dict[int, int]] = {}
    for i in order:
        shared: Counter[int] = Counter()
        for s in sets[i] & compared:
            owners = index[s]
            if owners:
                shared.update(owners)
            owners.append(i)
        result[i] = dict(shared)
    return result


@dataclass(frozen=True)
class _Links:
    """How the articles (by position in the input) are tied together."""

    original: dict[int, int]
    """Each rewrite's original."""
    shared: dict[int, set[int]]
    """Each article's partners in shared copy."""
    family: dict[int, int]
    """Each article's family, named by its earliest member."""


def link_copies(
    articles: list[Article],
    rewrite_threshold: float,
    shared_threshold: float,
    shingled: Sequence[set[int]] | None = None,
) -> list[Article]:
    """Return the articles with rewrite, shared-copy and family fields filled;
    ``shingled``, when given, holds each article's :func:`shingles`."""
    order = sorted(
        range(len(articles)), key=lambda i: (articles[i].published or "9", articles[i].id)
    )
    known = shingled if shingled is not None else [shingles(a) for a in articles]
    sets = {i: known[i] for i in order}
    links = _links(order, sets, rewrite_threshold, shared_threshold)
    return [_linked(articles, i, links) for i in range(len(articles))]


def _links(
    order: list[int], sets: dict[int, set[int]], rewrite_threshold: float, shared_threshold: float
) -> _Links:
    """Stages 1-3 over the articles in ``order`` (earliest first)."""
    counts = _shared_counts(order, sets)
    # A rewrite shares most of *both* texts; shared copy most of the shorter one.
    rewrite = {
        i: {j: n / max(len(sets[i]), len(sets[j]), 1) for j, n in c.items()}
        for i, c in counts.items()
    }
    overlap = {
        i: {j: n / max(min(len(sets[i]), len(sets[j])), 1) for j, n in c.items()}
        for i, c in counts.items()
    }
    original: dict[int, int] = {}
    shared: dict[int, set[int]] = defaultdict(set)
    parent = {i: i for i in order}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rank = {i: position for position, i in enumerate(order)}
    for i in order:
        best = max(rewrite[i].items(), key=lambda kv: (kv[1], -rank[kv[0]]), default=None)
        if best and best[1] >= rewrite_threshold:
            original[i] = original.get(best[0], best[0])
        for j, score in overlap[i].items():
            if score >= shared_threshold and counts[i][j] >= MIN_SHARED_SHINGLES:
                if original.get(i) != j:
                    shared[i].add(j)
                    shared[j].add(i)
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b, key=rank.get)] = min(a, b, key=rank.get)
    return _Links(original, shared, {i: root(i) for i in order})


def _linked(articles: list[Article], i: int, links: _Links) -> Article:
    """Article ``i`` with its links; an undated rewrite takes its original's date."""
    article = articles[i]
    source = articles[links.original[i]] if i in links.original else None
    published, evidence, inferred = article.published, article.published_evidence, False
    if published is None and source is not None and source.published:
        published, inferred = source.published, True
        evidence = f"inferred: the date of the article it rewrites ({source.id})"
    return replace(
        article,
        near_duplicate_of=source.id if source else None,
        shares_copy_with=tuple(sorted(articles[j].id for j in links.shared[i])),
        family=articles[links.family[i]].id,
        published=published,
        published_evidence=evidence,
        published_inferred=inferred,
    )
