"""Later-stage scores (presentasi/uji publik, visitasi) read from a CSV or XLSX keyed by body ID.

Layout: one row per body (and per stage, when the rules have several later stages); a column with the body
ID, an optional ``tahap`` column, and one column per panelist. Empty panelist cells are skipped. The
panelists' scores are combined by :func:`kipmonev.engine.stages.combine`.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from kipmonev.core.errors import KipmonevError, Location, Problem, WorkbookError
from kipmonev.core.numbers import parse_number
from kipmonev.engine.stages import ONLY_STAGE, CombineRule, StageScore, combine
from kipmonev.sources.book import open_book
from kipmonev.sources.cells import display
from kipmonev.sources.problems import (
    STAGE_FILE_BAD_SCORE,
    STAGE_FILE_DUPLICATE,
    STAGE_FILE_EMPTY_ROW,
    STAGE_FILE_NO_ID_COLUMN,
    STAGE_FILE_NO_PANELISTS,
    STAGE_FILE_UNREADABLE,
)

ID_ALIASES = ("id", "kode", "id badan publik", "kode badan publik", "kode/id badan publik", "id_badan_publik")
STAGE_ALIASES = ("tahap", "kode tahap")
_NAME_ALIASES = ("nama", "nama badan publik", "badan publik")


class StageScoreError(KipmonevError):
    """The stage-score file is unreadable or has invalid rows."""


def _sheet_rows(path: Path, source: str) -> tuple[list[list[str]], str]:
    """The first visible sheet's cells as text rows (each only as long as its last cell), and its name.

    Read with the same screened reader as the filled workbooks, so the same limits apply.
    """
    with open_book(path, source) as book:
        name = next((n for n in book.sheet_names if book.states.get(n, "visible") == "visible"), book.sheet_names[0] if book.sheet_names else "")
        cells = book.sheet(name).cells if name else {}
    rows: list[list[str]] = [[] for _ in range(max((r for r, _ in cells), default=0))]
    for (r, c), cell in sorted(cells.items()):
        row = rows[r - 1]
        row.extend([""] * (c - len(row)))
        row[c - 1] = "" if cell.value is None or isinstance(cell.value, bool) else display(cell.value)
    return rows, name


def _rows(path: Path, source: str) -> tuple[list[list[str]], str | None]:
    """The file's rows as text, and the sheet they come from (``None`` for CSV)."""
    if path.suffix.lower() in {".xlsx", ".xlsm", ".xlsb", ".ods", ".xls"}:
        return _sheet_rows(path, source)
    text = path.read_bytes().decode("utf-8-sig")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)], None


def _cell(row: int, col: int) -> str:
    """The A1 reference of a 0-based (row, column)."""
    return f"{get_column_letter(col + 1)}{row + 1}"


def _number(text: str) -> Decimal | None:
    """A stage score: a number (rule N1) from 0 to 100."""
    value = parse_number(text)
    return value if value is not None and 0 <= value <= 100 else None


#: The key used when the file has no ``tahap`` column: the rules' only later stage.
def read_stage_scores(path: Path, rule: CombineRule = CombineRule.MEAN) -> dict[str, dict[str, StageScore]]:
    """Read the stage-score file: body ID → stage code (or :data:`ONLY_STAGE`) → combined score.

    Raises:
        StageScoreError: Every problem in the file at once, each with its cell.
    """
    source = str(path)
    try:
        rows, sheet = _rows(path, source)
    except WorkbookError as e:
        raise StageScoreError("Berkas nilai tahap tidak dapat dibaca.", e.problems) from e
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as e:
        raise StageScoreError("Berkas nilai tahap tidak dapat dibaca.", (STAGE_FILE_UNREADABLE.at(Location(source), reason=type(e).__name__),)) from e
    header_index = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if header_index is None:
        raise StageScoreError("Berkas nilai tahap kosong.", (STAGE_FILE_NO_ID_COLUMN.at(Location(source), aliases=tuple(ID_ALIASES)),))
    header = [c.strip().casefold() for c in rows[header_index]]

    def where(r: int, c: int) -> Location:
        if sheet is not None:
            return Location(source, sheet=sheet, cell=_cell(r, c))
        return Location(source, line=r + 1, field=rows[header_index][c] if c < len(rows[header_index]) else None)

    id_col = next((i for i, h in enumerate(header) if h in ID_ALIASES), None)
    stage_col = next((i for i, h in enumerate(header) if h in STAGE_ALIASES), None)
    skip = {id_col, stage_col} | {i for i, h in enumerate(header) if h in _NAME_ALIASES or not h}
    panel_cols = [i for i in range(len(header)) if i not in skip]
    problems: list[Problem] = []
    header_row = Location(source, sheet=sheet, cell=_cell(header_index, 0)) if sheet is not None else Location(source, line=header_index + 1)
    if id_col is None:
        problems.append(STAGE_FILE_NO_ID_COLUMN.at(header_row, aliases=tuple(ID_ALIASES)))
    if not panel_cols:
        problems.append(STAGE_FILE_NO_PANELISTS.at(header_row))
    if problems or id_col is None:
        raise StageScoreError(f"{source}: berkas nilai tahap tidak sah.", tuple(problems))
    result: dict[str, dict[str, StageScore]] = {}
    seen: set[tuple[str, str]] = set()
    for r in range(header_index + 1, len(rows)):
        row = rows[r] + [""] * (len(header) - len(rows[r]))
        body = row[id_col].strip()
        if not body:
            continue
        stage = row[stage_col].strip().casefold() if stage_col is not None else ONLY_STAGE
        scores: list[Decimal] = []
        bad = False
        for c in panel_cols:
            text = row[c].strip()
            if not text:
                continue
            value = _number(text)
            if value is None:
                bad = True
                problems.append(STAGE_FILE_BAD_SCORE.at(where(r, c), given=text))
            else:
                scores.append(value)
        if (body, stage) in seen:
            problems.append(STAGE_FILE_DUPLICATE.at(where(r, id_col), body=body, stage=stage))
        elif bad:
            seen.add((body, stage))
        elif not scores:
            problems.append(STAGE_FILE_EMPTY_ROW.at(where(r, id_col), body=body))
        else:
            result.setdefault(body, {})[stage] = StageScore(combine(scores, rule), len(scores), rule)
        seen.add((body, stage))
    if problems:
        raise StageScoreError(f"{source}: {len(problems)} masalah di berkas nilai tahap.", tuple(problems))
    return result
