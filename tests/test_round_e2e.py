"""A whole round, end to end through the CLI: 60 bodies in seven categories, from init to recap.

40 bodies send filled workbooks (four of them twice), three send their template back unfilled, 17 send
nothing; two files come for IDs not on the roster, one is an exact duplicate, one is no workbook at all.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from cli_runner import run
from openpyxl import load_workbook
from round_helpers import CATEGORIES, COMMISSION, fill_body, write_roster

pytestmark = pytest.mark.slow

PREFIX = {"Kementerian": "KEM", "Lembaga Negara dan LPNK": "LPNK", "Lembaga Non-Struktural": "LNS", "BUMN": "BUMN", "Partai Politik": "PARPOL", "Pemerintah Provinsi": "PROV", "Perguruan Tinggi Negeri": "PTN"}


def _roster() -> list[tuple[str, str, str, str, str]]:
    rows = []
    categories = list(CATEGORIES)
    for i in range(60):
        category = categories[i % 7]
        body_id = f"{PREFIX[category]}-{i:02d}"
        parent = "KEM-00" if category == "BUMN" else ""
        rows.append((body_id, f"{category} Contoh {i:02d}", category, f"ppid{i:02d}@contoh.go.id", parent))
    return rows


def test_a_round_from_init_to_recap(tmp_path: Path) -> None:
    roster = _roster()
    folder = tmp_path / "putaran-2025"
    code, out, err = run("round", "--by", "Sari", "init", str(folder), "--commission", COMMISSION, "--roster", str(write_roster(tmp_path / "daftar.csv", roster)), "--deadline-submission", "23-11-2025")
    assert (code, err) == (0, ""), err
    assert "Daftar badan publik: 60 badan publik" in out
    code, out, _ = run("round", "templates", str(folder))
    assert out == f"Templat ditulis: 60 berkas di {folder / 'templat'}.\n"
    wb = load_workbook(folder / "templat" / "KEM-00-Kementerian-Contoh-00.xlsx")
    assert "Jawaban Verifikasi" not in [c.value for c in wb["Kuesioner"][4]] and "Tahap" not in wb.sheetnames
    assert f"Penyelenggara: {COMMISSION}." in wb["Petunjuk"]["A3"].value
    assert wb["Identitas"]["B6"].value == "KEM-00" and wb["Identitas"]["B6"].protection.locked

    inbox = tmp_path / "kotak-masuk"
    inbox.mkdir()
    senders, twice, blank = roster[:40], roster[:4], roster[40:43]
    moment = time.time() - 10_000
    written: list[Path] = []
    for n, (body_id, name, category, _, _) in enumerate(senders):
        written.append(fill_body(inbox / f"{body_id}.xlsx", category, body_id, name, missing=n % 3 + (3 if n < 4 else 0), no_evidence=n % 5 == 4))
    for body_id, name, category, _, _ in twice:  # the second version, sent later, completes the first
        written.append(fill_body(inbox / f"{body_id} revisi.xlsx", category, body_id, name))
    for body_id, name, _, _, _ in blank:  # sent back as received
        written.append(Path(shutil.copy(folder / "templat" / f"{body_id}-{name.replace(' ', '-')}.xlsx", inbox)))
    written.append(fill_body(inbox / "KEM-99.xlsx", "Kementerian", "KEM-99", "Kementerian Tak Diundang"))
    written.append(fill_body(inbox / "PTN-98.xlsx", "Perguruan Tinggi Negeri", "PTN-98", "Universitas Tak Diundang"))
    written.append(Path(shutil.copy(inbox / "KEM-00.xlsx", inbox / "KEM-00 (salinan).xlsx")))
    (inbox / "surat-pengantar.pdf").write_bytes(b"%PDF-1.4 surat")
    written.append(inbox / "surat-pengantar.pdf")
    for i, path in enumerate(written):
        os.utime(path, (moment + i, moment + i))

    code, out, err = run("round", "--by", "Budi", "receive", "-q", str(folder), str(inbox))
    assert (code, err) == (0, ""), err
    assert out.splitlines()[-2] == "Diterima 51 berkas: 44 versi isian, 0 perlu perbaikan, 3 templat kosong, 2 ID tidak dikenal, 1 kembar, 0 sudah diterima sebelumnya, 1 bukan isian, 0 keluaran putaran."

    code, out, err = run("round", "status", str(folder), "--date", "20-11-2025")
    assert (code, err) == (0, ""), err
    assert out.splitlines()[-1] == f"Ditulis: {folder / 'status/kemajuan.xlsx'}, {folder / 'status/surat-ppid.csv'}, {folder / 'status/dasbor.html'}"
    total = next(line for line in out.splitlines() if line.startswith("Jumlah"))
    assert total.split() == ["Jumlah", "60", "40", "17", "3", "0", *total.split()[6:]]
    waiting = [line for line in out.splitlines() if line.endswith(("): tidak mengirim", "): mengirim templat kosong"))]
    assert len(waiting) == 20
    mail = (folder / "status" / "surat-ppid.csv").read_text(encoding="utf-8-sig").splitlines()
    assert {line.split(";")[0] for line in mail[1:]} >= {r[0] for r in roster[40:]}

    code, out, err = run("round", "recap", str(folder), "--report", "html", "--date", "2025-11-24", "-j", "2")
    assert code == 0, err
    recap = json.loads((folder / "rekap" / "rekap.json").read_text(encoding="utf-8"))
    participation = recap["participation"]
    assert {k: participation[k] for k in ("invited", "sent", "final")} == {"invited": 60, "sent": 40, "final": 0}
    outside = {r[0]: r[1] for r in roster[40:]}
    assert {n["body_id"]: n["name"] for n in participation["non_participants"]} == outside
    assert {n["status_label"] for n in participation["non_participants"] if n["body_id"] in {b[0] for b in blank}} == {"mengirim templat kosong"}
    ranked = {row["body_id"] for row in recap["rows"]}
    assert ranked == {r[0] for r in senders}  # unknown IDs, blanks, duplicates and strays are never ranked
    assert all(row["file"].endswith(".xlsx") and "berkas-masuk" not in row["file"] for row in recap["rows"])
    assert {row["file"] for row in recap["rows"] if row["body_id"] in {b[0] for b in twice}} == {f"{b[0]} revisi.xlsx" for b in twice}
    assert "Partisipasi: diundang 60 → mengirim 40 →" in out
    assert all(f"- {body_id} {name} (" in out for body_id, name in outside.items())
    html = (folder / "rekap" / "rekap.html").read_text(encoding="utf-8")
    section = html.split("Badan Publik yang Tidak Berpartisipasi", 1)[1].split("</section>", 1)[0]
    assert all(f"<td>{name}</td>" in section for name in outside.values())
    sheet = load_workbook(folder / "rekap" / "rekap.xlsx")["Tidak Berpartisipasi"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == list(outside)
    assert all(isinstance(v, str) for row in sheet.iter_rows(min_row=2, values_only=True) for v in row if v is not None)  # never a score

    # The round's own outputs, received back, are reported and never ranked.
    code, out, _ = run("round", "receive", str(folder), str(folder / "status"), str(folder / "rekap" / "rekap.xlsx"))
    assert out.splitlines()[-2].endswith("4 keluaran putaran.")
