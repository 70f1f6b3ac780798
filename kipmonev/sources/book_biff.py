"""Binary workbooks: .xls (Excel 97-2003, BIFF8 in an OLE2 file) and .xlsb (Excel Binary, BIFF12 in a zip).

Values come from calamine. Before calamine reads a sheet, its records are walked here (a few hundred
microseconds a sheet): the rectangle of cells with content is bounded (calamine fills it whole), and the
walk collects what calamine does not give: hyperlink targets (.xls ``HLINK``, .xlsb ``BrtHLink``), error
values, formula cells, and percentage formats (.xls). calamine opens an .xls by reading every sheet, so
all of them are walked first.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kipmonev.core.problems_reasons import OLE_DAMAGED
from kipmonev.core.reasons import reason
from kipmonev.sources import problems_readers as px
from kipmonev.sources import xlsx
from kipmonev.sources.book_base import Book, calamine_sheet, check_rectangle, grid_cells, merges_of, open_calamine, sheet_state
from kipmonev.sources.number_format import BUILTIN_PERCENT_FORMATS, is_percent_format
from kipmonev.sources.problems import XLSX_CELL_OUT_OF_BOUNDS, XLSX_ENCRYPTED, XLSX_NOT_ZIP, XLSX_PART_TOO_LARGE, XLSX_SHEET_PART_MISSING, XLSX_UNREADABLE
from kipmonev.sources.xlsx import Cell, Sheet, unreadable

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_URL_MONIKER = bytes.fromhex("e0c9ea79f9bace118c8200aa004ba90b")
_VBA_STORAGES = {"_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA", "Macros"}
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


@dataclass
class _Extra:
    """What calamine does not give for one sheet, by 1-based (row, column)."""

    links: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    percent: set[tuple[int, int]] = field(default_factory=set)
    bounds: list[int] = field(default_factory=list)  # first row, first column, last row, last column (0-based)

    def add(self, row: int, col: int) -> None:
        b = self.bounds
        if not b:
            b[:] = [row, col, row, col]
        else:
            b[:] = [min(b[0], row), min(b[1], col), max(b[2], row), max(b[3], col)]

    def apply(self, cells: dict[tuple[int, int], Cell]) -> None:
        """Lay links, formulas, errors and percentages over calamine's cells."""
        for pos, target in self.links.items():
            cell = cells.get(pos)
            cells[pos] = Cell(pos[0], pos[1], None, link=target) if cell is None else cell._replace(link=target)
        for pos in self.formulas:
            cell = cells.get(pos)
            if cell is not None:
                cells[pos] = cell._replace(formula="")  # the formula's text is not decompiled: only that there is one
        for pos, error in self.errors.items():
            cell = cells.get(pos) or Cell(pos[0], pos[1], None)
            cells[pos] = cell._replace(value=None, error=error)


def _utf16(data: bytes, pos: int, chars: int) -> str:
    return data[pos : pos + 2 * chars].decode("utf-16-le", "replace").rstrip("\x00")


def _hyperlink_string(data: bytes, pos: int) -> tuple[str, int]:
    """An MS-OSHARED HyperlinkString: a character count (with the final NUL) and UTF-16 text."""
    (count,) = struct.unpack_from("<I", data, pos)
    return _utf16(data, pos + 4, count), pos + 4 + 2 * count


def _hlink_target(data: bytes, pos: int, end: int) -> str | None:
    """The URL of a BIFF8 HLINK record's hyperlink object (after its 8-byte range and 16-byte CLSID), if any."""
    try:
        _, flags = struct.unpack_from("<II", data, pos)
        pos += 8
        if flags & 0x14 == 0x14:  # a display name
            _, pos = _hyperlink_string(data, pos)
        if flags & 0x80:  # a target frame
            _, pos = _hyperlink_string(data, pos)
        if not flags & 0x01:  # no moniker: only a location inside the workbook
            return None
        if flags & 0x100:  # the moniker saved as a string
            return _hyperlink_string(data, pos)[0] or None
        if data[pos : pos + 16] != _URL_MONIKER:  # a file or composite moniker: not a web link
            return None
        (length,) = struct.unpack_from("<I", data, pos + 16)
        url = data[pos + 20 : min(pos + 20 + length, end)].decode("utf-16-le", "replace")
        return url.split("\x00", 1)[0] or None
    except (struct.error, IndexError):
        return None


# --- .xls ---------------------------------------------------------------------------------------------

_CELL_RECORDS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6, 0x0201}


@dataclass
class _Biff8:
    """The BIFF8 workbook stream walked: sheets by the offset of their BOF, formats, and each sheet's extras."""

    sheets: dict[int, tuple[str, int, int]] = field(default_factory=dict)  # BOF offset → (name, state, type)
    extras: dict[str, _Extra] = field(default_factory=dict)
    encrypted: bool = False
    macro_sheets: bool = False


def _short_string(data: bytes, pos: int) -> str:
    count, flags = data[pos], data[pos + 1]
    raw = data[pos + 2 : pos + 2 + (count * 2 if flags & 1 else count)]
    return raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")


def _walk_biff8(data: bytes) -> _Biff8:
    book = _Biff8()
    formats: dict[int, str] = {}
    xf_format: list[int] = []
    percent_xf: set[int] = set()
    extra: _Extra | None = None
    current: _Extra | None = None
    pos, size = 0, len(data)
    depth = 0
    while pos + 4 <= size:
        kind, length = struct.unpack_from("<HH", data, pos)
        body = pos + 4
        if body + length > size:
            break
        if kind == 0x0809:  # BOF: the globals, a sheet, or a chart inside a sheet
            depth += 1
            sheet = book.sheets.get(pos)
            if depth == 1 and sheet is not None:
                extra = current = book.extras.setdefault(sheet[0], _Extra())
                percent_xf = {i for i, f in enumerate(xf_format) if f in BUILTIN_PERCENT_FORMATS or is_percent_format(formats.get(f, ""))}
            elif depth > 1:
                extra = None
        elif kind == 0x000A:  # EOF
            depth = max(0, depth - 1)
            extra = current if depth == 1 else None
            if depth == 0:
                current = None
        elif kind == 0x002F and extra is None:
            book.encrypted = True
            return book
        elif kind == 0x0085 and length >= 8:  # BOUNDSHEET8
            offset, state, sheet_type = struct.unpack_from("<IBB", data, body)
            book.sheets[offset] = (_short_string(data, body + 6), state & 3, sheet_type)
            book.macro_sheets = book.macro_sheets or sheet_type in (1, 6)
        elif kind == 0x041E and length >= 5:  # FORMAT
            ifmt, count, flags = struct.unpack_from("<HHB", data, body)
            raw = data[body + 5 : body + 5 + (count * 2 if flags & 1 else count)]
            formats[ifmt] = raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
        elif kind == 0x00E0 and length >= 4 and extra is None:  # XF
            xf_format.append(struct.unpack_from("<H", data, body + 2)[0])
        elif extra is not None and length >= 6:
            if kind in _CELL_RECORDS:
                row, col, xf = struct.unpack_from("<HHH", data, body)
                extra.add(row, col)
                pos1 = (row + 1, col + 1)
                if xf in percent_xf and kind != 0x0201:
                    extra.percent.add(pos1)
                if kind == 0x0205 and length >= 8 and data[body + 7]:
                    extra.errors[pos1] = _ERRORS.get(data[body + 6], "#N/A")
                elif kind == 0x0006 and length >= 14:
                    extra.formulas.add(pos1)
                    if data[body + 12 : body + 14] == b"\xff\xff" and data[body + 6] == 2:
                        extra.errors[pos1] = _ERRORS.get(data[body + 8], "#N/A")
            elif kind in (0x00BD, 0x00BE):  # MULRK, MULBLANK: row, first column, …, last column
                row, first = struct.unpack_from("<HH", data, body)
                (last,) = struct.unpack_from("<H", data, body + length - 2)
                extra.add(row, first)
                extra.add(row, max(first, last))
                if kind == 0x00BD and percent_xf:
                    for i, col in enumerate(range(first, last + 1)):
                        at = body + 4 + 6 * i
                        if at + 2 <= body + length - 2 and struct.unpack_from("<H", data, at)[0] in percent_xf:
                            extra.percent.add((row + 1, col + 1))
            elif kind == 0x01B8 and length >= 32:  # HLINK
                row1, row2, col1, col2 = struct.unpack_from("<HHHH", data, body)
                target = _hlink_target(data, body + 24, body + length)
                if target:
                    for r in range(row1, min(row2, row1 + 1000) + 1):
                        for c in range(col1, min(col2, col1 + 100) + 1):
                            extra.links[(r + 1, c + 1)] = target
        pos = body + length
    return book


class XlsBook(Book):
    """An Excel 97-2003 .xls file."""

    def __init__(self, path: Path, source: str) -> None:
        """Read the OLE2 directory and the workbook stream, refuse encrypted files, walk the records, open with calamine."""
        import olefile

        self.source = source
        self.kind = ".xls"
        try:
            size = path.stat().st_size
        except OSError as e:
            raise unreadable(source, XLSX_UNREADABLE.fill(reason=reason(e))) from e
        if size > xlsx.MAX_PART_BYTES:
            raise unreadable(source, XLSX_PART_TOO_LARGE.fill(part="Workbook", limit_mb=xlsx.MAX_PART_BYTES // (1024 * 1024)))
        try:
            with olefile.OleFileIO(str(path)) as ole:
                names = {entry[-1] for entry in ole.listdir(streams=True, storages=True)}
                stream = next((s for s in ("Workbook", "Book", "WORKBOOK", "BOOK") if ole.exists(s)), None)
                data = ole.openstream(stream).read() if stream is not None and not names & {"EncryptedPackage", "EncryptionInfo"} else b""
        except Exception as e:  # NOTE: olefile reports a damaged file with many exception types
            with path.open("rb") as handle:
                if _ENCRYPTED_MARK in handle.read(2 * 1024 * 1024):
                    raise unreadable(source, XLSX_ENCRYPTED.fill()) from None
            raise unreadable(source, px.DAMAGED.fill(kind=".xls", detail=reason(e, otherwise=OLE_DAMAGED))) from None
        if names & {"EncryptedPackage", "EncryptionInfo"}:
            raise unreadable(source, XLSX_ENCRYPTED.fill())
        if stream is None:
            raise unreadable(source, XLSX_NOT_ZIP.fill())  # another OLE2 document: .doc, .msg, .ppt…
        walked = _walk_biff8(data)
        if walked.encrypted:
            raise unreadable(source, XLSX_ENCRYPTED.fill())
        if not walked.sheets:
            raise unreadable(source, px.DAMAGED.fill(kind=".xls", detail=px.NO_SHEETS.text()))
        used = 0
        for name, extra in walked.extras.items():
            if extra.bounds:
                b = extra.bounds
                used = check_rectangle(source, name, b[2] - b[0] + 1, b[3] - b[1] + 1, used)
        self._extras = walked.extras
        self.macros = tuple(sorted(names & _VBA_STORAGES)) + (("macrosheets",) if walked.macro_sheets else ())
        self._calamine: CalamineWorkbook = open_calamine(path, source, self.kind)
        self.sheet_names = tuple(self._calamine.sheet_names)
        self.states = {m.name: sheet_state(m.visible) for m in self._calamine.sheets_metadata}

    def close(self) -> None:
        """Close calamine's handle."""
        self._calamine.close()

    def sheet(self, name: str) -> Sheet:
        """One sheet: calamine's values, with links, errors, formulas and percentages from the walk."""
        if name not in self.sheet_names:
            raise KeyError(name)
        found = calamine_sheet(self._calamine, name, self.source, self.kind)
        cells = grid_cells(found.to_python(skip_empty_area=False))
        extra = self._extras.get(name, _Extra())
        extra.apply(cells)
        return Sheet(name, cells, merges_of(found.merged_cell_ranges), frozenset(p for p in extra.percent if p in cells))


# --- .xlsb ---------------------------------------------------------------------------------------------

_BRT_ROW, _BRT_HLINK, _BRT_BUNDLE_SHEET = 0, 494, 156
_BRT_ERRORS = {3, 11}  # BrtCellError, BrtFmlaError
_BRT_FORMULAS = {8, 9, 10, 11}


def _records12(data: bytes) -> list[tuple[int, int, int]]:
    """BIFF12 records as (type, start of the body, length); a damaged tail ends the list."""
    out: list[tuple[int, int, int]] = []
    pos, size = 0, len(data)
    while pos < size:
        kind = data[pos]
        pos += 1
        if kind & 0x80:
            if pos >= size:
                break
            kind = (kind & 0x7F) | ((data[pos] & 0x7F) << 7)
            pos += 1
        length, shift = 0, 0
        for _ in range(4):
            if pos >= size:
                return out
            byte = data[pos]
            pos += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if pos + length > size:
            break
        out.append((kind, pos, length))
        pos += length
    return out


def _wide_string(data: bytes, pos: int) -> tuple[str | None, int]:
    """An XLNullableWideString: a character count (0xFFFFFFFF for none) and UTF-16 text."""
    (count,) = struct.unpack_from("<I", data, pos)
    if count == 0xFFFFFFFF:
        return None, pos + 4
    return data[pos + 4 : pos + 4 + 2 * count].decode("utf-16-le", "replace"), pos + 4 + 2 * count


def _walk_biff12(data: bytes, targets: dict[str, str]) -> _Extra:
    extra = _Extra()
    row = 0
    for kind, body, length in _records12(data):
        if kind == _BRT_ROW and length >= 4:
            (row,) = struct.unpack_from("<I", data, body)
        elif 1 <= kind <= 11 and length >= 8:
            (col,) = struct.unpack_from("<I", data, body)
            if kind != 1:  # BrtCellBlank holds no value
                extra.add(row, col)
            if kind in _BRT_FORMULAS:
                extra.formulas.add((row + 1, col + 1))
            if kind in _BRT_ERRORS and length >= 9:
                extra.errors[(row + 1, col + 1)] = _ERRORS.get(data[body + 8], "#N/A")
        elif kind == _BRT_HLINK and length >= 20:
            try:
                row1, row2, col1, col2 = struct.unpack_from("<IIII", data, body)
                rel, _ = _wide_string(data, body + 16)
            except struct.error:
                continue
            target = targets.get(rel or "")
            if target:
                for r in range(row1, min(row2, row1 + 1000) + 1):
                    for c in range(col1, min(col2, col1 + 100) + 1):
                        extra.links[(r + 1, c + 1)] = target
    return extra


class XlsbBook(Book):
    """An Excel Binary .xlsb file."""

    def __init__(self, path: Path, source: str, container: xlsx.ZipParts) -> None:
        """Screen the container (taking over the open ``container``) and open the file with calamine."""
        self.source = source
        self.kind = ".xlsb"
        self._zip = container
        self._path = path
        try:
            container.check_directory()
            self._parts = _XlsbParts(container)
            self.macros = tuple(sorted(p for p in container.part_names if p.lower().endswith("vbaproject.bin") or "/macrosheets/" in p.lower()))
            for part in ("xl/sharedStrings.bin", "xl/styles.bin"):
                container._read(part, required=False)  # calamine reads them when it opens the file: checked first
            self._calamine: CalamineWorkbook = open_calamine(path, source, self.kind)
        except BaseException:
            container.close()
            raise
        self.sheet_names = tuple(self._calamine.sheet_names)
        self.states = {m.name: sheet_state(m.visible) for m in self._calamine.sheets_metadata}
        self._used = 0

    def close(self) -> None:
        """Close the zip and calamine's handle."""
        self._zip.close()
        self._calamine.close()

    def sheet(self, name: str) -> Sheet:
        """One sheet: its records walked and bounded first, then calamine's values with the walk's extras."""
        if name not in self.sheet_names:
            raise KeyError(name)
        part = self._parts.sheets.get(name)
        if part is None:
            raise unreadable(self.source, XLSX_SHEET_PART_MISSING.fill(), name)
        data = self._zip._read(part)
        assert data is not None
        extra = _walk_biff12(data, self._parts.links(part))
        if extra.bounds:
            b = extra.bounds
            if b[2] + 1 > xlsx.MAX_ROW or b[3] + 1 > xlsx.MAX_COLUMN:
                from kipmonev.formats.a1 import cell_name, column_letter

                where = cell_name(min(b[2] + 1, xlsx.MAX_ROW + 1), min(b[3] + 1, xlsx.MAX_COLUMN + 1))
                raise unreadable(self.source, XLSX_CELL_OUT_OF_BOUNDS.fill(max_row=xlsx.MAX_ROW, max_column=column_letter(xlsx.MAX_COLUMN)), name, where)
            self._used = check_rectangle(self.source, name, b[2] - b[0] + 1, b[3] - b[1] + 1, self._used)
        found = calamine_sheet(self._calamine, name, self.source, self.kind)
        cells = grid_cells(found.to_python(skip_empty_area=False))
        extra.apply(cells)
        return Sheet(name, cells, merges_of(found.merged_cell_ranges))


class _XlsbParts:
    """The sheet parts of an .xlsb, from ``workbook.bin`` and its relationships."""

    def __init__(self, container: xlsx.ZipParts) -> None:
        self._zip = container
        book = next((p for p in container.part_names if p.lower() == "xl/workbook.bin"), "xl/workbook.bin")
        data = container._read(book)
        assert data is not None
        rels = self._rels(book)
        self.sheets: dict[str, str] = {}
        for kind, body, length in _records12(data):
            if kind != _BRT_BUNDLE_SHEET or length < 12:
                continue
            try:
                rel, pos = _wide_string(data, body + 8)
                sheet_name, _ = _wide_string(data, pos)
            except struct.error:
                continue
            target = rels.get(rel or "")
            if sheet_name is not None and target is not None:
                self.sheets[sheet_name] = target

    def _rels(self, part: str) -> dict[str, str]:
        import posixpath

        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        data = self._zip.read_xml(rels_part, required=False)
        out: dict[str, str] = {}
        if data is None:
            return out
        for node in self._zip._parse(rels_part, data):
            target = node.get("Target", "")
            if node.get("TargetMode", "") == "External":
                out[node.get("Id", "")] = "external:" + target
            else:
                out[node.get("Id", "")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        return out

    def links(self, part: str) -> dict[str, str]:
        """Relationship id → external target, for a sheet's hyperlinks."""
        return {rid: target.removeprefix("external:") for rid, target in self._rels(part).items() if target.startswith("external:")}
