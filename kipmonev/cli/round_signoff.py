"""The round's sign-off commands: sign-off, penetapan, correct and verify-inputs.

They are added to the ``round`` group of :mod:`kipmonev.cli.round` when :mod:`kipmonev.cli.round_decide`
(which the top-level registry loads for ``round``) imports this module.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import click

from kipmonev.app.round.signoff import correct_result, fix_results, sign_off, verify_inputs
from kipmonev.cli import signoff_texts as tx
from kipmonev.cli._common import UserError, printable, user_errors
from kipmonev.cli._i18n import Choice, Date, FloatRange
from kipmonev.cli._options import templates_option
from kipmonev.cli.round import _EXISTING_FOLDER, _open, round_cmd
from kipmonev.core.formatting import format_long_date, format_number
from kipmonev.engine.problems_signoff import LEVEL_LABELS
from kipmonev.model.signoff import SignOffLevel

__all__ = ["round_cmd"]

_LEVELS = {"dijamin-mutu": SignOffLevel.QUALITY, "ditetapkan": SignOffLevel.FIXED}
_ANNEX_FORMATS = ("pdf", "xlsx")


def _say(line: str) -> None:
    click.echo(printable(line, keep_newlines=False))


def _warn(message: str) -> None:
    click.echo(printable(tx.WARNING.text(message=message), keep_newlines=False), err=True)


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(p.strip().casefold() for p in text.split(",") if p.strip()))
    wrong = [f for f in chosen if f not in _ANNEX_FORMATS]
    if wrong or not chosen:
        raise click.BadParameter(", ".join(wrong) or text, param_hint="--report")
    return chosen


@round_cmd.command("sign-off")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("ids", metavar="[ID]...", nargs=-1)
@click.option("--level", "level", type=Choice(list(_LEVELS)), required=True, help="Tingkat pengesahan: dijamin-mutu (ditetapkan diberikan pleno dengan round penetapan).")
@click.option("--all", "all_bodies", is_flag=True, help="Semua badan publik yang memiliki versi isian.")
@click.option("--reason", required=True, metavar="TEKS", help="Alasan atau catatan pengesahan, dicatat di log.")
def sign_off_cmd(folder: Path, ids: tuple[str, ...], level: str, all_bodies: bool, reason: str) -> None:
    """Catat pengesahan hasil badan publik ID (atau --all): siapa, kapan, alasan, hash hasil yang disahkan.

    Ditolak untuk badan publik yang belum diverifikasi lengkap (dengan perintah yang menunjukkannya) atau
    yang hasil rekap terbarunya belum memuat versi berlaku dan putusan terakhir. Satu penolakan membatalkan
    seluruh pengesahan. Pengesahan gugur bila isian atau putusan berubah sesudahnya.

    \b
    Contoh:
      kipmonev round sign-off putaran-2025 --level dijamin-mutu --all --reason "Diperiksa tim mutu"
    """
    with _open(folder) as r, user_errors():
        result = sign_off(r, ids, all_bodies, _LEVELS[level], reason)
    label = LEVEL_LABELS[_LEVELS[level]]
    for body, score in result.recorded:
        _say(tx.SIGNED.text(body=body, level=label, score=score))
    for problem in result.unchanged:
        _warn(str(problem))
    click.echo(tx.SIGNED_SUMMARY.text(count=len(result.recorded), level=label))
    if result.recorded:
        click.echo(tx.SIGNED_NEXT.text(folder=str(folder)))


@round_cmd.command("penetapan")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("ids", metavar="[ID]...", nargs=-1)
@click.option("--all", "all_bodies", is_flag=True, help="Semua badan publik yang memiliki versi isian.")
@click.option("--sk", required=True, metavar="NOMOR", help="Nomor SK penetapan pleno, dicetak di lampiran.")
@click.option("--date", "date", type=Date(), required=True, metavar="TANGGAL", help="Tanggal SK; satu-satunya tanggal di lampiran.")
@click.option("--report", "report", default="pdf,xlsx", show_default=True, metavar="FORMAT[,...]", help="Format lampiran: pdf, xlsx.")
@templates_option()
def penetapan_cmd(folder: Path, ids: tuple[str, ...], all_bodies: bool, sk: str, date: dt.date, report: str, templates: Path | None) -> None:
    """Tetapkan hasil badan publik ID (atau --all) dalam pleno, lalu tulis Lampiran Penetapan ke FOLDER/penetapan/.

    Lampiran (PDF dan XLSX) memuat nama Komisi Informasi dan tahun di sampul, nomor dan tanggal SK, dan
    per kategori peringkat (nilai sama berbagi peringkat), nilai akhir dan kualifikasi. Setiap badan publik
    dicatat di log dengan SK, tanggal, nilai dan hash lampiran. Ditolak bila satu badan publik belum
    diverifikasi, belum dijamin mutu (bila diwajibkan putaran.yaml), nilainya belum lengkap, atau sudah
    ditetapkan.

    \b
    Contoh:
      kipmonev round penetapan putaran-2025 --all --sk "001/KEP/KI-NC/XII/2025" --date 15-12-2025
    """
    formats = _formats(report)
    with _open(folder) as r, user_errors():
        fixed = fix_results(r, ids, all_bodies, sk, date, formats, templates)
    click.echo(printable(tx.FIXED_SUMMARY.text(sk=fixed.annex.sk, date=format_long_date(date), count=len(fixed.bodies)), keep_newlines=False))
    for category, rows in fixed.annex.categories:
        for row in rows:
            _say(tx.FIXED_ROW.text(category=category, rank=str(row.rank), body=row.body_id, name=row.name, score=format_number(row.score), band=row.band_name))
    click.echo(tx.WRITTEN.text(files=", ".join(str(p) for p in fixed.written)))
    click.echo(tx.FIXED_NEXT.text(folder=str(folder)))


@round_cmd.command("correct")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("body_id", metavar="ID")
@click.option("--sk", required=True, metavar="NOMOR", help="Nomor SK atau keputusan yang menjadi dasar koreksi.")
@click.option("--reason", required=True, metavar="TEKS", help="Alasan koreksi, dicatat di log.")
@click.option("--score", "score", type=FloatRange(0, 100), required=True, help="Nilai akhir sesudah koreksi (0-100).")
@click.option("--report", "report", default="pdf,xlsx", show_default=True, metavar="FORMAT[,...]", help="Format lampiran yang ditulis ulang: pdf, xlsx.")
@templates_option()
def correct_cmd(folder: Path, body_id: str, sk: str, reason: str, score: float, report: str, templates: Path | None) -> None:
    """Catat koreksi nilai akhir badan publik ID sesudah penetapan, sebagai keputusan baru dengan SK-nya.

    Nilai yang ditetapkan tidak diubah: koreksi dicatat di log (lama → baru, SK, alasan), lampiran SK
    penetapan ditulis ulang dengan nilai koreksi dan catatan SK koreksinya, dan rekap berikutnya memakai
    nilai koreksi. Riwayat badan publik tetap memuat nilai semula.

    \b
    Contoh:
      kipmonev round correct putaran-2025 KEM-02 --sk "002/KEP/KI-NC/I/2026" --reason "Salah hitung tahap presentasi" --score 88.5
    """
    formats = _formats(report)
    with _open(folder) as r, user_errors():
        done = correct_result(r, body_id, sk, reason, Decimal(str(score)), formats, templates)
    _say(tx.CORRECTED.text(body=done.body_id, sk=done.sk, old=done.old, new=done.new, old_band=done.old_band, new_band=done.new_band))
    click.echo(tx.WRITTEN.text(files=", ".join(str(p) for p in done.written)))
    click.echo(tx.SIGNED_NEXT.text(folder=str(folder)))


@round_cmd.command("verify-inputs")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
def verify_inputs_cmd(folder: Path) -> None:
    """Periksa bahwa tidak ada berkas putaran yang diubah: salinan berkas masuk, hasil dan lampiran.

    Setiap salinan dibandingkan dengan SHA-256 yang dicatat saat diterima; setiap hasil di FOLDER/rekap/hasil
    dan setiap lampiran penetapan dengan hash yang dicatat saat ditulis, dan isian yang menjadi masukan
    hasil dengan berkas yang diterima. Keluar dengan kode 1 bila ada yang berubah atau hilang.

    \b
    Contoh:
      kipmonev round verify-inputs putaran-2025
    """
    with _open(folder) as r, user_errors():
        check = verify_inputs(r)
    for problem in check.problems:
        _say(str(problem))
    summary = tx.INPUTS_SUMMARY.text(copies=check.copies, results=check.results, annexes=check.annexes, errors=len(check.errors))
    if check.errors:
        raise UserError(summary)
    click.echo(summary)
    click.echo(tx.INPUTS_OK.text())
