"""Read a sanggah pack back: its binding (Metadata), and per row the cells shown and the body's claim.

Whether the binding holds and the shown cells are untouched is the round's question, answered in
:mod:`kipmonev.app.round.sanggah`; this module reads, and turns a claimed answer into an :class:`Answer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from kipmonev.core.errors import Location, Problem, WorkbookError
from kipmonev.core.numbers import parse_number
from kipmonev.formats import sanggah_texts as st
from kipmonev.model.questionnaire import NA_LABEL, YES_LABEL, ChecklistQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer
from kipmonev.sources import problems_sanggah as ps
from kipmonev.sources.book import open_book
from kipmonev.sources.cells import clean_text, display, header_key
from kipmonev.sources.reader import read_metadata


@dataclass(frozen=True)
class SanggahBinding:
    """What a pack says it is for (``None`` where the Metadata sheet lacks a key)."""

    is_pack: bool
    body_id: str | None
    sha256: str | None
    state: str | None
    deadline: str | None


@dataclass(frozen=True)
class PackRow:
    """One item row as read: the shown (locked) cells as text, and the body's three cells."""

    code: str
    shown: tuple[str, ...]
    claim: str
    claimed: str
    evidence: str
    row: int
    claimed_col: int

    @property
    def empty(self) -> bool:
        """The body wrote nothing on this row."""
        return not (self.claim or self.claimed or self.evidence)


def read_sanggah_binding(path: Path) -> SanggahBinding:
    """The binding of the workbook at ``path`` (any workbook; one that is no pack says so).

    Raises:
        WorkbookError: The file is not a readable workbook.
    """
    meta = read_metadata(path) or {}
    return SanggahBinding(
        is_pack=meta.get(st.META_PACK[0]) == st.META_PACK[1],
        body_id=meta.get(st.META_BODY) or None,
        sha256=meta.get(st.META_SUBMISSION) or None,
        state=meta.get(st.META_STATE) or None,
        deadline=meta.get(st.META_DEADLINE) or None,
    )


def shown_text(value: object) -> str:
    """A shown cell as compared with what the pack was written with: numbers as plain decimals, text cleaned."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    return clean_text(str(value)) if value is not None else ""


def read_sanggah_rows(path: Path) -> tuple[PackRow, ...]:
    """Every item row of the Sanggah sheet, found by the headings (moved columns and sorted rows read the same).

    Raises:
        WorkbookError: Not readable, no Sanggah sheet, or a heading missing.
    """
    source = str(path)
    with open_book(path, source) as book:
        if st.SHEET_SANGGAH not in book.sheet_names:
            raise WorkbookError(ps.PACK_UNREADABLE.text(source=source), (ps.PACK_NO_SHEET.at(Location(source)),))
        sheet = book.sheet(st.SHEET_SANGGAH)
    heads = {header_key(cell.value): c for (r, c), cell in sheet.cells.items() if r == st.HEADER_ROW and cell.value is not None}
    wanted = (*st.LOCKED_HEADS, *st.BODY_HEADS)
    columns = {h: heads.get(header_key(h)) for h in wanted}
    missing = [h for h in wanted if columns[h] is None]
    if missing:
        where = Location(source, sheet=st.SHEET_SANGGAH, cell=f"A{st.HEADER_ROW}")
        raise WorkbookError(ps.PACK_UNREADABLE.text(source=source), tuple(ps.PACK_COLUMN_MISSING.at(where, column=h, row=st.HEADER_ROW) for h in missing))

    def text(r: int, head: str) -> str:
        col = columns[head]
        assert col is not None
        value = sheet.value(r, col)
        return shown_text(value) if isinstance(value, Decimal) else display(value)

    rows = []
    for r in range(st.FIRST_ROW, sheet.max_row + 1):
        code = text(r, st.HEAD_CODE)
        cells = tuple(text(r, h) for h in st.LOCKED_HEADS)
        claim, claimed, evidence = (text(r, h) for h in st.BODY_HEADS)
        if not code and not any(cells) and not (claim or claimed or evidence):
            continue
        rows.append(PackRow(code, cells, claim, claimed, evidence, r, columns[st.HEAD_CLAIMED] or 1))
    return tuple(rows)


def claimed_cell(row: PackRow, source: str) -> Location:
    """Where a row's *Jawaban yang Diajukan* is."""
    return Location(source, sheet=st.SHEET_SANGGAH, cell=f"{get_column_letter(row.claimed_col)}{row.row}")


def claimed_answer(q: Questionnaire, code: str, given: str, choices: tuple[str, ...], where: Location) -> tuple[Answer | None, Problem | None]:
    """The answer a body claims for an item, read like a verdict; a problem at ``where`` when it fits no choice."""
    question = q.question_map[code]
    key = clean_text(given).casefold()
    if not key:
        return None, None
    if key == NA_LABEL.casefold() and question.allow_na:
        return Answer(not_applicable=True), None
    if choices:
        for label in choices:
            if clean_text(label).casefold() == key:
                if isinstance(question, YesNoQuestion) and question.substitute is not None and label == question.substitute.label:
                    return Answer(value=YES_LABEL, substitute=True), None
                return Answer(value=label), None
        return None, ps.CLAIMED_UNKNOWN.at(where, given=given, code=code, allowed=list(choices))
    if isinstance(question, ChecklistQuestion):
        items = {i.code.casefold(): i.code for i in question.items}
        named = [p.strip() for p in re.split(r"[,;]+", given) if p.strip()]
        unknown = [p for p in named if p.casefold() not in items]
        if unknown:
            return None, ps.CLAIMED_ITEMS_UNKNOWN.at(where, code=code, unknown=", ".join(unknown), items=", ".join(i.code for i in question.items))
        return Answer(value=tuple(i.code for i in question.items if i.code.casefold() in {p.casefold() for p in named})), None
    assert isinstance(question, NumberQuestion)
    number = parse_number(given)
    if number is None:
        return None, ps.CLAIMED_NOT_NUMBER.at(where, code=code, given=given)
    return Answer(value=number), None
