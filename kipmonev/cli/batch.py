"""Batch commands for Komisi Informasi: ``score`` over many workbooks, ``compare`` two result sets."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sys
from decimal import Decimal
from pathlib import Path
from types import FrameType

import click

from kipmonev.app.batch import BatchInterruptedError, BatchOptions, BatchResult, cpu_count, run_batch
from kipmonev.app.output_folder import claim_output_folder
from kipmonev.app.reports import BatchReports, render_batch_reports
from kipmonev.cli._common import UserError, option, printable, progress_bar, table, user_errors, write_output
from kipmonev.cli._i18n import Choice, Command, FilePath
from kipmonev.cli._options import date_option, force_option, jobs_option, report_option, templates_option
from kipmonev.cli.problems import (
    BATCH_EVIDENCE,
    BATCH_INTERRUPTED,
    COMPARE_BY_NAME,
    COMPARE_ESTIMATE,
    COMPARE_ESTIMATES_NOTE,
    COMPARE_ONLY_NEW,
    COMPARE_ONLY_OLD,
    COMPARE_OUTPUT_KIND,
    COMPARE_SCORE,
    COMPARE_SUMMARY,
    COMPARE_WRITTEN,
    OUTPUT_EXISTS,
    PANEL_READ,
)
from kipmonev.core.catalogue import quoted
from kipmonev.core.formatting import format_number, format_signed
from kipmonev.engine.compare import compare
from kipmonev.engine.stages import CombineRule
from kipmonev.model.recap import Recap
from kipmonev.outputs.compare_export import SUFFIXES, write_comparison
from kipmonev.outputs.recap_labels import TOTAL_LABEL, participation_line
from kipmonev.outputs.report import ReportFormat
from kipmonev.sources.results import load_rows
from kipmonev.sources.roster import read_roster

#: Exit code of an interrupted batch (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
#: The folder, inside the output folder, that --report writes into.
REPORTS_DIR = "laporan"
#: Problems printed to the terminal; every one is in the recap's Galat sheet.
MAX_LISTED_ERRORS = 20


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command("score", cls=Command)
@click.argument("paths", metavar="BERKAS_ATAU_FOLDER...", nargs=-1, required=True, type=FilePath(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=FilePath(file_okay=False, path_type=Path), help="Folder keluaran: hasil/*.json, rekap.xlsx, rekap.json, *.csv.")
@jobs_option()
@click.option("--stage-scores", type=FilePath(exists=True, dir_okay=False, path_type=Path), help="CSV/XLSX nilai panelis per ID badan publik (presentasi/visitasi).")
@click.option("--panel", type=FilePath(exists=True, path_type=Path), help="Folder lembar nilai panelis yang sudah diisi (buatan 'kipmonev panel kit'), sebagai ganti --stage-scores.")
@click.option("--conflicts", type=FilePath(exists=True, dir_okay=False, path_type=Path), help="CSV/XLSX konflik kepentingan (Panelis, ID, Alasan[, Tahap]): nilai panelis itu untuk badan publik itu tidak dipakai dan dicantumkan.")
@click.option("--combine", type=Choice([r.value for r in CombineRule]), default=CombineRule.MEAN.value, show_default=True, help="Cara menggabungkan nilai panelis: rata-rata (mean), rata-rata terpangkas (trimmed) atau median.")
@option("--rules", "rule_set", old="--aturan", metavar="ATURAN", help="Terapkan aturan komisi lain (id atau berkas), misalnya ki-dki-jakarta.")
@click.option("--previous", type=FilePath(exists=True, path_type=Path), help="Keluaran 'kipmonev score' tahun lalu, untuk perbandingan antartahun.")
@report_option("Buat juga laporan per badan publik ke folder laporan/ (pdf, html, xlsx, json; dipisah koma), serta laporan rekap rekap.pdf/rekap.html.")
@date_option("Tanggal rekap dan laporan")
@templates_option()
@option("--roster", "roster", old="--daftar", type=FilePath(exists=True, dir_okay=False, path_type=Path), help="Daftar badan publik yang diundang (CSV/XLSX): hanya mereka yang diperingkat, yang tidak mengirim dicantumkan dengan statusnya.")
@force_option("Tulis juga ke folder keluaran yang memuat berkas lain (berkas itu dibiarkan). Tanpa opsi ini kipmonev hanya menimpa dan menghapus keluarannya sendiri.")
@click.option(
    "--evidence",
    "evidence",
    metavar="FOLDER",
    type=FilePath(exists=True, file_okay=False, path_type=Path),
    help="Folder bukti dukung semua badan publik: bukti setiap badan publik dicari di FOLDER/<ID>/ atau FOLDER/<ID>.zip (ID dari sheet Identitas) "
    "dan diperiksa seperti 'check --evidence'. Temuan menjadi peringatan di hasilnya; nilai tidak berubah.",
)
@click.option("-q", "--quiet", is_flag=True, help="Tanpa bilah kemajuan dan ringkasan.")
def score_cmd(
    paths: tuple[Path, ...],
    out_dir: Path,
    jobs: int | None,
    stage_scores: Path | None,
    panel: Path | None,
    conflicts: Path | None,
    combine: str,
    rule_set: str | None,
    previous: Path | None,
    report: tuple[ReportFormat, ...],
    date: dt.date | None,
    templates: Path | None,
    roster: Path | None,
    force: bool,
    evidence: Path | None,
    quiet: bool,
) -> None:
    """Nilai banyak isian sekaligus, lalu tulis hasil per badan publik dan rekapnya.

    Satu berkas yang gagal tidak menghentikan batch; galatnya tercantum di rekap (sheet Galat).
    Keluaran lama di folder keluaran yang tidak ditulis ulang dihapus (daftarnya ada di
    .kipmonev-keluaran.json); folder yang memuat berkas lain ditolak tanpa --force.
    Keluar dengan kode 0 bila semua berkas dinilai, 1 bila ada yang gagal, 130 bila dihentikan.

    \b
    Contoh:
      kipmonev score examples/ -o hasil-2025 --stage-scores panelis.csv
      kipmonev score isian/ -o hasil-2025 --evidence bukti/
    """
    with user_errors():
        invited = read_roster(roster, None).entries if roster else None
        claim = claim_output_folder(out_dir, paths, force=force)
    options = BatchOptions(
        out_dir=out_dir, date=(date or dt.date.today()).isoformat(), jobs=jobs or cpu_count(), stage_file=stage_scores, panel=panel, conflicts=conflicts, combine=CombineRule(combine), rule_set=rule_set, previous=previous, roster=invited, evidence=evidence
    )
    previous_handler = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with user_errors(), progress_bar("Menilai", quiet) as progress:
            result = run_batch(paths, options, progress)
    except BatchInterruptedError as e:
        claim.keep()
        click.echo(f"Dihentikan: {BATCH_INTERRUPTED.text(done=e.done, total=e.total)}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    recap = result.recap
    if result.stage_file is not None and recap.panel is not None and not quiet:
        panelists = quoted(result.stage_file.panel_columns, "dan")
        click.echo(printable(PANEL_READ.text(source=result.stage_file.source, bodies=len(result.stage_file.rows), panelists=panelists, conflicts=len(recap.panel.conflicts))))
    elif result.stage_file is not None and not quiet:
        used = quoted(result.stage_file.panel_columns, "dan")
        ignored = f"; kolom lain diabaikan: {quoted(result.stage_file.ignored_columns, 'dan')}" if result.stage_file.ignored_columns else ""
        click.echo(printable(f"Nilai tahap dari {result.stage_file.source}: kolom panelis {used}{ignored}."))
    try:
        rendered = _reports(result, report, options, templates, quiet)
    except BaseException:
        claim.keep()  # nothing is removed when the reports did not all get written
        raise
    claim.finish([*result.written, *(rendered.written + rendered.recap_written if rendered else [])])
    if not quiet:
        print_summary(recap, result.failed, out_dir, rendered)
        if result.evidence is not None:
            tally = result.evidence
            click.echo(printable(BATCH_EVIDENCE.text(checked=tally.checked, folder=str(tally.folder), problems=tally.problems, without=tally.without)))
    print_errors(recap)
    for problem in rendered.problems if rendered else ():
        click.echo(printable(str(problem)), err=True)
    if result.failed:
        raise UserError(f"{result.failed} berkas tidak dapat dinilai; lihat sheet Galat di {out_dir / 'rekap.xlsx'}.")
    if rendered and rendered.problems:
        raise UserError(f"{len(rendered.problems)} laporan tidak dapat dibuat.")


def _reports(result: BatchResult, report: tuple[ReportFormat, ...], options: BatchOptions, templates: Path | None, quiet: bool) -> BatchReports | None:
    """The reports ``--report`` asks for (none without it)."""
    if not report:
        return None
    with user_errors(), progress_bar("Membuat laporan", quiet) as report_progress:
        return render_batch_reports(
            result.recap,
            report,
            options.out_dir / REPORTS_DIR,
            report_date=dt.date.fromisoformat(options.date),
            jobs=options.jobs,
            previous=result.previous,
            templates_dir=templates,
            recap_dir=options.out_dir,
            progress=report_progress,
        )


def print_summary(recap: Recap, failed: int, out_dir: Path, rendered: BatchReports | None) -> None:
    """The counts per category and qualification, the participation (with a roster), and what was written."""
    counts = [[c.category, *[str(c.counts.get(b.code, 0)) for b in recap.bands], str(c.not_final), str(c.total)] for c in recap.band_counts]
    click.echo(table(counts, ["KATEGORI", *[b.name.upper() for b in recap.bands], "BELUM FINAL", TOTAL_LABEL.upper()]))
    click.echo(f"\nDinilai: {recap.funnel.scored} dari {recap.funnel.files} berkas; gagal: {failed}. Rekap: {out_dir / 'rekap.xlsx'}")
    for step in recap.funnel.gates:
        click.echo(printable(f"Gerbang {step.index}: {step.label}: {step.passed} dari {step.reached} lolos, {step.failed} tidak lolos" + (f", {step.undecided} belum diputuskan" if step.undecided else "") + "."))
    p = recap.participation
    if p is not None:
        click.echo(f"Partisipasi: {participation_line(p)}.")
        if p.non_participants:
            click.echo(f"Tidak berpartisipasi ({len(p.non_participants)}, tanpa nilai):")
            for n in p.non_participants:
                click.echo(printable(f"- {n.body_id} {n.name} ({n.category}): {n.status_label}", keep_newlines=False))
    if rendered is not None:
        click.echo(f"Laporan: {len(rendered.written)} berkas di {out_dir / REPORTS_DIR}")
        if rendered.recap_written:
            click.echo(f"Laporan rekap: {', '.join(str(p) for p in rendered.recap_written)}")


def print_errors(recap: Recap) -> None:
    """What was skipped, the first warnings (panel rows, stages), then the first problems of files that could not be scored, on standard error."""
    for skipped in recap.skipped:
        click.echo(printable(f"Peringatan: {skipped.where}: {skipped.message}"), err=True)
    for warning in recap.warnings[:MAX_LISTED_ERRORS]:
        click.echo(printable(f"Peringatan: {warning.where}: {warning.message}"), err=True)
    if len(recap.warnings) > MAX_LISTED_ERRORS:
        click.echo(f"…dan {len(recap.warnings) - MAX_LISTED_ERRORS} peringatan lainnya (lihat sheet Peringatan).", err=True)
    for error in recap.errors[:MAX_LISTED_ERRORS]:
        click.echo(printable(f"{error.where}: {error.message}"), err=True)
    if len(recap.errors) > MAX_LISTED_ERRORS:
        click.echo(f"…dan {len(recap.errors) - MAX_LISTED_ERRORS} masalah lainnya (lihat sheet Galat).", err=True)


@click.command("compare", cls=Command)
@click.argument("old", metavar="LAMA", type=FilePath(exists=True, path_type=Path))
@click.argument("new", metavar="BARU", type=FilePath(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk mesin.")
@click.option("-o", "--output", type=FilePath(dir_okay=False, path_type=Path), metavar="BERKAS", help="Tulis juga tabel perbandingan ke BERKAS .csv atau .xlsx (dengan sheet Indikator).")
@force_option()
def compare_cmd(old: Path, new: Path, as_json: bool, output: Path | None, force: bool) -> None:
    """Bandingkan dua hasil penilaian: per badan publik dan per indikator, apa yang naik dan turun.

    LAMA dan BARU adalah folder keluaran 'kipmonev score', berkas rekap.json, atau satu hasil JSON.
    Badan publik dicocokkan menurut ID; yang ID-nya berubah dicocokkan menurut nama, dengan
    peringatan. Nilai yang belum final ditandai 'perkiraan'.

    \b
    Contoh:
      kipmonev compare hasil-2024 hasil-2025
      kipmonev compare hasil-2024 hasil-2025 -o perbandingan.xlsx
    """
    if output is not None and output.suffix.lower() not in SUFFIXES:
        raise UserError(COMPARE_OUTPUT_KIND.text(path=str(output)))
    if output is not None and output.exists() and not force:  # before the work, not after it
        raise UserError(OUTPUT_EXISTS.text(path=str(output)))
    with user_errors():
        result = compare(load_rows(old), load_rows(new))
    for body in result.bodies:
        if body.matched_by_name:
            click.echo(printable(f"Peringatan: {COMPARE_BY_NAME.text(name=body.name, old_key=body.old_key, new_key=body.key)}"), err=True)
    if output is not None:
        write_output(output, force, [old, new], lambda: write_comparison(result, output))
    if as_json:
        click.echo(json.dumps(json.loads(result.model_dump_json()) | {"up": result.up, "down": result.down}, ensure_ascii=False, indent=2))
        return

    def shown(score: Decimal, band: str, final: bool) -> str:
        return (COMPARE_SCORE if final else COMPARE_ESTIMATE).text(score=format_number(score), band=band)

    rows = [[b.key, b.name, shown(b.old_score, b.old_band, b.old_final), shown(b.new_score, b.new_band, b.new_final), format_signed(b.change)] for b in result.bodies]
    click.echo(table(rows, ["ID", "BADAN PUBLIK", "LAMA", "BARU", "PERUBAHAN"]))
    click.echo("\n" + COMPARE_SUMMARY.text(up=result.up, down=result.down, only_old=len(result.only_old), only_new=len(result.only_new)))
    if any(not (b.old_final and b.new_final) for b in result.bodies):
        click.echo(COMPARE_ESTIMATES_NOTE.text())
    for heading, side in ((COMPARE_ONLY_OLD, result.only_old), (COMPARE_ONLY_NEW, result.only_new)):
        if side:
            click.echo(heading.text(count=len(side)))
            for one in side:
                click.echo(printable(f"- {one.key}: {one.name} ({one.category})" if one.key != one.name else f"- {one.name} ({one.category})", keep_newlines=False))
    for body in result.bodies:
        moved = [f"{i.name} {format_signed(i.change)}" for i in body.indicators if i.change]
        if moved:
            click.echo(printable(f"- {body.name}: " + "; ".join(moved), keep_newlines=False))
    if output is not None:
        click.echo(printable(COMPARE_WRITTEN.text(path=str(output))))
