"""Write stage: render the briefing into Markdown pages and the JSON export.

All pages are rendered in memory first, then synchronised with the output folder:
unchanged files are left alone (so MkDocs' live reload sees only real changes) and
files the briefing no longer produces are removed. Article text is untrusted: every
value a template prints is escaped unless it was built here as :class:`Markup`.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote

import frontmatter
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound
from markupsafe import Markup

from ..dates import long_date
from ..errors import OutputError
from ..records import (
    Article,
    Briefing,
    Citation,
    Day,
    Entity,
    Event,
    Figure,
    FigureClaim,
    ResolvedQuote,
    Statement,
)
from ..resolve.figures import topic_labels, unit_topics
from ..resolve.speakers import is_party
from ..textutil import (
    content_words,
    escape_inline,
    escape_markdown,
    fold,
    guard_line_start,
    squash_spaces,
)
from .charts import Point, series_chart

EXPORT_PATH = "data/briefing.json"
MARKER_FILE = ".briefing-generated"
"""Marks a folder as ours, so that stale pages may be deleted from it."""
EXPORT_VERSION = 1
TOP_ENTITIES_ON_INDEX = 12
CO_OCCURRING_SHOWN = 15
TIMELINE_EVENTS_PER_DAY = 3
"""Events shown for each day on the timeline page (the day page shows them all)."""
QUOTES_OF_THE_DAY = 8
"""Quotes in the speakers' own words (direct quotes and fragments) shown on a day
page, by the most mentioned speakers."""
ROLE_WORDS = {
    "agent": "did it",
    "target": "on the receiving end",
    "place": "where it happened",
    "present": "named",
}
_SAFE_URL = re.compile(r"^https?://[^\s()<>\"'\\]+$")
_ALLOWED_FOREIGN_FILES = {".gitkeep"}


@dataclass(frozen=True)
class WriteReport:
    """What the write stage did."""

    written: int
    """Files created or changed."""
    unchanged: int
    """Files already up to date."""
    removed: int
    """Stale files deleted."""
    pages: dict[str, int]
    """Page counts by section (actors, places, days, articles, other)."""


def _escape(value: Any) -> str:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # numbers are ours, and a leading digit must not be escaped
    return guard_line_start(escape_inline(str(value)))


class _Site:
    """Link and citation helpers bound to one briefing (private to this stage)."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.articles = {a.id: a for a in briefing.corpus.articles}
        self.entities = {e.id: e for e in briefing.entities}
        self.days = {d.date for d in briefing.days}

    def entity_href(self, entity_id: str, rel: str) -> str:
        entity = self.entities[entity_id]
        return f"{rel}{entity.group}s/{entity.id}.md"

    def entity_link(self, entity_id: str, rel: str) -> Markup:
        entity = self.entities[entity_id]
        return Markup(f"[{escape_markdown(entity.name)}]({self.entity_href(entity_id, rel)})")

    def day_link(self, iso: str, rel: str) -> Markup:
        """A link to the day's page; the day written out when it has none (a figure
        dated to a day no sentence naming an entity is about)."""
        if iso not in self.days:
            return Markup(long_date(iso))
        return Markup(f"[{long_date(iso)}]({rel}days/{iso}.md)")

    def article_link(self, article_id: str, rel: str) -> Markup:
        article = self.articles[article_id]
        return Markup(f"[{escape_markdown(article.title)}]({rel}articles/{article.id}.md)")

    def source_label(self, article_id: str) -> str:
        article = self.articles[article_id]
        return article.outlet or article.id

    def cite(self, citation: Citation, rel: str) -> Markup:
        label = escape_inline(self.source_label(citation.article_id))
        href = f"{rel}articles/{citation.article_id}.md#p{citation.paragraph}"
        return Markup(f"[\\[{label} ¶{citation.paragraph}\\]]({href})")

    def cites(self, citations: tuple[Citation, ...], rel: str) -> Markup:
        return Markup(" ".join(self.cite(c, rel) for c in citations))

    def linked(
        self,
        text: str,
        spans: tuple[tuple[int, int, str], ...],
        rel: str,
        current: str | None = None,
    ) -> Markup:
        """Escape ``text`` and link each span to its entity page (bold for ``current``)."""
        out: list[str] = []
        cursor = 0
        for start, end, entity_id in sorted(spans):
            if start < cursor or entity_id not in self.entities:
                continue
            out.append(escape_inline(text[cursor:start]))
            name = escape_inline(text[start:end])
            if entity_id == current:
                out.append(f"**{name}**")
            else:
                out.append(f"[{name}]({self.entity_href(entity_id, rel)})")
            cursor = end
        out.append(escape_inline(text[cursor:]))
        return Markup(guard_line_start("".join(out).strip()))

    def statement(
        self, statement: Statement, rel: str, current: str | None = None, mark_claim: bool = True
    ) -> Markup:
        """One cited line; a claim is labelled with the words that make it one (unless
        the caller labels it)."""
        text = self.linked(statement.text, statement.spans, rel, current)
        claim = (
            f" *(claim: “{escape_inline(statement.claim_cue)}”)*"
            if statement.claim_cue and mark_claim
            else ""
        )
        sources = f" *({statement.sources} independent sources)*" if statement.sources > 1 else ""
        return Markup(f"{text}{claim} {self.cites(statement.citations, rel)}{sources}")

    def is_party(self, claimant: str) -> bool:
        """Whether a claimant is a party to the conflict: a government, an armed group,
        a military or a state, or their own media ("state television")."""
        entity = self.entities.get(claimant)
        if entity is None:
            return True  # the words of a party's own media, as the claim cue found them
        return is_party(entity)

    def claimant(self, claimant: str, rel: str) -> Markup:
        who = (
            self.entity_link(claimant, rel)
            if claimant in self.entities
            else Markup(escape_inline(claimant))
        )
        party = " (a party to the conflict)" if self.is_party(claimant) else ""
        return Markup(f"{who}{party}")

    def figure(self, figure: Figure) -> Markup:
        return Markup(f"{escape_inline(figure.value)} {escape_inline(figure.label)}")

    def event(
        self, event: Event, rel: str, current: str | None = None, brief: bool = False
    ) -> Markup:
        """One event as a list item's text: type, claim, the summary sentence with its
        citations, who did what to whom, figures and corroboration."""
        head = f"**{escape_inline(event.label)}**"
        if current is not None and (role := dict(event.roles).get(current)):
            head += f" ({ROLE_WORDS[role]})"
        if event.claim_cue:
            cue = f"“{escape_inline(event.claim_cue)}”"
            if event.claimed_by and event.claimed_by not in self.entities:
                head += f" · *claimed: {cue} (a party to the conflict)*"  # "state media said"
            elif event.claimed_by:
                head += f" · *claimed by {self.claimant(event.claimed_by, rel)}: {cue}*"
            else:
                head += f" · *claimed: {cue}*"
        told = self.statement(event.summary, rel, current, mark_claim=not event.claim_cue)
        parts = [f"{head}: {told}"]
        if brief:
            return Markup(parts[0])
        agents, targets = event.with_role("agent"), event.with_role("target")
        if agents or targets:
            who = ", ".join(self.entity_link(i, rel) for i in agents) or "someone"
            whom = ", ".join(self.entity_link(i, rel) for i in targets)
            parts.append(
                f"*Who:* {who} {escape_inline(event.predicate)}{' ' + whom if whom else ''}."
            )
        if event.figures:
            parts.append("*Figures:* " + "; ".join(self.figure(f) for f in event.figures) + ".")
        if len(event.statements) > 1:
            others = event.citations[len(event.summary.citations) :]
            parts.append(f"Also told in {self.cites(others, rel)}.")
        evidence = event.summary.date_evidence
        dated = (
            f"; dated by “{escape_inline(evidence)}”"
            if evidence and evidence != "published"
            else ""
        )
        plural = "s" if event.sources != 1 else ""
        parts.append(f"*{event.sources} independent source{plural}{dated}.*")
        return Markup(" ".join(parts))

    def speaker(self, quote: ResolvedQuote, rel: str) -> Markup:
        """The speaker's entity link (with the words the source used), or the speaker
        as written, or "unattributed"."""
        if quote.speaker:
            who = self.entity_link(quote.speaker, rel)
            if quote.speaker_text and fold(quote.speaker_text) != fold(
                self.entities[quote.speaker].name
            ):
                who = Markup(f"{who} (as written: {escape_inline(quote.speaker_text)})")
            return who
        return Markup(escape_inline(quote.speaker_text or "unattributed"))

    def quote_line(
        self, quote: ResolvedQuote, rel: str, show_speaker: bool = True, show_date: bool = False
    ) -> Markup:
        """One quote, cited: “words” — speaker; reported speech as "speaker said: words"."""
        when = f"{long_date(quote.date)}: " if show_date and quote.date else ""
        words = escape_inline(squash_spaces(quote.text))
        cite = self.cite(quote.citation, rel)
        if quote.kind == "indirect":
            cue = escape_inline(quote.cue or "said")
            if show_speaker:
                line = f"{when}{self.speaker(quote, rel)} {cue}: {words} *(reported speech)* {cite}"
            else:
                line = f"{when}{words} *(reported speech: “{cue}”)* {cite}"
            return Markup(guard_line_start(line))
        kind = " *(fragment)*" if quote.kind == "fragment" else ""
        by = f" — {self.speaker(quote, rel)}" if show_speaker else ""
        return Markup(guard_line_start(f"{when}“{words}”{kind}{by} {cite}"))

    def claim_source(self, claim: FigureClaim, rel: str) -> Markup:
        """Who gives a figure, whether a party, and whether the sentence marks it a claim."""
        if claim.source:
            who = f"according to {self.entity_link(claim.source, rel)}"
        elif claim.source_text:
            who = f"according to {escape_inline(claim.source_text)}"
        else:
            who = f"reported by {escape_inline(claim.reported_by or 'the article')}"
        if claim.party:
            who += " (a party to the conflict)"
        if claim.claim_cue:
            who += f", unverified (“{escape_inline(claim.claim_cue)}”)"
        return Markup(who)

    def claim_line(self, claim: FigureClaim, rel: str, show_date: bool = True) -> Markup:
        """A figure with its source and day, then the sentence it is in, cited."""
        within = f" (of them: {escape_inline(claim.within)})" if claim.within else ""
        when = f", as of {long_date(claim.date)}" if show_date and claim.date else ""
        sentence = escape_inline(squash_spaces(claim.sentence))
        what = (
            f"{escape_inline(claim.value)} ({escape_inline(claim.label)})"
            if claim.topic in unit_topics()
            else f"{escape_inline(claim.value)} {escape_inline(claim.label)}"
        )
        return Markup(
            f"**{what}**{within} "
            f"{self.claim_source(claim, rel)}{when}: {sentence} {self.cites(claim.citations, rel)}"
        )

    def safe_url(self, url: str | None) -> Markup | None:
        """A link to an http(s) address, its target percent-encoded, or None."""
        if url and _SAFE_URL.match(url):
            target = quote(url, safe=":/?#@!$&'+,;=%~-._")
            return Markup(f"[{escape_markdown(url)}]({target})")
        return None


def _environment(templates: Path, site: _Site) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=False,
        finalize=_escape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        cite=site.cite,
        cites=site.cites,
        entity_link=site.entity_link,
        day_link=site.day_link,
        article_link=site.article_link,
        statement=site.statement,
        event=site.event,
        figure=site.figure,
        quote_line=site.quote_line,
        claim_line=site.claim_line,
        claim_source=site.claim_source,
        speaker=site.speaker,
        inline=lambda text: Markup(escape_inline(str(text))),
        linked=site.linked,
        safe_url=site.safe_url,
        long_date=long_date,
        source_label=site.source_label,
    )
    return env


def _page(body: str, title: str, **meta: Any) -> str:
    """A Markdown page with YAML front matter.

    MkDocs prints the page title into ``<title>`` without escaping, so the title is
    given here, HTML-escaped, instead of letting MkDocs take it from the heading.
    """
    post = frontmatter.Post(body, title=html.escape(squash_spaces(title)), **meta)
    return frontmatter.dumps(post, sort_keys=True) + "\n"


# ------------------------------------------------------------------ page data


def _co_occurrence(briefing: Briefing) -> dict[str, Counter[str]]:
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for statement in briefing.statements:
        weight = len(statement.citations)
        for a in statement.entities:
            for b in statement.entities:
                if a != b:
                    pairs[a][b] += weight
    return pairs


def _statements_by_entity(briefing: Briefing) -> dict[str, list[Statement]]:
    by_entity: dict[str, list[Statement]] = defaultdict(list)
    for statement in briefing.statements:
        for entity_id in statement.entities:
            by_entity[entity_id].append(statement)
    return by_entity


def _paragraph_spans(briefing: Briefing) -> dict[tuple[str, int], tuple[tuple[int, int, str], ...]]:
    """(article id, paragraph) → the entity spans to link in that paragraph."""
    spans: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    for extraction in briefing.extractions:
        for m in extraction.mentions:
            entity_id = briefing.mention_entity.get((m.article_id, m.paragraph, m.start))
            if entity_id:
                spans[(m.article_id, m.paragraph)].append((m.start, m.end, entity_id))
    return {where: tuple(found) for where, found in spans.items()}


def _rewrites(articles: tuple[Article, ...]) -> dict[str, list[str]]:
    by_original: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.near_duplicate_of:
            by_original[article.near_duplicate_of].append(article.id)
    return by_original


# ------------------------------------------------------------------ export


def _entity_days(
    briefing: Briefing, by_entity: dict[str, list[Statement]]
) -> dict[str, list[tuple[str, list[tuple[Event, str]], list[Statement]]]]:
    """Per entity, its days in order: (day or background heading, the events it
    takes part in with its role, its other sentences of that day)."""
    events_of: dict[str, dict[str, list[tuple[Event, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for event in briefing.events:
        for entity_id, role in event.roles:
            events_of[entity_id][event.date].append((event, role))
    result = {}
    for entity in briefing.entities:
        days: dict[str, tuple[list, list]] = {}
        for day, found in events_of[entity.id].items():
            days[day] = (found, [])
        told = {
            s for found in events_of[entity.id].values() for e, _ in found for s in e.statements
        }
        for statement in by_entity.get(entity.id, []):
            if statement in told:
                continue
            key = statement.date or (
                f"~{statement.background}" if statement.background else "~~"
            )  # background years after the story's days, the undated last
            days.setdefault(key, ([], []))[1].append(statement)
        result[entity.id] = [(day, *days[day]) for day in sorted(days)]
    return result


def _source_key(claim: FigureClaim) -> str:
    if claim.source:
        return claim.source
    if claim.source_text:
        return fold(claim.source_text)
    return f"reported by {claim.reported_by or ''}"


def _claims_by_topic(briefing: Briefing) -> list[tuple[str, str, list[FigureClaim]]]:
    """(topic, label, dated claims in day order) for each topic that has claims, in the
    order of ``figures.yml``."""
    grouped: dict[str, list[FigureClaim]] = defaultdict(list)
    for claim in briefing.claims:
        grouped[claim.topic].append(claim)
    return [
        (topic, label, sorted(grouped[topic], key=lambda c: (c.date or "9999", c.id)))
        for topic, label in topic_labels().items()
        if grouped[topic]
    ]


def _running_series(claims: list[FigureClaim]) -> list[list[FigureClaim]]:
    """Running totals (not parts of another figure) grouped by source, the source that
    gives the most first."""
    by_source: dict[str, list[FigureClaim]] = defaultdict(list)
    for claim in claims:
        if claim.running and not claim.within:
            by_source[_source_key(claim)].append(claim)
    return sorted(by_source.values(), key=lambda cs: (-len(cs), cs[0].date or "", cs[0].id))


def _point(claim: FigureClaim) -> int:
    return claim.low if claim.low is not None else claim.high or 0


def _day_figures(day: Day) -> list[tuple[Figure, Statement]]:
    """Figures given in a day's sentences, most cited sentence first."""
    return [(f, s) for s in day.statements for f in s.figures]


def _untold(day: Day) -> list[Statement]:
    """The day's sentences that tell none of its events, most cited first."""
    told = {s for e in day.events for s in e.statements}
    return [s for s in day.statements if s not in told]


CENTRALITY_SMOOTHING = 5
"""Added to a sentence's word count when averaging how central its words are, so
that very short sentences ("Aleppo fell.") do not win on one common word."""


OWN_DATE_WEIGHT = 3
"""How much more a sentence that dates itself ("on Friday") says about a day than one
dated only by its article's publication (which tells what was reported that day,
not what happened)."""


def _salience(day: Day) -> int:
    """How much the coverage says happened on a day: the independent sources of its
    events, and of its sentences, those dated by their own words weighing
    :data:`OWN_DATE_WEIGHT` times more."""
    return sum(e.sources for e in day.events) + sum(
        s.sources * (OWN_DATE_WEIGHT if s.date_evidence != "published" else 1)
        for s in day.statements
    )


def _day_summary(day: Day) -> list[Statement]:
    """A day's sentences in order of importance: each event's sentence and the day's
    other sentences, by how central each is to what the day's sentences say (the mean
    count, over its content words, of the day's sentences using that word, as in
    centroid summarisers) times its corroboration (1 + log of its independent
    sources, or of its event's)."""
    counts = Counter(w for s in day.statements for w in content_words(s.text))
    event_sources = {e.summary: e.sources for e in day.events}

    def importance(statement: Statement) -> float:
        words = content_words(statement.text)
        centrality = sum(counts[w] for w in words) / (len(words) + CENTRALITY_SMOOTHING)
        sources = max(event_sources.get(statement, 0), statement.sources)
        return centrality * (1 + math.log(sources))

    return sorted([e.summary for e in day.events] + _untold(day), key=importance, reverse=True)


def _figure_export(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "topic": figure.topic,
    }


def export(briefing: Briefing) -> dict[str, Any]:
    """The ``briefing.json`` contract (see the README, "Export")."""
    entity_list = lambda group: [  # noqa: E731
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "aliases": [a.text for a in e.aliases],
            "articles": list(e.articles),
            "mentions": e.mention_count,
            "rules": list(e.rules),
            **({"roles": [r.text for r in e.roles]} if group == "actor" else {}),
            **(
                {
                    "lat": e.lat,
                    "lon": e.lon,
                    "parent": e.parent,
                    "located_as": e.located_as,
                    "acts_as_state": [
                        {"article": c.article_id, "paragraph": c.paragraph} for c in e.acting
                    ],
                }
                if group == "place"
                else {}
            ),
        }
        for e in briefing.entities
        if e.group == group
    ]
    group_of = {e.id: e.group for e in briefing.entities}
    site = _Site(briefing)
    events = [
        {
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
            "claimed_by_party": site.is_party(e.claimed_by) if e.claimed_by else None,
            "actors": [{"id": i, "role": role} for i, role in e.roles if group_of[i] == "actor"],
            "places": [i for i in e.entities if group_of[i] == "place"],
            "roles": [{"id": i, "role": role} for i, role in e.roles],
            "figures": [_figure_export(f) for f in e.figures],
            "new": e.new,
            "articles": list(dict.fromkeys(c.article_id for c in e.citations)),
            "citations": [{"article": c.article_id, "paragraph": c.paragraph} for c in e.citations],
            "sentences": [s.text for s in e.statements],
            "corroboration": e.sources,
        }
        for e in briefing.events
    ]
    return {
        "version": EXPORT_VERSION,
        "title": briefing.title,
        "articles": [
            {
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
                "paragraphs": [
                    {"n": p.index, "kind": p.kind, "text": p.text} for p in a.paragraphs
                ],
                "text": a.text,
            }
            for a in briefing.corpus.articles
        ],
        "skipped": [{"file": s.file, "reason": s.reason} for s in briefing.corpus.skipped],
        "proposals": [
            {"first": p.first, "second": p.second, "score": p.score} for p in briefing.proposals
        ],
        "actors": entity_list("actor"),
        "places": entity_list("place"),
        "events": events,
        "days": [
            {
                "date": d.date,
                "salience": _salience(d),
                "events": [e.id for e in d.events],
                "new_events": [e.id for e in d.events if e.new],
                "figures": [
                    {
                        **_figure_export(f),
                        "sentence": s.text,
                        "articles": list(dict.fromkeys(c.article_id for c in s.citations)),
                    }
                    for f, s in _day_figures(d)
                ],
                "summary": [
                    {
                        "text": s.text,
                        "articles": list(dict.fromkeys(c.article_id for c in s.citations)),
                    }
                    for s in _day_summary(d)
                ],
            }
            for d in briefing.days
        ],
        "quotes": [
            {
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
            for q in briefing.quotes
        ],
        "claims": [
            {
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
                "articles": list(dict.fromkeys(x.article_id for x in c.citations)),
                "citations": [
                    {"article": x.article_id, "paragraph": x.paragraph} for x in c.citations
                ],
            }
            for c in briefing.claims
        ],
    }


# ------------------------------------------------------------------ render


def _series_name(site: _Site, claims: list[FigureClaim]) -> str:
    first = claims[0]
    if first.source and first.source in site.entities:
        name = site.entities[first.source].name
    else:
        name = first.source_text or f"reported by {first.reported_by or 'the article'}"
    return f"{name} (a party)" if first.party else name


def _figure_pages(
    briefing: Briefing, site: _Site, render_page: Any, common: dict[str, Any]
) -> dict[str, str]:
    """One page per figure topic (table, chart, conflicts) and their index."""
    pages: dict[str, str] = {}
    topics = _claims_by_topic(briefing)
    sources: dict[str, int] = {}
    for topic, label, claims in topics:
        series = _running_series(claims)
        sources[topic] = len(series)
        summary = []
        for cs in series:
            low = min(cs, key=lambda c: (_point(c), c.date or ""))
            high = max(cs, key=lambda c: (_point(c), c.date or ""))
            values = (
                f"{escape_inline(low.value)} {site.cite(low.citations[0], '../')} to "
                f"{escape_inline(high.value)} {site.cite(high.citations[0], '../')}"
                if _point(low) != _point(high)
                else f"{escape_inline(low.value)} {site.cite(low.citations[0], '../')}"
            )
            days = sorted({c.date for c in cs if c.date})
            span = (
                long_date(days[0]) + (f" to {long_date(days[-1])}" if len(days) > 1 else "")
                if days
                else "undated"
            )
            summary.append(Markup(f"{values} {site.claim_source(cs[0], '../')} ({span})"))
        chart = series_chart(
            f"{label} over time, by source",
            [
                (_series_name(site, cs), [Point(c.date, c.low, c.high) for c in cs if c.date])
                for cs in series
                if any(c.date for c in cs)
            ],
        )
        running = [c for cs in series for c in cs]
        in_series = {c.id for c in running}
        pages[f"figures/{topic}.md"] = _page(
            render_page(
                "figures_topic.md.j2",
                rel="../",
                label=label,
                summary=summary,
                chart=Markup(f"<figure>{chart}</figure>") if chart else "",
                running=sorted(running, key=lambda c: (c.date or "9999", c.id)),
                others=[c for c in claims if c.id not in in_series],
                **common,
            ),
            title=f"Figures: {label}",
            page="figures",
        )
    pages["figures/index.md"] = _page(
        render_page(
            "figures_index.md.j2",
            rel="../",
            topics=[(t, label, cs, sources[t]) for t, label, cs in topics],
            **common,
        ),
        title="Figures",
        page="figures",
    )
    return pages


def _shown_quotes(quotes: Sequence[ResolvedQuote]) -> list[ResolvedQuote]:
    """Quotes worth a line: a fragment inside reported speech of the same speaker in
    the same paragraph is shown there already."""
    indirect = defaultdict(list)
    for q in quotes:
        if q.kind == "indirect":
            indirect[(q.citation, q.speaker_text)].append((q.start, q.end))
    return [
        q
        for q in quotes
        if q.kind != "fragment"
        or not any(s <= q.start and q.end <= e for s, e in indirect[(q.citation, q.speaker_text)])
    ]


def _quotes_by_speaker(
    site: _Site, quotes: tuple[ResolvedQuote, ...]
) -> list[tuple[Markup, list[ResolvedQuote]]]:
    """Quotes grouped by speaker (entity, else as written), the most quoted first;
    unattributed quotes last."""
    groups: dict[str, list[ResolvedQuote]] = defaultdict(list)
    for q in _shown_quotes(quotes):
        key = q.speaker or (f"~{fold(q.speaker_text)}" if q.speaker_text else "~~")
        groups[key].append(q)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "~~", -len(kv[1]), kv[0]))
    result = []
    for key, members in ordered:
        if key in site.entities:
            label = site.entity_link(key, "")
        elif key == "~~":
            label = Markup("Unattributed")
        else:
            label = Markup(escape_inline(members[0].speaker_text or ""))
        result.append((label, sorted(members, key=lambda q: (q.date or "9999", q.id))))
    return result


def render(briefing: Briefing, templates: Path) -> dict[str, str]:
    """Render every page and the export into a mapping of relative path → content."""
    site = _Site(briefing)
    env = _environment(templates, site)

    def render_page(template: str, **context: Any) -> str:
        try:
            return env.get_template(template).render(**context)
        except TemplateNotFound as exc:
            raise OutputError(f"template {exc.name} not found", templates) from exc

    pages: dict[str, str] = {}
    articles = briefing.corpus.articles
    actors = sorted((e for e in briefing.entities if e.group == "actor"), key=_by_weight)
    places = sorted((e for e in briefing.entities if e.group == "place"), key=_by_weight)
    dated = [a.published for a in articles if a.published]
    outlets = sorted({a.outlet for a in articles if a.outlet})
    by_entity = _statements_by_entity(briefing)
    entity_days = _entity_days(briefing, by_entity)
    co = _co_occurrence(briefing)
    quotes_by_speaker: dict[str, list[ResolvedQuote]] = defaultdict(list)
    quotes_by_day: dict[str, list[ResolvedQuote]] = defaultdict(list)
    for q in sorted(_shown_quotes(briefing.quotes), key=lambda q: (q.date or "9999", q.id)):
        if q.speaker:
            quotes_by_speaker[q.speaker].append(q)
        if q.date and q.kind != "indirect" and (q.speaker or q.speaker_text):
            quotes_by_day[q.date].append(q)
    claims_by_day: dict[str, list[FigureClaim]] = defaultdict(list)
    for c in briefing.claims:
        if c.date:
            claims_by_day[c.date].append(c)
    rewrites = _rewrites(articles)
    spans = _paragraph_spans(briefing)

    common = {"title": briefing.title}
    pages["index.md"] = _page(
        render_page(
            "index.md.j2",
            rel="",
            articles=articles,
            skipped=briefing.corpus.skipped,
            outlets=outlets,
            first_day=min(dated) if dated else None,
            last_day=max(dated) if dated else None,
            undated=[a for a in articles if not a.published],
            actors=actors[:TOP_ENTITIES_ON_INDEX],
            places=places[:TOP_ENTITIES_ON_INDEX],
            days=briefing.days,
            **common,
        ),
        title=briefing.title,
        page="home",
    )
    for group, members in (("actor", actors), ("place", places)):
        pages[f"{group}s/index.md"] = _page(
            render_page(
                "entity_index.md.j2",
                rel="../",
                group=group,
                entities=members,
                states=[e for e in places if e.acting] if group == "actor" else [],
                **common,
            ),
            title="Actors" if group == "actor" else "Places",
            page=f"{group}s",
        )
        for entity in members:
            neighbours = [site.entities[i] for i, _ in co[entity.id].most_common()]
            pages[f"{group}s/{entity.id}.md"] = _page(
                render_page(
                    "entity.md.j2",
                    rel="../",
                    entity=entity,
                    by_day=entity_days[entity.id],
                    with_actors=[e for e in neighbours if e.group == "actor"][:CO_OCCURRING_SHOWN],
                    with_places=[e for e in neighbours if e.group == "place"][:CO_OCCURRING_SHOWN],
                    quotes=quotes_by_speaker.get(entity.id, []),
                    sources=[site.articles[i] for i in entity.articles],
                    **common,
                ),
                title=entity.name,
                entity=entity.id,
                kind=entity.kind,
                page=group,
            )
    pages["days/index.md"] = _page(
        render_page(
            "days_index.md.j2",
            rel="../",
            days=briefing.days,
            undated=[s for s in briefing.statements if not s.date],
            **common,
        ),
        title="Days",
        page="days",
    )
    with_events = [d for d in briefing.days if d.events]
    previous_day = {d.date: p.date for p, d in pairwise(with_events)}
    pages["timeline.md"] = _page(
        render_page(
            "timeline.md.j2", rel="", days=with_events, per_day=TIMELINE_EVENTS_PER_DAY, **common
        ),
        title="Timeline",
        page="timeline",
    )
    for day in briefing.days:
        pages[f"days/{day.date}.md"] = _page(
            render_page(
                "day.md.j2",
                rel="../",
                day=day,
                others=_untold(day),
                figures=claims_by_day.get(day.date, []),
                quotes=sorted(
                    quotes_by_day.get(day.date, []),
                    key=lambda q: (
                        -(site.entities[q.speaker].mention_count if q.speaker else 0),
                        q.id,
                    ),
                )[:QUOTES_OF_THE_DAY],
                previous=previous_day.get(day.date),
                articles=[site.articles[i] for i in day.articles],
                **common,
            ),
            title=long_date(day.date),
            date=day.date,
            page="day",
        )
    pages["articles/index.md"] = _page(
        render_page(
            "articles_index.md.j2",
            rel="../",
            articles=sorted(articles, key=lambda a: (a.published or "9999", a.id)),
            **common,
        ),
        title="Articles",
        page="articles",
    )
    for article in articles:
        pages[f"articles/{article.id}.md"] = _page(
            render_page(
                "article.md.j2",
                rel="../",
                article=article,
                paragraphs=[(p, spans.get((article.id, p.index), ())) for p in article.paragraphs],
                original=site.articles.get(article.near_duplicate_of or ""),
                rewrites=[site.articles[i] for i in rewrites.get(article.id, [])],
                shared=[site.articles[i] for i in article.shares_copy_with],
                **common,
            ),
            title=article.title,
            article=article.id,
            published=article.published,
            page="article",
        )
    pages["quotes.md"] = _page(
        render_page(
            "quotes.md.j2", rel="", speakers=_quotes_by_speaker(site, briefing.quotes), **common
        ),
        title="Quotes",
        page="quotes",
    )
    pages.update(_figure_pages(briefing, site, render_page, common))
    produced: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        produced[article.file].append(article)
    pages["sources.md"] = _page(
        render_page(
            "sources.md.j2",
            rel="",
            files=sorted(set(produced) | {s.file for s in briefing.corpus.skipped}),
            produced=produced,
            skipped={s.file: s.reason for s in briefing.corpus.skipped},
            **common,
        ),
        title="Sources",
        page="sources",
    )
    by_id = {e.id: e for e in briefing.entities}
    pages["review.md"] = _page(
        render_page(
            "review.md.j2",
            rel="",
            proposals=[(by_id[p.first], by_id[p.second], p.score) for p in briefing.proposals],
            **common,
        ),
        title="Review",
        page="review",
    )
    pages["about.md"] = _page(
        render_page("about.md.j2", rel="", **common), title="About", page="about"
    )
    pages[EXPORT_PATH] = (
        json.dumps(export(briefing), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    )
    return pages


def _by_weight(entity: Entity) -> tuple[int, str]:
    return (-entity.mention_count, entity.id)


# ------------------------------------------------------------------ sync


def _check_ownership(out_dir: Path) -> None:
    """Refuse to clean a folder that holds files we did not write."""
    if not out_dir.exists() or (out_dir / MARKER_FILE).exists():
        return
    foreign = [p for p in out_dir.iterdir() if p.name not in _ALLOWED_FOREIGN_FILES]
    if foreign:
        raise OutputError(
            "output folder is not empty and was not written by briefing; "
            "choose another site_src or empty it",
            out_dir,
        )


def sync(pages: dict[str, str], out_dir: Path) -> tuple[int, int, int]:
    """Make ``out_dir`` hold exactly ``pages``: (written, unchanged, removed)."""
    _check_ownership(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER_FILE).write_text("Generated by briefing; files here are overwritten.\n")
    written = unchanged = removed = 0
    for rel, content in sorted(pages.items()):
        path = out_dir / rel
        data = content.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    keep = {out_dir / rel for rel in pages} | {out_dir / MARKER_FILE}
    keep |= {out_dir / name for name in _ALLOWED_FOREIGN_FILES}
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, unchanged, removed


def write(briefing: Briefing, out_dir: Path, templates: Path) -> WriteReport:
    """Render the briefing and synchronise ``out_dir`` with it."""
    pages = render(briefing, templates)
    written, unchanged, removed = sync(pages, out_dir)
    counts = Counter(
        rel.split("/")[0] if "/" in rel else "other" for rel in pages if rel.endswith(".md")
    )
    return WriteReport(written, unchanged, removed, dict(sorted(counts.items())))
