"""The round's settings (putaran.yaml) and roster: read as people write them, every problem at its place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from round_helpers import CATEGORIES, write_roster

from kipmonev.core.errors import QuestionnaireError
from kipmonev.sources.roster import read_roster
from kipmonev.sources.round_config import parse_date, read_round_config


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-23", dt.date(2025, 11, 23)),
        ("23-11-2025", dt.date(2025, 11, 23)),
        ("23/11/2025", dt.date(2025, 11, 23)),
        ("3.1.2026", dt.date(2026, 1, 3)),
        ("23 November 2025", dt.date(2025, 11, 23)),
        ("23 nov 2025", dt.date(2025, 11, 23)),
        ("1 Agustus 2025", dt.date(2025, 8, 1)),
        ("5 Nopember 2025", dt.date(2025, 11, 5)),
        ("31-02-2025", None),
        ("11/23/2025", None),
        ("besok", None),
    ],
)
def test_dates_as_people_write_them(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def _config(folder: Path, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "putaran.yaml").write_text(text, encoding="utf-8")
    return folder


def test_config_read_with_dates_in_two_styles(tmp_path: Path) -> None:
    folder = _config(tmp_path / "p", "komisi: Komisi Informasi Provinsi Nusa Contoh\ntahun: 2025\naturan: ki-kaltim\nedisi:\n  Kementerian: ki-pusat-2025-kementerian\ntenggat:\n  pengisian: 23-11-2025\n  verifikasi: 2025-12-05\n")
    config, warnings = read_round_config(folder)
    assert config.commission == "Komisi Informasi Provinsi Nusa Contoh"
    assert config.rule_set == "ki-kaltim"
    assert config.editions == {"Kementerian": "ki-pusat-2025-kementerian"}
    assert (config.deadlines.filling, config.deadlines.verification, config.deadlines.objection) == (dt.date(2025, 11, 23), dt.date(2025, 12, 5), None)
    assert warnings == ()


def test_config_problems_all_at_once_with_lines(tmp_path: Path) -> None:
    folder = _config(
        tmp_path / "p",
        "komisi: KI Contoh\ntahun: 20x5\nedisii: {}\nedisi:\n  Kementerian: tidak-ada\n  BUMN: ki-pusat-2025-kementerian\ntenggat:\n  pengisian: 31-11-2025\n  verifikasi: 01-11-2025\n  sanggah: 2025-10-01\n",
    )
    with pytest.raises(QuestionnaireError) as caught:
        read_round_config(folder)
    assert [str(p) for p in caught.value.problems] == [
        f"{folder}/putaran.yaml, baris 2 (tahun): tahun '20x5' tidak sah. Tahun penilaian berupa angka empat digit antara 2008 dan 2100. Perbaiki tahunnya.",
        f"{folder}/putaran.yaml, baris 3 (edisii): kunci 'edisii' tidak dikenal. Kunci yang dikenal: 'edisi'. Periksa ejaannya.",
        f"{folder}/putaran.yaml, baris 5 (edisi.Kementerian): edisi 'tidak-ada' untuk kategori Kementerian tidak ditemukan. Edisi berupa id edisi bawaan (lihat 'kipmonev questionnaires') atau jalur berkas YAML. Perbaiki nama edisinya.",
        f"{folder}/putaran.yaml, baris 8 (tenggat.pengisian): tanggal '31-11-2025' tidak dikenali. Tanggal ditulis sebagai 2025-11-23, 23-11-2025, 23/11/2025 atau 23 November 2025. Perbaiki tanggalnya.",
        f"{folder}/putaran.yaml, baris 10 (tenggat.sanggah): tenggat sanggah (2025-10-01) jatuh sebelum tenggat verifikasi (2025-11-01). Tenggat berurutan: pengisian, verifikasi, sanggah. Perbaiki tanggalnya.",
    ]


def test_config_edition_for_another_category_is_a_warning(tmp_path: Path) -> None:
    folder = _config(tmp_path / "p", "komisi: KI Contoh\ntahun: 2025\nedisi:\n  BUMN: ki-pusat-2025-kementerian\n")
    _, warnings = read_round_config(folder)
    assert [p.code for p in warnings] == ["KM-R-012"]


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), (",", False), (";", False), (",", True)])
def test_roster_csv_in_every_dialect(tmp_path: Path, delimiter: str, bom: bool) -> None:
    path = write_roster(tmp_path / "d.csv", [("KEM-01", "Kementerian Satu", "kementerian", "ppid@satu.go.id", ""), ("PROV-1", "Pemprov Contoh", "Pemerintah Provinsi", "", "KEM-01")], delimiter, bom)
    roster = read_roster(path, CATEGORIES)
    assert [(e.id, e.name, e.category, e.ppid_email, e.parent) for e in roster.entries] == [
        ("KEM-01", "Kementerian Satu", "Kementerian", "ppid@satu.go.id", None),
        ("PROV-1", "Pemprov Contoh", "Pemerintah Provinsi", None, "Kementerian Satu"),
    ]


def test_roster_csv_problems_all_at_once_by_line(tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "d.csv",
        [("KEM-01", "Satu", "Kementerian", "ppid@satu.go.id", ""), ("", "", "", "", ""), ("kem-01", "Dua", "Kementrian", "bukan-email", ""), ("", "Tiga", "BUMN", "", ""), ("X", "", "BUMN", "", "X")],
    )
    with pytest.raises(QuestionnaireError) as caught:
        read_roster(path, CATEGORIES)
    assert [str(p).removeprefix(f"{path}, ") for p in caught.value.problems] == [
        "baris 4: ID 'kem-01' sudah dipakai pada baris 2. Setiap badan publik memerlukan ID sendiri. Beri ID lain.",
        "baris 4: kategori 'Kementrian' tidak ada di putaran.yaml. Kategori putaran ini: 'Kementerian', 'Lembaga Negara dan LPNK', 'Lembaga Non-Struktural', 'BUMN', 'Partai Politik', 'Pemerintah Provinsi' atau 'Perguruan Tinggi Negeri'. Perbaiki kategorinya atau tambahkan edisinya di putaran.yaml.",
        "baris 4: email PPID 'bukan-email' tidak sah. Email ditulis seperti ppid@contoh.go.id; beberapa email dipisah titik koma. Perbaiki emailnya.",
        "baris 5: ID badan publik kosong. Setiap baris memerlukan ID. Isi ID-nya atau hapus barisnya.",
        "baris 6: nama badan publik dengan ID 'X' kosong. Setiap baris memerlukan nama. Isi namanya.",
        "baris 6: badan publik 'X' disebut sebagai induknya sendiri. Induk adalah badan publik lain. Kosongkan atau perbaiki kolom Induk.",
    ]


def test_roster_xlsx_problems_name_sheet_and_cell(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Daftar"
    ws.append(["Kategori", "Kode Badan Publik", "Nama Badan Publik", "E-mail PPID"])
    ws.append(["BUMN", "B-1", "PT Satu", "ppid@satu.co.id"])
    ws.append(["Kampus", "B-2", "Universitas Dua", "ppid@@dua"])
    path = tmp_path / "d.xlsx"
    wb.save(path)
    with pytest.raises(QuestionnaireError) as caught:
        read_roster(path, CATEGORIES)
    assert [str(p.location) for p in caught.value.problems] == [f"{path}, Daftar!A3", f"{path}, Daftar!D3"]
    assert [p.code for p in caught.value.problems] == ["KM-R-025", "KM-R-026"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("Nama;Kategori\nSatu;BUMN\n", "KM-R-021"),
        ("ID;Nama;Kategori\n", "KM-R-027"),
        ("", "KM-R-027"),
    ],
)
def test_roster_without_bodies_or_columns(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        read_roster(path, CATEGORIES)
    assert [p.code for p in caught.value.problems] == [code]


def test_roster_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("ID;Nama;Kategori\nK-1;Kementerian Pemuda dan Olahraga – Jakarta;Kementerian\n".encode("cp1252"))
    with pytest.raises(QuestionnaireError) as caught:
        read_roster(path, CATEGORIES)
    assert str(caught.value) == f"{path}: berkas tidak dapat dibaca sebagai teks UTF-8. Daftar CSV disimpan dalam UTF-8 (dengan atau tanpa BOM). Simpan ulang sebagai 'CSV UTF-8'."
