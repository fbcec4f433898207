"""The JSON Schema (draft 2020-12) of ``briefing.json``, written beside it.

It is the export's contract: every record :mod:`.export` writes, each key with its
type, all keys required (a value not known is ``null`` or empty, never missing) and no
other key allowed. The README's "Export" section says what each key means.
"""

from __future__ import annotations

from typing import Any

from .export import EXPORT_VERSION

Schema = dict[str, Any]

STRING: Schema = {"type": "string"}
TEXT_OR_NULL: Schema = {"type": ["string", "null"]}
INTEGER: Schema = {"type": "integer"}
INT_OR_NULL: Schema = {"type": ["integer", "null"]}
BOOLEAN: Schema = {"type": "boolean"}
NUMBER_OR_NULL: Schema = {"type": ["number", "null"]}
DAY: Schema = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DAY_OR_NULL: Schema = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def record(**properties: Schema) -> Schema:
    """An object with exactly these keys."""
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


STRINGS = array(STRING)
CITATION = record(article=STRING, paragraph=INTEGER)
FIGURE = record(value=STRING, low=INT_OR_NULL, high=INT_OR_NULL, topic=STRING)
ROLE = record(id=STRING, role={"enum": ["agent", "target", "place", "present"]})
ENTITY = {
    "id": STRING,
    "name": STRING,
    "kind": STRING,
    "aliases": STRINGS,
    "articles": STRINGS,
    "mentions": INTEGER,
    "rules": STRINGS,
}

ARTICLE = record(
    id=STRING, file=STRING, outlet=TEXT_OR_NULL, title=STRING, byline=TEXT_OR_NULL,
    published=DAY_OR_NULL, published_inferred=BOOLEAN, standfirst=TEXT_OR_NULL,
    wire=TEXT_OR_NULL, shares_copy_with=STRINGS, family=TEXT_OR_NULL,
    published_evidence=TEXT_OR_NULL, dateline=TEXT_OR_NULL, url=TEXT_OR_NULL,
    near_duplicate_of=TEXT_OR_NULL, text=STRING,
    paragraphs=array(record(n=INTEGER, kind=STRING, text=STRING)),
)  # fmt: skip
ACTOR = record(**ENTITY, roles=STRINGS, described=BOOLEAN, country=TEXT_OR_NULL, led_by=STRINGS)
PLACE = record(
    **ENTITY, lat=NUMBER_OR_NULL, lon=NUMBER_OR_NULL, parent=TEXT_OR_NULL,
    located_as=TEXT_OR_NULL, acts_as_state=array(CITATION),
)  # fmt: skip
EVENT = record(
    id=STRING, date=DAY, date_evidence=TEXT_OR_NULL, type=STRING, type_label=STRING,
    predicate=STRING, summary=STRING, claimed=BOOLEAN, claim_evidence=TEXT_OR_NULL,
    claimed_by=TEXT_OR_NULL, claimed_by_party={"type": ["boolean", "null"]},
    actors=array(record(id=STRING, role=STRING)), places=STRINGS, roles=array(ROLE),
    figures=array(FIGURE), new=BOOLEAN, articles=STRINGS, citations=array(CITATION),
    sentences=STRINGS, corroboration=INTEGER,
)  # fmt: skip
DAY_RECORD = record(
    date=DAY, salience={"type": "number"}, key=BOOLEAN, events=STRINGS, new_events=STRINGS,
    figures=array(
        {**FIGURE, "properties": {**FIGURE["properties"], "sentence": STRING, "articles": STRINGS},
         "required": sorted([*FIGURE["required"], "sentence", "articles"])}
    ),
    summary=array(record(text=STRING, articles=STRINGS)),
)  # fmt: skip
QUOTE = record(
    id=STRING, text=STRING, kind={"enum": ["direct", "fragment", "indirect"]},
    speaker=TEXT_OR_NULL, speaker_text=TEXT_OR_NULL, cue=TEXT_OR_NULL, article=STRING,
    paragraph=INTEGER, date=DAY_OR_NULL, date_evidence=TEXT_OR_NULL,
    speaker_found=TEXT_OR_NULL,
)  # fmt: skip
CLAIM = record(
    id=STRING, topic=STRING, label=STRING, value=STRING, low=INT_OR_NULL, high=INT_OR_NULL,
    within=TEXT_OR_NULL, running=BOOLEAN, date=DAY_OR_NULL, date_evidence=TEXT_OR_NULL,
    source=TEXT_OR_NULL, source_text=TEXT_OR_NULL, reported_by=TEXT_OR_NULL, party=BOOLEAN,
    claim_cue=TEXT_OR_NULL, sentence=STRING, sources=INTEGER, articles=STRINGS,
    citations=array(CITATION),
)  # fmt: skip

EXPORT_SCHEMA: Schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "briefing.schema.json",
    "title": "briefing.json",
    "description": "A briefing: articles, entities, events, days, quotes and figures.",
    **record(
        version={"const": EXPORT_VERSION},
        title=STRING,
        articles=array(ARTICLE),
        skipped=array(record(file=STRING, reason=STRING)),
        proposals=array(record(first=STRING, second=STRING, score={"type": "number"})),
        actors=array(ACTOR),
        places=array(PLACE),
        events=array(EVENT),
        days=array(DAY_RECORD),
        quotes=array(QUOTE),
        claims=array(CLAIM),
    ),
}
"""The schema of the whole export."""
