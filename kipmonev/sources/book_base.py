"""What every calamine-backed reader shares: the ``Book`` interface, calamine's values as cells, its limits.

:mod:`kipmonev.sources.book` opens any format; the readers of each format (``book``, ``book_ods``,
``book_biff``) build on this module.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kipmonev.core.errors import WorkbookError
from kipmonev.sources import problems_readers as px
from kipmonev.sources.xlsx import Cell, CellValue, Sheet, excel_number, unreadable

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

#: The file suffixes read as workbooks (the format itself is told by the content, never by the name).
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})

#: The largest rectangle of cells (first to last cell with content) calamine is let to fill, over all
#: the sheets it reads at once: about 32 bytes a cell in calamine, so 4 million cells stay near 128 MB.
MAX_DENSE_CELLS = 4_000_000

class Book:
    """An open workbook of any supported format: its sheets, parsed on demand, and what it holds besides cells.

    Attributes:
        source: How the file is named in messages.
        kind: The format as its extension is written, ``.xlsx``, ``.xlsm``, ``.xlsb``, ``.ods`` or ``.xls``.
        sheet_names: Every sheet, in workbook order.
        states: Sheet name → ``visible``, ``hidden`` or ``veryHidden``.
        macros: The parts or streams holding macros; they are never read or run.
    """

    source: str
    kind: str
    sheet_names: tuple[str, ...]
    states: dict[str, str]
    macros: tuple[str, ...]

    def sheet(self, name: str) -> Sheet:
        """One worksheet by its exact name.

        Raises:
            KeyError: No sheet has that name.
            WorkbookError: The sheet cannot be read within the limits.
        """
        raise NotImplementedError

    def close(self) -> None:
        """Release the file."""

    def __enter__(self) -> Book:
        """Enter a ``with`` block."""
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        """Close on leaving a ``with`` block."""
        self.close()


# --- calamine's values as kipmonev's cells ----------------------------------------------------------


def _number(value: float) -> CellValue:
    if value.is_integer() and -1e15 < value < 1e15:
        return Decimal(int(value))
    try:
        return excel_number(repr(value))
    except InvalidOperation:  # rounds to infinity at 15 digits: kept as the text it is, as the own parser does
        return repr(value)


def _temporal(value: object) -> str:
    """A date, time or duration as ISO text (how an .xlsx stores a date cell written as text)."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    return str(value)


def _value(v: Any) -> CellValue:
    """One value of calamine's grid as a kipmonev cell value (``None`` for an empty cell)."""
    kind = type(v)
    if kind is str:
        return v if v else None
    if kind is float:
        return _number(v)
    if kind is bool:
        return bool(v)
    if kind is int:
        return Decimal(v)
    return _temporal(v)


def grid_cells(rows: list[list[Any]]) -> dict[tuple[int, int], Cell]:
    """The cells with content of calamine's grid (0-based, from A1), as kipmonev cells (1-based)."""
    cells: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if type(v) is str:  # most cells: text, or empty
                if v:
                    cells[(r, c)] = Cell(r, c, v)
            else:
                cells[(r, c)] = Cell(r, c, _value(v))
    return cells


class GridSheet(Sheet):
    """A worksheet as calamine's grid, whose cells are made when they are asked for.

    A filled template's Kuesioner sheet holds the question texts, definitions and legal bases next to the
    answers; the reader looks only at the code, answer, evidence and note columns, so making a cell of
    every value (``grid_cells``) was mostly work nobody used. :meth:`get`, :meth:`value` and
    :meth:`column` read the grid directly; ``cells`` (every cell) is made on first use, the same dict
    ``grid_cells`` gives, with the hyperlink targets (``links``) added as the own parser adds them.
    """

    def __init__(self, name: str, grid: list[list[Any]], merges: tuple[tuple[int, int, int, int], ...] = ()) -> None:
        """A sheet over calamine's grid (0-based rows of values from A1)."""
        self.name = name
        self.merges = merges
        self.percent = frozenset()
        self._grid = grid
        self._made: dict[tuple[int, int], Cell] | None = None
        #: Cell → external hyperlink target (a cell without a value may have one).
        self.links: dict[tuple[int, int], str] = {}

    @property
    def cells(self) -> dict[tuple[int, int], Cell]:
        """Every cell with content, by (row, column)."""
        if self._made is None:
            cells = grid_cells(self._grid)
            for pos, target in self.links.items():
                cell = cells.get(pos)
                cells[pos] = Cell(pos[0], pos[1], None, link=target) if cell is None else cell._replace(link=target)
            self._made = cells
        return self._made

    @cells.setter
    def cells(self, cells: dict[tuple[int, int], Cell]) -> None:
        self._made = cells

    @property
    def area(self) -> int:
        """The cells of the grid's rectangle: an upper bound of the cells with content, links aside."""
        return len(self._grid) * max((len(row) for row in self._grid), default=0)

    def grid_value(self, row: int, column: int) -> CellValue:
        """The value calamine read at a position (``None`` when empty or outside the grid), links aside."""
        if row < 1 or column < 1 or row > len(self._grid):
            return None
        values = self._grid[row - 1]
        return _value(values[column - 1]) if column <= len(values) else None

    def get(self, row: int, column: int) -> Cell | None:
        """The cell at a position, or ``None`` when it is empty."""
        if self._made is not None:
            return self._made.get((row, column))
        grid = self._grid
        value = None
        if 0 < row <= len(grid) and column > 0:
            values = grid[row - 1]
            if column <= len(values):
                value = _value(values[column - 1])
        link = self.links.get((row, column)) if self.links else None
        if value is None:
            return None if link is None else Cell(row, column, None, link=link)
        return Cell(row, column, value, link=link)

    def row_cells(self, row: int, last_column: int) -> list[Cell]:
        """The cells with content in one row, up to a column, left to right."""
        if self._made is not None:
            return super().row_cells(row, last_column)
        width = len(self._grid[row - 1]) if 0 < row <= len(self._grid) else 0
        if self.links:
            width = max(width, max((c for r, c in self.links if r == row), default=0))
        return [cell for col in range(1, min(width, last_column) + 1) if (cell := self.get(row, col)) is not None]

    def value(self, row: int, column: int) -> CellValue:
        """The value at a position (``None`` when empty)."""
        return self.grid_value(row, column) if self._made is None else super().value(row, column)

    def column_values(self, column: int) -> Iterator[tuple[int, CellValue]]:
        """(row, value) of the cells with a value in one column, ascending."""
        if self._made is not None:
            yield from super().column_values(column)
            return
        for row, values in enumerate(self._grid, start=1):
            if 0 < column <= len(values) and (value := _value(values[column - 1])) is not None:
                yield row, value

    def column(self, column: int) -> Iterator[Cell]:
        """The cells with content in one column, ascending."""
        if self._made is not None:
            yield from super().column(column)
            return
        last = max((r for r, c in self.links if c == column), default=0)
        for row in range(1, max(len(self._grid), last) + 1):
            cell = self.get(row, column)
            if cell is not None:
                yield cell


_STATES = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}


def sheet_state(visible: object) -> str:
    """Calamine's sheet visibility as the .xlsx ``state`` attribute writes it: visible, hidden, veryHidden."""
    return _STATES.get(str(visible).rpartition(".")[2], "visible")


def merges_of(ranges: list[tuple[tuple[int, int], tuple[int, int]]] | None) -> tuple[tuple[int, int, int, int], ...]:
    """Calamine's merged ranges (0-based corners) as (first row, first column, last row, last column), 1-based."""
    return tuple((a[0] + 1, a[1] + 1, b[0] + 1, b[1] + 1) for a, b in ranges or ())


def calamine_failed(source: str, kind: str, error: Exception) -> WorkbookError:
    """The error for a file calamine cannot read: damaged, with calamine's reason."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if len(detail) > 120:
        detail = detail[:117] + "…"
    return unreadable(source, px.DAMAGED.fill(kind=kind, detail=detail))


def check_rectangle(source: str, sheet: str, rows: int, columns: int, used: int) -> int:
    """Refuse a sheet whose rectangle of content, with what is already filled (``used``), is beyond the limit.

    Returns:
        The cells now used.
    """
    area = rows * columns
    if area + used > MAX_DENSE_CELLS:
        raise unreadable(source, px.SHEET_TOO_WIDE.fill(rows=rows, columns=columns, limit=MAX_DENSE_CELLS), sheet=sheet)
    return area + used


def open_calamine(path: Path, source: str, kind: str) -> CalamineWorkbook:
    """Open a screened file with calamine.

    Raises:
        WorkbookError: calamine cannot read it (damaged).
    """
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        if path.suffix.lower() == kind or (kind == ".xlsm" and path.suffix.lower() == ".xlsx"):
            return CalamineWorkbook.from_path(str(path))
        # calamine tells the format by the name; a renamed file is given as bytes, told by its content
        return CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    except (CalamineError, ValueError, OSError, RuntimeError) as e:
        raise calamine_failed(source, kind, e) from e
    except BaseException as e:  # NOTE: a panic inside the extension arrives as pyo3's PanicException
        if type(e).__name__ == "PanicException":
            raise calamine_failed(source, kind, RuntimeError("pembaca berhenti")) from None
        raise


def calamine_sheet(book: CalamineWorkbook, name: str, source: str, kind: str) -> Any:
    """One sheet from calamine, a failure reported as damage."""
    from python_calamine import CalamineError

    try:
        return book.get_sheet_by_name(name)
    except (CalamineError, ValueError, RuntimeError) as e:
        raise calamine_failed(source, kind, e) from e
    except BaseException as e:
        if type(e).__name__ == "PanicException":
            raise calamine_failed(source, kind, RuntimeError("pembaca berhenti")) from None
        raise


