"""The body report as a workbook: Ringkasan, Rincian, Rencana Perbaikan (and Bukti Dukung when evidence was checked).

Numbers are stored as numbers with a ``0.00`` format (missing shown as "–", never 0), headers are frozen,
the qualification is coloured, fonts are named explicitly, evidence links are hyperlinks, and no text cell
can start a formula. A new workbook is always written; a user's file is never re-saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.core.fileio import workbook_bytes
from kipmonev.outputs.report import sanggah_labels as sl
from kipmonev.outputs.report.labels import BandView
from kipmonev.outputs.report.rows import Evidence
from kipmonev.outputs.report.view import BodyReport

FONT_NAME = "Calibri"
NUMBER_FORMAT = "0.00"
POINTS_FORMAT = "0.##"
MISSING = "–"
#: Longest hyperlink target Excel accepts.
MAX_LINK = 2000
#: Longest text a cell holds.
MAX_CELL = 32_000

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="E7EDF4")
_TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True, color="123A5F")
_HEAD_FONT = Font(name=FONT_NAME, size=10, bold=True, color="123A5F")
_BODY_FONT = Font(name=FONT_NAME, size=10)
_BOLD_FONT = Font(name=FONT_NAME, size=10, bold=True)
_LINK_FONT = Font(name=FONT_NAME, size=10, color="0B5CAD", underline="single")
_NOTE_FONT = Font(name=FONT_NAME, size=9, italic=True, color="444444")
_THIN = Side(style="thin", color="C9D3DE")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


def safe_text(text: str) -> str:
    """Text that a spreadsheet shows as text: no control characters, never read as a formula.

    A text starting with ``= + - @`` (or a tab/CR) is prefixed with an apostrophe, the usual defence
    against formula injection (OWASP), and the cell is stored as a string either way.
    """
    text = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL]
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(ws: Worksheet, row: int, col: int) -> Cell:
    cell = ws.cell(row=row, column=col)
    if not isinstance(cell, Cell):  # a merged cell's hidden part; the writers below never address one
        raise TypeError(f"{ws.title}!{cell.coordinate} is inside a merged range")
    return cell


def _put(ws: Worksheet, row: int, col: int, value: object, *, font: Font = _BODY_FONT, fmt: str | None = None) -> Cell:
    """Write one cell: numbers as numbers, ``None`` as '–', text neutralised."""
    cell = _cell(ws, row, col)
    if value is None:
        cell.value = MISSING
    elif isinstance(value, bool):
        cell.value = "Ya" if value else "Tidak"
    elif isinstance(value, Decimal | int | float):
        cell.value = float(value) if isinstance(value, Decimal) else value
        cell.number_format = fmt or NUMBER_FORMAT
    else:
        cell.value = safe_text(str(value))
        cell.data_type = "s"
    cell.font = font
    cell.alignment = _WRAP
    return cell


def _header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for col, label in enumerate(labels, start=1):
        cell = _put(ws, row, col, label, font=_HEAD_FONT)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _fit_rows(ws: Worksheet, first_row: int = 1) -> None:
    """Set each row's height from its longest wrapped text.

    NOTE: openpyxl writes no row heights and LibreOffice does not re-measure wrapped text on open, so
    rows would overlap; the estimate (about 1.15 characters per width unit) errs on the tall side.
    """
    widths = {key: dim.width or 10 for key, dim in ws.column_dimensions.items()}
    for number, row in enumerate(ws.iter_rows(min_row=first_row), start=first_row):
        lines = 1
        for cell in row:
            if isinstance(cell, Cell) and isinstance(cell.value, str):
                per_line = max(int(widths.get(cell.column_letter, 10) * 1.15), 1)
                lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in cell.value.split("\n")))
        ws.row_dimensions[number].height = min(15 * lines, 409)  # 409 pt is Excel's maximum


def _fit(ws: Worksheet, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _band_cell(cell: Cell, band: BandView) -> None:
    cell.fill = PatternFill("solid", fgColor=band.color.lstrip("#").upper())
    cell.font = Font(name=FONT_NAME, size=11, bold=True, color=band.text_color.lstrip("#").upper())


def _links(ws: Worksheet, row: int, col: int, evidence: Sequence[Evidence]) -> None:
    """Show every piece of evidence; the first http(s) link becomes the cell's hyperlink."""
    cell = _put(ws, row, col, "\n".join(e.text for e in evidence) if evidence else MISSING)
    link = next((e.href for e in evidence if e.href and len(e.href) <= MAX_LINK), None)
    if link:
        cell.hyperlink = link
        cell.font = _LINK_FONT


def _summary(ws: Worksheet, r: BodyReport) -> None:
    ws.title = "Ringkasan"
    _widths(ws, [30, 24, 16, 16, 16, 16, 16])
    _put(ws, 1, 1, r.title, font=_TITLE_FONT)
    row = 3
    for label, value in (*r.identity, *r.edition, ("Tanggal laporan", r.report_date_text)):
        _put(ws, row, 1, label, font=_BOLD_FONT)
        _put(ws, row, 2, value)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        row += 1
    for n, line in enumerate(r.cover_note):
        if n == 0:
            _put(ws, row, 1, r.cover_note_heading, font=_BOLD_FONT)
        _put(ws, row, 2, line)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        row += 1
    row += 1
    _put(ws, row, 1, "Status", font=_BOLD_FONT)
    _put(ws, row, 2, r.status_label, font=_BOLD_FONT if r.is_final else Font(name=FONT_NAME, size=10, bold=True, color="B3261E"))
    for reason in r.reasons:
        row += 1
        _put(ws, row, 2, reason)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
    row += 1
    _put(ws, row, 1, r.headline_label, font=_BOLD_FONT)
    _put(ws, row, 2, r.headline_score, font=Font(name=FONT_NAME, size=12, bold=True))
    row += 1
    _put(ws, row, 1, "Kualifikasi" if r.is_final else "Kualifikasi (perkiraan)", font=_BOLD_FONT)
    _band_cell(_put(ws, row, 2, r.band.name), r.band)
    row += 1
    _put(ws, row, 1, "Nilai mandiri (SAQ)", font=_BOLD_FONT)
    _put(ws, row, 2, r.saq_self)
    row += 1
    _put(ws, row, 1, "Nilai verifikasi (SAQ)", font=_BOLD_FONT)
    _put(ws, row, 2, r.saq_verified)
    row += 2
    _header(ws, row, ["Tahap", "Bobot (%)", "Nilai", "Kontribusi"])
    for stage in r.stages:
        row += 1
        _put(ws, row, 1, stage.name)
        _put(ws, row, 2, stage.weight, fmt=POINTS_FORMAT)
        _put(ws, row, 3, stage.score)
        _put(ws, row, 4, stage.contribution)
    if r.gate_text:
        row += 1
        _put(ws, row, 1, "Gerbang", font=_BOLD_FONT)
        _put(ws, row, 2, r.gate_text)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
    row += 1
    _put(ws, row, 1, "Rumus", font=_BOLD_FONT)
    _put(ws, row, 2, r.formula if not r.formula_note else f"{r.formula}\n{r.formula_note}")
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
    row += 2
    _header(ws, row, ["Indikator", "Bobot", "Poin mandiri", "Nilai mandiri", "Poin verifikasi", "Nilai verifikasi", "Poin maksimum"])
    for s in r.indicators:
        row += 1
        v = s.verified_result
        _put(ws, row, 1, f"{s.code} {s.name}")
        _put(ws, row, 2, s.weight, fmt=POINTS_FORMAT)
        _put(ws, row, 3, s.self_result.earned, fmt=POINTS_FORMAT)
        _put(ws, row, 4, s.self_result.contribution)
        _put(ws, row, 5, v.earned if v else None, fmt=POINTS_FORMAT)
        _put(ws, row, 6, v.contribution if v else None)
        _put(ws, row, 7, s.basis.possible, fmt=POINTS_FORMAT)
    for note in r.rounding_notes:  # a sum of these cells may differ from the SAQ by 0,01: say why
        row += 1
        _put(ws, row, 1, note, font=_NOTE_FONT)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    ws.freeze_panes = "A3"
    _fit(ws, landscape=False)


_DETAIL_HEADERS = [
    "Kode",
    "Indikator",
    "Pertanyaan",
    "Jawaban mandiri",
    "Bukti mandiri",
    "Jawaban verifikasi",
    "Catatan verifikator",
    "Poin diperoleh",
    "Poin maksimum",
    "Status",
    "Keterangan",
    "Dasar hukum",
]


def _details(ws: Worksheet, r: BodyReport) -> None:
    _widths(ws, [10, 22, 48, 18, 34, 18, 28, 10, 10, 18, 30, 30])
    _header(ws, 1, _DETAIL_HEADERS)
    row = 1
    for s in r.indicators:
        for q in s.questions:
            row += 1
            v = q.verified_answer
            _put(ws, row, 1, q.code)
            _put(ws, row, 2, s.name)
            _put(ws, row, 3, q.text)
            _put(ws, row, 4, q.self_answer.text if not q.self_answer.checklist else "\n".join(f"{'☑' if c.checked else '☐'} {c.label}" for c in q.self_answer.checklist))
            _links(ws, row, 5, q.self_answer.evidence)
            _put(ws, row, 6, (v.text if not v.checklist else "\n".join(f"{'☑' if c.checked else '☐'} {c.label}" for c in v.checklist)) if v else "Belum diverifikasi")
            _put(ws, row, 7, q.verifier_note)
            na = q.verdict.key == "na"
            _put(ws, row, 8, None if na else q.earned, fmt=POINTS_FORMAT)
            _put(ws, row, 9, None if na else q.possible, fmt=POINTS_FORMAT)
            _put(ws, row, 10, q.verdict.label)
            _put(ws, row, 11, q.reason)
            _put(ws, row, 12, q.legal_basis)
    _fit_rows(ws)
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(_DETAIL_HEADERS))}{max(row, 1)}"
    _fit(ws, landscape=True)


def _plan(ws: Worksheet, r: BodyReport) -> None:
    _widths(ws, [6, 10, 22, 48, 14, 12, 18, 48, 34])
    _header(ws, 1, ["No.", "Kode", "Indikator", "Butir", "Potensi tambahan nilai", "Potensi SAQ", "Status", "Rekomendasi", "Dasar hukum"])
    row = 1
    for i in r.improvements:
        row += 1
        _put(ws, row, 1, i.number, fmt="0")
        _put(ws, row, 2, i.code)
        _put(ws, row, 3, i.indicator)
        _put(ws, row, 4, i.text)
        _put(ws, row, 5, i.gain)
        _put(ws, row, 6, i.gain_saq)
        _put(ws, row, 7, i.status_label)
        _put(ws, row, 8, i.recommendation)
        _put(ws, row, 9, i.legal_basis)
    if not r.improvements:
        _put(ws, 2, 1, "Semua butir bernilai telah terpenuhi.")
    _fit_rows(ws)
    ws.freeze_panes = "A2"
    _fit(ws, landscape=True)


_EVIDENCE_HEADERS = [
    "Kode",
    "Jenis",
    "Bukti",
    "Tipe berkas",
    "Halaman",
    "Ukuran (MB)",
    "SHA-256 (awal)",
    "Status tautan",
    "Waktu pemeriksaan",
    "Hasil pemeriksaan",
    "Kode masalah",
]


def _evidence(ws: Worksheet, r: BodyReport) -> None:
    """Every checked piece of evidence, one row each (the result's evidence_checks)."""
    _widths(ws, [10, 9, 40, 12, 9, 11, 16, 18, 24, 60, 12])
    _header(ws, 1, _EVIDENCE_HEADERS)
    row = 1
    for e in r.evidence_checks:
        row += 1
        _put(ws, row, 1, e.code)
        _put(ws, row, 2, e.kind)
        cell = _put(ws, row, 3, e.value)
        if e.href and len(e.href) <= MAX_LINK:
            cell.hyperlink = e.href
            cell.font = _LINK_FONT
        _put(ws, row, 4, e.media)
        _put(ws, row, 5, e.pages, fmt="0")
        _put(ws, row, 6, e.size_mb, fmt="0.0")
        _put(ws, row, 7, e.sha256)
        _put(ws, row, 8, e.status)
        _put(ws, row, 9, e.checked_at)
        _put(ws, row, 10, e.finding)
        _put(ws, row, 11, e.problem_code)
    _fit_rows(ws)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(_EVIDENCE_HEADERS))}{max(row, 1)}"
    _fit(ws, landscape=True)


def _objection(ws: Worksheet, r: BodyReport) -> None:
    s = r.objection
    assert s is not None
    _widths(ws, [12, 40, 18, 34, 16, 12, 34, 24, 16, 16, 10, 10])
    _put(ws, 1, 1, s.summary, font=_BOLD_FONT)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    _header(ws, 3, ["", sl.HEAD_BEFORE, sl.HEAD_AFTER])
    for row, (label, before, after) in enumerate(((sl.ROW_SAQ, s.saq_before, s.saq_after), (r.headline_label, s.score_before, s.score_after)), start=4):
        _put(ws, row, 1, label, font=_BOLD_FONT)
        _put(ws, row, 2, before)
        _put(ws, row, 3, after)
    _header(ws, 7, list(sl.HEADERS))
    for row, i in enumerate(s.rows, start=8):
        for col, value in enumerate((i.code, i.claim, i.claimed, i.evidence, i.received, i.decision, i.reason, i.decided_by, i.verdict_before, i.verdict_after), start=1):
            _put(ws, row, col, value)
        _put(ws, row, 11, i.points_before, fmt=POINTS_FORMAT)
        _put(ws, row, 12, i.points_after, fmt=POINTS_FORMAT)
    _fit_rows(ws, 7)
    ws.freeze_panes = "B8"
    _fit(ws, landscape=True)


def body_workbook(report: BodyReport) -> Workbook:
    """Build the body report's workbook (sheets Ringkasan, Rincian, Rencana Perbaikan, Bukti Dukung when evidence was checked, Sanggah when there was one)."""
    wb = Workbook()
    first = wb.active
    if not isinstance(first, Worksheet):
        raise TypeError("a new workbook starts with a worksheet")
    _summary(first, report)
    _details(wb.create_sheet("Rincian"), report)
    _plan(wb.create_sheet("Rencana Perbaikan"), report)
    if report.evidence_checks:
        _evidence(wb.create_sheet("Bukti Dukung"), report)
    if report.objection is not None:
        _objection(wb.create_sheet(sl.SHEET), report)
    stamp = dt.datetime.combine(report.report_date, dt.time())
    wb.properties.title = safe_text(report.pdf_title)
    wb.properties.subject = safe_text(report.pdf_subject)
    wb.properties.creator = f"kipmonev {report.assessment.kipmonev_version}"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return wb


def render_xlsx(report: BodyReport, templates_dir: object = None) -> bytes:
    """Renderer for :attr:`ReportFormat.XLSX`: the workbook's bytes (templates are not used)."""
    return workbook_bytes(body_workbook(report))
