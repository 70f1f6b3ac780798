"""Write a sanggah pack (paket sanggah): the items where verification cost a body points, and its claim columns.

Layout and words: :mod:`kipmonev.formats.sanggah_texts`. Every shown cell is locked under the sheet protection
(:func:`kipmonev.outputs.style.protect`); the body's columns are open, *Jawaban yang Diajukan* with a drop-down
of the edition's choices for the item (the fill-in template's :class:`~kipmonev.outputs.template.ChoiceLists`
and :class:`~kipmonev.outputs.template.Validations`). The very hidden Metadata sheet binds the pack to the
submission's SHA-256 and to the verified state it shows (rule O2 of :mod:`kipmonev.engine.objection`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection

from kipmonev.core.formatting import format_long_date
from kipmonev.formats import sanggah_texts as st
from kipmonev.formats import workbook_texts as tx
from kipmonev.model.objection import PackItem
from kipmonev.model.questionnaire import ChecklistQuestion, NumberQuestion, Questionnaire
from kipmonev.outputs.style import F_BOLD, F_HEADER, F_NOTE, F_TEXT, F_TITLE, FILL_HEADER, FILL_INPUT, FILL_NONE, page, protect, put
from kipmonev.outputs.template import ChoiceLists, Validations, answer_labels, save_workbook


def claim_choices(q: Questionnaire, code: str) -> tuple[str, ...]:
    """What a body may claim for an item: the verifier's choices (levels of a verifier scale), none for a checklist or number."""
    question = q.question_map[code]
    if question.verifier_scale:
        return answer_labels(question, verifier=True)
    if isinstance(question, ChecklistQuestion | NumberQuestion):
        return ()
    return answer_labels(question)


def build_sanggah_pack(
    q: Questionnaire, items: Sequence[PackItem], *, body_id: str, name: str, file: str, sha256: str, state: str, score: str, deadline: dt.date, commission: str
) -> Workbook:
    """The pack of one body (nothing is written to disk); ``state`` is :func:`kipmonev.engine.objection.state_key` of ``items``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = st.SHEET_SANGGAH
    lists = ChoiceLists(wb)
    validations = Validations(ws, lists)
    last_col = len(st.LOCKED_HEADS) + len(st.BODY_HEADS)
    lines = (
        (st.TITLE_ROW, st.TITLE.format(body=body_id, name=name), F_TITLE),
        (st.INFO_ROW, st.INFO.format(commission=commission, file=file, sha=sha256[:12], score=score), F_NOTE),
        (st.WINDOW_ROW, st.WINDOW.format(deadline=format_long_date(deadline)), F_BOLD),
        (st.HOW_ROW, st.HOW, F_NOTE),
    )
    for row, text, style in lines:
        put(ws, row, 1, text, style, border=False)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    ws.row_dimensions[st.HOW_ROW].height = 40
    for col, head in enumerate((*st.LOCKED_HEADS, *st.BODY_HEADS), start=1):
        put(ws, st.HEADER_ROW, col, head, F_HEADER, FILL_HEADER)
    claimed_col = len(st.LOCKED_HEADS) + 1 + st.BODY_HEADS.index(st.HEAD_CLAIMED)
    for row, item in enumerate(items, start=st.FIRST_ROW):
        shown: tuple[str | Decimal, ...] = (item.code, item.question, item.answer, item.evidence, item.own_points, item.verdict, item.note, item.verified_points)
        for col, value in enumerate(shown, start=1):
            put(ws, row, col, value, F_BOLD if col == 1 else F_TEXT, FILL_NONE)
        for col in range(len(shown) + 1, last_col + 1):
            put(ws, row, col, None, F_TEXT, FILL_INPUT, unlocked=True)
        choices = claim_choices(q, item.code)
        if choices:
            validations.dropdown(f"{get_column_letter(claimed_col)}{row}", choices)
    validations.close()
    for col, width in enumerate(st.WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"B{st.FIRST_ROW}"
    page(ws, f"{st.HEADER_ROW}:{st.HEADER_ROW}")
    protect(ws)
    lists.ws.sheet_state = "hidden"
    meta = wb.create_sheet(tx.SHEET_META)
    pairs = [st.META_PACK, (st.META_BODY, body_id), (st.META_SUBMISSION, sha256), (st.META_STATE, state), (st.META_DEADLINE, deadline.isoformat()), (st.META_EDITION, q.id)]
    for row, (key, value) in enumerate(pairs, start=1):
        meta.cell(row=row, column=1, value=key)
        meta.cell(row=row, column=2, value=value)
    meta.sheet_state = "veryHidden"
    protect(meta)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.creator = "kipmonev"
    wb.properties.title = st.TITLE.format(body=body_id, name=name)
    return wb


def write_sanggah_pack(
    path: Path, q: Questionnaire, items: Sequence[PackItem], *, body_id: str, name: str, file: str, sha256: str, state: str, score: str, deadline: dt.date, commission: str
) -> Path:
    """Build the pack (see :func:`build_sanggah_pack`) and write it atomically.

    Raises:
        WorkbookError: The file cannot be written.
    """
    wb = build_sanggah_pack(q, items, body_id=body_id, name=name, file=file, sha256=sha256, state=state, score=score, deadline=deadline, commission=commission)
    save_workbook(wb, path)
    return path
