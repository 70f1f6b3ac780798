"""Running the CLI in-process, the one way every CLI test does it."""

from __future__ import annotations

from click.testing import CliRunner

from kipmonev.cli import cli

RUNNER = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    """Run ``kipmonev ARGS`` and return its exit code, standard output and standard error."""
    result = RUNNER.invoke(cli, list(args), prog_name="kipmonev")
    return result.exit_code, result.stdout, result.stderr
