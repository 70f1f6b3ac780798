"""What every command shares: the error boundary, Indonesian help headings, plain tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from kipmonev.core.errors import KipmonevError


class UserError(click.ClickException):
    """A user or data error: exit code 1, message printed as ``Galat: …`` on standard error."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the Indonesian message without click's English prefix."""
        click.echo(f"Galat: {printable(self.format_message())}", err=True, file=file)


CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn kipmonev's errors into exit code 1 with the full Indonesian message."""
    try:
        yield
    except KipmonevError as e:
        raise UserError(str(e)) from e


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain left-aligned text table with a rule under the header."""
    rows = [[printable(str(c), keep_newlines=False) for c in row] for row in rows]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """Text from people's files made safe for a terminal.

    Control and format characters (escape sequences, bidi overrides, zero-width marks) become ``\ufffd``,
    so a body name or file name cannot move the cursor, recolour the screen or reorder what is shown.
    """
    keep = "\n" if keep_newlines else ""
    return "".join(ch if ch in keep or unicodedata.category(ch) not in ("Cc", "Cf") else "\ufffd" for ch in text)
