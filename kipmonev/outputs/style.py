"""Cell styles and small helpers shared by the template's sheet builders and its formulas."""

from __future__ import annotations

from copy import copy
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Arial"

THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
NO_WRAP = Alignment(wrap_text=False, vertical="top")
FILL_HEADER = PatternFill("solid", fgColor="1F4E79")
FILL_INDICATOR = PatternFill("solid", fgColor="D9E2F3")
FILL_GROUP = PatternFill("solid", fgColor="EDF1F9")
FILL_INPUT = PatternFill("solid", fgColor="FFF2CC")
FILL_VERIFY = PatternFill("solid", fgColor="DDEBF7")
FILL_NONE = PatternFill("solid", fgColor="EDEDED")
UNLOCKED = Protection(locked=False)


def font(bold: bool = False, size: int = 10, color: str = "000000", italic: bool = False) -> Font:
    """A font with its name set explicitly (spreadsheets otherwise fall back to their own default)."""
    return Font(name=FONT_NAME, size=size, bold=bold, color=color, italic=italic)


F_TEXT = font()
F_BOLD = font(bold=True)
F_HEADER = font(bold=True, color="FFFFFF")
F_TITLE = font(bold=True, size=14)
F_NOTE = font(italic=True, color="595959")

CellInput = str | int | float | Decimal | None


def num(value: Decimal | int) -> str:
    """A constant for a formula: ``Decimal('2.50')`` → ``2.5``."""
    return format(Decimal(value).normalize(), "f")


def quote(text: str) -> str:
    """A formula string literal."""
    return '"' + text.replace('"', '""') + '"'


def label_key(label: str) -> str:
    """A label as the formulas compare it: trimmed, single spaces, lower case."""
    return " ".join(label.split()).lower()


def protect(ws: Worksheet) -> None:
    """Lock a sheet without a password; resizing, filtering and inserting hyperlinks stay allowed."""
    # No password: the lock prevents accidents, not determined edits (see the Petunjuk sheet).
    ws.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, autoFilter=False, insertHyperlinks=False, selectLockedCells=False, selectUnlockedCells=False
    )


def page(ws: Worksheet, title_rows: str | None = None, landscape: bool = True) -> None:
    """A4, fit to the page width, optionally repeating heading rows on every printed page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        ws.print_title_rows = title_rows


def put(
    ws: Worksheet, row: int, column: int, value: CellInput, style: Font = F_TEXT, fill: PatternFill | None = None, unlocked: bool = False, border: bool = True, wrap: bool = True
) -> None:
    """Write one cell with an explicit font, wrapped text, a border, and optionally a fill and no lock."""
    cell = ws.cell(row=row, column=column, value=value)
    # Setting font, fill, border… one by one hashes openpyxl's style objects each time, which is most of
    # the cost of building a template; the combined style of each combination is computed once per workbook.
    # The cache lives on the workbook: style arrays are indices into that workbook's own style tables.
    cache: dict[tuple[int, int, bool, bool, bool], object] | None = getattr(ws.parent, "_kipmonev_styles", None)
    if cache is None:
        cache = {}
        setattr(ws.parent, "_kipmonev_styles", cache)  # noqa: B010
    cache_key = (id(style), id(fill), unlocked, border, wrap)
    cached = cache.get(cache_key)
    if cached is not None:
        cell._style = copy(cached)  # type: ignore[attr-defined]
        return
    cell.font = style
    cell.alignment = WRAP if wrap else NO_WRAP
    if border:
        cell.border = BORDER
    if fill is not None:
        cell.fill = fill
    if unlocked:
        cell.protection = UNLOCKED
    cache[cache_key] = copy(cell._style)  # type: ignore[attr-defined]


def fit_rows(ws: Worksheet, first_row: int = 1, size: int = 10) -> None:
    """Give rows with wrapped text a height that shows it all.

    Spreadsheets do not grow rows written by openpyxl on their own (LibreOffice keeps the default
    height), so long texts would be cut off on screen and in print. The height is estimated from the
    text length and the column width: about 1.15 characters of 10-point Arial per width unit.
    """
    line = size * 1.3
    widths = {letter: (dim.width or 8.43) for letter, dim in ws.column_dimensions.items()}
    merged = {(rng.min_row, rng.min_col): sum(widths.get(get_column_letter(c), 8.43) for c in range(rng.min_col, rng.max_col + 1)) for rng in ws.merged_cells.ranges}
    for row_no, row in enumerate(ws.iter_rows(min_row=first_row), start=first_row):
        lines = 1
        for col_no, cell in enumerate(row, start=1):
            value = cell.value
            if not isinstance(value, str) or value.startswith("="):
                continue
            width = merged.get((row_no, col_no), widths.get(get_column_letter(col_no), 8.43))
            per_line = max(1, int(width * 1.15) - 1)
            count = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
            lines = max(lines, count)
        if lines > 1:
            ws.row_dimensions[row_no].height = round(lines * line + 3, 1)
