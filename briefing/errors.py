"""The one exception tree of briefing.

Every error a user can cause (a bad config, a missing folder, a model that is not
installed, a strict build with skipped files) is a :class:`BriefingError`. The CLI
prints it as a single line, naming the file where there is one, and exits non-zero.
"""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """Base class: a problem the user can fix, reported as one line."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ConfigError(BriefingError):
    """The configuration file is unreadable or does not fit the schema."""


class InputError(BriefingError):
    """The seeds folder (or a file in it) cannot be used."""


class ModelError(BriefingError):
    """No spaCy model could be loaded."""


class OutputError(BriefingError):
    """The output folders cannot be written safely."""


class ClusterError(BriefingError):
    """The Dask scheduler cannot be reached, or its workers run another model."""


class SiteBuildError(BriefingError):
    """MkDocs failed to build or publish the site."""


class StrictModeError(BriefingError):
    """A strict build met files it had to skip."""


class LexiconError(BriefingError):
    """A lexicon or rules file (word lists, events.yml, figures.yml) is malformed."""
