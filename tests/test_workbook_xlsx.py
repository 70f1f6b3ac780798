"""The low-level .xlsx reader: cell types as Excel and LibreOffice write them, and every refusal."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import small
from hostile_files import MAIN, REL
from hostile_files import write_parts as write
from workbook_helpers import fill

from kipmonev import WorkbookError
from kipmonev.sources import xlsx
from kipmonev.sources.problems import (
    XLSX_BAD_XML,
    XLSX_BINARY,
    XLSX_CELL_OUT_OF_BOUNDS,
    XLSX_DAMAGED,
    XLSX_DOCTYPE,
    XLSX_MISSING_PART,
    XLSX_NOT_ZIP,
    XLSX_PART_TOO_LARGE,
    XLSX_RATIO,
    XLSX_TOO_MANY_CELLS,
    XLSX_TOO_MANY_PARTS,
    XLSX_TOTAL_TOO_LARGE,
)
from kipmonev.sources.reader import read_submission
from kipmonev.sources.xlsx import Cell, open_xlsx


def package(sheet: str, strings: str | None = None, sheet_rels: str | None = None, extra: dict[str, bytes] | None = None, prefix: str = "") -> dict[str, bytes]:
    """A minimal workbook package, written as Excel writes it (shared strings, optional namespace prefix)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns{":" + prefix if prefix else ""}="{MAIN}"'
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{p}workbook {xmlns} xmlns:r="{REL}"><{p}sheets>'
            f'<{p}sheet name="Data" sheetId="1" r:id="rId1"/><{p}sheet name="Rahasia" sheetId="2" state="veryHidden" r:id="rId2"/></{p}sheets></{p}workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet.encode(),
        "xl/worksheets/sheet2.xml": f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode(),
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings.encode()
    if sheet_rels is not None:
        parts["xl/worksheets/_rels/sheet1.xml.rels"] = sheet_rels.encode()
    parts.update(extra or {})
    return parts


EXCEL_STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="4" uniqueCount="4">
  <si><t>Ya</t></si>
  <si><r><rPr><b/></rPr><t>Tau</t></r><r><t xml:space="preserve">tan &amp; bukti</t></r></si>
  <si><t>日本</t><rPh sb="0" eb="2"><t>ニホン</t></rPh></si>
  <si><t xml:space="preserve"> ya </t></si>
</sst>"""

EXCEL_SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>
  <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
  <row r="2"><c r="A2"><v>4.0000000000000009</v></c><c r="B2"><v>1E-3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>
  <row r="3"><c r="A3" t="str"><f>A1&amp;"!"</f><v>Ya!</v></c><c r="B3"><f>1+1</f></c><c r="C3" t="inlineStr"><is><t>sebaris</t></is></c><c r="E3" s="4"/></row>
  <row r="4"><c><v>7</v></c><c><v>8</v></c><c r="F4" s="1"/><c><v>9</v></c></row>
  <row><c r="A5"><f t="shared" ref="A5:A6" si="0">B2*2</f><v>2E-3</v></c></row>
  <row r="6"><c r="A6"><f t="shared" si="0"/><v>0.002</v></c><c r="G6" t="s"><v>1</v></c></row>
</sheetData>
<hyperlinks><hyperlink ref="G6" r:id="rId7" display="Tautan"/><hyperlink ref="H1:H2" r:id="rId7"/><hyperlink ref="A1" location="'Data'!B2"/></hyperlinks>
</worksheet>"""

EXCEL_SHEET_RELS = f"""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="{REL}/hyperlink" Target="https://ppid.contoh.go.id/bukti.pdf" TargetMode="External"/></Relationships>"""


def _values(sheet: xlsx.Sheet) -> dict[str, object]:
    return {cell.ref: cell.value for cell in sheet.cells.values()}


@pytest.mark.parametrize("prefix", ["", "x"], ids=["default-namespace", "prefixed"])
def test_excel_style_cells_are_read_with_their_types(tmp_path: Path, prefix: str) -> None:
    path = write(tmp_path / "excel.xlsx", package(EXCEL_SHEET, EXCEL_STRINGS, EXCEL_SHEET_RELS, prefix=prefix))
    with open_xlsx(path) as book:
        assert book.sheet_names == ("Data", "Rahasia")
        assert book.states == {"Data": "visible", "Rahasia": "veryHidden"}
        sheet = book.sheet("Data")
        assert book.sheet("Rahasia").cells == {}
    assert _values(sheet) == {
        "A1": "Ya", "B1": "Tautan & bukti", "C1": "日本", "D1": " ya ",
        "A2": Decimal(4), "B2": Decimal("0.001"), "C2": True, "D2": None,
        "A3": "Ya!", "B3": None, "C3": "sebaris",
        "A4": Decimal(7), "B4": Decimal(8), "G4": Decimal(9),
        "A5": Decimal("0.002"), "A6": Decimal("0.002"), "G6": "Tautan & bukti", "H1": None, "H2": None,
    }  # fmt: skip
    assert sheet.get(2, 4) == Cell(2, 4, None, error="#N/A")
    assert sheet.get(3, 2) == Cell(3, 2, None, formula="1+1")
    assert sheet.get(6, 7) is not None and sheet.get(6, 7).link == "https://ppid.contoh.go.id/bukti.pdf"  # type: ignore[union-attr]
    assert sheet.get(1, 8) == Cell(1, 8, None, link="https://ppid.contoh.go.id/bukti.pdf")
    assert sheet.get(1, 1) == Cell(1, 1, "Ya")  # an internal link (location) is not evidence


def _refusal(path: Path) -> str:
    with pytest.raises(WorkbookError) as caught:
        with open_xlsx(path, "isian.xlsx") as book:
            book.sheet("Data")
    assert len(caught.value.problems) == 1
    return str(caught.value)


def test_files_that_are_not_xlsx_workbooks(tmp_path: Path) -> None:
    text = tmp_path / "a"
    text.write_text("Nama;Jawaban\n", encoding="utf-8")
    assert _refusal(text) == "isian.xlsx: " + XLSX_NOT_ZIP.text()
    xls = tmp_path / "b"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    assert _refusal(xls) == "isian.xlsx: berkas ini berformat Excel lama (.xls). Buka berkas di Excel atau LibreOffice lalu simpan sebagai 'Excel 2007-365 (.xlsx)'."
    encrypted = tmp_path / "c"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le") + bytes(100))
    assert _refusal(encrypted) == (
        "isian.xlsx: berkas ini dilindungi kata sandi pembuka (terenkripsi) sehingga tidak dapat dibaca. Hapus kata sandi pembuka berkas, lalu simpan ulang sebagai .xlsx."
    )
    ods = write(tmp_path / "d", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    assert _refusal(ods) == "isian.xlsx: berkas ini berformat OpenDocument (.ods). Simpan berkas sebagai 'Excel 2007-365 (.xlsx)'."
    rels = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    xlsb = write(tmp_path / "f", {"[Content_Types].xml": b"<Types/>", "_rels/.rels": rels, "xl/workbook.bin": b"\x83\x01\x00"})
    assert _refusal(xlsb) == "isian.xlsx: " + XLSX_BINARY.text()
    other_zip = write(tmp_path / "e", {"readme.txt": b"halo"})
    assert _refusal(other_zip) == "isian.xlsx: " + XLSX_MISSING_PART.text(part="xl/workbook.xml")
    missing = tmp_path / "tidak-ada.xlsx"
    with pytest.raises(WorkbookError) as caught:
        read_submission(missing, small())
    assert str(caught.value) == f"{missing}: berkas isian tidak ditemukan. Periksa nama dan letak berkasnya."


def test_truncated_and_damaged_files(tmp_path: Path) -> None:
    good = fill(tmp_path / "good.xlsx", small())
    data = good.read_bytes()
    truncated = tmp_path / "t.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    assert _refusal(truncated) == "isian.xlsx: " + XLSX_DAMAGED.text(detail="struktur ZIP-nya rusak atau terpotong")
    broken = bytearray(data)
    start = data.index(b"xl/worksheets/sheet3.xml") + len("xl/worksheets/sheet3.xml") + 40  # inside its compressed data
    broken[start : start + 200] = bytes(200)
    damaged = tmp_path / "d.xlsx"
    damaged.write_bytes(bytes(broken))
    with pytest.raises(WorkbookError) as caught:
        read_submission(damaged, small())
    assert str(caught.value) == f"{damaged}: " + XLSX_DAMAGED.text(detail="data terkompresinya rusak")


def test_doctype_and_entities_are_refused(tmp_path: Path) -> None:
    bomb = f'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><worksheet xmlns="{MAIN}"><sheetData/></worksheet>'
    path = write(tmp_path / "bomb.xlsx", package(bomb))
    assert _refusal(path) == "isian.xlsx: " + XLSX_DOCTYPE.text(part="xl/worksheets/sheet1.xml")
    external = f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><worksheet xmlns="{MAIN}"/>'.encode("utf-16")
    parts = package("")
    parts["xl/worksheets/sheet1.xml"] = external
    assert _refusal(write(tmp_path / "ext.xlsx", parts)) == "isian.xlsx: " + XLSX_DOCTYPE.text(part="xl/worksheets/sheet1.xml")


def test_a_structural_part_kept_from_an_earlier_file_is_not_taken_for_a_changed_one(tmp_path: Path) -> None:
    """The relationships and workbook parts parsed once per batch are kept by their bytes: any change is parsed again."""
    parts = package(f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>')
    with open_xlsx(write(tmp_path / "a.xlsx", parts)) as book:
        assert book.sheet_names == ("Data", "Rahasia")
    renamed = dict(parts, **{"xl/workbook.xml": parts["xl/workbook.xml"].replace(b'name="Data"', b'name="Jawaban"')})
    with open_xlsx(write(tmp_path / "b.xlsx", renamed)) as book:
        assert book.sheet_names == ("Jawaban", "Rahasia")
    hostile = dict(parts, **{"xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "x">]>' + parts["xl/_rels/workbook.xml.rels"].split(b"?>", 1)[1]})
    assert _refusal(write(tmp_path / "c.xlsx", hostile)) == "isian.xlsx: " + XLSX_DOCTYPE.text(part="xl/_rels/workbook.xml.rels")


def test_malformed_xml(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.xlsx", package(f'<worksheet xmlns="{MAIN}"><sheetData><row>'))
    assert _refusal(path) == "isian.xlsx: " + XLSX_BAD_XML.text(part="xl/worksheets/sheet1.xml", detail="baris 1, kolom 94")


def _padded(size: int) -> str:
    return f'<worksheet xmlns="{MAIN}"><sheetData/>' + " " * size + "</worksheet>"


def test_size_limits_are_checked_before_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_PART_BYTES", 2 * 1024 * 1024)
    big = write(tmp_path / "big.xlsx", package(_padded(3 * 1024 * 1024)))
    assert _refusal(big) == "isian.xlsx: " + XLSX_PART_TOO_LARGE.text(part="xl/worksheets/sheet1.xml", limit_mb=2)
    bomb = write(tmp_path / "ratio.xlsx", package(_padded(1536 * 1024)))  # spaces compress ~1000:1
    assert _refusal(bomb) == "isian.xlsx: " + XLSX_RATIO.text(part="xl/worksheets/sheet1.xml", ratio=200)
    monkeypatch.setattr(xlsx, "MAX_TOTAL_BYTES", 1024 * 1024)
    monkeypatch.setattr(xlsx, "RATIO_CHECK_FROM", 10 * 1024 * 1024)
    strings = f'<sst xmlns="{MAIN}">' + " " * (700 * 1024) + "</sst>"
    total = write(tmp_path / "total.xlsx", package(_padded(700 * 1024), strings))
    assert _refusal(total) == "isian.xlsx: " + XLSX_TOTAL_TOO_LARGE.text(limit_mb=1)


def test_too_many_cells_or_cells_beyond_the_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    far = write(tmp_path / "far.xlsx", package(f'<worksheet xmlns="{MAIN}"><sheetData><row r="200000"><c r="A200000"><v>1</v></c></row></sheetData></worksheet>'))
    assert _refusal(far) == "isian.xlsx, Data!A200000: " + XLSX_CELL_OUT_OF_BOUNDS.text(max_row=xlsx.MAX_ROW, max_column="ALL")
    monkeypatch.setattr(xlsx, "MAX_CELLS", 3)
    cells = "".join(f'<c r="A{i}"><v>{i}</v></c>' for i in range(1, 6))
    many = write(tmp_path / "many.xlsx", package(f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'))
    assert _refusal(many) == "isian.xlsx, Data: " + XLSX_TOO_MANY_CELLS.text(limit=3)
    monkeypatch.setattr(xlsx, "MAX_ENTRIES", 3)
    assert _refusal(many) == "isian.xlsx: " + XLSX_TOO_MANY_PARTS.text(limit=3)


@pytest.mark.parametrize(
    ("stored", "text"),
    [
        ("Baris satu_x000D_\nBaris dua", "Baris satu\r\nBaris dua"),  # Excel's carriage return
        ("_x005F_x0041_ tetap", "_x0041_ tetap"),  # a literal '_x0041_' as Excel escapes it
        ("PPID_x0009_Utama", "PPID\tUtama"),
        ("nama_x_biasa", "nama_x_biasa"),  # not an escape: left alone
        ("caf_x00e9_", "café"),  # hex digits in either case
    ],
)
def test_ooxml_escapes_in_strings_are_undone(tmp_path: Path, stored: str, text: str) -> None:
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>{stored}</t></is></c></row></sheetData></worksheet>'
    strings = f'<sst xmlns="{MAIN}"><si><r><t>{stored}</t></r></si></sst>'
    with open_xlsx(write(tmp_path / "x.xlsx", package(sheet, strings))) as book:
        assert _values(book.sheet("Data")) == {"A1": text, "B1": text}
