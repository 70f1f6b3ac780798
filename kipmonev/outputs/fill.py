"""Write a submission into a fresh template, as a person would fill it in a spreadsheet.

Used by the examples, the benchmarks and the tests, and by anyone turning answers held elsewhere (a JSON
export, another system) into the workbook PPID staff and verifiers work in.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.core.numbers import json_number
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.workbook_layout import BODY_COLUMNS, COLUMNS, HEADER_ROW, STAGE_FIRST_ROW, answer_rows
from kipmonev.model.questionnaire import NA_LABEL, NO_LABEL, YES_LABEL, AnyQuestion, ChecklistQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer, Submission
from kipmonev.outputs.template import build_template, save_workbook

#: The Tahap sheet column that holds a stage's score.
STAGE_SCORE_COLUMN = 4


def _write(rows: dict[str, int], ws: Worksheet, q: AnyQuestion, answer: Answer, column: int, own: bool, columns: dict[str, int]) -> None:
    row = rows[q.code]
    if answer.not_applicable:
        ws.cell(row=row, column=column, value=NA_LABEL)
    elif isinstance(q, ChecklistQuestion):
        if isinstance(answer.value, tuple):
            for item in q.items:
                ws.cell(row=rows[f"{q.code}.{item.code}"], column=column, value=YES_LABEL if item.code in answer.value else NO_LABEL)
    elif isinstance(answer.value, Decimal):
        ws.cell(row=row, column=column, value=json_number(answer.value))
    elif isinstance(answer.value, str):
        substitute = q.substitute if isinstance(q, YesNoQuestion) and own and answer.substitute else None
        ws.cell(row=row, column=column, value=substitute.label if substitute is not None else answer.value)
    if own and answer.evidence:
        ws.cell(row=row, column=columns[tx.COL_EVIDENCE], value="\n".join(answer.evidence))
    if answer.note:
        ws.cell(row=row, column=columns[tx.COL_NOTE if own else tx.COL_VERIFY_NOTE], value=answer.note)


def fill_template(q: Questionnaire, submission: Submission, *, identity: bool = True, body_only: bool = False, commission: str | None = None) -> Workbook:
    """A template for ``q`` filled with the submission.

    It carries the identity (unless ``identity`` is false), answers, evidence, notes, verifier decisions and
    stage scores. A body's own template (``body_only``, see :func:`build_template`) has no place for the
    verifier's decisions or stage scores, so they are left out.
    """
    wb = build_template(q, submission.body if identity else None, body_only=body_only, commission=commission)
    ws = wb[tx.SHEET_ANSWERS]
    columns = BODY_COLUMNS if body_only else COLUMNS
    rows = {entry.code: HEADER_ROW + i for i, entry in enumerate(answer_rows(q), start=1)}
    for code, answer in submission.answers.items():
        _write(rows, ws, q.question_map[code], answer, columns[tx.COL_ANSWER], own=True, columns=columns)
    if body_only:
        return wb
    for code, answer in submission.verification.items():
        _write(rows, ws, q.question_map[code], answer, columns[tx.COL_VERIFY], own=False, columns=columns)
    if submission.stage_scores:
        stages = wb[tx.SHEET_STAGES]
        for i, stage in enumerate(q.rules.later_stages):
            if stage.code in submission.stage_scores:
                stages.cell(row=STAGE_FIRST_ROW + i, column=STAGE_SCORE_COLUMN, value=json_number(submission.stage_scores[stage.code]))
    return wb


def write_filled(q: Questionnaire, submission: Submission, path: Path, *, body_only: bool = False, commission: str | None = None) -> Path:
    """Write the filled template to ``path`` (atomically, reproducibly) and return it."""
    save_workbook(fill_template(q, submission, body_only=body_only, commission=commission), path)
    return path
