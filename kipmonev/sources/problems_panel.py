"""Problems found while reading a stage-score (panel) file (codes ``KM-P-0xx``)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry

NO_PANEL_COLUMNS = Entry(
    "KM-P-001",
    ERROR,
    "tidak ada kolom nilai panelis yang dikenali (kolom lain diabaikan: {ignored}). Kolom panelis diberi judul seperti 'P1', "
    "'Panelis 1', 'Juri 2' atau 'Nilai Panelis A', atau dinyatakan dengan 'Panelis: <nama>'. Ganti judul kolom nilai panelis.",
)
NO_BODY_COLUMN = Entry(
    "KM-P-002",
    ERROR,
    "kolom ID badan publik tidak ditemukan. Setiap baris harus menunjuk badan publiknya lewat ID (atau, bila terpaksa, nama). "
    "Beri judul kolom ID salah satu dari {aliases}.",
)
DUPLICATE_PANELIST = Entry(
    "KM-P-003",
    ERROR,
    "kolom panelis '{panelist}' muncul lebih dari sekali. Setiap panelis mendapat satu kolom. Beri kolom itu judul lain atau gabungkan isinya.",
)
