"""Bad and hostile filled workbooks (issue 7): each file, built in code, with its exact outcome.

Cases already covered elsewhere are not repeated here: plain text, an OLE2 file with the encryption
stream in its first bytes, .ods, a zip without a workbook, a half file, a damaged DEFLATE stream, a
DOCTYPE in a sheet (UTF-8 and UTF-16 with BOM), limits with lowered constants (test_workbook_xlsx.py);
formulas without a cached value, renamed sheets, another questionnaire or version (test_workbook_reader.py).

Cells of the small questionnaire's template: Kuesioner rows 6–8 are AA.1.1–AA.1.3, row 10 the checklist
BB.1.1 with items in rows 11–13, rows 14–16 BB.1.2–BB.2.2; column E Pertanyaan, F Jawaban, I Verifikasi.
"""

from __future__ import annotations

import re
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest
from conftest import FULL_ANSWERS, small
from workbook_helpers import fill

from kipmonev import WorkbookError
from kipmonev.sources import problems_readers as px
from kipmonev.sources.problems import (
    MERGED_ANSWER_CELL,
    XLSX_CELL_OUT_OF_BOUNDS,
    XLSX_DAMAGED,
    XLSX_DOCTYPE,
    XLSX_ENCRYPTED,
    XLSX_MACROS,
    XLSX_NOT_ZIP,
    XLSX_PART_TOO_LARGE,
    XLSX_RATIO,
    XLSX_SHEET_PART_MISSING,
)
from kipmonev.sources.reader import read_workbook
from kipmonev.sources.xlsx import MAX_PART_BYTES, MAX_RATIO

Q = small()
SOURCE = "isian.xlsx"
SHEET = "xl/worksheets/sheet3.xml"  # Kuesioner; checked by test_the_corpus_targets_the_right_parts


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # messages name the file as given: "isian.xlsx"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fill(tmp_path_factory.mktemp("good") / "baik.xlsx", Q, FULL_ANSWERS)


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, Q)
    return [str(p) for p in caught.value.problems]


def test_the_corpus_targets_the_right_parts(good: Path) -> None:
    assert hf.sheet_part(good, "Kuesioner") == SHEET


# --- files that are not readable workbooks: refused, one message each ------------------------------

Builder = Callable[[Path, Path], Path]
OUT = Path(SOURCE)


def _empty(good: Path, out: Path) -> Path:
    out.write_bytes(b"")
    return out


def _cut_end(good: Path, out: Path) -> Path:
    out.write_bytes(good.read_bytes()[:-30])  # a download cut short: the end of the central directory is gone
    return out


def _doctype(part: str) -> Builder:
    return lambda good, out: hf.rezip(good, out, {part: hf.with_doctype})


def _doctype_in_shared_strings(good: Path, out: Path) -> Path:
    strings = f'<?xml version="1.0"?><sst xmlns="{hf.MAIN}"><si><t>Kuesioner uji</t></si></sst>'.encode()
    return hf.with_shared_strings(good, out, hf.with_doctype(strings), SHEET)


def _utf16_be_doctype(good: Path, out: Path) -> Path:
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>' f'<worksheet xmlns="{hf.MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>'
    return hf.rezip(good, out, {SHEET: text.encode("utf-16-be")})  # no BOM: the byte order is guessed from "\0<"


def _far_cell(good: Path, out: Path) -> Path:
    row = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return hf.rezip(good, out, {SHEET: hf.before_end_of("sheetData", row)})


def _zip_version(good: Path, out: Path) -> Path:
    data = bytearray(good.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (84).to_bytes(2, "little")  # "needs zip 8.4 to extract": a flipped byte
    out.write_bytes(bytes(data))
    return out


def _no_sheet_relationship(good: Path, out: Path) -> Path:
    def drop(rels: bytes) -> bytes:  # Metadata is the last sheet: its relationship points at the last worksheet part
        last = max(re.findall(rb"worksheets/sheet(\d+)\.xml", rels), key=int).decode()
        return re.sub(rf'<Relationship [^>]*Target="[^"]*worksheets/sheet{last}\.xml"[^>]*/>'.encode(), b"", rels)

    return hf.rezip(good, out, {"xl/_rels/workbook.xml.rels": drop})


REFUSED: list[tuple[str, Builder, str]] = [
    ("empty file", _empty, "isian.xlsx: " + XLSX_NOT_ZIP.text()),
    ("end cut off", _cut_end, "isian.xlsx: " + XLSX_DAMAGED.text(detail="struktur ZIP-nya rusak atau terpotong")),
    ("an .xls container without sheets", lambda good, out: hf.legacy_by_hand(out), "isian.xlsx: " + px.DAMAGED.text(kind=".xls", detail=px.NO_SHEETS.text())),
    ("encrypted, directory after 1 MB", lambda good, out: hf.encrypted_workbook(out), "isian.xlsx: " + XLSX_ENCRYPTED.text()),
    ("Word document renamed", lambda good, out: hf.word_document(out), "isian.xlsx: " + XLSX_NOT_ZIP.text()),
    ("zip bomb, 1 GiB sheet", lambda good, out: hf.zip_bomb(good, out, SHEET), f"isian.xlsx: {XLSX_PART_TOO_LARGE.text(part=SHEET, limit_mb=MAX_PART_BYTES // 2**20)}"),
    ("zip bomb, 16 MiB sheet", lambda good, out: hf.zip_bomb(good, out, SHEET, 16 * hf.MIB), f"isian.xlsx: {XLSX_RATIO.text(part=SHEET, ratio=MAX_RATIO)}"),
    ("size in the directory is a lie", lambda good, out: hf.lying_size(good, out, SHEET), "isian.xlsx: " + XLSX_DAMAGED.text(detail="struktur ZIP-nya rusak atau terpotong")),
    ("entities in workbook.xml", _doctype("xl/workbook.xml"), "isian.xlsx: " + XLSX_DOCTYPE.text(part="xl/workbook.xml")),
    ("entities in sharedStrings.xml", _doctype_in_shared_strings, "isian.xlsx: " + XLSX_DOCTYPE.text(part="xl/sharedStrings.xml")),
    ("entities in a sheet", _doctype(SHEET), "isian.xlsx: " + XLSX_DOCTYPE.text(part=SHEET)),
    ("entities in UTF-16BE without BOM", _utf16_be_doctype, "isian.xlsx: " + XLSX_DOCTYPE.text(part=SHEET)),
    ("zip version field damaged", _zip_version, "isian.xlsx: " + XLSX_DAMAGED.text(detail="struktur ZIP-nya rusak atau terpotong")),
    ("a sheet without its relationship", _no_sheet_relationship, "isian.xlsx, Metadata: " + XLSX_SHEET_PART_MISSING.text()),
    ("text in XFD1048576", _far_cell, "isian.xlsx, Kuesioner!XFD1048576: " + XLSX_CELL_OUT_OF_BOUNDS.text(max_row=100_000, max_column="ALL")),
]


@pytest.mark.parametrize(("build", "expected"), [(b, e) for _, b, e in REFUSED], ids=[c for c, _, _ in REFUSED])
def test_unreadable_files_are_refused_with_one_clear_message(good: Path, build: Builder, expected: str) -> None:
    assert _errors(build(good, OUT)) == [expected]


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = hf.zip_bomb(good, OUT, SHEET)
    assert bomb.stat().st_size < 2 * hf.MIB
    with zipfile.ZipFile(bomb) as z:
        info = z.getinfo(SHEET)
        assert info.file_size == hf.GIB and info.file_size > 1000 * info.compress_size
        with z.open(info) as handle:  # it is a real bomb: the first 30 MB inflate, and so would the rest
            assert len(handle.read(30 * hf.MIB)) == 30 * hf.MIB
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    tracemalloc.start()
    try:
        _errors(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert SHEET not in opened and opened  # the workbook part was read, the bomb never opened
    assert peak < 2 * hf.MIB


def test_the_lying_bomb_stops_at_the_declared_size(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    decompressed: list[int] = []
    real = zlib.decompressobj

    class Counting:
        def __init__(self, *args: Any) -> None:
            self._d = real(*args)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._d.decompress(data, max_length)
            decompressed.append(len(out))
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self._d, name)

    path = hf.lying_size(good, OUT, SHEET)
    monkeypatch.setattr(zlib, "decompressobj", Counting)
    _errors(path)
    assert sum(decompressed) < 64 * 1024  # 30 MiB in the stream, 31 KiB declared: inflated no further


@pytest.mark.slow
def test_a_real_xls_saved_by_libreoffice_and_renamed_xlsx_is_read_as_an_xls(good: Path, tmp_path: Path) -> None:
    xls = hf.libreoffice_convert(good, tmp_path / "lo", "xls")
    renamed = Path(SOURCE)
    renamed.write_bytes(xls.read_bytes())
    assert _answers(renamed) == _answers(good)


# --- odd but honest workbooks: read, with a warning or a located error ----------------------------


def _answers(path: Path) -> dict[str, object]:
    return {code: (a.value, a.not_applicable) for code, a in read_workbook(path, Q).submission.answers.items()}


def test_macros_are_never_run_and_the_values_are_read_with_a_warning(good: Path) -> None:
    for name in ("isian.xlsm", SOURCE):  # by extension or not, the same outcome
        path = hf.with_macros(good, Path(name))
        filled = read_workbook(path, Q)
        assert [str(w) for w in filled.warnings] == [f"{name}: {XLSX_MACROS.text()}"]
        assert _answers(path) == _answers(good)


def test_a_macro_sheet_counts_as_macros(good: Path) -> None:
    path = hf.rezip(good, OUT, {})
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/macrosheets/sheet1.xml", f'<xm:macrosheet xmlns:xm="{hf.MAIN}"/>')
    assert [w.code for w in read_workbook(path, Q).warnings] == ["KM-W-057"]


def test_shared_strings_without_entities_are_read(good: Path) -> None:
    strings = f'<?xml version="1.0"?><sst xmlns="{hf.MAIN}"><si><t>Kuesioner uji</t></si></sst>'.encode()
    assert _answers(hf.with_shared_strings(good, OUT, strings, SHEET)) == _answers(good)


def test_a_formula_in_an_answer_cell_is_read_by_its_cached_value(good: Path) -> None:
    path = hf.rezip(good, OUT, {SHEET: hf.set_cell("F7", '<c r="F7" t="str"><f>IF(F6="Ya","Lengkap","Sebagian")</f><v>Lengkap</v></c>')})
    assert _answers(path) == _answers(good)


def _merged(good: Path, span: str) -> Path:
    """The workbook with one merged range on the Kuesioner sheet, where Excel writes it (after the protection)."""

    def change(data: bytes) -> bytes:
        sheet = data.decode()
        at = sheet.index("</sheetData>") + len("</sheetData>")
        if "<sheetProtection" in sheet:
            at = sheet.index("/>", sheet.index("<sheetProtection")) + 2
        return (sheet[:at] + f'<mergeCells count="1"><mergeCell ref="{span}"/></mergeCells>' + sheet[at:]).encode()

    return hf.rezip(good, OUT, {SHEET: change})


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("F6:F7", ["isian.xlsx, Kuesioner!F7: " + MERGED_ANSWER_CELL.text(span="F6:F7")]),
        ("E6:F6", ["isian.xlsx, Kuesioner!F6: " + MERGED_ANSWER_CELL.text(span="E6:F6")]),
        ("F11:I13", [f"isian.xlsx, Kuesioner!{c}: " + MERGED_ANSWER_CELL.text(span="F11:I13") for c in ("I11", "F12", "I12", "F13", "I13")]),
    ],
    ids=["down-the-answers", "question-over-answer", "checklist-block"],
)
def test_an_answer_cell_under_a_merged_range_is_an_error_at_that_cell(good: Path, span: str, expected: list[str]) -> None:
    assert _errors(_merged(good, span)) == expected


def test_a_merge_anchored_on_the_answer_keeps_that_answer(good: Path) -> None:
    assert _answers(_merged(good, "F6:G6")) == _answers(good)


# --- very large sheets: within the caps they are read, beyond them refused ------------------------


def test_100000_empty_styled_rows_after_the_table_are_ignored(good: Path) -> None:
    path = hf.rezip(good, OUT, {SHEET: hf.before_end_of("sheetData", hf.empty_rows(100_000, 1000))})
    assert len(hf.parts_of(path)[SHEET]) > 3_000_000
    assert _answers(path) == _answers(good)
    assert read_workbook(path, Q).warnings == ()


def test_100000_rows_of_text_far_below_the_table_are_read_within_the_caps(good: Path) -> None:
    rows = "".join(f'<row r="{r}"><c r="H{r}" t="inlineStr"><is><t>catatan {r}</t></is></c></row>' for r in range(1000, 100_001))
    path = hf.rezip(good, OUT, {SHEET: hf.before_end_of("sheetData", rows)})
    assert _answers(path) == _answers(good)


def test_the_last_cell_inside_the_bounds_is_read_and_the_next_is_refused(good: Path) -> None:
    edge = '<row r="100000"><c r="ALL100000" t="inlineStr"><is><t>x</t></is></c></row>'
    assert _answers(hf.rezip(good, OUT, {SHEET: hf.before_end_of("sheetData", edge)})) == _answers(good)
    beyond = '<row r="100000"><c r="ALM100000" t="inlineStr"><is><t>x</t></is></c></row>'
    assert _errors(hf.rezip(good, OUT, {SHEET: hf.before_end_of("sheetData", beyond)})) == ["isian.xlsx, Kuesioner!ALM100000: " + XLSX_CELL_OUT_OF_BOUNDS.text(max_row=100_000, max_column="ALL")]
