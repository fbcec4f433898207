"""Command line: ``briefing build``, ``briefing serve``, ``briefing deploy``.

Errors reach the user as one line naming the file and the problem, with a non-zero
exit status; set ``BRIEFING_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .config import SCHEMA, Config, load_config, resolve_path, validate_override
from .errors import BriefingError, SiteBuildError
from .pipeline import BuildResult, build, generate, mkdocs_config
from .pipeline import Progress as BuildProgress
from .project import scaffold
from .textutil import printable

_console = Console(stderr=True)


def _load(
    config_file: Path | None,
    seeds: Path | None,
    strict: bool | None = None,
    site_url: str | None = None,
    **overrides: object,
) -> Config:
    """briefing.yml, with the command line's options checked as its keys are."""
    config = load_config(config_file)
    for key, value in {"site_url": site_url, **overrides}.items():
        if value is not None:
            config = validate_override(config, key, value)
    return config.with_overrides(seeds=seeds.resolve() if seeds else None, strict=strict or None)


class _RichProgress:
    """Shows stages and a bar over the articles while extracting."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Progress | None = None
        self.task = None

    def __enter__(self) -> BuildProgress:
        if self.quiet:
            return BuildProgress()
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=_console,
            transient=True,
        )
        self.bar.start()
        return BuildProgress(
            stage=self._stage, start_articles=self._start, article_done=self._advance
        )

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def _stage(self, name: str) -> None:
        assert self.bar is not None
        self.bar.console.print(f"[dim]• {name}[/dim]", highlight=False)

    def _start(self, total: int) -> None:
        assert self.bar is not None
        self.task = self.bar.add_task("Articles", total=total)

    def _advance(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)


def _summary(result: BuildResult) -> str:
    counts = result.counts
    where = f" → {result.site_dir}" if result.site_dir else ""
    return printable(
        f"{len(result.corpus.articles)} articles, {len(result.corpus.skipped)} skipped, "
        f"{counts['actors']} actors, {counts['places']} places, {counts['days']} days, "
        f"{counts['quotes']} quotes; "
        f"{result.report.written} pages written, {result.report.unchanged} unchanged, "
        f"{result.report.removed} removed{where} ({sum(result.timings.values()):.1f}s)"
    )


def _report_skipped(result: BuildResult) -> None:
    for note in result.notes:
        _console.print(printable(f"warning: {note}"), style="yellow", highlight=False, markup=False)
    for skipped in result.corpus.skipped:
        _console.print(
            printable(f"skipped {skipped.file}: {skipped.reason}"),
            style="yellow",
            highlight=False,
            markup=False,
        )


_seeds_option = click.option(
    "--seeds",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of input articles (default: seeds/, or 'seeds' in briefing.yml).",
)
_config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file (default: briefing.yml in the current folder, if present).",
)
_quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="Print only errors and the summary."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Turn a folder of news articles about one story into a cited briefing site.

    Each command reads briefing.yml in the current folder when present.
    """


@cli.command("build")
@_seeds_option
@_config_option
@click.option(
    "--strict",
    is_flag=True,
    default=None,
    help="Fail when any input file is skipped or an aliases.yml entry names no entity.",
)
@click.option("--no-site", is_flag=True, help="Write the Markdown (site_src/) only; skip MkDocs.")
@click.option("--site-url", default=None, help="Address the site is published at (site_url).")
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Processes that parse articles at once (workers); 0 for one per core.",
)
@click.option(
    "--scheduler",
    default=None,
    help="Parse on a Dask cluster (scheduler): local, or an address such as tcp://host:8786.",
)
@_quiet_option
def build_command(
    seeds: Path | None,
    config_file: Path | None,
    strict: bool | None,
    no_site: bool,
    site_url: str | None,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Build the briefing: articles → site_src/ Markdown → site/ HTML.

    Reads every .txt, .html/.htm and .md file under the seeds folder, extracts actors,
    places, dates and quotes, writes one page per actor, place, day and article with
    citations, the export site_src/data/briefing.json, and runs mkdocs build --strict.
    """
    config = _load(config_file, seeds, strict, site_url, workers=workers, scheduler=scheduler)
    with _RichProgress(quiet) as progress:
        result = build(config, progress=progress, run_mkdocs=not no_site, keep_briefing=False)
    _report_skipped(result)
    click.echo(_summary(result))


def _seeds_signature(seeds: Path) -> tuple:
    if not seeds.is_dir():
        return ()
    return tuple(
        sorted(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for p in seeds.rglob("*")
            if p.is_file()
        )
    )


def _inputs_signature(config: Config) -> tuple:
    """What a rebuild depends on besides the code: the seeds and aliases.yml."""
    aliases = resolve_path(config, config.aliases)
    stamp = (aliases.stat().st_mtime_ns, aliases.stat().st_size) if aliases.is_file() else None
    return (_seeds_signature(resolve_path(config, config.seeds)), stamp)


def _watch_seeds(config: Config, stop: threading.Event, interval: float = 1.0) -> None:
    """Regenerate site_src/ whenever the seeds or aliases.yml change; MkDocs then
    reloads the browser."""
    last = _inputs_signature(config)
    while not stop.wait(interval):
        current = _inputs_signature(config)
        if current == last:
            continue
        last = current
        try:
            result = generate(config, mode="in_place")
            _console.print(f"seeds changed: {_summary(result)}", highlight=False, markup=False)
        except BriefingError as exc:
            _console.print(printable(f"error: {exc}"), style="red", highlight=False, markup=False)
        except Exception as exc:  # the watcher must outlive one bad rebuild
            _console.print(
                printable(f"error: unexpected {type(exc).__name__}: {exc}"),
                style="red",
                highlight=False,
                markup=False,
            )


@cli.command("serve")
@_seeds_option
@_config_option
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@_quiet_option
def serve_command(seeds: Path | None, config_file: Path | None, dev_addr: str, quiet: bool) -> None:
    """Build, then serve the site locally with live reload.

    Adding or editing a file in the seeds folder rebuilds the briefing and reloads
    the browser.
    """
    from mkdocs.commands.serve import serve

    config = _load(config_file, seeds)
    with _RichProgress(quiet) as progress:
        result = generate(config, progress=progress)
    click.echo(_summary(result))
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_seeds, args=(config, stop), daemon=True)
    watcher.start()
    mk = mkdocs_config(config)
    try:
        serve(
            config_file=str(mk.config_file_path),
            dev_addr=dev_addr,
            docs_dir=mk["docs_dir"],
            site_name=mk["site_name"],
            strict=False,
        )
    finally:
        stop.set()


@cli.command("deploy")
@_seeds_option
@_config_option
@click.option("--message", "-m", default=None, help="Commit message for the gh-pages branch.")
@click.option("--remote", default="origin", show_default=True, help="Git remote to push to.")
@_quiet_option
def deploy_command(
    seeds: Path | None, config_file: Path | None, message: str | None, remote: str, quiet: bool
) -> None:
    """Build, then publish the site to GitHub Pages (mkdocs gh-deploy).

    Run it inside the git repository whose gh-pages branch should carry the site.
    """
    from mkdocs.commands.gh_deploy import gh_deploy
    from mkdocs.exceptions import MkDocsException

    config = _load(config_file, seeds)
    with _RichProgress(quiet) as progress:
        result = build(config, progress=progress, keep_briefing=False)
    click.echo(_summary(result))
    mk = mkdocs_config(config, remote_name=remote)
    try:
        gh_deploy(mk, message=message)
    except MkDocsException as exc:
        raise SiteBuildError(f"deploy failed: {exc}".replace("\n", " ")) from exc


@cli.command("new")
@click.argument("folder", type=click.Path(path_type=Path))
def new_command(folder: Path) -> None:
    """Make a briefing project in FOLDER: seeds/ for the articles, a commented
    briefing.yml, an example aliases.yml, mkdocs.yml, the page templates' folder left
    to the package, and a GitHub Actions workflow that publishes the site to Pages."""
    made = scaffold(folder)
    for path in made:
        click.echo(f"created {path}")
    click.echo(f"Put your articles in {folder / 'seeds'} and run `briefing build` in {folder}.")


@cli.command("config")
def config_command() -> None:
    """List the keys briefing.yml accepts, with their defaults."""
    for option in SCHEMA:
        choices = f" (one of {', '.join(option.choices)})" if option.choices else ""
        click.echo(f"{option.name}: {option.default!r}{choices}\n    {option.help}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning errors into one line and an exit status."""
    try:
        cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BriefingError as exc:
        click.echo(printable(f"error: {exc}"), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        click.echo(
            printable(
                f"error: unexpected {type(exc).__name__}: {exc} "
                "(set BRIEFING_DEBUG=1 for the traceback)"
            ),
            err=True,
        )
        sys.exit(2)
