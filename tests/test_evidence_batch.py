"""``score --evidence DIR``: each body's evidence found under DIR by its ID, checked, reported as notices.

Rule: a body's evidence is ``DIR/<ID>/`` (a folder), else ``DIR/<ID>.zip``, the ID as written in its
Identitas sheet, in any case. A body without one gets one notice; a refused zip is a notice too, and the
batch goes on. The score of every body is the one the same batch gives without ``--evidence``.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cli_runner import run
from evidence_files import scan_pdf, text_pdf
from round_helpers import CATEGORIES, answers

from kipmonev.model.result import Assessment
from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.loader import load_questionnaire

DOCUMENTS = {"SP.1.1": "sk-ppid.pdf", "SP.1.6": "laporan.pdf"}


def _workbook(folder: Path, body_id: str, name: str) -> Path:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    filled = answers(q)
    for code, document in DOCUMENTS.items():
        filled[code] = filled[code].model_copy(update={"evidence": (document,)})
    body = BodyIdentity(id=body_id or None, name=name, category="Kementerian", year=2025)
    return write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=filled), folder / f"{body_id or 'tanpa-id'}.xlsx", body_only=True)


def _results(out: Path) -> dict[str, Assessment]:
    return {p.stem: Assessment.from_json(p.read_bytes()) for p in sorted((out / "hasil").glob("*.json"))}


def test_each_body_gets_its_own_evidence_findings_and_the_same_score(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    isian = Path("isian")
    isian.mkdir()
    for body_id, name in [("KEM-01", "Kementerian Satu"), ("KEM-02", "Kementerian Dua"), ("KEM-03", "Kementerian Tiga"), ("KEM-04", "Kementerian Empat")]:
        _workbook(isian, body_id, name)
    bukti = Path("bukti")
    (bukti / "kem-01").mkdir(parents=True)  # the ID in another case
    (bukti / "kem-01" / "sk-ppid.pdf").write_bytes(text_pdf("SK PPID"))
    (bukti / "kem-01" / "laporan.pdf").write_bytes(scan_pdf())
    with zipfile.ZipFile(bukti / "KEM-02.zip", "w") as archive:
        archive.writestr("sk-ppid.pdf", text_pdf("SK PPID"))
        archive.writestr("laporan.pdf", text_pdf("Laporan"))
    with zipfile.ZipFile(bukti / "KEM-04.zip", "w") as archive:  # hostile: refused, the batch goes on
        archive.writestr("../../luar.pdf", text_pdf("Luar"))
    code, out, err = run("score", "isian", "-o", "dengan", "--evidence", "bukti")
    assert code == 0, err
    assert "Bukti dukung: 3 badan publik diperiksa di bukti, 2 temuan (peringatan di hasil masing-masing; nilai tidak berubah); 1 tanpa folder atau zip bukti." in out.splitlines()
    with_evidence = _results(Path("dengan"))
    assert run("score", "isian", "-o", "tanpa")[0] == 0
    without = _results(Path("tanpa"))
    assert {k: (a.saq_self.score, a.outcome.estimate_score) for k, a in with_evidence.items()} == {k: (a.saq_self.score, a.outcome.estimate_score) for k, a in without.items()}

    def found(body: str) -> list[str]:
        plain = {(n.code, n.where) for n in without[body].notices}
        return [f"{n.where}: {n.message}" for n in with_evidence[body].notices if (n.code, n.where) not in plain]

    assert found("KEM-01") == [
        "isian/KEM-01.xlsx, Kuesioner!G105: berkas bukti 'laporan.pdf' untuk SP.1.6 tidak memiliki lapisan teks (hasil pindai), sehingga isinya tidak dapat dicari. "
        "Bila ada, pakai PDF yang disimpan langsung dari dokumen aslinya, atau jalankan OCR pada hasil pindai."
    ]
    assert found("KEM-02") == []
    assert found("KEM-03") == [
        "isian/KEM-03.xlsx, Identitas: tidak ada folder bukti 'KEM-03' atau zip 'KEM-03.zip' di bukti, sehingga 2 berkas bukti badan publik ini tidak diperiksa. "
        "Letakkan bukti badan publik ini di bukti/KEM-03/ (atau bukti/KEM-03.zip); nilai tidak berubah."
    ]
    assert found("KEM-04") == [
        "KEM-04.zip: zip bukti ditolak dan tidak diperiksa: isian '../../luar.pdf' menunjuk ke luar zip (path traversal). "
        "Buat ulang zip dari folder bukti biasa (klik kanan folder, Kompres), lalu kirim lagi."
    ]
    # The manifest: each document of KEM-01 with its SHA-256, type and pages.
    records = {q.code: q.evidence_checks for q in with_evidence["KEM-01"].questions if q.evidence_checks}
    assert {code: [(r.file_name, r.media_type, r.pages, r.text_layer, r.problem_code) for r in rs] for code, rs in records.items()} == {
        "SP.1.1": [("sk-ppid.pdf", "application/pdf", 1, True, None)],
        "SP.1.6": [("laporan.pdf", "application/pdf", 1, False, "KM-E-210")],
    }
    # The recap counts each body's notices (Galat sheet rows 'berkas dinilai dengan peringatan').
    recap = json.loads(Path("dengan/rekap.json").read_text(encoding="utf-8"))
    assert {r["body_id"]: len(r["notices"]) - len(without[r["body_id"]].notices) for r in recap["rows"]} == {"KEM-01": 1, "KEM-02": 0, "KEM-03": 1, "KEM-04": 1}


def test_a_body_without_an_id_gets_one_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("isian").mkdir()
    _workbook(Path("isian"), "", "Kementerian Tanpa ID")
    Path("bukti").mkdir()
    code, out, _ = run("score", "isian", "-o", "hasil", "--evidence", "bukti")
    assert code == 0
    (result,) = _results(Path("hasil")).values()
    assert [f"{n.where}: {n.message}" for n in result.notices if n.code == "KM-E-217"] == [
        "isian/tanpa-id.xlsx, Identitas: isian ini tidak memuat ID badan publik, sehingga folder buktinya di bukti tidak dapat dicari dan 2 berkas bukti tidak diperiksa. "
        "Isi ID badan publik di sheet Identitas; nilai tidak berubah."
    ]
    assert "Bukti dukung: 0 badan publik diperiksa di bukti, 0 temuan (peringatan di hasil masing-masing; nilai tidak berubah); 1 tanpa folder atau zip bukti." in out.splitlines()


def test_the_evidence_folder_must_be_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("isian").mkdir()
    _workbook(Path("isian"), "KEM-01", "Kementerian Satu")
    Path("bukti.zip").write_bytes(b"PK")
    code, _, err = run("score", "isian", "-o", "hasil", "--evidence", "bukti.zip")
    assert code == 2 and "Galat: Nilai tidak sah untuk '--evidence'" in err
