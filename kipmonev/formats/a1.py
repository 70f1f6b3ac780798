"""A1 references for the readers: column letters, column numbers and cell positions, without openpyxl.

Writers use ``openpyxl.utils.get_column_letter`` and friends directly. The readers (``kipmonev check``,
the batch workers) never import openpyxl: importing it costs about a third of the package's start-up,
which ``check`` of one workbook pays in full. These functions follow ``openpyxl.utils.cell`` exactly
(``tests/test_a1.py`` holds them together), and add two things readers of outside files need: a
reference that is not one cell gives ``None`` instead of an exception (hostile files have any text in
``r=""``), with a cache, since references repeat across the thousands of workbooks of a batch; and a
name for a cell past column ZZZ, which A1 cannot name.
"""

from __future__ import annotations

import functools
import re
from string import ascii_uppercase

__all__ = ["LAST_A1_COLUMN", "cell_name", "cell_position", "column_index", "column_letter"]

#: The last column A1 can name (ZZZ).
LAST_A1_COLUMN = 18_278
_COORD = re.compile(r"^[$]?([A-Za-z]{1,3})[$]?(\d+)$")  # as openpyxl.utils.cell.COORD_RE


@functools.cache
def column_letter(index: int) -> str:
    """``6`` → ``F``, ``27`` → ``AA`` (as ``openpyxl.utils.get_column_letter``).

    Raises:
        ValueError: ``index`` is not between 1 and 18,278 (ZZZ).
    """
    if not 1 <= index <= LAST_A1_COLUMN:
        raise ValueError(f"Invalid column index {index}")
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = ascii_uppercase[remainder] + letters
    return letters


@functools.lru_cache(maxsize=1 << 12)
def column_index(letters: str) -> int:
    """``F`` → ``6``, ``aa`` → ``27`` (as ``openpyxl.utils.column_index_from_string``).

    Raises:
        ValueError: ``letters`` is not one to three ASCII letters.
    """
    if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"{letters} is not a valid column name. Column names are from A to ZZZ")
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


@functools.lru_cache(maxsize=1 << 16)
def cell_position(ref: str) -> tuple[int, int] | None:
    """``F23`` → (row 23, column 6); ``None`` when ``ref`` is not one cell (``$F$23`` and ``f23`` are)."""
    m = _COORD.match(ref.strip())
    if m is None:
        return None
    row = int(m.group(2))
    return (row, column_index(m.group(1))) if row else None


def cell_name(row: int, column: int) -> str:
    """``F23`` for (23, 6); past column ZZZ, ``R5C20000``."""
    return f"{column_letter(column)}{row}" if column <= LAST_A1_COLUMN else f"R{row}C{column}"
