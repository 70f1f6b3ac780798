"""Reading an authoring workbook's sheets: matching sheet names and headers, and normalising cells.

Rules (IDs are cited by tests):
    A1  Sheet names are exact (case and surrounding spaces aside); a near miss (edit distance ≤ 2)
        of a missing sheet is an error with a suggestion; sheets named ``_…`` are ignored silently,
        other unknown sheets with a warning.
    A2  The header is the first non-blank row; columns may come in any order, take a few aliases, and
        optional ones may be absent. Columns headed ``_…`` are ignored silently, unknown ones with a
        warning, near misses of an absent column are errors. Blank rows are skipped, and row numbers
        stay those on screen.
    A3  Cells are normalised at the edge: spaces and NBSP stripped, ``4.0`` read as ``4``, numbers typed
        as text (``2,5``) read as numbers, code words compared without case. Formulas are refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kipmonev.core.catalogue import Message
from kipmonev.core.errors import Location, Problem
from kipmonev.core.numbers import parse_number
from kipmonev.core.text import closest
from kipmonev.formats import questionnaire_layout as lay
from kipmonev.formats.a1 import column_index, column_letter
from kipmonev.model.questionnaire import Loc
from kipmonev.sources.problems import (
    BOOL_CHOICES,
    CELL_FORMULA,
    CELL_INVALID,
    COLUMN_DUPLICATE,
    COLUMN_MISSPELT,
    COLUMN_UNKNOWN,
    IN_COLUMN,
    IN_SETTING,
    PLACES_CHOICES,
    SHEET_EMPTY,
    SHEET_MISSPELT,
    SHEET_REQUIRED,
    SHEET_UNKNOWN,
)
from kipmonev.sources.xlsx import Cell, Sheet

_TRUE = {"ya", "y", "true", "benar", "1"}
_FALSE = {"tidak", "t", "false", "salah", "0"}


class CellError(ValueError):
    """A cell that cannot be read as its kind: ``detail`` says what it must be."""

    def __init__(self, detail: str) -> None:
        """Keep ``detail``, the rule the value breaks ("isi 'Ya' atau 'Tidak'")."""
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class Place:
    """Where a value of the questionnaire mapping came from."""

    sheet: str
    column: str = ""  # the column key, or the setting key on Pengaturan; empty for a whole row
    cell: str | None = None  # None: the column (or setting row) is absent, or a whole row
    line: int | None = None
    value: str = ""  # the cell as typed, for messages
    header_line: int | None = None
    setting: bool = False  # a Pengaturan row rather than a table column

    def say(self, text: str) -> str:
        """Prefix a message with the column or setting it is about."""
        if not self.column:
            return text
        return IN_SETTING.text(key=self.column, text=text) if self.setting else IN_COLUMN.text(column=self.column, text=text)


@dataclass
class Row:
    """One non-blank data row: its line, its normalised values, and the place of every column."""

    line: int
    values: dict[str, Any] = field(default_factory=dict)  # column key -> normalised value (non-empty only)
    places: dict[str, Place] = field(default_factory=dict)  # column key -> place (every column of the sheet)


@dataclass
class Reader:
    """State of one import: the source name, what was found, and where each value came from."""

    source: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    where: dict[Loc, Place] = field(default_factory=dict)
    absent_sheets: set[str] = field(default_factory=set)
    misspelt_sheets: set[str] = field(default_factory=set)
    # (sheet, column or setting key) already reported as misspelt: not reported again as missing
    misspelt: set[tuple[str, str]] = field(default_factory=set)

    def error(self, message: Message, sheet: str | None = None, cell: str | None = None, line: int | None = None) -> None:
        """Record an error in this workbook."""
        self.errors.append(message.at(Location(self.source, sheet=sheet, cell=cell, line=line)))

    def warn(self, message: Message, sheet: str | None = None, cell: str | None = None, line: int | None = None) -> None:
        """Record a warning (something ignored) in this workbook."""
        self.warnings.append(message.at(Location(self.source, sheet=sheet, cell=cell, line=line)))

    def cell_error(self, place: Place, message: Message) -> None:
        """Record an error at a place, its text prefixed with the column or setting."""
        self.error(Message(message.code, message.severity, place.say(message.text)), place.sheet, place.cell, None if place.cell else place.line)


# --- cells -----------------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """The cell as text, the way users see it: ``4.0`` → ``4``, NBSP and outer spaces removed."""
    if isinstance(value, bool):
        return lay.YES_NO[0] if value else lay.YES_NO[1]
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).replace("\u00a0", " ").strip()


def cell_number(value: Any) -> Any:
    """A number, from a numeric cell or text such as ``' 2,5 '``; text that is no number is kept for the model to refuse."""
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, int):
        return value
    number = parse_number(cell_text(value))
    if number is None:
        return cell_text(value)
    return int(number) if number == number.to_integral_value() else number


def read_cell(value: Any, kind: lay.Kind) -> Any:
    """Normalise one non-empty cell by its column's kind (rule A3)."""
    match kind:
        case lay.Kind.NUMBER:
            return cell_number(value)
        case lay.Kind.CHOICE:
            return lay.normalise_name(cell_text(value))
        case lay.Kind.BOOL:
            word = lay.normalise_name(cell_text(value))
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            raise CellError(BOOL_CHOICES.text())
        case lay.Kind.PLACES:
            if lay.normalise_name(cell_text(value)) in {lay.NO_ROUNDING, "tidak", "kosong"}:
                return None
            number = cell_number(value)
            if not isinstance(number, int):
                raise CellError(PLACES_CHOICES.text())
            return number
    return cell_text(value)


def is_blank(value: Any) -> bool:
    """An empty cell, or one holding only spaces and NBSP."""
    return value is None or (isinstance(value, str) and not value.replace("\u00a0", " ").strip())


# --- sheets and tables -----------------------------------------------------------------------------


def pick_sheets(reader: Reader, names: list[str]) -> dict[str, str]:
    """Match the workbook's sheet titles to the layout's sheets (rule A1): layout name -> title."""
    wanted = {s.name.casefold(): s.name for s in lay.SHEETS}
    found: dict[str, str] = {}
    unknown: list[str] = []
    for title in names:
        key = title.strip().casefold()
        if key in wanted and wanted[key] not in found:
            found[wanted[key]] = title
        elif not title.strip().startswith("_"):
            unknown.append(title)
    for title in unknown:
        suggestion = closest(title.strip(), (n for n in wanted.values() if n not in found))
        if suggestion is not None:
            reader.error(SHEET_MISSPELT.fill(given=title, suggestion=suggestion), sheet=title)
            reader.misspelt_sheets.add(suggestion)
        else:
            reader.warn(SHEET_UNKNOWN.fill(given=title), sheet=title)
    for sheet in lay.SHEETS:
        if sheet.name not in found:
            reader.absent_sheets.add(sheet.name)
            if sheet.required and sheet.name not in reader.misspelt_sheets:
                reader.error(SHEET_REQUIRED.fill(sheet=sheet.name), sheet=sheet.name)
    return found


def _value(cell: Cell | None) -> Any:
    """A cell's value as the import reads it: a formula shows as its text (``=A1+1``), to be refused."""
    if cell is None:
        return None
    if cell.formula:
        return "=" + cell.formula
    return cell.value


def _lines(ws: Sheet) -> list[tuple[int, list[Cell | None]]]:
    """The rows with content, each as its cells from column A to its last cell (blank rows hold nothing to read)."""
    by_row: dict[int, dict[int, Cell]] = {}
    for (row, col), cell in ws.cells.items():
        by_row.setdefault(row, {})[col] = cell
    return [(line, [cells.get(col) for col in range(1, max(cells) + 1)]) for line, cells in sorted(by_row.items())]


def _header(reader: Reader, ws: Sheet, spec: lay.Sheet, line: int, cells: list[Cell | None]) -> dict[str, int]:
    """Map canonical column keys to 0-based positions from the header row (rule A2)."""
    by_name = {name: c.key for c in spec.columns for name in c.names()}
    columns: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    for i, cell in enumerate(cells):
        if is_blank(_value(cell)):
            continue
        title = cell_text(_value(cell))
        name = lay.normalise_name(title)
        ref = f"{column_letter(i + 1)}{line}"
        if title.startswith("_"):
            continue
        if name not in by_name:
            unknown.append((i, title))
        elif by_name[name] in columns:
            reader.error(COLUMN_DUPLICATE.fill(column=title), sheet=ws.name, cell=ref)
        else:
            columns[by_name[name]] = i
    for i, title in unknown:
        ref = f"{column_letter(i + 1)}{line}"
        name = lay.normalise_name(title)
        suggestion = closest(name, (c.key for c in spec.columns if c.key not in columns))
        if suggestion is not None:
            reader.error(COLUMN_MISSPELT.fill(column=title, suggestion=suggestion), sheet=ws.name, cell=ref)
            reader.misspelt.add((ws.name, suggestion))
        else:
            reader.warn(COLUMN_UNKNOWN.fill(column=title), sheet=ws.name, cell=ref)
    return columns


def read_table(reader: Reader, ws: Sheet, spec: lay.Sheet) -> tuple[list[Row], int | None]:
    """Read a sheet's data rows, normalised, with the place of every column; and the header's line."""
    rows: list[Row] = []
    columns: dict[str, int] | None = None
    header_line: int | None = None
    for line, cells in _lines(ws):
        if columns is None:
            if all(is_blank(_value(c)) for c in cells):
                continue
            header_line = line
            columns = _header(reader, ws, spec, line, cells)
            continue
        row = Row(line)
        blank = True
        for column in spec.columns:
            index = columns.get(column.key)
            if index is None:
                row.places[column.key] = Place(ws.name, column.key, line=line, header_line=header_line)
                continue
            cell = cells[index] if index < len(cells) else None
            value = _value(cell)
            ref = f"{column_letter(index + 1)}{line}"
            place = Place(ws.name, column.key, ref, line, "" if is_blank(value) else cell_text(value), header_line)
            row.places[column.key] = place
            if is_blank(value):
                continue
            blank = False
            if cell is not None and cell.formula is not None:
                reader.cell_error(place, CELL_FORMULA.fill(formula=str(value)))
                continue
            try:
                row.values[column.key] = read_cell(value, column.kind)
            except CellError as e:
                reader.cell_error(place, CELL_INVALID.fill(value=place.value, detail=e.detail))
        if not blank:
            rows.append(row)
    if columns is None and spec.required:
        reader.error(SHEET_EMPTY.fill(sheet=ws.name, columns=", ".join(c.key for c in spec.columns)), sheet=ws.name)
        reader.absent_sheets.add(spec.name)  # reported once, as empty
    return rows, header_line


def column_range(rows: list[Row], key: str) -> tuple[str | None, int | None]:
    """The cells of one column over the rows (``C2:C7``), and the first row's line."""
    cells = [r.places[key].cell for r in rows if r.places[key].cell]
    if not cells:
        return None, None
    return (cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"), rows[0].line


def record(reader: Reader, loc: Loc, row: Row, fields: dict[str, str] | Iterable[str]) -> dict[str, Any]:
    """Record the row's place at ``loc`` and each field's place; return the row's values as model keys."""
    mapping = fields if isinstance(fields, dict) else {f: f for f in fields}
    first = next(iter(row.places.values()))
    reader.where[loc] = Place(first.sheet, line=row.line, header_line=first.header_line)
    out: dict[str, Any] = {}
    for model_key, column in mapping.items():
        reader.where[(*loc, model_key)] = row.places[column]
        if column in row.values:
            out[model_key] = row.values[column]
    return out



def column_number(ref: str) -> int:
    """The 1-based column of a cell reference: ``H14`` → 8."""
    return column_index("".join(ch for ch in ref if ch.isalpha()))



def problem_order(problem: Problem) -> tuple[int, int, int]:
    """Sort key: the layout's sheet order, then row, then column."""
    loc = problem.location
    title = (loc.sheet or "").strip().casefold()
    sheet = next((i for i, s in enumerate(lay.SHEETS) if s.name.casefold() == title), len(lay.SHEETS))
    line = loc.line or 0
    column = 0
    if loc.cell:
        letters = "".join(ch for ch in loc.cell.split(":")[0] if ch.isalpha())
        line = int("".join(ch for ch in loc.cell.split(":")[0] if ch.isdigit()) or 0)
        column = column_number(f"{letters}1")
    return sheet, line, column


