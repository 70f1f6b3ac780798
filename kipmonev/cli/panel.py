"""Panel commands: ``kipmonev panel kit`` writes one score workbook per room of a later stage.

The kit is a top-level group rather than a ``round`` command because a kit serves any batch: ``kipmonev
score --panel`` reads the filled workbooks back, inside a round or outside one.
"""

from __future__ import annotations

from pathlib import Path

import click

from kipmonev.app.panel import make_kits
from kipmonev.cli import problems as tx
from kipmonev.cli._common import CONTEXT, option, printable, user_errors
from kipmonev.cli._i18n import FilePath, Group
from kipmonev.cli._options import force_option


@click.group("panel", context_settings=CONTEXT, options_metavar="[OPSI]", subcommand_metavar="PERINTAH [ARGUMEN]...", cls=Group)
def panel_cmd() -> None:
    """Lembar nilai panelis untuk tahap lanjutan (presentasi, visitasi).

    \b
    Contoh:
      kipmonev panel kit ruang.csv --rules ki-sumbar-2025 --stage presentasi -o lembar-nilai
      kipmonev score isian/ -o hasil --rules ki-sumbar-2025 --panel lembar-nilai --conflicts konflik.csv
    """


@panel_cmd.command("kit")
@click.argument("rooms", metavar="DAFTAR_RUANG", type=FilePath(exists=True, dir_okay=False, path_type=Path))
@click.option("--stage", required=True, metavar="TAHAP", help="Kode tahap lanjutan yang dinilai panelis, misalnya presentasi.")
@option("--rules", "rule_set", metavar="ATURAN", help="Aturan (id atau berkas) yang memuat tahap dan rubriknya; bawaan ki-pusat.")
@click.option("--conflicts", type=FilePath(exists=True, dir_okay=False, path_type=Path), help="CSV/XLSX konflik kepentingan (Panelis, ID, Alasan[, Tahap]): barisnya dikunci dan diberi alasan.")
@click.option("-o", "--output", "out_dir", required=True, type=FilePath(file_okay=False, path_type=Path), help="Folder tempat lembar nilai ditulis, satu .xlsx per ruang.")
@force_option()
def kit_cmd(rooms: Path, stage: str, rule_set: str | None, conflicts: Path | None, out_dir: Path, force: bool) -> None:
    """Tulis satu lembar nilai (.xlsx) per ruang dari rubrik tahap pada aturan.

    DAFTAR_RUANG adalah CSV/XLSX dengan kolom Ruang, ID, Nama dan Panelis: baris dengan ID
    menempatkan badan publik di ruangnya, baris dengan Panelis menempatkan panelis di ruangnya.
    Setiap lembar memuat satu baris per badan publik dan panelis dan satu kolom per kriteria
    (dengan bobotnya); tahap tanpa rubrik dinilai dengan satu nilai tahap. Baca kembali dengan
    'kipmonev score --panel FOLDER'.

    \b
    Contoh:
      kipmonev panel kit ruang.csv --rules ki-sumbar-2025 --stage presentasi -o lembar-nilai
    """
    with user_errors():
        result = make_kits(rooms, stage, out_dir, rule_set, conflicts, force)
    for path, (room, bodies, panelists) in zip(result.written, result.rooms, strict=True):
        click.echo(printable(tx.PANEL_KIT_WRITTEN.text(path=path, room=room, bodies=bodies, panelists=panelists)))
