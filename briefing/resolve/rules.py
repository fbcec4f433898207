"""Rules files of the resolve stage (``events.yml``, ``figures.yml``), read and validated.

1. **read**: the file is YAML, a mapping of entry keys (an event type, a figure topic)
   to mappings of fields;
2. **validate**: each field is one the file's schema names, of its kind: text, a list
   of words, or yes/no. A malformed file raises :class:`~briefing.errors.LexiconError`
   naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..config import read_yaml
from ..errors import LexiconError

WORDS = "a list of words"
TEXT = "text"
FLAG = "true or false"


def _valid(value: object, kind: str) -> bool:
    if kind == WORDS:
        return isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)
    if kind == TEXT:
        return isinstance(value, str) and bool(value.strip())
    return isinstance(value, bool)


def _entry(key: object, spec: object, schema: Mapping[str, str], path: Path) -> dict[str, object]:
    if not isinstance(key, str) or not key:
        raise LexiconError(f"entry {key!r}: keys must be names", path)
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise LexiconError(f"{key}: must be a mapping of fields ({', '.join(schema)})", path)
    for field, value in spec.items():
        kind = schema.get(field)
        if kind is None:
            raise LexiconError(f"{key}.{field}: unknown field (one of {', '.join(schema)})", path)
        # an empty field ("before:") is the same as none
        if value is not None and not _valid(value, kind):
            hint = " (quote words YAML reads as yes/no)" if kind == WORDS else ""
            raise LexiconError(f"{key}.{field} must be {kind}{hint}", path)
    return {field: value for field, value in spec.items() if value is not None}


def load_rules(path: Path, schema: Mapping[str, str]) -> dict[str, dict[str, object]]:
    """The entries of the rules file ``path`` in file order, each a mapping of its
    fields, validated against ``schema`` (field → :data:`WORDS`, :data:`TEXT` or
    :data:`FLAG`)."""
    raw = read_yaml(path, LexiconError)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise LexiconError("must be a mapping of entries to their fields", path)
    return {key: _entry(key, spec, schema, path) for key, spec in raw.items()}
