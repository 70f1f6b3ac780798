"""The round's verification commands: assign, verify-pack, verify-collect, second-opinion, verify-status, verify-decide.

They are added to the ``round`` group of :mod:`kipmonev.cli.round` when :mod:`kipmonev.cli.round_decide`
(which the top-level registry loads for ``round``) imports this module.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click

from kipmonev.app.round.assign import assign_verifiers
from kipmonev.app.round.verify import collect_packs, decide_clash, draw_second_opinion, verification_status, write_packs
from kipmonev.cli import verify_texts as tx
from kipmonev.cli._common import printable, table, user_errors
from kipmonev.cli._i18n import FilePath, FloatRange
from kipmonev.cli.round import _EXISTING_FOLDER, _open, round_cmd
from kipmonev.core.formatting import format_plain

__all__ = ["round_cmd"]

_FILE = FilePath(exists=True, dir_okay=False, path_type=Path)


def _warn(message: str) -> None:
    click.echo(printable(tx.WARNING.text(message=message), keep_newlines=False), err=True)


@round_cmd.command("assign")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("path", metavar="PENUGASAN", type=_FILE)
def assign_cmd(folder: Path, path: Path) -> None:
    """Tugaskan verifikator dari berkas PENUGASAN (CSV: kolom ID atau Kategori, dan Verifikator).

    Baris dengan ID menugaskan satu badan publik; baris dengan Kategori menugaskan seluruh kategori
    (baris ID menang). Jalankan lagi setelah berkas diubah: hanya perubahan yang dicatat di log
    (verifikator lama → baru), dan putusan verifikator lama tetap tercatat.

    \b
    Contoh:
      kipmonev round assign putaran-2025 penugasan.csv
    """
    with _open(folder) as r, user_errors():
        result = assign_verifiers(r, path)
    for body, old, new in result.changed:
        click.echo(printable(tx.ASSIGNED.text(body=body, old=old or "–", new=new), keep_newlines=False))
    click.echo(tx.ASSIGNED_SUMMARY.text(count=len(result.changed)) if result.changed else tx.ASSIGNED_NONE.text())
    for problem in result.warnings:
        _warn(str(problem))


@round_cmd.command("verify-pack")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("-o", "--out", "out_dir", type=FilePath(file_okay=False, path_type=Path), help="Folder paket (bawaan: FOLDER/verifikasi).")
@click.option("--second", is_flag=True, help="Paket pendapat kedua: hanya pertanyaan sampel (lihat round second-opinion).")
@click.option("--verifier", metavar="NAMA", help="Hanya paket untuk verifikator ini.")
@click.option(
    "--evidence",
    metavar="FOLDER",
    type=FilePath(exists=True, file_okay=False, path_type=Path),
    help="Folder bukti dukung (FOLDER/<ID>/ atau FOLDER/<ID>.zip per badan publik): paket mendapat kolom terkunci berisi hasil pemeriksaan bukti setiap butir.",
)
def verify_pack_cmd(folder: Path, out_dir: Path | None, second: bool, verifier: str | None, evidence: Path | None) -> None:
    """Tulis paket verifikasi per badan publik, terikat pada hash versi berlaku isiannya.

    Jawaban, data dukung dan keterangan badan publik tampil terkunci; verifikator mengisi kolom Jawaban
    Verifikasi (pilihan dari edisi atau tingkat skala verifikasi) dan Catatan Verifikator. Satu folder
    per verifikator.

    \b
    Contoh:
      kipmonev round verify-pack putaran-2025
      kipmonev round verify-pack putaran-2025 --second
      kipmonev round verify-pack putaran-2025 --evidence bukti/
    """
    with _open(folder) as r, user_errors():
        result = write_packs(r, out_dir, second=second, verifier=verifier, evidence=evidence)
    click.echo(tx.PACKS_WRITTEN.text(count=len(result.written), folder=str(result.folder)))
    if result.unassigned:
        _warn(tx.PACKS_UNASSIGNED.text(count=len(result.unassigned), ids=", ".join(result.unassigned)))


@round_cmd.command("verify-collect")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("paths", metavar="PAKET_ATAU_FOLDER...", nargs=-1, required=True, type=FilePath(exists=True, path_type=Path))
def verify_collect_cmd(folder: Path, paths: tuple[Path, ...]) -> None:
    """Kumpulkan paket verifikasi yang sudah diisi: setiap putusan yang berubah dicatat di log putaran.

    Paket untuk versi isian lain, atau yang jawaban badan publiknya diubah, ditolak dengan alasannya;
    paket lain tetap dikumpulkan. Keluar dengan kode 1 bila ada paket yang ditolak.

    \b
    Contoh:
      kipmonev round verify-collect putaran-2025 kembali/
    """
    files = sorted({p for given in paths for p in ([given] if given.is_file() else given.rglob("*.xlsx")) if not p.name.startswith(("~$", "."))})
    with _open(folder) as r, user_errors():
        outcomes = collect_packs(r, files)
    refused = 0
    for o in outcomes:
        if o.errors:
            refused += 1
            click.echo(printable(tx.PACK_REFUSED.text(file=o.path.name), keep_newlines=False))
            for problem in o.errors:
                click.echo(printable(f"  {problem}", keep_newlines=False))
            continue
        click.echo(printable(tx.PACK_RECORDED.text(file=o.path.name, body=o.body_id, verifier=o.verifier, role=o.role.value if o.role else "-", recorded=o.recorded, unchanged=o.unchanged), keep_newlines=False))
        for problem in o.warnings:
            _warn(str(problem))
    click.echo(tx.COLLECT_SUMMARY.text(count=len(outcomes), ok=len(outcomes) - refused, refused=refused))
    if refused:
        raise SystemExit(1)


@round_cmd.command("second-opinion")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("--percent", type=FloatRange(0, 100, min_open=True), required=True, help="Persen pertanyaan yang diverifikasi ulang, misalnya 10.")
@click.option("--seed", type=int, required=True, help="Benih acak; sampel yang sama untuk benih yang sama, dan benihnya dicatat di log.")
def second_opinion_cmd(folder: Path, percent: float, seed: int) -> None:
    """Tarik sampel acak pertanyaan untuk diverifikasi ulang oleh verifikator kedua.

    Sampel diambil dari pertanyaan yang dijawab pada versi berlaku badan publik yang sudah memiliki
    verifikator; verifikator kedua dipilih dari tim selain verifikator utama. Benih dan sampel dicatat.

    \b
    Contoh:
      kipmonev round second-opinion putaran-2025 --percent 10 --seed 20251206
    """
    with _open(folder) as r, user_errors():
        drawn = draw_second_opinion(r, Decimal(str(percent)), seed)
    click.echo(tx.SAMPLE_SUMMARY.text(items=drawn.items, total=drawn.total, percent=format_plain(drawn.percent), seed=str(drawn.seed), bodies=len(drawn.bodies)))
    for body, verifier, codes in drawn.bodies:
        click.echo(printable(tx.SAMPLE_BODY.text(body=body, count=len(codes), verifier=verifier, codes=", ".join(codes)), keep_newlines=False))
    click.echo(tx.SAMPLE_NEXT.text(folder=str(folder)))


@round_cmd.command("verify-status")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("--json", "as_json", is_flag=True, help="Cetak keadaan verifikasi sebagai JSON.")
def verify_status_cmd(folder: Path, as_json: bool) -> None:
    """Tampilkan keadaan verifikasi: beban dan kemajuan per verifikator, yang belum diverifikasi, kesepakatan dan beda putusan.

    \b
    Contoh:
      kipmonev round verify-status putaran-2025
    """
    with _open(folder) as r, user_errors():
        state = verification_status(r)
    if as_json:
        click.echo(state.model_dump_json(indent=2))
        return
    rows = [[v.verifier, str(v.bodies), str(v.bodies_done), str(v.items), str(v.items_done)] for v in state.verifiers]
    click.echo(table(rows, list(tx.LOAD_HEADER)))
    waiting = [b for b in state.bodies if b.pending]
    if waiting:
        click.echo("\n" + tx.NOT_VERIFIED_TITLE.text(count=len(waiting)))
        for b in waiting:
            items = ", ".join(tx.CLASH_MARK.text(code=p.code, cell=p.cell) if p.clash else f"{p.code} ({p.cell})" for p in b.pending)
            click.echo(printable(tx.NOT_VERIFIED_BODY.text(body=b.body_id, name=b.name, verifier=b.verifier or tx.NO_VERIFIER.text(), count=len(b.pending), items=items), keep_newlines=False))
    if state.pairs:
        click.echo("\n" + tx.PAIR_TITLE.text())
        pairs = [[p.first, p.second, str(p.items), str(p.agreed), p.percent or "–", p.kappa or tx.UNDEFINED.text()] for p in state.pairs]
        click.echo(table(pairs, list(tx.PAIR_HEADER)))
    if state.clashes:
        click.echo("\n" + tx.CLASH_TITLE.text(count=len(state.clashes)))
        for c in state.clashes:
            click.echo(printable(tx.CLASH_LINE.text(body=c.body_id, code=c.code, first=c.first.verifier, first_verdict=c.first.text, second=c.second.verifier, second_verdict=c.second.text), keep_newlines=False))


@round_cmd.command("verify-decide")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("body_id", metavar="ID")
@click.argument("code", metavar="KODE")
@click.argument("verdict", metavar="PUTUSAN")
@click.option("--reason", required=True, metavar="TEKS", help="Alasan putusan pleno, dicatat di log.")
def verify_decide_cmd(folder: Path, body_id: str, code: str, verdict: str, reason: str) -> None:
    """Catat putusan pleno atas beda putusan dua verifikator pada satu pertanyaan: PUTUSAN salah satu dari keduanya.

    \b
    Contoh:
      kipmonev round verify-decide putaran-2025 KEM-01 KIP.1.2 Tidak --reason "Bukti tidak dapat dibuka"
    """
    with _open(folder) as r, user_errors():
        chosen = decide_clash(r, body_id, code, verdict, reason)
    click.echo(printable(tx.DECIDED.text(body=chosen.body_id, code=chosen.code, verdict=chosen.text, verifier=chosen.verifier), keep_newlines=False))


