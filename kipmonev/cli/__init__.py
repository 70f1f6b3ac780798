"""The command line: parse options, call the library, print. No scoring or rules live here.

Each area keeps its commands in its own module; this module assembles the group.
"""

from __future__ import annotations

import errno
import importlib
from typing import Any

import click

from kipmonev._version import __version__
from kipmonev.cli._common import CONTEXT, UserError
from kipmonev.cli._i18n import VERSION_HELP_TEXT, Group
from kipmonev.cli.problems import PATH_UNUSABLE
from kipmonev.core.reasons import reason

#: Command name → (module, attribute). A command's module (and what it imports: openpyxl, WeasyPrint,
#: the batch pool) is imported only when that command runs, so ``kipmonev check`` starts quickly.
_COMMANDS = {
    "questionnaires": ("kipmonev.cli.core", "questionnaires_cmd"),
    "validate": ("kipmonev.cli.core", "validate_cmd"),
    "schema": ("kipmonev.cli.core", "schema_cmd"),
    "score": ("kipmonev.cli.batch", "score_cmd"),
    "compare": ("kipmonev.cli.batch", "compare_cmd"),
    "questionnaire": ("kipmonev.cli.authoring", "questionnaire_cmd"),
    "report": ("kipmonev.cli.report", "report_cmd"),
    "template": ("kipmonev.cli.workbook", "template_cmd"),
    "check": ("kipmonev.cli.workbook", "check_cmd"),
    "round": ("kipmonev.cli.round_decide", "round_cmd"),
    "panel": ("kipmonev.cli.panel", "panel_cmd"),
}
#: Indonesian names for the main commands (alias → command), accepted everywhere and shown in the help.
ALIASES = {"periksa": "check", "nilai": "score", "templat": "template", "laporan": "report"}


class _LazyGroup(Group):
    """The top-level group: its commands' modules are imported on first use.

    ``commands`` (what click, the README generator and tests read to list every command) imports them all;
    running one command imports only its own module.
    """

    @property  # type: ignore[override]
    def commands(self) -> dict[str, click.Command]:
        """Every command, each module imported."""
        for name in _COMMANDS:
            self._load(name)
        return self._commands

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._commands = dict(value)

    def _load(self, name: str) -> click.Command | None:
        if name not in self._commands and name in _COMMANDS:
            module, attribute = _COMMANDS[name]
            command: click.Command = getattr(importlib.import_module(module), attribute)
            command.options_metavar = "[OPSI]"
            self._commands[name] = command
        return self._commands.get(name)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Register a command without importing the lazy ones."""
        self._commands[name or cmd.name or ""] = cmd

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, as the help lists them."""
        return sorted(set(_COMMANDS) | set(self._commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command (or the command an Indonesian alias names), importing its module the first time."""
        return self._load(ALIASES.get(cmd_name, cmd_name))

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        """The command of ``args[0]``: an alias runs (and shows its help) under the command's own name."""
        if args and args[0] in ALIASES:
            args = [ALIASES[args[0]], *args[1:]]
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as e:
            raise click.exceptions.NoSuchCommand(e.command_name, possibilities=[*self.list_commands(ctx), *ALIASES], ctx=ctx) from e

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a file-system error no layer below turned into a problem still ends in Indonesian (R1).

        Exit code 1 with the path and the reason (``Galat: 'hasil/out' tidak dapat dipakai (salah satu bagian
        jalurnya adalah berkas, bukan folder).``), never a traceback. A closed pipe stays click's to handle.
        """
        try:
            return super().invoke(ctx)
        except OSError as e:
            if e.errno == errno.EPIPE:
                raise
            raise UserError(PATH_UNUSABLE.text(path=str(e.filename) if e.filename is not None else "?", reason=reason(e))) from e

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands, each main one with its Indonesian alias: ``check (periksa)``."""
        names = {command: f"{command} ({alias})" for alias, command in ALIASES.items()}
        rows = [(names.get(name, name), command) for name in self.list_commands(ctx) if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        limit = formatter.width - 6 - max(len(name) for name, _ in rows)
        with formatter.section("Commands"):  # Formatter writes the Indonesian heading
            formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])


@click.group(name="kipmonev", context_settings=CONTEXT, options_metavar="[OPSI]", subcommand_metavar="PERINTAH [ARGUMEN]...", cls=_LazyGroup)
@click.version_option(__version__, "-V", "--version", prog_name="kipmonev", message="%(prog)s %(version)s", help=VERSION_HELP_TEXT)
def cli() -> None:
    """Kipmonev: penilaian mandiri (SAQ) Monev Keterbukaan Informasi Publik.

    Memuat kuesioner, menilai badan publik, menentukan kualifikasi, dan membuat laporan.
    """
