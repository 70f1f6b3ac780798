"""The command line: parse options, call the library, print. No scoring or rules live here.

Each area keeps its commands in its own module; this module assembles the group.
"""

from __future__ import annotations

import click

from kipmonev._version import __version__
from kipmonev.cli._common import CONTEXT
from kipmonev.cli._i18n import VERSION_HELP_TEXT, Group
from kipmonev.cli.authoring import questionnaire_cmd
from kipmonev.cli.batch import compare_cmd, score_cmd
from kipmonev.cli.core import questionnaires_cmd, schema_cmd, validate_cmd
from kipmonev.cli.report import report_cmd
from kipmonev.cli.round import round_cmd
from kipmonev.cli.workbook import check_cmd, template_cmd


@click.group(name="kipmonev", context_settings=CONTEXT, options_metavar="[OPSI]", subcommand_metavar="PERINTAH [ARGUMEN]...", cls=Group)
@click.version_option(__version__, "-V", "--version", prog_name="kipmonev", message="%(prog)s %(version)s", help=VERSION_HELP_TEXT)
def cli() -> None:
    """Kipmonev: penilaian mandiri (SAQ) Monev Keterbukaan Informasi Publik.

    Memuat kuesioner, menilai badan publik, menentukan kualifikasi, dan membuat laporan.
    """


for _command in (questionnaires_cmd, validate_cmd, schema_cmd, score_cmd, compare_cmd, questionnaire_cmd, report_cmd, template_cmd, check_cmd, round_cmd):
    _command.options_metavar = "[OPSI]"
    cli.add_command(_command)
