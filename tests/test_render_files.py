"""File names from body names, and rendering many bodies at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from render_samples import golden

from kipmonev.core.fileio import MAX_STEM
from kipmonev.engine.matching import find_previous
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.report import ReportFormat, ReportStems, render_many, report_pool
from kipmonev.outputs.report.output import safe_filename

DATE = dt.date(2025, 11, 23)


@pytest.mark.parametrize(
    ("body_id", "name", "expected"),
    [
        ("BP-1", "Badan Uji", "BP-1-Badan-Uji"),
        (None, "PT Kereta Api Indonesia (Persero)", "PT-Kereta-Api-Indonesia-Persero"),
        (None, "../../etc/passwd", "etc-passwd"),
        (None, "..", "laporan"),
        (None, "C:\\Windows\\system32", "C-Windows-system32"),
        (None, "CON", "laporan-CON"),
        (None, "nul.txt", "laporan-nul.txt"),
        (None, "Badan\x00Uji\x07\x1b[31m\r\nBaru", "Badan-Uji-31m-Baru"),
        (None, "<script>alert(1)</script>", "script-alert-1-script"),
        (None, '=HYPERLINK("http://x","y")', "HYPERLINK-http-x-y"),
        (None, "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "Kementerian-Pendayagunaan-Aparatur-Negara-dan-Reformasi-Birokrasi"),
        (None, "Ｕｎｉｖｅｒｓｉｔａｓ Gadjah Mada", "Universitas-Gadjah-Mada"),
        (None, "   ", "laporan"),
    ],
)
def test_safe_filename(body_id: str | None, name: str, expected: str) -> None:
    assert safe_filename(BodyIdentity(id=body_id, name=name)) == expected


def test_safe_filename_caps_length() -> None:
    stem = safe_filename(BodyIdentity(name="Ж" * 5000))
    assert len(stem) == MAX_STEM and set(stem) == {"Ж"}
    assert len((stem + ".xlsx").encode("utf-8")) < 255


def test_render_many_names_files_uniquely_and_keeps_going(tmp_path: Path) -> None:
    a = golden("final")
    same = a.model_copy(update={"source": None})
    guarded = a.model_copy(update={"body": BodyIdentity(id="X", name="Dijaga")})
    blocker = tmp_path / "X-Dijaga.json"
    blocker.write_text("{}", encoding="utf-8")
    summary = render_many([a, same, guarded], ["json", ReportFormat.HTML], tmp_path, report_date=DATE, protected=[blocker])
    names = [p.name for p in summary.written]
    assert names == ["BU-01-Badan-Uji-Keterbukaan.json", "BU-01-Badan-Uji-Keterbukaan.html", "BU-01-Badan-Uji-Keterbukaan-2.json", "BU-01-Badan-Uji-Keterbukaan-2.html", "X-Dijaga.html"]
    assert summary.failed == (2,)
    assert [p.code for p in summary.problems] == ["KM-RN-001"]
    assert blocker.read_text(encoding="utf-8") == "{}"


def test_render_many_in_two_processes_matches_one(tmp_path: Path) -> None:
    bodies = [golden("final").model_copy(update={"body": BodyIdentity(id=f"B{i}", name=f"Badan {i}")}) for i in range(3)]
    one = render_many(bodies, ["html"], tmp_path / "satu", report_date=DATE)
    two = render_many(bodies, ["html"], tmp_path / "dua", report_date=DATE, workers=2)
    assert [p.name for p in one.written] == [p.name for p in two.written]
    assert [p.read_bytes() for p in one.written] == [p.read_bytes() for p in two.written]


def test_find_previous_matches_by_id_then_name() -> None:
    now = golden("final")
    before = golden("previous")
    other = before.model_copy(update={"body": BodyIdentity(id="LAIN", name=now.body.name)})
    assert find_previous(now, [other, before]) is before
    assert find_previous(now, [other]) is None
    assert find_previous(now, [now]) is None  # same year is not "previous"
    no_id = now.model_copy(update={"body": BodyIdentity(name="  badan uji   keterbukaan ")})
    prev_no_id = before.model_copy(update={"body": BodyIdentity(name="Badan Uji Keterbukaan")})
    assert find_previous(no_id, [prev_no_id]) is prev_no_id


def test_file_names_stay_unique_across_chunks_and_one_pool_serves_them(tmp_path: Path) -> None:
    a = golden("final")
    stems = ReportStems()
    written: list[Path] = []
    with report_pool(["html"], 2, 3) as pool:
        for chunk in ([a], [a.model_copy(update={"source": None})], [a.model_copy(update={"source": None})]):
            written += render_many(chunk, ["html"], tmp_path, report_date=DATE, pool=pool, stems=stems).written
        assert pool._pool is not None  # still open between chunks
    assert [p.name for p in written] == ["BU-01-Badan-Uji-Keterbukaan.html", "BU-01-Badan-Uji-Keterbukaan-2.html", "BU-01-Badan-Uji-Keterbukaan-3.html"]
