"""OpenDocument spreadsheets (.ods, LibreOffice's own format): screened here, values from calamine.

``content.xml`` holds every sheet. It is inflated within the zip limits, refused with a DOCTYPE or an
entity declaration, parsed with ElementTree's C parser and walked once, before calamine opens the file:
the walk bounds the cells (calamine fills every sheet's rectangle when it opens an .ods) and collects what
calamine does not give: hyperlink targets (``text:a``), merged ranges (``number-columns-spanned``),
percentage cells, error values and formulas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from kipmonev.formats.a1 import cell_name, column_letter
from kipmonev.sources import problems_readers as px
from kipmonev.sources import xlsx
from kipmonev.sources.book_base import Book, calamine_sheet, check_rectangle, grid_cells, open_calamine, sheet_state
from kipmonev.sources.problems import XLSX_CELL_OUT_OF_BOUNDS, XLSX_TOO_MANY_CELLS
from kipmonev.sources.xlsx import Cell, Sheet, unreadable

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_ROW_GROUPS = {_TABLE + "table-header-rows", _TABLE + "table-row-group", _TABLE + "table-rows"}
_CELLS = {_TABLE + "table-cell", _TABLE + "covered-table-cell"}


@dataclass
class _Extra:
    """What calamine does not give for one sheet: by 1-based (row, column)."""

    links: dict[tuple[int, int], str] = field(default_factory=dict)
    percent: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def _repeat(node: ET.Element, attribute: str) -> int:
    text = node.get(_TABLE + attribute, "1")
    return int(text) if text.isdigit() and int(text) > 0 else 1


def _text(cell: ET.Element) -> str:
    return "\n".join("".join(p.itertext()) for p in cell.iter(_TEXT + "p"))


class _Walk:
    """One pass over ``content.xml``: bounds, links, merges, percentages, errors and formulas per sheet."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.sheets: dict[str, _Extra] = {}
        self.used = 0  # cells of the rectangles calamine will fill
        self.content = 0  # cells with content, all sheets

    def table(self, table: ET.Element) -> None:
        name = table.get(_TABLE + "name", "")
        extra = self.sheets.setdefault(name, _Extra())
        bounds = [0, 0, 0, 0]  # first row, first column, last row, last column with content
        self._rows(table, name, extra, bounds, [0])
        if bounds[2]:
            self.used = check_rectangle(self.source, name, bounds[2] - bounds[0] + 1, bounds[3] - bounds[1] + 1, self.used)

    def _rows(self, parent: ET.Element, name: str, extra: _Extra, bounds: list[int], row: list[int]) -> None:
        for node in parent:
            if node.tag in _ROW_GROUPS:
                self._rows(node, name, extra, bounds, row)
            elif node.tag == _TABLE + "table-row":
                repeat = _repeat(node, "number-rows-repeated")
                first = row[0] + 1
                row[0] += repeat
                if len(node):
                    self._cells(node, name, extra, bounds, first, repeat)

    def _cells(self, node: ET.Element, name: str, extra: _Extra, bounds: list[int], first_row: int, rows: int) -> None:
        col = 0
        for cell in node:
            if cell.tag not in _CELLS:
                continue
            repeat = _repeat(cell, "number-columns-repeated")
            first_col = col + 1
            col += repeat
            kind = cell.get(_OFFICE + "value-type")
            formula = cell.get(_TABLE + "formula")
            has_text = cell.find(_TEXT + "p") is not None
            spans = (_repeat(cell, "number-rows-spanned"), _repeat(cell, "number-columns-spanned"))
            if spans != (1, 1) and cell.tag == _TABLE + "table-cell":
                for r in range(first_row, first_row + min(rows, xlsx.MAX_CELLS)):
                    extra.merges.append((r, first_col, r + spans[0] - 1, first_col + spans[1] - 1))
            if kind is None and formula is None and not has_text:
                continue
            self.content += rows * repeat
            if self.content > xlsx.MAX_CELLS:
                raise unreadable(self.source, XLSX_TOO_MANY_CELLS.fill(limit=xlsx.MAX_CELLS), name)
            last_row, last_col = first_row + rows - 1, first_col + repeat - 1
            if last_row > xlsx.MAX_ROW or last_col > xlsx.MAX_COLUMN:
                where = cell_name(min(last_row, xlsx.MAX_ROW + 1), min(last_col, xlsx.MAX_COLUMN + 1))
                raise unreadable(self.source, XLSX_CELL_OUT_OF_BOUNDS.fill(max_row=xlsx.MAX_ROW, max_column=column_letter(xlsx.MAX_COLUMN)), name, where)
            if not bounds[2]:
                bounds[:] = [first_row, first_col, last_row, last_col]
            else:
                bounds[:] = [min(bounds[0], first_row), min(bounds[1], first_col), max(bounds[2], last_row), max(bounds[3], last_col)]
            link = next((a.get(_XLINK + "href", "") for a in cell.iter(_TEXT + "a") if not a.get(_XLINK + "href", "#").startswith("#")), None)
            error = _text(cell) or "#N/A" if cell.get(_CALCEXT + "value-type") == "error" else None
            if link is None and kind != "percentage" and error is None and formula is None:
                continue
            for r in range(first_row, last_row + 1):
                for c in range(first_col, last_col + 1):
                    if link:
                        extra.links[(r, c)] = link
                    if kind == "percentage":
                        extra.percent.add((r, c))
                    if error is not None:
                        extra.errors[(r, c)] = error
                    if formula is not None:
                        extra.formulas[(r, c)] = formula.split(":", 1)[1].lstrip("=") if formula.startswith("of:") else formula.lstrip("=")


class OdsBook(Book):
    """An .ods file."""

    def __init__(self, path: Path, source: str, container: xlsx.ZipParts) -> None:
        """Screen ``content.xml`` (taking over the open ``container``), then open the file with calamine."""
        self.source = source
        self.kind = ".ods"
        self._zip = container
        try:
            container.check_directory()
            self.macros = tuple(sorted(p for p in container.part_names if p.startswith(("Basic/", "Scripts/")) and not p.endswith("/")))
            data = container.read_xml("content.xml")
            assert data is not None
            try:
                root = ET.fromstring(data)
            except ET.ParseError as e:
                raise xlsx.unreadable(source, px.ODS_BAD_XML.fill(part="content.xml", detail=xlsx.xml_detail(e))) from None
            walk = _Walk(source)
            for table in root.iter(_TABLE + "table"):
                walk.table(table)
            self._extra = walk.sheets
            self._calamine: CalamineWorkbook = open_calamine(path, source, self.kind)
        except BaseException:
            container.close()
            raise
        self.sheet_names = tuple(self._calamine.sheet_names)
        self.states = {m.name: sheet_state(m.visible) for m in self._calamine.sheets_metadata}

    def close(self) -> None:
        """Close the zip and calamine's handle."""
        self._zip.close()
        self._calamine.close()

    def sheet(self, name: str) -> Sheet:
        """One sheet: calamine's values with links, merges, percentages, errors and formulas from the walk."""
        if name not in self.sheet_names:
            raise KeyError(name)
        found = calamine_sheet(self._calamine, name, self.source, self.kind)
        cells = grid_cells(found.to_python(skip_empty_area=False))
        extra = self._extra.get(name, _Extra())
        for pos, target in extra.links.items():
            cell = cells.get(pos)
            cells[pos] = Cell(pos[0], pos[1], None, link=target) if cell is None else cell._replace(link=target)
        for pos, formula in extra.formulas.items():
            cell = cells.get(pos)
            cells[pos] = Cell(pos[0], pos[1], None, formula=formula) if cell is None else cell._replace(formula=formula)
        for pos, error in extra.errors.items():
            cell = cells.get(pos) or Cell(pos[0], pos[1], None)
            cells[pos] = cell._replace(value=None, error=error)
        return Sheet(name, cells, tuple(extra.merges), frozenset(p for p in extra.percent if p in cells))
