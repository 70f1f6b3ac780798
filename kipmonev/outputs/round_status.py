"""The round's progress as files: an XLSX workbook and a mail-merge CSV, rendered from a Progress model.

Nothing is computed here: statuses, counts and the sentence of what each body still has to do come from
:func:`kipmonev.engine.round.build_progress`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.core.fileio import workbook_bytes, write_atomic
from kipmonev.core.formatting import neutralize_formula
from kipmonev.model.round import STATUS_LABELS, BodyStatus, GroupCount, Progress

_FONT = Font(name="DejaVu Sans")
_HEADER = Font(name="DejaVu Sans", bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
#: One fill per status, from worst to best, so the sheet reads at a glance.
STATUS_COLORS: dict[BodyStatus, str] = {
    BodyStatus.NOT_SENT: "F4CCCC",
    BodyStatus.BLANK: "F9DDC5",
    BodyStatus.NEEDS_FIX: "FCE5CD",
    BodyStatus.INCOMPLETE: "FFF2CC",
    BodyStatus.NO_EVIDENCE: "FFF9DB",
    BodyStatus.COMPLETE: "D9EAD3",
}
_FILLS = {s: PatternFill("solid", fgColor=c) for s, c in STATUS_COLORS.items()}
BODY_HEADER = ("ID", "Nama badan publik", "Kategori", "Induk", "Email PPID", "Status", "Versi", "Berkas berlaku", "Diterima", "Pertanyaan", "Dijawab", "Belum dijawab", "Tanpa bukti", "Yang harus dilakukan", "Peringatan")
MAIL_HEADER = ("ID", "Nama badan publik", "Kategori", "Induk", "Email PPID", "Status", "Versi diterima", "Yang harus dilakukan")

Cell = str | int | None


def _text(value: str | None) -> str | None:
    return None if value is None else neutralize_formula(value)


def _sheet(wb: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int]) -> Worksheet:
    ws: Worksheet = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = _HEADER
        cell.alignment = _WRAP
    for row in rows:
        ws.append(list(row))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(ws.max_row, 1)}"
    return ws


def _group_rows(groups: Iterable[GroupCount], total: GroupCount) -> Iterable[list[Cell]]:
    for g in (*groups, total):
        yield [g.group, g.invited, g.sent, *[g.counts.get(s.value, 0) for s in BodyStatus]]


def status_workbook(progress: Progress) -> Workbook:
    """The progress workbook: Kemajuan (per body), Per Kategori, Per Induk (when parents are given), Berkas."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    bodies = _sheet(
        wb,
        "Kemajuan",
        BODY_HEADER,
        (
            [b.id, _text(b.name), b.category, _text(b.parent), _text(b.ppid_email), b.status_label, b.versions, _text(b.current_file), b.received_at, b.questions or None,
             b.answered or None, b.missing or None, b.no_evidence or None, _text(b.to_do), _text(" ".join(b.warnings)) or None]
            for b in progress.bodies
        ),
        (12, 40, 24, 28, 28, 22, 8, 36, 26, 11, 10, 13, 12, 60, 50),
    )
    for row, body in enumerate(progress.bodies, start=2):
        bodies.cell(row=row, column=6).fill = _FILLS[body.status]
    group_header = ("Kelompok", "Diundang", "Mengirim", *[STATUS_LABELS[s].capitalize() for s in BodyStatus])
    widths = (32, 10, 10, *[14] * len(BodyStatus))
    _sheet(wb, "Per Kategori", group_header, _group_rows(progress.by_category, progress.totals), widths)
    if progress.by_parent:
        _sheet(wb, "Per Induk", group_header, _group_rows(progress.by_parent, progress.totals), widths)
    _sheet(
        wb,
        "Berkas",
        ("Berkas", "Diterima", "Jenis", "Peran", "ID", "Badan publik", "Keterangan", "SHA-256"),
        ([_text(f.name), f.received_at, f.outcome_label, f.role, f.body_id, _text(f.body_name), _text(f.detail) or None, f.sha256] for f in progress.files),
        (40, 26, 30, 16, 12, 36, 70, 66),
    )
    for sheet in wb.worksheets:
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                cell.font = _FONT
    wb.properties.creator = "kipmonev"
    wb.properties.title = f"Kemajuan putaran {progress.year} — {progress.commission}"
    return wb


def write_status_xlsx(progress: Progress, path: Path) -> Path:
    """Write the progress workbook atomically."""
    write_atomic(path, workbook_bytes(status_workbook(progress)))
    return path


def mail_merge_csv(progress: Progress) -> str:
    """Every body that is not complete, with its PPID e-mail and what it still has to do; ``;``, for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(MAIL_HEADER)
    for b in progress.bodies:
        if b.status is BodyStatus.COMPLETE:
            continue
        writer.writerow([neutralize_formula(v) for v in (b.id, b.name, b.category, b.parent or "", b.ppid_email or "", b.status_label)] + [str(b.versions), neutralize_formula(b.to_do)])
    return "\ufeff" + out.getvalue()


def write_mail_merge_csv(progress: Progress, path: Path) -> Path:
    """Write the mail-merge CSV atomically (UTF-8 with BOM, ``;``)."""
    write_atomic(path, mail_merge_csv(progress))
    return path
