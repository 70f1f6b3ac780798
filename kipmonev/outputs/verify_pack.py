"""Write a verifier pack (paket verifikasi): a body's received answers, read-only, and the verifier's columns.

The pack is the fill-in workbook (:func:`kipmonev.outputs.fill.fill_template`) filled with the body's
answers, evidence and notes from the received submission, with every body cell locked (Identitas, the
Jawaban, Data Dukung and Keterangan columns, Tahap) under the sheet protection, and the verifier's columns
(Jawaban Verifikasi with the edition's choices or verifier-scale levels as a drop-down, Catatan Verifikator)
open. A second-opinion pack opens only the sampled questions. The hidden Metadata sheet binds the pack to
the submission's SHA-256, the body's ID, the verifier and the role (:mod:`kipmonev.formats.verify_pack_layout`).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Protection

from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.verify_pack_layout import META_BODY, META_PACK, META_ROLE, META_SAMPLE, META_SUBMISSION, META_VERIFIER, PACK_NOTE_ROW
from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, answer_rows
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import Submission
from kipmonev.model.verification import Role
from kipmonev.outputs.fill import fill_template
from kipmonev.outputs.problems import PACK_NOTE, PACK_ROLE_FIRST, PACK_ROLE_SECOND
from kipmonev.outputs.style import F_BOLD, put
from kipmonev.outputs.template import save_workbook

_LOCKED = Protection(locked=True)
_BODY_COLUMNS = (tx.COL_ANSWER, tx.COL_EVIDENCE, tx.COL_NOTE)
_VERIFIER_COLUMNS = (tx.COL_VERIFY, tx.COL_VERIFY_NOTE)


def build_verify_pack(
    q: Questionnaire, submission: Submission, *, body_id: str, sha256: str, verifier: str, role: Role = Role.FIRST, sample: Collection[str] = (), commission: str | None = None
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
    wb.active = wb.sheetnames.index(tx.SHEET_ANSWERS)
    return wb


def write_verify_pack(
    path: Path, q: Questionnaire, submission: Submission, *, body_id: str, sha256: str, verifier: str, role: Role = Role.FIRST, sample: Collection[str] = (), commission: str | None = None
) -> Path:
    """Build the pack (see :func:`build_verify_pack`) and write it atomically and reproducibly.

    Raises:
        WorkbookError: The file cannot be written.
    """
    save_workbook(build_verify_pack(q, submission, body_id=body_id, sha256=sha256, verifier=verifier, role=role, sample=sample, commission=commission), path)
    return path
