"""Hostile questionnaire files (issue 7): authoring workbooks and YAML, each with its exact outcome.

Already covered elsewhere: alias bombs, unknown and local tags, unknown keys, syntax errors, circular
includes and the 2 MB limit (test_loader.py); random YAML (test_fuzz_loader.py); formula cells in an
authoring workbook (test_authoring_import.py, KM-A-013). Here: what those miss.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest
from authoring_book import base, write_book
from cli_runner import run
from test_loader import GOOD_QUESTIONS, HEAD, INDICATORS

from kipmonev import QuestionnaireError, load_questionnaire
from kipmonev.sources import book as book_module
from kipmonev.sources import xlsx
from kipmonev.sources.loader import MAX_INCLUDE_DEPTH, MAX_INCLUDED_FILES, MAX_YAML_DEPTH
from kipmonev.sources.problems import (
    FILE_TOO_LARGE,
    INCLUDE_TOO_DEEP,
    INCLUDE_TOO_MANY,
    XLSX_BAD_XML,
    XLSX_CELL_OUT_OF_BOUNDS,
    XLSX_DOCTYPE,
    XLSX_ENCRYPTED,
    XLSX_MACROS,
    XLSX_PART_TOO_LARGE,
    XLSX_TOO_MANY_CELLS,
    YAML_TOO_DEEP,
)
from kipmonev.sources.xlsx import MAX_PART_BYTES


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def book() -> Path:
    return write_book(Path("asli.xlsx"), base())


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file calamine (the compiled reader behind kipmonev's) was asked to open during the test."""
    calls: list[Path] = []
    real = book_module.open_calamine

    def spy(path: Path, *args: Any) -> Any:
        calls.append(Path(path))
        return real(path, *args)

    monkeypatch.setattr(book_module, "open_calamine", spy)
    return calls


def _far(part: str, cell: str, empty: bool) -> hf.Change:
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    xml = f'<c r="{cell}" s="0"/>' if empty else f'<c r="{cell}" t="inlineStr"><is><t>x</t></is></c>'
    return hf.before_end_of("sheetData", f'<row r="{row}">{xml}</row>')


# --- authoring workbooks: refused before calamine sees them -------------------------------------------

SCREENED: list[tuple[str, str, str]] = [
    # (case, sheet whose part is damaged, expected text after "Galat: kuesioner.xlsx")
    ("zip bomb", "Pertanyaan", ": " + XLSX_PART_TOO_LARGE.text(part="{part}", limit_mb=MAX_PART_BYTES // 2**20)),
    ("entities in a sheet", "Pertanyaan", ": " + XLSX_DOCTYPE.text(part="{part}")),
    ("entities in workbook.xml", "", ": " + XLSX_DOCTYPE.text(part="xl/workbook.xml")),
    ("encrypted", "", ": " + XLSX_ENCRYPTED.text()),
]


@pytest.mark.parametrize(("case", "sheet", "expected"), SCREENED, ids=[c for c, _, _ in SCREENED])
def test_hostile_authoring_workbooks_are_refused_before_calamine_opens_them(book: Path, opened: list[Path], case: str, sheet: str, expected: str) -> None:
    target = Path("kuesioner.xlsx")
    part = hf.sheet_part(book, sheet) if sheet else ""
    if case == "zip bomb":
        hf.zip_bomb(book, target, part)
    elif case == "entities in a sheet":
        hf.rezip(book, target, {part: hf.with_doctype})
    elif case == "entities in workbook.xml":
        hf.rezip(book, target, {"xl/workbook.xml": hf.with_doctype})
    else:
        hf.encrypted_workbook(target)
    assert run("questionnaire", "import", "kuesioner.xlsx") == (1, "", "Galat: kuesioner.xlsx" + expected.format(part=part) + "\n")
    assert opened == []


def test_entities_are_refused_whether_or_not_defusedxml_is_installed(book: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl.xml

    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)  # as in a fresh install: defusedxml is no dependency
    strings = "xl/sharedStrings.xml"
    sst = f'<?xml version="1.0"?><sst xmlns="{hf.MAIN}"><si><t>kunci</t></si></sst>'.encode()
    hf.with_shared_strings(book, Path("kuesioner.xlsx"), hf.with_doctype(sst), hf.sheet_part(book, "Pengaturan"))
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("kuesioner.xlsx")  # wherever a questionnaire is accepted
    assert str(caught.value) == "kuesioner.xlsx: " + XLSX_DOCTYPE.text(part=strings)
    assert opened == []


def test_a_cell_at_xfd1048576_is_refused_before_the_sheet_is_walked(book: Path) -> None:
    hf.rezip(book, Path("kuesioner.xlsx"), {hf.sheet_part(book, "Pertanyaan"): _far("", "XFD1048576", empty=False)})
    assert run("questionnaire", "import", "kuesioner.xlsx") == (1, "", "Galat: kuesioner.xlsx, Pertanyaan!XFD1048576: " + XLSX_CELL_OUT_OF_BOUNDS.text(max_row=100_000, max_column="ALL") + "\n")


def test_a_styled_empty_cell_at_xfd1048576_is_ignored_as_in_filled_workbooks(book: Path) -> None:
    hf.rezip(book, Path("kuesioner.xlsx"), {hf.sheet_part(book, "Pertanyaan"): _far("", "XFD1048576", empty=True)})
    code, out, _ = run("questionnaire", "import", "kuesioner.xlsx")
    assert (code, out.splitlines()[1:]) == (0, run("questionnaire", "import", str(book))[1].splitlines()[1:])


def test_too_many_cells_counts_empty_styled_ones(book: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_CELLS", 40)  # the Pertanyaan sheet has 36 cells with values…
    part = hf.sheet_part(book, "Pertanyaan")
    hf.rezip(book, book, {part: hf.before_end_of("sheetData", hf.empty_rows(5, 10))})  # …and 5 styled empty ones
    assert run("questionnaire", "import", str(book)) == (1, "", "Galat: asli.xlsx, Pertanyaan: " + XLSX_TOO_MANY_CELLS.text(limit=40) + "\n")
    assert opened == []


def test_damaged_xml_is_reported_with_its_part_as_in_filled_workbooks(book: Path) -> None:
    part = hf.sheet_part(book, "Indikator")
    hf.rezip(book, Path("kuesioner.xlsx"), {part: lambda data: b">" + data[1:]})
    assert run("questionnaire", "import", "kuesioner.xlsx") == (1, "", "Galat: kuesioner.xlsx: " + XLSX_BAD_XML.text(part=part, detail="baris 1, kolom 1") + "\n")


def test_macros_are_ignored_with_a_warning(book: Path) -> None:
    hf.with_macros(book, Path("kuesioner.xlsm"))
    code, out, err = run("questionnaire", "import", "kuesioner.xlsm")
    assert code == 0 and out.startswith("# Diimpor dari kuesioner.xlsm")
    assert err == f"Peringatan: kuesioner.xlsm: {XLSX_MACROS.text()}\n"


# --- YAML: what test_loader.py does not cover ----------------------------------------------------------


def _load_errors(path: str) -> list[str]:
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "text",
    ["id: " + "[" * 50_000 + "]" * 50_000 + "\n", "id: " + "{a: " * 20_000 + "x" + "}" * 20_000 + "\n", "".join("  " * i + "- a:\n" for i in range(40))],
    ids=["flow-lists", "flow-maps", "block"],
)
def test_deep_nesting_is_refused_before_it_is_composed(text: str) -> None:
    Path("dalam.yaml").write_text(text, encoding="utf-8")
    (problem,) = _load_errors("dalam.yaml")
    assert problem.startswith("dalam.yaml, baris ") and problem.endswith(": " + YAML_TOO_DEEP.text(limit=MAX_YAML_DEPTH))


def test_the_same_fragment_included_many_times_is_refused(tmp_path: Path) -> None:
    Path("_b.yaml").write_text("sertakan: [" + ", ".join(["_c.yaml"] * 40) + "]\n", encoding="utf-8")
    Path("_c.yaml").write_text(INDICATORS, encoding="utf-8")
    Path("uji.yaml").write_text(HEAD + "sertakan: [" + ", ".join(["_b.yaml"] * 40) + "]\n" + GOOD_QUESTIONS, encoding="utf-8")
    assert _load_errors("uji.yaml") == [f"_b.yaml, baris 1: {INCLUDE_TOO_MANY.text(limit=MAX_INCLUDED_FILES)}"]


def test_a_chain_of_includes_longer_than_the_limit_names_the_limit_not_a_cycle() -> None:
    names = [f"_f{i}.yaml" for i in range(MAX_INCLUDE_DEPTH)]
    for here, there in itertools.pairwise(names):
        Path(here).write_text(f"sertakan: [{there}]\n", encoding="utf-8")
    Path(names[-1]).write_text(INDICATORS, encoding="utf-8")
    Path("uji.yaml").write_text(HEAD + f"sertakan: [{names[0]}]\n" + GOOD_QUESTIONS, encoding="utf-8")
    last_allowed = names[MAX_INCLUDE_DEPTH - 2]
    assert _load_errors("uji.yaml") == [f"{last_allowed}, baris 1: {INCLUDE_TOO_DEEP.text(name=names[-1], limit=MAX_INCLUDE_DEPTH)}"]
    Path(last_allowed).write_text(INDICATORS, encoding="utf-8")  # one file shorter: loads
    assert load_questionnaire("uji.yaml").id == "uji"


def test_a_device_posing_as_a_questionnaire_is_read_no_further_than_the_limit() -> None:
    Path("nol.yaml").symlink_to("/dev/zero")
    assert _load_errors("nol.yaml") == ["nol.yaml: " + FILE_TOO_LARGE.text(limit_mb=2)]
