"""The round's decision commands: ``round history`` (and later sign-off, penetapan, corrections, sanggah).

They are added to the ``round`` group of :mod:`kipmonev.cli.round`; the top-level registry loads this module
for ``round``, so every round command is there.
"""

from __future__ import annotations

from pathlib import Path

import click

from kipmonev.app.round.history import round_history
from kipmonev.cli import (
    round_sanggah,  # noqa: F401  (registers the sanggah commands on the round group)
    round_signoff,  # noqa: F401  (registers the sign-off commands on the round group)
    round_stages,  # noqa: F401  (registers the later-stage commands on the round group)
    round_verify,  # noqa: F401  (registers the verification commands on the round group)
)
from kipmonev.cli import round_texts as tx
from kipmonev.cli._common import printable, table, user_errors
from kipmonev.cli.round import _EXISTING_FOLDER, _open, round_cmd

__all__ = ["round_cmd"]


@round_cmd.command("history")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("body_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Cetak riwayat sebagai JSON.")
def history_cmd(folder: Path, body_id: str, as_json: bool) -> None:
    """Tampilkan riwayat satu badan publik dari log putaran: siapa, kapan, apa, lama → baru, alasan.

    Setiap peristiwa yang menyangkut badan publik ID (berkas diterima, versi berlaku, keputusan
    verifikasi, sanggah, pengesahan, penetapan dan koreksi) dicetak berurutan, satu baris per peristiwa.

    \b
    Contoh:
      kipmonev round history putaran-2025 KEM-01
    """
    with _open(folder) as r, user_errors():
        history = round_history(r, body_id)
    if as_json:
        click.echo(history.model_dump_json(indent=2))
        return
    click.echo(printable(tx.HISTORY_TITLE.text(id=history.body_id, name=history.body_name, category=history.category, count=len(history.rows)), keep_newlines=False))
    if not history.rows:
        click.echo(tx.HISTORY_EMPTY.text())
        return
    rows = [
        [str(row.seq), row.when, row.actor, row.what, tx.CHANGE.text(old=row.old or "–", new=row.new or "–") if row.old or row.new else "", row.reason or ""]
        for row in history.rows
    ]
    click.echo("\n" + table(rows, list(tx.HISTORY_HEADER)))
