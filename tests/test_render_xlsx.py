"""The body workbook, loaded back: sheets, numbers as numbers, links, colours, frozen headers, inert text."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook
from render_samples import golden

from kipmonev.model.result import Assessment
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.report import ReportFormat, render_bytes
from kipmonev.outputs.report.excel import safe_text

DATE = dt.date(2025, 11, 23)


def workbook(a: Assessment) -> Workbook:
    return load_workbook(io.BytesIO(render_bytes(a, ReportFormat.XLSX, report_date=DATE)))


def find(ws: object, label: str) -> int:
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):  # type: ignore[attr-defined]
        if cell.value == label:
            return int(cell.row)
    raise KeyError(label)


def test_sheets_and_summary_values() -> None:
    wb = workbook(golden("final"))
    assert wb.sheetnames == ["Ringkasan", "Rincian", "Rencana Perbaikan"]
    ws = wb["Ringkasan"]
    assert ws["A1"].value == "Laporan Hasil Penilaian Monev Keterbukaan Informasi Publik 2025"
    assert ws.cell(find(ws, "Nama badan publik"), 2).value == "Badan Uji Keterbukaan"
    row = find(ws, "Nilai akhir")
    score = ws.cell(row, 2)
    assert score.value == pytest.approx(76.36) and score.data_type == "n" and score.number_format == "0.00"
    band = ws.cell(row + 1, 2)
    assert band.value == "Cukup Informatif" and band.fill.fgColor.rgb == "00D4A017" and band.font.name == "Calibri"
    assert ws.cell(find(ws, "Status"), 2).value == "Final"
    assert ws.cell(find(ws, "Nilai verifikasi (SAQ)"), 2).value == pytest.approx(73.33)
    assert ws.cell(find(ws, "Rumus"), 2).value == "Nilai akhir = 80% × 73,33 + 20% × 88,50 = 76,36"
    presentasi = find(ws, "Presentasi")
    assert [ws.cell(presentasi, c).value for c in (2, 3, 4)] == [20, pytest.approx(88.5), pytest.approx(17.7)]
    assert ws.freeze_panes == "A3"


def test_estimate_shows_status_reasons_and_missing_as_dash() -> None:
    ws = workbook(golden("estimate"))["Ringkasan"]
    row = find(ws, "Status")
    assert ws.cell(row, 2).value == "Perkiraan — belum final"
    assert ws.cell(row + 1, 2).value == "8 pertanyaan belum diverifikasi oleh Komisi Informasi."
    assert ws.cell(find(ws, "Nilai verifikasi (SAQ)"), 2).value == "–"
    assert ws.cell(find(ws, "Kualifikasi (perkiraan)"), 2).value == "Cukup Informatif"


def test_details_sheet_rows_links_and_points() -> None:
    a = golden("final")
    ws = workbook(a)["Rincian"]
    assert [c.value for c in ws[1]][:4] == ["Kode", "Indikator", "Pertanyaan", "Jawaban mandiri"]
    assert ws.freeze_panes == "D2" and ws.auto_filter.ref == "A1:L9"
    assert [ws.cell(r, 1).value for r in range(2, 10)] == [q.code for q in a.questions]
    first = 2
    link = ws.cell(first, 5).hyperlink
    assert link is not None and link.target == "https://ppid.uji.go.id/profil"
    assert ws.cell(first, 6).value == "Tidak" and ws.cell(first, 7).value == "Tautan tidak dapat dibuka."
    assert (ws.cell(first, 8).value, ws.cell(first, 9).value, ws.cell(first, 10).value) == (0, 2, "Belum terpenuhi")
    assert ws.cell(first, 8).data_type == "n"
    checklist = 3
    assert ws.cell(checklist, 4).value == "☑ Neraca\n☑ Laporan arus kas\n☐ CALK"
    na = 6
    assert (ws.cell(na, 8).value, ws.cell(na, 10).value) == ("–", "Tidak berlaku")


def test_plan_sheet_in_the_results_order() -> None:
    a = golden("final")
    ws = workbook(a)["Rencana Perbaikan"]
    assert [ws.cell(r, 2).value for r in range(2, 2 + len(a.improvements))] == [i.code for i in a.improvements]
    top = a.improvements[0]
    assert ws.cell(2, 5).value == pytest.approx(float(top.gain)) and ws.cell(2, 5).number_format == "0.00"
    assert ws.cell(2, 8).value == top.recommendation and ws.cell(2, 9).value == top.legal_basis
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://jahat.example","x")', '\'=HYPERLINK("http://jahat.example","x")'),
        ("+62 21 555", "'+62 21 555"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("Badan\x00Uji\x07", "BadanUji"),
        ("Biasa saja", "Biasa saja"),
    ],
)
def test_safe_text(text: str, expected: str) -> None:
    assert safe_text(text) == expected


@pytest.mark.parametrize("name", ['=HYPERLINK("http://jahat.example","x")', "<script>alert(1)</script>", "Badan\x00Uji\x1b", "Ж" * 5000, "../../etc/passwd"])
def test_hostile_text_stays_inert(name: str) -> None:
    a = golden("final")
    q0 = a.questions[0].model_copy(update={"text": "=1+1", "self_answer": a.questions[0].self_answer.model_copy(update={"evidence": ("javascript:alert(1)",)})})
    a = a.model_copy(update={"body": BodyIdentity(name=name), "questions": (q0, *a.questions[1:])})
    wb = workbook(a)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
    details = wb["Rincian"]
    assert details.cell(2, 3).value == "'=1+1"
    assert details.cell(2, 5).value == "javascript:alert(1)" and details.cell(2, 5).hyperlink is None
