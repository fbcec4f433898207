"""Verbatim repeats and independent sources, for the resolve stage.

Two rules that statements, figure claims and events share:

1. **repeats**: the same words told again (folded, white space squashed; see
   :func:`repeat_key`) are one item, cited wherever they were told, in the order
   they were met (:class:`Repeats`);
2. **independent sources**: what an item's citations count as sources is their story
   families, so rewrites and shared wire copy count once
   (:func:`independent_sources`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..records import Citation, Corpus
from ..textutil import fold, squash_spaces

T = TypeVar("T")


def story_families(corpus: Corpus) -> dict[str, str]:
    """Article id → its story family (its own id when it has none)."""
    return {a.id: a.family or a.id for a in corpus.articles}


def independent_sources(citations: Iterable[Citation], family: Mapping[str, str]) -> int:
    """How many story families the citations come from (``family`` from
    :func:`story_families`)."""
    return len({family[c.article_id] for c in citations})


def repeat_key(text: str) -> str:
    """The words of ``text`` as compared for repeats: folded, spaces squashed."""
    return fold(squash_spaces(text))


@dataclass(frozen=True)
class Told(Generic[T]):
    """One item and everywhere it was told."""

    first: T
    """The item as its first telling gave it."""
    citations: list[Citation] = field(default_factory=list)
    """Where it was told, first telling first, each paragraph once."""


class Repeats(Generic[T]):
    """Items by key (see :func:`repeat_key`), their repeats merged into their citations."""

    def __init__(self) -> None:
        self._told: dict[Hashable, Told[T]] = {}

    def cite(self, key: Hashable, citation: Citation) -> bool:
        """Whether an item of ``key`` was told before; if so, ``citation`` is one more
        telling of it."""
        told = self._told.get(key)
        if told is None:
            return False
        if citation not in told.citations:
            told.citations.append(citation)
        return True

    def add(self, key: Hashable, first: T, citation: Citation) -> None:
        """The first telling of an item."""
        self._told[key] = Told(first, [citation])

    def __iter__(self) -> Iterator[Told[T]]:
        return iter(self._told.values())
