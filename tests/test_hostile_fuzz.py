"""Fuzzing the readers of outside files (issue 7): the outcome is a result or a KipmonevError, never another exception.

The questionnaire loader's YAML fuzzing is in test_fuzz_loader.py; answer-cell values in
test_workbook_reader.py. Here: values of every type anywhere in a real template, and byte-level damage
to a valid workbook (truncation, flipped bytes in the zip, flipped bytes inside its XML parts), for the
filled-workbook reader and for the authoring-workbook import. Each test has a fixed budget; CI runs the
same examples every time (the ``ci`` profile in conftest.py). Each also has a positive property: with
no damage at all (an explicit ``@example``), the file must be accepted and give the original's result.
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
from hypothesis import HealthCheck, example, given, settings
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


def _result(path: Path, q: Questionnaire | None = Q) -> dict[str, object]:
    """The assessment of a workbook, without the file name it names as its source."""
    filled = read_workbook(path, q)
    return score(filled.questionnaire, filled.submission).model_dump(mode="json", exclude={"source"})


def _outcome(path: Path, q: Questionnaire | None = Q, *, intact: Path | None = None) -> None:
    """A result or a KipmonevError; with ``intact`` (the file is undamaged), the same result as that file."""
    if intact is not None:
        assert _result(path, q) == _result(intact, q)  # accepted, and nothing read differently
        return
    try:
        filled = read_workbook(path, q)
    except KipmonevError as e:
        assert e.problems and all(p.location.source == str(path) for p in e.problems)
        return
    score(filled.questionnaire, filled.submission)  # what reads must score


@BUDGET
@given(cells=st.dictionaries(CELLS, VALUES, max_size=10))
@example(cells={})  # only re-saved by openpyxl
def test_anything_anywhere_in_the_template(good: Path, tmp_path: Path, cells: dict[tuple[str, int, int], object]) -> None:
    wb = load_workbook(good)
    for (sheet, row, col), value in cells.items():
        cell = wb[sheet].cell(row=row, column=col)
        if not isinstance(cell, MergedCell):  # the hidden part of a merged title
            cell.value = value  # type: ignore[assignment]
    path = tmp_path / "acak.xlsx"
    wb.save(path)
    _outcome(path, intact=good if not cells else None)


@BUDGET
@given(cut=st.integers(min_value=0, max_value=100_000))
@example(cut=0)
def test_truncated_anywhere(good: Path, tmp_path: Path, cut: int) -> None:
    data = good.read_bytes()
    path = tmp_path / "potong.xlsx"
    kept = len(data) - cut % (len(data) + 1)  # 'cut' bytes off the end: 0 keeps the whole file
    path.write_bytes(data[:kept])
    _outcome(path, intact=good if kept == len(data) else None)


@BUDGET
@given(flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(1, 255)), min_size=1, max_size=8))
@example(flips=[])
def test_flipped_bytes_in_the_zip(good: Path, tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray(good.read_bytes())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    path = tmp_path / "balik.xlsx"
    path.write_bytes(bytes(data))
    _outcome(path, intact=good if not flips else None)
    _outcome(path, None)  # without the questionnaire ('uji-kecil' is not shipped): an error, always located


PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/styles.xml"]


@BUDGET
@given(part=st.sampled_from(PARTS), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.sampled_from(b'<>"/=&:!?x0 \x00\xff')), min_size=1, max_size=6), cut=st.none() | st.integers(0, 10**6))
@example(part="xl/worksheets/sheet2.xml", flips=[], cut=None)  # re-zipped, not damaged
def test_damaged_xml_inside_a_valid_zip(good: Path, tmp_path: Path, part: str, flips: list[tuple[int, int]], cut: int | None) -> None:
    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        for offset, byte in flips:
            out[offset % len(out)] = byte
        return bytes(out[: cut % len(out)] if cut is not None else out)

    path = hf.rezip(good, tmp_path / "xml.xlsx", {part: damage})
    _outcome(path, intact=good if not flips and cut is None else None)


# --- the authoring import (openpyxl, behind the same screen) ----------------------------------------


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_book(tmp_path_factory.mktemp("fuzz") / "kuesioner.xlsx", base())


def _imported(path: Path, *, intact: Path | None = None) -> None:
    """A questionnaire or a KipmonevError; with ``intact`` (the file is undamaged), the same questionnaire as that file."""
    if intact is not None:
        assert import_questionnaire(path) == import_questionnaire(intact)
        return
    try:
        import_questionnaire(path)
    except KipmonevError as e:
        assert e.problems


@BUDGET
@given(cut=st.integers(min_value=0, max_value=100_000), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.integers(1, 255)), max_size=6))
@example(cut=0, flips=[])
def test_damaged_authoring_workbook(book: Path, tmp_path: Path, cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(book.read_bytes())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    path = tmp_path / "rusak.xlsx"
    kept = max(len(data) - cut % (len(data) + 1), 1)  # 'cut' bytes off the end: 0 keeps the whole file
    path.write_bytes(bytes(data[:kept]) if not flips else bytes(data))
    _imported(path, intact=book if not flips and kept == len(data) else None)


@BUDGET
@given(part=st.sampled_from(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml", "[Content_Types].xml", "xl/sharedStrings.xml"]), flips=st.lists(st.tuples(st.integers(min_value=0, max_value=10**6), st.sampled_from(b'<>"/=&:!?x0 ')), min_size=1, max_size=6))
@example(part="xl/worksheets/sheet1.xml", flips=[])  # re-zipped, not damaged
def test_damaged_xml_in_an_authoring_workbook(book: Path, tmp_path: Path, part: str, flips: list[tuple[int, int]]) -> None:
    with zipfile.ZipFile(book) as z:
        if part not in z.namelist():
            return

    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        for offset, byte in flips:
            out[offset % len(out)] = byte
        return bytes(out)

    _imported(hf.rezip(book, tmp_path / "xml.xlsx", {part: damage}), intact=book if not flips else None)


def test_openpyxl_warnings_do_not_reach_the_user(book: Path, tmp_path: Path) -> None:
    # A <sheet> without a relationship (older files have them): openpyxl drops it with an English warning.
    def ghost(data: bytes) -> bytes:
        return data.replace(b"</sheets>", b'<sheet name="Hantu" sheetId="99"/></sheets>', 1)

    damaged = hf.rezip(book, tmp_path / "hantu.xlsx", {"xl/workbook.xml": ghost})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert import_questionnaire(damaged) == import_questionnaire(book)
    assert [str(w.message) for w in caught] == []
