"""Rule R1: why something failed is said in Bahasa Indonesia; the system's English text never reaches a person."""

from __future__ import annotations

import errno
import sqlite3
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import run

from kipmonev.core.problems_reasons import OLE_DAMAGED
from kipmonev.core.reasons import reason

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "01-kementerian-urusan-contoh.xlsx"


def _decode_error() -> UnicodeDecodeError:
    try:
        b"ab\xe9".decode("utf-8")
    except UnicodeDecodeError as e:
        return e
    raise AssertionError("unreachable")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied", "x.xlsx"), "akses ditolak: berkas sedang dibuka di aplikasi lain atau folder tidak boleh ditulis; tutup berkas di Excel atau LibreOffice lalu coba lagi"),
        (OSError(errno.EBUSY, "Device or resource busy"), "berkas sedang dipakai aplikasi lain; tutup berkas di Excel atau LibreOffice lalu coba lagi"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "berkas atau folder tidak ditemukan"),
        (FileExistsError(errno.EEXIST, "File exists"), "nama itu, atau salah satu folder di jalurnya, sudah dipakai berkas lain"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "yang disebut adalah folder, bukan berkas"),
        (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "salah satu bagian jalurnya adalah berkas, bukan folder"),
        (OSError(errno.ENOSPC, "No space left on device"), "ruang disk penuh; kosongkan sebagian ruang lalu coba lagi"),
        (OSError(errno.EROFS, "Read-only file system"), "disk atau folder hanya dapat dibaca; pilih folder lain"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "nama atau jalur berkas terlalu panjang; pakai nama yang lebih pendek"),
        (OSError(errno.EMFILE, "Too many open files"), "terlalu banyak berkas terbuka sekaligus; jalankan lagi dengan --jobs lebih kecil"),
        (OSError(errno.EIO, "Input/output error"), "galat baca/tulis pada perangkat penyimpanan; salin berkas ke disk lain lalu coba lagi"),
        (OSError(errno.EXDEV, "Invalid cross-device link"), f"galat sistem berkas nomor {errno.EXDEV}"),
        (OSError("olefile: not an OLE2 structured storage file"), "galat sistem berkas"),
        (zipfile.BadZipFile("File is not a zip file"), "struktur ZIP-nya rusak atau terpotong"),
        (zlib.error("Error -3 while decompressing data: invalid block type"), "data terkompresinya rusak"),
        (EOFError("Compressed file ended before the end-of-stream marker was reached"), "berkas terpotong"),
        (_decode_error(), "isinya bukan teks UTF-8: baris 1 memuat huruf yang tidak dikenal"),
        (RuntimeError("File <ZipInfo> is encrypted, password required for extraction"), "berkas dikunci dengan kata sandi"),
        (NotImplementedError("compression type 99"), "memakai fitur yang tidak didukung"),
        (ValueError("something else"), "galat tak terduga (ValueError)"),
    ],
)
def test_reason_in_indonesian(error: BaseException, expected: str) -> None:
    assert reason(error) == expected


def test_reason_otherwise_names_what_another_kind_means_here() -> None:
    assert reason(OSError("not an OLE2 structured storage file"), otherwise=OLE_DAMAGED) == OLE_DAMAGED.text()
    assert reason(OSError(errno.EACCES, "Permission denied"), otherwise=OLE_DAMAGED).startswith("akses ditolak")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("setup", "args", "expected"),
    [
        (
            lambda d: _write(d / "berkas", b"bukan folder"),
            ("score", str(EXAMPLE), "-o", "berkas/keluaran", "-q"),
            "Galat: 'berkas/keluaran/hasil' tidak dapat dipakai (salah satu bagian jalurnya adalah berkas, bukan folder).\n",
        ),
        (
            lambda d: _write(d / "rusak.xlsx", b"PK\x03\x04" + b"\x00" * 40),
            ("check", "rusak.xlsx"),
            "Galat: rusak.xlsx: berkas .xlsx rusak atau terpotong (struktur ZIP-nya rusak atau terpotong). Salin ulang berkas dari sumbernya, atau buka dan simpan ulang di Excel atau LibreOffice.\n",
        ),
        (
            lambda d: _write(d / "rusak.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40),
            ("check", "rusak.xls"),
            "Galat: rusak.xls: berkas .xls rusak atau terpotong (struktur berkas Excel 97-2003 (OLE2)-nya rusak atau terpotong). Salin ulang berkas dari sumbernya, atau buka dan simpan ulang di Excel atau LibreOffice.\n",
        ),
        (
            lambda d: _write(d / "latin.yaml", b'id: contoh\nnama: "caf\xe9"\n'),
            ("validate", "latin.yaml"),
            "latin.yaml: berkas tidak dapat dibaca (isinya bukan teks UTF-8: baris 2 memuat huruf yang tidak dikenal). Simpan ulang sebagai teks UTF-8.\nGalat: 1 dari 1 berkas bermasalah.\n",
        ),
        (
            lambda d: _write(d / "sintaks.yaml", b"id: contoh\nnama: a: b\n"),
            ("validate", "sintaks.yaml"),
            "sintaks.yaml, baris 2: sintaks YAML tidak sah: tanda titik dua tidak boleh berada di sini (beri tanda kutip pada nilai yang memuat ': '). Periksa indentasi, tanda titik dua dan tanda kutip di sekitar baris ini.\nGalat: 1 dari 1 berkas bermasalah.\n",
        ),
        (
            lambda d: _write(d / "tab.yaml", b"id: contoh\nbagian:\n\t- a\n"),
            ("validate", "tab.yaml"),
            "tab.yaml, baris 3: sintaks YAML tidak sah: ada karakter yang tidak boleh memulai nilai (misalnya tab; gunakan spasi untuk indentasi). Periksa indentasi, tanda titik dua dan tanda kutip di sekitar baris ini.\nGalat: 1 dari 1 berkas bermasalah.\n",
        ),
        (
            lambda d: _write(d / "panel.csv", b"ID;P1\nKEM-01;8\xe9\n"),
            ("score", str(EXAMPLE), "-o", "keluaran", "-q", "--stage-scores", "panel.csv"),
            "Galat: panel.csv: berkas nilai tahap tidak dapat dibaca (isinya bukan teks UTF-8: baris 2 memuat huruf yang tidak dikenal). Simpan sebagai .csv (UTF-8) atau .xlsx.\n",
        ),
    ],
    ids=["output-under-a-file", "damaged-zip", "damaged-ole", "yaml-not-utf8", "yaml-colon", "yaml-tab", "stage-csv-not-utf8"],
)
def test_cli_says_why_in_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: Callable[[Path], Path], args: tuple[str, ...], expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    setup(tmp_path)
    code, _, err = run(*args)
    assert (code, err) == (1, expected)


def test_round_database_that_is_not_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("daftar.csv").write_text("ID;Nama;Kategori\nKEM-01;Kementerian Contoh;Kementerian\n", encoding="utf-8")
    assert run("round", "init", "putaran", "--commission", "Komisi Informasi Pusat", "--roster", "daftar.csv")[0] == 0
    Path("putaran/putaran.sqlite").write_bytes(b"bukan basis data " * 20)
    code, _, err = run("round", "status", "putaran")
    assert (code, err) == (1, "Galat: putaran/putaran.sqlite: basis data putaran tidak dapat dibuka (berkas ini bukan basis data SQLite atau isinya rusak). Basis data tidak diubah. Pulihkan salinannya atau hubungi pengelola putaran.\n")
    assert sqlite3.sqlite_version  # the store is SQLite; the text above is what its "file is not a database" becomes


def test_permission_denied_says_to_close_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: this suite runs as root in CI, and root ignores chmod, so a real EACCES cannot be produced here.
    # On Windows the same error comes from Excel holding the workbook open.
    monkeypatch.chdir(tmp_path)

    def denied(self: Path, target: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(Path, "replace", denied)
    code, _, err = run("template", "ki-pusat-2025-kementerian", "-o", "isian.xlsx")
    assert code == 1
    assert err == "Galat: isian.xlsx: berkas 'isian.xlsx' tidak dapat ditulis (akses ditolak: berkas sedang dibuka di aplikasi lain atau folder tidak boleh ditulis; tutup berkas di Excel atau LibreOffice lalu coba lagi). Periksa apakah foldernya ada dan berkas tidak sedang dibuka aplikasi lain.\n"
    assert not list(tmp_path.glob(".isian.xlsx.*.tmp"))  # the temporary file is removed
