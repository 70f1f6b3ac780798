"""Words of the body report's sanggah section (HTML/PDF and XLSX)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

DECISION_LABELS = {"diterima": "Diterima", "ditolak": "Ditolak"}
PENDING = "Belum diputus"
NOTHING = "–"
SUMMARY = Text("{count} sanggah: {accepted} diterima, {rejected} ditolak, {pending} belum diputus.")
DECIDED_BY = Text("{by}, {when}")
SHEET = "Sanggah"
ROW_SAQ = "Nilai SAQ verifikasi"
HEAD_BEFORE = "Sebelum sanggah"
HEAD_AFTER = "Sesudah sanggah"
HEADERS = (
    "Kode",
    "Tanggapan/Klaim",
    "Jawaban yang diajukan",
    "Bukti baru",
    "Diterima tanggal",
    "Putusan",
    "Alasan",
    "Diputus oleh",
    "Jawaban verifikasi sebelum",
    "Jawaban verifikasi sesudah",
    "Poin sebelum",
    "Poin sesudah",
)
