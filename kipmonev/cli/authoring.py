"""Authoring commands: export an edition to a workbook, import it back to YAML, compare two editions."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kipmonev.cli._common import CONTEXT, user_errors, write_output
from kipmonev.cli._i18n import FilePath, Group
from kipmonev.cli._options import force_option
from kipmonev.cli.problems import IMPORTED_FROM, QUESTIONNAIRE_SAVED
from kipmonev.engine.diff import diff_questionnaires
from kipmonev.outputs.questionnaire_diff import render_diff
from kipmonev.outputs.questionnaire_xlsx import write_questionnaire_xlsx
from kipmonev.outputs.questionnaire_yaml import questionnaire_yaml, write_questionnaire_yaml
from kipmonev.sources.loader import load_questionnaire, resolve_questionnaire_path
from kipmonev.sources.questionnaire_xlsx import import_questionnaire_with_warnings

_OUT = FilePath(dir_okay=False, path_type=Path)


@click.group("questionnaire", context_settings=CONTEXT, options_metavar="[OPSI]", subcommand_metavar="PERINTAH [ARGUMEN]...", cls=Group)
def questionnaire_cmd() -> None:
    """Susun kuesioner di lembar kerja: ekspor, impor, dan bandingkan edisi.

    Buku kerja berisi sheet Pengaturan, Indikator, Pertanyaan, Pilihan, Tahap,
    Kualifikasi dan Keterangan. Di mana pun berkas kuesioner diterima, buku kerja
    .xlsx seperti ini juga diterima.
    """


@questionnaire_cmd.command("export", options_metavar="[OPSI]", short_help="Tulis edisi sebagai buku kerja .xlsx.")
@click.argument("source", metavar="ID_ATAU_BERKAS")
@click.option("-o", "--output", type=_OUT, required=True, help="Buku kerja .xlsx yang ditulis.")
@force_option()
def export_cmd(source: str, output: Path, force: bool) -> None:
    """Tulis edisi kuesioner (id, YAML atau .xlsx) sebagai buku kerja untuk disunting.

    \b
    Contoh:
      kipmonev questionnaire export ki-pusat-2025-bumn -o kuesioner.xlsx
    """
    with user_errors():
        questionnaire = load_questionnaire(source)
        source_path = resolve_questionnaire_path(source)
    write_output(output, force, [source_path], lambda: write_questionnaire_xlsx(questionnaire, output))
    click.echo(QUESTIONNAIRE_SAVED.text(path=str(output), questionnaire_id=questionnaire.id, questions=len(questionnaire.questions)))


@questionnaire_cmd.command("import", options_metavar="[OPSI]", short_help="Baca buku kerja .xlsx, lalu tulis YAML.")
@click.argument("workbook", metavar="BUKU_KERJA", type=FilePath(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=_OUT, help="Berkas YAML yang ditulis; tanpa opsi ini YAML dicetak ke keluaran standar.")
@force_option()
def import_cmd(workbook: Path, output: Path | None, force: bool) -> None:
    """Baca buku kerja kuesioner (.xlsx), periksa, lalu tulis sebagai YAML.

    Semua masalah dilaporkan sekaligus dengan sheet dan selnya. Peringatan (kolom
    atau sheet yang diabaikan) dicetak terpisah dan tidak menggagalkan impor.

    \b
    Contoh:
      kipmonev questionnaire import kuesioner.xlsx -o bumn.yaml
    """
    with user_errors():
        questionnaire, warnings = import_questionnaire_with_warnings(workbook)
    for warning in warnings:
        click.echo(f"Peringatan: {warning}", err=True)
    comment = IMPORTED_FROM.text(name=workbook.name)
    if output is None:
        click.echo(questionnaire_yaml(questionnaire, comment), nl=False)
        return
    write_output(output, force, [workbook], lambda: write_questionnaire_yaml(questionnaire, output, comment))
    click.echo(QUESTIONNAIRE_SAVED.text(path=str(output), questionnaire_id=questionnaire.id, questions=len(questionnaire.questions)))


@questionnaire_cmd.command("diff", options_metavar="[OPSI]", short_help="Bandingkan dua edisi.")
@click.argument("old", metavar="LAMA")
@click.argument("new", metavar="BARU")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk mesin.")
def diff_cmd(old: str, new: str, as_json: bool) -> None:
    """Bandingkan dua edisi (id, YAML atau .xlsx): pertanyaan, indikator dan aturan yang berubah.

    Keluar dengan kode 0 juga bila ada perbedaan, dan kode 1 bila salah satu
    edisi tidak dapat dimuat.

    \b
    Contoh:
      kipmonev questionnaire diff bumn-2024.yaml kuesioner-2025.xlsx
    """
    with user_errors():
        diff = diff_questionnaires(load_questionnaire(old), load_questionnaire(new))
    if as_json:
        click.echo(json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        click.echo(render_diff(diff), nl=False)
