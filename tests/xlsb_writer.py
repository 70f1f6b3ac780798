"""A small .xlsb writer for tests: LibreOffice cannot save Excel Binary, so the test files are made here.

It copies the cells (text, numbers, booleans), the external hyperlinks and the sheet states of an .xlsx,
read with openpyxl (not kipmonev's reader), into BIFF12 records as Excel writes them (MS-XLSB).
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from openpyxl import load_workbook

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_STATE = {"visible": 0, "hidden": 1, "veryHidden": 2}


def _varint(value: int, limit: int) -> bytes:
    out = bytearray()
    for _ in range(limit):
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            break
    return bytes(out)


def record(kind: int, body: bytes = b"") -> bytes:
    """One BIFF12 record: its type and size as variable-length integers, then the body."""
    return _varint(kind, 2) + _varint(len(body), 4) + body


def wide(text: str) -> bytes:
    """An XLWideString: a character count, then UTF-16."""
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def _sheet(ws: object, links: dict[str, str]) -> bytes:
    out = bytearray(record(0x81))  # BrtBeginSheet
    cells = [(c.row - 1, c.column - 1, c) for row in ws.iter_rows() for c in row if c.value is not None]  # type: ignore[attr-defined]
    last_row = max((r for r, _, _ in cells), default=0)
    last_col = max((c for _, c, _ in cells), default=0)
    out += record(0x94, struct.pack("<IIII", 0, last_row, 0, last_col))  # BrtWsDim
    out += record(0x91)  # BrtBeginSheetData
    current = -1
    for row, col, cell in cells:
        if row != current:
            out += record(0x00, struct.pack("<IIHHBI", row, 0, 300, 0, 0, 0))  # BrtRowHdr, no column spans
            current = row
        head = struct.pack("<II", col, 0)
        value = cell.value
        if isinstance(value, bool):
            out += record(0x04, head + bytes([1 if value else 0]))  # BrtCellBool
        elif isinstance(value, int | float):
            out += record(0x05, head + struct.pack("<d", float(value)))  # BrtCellReal
        else:
            out += record(0x06, head + wide(str(value)))  # BrtCellSt
    out += record(0x92)  # BrtEndSheetData
    for i, (ref, _) in enumerate(links.items(), start=1):
        cell = ws[ref]  # type: ignore[index]
        rfx = struct.pack("<IIII", cell.row - 1, cell.row - 1, cell.column - 1, cell.column - 1)
        out += record(0x1EE, rfx + wide(f"rIdL{i}") + wide("") + wide("") + wide(str(cell.value or "")))  # BrtHLink
    out += record(0x82)  # BrtEndSheet
    return bytes(out)


def write_xlsb(source: Path, target: Path) -> Path:
    """Write the cells, links and sheet states of the .xlsx ``source`` as an .xlsb at ``target``."""
    wb = load_workbook(source)
    parts: dict[str, bytes] = {}
    book = bytearray(record(0x83) + record(0x8F))  # BrtBeginBook, BrtBeginBundleShs
    rels = [f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.bin"/>']
    for i, ws in enumerate(wb.worksheets, start=1):
        links = {c.coordinate: c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink is not None and c.hyperlink.target}
        parts[f"xl/worksheets/sheet{i}.bin"] = _sheet(ws, links)
        if links:
            sheet_rels = "".join(f'<Relationship Id="rIdL{n}" Type="{REL}/hyperlink" Target="{t}" TargetMode="External"/>' for n, t in enumerate(links.values(), start=1))
            parts[f"xl/worksheets/_rels/sheet{i}.bin.rels"] = f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{sheet_rels}</Relationships>'.encode()
        book += record(0x9C, struct.pack("<II", _STATE.get(ws.sheet_state, 0), i) + wide(f"rId{i}") + wide(ws.title))  # BrtBundleSh
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.bin"/>')
    book += record(0x90) + record(0x84)  # BrtEndBundleShs, BrtEndBook
    parts["xl/workbook.bin"] = bytes(book)
    parts["xl/styles.bin"] = record(0x116) + record(0x269, bytes(4)) + record(0x26A) + record(0x117)  # style sheet with no cell formats
    parts["xl/_rels/workbook.bin.rels"] = f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'.encode()
    parts["_rels/.rels"] = f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>'.encode()
    parts["[Content_Types].xml"] = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return target
