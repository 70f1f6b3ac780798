"""Round commands: ``kipmonev round init|templates|receive|status|recap`` for a Komisi Informasi's monev round."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from kipmonev.app.batch import BatchInterruptedError, cpu_count
from kipmonev.app.reports import render_batch_reports
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.recap import recap_dir, round_recap
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.signoff import signoff_counts, stored_copy_problems
from kipmonev.app.round.stages import round_stage_progress
from kipmonev.app.round.status import write_round_status
from kipmonev.app.round.templates import write_round_templates
from kipmonev.app.round.workspace import Round, open_round
from kipmonev.cli import round_texts as rtx
from kipmonev.cli import signoff_texts as stx
from kipmonev.cli._common import CONTEXT, UserError, option, printable, table, user_errors
from kipmonev.cli._i18n import Date, FilePath, Group, IntRange
from kipmonev.cli._options import date_option, jobs_option, report_option, templates_option
from kipmonev.cli.batch import EXIT_INTERRUPTED, REPORTS_DIR, print_errors, print_summary
from kipmonev.engine.problems_signoff import LEVEL_LABELS
from kipmonev.model.round import BodyStatus, Outcome
from kipmonev.model.signoff import SignOffStatus
from kipmonev.outputs.report import ReportFormat

#: Short status headings, so the terminal table fits 100 columns (the files carry the full labels).
_SHORT = {
    BodyStatus.NOT_SENT: "TIDAK KIRIM",
    BodyStatus.BLANK: "KOSONG",
    BodyStatus.NEEDS_FIX: "PERBAIKAN",
    BodyStatus.INCOMPLETE: "BELUM LENGKAP",
    BodyStatus.NO_EVIDENCE: "TANPA BUKTI",
    BodyStatus.COMPLETE: "LENGKAP",
}
_FOLDER = FilePath(file_okay=False, path_type=Path)
_EXISTING_FOLDER = FilePath(exists=True, file_okay=False, path_type=Path)


@click.group("round", context_settings=CONTEXT, options_metavar="[OPSI]", subcommand_metavar="PERINTAH [ARGUMEN]...", cls=Group)
@option("--by", "actor", old="--oleh", metavar="NAMA", help="Nama petugas yang dicatat pada log putaran (bawaan: nama pengguna sistem).")
@click.pass_context
def round_cmd(ctx: click.Context, actor: str | None) -> None:
    """Kelola satu putaran monev: daftar badan publik, templat, penerimaan isian, kemajuan dan rekap.

    Putaran adalah satu folder: putaran.yaml, daftar badan publik, salinan setiap berkas yang diterima,
    dan satu basis data (putaran.sqlite) yang mencatat setiap perubahan sebagai peristiwa yang tidak
    pernah diubah atau dihapus.

    \b
    Contoh:
      kipmonev round init putaran-2025 --commission "Komisi Informasi Provinsi Contoh" --roster daftar.csv
      kipmonev round templates putaran-2025
      kipmonev round receive putaran-2025 kotak-masuk/
      kipmonev round status putaran-2025
      kipmonev round recap putaran-2025
    """
    ctx.obj = actor


def _open(folder: Path) -> Round:
    actor = click.get_current_context().obj  # --by, passed down from the group
    with user_errors():
        r = open_round(folder, actor)
    for warning in r.warnings:
        click.echo(printable(f"Peringatan: {warning}"), err=True)
    return r


@round_cmd.command("init")
@click.argument("folder", metavar="FOLDER", type=_FOLDER)
@option("--commission", "commission", old="--komisi", required=True, metavar="NAMA", help="Nama Komisi Informasi penyelenggara, misalnya 'Komisi Informasi Provinsi Contoh'.")
@option("--year", "year", old="--tahun", type=IntRange(2008, 2100), metavar="TAHUN", help="Tahun penilaian (bawaan: tahun edisi bawaan terbaru).")
@option("--rules", "rule_set", old="--aturan", metavar="ATURAN", help="Id atau berkas aturan penilaian, misalnya ki-kaltim (bawaan: aturan setiap edisi).")
@option("--roster", "roster", old="--daftar", type=FilePath(exists=True, dir_okay=False, path_type=Path), help="Daftar badan publik (CSV atau XLSX) yang disalin ke folder putaran.")
@option("--deadline-submission", "filling", old="--tenggat-pengisian", type=Date(), metavar="TANGGAL", help="Batas akhir pengisian, misalnya 23-11-2025.")
@option("--deadline-verification", "verification", old="--tenggat-verifikasi", type=Date(), metavar="TANGGAL", help="Batas akhir verifikasi.")
@option("--deadline-objection", "objection", old="--tenggat-sanggah", type=Date(), metavar="TANGGAL", help="Batas akhir masa sanggah.")
@click.pass_obj
def init_cmd(actor: str | None, folder: Path, commission: str, year: int | None, rule_set: str | None, roster: Path | None, filling: dt.date | None, verification: dt.date | None, objection: dt.date | None) -> None:
    """Buat putaran baru di FOLDER: putaran.yaml, daftar badan publik dan log putaran.

    Tanpa --roster ditulis daftar kosong (daftar-badan-publik.csv) berjudul kolom ID, Nama, Kategori,
    Email PPID dan Induk untuk diisi. Edisi kuesioner per kategori diambil dari edisi bawaan tahun itu
    dan dapat diubah di putaran.yaml.

    \b
    Contoh:
      kipmonev round init putaran-2025 --commission "Komisi Informasi Provinsi Contoh" \\
        --roster daftar.xlsx --deadline-submission 23-11-2025
    """
    options = InitOptions(commission=commission, year=year, rule_set=rule_set, roster=roster, filling=filling, verification=verification, objection=objection)
    with user_errors():
        result = init_round(folder, options, actor)
    click.echo(f"Putaran {result.config.year} untuk {result.config.commission} dibuat di {folder}.")
    click.echo(table([[c, e] for c, e in result.config.editions.items()], ["KATEGORI", "EDISI"]))
    if result.bodies is None:
        click.echo(f"\nIsi daftar badan publik di {result.roster_file} (kolom ID, Nama, Kategori, Email PPID, Induk).")
        click.echo("Kategori yang dikenal: " + ", ".join(result.config.editions) + ".")
    else:
        click.echo(f"\nDaftar badan publik: {result.bodies} badan publik ({result.roster_file}).")
    click.echo(f"Langkah berikutnya: kipmonev round templates {folder}")


@round_cmd.command("receive")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.argument("paths", metavar="BERKAS_ATAU_FOLDER...", nargs=-1, required=True, type=FilePath(exists=True, path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Tanpa rincian per berkas; hanya ringkasan.")
def receive_cmd(folder: Path, paths: tuple[Path, ...], quiet: bool) -> None:
    """Terima berkas isian ke putaran di FOLDER: setiap berkas dicatat (SHA-256, waktu, ukuran) dan disalin.

    Versi terbaru setiap badan publik menjadi versi berlaku; versi lama tetap tersimpan. Templat kosong,
    berkas untuk ID yang tidak ada di daftar, berkas kembar, berkas bukan isian dan keluaran putaran ini
    sendiri dilaporkan dengan namanya dan tidak pernah dinilai.

    \b
    Contoh:
      kipmonev round receive putaran-2025 kotak-masuk/ unduhan/isian-KEM-01.xlsx
    """
    with _open(folder) as r, user_errors():
        report = receive_files(r, paths)
    if not quiet:
        for item in report.items:
            who = f" [{item.body_id}]" if item.body_id else ""
            click.echo(printable(f"{item.path.name}{who}: {item.label}", keep_newlines=False))
            for problem in item.messages:
                click.echo(printable(f"  {problem.message}", keep_newlines=False))
    counts = [
        f"{report.count(Outcome.VERSION)} versi isian",
        f"{report.count(Outcome.UNREADABLE)} perlu perbaikan",
        f"{report.count(Outcome.BLANK)} templat kosong",
        f"{report.count(Outcome.UNKNOWN_ID)} ID tidak dikenal",
        f"{sum(1 for i in report.items if i.outcome is None and i.new)} kembar",
        f"{sum(1 for i in report.items if i.outcome is None and not i.new)} sudah diterima sebelumnya",
        f"{report.count(Outcome.NOT_WORKBOOK)} bukan isian",
        f"{report.count(Outcome.ROUND_OUTPUT)} keluaran putaran",
    ]
    click.echo(f"\nDiterima {len(report.items)} berkas: " + ", ".join(counts) + ".")
    click.echo(f"Kemajuan: kipmonev round status {folder}")


@round_cmd.command("templates")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
def templates_cmd(folder: Path) -> None:
    """Tulis satu templat isian (.xlsx) untuk setiap badan publik di daftar, ke FOLDER/templat/.

    Identitas badan publik sudah terisi dan ID-nya terkunci; nama Komisi Informasi diambil dari
    putaran.yaml. Templat badan publik tidak memuat kolom verifikator dan nilai tahap lanjutan.

    \b
    Contoh:
      kipmonev round templates putaran-2025
    """
    with _open(folder) as r, user_errors():
        result = write_round_templates(r)
    click.echo(f"Templat ditulis: {len(result.written)} berkas di {result.folder}.")


@round_cmd.command("status")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@click.option("-o", "--output", "out_dir", type=_FOLDER, help="Folder keluaran (bawaan: FOLDER/status).")
@date_option("Tanggal keadaan yang dicetak", old="--tanggal")
@templates_option()
def status_cmd(folder: Path, out_dir: Path | None, date: dt.date | None, templates: Path | None) -> None:
    """Tampilkan kemajuan setiap badan publik di daftar, lalu tulis kemajuan.xlsx, surat-ppid.csv dan dasbor.html.

    Status: tidak mengirim, mengirim templat kosong, perlu perbaikan, belum lengkap, jawaban tanpa bukti,
    lengkap. surat-ppid.csv (UTF-8 dengan BOM, pemisah titik koma) berisi email PPID dan apa yang masih
    harus dilakukan setiap badan publik yang belum lengkap, untuk surat massal. dasbor.html adalah satu
    berkas mandiri yang dapat dibuka tanpa jaringan; kolomnya dapat diurutkan.

    \b
    Contoh:
      kipmonev round status putaran-2025
    """
    with _open(folder) as r, user_errors():
        result = write_round_status(r, date or dt.date.today(), out_dir, templates)
        signoffs = signoff_counts(r)
        required = r.config.sign_offs
        stages = round_stage_progress(r)
    progress = result.progress
    statuses = list(BodyStatus)
    heads = ["DIUNDANG", "MENGIRIM", *[_SHORT[s] for s in statuses]]
    rows = [[g.group, str(g.invited), str(g.sent), *[str(g.counts.get(s.value, 0)) for s in statuses]] for g in (*progress.by_category, progress.totals) if g.invited]
    click.echo(table(rows, ["KATEGORI", *heads]))
    if progress.by_parent:
        rows = [[g.group, str(g.invited), str(g.sent), *[str(g.counts.get(s.value, 0)) for s in statuses]] for g in progress.by_parent]
        click.echo("\n" + table(rows, ["INDUK", *heads]))
    waiting = [b for b in progress.bodies if b.status in (BodyStatus.NOT_SENT, BodyStatus.BLANK)]
    if waiting:
        click.echo(f"\nBelum mengirim isian ({len(waiting)}):")
        for body in waiting:
            click.echo(printable(f"- {body.id} {body.name} ({body.category}): {body.status_label}", keep_newlines=False))
    if progress.strays:
        click.echo(f"\nBerkas yang tidak dinilai ({len(progress.strays)}):")
        for f in progress.strays:
            click.echo(printable(f"- {f.name}: {f.outcome_label}", keep_newlines=False))
    if stages:
        click.echo("\n" + rtx.STAGES_TITLE.text())
        rows = [[s.stage_name, s.body_id, s.name, str(len(s.expected)), str(len(s.received)), ", ".join(s.waiting) or rtx.NONE.text(), ", ".join(s.conflicts) or rtx.NONE.text()] for s in stages]
        click.echo(table(rows, list(rtx.STAGES_HEADER)))
    click.echo("\n" + stx.STATUS_TITLE.text(required=", ".join(LEVEL_LABELS[level] for level in required) or stx.STATUS_NONE.text()))
    rows = [[group or progress.totals.group, *[str(counts[s]) for s in SignOffStatus]] for group, counts in signoffs]
    click.echo(table(rows, list(stx.STATUS_HEADER)))
    click.echo("\nDitulis: " + ", ".join(str(p) for p in result.written))


@round_cmd.command("recap")
@click.argument("folder", metavar="FOLDER", type=_EXISTING_FOLDER)
@jobs_option()
@report_option("Buat juga laporan per badan publik (pdf, html, xlsx, json; dipisah koma) dan laporan rekap.")
@date_option("Tanggal rekap dan laporan", old="--tanggal")
@templates_option()
@click.option("-q", "--quiet", is_flag=True, help="Tanpa ringkasan.")
def recap_cmd(folder: Path, jobs: int | None, report: tuple[ReportFormat, ...], date: dt.date | None, templates: Path | None, quiet: bool) -> None:
    """Nilai versi berlaku setiap badan publik, lalu tulis hasil, rekap dan laporannya ke FOLDER/rekap/.

    Corong rekap dimulai dari daftar: diundang, mengirim, lengkap, diverifikasi, lolos gerbang, final.
    Badan publik yang tidak berpartisipasi dicantumkan dengan nama dan statusnya, tanpa nilai. Templat
    kosong, ID yang tidak dikenal dan berkas lain tidak pernah diperingkat.

    \b
    Contoh:
      kipmonev round recap putaran-2025 --report pdf,html
    """
    when = date or dt.date.today()
    with _open(folder) as r:
        out = recap_dir(r)
        for problem in stored_copy_problems(r)[1]:
            click.echo(printable(stx.WARNING.text(message=str(problem)), keep_newlines=False), err=True)
        try:
            with user_errors():
                result = round_recap(r, when, jobs or cpu_count())
        except BatchInterruptedError as e:
            click.echo(f"Dihentikan setelah {e.done} dari {e.total} berkas.", err=True)
            sys.exit(EXIT_INTERRUPTED)
    rendered = None
    if report:
        with user_errors():
            rendered = render_batch_reports(result.recap, report, out / REPORTS_DIR, report_date=when, jobs=jobs or cpu_count(), templates_dir=templates, recap_dir=out)
    if not quiet:
        print_summary(result.recap, result.failed, out, rendered)
    print_errors(result.recap)
    for problem in rendered.problems if rendered else ():
        click.echo(printable(str(problem)), err=True)
    if rendered and rendered.problems:
        raise UserError(f"{len(rendered.problems)} laporan tidak dapat dibuat.")
