"""Later-stage scores (presentasi/uji publik, visitasi) read from a CSV or XLSX keyed by body ID.

Layout: a header row, then one row per body (and per stage, when the rules have several later stages).
Columns are recognised by their header (case and spaces aside), in any order:

- the body's ID: ``ID``, ``Kode``, ``ID Badan Publik``, ``Kode Badan Publik``… (:data:`ID_ALIASES`);
- the body's name: ``Nama``, ``Nama Badan Publik``, ``Badan Publik`` (used only for rows without an ID);
- the stage, optional: ``Tahap`` or ``Kode Tahap``;
- panelists: ``P1``, ``Panelis 1``, ``Panelis A``, ``Juri 2``, ``Penilai 3``, ``Nilai Panelis A``,
  ``Nilai Juri 1``…, or declared in the file as ``Panelis: <nama>`` (also ``Juri:``, ``Penilai:``).

Every other column (``No``, ``Rata-rata``, ``Jumlah``, ``Keterangan``…) is ignored, and listed as ignored,
so that a row number or a total is never averaged in as a panelist. Empty panelist cells are skipped.
The panelists' scores are combined by :func:`kipmonev.engine.stages.combine`.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

from kipmonev.core.errors import KipmonevError, Location, Problem, WorkbookError
from kipmonev.core.numbers import parse_number
from kipmonev.core.reasons import reason
from kipmonev.engine.stages import ONLY_STAGE, CombineRule, StageFile, StageRow, StageScore, combine
from kipmonev.formats.a1 import column_letter
from kipmonev.formats.panel_texts import ID_ALIASES, NAME_ALIASES, STAGE_ALIASES
from kipmonev.sources import problems_panel as pp
from kipmonev.sources.book import open_book
from kipmonev.sources.book_base import SPREADSHEET_SUFFIXES
from kipmonev.sources.cells import display
from kipmonev.sources.problems import STAGE_FILE_BAD_SCORE, STAGE_FILE_DUPLICATE, STAGE_FILE_EMPTY_ROW, STAGE_FILE_UNREADABLE

#: Panelist headers: an optional "nilai", a panelist word, then a number or a single letter (``P`` takes numbers only).
PANELIST_HEADER = re.compile(r"^(?:nilai\s+)?(?:(?:panelis|panel|juri|penilai)\s*[-_.]?\s*(?:\d{1,3}|[a-z])|p\s*[-_.]?\s*\d{1,3})$")
#: A panelist declared by name: ``Panelis: Dr. Ani``.
DECLARED_PANELIST = re.compile(r"^(?:panelis|juri|penilai)\s*:\s*(\S.*)$", re.IGNORECASE)


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


def table_rows(path: Path, source: str) -> tuple[list[list[str]], str | None]:
    """The file's rows as text, and the sheet they come from (``None`` for CSV)."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return _sheet_rows(path, source)
    text = path.read_bytes().decode("utf-8-sig")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)], None


def _cell(row: int, col: int) -> str:
    """The A1 reference of a 0-based (row, column)."""
    return f"{column_letter(col + 1)}{row + 1}"


def _number(text: str) -> Decimal | None:
    """A stage score: a number (rule N1) from 0 to 100."""
    value = parse_number(text)
    return value if value is not None and 0 <= value <= 100 else None


def _key(header: str) -> str:
    return " ".join(header.replace("\u00a0", " ").split()).casefold()


def panelist_name(header: str) -> str | None:
    """The panelist a header names (``Panelis: Dr. Ani`` → ``Dr. Ani``; ``P1`` → ``P1``), else ``None``."""
    text = " ".join(header.replace("\u00a0", " ").split())
    declared = DECLARED_PANELIST.match(text)
    if declared:
        return declared.group(1).strip()
    return text if PANELIST_HEADER.match(text.casefold()) else None


def read_stage_file(path: Path, rule: CombineRule = CombineRule.MEAN) -> StageFile:
    """Read the stage-score file: the panelist columns used, the columns ignored, and one row per body and stage.

    Raises:
        StageScoreError: Every problem in the file at once, each with its cell.
    """
    source = str(path)
    try:
        rows, sheet = table_rows(path, source)
    except WorkbookError as e:
        raise StageScoreError(pp.STAGE_FILE_UNREADABLE_SUMMARY.text(), e.problems) from e
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as e:
        raise StageScoreError(pp.STAGE_FILE_UNREADABLE_SUMMARY.text(), (STAGE_FILE_UNREADABLE.at(Location(source), reason=reason(e)),)) from e
    header_index = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if header_index is None:
        raise StageScoreError(pp.STAGE_FILE_EMPTY_SUMMARY.text(), (pp.NO_BODY_COLUMN.at(Location(source), aliases=ID_ALIASES),))
    raw_header = [" ".join(c.split()) for c in rows[header_index]]
    header = [_key(c) for c in raw_header]

    def where(r: int, c: int) -> Location:
        if sheet is not None:
            return Location(source, sheet=sheet, cell=_cell(r, c))
        return Location(source, line=r + 1, field=raw_header[c] if c < len(raw_header) else None)

    def header_cell(c: int) -> Location:
        return Location(source, sheet=sheet, cell=_cell(header_index, c)) if sheet is not None else Location(source, line=header_index + 1)

    id_col = next((i for i, h in enumerate(header) if h in ID_ALIASES), None)
    stage_col = next((i for i, h in enumerate(header) if h in STAGE_ALIASES), None)
    name_col = next((i for i, h in enumerate(header) if h in NAME_ALIASES), None)
    known = {id_col, stage_col, name_col}
    panel: list[tuple[int, str]] = []
    ignored: list[str] = []
    problems: list[Problem] = []
    for i, h in enumerate(raw_header):
        if i in known or not h:
            continue
        name = panelist_name(h)
        if name is None:
            ignored.append(h)
        elif any(name.casefold() == other.casefold() for _, other in panel):
            problems.append(pp.DUPLICATE_PANELIST.at(header_cell(i), panelist=name))
        else:
            panel.append((i, name))
    if id_col is None and name_col is None:
        problems.append(pp.NO_BODY_COLUMN.at(header_cell(0), aliases=ID_ALIASES))
    if not panel:
        problems.append(pp.NO_PANEL_COLUMNS.at(header_cell(0), ignored=ignored or [pp.NO_OTHER_COLUMNS.text()]))
    if problems:
        raise StageScoreError(pp.STAGE_FILE_INVALID_SUMMARY.text(source=source), tuple(problems))
    result: list[StageRow] = []
    seen: set[tuple[str, str]] = set()
    for r in range(header_index + 1, len(rows)):
        row = rows[r] + [""] * (len(header) - len(rows[r]))
        body = row[id_col].strip() if id_col is not None else ""
        body_name = " ".join(row[name_col].split()) if name_col is not None else ""
        if not body and not body_name:
            continue
        key_col = id_col if body or name_col is None else name_col
        assert key_col is not None
        label = body or body_name
        stage = row[stage_col].strip().casefold() if stage_col is not None else ONLY_STAGE
        scores: list[tuple[str, Decimal]] = []
        bad = False
        for c, panelist in panel:
            text = row[c].strip()
            if not text:
                continue
            value = _number(text)
            if value is None:
                bad = True
                problems.append(STAGE_FILE_BAD_SCORE.at(where(r, c), given=text))
            else:
                scores.append((panelist, value))
        key = (body.casefold() if body else "\0" + " ".join(body_name.casefold().split()), stage)
        if key in seen:
            problems.append(STAGE_FILE_DUPLICATE.at(where(r, key_col), body=label, stage=stage))
        elif bad:
            pass
        elif not scores:
            problems.append(STAGE_FILE_EMPTY_ROW.at(where(r, key_col), body=label))
        else:
            value = combine([v for _, v in scores], rule)
            result.append(StageRow(len(result), where(r, key_col), body, body_name, stage, StageScore(value, len(scores), rule, tuple(scores))))
        seen.add(key)
    if problems:
        raise StageScoreError(pp.STAGE_FILE_PROBLEMS_SUMMARY.text(source=source, count=len(problems)), tuple(problems))
    return StageFile(source, tuple(n for _, n in panel), tuple(ignored), tuple(result))


def read_stage_scores(path: Path, rule: CombineRule = CombineRule.MEAN) -> dict[str, dict[str, StageScore]]:
    """Read the stage-score file keyed by body ID as written: body ID → stage code (or :data:`ONLY_STAGE`) → score.

    Rows without an ID are left out; the batch matches those by name (:func:`read_stage_file`).

    Raises:
        StageScoreError: Every problem in the file at once, each with its cell.
    """
    out: dict[str, dict[str, StageScore]] = {}
    for row in read_stage_file(path, rule).rows:
        if row.body_id:
            out.setdefault(row.body_id, {})[row.stage] = row.score
    return out
