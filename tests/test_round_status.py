"""round status: per-body statuses, counts per category and parent, the files, and the dashboard in Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from cli_runner import run
from openpyxl import load_workbook
from round_helpers import COMMISSION, fill_body, write_roster

from kipmonev.app.round.status import round_progress
from kipmonev.app.round.workspace import open_round
from kipmonev.model.round import BodyStatus

ROSTER = [
    ("KEM-01", "Kementerian Urusan Contoh", "Kementerian", "ppid@kem01.go.id", ""),
    ("KEM-02", "Kementerian Koordinasi Fiktif", "Kementerian", "ppid@kem02.go.id", ""),
    ("PROV-01", "Pemerintah Provinsi Nusa Contoh", "Pemerintah Provinsi", "ppid@nusa.go.id", ""),
    ("BUMN-01", "PT Contoh Nusantara (Persero)", "BUMN", "ppid@bumn01.co.id", "PROV-01"),
    ("BUMN-02", "PT Rekaan Energi (Persero)", "BUMN", "ppid@bumn02.co.id", "PROV-01"),
    ("PTN-01", "Universitas Negeri Fiktif", "Perguruan Tinggi Negeri", "=HYPERLINK(\"x\")@a.b", ""),
]


@pytest.fixture(scope="module")
def round_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("status")
    folder = tmp / "putaran"
    roster = write_roster(tmp / "daftar.csv", [r if r[0] != "PTN-01" else (*r[:3], "", "") for r in ROSTER])
    assert run("round", "init", str(folder), "--commission", COMMISSION, "--roster", str(roster), "--deadline-submission", "23 November 2025")[0] == 0
    inbox = tmp / "masuk"
    inbox.mkdir()
    base = time.time() - 100
    files = [
        fill_body(inbox / "KEM-01.xlsx", "Kementerian", "KEM-01", "Kementerian Urusan Contoh"),
        fill_body(inbox / "KEM-02.xlsx", "Kementerian", "KEM-02", "Kementerian Koordinasi Fiktif", missing=4),
        fill_body(inbox / "BUMN-01.xlsx", "BUMN", "BUMN-01", "PT Contoh Nusantara (Persero)", no_evidence=2),
        fill_body(inbox / "BUMN-02.xlsx", "BUMN", "BUMN-02", "PT Rekaan Energi (Persero)", blank=True),
    ]
    (inbox / "PTN-01 isian.xlsx").write_bytes(b"bukan zip")
    files.append(inbox / "PTN-01 isian.xlsx")
    for i, path in enumerate(files):
        os.utime(path, (base + i, base + i))
    code, _, err = run("round", "receive", "-q", str(folder), str(inbox))
    assert code == 0, err
    return folder


def test_statuses_and_counts(round_folder: Path) -> None:
    with open_round(round_folder) as r:
        progress = round_progress(r, dt.date(2025, 11, 20))
    assert [(b.id, b.status, b.versions, b.to_do) for b in progress.bodies] == [
        ("KEM-01", BodyStatus.COMPLETE, 1, "Tidak ada; isian lengkap dan menunggu verifikasi."),
        ("KEM-02", BodyStatus.INCOMPLETE, 1, "Jawab 4 pertanyaan yang masih kosong paling lambat 23 November 2025."),
        ("PROV-01", BodyStatus.NOT_SENT, 0, "Kirim isian kuesioner paling lambat 23 November 2025."),
        ("BUMN-01", BodyStatus.NO_EVIDENCE, 1, "Lengkapi bukti dukung untuk 2 jawaban bernilai paling lambat 23 November 2025."),
        ("BUMN-02", BodyStatus.BLANK, 0, "Templat yang dikirim masih kosong; isi kuesionernya lalu kirim ulang paling lambat 23 November 2025."),
        ("PTN-01", BodyStatus.NEEDS_FIX, 1, progress.bodies[5].to_do),
    ]
    assert progress.bodies[5].to_do.startswith("Perbaiki isian lalu kirim ulang paling lambat 23 November 2025: PTN-01 isian.xlsx: ")
    counts = {g.group: (g.invited, g.sent, g.counts) for g in progress.by_category if g.invited}
    assert {k: (v[0], v[1]) for k, v in counts.items()} == {"BUMN": (2, 1), "Kementerian": (2, 2), "Pemerintah Provinsi": (1, 0), "Perguruan Tinggi Negeri": (1, 1)}
    assert [(g.group, g.invited, g.sent) for g in progress.by_parent] == [("Pemerintah Provinsi Nusa Contoh", 2, 1), ("(tanpa induk)", 4, 3)]
    assert (progress.totals.invited, progress.totals.sent) == (6, 4)
    assert [(f.name, f.role) for f in progress.strays] == [("BUMN-02.xlsx", "tidak dinilai")]


def test_status_files(round_folder: Path, tmp_path: Path) -> None:
    code, out, err = run("round", "status", str(round_folder), "-o", str(tmp_path), "--date", "20-11-2025")
    assert (code, err) == (0, "")
    assert "Belum mengirim isian (2):\n- PROV-01 Pemerintah Provinsi Nusa Contoh (Pemerintah Provinsi): tidak mengirim\n- BUMN-02 PT Rekaan Energi (Persero) (BUMN): mengirim templat kosong\n" in out
    assert "Jumlah                   6         4         1            1       1          1              1            1" in out
    text = (tmp_path / "surat-ppid.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeffID;Nama badan publik;Kategori;Induk;Email PPID;Status;Versi diterima;Yang harus dilakukan\r\n")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [(r[0], r[4], r[5]) for r in rows[1:]] == [
        ("KEM-02", "ppid@kem02.go.id", "belum lengkap"),
        ("PROV-01", "ppid@nusa.go.id", "tidak mengirim"),
        ("BUMN-01", "ppid@bumn01.co.id", "jawaban tanpa bukti"),
        ("BUMN-02", "ppid@bumn02.co.id", "mengirim templat kosong"),
        ("PTN-01", "", "perlu perbaikan"),
    ]
    wb = load_workbook(tmp_path / "kemajuan.xlsx")
    assert wb.sheetnames == ["Kemajuan", "Per Kategori", "Per Induk", "Berkas"]
    assert [c.value for c in wb["Kemajuan"]["F"]][1:] == ["lengkap", "belum lengkap", "tidak mengirim", "jawaban tanpa bukti", "mengirim templat kosong", "perlu perbaikan"]
    assert [c.value for c in wb["Berkas"]["D"]][1:] == ["versi berlaku"] * 3 + ["tidak dinilai", "versi berlaku"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Debian package 'chromium' is missing: make system"
    return found


def _dom(html: Path, profile: Path) -> str:
    result = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", html.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return result.stdout


def _column(dom: str, table: str, column: int) -> list[str]:
    body = dom.split(f'<table id="{table}"', 1)[1].split("</tbody>", 1)[0].split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row)[column] for row in body.split("</tr>") if "<td" in row]


def test_dashboard_in_headless_chromium(round_folder: Path, tmp_path: Path) -> None:
    assert run("round", "status", str(round_folder), "-o", str(tmp_path), "--date", "20-11-2025")[0] == 0
    page = (tmp_path / "dasbor.html").read_text(encoding="utf-8")
    assert "<link" not in page and "src=" not in page and "http" not in page.split("<body>")[0]  # self-contained, nothing fetched
    dom = _dom(tmp_path / "dasbor.html", tmp_path / "profil")
    tiles = dict(re.findall(r'data-tile="([a-z_]+)"><span class="n">(\d+)</span>', dom))
    assert tiles == {"diundang": "6", "mengirim": "4", "tidak_mengirim": "1", "templat_kosong": "1", "perlu_perbaikan": "1", "belum_lengkap": "1", "jawaban_tanpa_bukti": "1", "lengkap": "1"}
    assert _column(dom, "badan-publik", 0) == ["KEM-01", "KEM-02", "PROV-01", "BUMN-01", "BUMN-02", "PTN-01"]
    # Click "Status" once (worst first), then "Badan publik" twice (names descending), in the real page.
    clicks = tmp_path / "diklik.html"
    clicks.write_text(page.replace("</body>", "<script>var h=document.querySelectorAll('#badan-publik th');h[4].click();</script></body>"), encoding="utf-8")
    assert _column(_dom(clicks, tmp_path / "profil"), "badan-publik", 4) == ["tidak mengirim", "mengirim templat kosong", "perlu perbaikan", "belum lengkap", "jawaban tanpa bukti", "lengkap"]
    clicks.write_text(page.replace("</body>", "<script>var h=document.querySelectorAll('#badan-publik th');h[1].click();h[1].click();</script></body>"), encoding="utf-8")
    assert _column(_dom(clicks, tmp_path / "profil"), "badan-publik", 1) == [
        "Universitas Negeri Fiktif", "PT Rekaan Energi (Persero)", "PT Contoh Nusantara (Persero)", "Pemerintah Provinsi Nusa Contoh", "Kementerian Urusan Contoh", "Kementerian Koordinasi Fiktif",
    ]
    subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profil'}", "--window-size=1400,1000", f"--screenshot={tmp_path / 'dasbor.png'}", (tmp_path / "dasbor.html").as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    assert (tmp_path / "dasbor.png").stat().st_size > 10_000
