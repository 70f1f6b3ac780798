"""Helpers for workbook tests: fill a generated template in code, as a person would in a spreadsheet."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.model import NA_LABEL, NO_LABEL, YES_LABEL, ChecklistQuestion, Questionnaire
from kipmonev.submission import Answer, BodyIdentity, Submission
from kipmonev.workbook import texts as tx
from kipmonev.workbook.layout import COLUMNS, STAGE_FIRST_ROW
from kipmonev.workbook.template import build_template, save_workbook

ANSWER = COLUMNS[tx.COL_ANSWER]
EVIDENCE = COLUMNS[tx.COL_EVIDENCE]
NOTE = COLUMNS[tx.COL_NOTE]
VERIFY = COLUMNS[tx.COL_VERIFY]
VERIFY_NOTE = COLUMNS[tx.COL_VERIFY_NOTE]
BODY = BodyIdentity(id="BP-1", name="Badan Uji", category="Uji", province="DKI Jakarta", website="https://contoh.go.id", ppid_name="Sri", ppid_email="ppid@contoh.go.id", year=2025)


def row_of(ws: Worksheet, code: str) -> int:
    """The Kuesioner row whose code cell is ``code``."""
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        if cell.value == code:
            return int(cell.row)
    raise KeyError(code)


def cell_of(ws: Worksheet, code: str, column: int = ANSWER) -> str:
    """The reference of a code's cell in a column, ``F12``."""
    return str(ws.cell(row=row_of(ws, code), column=column).coordinate)


def _put_answer(ws: Worksheet, q: Questionnaire, code: str, answer: Answer, column: int, with_evidence: bool) -> None:
    question = q.question_map[code]
    row = row_of(ws, code)
    if isinstance(question, ChecklistQuestion):
        if answer.not_applicable:
            ws.cell(row=row, column=column, value=NA_LABEL)
        elif answer.value not in (None, ""):
            met = answer.value if isinstance(answer.value, tuple) else ()
            for item in question.items:
                ws.cell(row=row_of(ws, f"{code}.{item.code}"), column=column, value=YES_LABEL if item.code in met else NO_LABEL)
    elif answer.not_applicable:
        ws.cell(row=row, column=column, value=NA_LABEL)
    elif isinstance(answer.value, Decimal):
        ws.cell(row=row, column=column, value=float(answer.value) if answer.value != answer.value.to_integral_value() else int(answer.value))
    elif answer.value is not None:
        ws.cell(row=row, column=column, value=str(answer.value))
    if with_evidence and answer.evidence:
        ws.cell(row=row, column=EVIDENCE, value="\n".join(answer.evidence))
    if answer.note:
        ws.cell(row=row, column=NOTE if column == ANSWER else VERIFY_NOTE, value=answer.note)


def filled_workbook(
    q: Questionnaire,
    answers: dict[str, Answer] | None = None,
    verification: dict[str, Answer] | None = None,
    stages: dict[str, Decimal] | None = None,
    body: BodyIdentity | None = BODY,
) -> Workbook:
    """A template with answers written into it (openpyxl; nothing on disk)."""
    wb = build_template(q, body)
    ws = wb[tx.SHEET_ANSWERS]
    for code, answer in (answers or {}).items():
        _put_answer(ws, q, code, answer, ANSWER, with_evidence=True)
    for code, answer in (verification or {}).items():
        _put_answer(ws, q, code, answer, VERIFY, with_evidence=False)
    if stages:
        st = wb[tx.SHEET_STAGES]
        for i, stage in enumerate(q.rules.later_stages):
            if stage.code in stages:
                st.cell(row=STAGE_FIRST_ROW + i, column=4, value=float(stages[stage.code]))
    return wb


def fill(path: Path, q: Questionnaire, answers: dict[str, Answer] | None = None, verification: dict[str, Answer] | None = None, stages: dict[str, Decimal] | None = None, body: BodyIdentity | None = BODY) -> Path:
    """Write a filled template to ``path`` and return it."""
    save_workbook(filled_workbook(q, answers, verification, stages, body), path)
    return path


def edit(path: Path, changes: dict[tuple[str, str], Any], out: Path | None = None) -> Path:
    """Re-save a workbook with ``{(sheet, cell): value}`` changed (openpyxl), to ``out`` or in place."""
    wb = load_workbook(path)
    for (sheet, ref), value in changes.items():
        wb[sheet][ref] = value
    target = out or path
    wb.save(target)
    return target


def direct(q: Questionnaire, answers: dict[str, Answer], verification: dict[str, Answer] | None = None, stages: dict[str, Decimal] | None = None, body: BodyIdentity = BODY) -> Submission:
    """The submission the reader should produce, built directly: evidence items cleaned as the reader cleans them."""

    def clean(a: Answer) -> Answer:
        return a.model_copy(update={"evidence": tuple(e.strip() for e in a.evidence if e.strip())})

    return Submission(
        questionnaire_id=q.id,
        body=body,
        answers={k: clean(v) for k, v in answers.items()},
        verification={
            k: v.model_copy(update={"evidence": clean(answers[k]).evidence if k in answers else ()})
            for k, v in (verification or {}).items()
            if v.value is not None or v.not_applicable
        },
        stage_scores=stages or {},
    )


def soffice() -> str | None:
    """The LibreOffice binary; skip when absent outside CI (in CI it must be there)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def libreoffice_resave(files: list[Path], out_dir: Path) -> list[Path]:
    """Re-save workbooks through LibreOffice (recalculating every formula); returns the new files."""
    binary = soffice()
    assert binary is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir.parent / f"lo-profile-{uuid.uuid4().hex}"
    cmd = [binary, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}", "--convert-to", "xlsx", "--outdir", str(out_dir), *map(str, files)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    outs = [out_dir / f.name for f in files]
    missing = [str(o) for o in outs if not o.is_file()]
    assert not missing, f"LibreOffice did not write {missing}"
    return outs
