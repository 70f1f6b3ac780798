"""Read an authoring workbook (the layout in :mod:`kipmonev.formats.questionnaire_layout`) into a questionnaire.

The workbook is turned into the same mapping the YAML loader builds, then validated by the same models,
so a spreadsheet and a YAML file obey the same rules. Every problem is collected and raised at once,
each located at its sheet and cell; warnings (ignored columns and sheets) are returned separately.

Sheet and cell rules A1–A3 are in :mod:`kipmonev.sources.questionnaire_sheets`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kipmonev.core.catalogue import Message
from kipmonev.core.errors import Location, Problem, QuestionnaireError, WorkbookError
from kipmonev.core.fileio import display_path
from kipmonev.core.text import closest
from kipmonev.formats import questionnaire_layout as lay
from kipmonev.formats import workbook_texts as tx
from kipmonev.model.questionnaire import AnswerType, ChecklistQuestion, ChoiceQuestion, Loc, NumberQuestion, Questionnaire
from kipmonev.sources.book import Book, open_book
from kipmonev.sources.problems import (
    A_FILE,
    CELL_EMPTY,
    CELL_INVALID,
    COLUMN_REQUIRED,
    CONDITION_FORMAT,
    FILE_NOT_FOUND,
    FILE_TOO_LARGE,
    FILL_IN_NOT_QUESTIONNAIRE,
    GATE_NOT_FIRST_ROW,
    INVALID_VALUE,
    NOT_FOR_TYPE,
    OPTION_FOR_YES_NO,
    OPTION_UNKNOWN_QUESTION,
    OPTIONS_TOO_FEW,
    SCOPE_CHOICES,
    SETTING_DUPLICATE,
    SETTING_MISSING,
    SETTING_UNKNOWN,
    SETTING_UNKNOWN_SUGGESTED,
    SHEET_NO_ROWS,
    SUMMARY_WORKBOOK_UNREADABLE,
    WORKBOOK_SUMMARY,
    XLSX_MACROS,
)
from kipmonev.sources.questionnaire_sheets import CellError, Place, Reader, Row, column_range, pick_sheets, problem_order, read_cell, read_table, record
from kipmonev.sources.validation import questionnaire_issues
from kipmonev.sources.xlsx import Sheet, screen_xlsx

#: Largest workbook read, in bytes.
MAX_WORKBOOK_BYTES = 10 * 1024 * 1024

_CONDITION = re.compile(r"^\s*([^=]+?)\s*=+\s*(.*?)\s*$", re.DOTALL)


# --- building the questionnaire mapping ----------------------------------------------------------


def _settings(reader: Reader, ws: Sheet | None, data: dict[str, Any]) -> None:
    sheet = ws.name if ws is not None else lay.SETTINGS.name
    rows, _ = read_table(reader, ws, lay.SETTINGS) if ws is not None else ([], None)
    by_name = {name: c for c in lay.SETTING_ROWS for name in c.names()}
    seen: set[str] = set()
    for row in rows:
        key_place = row.places["kunci"]
        if "kunci" not in row.values:
            if "nilai" in row.values:
                reader.cell_error(key_place, CELL_EMPTY.fill())
            continue
        given = str(row.values["kunci"])
        setting = by_name.get(lay.normalise_name(given))
        if setting is None:
            suggestion = closest(lay.normalise_name(given), (c.key for c in lay.SETTING_ROWS))
            reader.error(SETTING_UNKNOWN_SUGGESTED.fill(key=given, suggestion=suggestion) if suggestion else SETTING_UNKNOWN.fill(key=given), sheet, key_place.cell)
            if suggestion is not None:
                reader.misspelt.add((sheet, suggestion))
            continue
        if setting.key in seen:
            reader.error(SETTING_DUPLICATE.fill(key=setting.key), sheet, key_place.cell)
            continue
        seen.add(setting.key)
        value_place = row.places["nilai"]
        place = Place(sheet, setting.key, value_place.cell, row.line, value_place.value, setting=True)
        path = lay.SETTING_PATHS[setting.key]
        reader.where[path] = place
        if "nilai" not in row.values:
            continue  # blank, or already reported (a formula)
        try:
            value = read_cell(row.values["nilai"], setting.kind)
        except CellError as e:
            reader.cell_error(place, CELL_INVALID.fill(value=place.value, detail=e.detail))
            continue
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    for setting in lay.SETTING_ROWS:
        path = lay.SETTING_PATHS[setting.key]
        reader.where.setdefault(path, Place(sheet, setting.key, setting=True))


def _indicators(reader: Reader, ws: Sheet, data: dict[str, Any]) -> None:
    rows, _ = read_table(reader, ws, lay.INDICATORS)
    data["indikator"] = [record(reader, ("indikator", i), row, ("kode", "nama", "bobot", "deskripsi")) for i, row in enumerate(rows)]
    _whole_column(reader, ("indikator",), rows, "bobot", ws.name)


def _whole_column(reader: Reader, loc: Loc, rows: list[Row], column: str, sheet: str) -> None:
    """Place list-wide problems (weights not 100, bands out of order) on the whole column of values."""
    cell, line = column_range(rows, column) if rows else (None, None)
    reader.where[loc] = Place(sheet, column if cell else "", cell, line)


_QUESTION_COLUMNS = ("kode", "indikator", "teks", "petunjuk", "definisi_operasional", "dasar_hukum", "tipe", "bukti", "boleh_na", "rekomendasi", "dinilai_oleh", "periode")
_TYPE_ONLY = {
    "poin": (AnswerType.YES_NO.value,),
    "satuan": (AnswerType.NUMBER.value,),
    "ketidaklengkapan": (AnswerType.CHECKLIST.value,),
    **dict.fromkeys(lay.SUBSTITUTE_COLUMNS.values(), (AnswerType.YES_NO.value,)),
}


def _questions(reader: Reader, ws: Sheet, data: dict[str, Any]) -> list[Row]:
    rows, _ = read_table(reader, ws, lay.QUESTIONS)
    questions: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        loc: Loc = ("pertanyaan", i)
        question = record(reader, loc, row, _QUESTION_COLUMNS)
        tipe = question.get("tipe")
        for column, types in _TYPE_ONLY.items():
            reader.where[(*loc, column)] = row.places[column]
            if column not in row.values:
                continue
            if tipe in types and column in lay.SUBSTITUTE_COLUMNS.values():
                key = next(k for k, c in lay.SUBSTITUTE_COLUMNS.items() if c == column)
                question.setdefault("bukti_pengganti", {})[key] = row.values[column]
            elif tipe in types:
                question[column] = row.values[column]
            elif tipe in {t.value for t in AnswerType}:
                reader.cell_error(row.places[column], NOT_FOR_TYPE.fill(tipe=str(tipe), allowed=tuple(types)))
        for key, column in lay.SUBSTITUTE_COLUMNS.items():
            reader.where[(*loc, "bukti_pengganti", key)] = row.places[column]
        reader.where[(*loc, "bukti_pengganti")] = row.places[lay.SUBSTITUTE_COLUMNS["nama"]]
        if tipe in lay.OPTION_LISTS:
            reader.where[(*loc, lay.OPTION_LISTS[tipe])] = row.places["tipe"]
            question[lay.OPTION_LISTS[tipe]] = []
        condition = row.values.get("syarat")
        reader.where[(*loc, "syarat")] = row.places["syarat"]
        if condition is not None:
            match = _CONDITION.match(str(condition))
            answers = [a.strip() for a in match.group(2).split(";") if a.strip()] if match else []
            if match is None or not answers:
                reader.cell_error(row.places["syarat"], CONDITION_FORMAT.fill(text=str(condition)))
            else:
                question["syarat"] = {"pertanyaan": match.group(1), "jawaban": answers}
        questions.append(question)
    data["pertanyaan"] = questions
    reader.where[("pertanyaan",)] = Place(ws.name)
    return rows


def _options(reader: Reader, ws: Sheet, data: dict[str, Any]) -> None:
    """Attach each Pilihan row to its question, in row order, by the question's type."""
    rows, _ = read_table(reader, ws, lay.OPTIONS)
    index: dict[Any, int] = {}
    for i, question in enumerate(data["pertanyaan"]):
        index.setdefault(question.get("kode"), i)
    for row in rows:
        code_place = row.places["kode_pertanyaan"]
        code = row.values.get("kode_pertanyaan")
        if code is None:
            reader.cell_error(code_place, CELL_EMPTY.fill())
            continue
        if code not in index:
            reader.cell_error(code_place, OPTION_UNKNOWN_QUESTION.fill(code=str(code)))
            continue
        qi = index[code]
        question = data["pertanyaan"][qi]
        tipe = question.get("tipe")
        if row.values.get("skala_verifikasi") is True:  # a level of the verifier scale, for any type
            levels = question.setdefault("skala_verifikasi", [])
            reader.where[("pertanyaan", qi, "skala_verifikasi")] = code_place
            levels.append(record(reader, ("pertanyaan", qi, "skala_verifikasi", len(levels)), row, {"label": "label", "poin": "poin", "deskripsi": "deskripsi"}))
            continue
        if tipe == AnswerType.YES_NO.value:
            reader.cell_error(code_place, OPTION_FOR_YES_NO.fill(code=str(code)))
            continue
        if tipe not in lay.OPTION_FIELDS:
            continue  # the type itself is reported on the Pertanyaan sheet
        fields = lay.OPTION_FIELDS[tipe]
        for column in ("kode_butir", "label", "dari", "sampai", "termasuk_sampai"):
            if column in row.values and column not in fields.values():
                users = [t for t, f in lay.OPTION_FIELDS.items() if column in f.values()]
                reader.cell_error(row.places[column], NOT_FOR_TYPE.fill(tipe=str(tipe), allowed=tuple(users)))
        items = question[lay.OPTION_LISTS[tipe]]
        items.append(record(reader, ("pertanyaan", qi, lay.OPTION_LISTS[tipe], len(items)), row, fields))


def _groups(reader: Reader, ws: Sheet, data: dict[str, Any]) -> None:
    rows, _ = read_table(reader, ws, lay.GROUPS)
    if rows:
        data["kelompok"] = [record(reader, ("kelompok", i), row, ("kode", "judul")) for i, row in enumerate(rows)]


def _stages(reader: Reader, ws: Sheet, rules: dict[str, Any]) -> None:
    rows, _ = read_table(reader, ws, lay.STAGES)
    rules["tahap"] = [record(reader, ("aturan", "tahap", i), row, ("kode", "nama", "bobot")) for i, row in enumerate(rows)]
    _whole_column(reader, ("aturan", "tahap"), rows, "bobot", ws.name)
    gate_keys = {"batas": "batas_lolos", "jika_tidak_lolos": "jika_tidak_lolos"}
    for row in rows[1:]:
        for column in gate_keys.values():
            if column in row.values:
                reader.cell_error(row.places[column], GATE_NOT_FIRST_ROW.fill())
    if rows and any(c in rows[0].values for c in gate_keys.values()):
        rules["gerbang"] = record(reader, ("aturan", "gerbang"), rows[0], gate_keys)


def _gates(reader: Reader, ws: Sheet, rules: dict[str, Any]) -> None:
    """The Gerbang sheet: the gates in order; with a gate on the Tahap sheet already, the further gates."""
    rows, _ = read_table(reader, ws, lay.GATES)
    fields = [c.key for c in lay.GATES.columns]  # the columns are named as the format's keys
    first = "gerbang" not in rules
    further: list[dict[str, Any]] = []
    for row in rows:
        if first:
            rules["gerbang"] = record(reader, ("aturan", "gerbang"), row, fields)
            first = False
        else:
            further.append(record(reader, ("aturan", "gerbang_lanjutan", len(further)), row, fields))
    if further:
        rules["gerbang_lanjutan"] = further


def _rubrics(reader: Reader, ws: Sheet, rules: dict[str, Any]) -> None:
    """The Rubrik sheet: criteria rows grouped into one rubric per stage, in the order stages first appear."""
    rows, _ = read_table(reader, ws, lay.RUBRICS)
    rubrics: list[dict[str, Any]] = []
    for row in rows:
        stage = row.values.get("tahap")
        rubric = next((r for r in rubrics if r["tahap"] == stage), None)
        if rubric is None:
            rubric = {"tahap": stage, "kriteria": []}
            reader.where[("aturan", "rubrik", len(rubrics), "tahap")] = row.places["tahap"]
            rubrics.append(rubric)
        index = rubrics.index(rubric)
        rubric["kriteria"].append(record(reader, ("aturan", "rubrik", index, "kriteria", len(rubric["kriteria"])), row, ("kode", "nama", "bobot", "deskripsi")))
    if rubrics:
        rules["rubrik"] = rubrics


def _bands(reader: Reader, ws: Sheet, rules: dict[str, Any]) -> None:
    rows, _ = read_table(reader, ws, lay.BANDS)
    rules["kualifikasi"] = [record(reader, ("aturan", "kualifikasi", i), row, ("kode", "nama", "batas_bawah", "warna", "pesan")) for i, row in enumerate(rows)]
    _whole_column(reader, ("aturan", "kualifikasi"), rows, "batas_bawah", ws.name)


def _notes(reader: Reader, ws: Sheet, data: dict[str, Any]) -> None:
    rows, _ = read_table(reader, ws, lay.NOTES)
    for row in rows:
        scope = row.values.get("lingkup")
        if scope not in lay.NOTE_SCOPES:
            place = row.places["lingkup"]
            reader.cell_error(place, CELL_INVALID.fill(value=place.value, detail=SCOPE_CHOICES.text()) if scope is not None else CELL_EMPTY.fill())
            continue
        target: list[dict[str, Any]] = data.setdefault("aturan", {}).setdefault("keterangan", []) if scope == "aturan" else data.setdefault("keterangan", [])
        prefix: Loc = ("aturan", "keterangan") if scope == "aturan" else ("keterangan",)
        target.append(record(reader, (*prefix, len(target)), row, ("butir", "status", "sumber", "alasan")))


# --- validation -----------------------------------------------------------------------------------


def _place_of(reader: Reader, loc: Loc) -> Place | None:
    for end in range(len(loc), 0, -1):
        place = reader.where.get(loc[:end])
        if place is not None:
            return place
    return None


_OWNING_SHEET = {"indikator": "Indikator", "pertanyaan": "Pertanyaan", "tahap": "Tahap", "kualifikasi": "Kualifikasi"}
_LISTS: set[Loc] = {("indikator",), ("pertanyaan",), ("aturan", "tahap"), ("aturan", "kualifikasi")}


def _minimum_rows(tipe: str) -> int:
    """The fewest Pilihan rows a question type takes, as its model declares."""
    models: dict[str, type[BaseModel]] = {AnswerType.CHOICE.value: ChoiceQuestion, AnswerType.CHECKLIST.value: ChecklistQuestion}
    model = models.get(tipe, NumberQuestion)
    field_info = next(f for f in model.model_fields.values() if f.alias == lay.OPTION_LISTS[tipe])
    return next((int(m.min_length) for m in field_info.metadata if hasattr(m, "min_length")), 1)


def _validate(reader: Reader, data: dict[str, Any]) -> Questionnaire | None:
    try:
        return Questionnaire.model_validate(data)
    except ValidationError as e:
        issues = questionnaire_issues(e, data)
    reported: dict[str, set[str]] = {}
    for problem in reader.errors:
        if problem.location.sheet and problem.location.cell:
            reported.setdefault(problem.location.sheet, set()).add(problem.location.cell)
    missing_columns: set[tuple[str, str]] = set()
    for issue in issues:
        if issue.loc in _LISTS and issue.kind == "invalid":  # a sheet without data rows
            place = reader.where.get(issue.loc)
            sheet = place.sheet if place else _OWNING_SHEET[str(issue.loc[-1])]
            if sheet not in reader.absent_sheets:
                reader.error(SHEET_NO_ROWS.fill(sheet=sheet), sheet=sheet)
            continue
        owner = next((_OWNING_SHEET[p] for p in issue.loc[:2] if isinstance(p, str) and p in _OWNING_SHEET), None)
        if owner in reader.absent_sheets:
            continue  # the missing sheet is reported once
        place = _place_of(reader, issue.loc)
        if place is None:
            reader.error(issue.message, sheet=owner)
            continue
        if place.sheet in reader.absent_sheets:
            continue
        exact = reader.where.get(issue.loc) is place
        if place.cell is not None and place.cell in reported.get(place.sheet, set()):
            continue  # one problem per cell: a formula or an unreadable value is not also "empty"
        if issue.kind == "missing" and exact and place.cell is None:
            if (place.sheet, place.column) in reader.misspelt:
                continue
            if place.setting:
                reader.error(SETTING_MISSING.fill(key=place.column), sheet=place.sheet)
            elif (place.sheet, place.column) not in missing_columns:
                missing_columns.add((place.sheet, place.column))
                reader.error(COLUMN_REQUIRED.fill(column=place.column), sheet=place.sheet, line=place.header_line)
        elif issue.kind == "missing" and exact:
            reader.cell_error(place, CELL_EMPTY.fill())
        elif issue.loc[-1] in lay.OPTION_LISTS.values() and len(issue.loc) == 3 and issue.kind == "invalid":
            if lay.OPTIONS.name in reader.misspelt_sheets:
                continue  # reported as the misspelt sheet
            question = data["pertanyaan"][int(issue.loc[1])]
            tipe = str(question.get("tipe"))
            reader.cell_error(place, OPTIONS_TOO_FEW.fill(code=str(question.get("kode")), tipe=tipe, minimum=_minimum_rows(tipe)))
        elif issue.kind == "invalid":
            reader.cell_error(place, CELL_INVALID.fill(value=place.value, detail=issue.detail) if place.cell else INVALID_VALUE.fill(key=issue.key, detail=issue.detail))
        else:
            reader.cell_error(place, issue.message)
    return None


def import_questionnaire_with_warnings(path: str | os.PathLike[str]) -> tuple[Questionnaire, list[Problem]]:
    """Read an authoring workbook into a validated questionnaire, with the warnings found on the way.

    Args:
        path: The workbook (.xlsx, .xlsm, .ods, .xls or .xlsb), read by the same reader as filled workbooks.

    Returns:
        The questionnaire, and the warnings (ignored columns and sheets), in sheet and row order.

    Raises:
        QuestionnaireError: The file is unreadable, or breaks the layout or the format's rules; every
            problem is listed, each at its sheet and cell (``kuesioner.xlsx, Pertanyaan!H14``).
    """
    file = Path(path)
    reader = Reader(display_path(file))
    workbook = _open(file, reader.source)
    if workbook.macros:
        reader.warn(XLSX_MACROS.fill())
    try:
        _refuse_fill_in(workbook, reader.source)
        titles = pick_sheets(reader, list(workbook.sheet_names))
        sheets = {name: _sheet(workbook, title, reader.source) for name, title in titles.items()}
        data: dict[str, Any] = {}
        _settings(reader, sheets.get(lay.SETTINGS.name), data)
        rules: dict[str, Any] = data.setdefault("aturan", {})
        if "Indikator" in sheets:
            _indicators(reader, sheets["Indikator"], data)
        if "Pertanyaan" in sheets:
            _questions(reader, sheets["Pertanyaan"], data)
            if "Pilihan" in sheets:
                _options(reader, sheets["Pilihan"], data)
        if "Tahap" in sheets:
            _stages(reader, sheets["Tahap"], rules)
        if "Gerbang" in sheets:
            _gates(reader, sheets["Gerbang"], rules)
        if "Kualifikasi" in sheets:
            _bands(reader, sheets["Kualifikasi"], rules)
        if "Rubrik" in sheets:
            _rubrics(reader, sheets["Rubrik"], rules)
        if "Keterangan" in sheets:
            _notes(reader, sheets["Keterangan"], data)
        if "Kelompok" in sheets:
            _groups(reader, sheets["Kelompok"], data)
    finally:
        workbook.close()
    questionnaire = _validate(reader, data)
    warnings = sorted(reader.warnings, key=problem_order)
    if reader.errors or questionnaire is None:
        problems = tuple(sorted(reader.errors, key=problem_order))
        raise QuestionnaireError(f"{reader.source}: {WORKBOOK_SUMMARY.text(count=len(problems))}", problems)
    return questionnaire, warnings


def _refuse_fill_in(workbook: Book, source: str) -> None:
    """A fill-in workbook (``kipmonev template``) given where a questionnaire belongs: one problem that says so."""
    names = set(workbook.sheet_names)
    if {tx.SHEET_IDENTITY, tx.SHEET_ANSWERS} <= names and lay.QUESTIONS.name not in names:
        problem = FILL_IN_NOT_QUESTIONNAIRE.at(
            Location(source), identity=tx.SHEET_IDENTITY, answers=tx.SHEET_ANSWERS, settings=lay.SETTINGS.name, questions=lay.QUESTIONS.name, source=source
        )
        raise QuestionnaireError(f"{source}: {WORKBOOK_SUMMARY.text(count=1)}", (problem,))


def import_questionnaire(path: str | os.PathLike[str]) -> Questionnaire:
    """Read an authoring workbook into a validated questionnaire, ignoring warnings.

    Raises:
        QuestionnaireError: As for :func:`import_questionnaire_with_warnings`.
    """
    return import_questionnaire_with_warnings(path)[0]


def _open(file: Path, source: str) -> Book:
    def fail(message: Message) -> QuestionnaireError:
        return QuestionnaireError(SUMMARY_WORKBOOK_UNREADABLE.text(source=source), (message.at(Location(source)),))

    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise fail(FILE_NOT_FOUND.fill(kind=A_FILE.text())) from None
    if size > MAX_WORKBOOK_BYTES:
        raise fail(FILE_TOO_LARGE.fill(limit_mb=MAX_WORKBOOK_BYTES // (1024 * 1024)))
    try:
        book = open_book(file, source)
        if book.kind in (".xlsx", ".xlsm"):
            try:
                screen_xlsx(file, source)  # NOTE: every part of an authoring .xlsx is screened, not only the sheets read
            except BaseException:
                book.close()
                raise
        return book
    except WorkbookError as e:
        raise QuestionnaireError(SUMMARY_WORKBOOK_UNREADABLE.text(source=source), e.problems) from e


def _sheet(book: Book, title: str, source: str) -> Sheet:
    try:
        return book.sheet(title)
    except WorkbookError as e:
        raise QuestionnaireError(SUMMARY_WORKBOOK_UNREADABLE.text(source=source), e.problems) from e
