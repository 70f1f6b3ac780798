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

import datetime as dt
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn

from kipmonev.core.errors import Location, WorkbookError
from kipmonev.formats.cellref import parse_ref
from kipmonev.sources import problems_readers as px
from kipmonev.sources import xlsx
from kipmonev.sources.problems import XLSX_TOO_MANY_CELLS
from kipmonev.sources.xlsx import Cell, CellValue, Sheet, XlsxFile, excel_number, unreadable

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

#: The largest rectangle of cells (first to last cell with content) calamine is let to fill, over all
#: the sheets it reads at once: about 32 bytes a cell in calamine, so 4 million cells stay near 128 MB.
MAX_DENSE_CELLS = 4_000_000

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# An .xlsx sheet that calamine reads exactly: every cell and row carries its reference, no formulas, no
# error values, no namespace prefix, and no cell with content beyond column Z or row 9999 (so the
# rectangle calamine fills stays under 260,000 cells). Anything else goes to kipmonev's own parser.
_FAR_CELL = re.compile(rb'<c r="(?:[A-Z]{2,}[0-9]+|[A-Z]+[0-9]{5,})"[^>]*(?<!/)>')
_NOT_PLAIN = (b":sheetData", b"<c>", b"<row>", b't="e"', b"t='e'", b"<f>", b"<f ", b"<f/>")
_HYPERLINK = re.compile(rb"<hyperlink\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')


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


def grid_cells(rows: list[list[Any]]) -> dict[tuple[int, int], Cell]:
    """The cells with content of calamine's grid (0-based, from A1), as kipmonev cells (1-based)."""
    cells: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            kind = type(v)
            value: CellValue
            if kind is str:
                if not v:
                    continue
                value = v
            elif kind is float:
                value = _number(v)
            elif kind is bool:
                value = v
            elif kind is int:
                value = Decimal(v)
            else:
                value = _temporal(v)
            cells[(r, c)] = Cell(r, c, value)
    return cells


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
    return WorkbookError(f"{source}: berkas isian tidak dapat dibaca.", (px.DAMAGED.at(Location(source), kind=kind, detail=detail),))


def check_rectangle(source: str, sheet: str, rows: int, columns: int, used: int) -> int:
    """Refuse a sheet whose rectangle of content, with what is already filled (``used``), is beyond the limit.

    Returns:
        The cells now used.
    """
    area = rows * columns
    if area + used > MAX_DENSE_CELLS:
        raise WorkbookError(
            f"{source}: berkas isian tidak dapat dibaca.",
            (px.SHEET_TOO_WIDE.at(Location(source, sheet=sheet), rows=rows, columns=columns, limit=MAX_DENSE_CELLS),),
        )
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


# --- .xlsx and .xlsm ----------------------------------------------------------------------------------


def _plain(data: bytes) -> bool:
    """Whether calamine reads this .xlsx sheet exactly and within bounds (see ``_FAR_CELL``)."""
    if any(mark in data for mark in _NOT_PLAIN):
        return False
    if data.count(b"<c ") != data.count(b'<c r="'):
        return False
    return _FAR_CELL.search(data) is None


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


def _percent_cells(data: bytes, styles: frozenset[int], cells: dict[tuple[int, int], Cell]) -> frozenset[tuple[int, int]]:
    """Cells with a value whose style is a percentage format (found in the part's bytes, not parsed)."""
    used = [str(s).encode() for s in styles if f' s="{s}"'.encode() in data]
    if not used:
        return frozenset()
    pattern = re.compile(rb'<c r="([A-Z]+[0-9]+)"[^>]*? s="(?:' + b"|".join(used) + rb')"')
    return frozenset(pos for m in pattern.finditer(data) if (pos := parse_ref(m.group(1).decode())) is not None and pos in cells)


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
        sheet = Sheet(name, grid_cells(found.to_python(skip_empty_area=False)), merges_of(found.merged_cell_ranges))
        if len(sheet.merges) > xlsx.MAX_CELLS or len(sheet.cells) > xlsx.MAX_CELLS:
            self._fail_cells(name)
        cells = sheet.cells
        sheet.percent = _percent_cells(data, self._file.percent_styles(), cells)
        if targets:
            for pos, target in _hyperlinks(data, targets).items():
                cell = cells.get(pos)
                cells[pos] = Cell(pos[0], pos[1], None, link=target) if cell is None else cell._replace(link=target)
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
        from kipmonev.sources.book_biff import XlsBook

        return XlsBook(path, name)
    if not head.startswith(b"PK"):
        return XlsxBook(path, name)  # reports a missing, unreadable or non-workbook file with its message
    container = xlsx.ZipParts(path, name)
    try:
        parts = container.part_names
        if "mimetype" in parts:
            mimetype = container.read_xml("mimetype") or b""
            if b"opendocument.spreadsheet" in mimetype[:100]:
                from kipmonev.sources.book_ods import OdsBook

                return OdsBook(path, name, container)
        if "xl/workbook.xml" not in parts and any(part.lower().endswith("workbook.bin") for part in parts):
            from kipmonev.sources.book_biff import XlsbBook

            return XlsbBook(path, name, container)
        return XlsxBook(path, name, container)
    except BaseException:
        container.close()
        raise
