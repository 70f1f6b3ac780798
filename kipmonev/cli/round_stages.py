"""The round's later-stage commands: ``round panel-kit`` and ``round panel-collect``.

They are added to the ``round`` group of :mod:`kipmonev.cli.round` when :mod:`kipmonev.cli.round_decide`
(which the top-level registry loads for ``round``) imports this module.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kipmonev.app.round.stages import collect_stage_sheets, write_stage_kits
from kipmonev.cli import round_texts as tx
from kipmonev.cli._common import printable, user_errors
from kipmonev.cli._i18n import FilePath
from kipmonev.cli._options import force_option
from kipmonev.cli.round import _EXISTING_FOLDER, _open, round_cmd
from kipmonev.core.formatting import format_long_date

__all__ = ["round_cmd"]


@round_cmd.command("panel-kit")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("--stage", required=True, metavar="TAHAP", help="Kode tahap lanjutan yang dinilai panelis, misalnya presentasi.")
@click.option("--panelist", "panelists", multiple=True, required=True, metavar="NAMA", help="Panelis tahap ini (ulangi untuk setiap panelis).")
@click.option("--conflicts", type=FilePath(exists=True, dir_okay=False, path_type=Path), help="CSV/XLSX konflik kepentingan (Panelis, ID, Alasan[, Tahap]): barisnya dikunci dan panelis itu tidak dapat menilai badan publik itu.")
@force_option()
def panel_kit_cmd(folder: Path, stage: str, panelists: tuple[str, ...], conflicts: Path | None, force: bool) -> None:
    """Tulis lembar nilai tahap TAHAP untuk badan publik yang dikirim rekap terakhir ke tahap itu.

    Badan publik dikirim ke suatu tahap bila lolos setiap gerbang sebelum tahap itu menurut rekap
    terakhir (kipmonev round recap). Lembar nilai sama dengan 'kipmonev panel kit' (satu baris per
    badan publik dan panelis, satu kolom per kriteria rubrik), ditulis ke FOLDER/panel/TAHAP/ dan
    dicatat di log putaran bersama panelis dan konflik kepentingannya.

    \b
    Contoh:
      kipmonev round panel-kit putaran-2025 --stage presentasi --panelist Ani --panelist Budi
    """
    with _open(folder) as r, user_errors():
        result = write_stage_kits(r, stage, panelists, conflicts, force)
    for path in result.written:
        click.echo(printable(tx.KITS_WRITTEN.text(stage=result.stage_name, path=str(path), bodies=len(result.bodies), panelists=len(result.panelists), date=format_long_date(dt.date.fromisoformat(result.recap_date))), keep_newlines=False))
    for body, name in result.bodies:
        click.echo(printable(tx.KIT_BODY.text(body=body, name=name), keep_newlines=False))
    for c in result.conflicts:
        click.echo(printable(tx.KIT_CONFLICT.text(panelist=c.panelist, body=c.body_id, reason=c.reason), keep_newlines=False))
    click.echo(printable(tx.KITS_NEXT.text(folder=str(folder)), keep_newlines=False))


@round_cmd.command("panel-collect")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("paths", metavar="LEMBAR_ATAU_FOLDER...", nargs=-1, required=True, type=FilePath(exists=True, path_type=Path))
def panel_collect_cmd(folder: Path, paths: tuple[Path, ...]) -> None:
    """Kumpulkan lembar nilai panelis yang sudah diisi: nilai setiap panelis dicatat di log putaran.

    Selain lembar nilai, diterima juga berkas nilai tahap (CSV/XLSX seperti 'score --stage-scores':
    kolom ID, Tahap dan satu kolom per panelis, misalnya 'Panelis: Ani'). Setiap nilai yang terisi
    dicatat sebagai nilai panelis itu (dengan SHA-256 berkasnya); nilai kedua dari panelis yang sama
    untuk badan publik dan tahap yang sama menggantikan yang pertama, dan riwayat menyimpan keduanya. Lembar untuk badan publik yang tidak dikirim ke tahap itu, dari panelis yang
    tidak ditugaskan atau yang berkonflik kepentingan, ditolak dengan setiap masalahnya; lembar lain
    tetap dikumpulkan. Keluar dengan kode 1 bila ada lembar yang ditolak.

    \b
    Contoh:
      kipmonev round panel-collect putaran-2025 lembar-kembali/
    """
    found = (p for given in paths for p in ([given] if given.is_file() else (f for f in given.rglob("*") if f.suffix.lower() in (".xlsx", ".csv"))))
    files = sorted({p for p in found if not p.name.startswith(("~$", "."))})
    with _open(folder) as r, user_errors():
        outcomes = collect_stage_sheets(r, files)
    refused = 0
    for o in outcomes:
        if o.errors:
            refused += 1
            click.echo(printable(tx.SHEET_REFUSED.text(file=o.path.name), keep_newlines=False))
            for problem in o.errors:
                click.echo(printable(f"  {problem}", keep_newlines=False))
            continue
        replaced = sum(1 for *_, again in o.recorded if again)
        click.echo(printable(tx.SHEET_RECORDED.text(file=o.path.name, stage=o.stage, recorded=len(o.recorded), replaced=replaced, unchanged=o.unchanged), keep_newlines=False))
        for panelist, body, _ in o.recorded:
            click.echo(printable(tx.SHEET_SCORE.text(panelist=panelist, body=body), keep_newlines=False))
    click.echo(tx.SHEETS_SUMMARY.text(count=len(outcomes), ok=len(outcomes) - refused, refused=refused))
    if refused:
        raise SystemExit(1)
