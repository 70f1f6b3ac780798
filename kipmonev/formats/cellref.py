"""A1 cell references: ``F23`` ↔ (row 23, column 6)."""

from __future__ import annotations

import re

_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


def column_index(letters: str) -> int:
    """``A`` → 1, ``AA`` → 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def column_letters(index: int) -> str:
    """1 → ``A``, 27 → ``AA``."""
    out = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_ref(row: int, column: int) -> str:
    """(23, 6) → ``F23``."""
    return f"{column_letters(column)}{row}"


_REF_CACHE: dict[str, tuple[int, int] | None] = {}


def parse_ref(ref: str) -> tuple[int, int] | None:
    """``F23`` → (23, 6); ``None`` when not a single-cell reference."""
    # References repeat across the thousands of workbooks of a batch: remember them (bounded).
    found = _REF_CACHE.get(ref, False)
    if found is not False:
        return found  # type: ignore[return-value]
    m = _CELL_REF.match(ref.strip())
    pos = None if m is None else (int(m.group(2)), column_index(m.group(1)))
    if len(_REF_CACHE) > 200_000:
        _REF_CACHE.clear()
    _REF_CACHE[ref] = pos
    return pos
