"""Builders for the corpus of bad and hostile inputs (issue 7); every file is made in code, none is committed.

Each builder takes a good filled workbook (or nothing) and writes one defect. The tests next to the
expected outcomes are in ``tests/test_hostile_*.py``.
"""

from __future__ import annotations

import re
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree as ET

from workbook_helpers import lo_profile, soffice

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
GIB = 1024**3
MIB = 1024**2

Change = bytes | Callable[[bytes], bytes]


# --- zip parts ---------------------------------------------------------------------------------


def parts_of(path: Path) -> dict[str, bytes]:
    """Every part of a zip, by name, in order."""
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def write_parts(path: Path, parts: dict[str, bytes]) -> Path:
    """Write parts as a DEFLATE zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def rezip(good: Path, out: Path, changes: dict[str, Change]) -> Path:
    """Copy a workbook with some parts replaced (bytes) or rewritten (a function of the old bytes)."""
    parts = parts_of(good)
    for name, change in changes.items():
        parts[name] = change(parts[name]) if callable(change) else change
    return write_parts(out, parts)


def sheet_part(path: Path, sheet: str) -> str:
    """The zip part of a worksheet, found through workbook.xml and its relationships."""
    parts = parts_of(path)
    rels = {r.get("Id"): r.get("Target", "") for r in ET.fromstring(parts["xl/_rels/workbook.xml.rels"])}
    for node in ET.fromstring(parts["xl/workbook.xml"]).iter(f"{{{MAIN}}}sheet"):
        if node.get("name") == sheet:
            target = rels[node.get(f"{{{REL}}}id")]
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    raise KeyError(sheet)


def set_cell(ref: str, xml: str) -> Callable[[bytes], bytes]:
    """Replace cell ``ref`` of a sheet part with raw ``<c>`` XML (for what openpyxl cannot write)."""

    def change(data: bytes) -> bytes:
        pattern = rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)'.encode()
        assert re.search(pattern, data), ref
        return re.sub(pattern, xml.encode(), data, count=1)

    return change


def before_end_of(tag: str, xml: str) -> Callable[[bytes], bytes]:
    """Insert XML just before ``</tag>`` (``sheetData``, ``worksheet``)."""

    def change(data: bytes) -> bytes:
        end = f"</{tag}>".encode()
        assert end in data, tag
        return data.replace(end, xml.encode() + end, 1)

    return change


def after_start_of(tag: str, xml: str) -> Callable[[bytes], bytes]:
    """Insert XML right after ``<tag …>``."""

    def change(data: bytes) -> bytes:
        m = re.search(rf"<{tag}[\s>]".encode(), data)
        assert m, tag
        close = data.index(b">", m.start()) + 1
        return data[:close] + xml.encode() + data[close:]

    return change


def with_doctype(data: bytes) -> bytes:
    """The part with a billion-laughs DOCTYPE between the XML declaration and the root."""
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)) + "]>"
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        return data[:end] + laughs.encode() + data[end:]
    return laughs.encode() + data


def with_shared_strings(good: Path, out: Path, strings: bytes, sheet: str) -> Path:
    """The workbook with a sharedStrings part (``strings``), its title cell A1 on ``sheet`` moved into it."""
    parts = parts_of(good)
    rel = f'<Relationship Id="rIdSst" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode())
    parts["xl/sharedStrings.xml"] = strings
    parts[sheet] = set_cell("A1", '<c r="A1" t="s"><v>0</v></c>')(parts[sheet])
    return write_parts(out, parts)


# --- zips written by hand: a zip bomb ------------------------------------------------------------


@dataclass(frozen=True)
class RawPart:
    """A zip entry whose DEFLATE stream is given as is."""

    name: str
    deflated: bytes
    crc: int
    size: int


def deflated(name: str, data: bytes) -> RawPart:
    """An ordinary part, compressed."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return RawPart(name, comp.compress(data) + comp.flush(), zlib.crc32(data), len(data))


@lru_cache(maxsize=4)
def space_run(prefix: bytes, size: int, suffix: bytes) -> tuple[bytes, int, int]:
    """A DEFLATE stream of ``prefix``, spaces up to ``size`` bytes in all, and ``suffix``: (stream, crc, size).

    After a full flush the compressor starts afresh, so every further MiB of spaces compresses to the
    same bytes: the stream is built by repetition, without compressing a gigabyte.
    """
    chunk = b" " * MIB
    count, rest = divmod(size - len(prefix) - len(suffix), MIB)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    tail = comp.compress(b" " * rest + suffix) + comp.flush()
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b" " * rest + suffix, crc)
    return head + block * count + tail, crc, size


def write_raw_zip(path: Path, entries: list[RawPart]) -> Path:
    """A plain (non-zip64) zip of DEFLATE entries, local headers then the central directory."""
    body = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode()
        fields = (20, 0, 8, 0, 0x21, e.crc, len(e.deflated), e.size, len(name))
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, len(body)) + name
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + e.deflated
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    path.write_bytes(bytes(body + central + end))
    return path


def zip_bomb(good: Path, out: Path, part: str, size: int = GIB) -> Path:
    """The workbook with one sheet replaced by a valid sheet padded with spaces to ``size`` bytes."""
    parts = parts_of(good)
    prefix = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData/>'.encode()
    stream, crc, total = space_run(prefix, size, b"</worksheet>")
    entries = [RawPart(part, stream, crc, total) if name == part else deflated(name, data) for name, data in parts.items()]
    return write_raw_zip(out, entries)


def lying_size(good: Path, out: Path, part: str, real: int = 30 * MIB) -> Path:
    """A sheet whose directory entry declares its true size divided by 1000 (the stream inflates to ``real``)."""
    parts = parts_of(good)
    prefix = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData/>'.encode()
    stream, crc, _ = space_run(prefix, real, b"</worksheet>")
    entries = [RawPart(part, stream, crc, real // 1000) if name == part else deflated(name, data) for name, data in parts.items()]
    return write_raw_zip(out, entries)


# --- OLE2 compound files: old .xls and encrypted workbooks ------------------------------------------

_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A version-3 OLE2 compound file (512-byte sectors) holding ``streams``, its directory after them.

    Streams are padded to 4096 bytes so they all live in regular sectors (no mini stream), which keeps the
    writer short and the file valid.
    """
    size = 512
    data: list[bytes] = []
    starts: list[int] = []
    lengths: list[int] = []
    fat: list[int] = []
    for payload in streams.values():
        payload = payload.ljust(4096, b"\0")
        count = -(-len(payload) // size)
        starts.append(len(fat))
        lengths.append(len(payload))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [_END]
        data.append(payload.ljust(count * size, b"\0"))
    entries = [("Root Entry", 5, _END, 0, 1 if streams else _FREE)]
    names = list(streams)
    for i, name in enumerate(names):
        entries.append((name, 2, starts[i], lengths[i], _FREE))
    directory = bytearray()
    for i, (name, kind, start, length, child) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        right = i + 1 if 0 < i < len(entries) - 1 else _FREE
        directory += encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, _FREE, right, child)
        directory += bytes(16 + 4 + 16) + struct.pack("<IQ", start, length)
    directory = directory.ljust(-(-len(directory) // size) * size, b"\0")
    dir_start = len(fat)
    dir_count = len(directory) // size
    fat += [dir_start + i + 1 for i in range(dir_count - 1)] + [_END]
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (size // 4):
        fat_count += 1
    fat_start = len(fat)
    fat += [_FAT] * fat_count
    fat += [_FREE] * (fat_count * (size // 4) - len(fat))
    assert fat_count <= 109
    difat = [fat_start + i for i in range(fat_count)] + [_FREE] * (109 - fat_count)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, 4096, _END, 0, _END, 0) + struct.pack("<109I", *difat)
    assert len(header) == 512
    path.write_bytes(header + b"".join(data) + bytes(directory) + struct.pack(f"<{len(fat)}I", *fat))
    return path


def encrypted_workbook(path: Path, package: int = 1_200_000) -> Path:
    """A password-protected workbook as Office writes one: an OLE2 file with EncryptionInfo and EncryptedPackage.

    The package is larger than 1 MB, so the directory lies beyond the first megabyte of the file.
    """
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>"  # agile encryption, version 4.4
    return compound_file(path, {"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", package) + bytes(package)})


def legacy_by_hand(path: Path) -> Path:
    """An Excel 97-2003 file's container: an OLE2 file with a 'Workbook' stream."""
    return compound_file(path, {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"})


def word_document(path: Path) -> Path:
    """A Word 97-2003 document (an OLE2 file with a 'WordDocument' stream) given a workbook's name."""
    return compound_file(path, {"WordDocument": b"\xec\xa5\xc1\x00"})


def libreoffice_convert(good: Path, out_dir: Path, target: str) -> Path:
    """Convert a workbook with LibreOffice (``xls``, ``ods``…); skips outside CI without LibreOffice."""
    binary = soffice()
    assert binary is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = [binary, "--headless", "--norestore", f"-env:UserInstallation={lo_profile()}", "--convert-to", target, "--outdir", str(out_dir), str(good)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    converted = out_dir / f"{good.stem}.{target}"
    assert converted.is_file(), f"LibreOffice did not write {converted}"
    return converted


# --- other odd workbooks --------------------------------------------------------------------------

VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def with_macros(good: Path, out: Path) -> Path:
    """The workbook as Excel saves it with a VBA project: macro-enabled type, a vbaProject.bin part."""
    parts = parts_of(good)
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MACRO_WORKBOOK_TYPE)
    types = types.replace("</Types>", f'<Default Extension="bin" ContentType="{VBA_CONTENT_TYPE}"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    rel = '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    # A VBA project is an OLE2 file; an auto-open macro would be in it. Nothing in kipmonev reads this part.
    parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = \"ThisWorkbook\"\r\nSub Workbook_Open()\r\nEnd Sub\r\n".ljust(4000, b"\0")
    return write_parts(out, parts)


def empty_rows(count: int, first: int) -> str:
    """``count`` rows with a styled empty cell each, from row ``first``."""
    return "".join(f'<row r="{r}"><c r="A{r}" s="1"/></row>' for r in range(first, first + count))
