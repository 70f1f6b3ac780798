"""Every format people save reads to the same Assessment (issue 19), and hostile files of the new formats are refused.

Round trips are real: a filled template is saved by LibreOffice (``soffice --headless --convert-to``) as
.ods and as Excel 97 .xls, then read and scored. LibreOffice cannot write .xlsb (it has no export filter
for it), so .xlsb files are written by ``tests/xlsb_writer.py`` from the same .xlsx.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import struct
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import hostile_files as hf
import olefile
import pytest
from cli_runner import run
from conftest import FULL_ANSWERS, small
from openpyxl import load_workbook
from workbook_helpers import fill, lo_profile, soffice
from xlsb_writer import write_xlsb

from kipmonev import Assessment, WorkbookError, load_questionnaire, score
from kipmonev.model.questionnaire import ChecklistQuestion, ChoiceQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer
from kipmonev.sources import book as book_module
from kipmonev.sources import book_base
from kipmonev.sources import problems_readers as px
from kipmonev.sources.book import open_book
from kipmonev.sources.problems import CELL_ERROR, FORMULA_WITHOUT_VALUE, XLSX_DOCTYPE, XLSX_ENCRYPTED, XLSX_NOT_ZIP, XLSX_PART_TOO_LARGE
from kipmonev.sources.reader import read_workbook
from kipmonev.sources.xlsx import Cell

Q = small()
KEMENTERIAN = load_questionnaire("ki-pusat-2025-kementerian")
LINK = "https://ppid.contoh.go.id/sk-ppid.pdf"


def _comparable(a: Assessment) -> dict[str, Any]:
    return a.model_dump(mode="json", exclude={"source", "notices"})


def _convert(files: list[Path], out_dir: Path, target: str) -> list[Path]:
    """Save workbooks through LibreOffice as ``target`` (``ods``, ``xls:MS Excel 97``), in this process's profile."""
    binary = soffice()
    assert binary is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = [binary, "--headless", "--norestore", f"-env:UserInstallation={lo_profile()}", "--convert-to", target, "--outdir", str(out_dir), *map(str, files)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    suffix = target.split(":")[0]
    outs = [out_dir / f"{f.stem}.{suffix}" for f in files]
    assert all(o.is_file() for o in outs), outs
    return outs


def _answers_for(q: Questionnaire, rng: random.Random) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for x in q.questions:
        evidence = (f"https://ppid.contoh.go.id/{x.code}.pdf",)
        if isinstance(x, YesNoQuestion):
            answers[x.code] = Answer(value=rng.choice(("Ya", "Tidak")), evidence=evidence)
        elif isinstance(x, ChoiceQuestion):
            answers[x.code] = Answer(value=rng.choice(x.options).label, evidence=evidence)
        elif isinstance(x, ChecklistQuestion):
            answers[x.code] = Answer(value=tuple(i.code for i in x.items if rng.random() < 0.6), evidence=evidence)
        elif isinstance(x, NumberQuestion):
            answers[x.code] = Answer(value=Decimal(rng.randint(0, 4000)) / 100, evidence=evidence)
    return answers


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Questionnaire, Path]]:
    folder = tmp_path_factory.mktemp("asli")
    rng = random.Random(19)
    kementerian = fill(folder / "kementerian.xlsx", KEMENTERIAN, _answers_for(KEMENTERIAN, rng), _answers_for(KEMENTERIAN, rng), {"presentasi": Decimal("81.25")})
    linked = fill(folder / "kecil.xlsx", Q, FULL_ANSWERS)
    wb = load_workbook(linked)  # evidence behind display text, as people paste links
    wb["Kuesioner"]["G6"] = "SK PPID 2025"
    wb["Kuesioner"]["G6"].hyperlink = LINK
    wb.save(linked)
    return [(KEMENTERIAN, kementerian), (Q, linked)]


@pytest.fixture(scope="module")
def saved(originals: list[tuple[Questionnaire, Path]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("lo")
    files = [p for _, p in originals]
    return {
        ".ods": _convert(files, folder / "ods", "ods"),
        ".xls": _convert(files, folder / "xls", "xls:MS Excel 97"),
        ".xlsx": _convert(files, folder / "xlsx", "xlsx"),
        ".xlsb": [write_xlsb(p, folder / f"{p.stem}.xlsb") for p in files],
    }


@pytest.mark.slow
@pytest.mark.parametrize("kind", [".ods", ".xls", ".xlsx", ".xlsb"])
def test_a_template_saved_as_each_format_gives_the_same_assessment(originals: list[tuple[Questionnaire, Path]], saved: dict[str, list[Path]], kind: str) -> None:
    for (q, original), path in zip(originals, saved[kind], strict=True):
        want = read_workbook(original, q)
        got = read_workbook(path, q)
        with open_book(path) as book:
            assert book.kind == kind
        assert _comparable(score(q, got.submission)) == _comparable(score(q, want.submission)), path.name
        assert [(w.code, w.location.sheet, w.location.cell) for w in got.warnings] == [(w.code, w.location.sheet, w.location.cell) for w in want.warnings]
        assert [(loc.cell, url) for loc, url in got.evidence_links] == [(loc.cell, url) for loc, url in want.evidence_links]


@pytest.mark.slow
@pytest.mark.parametrize("kind", [".ods", ".xls", ".xlsb"])
def test_check_and_report_take_each_format_as_they_take_xlsx(originals: list[tuple[Questionnaire, Path]], saved: dict[str, list[Path]], kind: str, tmp_path: Path) -> None:
    original, path = originals[0][1], saved[kind][0]
    checked = {p: run("check", str(p)) for p in (original, path)}
    assert checked[path][0] == checked[original][0]
    assert checked[path][1].replace(str(path), "ISIAN") == checked[original][1].replace(str(original), "ISIAN")
    results = {}
    for p in (original, path):
        code, out, err = run("report", str(p), "-o", str(tmp_path / p.suffix), "-f", "json")
        assert (code, err) == (0, ""), p
        written = Path(out.removeprefix("Ditulis: ").strip())
        results[p] = json.loads(written.read_text(encoding="utf-8"))
    assert results[path]["source"] == str(path)
    assert {k: v for k, v in results[path].items() if k not in {"source", "notices"}} == {k: v for k, v in results[original].items() if k not in {"source", "notices"}}


@pytest.mark.slow
@pytest.mark.parametrize("kind", [".ods", ".xls", ".xlsx", ".xlsb"])
def test_the_link_behind_display_text_is_read_in_each_format(saved: dict[str, list[Path]], kind: str) -> None:
    filled = read_workbook(saved[kind][1], Q)
    assert filled.submission.answers["AA.1.1"].evidence == (LINK,)


@pytest.mark.slow
def test_the_format_is_told_by_the_content_not_the_name(saved: dict[str, list[Path]], tmp_path: Path) -> None:
    for kind, files in saved.items():
        renamed = tmp_path / f"isian{kind}.xlsx"
        shutil.copy(files[1], renamed)
        with open_book(renamed) as book:
            assert book.kind == kind
        assert read_workbook(renamed, Q).submission.answers["AA.1.1"].evidence == (LINK,)


# --- what calamine does not give: percentages, error values, formulas --------------------------------


_ROW = b'<row r="5"><c r="A5" t="inlineStr"><is><t>JI.1</t></is></c><c r="B5" s="3"/>%s</row>'


@pytest.mark.parametrize(
    ("cells", "plain"),
    [
        (b"", True),
        (b'<c r="C5"><v>1</v></c><c r="Z9999" t="b"><v>1</v></c><c r="AA5" s="2"/><c r="C10000" s="2"/>', True),  # far but empty
        (b'<c r="C5" t="str"><v>t="x"</v></c><c r="D5" t="inlineStr"><is><t>&lt;fo</t></is></c>', True),  # near misses
        (b'<c r="AA5"><v>1</v></c>', False),  # content beyond column Z
        (b'<c r="C10000"><v>1</v></c>', False),  # content beyond row 9999
        (b"<c><v>1</v></c>", False),  # no reference
        (b'<c s="1" r="C5"><v>1</v></c>', False),  # the reference is not the first attribute
        (b'<c r="C5"><f>1+1</f><v>2</v></c>', False),
        (b'<c r="C5"><f t="shared" si="0"/><v>2</v></c>', False),
        (b'<c r="C5"><f/><v>2</v></c>', False),
        (b'<c r="C5" t="e"><v>#N/A</v></c>', False),
        (b"<c r='C5' t='e'><v>#N/A</v></c>", False),
    ],
)
def test_sheets_calamine_reads_exactly_are_told_in_one_scan(cells: bytes, plain: bool) -> None:
    """Which .xlsx sheet parts go to calamine (``plain``) and which to kipmonev's own parser."""
    data = b'<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (hf.MAIN.encode(), _ROW % cells)
    assert book_module._plain(data) is plain
    assert book_module._plain(b"<row>" + data) is False  # a row without its number
    assert book_module._plain(data.replace(b"<sheetData>", b"<x:sheetData>")) is False  # a namespace prefix


def test_a_grid_sheet_gives_each_cell_as_the_whole_cells_dict_does() -> None:
    """What the reader asks of a calamine sheet (a cell, a value, a row, a column) without making every cell first."""
    grid: list[list[Any]] = [["Kode", "", 3.0, True], ["", 0.1, 7, ""], ["x", "", "", dt.date(2026, 1, 2)]]
    links = {(2, 1): "https://a.example/1", (1, 1): "https://a.example/2", (5, 2): "https://a.example/3", (2, 9): "https://a.example/4"}

    def sheet() -> book_base.GridSheet:
        made = book_base.GridSheet("S", grid)
        made.links.update(links)
        return made

    lazy, whole = sheet(), sheet()
    cells = whole.cells  # every cell made at once, as the own parser gives them
    assert cells[(1, 3)] == Cell(1, 3, Decimal(3)) and cells[(5, 2)] == Cell(5, 2, None, link="https://a.example/3")
    assert lazy.area == 12 and len(cells) == 10
    for row in range(0, 7):
        assert lazy.row_cells(row, 8) == whole.row_cells(row, 8) == [c for (r, col), c in sorted(cells.items()) if r == row and col <= 8]
        for col in range(0, 11):
            assert lazy.get(row, col) == cells.get((row, col)), (row, col)
            assert lazy.value(row, col) == whole.value(row, col)
    for col in range(0, 11):
        assert list(lazy.column(col)) == list(whole.column(col)) == [c for (_, k), c in sorted(cells.items()) if k == col]
        assert list(lazy.column_values(col)) == list(whole.column_values(col)) == [(r, c.value) for (r, k), c in sorted(cells.items()) if k == col and c.value is not None]
    assert lazy.cells == cells



@pytest.fixture(scope="module")
def special(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("khusus")
    path = fill(folder / "khusus.xlsx", Q, FULL_ANSWERS)
    wb = load_workbook(path)
    ws = wb["Kuesioner"]
    ws["H6"] = 0.5
    ws["H6"].number_format = "0%"
    ws["H7"] = 0.125
    ws["H7"].number_format = "0.00%"
    ws["H8"] = 3
    ws["F7"] = "=1/0"
    wb.save(path)
    files = {".xlsx": path}
    for kind, target in ((".ods", "ods"), (".xls", "xls:MS Excel 97"), (".xlsx-lo", "xlsx")):
        files[kind] = _convert([path], folder / kind.strip("."), target)[0]
    return files


@pytest.mark.slow
@pytest.mark.parametrize("kind", [".xlsx", ".ods", ".xls", ".xlsx-lo"])
def test_percentages_are_marked_and_errors_reported_in_each_format(special: dict[str, Path], kind: str) -> None:
    path = special[kind]
    with open_book(path) as book:
        sheet = book.sheet("Kuesioner")
    assert [((r, 8) in sheet.percent, sheet.value(r, 8)) for r in (6, 7, 8)] == [(True, Decimal("0.5")), (True, Decimal("0.125")), (False, Decimal(3))]
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, Q)
    if kind == ".xlsx":  # openpyxl writes the formula without a cached value; LibreOffice computes it
        assert [str(p) for p in caught.value.problems] == [f"{path}, Kuesioner!F7: " + FORMULA_WITHOUT_VALUE.text()]
    else:
        assert [str(p) for p in caught.value.problems] == [f"{path}, Kuesioner!F7: " + CELL_ERROR.text(error="#DIV/0!")]


# --- hostile .ods --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_ods(saved: dict[str, list[Path]]) -> Path:
    return saved[".ods"][1]


def _refused(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, Q)
    return [str(p) for p in caught.value.problems]


def _ods_with(good: Path, out: Path, content: bytes | None = None, extra: dict[str, bytes] | None = None) -> Path:
    parts = hf.parts_of(good)
    if content is not None:
        parts["content.xml"] = content
    parts.update(extra or {})
    # The mimetype entry first, stored, as OpenDocument requires
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out


@pytest.mark.slow
def test_hostile_ods_files_are_refused_before_calamine_opens_them(good_ods: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real = book_module.open_calamine
    def spy(path: Path, source: str, kind: str) -> Any:
        opened.append(path.name)
        return real(path, source, kind)

    monkeypatch.setattr("kipmonev.sources.book_ods.open_calamine", spy)
    content = hf.parts_of(good_ods)["content.xml"]
    bomb_parts = hf.parts_of(good_ods)
    stream, crc, size = hf.space_run(b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">', hf.GIB, b"</office:document-content>")
    bomb = hf.write_raw_zip(tmp_path / "bom.ods", [hf.RawPart("content.xml", stream, crc, size) if n == "content.xml" else hf.deflated(n, d) for n, d in bomb_parts.items()])
    far_row = (
        b'<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
        b'<table:table-row table:number-rows-repeated="60000"><table:table-cell table:number-columns-repeated="900"/></table:table-row>'
        b'<table:table-row><table:table-cell table:number-columns-repeated="899"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
    )
    cases = {
        "bom.ods": (bomb, ["bom.ods: " + XLSX_PART_TOO_LARGE.text(part="content.xml", limit_mb=20)]),
        "entitas.ods": (_ods_with(good_ods, tmp_path / "entitas.ods", hf.with_doctype(content)), ["entitas.ods: " + XLSX_DOCTYPE.text(part="content.xml")]),
        "rusak.ods": (_ods_with(good_ods, tmp_path / "rusak.ods", content[: len(content) // 2]), [px.ODS_BAD_XML.text(part="content.xml", detail="baris 2, kolom {column}")]),
        "jauh.ods": (
            _ods_with(good_ods, tmp_path / "jauh.ods", content.replace(b"</office:spreadsheet>", b'<table:table table:name="Jauh">' + far_row + b"</table:table></office:spreadsheet>", 1)),
            ["jauh.ods, Jauh: " + px.SHEET_TOO_WIDE.text(rows=60_002, columns=900, limit=book_module.MAX_DENSE_CELLS)],
        ),
    }
    for name, (path, expected) in cases.items():
        renamed = Path(tmp_path / name)
        assert renamed == path
        got = [p.replace(str(tmp_path) + "/", "") for p in _refused(path)]
        if name == "rusak.ods":
            # where the cut falls depends on the content's length: the column is a number, the parser's English text is gone
            prefix, _, rest = expected[0].partition("{column}")
            assert re.fullmatch(re.escape("rusak.ods: " + prefix) + r"[0-9.]+" + re.escape(rest), got[0]), got
        else:
            assert got == expected, name
    assert opened == []  # calamine never opened a hostile file


@pytest.mark.slow
def test_ods_macros_are_never_run_and_reported(good_ods: Path, tmp_path: Path) -> None:
    path = _ods_with(good_ods, tmp_path / "makro.ods", extra={"Basic/Standard/Module1.xml": b'<?xml version="1.0"?><script:module xmlns:script="http://openoffice.org/2000/script">Sub Main\nEnd Sub</script:module>'})
    filled = read_workbook(path, Q)
    assert [w.code for w in filled.warnings][:1] == ["KM-W-057"]
    assert filled.submission.answers == read_workbook(good_ods, Q).submission.answers


# --- hostile .xls ------------------------------------------------------------------------------------


def _workbook_stream(xls: Path) -> bytes:
    with olefile.OleFileIO(str(xls)) as ole:
        return bytes(ole.openstream("Workbook").read())


@pytest.mark.slow
def test_a_truncated_xls_is_reported_as_damaged(saved: dict[str, list[Path]], tmp_path: Path) -> None:
    data = saved[".xls"][1].read_bytes()
    for cut in (len(data) // 2, 4096, 600):
        path = tmp_path / "terpotong.xls"
        path.write_bytes(data[:cut])
        with pytest.raises(WorkbookError) as caught:
            read_workbook(path, Q)
        assert [p.code for p in caught.value.problems] == ["KM-X-001"], cut
        assert caught.value.problems[0].message.startswith("berkas .xls rusak atau terpotong ("), cut


@pytest.mark.slow
def test_an_xls_with_an_open_password_is_refused_as_encrypted(saved: dict[str, list[Path]], tmp_path: Path) -> None:
    stream = _workbook_stream(saved[".xls"][1])
    bof_length = struct.unpack_from("<H", stream, 2)[0]
    filepass = struct.pack("<HHH", 0x002F, 6, 1) + bytes(4)  # RC4 encryption, as Excel writes for "Password to open"
    encrypted = stream[: 4 + bof_length] + filepass + stream[4 + bof_length :]
    path = hf.compound_file(tmp_path / "sandi.xls", {"Workbook": encrypted})
    assert _refused(path) == [f"{path}: " + XLSX_ENCRYPTED.text()]
    assert _refused(hf.encrypted_workbook(tmp_path / "sandi-ooxml.xls")) == [f"{tmp_path / 'sandi-ooxml.xls'}: " + XLSX_ENCRYPTED.text()]


def _biff(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


@pytest.mark.slow
def test_an_xls_with_cells_far_apart_is_refused_before_calamine_fills_them(saved: dict[str, list[Path]], tmp_path: Path) -> None:
    stream = _workbook_stream(saved[".xls"][1])
    # The first sheet's substream: add a number at IV65536 after its BOF (with A1 in use, 16.7 million cells)
    boundsheet = stream.index(struct.pack("<H", 0x0085))
    offset = struct.unpack_from("<I", stream, boundsheet + 4)[0]
    bof_length = struct.unpack_from("<H", stream, offset + 2)[0]
    number = _biff(0x0203, struct.pack("<HHHd", 65535, 255, 15, 1.0))
    at = offset + 4 + bof_length
    changed = bytearray(stream[:at] + number + stream[at:])
    # Every sheet's BOF after the insertion moved: fix the BOUNDSHEET8 offsets
    pos = 0
    while pos + 4 <= len(changed):
        kind, length = struct.unpack_from("<HH", changed, pos)
        if kind == 0x0085:
            start = struct.unpack_from("<I", changed, pos + 4)[0]
            if start > offset:
                struct.pack_into("<I", changed, pos + 4, start + len(number))
        if kind == 0x000A:
            break
        pos += 4 + length
    path = hf.compound_file(tmp_path / "jauh.xls", {"Workbook": bytes(changed)})
    assert _refused(path) == [f"{path}, Petunjuk: " + px.SHEET_TOO_WIDE.text(rows=65_536, columns=256, limit=book_module.MAX_DENSE_CELLS)]


def test_another_office_document_is_not_a_workbook(tmp_path: Path) -> None:
    path = hf.word_document(tmp_path / "surat.xls")
    assert _refused(path) == [f"{path}: " + XLSX_NOT_ZIP.text()]
