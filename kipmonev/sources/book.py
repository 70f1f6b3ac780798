"""One reader for every spreadsheet people save: .xlsx, .xlsm, .xlsb, .ods and .xls.

Cell values come from python-calamine (compiled, and the fastest reader there is); everything calamine
does not give is read here, from the file itself, within the same limits:

- **The container is screened before calamine touches the file.** Every part calamine will inflate is
  checked against its declared size, its compression ratio and the total (zip bombs), inflated by us no
  further than its declared size, and refused when it declares a DOCTYPE or an entity; cells are counted
  and their rectangle bounded (calamine fills the whole rectangle from the first cell with content to
  the last, so two cells far apart would cost gigabytes). See :mod:`kipmonev.sources.xlsx` (xlsx, the
  zip parts), :mod:`kipmonev.sources.book_ods` and :mod:`kipmonev.sources.book_biff` (xls, xlsb).
- **Hyperlink targets behind display text** (.xlsx, .xlsb, .ods, .xls), **error values**, **formulas
  without a cached value**, **percentage formats** (``Sheet.percent``, for
  :mod:`kipmonev.sources.number_format`; not for .xlsb) and **merged ranges**.
- **Macros** (VBA, Excel 4.0 macro sheets, LibreOffice Basic) are listed, never read or run.

The format is told by the content, never by the name: an .xls renamed .xlsx reads as an .xls. An .xlsx
sheet with something calamine cannot represent (error values, formulas, cells without a reference, a
namespace prefix, content far out) is read by kipmonev's own parser instead (:mod:`kipmonev.sources.xlsx`),
with the same result and the same messages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kipmonev.core.errors import WorkbookError
from kipmonev.formats.a1 import cell_position
from kipmonev.sources import xlsx
from kipmonev.sources.book_base import MAX_DENSE_CELLS, Book, GridSheet, calamine_sheet, merges_of, open_calamine
from kipmonev.sources.book_biff import XlsbBook, XlsBook
from kipmonev.sources.book_ods import OdsBook
from kipmonev.sources.problems import XLSX_TOO_MANY_CELLS
from kipmonev.sources.xlsx import Sheet, XlsxFile, unreadable

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

__all__ = ["MAX_DENSE_CELLS", "Book", "XlsxBook", "open_book", "open_calamine"]

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# An .xlsx sheet that calamine reads exactly: every cell and row carries its reference, no formulas, no
# error values, no namespace prefix, and no cell with content beyond column Z or row 9999 (so the
# rectangle calamine fills stays under 260,000 cells). Anything else goes to kipmonev's own parser.
# One scan of the part finds any of these marks (each a separate ``in`` was ten passes over the bytes):
# a cell or row written without attributes (``<c>``, ``<row>``), a formula (``<f>``, ``<f …>``,
# ``<f/>``), a cell whose first attribute is not its reference (``<c `` not followed by ``r="``), and a
# cell with content far out (``_FAR_CELL``). Error values and a namespace prefix are two ``in`` checks.
_FAR_CELL = re.compile(rb'<c r="(?:[A-Z]{2,}[0-9]+|[A-Z]+[0-9]{5,})"[^>]*(?<!/)>')
_NOT_PLAIN_MARK = re.compile(rb'<(?:c>|row>|f(?:>| |/>)|c (?!r="))|' + _FAR_CELL.pattern)
_NOT_PLAIN = (b":sheetData", b't="e"', b"t='e'")
_HYPERLINK = re.compile(rb"<hyperlink\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')


# --- .xlsx and .xlsm ----------------------------------------------------------------------------------


def _plain(data: bytes) -> bool:
    """Whether calamine reads this .xlsx sheet exactly and within bounds (see ``_NOT_PLAIN_MARK``)."""
    return not any(mark in data for mark in _NOT_PLAIN) and _NOT_PLAIN_MARK.search(data) is None


def _hyperlinks(data: bytes, targets: dict[str, str]) -> dict[tuple[int, int], str]:
    """Cell → external target, from the ``<hyperlinks>`` element at the end of a sheet part."""
    links: dict[tuple[int, int], str] = {}
    start = data.rfind(b"<hyperlinks")
    if start < 0:
        return links
    end = data.find(b"</hyperlinks>", start)
    for m in _HYPERLINK.finditer(data, start, end if end >= 0 else len(data)):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTRIBUTE.findall(m.group(1))}
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
        target = targets.get(rid or "")
        if target:
            xlsx._expand(attrs.get("ref", ""), target, links)
    return links


def _percent_cells(data: bytes, styles: frozenset[int], sheet: GridSheet) -> frozenset[tuple[int, int]]:
    """Cells with a value whose style is a percentage format (found in the part's bytes, not parsed)."""
    used = [str(s).encode() for s in styles if f' s="{s}"'.encode() in data]
    if not used:
        return frozenset()
    pattern = re.compile(rb'<c r="([A-Z]+[0-9]+)"[^>]*? s="(?:' + b"|".join(used) + rb')"')
    return frozenset(pos for m in pattern.finditer(data) if (pos := cell_position(m.group(1).decode())) is not None and sheet.grid_value(*pos) is not None)


class XlsxBook(Book):
    """An .xlsx or .xlsm file: screened by :class:`~kipmonev.sources.xlsx.XlsxFile`, values from calamine."""

    def __init__(self, path: Path, source: str, opened: xlsx.ZipParts | None = None) -> None:
        """Open and screen the container (or take over ``opened``)."""
        self._file = XlsxFile(path, source, opened)
        try:
            self._file.check_directory()
        except BaseException:
            self._file.close()
            raise
        self._path = path
        self.source = source
        self.sheet_names = self._file.sheet_names
        self.states = self._file.states
        self.macros = self._file.macros
        self.kind = ".xlsm" if self.macros or path.suffix.lower() == ".xlsm" else ".xlsx"
        self._calamine: CalamineWorkbook | None = None

    def close(self) -> None:
        """Close the zip and calamine's handle."""
        self._file.close()
        if self._calamine is not None:
            self._calamine.close()
            self._calamine = None

    def _workbook(self) -> CalamineWorkbook:
        if self._calamine is None:
            # calamine reads the shared strings and the styles when it opens: screen them first.
            strings = self._file._strings_part
            if strings is not None:
                self._file.read_xml(strings, required=False)
            self._file.percent_styles()
            self._calamine = open_calamine(self._path, self.source, self.kind)
        return self._calamine

    def sheet(self, name: str) -> Sheet:
        """One worksheet: screened, then read by calamine or, when calamine cannot represent it, by our own parser."""
        part = self._file.sheet_part(name)
        data = self._file.read_xml(part)
        assert data is not None
        targets = self._file.sheet_links(part)
        if not _plain(data):
            return self._file.parse_sheet(name, part, targets, data)
        try:
            found = calamine_sheet(self._workbook(), name, self.source, self.kind)
        except WorkbookError:
            return self._file.parse_sheet(name, part, targets, data)  # the located message for bad XML
        sheet = GridSheet(name, found.to_python(skip_empty_area=False), merges_of(found.merged_cell_ranges))
        # NOTE: a plain sheet's content lies within A1:Z9999 (_FAR_CELL), fewer cells than MAX_CELLS.
        if len(sheet.merges) > xlsx.MAX_CELLS or (sheet.area > xlsx.MAX_CELLS and len(sheet.cells) > xlsx.MAX_CELLS):
            self._fail_cells(name)
        sheet.percent = _percent_cells(data, self._file.percent_styles(), sheet)
        if targets:
            sheet.links.update(_hyperlinks(data, targets))
        return sheet

    def _fail_cells(self, name: str) -> NoReturn:
        raise unreadable(self.source, XLSX_TOO_MANY_CELLS.fill(limit=xlsx.MAX_CELLS), name)


# --- opening any format ---------------------------------------------------------------------------------


def open_book(path: Path, source: str | None = None) -> Book:
    """Open a workbook of any supported format for reading (nothing is ever written to it).

    The format is told by the content: an OLE2 compound file is an .xls (or an encrypted workbook, which
    is refused), a zip with an OpenDocument ``mimetype`` an .ods, a zip whose workbook part is binary an
    .xlsb, any other zip an .xlsx or .xlsm.

    Args:
        path: The file.
        source: How the file is named in messages; defaults to ``path.name``.

    Raises:
        WorkbookError: Missing, unreadable, encrypted, not a workbook, damaged, or beyond the limits.
    """
    name = source or path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        head = b""  # XlsxFile reports a missing or unreadable file with the right message
    if head.startswith(_OLE2_MAGIC):
        return XlsBook(path, name)
    if not head.startswith(b"PK"):
        return XlsxBook(path, name)  # reports a missing, unreadable or non-workbook file with its message
    container = xlsx.ZipParts(path, name)
    try:
        parts = container.part_names
        if "mimetype" in parts:
            mimetype = container.read_xml("mimetype") or b""
            if b"opendocument.spreadsheet" in mimetype[:100]:
                return OdsBook(path, name, container)
        if "xl/workbook.xml" not in parts and any(part.lower().endswith("workbook.bin") for part in parts):
            return XlsbBook(path, name, container)
        return XlsxBook(path, name, container)
    except BaseException:
        container.close()
        raise
