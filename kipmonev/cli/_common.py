"""What every command shares: the error boundary, Indonesian help headings, plain tables."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterator
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


@contextmanager
def progress_bar(label: str, quiet: bool = False) -> Iterator[Callable[[int, int], None]]:
    """A ``(done, total)`` callback that draws one progress bar with an estimate of the time left.

    The one progress mechanism of the CLI (scoring, report rendering, link checks): it draws on standard
    error only when that is a terminal and ``quiet`` is not set; otherwise the callback does nothing.
    """
    if quiet or not sys.stderr.isatty():
        yield lambda done, total: None
        return
    with click.progressbar(length=1, label=label, file=sys.stderr, show_pos=True, show_eta=True) as bar:
        seen = [0]

        def update(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - seen[0])
            seen[0] = done

        yield update
