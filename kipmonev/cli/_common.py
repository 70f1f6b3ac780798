"""What every command shares: the error boundary, renamed options, plain tables, the progress bar."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from click.core import ParameterSource

from kipmonev.cli.problems import OPTION_RENAMED, OUTPUT_EXISTS, OUTPUT_IS_INPUT
from kipmonev.core.errors import KipmonevError
from kipmonev.core.reasons import reason
from kipmonev.outputs.problems import OUTPUT_UNWRITABLE

F = TypeVar("F", bound=Callable[..., Any])


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


def write_output(output: Path, force: bool, inputs: list[Path], write: Callable[[], object]) -> None:
    """Write an output file: never over an input, over an existing file only with ``--force``."""
    if any(output.resolve() == p.resolve() for p in inputs):
        raise UserError(OUTPUT_IS_INPUT.text(path=str(output)))
    if output.exists() and not force:
        raise UserError(OUTPUT_EXISTS.text(path=str(output)))
    try:
        write()
    except OSError as e:
        raise UserError(OUTPUT_UNWRITABLE.text(path=str(output), reason=reason(e))) from e


class _OldName(click.Option):
    """An option's previous name, hidden, kept for one release: it fills the new option's parameter and warns once."""

    def __init__(self, *args: Any, replacement: click.Option, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "expose_value": False, "hidden": True})
        self.replacement = replacement.name or ""
        self.replacement_opt = max(replacement.opts, key=len)

    def process_value(self, ctx: click.Context, value: Any) -> Any:
        """When given under this name: say which name to use, convert the value and pass it on."""
        if ctx.get_parameter_source(self.name or "") is not ParameterSource.COMMANDLINE or ctx.resilient_parsing:
            return super().process_value(ctx, value)
        click.echo(f"Peringatan: {OPTION_RENAMED.text(old=self.opts[0], new=self.replacement_opt)}", err=True)
        value = super().process_value(ctx, value)
        ctx.params[self.replacement] = value
        ctx.set_parameter_source(self.replacement, ParameterSource.COMMANDLINE)
        return value

    def get_error_hint(self, ctx: click.Context | None) -> str:
        """A bad value is reported under the new name (the warning above names both)."""
        return repr(self.replacement_opt)


class _NewName(click.Option):
    """An option that also has an old name: given under the old name, it counts as given (``required``)."""

    def process_value(self, ctx: click.Context, value: Any) -> Any:
        """Convert the value, unless it is missing and was given under the old name (processed first)."""
        if self.value_is_missing(value) and self.name in ctx.params:
            return ctx.params[self.name or ""]
        return super().process_value(ctx, value)


def option(*decls: str, old: str | None = None, **attrs: Any) -> Callable[[F], F]:
    """:func:`click.option`; ``old`` is the option's previous (Indonesian) name.

    The old name stays accepted for one release: hidden from the help, it fills the same parameter and
    prints one warning on standard error naming the new option. When both are given, the last one wins.
    """
    if old is None:
        return click.option(*decls, **attrs)
    new = click.Option(list(decls))  # the parameter name and long name, as click derives them
    same = {key: attrs[key] for key in ("type", "is_flag", "metavar", "multiple", "nargs") if key in attrs}

    def decorate(f: F) -> F:
        f = click.option(*decls, cls=_NewName, **attrs)(f)
        return click.option(old, f"{new.name}_old_name", cls=_OldName, replacement=new, **same)(f)

    return decorate


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
