"""A1 references of cells read from outside files, through :mod:`openpyxl.utils`.

Writers use ``openpyxl.utils.get_column_letter`` and friends directly. Readers of outside files need two
things openpyxl does not offer: a reference that is not one cell gives ``None`` instead of an exception
(hostile files have any text in ``r=""``), with a cache, since references repeat across the thousands of
workbooks of a batch; and a name for a cell past column ZZZ, which A1 cannot name.
"""

from __future__ import annotations

import functools

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter
from openpyxl.utils.exceptions import CellCoordinatesException

_LAST_A1_COLUMN = 18_278  # ZZZ


@functools.lru_cache(maxsize=1 << 16)
def cell_position(ref: str) -> tuple[int, int] | None:
    """``F23`` → (row 23, column 6); ``None`` when ``ref`` is not one cell (``$F$23`` and ``f23`` are)."""
    try:
        letters, row = coordinate_from_string(ref.strip())
        return row, column_index_from_string(letters)
    except (CellCoordinatesException, ValueError):
        return None


def cell_name(row: int, column: int) -> str:
    """``F23`` for (23, 6); past column ZZZ, ``R5C20000``."""
    return f"{get_column_letter(column)}{row}" if column <= _LAST_A1_COLUMN else f"R{row}C{column}"
