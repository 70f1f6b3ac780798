"""Plain tables as people open them: an XLSX sheet (header, filter, numbers as numbers) and CSV for Indonesian Excel.

Shared by the recap exports and ``kipmonev compare``; nothing is computed here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.core.formatting import format_number, neutralize_formula

FONT = "DejaVu Sans"
# NOTE: one style object each, shared by every cell: building a Font per cell was half of the recap's time.
_BODY_FONT = Font(name=FONT)
_HEADER_FONT = Font(name=FONT, bold=True)
_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
NUMBER_FORMAT = "0.00"

Cell = str | int | float | None


def sheet(wb: Workbook, title: str, header: list[str], rows: Iterable[list[Cell | float]], first: bool = False, filtered: bool = True) -> Worksheet:
    """Append a sheet (or fill the first one): a bold header, frozen, filtered, numbers with two decimals, columns sized."""
    ws = wb.active if first and wb.active is not None else wb.create_sheet(title)
    assert isinstance(ws, Worksheet)
    ws.title = title
    ws.append(header)
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.alignment = _HEADER_ALIGNMENT
    for values in rows:
        ws.append([neutralize_formula(v) if isinstance(v, str) else v for v in values])  # missing: an empty cell, never text in a number column
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.font = _BODY_FONT
            if isinstance(cell.value, float):
                cell.number_format = NUMBER_FORMAT
    ws.freeze_panes = "A2"
    if filtered:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(ws.max_row, 2)}"
    for idx, title_text in enumerate(header, start=1):
        width = max([len(title_text), *(len(str(c.value)) for c in ws[get_column_letter(idx)][1:200])])
        ws.column_dimensions[get_column_letter(idx)].width = min(max(width + 2, 8), 60)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    return ws


def csv_text(header: list[str], rows: Iterable[list[Cell | float]]) -> str:
    """UTF-8 with BOM, ';' separator, decimal commas: what Excel with Indonesian settings opens as a table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for values in rows:
        writer.writerow(["" if v is None else format_number(v) if isinstance(v, float) else neutralize_formula(v) if isinstance(v, str) else str(v) for v in values])
    return "\ufeff" + buffer.getvalue()
