"""``kipmonev score`` never leaves stale outputs (issue 20): it owns what it wrote, cleans that, refuses the rest.

Also: its earlier outputs inside an input folder are skipped with a note; the Galat sheet lists every file
that needs a look; ``validate`` given a fill-in workbook says to use ``check``; one wording for ``--force``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_runner import run
from openpyxl import load_workbook

from kipmonev.app.output_folder import MANIFEST
from kipmonev.app.problems_output import OUTPUT_FOLDER_SKIPPED, OUTPUT_FOREIGN_FILES
from kipmonev.model.recap import Recap

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: Two bodies (BUMN), and a third (a ministry).
BUMN = ("09-pt-contoh-nusantara.xlsx", "10-pt-rekaan-energi.xlsx")
MINISTRY = "01-kementerian-urusan-contoh.xlsx"


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "masuk"
    folder.mkdir()
    for name in (*BUMN, MINISTRY):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _owned(folder: Path) -> list[str]:
    return list(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"])


RECAP_FILES = ["galat.csv", "indikator.csv", "peringkat.csv", "rekap-kualifikasi.csv", "rekap.json", "rekap.xlsx"]


def test_a_second_run_removes_what_it_owns_and_did_not_write_again(inbox: Path) -> None:
    assert run("score", "masuk", "-o", "hasil", "-q", "--report", "html")[0] == 0
    first = _tree(Path("hasil"))
    assert first == sorted(
        [MANIFEST, *RECAP_FILES, "hasil/BP-01.json", "hasil/BP-09.json", "hasil/BP-10.json", "rekap.html", *(f"laporan/{p.name}" for p in Path("hasil/laporan").iterdir())]
    )
    assert _owned(Path("hasil")) == [f for f in first if f != MANIFEST]
    (inbox / MINISTRY).unlink()  # the ministry's workbook is withdrawn; this time without --report
    assert run("score", "masuk", "-o", "hasil", "-q") == (0, "", "")
    assert _tree(Path("hasil")) == sorted([MANIFEST, *RECAP_FILES, "hasil/BP-09.json", "hasil/BP-10.json"])  # no stale result, report or rekap.html
    assert _owned(Path("hasil")) == sorted([*RECAP_FILES, "hasil/BP-09.json", "hasil/BP-10.json"])


def test_a_folder_with_files_it_does_not_own_is_refused_without_force(inbox: Path) -> None:
    Path("hasil").mkdir()
    for name in ("catatan.txt", "a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf"):
        (Path("hasil") / name).write_text("milik orang lain", encoding="utf-8")
    expected = OUTPUT_FOREIGN_FILES.text(count=6, files="'a.pdf', 'b.pdf', 'c.pdf', 'catatan.txt', 'd.pdf' dan 1 lainnya")
    assert run("score", "masuk", "-o", "hasil", "-q") == (1, "", f"Galat: hasil: {expected}\n")
    assert _tree(Path("hasil")) == ["a.pdf", "b.pdf", "c.pdf", "catatan.txt", "d.pdf", "e.pdf"]  # nothing written
    assert run("score", "masuk", "-o", "hasil", "-q", "--force") == (0, "", "")
    assert "catatan.txt" in _tree(Path("hasil")) and "catatan.txt" not in _owned(Path("hasil"))  # left alone, not owned
    assert run("score", "masuk", "-o", "hasil", "-q")[0] == 1  # still not ours: refused again
    assert run("score", "masuk", "-o", "hasil", "-q", "--force")[0] == 0
    assert "catatan.txt" in _tree(Path("hasil"))  # --force never removes what is not ours


def test_a_manifest_never_lets_a_run_remove_files_outside_its_folder(inbox: Path) -> None:
    Path("hasil").mkdir()
    (Path("hasil") / MANIFEST).write_text(json.dumps({"files": ["../masuk/" + MINISTRY, "/etc/hostname"]}), encoding="utf-8")
    assert run("score", "masuk", "-o", "hasil", "-q")[0] == 0
    assert (inbox / MINISTRY).exists()


def test_its_own_outputs_inside_an_input_folder_are_skipped_with_a_note(inbox: Path) -> None:
    assert run("score", "masuk", "-o", "masuk/lama", "-q", "--report", "xlsx")[0] == 0  # an earlier run, put inside the inbox
    code, out, err = run("score", "masuk", "-o", "hasil")
    note = OUTPUT_FOLDER_SKIPPED.text(marker=MANIFEST, count=4)  # rekap.xlsx and three body reports
    assert (code, err) == (0, f"Peringatan: masuk/lama: {note}\n")
    assert "Dinilai: 3 dari 3 berkas; gagal: 0." in out
    recap = Recap.from_json(Path("hasil/rekap.json").read_bytes())
    assert [(s.file, s.code) for s in recap.skipped] == [("masuk/lama", "KM-B-031")]
    galat = [list(r) for r in load_workbook("hasil/rekap.xlsx")["Galat"].iter_rows(values_only=True)]
    assert ["masuk/lama", "dilewati", "masuk/lama", "KM-B-031", note] in galat


def test_the_galat_sheet_lists_files_scored_with_warnings(inbox: Path) -> None:
    (inbox / "rusak.xlsx").write_bytes(b"bukan buku kerja")
    assert run("score", "masuk", "-o", "hasil", "-q")[0] == 1
    recap = Recap.from_json(Path("hasil/rekap.json").read_bytes())
    galat = [list(r) for r in load_workbook("hasil/rekap.xlsx")["Galat"].iter_rows(values_only=True)]
    assert galat[0] == ["Berkas", "Keadaan", "Lokasi", "Kode", "Pesan"]
    assert [(row[0], row[1]) for row in galat[1:]] == [
        *((e.file, "tidak dinilai") for e in recap.errors),
        *((r.file, "dinilai, dengan peringatan") for r in sorted(recap.rows, key=lambda r: r.file) if r.notices),
    ]
    warned = next(r for r in recap.rows if r.file.endswith(BUMN[0]))
    first = warned.notices[0]
    assert [warned.file, "dinilai, dengan peringatan", first.where, first.code, f"{len(warned.notices)} peringatan; yang pertama: {first.message}"] in galat


def test_validate_given_a_fill_in_workbook_says_to_use_check(inbox: Path) -> None:
    path = f"masuk/{BUMN[0]}"
    assert run("validate", path) == (
        1,
        "",
        f"{path}: berkas ini adalah buku kerja isian (sheet 'Identitas' dan 'Kuesioner'), bukan kuesioner. Kuesioner ditulis sebagai YAML "
        f"atau sebagai buku kerja kuesioner (sheet 'Pengaturan', 'Pertanyaan' dan seterusnya). Periksa isian ini dengan 'kipmonev check {path}'.\n"
        "Galat: 1 dari 1 berkas bermasalah.\n",
    )


def test_every_refusal_to_overwrite_says_it_the_same_way(inbox: Path) -> None:
    Path("isian.xlsx").write_bytes(b"")
    Path("edisi.xlsx").write_bytes(b"")
    (Path("hasil") / "x").mkdir(parents=True)
    (Path("hasil") / "x" / "catatan.txt").write_text("", encoding="utf-8")
    refusals = [
        run("template", "ki-pusat-2025-bumn", "-o", "isian.xlsx")[2],
        run("questionnaire", "export", "ki-pusat-2025-bumn", "-o", "edisi.xlsx")[2],
        run("score", "masuk", "-o", "hasil", "-q")[2],
    ]
    assert refusals[:2] == [f"Galat: berkas '{name}' sudah ada. Pakai --force untuk menimpanya, atau pilih berkas lain dengan -o.\n" for name in ("isian.xlsx", "edisi.xlsx")]
    assert refusals[2].endswith(" Pakai --force untuk tetap menulis ke folder ini (berkas itu dibiarkan), atau pilih folder lain dengan -o.\n")
