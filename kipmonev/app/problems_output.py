"""Problems of a batch's output folder: files it does not own, and its own earlier outputs met among the inputs.

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

OUTPUT_FOREIGN_FILES = Entry(
    "KM-B-030",
    ERROR,
    "folder keluaran ini memuat {count} berkas yang bukan keluaran 'kipmonev score' sebelumnya: {files}. kipmonev hanya menghapus "
    "atau menimpa berkas yang ditulisnya sendiri. Pakai --force untuk tetap menulis ke folder ini (berkas itu dibiarkan), "
    "atau pilih folder lain dengan -o.",
)
OUTPUT_FOLDER_SKIPPED = Entry(
    "KM-B-031",
    WARNING,
    "folder ini adalah keluaran 'kipmonev score' ({marker} ada), sehingga {count} buku kerja di dalamnya (laporan, rekap) tidak dinilai "
    "sebagai isian. Pindahkan isian yang sebenarnya ke folder lain bila ada.",
)
SUMMARY_FOREIGN = Text("Folder keluaran memuat berkas lain.")
MORE_FILES = Text("{files} dan {more} lainnya")
SKIPPED_NOTE = Text("Dilewati: {folder} (keluaran kipmonev score; {count} buku kerja tidak dinilai).")
