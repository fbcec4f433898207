"""The user's curation file, ``aliases.yml``: corrections applied after the rules.

Every key is optional::

    merge:            # these names are one entity; the first is its name
      - [Hayat Tahrir al-Sham, HTS, Hayat Tahrir]
    split:            # never merge these names into another entity
      - Assad
    rename:           # display name of the entity found under a name
      Bashar Assad: Bashar al-Assad
    kind:             # actor or place, optionally with a finer kind
      Hama: place
      White Helmets: {group: actor, kind: organisation}
    drop:             # not an entity at all
      - Photo

Names match an entity's name or any name it appears under, ignoring case and accents.
The file is read, never written: it survives every rebuild, and each entity page says
which of its entries shaped the entity.

Its entries apply in three places: ``split`` while mentions are grouped; ``merge`` and
``drop`` after every rule (:func:`curate`); ``kind`` and ``rename`` as entities are
made (:func:`curated_kind`, :func:`curated_name`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import read_yaml
from ..errors import ConfigError
from ..textutil import fold
from .groups import Group, Groups, copied, merge_groups
from .kinds import Kind
from .names import display, name_key

GROUPS = ("actor", "place")
KNOWN_KEYS = ("merge", "split", "rename", "kind", "drop")


@dataclass(frozen=True)
class Curation:
    """Validated contents of ``aliases.yml``; names are stored folded (see :func:`fold`)."""

    merge: tuple[tuple[str, ...], ...] = ()
    """Groups of names that are one entity; the first name, as written, is its name."""
    split: frozenset[str] = frozenset()
    """Folded names that no rule may merge into another entity."""
    rename: dict[str, str] = field(default_factory=dict)
    """Folded name → display name."""
    kinds: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Folded name → (actor or place, finer kind or None)."""
    drop: frozenset[str] = frozenset()
    """Folded names that are not entities."""
    source: str = "aliases.yml"
    """The file it came from, for provenance lines."""


def _names(value: Any, where: str, problems: list[str]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where} must be a name or a list of names")
        return []
    return [v.strip() for v in value]


def _kind(value: Any, name: str, problems: list[str]) -> tuple[str, str | None] | None:
    if isinstance(value, str):
        value = {"group": value}
    if (
        not isinstance(value, dict)
        or value.get("group") not in GROUPS
        or set(value) - {"group", "kind"}
    ):
        problems.append(
            f"kind of {name!r} must be actor or place, or {{group: actor|place, kind: ...}}"
        )
        return None
    kind = value.get("kind")
    if kind is not None and not isinstance(kind, str):
        problems.append(f"kind of {name!r}: kind must be a word")
        return None
    return value["group"], kind


def _mapping(raw: dict, key: str, problems: list[str]) -> dict:
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        problems.append(f"{key} must map names to values")
        return {}
    return value


def parse_curation(raw: Any, source: str) -> Curation:
    """Validate the parsed YAML; every problem is reported at once."""
    if raw is None:
        return Curation(source=source)
    if not isinstance(raw, dict):
        raise ConfigError("must be a mapping with merge, split, rename, kind or drop", source)
    problems = [
        f"unknown key {k!r} (expected {', '.join(KNOWN_KEYS)})" for k in raw if k not in KNOWN_KEYS
    ]
    merges: list[tuple[str, ...]] = []
    merge_raw = raw.get("merge") or []
    if not isinstance(merge_raw, list):
        problems.append("merge must be a list of lists of names")
        merge_raw = []
    for n, entry in enumerate(merge_raw, start=1):
        names = _names(entry, f"merge entry {n}", problems)
        if len(names) == 1:
            problems.append(f"merge entry {n} needs two names or more")
        elif names:
            merges.append(tuple(names))
    rename: dict[str, str] = {}
    for old, new in _mapping(raw, "rename", problems).items():
        if isinstance(new, str) and new.strip():
            rename[fold(str(old))] = new.strip()
        else:
            problems.append(f"rename of {old!r} must be a name")
    kinds: dict[str, tuple[str, str | None]] = {}
    for name, value in _mapping(raw, "kind", problems).items():
        if (parsed := _kind(value, str(name), problems)) is not None:
            kinds[fold(str(name))] = parsed
    split = frozenset(fold(n) for n in _names(raw.get("split") or [], "split", problems))
    drop = frozenset(fold(n) for n in _names(raw.get("drop") or [], "drop", problems))
    if problems:
        raise ConfigError("; ".join(problems), source)
    return Curation(tuple(merges), split, rename, kinds, drop, source)


def load_curation(path: Path) -> Curation:
    """Read ``aliases.yml``; a missing file means no curation, anything else there
    that is not a file (a folder, a FIFO) is an error."""
    if not path.exists() and not path.is_symlink():
        return Curation(source=path.name)
    if not path.is_file() or path.is_symlink():
        raise ConfigError("is not a file: aliases.yml must be a YAML file", path)
    return parse_curation(read_yaml(path), str(path))


def names_of(group: Group) -> set[str]:
    """Folded names a group answers to in aliases.yml: its key and every surface form."""
    return (
        {group.key}
        | {fold(display(m.text)) for m in group.mentions}
        | {fold(m.text) for m in group.mentions}
    )


def _matches(group: Group, name: str) -> bool:
    return fold(name) in names_of(group) or name_key(name) == group.key


def _entry(group: Group, table: Mapping[str, Any]) -> Any:
    """The value of the aliases.yml entry of ``table`` that names this group, or None."""
    names = names_of(group)
    return next((table[n] for n in sorted(table) if n in names), None)


def curate(groups: Groups, curation: Curation) -> dict[str, Group]:
    """The user's merges and drops, applied after every rule."""
    groups = copied(groups)
    for names in curation.merge:
        found = [k for k in sorted(groups) if any(_matches(groups[k], n) for n in names)]
        if len(found) > 1:
            rule = f"merged by {Path(curation.source).name}: {', '.join(names)}"
            groups[merge_groups(groups, found, rule)].rules.add(rule)
    return {key: group for key, group in groups.items() if not names_of(group) & curation.drop}


def unmatched(groups: Groups, curation: Curation) -> tuple[str, ...]:
    """The entries naming no entity (a misspelling, a name the corpus lost), one
    line each, so that a curation that does nothing says so; names other than
    merge's are given folded, as they are kept."""
    known = set().union(*(names_of(group) for group in groups.values()))
    keys = {group.key for group in groups.values()}
    found = [
        f"merge: {name!r}"
        for names in curation.merge
        for name in names
        if fold(name) not in known and name_key(name) not in keys
    ]
    tables = {"split": curation.split, "rename": curation.rename}
    tables |= {"kind": curation.kinds, "drop": curation.drop}
    found += [
        f"{section}: {name!r}"
        for section, names in tables.items()
        for name in sorted(names)
        if name not in known
    ]
    return tuple(found)


def curated_kind(group: Group, curation: Curation) -> Kind | None:
    """The kind aliases.yml sets for the group, with why; None when it sets none."""
    found = _entry(group, curation.kinds)
    if found is None:
        return None
    group_name, fine_kind = found
    is_actor = group_name == "actor"
    kind = fine_kind or ("organisation" if is_actor else "place")
    source = Path(curation.source).name
    return Kind(
        is_actor, kind, f"kind set by {source}: {group_name}{', ' + fine_kind if fine_kind else ''}"
    )


def curated_name(group: Group, curation: Curation) -> tuple[str, str | None] | None:
    """(name, why) when aliases.yml renames the group or merges it under a first name."""
    renamed = _entry(group, curation.rename)
    if renamed is not None:
        return str(renamed), f"renamed by {Path(curation.source).name}"
    merged = next((names[0] for names in curation.merge if _matches(group, names[0])), None)
    return (merged, None) if merged else None
