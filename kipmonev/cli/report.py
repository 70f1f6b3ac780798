"""``kipmonev report``: body reports from result files or filled workbooks, and the recap report from a batch's rekap.json."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import click

from kipmonev.app.batch import cpu_count
from kipmonev.app.inputs import read_input, read_previous, read_recap, recap_path
from kipmonev.cli._common import UserError, printable, progress_bar, user_errors
from kipmonev.cli._i18n import Command, FilePath
from kipmonev.cli._options import FormatList, date_option, jobs_option, questionnaire_option, templates_option
from kipmonev.cli.problems import REPORT_FAILED, REPORT_PREVIOUS_MISSING
from kipmonev.core.errors import KipmonevError
from kipmonev.engine.matching import find_previous
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.outputs.report import ReportFormat, render_many, render_recaps
from kipmonev.sources.loader import load_questionnaire


@click.command("report", cls=Command)
@click.argument("inputs", metavar="MASUKAN...", nargs=-1, required=True, type=FilePath(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=FilePath(file_okay=False, path_type=Path), help="Folder keluaran; dibuat bila belum ada.")
@click.option(
    "-f", "--format", "formats", type=FormatList(), default="pdf", show_default=True, metavar="FORMAT[,...]", help="Format laporan, dipisah koma: pdf, html, xlsx, json."
)
@templates_option()
@click.option("--previous", type=FilePath(exists=True, path_type=Path), help="Hasil tahun sebelumnya (berkas .json atau folder berisi .json) untuk bagian perbandingan.")
@questionnaire_option()
@date_option("Tanggal yang tercetak pada laporan")
@jobs_option()
def report_cmd(
    inputs: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[ReportFormat, ...],
    templates: Path | None,
    previous: Path | None,
    questionnaire: str | None,
    date: dt.date | None,
    jobs: int | None,
) -> None:
    """Buat laporan badan publik atau rekapitulasi.

    Berkas hasil (.json dari 'kipmonev score') atau buku kerja isian (.xlsx, .xlsm, .xlsb, .ods atau .xls;
    langsung dinilai) menjadi Laporan Hasil Penilaian badan publik itu; nama berkasnya dibentuk dari kode
    dan nama badan publik.
    Berkas rekap.json, atau folder keluaran 'kipmonev score' yang memuatnya, menjadi laporan rekapitulasi
    untuk komisi (rekap.pdf, rekap.html, rekap.xlsx): peringkat per kategori, jumlah per kualifikasi,
    sebaran, corong penilaian, indikator terlemah dan daftar badan publik Informatif. Masukan yang gagal
    tidak menghentikan yang lain; perintah keluar dengan kode 1 bila ada yang gagal.

    \b
    Contoh:
      kipmonev report hasil/*.json -o laporan --format pdf,xlsx
      kipmonev report isian-bumn.xlsx -o laporan --previous hasil-2024/
      kipmonev report hasil-2025/ -o laporan --format pdf,xlsx
    """
    with user_errors():
        earlier = read_previous(previous) if previous is not None else []
        edition = load_questionnaire(questionnaire) if questionnaire else None
    assessments: list[Assessment] = []
    recaps: list[Recap] = []
    failed = 0
    for path in inputs:
        try:
            source = recap_path(path)
            if source is None:
                assessments.append(read_input(path, edition))
            else:
                recaps.append(read_recap(source))
        except KipmonevError as e:
            failed += 1
            click.echo(printable(str(e)), err=True)
    for a in assessments:
        if previous is not None and find_previous(a, earlier) is None:
            click.echo(printable(f"Peringatan: {REPORT_PREVIOUS_MISSING.text(body=a.body.name)}"), err=True)
    date = date or dt.date.today()
    with user_errors():
        with progress_bar("Membuat laporan") as progress:
            done = itertools.count(1)
            summaries = [
                render_many(
                    assessments, formats, out_dir, report_date=date, previous=earlier, templates_dir=templates, protected=inputs, workers=jobs or cpu_count(), progress=lambda _: progress(next(done), len(assessments))
                )
            ]
        if recaps:
            summaries.append(render_recaps(recaps, formats, out_dir, report_date=date, templates_dir=templates, protected=inputs))
    for summary in summaries:
        for written in summary.written:
            click.echo(f"Ditulis: {written}")
        for problem in summary.problems:
            click.echo(printable(str(problem)), err=True)
        failed += len(summary.failed)
    if failed:
        raise UserError(REPORT_FAILED.text(failed=failed, total=len(inputs)))
