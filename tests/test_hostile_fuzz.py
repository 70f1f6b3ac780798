"""Fuzzing the readers of outside files (issue 7): the outcome is a result or a KipmonevError, never another exception.

The questionnaire loader's YAML fuzzing is in test_fuzz_loader.py; answer-cell values in
test_workbook_reader.py. Here: values of every type anywhere in a real template, and byte-level damage
to a valid workbook (truncation, flipped bytes in the zip, flipped bytes inside its XML parts), for the
filled-workbook reader and for the authoring-workbook import. Each test has a fixed budget; CI runs the
same examples every time (the ``ci`` profile in conftest.py).
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path

import hostile_files as hf
import pytest
from authoring_book import base, write_book
from conftest import FULL_ANSWERS, small
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from workbook_helpers import fill

from kipmonev import KipmonevError, score
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.sources.questionnaire_xlsx import import_questionnaire
from kipmonev.sources.reader import read_workbook

Q = small()
BUDGET = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

VALUES = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(["Ya", "Tidak Berlaku", "AA.1.1", "BB.1.1.a", "Kode", "Jawaban", "kuesioner_id", "uji-kecil", "2025081501", "=1/0", "=A1", "#REF!", "https://a.go.id/x", "Nama Badan Publik"]),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)
SHEETS = ["Identitas", "Kuesioner", "Tahap", "Metadata", "Petunjuk"]
CELLS = st.tuples(st.sampled_from(SHEETS), st.integers(1, 40), st.integers(1, 14))


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fill(tmp_path_factory.mktemp("fuzz") / "baik.xlsx", Q, FULL_ANSWERS)


def _outcome(path: Path, q: Questionnaire | None = Q) -> None:
    try:
        filled = read_workbook(path, q)
    except KipmonevError as e:
        assert e.problems and all(p.location.source == str(path) for p in e.problems)
        return
    score(filled.questionnaire, filled.submission)  # what reads must score


@BUDGET
@given(cells=st.dictionaries(CELLS, VALUES, max_size=10))
def test_anything_anywhere_in_the_template(good: Path, tmp_path: Path, cells: dict[tuple[str, int, int], object]) -> None:
    wb = load_workbook(good)
    for (sheet, row, col), value in cells.items():
        cell = wb[sheet].cell(row=row, column=col)
        if not isinstance(cell, MergedCell):  # the hidden part of a merged title
            cell.value = value  # type: ignore[assignment]
    path = tmp_path / "acak.xlsx"
    wb.save(path)
    _outcome(path)


@BUDGET
@given(cut=st.integers(min_value=0, max_value=100_000))
def test_truncated_anywhere(good: Path, tmp_path: Path, cut: int) -> None:
    data = good.read_bytes()
    path = tmp_path / "potong.xlsx"
    path.write_bytes(data[: cut % len(data)])
    _outcome(path)


@BUDGET
@given(flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(1, 255)), min_size=1, max_size=8))
def test_flipped_bytes_in_the_zip(good: Path, tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray(good.read_bytes())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    path = tmp_path / "balik.xlsx"
    path.write_bytes(bytes(data))
    _outcome(path)
    _outcome(path, None)


PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/styles.xml"]


@BUDGET
@given(part=st.sampled_from(PARTS), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.sampled_from(b'<>"/=&:!?x0 \x00\xff')), min_size=1, max_size=6), cut=st.none() | st.integers(0, 10**6))
def test_damaged_xml_inside_a_valid_zip(good: Path, tmp_path: Path, part: str, flips: list[tuple[int, int]], cut: int | None) -> None:
    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        for offset, byte in flips:
            out[offset % len(out)] = byte
        return bytes(out[: cut % len(out)] if cut is not None else out)

    path = hf.rezip(good, tmp_path / "xml.xlsx", {part: damage})
    _outcome(path)


# --- the authoring import (openpyxl, behind the same screen) ----------------------------------------


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_book(tmp_path_factory.mktemp("fuzz") / "kuesioner.xlsx", base())


def _imported(path: Path) -> None:
    try:
        import_questionnaire(path)
    except KipmonevError as e:
        assert e.problems


@BUDGET
@given(cut=st.integers(min_value=0, max_value=100_000), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(1, 255)), max_size=6))
def test_damaged_authoring_workbook(book: Path, tmp_path: Path, cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(book.read_bytes())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(bytes(data[: max(cut % (len(data) + 1), 1)]) if not flips else bytes(data))
    _imported(path)


@BUDGET
@given(part=st.sampled_from(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml", "[Content_Types].xml", "xl/sharedStrings.xml"]), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.sampled_from(b'<>"/=&:!?x0 ')), min_size=1, max_size=6))
def test_damaged_xml_in_an_authoring_workbook(book: Path, tmp_path: Path, part: str, flips: list[tuple[int, int]]) -> None:
    with zipfile.ZipFile(book) as z:
        if part not in z.namelist():
            return

    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        for offset, byte in flips:
            out[offset % len(out)] = byte
        return bytes(out)

    _imported(hf.rezip(book, tmp_path / "xml.xlsx", {part: damage}))


def test_openpyxl_warnings_do_not_reach_the_user(book: Path, tmp_path: Path) -> None:
    # A <sheet> without a relationship (older files have them): openpyxl drops it with an English warning.
    def ghost(data: bytes) -> bytes:
        return data.replace(b"</sheets>", b'<sheet name="Hantu" sheetId="99"/></sheets>', 1)

    damaged = hf.rezip(book, tmp_path / "hantu.xlsx", {"xl/workbook.xml": ghost})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert import_questionnaire(damaged) == import_questionnaire(book)
    assert [str(w.message) for w in caught] == []
