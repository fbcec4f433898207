"""The ``briefing.json`` export (see the README, "Export"): one serialiser per record.

:func:`export` lists, in the file's order: articles, skipped files, proposals,
actors, places, events, days, quotes and figure claims. Values are written as the
briefing holds them; the export prints no page wording. :func:`export_json` writes the
file a record at a time, so that the whole export is never held as objects.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..records import (
    Article,
    Briefing,
    Citation,
    Day,
    Entity,
    Event,
    Figure,
    FigureClaim,
    Proposal,
    ResolvedQuote,
    Skipped,
)

EXPORT_VERSION = 1

Json = dict[str, Any]


JSON_OPTIONS: dict[str, Any] = {"ensure_ascii": False, "indent": 1, "sort_keys": True}
"""How the exports' JSON is written: readable, its keys in order, so that the same
briefing gives the same bytes."""


def export(briefing: Briefing) -> Json:
    """The whole export."""
    return {
        key: value if _is_scalar(value) else list(value)
        for key, value in export_sections(briefing).items()
    }


def export_sections(briefing: Briefing) -> dict[str, Any]:
    """The export's fields; each list as a generator of its records."""
    group_of = {e.id: e.group for e in briefing.entities}
    return {
        "version": EXPORT_VERSION,
        "title": briefing.title,
        "articles": (article(a) for a in briefing.corpus.articles),
        "skipped": (skipped(s) for s in briefing.corpus.skipped),
        "proposals": (proposal(p) for p in briefing.proposals),
        "actors": (actor(e) for e in briefing.entities if e.group == "actor"),
        "places": (place(e) for e in briefing.entities if e.group == "place"),
        "events": (event(e, group_of) for e in briefing.events),
        "days": (day(d) for d in briefing.days),
        "quotes": (quote(q) for q in briefing.quotes),
        "claims": (claim(c) for c in briefing.claims),
    }


def _is_scalar(value: Any) -> bool:
    """A field of :func:`export_sections` that is a value, not a list of records."""
    return isinstance(value, str | int)


def json_text(value: object) -> str:
    """``value`` as an export file holds it."""
    return json.dumps(value, **JSON_OPTIONS) + "\n"


def export_json(briefing: Briefing) -> bytes:
    """``json_text(export(briefing))``, encoded, built one record at a time: the
    export of a large archive as objects is several times the size of its text."""
    out = io.BytesIO()
    for chunk in _streamed(export_sections(briefing)):
        out.write(chunk.encode("utf-8"))
    return out.getvalue()


def _streamed(sections: dict[str, Any]) -> Iterator[str]:
    """The text of ``json_text(sections)``, in pieces; a list field may be any
    iterable (JSON strings hold no raw line break, so a record's lines are indented
    one level deeper by prefixing them)."""
    for n, key in enumerate(sorted(sections)):
        yield ("{\n " if n == 0 else ",\n ") + json.dumps(key, ensure_ascii=False) + ": "
        value = sections[key]
        if _is_scalar(value):
            yield json.dumps(value, **JSON_OPTIONS)
        else:
            yield from _streamed_list(value)
    yield "\n}\n"


def _streamed_list(records: Iterable[Json]) -> Iterator[str]:
    first = True
    for record in records:
        text = json.dumps(record, **JSON_OPTIONS).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]" if first else "\n ]"


def _citations(citations: tuple[Citation, ...]) -> list[Json]:
    return [{"article": c.article_id, "paragraph": c.paragraph} for c in citations]


def _articles(citations: tuple[Citation, ...]) -> list[str]:
    """The cited articles, each once, in citation order."""
    return list(dict.fromkeys(c.article_id for c in citations))


def article(a: Article) -> Json:
    return {
        "id": a.id,
        "file": a.file,
        "outlet": a.outlet,
        "title": a.title,
        "byline": a.byline,
        "published": a.published,
        "published_inferred": a.published_inferred,
        "standfirst": a.standfirst,
        "wire": a.wire,
        "shares_copy_with": list(a.shares_copy_with),
        "family": a.family,
        "published_evidence": a.published_evidence,
        "dateline": a.dateline,
        "url": a.url,
        "near_duplicate_of": a.near_duplicate_of,
        "paragraphs": [{"n": p.index, "kind": p.kind, "text": p.text} for p in a.paragraphs],
        "text": a.text,
    }


def skipped(s: Skipped) -> Json:
    return {"file": s.file, "reason": s.reason}


def proposal(p: Proposal) -> Json:
    return {"first": p.first, "second": p.second, "score": p.score}


def _entity(e: Entity) -> Json:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": [a.text for a in e.aliases],
        "articles": list(e.articles),
        "mentions": e.mention_count,
        "rules": list(e.rules),
    }


def actor(e: Entity) -> Json:
    return {
        **_entity(e),
        "roles": [r.text for r in e.roles],
        "described": e.described,
        "country": e.country,
        "led_by": [leader.entity for leader in e.led_by],
    }


def place(e: Entity) -> Json:
    return {
        **_entity(e),
        "lat": e.lat,
        "lon": e.lon,
        "parent": e.parent,
        "located_as": e.located_as,
        "acts_as_state": _citations(e.acting),
    }


def figure(f: Figure) -> Json:
    return {"value": f.value, "low": f.low, "high": f.high, "topic": f.topic}


def event(e: Event, group_of: dict[str, str]) -> Json:
    """An event; ``group_of`` tells its actors from its places."""
    return {
        "id": e.id,
        "date": e.date,
        "date_evidence": e.summary.date_evidence,
        "type": e.type,
        "type_label": e.label,
        "predicate": e.predicate,
        "summary": e.summary.text,
        "claimed": e.claim_cue is not None,
        "claim_evidence": e.claim_cue,
        "claimed_by": e.claimed_by,
        "claimed_by_party": e.claimed_by_party,
        "actors": [{"id": i, "role": role} for i, role in e.roles if group_of[i] == "actor"],
        "places": [i for i in e.entities if group_of[i] == "place"],
        "roles": [{"id": i, "role": role} for i, role in e.roles],
        "figures": [figure(f) for f in e.figures],
        "new": e.new,
        "articles": _articles(e.citations),
        "citations": _citations(e.citations),
        "sentences": [s.text for s in e.statements],
        "corroboration": e.sources,
    }


def day(d: Day) -> Json:
    """A day: its salience, events, the figures its sentences give and its summary."""
    return {
        "date": d.date,
        "salience": d.salience,
        "key": d.key,
        "events": [e.id for e in d.events],
        "new_events": [e.id for e in d.events if e.new],
        "figures": [
            {**figure(f), "sentence": s.text, "articles": _articles(s.citations)}
            for s in d.statements
            for f in s.figures
        ],
        "summary": [{"text": s.text, "articles": _articles(s.citations)} for s in d.summary],
    }


def quote(q: ResolvedQuote) -> Json:
    return {
        "id": q.id,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "cue": q.cue,
        "article": q.citation.article_id,
        "paragraph": q.citation.paragraph,
        "date": q.date,
        "date_evidence": q.date_evidence,
        "speaker_found": q.speaker_found or None,
    }


def claim(c: FigureClaim) -> Json:
    return {
        "id": c.id,
        "topic": c.topic,
        "label": c.label,
        "value": c.value,
        "low": c.low,
        "high": c.high,
        "within": c.within or None,
        "running": c.running,
        "date": c.date,
        "date_evidence": c.date_evidence,
        "source": c.source,
        "source_text": c.source_text,
        "reported_by": c.reported_by,
        "party": c.party,
        "claim_cue": c.claim_cue,
        "sentence": c.sentence,
        "sources": c.sources,
        "articles": _articles(c.citations),
        "citations": _citations(c.citations),
    }
