"""The evidence corpus (issue 16, "hidden-style"): every kind of bad evidence through a real workbook.

Each case is built in code: a filled workbook of a small edition (written by kipmonev, read back by the
reader), the body's evidence folder or zip, or the links its cells name served by a local server on
127.0.0.1. Each case asserts its own exact Indonesian message(s) at the evidence cell and that the score is
the score of the same edition's workbook without any evidence problem (100): evidence checks never change it.

The unit tests of the rules stay where they are (``test_evidence_files.py``: rules B1-B8 on items, folder
and zip; ``test_links_cloud.py``: the cloud rules; ``test_links_rule.py``: the link rule); this corpus holds
them together end to end, from the workbook's cells to the messages a PPID or KI person reads.

Cells of the edition below: Kuesioner!G6 is AA.1.1 (``periode: 2024``), G7 AA.1.2, G9 BB.1.1, G10 BB.1.2
(a link question).
"""

from __future__ import annotations

import io
import socket
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from evidence_files import docx, encrypted_pdf, no_pages_pdf, scan_pdf, text_pdf
from local_server import Routes, local_server, recorded_pages

from kipmonev.app.check import check_workbook
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.links import check_link_results
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.reader import read_workbook

COMMON = "definisi_operasional: D.\n    dasar_hukum: UU 14/2008 Pasal 9\n    rekomendasi: R."
EDITION = f"""\
id: uji-bukti
judul: Uji bukti dukung
komisi: KI Uji
tahun: 2025
kategori: Uji
versi: 2025010101
aturan: ki-pusat
indikator:
  - {{kode: AA, nama: Layanan, bobot: 60}}
  - {{kode: BB, nama: Informasi, bobot: 40}}
pertanyaan:
  - kode: AA.1.1
    indikator: AA
    teks: Laporan layanan informasi publik tahun sebelumnya?
    tipe: ya_tidak
    poin: 1
    bukti: dokumen
    periode: 2024
    {COMMON}
  - kode: AA.1.2
    indikator: AA
    teks: SK PPID?
    tipe: ya_tidak
    poin: 1
    bukti: dokumen
    {COMMON}
  - kode: BB.1.1
    indikator: BB
    teks: Daftar informasi publik?
    tipe: ya_tidak
    poin: 1
    bukti: dokumen
    {COMMON}
  - kode: BB.1.2
    indikator: BB
    teks: Laman PPID?
    tipe: ya_tidak
    poin: 1
    bukti: tautan
    {COMMON}
"""
G6, G7, G9, G10 = ("isian.xlsx, Kuesioner!" + c + ": " for c in ("G6", "G7", "G9", "G10"))
LLIP, SK, DIP = text_pdf("Laporan Layanan Informasi Publik 2024"), text_pdf("Keputusan tentang PPID"), text_pdf("Daftar Informasi Publik")
#: The workbook's evidence without any problem, and the files it names.
GOOD_EVIDENCE = {"AA.1.1": ("llip-2024.pdf",), "AA.1.2": ("sk.pdf",), "BB.1.1": ("dip.pdf",), "BB.1.2": ("https://ppid.contoh.go.id/profil",)}
GOOD_FILES = {"llip-2024.pdf": LLIP, "sk.pdf": SK, "dip.pdf": DIP}
#: The score of this edition's workbook without evidence problems: every item met.
CLEAN_SCORE = Decimal(100)


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Questionnaire:
    path = tmp_path_factory.mktemp("edisi") / "uji-bukti.yaml"
    path.write_text(EDITION, encoding="utf-8")
    return load_questionnaire(path)


def _workbook(q: Questionnaire, evidence: dict[str, tuple[str, ...]]) -> Path:
    answers = {code: Answer(value="Ya", evidence=evidence.get(code, GOOD_EVIDENCE[code])) for code in GOOD_EVIDENCE}
    body = BodyIdentity(id="UJI-01", name="Badan Uji", category="Uji", year=2025)
    return write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=answers), Path("isian.xlsx"))


def _score_is_clean(q: Questionnaire, path: Path, *scores: Decimal) -> None:
    plain = check_workbook(path, q)
    assert plain.assessment is not None
    assert (plain.assessment.saq_self.score, *scores) == (CLEAN_SCORE,) * (1 + len(scores))


# --- documents in the evidence folder or zip ---------------------------------------------------------


def _zip_of(members: dict[str, bytes], *, encrypted: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    if encrypted is not None:  # set the "encrypted" flag a password-protected member carries, in both of its headers
        wanted = encrypted.encode()
        local = raw.index(b"PK\x03\x04")  # the member was written first
        raw[local + 6] |= 0x1
        central = raw.index(b"PK\x01\x02")
        while raw[central + 46 : central + 46 + len(wanted)] != wanted:
            central = raw.index(b"PK\x01\x02", central + 4)
        raw[central + 8] |= 0x1
    return bytes(raw)


JPEG = b"\xff\xd8\xff\xe0" + bytes(200)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
ZIP_FIX = "Buat ulang zip dari folder bukti biasa (klik kanan folder, Kompres), lalu kirim lagi."
RENAMED_FIX = "Buka dokumen aslinya dan simpan atau ekspor sebagai PDF; mengganti nama berkas tidak mengubah isinya."
NOT_PDF_FIX = "portal monev hanya menerima PDF. Simpan atau ekspor dokumen itu sebagai PDF dan tulis nama berkas PDF-nya di sel ini."
REMAKE_FIX = "Buat ulang PDF-nya dari dokumen asli, lalu ganti berkas ini."


@dataclass(frozen=True)
class FileCase:
    """Evidence cells changed from :data:`GOOD_EVIDENCE`, files changed from :data:`GOOD_FILES` (``None`` removes one)."""

    name: str
    expected: list[str]
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)
    files: dict[str, bytes | None] = field(default_factory=dict)
    as_zip: bool = False
    raw_zip: bytes | None = None  # the evidence is this zip as it is


FILE_CASES = [
    FileCase("missing file", [G7 + "berkas bukti 'sk.pdf' untuk AA.1.2 tidak ada di bukti. Letakkan berkas itu di folder bukti, atau perbaiki nama berkas di sel ini."], files={"sk.pdf": None}),
    FileCase(
        "misspelt name in the cell",
        [
            G7 + "berkas bukti 'sk ppid.pdf' untuk AA.1.2 tidak ada di bukti. Letakkan berkas itu di folder bukti, atau perbaiki nama berkas di sel ini.",
            "bukti (sk.pdf): berkas 'sk.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti.",
        ],
        evidence={"AA.1.2": ("sk ppid.pdf",)},
    ),
    FileCase(
        "name leaves the folder",
        [
            G7 + "nama berkas bukti '../sk.pdf' untuk AA.1.2 menunjuk ke luar folder bukti. Tulis nama berkas saja (boleh dengan subfolder di dalam folder bukti), tanpa '..' atau path lengkap.",
            "bukti (sk.pdf): berkas 'sk.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti.",
        ],
        evidence={"AA.1.2": ("../sk.pdf",)},
    ),
    FileCase(
        "a Windows path on the PPID's computer",
        [
            G7 + "nama berkas bukti 'C:\\Dokumen PPID\\sk.pdf' untuk AA.1.2 menunjuk ke luar folder bukti. Tulis nama berkas saja (boleh dengan subfolder di dalam folder bukti), tanpa '..' atau path lengkap.",
            "bukti (sk.pdf): berkas 'sk.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti.",
        ],
        evidence={"AA.1.2": ("C:\\Dokumen PPID\\sk.pdf",)},
    ),
    FileCase("empty file", [G7 + "berkas bukti 'sk.pdf' untuk AA.1.2 kosong (0 bita). Simpan ulang dokumennya sebagai PDF, lalu ganti berkas ini."], files={"sk.pdf": b""}),
    FileCase(
        "2,1 MB PDF",
        [
            G7 + "berkas bukti 'sk.pdf' untuk AA.1.2 berukuran 2,1 MB, melebihi batas 2 MB per pertanyaan. "
            "Perkecil PDF-nya (misalnya pindai ulang dengan resolusi lebih rendah atau kompres), lalu ganti berkas ini."
        ],
        files={"sk.pdf": text_pdf("SK PPID", pad_to=2_200_000)},
    ),
    FileCase(
        "renamed .docx",
        [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 bernama .pdf tetapi isinya dokumen Office (Word, Excel atau PowerPoint), bukan PDF. {RENAMED_FIX}"],
        files={"sk.pdf": docx()},
    ),
    FileCase("renamed photo", [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 bernama .pdf tetapi isinya gambar JPEG, bukan PDF. {RENAMED_FIX}"], files={"sk.pdf": JPEG}),
    FileCase("renamed old .doc", [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 bernama .pdf tetapi isinya dokumen Office lama (.doc/.xls), bukan PDF. {RENAMED_FIX}"], files={"sk.pdf": OLE}),
    FileCase("renamed zip", [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 bernama .pdf tetapi isinya arsip zip, bukan PDF. {RENAMED_FIX}"], files={"sk.pdf": _zip_of({"sk.pdf": SK})}),
    FileCase(
        "a Word file as it is",
        [G7 + f"berkas bukti 'sk.docx' untuk AA.1.2 berisi dokumen Office (Word, Excel atau PowerPoint), bukan PDF; {NOT_PDF_FIX}"],
        evidence={"AA.1.2": ("sk.docx",)},
        files={"sk.pdf": None, "sk.docx": docx()},
    ),
    FileCase("a PNG screenshot", [G7 + f"berkas bukti 'sk.png' untuk AA.1.2 berisi gambar PNG, bukan PDF; {NOT_PDF_FIX}"], evidence={"AA.1.2": ("sk.png",)}, files={"sk.pdf": None, "sk.png": PNG}),
    FileCase("a text file", [G7 + f"berkas bukti 'sk.txt' untuk AA.1.2 berisi teks biasa, bukan PDF; {NOT_PDF_FIX}"], evidence={"AA.1.2": ("sk.txt",)}, files={"sk.pdf": None, "sk.txt": b"SK PPID"}),
    FileCase(
        "unknown bytes",
        [G7 + f"berkas bukti 'sk.dat' untuk AA.1.2 berisi data yang tidak dikenal, bukan PDF; {NOT_PDF_FIX}"],
        evidence={"AA.1.2": ("sk.dat",)},
        files={"sk.pdf": None, "sk.dat": bytes(range(128, 256))},
    ),
    FileCase("truncated PDF", [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 tidak dapat dibuka sebagai PDF (rusak atau terpotong). {REMAKE_FIX}"], files={"sk.pdf": SK[:120]}),
    FileCase(
        "encrypted PDF",
        [
            G7 + "berkas bukti 'sk.pdf' untuk AA.1.2 dilindungi kata sandi (terenkripsi), sehingga verifikator mungkin tidak dapat membukanya. "
            "Simpan ulang PDF tanpa kata sandi dan tanpa pembatasan, lalu ganti berkas ini."
        ],
        files={"sk.pdf": encrypted_pdf()},
    ),
    FileCase("PDF with 0 pages", [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 adalah PDF tanpa halaman. {REMAKE_FIX}"], files={"sk.pdf": no_pages_pdf()}),
    FileCase(
        "scan without text",
        [
            G7 + "berkas bukti 'sk.pdf' untuk AA.1.2 tidak memiliki lapisan teks (hasil pindai), sehingga isinya tidak dapat dicari. "
            "Bila ada, pakai PDF yang disimpan langsung dari dokumen aslinya, atau jalankan OCR pada hasil pindai."
        ],
        files={"sk.pdf": scan_pdf()},
    ),
    FileCase(
        "last year's report named for the year before",
        [
            G6 + "berkas bukti 'llip-2023.pdf' untuk AA.1.1 menyebut tahun 2023 (pada nama berkas), padahal dokumennya harus mencakup periode 2024. "
            "Pastikan dokumen yang dilampirkan adalah dokumen periode 2024."
        ],
        evidence={"AA.1.1": ("llip-2023.pdf",)},
        files={"llip-2024.pdf": None, "llip-2023.pdf": LLIP},
    ),
    FileCase(
        "an old year in the PDF title",
        [
            G6 + "berkas bukti 'llip.pdf' untuk AA.1.1 menyebut tahun 2022 (pada judul PDF), padahal dokumennya harus mencakup periode 2024. "
            "Pastikan dokumen yang dilampirkan adalah dokumen periode 2024."
        ],
        evidence={"AA.1.1": ("llip.pdf",)},
        files={"llip-2024.pdf": None, "llip.pdf": text_pdf("Laporan", title="LLIP Tahun 2022")},
    ),
    FileCase(
        "an old year on the first page",
        [
            G6 + "berkas bukti 'llip.pdf' untuk AA.1.1 menyebut tahun 2021 (pada halaman pertama), padahal dokumennya harus mencakup periode 2024. "
            "Pastikan dokumen yang dilampirkan adalah dokumen periode 2024."
        ],
        evidence={"AA.1.1": ("llip.pdf",)},
        files={"llip-2024.pdf": None, "llip.pdf": text_pdf("Laporan Layanan Informasi Publik Tahun 2021")},
    ),
    FileCase(
        "one file for unrelated indicators",
        [
            G7 + "berkas bukti 'sk.pdf' dipakai juga untuk 'BB.1.1' pada indikator lain. "
            "Pastikan dokumen ini memang membuktikan setiap pertanyaan tersebut; bila tidak, lampirkan dokumen yang sesuai.",
            "bukti (dip.pdf): berkas 'dip.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti.",
        ],
        evidence={"BB.1.1": ("sk.pdf",)},
    ),
    FileCase(
        "a draft nobody cites",
        ["bukti (draf/sk-lama.pdf): berkas 'draf/sk-lama.pdf' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti."],
        files={"draf/sk-lama.pdf": SK},
    ),
    FileCase("missing file in a zip", [G7 + "berkas bukti 'sk.pdf' untuk AA.1.2 tidak ada di bukti.zip. Letakkan berkas itu di folder bukti, atau perbaiki nama berkas di sel ini."], files={"sk.pdf": None}, as_zip=True),
    FileCase("renamed .docx in a zip", [G7 + f"berkas bukti 'sk.pdf' untuk AA.1.2 bernama .pdf tetapi isinya dokumen Office (Word, Excel atau PowerPoint), bukan PDF. {RENAMED_FIX}"], files={"sk.pdf": docx()}, as_zip=True),
    FileCase(
        "zip traversal",
        [f"bukti.zip: zip bukti ditolak dan tidak diperiksa: isian '../../etc/cron.d/kipmonev' menunjuk ke luar zip (path traversal). {ZIP_FIX}"],
        raw_zip=_zip_of({**GOOD_FILES, "../../etc/cron.d/kipmonev": b"x"}),
    ),
    FileCase(
        "zip member with an absolute path",
        [f"bukti.zip: zip bukti ditolak dan tidak diperiksa: isian '/tmp/sk.pdf' menunjuk ke luar zip (path traversal). {ZIP_FIX}"],
        raw_zip=_zip_of({**GOOD_FILES, "/tmp/sk.pdf": SK}),
    ),
    FileCase(
        "zip bomb",
        [f"bukti.zip: zip bukti ditolak dan tidak diperiksa: isian 'bom.pdf' dimampatkan lebih dari 200:1 (bom zip). {ZIP_FIX}"],
        raw_zip=_zip_of({**GOOD_FILES, "bom.pdf": bytes(8 * 1024 * 1024)}),
    ),
    FileCase(
        "zip with a password",
        [f"bukti.zip: zip bukti ditolak dan tidak diperiksa: isian 'sk.pdf' dilindungi kata sandi. {ZIP_FIX}"],
        raw_zip=_zip_of({"sk.pdf": SK, "llip-2024.pdf": LLIP, "dip.pdf": DIP}, encrypted="sk.pdf"),
    ),
    FileCase(
        "a damaged zip",
        [f"bukti.zip: zip bukti ditolak dan tidak diperiksa: struktur ZIP-nya rusak atau terpotong. {ZIP_FIX}"],
        raw_zip=b"PK\x03\x04 bukan zip",
    ),
]


@pytest.mark.parametrize("case", FILE_CASES, ids=[c.name for c in FILE_CASES])
def test_each_bad_document_has_its_located_message_and_the_score_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edition: Questionnaire, case: FileCase) -> None:
    monkeypatch.chdir(tmp_path)
    path = _workbook(edition, case.evidence)
    files = {name: data for name, data in {**GOOD_FILES, **case.files}.items() if data is not None}
    if case.raw_zip is not None or case.as_zip:
        evidence = Path("bukti.zip")
        evidence.write_bytes(case.raw_zip if case.raw_zip is not None else _zip_of(files))
    else:
        evidence = Path("bukti")
        for name, data in files.items():
            (evidence / name).parent.mkdir(parents=True, exist_ok=True)
            (evidence / name).write_bytes(data)
    checked = check_workbook(path, edition, evidence=evidence)
    assert [str(p) for p in checked.evidence_problems] == case.expected
    assert checked.assessment is not None
    _score_is_clean(edition, path, checked.assessment.saq_self.score, checked.assessment.outcome.estimate_score)


def test_the_clean_workbook_has_no_evidence_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edition: Questionnaire) -> None:
    monkeypatch.chdir(tmp_path)
    path = _workbook(edition, {})
    for name, data in GOOD_FILES.items():
        (Path("bukti") / name).parent.mkdir(parents=True, exist_ok=True)
        (Path("bukti") / name).write_bytes(data)
    calls: list[tuple[int, int]] = []
    checked = check_workbook(path, edition, evidence=Path("bukti"), progress=lambda done, total: calls.append((done, total)))
    assert (checked.evidence_problems, checked.evidence_checked, checked.ok) == ((), 3, True)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]  # the documents, as `check --evidence` draws them
    _score_is_clean(edition, path)


# --- links written wrongly (the reader's rule, KM-E-100..104) -----------------------------------------

WRITTEN_CASES = [
    (
        "missing scheme",
        "ppid.contoh.go.id/profil",
        "KM-E-100",
        "'ppid.contoh.go.id/profil' tampak seperti tautan tetapi tidak diawali https://. Awali dengan https://, misalnya https://ppid.contoh.go.id/profil.",
    ),
    (
        "space inside",
        "https://ppid.contoh .go.id/profil",
        "KM-E-101",
        "tautan 'https://ppid.contoh .go.id/profil' memuat spasi, sehingga hanya https://ppid.contoh yang terbaca sebagai tautan. Hapus spasi di dalam tautan, misalnya https://ppid.contoh.go.id/profil.",
    ),
    ("ftp", "ftp://ppid.contoh.go.id/sk.pdf", "KM-E-102", "tautan 'ftp://ppid.contoh.go.id/sk.pdf' memakai ftp://, yang tidak dapat dibuka di peramban. Tautan bukti dukung diawali https://; unggah dokumennya ke situs badan publik dan tulis tautannya."),
    ("bare https://", "https://", "KM-E-103", "tautan 'https://' tidak memuat alamat situs. Tulis alamat lengkap setelah https://, misalnya https://ppid.contoh.go.id/dokumen.pdf."),
    (
        "host without a domain",
        "https://ppid/profil",
        "KM-E-104",
        "alamat situs 'ppid' pada tautan 'https://ppid/profil' tidak memuat nama domain yang lengkap (misalnya .go.id). Tulis alamat situs lengkapnya, misalnya https://ppid.contoh.go.id.",
    ),
]


@pytest.mark.parametrize(("case", "written", "code", "message"), WRITTEN_CASES, ids=[c[0] for c in WRITTEN_CASES])
def test_each_link_written_wrongly_says_what_is_wrong_at_its_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edition: Questionnaire, case: str, written: str, code: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    # On a question that takes a document or a link (AA.1.2) the entry still counts: the score stays.
    path = _workbook(edition, {"AA.1.2": (written,)})
    checked = check_workbook(path, edition)
    assert [(p.code, str(p)) for p in checked.warnings if p.code.startswith("KM-E-1")] == [(code, G7 + message)]
    assert checked.assessment is not None
    _score_is_clean(edition, path, checked.assessment.saq_self.score)


# --- links that answer but do not show the document (local server, recorded pages) -------------------

ROUTES: Routes = {
    ("drive.google.com", "/file/d/rahasia/view"): (302, "http://accounts.google.com:{port}/ServiceLogin?service=wise", None),
    ("accounts.google.com", "/ServiceLogin"): (200, None, "google-signin.html"),
    ("docs.google.com", "/document/d/1AbC/edit"): (200, None, "google-docs-signin.html"),
    ("drive.google.com", "/file/d/dibatasi/view"): (200, None, "google-need-access.html"),
    ("drive.google.com", "/drive/folders/1FoLdEr"): (200, None, "google-folder.html"),
    ("onedrive.live.com", "/redir"): (302, "http://login.live.com:{port}/login.srf", None),
    ("login.live.com", "/login.srf"): (200, None, "microsoft-signin.html"),
    ("pemprov.sharepoint.com", "/:b:/g/ppid/sk.pdf"): (302, "http://login.microsoftonline.com:{port}/common/oauth2/authorize", None),
    ("login.microsoftonline.com", "/common/oauth2/authorize"): (200, None, "microsoft-signin.html"),
    ("www.dropbox.com", "/scl/fi/pribadi/sk.pdf"): (200, None, "dropbox-private.html"),
    ("www.dropbox.com", "/scl/fo/laporan"): (200, None, "dropbox-folder.html"),
    ("bit.ly", "/sk-ppid"): (301, "http://drive.google.com:{port}/file/d/rahasia/view", None),
    ("ppid.contoh.go.id", "/putar-a"): (302, "/putar-b", None),
    ("ppid.contoh.go.id", "/putar-b"): (302, "/putar-a", None),
    ("ppid.contoh.go.id", "/hilang"): (404, None, None),
}


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with local_server(recorded_pages(ROUTES)) as found:
        yield found


def _local(host: str) -> Sequence[str]:
    return ["127.0.0.1"]


def _offline(host: str) -> Sequence[str]:
    raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


GOOGLE_FIX = "Di Google Drive/Docs pilih Bagikan → Akses umum → 'Siapa saja yang memiliki link' (Pelihat), lalu salin tautannya lagi."
ONEDRIVE_FIX = "Di OneDrive pilih Bagikan → Setelan tautan → 'Siapa saja yang memiliki tautan' (dapat melihat), lalu salin tautannya lagi."
SHAREPOINT_FIX = (
    "Di SharePoint pilih Bagikan → Setelan tautan → 'Siapa saja' (Anyone with the link); bila pilihan itu tidak tersedia, "
    "minta admin TI mengizinkan berbagi ke luar organisasi atau unggah dokumennya ke situs PPID."
)
DROPBOX_FIX = "Di Dropbox pilih Bagikan → Setelan tautan → 'Siapa saja yang memiliki tautan ini', lalu salin tautannya lagi."


def _sign_in(service: str, fix: str, via: str = "") -> str:
    return f"tautan {{url}} ({service}) tidak dapat dibuka publik: yang terbuka adalah halaman masuk (login) {service}{via}, bukan dokumennya. {fix} Nilai tidak berubah."


@dataclass(frozen=True)
class LinkCase:
    name: str
    address: str  # host/path, served by the local server
    code: str
    message: str  # {url} and {port} filled in
    lookup: Callable[[str], Sequence[str]] = _local
    allow_private: bool = True


LINK_CASES = [
    LinkCase("Google Drive sign-in page", "drive.google.com/file/d/rahasia/view", "KM-E-120", _sign_in("Google Drive", GOOGLE_FIX)),
    LinkCase("Google Docs sign-in page", "docs.google.com/document/d/1AbC/edit", "KM-E-120", _sign_in("Google Drive", GOOGLE_FIX)),
    LinkCase("OneDrive sign-in page", "onedrive.live.com/redir", "KM-E-120", _sign_in("OneDrive", ONEDRIVE_FIX)),
    LinkCase("SharePoint sign-in page", "pemprov.sharepoint.com/:b:/g/ppid/sk.pdf", "KM-E-120", _sign_in("SharePoint", SHAREPOINT_FIX)),
    LinkCase(
        "Google Drive restricted",
        "drive.google.com/file/d/dibatasi/view",
        "KM-E-121",
        f"tautan {{url}} (Google Drive) tidak dapat dibuka publik: berbagi dokumen ini dibatasi, sehingga pengunjung diminta meminta akses. {GOOGLE_FIX} Nilai tidak berubah.",
    ),
    LinkCase(
        "Dropbox private link",
        "www.dropbox.com/scl/fi/pribadi/sk.pdf",
        "KM-E-121",
        f"tautan {{url}} (Dropbox) tidak dapat dibuka publik: berbagi dokumen ini dibatasi, sehingga pengunjung diminta meminta akses. {DROPBOX_FIX} Nilai tidak berubah.",
    ),
    LinkCase(
        "Google Drive folder",
        "drive.google.com/drive/folders/1FoLdEr",
        "KM-E-122",
        "tautan {url} mengarah ke folder Google Drive, bukan ke berkas dokumennya. Buka berkasnya di folder itu, salin tautan berkas tersebut "
        "(misalnya https://drive.google.com/file/d/…/view), dan tulis tautan itu sebagai bukti dukung. Nilai tidak berubah.",
    ),
    LinkCase(
        "Dropbox folder",
        "www.dropbox.com/scl/fo/laporan",
        "KM-E-122",
        "tautan {url} mengarah ke folder Dropbox, bukan ke berkas dokumennya. Buka berkasnya di folder itu, salin tautan berkas tersebut "
        "(misalnya https://www.dropbox.com/scl/fi/…), dan tulis tautan itu sebagai bukti dukung. Nilai tidak berubah.",
    ),
    LinkCase(
        "shortener to a sign-in page",
        "bit.ly/sk-ppid",
        "KM-E-120",
        _sign_in("Google Drive", GOOGLE_FIX, " (tautan pendek ini mengarah ke http://accounts.google.com:{port}/ServiceLogin?service=wise)"),
    ),
    LinkCase(
        "redirect loop",
        "ppid.contoh.go.id/putar-a",
        "KM-E-123",
        "tautan {url} dialihkan berputar: alamat http://ppid.contoh.go.id:{port}/putar-b dialihkan kembali ke alamat yang sudah dilalui, "
        "sehingga halaman tujuannya tidak pernah terbuka. Buka tautannya di peramban, salin alamat halaman yang benar, dan tulis alamat itu. Nilai tidak berubah.",
    ),
    LinkCase("missing page", "ppid.contoh.go.id/hilang", "KM-W-060", "tautan {url} tidak dapat dibuka (status HTTP 404). Perbaiki tautannya atau pastikan dokumen dapat diakses publik."),
    LinkCase(
        "a local address",
        "ppid.contoh.go.id/profil",
        "KM-W-065",
        "tautan {url} mengarah ke alamat jaringan lokal atau privat (127.0.0.1) yang tidak dapat diakses publik, sehingga tidak dibuka. Gunakan alamat situs yang dapat diakses publik.",
        allow_private=False,
    ),
    LinkCase(
        "offline",
        "ppid.contoh.go.id/profil",
        "KM-E-110",
        "tidak ada koneksi internet: tidak satu pun nama situs dapat ditemukan, termasuk situs pembanding komisiinformasi.go.id, sehingga 1 tautan tidak diperiksa. "
        "Nilai tidak berubah. Periksa koneksi jaringan (atau DNS), lalu jalankan pemeriksaan tautan lagi.",
        lookup=_offline,
    ),
]


@pytest.mark.parametrize("case", LINK_CASES, ids=[c.name for c in LINK_CASES])
def test_each_link_that_does_not_show_the_document_has_its_message_at_its_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edition: Questionnaire, port: int, case: LinkCase) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"http://{case.address.replace('/', f':{port}/', 1)}"
    path = _workbook(edition, {"BB.1.2": (url,)})
    filled = read_workbook(path, edition)
    found = check_link_results(filled.evidence_links, timeout=2, allow_private=case.allow_private, lookup=case.lookup)
    assert [(p.code, str(p)) for p in found.problems] == [(case.code, G10 + case.message.format(url=url, port=port))]
    (record,) = [found.record(where, value) for where, value in filled.evidence_links]
    assert (record.value, record.location, record.problem_code) == (url, "Kuesioner!G10", case.code)
    _score_is_clean(edition, path)


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(FILE_CASES) + len(WRITTEN_CASES) + len(LINK_CASES) >= 40
