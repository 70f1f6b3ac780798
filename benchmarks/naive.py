"""The naive baseline: one process, a full openpyxl load of each workbook, then the same scoring.

It reads the template's own layout (fixed columns, codes in column A) with openpyxl, the way a first
implementation would, and builds the same Submission kipmonev's reader builds for these corpus files.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from kipmonev.engine.scoring import score
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, IDENTITY_FIRST_ROW, STAGE_FIRST_ROW
from kipmonev.model.questionnaire import NA_LABEL, ChecklistQuestion, NumberQuestion, Questionnaire
from kipmonev.model.result import Assessment
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.sources.loader import load_questionnaire


def _answer(q: Questionnaire, code: str, value: object, items: dict[str, object], evidence: object) -> Answer | None:
    question = q.question_map[code]
    links = tuple(str(evidence).split()) if evidence else ()
    if isinstance(question, ChecklistQuestion):
        if value == NA_LABEL:
            return Answer(not_applicable=True, evidence=links)
        if not items or all(v is None for v in items.values()):
            return None
        return Answer(value=tuple(k for k, v in items.items() if str(v).strip().casefold() == "ya"), evidence=links)
    if value is None or value == "":
        return None
    if str(value).strip().casefold() == NA_LABEL.casefold():
        return Answer(not_applicable=True, evidence=links)
    if isinstance(question, NumberQuestion):
        return Answer(value=Decimal(str(value)), evidence=links)
    return Answer(value=str(value).strip(), evidence=links)


def naive_assess(path: Path, read_only: bool = False) -> Assessment:
    """Load the workbook with openpyxl (whole, or ``read_only``: streamed), pull the answers out, score."""
    wb = load_workbook(path, read_only=read_only, data_only=read_only)
    meta = {str(r[0].value): r[1].value for r in wb[tx.SHEET_META].iter_rows(max_col=2)}
    q = load_questionnaire(str(meta[tx.META_KEYS[0]]))
    ident_rows = list(wb[tx.SHEET_IDENTITY].iter_rows(values_only=True))
    fields = list(tx.IDENTITY_LABELS)
    values = {f: ident_rows[IDENTITY_FIRST_ROW + i - 1][1] for i, f in enumerate(fields)}
    body = BodyIdentity(id=str(values["id"]), name=str(values["name"]), category=str(values["category"]))
    sheet = wb[tx.SHEET_ANSWERS]
    rows = {str(r[0].value): r for r in sheet.iter_rows(min_row=HEADER_ROW + 1) if r[0].value}
    answers: dict[str, Answer] = {}
    verification: dict[str, Answer] = {}
    for code, question in q.question_map.items():
        row = rows[code]
        items = {it.code: rows[f"{code}.{it.code}"] for it in question.items} if isinstance(question, ChecklistQuestion) else {}
        for column, target in ((COLUMNS[tx.COL_ANSWER], answers), (COLUMNS[tx.COL_VERIFY], verification)):
            given = _answer(q, code, row[column - 1].value, {k: r[column - 1].value for k, r in items.items()}, row[COLUMNS[tx.COL_EVIDENCE] - 1].value if target is answers else None)
            if given is not None:
                target[code] = given
    stages = {}
    stage_rows = list(wb[tx.SHEET_STAGES].iter_rows(values_only=True))
    for i, stage in enumerate(q.rules.later_stages):
        value = stage_rows[STAGE_FIRST_ROW + i - 1][3]
        if value is not None:
            stages[stage.code] = Decimal(str(value))
    wb.close()
    return score(q, Submission(questionnaire_id=q.id, body=body, answers=answers, verification=verification, stage_scores=stages))
