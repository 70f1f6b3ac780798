"""Numbers as people type them: percent-formatted cells and ``75%`` typed as text.

Typing ``75%`` into an Excel or LibreOffice cell stores 0,75 and gives the cell a percent number format;
the cell *shows* 75 %. kipmonev reads such a cell as the number it shows (75), so a percentage question
scores what the respondent saw. The format lives in ``xl/styles.xml`` (the cell's ``s`` attribute indexes
``cellXfs``, whose ``numFmtId`` is a built-in format, 9 ``0%`` or 10 ``0.00%``, or one of ``numFmts``).

These functions work on parsed XML and plain strings only, so any cell reader (this package's own, or one
built on another library that does not expose number formats) can call them:

    styles = percent_styles(styles_root)          # once per workbook
    cells = percent_cells(sheet_root, styles)     # once per worksheet
    value = shown_number(value, (row, column) in cells)
"""

from __future__ import annotations

import re
from decimal import Decimal
from xml.etree import ElementTree as ET

from kipmonev.core.numbers import excel_decimal, parse_number
from kipmonev.formats.a1 import cell_position

#: Excel's built-in number formats that are percentages (``0%`` and ``0.00%``).
BUILTIN_PERCENT_FORMATS = frozenset({9, 10})
_HUNDRED = Decimal(100)
# Quoted literals, escaped characters and bracketed sections ([Red], [>=100]) never make a format a percentage.
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(code: str) -> bool:
    """Whether a number format code shows a percentage (a ``%`` outside quotes, escapes and brackets)."""
    return "%" in _LITERALS.sub("", code)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def percent_styles(styles_root: ET.Element | None) -> frozenset[int]:
    """The indexes of ``cellXfs`` (the cells' ``s`` attribute) whose number format is a percentage."""
    if styles_root is None:
        return frozenset()
    custom: dict[int, str] = {}
    found: set[int] = set()
    for node in styles_root:
        tag = _local(node.tag)
        if tag == "numFmts":
            for fmt in node:
                number = fmt.get("numFmtId", "")
                if number.isdigit():
                    custom[int(number)] = fmt.get("formatCode", "")
        elif tag == "cellXfs":
            for index, xf in enumerate(x for x in node if _local(x.tag) == "xf"):
                number = xf.get("numFmtId", "0")
                fmt_id = int(number) if number.isdigit() else 0
                if fmt_id in BUILTIN_PERCENT_FORMATS or (fmt_id in custom and is_percent_format(custom[fmt_id])):
                    found.add(index)
    return frozenset(found)


def percent_cells(sheet_root: ET.Element, styles: frozenset[int]) -> frozenset[tuple[int, int]]:
    """(row, column) of every cell with a value whose style is a percent format.

    Only cells with an ``r`` reference are considered (Excel, LibreOffice and openpyxl always write it).
    """
    if not styles:
        return frozenset()
    wanted = {str(s) for s in styles}
    found: set[tuple[int, int]] = set()
    for c in sheet_root.iter():
        if _local(c.tag) != "c" or c.get("s") not in wanted or not len(c):
            continue
        pos = cell_position(c.get("r", ""))
        if pos is not None:
            found.add(pos)
    return frozenset(found)


def shown_number(value: Decimal, percent: bool) -> Decimal:
    """The number a cell shows: its stored value, ×100 when the cell is percent-formatted (0,75 → 75)."""
    return excel_decimal(value * _HUNDRED) if percent else value


def percent_text(text: str) -> Decimal | None:
    """A percentage typed as text, ``75%`` or ``7,5 %`` → 75 or 7,5 (rule N1 before the ``%``); ``None`` when the text is not one."""
    compact = "".join(text.split())
    if not compact.endswith("%"):
        return None
    return parse_number(compact[:-1])
