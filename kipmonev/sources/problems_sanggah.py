"""Problems found while reading a sanggah pack (codes ``KM-SG-0xx``; the round's refusals are in app/problems_sanggah.py)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

PACK_UNREADABLE = Text("{source}: paket sanggah tidak dapat dibaca.")

PACK_NO_SHEET = Entry(
    "KM-SG-001",
    ERROR,
    "sheet Sanggah tidak ditemukan. Paket sanggah berisi sheet Sanggah yang ditulis kipmonev round sanggah-pack; kirim kembali paket aslinya, jangan menyalin isinya ke berkas lain.",
)
PACK_COLUMN_MISSING = Entry(
    "KM-SG-002",
    ERROR,
    "kolom '{column}' tidak ditemukan pada baris judul {row}. Kolom paket sanggah dikenali menurut judulnya. Kembalikan judul kolom seperti semula.",
)
CLAIMED_UNKNOWN = Entry(
    "KM-SG-003",
    ERROR,
    "jawaban yang diajukan '{given}' untuk {code} tidak dikenal. Pilih {allowed}.",
)
CLAIMED_ITEMS_UNKNOWN = Entry(
    "KM-SG-004",
    ERROR,
    "jawaban yang diajukan untuk daftar periksa {code} menyebut butir yang tidak ada ({unknown}). Tulis kode butir yang terpenuhi, dipisah koma: {items}.",
)
CLAIMED_NOT_NUMBER = Entry("KM-SG-005", ERROR, "jawaban yang diajukan untuk {code} harus angka; tertulis '{given}'. Tulis angkanya saja, misalnya 14.")
