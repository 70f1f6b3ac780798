"""Evidence files (issue 16): each case, built in code, with the exact located messages it gives (rules B1-B8).

The evidence cells are those of a small workbook: Kuesioner!G6 is AA.1.1's evidence, G7 AA.1.2's, G14 BB.1.2's.
"""

from __future__ import annotations

import hashlib
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from evidence_files import docx, encrypted_pdf, no_pages_pdf, scan_pdf, text_pdf

from kipmonev.core.errors import Location
from kipmonev.core.reasons import reason
from kipmonev.sources import problems_evidence as t
from kipmonev.sources.evidence import EvidenceItem, check_files
from kipmonev.sources.xlsx import MAX_RATIO

CELLS = {"AA.1.1": ("AA.1", "G6"), "AA.1.2": ("AA.1", "G7"), "BB.1.2": ("BB.1", "G14")}


def item(question: str, value: str, period: int | None = None) -> EvidenceItem:
    indicator, cell = CELLS[question]
    return EvidenceItem(question, indicator, value, Location("isian.xlsx", "Kuesioner", cell), period)


JPEG = b"\xff\xd8\xff\xe0" + bytes(200)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
SK = text_pdf("Surat Keputusan PPID")
AT_G6 = "isian.xlsx, Kuesioner!G6: "
AT_G7 = "isian.xlsx, Kuesioner!G7: "

# (case, files in the folder, evidence items, expected problems as shown)
CASES: list[tuple[str, dict[str, bytes], list[EvidenceItem], list[str]]] = [
    ("a good PDF with text", {"sk.pdf": SK}, [item("AA.1.1", "sk.pdf")], []),
    ("name in other case and a subfolder", {"2025/SK PPID.pdf": SK}, [item("AA.1.1", "sk ppid.PDF")], []),
    ("path inside the folder", {"2025/sk.pdf": SK}, [item("AA.1.1", "2025\\sk.pdf")], []),
    ("a link is not a file", {}, [item("AA.1.1", "https://ppid.example.go.id/sk")], []),
    (
        "missing file",
        {"sk.pdf": SK},
        [item("AA.1.1", "sk.pdf"), item("AA.1.2", "laporan.pdf")],
        [AT_G7 + "berkas bukti 'laporan.pdf' untuk AA.1.2 tidak ada di bukti. Letakkan berkas itu di folder bukti, atau perbaiki nama berkas di sel ini."],
    ),
    ("name leaves the folder", {}, [item("AA.1.1", "../rahasia.pdf")], [AT_G6 + t.EVIDENCE_OUTSIDE.text(name="../rahasia.pdf", question="AA.1.1")]),
    ("absolute path", {}, [item("AA.1.1", "/etc/passwd")], [AT_G6 + t.EVIDENCE_OUTSIDE.text(name="/etc/passwd", question="AA.1.1")]),
    ("drive path", {}, [item("AA.1.1", "C:\\Dokumen\\sk.pdf")], [AT_G6 + t.EVIDENCE_OUTSIDE.text(name="C:\\Dokumen\\sk.pdf", question="AA.1.1")]),
    (
        "empty file",
        {"sk.pdf": b""},
        [item("AA.1.1", "sk.pdf")],
        [AT_G6 + "berkas bukti 'sk.pdf' untuk AA.1.1 kosong (0 bita). Simpan ulang dokumennya sebagai PDF, lalu ganti berkas ini."],
    ),
    (
        "2,1 MB PDF",
        {"besar.pdf": text_pdf(pad_to=2_200_000)},
        [item("AA.1.1", "besar.pdf")],
        [
            AT_G6 + "berkas bukti 'besar.pdf' untuk AA.1.1 berukuran 2,1 MB, melebihi batas 2 MB per pertanyaan. "
            "Perkecil PDF-nya (misalnya pindai ulang dengan resolusi lebih rendah atau kompres), lalu ganti berkas ini."
        ],
    ),
    (
        "renamed .docx",
        {"sk.pdf": docx()},
        [item("AA.1.1", "sk.pdf")],
        [
            AT_G6 + "berkas bukti 'sk.pdf' untuk AA.1.1 bernama .pdf tetapi isinya dokumen Office (Word, Excel atau PowerPoint), bukan PDF. "
            "Buka dokumen aslinya dan simpan atau ekspor sebagai PDF; mengganti nama berkas tidak mengubah isinya."
        ],
    ),
    ("renamed JPEG", {"sk.pdf": JPEG}, [item("AA.1.1", "sk.pdf")], [AT_G6 + t.EVIDENCE_RENAMED.text(name="sk.pdf", question="AA.1.1", kind="gambar JPEG")]),
    (
        "renamed old .doc",
        {"sk.pdf": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)},
        [item("AA.1.1", "sk.pdf")],
        [AT_G6 + t.EVIDENCE_RENAMED.text(name="sk.pdf", question="AA.1.1", kind="dokumen Office lama (.doc/.xls)")],
    ),
    (
        "a Word file as it is",
        {"sk.docx": docx()},
        [item("AA.1.1", "sk.docx")],
        [
            AT_G6 + "berkas bukti 'sk.docx' untuk AA.1.1 berisi dokumen Office (Word, Excel atau PowerPoint), bukan PDF; portal monev hanya menerima PDF. "
            "Simpan atau ekspor dokumen itu sebagai PDF dan tulis nama berkas PDF-nya di sel ini."
        ],
    ),
    ("a photo", {"foto.png": PNG}, [item("AA.1.1", "foto.png")], [AT_G6 + t.EVIDENCE_NOT_PDF.text(name="foto.png", question="AA.1.1", kind="gambar PNG")]),
    (
        "a text file",
        {"catatan.txt": b"ada"},
        [item("AA.1.1", "catatan.txt")],
        [AT_G6 + t.EVIDENCE_NOT_PDF.text(name="catatan.txt", question="AA.1.1", kind="teks biasa")],
    ),
    (
        "unknown bytes",
        {"x.bin": bytes(range(128, 256))},
        [item("AA.1.1", "x.bin")],
        [AT_G6 + t.EVIDENCE_NOT_PDF.text(name="x.bin", question="AA.1.1", kind="data yang tidak dikenal")],
    ),
    ("truncated PDF", {"sk.pdf": SK[:120]}, [item("AA.1.1", "sk.pdf")], [AT_G6 + t.EVIDENCE_PDF_BROKEN.text(name="sk.pdf", question="AA.1.1")]),
    (
        "encrypted PDF",
        {"sk.pdf": encrypted_pdf()},
        [item("AA.1.1", "sk.pdf")],
        [
            AT_G6 + "berkas bukti 'sk.pdf' untuk AA.1.1 dilindungi kata sandi (terenkripsi), sehingga verifikator mungkin tidak dapat membukanya. "
            "Simpan ulang PDF tanpa kata sandi dan tanpa pembatasan, lalu ganti berkas ini."
        ],
    ),
    ("PDF with 0 pages", {"sk.pdf": no_pages_pdf()}, [item("AA.1.1", "sk.pdf")], [AT_G6 + t.EVIDENCE_PDF_NO_PAGES.text(name="sk.pdf", question="AA.1.1")]),
    (
        "scan without text",
        {"pindai.pdf": scan_pdf()},
        [item("AA.1.1", "pindai.pdf")],
        [
            AT_G6 + "berkas bukti 'pindai.pdf' untuk AA.1.1 tidak memiliki lapisan teks (hasil pindai), sehingga isinya tidak dapat dicari. "
            "Bila ada, pakai PDF yang disimpan langsung dari dokumen aslinya, atau jalankan OCR pada hasil pindai."
        ],
    ),
    (
        "stale year in the file name",
        {"LLIP 2022.pdf": text_pdf("Laporan 2024")},
        [item("AA.1.1", "LLIP 2022.pdf", period=2024)],
        [
            AT_G6 + "berkas bukti 'LLIP 2022.pdf' untuk AA.1.1 menyebut tahun 2022 (pada nama berkas), padahal dokumennya harus mencakup periode 2024. "
            "Pastikan dokumen yang dilampirkan adalah dokumen periode 2024."
        ],
    ),
    (
        "stale year in the PDF title",
        {"llip.pdf": text_pdf("Laporan", title="LLIP Tahun 2021")},
        [item("AA.1.1", "llip.pdf", period=2024)],
        [AT_G6 + t.EVIDENCE_STALE_YEAR.text(name="llip.pdf", question="AA.1.1", found="2021", where="pada judul PDF", period="2024")],
    ),
    (
        "stale year on the first page",
        {"llip.pdf": text_pdf("Laporan Layanan Informasi Publik Tahun 2020")},
        [item("AA.1.1", "llip.pdf", period=2024)],
        [AT_G6 + t.EVIDENCE_STALE_YEAR.text(name="llip.pdf", question="AA.1.1", found="2020", where="pada halaman pertama", period="2024")],
    ),
    ("the right year", {"LLIP_2024.pdf": text_pdf("Laporan 2023 dan 2024")}, [item("AA.1.1", "LLIP_2024.pdf", period=2024)], []),
    ("a name year beats the page", {"llip-2024.pdf": text_pdf("Dibuat 2025")}, [item("AA.1.1", "llip-2024.pdf", period=2024)], []),
    (
        "unused file",
        {"sk.pdf": SK, "lama/draf.pdf": SK},
        [item("AA.1.1", "sk.pdf")],
        [
            "bukti (lama/draf.pdf): berkas 'lama/draf.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti."
        ],
    ),
    (
        "one file for unrelated items",
        {"sk.pdf": SK},
        [item("AA.1.1", "sk.pdf"), item("BB.1.2", "sk.pdf")],
        [
            AT_G6 + "berkas bukti 'sk.pdf' dipakai juga untuk 'BB.1.2' pada indikator lain. "
            "Pastikan dokumen ini memang membuktikan setiap pertanyaan tersebut; bila tidak, lampirkan dokumen yang sesuai."
        ],
    ),
    ("one file for items of one indicator", {"sk.pdf": SK}, [item("AA.1.1", "sk.pdf"), item("AA.1.2", "sk.pdf")], []),
]


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    folder = root / "bukti"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def _zip(root: Path, files: dict[str, bytes]) -> Path:
    path = root / "bukti"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("make", [_folder, _zip], ids=["folder", "zip"])
@pytest.mark.parametrize(("case", "files", "items", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_evidence_case_gives_its_located_message(
    tmp_path: Path, make: object, case: str, files: dict[str, bytes], items: list[EvidenceItem], expected: list[str]
) -> None:
    assert callable(make)
    evidence = make(tmp_path, files)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    checked = check_files(items, evidence)
    assert [str(p) for p in checked.problems] == expected
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before  # input never modified
    assert all(p.code.startswith("KM-E-2") for p in checked.problems)


def test_manifest_records_what_was_seen(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"2025/SK PPID.pdf": SK, "pindai.pdf": scan_pdf()})
    checked = check_files([item("AA.1.1", "sk ppid.pdf"), item("AA.1.2", "pindai.pdf"), item("AA.1.2", "hilang.pdf")], folder)
    (sk,) = checked.records["AA.1.1"]
    assert (sk.file_name, sk.sha256, sk.size, sk.media_type, sk.pages, sk.text_layer, sk.location, sk.problem_code) == (
        "2025/SK PPID.pdf",
        hashlib.sha256(SK).hexdigest(),
        len(SK),
        "application/pdf",
        1,
        True,
        "Kuesioner!G6",
        None,
    )
    scan, missing = checked.records["AA.1.2"]
    assert (scan.text_layer, scan.problem_code, scan.message) == (False, "KM-E-210", checked.problems[0].message)
    assert (missing.value, missing.sha256, missing.problem_code) == ("hilang.pdf", None, "KM-E-201")


def test_the_edition_sets_the_size_limit(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"besar.pdf": text_pdf(pad_to=2_200_000)})
    assert check_files([item("AA.1.1", "besar.pdf")], folder, max_mb=Decimal(5)).problems == ()
    (small,) = check_files([item("AA.1.1", "besar.pdf")], folder, max_mb=Decimal("0.5")).problems
    assert "berukuran 2,1 MB, melebihi batas 0,5 MB per pertanyaan" in small.message


def test_a_missing_folder_says_nothing_was_checked(tmp_path: Path) -> None:
    (problem,) = check_files([item("AA.1.1", "sk.pdf")], tmp_path / "tidak-ada").problems
    assert str(problem) == "tidak-ada: folder atau zip bukti tidak ada, sehingga 1 berkas bukti tidak diperiksa. Periksa path yang diberikan pada --evidence."


def _hostile_zip(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sk.pdf", SK)
        archive.writestr(name, data)
    return path


HOSTILE = [
    ("path traversal", "../../etc/cron.d/x", b"x", "isian '../../etc/cron.d/x' menunjuk ke luar zip (path traversal)"),
    ("absolute member", "/tmp/x.pdf", b"x", "isian '/tmp/x.pdf' menunjuk ke luar zip (path traversal)"),
    ("zip bomb", "bom.pdf", bytes(8 * 1024 * 1024), f"isian 'bom.pdf' dimampatkan lebih dari {MAX_RATIO}:1 (bom zip)"),
]


@pytest.mark.parametrize(("case", "name", "data", "why"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_zip_is_refused_whole(tmp_path: Path, case: str, name: str, data: bytes, why: str) -> None:
    path = _hostile_zip(tmp_path / "bukti.zip", name, data)
    (problem,) = check_files([item("AA.1.1", "sk.pdf")], path).problems
    assert (
        str(problem)
        == f"bukti.zip: zip bukti ditolak dan tidak diperiksa: {why}. Buat ulang zip dari folder bukti biasa (klik kanan folder, Kompres), lalu kirim lagi."
    )
    assert problem.code == "KM-E-215"
    assert not (tmp_path / "etc").exists()


def test_a_damaged_zip_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "bukti.zip"
    path.write_bytes(b"PK\x03\x04 bukan zip")
    (problem,) = check_files([item("AA.1.1", "sk.pdf")], path).problems
    assert (
        str(problem)
        == f"bukti.zip: zip bukti ditolak dan tidak diperiksa: {reason(zipfile.BadZipFile())}. Buat ulang zip dari folder bukti biasa (klik kanan folder, Kompres), lalu kirim lagi."
    )


def test_progress_counts_each_document_and_skips_links(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"sk.pdf": SK})
    calls: list[tuple[int, int]] = []
    items = [item("AA.1.1", "sk.pdf"), item("AA.1.1", "https://ppid.example.go.id/sk"), item("AA.1.2", "hilang.pdf"), item("BB.1.2", "../luar.pdf")]
    check_files(items, folder, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
