"""A small, fast, defensive reader for the few parts of an .xlsx file that kipmonev needs.

openpyxl builds a full object model of every sheet, style and validation; reading a filled template
that way costs tens of milliseconds. This module opens the zip with :mod:`zipfile`, parses only the
parts asked for with ElementTree's C parser and keeps the cells' values, the cached results of
formulas and the targets of hyperlinks. It never writes anything.

Everything read comes from outside, so every limit is checked before a part is inflated: number of
parts, the size of each part and of all parts together, and the compression ratio (zip bombs). XML
with a DOCTYPE or entity declaration is refused (billion laughs, external entities). Every refusal is
a :class:`~kipmonev.errors.WorkbookError` with an Indonesian message. Macro parts (VBA, Excel 4.0
macro sheets) are only listed, never read. :func:`screen_xlsx` applies the same limits to every part
of a file before a library that reads them all (openpyxl) opens it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, NoReturn
from xml.etree import ElementTree as ET

from kipmonev.core.catalogue import Message
from kipmonev.core.errors import Location, WorkbookError
from kipmonev.core.numbers import excel_decimal
from kipmonev.core.problems_reasons import XML_AT, ZIP_DAMAGED
from kipmonev.core.reasons import reason
from kipmonev.formats.a1 import cell_name, cell_position, column_letter
from kipmonev.sources.number_format import percent_cells, percent_styles
from kipmonev.sources.ole import ole_names
from kipmonev.sources.problems import (
    REASON_FOLDER,
    SUMMARY_FILLED_UNREADABLE,
    XLSX_BAD_XML,
    XLSX_BINARY,
    XLSX_CELL_OUT_OF_BOUNDS,
    XLSX_DAMAGED,
    XLSX_DOCTYPE,
    XLSX_ENCRYPTED,
    XLSX_LEGACY_XLS,
    XLSX_MISSING_PART,
    XLSX_NOT_FOUND,
    XLSX_NOT_ZIP,
    XLSX_ODS,
    XLSX_PART_TOO_LARGE,
    XLSX_RATIO,
    XLSX_SHEET_PART_MISSING,
    XLSX_TOO_MANY_CELLS,
    XLSX_TOO_MANY_PARTS,
    XLSX_TOTAL_TOO_LARGE,
    XLSX_UNREADABLE,
)

#: Largest single part read, uncompressed.
MAX_PART_BYTES = 20 * 1024 * 1024
#: Largest sum of the parts read, uncompressed.
MAX_TOTAL_BYTES = 50 * 1024 * 1024
#: Most entries in the zip.
MAX_ENTRIES = 10_000
#: Highest compression ratio accepted for parts larger than RATIO_CHECK_FROM bytes.
MAX_RATIO = 200
RATIO_CHECK_FROM = 1024 * 1024
#: Cells with content beyond these bounds, or more such cells than MAX_CELLS, make a sheet unreadable.
MAX_ROW = 100_000
MAX_COLUMN = 1_000
MAX_CELLS = 300_000
#: Problems of a sheet's cells, located by the sheet's name when a part is parsed.
_SHEET_WIDE = frozenset({XLSX_TOO_MANY_CELLS.code, XLSX_CELL_OUT_OF_BOUNDS.code})
#: Cells one hyperlink range may give its target to; a larger range is ignored.
MAX_LINK_CELLS = 10_000

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_ANY_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_MACRO_PART = re.compile(r"(?:^|/)vbaProject\.bin$|(?:^|/)macrosheets/", re.IGNORECASE)
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_HYPERLINK_FORMULA = re.compile(r'HYPERLINK\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)

CellValue = str | Decimal | bool | None


class Cell(NamedTuple):
    """One cell with content (a named tuple: a worksheet has thousands, and tuples are built fastest).

    Attributes:
        row: 1-based row.
        column: 1-based column.
        value: Text, number (exact :class:`~decimal.Decimal`, at most 15 significant digits), boolean, or
            ``None`` for a formula without a cached result or an error cell.
        formula: The formula text (without ``=``) when the cell holds a formula.
        error: The error value (``#N/A``, ``#DIV/0!``…) when the cell (or its cached result) is an error.
        link: The target of the cell's external hyperlink, or of a ``HYPERLINK("…")`` formula.
    """

    row: int
    column: int
    value: CellValue
    formula: str | None = None
    error: str | None = None
    link: str | None = None

    @property
    def ref(self) -> str:
        """The A1 reference, ``F23``."""
        return cell_name(self.row, self.column)


@dataclass
class Sheet:
    """The cells of one worksheet that hold something, by (row, column), and its merged ranges."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    #: Merged ranges as (first row, first column, last row, last column); only the first cell holds a value.
    merges: tuple[tuple[int, int, int, int], ...] = ()
    #: Cells whose number format is a percentage (``75%`` typed in Excel is stored as 0,75 in such a cell).
    percent: frozenset[tuple[int, int]] = frozenset()

    def get(self, row: int, column: int) -> Cell | None:
        """The cell at a position, or ``None`` when it is empty."""
        return self.cells.get((row, column))

    def value(self, row: int, column: int) -> CellValue:
        """The value at a position (``None`` when empty)."""
        cell = self.cells.get((row, column))
        return None if cell is None else cell.value

    @property
    def max_row(self) -> int:
        """The last row with content (0 for an empty sheet)."""
        return max((r for r, _ in self.cells), default=0)

    def rows(self) -> Iterator[int]:
        """Rows with content, ascending."""
        return iter(sorted({r for r, _ in self.cells}))

    def row_cells(self, row: int, last_column: int) -> list[Cell]:
        """The cells with content in one row, up to a column, left to right."""
        cells = self.cells
        return [cell for col in range(1, last_column + 1) if (cell := cells.get((row, col))) is not None]

    def column(self, column: int) -> Iterator[Cell]:
        """The cells with content in one column, ascending."""
        return (cell for (_, col), cell in sorted(self.cells.items()) if col == column)

    def column_values(self, column: int) -> Iterator[tuple[int, CellValue]]:
        """(row, value) of the cells with a value in one column, ascending."""
        return ((cell.row, cell.value) for cell in self.column(column) if cell.value is not None)


def excel_number(text: str) -> Decimal:
    """A stored number as Excel shows it: 15 significant digits, integers without a fraction.

    Excel keeps 15 significant digits; stored values such as 7.4999999999999991 are read back as 7.5.

    Raises:
        InvalidOperation: Not a finite number.
    """
    return excel_decimal(Decimal(text.strip()))


class _Refused(Exception):
    """Raised while parsing a part to stop with a located message."""

    def __init__(self, message: Message, cell: str | None = None) -> None:
        super().__init__(message.text)
        self.message = message
        self.cell = cell


def _local(tag: str) -> str:
    """Drop a namespace: ``{http://…/main}c`` → ``c``."""
    return tag.rpartition("}")[2]


def _rel_id(attrs: dict[str, str]) -> str | None:
    """The ``r:id`` attribute, whatever its namespace (transitional or strict OOXML)."""
    for key, value in attrs.items():
        if key.endswith("}id"):
            return value
    return None


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]


def _refuse_doctype(part: str, data: bytes) -> None:
    """Refuse an XML part that declares a DOCTYPE or an entity, in UTF-8 or UTF-16 of either byte order.

    Raises:
        _Refused: The part has a DOCTYPE or an entity declaration.
    """
    # NOTE: ASCII in UTF-16 is the character and a NUL byte; dropping the NULs finds the markup in both
    # byte orders, with or without a BOM (decoding BOM-less UTF-16BE as "utf-16" would hide it).
    probe = data.replace(b"\x00", b"") if _is_utf16(data) else data
    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
        raise _Refused(XLSX_DOCTYPE.fill(part=part))


def _xml(part: str, data: bytes) -> ET.Element:
    """Parse one XML part with the C tree builder, refusing any DOCTYPE first.

    Entity declarations can only appear inside a DOCTYPE, so refusing it rules out entity expansion
    (billion laughs) and external entities; parsing itself then runs in C, with no Python per element.

    Raises:
        _Refused: The part has a DOCTYPE or is not well-formed XML.
    """
    _refuse_doctype(part, data)
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise _Refused(XLSX_BAD_XML.fill(part=part, detail=xml_detail(e))) from None


#: Structural parts parsed before, by (name, bytes): see :meth:`ZipParts._parse`.
_KEPT_PARTS: dict[tuple[str, bytes], ET.Element] = {}
_KEEP_PARTS = 32
_KEEP_PART_BYTES = 128 * 1024


class ZipParts:
    """An open zip container (.xlsx, .xlsm, .xlsb, .ods) whose parts are only inflated within the limits.

    Every part read is checked against its declared size, its compression ratio and the running total
    before it is inflated, and inflates no further than its declared size.
    """

    def __init__(self, path: Path, source: str, opened: ZipParts | None = None) -> None:
        """Open the zip and check its directory (or take over ``opened``); see :func:`open_xlsx`."""
        self.source = source
        self.path = path
        self._total = 0
        self._counted: set[str] = set()
        self._zip: zipfile.ZipFile
        self._infos: dict[str, zipfile.ZipInfo]
        if opened is not None:
            self._zip, self._infos, self._total, self._counted = opened._zip, opened._infos, opened._total, opened._counted
            return
        self._zip = _open_zip(path, source)
        try:
            self._infos = {info.filename: info for info in self._zip.infolist()}
            if len(self._infos) > MAX_ENTRIES:
                self._fail(XLSX_TOO_MANY_PARTS.fill(limit=MAX_ENTRIES))
        except BaseException:
            self._zip.close()
            raise

    @property
    def part_names(self) -> tuple[str, ...]:
        """Every entry of the zip, in directory order."""
        return tuple(self._infos)

    def close(self) -> None:
        """Close the underlying zip file."""
        self._zip.close()

    def check_directory(self) -> None:
        """Check every part's declared size and compression ratio, from the directory alone (nothing is inflated).

        Raises:
            WorkbookError: A part beyond a limit.
        """
        for part, info in self._infos.items():
            if info.file_size > MAX_PART_BYTES:
                self._fail(XLSX_PART_TOO_LARGE.fill(part=part, limit_mb=MAX_PART_BYTES // (1024 * 1024)))
            if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                self._fail(XLSX_RATIO.fill(part=part, ratio=MAX_RATIO))

    def read_xml(self, part: str, required: bool = True) -> bytes | None:
        """A part's bytes, checked as :meth:`_read` does and refused when it declares a DOCTYPE or an entity.

        Raises:
            WorkbookError: The part is missing (when required), beyond a limit, damaged, or has a DOCTYPE.
        """
        data = self._read(part, required)
        if data is not None:
            try:
                _refuse_doctype(part, data)
            except _Refused as e:
                self._fail(e.message)
        return data

    def _fail(self, message: Message, sheet: str | None = None) -> NoReturn:
        raise unreadable(self.source, message, sheet)

    def _check(self, part: str, info: zipfile.ZipInfo) -> None:
        """Check a part's declared size, its compression ratio and the running total, before inflating it."""
        if info.file_size > MAX_PART_BYTES:
            self._fail(XLSX_PART_TOO_LARGE.fill(part=part, limit_mb=MAX_PART_BYTES // (1024 * 1024)))
        if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            self._fail(XLSX_RATIO.fill(part=part, ratio=MAX_RATIO))
        if part not in self._counted:
            self._counted.add(part)
            self._total += info.file_size
        if self._total > MAX_TOTAL_BYTES:
            self._fail(XLSX_TOTAL_TOO_LARGE.fill(limit_mb=MAX_TOTAL_BYTES // (1024 * 1024)))

    def _read(self, part: str, required: bool = True) -> bytes | None:
        info = self._infos.get(part)
        if info is None:
            if required:
                self._fail(XLSX_MISSING_PART.fill(part=part))
            return None
        self._check(part, info)
        try:
            with self._zip.open(info) as handle:
                # The zip module inflates no more than it is asked for and stops at the declared size, then
                # checks the CRC: a stream that inflates beyond its declared size is refused as damaged.
                data: bytes = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, UnicodeDecodeError) as e:
            # NOTE: UnicodeDecodeError: a local header flagged UTF-8 whose name is not (found by the fuzzer).
            self._fail(XLSX_DAMAGED.fill(detail=_reason(e)))
        if len(data) > MAX_PART_BYTES:
            self._fail(XLSX_PART_TOO_LARGE.fill(part=part, limit_mb=MAX_PART_BYTES // (1024 * 1024)))
        return data

    def _parse(self, part: str, data: bytes, keep: bool = False) -> ET.Element:
        """Parse a part; with ``keep``, a part with the same name and bytes as one parsed before is not parsed again.

        Workbooks made from one template share their small structural parts (relationships, the workbook
        part, the styles), byte for byte, so a batch parses each of those once. Only parts that parsed
        are kept; the trees are only ever read.
        """
        if keep:
            root = _KEPT_PARTS.get((part, data))
            if root is not None:
                return root
        try:
            root = _xml(part, data)
        except _Refused as e:
            self._fail(e.message)
        if keep and len(data) <= _KEEP_PART_BYTES:
            if len(_KEPT_PARTS) >= _KEEP_PARTS:
                _KEPT_PARTS.pop(next(iter(_KEPT_PARTS), ("", b"")), None)  # pop: another thread may have evicted it
            _KEPT_PARTS[(part, data)] = root
        return root


class XlsxFile(ZipParts):
    """An open .xlsx file: its sheet names and states, and worksheets parsed on demand.

    Use :func:`open_xlsx`; close it (or use it as a context manager) when done.
    """

    def __init__(self, path: Path, source: str, opened: ZipParts | None = None) -> None:
        """Open and check the container (or take over ``opened``); see :func:`open_xlsx`."""
        super().__init__(path, source, opened)
        try:
            if "mimetype" in self._infos and b"opendocument" in self._zip.read("mimetype")[:100]:
                self._fail(XLSX_ODS.fill())
            #: Parts holding macros (VBA projects, Excel 4.0 macro sheets); they are never read or run.
            self.macros: tuple[str, ...] = tuple(sorted(name for name in self._infos if _MACRO_PART.search(name)))
            self._workbook_part = self._office_document()
            if self._workbook_part.lower().endswith(".bin"):  # Excel Binary Workbook: cells are not XML
                self._fail(XLSX_BINARY.fill())
            self._sheet_parts: dict[str, str] = {}
            self.states: dict[str, str] = {}
            self.sheet_names: tuple[str, ...] = self._read_workbook()
            self._strings: list[str] | None = None
        except BaseException:
            self._zip.close()
            raise

    # --- public ------------------------------------------------------------------------

    def __enter__(self) -> XlsxFile:
        """Enter a ``with`` block."""
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        """Close on leaving a ``with`` block."""
        self.close()

    def sheet(self, name: str) -> Sheet:
        """Parse one worksheet by its exact name.

        Raises:
            KeyError: No sheet has that name.
            WorkbookError: The part is missing, too large, or not acceptable XML.
        """
        part = self.sheet_part(name)
        return self.parse_sheet(name, part, self.sheet_links(part))

    def screen(self) -> None:
        """Check every part, as a library that inflates them all (openpyxl) would read them.

        Each part's declared size and compression ratio and their total; every XML part for a DOCTYPE or
        entity declaration; every worksheet for more than MAX_CELLS cells, empty styled cells included.

        Raises:
            WorkbookError: The first part beyond a limit.
        """
        for part, info in self._infos.items():
            if part.endswith("/"):
                continue
            if not part.lower().endswith((".xml", ".rels", ".vml")):
                self._check(part, info)
                continue
            data = self._read(part)
            assert data is not None
            try:
                _refuse_doctype(part, data)
            except _Refused as e:
                self._fail(e.message)
            if part in self._sheet_parts.values():
                for count, _ in enumerate(_ANY_CELL.finditer(data), start=1):
                    if count > MAX_CELLS:
                        sheet = next(name for name, target in self._sheet_parts.items() if target == part)
                        self._fail(XLSX_TOO_MANY_CELLS.fill(limit=MAX_CELLS), sheet)

    # --- container ---------------------------------------------------------------------

    def _rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of a part: id → (type, resolved target, external)."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        data = self._read(rels_part, required=False)
        rels: dict[str, tuple[str, str, bool]] = {}
        if data is None:
            return rels
        for node in self._parse(rels_part, data, keep=True):
            if _local(node.tag) != "Relationship":
                continue
            target = node.get("Target", "")
            external = node.get("TargetMode", "") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            rels[node.get("Id", "")] = (node.get("Type", ""), target, external)
        return rels

    def _office_document(self) -> str:
        for kind, target, _ in self._rels("").values():
            if kind.endswith("/officeDocument"):
                return target
        return "xl/workbook.xml"

    def _read_workbook(self) -> tuple[str, ...]:
        part = self._workbook_part
        data = self._read(part)
        assert data is not None
        rels = self._rels(part)
        names: list[str] = []
        for node in self._parse(part, data, keep=True).iter():
            if _local(node.tag) != "sheet":
                continue
            name = node.get("name", "")
            rel = rels.get(_rel_id(dict(node.attrib)) or "")
            names.append(name)
            self.states[name] = node.get("state", "visible")
            if rel is not None and not rel[2]:
                self._sheet_parts[name] = rel[1]
        self._strings_part: str | None = next((target for kind, target, external in rels.values() if kind.endswith("/sharedStrings") and not external), None)
        self._styles_part: str | None = next((target for kind, target, external in rels.values() if kind.endswith("/styles") and not external), None)
        self._percent: frozenset[int] | None = None
        return tuple(names)

    def sheet_part(self, name: str) -> str:
        """The zip part of a worksheet.

        Raises:
            KeyError: No sheet has that name.
            WorkbookError: The sheet is listed but its part is missing.
        """
        part = self._sheet_parts.get(name)
        if part is None:
            if name in self.sheet_names:  # listed in workbook.xml, but its relationship is missing or external
                self._fail(XLSX_SHEET_PART_MISSING.fill(), name)
            raise KeyError(name)
        return part

    def percent_styles(self) -> frozenset[int]:
        """The style indexes with a percent number format (read once, on the first sheet parsed)."""
        if self._percent is None:
            data = self._read(self._styles_part, required=False) if self._styles_part is not None else None
            self._percent = percent_styles(self._parse(self._styles_part, data, keep=True)) if data is not None and self._styles_part is not None else frozenset()
        return self._percent

    # --- shared strings ---------------------------------------------------------------

    def _shared_strings(self) -> list[str]:
        if self._strings is not None:
            return self._strings
        strings: list[str] = []
        self._strings = strings
        data = self._read(self._strings_part, required=False) if self._strings_part is not None else None
        if data is None:
            return strings
        assert self._strings_part is not None
        strings.extend(_rich_text(si) for si in self._parse(self._strings_part, data))
        return strings

    # --- worksheets --------------------------------------------------------------------

    def sheet_links(self, part: str) -> dict[str, str]:
        """Relationship id → external target, for the sheet's hyperlinks."""
        return {rid: target for rid, (kind, target, external) in self._rels(part).items() if external and kind.endswith("/hyperlink")}

    def parse_sheet(self, name: str, part: str, link_targets: dict[str, str], data: bytes | None = None) -> Sheet:
        """Parse a worksheet part with this module's own parser (``data``: the part, when already read)."""
        if data is None:
            data = self._read(part)
            assert data is not None
        sheet = Sheet(name)
        try:
            root = _xml(part, data)
            sheet.cells = _parse_cells(root, self._shared_strings(), link_targets)
            sheet.merges = _merges(root)
            sheet.percent = percent_cells(root, self.percent_styles())
        except _Refused as e:
            raise unreadable(self.source, e.message, name if e.message.code in _SHEET_WIDE else None, e.cell) from None
        return sheet


def _unescape(text: str) -> str:
    """Undo OOXML's ``_xHHHH_`` escapes (Excel writes a carriage return as ``_x000D_``, a literal ``_x`` as ``_x005F_x``)."""
    return _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _rich_text(node: ET.Element) -> str:
    """The text of a shared string or inline string: plain ``<t>`` or rich-text runs, without phonetic runs."""
    if len(node) == 1 and node[0].tag.endswith("}t"):
        return _unescape(node[0].text or "")
    parts: list[str] = []
    for child in node:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return _unescape("".join(parts))


def _parse_cells(root: ET.Element, strings: list[str], link_targets: dict[str, str]) -> dict[tuple[int, int], Cell]:
    """The cells with content of one worksheet, with their hyperlink targets.

    A cell's reference is parsed only when the cell has content: most cells of a template are empty but
    styled, and skipping them cheaply is most of what makes this reader fast.
    """
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    t_v, t_f, t_is, t_row, t_c = ns + "v", ns + "f", ns + "is", ns + "row", ns + "c"
    cells: dict[tuple[int, int], Cell] = {}
    data = root.find(ns + "sheetData")
    row_no = 0
    for row in data if data is not None else ():
        if row.tag != t_row:
            continue
        r_attr = row.get("r")
        row_no = int(r_attr) if r_attr and r_attr.isdigit() else row_no + 1
        col_no = 0
        lazy: str | None = None  # reference of the last empty cell, parsed only if a cell without 'r' follows
        after = 0  # cells without 'r' since that empty cell
        for c in row:
            if c.tag != t_c:
                continue
            ref = c.get("r")
            if not len(c):  # no <v>, <f> or <is>: an empty (styled) cell
                if ref is None:
                    after += 1
                    if lazy is None:
                        col_no += 1
                        after = 0
                else:
                    lazy, after = ref, 0
                continue
            pos = cell_position(ref) if ref else None
            if pos is None:
                if lazy is not None:
                    last = cell_position(lazy)
                    col_no = (last[1] if last else col_no) + after
                    lazy, after = None, 0
                col_no += 1
                r, col = row_no, col_no
            else:
                r, col = pos
                col_no, lazy, after = col, None, 0
            if r > MAX_ROW or col > MAX_COLUMN:
                raise _Refused(XLSX_CELL_OUT_OF_BOUNDS.fill(max_row=MAX_ROW, max_column=column_letter(MAX_COLUMN)), cell_name(r, col))
            if len(cells) >= MAX_CELLS:
                raise _Refused(XLSX_TOO_MANY_CELLS.fill(limit=MAX_CELLS))
            value = formula = None
            inline: list[str] | None = None
            for child in c:
                if child.tag == t_v:
                    value = child.text or ""
                elif child.tag == t_f:
                    formula = child.text or ""
                elif child.tag == t_is:
                    inline = [_rich_text(child)]
            cell = _make_cell(r, col, c.get("t", "n"), value, formula, inline, strings)
            if cell is not None:
                cells[(r, col)] = cell
    links: dict[tuple[int, int], str] = {}
    hyperlinks = root.find(ns + "hyperlinks")
    for node in hyperlinks if hyperlinks is not None else ():
        target = link_targets.get(_rel_id(dict(node.attrib)) or "")
        if target:
            _expand(node.get("ref", ""), target, links)
    for pos, target in links.items():
        cell = cells.get(pos)
        if cell is None:
            cells[pos] = Cell(pos[0], pos[1], None, link=target)
        else:
            cells[pos] = cell._replace(link=target)
    return cells


def _merges(root: ET.Element) -> tuple[tuple[int, int, int, int], ...]:
    """The sheet's merged ranges (``<mergeCells>``), at most MAX_CELLS of them."""
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    found: list[tuple[int, int, int, int]] = []
    node = root.find(ns + "mergeCells")
    for merge in node if node is not None else ():
        first, _, last = merge.get("ref", "").partition(":")
        a, b = cell_position(first), cell_position(last)
        if a is None or b is None:
            continue
        if len(found) >= MAX_CELLS:
            raise _Refused(XLSX_TOO_MANY_CELLS.fill(limit=MAX_CELLS))
        found.append((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
    return tuple(found)


def _expand(ref: str, target: str, links: dict[tuple[int, int], str]) -> None:
    """Give every cell of a hyperlink's range (``G5`` or ``G5:G7``) the target, up to a cap."""
    first, _, last = ref.partition(":")
    a = cell_position(first)
    b = cell_position(last) if last else a
    if a is None or b is None:
        return
    rows = range(min(a[0], b[0]), min(max(a[0], b[0]), MAX_ROW) + 1)
    cols = range(min(a[1], b[1]), min(max(a[1], b[1]), MAX_COLUMN) + 1)
    if len(rows) * len(cols) > MAX_LINK_CELLS:
        return
    for r in rows:
        for c in cols:
            links[(r, c)] = target


def _make_cell(row: int, col: int, kind: str, raw: str | None, formula: str | None, inline: list[str] | None, strings: list[str]) -> Cell | None:
    link = None
    if formula:
        m = _HYPERLINK_FORMULA.search(formula)
        if m is not None:
            link = m.group(1).replace('""', '"')
    if kind == "inlineStr":
        if inline is None and formula is None:
            return None
        return Cell(row, col, "".join(inline or ()), formula, None, link)
    if raw == "" and kind in ("n", "b", "e"):
        raw = None  # an empty <v/> (openpyxl's formulas): no cached value
    if raw is None:
        if formula is None:
            return None
        return Cell(row, col, None, formula, None, link)
    value: CellValue
    error = None
    if kind == "s":
        try:
            value = strings[int(raw)]
        except (ValueError, IndexError):
            value = None
            error = "#REF!"
    elif kind in ("str", "d"):
        value = raw
    elif kind == "b":
        value = raw.strip() in ("1", "true")
    elif kind == "e":
        value = None
        error = raw
    else:
        try:
            value = excel_number(raw)
        except (InvalidOperation, ValueError):
            value = raw
    return Cell(row, col, value, formula, error, link)


def _reason(error: BaseException) -> str:
    """Why the container could not be opened (rule R1): a damaged ZIP unless the system says otherwise."""
    return reason(error, otherwise=ZIP_DAMAGED)


def xml_detail(error: ET.ParseError) -> str:
    """Where an XML part stops being XML (rule R1: the parser's English text is dropped)."""
    line, column = error.position if error.position else (0, 0)
    return XML_AT.text(line=line, column=column + 1)


def unreadable(source: str, message: Message, sheet: str | None = None, cell: str | None = None) -> WorkbookError:
    """The error for a workbook that cannot be read at all: one located problem."""
    return WorkbookError(SUMMARY_FILLED_UNREADABLE.text(source=source), (message.at(Location(source, sheet=sheet, cell=cell)),))


def _open_zip(path: Path, source: str) -> zipfile.ZipFile:
    def fail(message: Message) -> WorkbookError:
        return unreadable(source, message)

    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise fail(XLSX_NOT_FOUND.fill()) from None
    except IsADirectoryError:
        raise fail(XLSX_UNREADABLE.fill(reason=REASON_FOLDER.text())) from None
    except OSError as e:
        raise fail(XLSX_UNREADABLE.fill(reason=_reason(e))) from e
    if head.startswith(_OLE2_MAGIC):
        names = ole_names(path)
        if names is None:  # a damaged directory: fall back to looking for the stream's name
            try:
                with path.open("rb") as handle:
                    sample = handle.read(1024 * 1024)
            except OSError:
                sample = head
            names = {"EncryptedPackage"} if _ENCRYPTED_MARK in sample else {"Workbook"}
        if names & {"EncryptedPackage", "EncryptionInfo"}:
            raise fail(XLSX_ENCRYPTED.fill())
        if names & {"Workbook", "Book"}:
            raise fail(XLSX_LEGACY_XLS.fill())
        raise fail(XLSX_NOT_ZIP.fill())  # another OLE2 document: .doc, .msg, .ppt…
    if not head.startswith(b"PK"):
        raise fail(XLSX_NOT_ZIP.fill())
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        raise fail(XLSX_DAMAGED.fill(detail=_reason(e))) from e
    except (OSError, EOFError, ValueError, NotImplementedError) as e:  # NotImplementedError: a damaged version field
        raise fail(XLSX_DAMAGED.fill(detail=_reason(e))) from e


def screen_xlsx(path: Path, source: str | None = None) -> tuple[str, ...]:
    """Check a whole .xlsx file against this module's limits before another library opens it.

    openpyxl inflates and parses every part; this refuses zip bombs, oversized parts, XML with a DOCTYPE
    or entities and sheets with too many cells first, with the same messages as :func:`open_xlsx`.

    Args:
        path: The file.
        source: How the file is named in messages; defaults to ``path.name``.

    Returns:
        The parts holding macros (never read or run here), for a warning.

    Raises:
        WorkbookError: As for :func:`open_xlsx`, for any part.
    """
    with open_xlsx(path, source) as book:
        book.screen()
        return book.macros


def open_xlsx(path: Path, source: str | None = None) -> XlsxFile:
    """Open an .xlsx file for reading (nothing is ever written to it).

    Args:
        path: The file.
        source: How the file is named in messages; defaults to ``path.name``.

    Raises:
        WorkbookError: Missing, unreadable, not an xlsx (an .xls, an encrypted file, an .ods, another
            file), damaged, or beyond the size limits.
    """
    return XlsxFile(path, source or path.name)
