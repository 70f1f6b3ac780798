"""Helpers for workbook tests: fill a generated template in code, as a person would in a spreadsheet."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.workbook_layout import COLUMNS
from kipmonev.model.questionnaire import AnyQuestion, ChecklistQuestion, ChoiceQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import fill_template
from kipmonev.outputs.template import save_workbook

ANSWER = COLUMNS[tx.COL_ANSWER]
EVIDENCE = COLUMNS[tx.COL_EVIDENCE]
NOTE = COLUMNS[tx.COL_NOTE]
VERIFY = COLUMNS[tx.COL_VERIFY]
VERIFY_NOTE = COLUMNS[tx.COL_VERIFY_NOTE]
BODY = BodyIdentity(id="BP-1", name="Badan Uji", category="Uji", province="DKI Jakarta", website="https://contoh.go.id", ppid_name="Sri", ppid_email="ppid@contoh.go.id", year=2025)


def met(q: AnyQuestion, link: str) -> Answer:
    """The answer that meets ``q`` in full, with ``link`` as its evidence."""
    if isinstance(q, YesNoQuestion):
        return Answer(value="Ya", evidence=(link,))
    if isinstance(q, ChoiceQuestion):
        return Answer(value=max(q.options, key=lambda o: o.points).label, evidence=(link,))
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items), evidence=(link,))
    return Answer(value=max(q.ranges, key=lambda r: r.points).low, evidence=(link,))


def row_of(ws: Worksheet, code: str) -> int:
    """The Kuesioner row whose code cell is ``code``."""
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        if cell.value == code:
            return int(cell.row)
    raise KeyError(code)


def cell_of(ws: Worksheet, code: str, column: int = ANSWER) -> str:
    """The reference of a code's cell in a column, ``F12``."""
    return str(ws.cell(row=row_of(ws, code), column=column).coordinate)


def filled_workbook(
    q: Questionnaire,
    answers: dict[str, Answer] | None = None,
    verification: dict[str, Answer] | None = None,
    stages: dict[str, Decimal] | None = None,
    body: BodyIdentity | None = BODY,
) -> Workbook:
    """A template with answers written into it (openpyxl; nothing on disk)."""
    submission = Submission(questionnaire_id=q.id, body=body or BodyIdentity(name=""), answers=answers or {}, verification=verification or {}, stage_scores=stages or {})
    return fill_template(q, submission, identity=body is not None)


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


_PROFILE: Path | None = None


def lo_profile() -> str:
    """The LibreOffice profile of this test process, as a ``-env:UserInstallation`` URI.

    One profile per process (per pytest-xdist worker, ``PYTEST_XDIST_WORKER``), made on the first call
    and reused: LibreOffice builds a new profile in seconds, and two processes must never share one.
    The process id keeps parallel test runs of other checkouts apart too.
    """
    global _PROFILE
    if _PROFILE is None:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        _PROFILE = Path(tempfile.gettempdir()) / f"kipmonev-lo-{worker}-{os.getpid()}"
        atexit.register(shutil.rmtree, _PROFILE, True)
    return _PROFILE.as_uri()


def libreoffice_resave(files: list[Path], out_dir: Path) -> list[Path]:
    """Re-save workbooks through LibreOffice (recalculating every formula); returns the new files."""
    binary = soffice()
    assert binary is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = [binary, "--headless", "--norestore", f"-env:UserInstallation={lo_profile()}", "--convert-to", "xlsx", "--outdir", str(out_dir), *map(str, files)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    outs = [out_dir / f.name for f in files]
    missing = [str(o) for o in outs if not o.is_file()]
    assert not missing, f"LibreOffice did not write {missing}"
    return outs
