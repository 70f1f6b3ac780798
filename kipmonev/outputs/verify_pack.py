"""Write a verifier pack (paket verifikasi): a body's received answers, read-only, and the verifier's columns.

The pack is the fill-in workbook (:func:`kipmonev.outputs.fill.fill_template`) filled with the body's
answers, evidence and notes from the received submission, with every body cell locked (Identitas, the
Jawaban, Data Dukung and Keterangan columns, Tahap) under the sheet protection, and the verifier's columns
(Jawaban Verifikasi with the edition's choices or verifier-scale levels as a drop-down, Catatan Verifikator)
open. A second-opinion pack opens only the sampled questions. The hidden Metadata sheet binds the pack to
the submission's SHA-256, the body's ID, the verifier and the role (:mod:`kipmonev.formats.verify_pack_layout`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.verify_pack_layout import META_BODY, META_PACK, META_ROLE, META_SAMPLE, META_SUBMISSION, META_VERIFIER, PACK_NOTE_ROW
from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, Row, answer_rows
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.result import EvidenceRecord
from kipmonev.model.submission import Submission
from kipmonev.model.verification import Role
from kipmonev.outputs.fill import fill_template
from kipmonev.outputs.problems import PACK_EVIDENCE_HEADING, PACK_EVIDENCE_LINE, PACK_EVIDENCE_NOTE, PACK_NOTE, PACK_ROLE_FIRST, PACK_ROLE_SECOND
from kipmonev.outputs.report.excel import safe_text
from kipmonev.outputs.report.view import evidence_check_row
from kipmonev.outputs.style import F_BOLD, put
from kipmonev.outputs.template import save_workbook

_LOCKED = Protection(locked=True)
_BODY_COLUMNS = (tx.COL_ANSWER, tx.COL_EVIDENCE, tx.COL_NOTE)
_VERIFIER_COLUMNS = (tx.COL_VERIFY, tx.COL_VERIFY_NOTE)


#: Column of the evidence check results in a pack made with evidence (after the Kuesioner's own columns).
EVIDENCE_COLUMN = max(COLUMNS.values()) + 1


def _evidence_column(ws: Worksheet, rows: list[Row], evidence: PackEvidence) -> None:
    """Write each item's evidence check result, locked, in :data:`EVIDENCE_COLUMN`; folder-wide findings go in a note."""
    put(ws, HEADER_ROW, EVIDENCE_COLUMN, PACK_EVIDENCE_HEADING.text(), F_BOLD)
    ws.column_dimensions[get_column_letter(EVIDENCE_COLUMN)].width = 48
    for i, entry in enumerate(rows, start=1):
        if entry.question is None or entry.item is not None:
            continue
        lines = []
        for record in evidence.records.get(entry.question.code, ()):
            row = evidence_check_row(entry.question.code, record)
            facts = f"{row.value} ({row.details})" if row.details else row.value
            lines.append(PACK_EVIDENCE_LINE.text(value=facts, finding=row.finding))
        cell = ws.cell(row=HEADER_ROW + i, column=EVIDENCE_COLUMN, value=safe_text("\n".join(lines)) if lines else None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.protection = _LOCKED
    if evidence.notes:
        note = ws.cell(row=PACK_NOTE_ROW, column=EVIDENCE_COLUMN, value=safe_text(PACK_EVIDENCE_NOTE.text(notes=" ".join(evidence.notes))))
        note.alignment = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class PackEvidence:
    """A body's evidence check for its pack: the records per question, and findings about the folder as a whole."""

    records: Mapping[str, Sequence[EvidenceRecord]]
    notes: tuple[str, ...] = ()


def build_verify_pack(
    q: Questionnaire,
    submission: Submission,
    *,
    body_id: str,
    sha256: str,
    verifier: str,
    role: Role = Role.FIRST,
    sample: Collection[str] = (),
    commission: str | None = None,
    evidence: PackEvidence | None = None,
) -> Workbook:
    """The pack for one received submission (nothing is written to disk).

    Args:
        q: The edition, with the round's rules.
        submission: The body's submission as received; its own verifier answers and stage scores are left out.
        body_id: The body's roster ID.
        sha256: The received file's SHA-256, which the pack is bound to.
        verifier: The verifier the pack is for.
        role: First verifier, or a second opinion (only ``sample`` is open).
        sample: The sampled question codes of a second opinion.
        commission: The commission named in the guide.
        evidence: The body's evidence check (``round verify-pack --evidence``): a locked column with each
            item's result; the pack reads back the same (the column is not read).
    """
    shown = submission.model_copy(update={"verification": {}, "stage_scores": {}})
    wb = fill_template(q, shown, commission=commission)
    ws = wb[tx.SHEET_ANSWERS]
    rows = answer_rows(q)
    last = HEADER_ROW + len(rows)
    for row in range(HEADER_ROW + 1, last + 1):
        for head in _BODY_COLUMNS:
            ws.cell(row=row, column=COLUMNS[head]).protection = _LOCKED
    if role is Role.SECOND:
        for i, entry in enumerate(rows, start=1):
            if entry.question is not None and entry.question.code not in sample:
                for head in _VERIFIER_COLUMNS:
                    ws.cell(row=HEADER_ROW + i, column=COLUMNS[head]).protection = _LOCKED
    for name in (tx.SHEET_IDENTITY, tx.SHEET_STAGES):
        if name in wb.sheetnames:
            for cells in wb[name].iter_rows():
                for cell in cells:
                    cell.protection = _LOCKED
    role_text = (PACK_ROLE_FIRST if role is Role.FIRST else PACK_ROLE_SECOND).text(count=len(sample))
    put(ws, PACK_NOTE_ROW, 1, PACK_NOTE.text(body=body_id, name=submission.body.name, verifier=verifier, role=role_text, sha=sha256[:12]), F_BOLD, border=False)
    ws.merge_cells(start_row=PACK_NOTE_ROW, start_column=1, end_row=PACK_NOTE_ROW, end_column=max(COLUMNS.values()))
    ws.row_dimensions[PACK_NOTE_ROW].height = 30
    meta = wb[tx.SHEET_META]
    pairs = [META_PACK, (META_BODY, body_id), (META_SUBMISSION, sha256), (META_VERIFIER, verifier), (META_ROLE, role.value), (META_SAMPLE, ";".join(sample))]
    first = meta.max_row + 1
    for offset, (key, value) in enumerate(pairs):
        meta.cell(row=first + offset, column=1, value=key)
        meta.cell(row=first + offset, column=2, value=value)
    if evidence is not None:
        _evidence_column(ws, rows, evidence)
    wb.active = wb.sheetnames.index(tx.SHEET_ANSWERS)
    return wb


def write_verify_pack(
    path: Path,
    q: Questionnaire,
    submission: Submission,
    *,
    body_id: str,
    sha256: str,
    verifier: str,
    role: Role = Role.FIRST,
    sample: Collection[str] = (),
    commission: str | None = None,
    evidence: PackEvidence | None = None,
) -> Path:
    """Build the pack (see :func:`build_verify_pack`) and write it atomically and reproducibly.

    Raises:
        WorkbookError: The file cannot be written.
    """
    save_workbook(build_verify_pack(q, submission, body_id=body_id, sha256=sha256, verifier=verifier, role=role, sample=sample, commission=commission, evidence=evidence), path)
    return path
