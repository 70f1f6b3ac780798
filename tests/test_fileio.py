"""Writing outputs: atomic, never over an input, with the mode any saved file gets, reproducible workbooks."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from kipmonev.core.fileio import Protected, safe_filename, workbook_bytes, write_atomic, write_atomic_with


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_get_the_mode_the_umask_gives_any_saved_file(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    target = tmp_path / "rekap.json"
    write_atomic(target, "{}")
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "rekap.json"
    target.write_text("lama", encoding="utf-8")

    def broken(tmp: Path) -> None:
        tmp.write_text("setengah", encoding="utf-8")
        raise OSError("disk penuh")

    with pytest.raises(OSError, match="disk penuh"):
        write_atomic_with(target, broken)
    assert target.read_text(encoding="utf-8") == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekap.json"]


def test_an_input_is_never_replaced_also_through_a_link_or_dot_dot(tmp_path: Path) -> None:
    source = tmp_path / "masuk" / "isian.xlsx"
    source.parent.mkdir()
    source.write_bytes(b"isian")
    (tmp_path / "tautan.xlsx").symlink_to(source)
    guard = Protected([source])
    for target in (source, tmp_path / "tautan.xlsx", tmp_path / "masuk" / ".." / "masuk" / "isian.xlsx"):
        with pytest.raises(ValueError, match="refusing to write over an input file"):
            write_atomic(target, b"keluaran", protect=guard)
    assert source.read_bytes() == b"isian"
    write_atomic(tmp_path / "masuk" / "lain.xlsx", b"keluaran", protect=guard)  # a new name is fine


def test_a_missing_folder_is_made(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a" / "b" / "c.json", "{}")
    assert (tmp_path / "a" / "b" / "c.json").read_text(encoding="utf-8") == "{}"


def test_the_same_workbook_always_gives_the_same_bytes() -> None:
    def book() -> Workbook:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(["Badan publik", 89.5])
        return wb

    first = workbook_bytes(book())
    assert workbook_bytes(book()) == first
    assert first.startswith(b"PK")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BP-01 Kementerian Urusan Contoh", "BP-01-Kementerian-Urusan-Contoh"),
        ("../../etc/passwd", "etc-passwd"),
        ("=1+1", "1-1"),
        ("CON", "tanpa-nama-CON"),
        ("\u202eBadan\u200b Uji", "Badan-Uji"),
        ("...", "tanpa-nama"),
        ("Ж" * 200, "Ж" * 80),
    ],
)
def test_safe_filename(text: str, expected: str) -> None:
    assert safe_filename(text) == expected
