"""The sanggah (objection) commands: sanggah-pack, sanggah-collect, sanggah-decide, sanggah-status.

They are added to the ``round`` group of :mod:`kipmonev.cli.round` when :mod:`kipmonev.cli.round_decide`
(which the top-level registry loads for ``round``) imports this module.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kipmonev.app.round.sanggah import collect_sanggah, decide_sanggah, sanggah_status, write_sanggah_packs
from kipmonev.cli import sanggah_texts as tx
from kipmonev.cli._common import printable, table, user_errors
from kipmonev.cli._i18n import Choice, FilePath
from kipmonev.cli._options import date_option
from kipmonev.cli.round import _EXISTING_FOLDER, _open, round_cmd
from kipmonev.core.formatting import format_long_date, format_number
from kipmonev.model.objection import Decision

__all__ = ["round_cmd"]


def _line(text: str) -> None:
    click.echo(printable(text, keep_newlines=False))


@round_cmd.command("sanggah-pack")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("-o", "--out", "out_dir", type=FilePath(file_okay=False, path_type=Path), help="Folder paket (bawaan: FOLDER/sanggah).")
def sanggah_pack_cmd(folder: Path, out_dir: Path | None) -> None:
    """Tulis paket sanggah per badan publik: pertanyaan yang poin verifikasinya di bawah poin mandiri.

    Jawaban, data dukung, putusan dan catatan verifikator tampil terkunci; badan publik mengisi
    Tanggapan/Klaim, Jawaban yang Diajukan (pilihan dari edisi) dan Bukti Baru, lalu mengembalikannya
    sebelum batas masa sanggah (tenggat sanggah di putaran.yaml). Paket terikat pada hash versi berlaku
    dan hasil verifikasi yang ditampilkannya. Badan publik tanpa poin yang hilang tidak dibuatkan paket.

    \b
    Contoh:
      kipmonev round sanggah-pack putaran-2025
    """
    with _open(folder) as r, user_errors():
        result = write_sanggah_packs(r, out_dir)
    _line(tx.PACKS_WRITTEN.text(count=len(result.written), folder=str(result.folder), deadline=format_long_date(result.deadline)))
    if result.no_loss:
        _line(tx.NO_LOSS.text(count=len(result.no_loss), ids=", ".join(result.no_loss)))
    if result.unverified:
        _line(tx.UNVERIFIED.text(count=len(result.unverified), ids=", ".join(result.unverified)))


@round_cmd.command("sanggah-collect")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("paths", metavar="PAKET_ATAU_FOLDER...", nargs=-1, required=True, type=FilePath(exists=True, path_type=Path))
@date_option("Tanggal sanggah diterima")
def sanggah_collect_cmd(folder: Path, paths: tuple[Path, ...], date: dt.date | None) -> None:
    """Kumpulkan paket sanggah yang dikembalikan badan publik: setiap sanggah dicatat di log putaran.

    Paket yang diterima setelah batas masa sanggah ditolak menurut tanggal (dan penolakannya dicatat);
    paket untuk versi isian atau hasil verifikasi lain, atau yang sel terkuncinya diubah, ditolak dengan
    alasannya. Baris tanpa sanggah diabaikan; paket lain tetap dikumpulkan. Keluar dengan kode 1 bila ada
    paket yang ditolak.

    \b
    Contoh:
      kipmonev round sanggah-collect putaran-2025 sanggah-masuk/ --date 24-11-2025
    """
    files = sorted({p for given in paths for p in ([given] if given.is_file() else given.rglob("*.xlsx")) if not p.name.startswith(("~$", "."))})
    with _open(folder) as r, user_errors():
        outcomes = collect_sanggah(r, files, date or dt.date.today())
    refused = late = 0
    for o in outcomes:
        if o.errors:
            refused += 1
            late += 1 if o.late else 0
            _line(tx.PACK_REFUSED.text(file=o.path.name))
            for problem in o.errors:
                _line(f"  {problem}")
            continue
        _line(tx.PACK_FILED.text(file=o.path.name, body=o.body_id, filed=o.filed, unchanged=o.unchanged, empty=o.empty))
    _line(tx.COLLECT_SUMMARY.text(count=len(outcomes), ok=len(outcomes) - refused, refused=refused, late=late))
    if refused:
        raise SystemExit(1)


@round_cmd.command("sanggah-decide")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("body_id", metavar="ID")
@click.argument("code", metavar="KODE")
@click.argument("decision", metavar="diterima|ditolak", type=Choice([d.value for d in Decision]))
@click.option("--reason", required=True, metavar="TEKS", help="Alasan putusan, dicatat di log dan dicetak di laporan badan publik.")
@click.option("--verdict", metavar="JAWABAN", help="Putusan verifikasi baru bila diterima (bawaan: jawaban yang diajukan badan publik).")
def sanggah_decide_cmd(folder: Path, body_id: str, code: str, decision: str, reason: str, verdict: str | None) -> None:
    """Catat putusan verifikator atas sanggah satu pertanyaan: diterima (putusan verifikasi diganti) atau ditolak.

    Sanggah yang diterima mengganti putusan verifikasi dengan jawaban yang diajukan badan publik (atau
    --verdict); yang ditolak mempertahankannya. Verifikator yang memutus adalah nama pada --by.

    \b
    Contoh:
      kipmonev round --by Ani sanggah-decide putaran-2025 KEM-01 KIP.1.2 diterima --reason "Bukti baru sah"
    """
    with _open(folder) as r, user_errors():
        d = decide_sanggah(r, body_id, code, Decision(decision), reason, verdict)
    _line(tx.DECIDED.text(
        body=d.body_id, code=d.code, decision=d.decision.value, before=d.verdict_before, after=d.verdict_after, points_before=format_number(d.points_before, 2),
        points_after=format_number(d.points_after, 2), saq_before=format_number(d.saq_before, 2), saq_after=format_number(d.saq_after, 2),
    ))


@round_cmd.command("sanggah-status")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("--json", "as_json", is_flag=True, help="Cetak keadaan sanggah sebagai JSON.")
def sanggah_status_cmd(folder: Path, as_json: bool) -> None:
    """Tampilkan keadaan sanggah per badan publik: diajukan, diputus, menunggu putusan, dan yang terlambat.

    \b
    Contoh:
      kipmonev round sanggah-status putaran-2025
    """
    with _open(folder) as r, user_errors():
        state = sanggah_status(r)
    if as_json:
        click.echo(state.model_dump_json(indent=2))
        return
    deadline = dt.date.fromisoformat(state.deadline) if state.deadline else None
    _line(tx.STATUS_DEADLINE.text(deadline=format_long_date(deadline)) if deadline else tx.STATUS_NO_DEADLINE.text())
    rows = [
        [b.body_id, b.name, (tx.PACKED_YES if b.packed else tx.PACKED_NO).text(), str(len(b.claims)), str(len(b.claims) - len(b.pending)), str(len(b.pending)), str(len(b.late))]
        for b in state.bodies
    ]
    click.echo("\n" + table(rows, list(tx.STATUS_HEADER)))
    pending = [(b, c) for b in state.bodies for c in b.pending]
    if pending:
        click.echo("\n" + tx.PENDING_TITLE.text(count=len(pending)))
        for b, c in pending:
            _line(tx.PENDING_LINE.text(body=b.body_id, code=c.code, claim=c.claim, claimed=c.claimed_text or tx.NOTHING.text(), received=format_long_date(dt.date.fromisoformat(c.received))))
    late = [(b, x) for b in state.bodies for x in b.late]
    if late:
        click.echo("\n" + tx.LATE_TITLE.text(count=len(late)))
        for b, x in late:
            _line(tx.LATE_LINE.text(body=b.body_id, file=x.file, received=format_long_date(dt.date.fromisoformat(x.received)), deadline=format_long_date(dt.date.fromisoformat(x.deadline))))
