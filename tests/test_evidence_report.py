"""The evidence section of the body report (HTML, PDF, XLSX): each checked piece of evidence with its result.

Built from the result's ``evidence_checks`` only (rows in the view model, templates display); a result
without them has no section, so the reports of batches without ``--evidence`` do not change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from cli_runner import run
from evidence_files import scan_pdf, text_pdf
from openpyxl import load_workbook
from pypdf import PdfReader
from round_helpers import CATEGORIES, answers

from kipmonev.engine.scoring import score
from kipmonev.model.result import Assessment, EvidenceRecord, EvidenceSource
from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.outputs.report import ReportFormat, render_bytes
from kipmonev.sources.loader import load_questionnaire

SK = text_pdf("Keputusan tentang PPID")
DAY = dt.date(2026, 12, 1)


def _workbook(folder: Path) -> Path:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    filled = answers(q)
    filled["SP.1.1"] = filled["SP.1.1"].model_copy(update={"evidence": ("sk-ppid.pdf",)})
    filled["SP.1.6"] = filled["SP.1.6"].model_copy(update={"evidence": ("laporan.pdf",)})
    filled["KU.2.2"] = filled["KU.2.2"].model_copy(update={"evidence": ("maklumat.pdf",)})
    body = BodyIdentity(id="KEM-01", name="Kementerian Contoh", category="Kementerian", year=2025)
    return write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=filled), folder / "KEM-01.xlsx", body_only=True)


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_report_lists_each_checked_document_with_its_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("isian").mkdir()
    _workbook(Path("isian"))
    Path("bukti/KEM-01").mkdir(parents=True)
    Path("bukti/KEM-01/sk-ppid.pdf").write_bytes(SK)
    Path("bukti/KEM-01/laporan.pdf").write_bytes(scan_pdf())
    code, _, err = run("score", "isian", "-o", "hasil", "--evidence", "bukti", "--report", "html,xlsx,pdf", "--date", "2026-12-01")
    assert code == 0, err
    sha = hashlib.sha256(SK).hexdigest()[:12]
    page = _text(Path("hasil/laporan/KEM-01-Kementerian-Contoh.html").read_text(encoding="utf-8"))
    section = page[page.index("Bukti Dukung yang Diperiksa") :]
    assert "SP.1.1 · Berkas: sk-ppid.pdf — PDF, 1 halaman, 0,1 MB, SHA-256 " + sha + "… · Lolos pemeriksaan" in section
    assert "SP.1.6 · Berkas: laporan.pdf — PDF, 1 halaman, hasil pindai (tanpa lapisan teks), 0,1 MB, SHA-256 " in section
    assert "Berkas bukti 'laporan.pdf' untuk SP.1.6 tidak memiliki lapisan teks (hasil pindai)" in section
    assert "KU.2.2 · Berkas: maklumat.pdf Berkas bukti 'maklumat.pdf' untuk KU.2.2 tidak ada di KEM-01." in section

    book = load_workbook(io.BytesIO(Path("hasil/laporan/KEM-01-Kementerian-Contoh.xlsx").read_bytes()))
    assert book.sheetnames == ["Ringkasan", "Rincian", "Rencana Perbaikan", "Bukti Dukung"]
    rows = [[c.value for c in row] for row in book["Bukti Dukung"].iter_rows()]
    assert rows[0] == ["Kode", "Jenis", "Bukti", "Tipe berkas", "Halaman", "Ukuran (MB)", "SHA-256 (awal)", "Status tautan", "Waktu pemeriksaan", "Hasil pemeriksaan", "Kode masalah"]
    assert rows[1] == ["SP.1.1", "Berkas", "sk-ppid.pdf", "PDF", 1, 0.1, sha, "–", "–", "Lolos pemeriksaan", "–"]
    assert (rows[2][0], rows[2][3], rows[2][10]) == ("SP.1.6", "PDF", "KM-E-210")
    assert (rows[3][0], rows[3][3], rows[3][6], rows[3][10]) == ("KU.2.2", "–", "–", "KM-E-201")

    pdf = " ".join((page.extract_text() or "") for page in PdfReader("hasil/laporan/KEM-01-Kementerian-Contoh.pdf").pages)
    assert "Bukti Dukung yang Diperiksa" in pdf and "Lolos pemeriksaan" in pdf


def _plain_assessment() -> Assessment:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    body = BodyIdentity(id="KEM-01", name="Kementerian Contoh", category="Kementerian", year=2025)
    return score(q, Submission(questionnaire_id=q.id, body=body, answers=answers(q)))


def test_links_show_their_status_and_time_and_no_checks_means_no_section() -> None:
    a = _plain_assessment()
    assert "Bukti Dukung yang Diperiksa" not in render_bytes(a, ReportFormat.HTML, report_date=DAY).decode()
    assert "Bukti Dukung" not in load_workbook(io.BytesIO(render_bytes(a, ReportFormat.XLSX, report_date=DAY))).sheetnames
    records = (
        EvidenceRecord(kind=EvidenceSource.LINK, value="https://ppid.contoh.go.id/sk.pdf", location="Kuesioner!G95", status="200", checked_at="2026-11-23T08:05:00+00:00"),
        EvidenceRecord(kind=EvidenceSource.LINK, value="https://jdih.contoh.go.id/perda", location="Kuesioner!G96", status="not_checked", problem_code="KM-E-110", message="tidak ada koneksi internet."),
    )
    first = a.questions[0].model_copy(update={"evidence_checks": records})
    checked = a.model_copy(update={"questions": (first, *a.questions[1:])})
    page = _text(render_bytes(checked, ReportFormat.HTML, report_date=DAY).decode())
    code = first.code
    assert f"{code} · Tautan: https://ppid.contoh.go.id/sk.pdf — HTTP 200, diperiksa 23 November 2026 08.05 UTC · Lolos pemeriksaan" in page
    assert f"{code} · Tautan: https://jdih.contoh.go.id/perda — tidak diperiksa Tidak ada koneksi internet." in page
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(render_bytes(checked, ReportFormat.XLSX, report_date=DAY)))["Bukti Dukung"].iter_rows(min_row=2)]
    assert [r[7:] for r in rows] == [["HTTP 200", "23 November 2026 08.05 UTC", "Lolos pemeriksaan", "–"], ["tidak diperiksa", "–", "Tidak ada koneksi internet.", "KM-E-110"]]


def test_the_zip_of_a_body_is_read_for_its_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("isian").mkdir()
    _workbook(Path("isian"))
    Path("bukti").mkdir()
    with zipfile.ZipFile("bukti/KEM-01.zip", "w") as archive:
        archive.writestr("sk-ppid.pdf", SK)
    assert run("score", "isian", "-o", "hasil", "--evidence", "bukti", "--report", "html")[0] == 0
    page = _text(Path("hasil/laporan/KEM-01-Kementerian-Contoh.html").read_text(encoding="utf-8"))
    assert "SP.1.1 · Berkas: sk-ppid.pdf — PDF, 1 halaman" in page
    assert "Berkas bukti 'laporan.pdf' untuk SP.1.6 tidak ada di KEM-01.zip." in page
