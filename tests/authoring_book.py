"""Authoring workbooks written inline as tables: a small valid edition that each test bends one way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

Table = list[list[Any]]

QUESTION_HEADER = ["kode", "indikator", "teks", "petunjuk", "definisi_operasional", "dasar_hukum", "tipe", "poin", "satuan", "bukti", "boleh_na", "syarat", "rekomendasi"]
#    columns:        A       B            C       D           E                       F              G       H       I         J        K           L         M


def question(code: str, tipe: str = "ya_tidak", poin: Any = 1, **cells: Any) -> list[Any]:
    """A Pertanyaan row in QUESTION_HEADER order; ``cells`` override columns by header name."""
    row = {
        "kode": code,
        "indikator": code.split(".")[0],
        "teks": f"Pertanyaan {code}?",
        "definisi_operasional": "Definisi.",
        "dasar_hukum": "UU 14/2008 Pasal 9",
        "tipe": tipe,
        "poin": poin,
        "rekomendasi": "Lengkapi.",
        **cells,
    }
    return [row.get(h) for h in QUESTION_HEADER]


def base() -> dict[str, Table]:
    """A valid edition: AA (60) with a yes/no and a choice question, BB (40) with one yes/no question."""
    return {
        "Pengaturan": [
            ["kunci", "nilai"],
            ["id", "uji"],
            ["judul", "Kuesioner uji"],
            ["komisi", "Komisi Informasi Uji"],
            ["tahun", 2025],
            ["kategori", "Uji"],
            ["versi", 2025081501],
        ],
        "Indikator": [["kode", "nama", "bobot"], ["AA", "Indikator A", 60], ["BB", "Indikator B", 40]],
        "Pertanyaan": [list(QUESTION_HEADER), question("AA.1.1", poin=2), question("AA.1.2", "pilihan", None), question("BB.1.1")],
        "Pilihan": [
            ["kode_pertanyaan", "kode_butir", "label", "dari", "sampai", "poin"],
            ["AA.1.2", None, "Tidak ada", None, None, 0],
            ["AA.1.2", None, "Lengkap", None, None, 3],
        ],
        "Tahap": [["kode", "nama", "bobot", "batas_lolos", "jika_tidak_lolos"], ["saq", "SAQ", 70, 60, "nilai_saq"], ["presentasi", "Presentasi", 30]],
        "Kualifikasi": [["kode", "nama", "batas_bawah"], ["informatif", "Informatif", 90], ["tidak_informatif", "Tidak Informatif", 0]],
    }


def write_book(path: Path, sheets: dict[str, Table]) -> Path:
    """Write each table to a sheet of that name, row 1 first; ``None`` cells stay empty."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def drop_column(rows: Table, header: str) -> Table:
    """The table without one column."""
    index = rows[0].index(header)
    return [[v for i, v in enumerate(row) if i != index] for row in rows]
