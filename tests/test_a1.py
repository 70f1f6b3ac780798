"""formats/a1.py follows openpyxl.utils.cell exactly (the readers use it so they never import openpyxl)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter
from openpyxl.utils.exceptions import CellCoordinatesException

from kipmonev.formats.a1 import LAST_A1_COLUMN, cell_name, cell_position, column_index, column_letter

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "09-pt-contoh-nusantara.xlsx"


def _openpyxl_position(ref: str) -> tuple[int, int] | None:
    try:
        letters, row = coordinate_from_string(ref.strip())
        return row, column_index_from_string(letters)
    except (CellCoordinatesException, ValueError):
        return None


def test_every_column_has_openpyxls_letters_and_back() -> None:
    for index in range(1, LAST_A1_COLUMN + 1):
        letters = column_letter(index)
        assert letters == get_column_letter(index), index
        assert column_index(letters) == index and column_index(letters.lower()) == index


@pytest.mark.parametrize("index", [0, -1, LAST_A1_COLUMN + 1])
def test_a_column_outside_a_to_zzz_has_no_letters(index: int) -> None:
    with pytest.raises(ValueError):
        get_column_letter(index)
    with pytest.raises(ValueError):
        column_letter(index)


@pytest.mark.parametrize("letters", ["", "AAAA", "A1", "Ä", "é", " A"])
def test_what_is_not_a_column_name_is_refused(letters: str) -> None:
    with pytest.raises(ValueError):
        column_index(letters)


@pytest.mark.parametrize(
    ("ref", "position"),
    [("F23", (23, 6)), ("$F$23", (23, 6)), ("f23", (23, 6)), (" F23 ", (23, 6)), ("ZZZ1", (1, 18_278)), ("F0", None), ("AAAA1", None), ("F", None), ("23", None), ("F-1", None), ("F23:G24", None), ("", None)],
)
def test_cell_positions(ref: str, position: tuple[int, int] | None) -> None:
    assert cell_position(ref) == position == _openpyxl_position(ref)


@given(st.text(alphabet=st.sampled_from("AZaz$0129 :٣-"), max_size=8) | st.text(max_size=8))
def test_cell_position_agrees_with_openpyxl_on_any_text(ref: str) -> None:
    assert cell_position(ref) == _openpyxl_position(ref)


def test_cell_names_past_zzz_are_r1c1() -> None:
    assert (cell_name(5, 6), cell_name(5, LAST_A1_COLUMN), cell_name(5, LAST_A1_COLUMN + 1)) == ("F5", "ZZZ5", "R5C18279")


def test_checking_a_workbook_never_imports_openpyxl_or_the_reports() -> None:
    # kipmonev check of one workbook pays its start-up in full; openpyxl is a third of it (benchmarks/RESULTS.md),
    # the report package (jinja2, the views) another tenth
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['kipmonev', 'check', {str(EXAMPLE)!r}]\n"
        "try:\n"
        "    runpy.run_module('kipmonev', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    assert e.code == 1, e.code  # the example has one warning\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'jinja2') or m.startswith('kipmonev.outputs.report')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "Nilai akhir: 84,96" in done.stdout
