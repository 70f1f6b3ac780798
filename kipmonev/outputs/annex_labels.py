"""Words on the penetapan annex (Lampiran Penetapan), in the PDF and the XLSX alike."""

from __future__ import annotations

TITLE = "Lampiran Penetapan Hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik"
SHEET_COVER = "Sampul"
SHEET_ANNEX = "Lampiran"
COVER_ROWS = ("Komisi Informasi", "Tahun penilaian", "Nomor SK", "Tanggal")
HEADER = ("Kategori", "Peringkat", "ID", "Nama badan publik", "Nilai akhir", "Kualifikasi", "Keterangan")
RULE = "Peringkat per kategori menurut nilai akhir; nilai yang sama berbagi peringkat dan peringkat berikutnya dilewati (1, 2, 2, 4)."
