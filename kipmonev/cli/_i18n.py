"""Click's own texts in Indonesian, through click's supported extension points (no patched internals).

- **Help**: :class:`Formatter` (the :attr:`click.Context.formatter_class` of :class:`Context`) writes
  ``Penggunaan:`` and the section headings; :meth:`Command.format_options` writes each option's row from
  click's own spec and :meth:`click.Option.get_help_extra`, with Indonesian labels (``bawaan``,
  ``wajib``); :meth:`Command.get_help_option` gives the help option its Indonesian text.
- **Values**: kipmonev's parameter types (:class:`FilePath`, :class:`IntRange`, :class:`FloatRange`,
  :class:`Choice`, :class:`Date`) say what is wrong with a value in Indonesian themselves.
- **Usage errors**: :class:`Group` turns click's usage errors into :class:`IndonesianUsageError`, whose
  text is built from the exception's type and attributes (option name, suggestions, parameter, hint),
  never from click's English text.

Every command and group of the CLI is one of these classes (``cls=Command`` / ``cls=Group``); a test
keeps it so.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

import click

HELP_TEXT = "Tampilkan bantuan ini lalu keluar."
VERSION_HELP_TEXT = "Tampilkan versi lalu keluar."
_HEADINGS = {"Options": "Opsi", "Commands": "Perintah", "Positional arguments": "Argumen"}


class Formatter(click.HelpFormatter):
    """Click's help formatter with Indonesian usage prefix and headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write the usage line, ``Penggunaan: …``."""
        super().write_usage(prog, args, "Penggunaan: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """Write a section heading (click's three headings in Indonesian)."""
        super().write_heading(_HEADINGS.get(heading, heading))


class Context(click.Context):
    """A context whose help is written by :class:`Formatter`."""

    formatter_class = Formatter


def _option_row(option: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """An option's help row: click's spec (``-o, --output BERKAS``), the help and Indonesian extras."""
    record = option.get_help_record(ctx)  # click's row: its first column is kept as it is
    if record is None:
        return None
    extra = option.get_help_extra(ctx)
    items: list[str] = []
    if "envvars" in extra:
        items.append("variabel lingkungan: " + ", ".join(extra["envvars"]))
    if "default" in extra:
        items.append(f"bawaan: {extra['default']}")
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append("wajib")
    text = option.help or ""
    if items:
        joined = "; ".join(items)
        text = f"{text}  [{joined}]" if text else f"[{joined}]"
    return record[0], text


class IndonesianUsageError(click.UsageError):
    """A usage error (exit code 2) shown as click shows one, in Indonesian."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the usage line, the help hint and ``Galat: …`` on standard error."""
        ctx = self.ctx
        color = ctx.color if ctx is not None else None
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                names = ctx.command.get_help_option_names(ctx)
                hint = f"Lihat '{ctx.command_path} {max(names, key=len)}' untuk bantuan.\n"
            click.echo(f"{ctx.get_usage()}\n{hint}", file=file, err=file is None, color=color)
        click.echo(f"Galat: {self.format_message()}", file=file, err=file is None, color=color)


def _suggestions(possibilities: Sequence[str] | None) -> str:
    if not possibilities:
        return ""
    listed = ", ".join(repr(p) for p in sorted(possibilities))
    return f" Mungkin maksud Anda {listed}?" if len(possibilities) == 1 else f" (Mungkin maksud Anda salah satu dari: {listed}?)"


def _hint(error: click.BadParameter) -> str | None:
    hint: Sequence[str] | str | None = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint(error.ctx)
    if hint is None or isinstance(hint, str):
        return hint
    return " / ".join(repr(x) for x in hint)


def _missing(error: click.MissingParameter) -> str:
    hint = _hint(error)
    kind = error.param_type if error.param_type is not None else (error.param.param_type_name if error.param is not None else "parameter")
    text = error.message
    if error.param is not None:
        extra = error.param.type.get_missing_message(param=error.param, ctx=error.ctx)
        if extra:
            text = f"{text}. {extra}" if text else extra
    what = {"argument": "Argumen", "option": "Opsi", "parameter": "Parameter"}.get(kind, kind)
    return f"{what} wajib belum diisi{f' {hint}' if hint else ''}.{f' {text}' if text else ''}"


def _option_usage(error: click.BadOptionUsage, ctx: click.Context | None) -> str:
    """Click raises BadOptionUsage for a value given to a flag, or no value given to an option."""
    ctx, name = error.ctx or ctx, error.option_name
    option = next((p for p in ctx.command.params if isinstance(p, click.Option) and name in (*p.opts, *p.secondary_opts)), None) if ctx else None
    if option is None:
        return error.format_message()
    if option.is_flag or option.count:
        return f"Opsi {name!r} tidak menerima nilai."
    if option.nargs > 1:
        return f"Opsi {name!r} memerlukan {option.nargs} nilai."
    return f"Opsi {name!r} memerlukan nilai."


def usage_message(error: click.UsageError) -> str:
    """The Indonesian text of a click usage error, from its type and attributes."""
    if isinstance(error, click.NoSuchOption):
        return f"Opsi {error.option_name!r} tidak dikenal.{_suggestions(error.possibilities)}"
    if isinstance(error, click.exceptions.NoSuchCommand):
        return f"Perintah {error.command_name!r} tidak dikenal.{_suggestions(error.possibilities)}"
    if isinstance(error, click.BadOptionUsage):
        return _option_usage(error, error.ctx)
    if isinstance(error, click.MissingParameter):
        return _missing(error)
    if isinstance(error, click.BadParameter):
        hint = _hint(error)
        return f"Nilai tidak sah untuk {hint}: {error.message}" if hint else f"Nilai tidak sah: {error.message}"
    return error.format_message()  # ours (already Indonesian), or one click raises without attributes ("Missing command.")


@contextmanager
def _indonesian_usage_errors() -> Iterator[None]:
    try:
        yield
    except (IndonesianUsageError, click.exceptions.NoArgsIsHelpError):
        raise  # already Indonesian; NoArgsIsHelpError prints the (Indonesian) help
    except click.UsageError as e:
        raise IndonesianUsageError(usage_message(e), e.ctx) from e


class Command(click.Command):
    """A command with Indonesian help and usage errors."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Take click's arguments; the options placeholder in the usage line is ``[OPSI]``."""
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Click's help option, with its text in Indonesian."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the options section, each row with Indonesian extras (``[bawaan: 10]``)."""
        rows = [row for param in self.get_params(ctx) if isinstance(param, click.Option) and (row := _option_row(param, ctx)) is not None]
        if rows:
            with formatter.section("Opsi"):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse, and refuse extra arguments in Indonesian (click would say it in English)."""
        if ctx.allow_extra_args or ctx.resilient_parsing:
            return self._parse(ctx, args)
        ctx.allow_extra_args = True
        try:
            rest = self._parse(ctx, args)
        finally:
            ctx.allow_extra_args = False
        if rest:
            raise IndonesianUsageError(f"Ada argumen yang tidak dikenal ({' '.join(rest)})", ctx)
        return rest


    def _parse(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.BadOptionUsage as e:
            # NOTE: click's parser raises it without a context (so no usage line is shown, as before);
            # the context tells which option it was about.
            raise IndonesianUsageError(_option_usage(e, ctx), e.ctx) from e


class Group(Command, click.Group):
    """A group with Indonesian help; its own and its commands' usage errors are shown in Indonesian."""

    command_class = Command  # what @group.command() makes
    group_class = type  # what @group.group() makes: this class again

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the options, then the commands."""
        Command.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse; a group given nothing prints its help and exits 0 (click would exit 2)."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any) -> click.Context:
        """Parse the group's own options; usage errors in Indonesian."""
        with _indonesian_usage_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        """Parse and run the command; usage errors in Indonesian."""
        with _indonesian_usage_errors():
            return super().invoke(ctx)


# --- parameter types that explain a bad value in Indonesian ------------------------------------------


class FilePath(click.Path):
    """:class:`click.Path` whose messages are Indonesian (``Berkas 'x' tidak ditemukan.``)."""

    def __init__(self, **kwargs: Any) -> None:
        """Take :class:`click.Path`'s options."""
        super().__init__(**kwargs)
        self.name = "Berkas" if self.file_okay and not self.dir_okay else "Folder" if self.dir_okay and not self.file_okay else "Jalur"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Check the path as click does, failing in Indonesian."""
        path = value
        if self.file_okay and self.allow_dash and path in (b"-", "-"):
            return self.coerce_path_result(path)
        if self.resolve_path:
            path = os.path.realpath(path)
        shown = f"{self.name} {click.format_filename(value)!r}"
        try:
            st = pathlib.Path(path).stat()
        except OSError:
            if not self.exists:
                return self.coerce_path_result(path)
            self.fail(f"{shown} tidak ditemukan.", param, ctx)
        if not self.file_okay and stat.S_ISREG(st.st_mode):
            self.fail(f"{shown} adalah berkas, bukan folder.", param, ctx)
        if not self.dir_okay and stat.S_ISDIR(st.st_mode):
            self.fail(f"{shown} adalah folder, bukan berkas.", param, ctx)
        if self.readable and not os.access(path, os.R_OK):
            self.fail(f"{shown} tidak dapat dibaca.", param, ctx)
        if self.writable and not os.access(path, os.W_OK):
            self.fail(f"{shown} tidak dapat ditulisi.", param, ctx)
        if self.executable and not os.access(path, os.X_OK):
            self.fail(f"{shown} tidak dapat dijalankan.", param, ctx)
        return self.coerce_path_result(path)


def _range_text(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    """The range as click's help writes it: ``x>=1``, ``1<=x<=64``."""
    if low is None:
        return f"x{'<' if high_open else '<='}{high}"
    if high is None:
        return f"x{'>' if low_open else '>='}{low}"
    return f"{low}{'<' if low_open else '<='}x{'<' if high_open else '<='}{high}"


class IntRange(click.IntRange):
    """:class:`click.IntRange` (without clamping) whose messages are Indonesian."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """A whole number within the range, or an Indonesian failure."""
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} bukan bilangan bulat yang sah.", param, ctx)
        return _in_range(self, number, param, ctx)


class FloatRange(click.FloatRange):
    """:class:`click.FloatRange` (without clamping) whose messages are Indonesian."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """A number within the range, or an Indonesian failure."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} bukan bilangan yang sah.", param, ctx)
        return _in_range(self, number, param, ctx)


def _in_range(kind: click.IntRange | click.FloatRange, number: float, param: click.Parameter | None, ctx: click.Context | None) -> float:
    low, high = kind.min, kind.max
    below = low is not None and (number <= low if kind.min_open else number < low)
    above = high is not None and (number >= high if kind.max_open else number > high)
    if below or above:
        kind.fail(f"{number} di luar rentang {_range_text(low, high, kind.min_open, kind.max_open)}.", param, ctx)
    return number


class Choice(click.Choice):  # type: ignore[type-arg]
    """:class:`click.Choice` whose messages are Indonesian."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        """``'median' bukan salah satu dari 'mean', 'trimmed'.``."""
        listed = ", ".join(map(repr, self.choices))
        return f"{value!r} bukan {listed}." if len(self.choices) == 1 else f"{value!r} bukan salah satu dari {listed}."

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        """The choices, one a line."""
        return "Pilih dari:\n\t" + ",\n\t".join(map(str, self.choices))


class Date(click.ParamType):  # type: ignore[type-arg,unused-ignore]  # generic only in newer click
    """A date as people write it (``2025-11-23``, ``23-11-2025``, ``23/11/2025``, ``23 November 2025``).

    The one date type of every ``--date`` and deadline option; a bad value is explained in Indonesian.
    """

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        """The date, or an Indonesian failure."""
        from kipmonev.sources.problems_round import DATE_INVALID  # NOTE: here, so that --help starts quickly
        from kipmonev.sources.round_config import parse_date

        if isinstance(value, dt.date):
            return value
        date = parse_date(str(value))
        if date is None:
            self.fail(DATE_INVALID.text(value=value), param, ctx)
        return date
