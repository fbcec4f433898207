"""Every command has help and is documented; errors are one line with no traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli, main

from .conftest import ROOT

COMMANDS = sorted(cli.commands)


def test_there_are_the_documented_commands() -> None:
    assert {"build", "serve", "deploy", "config"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert cli.commands[command].help and len(result.output.splitlines()) > 3


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`briefing {command}\b", readme), command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for param in cli.commands[command].params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert option in readme, f"briefing {command} {option}"


def test_every_config_key_is_in_the_readme() -> None:
    from briefing.config import SCHEMA

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in SCHEMA:
        assert f"`{option.name}`" in readme, option.name


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = _run(["--help"], tmp_path)
    assert result.returncode == 0 and "build" in result.stdout


@pytest.mark.parametrize(
    ("setup", "args", "expected"),
    [
        (lambda p: None, ["build", "--seeds", "missing"], "missing: seeds folder not found"),
        (
            lambda p: None,
            ["build", "--config", "nope.yml"],
            "nope.yml: configuration file not found",
        ),
        (
            lambda p: (p / "briefing.yml").write_text("date_order: YMD\ncolour: red\n"),
            ["build"],
            "briefing.yml: unknown key 'colour'; date_order must be one of DMY, MDY",
        ),
        (
            lambda p: (
                (p / "seeds").mkdir(),
                (p / "seeds" / "a.txt").write_text(""),
                (p / "seeds" / "b.txt").write_text(
                    "Floods hit the town of Marlow on Monday, officials said."
                ),
            ),
            ["build", "--strict"],
            "a.txt: 1 file(s) skipped in strict mode; first: empty file",
        ),
    ],
)
def test_errors_are_one_clear_line(tmp_path: Path, setup, args, expected: str) -> None:
    setup(tmp_path)
    result = _run(args, tmp_path)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("error: ") and expected in lines[-1], result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_model_is_named(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        "Floods hit the town of Marlow on Monday, officials said."
    )
    (tmp_path / "briefing.yml").write_text("model: no_such_model_xyz\n")
    result = _run(["build", "--no-site"], tmp_path)
    assert result.returncode == 1
    assert "no_such_model_xyz (not installed)" in result.stderr
    assert "Traceback" not in result.stderr


def test_main_exits_non_zero_on_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build", "--no-such-flag"])
    assert info.value.code == 2


def test_file_names_are_not_read_as_terminal_markup(tmp_path: Path) -> None:
    (tmp_path / "seeds" / "[").mkdir(parents=True)
    (tmp_path / "seeds" / "[" / "x].bin").write_bytes(b"\x00\x01")
    (tmp_path / "seeds" / "a.txt").write_text(
        "Floods hit the town of Marlow on Monday, officials said."
    )
    result = _run(["build", "--no-site", "--quiet"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped [/x].bin: unsupported file type .bin" in result.stderr
