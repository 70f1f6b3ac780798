"""Workbook commands: write a fill-in template, check a filled workbook."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kipmonev.app.check import check_workbook
from kipmonev.cli._common import UserError, option, printable, progress_bar, user_errors
from kipmonev.cli._i18n import Command, FilePath, FloatRange
from kipmonev.cli._options import force_option, questionnaire_option
from kipmonev.cli.problems import OUTPUT_EXISTS, TEMPLATE_WRITTEN
from kipmonev.model.submission import BodyIdentity
from kipmonev.sources.loader import load_questionnaire, load_rule_set, with_rule_set


@click.command("template", cls=Command)
@click.argument("questionnaire", metavar="KUESIONER")
@click.option("-o", "--output", required=True, metavar="BERKAS", type=FilePath(dir_okay=False, path_type=Path), help="Berkas .xlsx yang ditulis, misalnya isian.xlsx.")
@click.option("--body", "body_name", metavar="NAMA", help="Nama badan publik yang diisikan ke sheet Identitas.")
@option("--rules", "rule_set", old="--aturan", metavar="ATURAN", help="Id atau berkas aturan pengganti aturan kuesioner, misalnya ki-dki-jakarta.")
@force_option()
def template_cmd(questionnaire: str, output: Path, body_name: str | None, rule_set: str | None, force: bool) -> None:
    """Buat templat isian (.xlsx) untuk KUESIONER (id kuesioner bawaan atau berkas YAML).

    Templat berisi petunjuk pengisian, identitas, kuesioner dengan daftar pilihan jawaban, kolom
    verifikator, nilai tahap lanjutan, dan ringkasan nilai yang dihitung otomatis.

    \b
    Contoh:
      kipmonev template ki-pusat-2025-kementerian -o isian.xlsx --body "Kementerian Urusan Contoh"
    """
    from kipmonev.outputs.template import write_template  # NOTE: openpyxl only for this command

    with user_errors():
        q = load_questionnaire(questionnaire)
        if rule_set:
            q = with_rule_set(q, load_rule_set(rule_set))
        if output.exists() and not force:
            raise UserError(OUTPUT_EXISTS.text(path=str(output)))
        write_template(q, output, BodyIdentity(name=body_name) if body_name else None)
    click.echo(TEMPLATE_WRITTEN.text(path=str(output), questionnaire_id=q.id, questions=len(q.questions)))


@click.command("check", cls=Command)
@click.argument("workbook", metavar="ISIAN.xlsx", type=FilePath(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk mesin.")
@click.option("--check-links", "links", is_flag=True, help="Periksa juga apakah setiap tautan bukti dukung dapat dibuka.")
@questionnaire_option()
@option("--timeout", "timeout", old="--batas-waktu", metavar="DETIK", type=FloatRange(min=0.1), default=10, show_default=True, help="Batas waktu setiap tautan, dalam detik.")
@option(
    "--allow-local-addresses",
    "allow_private",
    old="--izinkan-alamat-lokal",
    is_flag=True,
    help="Buka juga tautan ke alamat jaringan lokal atau privat (intranet). Tanpa opsi ini tautan tersebut dilaporkan tanpa dibuka.",
)
def check_cmd(workbook: Path, as_json: bool, links: bool, questionnaire: str | None, timeout: float, allow_private: bool) -> None:
    """Periksa berkas isian: apa yang belum diisi atau tidak sah (dengan selnya) dan perkiraan nilainya.

    Menampilkan nilai mandiri, nilai verifikasi bila kolom verifikator terisi, dan kualifikasi yang
    akan diperoleh. Keluar dengan kode 0 bila isian lengkap dan sah, 1 bila tidak.

    \b
    Contoh:
      kipmonev check isian.xlsx
      kipmonev check isian.xlsx --check-links --json
    """
    with user_errors(), progress_bar("Memeriksa tautan", as_json) as progress:
        q = load_questionnaire(questionnaire) if questionnaire else None
        result = check_workbook(workbook, q, links=links, timeout=timeout, allow_private=allow_private, progress=progress)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif result.errors:
        raise UserError(result.error_text())
    else:
        click.echo(printable("\n".join(result.lines())))
    if not result.ok:
        raise SystemExit(1)
