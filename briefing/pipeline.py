"""Run the stages in order: gather and resolve everything first, then write.

``build()`` is ingest → extract → resolve → write, then MkDocs; each stage is one
public function from records to records.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from .config import Config, resolve_path
from .errors import OutputError, SiteBuildError, StrictModeError
from .extract import extract
from .extract.cache import invalid_entries
from .extract.nlp import load_language, model_signature
from .ingest import ingest
from .records import Briefing, Corpus
from .resolve import resolve
from .resolve.curation import load_curation
from .resolve.gazetteer import CachedGazetteer, NoGazetteer, default_gazetteer, gazetteer_version
from .write import Tiles, WriteReport, check_ownership, write

_BUNDLED_DIR = Path(__file__).resolve().parent / "bundled"
"""The templates and mkdocs.yml an installed wheel carries (see setup.py)."""
_PROJECT_DIR = Path(__file__).resolve().parent.parent
"""The repository of a source checkout (an editable install), which holds them too."""


@dataclass(frozen=True)
class BuildResult:
    """What one build produced."""

    corpus: Corpus
    """Articles read and files skipped."""
    briefing: Briefing
    """The resolved briefing that was written."""
    report: WriteReport
    """Files written, unchanged and removed."""
    site_dir: Path | None
    """The built HTML site, or None when MkDocs was not run."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage."""
    notes: tuple[str, ...] = ()
    """Things the user should know that did not stop the build, one line each."""


@dataclass(frozen=True)
class Progress:
    """Callbacks a front end may pass to follow a build."""

    stage: Callable[[str], None] = lambda name: None
    """Called with a stage name as it starts."""
    start_articles: Callable[[int], None] = lambda total: None
    """Called with the number of articles before extraction."""
    article_done: Callable[[], None] = lambda: None
    """Called after each article is extracted (or found in the cache)."""


def packaged_file(path: Path) -> Path | None:
    """The package's own copy of a site source (``mkdocs.yml``, ``docs_templates``):
    the wheel's ``briefing/bundled/``, else a source checkout's; None when neither."""
    for fallback in (_BUNDLED_DIR / path, _PROJECT_DIR / path):
        if fallback.exists():
            return fallback
    return None


def project_file(config: Config, path: Path) -> Path:
    """``path`` under the config root; failing that, the copy the package carries
    (``briefing/bundled/`` of a wheel), then the repository's own (a source checkout).

    So ``briefing build`` runs from any folder holding just ``seeds/``, and a project's
    own ``docs_templates/`` or ``mkdocs.yml`` overrides the packaged ones.
    """
    own = resolve_path(config, path)
    if own.exists() or path.is_absolute():
        return own
    return packaged_file(path) or own


def _cache_notes() -> tuple[str, ...]:
    """One line for the cache entries found invalid (and recomputed) in this build."""
    invalid = invalid_entries()
    if not invalid:
        return ()
    return (f"{len(invalid)} cache entries were not valid and were recomputed ({invalid[0]})",)


def _write(config: Config, briefing: Briefing) -> WriteReport:
    """The write stage, with the project's templates and its site options."""
    tiles = Tiles(config.map_tiles, config.map_attribution) if config.map_tiles else None
    return write(
        briefing,
        resolve_path(config, config.site_src),
        project_file(config, config.templates),
        tiles,
        config.site_url,
    )


def generate(
    config: Config, nlp: Language | None = None, progress: Progress | None = None
) -> BuildResult:
    """Ingest, extract, resolve and write the Markdown site; no MkDocs."""
    progress = progress or Progress()
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    check_outputs(config)  # before anything is read, cached or written

    progress.stage("Reading articles")
    corpus = ingest(resolve_path(config, config.seeds), config)
    if config.strict and corpus.skipped:
        first = corpus.skipped[0]
        raise StrictModeError(
            f"{len(corpus.skipped)} file(s) skipped in strict mode; first: {first.reason}",
            first.file,
        )
    timings["ingest"], clock = time.perf_counter() - clock, time.perf_counter()

    progress.stage("Loading language model")
    nlp = nlp if nlp is not None else load_language(config.model)
    timings["model"], clock = time.perf_counter() - clock, time.perf_counter()

    progress.stage("Extracting")
    progress.start_articles(len(corpus.articles))
    extractions = extract(
        corpus.articles,
        nlp,
        model_signature(nlp),
        cache_dir=resolve_path(config, config.cache_dir),
        on_article=progress.article_done,
    )
    timings["extract"], clock = time.perf_counter() - clock, time.perf_counter()
    notes = _cache_notes()

    progress.stage("Resolving entities")
    curation = load_curation(resolve_path(config, config.aliases))
    gazetteer = (
        CachedGazetteer(
            resolve_path(config, config.cache_dir) / "gazetteer.json",
            default_gazetteer,
            gazetteer_version(),
        )
        if config.gazetteer
        else NoGazetteer()
    )
    briefing = resolve(corpus, extractions, config.title, config.date_order, curation, gazetteer)
    if isinstance(gazetteer, CachedGazetteer):
        gazetteer.save()
    timings["resolve"], clock = time.perf_counter() - clock, time.perf_counter()

    progress.stage("Writing pages")
    report = _write(config, briefing)
    timings["write"] = time.perf_counter() - clock
    return BuildResult(corpus, briefing, report, None, timings, notes)


class _WarningCollector(logging.Handler):
    """Keeps MkDocs warnings so a failed strict build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_config(config: Config, **overrides):
    """Load mkdocs.yml with the briefing's folders and title."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    mkdocs_file = project_file(config, config.mkdocs_config)
    if not mkdocs_file.is_file():
        raise SiteBuildError("MkDocs configuration not found", mkdocs_file)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        return load_config(
            config_file=str(mkdocs_file),
            docs_dir=str(resolve_path(config, config.site_src).resolve()),
            site_dir=str(resolve_path(config, config.site_dir).resolve()),
            site_name=config.title,
            strict=True,
            **({"site_url": config.site_url} if config.site_url else {}),
            **overrides,
        )
    except ConfigurationError as exc:
        raise SiteBuildError(str(exc).replace("\n", " "), mkdocs_file) from exc


def build_site(config: Config) -> Path:
    """Run ``mkdocs build --strict`` over the generated Markdown."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    mk_config = mkdocs_config(config)
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    try:
        mkdocs_build(mk_config)
    except MkDocsException as exc:
        detail = collector.messages[0] if collector.messages else str(exc)
        raise SiteBuildError(f"MkDocs build failed: {detail}".replace("\n", " ")) from exc
    finally:
        logger.removeHandler(collector)
        logger.setLevel(previous)
    return Path(mk_config["site_dir"])


SITE_MARKER = ".briefing-site"
"""Marks the HTML folder as one a build made, so the next build may replace it
(MkDocs empties its site_dir; hidden files like this one it keeps)."""
MKDOCS_SIGNATURE = ("sitemap.xml", "search/search_index.json")
"""Files every site MkDocs built here has: a site made before the marker existed."""


def check_outputs(config: Config) -> None:
    """Refuse, before touching anything, to build into an output folder that holds
    files a build did not write: MkDocs would empty ``site_dir``, and the write stage
    would delete stale pages from ``site_src``."""
    check_ownership(resolve_path(config, config.site_src))
    site = resolve_path(config, config.site_dir)
    if not site.is_dir() or not any(site.iterdir()) or (site / SITE_MARKER).exists():
        return
    if all((site / name).is_file() for name in MKDOCS_SIGNATURE):
        return
    raise OutputError(
        "site_dir is not empty and was not built by briefing, which would empty it; "
        "choose another site_dir or empty it",
        site,
    )


def build(
    config: Config,
    nlp: Language | None = None,
    progress: Progress | None = None,
    run_mkdocs: bool = True,
) -> BuildResult:
    """The whole build: generate the Markdown, then the HTML site."""
    result = generate(config, nlp=nlp, progress=progress)
    if not run_mkdocs:
        return result
    if progress:
        progress.stage("Building site with MkDocs")
    clock = time.perf_counter()
    site_dir = build_site(config)
    (site_dir / SITE_MARKER).write_text("Built by briefing; the next build replaces it.\n")
    timings = {**result.timings, "mkdocs": time.perf_counter() - clock}
    return replace(result, site_dir=site_dir, timings=timings)
