"""Options that several commands take, declared once so that one name means one thing everywhere.

- ``-j/--jobs N``: parallel processes; default the number of cores, on every command that has it.
- ``-k/--questionnaire``: the edition (id or file) a filled workbook is read with.
- ``--date``: the date printed on what is written, as people write it; default today.
- ``--templates``: a commission's own report templates.
- ``--force``: write over what is already there.
- ``--format`` names the formats of the files a command is *for* (``report``); ``--report`` asks a command
  whose main output is something else (``score``, ``round recap``) to *also* write reports in these formats.
  Both take the same comma-separated list (:class:`FormatList`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kipmonev.cli._common import F, option
from kipmonev.cli._i18n import Date, FilePath, IntRange
from kipmonev.cli.problems import REPORT_UNKNOWN_FORMAT

if TYPE_CHECKING:
    from kipmonev.outputs.report.base import ReportFormat


class FormatList(click.ParamType):  # type: ignore[type-arg,unused-ignore]  # generic only in newer click
    """A comma-separated list of report formats: ``pdf,xlsx``."""

    name = "format"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> tuple[ReportFormat, ...]:
        """Split on commas and check each name against :class:`ReportFormat`."""
        # Imported here: the report package (WeasyPrint's neighbours included) is not needed by `check`.
        from kipmonev.outputs.report.base import ReportFormat

        if isinstance(value, tuple):
            return value
        out: list[ReportFormat] = []
        for part in str(value).split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name not in {f.value for f in ReportFormat}:
                self.fail(REPORT_UNKNOWN_FORMAT.text(given=part.strip(), allowed=[f.value for f in ReportFormat]), param, ctx)
            out.append(ReportFormat(name))
        return tuple(dict.fromkeys(out))


def jobs_option() -> Callable[[F], F]:
    """``-j/--jobs N``; ``None`` when not given (the caller uses the number of cores)."""
    return option("-j", "--jobs", type=IntRange(min=1), default=None, metavar="N", help="Jumlah proses paralel (bawaan: jumlah inti prosesor).")


def questionnaire_option() -> Callable[[F], F]:
    """``-k/--questionnaire`` (formerly ``--kuesioner``)."""
    return option(
        "-k",
        "--questionnaire",
        "questionnaire",
        old="--kuesioner",
        metavar="KUESIONER",
        help="Id atau berkas kuesioner untuk membaca buku kerja isian, bila bukan yang tercatat di buku kerja (bawaan).",
    )


def date_option(help_text: str, **attrs: Any) -> Callable[[F], F]:
    """``--date TANGGAL`` as a :class:`datetime.date` (``None`` when not given: today)."""
    return option("--date", "date", type=Date(), metavar="TANGGAL", help=f"{help_text}, misalnya 23-11-2025 (bawaan: hari ini).", **attrs)


def templates_option() -> Callable[[F], F]:
    """``--templates FOLDER``."""
    return click.option(
        "--templates", type=FilePath(exists=True, file_okay=False, path_type=Path), help="Folder templat laporan komisi; berkas yang tidak ada diambil dari templat bawaan."
    )


def force_option(help_text: str | None = None) -> Callable[[F], F]:
    """``--force``: the one way to let a command write over what is there (the refusals say ``Pakai --force``)."""
    return click.option("--force", is_flag=True, help=help_text or "Timpa berkas keluaran yang sudah ada.")


def report_option(help_text: str) -> Callable[[F], F]:
    """``--report FORMAT[,...]``: also write reports in these formats."""
    return click.option("--report", "report", type=FormatList(), default="", metavar="FORMAT[,...]", help=help_text)
