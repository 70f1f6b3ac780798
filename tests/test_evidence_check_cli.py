"""``kipmonev check --evidence``: the documents named in the evidence cells, checked in the body's folder or zip."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cli_runner import run
from evidence_files import scan_pdf, text_pdf
from round_helpers import CATEGORIES, answers

from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.loader import load_questionnaire

DOCUMENTS = {"SP.1.1": "sk-ppid.pdf", "SP.1.2": "dip-2025.pdf", "SP.1.6": "laporan.pdf", "KU.2.2": "maklumat.pdf"}
FILES = {"sk-ppid.pdf": text_pdf("Keputusan tentang PPID"), "dip-2025.pdf": b"PK\x03\x04" + b"\x00" * 100, "laporan.pdf": scan_pdf(), "catatan.pdf": text_pdf("Catatan")}
EXPECTED = [
    "Berkas bukti dukung yang bermasalah (4; 4 dokumen disebut di kolom bukti):",
    "- isian.xlsx, Kuesioner!G96: berkas bukti 'dip-2025.pdf' untuk SP.1.2 bernama .pdf tetapi isinya arsip zip, bukan PDF. Buka dokumen aslinya dan simpan atau ekspor sebagai PDF; mengganti nama berkas tidak mengubah isinya.",
    "- isian.xlsx, Kuesioner!G105: berkas bukti 'laporan.pdf' untuk SP.1.6 tidak memiliki lapisan teks (hasil pindai), sehingga isinya tidak dapat dicari. Bila ada, pakai PDF yang disimpan langsung dari dokumen aslinya, atau jalankan OCR pada hasil pindai.",
    "- isian.xlsx, Kuesioner!G128: berkas bukti 'maklumat.pdf' untuk KU.2.2 tidak ada di bukti. Letakkan berkas itu di folder bukti, atau perbaiki nama berkas di sel ini.",
    "- bukti (catatan.pdf): berkas 'catatan.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti.",
]


def _workbook(folder: Path) -> Path:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    filled = answers(q)
    for code, document in DOCUMENTS.items():
        filled[code] = filled[code].model_copy(update={"evidence": (document,)})
    body = BodyIdentity(id="KEM-01", name="Kementerian Contoh", category="Kementerian", year=2025)
    return write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=filled), folder / "isian.xlsx", body_only=True)


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_check_evidence_lists_each_bad_file_at_its_cell_and_changes_no_score(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_zip: bool) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(tmp_path)
    Path("bukti").mkdir()
    for name, data in FILES.items():
        (Path("bukti") / name).write_bytes(data)
    target = "bukti"
    if as_zip:
        with zipfile.ZipFile("bukti.zip", "w") as archive:
            for name, data in FILES.items():
                archive.writestr(name, data)
        target = "bukti.zip"
    before = {p: p.read_bytes() for p in (Path("isian.xlsx"), *Path("bukti").iterdir())}
    code, out, _ = run("check", "isian.xlsx", "--evidence", target)
    lines = out.splitlines()
    start = lines.index(EXPECTED[0])
    expected = [line.replace("- bukti (catatan.pdf)", "- bukti.zip (catatan.pdf)").replace("tidak ada di bukti.", "tidak ada di bukti.zip.") for line in EXPECTED] if as_zip else EXPECTED
    assert (code, lines[start : start + 5]) == (1, expected)
    assert lines[-1] == "Isian belum lengkap atau belum sah: 4 hal perlu diperbaiki (lihat di atas)."
    plain = run("check", "isian.xlsx")[1].splitlines()
    assert [x for x in lines if x.startswith("Nilai mandiri")] == [x for x in plain if x.startswith("Nilai mandiri")] == ["Nilai mandiri (SAQ): 100,00"]
    assert {p: p.read_bytes() for p in before} == before  # inputs only read
    data = json.loads(run("check", "isian.xlsx", "--evidence", target, "--json")[1])
    assert (data["evidence_checked"], [p["code"] for p in data["evidence_problems"]]) == (4, ["KM-E-205", "KM-E-210", "KM-E-201", "KM-E-213"])
    assert [p["cell"] for p in data["evidence_problems"]] == ["G96", "G105", "G128", None]


def test_check_evidence_all_good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(tmp_path)
    Path("bukti").mkdir()
    for document in DOCUMENTS.values():
        (Path("bukti") / document).write_bytes(text_pdf("Dokumen 2025"))
    code, out, _ = run("check", "isian.xlsx", "--evidence", "bukti")
    assert "Semua 4 dokumen bukti dukung yang disebut ada dan lolos pemeriksaan." in out.splitlines()
    assert code == 0


def test_check_evidence_folder_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(tmp_path)
    code, _, err = run("check", "isian.xlsx", "--evidence", "tidak-ada")
    assert code == 2 and "Galat: Nilai tidak sah untuk '--evidence'" in err
