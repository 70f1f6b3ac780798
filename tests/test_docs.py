"""Documentation is part of the feature: generated blocks are current, every command is documented."""

from __future__ import annotations

from pathlib import Path

from kipmonev._docgen import format_reference
from kipmonev.cli import _readme, cli
from kipmonev.resources import questionnaires_dir

ROOT = Path(__file__).resolve().parents[1]


def test_questionnaire_format_reference_is_current() -> None:
    text = (questionnaires_dir() / "README.md").read_text(encoding="utf-8")
    assert format_reference() in text, "run `make docs`"


def test_readme_cli_reference_is_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _readme.cli_reference() in text, "run `make docs`"


def test_every_command_is_in_the_readme_with_help_text() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in _readme._commands(cli):
        assert f"### `kipmonev {' '.join(path)}`" in text
        assert _readme.help_text(path).split("\n\n")[1].strip(), f"{path} has no help text"


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make setup test" in ci
    assert "apt-get update && apt-get install -y make && make setup test" in readme
    assert "apt-get update && apt-get install -y make && make setup examples" in readme
