"""Problems of the use cases: a batch (KM-B) and the inputs of reports (KM-RN), and the lines of a workbook check.

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``; the location is put
in front when the problem is shown.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

# NOTE: every KipmonevError carries located problems; this keeps a broken promise from hiding an error.
BATCH_UNLOCATED = Entry("KM-B-010", ERROR, "{summary} Galat ini tidak menyebut letaknya; laporkan berkas ini kepada pengelola kipmonev.")
BATCH_UNEXPECTED = Entry("KM-B-009", ERROR, "berkas tidak dapat dinilai karena galat tak terduga ({kind}). Laporkan berkas ini kepada pengelola kipmonev.")
PREVIOUS_UNREADABLE = Entry("KM-B-011", ERROR, "hasil tahun sebelumnya tidak dapat dibaca ({reason}). Berikan folder keluaran 'kipmonev score' atau berkas rekap.json-nya.")
BATCH_NO_INPUTS = Entry("KM-B-012", ERROR, "tidak ada buku kerja (.xlsx) yang ditemukan. Periksa jalur berkas atau folder yang diberikan.")
BATCH_DUPLICATE_BODY = Entry("KM-B-013", ERROR, "ID badan publik '{body}' juga dipakai oleh {other}. Setiap badan publik hanya boleh memiliki satu berkas; hapus salah satu atau perbaiki ID di sheet Identitas.")
BATCH_INPUT_INSIDE_OUTPUT = Entry("KM-B-014", ERROR, "folder masukan ini sama dengan folder keluaran atau berada di dalamnya, sehingga isinya tidak dinilai. Pilih folder keluaran lain dengan -o, misalnya 'hasil-2025'.")
BATCH_OUTPUT_IS_INPUT = Entry("KM-B-015", ERROR, "berkas keluaran '{name}' akan menimpa berkas masukan yang sama. Berkas masukan tidak pernah ditimpa; pilih folder keluaran lain dengan -o.")
REPORT_INPUT_UNREADABLE = Entry("KM-RN-008", ERROR, "berkas tidak dapat dibaca ({reason}). Periksa apakah berkas ada dan dapat dibuka.")
REPORT_INPUT_NOT_RESULT = Entry("KM-RN-009", ERROR, "bukan berkas hasil kipmonev yang sah ({detail}). Buat ulang dengan 'kipmonev score', atau berikan buku kerja isian (.xlsx).")
REPORT_INPUT_KIND = Entry("KM-RN-011", ERROR, "jenis berkas '{suffix}' tidak dapat dijadikan laporan. Berikan berkas hasil .json, buku kerja isian (.xlsx, .xlsm, .xlsb, .ods atau .xls), rekap.json, atau folder keluaran 'kipmonev score'.")
REPORT_FOLDER_WITHOUT_RECAP = Entry("KM-RN-012", ERROR, "folder ini tidak memuat rekap.json. Berikan folder keluaran 'kipmonev score', atau berkas hasil .json di dalam foldernya.")
REPORT_INPUT_NOT_RECAP = Entry("KM-RN-013", ERROR, "bukan berkas rekap kipmonev yang sah ({detail}). Buat ulang dengan 'kipmonev score'.")
SCHEMA_ROOT = Text("akar dokumen")
SCHEMA_MISMATCH = Text("{count} isian tidak sesuai skema, yang pertama di '{where}'")

#: `make docs`: a generated block of a documentation file rewritten, or already current.
DOC_UPDATED = Text("{path} diperbarui.")
DOC_CURRENT = Text("{path} sudah mutakhir.")
