"""The shape of the package: stages meet only in records and the shared core.

Each stage (``ingest``, ``extract``, ``resolve``, ``write``) is a sub-package that may
import the core and its own modules, never another stage's; only ``extract`` loads
spaCy, so the resolve and write stages import without it. Functions and modules stay
small enough to read.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
STAGES = ("ingest", "extract", "resolve", "write")
CORE = (
    "records",
    "story",
    "config",
    "errors",
    "textutil",
    "dates",
    "quoting",
    "lexicon",
    "atomic",
    "cachefiles",
)
ORCHESTRATION = ("__init__", "__main__", "cli", "pipeline", "project", "rebuild", "siteplugin")
"""Modules that call the stages in order, build the site from what they wrote (and
`briefing new`, which copies the packaged mkdocs.yml); they may import every stage."""
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of the briefing modules ``path`` imports."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "briefing" or name.startswith("briefing.")}


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_walk_sees_every_stage_and_its_imports() -> None:
    seen = {_stage_of(_module_name(p)) for p in _modules()}
    assert set(STAGES) <= seen
    assert "briefing.records" in _imports(PACKAGE / "resolve" / "__init__.py")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_another_stage(path: Path) -> None:
    own = _stage_of(_module_name(path))
    if own is None and path.stem in ORCHESTRATION:
        return
    foreign = {name for name in _imports(path) if _stage_of(name) not in (None, own)}
    assert not foreign, f"{path.relative_to(PACKAGE)} imports {sorted(foreign)}"


def test_every_top_level_module_is_core_or_orchestration() -> None:
    top = {path.stem for path in PACKAGE.glob("*.py")}
    assert top == set(CORE) | set(ORCHESTRATION)


@pytest.mark.parametrize("stage", ["resolve", "write"])
def test_stage_imports_without_spacy(stage: str) -> None:
    code = f"import sys, briefing.{stage}; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_spacy_check_can_fail() -> None:
    code = "import sys, briefing.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def _long_functions() -> list[str]:
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.name} ({length} lines)")
    return long


def test_functions_are_short() -> None:
    assert _long_functions() == []


def test_modules_are_short() -> None:
    long = [
        f"{path.relative_to(PACKAGE)} ({n} lines)"
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []
