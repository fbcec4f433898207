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

from . import atomic, rebuild, siteplugin
from .config import Config, resolve_path
from .errors import OutputError, SiteBuildError, StrictModeError
from .extract import extract
from .extract.cache import invalid_entries
from .extract.nlp import load_language, model_signature
from .extract.parallel import default_workers
from .ingest import ingest
from .records import Briefing, Corpus
from .resolve import resolve
from .resolve.curation import load_curation
from .resolve.gazetteer import CachedGazetteer, NoGazetteer, default_gazetteer, gazetteer_version
from .write import OUTSIDE_NAV, Tiles, WriteReport, check_ownership, write

_BUNDLED_DIR = Path(__file__).resolve().parent / "bundled"
"""The templates and mkdocs.yml an installed wheel carries (see setup.py)."""
_PROJECT_DIR = Path(__file__).resolve().parent.parent
"""The repository of a source checkout (an editable install), which holds them too."""


@dataclass(frozen=True)
class BuildResult:
    """What one build produced."""

    corpus: Corpus
    """Articles read and files skipped."""
    briefing: Briefing | None
    """The resolved briefing that was written; None when :func:`build` let go of it
    before MkDocs (``keep_briefing=False``), as the command line does: for a large
    archive it is most of the memory the build holds."""
    report: WriteReport
    """Files written, unchanged and removed."""
    site_dir: Path | None
    """The built HTML site, or None when MkDocs was not run."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage."""
    notes: tuple[str, ...] = ()
    """Things the user should know that did not stop the build, one line each."""
    counts: dict[str, int] = field(default_factory=dict)
    """The briefing's actors, places, days and quotes, by those names."""


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


def _check_skipped(config: Config, corpus: Corpus) -> Corpus:
    """In strict mode, a skipped file is an error."""
    if config.strict and corpus.skipped:
        first = corpus.skipped[0]
        raise StrictModeError(
            f"{len(corpus.skipped)} file(s) skipped in strict mode; first: {first.reason}",
            first.file,
        )
    return corpus


def _check_curation(config: Config, briefing: Briefing) -> tuple[str, ...]:
    """A warning per aliases.yml entry that named no entity; in strict mode, an error."""
    unmatched = briefing.unmatched_curation
    if not unmatched:
        return ()
    aliases = resolve_path(config, config.aliases)
    if config.strict:
        raise StrictModeError(
            f"{len(unmatched)} entries name no entity in strict mode; first: {unmatched[0]}",
            aliases,
        )
    return tuple(f"{aliases.name}: {line} names no entity" for line in unmatched)


def _write(config: Config, briefing: Briefing, mode: str) -> WriteReport:
    """The write stage, with the project's templates and its site options."""
    tiles = Tiles(config.map_tiles, config.map_attribution) if config.map_tiles else None
    return write(
        briefing,
        resolve_path(config, config.site_src),
        project_file(config, config.templates),
        tiles,
        config.site_url,
        mode,
    )


def generate(
    config: Config,
    nlp: Language | None = None,
    progress: Progress | None = None,
    mode: str = "swap",
) -> BuildResult:
    """Ingest, extract, resolve and write the Markdown site; no MkDocs. The folder is
    replaced whole; or, by ``mode`` (see :func:`briefing.write.sync.sync`), left staged
    or (a live preview) replaced file by file."""
    progress = progress or Progress()
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    check_outputs(config)  # before anything is read, cached or written

    progress.stage("Reading articles")
    seeds, cache_dir = resolve_path(config, config.seeds), resolve_path(config, config.cache_dir)
    corpus = _check_skipped(config, ingest(seeds, config, cache_dir))
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
        cache_dir=cache_dir,
        on_article=progress.article_done,
        workers=config.workers or default_workers(),
        scheduler=config.scheduler,
        model_names=config.model,
    )
    timings["extract"], clock = time.perf_counter() - clock, time.perf_counter()
    notes = _cache_notes()

    progress.stage("Resolving entities")
    curation = load_curation(resolve_path(config, config.aliases))
    gazetteer = (
        CachedGazetteer(
            cache_dir / "gazetteer.json",
            default_gazetteer,
            gazetteer_version(),
        )
        if config.gazetteer
        else NoGazetteer()
    )
    briefing = resolve(corpus, extractions, config.title, config.date_order, curation, gazetteer)
    if isinstance(gazetteer, CachedGazetteer):
        gazetteer.save()
    notes += _check_curation(config, briefing)
    timings["resolve"], clock = time.perf_counter() - clock, time.perf_counter()

    progress.stage("Writing pages")
    report = _write(config, briefing, mode)
    timings["write"] = time.perf_counter() - clock
    return BuildResult(corpus, briefing, report, None, timings, notes, _counts(briefing))


def _counts(briefing: Briefing) -> dict[str, int]:
    actors = sum(1 for e in briefing.entities if e.group == "actor")
    return {
        "actors": actors,
        "places": len(briefing.entities) - actors,
        "days": len(briefing.days),
        "quotes": len(briefing.quotes),
    }


class _WarningCollector(logging.Handler):
    """Keeps MkDocs warnings so a failed strict build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _site_options(config: Config) -> dict:
    """What the build sets in mkdocs.yml besides the folders."""
    return {
        "site_name": config.title,
        "strict": True,
        **({"site_url": config.site_url} if config.site_url else {}),
    }


def mkdocs_config(config: Config, **overrides):
    """Load mkdocs.yml with the briefing's folders and title; ``overrides`` (another
    ``site_dir``, a git remote) win."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    mkdocs_file = project_file(config, config.mkdocs_config)
    if not mkdocs_file.is_file():
        raise SiteBuildError("MkDocs configuration not found", mkdocs_file)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    options = {
        "docs_dir": str(resolve_path(config, config.site_src).resolve()),
        "site_dir": str(resolve_path(config, config.site_dir).resolve()),
        **_site_options(config),
        **overrides,
    }
    try:
        mk_config = load_config(config_file=str(mkdocs_file), **options)
    except ConfigurationError as exc:
        raise SiteBuildError(str(exc).replace("\n", " "), mkdocs_file) from exc
    _add_outside_nav(mk_config)
    return mk_config


def _add_outside_nav(mk_config) -> None:
    """The pages the write stage keeps out of the navigation, added to the project's
    ``not_in_nav``: a mkdocs.yml made before a page family was would otherwise fail
    the strict build over pages it does not know."""
    from mkdocs.config.config_options import PathSpec

    ours = PathSpec().run_validation("\n".join(OUTSIDE_NAV))
    own = mk_config.get("not_in_nav")
    mk_config["not_in_nav"] = own + ours if own is not None else ours


def _run_mkdocs(mk_config, dirty: bool = False) -> None:
    """``mkdocs build --strict`` (``--dirty``: only pages newer than their HTML); its
    first warning, or the file it could not write, is the one line a failure reports."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    quiet, build_logger = rebuild.QuietDirtyWarning(), logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(quiet)
    try:
        siteplugin.register(mk_config)
        mkdocs_build(mk_config, dirty=dirty)
    except MkDocsException as exc:
        detail = collector.messages[0] if collector.messages else str(exc)
        raise SiteBuildError(f"MkDocs build failed: {detail}".replace("\n", " ")) from exc
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else None
        raise SiteBuildError(f"MkDocs cannot write: {exc.strerror or exc}", where) from exc
    finally:
        build_logger.removeFilter(quiet)
        logger.removeHandler(collector)
        logger.setLevel(previous)


SITE_MARKER = rebuild.MARKER
MKDOCS_SIGNATURE = ("sitemap.xml", "search/search_index.json")
"""Files every site MkDocs built here has: a site made before the marker existed."""


def build_site(config: Config, pages: Path | None = None) -> Path:
    """Build the HTML site into a folder beside ``site_dir``, then swap it in whole:
    until then the previous site stays as it was, even when the build is killed.
    ``pages`` is where the Markdown is when it is not yet in ``site_src``: a staged
    folder, swapped in together with the site. Pages whose Markdown did not change
    are carried over from the previous site (:mod:`briefing.rebuild`)."""
    target = resolve_path(config, config.site_dir).resolve()
    atomic.recover(target)
    staging = atomic.staging_folder(target)
    docs = {"docs_dir": str(pages.resolve())} if pages else {}
    try:
        mk_config = mkdocs_config(config, site_dir=str(staging), **docs)
        settings = rebuild.fingerprint(
            mk_config, project_file(config, config.mkdocs_config), _site_options(config)
        )
        carried = _carry_over(config, mk_config, target, staging, settings)
        _run_mkdocs(mk_config, dirty=carried is not None)
        if carried is not None:
            rebuild.merge_search_index(target, staging, carried)
        atomic.write_file(
            staging / SITE_MARKER, rebuild.marker_text(settings), target / SITE_MARKER
        )
        if pages:
            atomic.swap_in(pages, resolve_path(config, config.site_src))
        atomic.swap_in(staging, target)
    except BaseException:
        atomic.discard(staging)
        raise
    return target


def _carry_over(config: Config, mk_config, target: Path, staging: Path, settings: str):
    """Every page's URL with whether it was carried from the previous site, or None
    for a full build."""
    if not config.incremental or not rebuild.can_carry(mk_config, target, settings):
        return None
    return rebuild.carry_over(mk_config, target, resolve_path(config, config.site_src), staging)


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
    keep_briefing: bool = True,
) -> BuildResult:
    """The whole build: generate the Markdown into a staged folder, build the HTML
    from it, then swap both in; a failure anywhere leaves both previous folders.
    ``keep_briefing=False`` lets go of the resolved briefing before MkDocs runs."""
    if not run_mkdocs:
        return generate(config, nlp=nlp, progress=progress)
    result = generate(config, nlp=nlp, progress=progress, mode="stage")
    if not keep_briefing:
        result = replace(result, briefing=None)
    if progress:
        progress.stage("Building site with MkDocs")
    clock = time.perf_counter()
    try:
        site_dir = build_site(config, result.report.folder)
    except BaseException:
        atomic.discard(result.report.folder)
        raise
    timings = {**result.timings, "mkdocs": time.perf_counter() - clock}
    report = replace(result.report, folder=resolve_path(config, config.site_src))
    return replace(result, report=report, site_dir=site_dir, timings=timings)
