"""Keep the README's CLI reference equal to the real ``--help`` texts.

``python -m kipmonev.cli._readme`` rewrites the block between the markers; a test fails when it is stale.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

from kipmonev.app.docgen import replace_block
from kipmonev.app.problems import DOC_CURRENT, DOC_UPDATED
from kipmonev.cli import cli

BEGIN = "<!-- BEGIN GENERATED: CLI reference (python -m kipmonev.cli._readme) -->"
END = "<!-- END GENERATED: CLI reference -->"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name in sorted(group.commands):
        command = group.commands[name]
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def help_text(path: tuple[str, ...]) -> str:
    """The ``--help`` output of one command, exactly as a terminal 100 columns wide shows it."""
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="kipmonev", terminal_width=100)
    return result.output


def cli_reference() -> str:
    """The generated Markdown block, markers included."""
    parts = [BEGIN, "", "```", "$ kipmonev --help", help_text(()).rstrip(), "```", ""]
    for path in _commands(cli):
        parts += [f"### `kipmonev {' '.join(path)}`", "", "```", f"$ kipmonev {' '.join(path)} --help", help_text(path).rstrip(), "```", ""]
    return "\n".join([*parts, END])


def update(readme: Path) -> bool:
    """Rewrite the generated block; return True when it changed."""
    return replace_block(readme, cli_reference())


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    sys.stdout.write((DOC_UPDATED if update(path) else DOC_CURRENT).text(path=path) + "\n")
