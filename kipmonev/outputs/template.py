"""Build the fill-in workbook (templat isian) for a questionnaire.

Sheets, in order: Petunjuk (the guide), Identitas, Kuesioner (grouped by indicator, one row per question
and one per checklist item), Tahap (later-stage scores, when the rules have later stages), Ringkasan (a
live summary computed by spreadsheet formulas), and three hidden sheets: Hitung (the per-question
formulas behind the summary), Pilihan (the drop-down lists) and Metadata (very hidden: questionnaire id,
version, content hash, rule set, kipmonev version, template format).

The summary formulas mirror :func:`kipmonev.scoring.score` rule by rule (S1–S9, cited below) so that
Excel and LibreOffice show the same numbers kipmonev computes; a LibreOffice test holds them to it.
They look every answer up by its question code, so sorted or inserted rows do not break them.

The files written are byte-for-byte reproducible: fixed document dates, fixed zip timestamps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev._version import __version__
from kipmonev.core.errors import Location, WorkbookError
from kipmonev.core.fileio import workbook_bytes, write_atomic
from kipmonev.core.formatting import format_plain
from kipmonev.core.reasons import reason
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.workbook_layout import (
    BODY_COLUMNS,
    BODY_WIDTHS,
    COLUMNS,
    FORMAT_VERSION,
    HEADER_ROW,
    IDENTITY_FIRST_ROW,
    META_BODY_ONLY,
    STAGE_FIRST_ROW,
    WIDTHS,
    answer_rows,
)
from kipmonev.model.questionnaire import (
    NA_LABEL,
    NO_LABEL,
    YES_LABEL,
    AnyQuestion,
    ChecklistQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    YesNoQuestion,
)
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.formulas import calc_sheet, summary_sheet
from kipmonev.outputs.problems import OUTPUT_UNWRITABLE
from kipmonev.outputs.style import (
    F_BOLD,
    F_HEADER,
    F_NOTE,
    F_TEXT,
    F_TITLE,
    FILL_GROUP,
    FILL_HEADER,
    FILL_INDICATOR,
    FILL_INPUT,
    FILL_NONE,
    FILL_VERIFY,
    fit_rows,
    font,
    label_key,
    page,
    protect,
    put,
    quote,
)


def _reproducible_date(q: Questionnaire) -> dt.datetime:
    text = str(q.version)
    return dt.datetime(int(text[:4]), int(text[4:6]), int(text[6:8]))


# --- sheets --------------------------------------------------------------------------

def _guide_sheet(wb: Workbook, q: Questionnaire, body_only: bool) -> None:
    ws = wb.create_sheet(tx.SHEET_GUIDE)
    ws.column_dimensions["A"].width = 85
    fonts = {"title": F_TITLE, "heading": font(bold=True, size=11), "text": F_TEXT, "blank": F_TEXT}
    for i, (style, text) in enumerate(tx.guide(q, body_only=body_only), start=1):
        put(ws, i, 1, text or None, fonts[style], border=False)
    fit_rows(ws)
    protect(ws)
    page(ws)


def _identity_sheet(wb: Workbook, q: Questionnaire, body: BodyIdentity | None, lock_id: bool) -> None:
    ws = wb.create_sheet(tx.SHEET_IDENTITY)
    put(ws, 1, 1, "Identitas Badan Publik", F_TITLE, border=False, wrap=False)
    for col, head in enumerate(("Isian", "Jawaban", "Petunjuk"), start=1):
        put(ws, IDENTITY_FIRST_ROW - 1, col, head, F_HEADER, FILL_HEADER)
    defaults: dict[str, str | int | None] = {"category": q.category, "year": q.year}
    if body is not None:
        defaults.update({k: v for k, v in body.model_dump().items() if v is not None})
    for i, (field, label) in enumerate(tx.IDENTITY_LABELS.items()):
        row = IDENTITY_FIRST_ROW + i
        put(ws, row, 1, label, F_BOLD)
        locked = lock_id and field == "id" and defaults.get(field) is not None
        put(ws, row, 2, defaults.get(field), F_TEXT, FILL_NONE if locked else FILL_INPUT, unlocked=not locked)
        put(ws, row, 3, tx.IDENTITY_HINTS[field], F_NOTE)
    for letter, width in (("A", 26), ("B", 48), ("C", 60)):
        ws.column_dimensions[letter].width = width
    fit_rows(ws, IDENTITY_FIRST_ROW)
    ws.freeze_panes = f"A{IDENTITY_FIRST_ROW}"
    protect(ws)
    page(ws)


class ChoiceLists:
    """The hidden Pilihan sheet: one row per distinct set of drop-down labels."""

    def __init__(self, wb: Workbook) -> None:
        """Add the (empty) Pilihan sheet to ``wb``."""
        self.ws = wb.create_sheet(tx.SHEET_LISTS)
        self.rows: dict[tuple[str, ...], str] = {}

    def range_of(self, labels: tuple[str, ...]) -> str:
        """The absolute range holding ``labels`` (written on first use)."""
        if labels not in self.rows:
            row = len(self.rows) + 1
            for col, label in enumerate(labels, start=1):
                self.ws.cell(row=row, column=col, value=label)
            last = get_column_letter(len(labels))
            self.rows[labels] = f"{tx.SHEET_LISTS}!$A${row}:${last}${row}"
        return self.rows[labels]


class Validations:
    """Data validations, one per distinct rule, each listing its cells (ranges are set once, at the end)."""

    def __init__(self, ws: Worksheet, lists: ChoiceLists) -> None:
        """Collect the validations of ``ws``, drop-downs fed from ``lists``."""
        self.ws = ws
        self.lists = lists
        self.rules: dict[tuple[str, ...], tuple[DataValidation, list[str]]] = {}

    def _add(self, rule: tuple[str, ...], cell: str | None, make: Callable[[], DataValidation]) -> None:
        if cell is None:  # a column the template does not have (the verifier's, in a body's template)
            return
        if rule not in self.rules:
            self.rules[rule] = (make(), [])
        self.rules[rule][1].append(cell)

    def dropdown(self, cell: str | None, labels: tuple[str, ...]) -> None:
        """A drop-down of ``labels`` on ``cell`` (``None``: a column the sheet does not have)."""
        self._add(
            ("list", *labels),
            cell,
            lambda: DataValidation(type="list", formula1=self.lists.range_of(labels), allow_blank=True, showErrorMessage=True, errorTitle=tx.ERROR_TITLE, error=tx.dropdown_error(labels)),
        )

    def number(self, cell: str | None, allow_na: bool, percent: bool = False) -> None:
        """A number (or 0-100 for a percentage, optionally 'Tidak Berlaku') on ``cell``."""
        if cell is None:  # a column the template does not have (the verifier's, in a body's template)
            return
        # A percentage is 0–100; a cell where '75%' was typed holds 0,75 and passes, and is read as 75.
        low, high = ("0", "100") if percent else ("-1000000000", "1000000000")
        if allow_na:
            # A custom rule's relative reference is read from its first cell, so each cell gets its own.
            formula = f"OR(AND(ISNUMBER({cell}),{cell}>={low},{cell}<={high}),LOWER(TRIM({cell}))={quote(label_key(NA_LABEL))})"
            error = tx.PERCENT_NA_ERROR if percent else tx.NUMBER_NA_ERROR
            self._add(
                ("custom", cell),
                cell,
                lambda: DataValidation(type="custom", formula1=formula, allow_blank=True, showErrorMessage=True, errorTitle=tx.ERROR_TITLE, error=error),
            )
            return
        self._add(
            ("decimal", low, high),
            cell,
            lambda: DataValidation(
                type="decimal",
                operator="between",
                formula1=low,
                formula2=high,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=tx.ERROR_TITLE,
                error=tx.PERCENT_ERROR if percent else tx.NUMBER_ERROR,
            ),
        )

    def close(self) -> None:
        """Attach every validation to the sheet with all its cells."""
        for dv, cells in self.rules.values():
            dv.sqref = MultiCellRange(" ".join(cells))
            self.ws.add_data_validation(dv)


def _points_text(question: AnyQuestion) -> str:
    text = _own_points_text(question)
    if question.verifier_scale:
        text += "\n" + tx.verifier_scale_text([(lv.label, format_plain(lv.points)) for lv in question.verifier_scale])
    if question.assessed_by is not None:
        text += "\n" + tx.assessed_by_text(question.assessed_by.value)
    return text


def _own_points_text(question: AnyQuestion) -> str:
    if isinstance(question, YesNoQuestion):
        return f"{YES_LABEL} = {format_plain(question.points)}"
    if isinstance(question, ChoiceQuestion):
        return "; ".join(f"{o.label} = {format_plain(o.points)}" for o in question.options)
    if isinstance(question, ChecklistQuestion):
        if question.all_or_nothing:
            return f"Maks. {format_plain(question.max_points)} ({tx.ALL_OR_NOTHING_SHORT})"
        return f"Maks. {format_plain(question.max_points)} (jumlah butir)"
    return "; ".join(f"{label} = {format_plain(r.points)}" for r, label in zip(question.ranges, question.range_labels(), strict=True))


def answer_labels(question: AnyQuestion, verifier: bool = False) -> tuple[str, ...]:
    """The labels of a question's drop-down: the body's (with a substitute), or the verifier's; 'Tidak Berlaku' when allowed."""
    na = (NA_LABEL,) if question.allow_na else ()
    if verifier:
        return question.verifier_labels + na
    substitute = (question.substitute.label,) if isinstance(question, YesNoQuestion) and question.substitute is not None else ()
    return question.labels + substitute + na


def _question_text(question: AnyQuestion) -> str:
    parts = [question.text]
    if question.hint:
        parts.append(question.hint)
    if question.condition is not None:
        parts.append(tx.condition_hint(question.condition.question, question.condition.answers))
    if isinstance(question, ChecklistQuestion):
        parts.append(tx.CHECKLIST_PARENT_HINT)
        if question.all_or_nothing:
            parts.append(tx.ALL_OR_NOTHING_HINT)
    if isinstance(question, YesNoQuestion) and question.substitute is not None:
        sub = question.substitute
        parts.append(tx.substitute_hint(sub.label, sub.name, sub.signed_by, tx.EVIDENCE_RULE_TEXT[sub.evidence]))
    return "\n".join(parts)


def _answers_sheet(wb: Workbook, q: Questionnaire, lists: ChoiceLists, body_only: bool) -> int:
    """Write the Kuesioner sheet (without verifier columns for a body's own template); return its last row."""
    ws = wb.create_sheet(tx.SHEET_ANSWERS)
    columns = BODY_COLUMNS if body_only else COLUMNS
    last_col = max(columns.values())
    put(ws, 1, 1, q.title, F_TITLE, border=False, wrap=False)
    put(ws, 2, 1, tx.answers_sheet_intro(q, body_only=body_only), F_NOTE, border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    ws.row_dimensions[2].height = 28
    for head, col in columns.items():
        fill = FILL_HEADER
        put(ws, HEADER_ROW, col, head, F_HEADER, fill)
    validations = Validations(ws, lists)
    c = columns
    verifier = tx.COL_VERIFY in c  # a body's own template has no verifier columns
    row = HEADER_ROW
    for entry in answer_rows(q):
        row += 1
        question = entry.question
        if entry.group is not None:
            put(ws, row, c[tx.COL_CODE], entry.group.code, F_BOLD, FILL_GROUP)
            put(ws, row, c[tx.COL_TEXT], entry.group.title, F_BOLD, FILL_GROUP)
            for col in range(3, last_col + 1):
                put(ws, row, col, None, F_TEXT, FILL_GROUP)
            continue
        if question is None:
            ind = q.indicator_map[entry.code]
            put(ws, row, c[tx.COL_CODE], ind.code, F_BOLD, FILL_INDICATOR)
            put(ws, row, c[tx.COL_TEXT], f"{ind.name} (bobot {format_plain(ind.weight)})", F_BOLD, FILL_INDICATOR)
            for col in range(3, last_col + 1):
                put(ws, row, col, None, F_TEXT, FILL_INDICATOR)
            continue
        if entry.item is not None:
            assert isinstance(question, ChecklistQuestion)
            item = next(i for i in question.items if i.code == entry.item)
            put(ws, row, c[tx.COL_CODE], entry.code)
            put(ws, row, c[tx.COL_TEXT], f"{item.code}. {item.label}")
            for col in (c[tx.COL_DEFINITION], c[tx.COL_LEGAL], c[tx.COL_EVIDENCE_RULE]):
                put(ws, row, col, None)
            put(ws, row, c[tx.COL_ANSWER], None, F_TEXT, FILL_INPUT, unlocked=True)
            if verifier:
                put(ws, row, c[tx.COL_VERIFY], None, F_TEXT, FILL_VERIFY, unlocked=True)
            for col in (c[tx.COL_EVIDENCE], c[tx.COL_NOTE], *((c[tx.COL_VERIFY_NOTE],) if verifier else ())):
                put(ws, row, col, None, F_TEXT, FILL_NONE)
            put(ws, row, c[tx.COL_POINTS], format_plain(item.points))
            labels = (YES_LABEL, NO_LABEL)
            validations.dropdown(f"{get_column_letter(c[tx.COL_ANSWER])}{row}", labels)
            if verifier:
                validations.dropdown(f"{get_column_letter(c[tx.COL_VERIFY])}{row}", labels)
            continue
        put(ws, row, c[tx.COL_CODE], question.code, F_BOLD)
        put(ws, row, c[tx.COL_TEXT], _question_text(question))
        put(ws, row, c[tx.COL_DEFINITION], question.definition)
        put(ws, row, c[tx.COL_LEGAL], question.legal_basis)
        put(ws, row, c[tx.COL_EVIDENCE_RULE], tx.EVIDENCE_RULE_TEXT[question.evidence])
        put(ws, row, c[tx.COL_EVIDENCE], None, F_TEXT, FILL_INPUT, unlocked=True)
        put(ws, row, c[tx.COL_NOTE], None, F_TEXT, FILL_INPUT, unlocked=True)
        if verifier:
            put(ws, row, c[tx.COL_VERIFY_NOTE], None, F_TEXT, FILL_VERIFY, unlocked=True)
        put(ws, row, c[tx.COL_POINTS], _points_text(question))
        answer_ref = f"{get_column_letter(c[tx.COL_ANSWER])}{row}"
        verify_ref = f"{get_column_letter(c[tx.COL_VERIFY])}{row}" if verifier else None
        if isinstance(question, ChecklistQuestion) and not question.allow_na:
            put(ws, row, c[tx.COL_ANSWER], None, F_TEXT, FILL_NONE)
            if verifier:
                put(ws, row, c[tx.COL_VERIFY], None, F_TEXT, FILL_NONE)
            continue
        put(ws, row, c[tx.COL_ANSWER], None, F_TEXT, FILL_INPUT, unlocked=True)
        if verifier:
            put(ws, row, c[tx.COL_VERIFY], None, F_TEXT, FILL_VERIFY, unlocked=True)
        if question.verifier_scale:  # S11: the verifier picks a level, whatever the body's answer type
            validations.dropdown(verify_ref, answer_labels(question, verifier=True))
        if isinstance(question, NumberQuestion):
            validations.number(answer_ref, question.allow_na, question.is_percent)
            if not question.verifier_scale:
                validations.number(verify_ref, question.allow_na, question.is_percent)
        elif isinstance(question, ChecklistQuestion):
            validations.dropdown(answer_ref, (NA_LABEL,))
            validations.dropdown(verify_ref, (NA_LABEL,))
        else:
            validations.dropdown(answer_ref, answer_labels(question))
            if not question.verifier_scale:
                validations.dropdown(verify_ref, answer_labels(question))
    for column, width in (BODY_WIDTHS if body_only else WIDTHS).items():
        ws.column_dimensions[get_column_letter(column)].width = width
    validations.close()
    fit_rows(ws, HEADER_ROW)
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(last_col)}{row}"
    protect(ws)
    page(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    return row


def _stages_sheet(wb: Workbook, q: Questionnaire) -> None:
    ws = wb.create_sheet(tx.SHEET_STAGES)
    put(ws, 1, 1, "Nilai Tahap Lanjutan", F_TITLE, border=False, wrap=False)
    put(ws, 2, 1, "Diisi oleh Komisi Informasi setelah presentasi/uji publik atau visitasi. Nilai 0–100; kosongkan bila belum ada.", F_NOTE, border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(tx.STAGE_HEADERS))
    for col, head in enumerate(tx.STAGE_HEADERS, start=1):
        put(ws, HEADER_ROW, col, head, F_HEADER, FILL_HEADER)
    dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True, showErrorMessage=True, errorTitle=tx.ERROR_TITLE, error=tx.STAGE_ERROR)
    ws.add_data_validation(dv)
    for i, stage in enumerate(q.rules.later_stages):
        row = STAGE_FIRST_ROW + i
        put(ws, row, 1, stage.code, F_BOLD)
        put(ws, row, 2, stage.name)
        put(ws, row, 3, format_plain(stage.weight))
        put(ws, row, 4, None, F_TEXT, FILL_VERIFY, unlocked=True)
        put(ws, row, 5, None, F_TEXT, FILL_VERIFY, unlocked=True)
        dv.add(f"D{row}")
    for letter, width in (("A", 16), ("B", 40), ("C", 12), ("D", 16), ("E", 50)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    protect(ws)
    page(ws)


def _meta_sheet(wb: Workbook, q: Questionnaire, body_only: bool) -> None:
    ws = wb.create_sheet(tx.SHEET_META)
    values = (q.id, str(q.version), q.content_hash, q.rule_set or "", __version__, str(FORMAT_VERSION))
    pairs = list(zip(tx.META_KEYS, values, strict=True)) + ([META_BODY_ONLY] if body_only else [])
    for row, (key, value) in enumerate(pairs, start=1):
        ws.cell(row=row, column=1, value=key)
        ws.cell(row=row, column=2, value=value)
    ws.sheet_state = "veryHidden"
    protect(ws)


# --- public --------------------------------------------------------------------------

def build_template(q: Questionnaire, body: BodyIdentity | None = None, *, body_only: bool = False, commission: str | None = None) -> Workbook:
    """Build the fill-in workbook for an edition (nothing is written to disk).

    Args:
        q: The edition, with the rules to apply (see :func:`kipmonev.loader.with_rule_set`).
        body: Identity to prefill on the Identitas sheet.
        body_only: A body's own template (``round templates``): no verifier columns and no Tahap sheet,
            which belong to the commission, and the body's ID (when given) locked.
        commission: The commission named in the guide, when it is not the edition's own (a provincial
            commission using a shipped edition). The metadata still names the edition, so reading is unchanged.

    Returns:
        An openpyxl workbook; save it with :func:`save_workbook` for a reproducible file.
    """
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    lists = ChoiceLists(wb)
    _guide_sheet(wb, q.model_copy(update={"commission": commission}) if commission else q, body_only)
    _identity_sheet(wb, q, body, lock_id=body_only)
    last_answer_row = _answers_sheet(wb, q, lists, body_only)
    if q.rules.later_stages and not body_only:
        _stages_sheet(wb, q)
    calc_last, ind_rows, totals = calc_sheet(wb, q, last_answer_row, BODY_COLUMNS if body_only else COLUMNS)
    summary_sheet(wb, q, calc_last, ind_rows, totals, stages_sheet=not body_only)
    _meta_sheet(wb, q, body_only)
    # Sheets were created in the order they refer to each other; people see them in this order.
    order = [tx.SHEET_GUIDE, tx.SHEET_IDENTITY, tx.SHEET_ANSWERS, tx.SHEET_STAGES, tx.SHEET_SUMMARY, tx.SHEET_CALC, tx.SHEET_LISTS, tx.SHEET_META]
    for index, name in enumerate(n for n in order if n in wb.sheetnames):
        wb.move_sheet(name, offset=index - wb.sheetnames.index(name))
    wb[tx.SHEET_CALC].sheet_state = "hidden"
    lists.ws.sheet_state = "hidden"
    wb.active = wb.sheetnames.index(tx.SHEET_GUIDE)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.calculation.fullCalcOnLoad = True
    when = _reproducible_date(q)
    wb.properties.creator = "kipmonev"
    wb.properties.lastModifiedBy = "kipmonev"
    wb.properties.title = q.title
    wb.properties.created = when
    wb.properties.modified = when
    return wb


def save_workbook(wb: Workbook, path: Path, source: str | None = None) -> None:
    """Write a workbook atomically (a temporary file in the same folder, then a rename) and reproducibly.

    Raises:
        WorkbookError: The file cannot be written.
    """
    name = source or str(path)
    try:
        write_atomic(Path(path), workbook_bytes(wb))
    except OSError as e:
        raise WorkbookError(f"{name}: berkas tidak dapat ditulis.", (OUTPUT_UNWRITABLE.at(Location(name), path=name, reason=reason(e)),)) from e


def write_template(q: Questionnaire, path: Path, body: BodyIdentity | None = None, *, body_only: bool = False, commission: str | None = None) -> None:
    """Build the fill-in workbook and write it to ``path`` atomically and reproducibly (see :func:`build_template`).

    Raises:
        WorkbookError: The file cannot be written.
    """
    save_workbook(build_template(q, body, body_only=body_only, commission=commission), Path(path))
