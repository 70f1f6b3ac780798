"""CLI conventions a person notices (issue 20): bare commands print help, Indonesian command aliases."""

from __future__ import annotations

import pytest
from cli_runner import run

from kipmonev.cli import ALIASES


@pytest.mark.parametrize("group", [(), ("round",), ("questionnaire",)])
def test_a_bare_group_prints_its_help_and_exits_0(group: tuple[str, ...]) -> None:
    shown = run(*group, "--help")
    assert shown[0] == 0
    assert run(*group) == shown


@pytest.mark.parametrize(
    ("alias", "command"),
    [("periksa", "check"), ("nilai", "score"), ("templat", "template"), ("laporan", "report")],
)
def test_an_indonesian_alias_runs_the_command(alias: str, command: str) -> None:
    assert ALIASES[alias] == command
    assert run(alias, "-h") == run(command, "-h")


def test_the_help_shows_the_aliases() -> None:
    _, out, _ = run("--help")
    commands = out.split("Perintah:\n", 1)[1]
    assert [line.split("  ")[1].strip() for line in commands.splitlines()] == [
        "check (periksa)",
        "compare",
        "questionnaire",
        "questionnaires",
        "report (laporan)",
        "round",
        "schema",
        "score (nilai)",
        "template (templat)",
        "validate",
    ]


def test_a_misspelt_alias_is_suggested() -> None:
    code, _, err = run("perikas")
    assert code == 2
    assert err.endswith("Galat: Perintah 'perikas' tidak dikenal. Mungkin maksud Anda 'periksa'?\n")
