"""``round verify-pack --evidence DIR``: each pack gets a locked column with each item's evidence check result.

The body's evidence is found under DIR by its roster ID (``DIR/<ID>/`` or ``DIR/<ID>.zip``), as in
``score --evidence``; a body without one gets a note. The pack still reads back as before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
from cli_runner import run
from evidence_files import scan_pdf, text_pdf
from round_helpers import CATEGORIES, COMMISSION, answers, write_roster

from kipmonev.app.round.assign import assign_verifiers
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.verify import collect_packs
from kipmonev.app.round.workspace import open_round
from kipmonev.formats import workbook_texts as wtx
from kipmonev.formats.verify_pack_layout import PACK_NOTE_ROW
from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, answer_rows
from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.outputs.verify_pack import EVIDENCE_COLUMN
from kipmonev.sources.loader import load_questionnaire

SK = text_pdf("Keputusan tentang PPID")


def _body(path: Path, body_id: str, name: str) -> Path:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    filled = answers(q)
    filled["SP.1.1"] = filled["SP.1.1"].model_copy(update={"evidence": ("sk-ppid.pdf",)})
    filled["SP.1.6"] = filled["SP.1.6"].model_copy(update={"evidence": ("laporan.pdf",)})
    body = BodyIdentity(id=body_id, name=name, category="Kementerian", year=2025)
    return write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=filled), path, body_only=True, commission=COMMISSION)


def test_packs_show_each_items_evidence_check_locked(tmp_path: Path) -> None:
    folder = tmp_path / "putaran"
    roster = write_roster(tmp_path / "daftar.csv", [("KEM-01", "Kementerian Satu", "Kementerian", "", ""), ("KEM-02", "Kementerian Dua", "Kementerian", "", "")])
    init_round(folder, InitOptions(commission=COMMISSION, roster=roster), "Sari")
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    _body(inbox / "KEM-01.xlsx", "KEM-01", "Kementerian Satu")
    _body(inbox / "KEM-02.xlsx", "KEM-02", "Kementerian Dua")
    plan = tmp_path / "penugasan.csv"
    plan.write_text("Kategori;ID;Verifikator\nKementerian;;Ani\n", encoding="utf-8")
    bukti = tmp_path / "bukti"
    (bukti / "KEM-01").mkdir(parents=True)
    (bukti / "KEM-01" / "sk-ppid.pdf").write_bytes(SK)
    (bukti / "KEM-01" / "laporan.pdf").write_bytes(scan_pdf())
    (bukti / "KEM-01" / "lain.pdf").write_bytes(SK)
    with open_round(folder, "Sari") as r:
        receive_files(r, [inbox])
        assign_verifiers(r, plan)
    code, _, err = run("round", "verify-pack", str(folder), "--evidence", str(bukti))
    assert code == 0, err
    q = load_questionnaire(CATEGORIES["Kementerian"])
    rows = {rw.code: HEADER_ROW + i for i, rw in enumerate(answer_rows(q), start=1) if rw.question is not None and rw.item is None}
    pack = folder / "verifikasi" / "Ani" / "KEM-01-verifikasi.xlsx"
    ws = openpyxl.load_workbook(pack)[wtx.SHEET_ANSWERS]
    assert ws.cell(row=HEADER_ROW, column=EVIDENCE_COLUMN).value == "Hasil Pemeriksaan Bukti (kipmonev)"
    sk = ws.cell(row=rows["SP.1.1"], column=EVIDENCE_COLUMN)
    assert sk.value == f"sk-ppid.pdf (PDF, 1 halaman, 0,1 MB, SHA-256 {hashlib.sha256(SK).hexdigest()[:12]}…): Lolos pemeriksaan"
    assert sk.protection.locked and ws.protection.sheet
    assert str(ws.cell(row=rows["SP.1.6"], column=EVIDENCE_COLUMN).value).startswith(
        "laporan.pdf (PDF, 1 halaman, hasil pindai (tanpa lapisan teks), 0,1 MB, SHA-256 "
    )
    assert str(ws.cell(row=rows["SP.1.6"], column=EVIDENCE_COLUMN).value).endswith(
        ": Berkas bukti 'laporan.pdf' untuk SP.1.6 tidak memiliki lapisan teks (hasil pindai), sehingga isinya tidak dapat dicari. "
        "Bila ada, pakai PDF yang disimpan langsung dari dokumen aslinya, atau jalankan OCR pada hasil pindai."
    )
    assert ws.cell(row=rows["SP.1.2"], column=EVIDENCE_COLUMN).value is None  # a link: not a file to check
    assert ws.cell(row=PACK_NOTE_ROW, column=EVIDENCE_COLUMN).value == (
        "Pemeriksaan bukti: berkas 'lain.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti."
    )
    other = openpyxl.load_workbook(folder / "verifikasi" / "Ani" / "KEM-02-verifikasi.xlsx")[wtx.SHEET_ANSWERS]
    assert other.cell(row=PACK_NOTE_ROW, column=EVIDENCE_COLUMN).value == (
        "Pemeriksaan bukti: tidak ada folder bukti 'KEM-02' atau zip 'KEM-02.zip' di bukti, sehingga 2 berkas bukti badan publik ini tidak diperiksa. "
        "Letakkan bukti badan publik ini di bukti/KEM-02/ (atau bukti/KEM-02.zip); nilai tidak berubah."
    )
    # The verifier fills the pack; it reads back as any pack (the evidence column is not an answer).
    wb = openpyxl.load_workbook(pack)
    wb[wtx.SHEET_ANSWERS].cell(row=rows["SP.1.6"], column=COLUMNS[wtx.COL_VERIFY], value="Tidak")
    wb.save(pack)
    with open_round(folder, "Sari") as r:
        (outcome,) = collect_packs(r, [pack])
    assert (outcome.errors, outcome.recorded) == ((), 1)
    # Without --evidence the pack has no such column.
    assert run("round", "verify-pack", str(folder), "-o", str(tmp_path / "tanpa"))[0] == 0
    plain = openpyxl.load_workbook(tmp_path / "tanpa" / "Ani" / "KEM-01-verifikasi.xlsx")[wtx.SHEET_ANSWERS]
    assert plain.cell(row=HEADER_ROW, column=EVIDENCE_COLUMN).value is None
